//! Demo interregional network (strand C): relations of the five provinces and the four regions
//! with partners in Albania, Montenegro, Bosnia and Herzegovina, Serbia, Tunisia, Morocco and
//! Lebanon (some past projects with their funding programmes), experience records, one
//! interregional group of Campania, Puglia and Calabria administrations targeting Albania and
//! Montenegro on sustainable tourism with two initiatives in different states, and a second group
//! being formed. Dates are fixed, so the demo is the same every time it loads.

use chrono::NaiveDate;
use db::Db;
use domain::network::experience::ExperienceDraft;
use domain::network::groups::{Contact, GroupDraft, Status as GroupStatus};
use domain::network::initiatives::{transition, Facts, InitiativeDraft, State};
use domain::network::relations::{Kind, Partner, ProjectRole, RelationDraft};
use domain::network::Sharing;
use domain::organisations::{Category, Organisation};
use uuid::Uuid;

/// The people the demo network's records are written by.
pub struct People {
    pub staff: Uuid,
    /// The coordinator of the Provincia di Salerno.
    pub coordinator: Uuid,
}

fn partner(name: &str, country: &str, kind: &str) -> Organisation {
    Organisation {
        category: Category::ForeignPartner,
        name: name.into(),
        pa_kind: None,
        istat_code: None,
        ipa_code: None,
        tax_code: None,
        region_code: None,
        province_code: None,
        country: country.into(),
        partner_type: Some(kind.into()),
        actor_sector: None,
        actor_public: None,
        website: None,
    }
}

fn date(y: i32, m: u32, d: u32) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| anyhow::anyhow!("bad demo date"))
}

/// One demo relation: administration, partner (registry name or a new one with its type),
/// country, kind, years, themes, sharing, and for projects programme, role and amount in euro.
struct Seed {
    administration: &'static str,
    partner: &'static str,
    new_partner_type: Option<&'static str>,
    country: &'static str,
    kind: Kind,
    years: (i32, Option<i32>),
    themes: &'static [&'static str],
    sharing: Sharing,
    project: Option<(&'static str, ProjectRole, i64)>,
}

const SEEDS: &[Seed] = &[
    Seed {
        administration: "Provincia di Foggia",
        partner: "Bashkia Durrës (Comune di Durazzo)",
        new_partner_type: None,
        country: "AL",
        kind: Kind::Twinning,
        years: (2009, None),
        themes: &["m:turismo-cultura", "m:governance"],
        sharing: Sharing::Public,
        project: None,
    },
    Seed {
        administration: "Provincia di Salerno",
        partner: "Bashkia Durrës (Comune di Durazzo)",
        new_partner_type: None,
        country: "AL",
        kind: Kind::PastProject,
        years: (2017, Some(2020)),
        themes: &["m:turismo-cultura", "dac:33210"],
        sharing: Sharing::Programme,
        project: Some((
            "Interreg IPA CBC Italia-Albania-Montenegro",
            ProjectRole::Lead,
            480_000,
        )),
    },
    Seed {
        administration: "Provincia di Salerno",
        partner: "Opština Kotor (Comune di Cattaro)",
        new_partner_type: None,
        country: "ME",
        kind: Kind::Memorandum,
        years: (2021, None),
        themes: &["m:turismo-cultura"],
        sharing: Sharing::Public,
        project: None,
    },
    Seed {
        administration: "Provincia di Cosenza",
        partner: "Opština Budva (Comune di Budua)",
        new_partner_type: Some("local_government"),
        country: "ME",
        kind: Kind::OngoingProject,
        years: (2024, Some(2027)),
        themes: &["m:turismo-cultura", "dac:33210"],
        sharing: Sharing::Programme,
        project: Some((
            "Interreg VI-A IPA Italia-Albania-Montenegro",
            ProjectRole::Partner,
            215_000,
        )),
    },
    Seed {
        administration: "Provincia di Caserta",
        partner: "Grad Sarajevo (Città di Sarajevo)",
        new_partner_type: Some("local_government"),
        country: "BA",
        kind: Kind::PastProject,
        years: (2012, Some(2014)),
        themes: &["m:governance", "dac:15185"],
        sharing: Sharing::Public,
        project: Some(("IPA Adriatic CBC 2007-2013", ProjectRole::Partner, 160_000)),
    },
    Seed {
        administration: "Provincia di Agrigento",
        partner: "Commune de Sfax",
        new_partner_type: None,
        country: "TN",
        kind: Kind::PastProject,
        years: (2015, Some(2018)),
        themes: &["m:agricoltura", "dac:31120"],
        sharing: Sharing::Public,
        project: Some(("ENI CBC Italia-Tunisia", ProjectRole::Lead, 620_000)),
    },
    Seed {
        administration: "Provincia di Agrigento",
        partner: "Commune de Tanger (Comune di Tangeri)",
        new_partner_type: Some("local_government"),
        country: "MA",
        kind: Kind::InformalContact,
        years: (2023, None),
        themes: &["m:sviluppo-economico"],
        sharing: Sharing::Private,
        project: None,
    },
    Seed {
        administration: "Regione Campania",
        partner: "Bashkia Vlorë (Comune di Valona)",
        new_partner_type: Some("local_government"),
        country: "AL",
        kind: Kind::Memorandum,
        years: (2019, None),
        themes: &["m:turismo-cultura", "m:ambiente"],
        sharing: Sharing::Public,
        project: None,
    },
    Seed {
        administration: "Regione Puglia",
        partner: "Opština Kotor (Comune di Cattaro)",
        new_partner_type: None,
        country: "ME",
        kind: Kind::PastProject,
        years: (2016, Some(2019)),
        themes: &["m:turismo-cultura", "dac:16061"],
        sharing: Sharing::Public,
        project: Some((
            "Interreg IPA CBC Italia-Albania-Montenegro",
            ProjectRole::Lead,
            1_150_000,
        )),
    },
    Seed {
        administration: "Regione Puglia",
        partner: "Grad Novi Sad (Città di Novi Sad)",
        new_partner_type: Some("local_government"),
        country: "RS",
        kind: Kind::InformalContact,
        years: (2022, None),
        themes: &["m:sviluppo-economico", "dac:32130"],
        sharing: Sharing::Programme,
        project: None,
    },
    Seed {
        administration: "Regione Calabria",
        partner: "Municipalité de Byblos (Comune di Biblo)",
        new_partner_type: Some("local_government"),
        country: "LB",
        kind: Kind::PastProject,
        years: (2018, Some(2021)),
        themes: &["m:turismo-cultura", "dac:16061"],
        sharing: Sharing::Public,
        project: Some(("ENI CBC Med", ProjectRole::Partner, 390_000)),
    },
    Seed {
        administration: "Regione Siciliana",
        partner: "Commune de Sfax",
        new_partner_type: None,
        country: "TN",
        kind: Kind::Twinning,
        years: (2004, None),
        themes: &["m:sviluppo-economico", "m:governance"],
        sharing: Sharing::Public,
        project: None,
    },
];

async fn organisation(db: &Db, name: &str) -> anyhow::Result<Uuid> {
    let (found, _) = db::organisations::search(db, None, Some(name), 5, 0).await?;
    found
        .into_iter()
        .find(|o| o.data.name == name)
        .map(|o| o.id)
        .ok_or_else(|| anyhow::anyhow!("the demo has no organisation {name}"))
}

fn contact(organisation: Uuid, name: &str, email: &str) -> Contact {
    Contact {
        organisation,
        contact_name: name.into(),
        contact_email: email.into(),
    }
}

/// Loads the demo network. Returns how many relations, groups and initiatives it holds.
pub async fn load(db: &Db, people: &People) -> anyhow::Result<(usize, usize, usize)> {
    let mut relations = Vec::new();
    for s in SEEDS {
        let administration = organisation(db, s.administration).await?;
        let (partner_ref, new_partner) = match s.new_partner_type {
            None => (Partner::Registry(organisation(db, s.partner).await?), None),
            Some(kind) => match organisation(db, s.partner).await {
                Ok(id) => (Partner::Registry(id), None),
                Err(_) => (
                    Partner::New {
                        name: s.partner.into(),
                        partner_type: kind.into(),
                    },
                    Some(partner(s.partner, s.country, kind)),
                ),
            },
        };
        let draft = RelationDraft {
            kind: s.kind,
            country: s.country.into(),
            partner: partner_ref,
            start_year: s.years.0,
            end_year: s.years.1,
            themes: s.themes.iter().map(|t| t.to_string()).collect(),
            contact_name: "Ufficio relazioni internazionali".into(),
            contact_email: "internazionale@ente.example".into(),
            funding_programme: s.project.map(|p| p.0.to_string()).unwrap_or_default(),
            project_role: s.project.map(|p| p.1),
            amount_cents: s.project.map(|p| p.2 * 100),
            notes: String::new(),
            sharing: s.sharing,
            documents: vec![],
        };
        let id = db::network::create_relation(
            db,
            administration,
            &draft,
            new_partner.as_ref(),
            Some(people.staff),
        )
        .await?;
        relations.push((s.administration, id));
    }
    let campania = organisation(db, "Regione Campania").await?;
    let salerno = organisation(db, "Provincia di Salerno").await?;
    let foggia = organisation(db, "Provincia di Foggia").await?;
    let puglia = organisation(db, "Regione Puglia").await?;
    let cosenza = organisation(db, "Provincia di Cosenza").await?;
    let caserta = organisation(db, "Provincia di Caserta").await?;
    let agrigento = organisation(db, "Provincia di Agrigento").await?;
    let sicilia = organisation(db, "Regione Siciliana").await?;
    let durres = organisation(db, "Bashkia Durrës (Comune di Durazzo)").await?;
    let kotor = organisation(db, "Opština Kotor (Comune di Cattaro)").await?;

    // Salerno's past project becomes an experience record, shared with the programme.
    db::network::create_experience(
        db,
        salerno,
        &ExperienceDraft {
            title: "Coste accessibili: itinerari di turismo sostenibile tra Salerno e Durazzo"
                .into(),
            start_year: 2017,
            end_year: Some(2020),
            countries: vec!["AL".into()],
            themes: vec!["m:turismo-cultura".into(), "dac:33210".into()],
            partners: "Bashkia Durrës; Camera di commercio di Salerno".into(),
            funding: "Interreg IPA CBC Italia-Albania-Montenegro".into(),
            budget_cents: Some(48_000_000),
            results:
                "Tre itinerari costieri segnalati e promossi; 40 operatori turistici formati; \
                      un ufficio di informazione turistica aperto a Durazzo."
                    .into(),
            lessons: "Coinvolgere gli operatori privati fin dalla progettazione; prevedere la \
                      manutenzione degli itinerari dopo la fine del progetto."
                .into(),
            sharing: Sharing::Programme,
        },
        Some(people.coordinator),
    )
    .await?;
    db::network::create_experience(
        db,
        agrigento,
        &ExperienceDraft {
            title: "Filiera dell'olio tra Agrigento e Sfax".into(),
            start_year: 2015,
            end_year: Some(2018),
            countries: vec!["TN".into()],
            themes: vec!["m:agricoltura".into()],
            partners: "Commune de Sfax; cooperative olivicole".into(),
            funding: "ENI CBC Italia-Tunisia".into(),
            budget_cents: Some(62_000_000),
            results: "Un disciplinare comune di qualità; due missioni commerciali.".into(),
            lessons: "Serve un referente stabile presso il partner.".into(),
            sharing: Sharing::Public,
        },
        Some(people.staff),
    )
    .await?;

    // The first group: Campania, Puglia and Calabria towards Albania and Montenegro.
    let formed = date(2025, 2, 10)?;
    let adriatic = db::network::create_group(
        db,
        &GroupDraft {
            name: "Adriatico sostenibile".into(),
            purpose: "Costruire con i partner albanesi e montenegrini un'offerta comune di \
                      turismo sostenibile lungo la costa adriatica, mettendo in comune le \
                      relazioni e le esperienze delle amministrazioni del gruppo."
                .into(),
            countries: vec!["AL".into(), "ME".into()],
            themes: vec!["m:turismo-cultura".into(), "dac:33210".into()],
            status: GroupStatus::Active,
            members: vec![],
        },
        &[
            contact(campania, "Carla Amato", "c.amato@regione.campania.example"),
            contact(salerno, "Antonio Esposito", "coordinatore@ponte.example"),
            contact(foggia, "Michele Longo", "m.longo@provincia.foggia.example"),
            contact(puglia, "Lucia Santoro", "l.santoro@regione.puglia.example"),
            contact(
                cosenza,
                "Carmela Gallo",
                "c.gallo@provincia.cosenza.example",
            ),
        ],
        formed,
        Some(people.staff),
    )
    .await?;
    // The group's document space holds its working notes, seen by the group's people only.
    let notes = domain::library::DraftInput {
        title: "Mappa condivisa dei cammini costieri tra Puglia, Albania e Montenegro".into(),
        summary: "Il documento di lavoro del gruppo: tappe, ospitalità e contatti locali raccolti \
                  dalle amministrazioni del gruppo."
            .into(),
        kind: "report".into(),
        language: "it".into(),
        year: "2026".into(),
        url: "https://adriatico-sostenibile.example/mappa-cammini".into(),
        visibility: "network_group".into(),
        network_group: adriatic.to_string(),
        themes: vec!["m:turismo-cultura".into()],
        places: vec!["AL".into(), "ME".into()],
        ..Default::default()
    };
    let draft = domain::library::check(&notes, 2026, |_| true)
        .map_err(|e| anyhow::anyhow!("the group's demo document is invalid: {:?}", e.0))?;
    db::library::create(
        db,
        &draft,
        None,
        &db::library::Links::default(),
        Some(people.coordinator),
    )
    .await?;
    for (administration, id) in &relations {
        if matches!(
            *administration,
            "Provincia di Foggia" | "Provincia di Salerno" | "Provincia di Cosenza"
        ) {
            db::network::pool_relation(db, adriatic, *id, Some(people.staff)).await?;
        }
    }
    // A submitted initiative (its call named, its deadline passed) and a running one.
    let routes = db::network::create_initiative(
        db,
        adriatic,
        &InitiativeDraft {
            title: "Rotte adriatiche del turismo lento".into(),
            summary: "Cammini e ciclovie costiere tra Puglia, Albania e Montenegro, con un \
                      marchio comune di ospitalità sostenibile."
                .into(),
            lead: foggia,
            partners: vec![salerno, cosenza, durres, kotor],
            countries: vec!["AL".into(), "ME".into()],
            call_name: "Interreg VI-A IPA Italia-Albania-Montenegro, secondo avviso".into(),
            call_deadline: Some(date(2025, 11, 28)?),
            budget_cents: Some(145_000_000),
            products: vec![],
        },
        date(2025, 3, 1)?,
        Some(people.staff),
    )
    .await?;
    move_along(
        db,
        routes,
        &[
            (State::Preparation, date(2025, 5, 12)?),
            (State::Submitted, date(2025, 11, 20)?),
        ],
        people.staff,
    )
    .await?;
    let heritage = db::network::create_initiative(
        db,
        adriatic,
        &InitiativeDraft {
            title: "Borghi costieri accessibili".into(),
            summary: "Accessibilità dei centri storici costieri per i visitatori con disabilità."
                .into(),
            lead: campania,
            partners: vec![puglia, kotor],
            countries: vec!["ME".into()],
            call_name: "Programma regionale di cooperazione territoriale 2025".into(),
            call_deadline: Some(date(2025, 4, 30)?),
            budget_cents: Some(38_000_000),
            products: vec![],
        },
        date(2025, 2, 20)?,
        Some(people.staff),
    )
    .await?;
    move_along(
        db,
        heritage,
        &[
            (State::Preparation, date(2025, 3, 3)?),
            (State::Submitted, date(2025, 4, 28)?),
            (State::Funded, date(2025, 7, 15)?),
            (State::Running, date(2025, 9, 1)?),
        ],
        people.staff,
    )
    .await?;

    // The second group is being formed: Campania and Sicily towards Tunisia and Morocco.
    db::network::create_group(
        db,
        &GroupDraft {
            name: "Ponte sul Canale di Sicilia".into(),
            purpose: "Avviare una collaborazione stabile con Tunisia e Marocco su filiere \
                      agroalimentari e sviluppo economico locale."
                .into(),
            countries: vec!["TN".into(), "MA".into()],
            themes: vec!["m:agricoltura".into(), "m:sviluppo-economico".into()],
            status: GroupStatus::Forming,
            members: vec![],
        },
        &[
            contact(
                caserta,
                "Roberta Caruso",
                "r.caruso@provincia.caserta.example",
            ),
            contact(
                agrigento,
                "Salvatore Lo Bue",
                "s.lo-bue@provincia.agrigento.example",
            ),
            contact(
                sicilia,
                "Giorgio Messina",
                "g.messina@regione.sicilia.example",
            ),
        ],
        date(2026, 6, 3)?,
        Some(people.staff),
    )
    .await?;
    Ok((relations.len(), 2, 2))
}

/// Moves an initiative through `steps` (each a state and the day it was reached).
async fn move_along(
    db: &Db,
    id: Uuid,
    steps: &[(State, NaiveDate)],
    actor: Uuid,
) -> anyhow::Result<()> {
    for (to, on) in steps {
        let i = db::network::initiative(db, id).await?;
        let facts = Facts {
            since: Some(i.state_on),
            has_call: !i.call_name.is_empty(),
        };
        let mv = transition(i.state, *to, *on, "", facts, *on)
            .map_err(|m| anyhow::anyhow!("demo initiative move refused: {m}"))?;
        db::network::move_initiative(db, id, i.version, &mv, Some(actor)).await?;
    }
    Ok(())
}
