//! Demo news and events: two news items of the programme's staff (one in Italian, English and
//! French, one in Italian only) and an information day on the calls for the Western Balkans.

use chrono::{Datelike, Duration};
use db::Db;
use std::collections::HashMap;
use uuid::Uuid;

fn form(pairs: &[(&str, &str)]) -> impl Fn(&str) -> String {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    move |k: &str| map.get(k).cloned().unwrap_or_default()
}

/// Loads the news and the event; returns how many news items were published.
pub async fn load(db: &Db, staff: Uuid) -> anyhow::Result<usize> {
    let welcome = domain::news::check_news(
        form(&[
            ("title_it", "Al via la seconda fase del programma"),
            ("body_it", "Cinque nuove **province** si uniscono al programma. I primi laboratori dell'ambito A si terranno a Napoli: il calendario è nella pagina degli eventi."),
            ("title_en", "The programme's second phase begins"),
            ("body_en", "Five new **provinces** join the programme. The first strand A labs will be held in Naples: the calendar is on the events page."),
            ("title_fr", "La deuxième phase du programme commence"),
            ("body_fr", "Cinq nouvelles **provinces** rejoignent le programme. Les premiers ateliers du volet A auront lieu à Naples : le calendrier est sur la page des événements."),
        ]),
        false,
    )
    .map_err(|e| anyhow::anyhow!("a demo news item does not pass its checks: {e:?}"))?;
    db::news::create_news(db, staff, &welcome, None).await?;
    let calls = domain::news::check_news(
        form(&[
            ("title_it", "Bandi per i Balcani occidentali: le scadenze del semestre"),
            ("body_it", "Nella sezione **Bandi** trovate i bandi aperti con le scadenze e le regole di ammissibilità.\n\n- IPA ADRION\n- NEXT MED"),
        ]),
        false,
    )
    .map_err(|e| anyhow::anyhow!("a demo news item does not pass its checks: {e:?}"))?;
    db::news::create_news(db, staff, &calls, None).await?;
    let day = (db.now() + Duration::days(21)).date_naive();
    let date = format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
    let event = domain::news::check_event(form(&[
        ("title", "Giornata informativa sui bandi per i Balcani occidentali"),
        ("description", "Presentazione dei bandi aperti e dei **partenariati** possibili, con gli uffici europei delle regioni."),
        ("date", &date),
        ("start", "10:00"),
        ("end", "13:00"),
        ("place", "Napoli, Palazzo Santa Lucia"),
    ]))
    .map_err(|e| anyhow::anyhow!("the demo event does not pass its checks: {e:?}"))?;
    db::news::create_event(db, staff, &event).await?;
    Ok(2)
}
