//! Test support shared by the integration suites: the application with the demo data on a fresh
//! database of each backend, an HTTP client with cookies, and a real SMTP server.

#![allow(dead_code)]

use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use db::testing::Backend;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use tower::ServiceExt;

/// The application on one backend, with the demo loaded.
pub struct App {
    pub backend: Backend,
    pub state: web::AppState,
    pub router: Router,
}

impl App {
    pub fn db(&self) -> &db::Db {
        &self.backend.db
    }

    pub fn client(&self) -> Client {
        Client {
            router: self.router.clone(),
            cookies: BTreeMap::new(),
            headers: Vec::new(),
        }
    }

    /// A client of a second instance over the same database and files, with caches of its own:
    /// what one instance changes must show at once on the other.
    pub fn other_instance(&self) -> Client {
        let files = self.backend.dir.path().join("files");
        Client::over(web::app(web::AppState::new(
            self.db().clone(),
            web::Config::local("http://ponte.test"),
            storage::Storage::open(&files.display().to_string()).expect("storage opens"),
        )))
    }

    /// A client signed in as `email` with the demo password.
    pub async fn signed_in(&self, email: &str) -> Client {
        let mut c = self.client();
        let r = c.sign_in(email).await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "sign-in of {email} failed on {}: {}",
            self.backend.name,
            r.body
        );
        c
    }

    /// The first product of `kind` of `organisation`.
    pub async fn product_of_kind(&self, organisation: uuid::Uuid, kind: &str) -> uuid::Uuid {
        db::products::list(self.db(), organisation)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.kind == kind)
            .unwrap_or_else(|| panic!("no {kind} product"))
            .id
    }

    /// The id of the demo organisation called `name`.
    pub async fn organisation(&self, name: &str) -> uuid::Uuid {
        let (found, _) = db::organisations::search(self.db(), None, Some(name), 5, 0)
            .await
            .unwrap();
        found
            .iter()
            .find(|o| o.data.name == name)
            .unwrap_or_else(|| panic!("no organisation {name}"))
            .id
    }
}

/// Builds the application on `backend` with the demo data.
pub async fn app_on(backend: Backend) -> App {
    let files = backend.dir.path().join("files");
    let storage = storage::Storage::open(&files.display().to_string()).expect("storage opens");
    app_with_storage(backend, storage).await
}

/// Builds the application on `backend` with the demo data, keeping files in `storage`.
pub async fn app_with_storage(backend: Backend, storage: storage::Storage) -> App {
    ponte::demo::load(&backend.db, &storage, false)
        .await
        .expect("demo loads");
    let mut config = web::Config::local("http://ponte.test");
    config.trust_proxy = true;
    let state = web::AppState::new(backend.db.clone(), config, storage);
    let router = web::app(state.clone());
    App {
        backend,
        state,
        router,
    }
}

/// The application on every backend, SQLite first.
pub async fn apps() -> Vec<App> {
    let mut out = Vec::new();
    for b in db::testing::backends().await {
        out.push(app_on(b).await);
    }
    out
}

/// A response, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as sent, for files.
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

/// An HTTP client over the router, keeping cookies like a browser.
#[derive(Clone)]
pub struct Client {
    router: Router,
    pub cookies: BTreeMap<String, String>,
    pub headers: Vec<(String, String)>,
}

impl Client {
    /// A client of another router (another instance on the same database).
    pub fn over(router: Router) -> Client {
        Client {
            router,
            cookies: BTreeMap::new(),
            headers: Vec::new(),
        }
    }
}

pub fn urlencode(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl Client {
    /// Signs in as `email` with the demo password.
    pub async fn sign_in(&mut self, email: &str) -> Reply {
        self.post(
            "/sign-in",
            &[("email", email), ("password", ponte::demo::DEMO_PASSWORD)],
        )
        .await
    }

    pub async fn send(
        &mut self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Reply {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, "ponte.test");
        if let Some(ct) = content_type {
            req = req.header(header::CONTENT_TYPE, ct);
        }
        if !self.cookies.is_empty() {
            let c = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            req = req.header(header::COOKIE, c);
        }
        for (k, v) in &self.headers {
            req = req.header(k.as_str(), v.as_str());
        }
        let response = self
            .router
            .clone()
            .oneshot(req.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        for set in headers.get_all(header::SET_COOKIE) {
            let text = set.to_str().unwrap();
            let (pair, attrs) = text.split_once(';').unwrap_or((text, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if attrs.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), value.to_string());
            }
        }
        let bytes = to_bytes(response.into_body(), 16 * 1024 * 1024)
            .await
            .unwrap();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).to_string(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        self.send(Method::GET, path, None, Vec::new()).await
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Reply {
        self.send(
            Method::POST,
            path,
            Some("application/x-www-form-urlencoded"),
            urlencode(form).into_bytes(),
        )
        .await
    }

    pub fn session(&self) -> Option<String> {
        self.cookies.get("ponte_session").cloned()
    }
}

/// A multipart/form-data body of `(name, file name, content)` parts, with its content type.
pub fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "ponte-test-boundary";
    let mut body = Vec::new();
    for (name, file, content) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file {
            Some(f) => body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes()),
            None => body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes()),
        }
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Whether the person running the tests asked to skip the tests that need `what` (`s3`,
/// `shared-data`): `PONTE_TEST_SKIP` is a comma-separated list. Without it a missing dependency
/// fails the test with what to install; `scripts/test` refuses the variable.
pub fn skipped(what: &str) -> bool {
    std::env::var("PONTE_TEST_SKIP")
        .map(|v| v.split(',').any(|s| s.trim() == what))
        .unwrap_or(false)
}

/// The official data file `relative` (e.g. `istat/Elenco-comuni-italiani.csv`) of the shared data
/// folder beside the repository, or of the folder named by `PONTE_TEST_DATA`. `None` only when
/// `PONTE_TEST_SKIP` names `shared-data`; otherwise a missing file fails the test.
pub fn official_data(relative: &str) -> Option<PathBuf> {
    let folder = std::env::var("PONTE_TEST_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("../shared/data"));
    let path = folder.join(relative);
    if path.exists() {
        return Some(path);
    }
    if skipped("shared-data") {
        eprintln!(
            "SKIPPED (PONTE_TEST_SKIP=shared-data): {} is missing",
            path.display()
        );
        return None;
    }
    panic!(
        "{} is missing. The official data files are read from the shared data folder beside the \
         repository (../shared/data) or from PONTE_TEST_DATA: the IATI codelists and schema come \
         in the PyPI package pyIATI==0.4.1 (iati/resources/standard/2-03/), the ISTAT list is \
         ISTAT's Elenco-comuni-italiani.csv. Set PONTE_TEST_SKIP=shared-data to skip on purpose.",
        path.display()
    )
}

/// A real SMTP server (aiosmtpd) writing what it receives into a folder.
pub struct SmtpSink {
    child: Child,
    pub port: u16,
    pub dir: db::testing::TempDir,
}

impl SmtpSink {
    /// A plain SMTP server.
    pub fn start() -> SmtpSink {
        SmtpSink::spawn(db::testing::TempDir::new("ponte-mail"), &[])
    }

    /// A server that requires STARTTLS, with a certificate for `localhost` signed by a test
    /// certificate authority; returns the authority's certificate (PEM) too.
    pub fn start_with_starttls() -> (SmtpSink, Vec<u8>) {
        let dir = db::testing::TempDir::new("ponte-mail-tls");
        let d = dir.path();
        db::testing::make_certificates(d);
        let ca = std::fs::read(d.join("ca.pem")).unwrap();
        let cert = d.join("server.pem").display().to_string();
        let key = d.join("server.key").display().to_string();
        (SmtpSink::spawn(dir, &[cert, key]), ca)
    }

    fn spawn(dir: db::testing::TempDir, extra: &[String]) -> SmtpSink {
        let python = std::env::var("PONTE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = Command::new(&python)
            .arg(root().join("tests/support/smtp_sink.py"))
            .arg(port.to_string())
            .arg(dir.path())
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("start the SMTP test server with {python}: {e}"));
        let mut line = String::new();
        let stdout = child.stdout.take().unwrap();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line).unwrap();
        assert_eq!(
            line.trim(),
            "ready",
            "the SMTP test server did not start (is aiosmtpd installed for {python}?)"
        );
        SmtpSink { child, port, dir }
    }

    pub fn config(&self) -> web::SmtpConfig {
        web::SmtpConfig {
            host: "127.0.0.1".into(),
            port: self.port,
            username: None,
            password: None,
            from: "Ponte <noreply@ponte.test>".into(),
            tls: web::SmtpTls::None,
            ca_pem: None,
        }
    }

    /// Job runners that deliver email to this server.
    pub fn runners(&self) -> web::jobs::Runners {
        web::jobs::Runners::with_smtp(self.config())
    }

    /// Every message received so far, in order.
    pub fn messages(&self) -> Vec<String> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The first link to `base` in a received message (undoing quoted-printable soft breaks).
pub fn link_in(message: &str, base: &str) -> String {
    let text = message
        .replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=");
    let start = text
        .find(base)
        .unwrap_or_else(|| panic!("no link to {base} in:\n{message}"));
    text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_start_matches(base)
        .to_string()
}

/// A route's path with its parameters filled with real demo records, so that every route can be
/// requested.
pub async fn concrete_path(app: &App, path: &str) -> String {
    let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
    let salerno = app.organisation("Provincia di Salerno").await;
    let member = db::accounts::credentials(app.db(), "attore@ponte.example")
        .await
        .unwrap()
        .unwrap()
        .id;
    let session = db::labs::list(app.db(), &Default::default()).await.unwrap()[0].id;
    let material = db::labs::materials(app.db(), session).await.unwrap()[0].id;
    let strand_a = structure.strands[0].id;
    // A signed unsubscribe link of the actor's, from replies.
    let key = db::notifications::signing_key(app.db()).await.unwrap();
    let unsubscribe = web::notifications::emails::unsubscribe_url(
        "",
        &key,
        member,
        domain::notifications::Kind::Reply,
        app.db().now(),
    );
    let everything = domain::library::Scope {
        everything: true,
        ..Default::default()
    };
    let document = db::library::search(
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
        .id;
    let tables = db::tables::list(app.db()).await.unwrap();
    let table = tables
        .iter()
        .find(|t| t.lead_id == salerno)
        .expect("the demo table of Salerno")
        .id;
    // A member of that table other than its lead (leaving is walked on it).
    let table_member = db::tables::members(app.db(), table)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.organisation_id != salerno && m.left_on.is_none())
        .expect("a member of the demo table")
        .id;
    // The demo's meeting convened ahead (it can be changed and cancelled).
    let meeting = db::tables::meetings(app.db(), table)
        .await
        .unwrap()
        .into_iter()
        .rfind(|m| m.status == domain::tables::meetings::MeetingStatus::Convened)
        .expect("a meeting of the demo table")
        .id;
    // The demo's commitment the chamber of commerce (the actor's) still has ahead.
    let chamber = app.organisation("Camera di commercio di Salerno").await;
    let commitment = db::tables::commitments(app.db(), table)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.organisation_id == chamber && c.status.is_pending())
        .expect("a pending commitment of the chamber of commerce")
        .id;
    // The demo's thread in Salerno's own space, and its first message.
    let thread = db::community::threads(
        app.db(),
        domain::community::spaces::Kind::Administration,
        salerno,
        uuid::Uuid::nil(),
        1,
    )
    .await
    .unwrap()
    .0
    .last()
    .expect("a demo thread of Salerno")
    .id;
    let post = db::community::posts(app.db(), thread).await.unwrap()[0].id;
    let logframe = app.product_of_kind(salerno, "logframe").await;
    let comment = db::products::comments(app.db(), logframe).await.unwrap()[0].id;
    let call = db::calls::list(app.db()).await.unwrap()[0].id;
    // A walk may withdraw news items: the latest left, or none.
    let news = db::news::latest(app.db(), 1, 0)
        .await
        .unwrap()
        .first()
        .map_or(uuid::Uuid::nil(), |n| n.id);
    // The network's demo records: a relation and an experience of Salerno's, the group
    // «Adriatico sostenibile» (Salerno is a member) and one of its initiatives.
    let everyone = domain::network::Viewer {
        everything: true,
        ..Default::default()
    };
    let salerno_only = db::network::RelationFilter {
        organisation: Some(salerno),
        ..Default::default()
    };
    let relation = db::network::relations(app.db(), &everyone, &salerno_only, 0)
        .await
        .unwrap()
        .0[0]
        .id;
    let experience = db::network::experiences(app.db(), &everyone, Some(salerno), 0)
        .await
        .unwrap()
        .0[0]
        .id;
    let group = db::network::groups(app.db())
        .await
        .unwrap()
        .into_iter()
        .find(|g| g.name == "Adriatico sostenibile")
        .expect("the demo group")
        .id;
    let initiative = db::network::initiatives(app.db(), Some(group))
        .await
        .unwrap()[0]
        .id;
    path.replace(
        "/community/spaces/{kind}/{id}",
        &format!("/community/spaces/administration/{salerno}"),
    )
    .replace(
        "/community/threads/{id}",
        &format!("/community/threads/{thread}"),
    )
    .replace("/community/posts/{id}", &format!("/community/posts/{post}"))
    // Withdrawing and changing are tried on none (the demo's stay for the other routes).
    .replace(
        "/news/{id}/delete",
        &format!("/news/{}/delete", uuid::Uuid::nil()),
    )
    .replace("/news/{id}", &format!("/news/{news}"))
    .replace("/events/{id}", &format!("/events/{}", uuid::Uuid::nil()))
    .replace(
        "/community/reports/{id}",
        &format!("/community/reports/{}", uuid::Uuid::nil()),
    )
    .replace("/calls/{id}", &format!("/calls/{call}"))
    .replace("{product}", &logframe.to_string())
    .replace("{comment}", &comment.to_string())
    .replace("/tables/{id}", &format!("/tables/{table}"))
    .replace("{member}", &table_member.to_string())
    .replace("{meeting}", &meeting.to_string())
    .replace("{commitment}", &commitment.to_string())
    .replace("{format}", "docx")
    .replace(
        "/library/documents/{id}",
        &format!("/library/documents/{document}"),
    )
    .replace(
        "/programme/texts/{kind}/{id}",
        &format!("/programme/texts/strands/{strand_a}"),
    )
    .replace("/certificates/{code}", "/certificates/ABCD-EFGH-JKMN")
    .replace("/labs/sessions/{id}", &format!("/labs/sessions/{session}"))
    .replace(
        "/labs/cohorts/{id}",
        &format!("/labs/cohorts/{}", structure.cohorts[0].id),
    )
    .replace(
        "/labs/materials/{id}",
        &format!("/labs/materials/{material}"),
    )
    .replace("{item}", &uuid::Uuid::nil().to_string())
    .replace("/organisations/{id}", &format!("/organisations/{salerno}"))
    .replace("/admin/users/{id}", &format!("/admin/users/{member}"))
    .replace(
        "/programme/modules/{id}",
        &format!("/programme/modules/{}", structure.modules[0].id),
    )
    .replace(
        "/programme/cohorts/{id}",
        &format!("/programme/cohorts/{}", structure.cohorts[0].id),
    )
    .replace("/strands/{code}", "/strands/A")
    .replace("/language/{code}", "/language/en")
    .replace("/unsubscribe/{token}", &unsubscribe)
    .replace("{token}", &"0".repeat(64))
    .replace("{page}", "privacy")
    .replace("{*path}", "ponte.css")
    .replace("/network/countries/{code}", "/network/countries/AL")
    .replace(
        "/network/open-data/{file}",
        "/network/open-data/relations.csv",
    )
    .replace(
        "/network/groups/{id}/graph",
        &format!("/network/groups/{}/graph", uuid::Uuid::nil()),
    )
    .replace(
        "/network/relations/{id}",
        &format!("/network/relations/{relation}"),
    )
    .replace(
        "/network/experiences/{id}",
        &format!("/network/experiences/{experience}"),
    )
    .replace("/network/groups/{id}", &format!("/network/groups/{group}"))
    .replace(
        "/network/initiatives/{id}",
        &format!("/network/initiatives/{initiative}"),
    )
    // Removing a member or a pooled relation is walked on one that is not there (404).
    .replace("{organisation}", &uuid::Uuid::nil().to_string())
    .replace("{relation}", &uuid::Uuid::nil().to_string())
}
