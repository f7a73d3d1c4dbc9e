//! Every export (DOCX, PDF, XLSX, CSV, iCalendar) made from content in many scripts and with
//! formula-like text, opened by independent readers (python-docx, pypdf, openpyxl, Python's csv,
//! icalendar from the test virtual environment), on both databases; the certificate (one per
//! person and season, in the reader's language), the personal calendar feed and the editor's
//! large forms.

mod common;

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use common::{apps, App, Client};
use serde_json::Value;
use uuid::Uuid;

const MEMBER: &str = "membro@ponte.example";
const TUTOR: &str = "tutor@ponte.example";

/// Text in many scripts, with what spreadsheets would run as formulas.
const MIXED: &str = "=1+1 @SUM(A1:A9) 😀 北京市 東京 서울 القاهرة Київ Αθήνα";

/// Opens `bytes` with the reader for `kind` and returns what it read, as JSON.
fn read(kind: &str, bytes: &[u8]) -> Value {
    let python = std::env::var("PONTE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = r#"
import sys, io, json
kind = sys.argv[1]
data = sys.stdin.buffer.read()
out = {}
if kind == "docx":
    import docx
    d = docx.Document(io.BytesIO(data))
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    out["text"] = "\n".join([p.text for p in d.paragraphs] + cells)
    out["language"] = d.core_properties.language
    out["title"] = d.core_properties.title
elif kind == "pdf":
    import pypdf
    r = pypdf.PdfReader(io.BytesIO(data))
    out["text"] = "\n".join(p.extract_text() for p in r.pages)
    out["lang"] = str(r.trailer["/Root"].get("/Lang"))
elif kind == "xlsx":
    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(data))
    out["sheets"] = wb.sheetnames
    out["cells"] = [[[[type(c.value).__name__, "" if c.value is None else str(c.value)] for c in row] for row in ws.iter_rows()] for ws in wb]
    out["widths"] = [[ws.column_dimensions[k].width for k in sorted(ws.column_dimensions.keys())] for ws in wb]
    out["formulas"] = sum(1 for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f")
elif kind == "csv":
    import csv
    out["rows"] = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
elif kind == "ics":
    import icalendar
    cal = icalendar.Calendar.from_ical(data)
    out["events"] = [{"summary": str(e.get("SUMMARY")), "status": str(e.get("STATUS")), "uid": str(e.get("UID"))} for e in cal.walk("VEVENT")]
print(json.dumps(out))
"#;
    let mut child = std::process::Command::new(&python)
        .args(["-c", script, kind])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{python}: {e}"));
    use std::io::Write;
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the {kind} reader refused the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn text(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

/// An English reader.
fn english(mut c: Client) -> Client {
    c.headers
        .push(("accept-language".into(), "en-GB,en;q=0.9".into()));
    c
}

async fn user_id(app: &App, email: &str) -> Uuid {
    db::accounts::credentials(app.db(), email)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// A new product of `kind` of `org`, made through the form; its path.
async fn create(client: &mut Client, org: Uuid, kind: &str, title: &str) -> String {
    let r = client
        .post(
            &format!("/organisations/{org}/products"),
            &[
                ("title", title),
                ("kind", kind),
                ("mode", ""),
                ("due_on", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().trim_end_matches("/edit").to_string()
}

fn edit_number(page: &str) -> String {
    let at = page.find("name=\"edit\" value=\"").unwrap() + 19;
    page[at..].split('"').next().unwrap().to_string()
}

#[tokio::test]
async fn text_products_export_in_any_script_and_say_which_version() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut member = english(app.signed_in(MEMBER).await);
        let path = create(&mut member, salerno, "document", MIXED).await;
        let edit = member.get(&format!("{path}/edit")).await;
        let markdown = format!(
            "## {MIXED}\n\n{MIXED}\n\n- {MIXED}\n\n| A | B |\n|---|---|\n| {MIXED} | =2+2 |\n"
        );
        let r = member
            .post(
                &path,
                &[
                    ("edit", edit_number(&edit.body).as_str()),
                    ("title", MIXED),
                    ("markdown", &markdown),
                    ("due_on", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let docx = member.get(&format!("{path}/export/docx")).await;
        assert_eq!(docx.status, StatusCode::OK, "{}", docx.body);
        let d = read("docx", &docx.bytes);
        for word in [
            "=1+1",
            "@SUM(A1:A9)",
            "😀",
            "北京市",
            "서울",
            "القاهرة",
            "Київ",
            "Αθήνα",
        ] {
            assert!(text(&d, "text").contains(word), "{word} in {d}");
        }
        assert_eq!(d["language"], "en", "the document's language");
        assert!(text(&d, "text").contains("Current draft of"), "{d}");
        let pdf = member.get(&format!("{path}/export/pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.body);
        let p = read("pdf", &pdf.bytes);
        assert_eq!(p["lang"], "en", "the PDF's /Lang");
        for word in ["=1+1", "北京市", "東京", "서울", "Київ", "Αθήνα"] {
            assert!(text(&p, "text").contains(word), "{word} in {p}");
        }
        // Submitted and approved: the exports say which version, its state, when and by whom.
        let r = member
            .post(
                &format!("{path}/review"),
                &[("action", "submit"), ("note", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let d = read(
            "docx",
            &member.get(&format!("{path}/export/docx")).await.bytes,
        );
        assert!(
            text(&d, "text").contains("Version 1, submitted for review on"),
            "{d}"
        );
        let mut tutor = app.signed_in(TUTOR).await;
        let r = tutor
            .post(&format!("{path}/review"), &[("action", "approve")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let tutor_name = db::accounts::user(app.db(), user_id(&app, TUTOR).await)
            .await
            .unwrap()
            .name;
        for format in ["docx", "pdf"] {
            let file = member.get(&format!("{path}/export/{format}")).await;
            let got = read(format, &file.bytes);
            let all = text(&got, "text").replace('\n', " ");
            assert!(all.contains("Version 1, approved on"), "{got}");
            assert!(all.contains(&tutor_name), "by whom: {got}");
            assert!(!all.contains("draft"), "{got}");
        }
        // Italian readers read it in Italian.
        let mut italian = app.signed_in(MEMBER).await;
        let d = read(
            "docx",
            &italian.get(&format!("{path}/export/docx")).await.bytes,
        );
        assert!(text(&d, "text").contains("Versione 1, approvata il"), "{d}");
        assert_eq!(d["language"], "it");
    }
}

#[tokio::test]
async fn the_logframe_workbook_has_numbers_dates_and_whole_sheet_names() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut member = english(app.signed_in(MEMBER).await);
        let path = create(&mut member, salerno, "logframe", "Quadro logico di prova").await;
        let id = Uuid::parse_str(path.rsplit('/').next().unwrap()).unwrap();
        // The content as the editor would store it, with an indicator in many scripts.
        let p = db::products::get(app.db(), id).await.unwrap().unwrap();
        let mut lf = match domain::products::Content::from_json(&p.content) {
            domain::products::Content::Logframe(lf) => lf,
            other => panic!("{other:?}"),
        };
        lf.rows[0].text = MIXED.into();
        let mut indicator = domain::products::logframe::Indicator {
            id: "i1".into(),
            text: MIXED.into(),
            unit: "=HYPERLINK(\"x\")".into(),
            measure: domain::products::logframe::Measure::ALL[0],
            direction: domain::products::logframe::Direction::ALL[0],
            baseline: "12".into(),
            baseline_year: Some(2024),
            target: "7,5".into(),
            target_date: "2027-12-31".into(),
            milestones: "@SUM(1)".into(),
            source: "-1+2".into(),
            disaggregation: String::new(),
        };
        lf.rows[0].indicators = vec![indicator.clone()];
        indicator.id = "i2".into();
        indicator.baseline = "35%".into();
        indicator.target = "1.200".into();
        lf.rows[0].indicators.push(indicator);
        let json = domain::products::Content::Logframe(lf).to_json();
        db::products::save(
            app.db(),
            id,
            p.version,
            &db::products::Save {
                title: &p.title,
                content: &json,
                due_on: None,
                version_label: None,
            },
            None,
        )
        .await
        .unwrap();
        let xlsx = member.get(&format!("{path}/export/xlsx")).await;
        assert_eq!(xlsx.status, StatusCode::OK, "{}", xlsx.body);
        let x = read("xlsx", &xlsx.bytes);
        assert_eq!(x["sheets"], serde_json::json!(["Logframe", "Indicators"]));
        assert_eq!(x["formulas"], 0, "no cell is a formula");
        let indicators = x["cells"][1].as_array().unwrap();
        let first = indicators[1].as_array().unwrap();
        let typed = |row: &[Value], k: usize| {
            (
                row[k][0].as_str().unwrap().to_string(),
                row[k][1].as_str().unwrap().to_string(),
            )
        };
        assert_eq!(typed(first, 2), ("str".into(), MIXED.into()));
        assert_eq!(typed(first, 3), ("str".into(), "=HYPERLINK(\"x\")".into()));
        assert_eq!(typed(first, 6), ("int".into(), "12".into()), "baseline");
        assert_eq!(typed(first, 7), ("int".into(), "2024".into()), "year");
        assert_eq!(typed(first, 8), ("float".into(), "7.5".into()), "target");
        assert_eq!(
            typed(first, 9),
            ("datetime".into(), "2027-12-31 00:00:00".into()),
            "target date"
        );
        let second = indicators[2].as_array().unwrap();
        assert_eq!(
            typed(second, 6),
            ("str".into(), "35%".into()),
            "kept as typed"
        );
        assert_eq!(
            typed(second, 8),
            ("str".into(), "1.200".into()),
            "ambiguous"
        );
        for sheet in x["widths"].as_array().unwrap() {
            assert!(
                !sheet.as_array().unwrap().is_empty(),
                "columns have widths: {x}"
            );
        }
        // The PDF of the logframe, in any script.
        let pdf = member.get(&format!("{path}/export/pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.body);
        assert!(text(&read("pdf", &pdf.bytes), "text").contains("Київ"));
    }
}

#[tokio::test]
async fn the_registry_csv_neutralises_formulas_and_names_organisations() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut data = db::organisations::get(app.db(), salerno)
            .await
            .unwrap()
            .data;
        data.name = MIXED.into();
        data.tax_code = None;
        data.ipa_code = None;
        data.istat_code = None;
        db::organisations::create(app.db(), &data, None)
            .await
            .unwrap();
        let mut staff = app.signed_in("staff@ponte.example").await;
        let csv = staff.get("/organisations.csv").await;
        assert_eq!(csv.status, StatusCode::OK);
        let c = read("csv", &csv.bytes);
        let rows = c["rows"].as_array().unwrap();
        assert_eq!(rows[0][0], "Denominazione", "not a person's name");
        assert!(
            rows.iter().any(|r| r[0] == format!("'{MIXED}")),
            "the formula-like name starts with an apostrophe: {c}"
        );
        let mut staff = english(staff);
        let c = read("csv", &staff.get("/organisations.csv").await.bytes);
        assert_eq!(c["rows"][0][0], "Name of the organisation");
        let page = staff.get("/organisations").await;
        assert!(!page.body.contains("Full name"), "the registry's table");
    }
}

#[tokio::test]
async fn the_personal_feed_holds_the_persons_registrations_and_invitations() {
    for app in apps().await {
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        let draft = |title: &str, days: i64| domain::labs::SessionDraft {
            module_id: structure.modules[0].id,
            cohort_id: structure.cohorts[0].id,
            title: title.into(),
            starts_at: Utc::now() + Duration::days(days),
            ends_at: Utc::now() + Duration::days(days) + Duration::hours(2),
            place: MIXED.into(),
            online_url: String::new(),
            capacity: 30,
            table_id: None,
            group_id: None,
        };
        let registered = db::labs::create(app.db(), &draft(&format!("A {MIXED}"), 40), None)
            .await
            .unwrap();
        let invited = db::labs::create(app.db(), &draft(&format!("B {MIXED}"), 41), None)
            .await
            .unwrap();
        let other = db::labs::create(app.db(), &draft("Not mine", 42), None)
            .await
            .unwrap();
        // Both confirmed: only the invitation is tentative.
        for id in [registered, invited] {
            use domain::labs::Status::{Confirmed, Planned};
            db::labs::set_status(app.db(), id, Planned, Confirmed, None)
                .await
                .unwrap();
        }
        let mut member = app.signed_in(MEMBER).await;
        let r = member
            .post(&format!("/labs/sessions/{registered}/register"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let me = user_id(&app, MEMBER).await;
        assert!(db::labs::invite(app.db(), invited, me, None).await.unwrap());
        let page = member.post("/labs/mine/feed", &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        let body = page.body.replace("&#x2f;", "/");
        assert!(body.contains("webcal://"), "a webcal: link");
        assert!(body.contains("data-copy=\"f-feed\""), "a copy button");
        let start = body.find("/labs/feeds/").unwrap();
        let path: String = body[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        let feed = app.client().get(&path).await;
        assert_eq!(feed.status, StatusCode::OK);
        let events = read("ics", feed.body.as_bytes());
        let events = events["events"].as_array().unwrap();
        let own: Vec<Uuid> = db::labs::registrations_of(app.db(), me)
            .await
            .unwrap()
            .into_iter()
            .map(|(s, _, _)| s)
            .collect();
        assert_eq!(events.len(), own.len(), "only the person's own: {events:?}");
        let find = |id: Uuid| {
            events
                .iter()
                .find(|e| text(e, "uid").starts_with(&id.to_string()))
                .cloned()
        };
        assert!(find(other).is_none(), "a cohort session not theirs");
        let a = find(registered).expect("the registration");
        assert_eq!(text(&a, "summary"), format!("A {MIXED}"));
        assert_eq!(text(&a, "status"), "CONFIRMED");
        let b = find(invited).expect("the invitation");
        assert_eq!(text(&b, "status"), "TENTATIVE");
    }
}

#[tokio::test]
async fn one_certificate_per_person_and_season_in_the_readers_language() {
    for app in apps().await {
        let mut member = app.signed_in(MEMBER).await;
        let profile = member.get("/profile").await;
        let at = profile.body.find("name=\"version\" value=\"").unwrap() + 22;
        let version: String = profile.body[at..].split('"').next().unwrap().to_string();
        let r = member
            .post(
                "/profile",
                &[
                    ("version", version.as_str()),
                    ("name", "Francesca Greco 😀 王芳 فاطمة Оксана"),
                    ("competences", ""),
                ],
            )
            .await;
        assert!(
            r.status.is_redirection() || r.status == StatusCode::OK,
            "{}",
            r.status
        );
        let first = member.get("/labs/certificate").await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.body);
        let code = |reply: &common::Reply| {
            let d = reply.headers["content-disposition"].to_str().unwrap();
            d.rsplit('-')
                .take(3)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<Vec<_>>()
                .join("-")
                .trim_end_matches(".pdf\"")
                .to_string()
        };
        let c1 = code(&first);
        let p = read("pdf", &first.bytes);
        let all = text(&p, "text").replace('\n', " ");
        for word in [
            "Ministero del Lavoro e delle Politiche Sociali",
            "Dipartimento della Funzione Pubblica",
            "Formez",
            "Attestato di partecipazione",
            "王芳",
            "Оксана",
            &c1,
        ] {
            assert!(all.contains(word), "{word} in {all}");
        }
        assert_eq!(p["lang"], "it");
        // The same code on every download, in any language.
        let mut english = english(member);
        let second = english.get("/labs/certificate").await;
        assert_eq!(second.status, StatusCode::OK);
        assert_eq!(code(&second), c1);
        let p = read("pdf", &second.bytes);
        let all = text(&p, "text").replace('\n', " ");
        assert!(all.contains("Certificate of participation"), "{all}");
        assert!(all.contains("This is to certify that"), "{all}");
        assert_eq!(p["lang"], "en");
        assert_eq!(code(&english.get("/labs/certificate").await), c1);
        let me = user_id(&app, MEMBER).await;
        let issued: i64 = match app.db().pool() {
            db::Pool::Sqlite(pool) => {
                sqlx::query_scalar("SELECT COUNT(*) FROM certificates WHERE user_id = $1")
                    .bind(me)
                    .fetch_one(pool)
                    .await
                    .unwrap()
            }
            db::Pool::Postgres(pool) => {
                sqlx::query_scalar("SELECT COUNT(*) FROM certificates WHERE user_id = $1")
                    .bind(me)
                    .fetch_one(pool)
                    .await
                    .unwrap()
            }
        };
        assert_eq!(issued, 1, "one certificate, not one per download");
        let verify = app.client().get(&format!("/certificates/{c1}")).await;
        assert_eq!(verify.status, StatusCode::OK);
        assert!(verify.body.contains("Оксана"));
    }
}

#[tokio::test]
async fn attendance_exports_list_modules_in_programme_order_and_participants_administrations() {
    for app in apps().await {
        let mut staff = app.signed_in("staff@ponte.example").await;
        let modules = staff
            .get("/labs/attendance/export?by=module&format=xlsx")
            .await;
        assert_eq!(modules.status, StatusCode::OK);
        let x = read("xlsx", &modules.bytes);
        let listed: Vec<String> = x["cells"][0].as_array().unwrap()[1..]
            .iter()
            .map(|row| row[0][1].as_str().unwrap().to_string())
            .collect();
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        let order: Vec<&String> = structure.modules.iter().map(|m| &m.title).collect();
        let positions: Vec<usize> = listed
            .iter()
            .map(|t| order.iter().position(|o| *o == t).unwrap())
            .collect();
        assert!(listed.len() > 1, "{listed:?}");
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "programme order: {listed:?}"
        );
        let people = staff.get("/labs/attendance/export?by=participant").await;
        let c = read("csv", &people.bytes);
        assert_eq!(c["rows"][0][1], "Amministrazione");
        assert!(
            c["rows"].as_array().unwrap().iter().any(|r| r[1]
                .as_str()
                .unwrap_or_default()
                .starts_with("Provincia di")),
            "{c}"
        );
    }
}

/// A text of `n` characters of four bytes each (in UTF-8), with line breaks.
fn wide_text(n: usize) -> String {
    let mut s = String::with_capacity(n * 4);
    for k in 0..n {
        s.push(if k % 100 == 99 { '\n' } else { '😀' });
    }
    s
}

#[tokio::test]
async fn text_products_take_the_documented_size_and_keep_what_is_refused() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut member = app.signed_in(MEMBER).await;
        let path = create(&mut member, salerno, "document", "Testo lungo").await;
        let edit = member.get(&format!("{path}/edit")).await;
        assert!(
            edit.body.contains("data-max-body="),
            "the editor knows the limit"
        );
        // 200,000 characters of four bytes each: 2.4 MB as a form, accepted.
        let most = wide_text(domain::products::MAX_TEXT);
        let r = member
            .post(
                &path,
                &[
                    ("edit", edit_number(&edit.body).as_str()),
                    ("title", "Testo lungo"),
                    ("markdown", &most),
                    ("due_on", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "accepted");
        let id = Uuid::parse_str(path.rsplit('/').next().unwrap()).unwrap();
        let saved = db::products::get(app.db(), id).await.unwrap().unwrap();
        let start: String = most.chars().take(99).collect();
        assert!(saved.content.contains(&start));
        // Saved again unchanged: accepted again.
        let edit = member.get(&format!("{path}/edit")).await;
        let r = member
            .post(
                &path,
                &[
                    ("edit", edit_number(&edit.body).as_str()),
                    ("title", "Testo lungo"),
                    ("markdown", &most),
                    ("due_on", ""),
                    ("stay", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // One character more: refused with a message, and the whole text stays in the editor.
        let over = format!("{}a", "b".repeat(domain::products::MAX_TEXT));
        let r = member
            .post(
                &path,
                &[
                    ("edit", edit_number(&edit.body).as_str()),
                    ("title", "Testo lungo"),
                    ("markdown", &over),
                    ("due_on", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains(&over), "the typed text is kept whole");
        // Far beyond: a translated refusal, not a bare 413.
        let huge = wide_text(domain::products::MAX_TEXT + 30_000);
        let r = member
            .post(
                &path,
                &[
                    ("edit", edit_number(&edit.body).as_str()),
                    ("title", "Testo lungo"),
                    ("markdown", &huge),
                    ("due_on", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            r.body.contains("200.000 caratteri"),
            "{}",
            &r.body[..r.body.len().min(400)]
        );
        // Other forms keep the small limit.
        let r = member
            .post("/profile", &[("name", &"x".repeat(70 * 1024))])
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    }
}
