//! The demo data: the programme exactly as the seed describes it (PON Governance e Azioni di
//! Sistema 2007-2013, strands A, B and C, strand A's dimensions and modules with their days), the
//! four Convergence regions and the new group of five provinces, a few partners and local actors,
//! and one account per role.

use anyhow::bail;
use db::programme::{CohortSeed, DimensionSeed, ModuleSeed, Programme, Seed, StrandSeed};
use db::Db;
use domain::organisations::{Category, Organisation, PaKind};
use domain::programme::{Delivery, PlannedDays};
use domain::roles::{Grant, Role, SpaceKind};
use uuid::Uuid;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "ponte-demo";

/// The demo accounts: email, name, role.
pub const ACCOUNTS: &[(&str, &str, Role)] = &[
    ("admin@ponte.example", "Giulia Ferri", Role::Admin),
    ("staff@ponte.example", "Marco De Luca", Role::Staff),
    ("tutor@ponte.example", "Elena Russo", Role::Tutor),
    (
        "coordinatore@ponte.example",
        "Antonio Esposito",
        Role::Coordinator,
    ),
    ("membro@ponte.example", "Francesca Greco", Role::Member),
    ("attore@ponte.example", "Luca Marino", Role::Actor),
];

/// Officials of the provinces of Caserta, Foggia, Cosenza and Agrigento (two each), who take part
/// in the demo labs; they share the demo password.
pub const PARTICIPANTS: &[(&str, &str)] = &[
    ("r.caruso@provincia.caserta.example", "Roberta Caruso"),
    ("g.villani@provincia.caserta.example", "Giuseppe Villani"),
    ("m.longo@provincia.foggia.example", "Michele Longo"),
    ("a.sorrentino@provincia.foggia.example", "Anna Sorrentino"),
    ("c.gallo@provincia.cosenza.example", "Carmela Gallo"),
    ("d.perri@provincia.cosenza.example", "Domenico Perri"),
    ("s.lo-bue@provincia.agrigento.example", "Salvatore Lo Bue"),
    (
        "v.castronovo@provincia.agrigento.example",
        "Valentina Castronovo",
    ),
];

fn s(text: &str) -> String {
    text.to_string()
}

fn module(title: &str, tenths_min: i64, tenths_max: i64, products: &[&str]) -> ModuleSeed {
    ModuleSeed {
        title: s(title),
        description: String::new(),
        days: PlannedDays::new(tenths_min, tenths_max),
        delivery: Delivery::InPerson,
        products: products.iter().map(|p| s(p)).collect(),
    }
}

fn pa(
    name: &str,
    kind: PaKind,
    istat: &str,
    ipa: &str,
    region: &str,
    province: Option<&str>,
) -> Organisation {
    Organisation {
        category: Category::ItalianPa,
        name: s(name),
        pa_kind: Some(kind),
        istat_code: Some(s(istat)),
        ipa_code: Some(s(ipa)),
        tax_code: None,
        region_code: Some(s(region)),
        province_code: province.map(s),
        country: s("IT"),
        partner_type: None,
        actor_sector: None,
        actor_public: None,
        website: None,
    }
}

fn partner(name: &str, country: &str, kind: &str) -> Organisation {
    Organisation {
        category: Category::ForeignPartner,
        name: s(name),
        pa_kind: None,
        istat_code: None,
        ipa_code: None,
        tax_code: None,
        region_code: None,
        province_code: None,
        country: s(country),
        partner_type: Some(s(kind)),
        actor_sector: None,
        actor_public: None,
        website: None,
    }
}

fn actor(name: &str, sector: &str, public: bool, region: &str) -> Organisation {
    Organisation {
        category: Category::LocalActor,
        name: s(name),
        pa_kind: None,
        istat_code: None,
        ipa_code: None,
        tax_code: None,
        region_code: Some(s(region)),
        province_code: None,
        country: s("IT"),
        partner_type: None,
        actor_sector: Some(s(sector)),
        actor_public: Some(public),
        website: None,
    }
}

/// The programme as the seed describes it.
pub fn programme(provinces: Vec<Uuid>) -> Seed {
    Seed {
        programme: Programme {
            code: s("PON-GAS-COOP"),
            title: s("Reti regionali e interregionali per la cooperazione internazionale verso i Balcani occidentali e il Mediterraneo del sud"),
            funding: s("Programma Operativo PON Governance e Azioni di Sistema (FSE) 2007-2013 — Obiettivo 1 Convergenza — IT051PO006"),
            partners: vec![
                s("Ministero del Lavoro e delle Politiche Sociali"),
                s("Dipartimento della Funzione Pubblica"),
                s("Formez"),
            ],
            general_objective: s("Sviluppare processi di rafforzamento di reti a livello regionale e interregionale, con riferimento alla cooperazione internazionale verso i Balcani occidentali ed i Paesi della sponda sud del Mediterraneo."),
            system_actions: vec![
                s("Qualificare il sistema istituzionale preposto al governo delle decisioni di policy e i sistemi individuati per la loro attuazione."),
                s("Supportare ed innescare processi di riforma e innovazione che investono interi sistemi (amministrativi/territoriali)."),
                s("Standardizzare processi già implementati."),
                s("Sperimentare e applicare prototipi e modelli di programmazione, gestione e valutazione."),
                s("Modellizzare e trasferire esperienze significative da un'amministrazione ad un'altra o da un territorio ad un altro."),
            ],
            path: vec![
                s("Attraverso il consolidamento dell'esperienza maturata nella prima fase del progetto, durante la quale si è inteso valorizzare e rafforzare la capacità delle nove amministrazioni coinvolte di farsi promotrici di una partecipazione consapevole e strutturata ad interventi di cooperazione."),
                s("Favorire la diffusione di strumenti di multilevel governance e sviluppare una maggiore capacità delle amministrazioni di creare e consolidare reti tematico-geografiche e di programmazione degli investimenti per lo sviluppo."),
            ],
            method: vec![
                s("Attività in presenza: laboratori"),
                s("Tutoraggio a distanza"),
                s("Ambiente web (comunità professionale)"),
            ],
            expected_results: vec![
                s("Aumentata capacità delle amministrazioni beneficiarie di realizzare azioni di cooperazione territoriale, la cui efficacia venga migliorata attraverso il confronto stabile con gli attori locali del territorio e le altre amministrazioni."),
                s("Piani strategici definiti, competenze tecniche acquisite e assetti organizzativi e procedurali disegnati che consentano una consapevole ed organizzata partecipazione di Amministrazioni comunali e provinciali delle 4 Regioni dell'Obiettivo Convergenza a programmi di cooperazione internazionale."),
                s("Creazione e rafforzamento, nei territori, di forme di collaborazione con altri Enti locali e attori tecnici sulla base di interessi e di un'impostazione strategica condivisi."),
                s("Avvio di forme di collaborazione tra Amministrazioni di regioni diverse interessate a rafforzare la propria presenza in attività di cooperazione internazionale grazie alla messa in comune di relazioni con altri Paesi ed esperienze sviluppate in precedenti progetti."),
                s("Valorizzazione e diffusione delle esperienze realizzate da pubbliche amministrazioni italiane."),
            ],
            transversal: vec![
                s("Implementazione dell'ambiente web: l'ambiente web del progetto assicurerà un supporto specifico alle attività dei Laboratori. Attraverso tale ambiente saranno fruibili ai gruppi di lavoro documenti e informazioni di natura tematica e geografica che saranno utilizzati durante tutte le fasi di attività."),
            ],
            contribution: vec![
                s("Expertise e metodo"),
                s("Tutoraggio a distanza per l'elaborazione dei prodotti"),
                s("Ambiente web (comunità professionale on-line) di comunicazione"),
                s("Documenti e strumenti"),
            ],
            ..Programme::default()
        },
        phases: vec![
            (1, s("Prima fase"), s("Nove amministrazioni coinvolte: valorizzare e rafforzare la loro capacità di farsi promotrici di una partecipazione consapevole e strutturata ad interventi di cooperazione.")),
            (2, s("Seconda fase"), s("Consolidamento dell'esperienza della prima fase e laboratori per un nuovo gruppo di cinque amministrazioni provinciali.")),
        ],
        strands: vec![
            StrandSeed {
                code: s("A"),
                title: s("Laboratori sulle strategie, sulle competenze e sugli assetti organizzativi per la cooperazione internazionale"),
                description: s("Laboratori comunali/provinciali rivolti a un nuovo gruppo di amministrazioni: un nuovo gruppo di cinque amministrazioni provinciali verrà coinvolto in laboratori sulle strategie, sulle competenze e sugli assetti organizzativi per la cooperazione internazionale."),
                dimensions: vec![
                    DimensionSeed {
                        number: 1,
                        title: s("Aspetti motivazionali e strategici dell'attività internazionale"),
                        question: s("Perché fare cooperazione e come massimizzare gli impatti di lungo periodo."),
                        modules: vec![
                            module("Introduzione alla metodologia di lavoro e individuazione delle Macroaree di Internazionalizzazione più rilevanti per l'Amministrazione", 15, 15, &["macro_areas"]),
                            module("Creazione dei Quadri Logici relativi alle macroaree individuate", 15, 15, &["logframe"]),
                            module("Definizione di una proposta di piano strategico di apertura internazionale", 15, 15, &["strategic_plan"]),
                            module("Evento di chiusura", 10, 10, &[]),
                        ],
                    },
                    DimensionSeed {
                        number: 2,
                        title: s("I sistemi di conoscenze e competenze interni ed esterni e gli strumenti di lavoro necessari"),
                        question: s("Cosa serve conoscere e quali strumenti bisogna padroneggiare per fare cooperazione."),
                        modules: vec![module(
                            "Comunicazione esterna e interna all'Amministrazione, creazione e gestione partenariati, costruzione di budget e di una proposta progettuale",
                            40,
                            50,
                            &["communication_plan", "partnership_plan", "budget", "project_proposal"],
                        )],
                    },
                    DimensionSeed {
                        number: 3,
                        title: s("Capacità istituzionale, modelli organizzativi e processi relazionali interni ed esterni"),
                        question: s("Come ci si può organizzare per fare cooperazione."),
                        modules: vec![
                            module("Modelli organizzativi a tendere degli uffici internazionali", 10, 10, &[]),
                            module("Analisi dell'assetto organizzativo e ipotesi di miglioramento", 10, 10, &["organisational_analysis"]),
                            module("Azioni di miglioramento organizzativo", 10, 10, &["improvement_plan"]),
                        ],
                    },
                ],
                modules: vec![],
            },
            StrandSeed {
                code: s("B"),
                title: s("Laboratori specialistici per la costituzione di Tavoli territoriali per il rafforzamento delle attività di condivisione con gli attori locali"),
                description: s("Sviluppo delle capacità delle aree urbane e provinciali di attivare, attraverso tavoli territoriali tra gli attori, pubblici e privati interessati ai progetti di cooperazione, forme di concertazione e collaborazione operativa stabile."),
                // The seed names the strand's labs without their modules: one specialist lab, as
                // the strand's title calls it, so that a table's members have one to attend.
                modules: vec![module(
                    "Laboratorio specialistico per la costituzione e il rafforzamento del tavolo territoriale",
                    10,
                    10,
                    &[],
                )],
                ..StrandSeed::default()
            },
            StrandSeed {
                code: s("C"),
                title: s("Laboratori interregionali per la creazione e il rafforzamento di iniziative internazionali"),
                description: s("Si lavorerà, in laboratori interregionali, alla creazione di modalità di collaborazione stabili tra Amministrazioni di regioni diverse, così da rafforzare la capacità di impatto delle quattro Regioni nei Paesi Euromediterranei."),
                // As for strand B: one interregional lab, as the strand's title calls it.
                modules: vec![module(
                    "Laboratorio interregionale per la costruzione di iniziative congiunte",
                    10,
                    10,
                    &[],
                )],
                ..StrandSeed::default()
            },
        ],
        cohorts: vec![CohortSeed {
            name: s("Nuovo gruppo di amministrazioni provinciali"),
            description: s("Cinque amministrazioni provinciali delle quattro Regioni dell'Obiettivo Convergenza coinvolte nei laboratori dell'Ambito A."),
            phase: 2,
            organisations: provinces,
            strands: vec![s("A")],
        }],
    }
}

/// Loads the demo into an empty database and prints the accounts.
pub async fn load(db: &Db, storage: &storage::Storage, if_empty: bool) -> anyhow::Result<()> {
    if db::accounts::count_users(db).await? > 0 || db::programme::structure(db).await?.is_some() {
        if if_empty {
            println!("The database already holds data: the demo was not loaded again.");
            print_accounts();
            return Ok(());
        }
        bail!("the database is not empty: the demo loads only into an empty database");
    }
    let regions = [
        pa(
            "Regione Campania",
            PaKind::Regione,
            "15",
            "r_campan",
            "15",
            None,
        ),
        pa(
            "Regione Puglia",
            PaKind::Regione,
            "16",
            "r_puglia",
            "16",
            None,
        ),
        pa(
            "Regione Calabria",
            PaKind::Regione,
            "18",
            "r_calabr",
            "18",
            None,
        ),
        pa(
            "Regione Siciliana",
            PaKind::Regione,
            "19",
            "r_sicili",
            "19",
            None,
        ),
    ];
    for r in &regions {
        db::organisations::create(db, r, None).await?;
    }
    let provinces = [
        // Salerno's tax code identifies it as the publisher of its IATI activity.
        Organisation {
            tax_code: Some(s("80000390650")),
            ..pa(
                "Provincia di Salerno",
                PaKind::Provincia,
                "065",
                "p_sa",
                "15",
                Some("SA"),
            )
        },
        pa(
            "Provincia di Caserta",
            PaKind::Provincia,
            "061",
            "p_ce",
            "15",
            Some("CE"),
        ),
        pa(
            "Provincia di Foggia",
            PaKind::Provincia,
            "071",
            "p_fg",
            "16",
            Some("FG"),
        ),
        pa(
            "Provincia di Cosenza",
            PaKind::Provincia,
            "078",
            "p_cs",
            "18",
            Some("CS"),
        ),
        pa(
            "Provincia di Agrigento",
            PaKind::Provincia,
            "084",
            "p_ag",
            "19",
            Some("AG"),
        ),
    ];
    let mut province_ids = Vec::new();
    for p in &provinces {
        province_ids.push(db::organisations::create(db, p, None).await?);
    }
    for o in [
        partner(
            "Bashkia Durrës (Comune di Durazzo)",
            "AL",
            "local_government",
        ),
        partner(
            "Opština Kotor (Comune di Cattaro)",
            "ME",
            "local_government",
        ),
        partner("Commune de Sfax", "TN", "local_government"),
        partner("Governatorato di Alessandria", "EG", "local_government"),
    ] {
        db::organisations::create(db, &o, None).await?;
    }
    let chamber = db::organisations::create(
        db,
        &actor(
            "Camera di commercio di Salerno",
            "chamber_of_commerce",
            true,
            "15",
        ),
        None,
    )
    .await?;
    let university = db::organisations::create(
        db,
        &actor(
            "Università degli Studi di Salerno",
            "university",
            true,
            "15",
        ),
        None,
    )
    .await?;
    let forum = db::organisations::create(
        db,
        &actor(
            "Forum delle associazioni di cooperazione della provincia di Salerno",
            "association",
            false,
            "15",
        ),
        None,
    )
    .await?;
    let programme_id = db::programme::load(db, &programme(province_ids.clone()), None).await?;
    let salerno = province_ids[0];
    // One hash for every demo account (they share the password), so loading stays quick.
    let hash = web::accounts::password::hash(DEMO_PASSWORD).map_err(|e| anyhow::anyhow!(e))?;
    let mut staff = None;
    let mut tutor = None;
    let mut actor_account = None;
    let mut participants = Vec::new();
    for (email, name, role) in ACCOUNTS {
        let grants: Vec<Grant> = match role {
            Role::Admin => vec![Grant {
                role: *role,
                space: SpaceKind::Platform,
                space_id: None,
            }],
            Role::Staff => vec![Grant {
                role: *role,
                space: SpaceKind::Programme,
                space_id: Some(programme_id),
            }],
            Role::Tutor => province_ids
                .iter()
                .map(|id| Grant {
                    role: *role,
                    space: SpaceKind::Organisation,
                    space_id: Some(*id),
                })
                .collect(),
            Role::Coordinator | Role::Member => {
                vec![Grant {
                    role: *role,
                    space: SpaceKind::Organisation,
                    space_id: Some(salerno),
                }]
            }
            Role::Actor => vec![Grant {
                role: *role,
                space: SpaceKind::Organisation,
                space_id: Some(chamber),
            }],
        };
        let user = db::accounts::NewUser {
            email: s(email),
            name: s(name),
            password_hash: hash.clone(),
        };
        let id = db::accounts::create_user(db, &user, &grants, None).await?;
        match role {
            Role::Staff => staff = Some(id),
            Role::Tutor => tutor = Some(id),
            Role::Coordinator | Role::Member => participants.push(id),
            Role::Actor => actor_account = Some(id),
            _ => {}
        }
    }
    // Two officials of each of the other four provinces take part in the labs too.
    for (k, (email, name)) in PARTICIPANTS.iter().enumerate() {
        let user = db::accounts::NewUser {
            email: s(email),
            name: s(name),
            password_hash: hash.clone(),
        };
        let grants = [Grant {
            role: Role::Member,
            space: SpaceKind::Organisation,
            space_id: Some(province_ids[1 + k / 2]),
        }];
        participants.push(db::accounts::create_user(db, &user, &grants, None).await?);
    }
    let structure = db::programme::structure(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the programme did not load"))?;
    let strand_a = structure
        .strands
        .iter()
        .find(|s| s.code == "A")
        .map(|s| s.id);
    let modules: Vec<(Uuid, String)> = structure
        .modules
        .iter()
        .filter(|m| Some(m.strand_id) == strand_a)
        .map(|m| (m.id, m.title.clone()))
        .collect();
    let cohort = structure
        .cohorts
        .first()
        .map(|c| c.id)
        .ok_or_else(|| anyhow::anyhow!("no cohort"))?;
    let staff = staff.ok_or_else(|| anyhow::anyhow!("no staff account"))?;
    let sessions = crate::demo_labs::load(db, cohort, &modules, &participants, staff).await?;
    let documents = crate::demo_library::load(db, storage, staff, province_ids[0], cohort).await?;
    let people = crate::demo_products::People {
        coordinator: participants[0],
        member: participants[1],
        tutor: tutor.ok_or_else(|| anyhow::anyhow!("no tutor account"))?,
        staff,
        others: participants[2..].to_vec(),
    };
    let products = crate::demo_products::load(db, &province_ids, &people).await?;
    let table_people = crate::demo_tables::People {
        staff,
        coordinator: participants[0],
        member: participants[1],
        actor: actor_account.ok_or_else(|| anyhow::anyhow!("no actor account"))?,
        // The first official of the Provincia di Foggia (see `PARTICIPANTS`).
        foggia_official: participants[4],
    };
    let table_orgs = crate::demo_tables::Organisations {
        salerno,
        foggia: province_ids[2],
        chamber,
        university,
        forum,
    };
    let tables = crate::demo_tables::load(db, storage, &table_people, &table_orgs).await?;
    let salerno_table = db::tables::list(db)
        .await?
        .into_iter()
        .find(|t| t.lead_id == salerno)
        .ok_or_else(|| anyhow::anyhow!("the demo table of Salerno"))?
        .id;
    let table_labs =
        crate::demo_labs::table_lab(db, &structure, cohort, salerno_table, staff).await?;
    let minutes_people = crate::demo_minutes::People {
        coordinator: table_people.coordinator,
        member: table_people.member,
        actor: table_people.actor,
    };
    crate::demo_minutes::load(db, salerno_table, &minutes_people).await?;
    let call_parts = crate::demo_calls::Parts {
        staff,
        member: participants[1],
        salerno,
        chamber,
        university,
    };
    let calls = crate::demo_calls::load(db, &call_parts).await?;
    let network_people = crate::demo_network::People {
        staff,
        coordinator: participants[0],
    };
    let (relations, groups, initiatives) = crate::demo_network::load(db, &network_people).await?;
    let adriatic = db::network::groups(db)
        .await?
        .into_iter()
        .find(|g| g.name == "Adriatico sostenibile")
        .ok_or_else(|| anyhow::anyhow!("the demo's first interregional group"))?
        .id;
    let group_labs = crate::demo_labs::group_lab(db, &structure, cohort, adriatic, staff).await?;
    let community_people = crate::demo_community::People {
        staff,
        tutor: people.tutor,
        coordinator: participants[0],
        member: participants[1],
    };
    let threads =
        crate::demo_community::load(db, structure.programme.id, salerno, &community_people).await?;
    let directory_people = crate::demo_directory::People {
        staff,
        tutor: people.tutor,
        coordinator: participants[0],
        member: participants[1],
    };
    let listed = crate::demo_directory::load(db, &directory_people).await?;
    let news = crate::demo_news::load(db, staff).await?;
    use domain::notifications;
    // The tutor reads mentions and replies in a daily digest: the member's mention of her waits
    // for the next one (queued by the server's job queue when it starts).
    db::notifications::save_preferences(
        db,
        people.tutor,
        &[
            (notifications::Kind::Mention, notifications::Delivery::Daily),
            (notifications::Kind::Reply, notifications::Delivery::Daily),
        ],
    )
    .await?;
    // The demo's discussions tell of exchanges already past: their notifications are listed and
    // counted as unread, but the emails they would have sent at once are not sent now, when the
    // demo loads (the digests still gather theirs at their hour).
    db::notifications::mail_pending(db, db::notifications::Batch::Immediate, &|_| Vec::new())
        .await?;
    while let Some(job) = db::jobs::claim(db, &[db::notifications::SEND_JOB]).await? {
        db::jobs::complete(db, job.id).await?;
    }
    println!("Demo data loaded: the programme, 27 organisations, one account per role, a season of {sessions} lab sessions, {table_labs} strand B lab for a territorial table and {group_labs} strand C lab for an interregional group, a library of {documents} documents, {products} products, {calls} funding calls, {tables} territorial tables, {relations} international relations, {groups} interregional groups with {initiatives} joint initiatives, {threads} discussions, {listed} people in the directory and {news} news items with an event.");
    print_accounts();
    Ok(())
}

fn print_accounts() {
    println!("Demo accounts (password: {DEMO_PASSWORD}):");
    for (email, name, role) in ACCOUNTS {
        println!("  {:<28} {:<18} {}", email, name, role.code());
    }
}
