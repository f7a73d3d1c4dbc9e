//! Valid forms of the unsafe routes, built on the demo data: each route's real field names (from
//! its handler's form and template) with values that the route accepts, what kind of value each
//! field holds, and who may send it. The hostile-input test mutates them one field at a time.
//! Also here: snapshots of every table (the audit log included) and the Italian messages a reply
//! shows, so that "refused and nothing stored" can be checked.

#![allow(dead_code)]

use crate::common::{App, Reply};
use std::collections::BTreeMap;
use uuid::Uuid;

/// What a field holds, which decides the mutations it gets and what the route must do with them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// One line of text (a title, a name) of at most this many characters.
    Line(usize),
    /// Free text, line breaks allowed, of at most this many characters.
    Text(usize),
    /// A whole number between the two bounds.
    Number(i64, i64),
    /// A date typed as `YYYY-MM-DD`.
    Date,
    /// A time typed as `HH:MM`.
    Time,
    /// The id of a record.
    Id,
    /// One of a fixed list of codes.
    Choice,
    /// An email address.
    Email,
    /// A web address.
    Url(usize),
    /// The version of the record the form was loaded from.
    Version,
    /// A password.
    Secret,
}

/// One field of a valid form.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    pub value: String,
    pub kind: Kind,
    pub required: bool,
}

/// A required field.
pub fn req(name: &'static str, value: impl Into<String>, kind: Kind) -> Field {
    Field {
        name,
        value: value.into(),
        kind,
        required: true,
    }
}

/// An optional field.
pub fn opt(name: &'static str, value: impl Into<String>, kind: Kind) -> Field {
    Field {
        name,
        value: value.into(),
        kind,
        required: false,
    }
}

/// A valid form of one route, ready to send.
#[derive(Debug, Clone)]
pub struct ValidForm {
    pub path: String,
    /// Who sends it (a demo or fixture person's email); `None` for a visitor not signed in.
    pub who: Option<String>,
    pub fields: Vec<Field>,
    /// Sent as multipart/form-data (an upload form), else urlencoded.
    pub multipart: bool,
    /// Ids of records that exist but belong to another organisation, by field.
    pub foreign: Vec<(&'static str, String)>,
    /// Whether the handler reads the body as a list of pairs (a repeated field is then one
    /// more value, not a malformed form).
    pub pairs: bool,
    /// Whether a valid form stores something (a preview does not).
    pub stores: bool,
    /// Fields whose message is shown under another name: field, shown name.
    pub shown: Vec<(&'static str, String)>,
    /// Sent each time by a new visitor (a form that signs its sender in when it succeeds).
    pub fresh_client: bool,
    /// The table that counts refused attempts (a refused sign-in is counted for throttling):
    /// the only one a refusal after the credentials were checked may change, by one row.
    pub throttled: Option<&'static str>,
    /// The route takes a body larger than a far too long field (an editor's form): such a field
    /// reaches the handler, which refuses it.
    pub large: bool,
    /// Fields whose every refusal says one message (`None`: a message of the route's own),
    /// rather than the one their kind says.
    pub says: Vec<(&'static str, Option<&'static str>)>,
}

impl ValidForm {
    fn new(path: String, who: Option<&str>, fields: Vec<Field>) -> ValidForm {
        ValidForm {
            path,
            who: who.map(String::from),
            fields,
            multipart: false,
            foreign: Vec::new(),
            pairs: false,
            stores: true,
            shown: Vec::new(),
            fresh_client: false,
            throttled: None,
            large: false,
            says: Vec::new(),
        }
    }

    fn shown(mut self, field: &'static str, as_: &str) -> ValidForm {
        self.shown.push((field, as_.to_string()));
        self
    }

    /// Every field's message shown as `{form}-{field}` (the forms of the table page).
    fn shown_in(mut self, form: &str) -> ValidForm {
        let names: Vec<&'static str> = self.fields.iter().map(|f| f.name).collect();
        for name in names {
            self.shown.push((name, format!("{form}-{name}")));
        }
        self
    }

    fn fresh_client(mut self) -> ValidForm {
        self.fresh_client = true;
        self
    }

    fn throttled(mut self, table: &'static str) -> ValidForm {
        self.throttled = Some(table);
        self
    }

    fn says(mut self, field: &'static str, message: Option<&'static str>) -> ValidForm {
        self.says.push((field, message));
        self
    }

    fn large(mut self) -> ValidForm {
        self.large = true;
        self
    }

    fn stores_nothing(mut self) -> ValidForm {
        self.stores = false;
        self
    }

    /// The names a field's message may be shown under: its own and those given.
    pub fn shown_as<'a>(&'a self, field: &'a str) -> Vec<&'a str> {
        std::iter::once(field)
            .chain(
                self.shown
                    .iter()
                    .filter(|(f, _)| *f == field)
                    .map(|(_, s)| s.as_str()),
            )
            .collect()
    }

    fn pairs(mut self) -> ValidForm {
        self.pairs = true;
        self
    }

    fn multipart(mut self) -> ValidForm {
        self.multipart = true;
        self
    }

    fn foreign(mut self, field: &'static str, id: Uuid) -> ValidForm {
        self.foreign.push((field, id.to_string()));
        self
    }
}

/// Records the fixtures add to the demo, made once per application.
pub struct Fixtures {
    pub salerno: Uuid,
    pub caserta: Uuid,
    pub chamber: Uuid,
    /// A text product of Salerno and one of Caserta.
    pub product: Uuid,
    pub their_product: Uuid,
    /// A session a week ahead, with the demo member registered.
    pub future_session: Uuid,
    /// A session being held now, with the demo member registered.
    pub current_session: Uuid,
    /// People who change their own profile and password (signed in once).
    pub profile_person: String,
    pub password_person: String,
    /// A held session of the demo (participants answer its questionnaire).
    pub held_session: Uuid,
    /// A library document with a link (no file), made by staff.
    pub document: Uuid,
    /// A draft logframe of Salerno.
    pub logframe: Uuid,
    /// The demo's table led by Salerno (constituted, with its memorandum) and one made here
    /// (being formed) whose record is edited.
    pub salerno_table: Uuid,
    pub table: Uuid,
    /// A foreign partner, which does not sit at a territorial table.
    pub partner: Uuid,
    /// The demo's approved product (published as a model).
    pub approved: Uuid,
}

/// A new thread of the demo member in the space of `administration`: (thread, its opening
/// message).
async fn community_thread(app: &App, administration: Uuid) -> (Uuid, Uuid) {
    let member = db::accounts::credentials(app.db(), "membro@ponte.example")
        .await
        .unwrap()
        .unwrap()
        .id;
    let draft = domain::community::check_thread("Discussione da provare", "Testo.").unwrap();
    let thread = db::community::create_thread(
        app.db(),
        domain::community::spaces::Kind::Administration,
        administration,
        member,
        &draft,
        &[],
        &db::community::Audience::default(),
    )
    .await
    .unwrap();
    let post = db::community::posts(app.db(), thread).await.unwrap()[0].id;
    (thread, post)
}

/// The fixtures: records the valid forms need besides the demo's.
pub async fn fixtures(app: &App) -> Fixtures {
    let salerno = app.organisation("Provincia di Salerno").await;
    let caserta = app.organisation("Provincia di Caserta").await;
    let chamber = app.organisation("Camera di commercio di Salerno").await;
    let product = text_product(app, salerno, "Nota per le prove").await;
    let their_product = text_product(app, caserta, "Nota di Caserta").await;
    let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
    let staff = user_id(app, "staff@ponte.example").await;
    let member = user_id(app, "membro@ponte.example").await;
    let now = chrono::Utc::now();
    let session = |title: &str, starts: chrono::DateTime<chrono::Utc>| domain::labs::SessionDraft {
        module_id: structure.modules[0].id,
        cohort_id: structure.cohorts[0].id,
        title: title.into(),
        starts_at: starts,
        ends_at: starts + chrono::Duration::hours(4),
        place: "Salerno".into(),
        online_url: String::new(),
        capacity: 30,
        table_id: None,
        group_id: None,
    };
    let future = session("Giornata futura", now + chrono::Duration::days(7));
    let future_session = db::labs::create(app.db(), &future, Some(staff))
        .await
        .unwrap();
    // Registered while it is ahead, then moved to now, as a session that has begun.
    let current = session("Giornata in corso", now + chrono::Duration::days(2));
    let current_session = db::labs::create(app.db(), &current, Some(staff))
        .await
        .unwrap();
    for s in [future_session, current_session] {
        assert!(db::labs::register(app.db(), s, member, now).await.unwrap());
    }
    let before = db::labs::get(app.db(), current_session)
        .await
        .unwrap()
        .unwrap();
    let started = session("Giornata in corso", now - chrono::Duration::hours(1));
    db::labs::update(app.db(), &before, before.version, &started, Some(staff))
        .await
        .unwrap();
    let (_, profile_person) = fresh_person(app, domain::roles::Role::Member, salerno).await;
    let (_, password_person) = fresh_person(app, domain::roles::Role::Member, salerno).await;
    let held_session = db::labs::list(app.db(), &Default::default())
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.status == domain::labs::Status::Held)
        .expect("a held session in the demo")
        .id;
    let document = link_document(app).await;
    let logframe = {
        let content = domain::products::Content::Logframe(Default::default()).to_json();
        db::products::create(
            app.db(),
            &db::products::NewProduct {
                organisation: salerno,
                kind: "logframe",
                title: "Quadro logico per le prove",
                content: &content,
                due_on: None,
                model_of: None,
                session: None,
            },
            None,
        )
        .await
        .unwrap()
    };
    let salerno_table = db::tables::list(app.db())
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.lead_id == salerno)
        .expect("the demo table of Salerno")
        .id;
    let table = new_table(app, salerno).await;
    let (partners, _) = db::organisations::search(
        app.db(),
        Some(domain::organisations::Category::ForeignPartner.code()),
        None,
        1,
        0,
    )
    .await
    .unwrap();
    Fixtures {
        held_session,
        document,
        logframe,
        salerno_table,
        table,
        partner: partners[0].id,
        approved: db::products::models(app.db()).await.unwrap()[0].id,
        profile_person,
        password_person,
        salerno,
        caserta,
        chamber,
        product,
        their_product,
        future_session,
        current_session,
    }
}

pub async fn user_id(app: &App, email: &str) -> Uuid {
    db::accounts::credentials(app.db(), email)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no user {email}"))
        .id
}

/// A text product of `organisation`, made directly in the database.
pub async fn text_product(app: &App, organisation: Uuid, title: &str) -> Uuid {
    let content = domain::products::Content::Text {
        markdown: String::new(),
    }
    .to_json();
    db::products::create(
        app.db(),
        &db::products::NewProduct {
            organisation,
            kind: "document",
            title,
            content: &content,
            due_on: None,
            model_of: None,
            session: None,
        },
        None,
    )
    .await
    .unwrap()
}

/// A fresh person holding `role` in `organisation`, with the demo password; returns the email.
pub async fn fresh_person(
    app: &App,
    role: domain::roles::Role,
    organisation: Uuid,
) -> (Uuid, String) {
    let email = format!("persona-{}@provincia.example", Uuid::now_v7().simple());
    let user = db::accounts::NewUser {
        email: email.clone(),
        name: "Persona di prova".into(),
        password_hash: web::accounts::password::hash(ponte::demo::DEMO_PASSWORD).unwrap(),
    };
    let grant = domain::roles::Grant {
        role,
        space: domain::roles::SpaceKind::Organisation,
        space_id: Some(organisation),
    };
    let id = db::accounts::create_user(app.db(), &user, &[grant], None)
        .await
        .unwrap();
    (id, email)
}

const ADMIN: Option<&str> = Some("admin@ponte.example");
const STAFF: Option<&str> = Some("staff@ponte.example");
const COORDINATOR: Option<&str> = Some("coordinatore@ponte.example");
const MEMBER: Option<&str> = Some("membro@ponte.example");

/// The valid form of route `name`, built on the current data (versions as stored now); `None`
/// for a route this module has no form for.
pub async fn valid_form(app: &App, f: &Fixtures, name: &str) -> Option<ValidForm> {
    use Kind::*;
    let db = app.db();
    let structure = db::programme::structure(db).await.unwrap().unwrap();
    let strand_a = &structure.strands[0];
    let module = &structure.modules[0];
    let cohort = &structure.cohorts[0];
    let org = |id: Uuid| format!("/organisations/{id}");
    let form = match name {
        // Programme structure (staff).
        "programme.module_create" => ValidForm::new(
            format!("/programme/strands/{}/modules", strand_a.code),
            STAFF,
            vec![
                req("title", "Laboratorio sulle reti europee", Line(300)),
                opt("description", "Come si entra in una rete.", Text(4000)),
                opt("objectives", "Conoscere le reti.", Text(4000)),
                req("days_min", "1", Choice),
                opt("days_max", "1,5", Choice),
                req("delivery", "in_person", Choice),
                opt("product", "logframe", Choice),
            ],
        )
        .pairs()
        .shown("product", "products"),
        "programme.module_update" => {
            let version = module.version;
            ValidForm::new(
                format!("/programme/modules/{}", module.id),
                STAFF,
                vec![
                    req("version", version.to_string(), Version),
                    req("title", module.title.clone(), Line(300)),
                    opt("description", "Descrizione aggiornata.", Text(4000)),
                    opt("objectives", "", Text(4000)),
                    req("days_min", "1", Choice),
                    opt("days_max", "2", Choice),
                    req("delivery", "in_person", Choice),
                ],
            )
            .pairs()
        }
        "programme.module_move" => ValidForm::new(
            format!("/programme/modules/{}/move", structure.modules[1].id),
            STAFF,
            vec![req("direction", "up", Choice)],
        ),
        "programme.texts_update" => {
            let version = strand_a.version;
            ValidForm::new(
                format!("/programme/texts/strands/{}", strand_a.id),
                STAFF,
                vec![
                    req("version", version.to_string(), Version),
                    req("title", strand_a.title.clone(), Line(300)),
                    opt("text", "Testo rivisto dell'ambito.", Text(4000)),
                ],
            )
        }
        "programme.phase_create" => ValidForm::new(
            "/programme/phases".into(),
            STAFF,
            vec![
                req("title", "Terza fase", Line(300)),
                opt("text", "Una nuova fase.", Text(4000)),
            ],
        ),
        "programme.dimension_create" => ValidForm::new(
            format!("/programme/strands/{}/dimensions", strand_a.code),
            STAFF,
            vec![
                req("title", "Nuova dimensione", Line(300)),
                opt("text", "", Text(4000)),
            ],
        ),
        "programme.cohort_create" => ValidForm::new(
            "/programme/cohorts".into(),
            STAFF,
            vec![
                req("name", "Gruppo di prova", Line(200)),
                opt("description", "Un gruppo.", Text(4000)),
                req("phase_id", cohort.phase_id.to_string(), Id),
                req("organisation", f.salerno.to_string(), Id),
                req("strand", strand_a.id.to_string(), Id),
            ],
        )
        .pairs()
        .shown("organisation", "organisations")
        .shown("strand", "strands"),
        "programme.cohort_update" => {
            let version = cohort.version;
            ValidForm::new(
                format!("/programme/cohorts/{}", cohort.id),
                STAFF,
                vec![
                    req("version", version.to_string(), Version),
                    req("name", cohort.name.clone(), Line(200)),
                    opt("description", "Descrizione del gruppo.", Text(4000)),
                    req("phase_id", cohort.phase_id.to_string(), Id),
                    req("organisation", f.salerno.to_string(), Id),
                    req("strand", strand_a.id.to_string(), Id),
                ],
            )
            .pairs()
            .shown("organisation", "organisations")
            .shown("strand", "strands")
        }
        // Labs (staff).
        "labs.session_create" => ValidForm::new(
            "/labs/sessions".into(),
            STAFF,
            // A day of its own each time, so that sessions made by accepted forms do not overlap.
            session_fields(module.id, cohort.id, "Giornata di prova", 400 + next_day()),
        ),
        "labs.session_update" => {
            let s = db::labs::get(db, f.future_session).await.unwrap().unwrap();
            let mut fields = session_fields(module.id, cohort.id, "Giornata futura", 8);
            fields.insert(0, req("version", s.version.to_string(), Version));
            ValidForm::new(format!("/labs/sessions/{}", s.id), STAFF, fields)
        }
        "labs.session_status" => {
            // A new planned session each time: one confirmed is confirmed already.
            let session = new_session(app, "Giornata da confermare", 21).await;
            ValidForm::new(
                format!("/labs/sessions/{session}/status"),
                STAFF,
                vec![req("status", "confirmed", Choice)],
            )
        }
        "labs.session_outcomes" => ValidForm::new(
            format!("/labs/sessions/{}/outcomes", f.current_session),
            STAFF,
            vec![opt("outcomes", "Esiti della giornata.", Text(20_000))],
        ),
        "labs.agenda_add" => {
            let s = db::labs::get(db, f.future_session).await.unwrap().unwrap();
            let (start, end) = (local_time(s.starts_at, 30), local_time(s.starts_at, 60));
            ValidForm::new(
                format!("/labs/sessions/{}/agenda", s.id),
                STAFF,
                vec![
                    req("start", start, Time),
                    req("end", end, Time),
                    req("title", "Presentazione", Line(300)),
                    opt("speaker", "Elena Russo", Line(200)),
                ],
            )
        }
        "labs.material_add" => ValidForm::new(
            format!("/labs/sessions/{}/materials", f.future_session),
            STAFF,
            vec![
                req("title", "Slide della giornata", Line(300)),
                req("url", "https://example.org/slide", Url(1000)),
            ],
        )
        .multipart(),
        "labs.invite" => ValidForm::new(
            format!("/labs/sessions/{}/invite", f.future_session),
            STAFF,
            vec![req("email", "coordinatore@ponte.example", Email)],
        ),
        "labs.check_in" => {
            let s = db::labs::get(db, f.current_session).await.unwrap().unwrap();
            ValidForm::new(
                format!("/labs/sessions/{}/check-in", s.id),
                MEMBER,
                vec![req("code", s.check_in_code.clone(), Choice)],
            )
        }
        "labs.register_save" => {
            let member = user_id(app, "membro@ponte.example").await;
            let s = db::labs::get(db, f.current_session).await.unwrap().unwrap();
            // The first half-day the session covers (the morning or, begun after noon, the
            // afternoon).
            let half = domain::labs::attendance::half_days(s.starts_at, s.ends_at)[0].index;
            ValidForm::new(
                format!("/labs/sessions/{}/register-sheet", s.id),
                STAFF,
                vec![opt("present", format!("{member}:{half}"), Choice)],
            )
            .pairs()
        }
        // Organisations.
        "organisations.create" => ValidForm::new(
            "/admin/organisations".into(),
            ADMIN,
            vec![
                req("category", "local_actor", Choice),
                req("name", "Associazione di prova", Line(200)),
                req("actor_sector", "association", Choice),
                req("actor_public", "private", Choice),
                opt("region_code", "15", Choice),
                opt("website", "https://associazione.example", Url(300)),
            ],
        ),
        "organisations.update" => {
            let chamber = f.chamber;
            let stored = db::organisations::get(db, chamber).await.unwrap();
            let current = domain::organisations::OrganisationForm::from(&stored.data);
            let mut fields = vec![
                req("version", stored.version.to_string(), Version),
                req("category", current.category.clone(), Choice),
                req("name", current.name.clone(), Line(200)),
                opt("website", "https://camera.example", Url(300)),
            ];
            for (name, value) in [
                ("pa_kind", &current.pa_kind),
                ("istat_code", &current.istat_code),
                ("ipa_code", &current.ipa_code),
                ("tax_code", &current.tax_code),
                ("region_code", &current.region_code),
                ("province_code", &current.province_code),
                ("partner_type", &current.partner_type),
                ("actor_sector", &current.actor_sector),
                ("actor_public", &current.actor_public),
            ] {
                // A local actor's region may be left out (and is put back when it was).
                if name == "region_code" {
                    let region = if value.is_empty() {
                        "15"
                    } else {
                        value.as_str()
                    };
                    fields.push(opt(name, region, Choice));
                } else if !value.is_empty() {
                    fields.push(req(name, value.clone(), Choice));
                }
            }
            ValidForm::new(format!("/admin/organisations/{chamber}"), ADMIN, fields)
        }
        "organisations.invite" => ValidForm::new(
            format!("{}/invitations", org(f.salerno)),
            COORDINATOR,
            vec![
                req("email", "nuovo.collega@provincia.example", Email),
                req("role", "member", Choice),
            ],
        ),
        "organisations.revoke" => {
            let (leaving, _) = fresh_person(app, domain::roles::Role::Member, f.salerno).await;
            let (theirs, _) = fresh_person(app, domain::roles::Role::Member, f.caserta).await;
            ValidForm::new(
                format!("{}/members/remove", org(f.salerno)),
                COORDINATOR,
                vec![
                    req("user", leaving.to_string(), Id),
                    req("role", "member", Choice),
                ],
            )
            .foreign("user", theirs)
        }
        // Accounts.
        "accounts.invite" => ValidForm::new(
            "/admin/invitations".into(),
            ADMIN,
            vec![
                req("email", "invitata@provincia.example", Email),
                req("role", "member", Choice),
                req("organisation", f.salerno.to_string(), Id),
            ],
        ),
        "accounts.set_active" => {
            let (someone, _) = fresh_person(app, domain::roles::Role::Member, f.salerno).await;
            ValidForm::new(
                format!("/admin/users/{someone}/active"),
                ADMIN,
                vec![req("active", "false", Choice)],
            )
        }
        "accounts.profile_update" => {
            let email = f.profile_person.clone();
            let version = user_version(app, user_id(app, &email).await).await;
            ValidForm::new(
                "/profile".into(),
                Some(&email),
                vec![
                    req("version", version.to_string(), Version),
                    req("name", "Persona rinominata", Line(120)),
                    opt("languages", "en", Choice),
                    opt("competences", "Fondi europei", Text(2000)),
                ],
            )
            .pairs()
        }
        "accounts.password_change" => ValidForm::new(
            "/profile/password".into(),
            Some(&f.password_person),
            vec![
                req("current_password", ponte::demo::DEMO_PASSWORD, Secret),
                req("password", "una nuova parola d'ordine lunga", Secret),
                req(
                    "password_confirmation",
                    "una nuova parola d'ordine lunga",
                    Secret,
                ),
            ],
        ),
        "accounts.reset_request" => {
            // A fresh person each time: reset mails are limited per hour.
            let (_, email) = fresh_person(app, domain::roles::Role::Member, f.salerno).await;
            ValidForm::new(
                "/password/forgot".into(),
                None,
                vec![req("email", email, Email)],
            )
        }
        // Library.
        "library.reading_add" => {
            // A new session each time, so that the reading is not on its list already.
            let document = first_document(app).await;
            let session = new_session(app, "Giornata con letture", 14).await;
            ValidForm::new(
                format!("/library/documents/{document}/reading"),
                STAFF,
                vec![
                    req("target", format!("session:{session}"), Choice),
                    opt("note", "Da leggere prima", Line(500)),
                ],
            )
        }
        "library.theme_save" => {
            // A new code each time: an existing one is refused as a duplicate.
            let code = format!("prova-{}", &Uuid::now_v7().simple().to_string()[20..]);
            ValidForm::new(
                "/library/themes".into(),
                STAFF,
                vec![
                    req("code", code, Choice),
                    req("name_it", "Area di prova", Line(200)),
                    req("name_en", "Test area", Line(200)),
                    req("name_fr", "Zone d'essai", Line(200)),
                    opt("position", "5", Number(0, 10_000)),
                ],
            )
        }
        "library.create" => ValidForm::new(
            "/library/documents".into(),
            STAFF,
            vec![
                req("title", "Guida ai partenariati", Line(300)),
                opt("summary", "Come si costruisce un partenariato.", Text(4000)),
                req("kind", "guide", Choice),
                req("language", "it", Choice),
                opt(
                    "year",
                    "2024",
                    Number(1950, chrono::Datelike::year(&chrono::Utc::now()) as i64 + 1),
                ),
                opt("source", "Agenzia per la coesione", Line(300)),
                opt("licence", "CC BY 4.0", Line(200)),
                req("url", "https://example.org/guida", Url(1000)),
                req("visibility", "public", Choice),
                opt("places", "AL", Choice),
            ],
        )
        .multipart()
        // Without a link, the message says a file or a link is needed, next to the file.
        .shown("url", "file"),
        // Products (Salerno's workspace).
        "products.create" => ValidForm::new(
            format!("{}/products", org(f.salerno)),
            COORDINATOR,
            vec![
                req("title", "Piano di miglioramento", Line(200)),
                req("kind", "improvement_plan", Choice),
                opt("due_on", "2027-06-30", Date),
            ],
        ),
        "products.save" => {
            let p = db::products::get(db, f.product).await.unwrap().unwrap();
            ValidForm::new(
                format!("{}/products/{}", org(f.salerno), p.id),
                MEMBER,
                vec![
                    req("edit", p.version.to_string(), Version),
                    req("title", "Nota per le prove", Line(200)),
                    opt("markdown", "Testo della nota.", Text(200_000)),
                    opt("due_on", "2027-06-30", Date),
                ],
            )
            .pairs()
        }
        "products.comment" => ValidForm::new(
            format!("{}/products/{}/comments", org(f.salerno), f.product),
            COORDINATOR,
            vec![
                opt("anchor", "", Choice),
                req("body", "Un'osservazione", Text(5000)),
            ],
        ),
        "products.review" => {
            // A new draft each time: a submitted one cannot be submitted again.
            let product = text_product(app, f.salerno, "Nota da inviare").await;
            ValidForm::new(
                format!("{}/products/{product}/review", org(f.salerno)),
                COORDINATOR,
                vec![
                    req("action", "submit", Choice),
                    opt("note", "Pronto per la revisione", Text(2000)),
                ],
            )
        }
        "tutoring.record" => ValidForm::new(
            format!("{}/tutoring", org(f.salerno)),
            Some("tutor@ponte.example"),
            vec![
                req("held_on", chrono::Utc::now().date_naive().to_string(), Date),
                req("minutes", "45", Number(5, 600)),
                req("participants", "Elena Russo", Line(500)),
                opt("notes", "Budget", Text(10_000)),
                opt("product", f.product.to_string(), Id),
                req("step0.text", "Rivedere il budget", Line(500)),
                req("step0.owner", "Antonio Esposito", Line(120)),
                opt("step0.due", "2027-03-31", Date),
            ],
        )
        .pairs()
        .foreign("product", f.their_product)
        .shown("step0.text", "steps")
        .shown("step0.owner", "steps")
        .shown("step0.due", "steps"),
        // Signing in, resetting a password, accepting an invitation: a visitor each time.
        "accounts.sign_in" => {
            // A fresh person each time: refused sign-ins are counted per account.
            let (_, email) = fresh_person(app, domain::roles::Role::Member, f.salerno).await;
            ValidForm::new(
                "/sign-in".into(),
                None,
                vec![
                    req("email", email, Email),
                    req("password", ponte::demo::DEMO_PASSWORD, Secret),
                ],
            )
            .fresh_client()
            .throttled("login_attempts")
        }
        "accounts.reset" => {
            // A new link each time: a link is used once.
            let (person, _) = fresh_person(app, domain::roles::Role::Member, f.salerno).await;
            let token = db::accounts::create_reset(db, person).await.unwrap();
            ValidForm::new(
                format!("/password/reset/{token}"),
                None,
                vec![
                    req("password", "una parola d'ordine nuova e lunga", Secret),
                    req(
                        "password_confirmation",
                        "una parola d'ordine nuova e lunga",
                        Secret,
                    ),
                ],
            )
            .fresh_client()
        }
        "accounts.invitation_accept" => {
            let admin = user_id(app, "admin@ponte.example").await;
            let email = format!("invitata-{}@provincia.example", Uuid::now_v7().simple());
            let token = db::accounts::create_invitation(
                db,
                &email,
                domain::roles::Role::Member,
                Some(f.salerno),
                admin,
            )
            .await
            .unwrap();
            ValidForm::new(
                format!("/invitations/{token}"),
                None,
                vec![
                    req("name", "Persona invitata", Line(120)),
                    req("password", "una parola d'ordine nuova e lunga", Secret),
                    req(
                        "password_confirmation",
                        "una parola d'ordine nuova e lunga",
                        Secret,
                    ),
                ],
            )
            .fresh_client()
        }
        // The questionnaire of a held session, by a fresh participant each time (one answer
        // each).
        "labs.feedback_save" => {
            let (person, email) = fresh_person(app, domain::roles::Role::Member, f.salerno).await;
            db::labs::record_registration(db, f.held_session, person)
                .await
                .unwrap();
            ValidForm::new(
                format!("/labs/sessions/{}/feedback", f.held_session),
                Some(&email),
                vec![
                    opt("useful", "4", Choice),
                    opt("content", "5", Choice),
                    opt("speakers", "3", Choice),
                    opt("organisation", "4", Choice),
                    opt("applicable", "2", Choice),
                    opt("went_well", "Il confronto tra province.", Text(2000)),
                    opt("to_improve", "Più tempo per le domande.", Text(2000)),
                    opt("anonymous", "1", Choice),
                ],
            )
        }
        "library.update" => {
            let doc = db::library::document(db, f.document)
                .await
                .unwrap()
                .unwrap();
            ValidForm::new(
                format!("/library/documents/{}", f.document),
                STAFF,
                vec![
                    req("version", doc.version.to_string(), Version),
                    req("title", "Documento modificato", Line(300)),
                    opt("summary", "Un riassunto.", Text(4000)),
                    req("kind", "guide", Choice),
                    req("language", "it", Choice),
                    opt(
                        "year",
                        "2024",
                        Number(1950, chrono::Datelike::year(&chrono::Utc::now()) as i64 + 1),
                    ),
                    opt("source", "Agenzia per la coesione", Line(300)),
                    opt("licence", "CC BY 4.0", Line(200)),
                    req("url", "https://example.org/documento", Url(1000)),
                    req("visibility", "public", Choice),
                    opt("places", "AL", Choice),
                ],
            )
            .multipart()
            .shown("url", "file")
        }
        // A logframe's check and a text's preview answer with a fragment and store nothing.
        "products.check" => ValidForm::new(
            format!("{}/products/{}/check", org(f.salerno), f.logframe),
            MEMBER,
            vec![
                req("mode", "classic", Choice),
                opt("language", "it", Choice),
                opt("project_end", "2027-12-31", Date),
                opt("macro_area", "Turismo", Line(200)),
                opt("countries", "AL", Choice),
                opt("r0.id", "r1", Choice),
                req("r0.level", "overall", Choice),
                opt("r0.text", "Obiettivo generale di prova", Text(4000)),
            ],
        )
        .pairs()
        .stores_nothing(),
        "products.preview" => ValidForm::new(
            format!("{}/products/{}/preview", org(f.salerno), f.product),
            MEMBER,
            vec![opt(
                "markdown",
                "# Titolo\n\nTesto *della* nota.",
                Text(200_000),
            )],
        )
        .pairs()
        .stores_nothing(),
        "products.resolve" => {
            // A new thread each time: a resolved one is resolved already.
            let p = db::products::get(db, f.product).await.unwrap().unwrap();
            let notice = db::products::Notice {
                to: Vec::new(),
                kind: "comment",
                title: p.title.clone(),
                link: String::new(),
            };
            let comment = db::products::comment(
                db,
                &db::products::NewComment {
                    product: p.id,
                    parent: None,
                    version_number: p.version,
                    anchor: "",
                    body: "Da chiarire",
                },
                Some(user_id(app, "tutor@ponte.example").await),
                &notice,
            )
            .await
            .unwrap();
            ValidForm::new(
                format!(
                    "{}/products/{}/comments/{comment}/resolve",
                    org(f.salerno),
                    p.id
                ),
                COORDINATOR,
                vec![req("resolved", "1", Choice)],
            )
        }
        "products.analysis_save" => {
            let p = db::products::get(db, f.logframe).await.unwrap().unwrap();
            ValidForm::new(
                format!("{}/products/{}/analysis", org(f.salerno), p.id),
                MEMBER,
                vec![
                    req("edit", p.version.to_string(), Version),
                    req("n0.kind", "core", Choice),
                    // Leaving out a problem leaves out its node: an empty tree is a tree.
                    opt("n0.problem", "Poca capacità di progettare", Text(1000)),
                    opt(
                        "n0.objective",
                        "Capacità di progettare rafforzata",
                        Text(1000),
                    ),
                    opt("s0.name", "Camera di commercio", Line(200)),
                    opt("s0.interests", "Imprese che esportano", Text(2000)),
                    opt("s0.influence", "high", Choice),
                    opt("s0.capacity", "medium", Choice),
                    opt("s0.participation", "involve", Choice),
                ],
            )
            .pairs()
            .large()
        }
        "products.publish_model" => {
            // The demo's approved product, made a model or withdrawn in turn.
            let p = db::products::get(db, f.approved).await.unwrap().unwrap();
            ValidForm::new(
                format!("{}/products/{}/model", org(p.organisation_id), p.id),
                STAFF,
                vec![req("model", if p.model { "0" } else { "1" }, Choice)],
            )
        }
        // Funding calls (staff).
        "calls.create" => ValidForm::new(
            "/calls".into(),
            STAFF,
            vec![
                req("name", "Bando per le prove", Line(200)),
                req("programme", "Programma per le prove", Line(200)),
                opt("pack", "next-med-call1", Choice),
                opt("deadline", "2027-06-30", Date),
                opt("countries", "AL", Choice),
                opt("months_max", "36", Number(0, 1000)),
                opt("partners_min", "3", Number(0, 1000)),
                opt("group_mpc", "1", Number(0, 1000)),
                opt("source", "Termini di riferimento del bando.", Text(2000)),
            ],
        )
        .pairs()
        .shown("group_mpc", "minima"),
        "calls.update" => {
            let c = db::calls::list(db).await.unwrap().remove(0);
            ValidForm::new(
                format!("/calls/{}", c.id),
                STAFF,
                vec![
                    req("version", c.version.to_string(), Version),
                    req("name", c.call.name.clone(), Line(200)),
                    req("programme", c.call.programme.clone(), Line(200)),
                    opt("pack", c.call.pack.clone(), Choice),
                    opt("deadline", "2027-06-30", Date),
                    opt("countries", "IT", Choice),
                    opt("months_max", "36", Number(0, 1000)),
                    opt("partners_min", "6", Number(0, 1000)),
                    opt("group_erdf", "3", Number(0, 1000)),
                    opt("source", "Termini di riferimento del bando.", Text(2000)),
                ],
            )
            .pairs()
            .shown("group_erdf", "minima")
        }
        // Territorial tables: Salerno's coordinator leads Salerno's tables.
        "tables.create" => ValidForm::new(
            "/tables".into(),
            COORDINATOR,
            vec![
                req("name", "Tavolo dei comuni costieri", Line(200)),
                req("lead", f.salerno.to_string(), Id),
                req("territory", "065", Choice),
                req("purpose", "Progetti comuni con il Montenegro.", Text(5000)),
                opt("themes", "m:governance", Choice),
                opt("sectors", "dac:15110", Choice),
                opt("countries", "ME", Choice),
                opt("rules", "# Regole", Text(100_000)),
                opt("public", "on", Choice),
                opt("formed_on", "2024-03-01", Date),
            ],
        )
        .pairs()
        .shown("sectors", "themes")
        // Caserta is in Salerno's region: only the lead is wrong.
        .foreign("lead", f.caserta),
        "tables.update" => {
            let t = db::tables::get(db, f.table).await.unwrap();
            let formed_on = t.dates.formed_on.map(|d| d.to_string()).unwrap_or_default();
            ValidForm::new(
                format!("/tables/{}", f.table),
                COORDINATOR,
                vec![
                    req("version", t.version.to_string(), Version),
                    req("name", "Tavolo per le prove", Line(200)),
                    req("territory", "065", Choice),
                    req("purpose", "Provare i moduli, ancora.", Text(5000)),
                    opt("themes", "m:governance", Choice),
                    opt("sectors", "dac:15110", Choice),
                    opt("countries", "ME", Choice),
                    opt("rules", "", Text(100_000)),
                    opt("public", "on", Choice),
                    opt("formed_on", formed_on, Date),
                ],
            )
            .pairs()
            .shown("sectors", "themes")
        }
        "tables.status" => {
            let t = db::tables::get(db, f.salerno_table).await.unwrap();
            let to = match t.status {
                domain::tables::Status::Active => "dormant",
                _ => "active",
            };
            ValidForm::new(
                format!("/tables/{}/status", f.salerno_table),
                COORDINATOR,
                vec![req("status", to, Choice), opt("on", today(), Date)],
            )
            .shown_in("status")
        }
        "tables.memorandum" => {
            let t = db::tables::get(db, f.salerno_table).await.unwrap();
            let documents = db::tables::lead_documents(db, t.lead_id).await.unwrap();
            let document = t.memorandum_id.unwrap_or(documents[0].0);
            ValidForm::new(
                format!("/tables/{}/memorandum", f.salerno_table),
                COORDINATOR,
                vec![req("document", document.to_string(), Id)],
            )
            .shown_in("memorandum")
            .foreign("document", f.document)
        }
        "tables.signatory_add" => {
            // A new member each time: each member signs once.
            let (member, _) = new_member(app, f.salerno_table).await;
            ValidForm::new(
                format!("/tables/{}/signatories", f.salerno_table),
                COORDINATOR,
                vec![
                    req("organisation", member.to_string(), Id),
                    req("name", "Giovanna Ferri", Line(200)),
                    req("signed_on", today(), Date),
                ],
            )
            .shown_in("signatory")
            .foreign("organisation", f.caserta)
        }
        "tables.member_add" => {
            let organisation = new_organisation(app).await;
            ValidForm::new(
                format!("/tables/{}/members", f.salerno_table),
                COORDINATOR,
                vec![
                    req("organisation", organisation.to_string(), Id),
                    req("role", "member", Choice),
                    opt("joined_on", "2025-01-15", Date),
                ],
            )
            .shown_in("member")
            .foreign("organisation", f.partner)
        }
        "tables.actor_add" => {
            let name = format!(
                "Scuola di lingue {}",
                &Uuid::now_v7().simple().to_string()[20..]
            );
            ValidForm::new(
                format!("/tables/{}/actors", f.salerno_table),
                COORDINATOR,
                vec![
                    req("name", name, Line(200)),
                    req("sector", "association", Choice),
                    req("public", "private", Choice),
                    req("role", "member", Choice),
                    opt("joined_on", "2025-01-15", Date),
                ],
            )
            .shown_in("actor")
            .shown("name", "actor-actor_name")
        }
        "tables.member_leave" => {
            let (_, member) = new_member(app, f.salerno_table).await;
            ValidForm::new(
                format!("/tables/{}/members/{member}/leave", f.salerno_table),
                COORDINATOR,
                vec![req("left_on", today(), Date)],
            )
            .shown_in("leave")
        }
        "tables.representative_add" => {
            let university = app.organisation("Università degli Studi di Salerno").await;
            let email = format!("referente-{}@ateneo.example", Uuid::now_v7().simple());
            ValidForm::new(
                format!("/tables/{}/representatives", f.salerno_table),
                COORDINATOR,
                vec![
                    req("organisation", university.to_string(), Id),
                    req("name", "Paola Greco", Line(200)),
                    req("email", email, Email),
                ],
            )
            .shown_in("representative")
            .foreign("organisation", f.caserta)
        }
        // Notification preferences: each kind's delivery, a kind left out keeps its own.
        "notifications.preferences_save" => ValidForm::new(
            "/profile/notifications".to_string(),
            MEMBER,
            vec![
                opt("mention", "daily", Choice),
                opt("new_thread", "off", Choice),
            ],
        ),
        // The directory: the member's own choice, over the version saved (the demo's).
        "directory.save" => {
            let member = user_id(app, MEMBER.unwrap()).await;
            let version = db::directory::entry(app.db(), member)
                .await
                .unwrap()
                .map(|s| s.version.to_string())
                .unwrap_or_default();
            ValidForm::new(
                "/directory/me".to_string(),
                MEMBER,
                vec![
                    req("version", version, Version),
                    req("listed", "yes", Choice),
                    opt("role", "Funzionaria, ufficio Europa", Line(200)),
                    opt("countries", "AL", Choice),
                    opt("themes", "m:governance", Choice),
                    req("reach_administration", "programme", Choice),
                    req("reach_role", "administration", Choice),
                    req("reach_languages", "programme", Choice),
                    req("reach_competences", "programme", Choice),
                    req("reach_countries", "nobody", Choice),
                    req("reach_themes", "administration", Choice),
                ],
            )
            .pairs()
        }
        // News and events, published by staff.
        "news.create" => ValidForm::new(
            "/news".to_string(),
            STAFF,
            vec![
                req("title_it", "Nuovi bandi aperti", Line(200)),
                req("body_it", "I **bandi** del semestre.", Text(20_000)),
            ],
        )
        .multipart(),
        "news.event_create" => {
            let day = (chrono::Utc::now() + chrono::Duration::days(30))
                .format("%Y-%m-%d")
                .to_string();
            ValidForm::new(
                "/events".to_string(),
                STAFF,
                vec![
                    req("title", "Giornata informativa", Line(200)),
                    req("date", day.clone(), Date),
                    req("start", "10:00", Time),
                    req("end", "13:00", Time),
                    opt("end_date", day, Date),
                    opt("place", "Napoli", Line(300)),
                    opt("url", "https://example.org/giornata", Url(500)),
                    opt("description", "Presentazione dei bandi.", Text(20_000)),
                ],
            )
        }
        // The community: Salerno's own space, where the member and the coordinator take part
        // and the coordinator moderates; each form is given a new thread of the member.
        "community.thread_create" => ValidForm::new(
            format!("/community/spaces/administration/{}/threads", f.salerno),
            MEMBER,
            vec![
                req("title", "Fonti di verifica degli indicatori", Line(200)),
                req("body", "Quali **fonti** usate?", Text(20_000)),
                opt("documents", f.document.to_string(), Id),
            ],
        )
        .pairs(),
        "community.reply" => {
            let (thread, post) = community_thread(app, f.salerno).await;
            let (_, elsewhere) = community_thread(app, f.salerno).await;
            ValidForm::new(
                format!("/community/threads/{thread}/replies"),
                COORDINATOR,
                vec![
                    req("body", "Una risposta con una citazione.", Text(20_000)),
                    opt("quote", post.to_string(), Id),
                    opt("documents", f.document.to_string(), Id),
                ],
            )
            .foreign("quote", elsewhere)
            .pairs()
        }
        "community.post_update" => {
            let (_, post) = community_thread(app, f.salerno).await;
            ValidForm::new(
                format!("/community/posts/{post}"),
                MEMBER,
                vec![
                    req("version", "1", Version),
                    req("title", "Titolo rivisto", Line(200)),
                    req("body", "Testo rivisto.", Text(20_000)),
                    opt("documents", f.document.to_string(), Id),
                ],
            )
            .pairs()
        }
        "community.report" => {
            let (_, post) = community_thread(app, f.salerno).await;
            ValidForm::new(
                format!("/community/posts/{post}/report"),
                COORDINATOR,
                vec![req("reason", "Contiene dati personali.", Text(1000))],
            )
        }
        "community.hide" => {
            let (_, post) = community_thread(app, f.salerno).await;
            ValidForm::new(
                format!("/community/posts/{post}/hide"),
                COORDINATOR,
                vec![req("reason", "Fuori tema.", Text(1000))],
            )
        }
        "community.pin" | "community.lock" => {
            let (thread, _) = community_thread(app, f.salerno).await;
            let action = if name == "community.pin" {
                "pin"
            } else {
                "lock"
            };
            ValidForm::new(
                format!("/community/threads/{thread}/{action}"),
                COORDINATOR,
                vec![req("on", "1", Choice)],
            )
        }
        "tables.secretariat_add" => {
            let (person, _) = fresh_person(app, domain::roles::Role::Member, f.salerno).await;
            let (theirs, _) = fresh_person(app, domain::roles::Role::Member, f.caserta).await;
            ValidForm::new(
                format!("/tables/{}/secretariat", f.salerno_table),
                COORDINATOR,
                vec![req("user", person.to_string(), Id)],
            )
            .shown_in("secretary")
            .foreign("user", theirs)
        }
        // A table's meetings, convened by Salerno's coordinator.
        "tables.meeting_convene" => ValidForm::new(
            format!("/tables/{}/meetings", f.salerno_table),
            COORDINATOR,
            // A day of its own each time (meetings do not overlap in what is checked, but their
            // invitations are easier to tell apart).
            meeting_fields(f, 60 + next_day()),
        )
        .pairs()
        .says("agenda0.title", Some("error-meeting-item"))
        .says("agenda0.presenter", None)
        .shown("agenda0.title", "agenda")
        .shown("agenda0.presenter", "agenda")
        // Without a place, the message asks for a place or a link.
        .shown("online_url", "place"),
        "tables.meeting_update" => {
            let m = convened_meeting(app, f).await;
            let mut fields = meeting_fields(f, 90);
            fields.insert(0, req("version", m.version.to_string(), Version));
            ValidForm::new(
                format!("/tables/{}/meetings/{}", f.salerno_table, m.id),
                COORDINATOR,
                fields,
            )
            .pairs()
            .says("agenda0.title", Some("error-meeting-item"))
            .says("agenda0.presenter", None)
            .shown("agenda0.title", "agenda")
            .shown("agenda0.presenter", "agenda")
            .shown("online_url", "place")
        }
        "tables.meeting_cancel" => {
            // A new meeting each time: a cancelled one is not cancelled again.
            let m = new_meeting(app, f.salerno_table).await;
            ValidForm::new(
                format!("/tables/{}/meetings/{m}/cancel", f.salerno_table),
                COORDINATOR,
                vec![req("reason", "Sala non disponibile", Text(1000))],
            )
            .shown_in("cancel")
        }
        "tables.meeting_attendance" => {
            let held = db::tables::meetings(db, f.salerno_table)
                .await
                .unwrap()
                .into_iter()
                .find(|m| m.status == domain::tables::meetings::MeetingStatus::Held)
                .expect("a held meeting of the demo table");
            // The lead administration's row of the register (its fields are named after it).
            let presence: &'static str =
                Box::leak(format!("presence.{}", f.salerno).into_boxed_str());
            let person: &'static str = Box::leak(format!("person.{}", f.salerno).into_boxed_str());
            ValidForm::new(
                format!(
                    "/tables/{}/meetings/{}/attendance",
                    f.salerno_table, held.id
                ),
                COORDINATOR,
                vec![
                    req(presence, "present", Choice),
                    opt(person, "Giovanna Ferri", Line(120)),
                ],
            )
            .pairs()
            .says(person, Some("error-attendance-person"))
            .shown(presence, "attendance-attendance")
            .shown(person, "attendance-attendance")
        }
        // A table's commitments, recorded and edited by Salerno's coordinator; updated by the
        // actor, who represents the chamber of commerce that owes them.
        "tables.commitment_create" => {
            let (held, chamber_rep, university_rep) = commitment_parts(app, f).await;
            let due = (chrono::Utc::now().date_naive() + chrono::Duration::days(30)).to_string();
            ValidForm::new(
                format!("/tables/{}/meetings/{held}/commitments", f.salerno_table),
                COORDINATOR,
                vec![
                    req("what", "Inviare il calendario delle fiere", Text(500)),
                    req("organisation", f.chamber.to_string(), Id),
                    req("representative", chamber_rep.to_string(), Id),
                    req("due_on", due, Date),
                    opt("evidence", "https://www.example.org/atto", Url(500)),
                    opt("decision", "", Id),
                ],
            )
            .foreign("organisation", f.caserta)
            .foreign("representative", university_rep)
            .says("evidence", Some("error-commitment-evidence"))
        }
        "tables.commitment_update" => {
            let c = new_commitment(app, f).await;
            let (_, chamber_rep, university_rep) = commitment_parts(app, f).await;
            let due = (chrono::Utc::now().date_naive() + chrono::Duration::days(45)).to_string();
            ValidForm::new(
                format!("/tables/{}/commitments/{c}", f.salerno_table),
                COORDINATOR,
                vec![
                    req("version", "1", Version),
                    req(
                        "what",
                        "Inviare il calendario delle fiere, rivisto",
                        Text(500),
                    ),
                    req("organisation", f.chamber.to_string(), Id),
                    req("representative", chamber_rep.to_string(), Id),
                    req("due_on", due, Date),
                    opt("evidence", "https://www.example.org/atto", Url(500)),
                    opt("decision", "", Id),
                    opt("note", "Scadenza spostata.", Text(2000)),
                ],
            )
            .foreign("organisation", f.caserta)
            .foreign("representative", university_rep)
            .says("evidence", Some("error-commitment-evidence"))
        }
        "tables.commitment_progress" => {
            let c = new_commitment(app, f).await;
            ValidForm::new(
                format!("/tables/{}/commitments/{c}/progress", f.salerno_table),
                Some("attore@ponte.example"),
                vec![
                    req("version", "1", Version),
                    req("status", "in_progress", Choice),
                    opt("evidence", "https://www.example.org/atto", Url(500)),
                    opt("reason", "", Text(2000)),
                    opt("note", "Lavori avviati.", Text(2000)),
                ],
            )
            .says("evidence", Some("error-commitment-evidence"))
            .shown_in("progress")
        }
        // A meeting's minutes, amended and circulated by Salerno's coordinator, commented on
        // by the actor, who represents the chamber of commerce; on minutes made for the walk.
        "tables.minutes_amend" => {
            let m = walk_minutes(app, f.salerno_table).await;
            let base = format!(
                "/tables/{}/meetings/{}/minutes",
                f.salerno_table, m.meeting_id
            );
            // A text that differs from the saved one each time, so that the form stores a version.
            let text = format!("Resoconto {}", Uuid::now_v7().simple());
            // Its decision, or a new one once a mutation withdrew it.
            let decision = m.body.sections[0]
                .decisions
                .first()
                .map(|d| d.id.to_string())
                .unwrap_or_default();
            let section: &'static str =
                Box::leak(m.body.sections[0].id.to_string().into_boxed_str());
            ValidForm::new(
                format!("{base}/amend"),
                COORDINATOR,
                vec![
                    req("version", m.version.to_string(), Version),
                    req("s0.id", section, Id),
                    opt("s0.body", text, Text(50_000)),
                    opt("s0.d0.id", decision, Id),
                    opt(
                        "s0.d0.text",
                        "Approvare il programma di lavoro",
                        Text(2_000),
                    ),
                    opt("note", "Corretto il resoconto", Line(500)),
                ],
            )
            .pairs()
            .large()
        }
        "tables.minutes_circulate" => {
            let m = walk_minutes(app, f.salerno_table).await;
            let deadline =
                (chrono::Utc::now().date_naive() + chrono::Duration::days(10)).to_string();
            ValidForm::new(
                format!(
                    "/tables/{}/meetings/{}/minutes/circulate",
                    f.salerno_table, m.meeting_id
                ),
                COORDINATOR,
                vec![req("deadline", deadline, Date)],
            )
            .shown_in("circulate")
        }
        "tables.minutes_comment" => {
            let m = walk_minutes(app, f.salerno_table).await;
            ValidForm::new(
                format!(
                    "/tables/{}/meetings/{}/minutes/comments",
                    f.salerno_table, m.meeting_id
                ),
                Some("attore@ponte.example"),
                vec![
                    req("section", m.body.sections[0].id.to_string(), Id),
                    req(
                        "comment",
                        "Propongo di citare anche il Comune di Eboli.",
                        Text(5_000),
                    ),
                ],
            )
            .shown_in("comment")
        }
        // The interregional network: Salerno's coordinator records Salerno's relations and
        // experience, forms groups with Salerno among the founders and works in them.
        "network.relation_create" => ValidForm::new(
            "/network/relations".into(),
            COORDINATOR,
            vec![
                req("organisation", f.salerno.to_string(), Id),
                req("kind", "twinning", Choice),
                req("country", "AL", Choice),
                req("partner", network_partner(app, "AL").await.to_string(), Id),
                req("start_year", "2011", Number(1950, 2036)),
                opt("end_year", "2020", Number(1950, 2036)),
                opt("themes", "m:turismo-cultura", Choice),
                opt(
                    "contact_name",
                    "Ufficio relazioni internazionali",
                    Line(200),
                ),
                opt("contact_email", "estero@provincia.salerno.example", Email),
                opt("notes", "Scambi tra scuole.", Text(10_000)),
                req("sharing", "programme", Choice),
            ],
        )
        .pairs()
        .shown("sectors", "themes")
        .says("country", Some("error-country"))
        .says("start_year", Some("error-network-year"))
        .says("end_year", Some("error-network-year"))
        .foreign("organisation", f.caserta),
        "network.experience_create" => ValidForm::new(
            "/network/experiences".into(),
            COORDINATOR,
            vec![
                req("organisation", f.salerno.to_string(), Id),
                req("title", "Scambi di funzionari con Cattaro", Line(300)),
                req("start_year", "2014", Number(1950, 2036)),
                opt("end_year", "2016", Number(1950, 2036)),
                req("countries", "ME", Choice),
                opt("themes", "m:governance", Choice),
                opt("partners", "Opština Kotor", Text(10_000)),
                opt("funding", "Fondi propri", Line(300)),
                req("results", "Dodici funzionari formati.", Text(10_000)),
                opt("lessons", "Servono incontri più lunghi.", Text(10_000)),
                req("sharing", "private", Choice),
            ],
        )
        .pairs()
        .shown("sectors", "themes")
        .says("countries", Some("error-country"))
        .says("start_year", Some("error-network-year"))
        .says("end_year", Some("error-network-year"))
        .foreign("organisation", f.caserta),
        "network.group_create" => {
            let foggia = app.organisation("Provincia di Foggia").await;
            ValidForm::new(
                "/network/groups".into(),
                COORDINATOR,
                vec![
                    req("name", "Ponte adriatico delle province", Line(300)),
                    req("purpose", "Scambi sul turismo costiero.", Text(10_000)),
                    req("countries", "ME", Choice),
                    req("themes", "m:turismo-cultura", Choice),
                    req("member_1", f.salerno.to_string(), Id),
                    req("contact_name_1", "Antonio Esposito", Line(200)),
                    req("contact_email_1", "coordinatore@ponte.example", Email),
                    req("member_2", foggia.to_string(), Id),
                    req("contact_name_2", "Michele Longo", Line(200)),
                    req("contact_email_2", "m.longo@provincia.foggia.example", Email),
                ],
            )
            .pairs()
            .shown("sectors", "themes")
            // Without one of the two founders, the group has one region: said of the members.
            .shown("member_1", "members")
            .shown("member_2", "members")
            .says("countries", Some("error-country"))
        }
        "network.member_add" => {
            let group = network_group(app, f.salerno).await;
            ValidForm::new(
                format!("/network/groups/{group}/members"),
                COORDINATOR,
                vec![
                    req(
                        "organisation",
                        app.organisation("Provincia di Cosenza").await.to_string(),
                        Id,
                    ),
                    req("contact_name", "Carmela Gallo", Line(200)),
                    req("contact_email", "c.gallo@provincia.cosenza.example", Email),
                ],
            )
        }
        "network.relation_pool" => {
            let group = network_group(app, f.salerno).await;
            let relation = network_relation(app, f.salerno).await;
            ValidForm::new(
                format!("/network/groups/{group}/relations"),
                COORDINATOR,
                vec![req("relation", relation.to_string(), Id)],
            )
        }
        "network.initiative_create" => {
            let group = network_group(app, f.salerno).await;
            ValidForm::new(
                format!("/network/groups/{group}/initiatives"),
                COORDINATOR,
                vec![
                    req("title", "Porti e borghi dell'Adriatico", Line(300)),
                    opt("summary", "Itinerari tra i porti minori.", Text(10_000)),
                    req("lead", f.salerno.to_string(), Id),
                    opt("partners", network_partner(app, "ME").await.to_string(), Id),
                    req("countries", "ME", Choice),
                    opt("call_name", "Interreg Italia-Albania-Montenegro", Line(300)),
                    opt("call_deadline", "2027-03-31", Date),
                ],
            )
            .pairs()
            .says("countries", Some("error-country"))
        }
        "network.initiative_move" => {
            let group = network_group(app, f.salerno).await;
            let i = network_initiative(app, group, f.salerno).await;
            let today = db.now().date_naive().to_string();
            ValidForm::new(
                format!("/network/initiatives/{}/state", i.id),
                COORDINATOR,
                vec![
                    req("version", i.version.to_string(), Version),
                    req("to", "preparation", Choice),
                    opt("on", today, Date),
                    opt("reason", "", Line(2000)),
                ],
            )
            .shown("to", "to")
        }
        _ => return None,
    };
    Some(form)
}

/// A library document with a link and no file, posted by staff as the upload form does.
async fn link_document(app: &App) -> Uuid {
    let mut staff = app.signed_in("staff@ponte.example").await;
    let (ct, body) = crate::common::multipart(&[
        ("title", None, b"Documento da modificare"),
        ("kind", None, b"guide"),
        ("language", None, b"it"),
        ("url", None, b"https://example.org/documento"),
        ("visibility", None, b"public"),
    ]);
    let r = staff
        .send(
            axum::http::Method::POST,
            "/library/documents",
            Some(&ct),
            body,
        )
        .await;
    assert!(r.status.is_redirection(), "{}: {}", r.status, r.body);
    let location = r.location();
    let id = location
        .trim_start_matches("/library/documents/")
        .split(['?', '/', '#'])
        .next()
        .unwrap();
    Uuid::parse_str(id).unwrap_or_else(|e| panic!("{location}: {e}"))
}

/// A table led by `lead` (Salerno, in Campania), being formed, made directly in the database.
async fn new_table(app: &App, lead: Uuid) -> Uuid {
    let input = domain::tables::TableInput {
        name: "Tavolo per le prove".into(),
        lead: lead.to_string(),
        territory: "065".into(),
        purpose: "Provare i moduli.".into(),
        themes: vec!["m:governance".into()],
        countries: vec!["ME".into()],
        ..Default::default()
    };
    let themes = db::library::theme_codes(app.db()).await.unwrap();
    let today = chrono::Utc::now().date_naive();
    let draft = domain::tables::check(&input, |t| themes.contains(t), today).unwrap();
    let found = db::tables::places(app.db(), &draft.territory)
        .await
        .unwrap();
    let places = domain::tables::check_territory(&draft.territory, &found, "15").unwrap();
    db::tables::create(app.db(), &draft, "15", &places, None)
        .await
        .unwrap()
}

/// A local actor not in the registry yet, registered and added to `table` today; returns the
/// organisation and its membership.
async fn new_member(app: &App, table: Uuid) -> (Uuid, Uuid) {
    let form = domain::organisations::OrganisationForm {
        category: domain::organisations::Category::LocalActor.code().into(),
        name: format!(
            "Associazione {}",
            &Uuid::now_v7().simple().to_string()[20..]
        ),
        region_code: "15".into(),
        country: "IT".into(),
        actor_sector: "association".into(),
        actor_public: "private".into(),
        ..Default::default()
    };
    let org = domain::organisations::check(&form).unwrap();
    let today = chrono::Utc::now()
        .with_timezone(&domain::locale::TIME_ZONE)
        .date_naive();
    let id = db::tables::add_new_actor(
        app.db(),
        table,
        &org,
        domain::tables::members::MemberRole::Member,
        today,
        None,
    )
    .await
    .unwrap();
    let member = db::tables::members(app.db(), table)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.organisation_id == id)
        .unwrap()
        .id;
    (id, member)
}

/// A local actor in the registry, at no table.
async fn new_organisation(app: &App) -> Uuid {
    let form = domain::organisations::OrganisationForm {
        category: domain::organisations::Category::LocalActor.code().into(),
        name: format!("Cooperativa {}", &Uuid::now_v7().simple().to_string()[20..]),
        region_code: "15".into(),
        country: "IT".into(),
        actor_sector: "association".into(),
        actor_public: "private".into(),
        ..Default::default()
    };
    let org = domain::organisations::check(&form).unwrap();
    db::organisations::create(app.db(), &org, None)
        .await
        .unwrap()
}

/// Today in Italy, as typed in a date field.
fn today() -> String {
    chrono::Utc::now()
        .with_timezone(&domain::locale::TIME_ZONE)
        .date_naive()
        .to_string()
}

/// The fields of a meeting `days` ahead, as the convening form sends them.
fn meeting_fields(f: &Fixtures, days: i64) -> Vec<Field> {
    use Kind::*;
    let date = (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string();
    vec![
        req("title", "Riunione del tavolo", Line(200)),
        req("date", date, Date),
        req("start", "10:00", Time),
        req("end", "12:00", Time),
        opt("place", "Salerno, Palazzo Sant'Agostino", Line(300)),
        opt("online_url", "https://meet.example/tavolo", Url(500)),
        opt("documents", f.document.to_string(), Choice),
        req("agenda0.title", "Avvio dei lavori", Line(300)),
        req("agenda0.presenter", "Giovanna Ferri", Line(120)),
    ]
}

/// The demo table's meeting convened ahead.
async fn convened_meeting(app: &App, f: &Fixtures) -> db::tables::Meeting {
    db::tables::meetings(app.db(), f.salerno_table)
        .await
        .unwrap()
        .into_iter()
        .rfind(|m| m.status == domain::tables::meetings::MeetingStatus::Convened)
        .expect("a meeting of the demo table convened ahead")
}

/// The demo table's held meeting, the chamber of commerce's representative (the actor) and the
/// university's.
async fn commitment_parts(app: &App, f: &Fixtures) -> (Uuid, Uuid, Uuid) {
    let held = db::tables::meetings(app.db(), f.salerno_table)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.status == domain::tables::meetings::MeetingStatus::Held)
        .expect("a held meeting of the demo table")
        .id;
    let university = app.organisation("Università degli Studi di Salerno").await;
    let reps = db::tables::representatives(app.db(), f.salerno_table)
        .await
        .unwrap();
    let of = |org: Uuid| {
        reps.iter()
            .find(|r| r.organisation_id == org)
            .expect("a representative")
            .id
    };
    (held, of(f.chamber), of(university))
}

/// A new open commitment of the chamber of commerce on the demo table, made directly in the
/// database.
async fn new_commitment(app: &App, f: &Fixtures) -> Uuid {
    let (held, chamber_rep, _) = commitment_parts(app, f).await;
    let draft = domain::tables::commitments::CommitmentDraft {
        what: "Un impegno da aggiornare".into(),
        organisation: f.chamber,
        representative: chamber_rep,
        due_on: chrono::Utc::now().date_naive() + chrono::Duration::days(20),
        evidence: None,
        decision: None,
    };
    let id = Uuid::now_v7();
    db::tables::create_commitment(app.db(), f.salerno_table, held, id, &draft, None, None)
        .await
        .unwrap();
    id
}

/// A meeting of `table` convened a month ahead, made directly in the database.
/// The minutes the walk works on: of a meeting of `table` held yesterday, made once, circulated
/// with comments open for a month and one decision in their first section.
async fn walk_minutes(app: &App, table: Uuid) -> db::tables::Minutes {
    const TITLE: &str = "Riunione del verbale da modificare";
    let existing = db::tables::meetings(app.db(), table)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.title == TITLE);
    let meeting = match existing {
        Some(m) => m.id,
        None => {
            let starts_at = app.db().now() - chrono::Duration::days(1);
            let draft = domain::tables::meetings::MeetingDraft {
                title: TITLE.into(),
                starts_at,
                ends_at: starts_at + chrono::Duration::hours(2),
                place: "Salerno".into(),
                online_url: String::new(),
                agenda: vec![domain::tables::meetings::AgendaItem {
                    title: "Programma di lavoro".into(),
                    representative: None,
                    presenter: "Giovanna Ferri".into(),
                }],
                documents: Vec::new(),
            };
            let id = Uuid::now_v7();
            db::tables::convene(app.db(), table, id, &draft, &[], None)
                .await
                .unwrap();
            db::tables::record_attendance(app.db(), table, id, &[], None)
                .await
                .unwrap();
            let mut body =
                domain::tables::minutes::MinutesBody::from_agenda(&draft.agenda, Uuid::now_v7);
            body.sections[0]
                .decisions
                .push(domain::tables::minutes::Decision {
                    id: Uuid::now_v7(),
                    text: "Approvare il programma di lavoro".into(),
                });
            db::tables::draft_minutes(app.db(), table, id, Uuid::now_v7(), &body, None)
                .await
                .unwrap();
            let m = db::tables::minutes_of(app.db(), table, id)
                .await
                .unwrap()
                .unwrap();
            let deadline = app.db().now() + chrono::Duration::days(30);
            db::tables::circulate_minutes(app.db(), &m, deadline, &[], None)
                .await
                .unwrap();
            id
        }
    };
    db::tables::minutes_of(app.db(), table, meeting)
        .await
        .unwrap()
        .unwrap()
}

async fn new_meeting(app: &App, table: Uuid) -> Uuid {
    let starts_at = chrono::Utc::now() + chrono::Duration::days(30);
    let draft = domain::tables::meetings::MeetingDraft {
        title: "Riunione da annullare".into(),
        starts_at,
        ends_at: starts_at + chrono::Duration::hours(2),
        place: "Salerno".into(),
        online_url: String::new(),
        agenda: vec![domain::tables::meetings::AgendaItem {
            title: "Avvio dei lavori".into(),
            representative: None,
            presenter: "Giovanna Ferri".into(),
        }],
        documents: Vec::new(),
    };
    let id = Uuid::now_v7();
    db::tables::convene(app.db(), table, id, &draft, &[], None)
        .await
        .unwrap();
    id
}

/// 0, 1, 2... at each call.
fn next_day() -> i64 {
    static DAYS: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
    DAYS.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
}

fn session_fields(module: Uuid, cohort: Uuid, title: &str, days: i64) -> Vec<Field> {
    use Kind::*;
    let date = (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string();
    vec![
        req("module_id", module.to_string(), Id),
        req("cohort_id", cohort.to_string(), Id),
        req("title", title, Line(200)),
        req("date", date, Date),
        req("start", "09:30", Time),
        req("end", "13:00", Time),
        opt("place", "Salerno", Line(300)),
        opt("online_url", "https://meet.example/ponte", Url(500)),
        req("capacity", "20", Number(1, 500)),
        // A lab of the cohort: no territorial table, no interregional group.
        opt("table_id", "", Id),
        opt("group_id", "", Id),
    ]
}

/// `minutes` after `at`, as a time of day in Italy.
fn local_time(at: chrono::DateTime<chrono::Utc>, minutes: i64) -> String {
    let t = at + chrono::Duration::minutes(minutes);
    t.with_timezone(&chrono_tz::Europe::Rome)
        .format("%H:%M")
        .to_string()
}

/// A new session `days` ahead, made directly in the database.
async fn new_session(app: &App, title: &str, days: i64) -> Uuid {
    let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
    let starts = chrono::Utc::now() + chrono::Duration::days(days);
    let draft = domain::labs::SessionDraft {
        module_id: structure.modules[0].id,
        cohort_id: structure.cohorts[0].id,
        title: title.into(),
        starts_at: starts,
        ends_at: starts + chrono::Duration::hours(4),
        place: "Salerno".into(),
        online_url: String::new(),
        capacity: 30,
        table_id: None,
        group_id: None,
    };
    db::labs::create(app.db(), &draft, None).await.unwrap()
}

async fn first_document(app: &App) -> Uuid {
    let everything = domain::library::Scope {
        everything: true,
        ..Default::default()
    };
    db::library::search(
        app.db(),
        &db::library::Search {
            page: 1,
            per_page: 1,
            ..Default::default()
        },
        &everything,
    )
    .await
    .unwrap()
    .hits[0]
        .id
}

async fn scalar(app: &App, sql: &str, id: Uuid) -> i64 {
    db::run!(app.db(), |pool| sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}")))
}

async fn user_version(app: &App, id: Uuid) -> i64 {
    scalar(app, "SELECT version FROM users WHERE id = $1", id).await
}

// ----------------------------------------------------------------------------------------------
// Snapshots of every table, the audit log included.

/// Tables left out of the comparison, with the reason: they change on requests that store
/// nothing a person wrote.
pub const NOT_COMPARED: &[(&str, &str)] = &[
    (
        "sessions",
        "the session store: signing in and being seen write it",
    ),
    (
        "login_attempts",
        "a refused sign-in is counted, on purpose, for throttling",
    ),
];

/// One query returning, for every compared table, its rows as sorted lines of text (a digest of
/// them on PostgreSQL): one round trip per snapshot.
pub struct Snapshots {
    tables: Vec<String>,
    sql: String,
}

fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn compared(table: &str) -> bool {
    !(table.starts_with("sqlite_")
        || table.starts_with("library_search_")
        || NOT_COMPARED.iter().any(|(t, _)| *t == table))
}

impl Snapshots {
    pub async fn new(db: &db::Db) -> Snapshots {
        let mut queries = Vec::new();
        match db.pool() {
            db::Pool::Sqlite(pool) => {
                let tables: Vec<String> = sqlx::query_scalar(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                )
                .fetch_all(pool)
                .await
                .unwrap();
                for table in tables.into_iter().filter(|t| compared(t)) {
                    let columns: Vec<String> =
                        sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                            .bind(&table)
                            .fetch_all(pool)
                            .await
                            .unwrap();
                    let row = columns
                        .iter()
                        .map(|c| format!("quote({})", ident(c)))
                        .collect::<Vec<_>>()
                        .join(" || '|' || ");
                    let sql = format!(
                        "SELECT coalesce(group_concat(r, char(10)), '') FROM (SELECT {row} AS r FROM {} ORDER BY r)",
                        ident(&table)
                    );
                    queries.push((table, sql));
                }
            }
            db::Pool::Postgres(pool) => {
                let tables: Vec<String> = sqlx::query_scalar(
                    "SELECT table_name::text FROM information_schema.tables
                     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
                )
                .fetch_all(pool)
                .await
                .unwrap();
                for table in tables.into_iter().filter(|t| compared(t)) {
                    let columns: Vec<String> = sqlx::query_scalar(
                        "SELECT column_name::text FROM information_schema.columns
                         WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
                    )
                    .bind(&table)
                    .fetch_all(pool)
                    .await
                    .unwrap();
                    let row = columns
                        .iter()
                        .map(|c| format!("coalesce({}::text, '~')", ident(c)))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let sql = format!(
                        "SELECT md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) FROM (SELECT concat_ws('|', {row}) AS r FROM {}) x",
                        ident(&table)
                    );
                    queries.push((table, sql));
                }
            }
        }
        assert!(
            queries.iter().any(|(t, _)| t == "audit_log"),
            "the audit log is compared"
        );
        let sql = queries
            .iter()
            .enumerate()
            .map(|(i, (_, q))| format!("SELECT CAST({i} AS BIGINT) AS n, ({q}) AS v"))
            .collect::<Vec<_>>()
            .join(" UNION ALL ")
            + " ORDER BY n";
        Snapshots {
            tables: queries.into_iter().map(|(t, _)| t).collect(),
            sql,
        }
    }

    /// Every compared table's rows, as text.
    pub async fn take(&self, db: &db::Db) -> BTreeMap<String, String> {
        let rows: Vec<(i64, String)> = db::run!(db, |pool| sqlx::query_as(&self.sql)
            .fetch_all(pool)
            .await
            .unwrap_or_else(|e| panic!("snapshot: {e}")));
        assert_eq!(rows.len(), self.tables.len());
        self.tables
            .iter()
            .cloned()
            .zip(rows.into_iter().map(|(_, v)| v))
            .collect()
    }
}

/// The tables whose rows differ between two snapshots.
pub fn changed(a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) -> Vec<String> {
    a.iter()
        .filter(|(t, rows)| b.get(*t) != Some(rows))
        .map(|(t, _)| t.clone())
        .collect()
}

// ----------------------------------------------------------------------------------------------
// The messages a reply shows.

/// The Italian interface's messages: text to key.
pub struct Catalogue {
    by_text: Vec<(String, String)>,
}

impl Catalogue {
    pub fn italian() -> Catalogue {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/locales/it");
        let mut by_text = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let mut current: Option<(String, String)> = None;
            for line in text.lines() {
                if line.starts_with(' ') {
                    if let Some((_, v)) = current.as_mut() {
                        v.push(' ');
                        v.push_str(line.trim());
                    }
                    continue;
                }
                if let Some(done) = current.take() {
                    by_text.push((done.1, done.0));
                }
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                if let Some((k, v)) = line.split_once(" = ") {
                    current = Some((k.trim().to_string(), v.trim().to_string()));
                }
            }
            if let Some(done) = current.take() {
                by_text.push((done.1, done.0));
            }
        }
        Catalogue { by_text }
    }

    /// The key of a shown message (a message with placeholders matches by its fixed parts).
    pub fn key_of(&self, shown: &str) -> Option<&str> {
        let shown = shown.trim();
        if shown.is_empty() {
            return None;
        }
        self.by_text
            .iter()
            .find(|(text, _)| text == shown)
            .or_else(|| {
                self.by_text.iter().find(|(text, _)| {
                    text.contains('{') && {
                        let parts: Vec<&str> = text
                            .split('{')
                            .enumerate()
                            .map(|(i, p)| {
                                if i == 0 {
                                    p
                                } else {
                                    p.split_once('}').map(|x| x.1).unwrap_or("")
                                }
                            })
                            .filter(|p| !p.trim().is_empty())
                            .collect();
                        !parts.is_empty() && {
                            let mut rest = shown;
                            parts.iter().all(|p| match rest.find(p.trim()) {
                                Some(i) => {
                                    rest = &rest[i + p.trim().len()..];
                                    true
                                }
                                None => false,
                            })
                        }
                    }
                })
            })
            .map(|(_, k)| k.as_str())
    }

    /// Whether `key` is a message key of the catalogue.
    pub fn is_key(&self, key: &str) -> bool {
        self.by_text.iter().any(|(_, k)| k == key)
    }

    /// The keys of the messages `id` (an error page's alert or a field's message) in a reply.
    pub fn said(&self, reply: &Reply) -> Said {
        let mut out = Said::default();
        let body = &reply.body;
        // An error page's message, or a notice such as a conflict's: every part of the alert
        // that is a message of the catalogue.
        let alert = "<div class=\"alert alert-warning\" role=\"alert\">";
        let mut rest = body.as_str();
        while let Some(i) = rest.find(alert) {
            rest = &rest[i + alert.len()..];
            let block = rest.split("</div>").next().unwrap_or("");
            let mut found = false;
            for part in block.split(['<', '>']).map(unescape) {
                if let Some(key) = self.key_of(&part) {
                    out.page.push(key.to_string());
                    found = true;
                }
            }
            if !found {
                out.page.push(unescape(&strip_tags(block)));
            }
        }
        // Messages next to fields, with the field's id when the template gives one.
        let marker = "<div class=\"invalid-feedback d-block";
        let mut rest = body.as_str();
        while let Some(i) = rest.find(marker) {
            rest = &rest[i + marker.len()..];
            let (open, after) = rest.split_once('>').unwrap_or(("", rest));
            let field = open
                .split_once("id=\"e-")
                .map(|(_, x)| x.split('"').next().unwrap_or(""))
                .unwrap_or("");
            let text = unescape(after.split("</div>").next().unwrap_or(""));
            out.fields.push((
                field.to_string(),
                self.key_of(&text).unwrap_or(&text).to_string(),
            ));
        }
        // A summary of problems above a form: items linking to their fields, or "label: message".
        let summary = "<div class=\"alert alert-danger";
        let mut rest = body.as_str();
        while let Some(i) = rest.find(summary) {
            rest = &rest[i + summary.len()..];
            // The alert's other classes (a margin), up to the end of its tag.
            let (open, after) = rest.split_once('>').unwrap_or(("", rest));
            if !open.contains("role=\"alert\"") {
                continue;
            }
            rest = after;
            let block = rest.split("</div>").next().unwrap_or("");
            if !block.contains("<li>") {
                // A refusal that is no field's (wrong credentials): the alert's message.
                for part in block.split(['<', '>']).map(unescape) {
                    if let Some(key) = self.key_of(&part) {
                        out.page.push(key.to_string());
                    }
                }
            }
            for item in block.split("<li>").skip(1) {
                let item = item.split("</li>").next().unwrap_or("");
                let field = item
                    .split_once("href=\"#f-")
                    .map(|(_, x)| x.split('"').next().unwrap_or(""))
                    .unwrap_or("");
                let text = unescape(&strip_tags(item));
                let key = self
                    .key_of(&text)
                    .or_else(|| text.split_once(": ").and_then(|(_, m)| self.key_of(m)))
                    .unwrap_or(&text)
                    .to_string();
                out.fields.push((field.to_string(), key));
            }
        }
        out
    }
}

/// The messages of one reply, as catalogue keys (or the text itself when it is not one).
#[derive(Debug, Default)]
pub struct Said {
    /// An error page's message or a notice's (the text itself when it is not one).
    pub page: Vec<String>,
    /// Messages next to fields: field, message.
    pub fields: Vec<(String, String)>,
}

impl Said {
    pub fn keys(&self) -> Vec<&str> {
        self.page
            .iter()
            .map(|s| s.as_str())
            .chain(self.fields.iter().map(|(_, k)| k.as_str()))
            .collect()
    }
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#x2f;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .trim()
        .to_string()
}

/// A foreign partner of the demo registry in `country`.
async fn network_partner(app: &App, country: &str) -> Uuid {
    db::network::foreign_partners(app.db())
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.country == country)
        .unwrap_or_else(|| panic!("a demo partner in {country}"))
        .id
}

/// A new group of `administration` (of Campania) and the Provincia di Foggia (of Puglia).
async fn network_group(app: &App, administration: Uuid) -> Uuid {
    let foggia = app.organisation("Provincia di Foggia").await;
    let contact = |organisation| domain::network::groups::Contact {
        organisation,
        contact_name: "Referente".into(),
        contact_email: "referente@example.org".into(),
    };
    let draft = domain::network::groups::GroupDraft {
        name: format!("Gruppo da provare {}", db::new_id().simple()),
        purpose: "Provare i moduli.".into(),
        countries: vec!["ME".into()],
        themes: vec!["m:turismo-cultura".into()],
        status: domain::network::groups::Status::Active,
        members: vec![],
    };
    let today = app.db().now().date_naive();
    db::network::create_group(
        app.db(),
        &draft,
        &[contact(administration), contact(foggia)],
        today,
        None,
    )
    .await
    .unwrap()
}

/// A new relation of `administration` with the demo partner in Montenegro.
async fn network_relation(app: &App, administration: Uuid) -> Uuid {
    let draft = domain::network::relations::RelationDraft {
        kind: domain::network::relations::Kind::InformalContact,
        country: "ME".into(),
        partner: domain::network::relations::Partner::Registry(network_partner(app, "ME").await),
        start_year: 2022,
        end_year: None,
        themes: vec![],
        contact_name: String::new(),
        contact_email: String::new(),
        funding_programme: String::new(),
        project_role: None,
        amount_cents: None,
        notes: String::new(),
        sharing: domain::network::Sharing::Private,
        documents: vec![],
    };
    db::network::create_relation(app.db(), administration, &draft, None, None)
        .await
        .unwrap()
}

/// A new initiative of `group` led by `lead`, an idea.
async fn network_initiative(app: &App, group: Uuid, lead: Uuid) -> db::network::Initiative {
    let draft = domain::network::initiatives::InitiativeDraft {
        title: "Iniziativa da provare".into(),
        summary: String::new(),
        lead,
        partners: vec![],
        countries: vec!["ME".into()],
        call_name: String::new(),
        call_deadline: None,
        budget_cents: None,
        products: vec![],
    };
    let today = app.db().now().date_naive();
    let id = db::network::create_initiative(app.db(), group, &draft, today, None)
        .await
        .unwrap();
    db::network::initiative(app.db(), id).await.unwrap()
}
