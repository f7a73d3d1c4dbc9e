//! Demo territorial tables: the table of the Provincia di Salerno, constituted with a memorandum
//! of understanding signed by its promoters, with the chamber of commerce, the university, a
//! business association, two NGOs and a diaspora association among its members; and a second
//! table being formed in the Provincia di Foggia.

use chrono::{Duration, NaiveDate};
use db::Db;
use domain::library::{check, DraftInput};
use domain::organisations::{Category, Organisation};
use domain::tables::members::{MemberRole, NewMember, NewRepresentative};
use domain::tables::{Signatory, Status, TableDraft};
use uuid::Uuid;

/// The people the demo tables involve.
pub struct People {
    pub staff: Uuid,
    /// The coordinator of the Provincia di Salerno: the Salerno table's secretariat by right.
    pub coordinator: Uuid,
    /// A member of the Provincia di Salerno, named to the secretariat.
    pub member: Uuid,
    /// The chamber of commerce's person, who represents it.
    pub actor: Uuid,
    /// An official of the Provincia di Foggia.
    pub foggia_official: Uuid,
}

/// The registry's organisations the demo tables are made of.
pub struct Organisations {
    pub salerno: Uuid,
    pub foggia: Uuid,
    pub chamber: Uuid,
    pub university: Uuid,
    pub forum: Uuid,
}

fn local_actor(name: &str, sector: &str, public: bool, region: &str) -> Organisation {
    Organisation {
        category: Category::LocalActor,
        name: name.into(),
        pa_kind: None,
        istat_code: None,
        ipa_code: None,
        tax_code: None,
        region_code: Some(region.into()),
        province_code: None,
        country: "IT".into(),
        partner_type: None,
        actor_sector: Some(sector.into()),
        actor_public: Some(public),
        website: None,
    }
}

const RULES: &str = "## Art. 1 — Finalità\n\nIl tavolo riunisce gli attori pubblici e privati del territorio provinciale interessati alla cooperazione internazionale con i Balcani occidentali e la sponda sud del Mediterraneo.\n\n## Art. 2 — Composizione\n\n- **Promotori**: i firmatari del protocollo d'intesa.\n- **Membri**: le organizzazioni che aderiscono con lettera al presidente.\n- **Osservatori**: le organizzazioni invitate a seguire i lavori, senza diritto di voto.\n\n## Art. 3 — Riunioni\n\nIl tavolo si riunisce almeno tre volte l'anno su convocazione della segreteria, inviata almeno dieci giorni prima con l'ordine del giorno e i documenti da leggere.\n\n## Art. 4 — Decisioni e verbali\n\nLe decisioni sono prese per consenso; il verbale, redatto dalla segreteria, è approvato dai membri e pubblicato sulla pagina del tavolo.\n";

/// The Salerno table's meetings: one held two months ago with its attendance, one convened three
/// weeks ahead. Made directly in the database: the demo sends no convocation.
async fn meetings(
    db: &Db,
    table: Uuid,
    memorandum: Uuid,
    people: &People,
    orgs: &Organisations,
    [business, ngo_a, ngo_b, diaspora]: [Uuid; 4],
) -> anyhow::Result<()> {
    use domain::labs::schedule::instant;
    use domain::tables::meetings::{AgendaItem, Attendance, MeetingDraft, Presence};
    let today = db
        .now()
        .with_timezone(&domain::locale::TIME_ZONE)
        .date_naive();
    let at = |day: NaiveDate, h: u32, m: u32| {
        let time = chrono::NaiveTime::from_hms_opt(h, m, 0)
            .ok_or_else(|| anyhow::anyhow!("a demo meeting's time"))?;
        instant(day, time).map_err(|_| anyhow::anyhow!("a demo meeting's time is skipped"))
    };
    let representatives = db::tables::representatives(db, table).await?;
    let presenter = |organisation: Uuid| -> anyhow::Result<AgendaItem> {
        let r = representatives
            .iter()
            .find(|r| r.organisation_id == organisation)
            .ok_or_else(|| anyhow::anyhow!("a demo representative"))?;
        Ok(AgendaItem {
            title: String::new(),
            representative: Some(r.id),
            presenter: r.name.clone(),
        })
    };
    let item = |title: &str, mut by: AgendaItem| {
        by.title = title.into();
        by
    };
    let secretariat = AgendaItem {
        title: String::new(),
        representative: None,
        presenter: "La segreteria del tavolo".into(),
    };
    let held_on = today - Duration::days(60);
    let held = MeetingDraft {
        title: "Prima riunione plenaria del tavolo".into(),
        starts_at: at(held_on, 10, 0)?,
        ends_at: at(held_on, 12, 30)?,
        place: "Salerno, Palazzo Sant'Agostino, Sala Bottiglieri".into(),
        online_url: "https://videoconferenze.provincia.salerno.example/tavolo".into(),
        agenda: vec![
            item(
                "Apertura e saluti della Provincia",
                presenter(orgs.salerno)?,
            ),
            item(
                "Le opportunità di finanziamento per l'Albania e il Montenegro",
                presenter(orgs.chamber)?,
            ),
            item(
                "Proposte di progetto sul turismo sostenibile delle aree costiere",
                presenter(business)?,
            ),
            item(
                "Programma di lavoro del tavolo per l'anno",
                secretariat.clone(),
            ),
        ],
        documents: vec![memorandum],
    };
    let held_id = db::new_id();
    db::tables::convene(db, table, held_id, &held, &[], Some(people.coordinator)).await?;
    let chamber_person = representatives
        .iter()
        .find(|r| r.organisation_id == orgs.chamber)
        .map(|r| r.name.clone())
        .unwrap_or_default();
    let coordinator = db::accounts::user(db, people.coordinator).await?.name;
    let rows: Vec<Attendance> = [
        (orgs.salerno, Presence::Present, coordinator.as_str(), ""),
        (orgs.chamber, Presence::Present, chamber_person.as_str(), ""),
        (orgs.university, Presence::Delegated, "", "Giovanni Amato"),
        (business, Presence::Present, "Giovanni Amato", ""),
        (ngo_a, Presence::Excused, "", ""),
        (ngo_b, Presence::Present, "Marco Ferrara", ""),
        (diaspora, Presence::Absent, "", ""),
        (orgs.forum, Presence::Present, "Lucia Marino", ""),
    ]
    .into_iter()
    .map(|(organisation, presence, person, delegate)| Attendance {
        organisation,
        presence,
        person: person.into(),
        delegate: delegate.into(),
    })
    .collect();
    db::tables::record_attendance(db, table, held_id, &rows, Some(people.member)).await?;
    commitments(
        db,
        table,
        held_id,
        held_on,
        memorandum,
        people,
        orgs,
        [business, ngo_a, diaspora],
    )
    .await?;

    let next_on = today + Duration::days(21);
    let next = MeetingDraft {
        title: "Seconda riunione plenaria: i progetti comuni".into(),
        starts_at: at(next_on, 15, 0)?,
        ends_at: at(next_on, 17, 30)?,
        place: "Fisciano, Università degli Studi di Salerno, Aula del Consiglio".into(),
        online_url: String::new(),
        agenda: vec![
            item(
                "Il partenariato con l'Università di Tirana",
                presenter(orgs.university)?,
            ),
            item(
                "Il contributo delle associazioni della diaspora",
                presenter(diaspora)?,
            ),
            item("Verifica degli impegni presi", secretariat),
        ],
        documents: vec![memorandum],
    };
    db::tables::convene(db, table, db::new_id(), &next, &[], Some(people.member)).await?;
    Ok(())
}

/// Loads the two tables; returns how many were made.
pub async fn load(
    db: &Db,
    storage: &storage::Storage,
    people: &People,
    orgs: &Organisations,
) -> anyhow::Result<usize> {
    let staff = Some(people.staff);
    let today = db
        .now()
        .with_timezone(&domain::locale::TIME_ZONE)
        .date_naive();
    let ago = |days: i64| -> NaiveDate { today - Duration::days(days) };
    let mut made = Vec::new();
    for o in [
        local_actor("Confindustria Salerno", "business", false, "15"),
        local_actor("ONG Mediterraneo Solidale", "ngo", false, "15"),
        local_actor("ONG Ponti di Pace Salerno", "ngo", false, "15"),
        local_actor(
            "Associazione della comunità albanese di Salerno «Skanderbeg»",
            "association",
            false,
            "15",
        ),
        local_actor(
            "Associazione dei marocchini di Capitanata",
            "association",
            false,
            "16",
        ),
    ] {
        made.push(db::organisations::create(db, &o, staff).await?);
    }
    let [business, ngo_a, ngo_b, diaspora, foggia_diaspora] = made[..] else {
        anyhow::bail!("the demo actors were not all made");
    };

    // The memorandum, a document of the Provincia di Salerno in the library.
    let input = DraftInput {
        title: "Protocollo d'intesa del tavolo territoriale per la cooperazione internazionale della Provincia di Salerno".into(),
        summary: "Il protocollo con cui la Provincia di Salerno, la Camera di commercio e l'Università degli Studi di Salerno costituiscono il tavolo territoriale e ne fissano finalità, composizione e impegni.".into(),
        kind: "other".into(),
        language: "it".into(),
        year: "2026".into(),
        source: "Provincia di Salerno".into(),
        visibility: "programme".into(),
        themes: vec!["m:sviluppo-economico".into(), "m:turismo-cultura".into()],
        places: vec!["IT-72".into(), "AL".into(), "ME".into(), "TN".into()],
        ..Default::default()
    };
    let mut draft = check(&input, 2026, |_| true)
        .map_err(|e| anyhow::anyhow!("the demo memorandum is invalid: {:?}", e.0))?;
    draft.organisation = Some(orgs.salerno);
    let text = format!("# {}\n\n{}\n\n{RULES}", input.title, input.summary);
    let key = storage.put(text.as_bytes()).await?;
    let file = db::library::StoredFile {
        key: key.0,
        name: "protocollo-tavolo-salerno.md".into(),
        content_type: "text/markdown; charset=utf-8".into(),
        size: text.len() as i64,
        extractable: true,
        text: Some(text),
    };
    let memorandum = db::library::create(
        db,
        &draft,
        Some(&file),
        &db::library::Links::default(),
        staff,
    )
    .await?;

    // The Salerno table: formed ten months ago, constituted eight months ago.
    let salerno_table = TableDraft {
        name: "Tavolo territoriale per la cooperazione internazionale della Provincia di Salerno"
            .into(),
        lead: orgs.salerno,
        territory: vec!["065".into()],
        purpose: "Coordinare gli attori del territorio salernitano che lavorano con l'Albania, il Montenegro e la Tunisia: costruire progetti comuni sullo sviluppo economico delle aree costiere e sul turismo sostenibile, condividere contatti e opportunità di finanziamento, seguire gli impegni presi insieme.".into(),
        themes: vec![
            "m:sviluppo-economico".into(),
            "m:turismo-cultura".into(),
            "dac:25030".into(),
            "dac:33210".into(),
        ],
        countries: vec!["AL".into(), "ME".into(), "TN".into()],
        rules: RULES.into(),
        public: true,
        formed_on: ago(300),
    };
    let places = db::tables::places(db, &salerno_table.territory).await?;
    let id =
        db::tables::create(db, &salerno_table, "15", &places, Some(people.coordinator)).await?;
    let members = [
        (orgs.chamber, MemberRole::Promoter, 300),
        (orgs.university, MemberRole::Promoter, 300),
        (business, MemberRole::Member, 240),
        (ngo_a, MemberRole::Member, 240),
        (ngo_b, MemberRole::Member, 200),
        (diaspora, MemberRole::Member, 200),
        (orgs.forum, MemberRole::Observer, 150),
    ];
    for (organisation, role, days) in members {
        let m = NewMember {
            organisation,
            role,
            joined_on: ago(days),
        };
        db::tables::add_member(db, id, &m, Some(people.coordinator)).await?;
    }
    db::tables::add_secretary(db, id, people.member, Some(people.coordinator)).await?;
    db::tables::set_memorandum(db, id, memorandum, Some(people.coordinator)).await?;
    for (organisation, name) in [
        (orgs.salerno, "Il Presidente della Provincia di Salerno"),
        (
            orgs.chamber,
            "Il Presidente della Camera di commercio di Salerno",
        ),
        (
            orgs.university,
            "Il Rettore dell'Università degli Studi di Salerno",
        ),
    ] {
        let s = Signatory {
            organisation,
            name: name.into(),
            signed_on: ago(240),
        };
        db::tables::add_signatory(db, id, &s, Some(people.coordinator)).await?;
    }
    let table = db::tables::get(db, id).await?;
    let dates = domain::tables::transition(
        Status::Forming,
        table.dates,
        Status::Constituted,
        ago(240),
        today,
        true,
    )
    .map_err(|m| anyhow::anyhow!("the demo table cannot be constituted: {m}"))?;
    db::tables::set_status(
        db,
        id,
        Status::Forming,
        Status::Constituted,
        &dates,
        Some(people.coordinator),
    )
    .await?;
    let with_account = [
        (orgs.salerno, people.coordinator),
        (orgs.chamber, people.actor),
    ];
    for (organisation, user) in with_account {
        let u = db::accounts::user(db, user).await?;
        let r = NewRepresentative {
            organisation,
            name: u.name,
            email: u.email,
        };
        db::tables::add_representative(db, id, &r, Some(user), Some(people.coordinator)).await?;
    }
    for (organisation, name, email) in [
        (orgs.university, "Paola Santoro", "p.santoro@unisa.example"),
        (
            business,
            "Giovanni Amato",
            "g.amato@confindustria-salerno.example",
        ),
        (
            ngo_a,
            "Sara Cuomo",
            "sara.cuomo@mediterraneosolidale.example",
        ),
        (ngo_b, "Marco Ferrara", "info@pontidipace.example"),
        (
            diaspora,
            "Arben Hoxha",
            "arben.hoxha@skanderbeg-salerno.example",
        ),
    ] {
        let r = NewRepresentative {
            organisation,
            name: name.into(),
            email: email.into(),
        };
        db::tables::add_representative(db, id, &r, None, Some(people.coordinator)).await?;
    }

    meetings(
        db,
        id,
        memorandum,
        people,
        orgs,
        [business, ngo_a, ngo_b, diaspora],
    )
    .await?;

    // The Foggia table: being formed for a month, not public yet.
    let foggia_table = TableDraft {
        name: "Tavolo territoriale della Provincia di Foggia per il Mediterraneo".into(),
        lead: orgs.foggia,
        territory: vec!["071".into()],
        purpose: "Riunire le associazioni della diaspora, le organizzazioni agricole e i comuni della Capitanata attorno a progetti di co-sviluppo con il Marocco e la Tunisia.".into(),
        themes: vec!["m:agricoltura".into(), "m:migrazioni".into(), "dac:15190".into()],
        countries: vec!["MA".into(), "TN".into()],
        rules: String::new(),
        public: false,
        formed_on: ago(30),
    };
    let places = db::tables::places(db, &foggia_table.territory).await?;
    let foggia_id = db::tables::create(db, &foggia_table, "16", &places, staff).await?;
    let m = NewMember {
        organisation: foggia_diaspora,
        role: MemberRole::Member,
        joined_on: ago(20),
    };
    db::tables::add_member(db, foggia_id, &m, staff).await?;
    let official = db::accounts::user(db, people.foggia_official).await?;
    let r = NewRepresentative {
        organisation: orgs.foggia,
        name: official.name,
        email: official.email,
    };
    db::tables::add_representative(db, foggia_id, &r, Some(people.foggia_official), staff).await?;
    Ok(2)
}

/// The commitments decided at the Salerno table's first meeting (held on `held_on`): two done
/// with their evidence, one in progress, two overdue (one open, one in progress), one dropped
/// with its reason, and one the chamber of commerce still has ahead. Each queues its reminder as
/// the secretariat's form does.
#[allow(clippy::too_many_arguments)]
async fn commitments(
    db: &Db,
    table: Uuid,
    meeting: Uuid,
    held_on: NaiveDate,
    memorandum: Uuid,
    people: &People,
    orgs: &Organisations,
    [business, ngo_a, diaspora]: [Uuid; 3],
) -> anyhow::Result<()> {
    use domain::tables::commitments::{reminder_at, CommitmentDraft, Evidence, Progress, Status};
    let today = db
        .now()
        .with_timezone(&domain::locale::TIME_ZONE)
        .date_naive();
    let representatives = db::tables::representatives(db, table).await?;
    let of = |organisation: Uuid| -> anyhow::Result<Uuid> {
        representatives
            .iter()
            .find(|r| r.organisation_id == organisation)
            .map(|r| r.id)
            .ok_or_else(|| anyhow::anyhow!("a demo representative"))
    };
    let link = |url: &str| Some(Evidence::Link(url.into()));
    // (what, organisation, due, then: state, evidence, reason, note, who updates)
    type Then<'a> = Option<(Status, Option<Evidence>, &'a str, &'a str, Uuid)>;
    let list: Vec<(&str, Uuid, NaiveDate, Then)> = vec![
        (
            "Inviare ai membri la scheda sulle opportunità di finanziamento per l'Albania e il Montenegro",
            orgs.chamber,
            held_on + Duration::days(15),
            Some((
                Status::Done,
                link("https://www.sa.camcom.example/internazionalizzazione/balcani"),
                "",
                "Scheda inviata a tutti i membri e pubblicata sul sito della Camera.",
                people.actor,
            )),
        ),
        (
            "Pubblicare nella biblioteca il protocollo d'intesa firmato",
            orgs.salerno,
            held_on + Duration::days(20),
            Some((
                Status::Done,
                Some(Evidence::Document(memorandum)),
                "",
                "",
                people.coordinator,
            )),
        ),
        (
            "Verificare con l'Università di Tirana l'interesse per un partenariato sul turismo sostenibile",
            orgs.university,
            today + Duration::days(10),
            Some((
                Status::InProgress,
                None,
                "",
                "Primo contatto con il prorettore per l'internazionalizzazione; incontro in videoconferenza da fissare.",
                people.member,
            )),
        ),
        (
            "Raccogliere le proposte delle imprese associate per il progetto sulle aree costiere",
            business,
            today - Duration::days(20),
            None,
        ),
        (
            "Preparare la mappa delle associazioni attive in Tunisia con cui collaborare",
            ngo_a,
            today - Duration::days(5),
            Some((
                Status::InProgress,
                None,
                "",
                "Mappa a metà: mancano le associazioni del sud del Paese.",
                people.member,
            )),
        ),
        (
            "Organizzare un incontro pubblico con la comunità albanese di Salerno",
            diaspora,
            held_on + Duration::days(30),
            Some((
                Status::Dropped,
                None,
                "L'incontro è confluito nella seconda riunione plenaria, dove l'associazione presenta il contributo della diaspora.",
                "",
                people.member,
            )),
        ),
        (
            "Segnalare ai membri le missioni imprenditoriali in Tunisia del prossimo semestre",
            orgs.chamber,
            today + Duration::days(30),
            None,
        ),
    ];
    for (what, organisation, due_on, then) in list {
        let draft = CommitmentDraft {
            what: what.into(),
            organisation,
            representative: of(organisation)?,
            due_on,
            evidence: None,
            decision: None,
        };
        let id = db::new_id();
        db::tables::create_commitment(
            db,
            table,
            meeting,
            id,
            &draft,
            reminder_at(due_on, db.now()),
            Some(people.coordinator),
        )
        .await?;
        if let Some((status, evidence, reason, note, who)) = then {
            let before = db::tables::commitment(db, table, id).await?;
            let p = Progress {
                status,
                evidence,
                reason: reason.into(),
                note: note.into(),
            };
            db::tables::progress_commitment(db, &before, &p, Some(who)).await?;
        }
    }
    Ok(())
}
