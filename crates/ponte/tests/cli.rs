//! The `ponte` binary itself: help, the ISTAT importer on both databases, users, backup of a live
//! SQLite database, and graceful shutdown on SIGTERM.

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn ponte(database_url: &str, data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ponte"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("PONTE_DATA_DIR", data_dir)
        .env("PONTE_LOG", "warn")
        .env_remove("PONTE_CONFIG")
        .output()
        .expect("run ponte")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Starts `ponte serve` on a free port with `envs`, and returns it with a connection to it.
// The caller owns the returned process and stops and waits for it.
#[allow(clippy::zombie_processes)]
fn serve(
    url: &str,
    dir: &Path,
    envs: &[(&str, String)],
) -> (std::process::Child, std::net::TcpStream) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut command = Command::new(env!("CARGO_BIN_EXE_ponte"));
    command
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("DATABASE_URL", url)
        .env("PONTE_DATA_DIR", dir)
        .env("PONTE_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for (k, v) in envs {
        command.env(k, v);
    }
    let mut server = command.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            return (server, stream);
        }
        if Instant::now() > deadline {
            let _ = server.kill();
            let _ = server.wait();
            panic!("the server did not start");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn help_explains_commands_and_configuration() {
    let dir = db::testing::TempDir::new("ponte-help");
    let o = ponte("sqlite://unused", dir.path(), &["--help"]);
    assert!(o.status.success());
    let help = text(&o);
    for word in [
        "serve",
        "migrate",
        "demo",
        "user",
        "import",
        "backup",
        "DATABASE_URL",
        "STORAGE_URL",
        "PONTE_DATA_DIR",
        "SMTP_HOST",
        "ponte.toml",
    ] {
        assert!(help.contains(word), "--help does not mention {word}");
    }
    let serve = text(&ponte("sqlite://unused", dir.path(), &["serve", "--help"]));
    assert!(serve.contains("--bind") && serve.contains("127.0.0.1:8080"));
    assert!(text(&ponte(
        "sqlite://unused",
        dir.path(),
        &["import", "istat", "--help"]
    ))
    .contains("ISTAT"));
}

/// The official file, or a small one in the same format when skipping the official files was
/// asked for (`PONTE_TEST_SKIP=shared-data`).
fn istat_file(dir: &Path) -> (std::path::PathBuf, usize) {
    if let Some(official) = common::official_data("istat/Elenco-comuni-italiani.csv") {
        return (official, 7904);
    }
    let path = dir.join("comuni.csv");
    let header = "\u{feff}Codice Regione;\"Codice dell'Unità territoriale sovracomunale \n(valida a fini statistici)\";Codice Comune formato alfanumerico;Denominazione in italiano;Denominazione regione;\"Denominazione dell'Unità territoriale sovracomunale \n(valida a fini statistici)\";Flag Comune capoluogo di provincia/città metropolitana/libero consorzio;Sigla automobilistica;Codice Catastale del comune\r\n";
    let rows = "15;065;065116;Salerno;Campania;Salerno;1;SA;H703\r\n15;061;061022;Caserta;Campania;Caserta;1;CE;B963\r\n";
    std::fs::write(&path, format!("{header}{rows}")).unwrap();
    (path, 2)
}

#[tokio::test]
async fn the_istat_import_is_idempotent_and_all_or_nothing_on_both_databases() {
    for backend in db::testing::backends().await {
        let dir = &backend.dir;
        let (file, expected) = istat_file(dir.path());
        let file_arg = file.to_string_lossy().to_string();
        let first = ponte(&backend.url, dir.path(), &["import", "istat", &file_arg]);
        assert!(first.status.success(), "{}", text(&first));
        assert!(
            text(&first).contains(&format!("{expected} added")),
            "{}",
            text(&first)
        );
        assert_eq!(
            db::organisations::count_municipalities(&backend.db)
                .await
                .unwrap(),
            expected as i64
        );
        let second = ponte(&backend.url, dir.path(), &["import", "istat", &file_arg]);
        assert!(second.status.success());
        assert!(
            text(&second).contains(&format!("0 added, 0 updated, {expected} unchanged")),
            "{}",
            text(&second)
        );
        let rome = db::organisations::find_municipalities(&backend.db, "salern", 5)
            .await
            .unwrap();
        assert_eq!(rome[0].istat_code, "065116");
        // A new edition that renames a municipality updates just that one.
        let original = std::fs::read(&file).unwrap();
        let contents = String::from_utf8(original.clone()).unwrap();
        let renamed = contents
            .replacen(";Salerno;Salerno;", ";Salerno;Salerno (nuovo);", 1)
            .replacen(";Salerno;Campania;", ";Salerno (nuovo);Campania;", 1);
        assert_ne!(renamed, contents, "the test file lists Salerno");
        let edition = dir.path().join("edition.csv");
        std::fs::write(&edition, renamed).unwrap();
        let third = ponte(
            &backend.url,
            dir.path(),
            &["import", "istat", &edition.to_string_lossy()],
        );
        assert!(
            text(&third).contains(&format!("0 added, 1 updated, {} unchanged", expected - 1)),
            "{}",
            text(&third)
        );
        // A file with bad rows imports nothing and names the lines.
        let mut broken = original.clone();
        broken.extend_from_slice(b"\r\n15;065;06511X;Nuovo;Campania;Salerno;0;SA;Z999\r\n15;065;065999;Altro;Campania;Salerno;2;SA;Z998");
        let broken_path = dir.path().join("broken.csv");
        std::fs::write(&broken_path, &broken).unwrap();
        let lines = broken.iter().filter(|b| **b == b'\n').count();
        let bad = ponte(
            &backend.url,
            dir.path(),
            &["import", "istat", &broken_path.to_string_lossy()],
        );
        assert!(!bad.status.success());
        let report = text(&bad);
        assert!(report.contains(&format!("line {}:", lines)), "{report}");
        assert!(report.contains(&format!("line {}:", lines + 1)), "{report}");
        assert!(report.contains("nothing was imported"));
        assert_eq!(
            db::organisations::count_municipalities(&backend.db)
                .await
                .unwrap(),
            expected as i64
        );
        let missing = ponte(
            &backend.url,
            dir.path(),
            &["import", "istat", "/nonexistent/file.csv"],
        );
        assert!(!missing.status.success());
        if backend.name == "postgres" {
            let target = dir.path().join("pg.db");
            let o = ponte(
                &backend.url,
                dir.path(),
                &["backup", &target.to_string_lossy()],
            );
            assert!(!o.status.success());
            assert!(text(&o).contains("pg_dump"), "{}", text(&o));
        }
    }
}

#[tokio::test]
async fn users_are_added_from_the_command_line() {
    for backend in db::testing::backends().await {
        let dir = backend.dir.path();
        let o = ponte(
            &backend.url,
            dir,
            &[
                "user",
                "add",
                "--email",
                "Nuovo.Admin@ponte.example",
                "--name",
                "Nuovo Admin",
                "--role",
                "admin",
            ],
        );
        assert!(o.status.success(), "{}", text(&o));
        assert!(text(&o).contains("Password: "));
        let c = db::accounts::credentials(&backend.db, "nuovo.admin@ponte.example")
            .await
            .unwrap()
            .unwrap();
        let p = db::accounts::principal(&backend.db, c.id).await.unwrap();
        assert!(p.has_global(domain::roles::Role::Admin));
        let again = ponte(
            &backend.url,
            dir,
            &[
                "user",
                "add",
                "--email",
                "nuovo.admin@ponte.example",
                "--name",
                "X",
                "--role",
                "admin",
            ],
        );
        assert!(!again.status.success());
        assert!(text(&again).contains("already exists"));
        let needs_org = ponte(
            &backend.url,
            dir,
            &[
                "user",
                "add",
                "--email",
                "m@ponte.example",
                "--name",
                "M",
                "--role",
                "member",
            ],
        );
        assert!(!needs_org.status.success());
    }
}

#[tokio::test]
async fn a_backup_of_a_live_database_holds_every_committed_row() {
    let backend = db::testing::sqlite().await;
    let dir = backend.dir.path().to_path_buf();
    let demo = ponte(&backend.url, &dir, &["demo"]);
    assert!(demo.status.success(), "{}", text(&demo));
    assert!(text(&demo).contains("admin@ponte.example") && text(&demo).contains("ponte-demo"));
    // Writers keep committing while the backup runs.
    let db = backend.db.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer_stop = stop.clone();
    // How many rows the writer has committed, for the test to wait on.
    let (count, mut counted) = tokio::sync::watch::channel(0usize);
    let writer = tokio::spawn(async move {
        let mut committed = Vec::new();
        let mut n = 0;
        while !writer_stop.load(std::sync::atomic::Ordering::SeqCst) {
            n += 1;
            let change = db::audit::Change {
                actor: None,
                action: "test.write",
                entity: "test",
                entity_id: format!("{n}"),
                before: None,
                after: None,
            };
            db::audit::record(&db, &change).await.unwrap();
            committed.push((n, std::time::Instant::now()));
            count.send_replace(committed.len());
        }
        committed
    });
    written(&mut counted, 20).await;
    let started = Instant::now();
    let target = dir.join("copy.db");
    let target_arg = target.to_string_lossy().to_string();
    let url = backend.url.clone();
    let dir2 = dir.clone();
    let o = tokio::task::spawn_blocking(move || ponte(&url, &dir2, &["backup", &target_arg]))
        .await
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    // The writer commits a few more after the backup.
    let after_backup = *counted.borrow();
    written(&mut counted, after_backup + 5).await;
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let committed = writer.await.unwrap();
    let before_backup: Vec<i64> = committed
        .iter()
        .filter(|(_, t)| *t < started)
        .map(|(n, _)| *n as i64)
        .collect();
    assert!(before_backup.len() > 10, "the writer was running");
    // Restore: open the copy as a database of its own.
    let restored = db::Db::connect(&format!("sqlite://{}", target.display()))
        .await
        .unwrap();
    assert!(db::maintenance::integrity_ok(&restored).await.unwrap());
    assert_eq!(
        db::accounts::count_users(&restored).await.unwrap() as usize,
        ponte::demo::ACCOUNTS.len() + ponte::demo::PARTICIPANTS.len()
    );
    let structure = db::programme::structure(&restored).await.unwrap().unwrap();
    // Strand A's eight, strand B's specialist lab and strand C's interregional lab.
    assert_eq!(structure.modules.len(), 10);
    let (_, orgs) = db::organisations::search(&restored, None, None, 1, 0)
        .await
        .unwrap();
    // The programme's 16, the five local actors of the demo tables and the six foreign partners
    // of the demo network's relations.
    assert_eq!(orgs, 27);
    let (rows, _) = db::audit::page(&restored, Some("test.write"), 1_000_000, 0)
        .await
        .unwrap();
    let present: std::collections::HashSet<i64> =
        rows.iter().map(|e| e.entity_id.parse().unwrap()).collect();
    for n in &before_backup {
        assert!(
            present.contains(n),
            "row {n} committed before the backup is missing"
        );
    }
    // The target must not exist already.
    let again = ponte(&backend.url, &dir, &["backup", &target.to_string_lossy()]);
    assert!(!again.status.success());
}

/// Waits until `counted` says at least `rows` rows were committed, failing after a minute.
async fn written(counted: &mut tokio::sync::watch::Receiver<usize>, rows: usize) {
    tokio::time::timeout(Duration::from_secs(60), counted.wait_for(|n| *n >= rows))
        .await
        .unwrap_or_else(|_| panic!("the writer did not commit {rows} rows in a minute"))
        .expect("the writer is running");
}

/// The bytes the kernel holds for the server on its end of the connection from `client` to
/// `server_port` (the receive queue of /proc/net/tcp): zero once the server has read them.
fn unread_by_server(server_port: u16, client: std::net::SocketAddr) -> Option<u64> {
    let table = std::fs::read_to_string("/proc/net/tcp").ok()?;
    let port = |address: &str| u16::from_str_radix(address.rsplit(':').next()?, 16).ok();
    table.lines().skip(1).find_map(|line| {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() > 4 && port(f[1]) == Some(server_port) && port(f[2]) == Some(client.port()) {
            u64::from_str_radix(f[4].split(':').nth(1)?, 16).ok()
        } else {
            None
        }
    })
}

/// Waits until `what` holds, checking every few milliseconds, for at most 20 seconds.
fn wait_for(what: &str, mut holds: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !holds() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn sigterm_lets_requests_in_flight_finish() {
    let dir = db::testing::TempDir::new("ponte-shutdown");
    let url = format!("sqlite://{}", dir.path().join("ponte.db").display());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // The server's log (stderr) tells when it listens and when it received the signal.
    let mut server = Command::new(env!("CARGO_BIN_EXE_ponte"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("DATABASE_URL", &url)
        .env("PONTE_DATA_DIR", dir.path())
        .env("PONTE_LOG", "info")
        .env("PONTE_LOG_FORMAT", "text")
        .env_remove("PONTE_CONFIG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (lines, log) = std::sync::mpsc::channel::<String>();
    let stderr = server.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in std::io::BufRead::lines(std::io::BufReader::new(stderr)) {
            let Ok(line) = line else { break };
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let wait_for_log = |what: &str| loop {
        match log.recv_timeout(Duration::from_secs(20)) {
            Ok(line) if line.contains(what) => break,
            Ok(_) => {}
            Err(e) => panic!("the server never logged {what:?}: {e}"),
        }
    };
    wait_for_log("Ponte is listening");
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let body = "email=nobody%40ponte.example&password=some+password";
    write!(stream, "POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()).unwrap();
    stream.write_all(&body.as_bytes()[..10]).unwrap();
    stream.flush().unwrap();
    // The server has accepted the connection and read the head of the request (and the start of
    // its body) once nothing is left unread on its end.
    let client = stream.local_addr().unwrap();
    wait_for("the server to read the request's head", || {
        unread_by_server(port, client) == Some(0)
    });
    let killed = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    wait_for_log("shutting down: finishing requests in flight");
    // The request started before SIGTERM is still served.
    stream.write_all(&body.as_bytes()[10..]).unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 401"), "{reply}");
    assert!(reply.contains("Email o password non corrette"));
    // Its exit, waited for on a thread of its own so that a server that never stops fails the
    // test instead of hanging it.
    let (exited, exit) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = exited.send(server.wait());
    });
    let status = exit
        .recv_timeout(Duration::from_secs(30))
        .expect("the server did not stop within 30 seconds of SIGTERM")
        .unwrap();
    assert!(status.success(), "exit status {status}");
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", port)).is_err(),
        "no longer listening"
    );
}

#[test]
fn settings_come_from_ponte_toml_and_the_environment_wins() {
    let dir = db::testing::TempDir::new("ponte-config");
    let from_file = dir.path().join("from-file.db");
    std::fs::write(
        dir.path().join("ponte.toml"),
        format!("database_url = \"sqlite://{}\"\n", from_file.display()),
    )
    .unwrap();
    let run = |envs: &[(&str, String)]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_ponte"));
        c.arg("migrate")
            .current_dir(dir.path())
            .env_remove("DATABASE_URL")
            .env_remove("PONTE_CONFIG")
            .env("PONTE_LOG", "warn");
        for (k, v) in envs {
            c.env(k, v);
        }
        c.output().unwrap()
    };
    let o = run(&[]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        from_file.exists(),
        "the database named in ponte.toml was created"
    );
    let from_env = dir.path().join("from-env.db");
    let o = run(&[("DATABASE_URL", format!("sqlite://{}", from_env.display()))]);
    assert!(o.status.success());
    assert!(from_env.exists(), "DATABASE_URL overrides the file");
    std::fs::write(dir.path().join("broken.toml"), "database_url = [unclosed").unwrap();
    let o = run(&[(
        "PONTE_CONFIG",
        dir.path().join("broken.toml").display().to_string(),
    )]);
    assert!(!o.status.success());
    assert!(text(&o).contains("broken.toml"), "{}", text(&o));
    std::fs::write(dir.path().join("typo.toml"), "databse_url = \"x\"").unwrap();
    let o = run(&[(
        "PONTE_CONFIG",
        dir.path().join("typo.toml").display().to_string(),
    )]);
    assert!(!o.status.success(), "unknown keys are refused");
    let o = run(&[("DATABASE_URL", "mysql://nope".into())]);
    assert!(!o.status.success());
    assert!(
        text(&o).contains("unsupported database URL"),
        "{}",
        text(&o)
    );
}

/// The server started from the command line delivers queued email through the configured SMTP
/// server without anyone running the job queue by hand.
#[tokio::test]
async fn the_server_delivers_email_through_the_configured_smtp_server() {
    let smtp = common::SmtpSink::start();
    for backend in db::testing::backends().await {
        let dir = backend.dir.path();
        assert!(ponte(&backend.url, dir, &["demo"]).status.success());
        let before = smtp.messages().len();
        let envs = [
            ("PONTE_BASE_URL", "https://ponte.example.org".to_string()),
            ("SMTP_HOST", "127.0.0.1".to_string()),
            ("SMTP_PORT", smtp.port.to_string()),
            ("SMTP_FROM", "Ponte <noreply@ponte.example.org>".to_string()),
            ("SMTP_TLS", "none".to_string()),
        ];
        let (mut server, mut stream) = serve(&backend.url, dir, &envs);
        let body = "email=staff%40ponte.example";
        write!(stream, "POST /password/forgot HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).unwrap();
        let mut reply = String::new();
        stream.read_to_string(&mut reply).unwrap();
        assert!(reply.starts_with("HTTP/1.1 303"), "{reply}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while smtp.messages().len() == before {
            assert!(
                Instant::now() < deadline,
                "no email arrived on {}",
                backend.name
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let mail = &smtp.messages()[before];
        assert!(mail.contains("X-Envelope-To: staff@ponte.example"));
        assert!(mail.contains("From: Ponte <noreply@ponte.example.org>"));
        assert!(common::link_in(mail, "https://ponte.example.org").starts_with("/password/reset/"));
        let _ = Command::new("kill")
            .args(["-TERM", &server.id().to_string()])
            .status();
        let _ = server.wait();
    }
}

/// PostgreSQL over TLS, with the server's certificate verified: the connection is encrypted.
#[tokio::test]
async fn postgres_connections_can_require_verified_tls() {
    let url = db::testing::postgres_tls_url().await;
    let db = db::Db::connect(&url)
        .await
        .expect("connect with sslmode=verify-full");
    let encrypted = db::testing::query_bool(
        &db,
        "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
    )
    .await;
    assert!(encrypted, "the session is encrypted");
    // Without the authority, verification fails: no silent fallback to an unverified server.
    let unverified = url.split("&sslrootcert=").next().unwrap().to_string();
    let refused = db::Db::connect(&unverified).await;
    assert!(refused.is_err(), "an unknown authority must be refused");
}

/// Several instances starting at once on a new database: each applies or skips the migrations,
/// none fails.
#[tokio::test]
async fn concurrent_start_ups_migrate_once() {
    let sqlite_dir = db::testing::TempDir::new("ponte-migrate");
    let sqlite_url = format!("sqlite://{}", sqlite_dir.path().join("ponte.db").display());
    let pg = db::testing::postgres_tls_url().await;
    let pg = pg
        .split('?')
        .next()
        .unwrap()
        .replace("@localhost:", "@127.0.0.1:");
    // A database that has never been migrated.
    let fresh_pg = format!("{pg}_fresh");
    let name = fresh_pg.rsplit('/').next().unwrap().to_string();
    let server = db::Db::connect(&pg).await.unwrap();
    db::testing::exec(&server, &format!("CREATE DATABASE {name}")).await;
    for url in [sqlite_url, fresh_pg] {
        let children: Vec<_> = (0..4)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_ponte"))
                    .arg("migrate")
                    .env("DATABASE_URL", &url)
                    .env("PONTE_DATA_DIR", sqlite_dir.path())
                    .env("PONTE_LOG", "warn")
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{url}: {}", text(&out));
        }
        let db = db::Db::connect(&url).await.unwrap();
        assert_eq!(db::accounts::count_users(&db).await.unwrap(), 0);
    }
}

#[tokio::test]
async fn the_sector_import_reads_the_official_iati_list_and_refuses_bad_files() {
    let official = common::official_data("iati/codelists/Sector.xml");
    for backend in db::testing::backends().await {
        let dir = &backend.dir;
        let file = if let Some(official) = &official {
            official.clone()
        } else {
            let path = dir.path().join("Sector.xml");
            std::fs::write(&path, r#"<?xml version="1.0" encoding="utf-8"?><codelist name="Sector" xml:lang="en"><codelist-items><codelist-item status="active"><code>15110</code><name><narrative>Public sector policy and administrative management</narrative><narrative xml:lang="fr">Politiques publiques et gestion administrative</narrative></name><category>151</category></codelist-item></codelist-items></codelist>"#).unwrap();
            path
        };
        let arg = file.to_string_lossy().to_string();
        let first = ponte(&backend.url, dir.path(), &["import", "sectors", &arg]);
        assert!(first.status.success(), "{}", text(&first));
        let sectors = db::library::sectors(&backend.db).await.unwrap();
        let expected = if official.is_some() { 300 } else { 1 };
        assert!(sectors.len() >= expected, "{}", sectors.len());
        let public = sectors.iter().find(|s| s.code == "15110").unwrap();
        assert_eq!(public.category, "151");
        assert_eq!(
            public.name_fr.as_deref(),
            Some("Politiques publiques et gestion administrative")
        );
        assert!(
            text(&first).contains(&format!("{} new", sectors.len())),
            "{}",
            text(&first)
        );
        let again = ponte(&backend.url, dir.path(), &["import", "sectors", &arg]);
        assert!(text(&again).contains(": 0 new"), "{}", text(&again));
        assert_eq!(
            db::library::sectors(&backend.db).await.unwrap().len(),
            sectors.len()
        );
        // Entity expansion, another codelist and malformed XML import nothing.
        for (name, content) in [
            ("bomb.xml", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;\">]><codelist name=\"Sector\"><codelist-items><codelist-item><code>&lol1;</code></codelist-item></codelist-items></codelist>"),
            ("country.xml", "<codelist name=\"Country\"><codelist-items/></codelist>"),
            ("broken.xml", "<codelist name=\"Sector\"><codelist-items><codelist-item>"),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, content).unwrap();
            let bad = ponte(&backend.url, dir.path(), &["import", "sectors", &path.to_string_lossy()]);
            assert!(!bad.status.success(), "{name}");
            assert!(text(&bad).contains("nothing was imported"), "{name}: {}", text(&bad));
        }
        assert_eq!(
            db::library::sectors(&backend.db).await.unwrap().len(),
            sectors.len()
        );
    }
}
