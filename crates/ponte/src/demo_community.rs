//! Demo discussions: threads in the programme's space and in the Provincia di Salerno's own
//! space, with replies, a quote, mentions, an edited message and a pinned welcome.

use db::Db;
use domain::community::spaces::Kind;
use uuid::Uuid;

/// The demo people who write.
pub struct People {
    pub staff: Uuid,
    pub tutor: Uuid,
    pub coordinator: Uuid,
    pub member: Uuid,
}

fn draft(title: &str, body: &str) -> anyhow::Result<domain::community::ThreadDraft> {
    domain::community::check_thread(title, body)
        .map_err(|e| anyhow::anyhow!("a demo thread does not pass its checks: {e:?}"))
}

/// Loads the discussions; returns how many threads were made.
pub async fn load(db: &Db, programme: Uuid, salerno: Uuid, p: &People) -> anyhow::Result<usize> {
    let welcome = db::community::create_thread(
        db,
        Kind::Programme,
        programme,
        p.staff,
        &draft(
            "Benvenuti nella comunità del programma",
            "Questo è lo spazio di tutto il programma: **domande, esperienze e materiali** da condividere tra amministrazioni, tutor e staff.\n\n- apri una discussione per ogni argomento;\n- cita il messaggio a cui rispondi;\n- segnala ai moderatori ciò che non va.",
        )?, &[],
        &db::community::Audience::default(),
    )
    .await?;
    db::community::set_pinned(db, welcome, true, p.staff).await?;

    let calls = db::community::create_thread(
        db,
        Kind::Programme,
        programme,
        p.coordinator,
        &draft(
            "Bandi IPA III per gli enti locali: chi li ha già letti?",
            "Stiamo valutando il bando per progetti di cooperazione con il Montenegro. Qualcuno ha già esperienza con i **costi semplificati** richiesti?",
        )?, &[],
        &db::community::Audience::default(),
    )
    .await?;
    let first = db::community::posts(db, calls).await?;
    let opening = first
        .first()
        .map(|x| x.id)
        .ok_or_else(|| anyhow::anyhow!("the demo thread has no opening message"))?;
    db::community::reply(
        db,
        calls,
        p.tutor,
        "Sì: conviene partire dalle *opzioni di costo semplificate* del programma e verificare il tasso forfettario per i costi indiretti. Ne parliamo al prossimo laboratorio.",
        Some(opening), &[],
        &db::community::Audience::default(),
    )
    .await?;
    // Mentions between the demo people (each notified, as in the application).
    let space_name = |kind, id| async move {
        db::community::members(db, kind, id)
            .await
            .map(|m| m.map(|(name, _)| name).unwrap_or_default())
    };
    let mention = |name: String, who: Uuid| db::community::Audience {
        space_name: name,
        mentioned: vec![who],
        members: Vec::new(),
    };
    db::community::reply(
        db,
        calls,
        p.member,
        "Grazie @[Elena Russo], preparo una sintesi delle regole e la condivido qui.",
        None,
        &[],
        &mention(space_name(Kind::Programme, programme).await?, p.tutor),
    )
    .await?;

    let logframe = db::community::create_thread(
        db,
        Kind::Administration,
        salerno,
        p.coordinator,
        &draft(
            "Quadro logico per la macroarea turismo sostenibile",
            "Propongo di rivedere insieme gli indicatori prima di inviarlo al tutor.",
        )?,
        &[],
        &db::community::Audience::default(),
    )
    .await?;
    let reply = db::community::reply(
        db,
        logframe,
        p.member,
        "Ho aggiunto due indicatori di risultato: @[Antonio Esposito], li guardi tu?",
        None,
        &[],
        &mention(
            space_name(Kind::Administration, salerno).await?,
            p.coordinator,
        ),
    )
    .await?;
    db::community::update_post(
        db,
        reply,
        p.member,
        &db::community::Edit {
            title: None,
            body: "Ho aggiunto due indicatori di risultato e le fonti di verifica per ciascuno: @[Antonio Esposito], li guardi tu?",
            documents: &[],
        },
        1,
        &db::community::Audience::default(),
    )
    .await?;
    db::community::create_thread(
        db,
        Kind::Administration,
        salerno,
        p.member,
        &draft(
            "Calendario degli incontri con il tavolo territoriale",
            "Raccolgo qui le date proposte dai membri del tavolo per la prossima riunione.",
        )?,
        &[],
        &db::community::Audience::default(),
    )
    .await?;
    Ok(4)
}
