//! Demo minutes: the Salerno table's three held meetings (its first plenary and two later
//! working meetings, held here with their attendance) with minutes drafted by the secretariat,
//! circulated, commented on by the chamber of commerce's representative, amended and approved;
//! the first two published on the table's public page. Made directly in the database: the demo
//! sends no email.

use chrono::{Duration, NaiveDate};
use db::Db;
use domain::tables::meetings::{AgendaItem, Attendance, MeetingDraft, MeetingStatus, Presence};
use domain::tables::minutes::{Decision, MinutesBody};
use uuid::Uuid;

/// The people who write, comment on and approve the demo minutes.
pub struct People {
    /// The coordinator of the Provincia di Salerno, who approves.
    pub coordinator: Uuid,
    /// The member of the Provincia di Salerno in the secretariat, who writes.
    pub member: Uuid,
    /// The chamber of commerce's representative, who comments.
    pub actor: Uuid,
}

/// What one section says: its text and its decisions.
type Said = (&'static str, &'static [&'static str]);

/// The minutes of the first plenary, section by section (its agenda has four items).
const FIRST: &[Said] = &[
    (
        "La Provincia apre i lavori e ringrazia i membri per l'adesione al protocollo d'intesa. Si ricordano le finalità del tavolo e il regolamento approvato.",
        &[],
    ),
    (
        "La Camera di commercio presenta le opportunità di finanziamento per **Albania** e **Montenegro**:\n\n- il programma Interreg IPA South Adriatic;\n- i bandi della cooperazione decentrata regionale;\n- gli strumenti di sostegno all'internazionalizzazione delle imprese.\n\nSegue una discussione sui tempi dei bandi e sulle competenze necessarie.",
        &["La Camera di commercio invia ai membri una scheda di sintesi delle opportunità di finanziamento."],
    ),
    (
        "L'associazione di categoria illustra due idee di progetto sul turismo sostenibile delle aree costiere, con possibili partner a Durazzo e a Budua. Il tavolo ritiene prioritaria la prima.",
        &[
            "Il tavolo sostiene l'idea di progetto sul turismo sostenibile delle aree costiere con partner a Durazzo.",
            "Le imprese associate raccolgono proposte entro la prossima riunione.",
        ],
    ),
    (
        "La segreteria propone il programma di lavoro dell'anno: tre riunioni plenarie, gruppi di lavoro tematici e una giornata pubblica con la comunità albanese.",
        &["Il programma di lavoro dell'anno è approvato."],
    ),
];

/// The working meeting on calls, held forty days ago.
const CALLS: &[Said] = &[
    (
        "La Camera di commercio illustra il bando regionale per la cooperazione con l'Albania: scadenza, soggetti ammessi, cofinanziamento richiesto del 20 %.",
        &["Il tavolo presenta una proposta al bando regionale con la Provincia come capofila."],
    ),
    (
        "Si discute la composizione del partenariato per il progetto sulle aree costiere: la Provincia, l'Università, l'associazione di categoria e il Comune di Durazzo.",
        &[
            "L'Università verifica l'interesse dell'Università di Tirana per il partenariato.",
        ],
    ),
    (
        "La segreteria propone il calendario dei gruppi di lavoro fino all'estate.",
        &[],
    ),
];

/// The meeting with the territory's associations, held twenty days ago.
const ASSOCIATIONS: &[Said] = &[
    (
        "Le organizzazioni non governative presentano la rete delle associazioni con cui collaborano in Tunisia, concentrate sulla costa e sulla formazione professionale.",
        &["Le ONG preparano una mappa delle associazioni attive in Tunisia."],
    ),
    (
        "L'associazione della diaspora albanese propone di coinvolgere le famiglie e le imprese albanesi di Salerno nei progetti con l'Albania.",
        &["Il contributo della diaspora è all'ordine del giorno della seconda riunione plenaria."],
    ),
    (
        "La segreteria presenta l'ordine del giorno della seconda riunione plenaria.",
        &[],
    ),
];

fn body(agenda: &[AgendaItem], said: &[Said]) -> MinutesBody {
    let mut body = MinutesBody::from_agenda(agenda, db::new_id);
    for (section, (text, decisions)) in body.sections.iter_mut().zip(said) {
        section.body = (*text).to_string();
        section.decisions = decisions
            .iter()
            .map(|d| Decision {
                id: db::new_id(),
                text: (*d).to_string(),
            })
            .collect();
    }
    body
}

/// Holds a meeting of `table` on `day` (10:00–12:30 in Rome) with `agenda`, every member that
/// had joined by then present but the `excused` ones; returns its id.
#[allow(clippy::too_many_arguments)]
async fn hold(
    db: &Db,
    table: Uuid,
    title: &str,
    place: &str,
    day: NaiveDate,
    agenda: Vec<AgendaItem>,
    excused: &[usize],
    people: &People,
) -> anyhow::Result<Uuid> {
    use domain::labs::schedule::instant;
    let at = |h: u32, m: u32| {
        let time = chrono::NaiveTime::from_hms_opt(h, m, 0)
            .ok_or_else(|| anyhow::anyhow!("a demo meeting's time"))?;
        instant(day, time).map_err(|_| anyhow::anyhow!("a demo meeting's time is skipped"))
    };
    let draft = MeetingDraft {
        title: title.into(),
        starts_at: at(10, 0)?,
        ends_at: at(12, 30)?,
        place: place.into(),
        online_url: String::new(),
        agenda,
        documents: Vec::new(),
    };
    let id = db::new_id();
    db::tables::convene(db, table, id, &draft, &[], Some(people.member)).await?;
    let members = db::tables::members(db, table).await?;
    let representatives = db::tables::representatives(db, table).await?;
    let rows: Vec<Attendance> = members
        .iter()
        .filter(|m| m.joined_on <= day && m.left_on.is_none_or(|l| l >= day))
        .enumerate()
        .map(|(i, m)| {
            let person = representatives
                .iter()
                .find(|r| r.organisation_id == m.organisation_id)
                .map(|r| r.name.clone())
                .unwrap_or_default();
            let excused = excused.contains(&i);
            Attendance {
                organisation: m.organisation_id,
                presence: if excused {
                    Presence::Excused
                } else {
                    Presence::Present
                },
                person: if excused { String::new() } else { person },
                delegate: String::new(),
            }
        })
        .collect();
    db::tables::record_attendance(db, table, id, &rows, Some(people.member)).await?;
    Ok(id)
}

/// Writes the minutes of `meeting`: drafted, written, circulated, commented on by the actor
/// (when `comment` is given, on the section it names, then amended to take it in), approved
/// and, when `publish`, published.
async fn minutes(
    db: &Db,
    table: Uuid,
    meeting: Uuid,
    said: &[Said],
    comment: Option<(usize, &str, &str)>,
    publish: bool,
    people: &People,
) -> anyhow::Result<()> {
    let m = db::tables::meeting(db, table, meeting).await?;
    let first = MinutesBody::from_agenda(&m.agenda, db::new_id);
    let id = db::new_id();
    db::tables::draft_minutes(db, table, meeting, id, &first, Some(people.member)).await?;
    let read = || async {
        db::tables::minutes_of(db, table, meeting)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the demo minutes"))
    };
    // The written text keeps the sections' ids of the first draft.
    let mut written = body(&m.agenda, said);
    for (s, was) in written.sections.iter_mut().zip(&first.sections) {
        s.id = was.id;
    }
    let draft = read().await?;
    db::tables::amend_minutes(db, &draft, &written, "Prima stesura", Some(people.member)).await?;
    let deadline = db.now() + Duration::days(10);
    let before = read().await?;
    db::tables::circulate_minutes(db, &before, deadline, &[], Some(people.member)).await?;
    if let Some((section, text, amended)) = comment {
        let circulated = read().await?;
        let on = circulated
            .body
            .sections
            .get(section)
            .ok_or_else(|| anyhow::anyhow!("a section of the demo minutes"))?;
        db::tables::comment_on_minutes(
            db,
            circulated.id,
            db::new_id(),
            on.id,
            circulated.revision,
            text,
            people.actor,
        )
        .await?;
        let mut body = circulated.body.clone();
        if let Some(s) = body.sections.get_mut(section) {
            s.body.push_str("\n\n");
            s.body.push_str(amended);
        }
        db::tables::amend_minutes(
            db,
            &circulated,
            &body,
            "Accolto il commento della Camera di commercio",
            Some(people.member),
        )
        .await?;
    }
    let approving = read().await?;
    db::tables::approve_minutes(db, &approving, Some(people.coordinator)).await?;
    if publish {
        let approved = read().await?;
        db::tables::publish_minutes(db, &approved, Some(people.coordinator)).await?;
    }
    Ok(())
}

/// Holds the two working meetings and writes the minutes of the three held meetings of `table`
/// (the first plenary is held already); returns how many minutes were written.
pub async fn load(db: &Db, table: Uuid, people: &People) -> anyhow::Result<usize> {
    let meetings = db::tables::meetings(db, table).await?;
    let plenary = meetings
        .iter()
        .find(|m| m.status == MeetingStatus::Held)
        .ok_or_else(|| anyhow::anyhow!("the demo table's held meeting"))?
        .id;
    let today = db
        .now()
        .with_timezone(&domain::locale::TIME_ZONE)
        .date_naive();
    let representatives = db::tables::representatives(db, table).await?;
    let by = |i: usize| -> AgendaItem {
        match representatives.get(i) {
            Some(r) => AgendaItem {
                title: String::new(),
                representative: Some(r.id),
                presenter: r.name.clone(),
            },
            None => secretariat(),
        }
    };
    fn secretariat() -> AgendaItem {
        AgendaItem {
            title: String::new(),
            representative: None,
            presenter: "La segreteria del tavolo".into(),
        }
    }
    let item = |title: &str, mut who: AgendaItem| {
        who.title = title.into();
        who
    };
    let calls = hold(
        db,
        table,
        "Riunione tecnica sui bandi per i Balcani occidentali",
        "Salerno, Camera di commercio, Sala Giunta",
        today - Duration::days(40),
        vec![
            item(
                "Il bando regionale per la cooperazione con l'Albania",
                by(0),
            ),
            item("Il partenariato per il progetto sulle aree costiere", by(1)),
            item("Calendario dei gruppi di lavoro", secretariat()),
        ],
        &[2],
        people,
    )
    .await?;
    let associations = hold(
        db,
        table,
        "Incontro con le associazioni del territorio",
        "Salerno, Palazzo Sant'Agostino, Sala del Consiglio",
        today - Duration::days(20),
        vec![
            item("La rete delle associazioni attive in Tunisia", by(2)),
            item("Il contributo della diaspora albanese", by(3)),
            item(
                "Preparazione della seconda riunione plenaria",
                secretariat(),
            ),
        ],
        &[1, 4],
        people,
    )
    .await?;
    minutes(
        db,
        table,
        plenary,
        FIRST,
        Some((
            1,
            "Suggerisco di citare anche gli strumenti di SIMEST per le imprese che investono nei Balcani.",
            "Si citano anche gli strumenti di SIMEST per le imprese che investono nei Balcani.",
        )),
        true,
        people,
    )
    .await?;
    minutes(db, table, calls, CALLS, None, true, people).await?;
    minutes(db, table, associations, ASSOCIATIONS, None, false, people).await?;
    Ok(3)
}
