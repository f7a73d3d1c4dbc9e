//! Hostile input for a bounded number of rounds, with a fixed seed so that a failure can be
//! replayed: random and malformed bodies on every unsafe route, invalid UTF-8, oversized bodies
//! and fields, broken multipart uploads, and mangled ISTAT files. Nothing may panic or answer 5xx.

mod common;

use axum::http::{Method, StatusCode};
use common::{apps, concrete_path};

/// A small deterministic generator (xorshift64*), enough to vary inputs reproducibly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

const FIELDS: &[&str] = &[
    "title",
    "name",
    "email",
    "version",
    "status",
    "date",
    "start",
    "end",
    "capacity",
    "module_id",
    "cohort_id",
    "present",
    "code",
    "days_min",
    "delivery",
    "product",
    "organisation",
    "strand",
    "phase_id",
    "useful",
    "went_well",
    "direction",
    "text",
    "category",
    "password",
];

const VALUES: &[&str] = &[
    "",
    "0",
    "-1",
    "99999999999999999999",
    "2027-02-30",
    "25:61",
    "00000000-0000-0000-0000-000000000000",
    "%00",
    "%ZZ",
    "%C3%28",
    "<script>",
    "'; DROP TABLE users; --",
    "held",
    "up",
    "1,5",
    "x:y",
    "NaN",
];

fn body(rng: &mut Rng) -> Vec<u8> {
    match rng.below(4) {
        // Random bytes.
        0 => {
            let len = rng.below(600);
            rng.bytes(len)
        }
        // Plausible pairs with hostile values, some repeated.
        _ => {
            let mut out = Vec::new();
            for i in 0..rng.below(12) {
                if i > 0 {
                    out.push(b'&');
                }
                out.extend_from_slice(FIELDS[rng.below(FIELDS.len())].as_bytes());
                out.push(b'=');
                if rng.below(5) == 0 {
                    let len = rng.below(40);
                    out.extend(
                        rng.bytes(len)
                            .iter()
                            .map(|b| if *b == b'&' { b'a' } else { *b }),
                    );
                } else {
                    out.extend_from_slice(VALUES[rng.below(VALUES.len())].as_bytes());
                }
            }
            out
        }
    }
}

#[tokio::test]
async fn random_bodies_on_every_unsafe_route_never_fail_the_server() {
    for app in apps().await {
        let mut rng = Rng(0x05ee_d0f9_027e);
        let mut admin = app.signed_in("admin@ponte.example").await;
        let mut sent = 0;
        for route in web::routes::all()
            .into_iter()
            .filter(|r| r.method == Method::POST)
        {
            if route.name == "accounts.sign_out" {
                continue;
            }
            let path = concrete_path(&app, route.path).await;
            for round in 0..16 {
                let content_type = match round % 4 {
                    0 => "application/x-www-form-urlencoded",
                    1 => "multipart/form-data; boundary=xyz",
                    2 => "application/json",
                    _ => "application/x-www-form-urlencoded; charset=utf-8",
                };
                let r = admin
                    .send(Method::POST, &path, Some(content_type), body(&mut rng))
                    .await;
                assert!(
                    r.status.as_u16() < 500,
                    "{path} answered {} on {}",
                    r.status,
                    app.backend.name
                );
                sent += 1;
            }
            // Keep the session: a random body might have changed the admin's own password or name.
            if admin.get("/profile").await.status != StatusCode::OK {
                admin = app.signed_in("admin@ponte.example").await;
            }
        }
        assert!(sent > 500);
    }
}

#[tokio::test]
async fn invalid_utf8_and_oversized_input_get_a_4xx() {
    for app in apps().await {
        let mut staff = app.signed_in("staff@ponte.example").await;
        let path = "/labs/sessions";
        let invalid = staff
            .send(
                Method::POST,
                path,
                Some("application/x-www-form-urlencoded"),
                b"title=%C3%28&date=%FF%FE".to_vec(),
            )
            .await;
        assert_eq!(invalid.status, StatusCode::BAD_REQUEST);
        let raw = staff
            .send(
                Method::POST,
                path,
                Some("application/x-www-form-urlencoded"),
                b"title=\xff\xfe".to_vec(),
            )
            .await;
        assert!(raw.status.is_client_error(), "{}", raw.status);
        let huge = format!("title={}", "a".repeat(200 * 1024));
        let r = staff
            .send(
                Method::POST,
                path,
                Some("application/x-www-form-urlencoded"),
                huge.into_bytes(),
            )
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
        let long_title = "a".repeat(5000);
        let r = staff.post(path, &[("title", &long_title)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Il testo è troppo lungo"));
        // A multipart upload whose body stops half-way, or is far too big.
        let session = db::labs::list(app.db(), &Default::default()).await.unwrap()[0].id;
        let upload = format!("/labs/sessions/{session}/materials");
        let cut = b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7".to_vec();
        let r = staff
            .send(
                Method::POST,
                &upload,
                Some("multipart/form-data; boundary=b"),
                cut,
            )
            .await;
        assert!(r.status.is_client_error(), "{}", r.status);
        let mut big =
            b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
                .to_vec();
        big.extend(std::iter::repeat_n(b'a', 11 * 1024 * 1024));
        big.extend_from_slice(b"\r\n--b--\r\n");
        let r = staff
            .send(
                Method::POST,
                &upload,
                Some("multipart/form-data; boundary=b"),
                big,
            )
            .await;
        assert!(r.status.is_client_error(), "{}", r.status);
        assert!(db::labs::materials(app.db(), session)
            .await
            .unwrap()
            .iter()
            .all(|m| m.file_name.as_deref() != Some("a.txt")));
    }
}

#[tokio::test]
async fn malformed_ids_in_paths_are_not_found() {
    for app in apps().await {
        let mut admin = app.signed_in("admin@ponte.example").await;
        let salerno = app.organisation("Provincia di Salerno").await;
        let logframe = app.product_of_kind(salerno, "logframe").await;
        let session = db::labs::list(app.db(), &Default::default()).await.unwrap()[0].id;
        let gets = [
            "/labs/sessions/not-an-id".to_string(),
            "/organisations/x/products/y".to_string(),
            "/library/documents/%27".to_string(),
            format!("/organisations/{salerno}/products/y"),
            "/programme/texts/strands/123".to_string(),
            "/products/models/1%20OR%201=1".to_string(),
        ];
        for path in &gets {
            let r = admin.get(path).await;
            assert_eq!(
                r.status,
                StatusCode::NOT_FOUND,
                "{path} on {}",
                app.backend.name
            );
            assert!(
                r.body.contains("La pagina richiesta non esiste"),
                "{path} on {}: {}",
                app.backend.name,
                r.body
            );
        }
        // Actions too, refused before their form is read.
        let posts = [
            format!("/labs/sessions/{session}/agenda/%3Cscript%3E/remove"),
            format!("/organisations/{salerno}/products/{logframe}/comments/x/resolve"),
        ];
        for path in &posts {
            let r = admin.post(path, &[("resolved", "1")]).await;
            assert_eq!(
                r.status,
                StatusCode::NOT_FOUND,
                "{path} on {}",
                app.backend.name
            );
        }
        // The page in the viewer's language.
        admin.cookies.insert("ponte_lang".into(), "en".into());
        let r = admin.get("/labs/sessions/not-an-id").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(r.body.contains("The page you asked for does not exist"));
    }
}

#[test]
fn mangled_istat_files_are_refused_without_panicking() {
    let Some(path) = common::official_data("istat/Elenco-comuni-italiani.csv") else {
        return;
    };
    let original = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sample: Vec<u8> = original.iter().copied().take(40_000).collect();
    let mut rng = Rng(0x157a7);
    for _ in 0..400 {
        let mut bytes = sample.clone();
        match rng.below(4) {
            0 => {
                for _ in 0..rng.below(20) + 1 {
                    let i = rng.below(bytes.len());
                    bytes[i] = rng.next() as u8;
                }
            }
            1 => bytes.truncate(rng.below(bytes.len())),
            2 => {
                let at = rng.below(bytes.len());
                let len = rng.below(200);
                let noise = rng.bytes(len);
                bytes.splice(at..at, noise);
            }
            _ => {
                let len = rng.below(3000);
                bytes = rng.bytes(len);
            }
        }
        // Either rows or row errors: never a panic.
        let _ = domain::organisations::istat::parse(&bytes);
    }
}
