//! The project proposal assembled from its parts, on both databases: the demo's proposal for
//! the IPA ADRION call (sent to the tutor, one funding rule breached on purpose) shows the call's
//! sections in order with the eligibility check, and exports as offices file it, read back by
//! independent readers (python-docx, pypdf): a cover, a table of contents, numbered sections,
//! landscape pages for the wide tables, a Gantt chart, and the draft mark on every page. The
//! editor refuses bad months with a translated message and saves nothing.

mod common;

use axum::http::StatusCode;
use common::{apps, Client};
use serde_json::Value;

const MEMBER: &str = "membro@ponte.example";

/// Reads a proposal's DOCX or PDF with the test environment's readers: the structure a person
/// checks when they open the file.
fn read(kind: &str, bytes: &[u8]) -> Value {
    let python = std::env::var("PONTE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = r#"
import sys, io, json
kind = sys.argv[1]
data = sys.stdin.buffer.read()
out = {}
if kind == "docx":
    import docx
    from docx.enum.section import WD_ORIENT
    d = docx.Document(io.BytesIO(data))
    out["headings"] = [p.text for p in d.paragraphs if p.style.name.lower() == "heading 1"]
    out["toc"] = [p.text for p in d.paragraphs if p.style.name.lower() == "toc 1"]
    out["paragraphs"] = [p.text for p in d.paragraphs]
    out["sections"] = [{
        "landscape": s.orientation == WD_ORIENT.LANDSCAPE and s.page_width > s.page_height,
        "header": "\n".join(p.text for p in s.header.paragraphs) if not s.header.is_linked_to_previous else None,
    } for s in d.sections]
    out["tables"] = [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]
elif kind == "pdf":
    import pypdf
    r = pypdf.PdfReader(io.BytesIO(data))
    out["pages"] = [{"text": p.extract_text(), "landscape": float(p.mediabox.width) > float(p.mediabox.height)} for p in r.pages]
    meta = r.xmp_metadata
    out["pdfa"] = meta.pdfaid_part if meta is not None else None
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

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|s| s.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn english(mut c: Client) -> Client {
    c.headers
        .push(("accept-language".into(), "en-GB,en;q=0.9".into()));
    c
}

fn edit_number(page: &str) -> String {
    let at = page.find("name=\"edit\" value=\"").unwrap() + 19;
    page[at..].split('"').next().unwrap().to_string()
}

/// The IPA ADRION call's sections, from its rule pack's application form.
const SECTIONS: [&str; 8] = [
    "1. Project summary",
    "2. Project relevance and context",
    "3. Partnership relevance and cooperation approach",
    "4. Project objectives, results and indicators",
    "5. Project time plan",
    "6. Project partners",
    "7. Project budget",
    "8. Long-term plans: ownership, durability and transferability",
];

#[tokio::test]
async fn the_demo_proposal_is_assembled_and_exports_as_a_marked_draft() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let id = app.product_of_kind(salerno, "project_proposal").await;
        let path = format!("/organisations/{salerno}/products/{id}");
        let mut member = app.signed_in(MEMBER).await;
        let page = member.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        for s in SECTIONS {
            assert!(page.body.contains(s), "{s} on the page");
        }
        assert!(page.body.contains("IPA ADRION"), "the call");
        assert!(page.body.contains("id=\"eligibility\""), "the check");
        assert!(page.body.contains("proposal-gantt"), "the work plan");
        assert!(page.body.contains("turismo sostenibile"), "the narrative");

        // DOCX: cover, contents, numbered sections, landscape wide tables, draft on every page.
        let docx = member.get(&format!("{path}/export/docx")).await;
        assert_eq!(docx.status, StatusCode::OK);
        let d = read("docx", &docx.bytes);
        assert_eq!(strings(&d["headings"]), SECTIONS, "{d}");
        assert_eq!(strings(&d["toc"]), SECTIONS, "the table of contents");
        let paragraphs = strings(&d["paragraphs"]);
        assert!(
            paragraphs[0].starts_with("Proposta progettuale"),
            "the cover"
        );
        assert!(
            paragraphs
                .iter()
                .any(|p| p == "BOZZA — non conforme al bando"),
            "the cover says draft"
        );
        assert!(
            paragraphs
                .iter()
                .any(|p| p == "Inglese: Sustainable tourism with Durrës (Albania)"),
            "the cover gives the title in the proposal's other languages: {paragraphs:?}"
        );
        assert!(
            paragraphs
                .iter()
                .any(|p| p.starts_with("Un requisito del bando non è rispettato")),
            "and why: {paragraphs:?}"
        );
        let sections = d["sections"].as_array().unwrap();
        assert!(sections.len() >= 3, "{d}");
        assert!(sections.iter().any(|s| s["landscape"] == true), "{d}");
        assert!(sections.iter().any(|s| s["landscape"] == false), "{d}");
        for s in sections {
            assert_eq!(
                s["header"].as_str(),
                Some("BOZZA — non conforme al bando"),
                "every page is marked: {d}"
            );
        }
        let gantt = d["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t[0][0] == "Attività")
            .unwrap_or_else(|| panic!("a Gantt chart: {d}"));
        assert_eq!(gantt[0][1], "M1");
        assert!(gantt.as_array().unwrap().len() > 2, "one row per activity");
        assert!(
            gantt[1].as_array().unwrap().iter().any(|c| c == "█"),
            "the months an activity runs are filled: {gantt}"
        );
        let all_cells = d["tables"].to_string();
        assert!(
            all_cells.contains("Bashkia Durrës"),
            "the partnership table"
        );
        assert!(all_cells.contains("Totale"), "the budget totals");

        // PDF/A: the same structure, the mark on every page.
        let pdf = member.get(&format!("{path}/export/pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.body);
        let p = read("pdf", &pdf.bytes);
        assert_eq!(p["pdfa"], "2", "PDF/A-2");
        let pages = p["pages"].as_array().unwrap();
        for (i, page) in pages.iter().enumerate() {
            let text = page["text"].as_str().unwrap();
            assert!(
                text.contains("BOZZA — non conforme al bando"),
                "page {} is marked: {text}",
                i + 1
            );
        }
        assert!(pages.iter().any(|p| p["landscape"] == true));
        assert_eq!(pages[0]["landscape"], false, "the cover");
        assert!(
            pages[0]["text"]
                .as_str()
                .unwrap()
                .contains("Sustainable tourism with Durrës"),
            "the English title on the cover"
        );
        let contents = pages[1]["text"].as_str().unwrap();
        assert!(contents.contains("Indice"), "{contents}");
        for s in SECTIONS {
            let words = s.split(' ').next().unwrap();
            assert!(contents.contains(words), "{s} in the contents: {contents}");
        }
        // The labels around the call's words are the reader's.
        let mut en = english(app.signed_in(MEMBER).await);
        let d = read("docx", &en.get(&format!("{path}/export/docx")).await.bytes);
        assert!(
            strings(&d["paragraphs"]).contains(&"DRAFT — does not meet the call".to_string()),
            "{d}"
        );
    }
}

#[tokio::test]
async fn the_editor_reads_sections_and_months_and_refuses_bad_ones() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut member = english(app.signed_in(MEMBER).await);
        let r = member
            .post(
                &format!("/organisations/{salerno}/products"),
                &[
                    ("title", "Proposal — Durrës"),
                    ("kind", "project_proposal"),
                    ("mode", ""),
                    ("due_on", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let path = r.location().trim_end_matches("/edit").to_string();
        let edit = member.get(&format!("{path}/edit")).await;
        assert_eq!(edit.status, StatusCode::OK);
        assert!(
            edit.body.contains("name=\"text.summary\""),
            "a narrative section"
        );
        let start = edit
            .body
            .split("name=\"start.")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("the new proposal's logframe has activities")
            .to_string();
        let version = edit_number(&edit.body);
        let before = db::products::get(app.db(), path.rsplit('/').next().unwrap().parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        let start_field = format!("start.{start}");
        let end_field = format!("end.{start}");
        // The last month before the first: refused, explained, nothing saved.
        let r = member
            .post(
                &path,
                &[
                    ("edit", &version),
                    ("title", "Proposal — Durrës"),
                    ("due_on", ""),
                    ("text.summary", "Summary <script>x</script>"),
                    (&start_field, "6"),
                    (&end_field, "2"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(
            r.body.contains("The last month comes before the first."),
            "{}",
            r.body
        );
        assert!(
            r.body.contains("Summary &lt;script&gt;"),
            "what was typed is kept"
        );
        let after = db::products::get(app.db(), before.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(after.version, before.version, "nothing saved");
        // A month for an activity that is not in the logframe: refused too.
        let r = member
            .post(
                &path,
                &[
                    ("edit", &version),
                    ("title", "Proposal — Durrës"),
                    ("start.nope", "1"),
                    ("end.nope", "2"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("This activity is not in the logframe."));
        // Good months and text: saved, shown sanitised, the Gantt chart drawn.
        let r = member
            .post(
                &path,
                &[
                    ("edit", &version),
                    ("title", "Proposal — Durrës"),
                    ("due_on", ""),
                    ("text.summary", "Summary <script>x</script> **bold**"),
                    (&start_field, "2"),
                    (&end_field, "5"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let shown = member.get(&path).await;
        assert!(
            shown.body.contains("<strong>bold</strong>"),
            "{}",
            shown.body
        );
        assert!(!shown.body.contains("<script>x"), "sanitised");
        assert!(shown.body.contains("1. Project summary"));
        // A comment anchors to a section; an unknown section is refused.
        let r = member
            .post(
                &format!("{path}/comments"),
                &[("anchor", "section:budget"), ("body", "Check the totals")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let shown = member.get(&path).await;
        assert!(shown.body.contains("7. Budget"), "the comment's place");
        let r = member
            .post(
                &format!("{path}/comments"),
                &[("anchor", "section:nope"), ("body", "Lost")],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        // Two versions compare section by section.
        let edit = member.get(&format!("{path}/edit")).await;
        let r = member
            .post(
                &path,
                &[
                    ("edit", &edit_number(&edit.body)),
                    ("title", "Proposal — Durrës"),
                    ("text.summary", "A new summary"),
                    ("mark_version", "1"),
                    ("version_label", "second"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let compare = member.get(&format!("{path}/compare?a=draft&b=1")).await;
        assert_eq!(compare.status, StatusCode::OK, "{}", compare.body);
        assert!(compare.body.contains("A new summary"), "{}", compare.body);
        // Without a call the export is a draft that says why.
        let d = read(
            "docx",
            &member.get(&format!("{path}/export/docx")).await.bytes,
        );
        let paragraphs = strings(&d["paragraphs"]);
        assert!(
            paragraphs
                .iter()
                .any(|p| p == "No call has been chosen: eligibility is not checked."),
            "{paragraphs:?}"
        );
        // Choosing the IPA ADRION call brings its application form's sections; the text of a
        // section both templates have is kept.
        let adrion = db::calls::list(app.db())
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.call.pack == "ipa-adrion-call1")
            .unwrap()
            .id
            .to_string();
        let edit = member.get(&format!("{path}/edit")).await;
        let r = member
            .post(
                &path,
                &[
                    ("edit", &edit_number(&edit.body)),
                    ("title", "Proposal — Durrës"),
                    ("call", &adrion),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let shown = member.get(&path).await;
        assert!(
            shown.body.contains("5. Project time plan"),
            "{}",
            shown.body
        );
        assert!(shown.body.contains("A new summary"), "kept");
        // The title and summary in other languages: a summary without its title is refused
        // beside what was typed and saves nothing; with its title it is saved and shown.
        let edit = member.get(&format!("{path}/edit")).await;
        assert!(edit.body.contains("name=\"summary.sq\""), "{}", edit.body);
        let before = db::products::get(app.db(), after.id)
            .await
            .unwrap()
            .unwrap();
        let r = member
            .post(
                &path,
                &[
                    ("edit", &edit_number(&edit.body)),
                    ("title", "Proposal — Durrës"),
                    ("title.sq", ""),
                    ("summary.sq", "Turizëm i qëndrueshëm"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(
            r.body
                .contains("a summary is not published without a title"),
            "{}",
            r.body
        );
        assert!(
            r.body.contains("Turizëm i qëndrueshëm"),
            "what was typed is kept"
        );
        let same = db::products::get(app.db(), before.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(same.version, before.version, "nothing saved");
        let r = member
            .post(
                &path,
                &[
                    ("edit", &edit_number(&edit.body)),
                    ("title", "Proposal — Durrës"),
                    ("title.sq", "Turizëm i qëndrueshëm me Durrësin"),
                    ("summary.sq", "Dy brigje, një ofertë."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let shown = member.get(&path).await;
        assert!(
            shown.body.contains("Turizëm i qëndrueshëm me Durrësin"),
            "{}",
            shown.body
        );
        assert!(shown.body.contains("lang=\"sq\""));
        // Comparing with an earlier version shows the language added.
        let first = db::products::versions(app.db(), before.id)
            .await
            .unwrap()
            .first()
            .expect("a version to compare with")
            .number;
        let cmp = member
            .get(&format!("{path}/compare?a={first}&b=draft"))
            .await;
        assert_eq!(cmp.status, StatusCode::OK);
        assert!(
            cmp.body.contains("Turizëm i qëndrueshëm me Durrësin"),
            "{}",
            cmp.body
        );
        // An unknown call is refused.
        let edit = member.get(&format!("{path}/edit")).await;
        let r = member
            .post(
                &path,
                &[
                    ("edit", &edit_number(&edit.body)),
                    ("title", "Proposal — Durrës"),
                    ("call", "not-a-call"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
}
