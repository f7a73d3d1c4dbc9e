//! Demo entries of the directory: four of the demo people chose to appear, each keeping some
//! fields to their administration or to nobody; the operator and the local actor have not chosen
//! yet, so nothing of them shows.

use db::Db;
use domain::directory::{Entry, Reach, Reaches};
use uuid::Uuid;

/// The demo people who chose.
pub struct People {
    pub staff: Uuid,
    pub tutor: Uuid,
    pub coordinator: Uuid,
    pub member: Uuid,
}

/// One person's profile (languages, competences) and choice.
async fn person(
    db: &Db,
    id: Uuid,
    languages: &[&str],
    competences: &str,
    entry: Entry,
) -> anyhow::Result<()> {
    let user = db::accounts::user(db, id).await?;
    let languages: Vec<String> = languages.iter().map(|l| l.to_string()).collect();
    let profile = domain::accounts::check_profile(&user.name, &languages, competences)
        .map_err(|e| anyhow::anyhow!("a demo profile does not pass its checks: {e:?}"))?;
    db::accounts::update_profile(db, id, user.version, &profile).await?;
    db::directory::save(db, id, None, &entry).await?;
    Ok(())
}

fn entry(role: &str, countries: &[&str], themes: &[&str], reaches: [Reach; 6]) -> Entry {
    Entry {
        listed: true,
        role: Some(role.to_string()),
        countries: countries.iter().map(|c| c.to_string()).collect(),
        themes: themes.iter().map(|t| t.to_string()).collect(),
        reaches: Reaches(reaches),
    }
}

/// Loads the entries; returns how many people are listed.
pub async fn load(db: &Db, p: &People) -> anyhow::Result<usize> {
    use Reach::{Administration as Adm, Nobody, Programme as All};
    person(
        db,
        p.staff,
        &["it", "en", "fr"],
        "Gestione del ciclo del progetto, Programmazione europea, Monitoraggio e valutazione",
        entry(
            "Responsabile del programma",
            &["AL", "ME", "RS", "TN"],
            &["m:governance"],
            [All, All, All, All, All, All],
        ),
    )
    .await?;
    person(
        db,
        p.tutor,
        &["it", "en", "sq"],
        "Public procurement, Quadro logico, Partenariati internazionali",
        entry(
            "Tutor, esperta di cooperazione decentrata",
            &["AL", "MK", "XK"],
            &["m:governance", "dac:15110"],
            // Her languages are her own business.
            [All, All, Nobody, All, All, All],
        ),
    )
    .await?;
    person(
        db,
        p.coordinator,
        &["it", "en"],
        "Appalti pubblici, Fondi europei, Cooperazione territoriale",
        entry(
            "Dirigente, settore politiche comunitarie",
            &["AL", "TN"],
            &["m:sviluppo-economico"],
            // Where he has worked is for his administration only.
            [All, All, All, All, Adm, All],
        ),
    )
    .await?;
    person(
        db,
        p.member,
        &["it", "fr"],
        "Comunicazione istituzionale, Progettazione europea",
        entry(
            "Funzionaria, ufficio Europa",
            &["ME", "MA"],
            &["m:turismo-cultura"],
            // Her role to nobody, her countries and themes to her administration.
            [All, Nobody, All, All, Adm, Adm],
        ),
    )
    .await?;
    Ok(4)
}
