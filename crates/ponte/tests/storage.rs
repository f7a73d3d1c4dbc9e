//! Files in an S3-compatible bucket: the storage client against a real S3 server (s3s-fs, which
//! `scripts/test` installs), then the library storing, extracting and serving a document there.

mod common;

use axum::http::{Method, StatusCode};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The s3s-fs binary: `PONTE_TEST_S3S`, else where `scripts/test` installs it. `None` only when
/// `PONTE_TEST_SKIP` names `s3`; otherwise a missing server fails the test.
fn s3s_binary() -> Option<PathBuf> {
    let binary = std::env::var("PONTE_TEST_S3S")
        .map(PathBuf::from)
        .unwrap_or_else(|_| common::root().join("target/tools/bin/s3s-fs"));
    if binary.exists() {
        return Some(binary);
    }
    if common::skipped("s3") {
        eprintln!("SKIPPED (PONTE_TEST_SKIP=s3): the S3 server s3s-fs is not installed");
        return None;
    }
    panic!(
        "the S3 server s3s-fs is not installed at {}: install it with `cargo install s3s-fs \
         --version 0.14.1 --features binary --locked --root target/tools` (as scripts/test does) or \
         name it in PONTE_TEST_S3S; set PONTE_TEST_SKIP=s3 to skip on purpose",
        binary.display()
    )
}

struct S3Server {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn start_s3() -> Option<S3Server> {
    let binary = s3s_binary()?;
    let dir = std::env::temp_dir().join(format!("ponte-s3-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(binary)
        .args([
            "--host",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--access-key",
            "ponte",
            "--secret-key",
            "ponte-secret-key",
        ])
        .arg(&dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start s3s-fs");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "s3s-fs did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(S3Server { child, port, dir })
}

fn url(server: &S3Server, secret: &str) -> String {
    format!(
        "s3+http://ponte:{secret}@127.0.0.1:{}/ponte-files",
        server.port
    )
}

#[tokio::test]
async fn the_storage_client_speaks_s3_to_a_real_server() {
    let Some(server) = start_s3() else { return };
    let store = storage::Storage::open(&url(&server, "ponte-secret-key")).unwrap();
    store.prepare().await.unwrap();
    store.prepare().await.unwrap();
    let big: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    let key = store.put(&big).await.unwrap();
    assert_eq!(store.get(key).await.unwrap(), big);
    let small = store.put(b"quadro logico").await.unwrap();
    assert_eq!(store.get(small).await.unwrap(), b"quadro logico");
    // The object is a file in the server's bucket folder, under the server-generated key.
    let name = small.0.simple().to_string();
    assert!(server
        .dir
        .join("ponte-files")
        .join(&name[..2])
        .join(&name)
        .exists());
    store.delete(small).await.unwrap();
    assert!(matches!(
        store.get(small).await,
        Err(storage::StorageError::NotFound)
    ));
    store.delete(small).await.unwrap();
    // A wrong secret is refused by the server.
    let wrong = storage::Storage::open(&url(&server, "not-the-secret")).unwrap();
    match wrong.get(key).await {
        Err(storage::StorageError::Remote(status, _)) => assert_eq!(status, 403),
        other => panic!("expected a refusal, got {:?}", other.map(|b| b.len())),
    }
}

#[tokio::test]
async fn library_documents_live_in_the_bucket() {
    let Some(server) = start_s3() else { return };
    for backend in db::testing::backends().await {
        let store = storage::Storage::open(&url(&server, "ponte-secret-key")).unwrap();
        store.prepare().await.unwrap();
        let app = common::app_with_storage(backend, store).await;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let text = "Piano di lavoro con la municipalità di Përmet per il turismo rurale.";
        let (ct, body) = common::multipart(&[
            ("title", None, b"Piano di lavoro con Permet"),
            ("kind", None, b"report"),
            ("language", None, b"it"),
            ("visibility", None, b"programme"),
            (
                "file",
                Some("piano.html"),
                format!("<html><body><p>{text}</p></body></html>").as_bytes(),
            ),
        ]);
        let r = staff
            .send(Method::POST, "/library/documents", Some(&ct), body)
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            app.backend.name,
            r.body
        );
        let runners = web::jobs::Runners {
            smtp: None,
            storage: Some(app.state.storage.clone()),
            base_url: String::new(),
        };
        assert_eq!(web::jobs::run_due(app.db(), &runners).await, 1);
        let id = uuid::Uuid::parse_str(r.location().rsplit('/').next().unwrap()).unwrap();
        let doc = db::library::document(app.db(), id).await.unwrap().unwrap();
        assert_eq!(doc.extraction, "done", "{:?}", doc.extraction_error);
        let page = staff.get("/library?q=permet+turismo").await;
        assert!(
            page.body
                .contains("Piano di lavoro con <mark>Permet</mark>"),
            "{}",
            app.backend.name
        );
        let file = staff.get(&format!("{}/file", r.location())).await;
        assert_eq!(file.status, StatusCode::OK);
        assert!(String::from_utf8_lossy(&file.bytes).contains("Përmet"));
        // Deleting the document deletes its object.
        let key = db::library::document(app.db(), id)
            .await
            .unwrap()
            .unwrap()
            .storage_key
            .unwrap();
        let name = key.simple().to_string();
        let object = server.dir.join("ponte-files").join(&name[..2]).join(&name);
        assert!(object.exists());
        staff.post(&format!("{}/delete", r.location()), &[]).await;
        assert!(!object.exists());
    }
}
