//! Crash safety: the real server runs with concurrent writers (agenda items, new organisations,
//! attendance registers, product saves, comments), is killed with SIGKILL at a random moment, and
//! is started again; every write that got its success answer must be there, and the database must
//! pass its integrity check. Twenty cycles on each backend. PostgreSQL runs in a cluster of its own
//! with the settings of production (fsync, synchronous_commit and full_page_writes on), and in
//! every other cycle its server (the postmaster) is killed with SIGKILL first, then both are
//! started again. SQLite runs in the application's process: a process crash is what it is
//! tested for (see the README on power loss).

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use uuid::Uuid;

const CYCLES: usize = 20;

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

/// One HTTP/1.1 exchange on a new connection: the status, the session cookie set, if any.
fn request(
    port: u16,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    form: &str,
) -> std::io::Result<(u16, Option<String>)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut req =
        format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    if let Some(c) = cookie {
        req.push_str(&format!("Cookie: ponte_session={c}\r\n"));
    }
    if method == "POST" {
        req.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            form.len()
        ));
    }
    req.push_str("\r\n");
    req.push_str(form);
    s.write_all(req.as_bytes())?;
    let mut answer = Vec::new();
    s.read_to_end(&mut answer)?;
    let text = String::from_utf8_lossy(&answer);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status line"))?;
    let cookie = text
        .lines()
        .take_while(|l| !l.is_empty())
        .find_map(|l| {
            l.strip_prefix("set-cookie: ponte_session=")
                .or_else(|| l.strip_prefix("Set-Cookie: ponte_session="))
        })
        .map(|v| v.split(';').next().unwrap_or("").to_string());
    Ok((status, cookie))
}

fn enc(s: &str) -> String {
    common::urlencode(&[("v", s)])[2..].to_string()
}

// The caller owns the returned process: it kills and waits for it.
#[allow(clippy::zombie_processes)]
fn start(url: &str, dir: &std::path::Path) -> (Child, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ponte"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("DATABASE_URL", url)
        .env("PONTE_DATA_DIR", dir)
        .env("PONTE_LOG", "error")
        .env_remove("PONTE_CONFIG")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok((200, _)) = request(port, "GET", "/health", None, "") {
            return (child, port);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server did not start");
}

#[derive(Default)]
struct Acked {
    agenda: Vec<String>,
    organisations: Vec<String>,
    /// The last register acknowledged, and the one in flight when the server died.
    register: Option<Vec<(Uuid, i64)>>,
    in_flight: Option<Vec<(Uuid, i64)>>,
    /// The text of the last product save acknowledged, and the one in flight.
    product: Option<String>,
    product_in_flight: Option<String>,
    comments: Vec<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_sigkill() {
    let cluster = db::testing::DurableCluster::start();
    let pg = cluster.database("crash").await;
    assert!(
        cluster.settings_are_production(&pg.db).await,
        "the crash test's PostgreSQL runs with fsync, synchronous_commit and full_page_writes on"
    );
    for backend in [db::testing::sqlite().await, pg] {
        // The server started below keeps its files under the backend's folder too.
        let files = storage::Storage::open(&backend.dir.path().join("files").display().to_string())
            .unwrap();
        ponte::demo::load(&backend.db, &files, false).await.unwrap();
        if backend.name == "postgres" {
            // Lets the integrity check verify every index against its table after each kill.
            db::testing::exec(&backend.db, "CREATE EXTENSION IF NOT EXISTS amcheck").await;
        }
        let sessions = db::labs::list(&backend.db, &Default::default())
            .await
            .unwrap();
        let held = sessions
            .iter()
            .find(|s| s.status == domain::labs::Status::Held)
            .unwrap()
            .id;
        let people: Vec<Uuid> = db::labs::participants(&backend.db, held)
            .await
            .unwrap()
            .iter()
            .map(|p| p.user_id)
            .collect();
        let full_day = sessions
            .iter()
            .find(|s| s.place.contains("Salerno"))
            .unwrap()
            .id;
        // A product of Salerno, saved and commented on by its coordinator.
        let salerno =
            db::organisations::search(&backend.db, None, Some("Provincia di Salerno"), 5, 0)
                .await
                .unwrap()
                .0
                .into_iter()
                .find(|o| o.data.name == "Provincia di Salerno")
                .unwrap()
                .id;
        let content = domain::products::Content::Text {
            markdown: String::new(),
        }
        .to_json();
        let product = db::products::create(
            &backend.db,
            &db::products::NewProduct {
                organisation: salerno,
                kind: "document",
                title: "Nota del crash test",
                content: &content,
                due_on: None,
                model_of: None,
                session: None,
            },
            None,
        )
        .await
        .unwrap();
        let product_path = format!("/organisations/{salerno}/products/{product}");
        let acked = Arc::new(Mutex::new(Acked::default()));
        let mut rng = Rng(0xC0FFEE ^ backend.name.len() as u64);
        let mut totals = (0usize, 0usize, 0usize, 0usize);
        let mut database_kills = 0;
        for cycle in 0..CYCLES {
            let kill_database = backend.name == "postgres" && cycle % 2 == 1;
            let (mut server, port) = start(&backend.url, backend.dir.path());
            let (_, cookie) = request(
                port,
                "POST",
                "/sign-in",
                None,
                "email=staff%40ponte.example&password=ponte-demo",
            )
            .unwrap();
            let cookie = Arc::new(cookie.expect("signed in"));
            let (_, author) = request(
                port,
                "POST",
                "/sign-in",
                None,
                "email=coordinatore%40ponte.example&password=ponte-demo",
            )
            .unwrap();
            let author = Arc::new(author.expect("signed in"));
            let stop = Arc::new(AtomicBool::new(false));
            // Set just before a kill: from then on an error answer ends a writer; before, it
            // fails the test.
            let down = Arc::new(AtomicBool::new(false));
            let mut writers = Vec::new();
            // Agenda items.
            {
                let (stop, down, acked, cookie) =
                    (stop.clone(), down.clone(), acked.clone(), cookie.clone());
                let tag = format!("{}-{cycle}", backend.name);
                writers.push(std::thread::spawn(move || {
                    for n in 0.. {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let title = format!("crash-{tag}-{n}");
                        let form =
                            format!("start=10%3A00&end=10%3A30&title={}&speaker=", enc(&title));
                        match request(
                            port,
                            "POST",
                            &format!("/labs/sessions/{full_day}/agenda"),
                            Some(&cookie),
                            &form,
                        ) {
                            Ok((303, _)) => acked.lock().unwrap().agenda.push(title),
                            Ok(_) if down.load(Ordering::SeqCst) => break,
                            Ok((status, _)) => panic!("agenda write answered {status}"),
                            Err(_) => break,
                        }
                    }
                }));
            }
            // New organisations.
            {
                let (stop, down, acked, cookie) =
                    (stop.clone(), down.clone(), acked.clone(), cookie.clone());
                let tag = format!("{}-{cycle}", backend.name);
                writers.push(std::thread::spawn(move || {
                    for n in 0.. {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let name = format!("Associazione crash {tag}-{n}");
                        let form = format!("category=local_actor&name={}&actor_sector=association&actor_public=private&region_code=15", enc(&name));
                        match request(port, "POST", "/admin/organisations", Some(&cookie), &form) {
                            Ok((303, _)) => acked.lock().unwrap().organisations.push(name),
                            Ok(_) if down.load(Ordering::SeqCst) => break,
                            Ok((status, _)) => panic!("organisation write answered {status}"),
                            Err(_) => break,
                        }
                    }
                }));
            }
            // The attendance register of a held session, saved again and again with another set.
            {
                let (stop, down, acked, cookie, people) = (
                    stop.clone(),
                    down.clone(),
                    acked.clone(),
                    cookie.clone(),
                    people.clone(),
                );
                let seed = cycle as u64;
                writers.push(std::thread::spawn(move || {
                    let mut rng = Rng(0xA77E ^ (seed + 1));
                    loop {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let set: Vec<(Uuid, i64)> = people
                            .iter()
                            .flat_map(|p| [(*p, 0), (*p, 1)])
                            .filter(|_| rng.below(2) == 0)
                            .collect();
                        let form = set
                            .iter()
                            .map(|(u, h)| format!("present={u}%3A{h}"))
                            .collect::<Vec<_>>()
                            .join("&");
                        acked.lock().unwrap().in_flight = Some(set.clone());
                        match request(
                            port,
                            "POST",
                            &format!("/labs/sessions/{held}/register-sheet"),
                            Some(&cookie),
                            &form,
                        ) {
                            Ok((303, _)) => acked.lock().unwrap().register = Some(set),
                            Ok(_) if down.load(Ordering::SeqCst) => break,
                            Ok((status, _)) => panic!("register write answered {status}"),
                            Err(_) => break,
                        }
                    }
                }));
            }
            // Product saves: each goes over the edit the previous one made.
            {
                let (stop, down, acked, author, path) = (
                    stop.clone(),
                    down.clone(),
                    acked.clone(),
                    author.clone(),
                    product_path.clone(),
                );
                let tag = format!("{}-{cycle}", backend.name);
                let mut edit = db::products::get(&backend.db, product)
                    .await
                    .unwrap()
                    .unwrap()
                    .version;
                writers.push(std::thread::spawn(move || {
                    for n in 0.. {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let text = format!("Testo salvato {tag}-{n}");
                        let form = format!(
                            "edit={edit}&title=Nota+del+crash+test&markdown={}",
                            enc(&text)
                        );
                        acked.lock().unwrap().product_in_flight = Some(text.clone());
                        match request(port, "POST", &path, Some(&author), &form) {
                            Ok((303, _)) => {
                                acked.lock().unwrap().product = Some(text);
                                edit += 1;
                            }
                            Ok(_) if down.load(Ordering::SeqCst) => break,
                            Ok((status, _)) => panic!("product save answered {status}"),
                            Err(_) => break,
                        }
                    }
                }));
            }
            // Comments on the product.
            {
                let (stop, down, acked, cookie, path) = (
                    stop.clone(),
                    down.clone(),
                    acked.clone(),
                    cookie.clone(),
                    product_path.clone(),
                );
                let tag = format!("{}-{cycle}", backend.name);
                writers.push(std::thread::spawn(move || {
                    for n in 0.. {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let body = format!("Commento {tag}-{n}");
                        let form = format!("anchor=&body={}", enc(&body));
                        match request(
                            port,
                            "POST",
                            &format!("{path}/comments"),
                            Some(&cookie),
                            &form,
                        ) {
                            Ok((303, _)) => acked.lock().unwrap().comments.push(body),
                            Ok(_) if down.load(Ordering::SeqCst) => break,
                            Ok((status, _)) => panic!("comment answered {status}"),
                            Err(_) => break,
                        }
                    }
                }));
            }
            std::thread::sleep(Duration::from_millis(150 + rng.below(450)));
            down.store(true, Ordering::SeqCst);
            if kill_database {
                // The database server dies first, under the writers; then the application.
                cluster.kill();
                std::thread::sleep(Duration::from_millis(rng.below(100)));
                database_kills += 1;
            }
            server.kill().unwrap(); // SIGKILL
            server.wait().unwrap();
            stop.store(true, Ordering::SeqCst);
            for w in writers {
                w.join().unwrap();
            }
            if kill_database {
                cluster.run();
            }
            // Everything acknowledged is there, on a database that passes its check.
            assert!(
                db::maintenance::integrity_ok(&backend.db).await.unwrap(),
                "integrity after cycle {cycle} on {}",
                backend.name
            );
            let a = std::mem::take(&mut *acked.lock().unwrap());
            let agenda: Vec<String> = db::labs::agenda(&backend.db, full_day)
                .await
                .unwrap()
                .into_iter()
                .map(|i| i.title)
                .collect();
            for t in &a.agenda {
                assert!(
                    agenda.contains(t),
                    "acknowledged agenda item {t} lost on {}",
                    backend.name
                );
            }
            let (found, _) = db::organisations::search(
                &backend.db,
                None,
                Some(&format!("Associazione crash {}-{cycle}-", backend.name)),
                1_000_000,
                0,
            )
            .await
            .unwrap();
            let found: std::collections::HashSet<String> =
                found.into_iter().map(|o| o.data.name).collect();
            for name in &a.organisations {
                assert!(
                    found.contains(name),
                    "acknowledged organisation {name} lost on {} (cycle {cycle})",
                    backend.name
                );
            }
            if let Some(last) = &a.register {
                let mut now: Vec<(Uuid, i64)> = db::labs::attendance(&backend.db, held)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|(u, h, _)| (u, h))
                    .collect();
                now.sort();
                let sorted = |v: &Vec<(Uuid, i64)>| {
                    let mut v = v.clone();
                    v.sort();
                    v
                };
                let in_flight = a.in_flight.as_ref().map(sorted);
                assert!(
                    now == sorted(last) || Some(&now) == in_flight.as_ref(),
                    "the register is neither the acknowledged one nor the one in flight on {}",
                    backend.name
                );
            }
            let stored = db::products::get(&backend.db, product)
                .await
                .unwrap()
                .unwrap();
            if let Some(text) = &a.product {
                let in_flight = a.product_in_flight.as_deref().unwrap_or(text);
                assert!(
                    stored.content.contains(&format!("{text}\""))
                        || stored.content.contains(&format!("{in_flight}\"")),
                    "the product is neither the acknowledged save nor the one in flight on {}",
                    backend.name
                );
            }
            let comments: Vec<String> = db::products::comments(&backend.db, product)
                .await
                .unwrap()
                .into_iter()
                .map(|c| c.body)
                .collect();
            for c in &a.comments {
                assert!(
                    comments.contains(c),
                    "acknowledged comment {c} lost on {}",
                    backend.name
                );
            }
            totals.2 += a.comments.len();
            totals.3 += usize::from(a.product.is_some());
            totals.0 += a.agenda.len();
            totals.1 += a.organisations.len();
        }
        let (_, total) =
            db::organisations::search(&backend.db, None, Some("Associazione crash"), 1, 0)
                .await
                .unwrap();
        assert!(total as usize >= totals.1);
        assert!(totals.0 > CYCLES, "the writers wrote on {}", backend.name);
        assert!(
            totals.2 > CYCLES,
            "the comment writer wrote on {}",
            backend.name
        );
        if backend.name == "postgres" {
            assert_eq!(database_kills, CYCLES / 2);
        }
        println!(
            "{}: {CYCLES} kills ({database_kills} of the database server too), {} agenda items, {} organisations and {} comments acknowledged, all found; the product held its last acknowledged save after {} cycles",
            backend.name, totals.0, totals.1, totals.2, totals.3
        );
    }
}
