//! Upgrades over real data, on both databases: each dump under `tests/data/upgrades/` (the data
//! written by the last release of one schema generation, see its README) is loaded into a fresh
//! database, migrated by this build to its latest migration, and checked: every migration
//! recorded, every table's rows kept, the backfills right (open threads counted, generations
//! carried over, certificates' seasons), then the application started on it and its main pages
//! and exports opened as several roles.

mod common;

use axum::http::StatusCode;
use common::App;
use sqlx::{Connection, Row};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use uuid::Uuid;

const MEMBER: &str = "membro@ponte.example";
const STAFF: &str = "staff@ponte.example";
const TUTOR: &str = "tutor@ponte.example";
const ADMIN: &str = "admin@ponte.example";

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/upgrades")
}

/// The generations kept, oldest first: folders named by their last migration's number.
fn generations() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(data())
        .expect("tests/data/upgrades exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.len() == 4 && n.chars().all(|c| c.is_ascii_digit()))
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no dump under {}", data().display());
    found
}

/// The migrations this build applies on `backend`, by name, from the migrations folder.
fn current_migrations(backend: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../db/migrations/{backend}"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".sql"))
                .map(String::from)
        })
        .collect();
    names.sort();
    names
}

/// The dump of `backend` in `generation`, gunzipped when it was kept compressed.
fn dump(generation: &Path, backend: &str) -> String {
    let plain = generation.join(format!("{backend}.sql"));
    if plain.exists() {
        return std::fs::read_to_string(plain).unwrap();
    }
    let gz = generation.join(format!("{backend}.sql.gz"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&gz).unwrap_or_else(|e| {
        panic!("{}: {e}", gz.display());
    }))
    .read_to_string(&mut text)
    .unwrap();
    text
}

/// A connection that sees the database as the dump left it, before any migration.
enum Raw {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

impl Raw {
    async fn open(url: &str) -> Raw {
        if url.starts_with("sqlite:") {
            Raw::Sqlite(
                sqlx::SqliteConnection::connect(&format!("{url}?mode=rwc"))
                    .await
                    .unwrap(),
            )
        } else {
            Raw::Postgres(sqlx::PgConnection::connect(url).await.unwrap())
        }
    }

    async fn execute(&mut self, sql: &str) {
        match self {
            Raw::Sqlite(c) => sqlx::raw_sql(sql).execute(c).await.map(|_| ()),
            Raw::Postgres(c) => sqlx::raw_sql(sql).execute(c).await.map(|_| ()),
        }
        .unwrap_or_else(|e| panic!("loading the dump: {e}"));
    }

    /// Rows of text columns.
    async fn rows(&mut self, sql: &str) -> Vec<Vec<String>> {
        macro_rules! texts {
            ($c:expr) => {
                sqlx::query(sql)
                    .fetch_all($c)
                    .await
                    .unwrap_or_else(|e| panic!("{sql}: {e}"))
                    .iter()
                    .map(|r| {
                        (0..r.len())
                            .map(|i| r.get::<Option<String>, _>(i).unwrap_or_default())
                            .collect()
                    })
                    .collect()
            };
        }
        match self {
            Raw::Sqlite(c) => texts!(c),
            Raw::Postgres(c) => texts!(c),
        }
    }

    async fn close(self) {
        match self {
            Raw::Sqlite(c) => c.close().await.unwrap(),
            Raw::Postgres(c) => c.close().await.unwrap(),
        }
    }

    /// The tables holding rows, without SQLite's full-text index (rebuilt at start-up when the
    /// indexing rules change, so its shadow tables may legitimately differ).
    async fn tables(&mut self) -> Vec<String> {
        let sql = match self {
            Raw::Sqlite(_) => {
                r"SELECT t.name FROM sqlite_master t WHERE t.type = 'table'
                   AND t.name NOT LIKE 'sqlite_%'
                   AND t.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
                   AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%'
                                   AND t.name LIKE v.name || '\_%' ESCAPE '\')
                 ORDER BY t.name"
            }
            Raw::Postgres(_) => {
                "SELECT table_name::text FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
            }
        };
        self.rows(sql)
            .await
            .into_iter()
            .map(|r| r[0].clone())
            .collect()
    }

    async fn counts(&mut self) -> BTreeMap<String, i64> {
        let mut out = BTreeMap::new();
        for t in self.tables().await {
            let n = self
                .rows(&format!("SELECT CAST(COUNT(*) AS TEXT) FROM \"{t}\""))
                .await[0][0]
                .parse()
                .unwrap();
            out.insert(t, n);
        }
        out
    }
}

/// Loads `generation`'s dump of `backend` into a new database with its files; returns the
/// backend (not yet migrated: its `db` is opened by the caller) parts.
async fn load(generation: &Path, backend: &str) -> (String, db::testing::TempDir) {
    let dir = db::testing::TempDir::new(&format!("ponte-upgrade-{backend}"));
    let url = match backend {
        "sqlite" => format!("sqlite://{}", dir.path().join("ponte.db").display()),
        _ => db::testing::postgres_empty().await,
    };
    let mut sql = dump(generation, backend);
    if backend == "postgres" {
        // psql's own commands (`\restrict` in recent pg_dump) are not SQL.
        sql = sql
            .lines()
            .filter(|l| !l.starts_with('\\'))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let mut raw = Raw::open(&url).await;
    raw.execute(&sql).await;
    raw.close().await;
    let tar = generation.join(format!("{backend}-files.tar.gz"));
    let status = std::process::Command::new("tar")
        .arg("-xf")
        .arg(&tar)
        .arg("-C")
        .arg(dir.path())
        .status()
        .expect("tar runs");
    assert!(status.success(), "extracting {}", tar.display());
    (url, dir)
}

/// What the dump held before the migrations, to compare with after.
struct Before {
    counts: BTreeMap<String, i64>,
    generations: BTreeMap<String, i64>,
    /// Certificate code → (person, season or empty).
    certificates: BTreeMap<String, (String, String)>,
}

async fn before(url: &str) -> Before {
    let mut raw = Raw::open(url).await;
    let counts = raw.counts().await;
    let generations = if counts.contains_key("generations") {
        raw.rows("SELECT part, CAST(value AS TEXT) FROM generations")
            .await
            .into_iter()
            .map(|r| (r[0].clone(), r[1].parse().unwrap()))
            .collect()
    } else {
        BTreeMap::new()
    };
    let certificates = certificates(&mut raw).await;
    raw.close().await;
    Before {
        counts,
        generations,
        certificates,
    }
}

async fn certificates(raw: &mut Raw) -> BTreeMap<String, (String, String)> {
    let season = raw
        .rows(match raw {
            Raw::Sqlite(_) => {
                "SELECT CAST(COUNT(*) AS TEXT) FROM pragma_table_info('certificates') WHERE name = 'season'"
            }
            Raw::Postgres(_) => {
                "SELECT CAST(COUNT(*) AS TEXT) FROM information_schema.columns WHERE table_name = 'certificates' AND column_name = 'season'"
            }
        })
        .await[0][0]
        == "1";
    let sql = format!(
        "SELECT c.code, u.email, {} FROM certificates c JOIN users u ON u.id = c.user_id",
        if season { "c.season" } else { "NULL" }
    );
    raw.rows(&sql)
        .await
        .into_iter()
        .map(|r| (r[0].clone(), (r[1].clone(), r[2].clone())))
        .collect()
}

/// The application on the migrated database, with the dump's files.
fn app(url: String, db: db::Db, dir: db::testing::TempDir) -> App {
    let files = dir.path().join("files");
    let storage = storage::Storage::open(&files.display().to_string()).expect("storage opens");
    let state = web::AppState::new(db.clone(), web::Config::local("http://ponte.test"), storage);
    let router = web::app(state.clone());
    App {
        backend: db::testing::Backend {
            name: if url.starts_with("sqlite") {
                "sqlite"
            } else {
                "postgres"
            },
            url,
            db,
            dir,
        },
        state,
        router,
    }
}

async fn ok(client: &mut common::Client, path: &str, what: &str) -> common::Reply {
    let r = client.get(path).await;
    assert_eq!(r.status, StatusCode::OK, "{what}: {path}: {}", r.body);
    r
}

/// An id chosen by a query over the migrated database.
async fn id(db: &db::Db, sql: &str) -> Uuid {
    match db.pool() {
        db::Pool::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await,
        db::Pool::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await,
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[tokio::test]
async fn every_kept_generation_migrates_with_its_data_and_serves_its_pages() {
    for generation in generations() {
        let name = generation
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        for backend in ["sqlite", "postgres"] {
            let what = format!("{name} on {backend}");
            let (url, dir) = load(&generation, backend).await;
            let was = before(&url).await;
            assert!(
                was.counts.get("users").copied().unwrap_or(0) > 150
                    && was.counts.get("product_comments").copied().unwrap_or(0) > 50
                    && was.counts.get("library_documents").copied().unwrap_or(0) > 100,
                "{what}: the dump holds too little to test an upgrade: {:?}",
                was.counts
            );

            // The current build migrates it to its latest migration, and again is a no-op.
            let db = db::Db::connect(&url)
                .await
                .unwrap_or_else(|e| panic!("{what}: migrating: {e}"));
            db::Db::connect(&url).await.unwrap().close().await;
            let mut raw = Raw::open(&url).await;
            let mut applied: Vec<String> = raw
                .rows("SELECT name FROM ponte_migrations")
                .await
                .into_iter()
                .map(|r| r[0].clone())
                .collect();
            applied.sort();
            assert_eq!(applied, current_migrations(backend), "{what}");

            // Every table keeps its rows (new tables may start with their own).
            let after = raw.counts().await;
            for (table, n) in &was.counts {
                // Migrations record themselves, and a new part of the data starts its own
                // generation (the carried-over ones are checked below).
                if table == "ponte_migrations" || table == "generations" {
                    continue;
                }
                assert_eq!(
                    after.get(table),
                    Some(n),
                    "{what}: rows of {table} before and after the upgrade"
                );
            }

            // Backfills: open threads are the product's unresolved first comments.
            let wrong = raw
                .rows(
                    "SELECT p.title FROM products p WHERE p.open_threads <> (
                       SELECT COUNT(*) FROM product_comments c
                       WHERE c.product_id = p.id AND c.parent_id IS NULL AND c.resolved_at IS NULL)",
                )
                .await;
            assert!(wrong.is_empty(), "{what}: open threads wrong for {wrong:?}");
            let open: i64 = raw
                .rows("SELECT CAST(SUM(open_threads) AS TEXT) FROM products")
                .await[0][0]
                .parse()
                .unwrap();
            assert!(open > 20, "{what}: {open} open threads");
            // Generations carried over, never lowered (a part seen again must not look new).
            let generations: BTreeMap<String, i64> = raw
                .rows("SELECT part, CAST(value AS TEXT) FROM generations")
                .await
                .into_iter()
                .map(|r| (r[0].clone(), r[1].parse().unwrap()))
                .collect();
            for part in [
                "programme",
                "library",
                "themes",
                "labs",
                "people",
                "products",
            ] {
                assert!(
                    generations.contains_key(part),
                    "{what}: no generation {part}"
                );
            }
            for (part, value) in &was.generations {
                assert!(
                    generations.get(part).is_some_and(|v| v >= value),
                    "{what}: generation {part} was {value}, now {:?}",
                    generations.get(part)
                );
            }
            // Certificates keep their codes; those issued before seasons have none.
            let certificates = certificates(&mut raw).await;
            raw.close().await;
            assert!(was.certificates.len() > 10, "{what}: few certificates");
            assert_eq!(certificates, was.certificates, "{what}: certificates");

            let app = app(url, db, dir);
            let salerno = app.organisation("Provincia di Salerno").await;

            // A guest: the home page and a certificate's verification.
            let mut guest = app.client();
            let home = ok(&mut guest, "/", &what).await;
            assert!(home.body.contains("Ponte"));
            let (code, (email, _)) = was.certificates.iter().next().unwrap();
            let holder = db::accounts::credentials(app.db(), email)
                .await
                .unwrap()
                .unwrap();
            let holder = db::accounts::user(app.db(), holder.id).await.unwrap();
            let verified = ok(&mut guest, &format!("/certificates/{code}"), &what).await;
            assert!(verified.body.contains(&holder.name), "{what}: {code}");

            // A member of Salerno: products, the logframe and its exports, the library, a
            // document and its file, their labs and their certificate.
            let mut member = app.signed_in(MEMBER).await;
            ok(&mut member, "/", &what).await;
            let list = ok(
                &mut member,
                &format!("/organisations/{salerno}/products"),
                &what,
            )
            .await;
            assert!(list.body.contains("Prodotto generato"), "{what}");
            let logframe = app.product_of_kind(salerno, "logframe").await;
            let path = format!("/organisations/{salerno}/products/{logframe}");
            let page = ok(&mut member, &path, &what).await;
            let title = db::products::get(app.db(), logframe)
                .await
                .unwrap()
                .unwrap()
                .title;
            assert!(page.body.contains(&title), "{what}");
            let docx = ok(&mut member, &format!("{path}/export/docx"), &what).await;
            assert!(docx.bytes.starts_with(b"PK"), "{what}: DOCX");
            let pdf = ok(&mut member, &format!("{path}/export/pdf"), &what).await;
            assert!(pdf.bytes.starts_with(b"%PDF"), "{what}: PDF");
            let library = ok(&mut member, "/library", &what).await;
            assert!(library.body.contains("documento") || library.body.contains("Ponte bench"));
            let document = id(
                app.db(),
                "SELECT id FROM library_documents WHERE source = 'Ponte bench' AND visibility = 'public' ORDER BY id LIMIT 1",
            )
            .await;
            let page = ok(
                &mut member,
                &format!("/library/documents/{document}"),
                &what,
            )
            .await;
            assert!(page.body.contains("Ponte bench"), "{what}");
            let file = ok(
                &mut member,
                &format!("/library/documents/{document}/file"),
                &what,
            )
            .await;
            assert!(file.body.len() > 1000, "{what}: the document's file");
            ok(&mut member, "/labs/mine", &what).await;
            let certificate = ok(&mut member, "/labs/certificate", &what).await;
            assert!(
                certificate.bytes.starts_with(b"%PDF"),
                "{what}: certificate"
            );

            // Staff: the attendance report and its exports.
            let mut staff = app.signed_in(STAFF).await;
            let report = ok(&mut staff, "/labs/attendance", &what).await;
            assert!(report.body.contains("Persona di prova"), "{what}");
            let csv = ok(
                &mut staff,
                "/labs/attendance/export?by=participant&format=csv",
                &what,
            )
            .await;
            assert!(
                csv.body.lines().count() > 50 && csv.body.contains("Persona di prova"),
                "{what}: CSV"
            );
            let xlsx = ok(
                &mut staff,
                "/labs/attendance/export?by=organisation&format=xlsx",
                &what,
            )
            .await;
            assert!(xlsx.bytes.starts_with(b"PK"), "{what}: XLSX");

            // The tutor's inbox and the administrator's invitations.
            let mut tutor = app.signed_in(TUTOR).await;
            let inbox = ok(&mut tutor, "/tutoring", &what).await;
            assert!(inbox.body.contains("Prodotto generato"), "{what}");
            let mut admin = app.signed_in(ADMIN).await;
            let invitations = ok(&mut admin, "/admin/invitations", &what).await;
            assert!(
                invitations.body.contains("invitata00@bench.example"),
                "{what}"
            );
        }
    }
}
