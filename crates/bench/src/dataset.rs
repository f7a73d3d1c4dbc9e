//! `--dataset DIR`: the data an upgrade test starts from (see
//! `crates/ponte/tests/data/upgrades/README.md`). The demo, then a few hundred generated records
//! of every kind, written by this build's own code: people, sessions with registrations and
//! attendance, and library documents through the data layer (the bench's seeding, smaller, with
//! the documents' files written to storage); then, through the running server's forms, products
//! with versions, submissions, comment threads, replies and reviews, invitations, questionnaires
//! and certificates. Each backend is dumped as SQL (`sqlite3 .dump`, `pg_dump --inserts`) with
//! its stored files beside it.

use crate::{library, seed, server};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Writes `DIR/sqlite.sql`, `DIR/postgres.sql` and their files (`DIR/<backend>-files.tar`).
pub async fn make(out: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(out)?;
    for name in ["sqlite", "postgres"] {
        let backend = match name {
            "postgres" => db::testing::postgres().await,
            _ => db::testing::sqlite().await,
        };
        eprintln!("[{name}] demo…");
        let status = Command::new(server::binary()?)
            .arg("demo")
            .env("DATABASE_URL", &backend.url)
            .env("PONTE_DATA_DIR", backend.dir.path())
            .env("PONTE_LOG", "error")
            .stdout(std::process::Stdio::null())
            .status()?;
        anyhow::ensure!(status.success(), "ponte demo failed");
        eprintln!("[{name}] people, sessions, documents, products…");
        let sizes = seed::Sizes {
            organisations: 40,
            users: 200,
            sessions: 20,
        };
        let seeded = seed::seed(&backend.db, &sizes).await?;
        let staff_id = db::accounts::credentials(&backend.db, "staff@ponte.example")
            .await?
            .ok_or_else(|| anyhow::anyhow!("no staff account"))?
            .id;
        let group = db::library::groups_of(&backend.db, &[seeded.workspace])
            .await?
            .first()
            .copied()
            .ok_or_else(|| anyhow::anyhow!("the workspace is in no working group"))?;
        library::seed(&backend.db, 200, staff_id, seeded.workspace, group).await?;
        files_of_documents(&backend.db, &backend.dir.path().join("files")).await?;
        let (orgs, _) = db::organisations::search(&backend.db, None, None, 1_000, 0).await?;
        let orgs: Vec<uuid::Uuid> = orgs.iter().map(|o| o.id).collect();
        let structure = db::programme::structure(&backend.db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no programme"))?;
        let provinces = structure
            .cohorts
            .first()
            .ok_or_else(|| anyhow::anyhow!("no cohort"))?
            .organisations
            .clone();

        eprintln!("[{name}] invitations, questionnaires and certificates through the server…");
        let srv = server::start(&backend.url, backend.dir.path())?;
        let products = products_through_forms(&backend.db, &srv, &provinces).await?;
        let admin = srv.sign_in("admin@ponte.example", "ponte-demo")?;
        for n in 0..20 {
            let org = orgs[n % orgs.len()];
            let form =
                format!("email=invitata{n:02}%40bench.example&role=member&organisation={org}");
            let status = post(srv.port, "/admin/invitations", &admin, &form)?;
            anyhow::ensure!(status == 303, "invitation {n}: HTTP {status}");
        }
        let held: Vec<db::labs::Session> = db::labs::list(&backend.db, &Default::default())
            .await?
            .into_iter()
            .filter(|s| s.status == domain::labs::Status::Held)
            .collect();
        let mut answered = 0;
        let mut attended: Vec<String> = Vec::new();
        for s in &held {
            let people = db::labs::participants(&backend.db, s.id).await?;
            for (i, p) in people
                .iter()
                .filter(|p| p.status == "registered")
                .take(4)
                .enumerate()
            {
                let cookie = srv.sign_in(&p.email, "ponte-demo")?;
                let anonymous = if i % 2 == 0 { "&anonymous=on" } else { "" };
                let form = format!(
                    "useful={}&content=4&speakers=5&organisation=3&applicable={}&went_well=Il+lavoro+di+gruppo&to_improve=Pi%C3%B9+tempo{anonymous}",
                    1 + i % 5,
                    1 + (i + 2) % 5
                );
                let status = post(
                    srv.port,
                    &format!("/labs/sessions/{}/feedback", s.id),
                    &cookie,
                    &form,
                )?;
                // Refused (400) when the demo's participant already answered.
                if status == 303 {
                    answered += 1;
                    if !attended.contains(&p.email) {
                        attended.push(p.email.clone());
                    }
                }
            }
        }
        anyhow::ensure!(answered >= 10, "only {answered} questionnaires answered");
        attended.push("membro@ponte.example".into());
        let mut certificates = 0;
        for email in attended.iter().take(40) {
            let cookie = srv.sign_in(email, "ponte-demo")?;
            let status = get(srv.port, "/labs/certificate", &cookie)?;
            if status == 200 {
                certificates += 1;
            }
        }
        anyhow::ensure!(certificates > 10, "only {certificates} certificates issued");
        srv.stop();
        eprintln!(
            "[{name}] {products} products, {answered} questionnaires, {certificates} certificates"
        );

        let sql = out.join(format!("{name}.sql"));
        let dump = match name {
            "sqlite" => {
                let file = backend
                    .url
                    .strip_prefix("sqlite://")
                    .unwrap_or(&backend.url);
                backend.db.close().await;
                Command::new("sqlite3").args([file, ".dump"]).output()?
            }
            _ => Command::new(pg_dump()?)
                .args(["--inserts", "--no-owner", "--no-privileges", &backend.url])
                .output()?,
        };
        anyhow::ensure!(
            dump.status.success(),
            "dump failed: {}",
            String::from_utf8_lossy(&dump.stderr)
        );
        std::fs::write(&sql, &dump.stdout)?;
        let tar = out.join(format!("{name}-files.tar"));
        let status = Command::new("tar")
            .arg("-cf")
            .arg(&tar)
            .arg("-C")
            .arg(backend.dir.path())
            .arg("files")
            .status()?;
        anyhow::ensure!(status.success(), "tar of the files failed");
        eprintln!("[{name}] written {}", sql.display());
    }
    Ok(())
}

/// `pg_dump` from the PostgreSQL binaries the tests use (`PONTE_PG_BIN`, else the newest under
/// `/usr/lib/postgresql`).
fn pg_dump() -> anyhow::Result<PathBuf> {
    if let Ok(dir) = std::env::var("PONTE_PG_BIN") {
        return Ok(Path::new(&dir).join("pg_dump"));
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("bin").join("pg_dump"))
        .filter(|p| p.exists())
        .collect();
    found.sort();
    found
        .pop()
        .ok_or_else(|| anyhow::anyhow!("pg_dump not found: set PONTE_PG_BIN"))
}

/// Writes the files of the generated documents (plain text, the text the database holds for
/// them) where the server keeps files, so that their downloads work as the demo's do.
async fn files_of_documents(db: &db::Db, dir: &Path) -> anyhow::Result<()> {
    let sql = "SELECT d.storage_key, t.body FROM library_documents d
               JOIN library_texts t ON t.document_id = d.id
               WHERE d.source = 'Ponte bench' AND d.storage_key IS NOT NULL";
    let rows: Vec<(uuid::Uuid, String)> = match db.pool() {
        db::Pool::Sqlite(pool) => sqlx::query_as(sql).fetch_all(pool).await?,
        db::Pool::Postgres(pool) => sqlx::query_as(sql).fetch_all(pool).await?,
    };
    for (key, body) in rows {
        // Where the local storage keeps a key (`storage::Storage`): under its first two digits.
        let name = key.simple().to_string();
        let folder = dir.join(&name[..2]);
        std::fs::create_dir_all(&folder)?;
        std::fs::write(folder.join(&name), body)?;
    }
    Ok(())
}

/// Products of the five provinces written through the forms by their members and reviewed by
/// the tutor: versions, submissions, comment threads with replies, some resolved, requests for
/// changes, approvals and due dates. Returns how many.
async fn products_through_forms(
    db: &db::Db,
    srv: &server::Server,
    provinces: &[uuid::Uuid],
) -> anyhow::Result<usize> {
    let kinds = [
        "communication_plan",
        "partnership_plan",
        "project_proposal",
        "improvement_plan",
    ];
    let tutor = srv.sign_in("tutor@ponte.example", "ponte-demo")?;
    let today = chrono::Utc::now().date_naive();
    let n = 40;
    for i in 0..n {
        // Generated person i is a member of province i % 5 (see `seed`).
        let org = provinces[i % provinces.len()];
        let author = srv.sign_in(&format!("persona{i:04}@bench.example"), "ponte-demo")?;
        let due = if i % 3 == 0 {
            (today + chrono::Duration::days(20 + i as i64)).to_string()
        } else {
            String::new()
        };
        let form = format!(
            "title=Prodotto+generato+{i:02}&kind={}&due_on={due}",
            kinds[i % kinds.len()]
        );
        let (status, answer) = http(
            srv.port,
            "POST",
            &format!("/organisations/{org}/products"),
            &author,
            &form,
        )?;
        anyhow::ensure!(status == 303, "product {i}: HTTP {status}");
        let path = header(&answer, "location")
            .ok_or_else(|| anyhow::anyhow!("product {i}: no location"))?
            .trim_end_matches("/edit")
            .to_string();
        for v in 1..=3 {
            let (_, editor) = http(srv.port, "GET", &format!("{path}/edit"), &author, "")?;
            let edit = editor
                .split("name=\"edit\" value=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .ok_or_else(|| anyhow::anyhow!("product {i}: no edit counter"))?
                .to_string();
            let form = format!(
                "edit={edit}&title=Prodotto+generato+{i:02}&due_on={due}&markdown=%23%23+Obiettivi%0A%0AVersione+{v}+del+prodotto+{i}%3A+cooperazione+con+i+partner+di+Durr%C3%ABs+e+di+Sfax.&mark_version=1&version_label=Stesura+{v}"
            );
            let (status, _) = http(srv.port, "POST", &path, &author, &form)?;
            anyhow::ensure!(status == 303, "product {i} version {v}: HTTP {status}");
        }
        if i % 4 == 0 {
            continue;
        }
        let review = format!("{path}/review");
        let (status, _) = http(srv.port, "POST", &review, &author, "action=submit&note=")?;
        anyhow::ensure!(status == 303, "product {i} submit: HTTP {status}");
        let comments = format!("{path}/comments");
        for c in 0..3 {
            let form = format!(
                "anchor=&parent=&version=&body=Osservazione+{c}+del+tutor%3A+indicare+le+fonti."
            );
            let (status, _) = http(srv.port, "POST", &comments, &tutor, &form)?;
            anyhow::ensure!(status == 303, "product {i} comment: HTTP {status}");
        }
        let id: uuid::Uuid = path
            .rsplit('/')
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| anyhow::anyhow!("product {i}: no id in {path}"))?;
        let threads = db::products::comments(db, id).await?;
        if let Some(first) = threads.first() {
            let form = format!(
                "anchor=&version=&parent={}&body=Risposta+degli+autori.",
                first.id
            );
            let (status, _) = http(srv.port, "POST", &comments, &author, &form)?;
            anyhow::ensure!(status == 303, "product {i} reply: HTTP {status}");
            let (status, _) = http(
                srv.port,
                "POST",
                &format!("{comments}/{}/resolve", first.id),
                &tutor,
                "resolved=1",
            )?;
            anyhow::ensure!(status == 303, "product {i} resolve: HTTP {status}");
        }
        let action = match i % 4 {
            1 => "request_changes&note=Pi%C3%B9+concreto",
            2 => "approve",
            _ => continue,
        };
        let (status, _) = http(
            srv.port,
            "POST",
            &review,
            &tutor,
            &format!("action={action}"),
        )?;
        anyhow::ensure!(status == 303, "product {i} {action}: HTTP {status}");
    }
    Ok(n)
}

/// A header of an HTTP answer.
fn header(answer: &str, name: &str) -> Option<String> {
    let head = answer.split("\r\n\r\n").next()?;
    head.lines().find_map(|l| {
        let (n, v) = l.split_once(':')?;
        n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
    })
}

/// One request signed in with `cookie` (a form body for POST); the status and the whole answer.
fn http(
    port: u16,
    method: &str,
    path: &str,
    cookie: &str,
    form: &str,
) -> anyhow::Result<(u16, String)> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port))?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nCookie: ponte_session={cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    )?;
    let mut answer = Vec::new();
    s.read_to_end(&mut answer)?;
    let answer = String::from_utf8_lossy(&answer).to_string();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no HTTP answer to {method} {path}"))?;
    Ok((status, answer))
}

fn exchange(port: u16, request: String) -> anyhow::Result<u16> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port))?;
    s.write_all(request.as_bytes())?;
    let mut answer = Vec::new();
    s.read_to_end(&mut answer)?;
    let head = String::from_utf8_lossy(&answer[..answer.len().min(64)]).to_string();
    head.split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no HTTP answer: {head}"))
}

/// A form POST signed in with `cookie`; the answer's status.
fn post(port: u16, path: &str, cookie: &str, form: &str) -> anyhow::Result<u16> {
    exchange(
        port,
        format!(
            "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nCookie: ponte_session={cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
            form.len()
        ),
    )
}

/// A GET signed in with `cookie`; the answer's status.
fn get(port: u16, path: &str, cookie: &str) -> anyhow::Result<u16> {
    exchange(
        port,
        format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nCookie: ponte_session={cookie}\r\n\r\n"
        ),
    )
}
