//! Walks every public writing function of `db` and checks, on both databases, that each value kept
//! between requests that shows the data it changed is computed again on a second instance.

mod common;

use chrono::{Duration, Utc};
use common::*;
use db::Part;
use domain::roles::{Grant, Role, SpaceKind};
use serde_json::json;
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use uuid::Uuid;

// ----------------------------------------------------------------------------------------------
// The oracle: which tables each kept value reads, worked out from its SQL and written here
// independently of the parts the code names, so that the two can be compared.

/// A value kept between requests: its parts (from the code) and the tables it reads (the oracle).
struct Shown {
    name: &'static str,
    parts: &'static [Part],
    tables: &'static [&'static str],
}

const SHOWN: &[Shown] = &[
    Shown {
        name: "structure",
        parts: web::programme::STRUCTURE_PARTS,
        tables: &[
            "programmes",
            "phases",
            "strands",
            "dimensions",
            "modules",
            "cohorts",
            "cohort_members",
            "cohort_strands",
        ],
    },
    Shown {
        name: "attendance report",
        parts: web::labs::REPORT_PARTS,
        tables: &[
            "lab_sessions",
            "registrations",
            "attendance",
            "users",
            "grants",
            "cohort_members",
            "organisations",
            "modules",
            "strands",
            "programmes",
        ],
    },
    Shown {
        name: "my labs",
        parts: web::labs::MINE_PARTS,
        tables: &[
            "lab_sessions",
            "modules",
            "cohorts",
            "strands",
            "registrations",
            "cohort_members",
            "grants",
            "attendance",
            "feedback_given",
        ],
    },
    Shown {
        name: "product list",
        parts: web::products::LIST_PARTS,
        tables: &["products", "product_versions", "product_events", "users"],
    },
    Shown {
        name: "product page",
        parts: web::products::SHOW_PARTS,
        tables: &[
            "products",
            "product_versions",
            "product_comments",
            "product_events",
            "users",
            "macro_areas",
            "sectors",
        ],
    },
    Shown {
        name: "inbox",
        parts: web::products::INBOX_PARTS,
        tables: &[
            "products",
            "organisations",
            "product_versions",
            "product_comments",
            "users",
        ],
    },
    Shown {
        name: "library search",
        parts: web::library::SEARCH_PARTS,
        tables: &[
            "library_documents",
            "library_texts",
            "library_search",
            "library_document_themes",
            "library_document_places",
            "library_changes",
        ],
    },
    Shown {
        name: "theme names",
        parts: web::library::NAMES_PARTS,
        tables: &["macro_areas", "sectors"],
    },
];

/// Columns no kept value shows: a change to them alone needs no kept value computed again.
const HIDDEN: &[(&str, &str)] = &[
    ("users", "password_hash"),
    ("users", "updated_at"),
    ("users", "active"),
    ("users", "languages"),
];

/// Tables that are not data any page shows: the schema's bookkeeping, the generations themselves
/// and the audit log (written by nearly every change).
fn compared(table: &str) -> bool {
    !(table.starts_with("sqlite_")
        || table.starts_with("library_search_")
        || ["ponte_migrations", "generations", "audit_log"].contains(&table))
}

// ----------------------------------------------------------------------------------------------
// The enumeration: every `pub async fn` of `db` whose body goes through `change!`.

/// `module::function` of every public function of `db` that writes through `change!`, read from
/// the sources: a function's body runs up to the next `pub async fn` or the end of its file.
fn writing_functions() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../db/src");
    let mut found = BTreeSet::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read the db sources") {
            let path = entry.expect("a directory entry of the db sources").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&root).expect("under the db sources");
            if relative == Path::new("write.rs") || relative == Path::new("testing.rs") {
                continue;
            }
            let first = relative
                .components()
                .next()
                .expect("a file name")
                .as_os_str()
                .to_string_lossy()
                .to_string();
            let module = first.trim_end_matches(".rs");
            let text = std::fs::read_to_string(&path).expect("read a db source");
            for body in text.split("pub async fn ").skip(1) {
                let name: String = body
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if body.contains("change!(") {
                    found.insert(format!("{module}::{name}"));
                }
            }
        }
    }
    found
}

#[test]
fn every_writing_function_has_a_case() {
    let functions = writing_functions();
    let cases: Vec<&str> = cases().iter().map(|(name, _)| *name).collect();
    let mut seen = BTreeSet::new();
    let doubled: Vec<&str> = cases.iter().copied().filter(|c| !seen.insert(*c)).collect();
    assert!(doubled.is_empty(), "cases walked twice: {doubled:?}");
    let missing: Vec<&String> = functions
        .iter()
        .filter(|f| !seen.contains(f.as_str()))
        .collect();
    let gone: Vec<&&str> = seen.iter().filter(|c| !functions.contains(**c)).collect();
    assert!(
        missing.is_empty() && gone.is_empty(),
        "writing functions of db without a case (add a case to the walk in writes.rs): {missing:?}; \
         cases of functions that no longer write through change! (remove them): {gone:?}"
    );
}

// ----------------------------------------------------------------------------------------------
// Snapshots of every table, as text, on either backend.

/// A table's columns, in order.
async fn columns_of(db: &db::Db, table: &str) -> Vec<String> {
    match db.pool() {
        db::Pool::Sqlite(pool) => {
            sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                .bind(table)
                .fetch_all(pool)
                .await
        }
        db::Pool::Postgres(pool) => {
            sqlx::query_scalar(
                "SELECT column_name::text FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
            )
            .bind(table)
            .fetch_all(pool)
            .await
        }
    }
    .unwrap_or_else(|e| panic!("list the columns of {table}: {e}"))
}

fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// One query per compared table, each returning the table's rows as sorted lines of text.
struct Snapshots {
    queries: Vec<(String, String)>,
}

impl Snapshots {
    async fn new(db: &db::Db) -> Snapshots {
        let mut queries = Vec::new();
        match db.pool() {
            db::Pool::Sqlite(pool) => {
                let tables: Vec<String> = sqlx::query_scalar(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                )
                .fetch_all(pool)
                .await
                .expect("list the SQLite tables");
                for table in tables.into_iter().filter(|t| compared(t)) {
                    let columns = columns_of(db, &table).await;
                    let row = columns
                        .iter()
                        .filter(|c| !HIDDEN.contains(&(table.as_str(), c.as_str())))
                        .map(|c| format!("quote({})", ident(c)))
                        .collect::<Vec<_>>()
                        .join(" || '|' || ");
                    let sql = format!(
                        "SELECT group_concat(r, char(10)) FROM (SELECT {row} AS r FROM {} ORDER BY r)",
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
                .expect("list the PostgreSQL tables");
                for table in tables.into_iter().filter(|t| compared(t)) {
                    let columns = columns_of(db, &table).await;
                    let row = columns
                        .iter()
                        .filter(|c| !HIDDEN.contains(&(table.as_str(), c.as_str())))
                        .map(|c| format!("coalesce({}::text, '~')", ident(c)))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let sql = format!(
                        "SELECT string_agg(r, E'\\n' ORDER BY r) FROM (SELECT concat_ws('|', {row}) AS r FROM {}) x",
                        ident(&table)
                    );
                    queries.push((table, sql));
                }
            }
        }
        Snapshots { queries }
    }

    fn tables(&self) -> BTreeSet<&str> {
        self.queries.iter().map(|(t, _)| t.as_str()).collect()
    }

    /// Every compared table's rows, as text.
    async fn take(&self, db: &db::Db) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for (table, sql) in &self.queries {
            let text: Option<String> = db::run!(db, |pool| sqlx::query_scalar(sql)
                .fetch_one(pool)
                .await
                .unwrap_or_else(|e| panic!("snapshot of {table}: {e}")));
            out.insert(table.clone(), text.unwrap_or_default());
        }
        out
    }
}

// ----------------------------------------------------------------------------------------------
// The second instance's kept values.

/// A kept value that only counts its computations.
struct Counted;

impl web::kept::Weigh for Counted {
    fn weight(&self) -> usize {
        1
    }
}

/// Asks the second instance for `shown` through the real component; true when it had to compute it.
async fn computes(other: &web::AppState, shown: &Shown) -> bool {
    let computed = Cell::new(false);
    other
        .kept
        .get_or_compute(
            &other.db,
            format!("walk/{}", shown.name),
            shown.parts,
            || async {
                computed.set(true);
                Ok::<_, db::DbError>(Counted)
            },
        )
        .await
        .expect("the kept value");
    computed.get()
}

// ----------------------------------------------------------------------------------------------
// The walk.

/// What one write did.
struct Written {
    outcome: Result<(), String>,
    changed: BTreeSet<String>,
    raised: Vec<Part>,
    /// Kept values the second instance computed again although nothing had changed.
    unsteady: Vec<&'static str>,
    /// Kept values the second instance computed again after the write.
    recomputed: BTreeSet<&'static str>,
}

/// What the cases work with: the database, a second instance and the demo's people and places.
struct Walk {
    db: db::Db,
    other: web::AppState,
    snapshots: Snapshots,
    admin: Uuid,
    staff: Uuid,
    tutor: Uuid,
    coordinator: Uuid,
    member: Uuid,
    salerno: Uuid,
}

async fn user_id(db: &db::Db, email: &str) -> Uuid {
    db::accounts::credentials(db, email)
        .await
        .expect("read credentials")
        .unwrap_or_else(|| panic!("no demo account {email}"))
        .id
}

impl Walk {
    async fn new(app: &App) -> Walk {
        let db = app.db().clone();
        let files = app.backend.dir.path().join("files");
        let other = web::AppState::new(
            db.clone(),
            web::Config::local("http://ponte.test"),
            storage::Storage::open(&files.display().to_string()).expect("storage opens"),
        );
        Walk {
            snapshots: Snapshots::new(&db).await,
            admin: user_id(&db, "admin@ponte.example").await,
            staff: user_id(&db, "staff@ponte.example").await,
            tutor: user_id(&db, "tutor@ponte.example").await,
            coordinator: user_id(&db, "coordinatore@ponte.example").await,
            member: user_id(&db, "membro@ponte.example").await,
            salerno: app.organisation("Provincia di Salerno").await,
            db,
            other,
        }
    }

    /// Runs one write between two snapshots, with the second instance's kept values served
    /// before it and asked for again after it.
    async fn write<T>(&self, change: impl Future<Output = db::Result<T>>) -> Written {
        let mut unsteady = Vec::new();
        for shown in SHOWN {
            computes(&self.other, shown).await;
            if computes(&self.other, shown).await {
                unsteady.push(shown.name);
            }
        }
        let before = self.snapshots.take(&self.db).await;
        let generations = db::generations(&self.db, &Part::ALL)
            .await
            .expect("generations before");
        let outcome = change.await.map(drop).map_err(|e| e.to_string());
        let after = self.snapshots.take(&self.db).await;
        let raised_to = db::generations(&self.db, &Part::ALL)
            .await
            .expect("generations after");
        let mut recomputed = BTreeSet::new();
        for shown in SHOWN {
            if computes(&self.other, shown).await {
                recomputed.insert(shown.name);
            }
        }
        Written {
            outcome,
            changed: before
                .iter()
                .filter(|(table, text)| after.get(*table) != Some(*text))
                .map(|(table, _)| table.clone())
                .collect(),
            raised: Part::ALL
                .iter()
                .zip(generations.iter().zip(&raised_to))
                .filter(|(_, (b, a))| a > b)
                .map(|(p, _)| *p)
                .collect(),
            unsteady,
            recomputed,
        }
    }

    fn unique(&self, prefix: &str) -> String {
        format!("{prefix}-{}", db::new_id().simple())
    }

    async fn structure(&self) -> db::programme::Structure {
        db::programme::structure(&self.db)
            .await
            .expect("read the structure")
            .expect("the demo programme")
    }

    /// A new account, with `grants`.
    async fn user(&self, grants: &[Grant]) -> Uuid {
        let user = db::accounts::NewUser {
            email: format!("{}@walk.example", self.unique("persona")),
            name: "Persona del giro".into(),
            password_hash: "not-a-hash".into(),
        };
        db::accounts::create_user(&self.db, &user, grants, Some(self.admin))
            .await
            .expect("create an account")
    }

    fn member_of(&self, organisation: Uuid) -> Grant {
        Grant {
            role: Role::Member,
            space: SpaceKind::Organisation,
            space_id: Some(organisation),
        }
    }

    fn session_draft(&self, structure: &db::programme::Structure) -> domain::labs::SessionDraft {
        let starts_at = Utc::now() + Duration::days(30);
        domain::labs::SessionDraft {
            module_id: structure.modules[0].id,
            cohort_id: structure.cohorts[0].id,
            title: "Laboratorio del giro".into(),
            starts_at,
            ends_at: starts_at + Duration::hours(3),
            place: "Salerno".into(),
            online_url: String::new(),
            capacity: 10,
            table_id: None,
            group_id: None,
        }
    }

    /// A new planned session a month from now, with free seats.
    async fn session(&self) -> Uuid {
        let draft = self.session_draft(&self.structure().await);
        db::labs::create(&self.db, &draft, Some(self.staff))
            .await
            .expect("create a session")
    }

    fn agenda_item(&self) -> db::labs::AgendaItem {
        let starts_at = Utc::now() + Duration::days(30);
        db::labs::AgendaItem {
            id: db::new_id(),
            starts_at,
            ends_at: starts_at + Duration::hours(1),
            title: "Apertura dei lavori".into(),
            speaker: "Marco De Luca".into(),
        }
    }

    async fn theme(&self) -> Vec<String> {
        db::library::macro_areas(&self.db)
            .await
            .expect("read the macro-areas")
            .first()
            .map(|a| format!("m:{}", a.code))
            .into_iter()
            .collect()
    }

    async fn library_draft(&self, kind: &'static str, title: &str) -> domain::library::Draft {
        domain::library::Draft {
            title: title.into(),
            summary: "Un documento del giro delle scritture.".into(),
            kind,
            language: "it",
            year: Some(2025),
            source: None,
            licence: None,
            url: None,
            visibility: domain::library::Visibility::Public,
            organisation: None,
            group: None,
            table: None,
            network_group: None,
            themes: self.theme().await,
            places: Vec::new(),
        }
    }

    fn practice(&self, approach: &str) -> domain::library::practices::Practice {
        domain::library::practices::Practice {
            administration: "Provincia di Salerno".into(),
            context: "Un contesto.".into(),
            problem: "Un problema.".into(),
            approach: approach.into(),
            ..Default::default()
        }
    }

    /// A new public document; with a file whose text is still to be extracted when `file`.
    async fn document(&self, file: bool) -> Uuid {
        let draft = self.library_draft("report", "Documento del giro").await;
        let stored = db::library::StoredFile {
            key: db::new_id(),
            name: "giro.pdf".into(),
            content_type: "application/pdf".into(),
            size: 1024,
            extractable: true,
            text: None,
        };
        db::library::create(
            &self.db,
            &draft,
            file.then_some(&stored),
            &db::library::Links::default(),
            Some(self.staff),
        )
        .await
        .expect("create a document")
    }

    /// A new draft product of Salerno, by its coordinator.
    async fn product(&self) -> Uuid {
        let new = db::products::NewProduct {
            organisation: self.salerno,
            kind: "logframe",
            title: "Prodotto del giro",
            content: "Contenuto del giro",
            due_on: None,
            model_of: None,
            session: None,
        };
        db::products::create(&self.db, &new, Some(self.coordinator))
            .await
            .expect("create a product")
    }

    fn notice(&self, to: Vec<Uuid>) -> db::products::Notice {
        db::products::Notice {
            to,
            kind: "walk",
            title: "Avviso del giro".into(),
            link: "/walk".into(),
        }
    }

    async fn comment(&self, product: Uuid) -> Uuid {
        let c = db::products::NewComment {
            product,
            parent: None,
            version_number: 0,
            anchor: "",
            body: "Un commento del giro.",
        };
        db::products::comment(
            &self.db,
            &c,
            Some(self.tutor),
            &self.notice(vec![self.coordinator]),
        )
        .await
        .expect("comment")
    }

    /// A table led by Salerno as a form would give it, with its territory.
    async fn table_draft(&self) -> (domain::tables::TableDraft, Vec<domain::tables::Place>) {
        let draft = domain::tables::TableDraft {
            name: self.unique("Tavolo del giro"),
            lead: self.salerno,
            territory: vec!["065".into()],
            purpose: "Una finalità del giro.".into(),
            themes: self.theme().await,
            countries: vec!["AL".into()],
            rules: String::new(),
            public: false,
            formed_on: Utc::now().date_naive() - Duration::days(10),
        };
        let places = db::tables::places(&self.db, &draft.territory)
            .await
            .expect("look the territory up");
        (draft, places)
    }

    /// A new thread of the member in Salerno's space: (thread, its opening message).
    async fn thread(&self) -> (Uuid, Uuid) {
        let draft = domain::community::check_thread("Discussione del giro", "Testo.")
            .expect("a valid thread");
        let thread = db::community::create_thread(
            &self.db,
            domain::community::spaces::Kind::Administration,
            self.salerno,
            self.member,
            &draft,
            &[],
            &db::community::Audience::default(),
        )
        .await
        .expect("start a thread");
        let post = db::community::posts(&self.db, thread)
            .await
            .expect("read the thread")[0]
            .id;
        (thread, post)
    }

    /// A new table led by Salerno, being formed.
    async fn table(&self) -> Uuid {
        let (draft, places) = self.table_draft().await;
        db::tables::create(&self.db, &draft, "15", &places, Some(self.staff))
            .await
            .expect("create a table")
    }

    /// A new table with a meeting `days` from now: (table, meeting).
    async fn meeting(&self, days: i64) -> (Uuid, Uuid) {
        let table = self.table().await;
        let meeting = db::new_id();
        db::tables::convene(
            &self.db,
            table,
            meeting,
            &meeting_draft(&self.db, days),
            &[],
            Some(self.staff),
        )
        .await
        .expect("convene a meeting");
        (table, meeting)
    }

    /// A held meeting of a new table with its minutes drafted (one section, no decision yet),
    /// circulated too when `circulated`.
    async fn minutes(&self, circulated: bool) -> db::tables::Minutes {
        let (table, meeting) = self.meeting(-1).await;
        let rows = vec![domain::tables::meetings::Attendance {
            organisation: self.salerno,
            presence: domain::tables::meetings::Presence::Present,
            person: "Persona del giro".into(),
            delegate: String::new(),
        }];
        db::tables::record_attendance(&self.db, table, meeting, &rows, Some(self.staff))
            .await
            .expect("hold the meeting");
        let held = db::tables::meeting(&self.db, table, meeting)
            .await
            .expect("read the meeting");
        let body = domain::tables::minutes::MinutesBody::from_agenda(&held.agenda, db::new_id);
        db::tables::draft_minutes(
            &self.db,
            table,
            meeting,
            db::new_id(),
            &body,
            Some(self.staff),
        )
        .await
        .expect("draft the minutes");
        let mut minutes = db::tables::minutes_of(&self.db, table, meeting)
            .await
            .expect("read the minutes")
            .expect("the minutes");
        if circulated {
            let deadline = self.db.now() + chrono::Duration::days(7);
            db::tables::circulate_minutes(&self.db, &minutes, deadline, &[], Some(self.staff))
                .await
                .expect("circulate the minutes");
            minutes = db::tables::minutes_of(&self.db, table, meeting)
                .await
                .expect("read the minutes")
                .expect("the minutes");
        }
        minutes
    }

    fn organisation(&self, name: &str) -> domain::organisations::Organisation {
        domain::organisations::Organisation {
            category: domain::organisations::Category::LocalActor,
            name: name.into(),
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

    /// Runs a statement on the sessions table with a time and a session's token bound.
    async fn touch_session(&self, sql: &str, at: chrono::DateTime<Utc>, token: &str) {
        let hash = db::token_hash(token);
        db::run!(&self.db, |pool| {
            sqlx::query(sql)
                .bind(at)
                .bind(&hash)
                .execute(pool)
                .await
                .expect("change a session for the test");
        });
    }
}

type Case = for<'a> fn(&'a Walk) -> Pin<Box<dyn Future<Output = Written> + 'a>>;

fn case(name: &'static str, run: Case) -> (&'static str, Case) {
    (name, run)
}

fn boxed<'a>(f: impl Future<Output = Written> + 'a) -> Pin<Box<dyn Future<Output = Written> + 'a>> {
    Box::pin(f)
}

/// One case per writing function: each makes what it needs, then makes its write through
/// `w.write`, with inputs that succeed and change something where the function can.
fn cases() -> Vec<(&'static str, Case)> {
    use db::labs::Material;
    use domain::labs::Status;
    vec![
        // Accounts.
        case("accounts::accept_invitation", |w| {
            boxed(async move {
                let email = format!("{}@walk.example", w.unique("invitata"));
                let token = db::accounts::create_invitation(
                    &w.db,
                    &email,
                    Role::Member,
                    Some(w.salerno),
                    w.admin,
                )
                .await
                .expect("invite");
                w.write(db::accounts::accept_invitation(
                    &w.db,
                    &token,
                    "Persona Invitata",
                    "not-a-hash",
                ))
                .await
            })
        }),
        case("accounts::add_grant", |w| {
            boxed(async move {
                let user = w.user(&[]).await;
                w.write(db::accounts::add_grant(
                    &w.db,
                    user,
                    w.member_of(w.salerno),
                    Some(w.admin),
                ))
                .await
            })
        }),
        case("accounts::close_session", |w| {
            boxed(async move {
                let token = db::accounts::open_session(&w.db, w.member, "203.0.113.7")
                    .await
                    .expect("open a session");
                w.write(db::accounts::close_session(&w.db, &token, w.member))
                    .await
            })
        }),
        case("accounts::complete_reset", |w| {
            boxed(async move {
                let user = w.user(&[]).await;
                db::accounts::open_session(&w.db, user, "203.0.113.7")
                    .await
                    .expect("open a session");
                let token = db::accounts::create_reset(&w.db, user)
                    .await
                    .expect("ask for a reset");
                w.write(db::accounts::complete_reset(&w.db, &token, "another-hash"))
                    .await
            })
        }),
        case("accounts::create_invitation", |w| {
            boxed(async move {
                let email = format!("{}@walk.example", w.unique("invitata"));
                w.write(db::accounts::create_invitation(
                    &w.db,
                    &email,
                    Role::Member,
                    Some(w.salerno),
                    w.admin,
                ))
                .await
            })
        }),
        case("accounts::create_reset", |w| {
            boxed(async move { w.write(db::accounts::create_reset(&w.db, w.member)).await })
        }),
        case("accounts::create_user", |w| {
            boxed(async move {
                let user = db::accounts::NewUser {
                    email: format!("{}@walk.example", w.unique("nuova")),
                    name: "Nuova Persona".into(),
                    password_hash: "not-a-hash".into(),
                };
                w.write(db::accounts::create_user(
                    &w.db,
                    &user,
                    &[w.member_of(w.salerno)],
                    Some(w.admin),
                ))
                .await
            })
        }),
        case("accounts::open_session", |w| {
            boxed(async move {
                w.write(db::accounts::open_session(&w.db, w.member, "203.0.113.7"))
                    .await
            })
        }),
        case("accounts::record_attempt", |w| {
            boxed(async move {
                w.write(db::accounts::record_attempt(
                    &w.db,
                    "chiunque@walk.example",
                    "203.0.113.7",
                    false,
                ))
                .await
            })
        }),
        case("accounts::revoke_grant", |w| {
            boxed(async move {
                let user = w.user(&[w.member_of(w.salerno)]).await;
                w.write(db::accounts::revoke_grant(
                    &w.db,
                    user,
                    Role::Member,
                    w.salerno,
                    w.admin,
                ))
                .await
            })
        }),
        case("accounts::session_principal", |w| {
            boxed(async move {
                // A session last seen five minutes ago is extended when it is used.
                let token = db::accounts::open_session(&w.db, w.member, "203.0.113.7")
                    .await
                    .expect("open a session");
                w.touch_session(
                    "UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2",
                    Utc::now() - Duration::minutes(5),
                    &token,
                )
                .await;
                w.write(db::accounts::session_principal(&w.db, &token))
                    .await
            })
        }),
        case("accounts::set_active", |w| {
            boxed(async move {
                let user = w.user(&[w.member_of(w.salerno)]).await;
                db::accounts::open_session(&w.db, user, "203.0.113.7")
                    .await
                    .expect("open a session");
                w.write(db::accounts::set_active(&w.db, user, false, w.admin))
                    .await
            })
        }),
        case("accounts::set_password", |w| {
            boxed(async move {
                let user = w.user(&[]).await;
                db::accounts::open_session(&w.db, user, "203.0.113.7")
                    .await
                    .expect("open a session");
                w.write(db::accounts::set_password(
                    &w.db,
                    user,
                    "another-hash",
                    Some(w.admin),
                ))
                .await
            })
        }),
        case("accounts::update_profile", |w| {
            boxed(async move {
                let user = w.user(&[w.member_of(w.salerno)]).await;
                let version = db::accounts::user(&w.db, user)
                    .await
                    .expect("read the account")
                    .version;
                let profile = domain::accounts::Profile {
                    name: "Persona Rinominata".into(),
                    languages: vec!["it".into(), "en".into()],
                    competences: vec!["cooperazione".into()],
                };
                w.write(db::accounts::update_profile(&w.db, user, version, &profile))
                    .await
            })
        }),
        // The audit log.
        case("audit::record", |w| {
            boxed(async move {
                let change = db::audit::Change {
                    actor: Some(w.admin),
                    action: "walk.record",
                    entity: "walk",
                    entity_id: "walk".into(),
                    before: None,
                    after: Some(json!({ "walked": true })),
                };
                w.write(db::audit::record(&w.db, &change)).await
            })
        }),
        // The job queue.
        case("jobs::claim", |w| {
            boxed(async move {
                db::jobs::enqueue(&w.db, "walk.claim", None, &json!({}))
                    .await
                    .expect("queue a job");
                w.write(db::jobs::claim(&w.db, &["walk.claim"])).await
            })
        }),
        case("jobs::complete", |w| {
            boxed(async move {
                let id = db::jobs::enqueue(&w.db, "walk.complete", None, &json!({}))
                    .await
                    .expect("queue a job");
                w.write(db::jobs::complete(&w.db, id)).await
            })
        }),
        case("jobs::enqueue_at", |w| {
            boxed(async move {
                let at = Utc::now() + Duration::hours(1);
                w.write(db::jobs::enqueue_at(
                    &w.db,
                    "walk.enqueue",
                    Some("walk"),
                    &json!({ "n": 1 }),
                    at,
                ))
                .await
            })
        }),
        case("jobs::fail", |w| {
            boxed(async move {
                db::jobs::enqueue(&w.db, "walk.fail", None, &json!({}))
                    .await
                    .expect("queue a job");
                let job = db::jobs::claim(&w.db, &["walk.fail"])
                    .await
                    .expect("claim")
                    .expect("the job queued");
                w.write(db::jobs::fail(&w.db, &job, "it failed on purpose"))
                    .await
            })
        }),
        // Labs.
        case("labs::add_agenda_item", |w| {
            boxed(async move {
                let session = w.session().await;
                let item = w.agenda_item();
                w.write(db::labs::add_agenda_item(
                    &w.db,
                    session,
                    &item,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("labs::add_material", |w| {
            boxed(async move {
                let session = w.session().await;
                let material = Material {
                    id: db::new_id(),
                    session_id: session,
                    title: "Presentazione".into(),
                    url: Some("https://example.org/slides".into()),
                    storage_key: None,
                    file_name: None,
                    content_type: None,
                    size: None,
                };
                w.write(db::labs::add_material(&w.db, &material, Some(w.staff)))
                    .await
            })
        }),
        case("labs::check_in", |w| {
            boxed(async move {
                let session = w.session().await;
                db::labs::record_registration(&w.db, session, w.member)
                    .await
                    .expect("register");
                w.write(db::labs::check_in(&w.db, session, w.member, 0))
                    .await
            })
        }),
        case("labs::create_inviting", |w| {
            boxed(async move {
                let draft = w.session_draft(&w.structure().await);
                let invited = [db::labs::Invitation {
                    user: w.member,
                    kind: "email",
                    key: "membro@ponte.example".into(),
                    payload: Some(
                        serde_json::json!({ "to": "membro@ponte.example", "subject": "Invito", "body": "Sei invitato." }),
                    ),
                }];
                w.write(db::labs::create_inviting(
                    &w.db,
                    db::new_id(),
                    &draft,
                    &invited,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("labs::give_feedback", |w| {
            boxed(async move {
                let session = w.session().await;
                let answer = domain::labs::feedback::Answer {
                    ratings: [Some(4), Some(5), Some(3), Some(4), None],
                    went_well: "Il lavoro di gruppo.".into(),
                    to_improve: "Più pause.".into(),
                    anonymous: false,
                };
                let today = Utc::now().date_naive();
                w.write(db::labs::give_feedback(
                    &w.db, session, w.member, &answer, today,
                ))
                .await
            })
        }),
        case("labs::invite", |w| {
            boxed(async move {
                let session = w.session().await;
                w.write(db::labs::invite(&w.db, session, w.member, Some(w.staff)))
                    .await
            })
        }),
        case("labs::issue_certificate", |w| {
            boxed(async move {
                let code = w.unique("WALK");
                let season = w.unique("SEASON");
                w.write(db::labs::issue_certificate(
                    &w.db, &code, w.member, &season, "{}",
                ))
                .await
            })
        }),
        case("labs::new_feed_token", |w| {
            boxed(async move { w.write(db::labs::new_feed_token(&w.db, w.member)).await })
        }),
        case("labs::record_registration", |w| {
            boxed(async move {
                let session = w.session().await;
                w.write(db::labs::record_registration(&w.db, session, w.member))
                    .await
            })
        }),
        case("labs::register", |w| {
            boxed(async move {
                let session = w.session().await;
                w.write(db::labs::register(&w.db, session, w.member, Utc::now()))
                    .await
            })
        }),
        case("labs::remove_agenda_item", |w| {
            boxed(async move {
                let session = w.session().await;
                let item = w.agenda_item();
                db::labs::add_agenda_item(&w.db, session, &item, Some(w.staff))
                    .await
                    .expect("add an agenda item");
                w.write(db::labs::remove_agenda_item(
                    &w.db,
                    session,
                    item.id,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("labs::save_register", |w| {
            boxed(async move {
                let session = w.session().await;
                db::labs::record_registration(&w.db, session, w.member)
                    .await
                    .expect("register");
                let present = [(w.member, 0), (w.member, 1)];
                w.write(db::labs::save_register(
                    &w.db,
                    session,
                    &present,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("labs::set_outcomes", |w| {
            boxed(async move {
                let id = w.session().await;
                let session = db::labs::get(&w.db, id)
                    .await
                    .expect("read the session")
                    .expect("the session");
                w.write(db::labs::set_outcomes(
                    &w.db,
                    &session,
                    "Esiti del laboratorio.",
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("labs::set_status", |w| {
            boxed(async move {
                let session = w.session().await;
                w.write(db::labs::set_status(
                    &w.db,
                    session,
                    Status::Planned,
                    Status::Confirmed,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("labs::unregister", |w| {
            boxed(async move {
                let session = w.session().await;
                let taken = db::labs::register(&w.db, session, w.member, Utc::now())
                    .await
                    .expect("register");
                assert!(taken, "a seat of a new session");
                w.write(db::labs::unregister(&w.db, session, w.member, Utc::now()))
                    .await
            })
        }),
        case("labs::update_inviting", |w| {
            boxed(async move {
                let id = w.session().await;
                let before = db::labs::get(&w.db, id)
                    .await
                    .expect("read the session")
                    .expect("the session");
                let mut draft = before.draft();
                draft.title = "Laboratorio del giro, rivisto".into();
                draft.capacity = 12;
                w.write(db::labs::update_inviting(
                    &w.db,
                    &before,
                    before.version,
                    &draft,
                    &[],
                    Some(w.staff),
                ))
                .await
            })
        }),
        // The library.
        case("library::add_reading", |w| {
            boxed(async move {
                let document = w.document(false).await;
                let module = w.structure().await.modules[0].id;
                let target = db::library::ReadingFor::Module(module);
                w.write(db::library::add_reading(
                    &w.db,
                    target,
                    document,
                    "Da leggere prima.",
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("library::create_practice", |w| {
            boxed(async move {
                let draft = w
                    .library_draft("good_practice", "Buona pratica del giro")
                    .await;
                let practice = w.practice("Un approccio.");
                let links = db::library::Links::default();
                w.write(db::library::create_practice(
                    &w.db,
                    &draft,
                    &practice,
                    None,
                    &links,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("library::delete", |w| {
            boxed(async move {
                let document = w.document(true).await;
                w.write(db::library::delete(&w.db, document, Some(w.staff)))
                    .await
            })
        }),
        case("library::import_sectors", |w| {
            boxed(async move {
                let mut sectors: Vec<domain::library::sectors::Sector> =
                    db::library::sectors(&w.db)
                        .await
                        .expect("read the sectors")
                        .into_iter()
                        .map(|s| domain::library::sectors::Sector {
                            code: s.code,
                            category: s.category,
                            active: s.active,
                            name_en: s.name_en,
                            name_fr: s.name_fr,
                        })
                        .collect();
                sectors.push(domain::library::sectors::Sector {
                    code: "99870".into(),
                    category: "998".into(),
                    active: true,
                    name_en: "Walk sector".into(),
                    name_fr: Some("Secteur de la promenade".into()),
                });
                w.write(db::library::import_sectors(&w.db, &sectors, Some(w.staff)))
                    .await
            })
        }),
        case("library::refresh_index", |w| {
            boxed(async move {
                w.document(true).await;
                // As a database indexed by an older version of the rules would have it.
                db::testing::exec(
                    &w.db,
                    "UPDATE generations SET value = 0 WHERE part = 'library-index'",
                )
                .await;
                w.write(db::library::refresh_index(&w.db)).await
            })
        }),
        case("library::remove_reading", |w| {
            boxed(async move {
                let document = w.document(false).await;
                let module = w.structure().await.modules[0].id;
                let target = db::library::ReadingFor::Module(module);
                let item = db::library::add_reading(&w.db, target, document, "", Some(w.staff))
                    .await
                    .expect("add a reading");
                w.write(db::library::remove_reading(&w.db, item, Some(w.staff)))
                    .await
            })
        }),
        case("library::retry_extraction", |w| {
            boxed(async move {
                let document = w.document(true).await;
                db::library::set_extracted(&w.db, document, Err("library.extraction_failed"))
                    .await
                    .expect("fail the extraction");
                w.write(db::library::retry_extraction(&w.db, document))
                    .await
            })
        }),
        case("library::save_macro_area", |w| {
            boxed(async move {
                let mut area = db::library::macro_areas(&w.db)
                    .await
                    .expect("read the macro-areas")
                    .remove(0);
                area.name_en = format!("{} (walked)", area.name_en);
                let version = area.version;
                w.write(db::library::save_macro_area(
                    &w.db,
                    &area,
                    Some(version),
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("library::set_extracted", |w| {
            boxed(async move {
                let document = w.document(true).await;
                w.write(db::library::set_extracted(
                    &w.db,
                    document,
                    Ok("Il testo estratto del documento.".into()),
                ))
                .await
            })
        }),
        case("library::update_practice", |w| {
            boxed(async move {
                let draft = w
                    .library_draft("good_practice", "Buona pratica del giro")
                    .await;
                let links = db::library::Links::default();
                let id = db::library::create_practice(
                    &w.db,
                    &draft,
                    &w.practice("Un approccio."),
                    None,
                    &links,
                    Some(w.staff),
                )
                .await
                .expect("create a practice");
                let version = db::library::document(&w.db, id)
                    .await
                    .expect("read the document")
                    .expect("the document")
                    .version;
                let mut changed = draft.clone();
                changed.title = "Buona pratica del giro, rivista".into();
                let practice = w.practice("Un approccio rivisto.");
                w.write(db::library::update_practice(
                    &w.db,
                    id,
                    version,
                    &changed,
                    &practice,
                    &links,
                    Some(w.staff),
                ))
                .await
            })
        }),
        // Maintenance.
        case("maintenance::clean_up", |w| {
            boxed(async move {
                let token = db::accounts::open_session(&w.db, w.member, "203.0.113.7")
                    .await
                    .expect("open a session");
                w.touch_session(
                    "UPDATE sessions SET expires_at = $1 WHERE id_hash = $2",
                    Utc::now() - Duration::hours(1),
                    &token,
                )
                .await;
                w.write(db::maintenance::clean_up(&w.db)).await
            })
        }),
        // Organisations.
        case("organisations::create", |w| {
            boxed(async move {
                let org = w.organisation(&w.unique("Associazione del giro"));
                w.write(db::organisations::create(&w.db, &org, Some(w.admin)))
                    .await
            })
        }),
        case("organisations::import_municipalities", |w| {
            boxed(async move {
                let list = [domain::organisations::istat::Municipality {
                    istat_code: "999001".into(),
                    name: "Comune del giro".into(),
                    region_code: "15".into(),
                    region_name: "Campania".into(),
                    supra_code: "065".into(),
                    supra_name: "Salerno".into(),
                    car_plate: "SA".into(),
                    cadastral_code: "Z999".into(),
                    is_capital: false,
                }];
                w.write(db::organisations::import_municipalities(
                    &w.db,
                    &list,
                    Some(w.admin),
                ))
                .await
            })
        }),
        case("organisations::update", |w| {
            boxed(async move {
                let org = w.organisation(&w.unique("Associazione del giro"));
                let id = db::organisations::create(&w.db, &org, Some(w.admin))
                    .await
                    .expect("create an organisation");
                let version = db::organisations::get(&w.db, id)
                    .await
                    .expect("read the organisation")
                    .version;
                let renamed = w.organisation(&w.unique("Associazione rinominata"));
                w.write(db::organisations::update(
                    &w.db,
                    id,
                    version,
                    &renamed,
                    Some(w.admin),
                ))
                .await
            })
        }),
        // Products.
        case("products::comment", |w| {
            boxed(async move {
                let product = w.product().await;
                let c = db::products::NewComment {
                    product,
                    parent: None,
                    version_number: 0,
                    anchor: "",
                    body: "Un commento del giro.",
                };
                let notice = w.notice(vec![w.coordinator]);
                w.write(db::products::comment(&w.db, &c, Some(w.tutor), &notice))
                    .await
            })
        }),
        case("products::create", |w| {
            boxed(async move {
                let new = db::products::NewProduct {
                    organisation: w.salerno,
                    kind: "logframe",
                    title: "Nuovo prodotto del giro",
                    content: "",
                    due_on: None,
                    model_of: None,
                    session: None,
                };
                w.write(db::products::create(&w.db, &new, Some(w.coordinator)))
                    .await
            })
        }),
        case("products::log_tutoring", |w| {
            boxed(async move {
                let entry = domain::products::tutoring::Entry {
                    held_on: Utc::now().date_naive(),
                    minutes: 45,
                    participants: "Il gruppo di Salerno".into(),
                    notes: "Revisione del quadro logico.".into(),
                    product: None,
                    steps: vec![domain::products::tutoring::Step {
                        text: "Rivedere gli indicatori".into(),
                        owner: "Salerno".into(),
                        due_on: None,
                    }],
                };
                w.write(db::products::log_tutoring(
                    &w.db,
                    w.salerno,
                    &entry,
                    None,
                    Some(w.tutor),
                ))
                .await
            })
        }),
        case("products::mark_read", |w| {
            boxed(async move {
                db::products::notify(&w.db, &w.notice(vec![w.member]))
                    .await
                    .expect("notify");
                w.write(db::products::mark_read(&w.db, w.member)).await
            })
        }),
        case("products::notify", |w| {
            boxed(async move {
                let notice = w.notice(vec![w.member, w.coordinator]);
                w.write(db::products::notify(&w.db, &notice)).await
            })
        }),
        case("products::resolve", |w| {
            boxed(async move {
                let product = w.product().await;
                let comment = w.comment(product).await;
                w.write(db::products::resolve(
                    &w.db,
                    product,
                    comment,
                    true,
                    Some(w.tutor),
                ))
                .await
            })
        }),
        case("products::save", |w| {
            boxed(async move {
                let product = w.product().await;
                let version = db::products::get(&w.db, product)
                    .await
                    .expect("read the product")
                    .expect("the product")
                    .version;
                let save = db::products::Save {
                    title: "Prodotto del giro, rivisto",
                    content: "Contenuto rivisto",
                    due_on: None,
                    version_label: Some("Prima versione"),
                };
                w.write(db::products::save(
                    &w.db,
                    product,
                    version,
                    &save,
                    Some(w.coordinator),
                ))
                .await
            })
        }),
        case("products::set_model", |w| {
            boxed(async move {
                let product = w.product().await;
                let approve = db::products::Transition {
                    from: "draft",
                    to: "approved",
                    action: "approve",
                    note: "",
                    snapshot_label: None,
                    notice: w.notice(Vec::new()),
                };
                db::products::transition(&w.db, product, &approve, Some(w.tutor))
                    .await
                    .expect("approve");
                w.write(db::products::set_model(&w.db, product, true, Some(w.staff)))
                    .await
            })
        }),
        case("products::transition", |w| {
            boxed(async move {
                let product = w.product().await;
                let submit = db::products::Transition {
                    from: "draft",
                    to: "submitted",
                    action: "submit",
                    note: "Pronto per la revisione.",
                    snapshot_label: Some("Inviato"),
                    notice: w.notice(vec![w.tutor]),
                };
                w.write(db::products::transition(
                    &w.db,
                    product,
                    &submit,
                    Some(w.coordinator),
                ))
                .await
            })
        }),
        // The programme.
        case("programme::create_cohort", |w| {
            boxed(async move {
                let s = w.structure().await;
                let draft = domain::programme::editing::CohortDraft {
                    name: "Gruppo del giro".into(),
                    description: String::new(),
                    phase_id: s.phases.last().expect("a phase").id,
                    organisations: vec![w.salerno],
                    strands: vec![s.strands[0].id],
                };
                w.write(db::programme::editing::create_cohort(
                    &w.db,
                    s.programme.id,
                    &draft,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("programme::create_dimension", |w| {
            boxed(async move {
                let strand = w.structure().await.strands[0].id;
                w.write(db::programme::editing::create_dimension(
                    &w.db,
                    strand,
                    "Dimensione del giro",
                    "Quale domanda?",
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("programme::create_module", |w| {
            boxed(async move {
                let strand = w.structure().await.strands[0].id;
                let draft = domain::programme::editing::ModuleDraft {
                    title: "Modulo del giro".into(),
                    description: String::new(),
                    objectives: String::new(),
                    dimension_id: None,
                    days: domain::programme::PlannedDays::new(10, 10),
                    delivery: domain::programme::Delivery::Remote,
                    products: Vec::new(),
                };
                w.write(db::programme::editing::create_module(
                    &w.db,
                    strand,
                    &draft,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("programme::create_phase", |w| {
            boxed(async move {
                let programme = w.structure().await.programme.id;
                w.write(db::programme::editing::create_phase(
                    &w.db,
                    programme,
                    "Fase del giro",
                    "",
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("programme::load", |w| {
            boxed(async move {
                // A second programme, whose code sorts after the demo's so that the demo stays the
                // programme every page shows.
                let seed = db::programme::Seed {
                    programme: db::programme::Programme {
                        code: "ZZ-WALK".into(),
                        title: "Programma del giro".into(),
                        ..Default::default()
                    },
                    phases: vec![(1, "Fase unica".into(), String::new())],
                    strands: vec![db::programme::StrandSeed {
                        code: "W".into(),
                        title: "Linea del giro".into(),
                        modules: vec![db::programme::ModuleSeed {
                            title: "Modulo del giro".into(),
                            description: String::new(),
                            days: domain::programme::PlannedDays::new(10, 10),
                            delivery: domain::programme::Delivery::InPerson,
                            products: Vec::new(),
                        }],
                        ..Default::default()
                    }],
                    cohorts: vec![db::programme::CohortSeed {
                        name: "Gruppo del giro".into(),
                        description: String::new(),
                        phase: 1,
                        organisations: vec![w.salerno],
                        strands: vec!["W".into()],
                    }],
                };
                w.write(db::programme::load(&w.db, &seed, Some(w.staff)))
                    .await
            })
        }),
        case("programme::swap_modules", |w| {
            boxed(async move {
                let s = w.structure().await;
                let mut modules: Vec<_> = s
                    .modules
                    .iter()
                    .filter(|m| m.strand_id == s.strands[0].id)
                    .collect();
                modules.sort_by_key(|m| m.position);
                let (a, b) = (modules[0], modules[1]);
                w.write(db::programme::editing::swap_modules(
                    &w.db,
                    (a.id, a.position),
                    (b.id, b.position),
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("programme::update_cohort", |w| {
            boxed(async move {
                let s = w.structure().await;
                let before = &s.cohorts[0];
                let draft = domain::programme::editing::CohortDraft {
                    name: format!("{} (giro)", before.name),
                    description: before.description.clone(),
                    phase_id: before.phase_id,
                    organisations: before.organisations.clone(),
                    strands: before.strands.clone(),
                };
                w.write(db::programme::editing::update_cohort(
                    &w.db,
                    before,
                    before.version,
                    &draft,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("programme::update_module", |w| {
            boxed(async move {
                let s = w.structure().await;
                let m = &s.modules[0];
                let draft = domain::programme::editing::ModuleDraft {
                    title: format!("{} (giro)", m.title),
                    description: m.description.clone(),
                    objectives: "Obiettivi rivisti.".into(),
                    dimension_id: m.dimension_id,
                    days: m.days,
                    delivery: m.delivery,
                    products: m.products.clone(),
                };
                w.write(db::programme::editing::update_module(
                    &w.db,
                    m,
                    m.version,
                    &draft,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("programme::update_texts", |w| {
            boxed(async move {
                let s = w.structure().await;
                let strand = &s.strands[0];
                w.write(db::programme::editing::update_texts(
                    &w.db,
                    db::programme::editing::Texts::Strand,
                    strand.id,
                    strand.version,
                    (&strand.title, &strand.description),
                    &format!("{} (giro)", strand.title),
                    "Un testo rivisto.",
                    Some(w.staff),
                ))
                .await
            })
        }),
        // Territorial tables.
        case("tables::create", |w| {
            boxed(async move {
                let (draft, places) = w.table_draft().await;
                w.write(db::tables::create(
                    &w.db,
                    &draft,
                    "15",
                    &places,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::update", |w| {
            boxed(async move {
                let id = w.table().await;
                let (mut draft, places) = w.table_draft().await;
                draft.purpose = "Una finalità rivista.".into();
                w.write(db::tables::update(
                    &w.db,
                    id,
                    1,
                    &draft,
                    &places,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::set_status", |w| {
            boxed(async move {
                let id = w.table().await;
                let document = w.document(false).await;
                db::tables::set_memorandum(&w.db, id, document, Some(w.staff))
                    .await
                    .expect("record a memorandum");
                let table = db::tables::get(&w.db, id).await.expect("read the table");
                let today = Utc::now().date_naive();
                let dates = domain::tables::transition(
                    table.status,
                    table.dates,
                    domain::tables::Status::Constituted,
                    today,
                    today,
                    true,
                )
                .expect("a table being formed is constituted");
                w.write(db::tables::set_status(
                    &w.db,
                    id,
                    table.status,
                    domain::tables::Status::Constituted,
                    &dates,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::set_memorandum", |w| {
            boxed(async move {
                let id = w.table().await;
                let document = w.document(false).await;
                w.write(db::tables::set_memorandum(
                    &w.db,
                    id,
                    document,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::add_signatory", |w| {
            boxed(async move {
                let id = w.table().await;
                let s = domain::tables::Signatory {
                    organisation: w.salerno,
                    name: "Il Presidente della Provincia".into(),
                    signed_on: Utc::now().date_naive(),
                };
                w.write(db::tables::add_signatory(&w.db, id, &s, Some(w.staff)))
                    .await
            })
        }),
        case("tables::add_member", |w| {
            boxed(async move {
                let id = w.table().await;
                let org = w.organisation(&w.unique("Associazione del tavolo"));
                let org = db::organisations::create(&w.db, &org, Some(w.admin))
                    .await
                    .expect("create an organisation");
                let m = domain::tables::members::NewMember {
                    organisation: org,
                    role: domain::tables::members::MemberRole::Member,
                    joined_on: Utc::now().date_naive(),
                };
                w.write(db::tables::add_member(&w.db, id, &m, Some(w.staff)))
                    .await
            })
        }),
        case("tables::add_new_actor", |w| {
            boxed(async move {
                let id = w.table().await;
                let org = w.organisation(&w.unique("Associazione nuova del tavolo"));
                w.write(db::tables::add_new_actor(
                    &w.db,
                    id,
                    &org,
                    domain::tables::members::MemberRole::Member,
                    Utc::now().date_naive(),
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::leave", |w| {
            boxed(async move {
                let id = w.table().await;
                let org = w.organisation(&w.unique("Associazione del tavolo"));
                let org = db::organisations::create(&w.db, &org, Some(w.admin))
                    .await
                    .expect("create an organisation");
                let m = domain::tables::members::NewMember {
                    organisation: org,
                    role: domain::tables::members::MemberRole::Observer,
                    joined_on: Utc::now().date_naive(),
                };
                let member = db::tables::add_member(&w.db, id, &m, Some(w.staff))
                    .await
                    .expect("add a member");
                let today = Utc::now().date_naive();
                w.write(db::tables::leave(&w.db, id, member, today, Some(w.staff)))
                    .await
            })
        }),
        case("tables::add_representative_convened", |w| {
            boxed(async move {
                // A meeting convened before they join: they are convened in the same change.
                let (id, meeting) = w.meeting(5).await;
                let email = format!("{}@walk.example", w.unique("rappresentante"));
                let r = domain::tables::members::NewRepresentative {
                    organisation: w.salerno,
                    name: "Rappresentante del giro".into(),
                    email: email.clone(),
                };
                let convocation = db::tables::Outgoing {
                    kind: "email",
                    key: email.clone(),
                    payload: Some(
                        json!({ "to": email, "subject": "Convocazione", "body": "Testo" }),
                    ),
                    recipient: db::tables::Notified {
                        email: email.clone(),
                        name: "Rappresentante del giro".into(),
                        user_id: None,
                    },
                };
                w.write(db::tables::add_representative_convened(
                    &w.db,
                    id,
                    &r,
                    None,
                    &[(meeting, convocation)],
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::new_feed_token", |w| {
            boxed(async move {
                let id = w.table().await;
                w.write(db::tables::new_feed_token(&w.db, id, w.member))
                    .await
            })
        }),
        case("tables::revoke_feed_token", |w| {
            boxed(async move {
                let id = w.table().await;
                db::tables::new_feed_token(&w.db, id, w.member)
                    .await
                    .expect("make an address");
                w.write(db::tables::revoke_feed_token(&w.db, id, w.member))
                    .await
            })
        }),
        case("tables::add_secretary", |w| {
            boxed(async move {
                let id = w.table().await;
                let person = w.user(&[w.member_of(w.salerno)]).await;
                w.write(db::tables::add_secretary(&w.db, id, person, Some(w.staff)))
                    .await
            })
        }),
        case("tables::convene", |w| {
            boxed(async move {
                let id = w.table().await;
                let draft = meeting_draft(&w.db, 5);
                let outgoing = vec![db::tables::Outgoing {
                    kind: "email",
                    key: "giro@walk.example".into(),
                    payload: Some(
                        json!({ "to": "giro@walk.example", "subject": "Convocazione", "body": "Testo" }),
                    ),
                    recipient: db::tables::Notified {
                        email: "giro@walk.example".into(),
                        name: "Giro".into(),
                        user_id: None,
                    },
                }];
                w.write(db::tables::convene(
                    &w.db,
                    id,
                    db::new_id(),
                    &draft,
                    &outgoing,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::update_meeting", |w| {
            boxed(async move {
                let (id, meeting) = w.meeting(5).await;
                let before = db::tables::meeting(&w.db, id, meeting)
                    .await
                    .expect("read the meeting");
                let mut draft = before.draft();
                draft.title = "Riunione spostata".into();
                w.write(db::tables::update_meeting(
                    &w.db,
                    &before,
                    &draft,
                    &[],
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::cancel_meeting", |w| {
            boxed(async move {
                let (id, meeting) = w.meeting(5).await;
                let before = db::tables::meeting(&w.db, id, meeting)
                    .await
                    .expect("read the meeting");
                w.write(db::tables::cancel_meeting(
                    &w.db,
                    &before,
                    "La sala non è disponibile.",
                    &[],
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::record_attendance", |w| {
            boxed(async move {
                let (id, meeting) = w.meeting(-1).await;
                let rows = vec![domain::tables::meetings::Attendance {
                    organisation: w.salerno,
                    presence: domain::tables::meetings::Presence::Present,
                    person: "Persona del giro".into(),
                    delegate: String::new(),
                }];
                w.write(db::tables::record_attendance(
                    &w.db,
                    id,
                    meeting,
                    &rows,
                    Some(w.staff),
                ))
                .await
            })
        }),
        // The commitments of the tables' meetings.
        case("tables::create_commitment", |w| {
            boxed(async move {
                let (table, meeting, draft) = commitment_draft(w).await;
                let at = Some(w.db.now() + Duration::days(3));
                w.write(db::tables::create_commitment(
                    &w.db,
                    table,
                    meeting,
                    db::new_id(),
                    &draft,
                    at,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::update_commitment", |w| {
            boxed(async move {
                let (table, id) = commitment(w).await;
                let before = db::tables::commitment(&w.db, table, id)
                    .await
                    .expect("read the commitment");
                let (_, _, mut draft) = commitment_draft(w).await;
                draft.organisation = before.organisation_id;
                draft.representative = before.representative_id;
                draft.due_on = before.due_on + Duration::days(7);
                w.write(db::tables::update_commitment(
                    &w.db,
                    &before,
                    &draft,
                    "Rinviato.",
                    Some(w.db.now() + Duration::days(5)),
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::progress_commitment", |w| {
            boxed(async move {
                let (table, id) = commitment(w).await;
                let before = db::tables::commitment(&w.db, table, id)
                    .await
                    .expect("read the commitment");
                let progress = domain::tables::commitments::Progress {
                    status: domain::tables::commitments::Status::Done,
                    evidence: Some(domain::tables::commitments::Evidence::Link(
                        "https://example.org/atto".into(),
                    )),
                    reason: String::new(),
                    note: "Fatto.".into(),
                };
                w.write(db::tables::progress_commitment(
                    &w.db,
                    &before,
                    &progress,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::queue_commitment_reminder", |w| {
            boxed(async move {
                let (table, id) = commitment(w).await;
                let c = db::tables::commitment(&w.db, table, id)
                    .await
                    .expect("read the commitment");
                w.write(db::tables::queue_commitment_reminder(
                    &w.db,
                    id,
                    c.due_on,
                    &c.representative_email,
                    &json!({ "to": c.representative_email, "subject": "s", "body": "b" }),
                ))
                .await
            })
        }),
        case("tables::queue_commitment_digest", |w| {
            boxed(async move {
                let week = w.db.now().date_naive();
                w.write(db::tables::queue_commitment_digest(
                    &w.db,
                    &w.unique("giro@example.org"),
                    week,
                    &json!({ "to": "giro@example.org", "subject": "s", "body": "b" }),
                ))
                .await
            })
        }),
        case("tables::schedule_commitment_digest", |w| {
            boxed(async move {
                let at = w.db.now() + Duration::days(400 + next_walk_day());
                w.write(db::tables::schedule_commitment_digest(&w.db, at))
                    .await
            })
        }),
        // Notifications as each person prefers.
        case("notifications::tell", |w| {
            boxed(async move {
                let tell = db::notifications::Tell {
                    kind: domain::notifications::Kind::Mention,
                    to: vec![w.member],
                    actor: Some(w.staff),
                    space: None,
                    space_name: "Spazio del giro".into(),
                    thread: None,
                    title: "Notifica del giro".into(),
                    link: "/community".into(),
                };
                w.write(db::notifications::tell(&w.db, &tell)).await
            })
        }),
        case("notifications::save_preferences", |w| {
            boxed(async move {
                let choices = [(
                    domain::notifications::Kind::Reply,
                    domain::notifications::Delivery::Daily,
                )];
                w.write(db::notifications::save_preferences(
                    &w.db, w.member, &choices,
                ))
                .await
            })
        }),
        case("notifications::unsubscribe", |w| {
            boxed(async move {
                w.write(db::notifications::unsubscribe(
                    &w.db,
                    w.member,
                    domain::notifications::Kind::Lab,
                ))
                .await
            })
        }),
        case("notifications::mail_pending", |w| {
            boxed(async move {
                let compose = |_: &[db::notifications::Pending]| Vec::new();
                w.write(db::notifications::mail_pending(
                    &w.db,
                    db::notifications::Batch::Immediate,
                    &compose,
                ))
                .await
            })
        }),
        case("notifications::schedule_digest", |w| {
            boxed(async move {
                let at = w.db.now() + Duration::days(400 + next_walk_day());
                w.write(db::notifications::schedule_digest(
                    &w.db,
                    domain::notifications::Digest::Daily,
                    at,
                ))
                .await
            })
        }),
        case("notifications::signing_key", |w| {
            boxed(async move { w.write(db::notifications::signing_key(&w.db)).await })
        }),
        // The minutes of the tables' meetings.
        case("tables::draft_minutes", |w| {
            boxed(async move {
                let (table, meeting) = w.meeting(-1).await;
                let rows = vec![domain::tables::meetings::Attendance {
                    organisation: w.salerno,
                    presence: domain::tables::meetings::Presence::Present,
                    person: "Persona del giro".into(),
                    delegate: String::new(),
                }];
                db::tables::record_attendance(&w.db, table, meeting, &rows, Some(w.staff))
                    .await
                    .expect("hold the meeting");
                let held = db::tables::meeting(&w.db, table, meeting)
                    .await
                    .expect("read the meeting");
                let body =
                    domain::tables::minutes::MinutesBody::from_agenda(&held.agenda, db::new_id);
                w.write(db::tables::draft_minutes(
                    &w.db,
                    table,
                    meeting,
                    db::new_id(),
                    &body,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::amend_minutes", |w| {
            boxed(async move {
                let before = w.minutes(false).await;
                let mut body = before.body.clone();
                body.sections[0].body = "Testo del giro.".into();
                body.sections[0]
                    .decisions
                    .push(domain::tables::minutes::Decision {
                        id: db::new_id(),
                        text: "Decisione del giro".into(),
                    });
                w.write(db::tables::amend_minutes(
                    &w.db,
                    &before,
                    &body,
                    "Aggiunta una decisione",
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::circulate_minutes", |w| {
            boxed(async move {
                let before = w.minutes(false).await;
                let deadline = w.db.now() + chrono::Duration::days(7);
                w.write(db::tables::circulate_minutes(
                    &w.db,
                    &before,
                    deadline,
                    &[],
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("tables::comment_on_minutes", |w| {
            boxed(async move {
                let minutes = w.minutes(true).await;
                w.write(db::tables::comment_on_minutes(
                    &w.db,
                    minutes.id,
                    db::new_id(),
                    minutes.body.sections[0].id,
                    minutes.revision,
                    "Commento del giro.",
                    w.member,
                ))
                .await
            })
        }),
        case("tables::approve_minutes", |w| {
            boxed(async move {
                let before = w.minutes(true).await;
                w.write(db::tables::approve_minutes(&w.db, &before, Some(w.staff)))
                    .await
            })
        }),
        case("tables::publish_minutes", |w| {
            boxed(async move {
                let before = w.minutes(true).await;
                db::tables::approve_minutes(&w.db, &before, Some(w.staff))
                    .await
                    .expect("approve the minutes");
                let approved = db::tables::minutes_of(&w.db, before.table_id, before.meeting_id)
                    .await
                    .expect("read the minutes")
                    .expect("the minutes");
                w.write(db::tables::publish_minutes(&w.db, &approved, Some(w.staff)))
                    .await
            })
        }),
        // The community's directory: the member's own choice, over the version saved.
        case("directory::save", |w| {
            boxed(async move {
                let version = db::directory::entry(&w.db, w.member)
                    .await
                    .expect("read the entry")
                    .map(|s| s.version);
                let entry = domain::directory::Entry {
                    listed: true,
                    role: Some(w.unique("Ruolo del giro")),
                    countries: vec!["AL".into()],
                    themes: Vec::new(),
                    reaches: domain::directory::Reaches::default(),
                };
                w.write(db::directory::save(&w.db, w.member, version, &entry))
                    .await
            })
        }),
        // News and events.
        case("news::create_news", |w| {
            boxed(async move {
                let draft = domain::news::NewsDraft {
                    texts: vec![domain::news::Text {
                        language: domain::locale::Locale::It,
                        title: w.unique("Notizia del giro"),
                        body: "Testo.".into(),
                    }],
                    image_alt: None,
                };
                w.write(db::news::create_news(&w.db, w.staff, &draft, None))
                    .await
            })
        }),
        case("news::create_event", |w| {
            boxed(async move {
                let at = w.db.now() + Duration::days(10);
                let draft = domain::news::EventDraft {
                    title: w.unique("Evento del giro"),
                    description: String::new(),
                    place: "Napoli".into(),
                    url: String::new(),
                    starts_at: at,
                    ends_at: at + Duration::hours(2),
                };
                w.write(db::news::create_event(&w.db, w.staff, &draft))
                    .await
            })
        }),
        case("news::update_event", |w| {
            boxed(async move {
                let at = w.db.now() + Duration::days(10);
                let mut draft = domain::news::EventDraft {
                    title: w.unique("Evento da cambiare"),
                    description: String::new(),
                    place: "Napoli".into(),
                    url: String::new(),
                    starts_at: at,
                    ends_at: at + Duration::hours(2),
                };
                let id = db::news::create_event(&w.db, w.staff, &draft)
                    .await
                    .expect("an event");
                draft.place = "Salerno".into();
                w.write(db::news::update_event(&w.db, id, 1, &draft, w.staff))
                    .await
            })
        }),
        case("news::delete_event", |w| {
            boxed(async move {
                let at = w.db.now() + Duration::days(10);
                let draft = domain::news::EventDraft {
                    title: w.unique("Evento da togliere"),
                    description: String::new(),
                    place: "Napoli".into(),
                    url: String::new(),
                    starts_at: at,
                    ends_at: at + Duration::hours(2),
                };
                let id = db::news::create_event(&w.db, w.staff, &draft)
                    .await
                    .expect("an event");
                w.write(db::news::delete_event(&w.db, id, 1, w.staff)).await
            })
        }),
        case("news::delete_news", |w| {
            boxed(async move {
                let draft = domain::news::NewsDraft {
                    texts: vec![domain::news::Text {
                        language: domain::locale::Locale::It,
                        title: w.unique("Notizia da ritirare"),
                        body: "Testo.".into(),
                    }],
                    image_alt: None,
                };
                let id = db::news::create_news(&w.db, w.staff, &draft, None)
                    .await
                    .expect("a news item");
                w.write(db::news::delete_news(&w.db, id, w.staff)).await
            })
        }),
        // The community's discussions.
        case("community::create_thread", |w| {
            boxed(async move {
                let draft = domain::community::check_thread("Discussione del giro", "Testo.")
                    .expect("a valid thread");
                w.write(db::community::create_thread(
                    &w.db,
                    domain::community::spaces::Kind::Administration,
                    w.salerno,
                    w.member,
                    &draft,
                    &[],
                    &db::community::Audience::default(),
                ))
                .await
            })
        }),
        case("community::reply", |w| {
            boxed(async move {
                let (thread, post) = w.thread().await;
                w.write(db::community::reply(
                    &w.db,
                    thread,
                    w.coordinator,
                    "Una risposta del giro.",
                    Some(post),
                    &[],
                    &db::community::Audience::default(),
                ))
                .await
            })
        }),
        case("community::update_post", |w| {
            boxed(async move {
                let (_, post) = w.thread().await;
                w.write(db::community::update_post(
                    &w.db,
                    post,
                    w.member,
                    &db::community::Edit {
                        title: Some("Titolo rivisto"),
                        body: "Testo rivisto.",
                        documents: &[],
                    },
                    1,
                    &db::community::Audience::default(),
                ))
                .await
            })
        }),
        case("community::set_pinned", |w| {
            boxed(async move {
                let (thread, _) = w.thread().await;
                w.write(db::community::set_pinned(&w.db, thread, true, w.staff))
                    .await
            })
        }),
        case("community::set_locked", |w| {
            boxed(async move {
                let (thread, _) = w.thread().await;
                w.write(db::community::set_locked(
                    &w.db,
                    thread,
                    true,
                    w.coordinator,
                ))
                .await
            })
        }),
        case("community::hide", |w| {
            boxed(async move {
                let (_, post) = w.thread().await;
                w.write(db::community::hide(
                    &w.db,
                    post,
                    "Fuori tema.",
                    w.coordinator,
                ))
                .await
            })
        }),
        case("community::report", |w| {
            boxed(async move {
                let (_, post) = w.thread().await;
                w.write(db::community::report(
                    &w.db,
                    post,
                    w.tutor,
                    "Da controllare.",
                ))
                .await
            })
        }),
        case("community::close_report", |w| {
            boxed(async move {
                let (_, post) = w.thread().await;
                let report = db::community::report(&w.db, post, w.tutor, "Da controllare.")
                    .await
                    .expect("report a message");
                w.write(db::community::close_report(&w.db, report, w.staff))
                    .await
            })
        }),
        case("community::refresh_index", |w| {
            boxed(async move {
                w.thread().await;
                // As a database indexed by an older version of the rules would have it.
                db::testing::exec(
                    &w.db,
                    "UPDATE generations SET value = 0 WHERE part = 'community-index'",
                )
                .await;
                w.write(db::community::refresh_index(&w.db)).await
            })
        }),
        case("community::mark_read", |w| {
            boxed(async move {
                let (thread, _) = w.thread().await;
                let now = w.db.now();
                let links = [format!("/community/threads/{thread}")];
                w.write(db::community::mark_read(
                    &w.db,
                    w.coordinator,
                    thread,
                    now,
                    &links,
                ))
                .await
            })
        }),
        // Funding calls.
        case("calls::create", |w| {
            boxed(async move {
                let call = domain::calls::Call {
                    name: "Bando del giro".into(),
                    programme: "Programma del giro".into(),
                    partners_min: 3,
                    ..Default::default()
                };
                w.write(db::calls::create(&w.db, &call, Some(w.staff)))
                    .await
            })
        }),
        case("calls::update", |w| {
            boxed(async move {
                let call = domain::calls::Call {
                    name: "Bando del giro".into(),
                    programme: "Programma del giro".into(),
                    ..Default::default()
                };
                let id = db::calls::create(&w.db, &call, Some(w.staff))
                    .await
                    .expect("create a call");
                let changed = domain::calls::Call {
                    months_max: Some(36),
                    ..call
                };
                w.write(db::calls::update(&w.db, id, 1, &changed, Some(w.staff)))
                    .await
            })
        }),
        // The interregional network.
        case("network::create_relation", |w| {
            boxed(async move {
                let partner =
                    domain::organisations::check(&domain::organisations::OrganisationForm {
                        category: "foreign_partner".into(),
                        name: w.unique("Partner del giro"),
                        country: "AL".into(),
                        partner_type: "ngo".into(),
                        ..Default::default()
                    })
                    .expect("a valid partner");
                let mut draft = network_relation_draft(w).await;
                draft.partner = domain::network::relations::Partner::New {
                    name: partner.name.clone(),
                    partner_type: "ngo".into(),
                };
                w.write(db::network::create_relation(
                    &w.db,
                    w.salerno,
                    &draft,
                    Some(&partner),
                    Some(w.coordinator),
                ))
                .await
            })
        }),
        case("network::update_relation", |w| {
            boxed(async move {
                let id = network_relation(w).await;
                let mut draft = network_relation_draft(w).await;
                draft.sharing = domain::network::Sharing::Public;
                w.write(db::network::update_relation(
                    &w.db,
                    id,
                    1,
                    &draft,
                    Some(w.coordinator),
                ))
                .await
            })
        }),
        case("network::delete_relation", |w| {
            boxed(async move {
                let id = network_relation(w).await;
                w.write(db::network::delete_relation(
                    &w.db,
                    id,
                    1,
                    Some(w.coordinator),
                ))
                .await
            })
        }),
        case("network::create_experience", |w| {
            boxed(async move {
                w.write(db::network::create_experience(
                    &w.db,
                    w.salerno,
                    &network_experience_draft(),
                    Some(w.coordinator),
                ))
                .await
            })
        }),
        case("network::update_experience", |w| {
            boxed(async move {
                let id = db::network::create_experience(
                    &w.db,
                    w.salerno,
                    &network_experience_draft(),
                    Some(w.coordinator),
                )
                .await
                .expect("record an experience");
                let mut draft = network_experience_draft();
                draft.lessons = "Una lezione del giro.".into();
                w.write(db::network::update_experience(
                    &w.db,
                    id,
                    1,
                    &draft,
                    Some(w.coordinator),
                ))
                .await
            })
        }),
        case("network::create_group", |w| {
            boxed(async move {
                let (draft, founders) = network_group_draft(w).await;
                let today = w.db.now().date_naive();
                w.write(db::network::create_group(
                    &w.db,
                    &draft,
                    &founders,
                    today,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("network::update_group", |w| {
            boxed(async move {
                let id = network_group(w).await;
                let (mut draft, _) = network_group_draft(w).await;
                draft.status = domain::network::groups::Status::Active;
                w.write(db::network::update_group(
                    &w.db,
                    id,
                    1,
                    &draft,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("network::add_member", |w| {
            boxed(async move {
                let id = network_group(w).await;
                let cosenza = network_administration(w, "Provincia di Cosenza").await;
                let today = w.db.now().date_naive();
                w.write(db::network::add_member(
                    &w.db,
                    id,
                    &network_contact(cosenza),
                    today,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("network::remove_member", |w| {
            boxed(async move {
                let id = network_group(w).await;
                let cosenza = network_administration(w, "Provincia di Cosenza").await;
                let today = w.db.now().date_naive();
                db::network::add_member(&w.db, id, &network_contact(cosenza), today, Some(w.staff))
                    .await
                    .expect("add a member");
                w.write(db::network::remove_member(
                    &w.db,
                    id,
                    cosenza,
                    Some(w.staff),
                ))
                .await
            })
        }),
        case("network::pool_relation", |w| {
            boxed(async move {
                let group = network_group(w).await;
                let relation = network_relation(w).await;
                w.write(db::network::pool_relation(
                    &w.db,
                    group,
                    relation,
                    Some(w.coordinator),
                ))
                .await
            })
        }),
        case("network::unpool_relation", |w| {
            boxed(async move {
                let group = network_group(w).await;
                let relation = network_relation(w).await;
                db::network::pool_relation(&w.db, group, relation, Some(w.coordinator))
                    .await
                    .expect("pool a relation");
                w.write(db::network::unpool_relation(
                    &w.db,
                    group,
                    relation,
                    Some(w.coordinator),
                ))
                .await
            })
        }),
        case("network::create_initiative", |w| {
            boxed(async move {
                let group = network_group(w).await;
                let today = w.db.now().date_naive();
                w.write(db::network::create_initiative(
                    &w.db,
                    group,
                    &network_initiative_draft(w),
                    today,
                    Some(w.coordinator),
                ))
                .await
            })
        }),
        case("network::update_initiative", |w| {
            boxed(async move {
                let id = network_initiative(w).await;
                let mut draft = network_initiative_draft(w);
                draft.call_name = "Bando del giro".into();
                w.write(db::network::update_initiative(
                    &w.db,
                    id,
                    1,
                    &draft,
                    Some(w.coordinator),
                ))
                .await
            })
        }),
        case("network::move_initiative", |w| {
            boxed(async move {
                let id = network_initiative(w).await;
                let today = w.db.now().date_naive();
                let mv = domain::network::initiatives::transition(
                    domain::network::initiatives::State::Idea,
                    domain::network::initiatives::State::Preparation,
                    today,
                    "",
                    domain::network::initiatives::Facts::default(),
                    today,
                )
                .expect("an idea is prepared");
                w.write(db::network::move_initiative(
                    &w.db,
                    id,
                    1,
                    &mv,
                    Some(w.coordinator),
                ))
                .await
            })
        }),
    ]
}

/// The demo administration called `name`.
async fn network_administration(w: &Walk, name: &str) -> Uuid {
    db::network::administrations(&w.db)
        .await
        .expect("read the administrations")
        .into_iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no administration {name}"))
        .id
}

/// A twinning of Salerno with a foreign partner of the demo.
async fn network_relation_draft(w: &Walk) -> domain::network::relations::RelationDraft {
    let partner = db::network::foreign_partners(&w.db)
        .await
        .expect("read the partners")
        .into_iter()
        .find(|p| p.country == "AL")
        .expect("a partner in Albania")
        .id;
    domain::network::relations::RelationDraft {
        kind: domain::network::relations::Kind::Twinning,
        country: "AL".into(),
        partner: domain::network::relations::Partner::Registry(partner),
        start_year: 2010,
        end_year: None,
        themes: vec![],
        contact_name: String::new(),
        contact_email: String::new(),
        funding_programme: String::new(),
        project_role: None,
        amount_cents: None,
        notes: String::new(),
        sharing: domain::network::Sharing::Programme,
        documents: vec![],
    }
}

/// A new relation of Salerno.
async fn network_relation(w: &Walk) -> Uuid {
    let draft = network_relation_draft(w).await;
    db::network::create_relation(&w.db, w.salerno, &draft, None, Some(w.coordinator))
        .await
        .expect("record a relation")
}

fn network_experience_draft() -> domain::network::experience::ExperienceDraft {
    domain::network::experience::ExperienceDraft {
        title: "Esperienza del giro".into(),
        start_year: 2015,
        end_year: Some(2018),
        countries: vec!["AL".into()],
        themes: vec![],
        partners: String::new(),
        funding: String::new(),
        budget_cents: Some(1_000_000),
        results: "Risultati del giro.".into(),
        lessons: String::new(),
        sharing: domain::network::Sharing::Private,
    }
}

fn network_contact(organisation: Uuid) -> domain::network::groups::Contact {
    domain::network::groups::Contact {
        organisation,
        contact_name: "Referente del giro".into(),
        contact_email: "giro@example.org".into(),
    }
}

/// A group of Salerno and Foggia, with its founders.
async fn network_group_draft(
    w: &Walk,
) -> (
    domain::network::groups::GroupDraft,
    Vec<domain::network::groups::Contact>,
) {
    let foggia = network_administration(w, "Provincia di Foggia").await;
    let draft = domain::network::groups::GroupDraft {
        name: w.unique("Gruppo del giro"),
        purpose: "Finalità del giro.".into(),
        countries: vec!["AL".into()],
        themes: vec![],
        status: domain::network::groups::Status::Forming,
        members: vec![w.salerno, foggia],
    };
    (
        draft,
        vec![network_contact(w.salerno), network_contact(foggia)],
    )
}

/// A new group of Salerno and Foggia.
async fn network_group(w: &Walk) -> Uuid {
    let (draft, founders) = network_group_draft(w).await;
    let today = w.db.now().date_naive();
    db::network::create_group(&w.db, &draft, &founders, today, Some(w.staff))
        .await
        .expect("form a group")
}

fn network_initiative_draft(w: &Walk) -> domain::network::initiatives::InitiativeDraft {
    domain::network::initiatives::InitiativeDraft {
        title: "Iniziativa del giro".into(),
        summary: String::new(),
        lead: w.salerno,
        partners: vec![],
        countries: vec!["AL".into()],
        call_name: String::new(),
        call_deadline: None,
        budget_cents: None,
        products: vec![],
    }
}

/// A new initiative of a new group.
async fn network_initiative(w: &Walk) -> Uuid {
    let group = network_group(w).await;
    let today = w.db.now().date_naive();
    db::network::create_initiative(
        &w.db,
        group,
        &network_initiative_draft(w),
        today,
        Some(w.coordinator),
    )
    .await
    .expect("add an initiative")
}

/// A meeting `days` from now (ago when negative), with one agenda item.
/// A new table with a meeting held yesterday and its lead's representative: the table, the
/// meeting and a commitment the lead owes through that representative.
async fn commitment_draft(w: &Walk) -> (Uuid, Uuid, domain::tables::commitments::CommitmentDraft) {
    let (table, meeting) = w.meeting(-1).await;
    let r = domain::tables::members::NewRepresentative {
        organisation: w.salerno,
        name: "Persona del giro".into(),
        email: format!("giro-{}@example.org", db::new_id().simple()),
    };
    let representative = db::tables::add_representative(&w.db, table, &r, None, Some(w.staff))
        .await
        .expect("add a representative");
    let draft = domain::tables::commitments::CommitmentDraft {
        what: "Un impegno del giro".into(),
        organisation: w.salerno,
        representative,
        due_on: w.db.now().date_naive() + Duration::days(10),
        evidence: None,
        decision: None,
    };
    (table, meeting, draft)
}

/// A new open commitment: (its table, its id).
async fn commitment(w: &Walk) -> (Uuid, Uuid) {
    let (table, meeting, draft) = commitment_draft(w).await;
    let id = db::new_id();
    db::tables::create_commitment(&w.db, table, meeting, id, &draft, None, Some(w.staff))
        .await
        .expect("create a commitment");
    (table, id)
}

/// 0, 1, 2... at each call.
fn next_walk_day() -> i64 {
    static DAYS: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
    DAYS.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
}

fn meeting_draft(db: &db::Db, days: i64) -> domain::tables::meetings::MeetingDraft {
    let starts_at = db.now() + Duration::days(days);
    domain::tables::meetings::MeetingDraft {
        title: "Riunione del giro".into(),
        starts_at,
        ends_at: starts_at + Duration::hours(2),
        place: "Salerno".into(),
        online_url: String::new(),
        agenda: vec![domain::tables::meetings::AgendaItem {
            title: "Apertura".into(),
            representative: None,
            presenter: "La segreteria".into(),
        }],
        documents: Vec::new(),
    }
}

/// What is wrong with one write: kept values that show a changed table and were not refreshed.
fn judge(key: &str, backend: &str, w: &Written) -> Vec<String> {
    let mut problems = Vec::new();
    for name in &w.unsteady {
        problems.push(format!(
            "{backend}: before {key}, the second instance computed {name:?} twice with nothing changed"
        ));
    }
    if let Err(e) = &w.outcome {
        if !w.changed.is_empty() || !w.raised.is_empty() {
            problems.push(format!(
                "{backend}: {key} was refused ({e}) but changed {:?} and raised {:?}",
                w.changed, w.raised
            ));
        }
    }
    for shown in SHOWN {
        let read: Vec<&str> = shown
            .tables
            .iter()
            .copied()
            .filter(|t| w.changed.contains(*t))
            .collect();
        if read.is_empty() {
            continue;
        }
        let raised = shown.parts.iter().any(|p| w.raised.contains(p));
        let recomputed = w.recomputed.contains(shown.name);
        if !raised || !recomputed {
            problems.push(format!(
                "{backend}: {key} changed {read:?} (all changed: {:?}), read by {:?}; {} of its parts {:?} \
                 was raised (raised: {:?}); the second instance {}",
                w.changed,
                shown.name,
                if raised { "one" } else { "none" },
                shown.parts,
                w.raised,
                if recomputed {
                    "computed it again"
                } else {
                    "served it from memory"
                }
            ));
        }
    }
    problems
}

/// Each writing function, run on demo data, must raise a part of every kept value that reads a
/// table it changed, so that a second instance computes that value again.
#[tokio::test]
async fn every_write_refreshes_the_kept_values_that_show_it() {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    for app in apps().await {
        let started = std::time::Instant::now();
        let backend = app.backend.name;
        let walk = Walk::new(&app).await;
        // The oracle names real tables and columns.
        let tables = walk.snapshots.tables();
        for shown in SHOWN {
            for t in shown.tables {
                assert!(
                    tables.contains(t),
                    "{backend}: the oracle of {:?} names {t}, which is not a table",
                    shown.name
                );
            }
        }
        for (table, column) in HIDDEN {
            assert!(
                columns_of(app.db(), table)
                    .await
                    .iter()
                    .any(|c| c == column),
                "{backend}: the hidden column {table}.{column} does not exist"
            );
        }
        for (key, run) in cases() {
            let written = run(&walk).await;
            println!(
                "{backend:8} {key:38} {:<14} changed {:?} raised {:?}",
                match &written.outcome {
                    Ok(()) => "ok".to_string(),
                    Err(e) => format!("refused ({e})"),
                },
                written.changed,
                written.raised
            );
            // Not wrong in itself, but a case that exercises nothing is worth seeing.
            if let Err(e) = &written.outcome {
                notes.push(format!("{backend}: {key} was refused: {e}"));
            } else if written.changed.is_empty() {
                notes.push(format!("{backend}: {key} changed no compared table"));
            }
            problems.extend(judge(key, backend, &written));
        }
        println!(
            "{backend}: {} cases walked in {:.1?}",
            cases().len(),
            started.elapsed()
        );
    }
    for n in &notes {
        println!("note: {n}");
    }
    assert!(
        problems.is_empty(),
        "write paths that leave kept values stale:\n{}",
        problems.join("\n")
    );
}
