//! The large dataset: the demo programme, then 400 organisations, 3,000 people (each listed in the
//! directory) and 60 lab sessions with registrations and attendance. (Products and library
//! documents come with their features.)

use chrono::{Duration, NaiveTime, Utc};
use db::Db;
use domain::labs::schedule::{instant, local};
use domain::labs::{SessionDraft, Status};
use domain::organisations::{Category, Organisation};
use domain::roles::{Grant, Role, SpaceKind};
use uuid::Uuid;

/// How big the dataset is.
pub struct Sizes {
    pub organisations: usize,
    pub users: usize,
    pub sessions: usize,
}

/// What the pages need to know of the dataset.
pub struct Seeded {
    pub held_session: Uuid,
    pub workspace: Uuid,
    pub organisations: usize,
    pub users: usize,
    pub sessions: usize,
    pub registrations: usize,
}

fn actor(name: String) -> Organisation {
    Organisation {
        category: Category::LocalActor,
        name,
        pa_kind: None,
        istat_code: None,
        ipa_code: None,
        tax_code: None,
        region_code: Some("15".into()),
        province_code: None,
        country: "IT".into(),
        partner_type: None,
        actor_sector: Some("association".into()),
        actor_public: Some(false),
        website: None,
    }
}

/// Person `n`'s directory entry: everyone is listed; one in seven knows public procurement, the
/// countries and themes of experience rotate, and one in three keeps them to the administration.
fn directory_entry(n: usize) -> domain::directory::Entry {
    use domain::directory::{Reach, Reaches};
    const COUNTRIES: [&[&str]; 5] = [
        &["AL"],
        &["RS", "ME"],
        &["TN"],
        &["MA", "EG"],
        &["AL", "MK"],
    ];
    const THEMES: [&str; 4] = [
        "m:governance",
        "m:sviluppo-economico",
        "m:turismo-cultura",
        "dac:15110",
    ];
    let role = if n.is_multiple_of(7) {
        "Funzionaria esperta di appalti pubblici"
    } else {
        "Istruttore amministrativo, ufficio Europa"
    };
    let reaches = if n.is_multiple_of(3) {
        Reaches::default()
    } else {
        Reaches([Reach::Programme; 6])
    };
    domain::directory::Entry {
        listed: true,
        role: Some(role.into()),
        countries: COUNTRIES[n % COUNTRIES.len()]
            .iter()
            .map(|c| c.to_string())
            .collect(),
        themes: vec![THEMES[n % THEMES.len()].into()],
        reaches,
    }
}

/// Adds the large dataset to a database holding the demo.
pub async fn seed(db: &Db, sizes: &Sizes) -> anyhow::Result<Seeded> {
    let structure = db::programme::structure(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("load the demo first"))?;
    let cohort = structure
        .cohorts
        .first()
        .ok_or_else(|| anyhow::anyhow!("no cohort"))?;
    let provinces = cohort.organisations.clone();
    let staff = db::accounts::credentials(db, "staff@ponte.example")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no staff account"))?;
    // Every generated account shares the demo password's hash: hashing 3,000 times would only
    // measure Argon2.
    let hash = staff.password_hash.clone();
    let (_, existing) = db::organisations::search(db, None, None, 1, 0).await?;
    let mut organisations: Vec<Uuid> = provinces.clone();
    for n in existing as usize..sizes.organisations {
        organisations.push(
            db::organisations::create(db, &actor(format!("Associazione di prova {n:04}")), None)
                .await?,
        );
    }
    let mut cohort_people = Vec::new();
    for n in 0..sizes.users {
        let org = if n < 250 {
            provinces[n % provinces.len()]
        } else {
            organisations[n % organisations.len()]
        };
        let user = db::accounts::NewUser {
            email: format!("persona{n:04}@bench.example"),
            name: format!("Persona di prova {n:04}"),
            password_hash: hash.clone(),
        };
        let grants = [Grant {
            role: Role::Member,
            space: SpaceKind::Organisation,
            space_id: Some(org),
        }];
        let id = db::accounts::create_user(db, &user, &grants, None).await?;
        db::directory::save(db, id, None, &directory_entry(n)).await?;
        if n < 250 {
            cohort_people.push(id);
        }
    }
    let existing_sessions = db::labs::list(db, &Default::default()).await?.len();
    let modules: Vec<Uuid> = structure.modules.iter().map(|m| m.id).collect();
    let today = local(Utc::now()).0;
    let mut registrations = 0;
    let mut held_session = None;
    for n in existing_sessions..sizes.sessions {
        // Weekly, from half a year back to half a year ahead, on Thursdays.
        let date = today - Duration::days(182) + Duration::days(7 * (n - existing_sessions) as i64);
        let starts_at = instant(date, NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default())
            .map_err(|_| anyhow::anyhow!("time"))?;
        let ends_at = instant(date, NaiveTime::from_hms_opt(17, 0, 0).unwrap_or_default())
            .map_err(|_| anyhow::anyhow!("time"))?;
        let draft = SessionDraft {
            module_id: modules[n % modules.len()],
            cohort_id: cohort.id,
            title: format!("Giornata di laboratorio {n}"),
            starts_at,
            ends_at,
            place: "Napoli, Palazzo Santa Lucia".into(),
            online_url: String::new(),
            capacity: 60,
            table_id: None,
            group_id: None,
        };
        let id = db::labs::create(db, &draft, Some(staff.id)).await?;
        let people: Vec<Uuid> = cohort_people
            .iter()
            .copied()
            .skip(n % 50)
            .take(50)
            .collect();
        for p in &people {
            db::labs::record_registration(db, id, *p).await?;
            registrations += 1;
        }
        if ends_at < Utc::now() {
            db::labs::set_status(db, id, Status::Planned, Status::Held, Some(staff.id)).await?;
            let present: Vec<(Uuid, i64)> = people
                .iter()
                .enumerate()
                .flat_map(|(i, p)| {
                    [(*p, 0), (*p, 1)]
                        .into_iter()
                        .filter(move |(_, h)| !(i + *h as usize).is_multiple_of(9))
                })
                .collect();
            db::labs::save_register(db, id, &present, Some(staff.id)).await?;
            held_session = Some(id);
        }
    }
    let sessions = db::labs::list(db, &Default::default()).await?.len();
    // The demo member's own workspace.
    let (found, _) =
        db::organisations::search(db, None, Some("Provincia di Salerno"), 5, 0).await?;
    let workspace = found
        .iter()
        .find(|o| o.data.name == "Provincia di Salerno")
        .map(|o| o.id)
        .ok_or_else(|| anyhow::anyhow!("no Provincia di Salerno"))?;
    Ok(Seeded {
        held_session: held_session.ok_or_else(|| anyhow::anyhow!("no held session"))?,
        workspace,
        organisations: sizes.organisations.max(existing as usize),
        users: sizes.users,
        sessions,
        registrations,
    })
}
