//! The demo season of labs: strand A's modules scheduled for the phase-2 group of five provinces,
//! one every two weeks around today, so that some are already held (with agenda, materials,
//! attendance, feedback and outcomes) and the rest are coming up.

use chrono::{Datelike, Duration, NaiveTime, Utc};
use db::labs::AgendaItem;
use db::Db;
use domain::labs::feedback::Answer;
use domain::labs::schedule::{instant, local};
use domain::labs::{SessionDraft, Status};
use uuid::Uuid;

/// Where the five provinces meet, in turn.
const PLACES: [&str; 5] = [
    "Salerno, Palazzo Sant'Agostino, Salone dei Marmi",
    "Caserta, Palazzo della Provincia, Sala del Consiglio",
    "Foggia, Palazzo Dogana, Sala Fedora",
    "Cosenza, Palazzo della Provincia, Sala degli Specchi",
    "Agrigento, Palazzo della Provincia, Sala Giunta",
];

const COMMENTS: [(&str, &str); 6] = [
    (
        "Il lavoro in piccoli gruppi sulle priorità del nostro territorio.",
        "Più tempo per il confronto con le altre province.",
    ),
    (
        "Gli esempi concreti di partenariati con i Balcani occidentali.",
        "Inviare i materiali qualche giorno prima.",
    ),
    (
        "La griglia per l'analisi delle competenze interne è già utilizzabile.",
        "",
    ),
    ("", "La sala era poco adatta al lavoro di gruppo."),
    (
        "Il confronto con il tutor sul quadro logico.",
        "Una pausa in più nel pomeriggio.",
    ),
    (
        "Chiarezza dei relatori e puntualità.",
        "Coinvolgere anche i dirigenti degli altri settori.",
    ),
];

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

/// Loads the season. `participants` are the people of the five provinces; `staff` acts.
pub async fn load(
    db: &Db,
    cohort: Uuid,
    modules: &[(Uuid, String)],
    participants: &[Uuid],
    staff: Uuid,
) -> anyhow::Result<usize> {
    let now = Utc::now();
    let today = local(now).0;
    // The Tuesday eight weeks ago, then one session every two weeks.
    let back = today.weekday().num_days_from_monday() as i64 - 1;
    let first = today - Duration::days(back.rem_euclid(7) + 56);
    let mut count = 0;
    for (i, (module, title)) in modules.iter().enumerate() {
        let date = first + Duration::days(14 * i as i64);
        let remote = i % 4 == 3;
        let (start, end) = if remote {
            (time(10, 0), time(13, 0))
        } else {
            (time(9, 30), time(17, 0))
        };
        let starts_at = instant(date, start).map_err(|_| anyhow::anyhow!("time"))?;
        let ends_at = instant(date, end).map_err(|_| anyhow::anyhow!("time"))?;
        let draft = SessionDraft {
            module_id: *module,
            cohort_id: cohort,
            title: title.clone(),
            starts_at,
            ends_at,
            place: if remote {
                String::new()
            } else {
                PLACES[i % PLACES.len()].to_string()
            },
            online_url: if remote {
                "https://meet.ponte.example/laboratorio-a".to_string()
            } else {
                String::new()
            },
            capacity: 30,
            table_id: None,
            group_id: None,
        };
        let id = db::labs::create(db, &draft, Some(staff)).await?;
        count += 1;
        let agenda: Vec<(NaiveTime, NaiveTime, &str, &str)> = if remote {
            vec![
                (
                    time(10, 0),
                    time(10, 30),
                    "Ripresa dei lavori della giornata precedente",
                    "Elena Russo",
                ),
                (
                    time(10, 30),
                    time(12, 30),
                    "Revisione a distanza dei prodotti, provincia per provincia",
                    "Elena Russo",
                ),
                (
                    time(12, 30),
                    time(13, 0),
                    "Prossimi passi e scadenze",
                    "Marco De Luca",
                ),
            ]
        } else {
            vec![
                (
                    time(9, 30),
                    time(10, 0),
                    "Accoglienza e apertura dei lavori",
                    "Marco De Luca",
                ),
                (
                    time(10, 0),
                    time(13, 0),
                    "Presentazione e discussione del tema della giornata",
                    "Elena Russo",
                ),
                (
                    time(14, 0),
                    time(16, 30),
                    "Lavoro di gruppo per provincia con il tutor",
                    "Elena Russo",
                ),
                (
                    time(16, 30),
                    time(17, 0),
                    "Restituzione in plenaria e prossimi passi",
                    "Marco De Luca",
                ),
            ]
        };
        for (a, b, what, who) in agenda {
            let item = AgendaItem {
                id: db::new_id(),
                starts_at: instant(date, a).map_err(|_| anyhow::anyhow!("time"))?,
                ends_at: instant(date, b).map_err(|_| anyhow::anyhow!("time"))?,
                title: what.to_string(),
                speaker: who.to_string(),
            };
            db::labs::add_agenda_item(db, id, &item, Some(staff)).await?;
        }
        let material = db::labs::Material {
            id: db::new_id(),
            session_id: id,
            title: "Scheda di lavoro della giornata".to_string(),
            url: Some(format!(
                "https://ponte.example/materiali/laboratorio-a-{}",
                i + 1
            )),
            storage_key: None,
            file_name: None,
            content_type: None,
            size: None,
        };
        db::labs::add_material(db, &material, Some(staff)).await?;
        if ends_at < now {
            // Held: everyone registered, most attended both half-days, feedback and outcomes.
            for p in participants {
                db::labs::record_registration(db, id, *p).await?;
            }
            db::labs::set_status(db, id, Status::Planned, Status::Held, Some(staff)).await?;
            let days = domain::labs::attendance::half_days(starts_at, ends_at);
            let mut present = Vec::new();
            for (k, p) in participants.iter().enumerate() {
                for h in &days {
                    // Someone misses a morning, someone an afternoon, one person a whole day.
                    let absent = (k + i) % 7 == 0 || ((k + i) % 5 == 0 && h.index == 1);
                    if !absent {
                        present.push((*p, h.index));
                    }
                }
            }
            db::labs::save_register(db, id, &present, Some(staff)).await?;
            for (k, p) in participants.iter().enumerate().take(6) {
                let (went_well, to_improve) = COMMENTS[(k + i) % COMMENTS.len()];
                let base = 3 + ((k + i) % 3) as i64;
                let answer = Answer {
                    ratings: [
                        Some(base.min(5)),
                        Some((base + 1).min(5)),
                        Some(4),
                        Some((base - 1).max(1)),
                        if k % 3 == 0 { None } else { Some(base.min(5)) },
                    ],
                    went_well: went_well.to_string(),
                    to_improve: to_improve.to_string(),
                    anonymous: k % 2 == 1,
                };
                db::labs::give_feedback(db, id, *p, &answer, date).await?;
            }
            let session = db::labs::get(db, id)
                .await?
                .ok_or_else(|| anyhow::anyhow!("session"))?;
            db::labs::set_outcomes(
                db,
                &session,
                &format!(
                    "Le cinque province hanno condiviso lo stato di avanzamento su «{title}».\n\
                     Ogni amministrazione ha individuato due priorità da approfondire con il tutor prima della giornata successiva.\n\
                     Prossimo passo: consegnare la bozza del prodotto nello spazio di lavoro entro due settimane."
                ),
                Some(staff),
            )
            .await?;
        } else {
            if i % 2 == 0 {
                db::labs::set_status(db, id, Status::Planned, Status::Confirmed, Some(staff))
                    .await?;
            }
            // The next session already has a few people registered.
            if starts_at < now + Duration::days(15) {
                for p in participants.iter().take(4) {
                    db::labs::register(db, id, *p, now).await?;
                }
            }
        }
    }
    Ok(count)
}

/// The strand B lab scheduled for the members of the Salerno table in three to four weeks,
/// its representatives with an account invited. Returns how many labs it scheduled.
pub async fn table_lab(
    db: &Db,
    structure: &db::programme::Structure,
    cohort: Uuid,
    table: Uuid,
    staff: Uuid,
) -> anyhow::Result<usize> {
    let strand = structure
        .strand_by_code(domain::tables::STRAND)
        .ok_or_else(|| anyhow::anyhow!("the demo's strand B"))?;
    let module = structure
        .modules
        .iter()
        .find(|m| m.strand_id == strand.id)
        .ok_or_else(|| anyhow::anyhow!("a strand B module"))?;
    // A Thursday three to four weeks ahead: the strand A season meets on Tuesdays.
    let (today, _) = local(Utc::now());
    let later = today + Duration::days(21);
    let date = later + Duration::days((10 - later.weekday().num_days_from_monday() as i64) % 7);
    let draft = SessionDraft {
        module_id: module.id,
        cohort_id: cohort,
        title: "Dal protocollo d'intesa al programma di lavoro comune del Tavolo di Salerno".into(),
        starts_at: instant(date, time(9, 30)).map_err(|_| anyhow::anyhow!("time"))?,
        ends_at: instant(date, time(13, 30)).map_err(|_| anyhow::anyhow!("time"))?,
        place: "Salerno, Camera di Commercio, Sala Giunta".into(),
        online_url: String::new(),
        capacity: 25,
        table_id: Some(table),
        group_id: None,
    };
    let id = db::labs::create(db, &draft, Some(staff)).await?;
    // Invited as the scheduling form invites them, without the emails of a past moment.
    for r in db::tables::representatives(db, table).await? {
        if let Some(user) = r.user_id {
            db::labs::invite(db, id, user, Some(staff)).await?;
        }
    }
    let agenda = [
        (
            time(9, 30),
            time(10, 30),
            "Il protocollo d'intesa e il regolamento del tavolo: cosa ci impegna",
            "Elena Russo",
        ),
        (
            time(10, 30),
            time(12, 30),
            "Lavoro in gruppi: priorità comuni per l'Albania e il Montenegro",
            "Elena Russo",
        ),
        (
            time(12, 30),
            time(13, 30),
            "Il programma di lavoro del tavolo per l'anno",
            "Antonio Esposito",
        ),
    ];
    for (start, end, title, speaker) in agenda {
        let item = AgendaItem {
            id: db::new_id(),
            starts_at: instant(date, start).map_err(|_| anyhow::anyhow!("time"))?,
            ends_at: instant(date, end).map_err(|_| anyhow::anyhow!("time"))?,
            title: title.into(),
            speaker: speaker.into(),
        };
        db::labs::add_agenda_item(db, id, &item, Some(staff)).await?;
    }
    Ok(1)
}

/// The strand C lab scheduled for the administrations of the group `group` five to six weeks
/// ahead, online, its contact people with an account invited. Returns how many labs it
/// scheduled.
pub async fn group_lab(
    db: &Db,
    structure: &db::programme::Structure,
    cohort: Uuid,
    group: Uuid,
    staff: Uuid,
) -> anyhow::Result<usize> {
    let strand = structure
        .strand_by_code(domain::network::STRAND)
        .ok_or_else(|| anyhow::anyhow!("the demo's strand C"))?;
    let module = structure
        .modules
        .iter()
        .find(|m| m.strand_id == strand.id)
        .ok_or_else(|| anyhow::anyhow!("a strand C module"))?;
    // A Wednesday five to six weeks ahead.
    let (today, _) = local(Utc::now());
    let later = today + Duration::days(35);
    let date = later + Duration::days((9 - later.weekday().num_days_from_monday() as i64) % 7);
    let draft = SessionDraft {
        module_id: module.id,
        cohort_id: cohort,
        title: "Adriatico sostenibile: dalle relazioni messe in comune a una proposta per Interreg IPA ADRION".into(),
        starts_at: instant(date, time(10, 0)).map_err(|_| anyhow::anyhow!("time"))?,
        ends_at: instant(date, time(13, 0)).map_err(|_| anyhow::anyhow!("time"))?,
        place: String::new(),
        online_url: "https://meet.ponte.example/laboratorio-c".into(),
        capacity: 20,
        table_id: None,
        group_id: Some(group),
    };
    let id = db::labs::create(db, &draft, Some(staff)).await?;
    for m in db::network::members(db, &[group]).await? {
        if let Some(person) = db::accounts::credentials(db, &m.contact_email).await? {
            db::labs::invite(db, id, person.id, Some(staff)).await?;
        }
    }
    Ok(1)
}
