//! The structured budget on both databases: a budget tied to Salerno's logframe typed in Italian
//! and English with lines in euro and lek, its totals exact to the cent, a funding rule breached,
//! explained and fixed, bad input refused with each problem next to its field and nothing stored,
//! comments anchored to a line, the logframe showing each activity's cost, and two versions
//! compared.

mod common;

use axum::http::StatusCode;
use common::{apps, App, Client};
use domain::products::budget::{self, BudgetProduct};
use domain::products::Content;
use uuid::Uuid;

const MEMBER: &str = "membro@ponte.example";

/// Creates a budget through the form; returns its path.
async fn create(client: &mut Client, org: Uuid, title: &str) -> String {
    let r = client
        .post(
            &format!("/organisations/{org}/products"),
            &[("title", title), ("kind", "budget"), ("due_on", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().trim_end_matches("/edit").to_string()
}

/// The edit counter in the editor page.
fn edit_number(page: &str) -> String {
    let at = page.find("name=\"edit\" value=\"").unwrap() + 19;
    page[at..].split('"').next().unwrap().to_string()
}

/// The stored budget and the product's edit counter.
async fn stored(app: &App, id: Uuid) -> (BudgetProduct, i64, String) {
    let p = db::products::get(app.db(), id).await.unwrap().unwrap();
    match Content::from_json(&p.content) {
        Content::Budget(b) => (b, p.version, p.content),
        other => panic!("not a budget: {other:?}"),
    }
}

/// The text of a DOCX file, paragraphs and table cells, as a word processor reads it.
fn docx_text(bytes: &[u8]) -> String {
    let python = std::env::var("PONTE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = "import sys, io, docx\nd = docx.Document(io.BytesIO(sys.stdin.buffer.read()))\nprint('\\n'.join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells]))";
    let mut child = std::process::Command::new(&python)
        .args(["-c", script])
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
        "the DOCX reader refused the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn form<'a>(base: &[(&'a str, &'a str)], extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut out = base.to_vec();
    for (k, v) in extra {
        match out.iter_mut().find(|(n, _)| n == k) {
            Some(slot) => slot.1 = v,
            None => out.push((k, v)),
        }
    }
    out
}

#[tokio::test]
async fn a_budget_is_typed_checked_refused_and_compared() {
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let logframe = app.product_of_kind(salerno, "logframe").await;
        let lf = match Content::from_json(
            &db::products::get(app.db(), logframe)
                .await
                .unwrap()
                .unwrap()
                .content,
        ) {
            Content::Logframe(lf) => lf,
            other => panic!("{other:?}"),
        };
        let activities = budget::activity_ids(&lf);
        assert!(activities.len() >= 2, "{activities:?}");
        let (a0, a1) = (activities[0].as_str(), activities[1].as_str());

        let mut member = app.signed_in(MEMBER).await;
        member.cookies.insert("ponte_lang".into(), "it".into());
        let path = create(&mut member, salerno, "Budget Salerno–Durazzo").await;
        let id = Uuid::parse_str(path.rsplit('/').next().unwrap()).unwrap();
        let (b, _, _) = stored(&app, id).await;
        assert_eq!(b.logframe, logframe.to_string(), "tied to the logframe");
        let page = member.get(&format!("{path}/edit")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("name=\"l0.unit_cost\""), "{}", page.body);
        assert!(page.body.contains("name=\"p0.cofinancing\""));
        let n = edit_number(&page.body);
        let lf_id = logframe.to_string();

        // Partners and the lek's rate, typed in Italian.
        let partners = [
            ("edit", n.as_str()),
            ("title", "Budget Salerno–Durazzo"),
            ("logframe", lf_id.as_str()),
            ("pack", ""),
            ("duration_months", "24"),
            ("p0.name", "Provincia di Salerno"),
            ("p0.country", "IT"),
            ("p0.group", "erdf"),
            ("p0.cofinancing", "15"),
            ("p0.k0.description", ""),
            ("p0.k0.amount", ""),
            ("p0.k0.currency", "EUR"),
            ("p1.name", "Bashkia Durrës"),
            ("p1.country", "AL"),
            ("p1.group", "ipa"),
            ("p1.cofinancing", "12,5"),
            ("p1.k0.description", "Sala riunioni"),
            ("p1.k0.amount", "50.000"),
            ("p1.k0.currency", "ALL"),
            ("p2.name", ""),
            ("p2.cofinancing", ""),
            ("x0.currency", "ALL"),
            ("x0.per_eur", "100"),
            ("x0.date", "2026-01-15"),
            ("x1.currency", "RSD"),
            ("x1.per_eur", ""),
            ("x1.date", ""),
            ("l0.partner", ""),
            ("l0.category", "staff"),
            ("l0.year", "2026"),
            ("l0.unit_cost", ""),
            ("l0.quantity", ""),
            ("stay", "1"),
        ];
        let r = member.post(&path, &partners).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let (b, version, _) = stored(&app, id).await;
        assert_eq!(b.budget.partners.len(), 2, "the empty partner is dropped");
        assert_eq!(b.budget.rates.len(), 1, "the empty rate is dropped");
        assert!(b.budget.lines.is_empty(), "the empty line is dropped");
        assert_eq!(b.budget.partners[1].in_kind[0].amount, 5_000_000);
        let (ps, pd) = (
            b.budget.partners[0].id.clone(),
            b.budget.partners[1].id.clone(),
        );
        let n = version.to_string();

        // Lines in euro and lek, typed in Italian.
        let lines_it = [
            ("edit", n.as_str()),
            ("title", "Budget Salerno–Durazzo"),
            ("logframe", lf_id.as_str()),
            ("pack", ""),
            ("duration_months", "24"),
            ("p0.id", ps.as_str()),
            ("p0.name", "Provincia di Salerno"),
            ("p0.country", "IT"),
            ("p0.group", "erdf"),
            ("p0.cofinancing", "15"),
            ("p1.id", pd.as_str()),
            ("p1.name", "Bashkia Durrës"),
            ("p1.country", "AL"),
            ("p1.group", "ipa"),
            ("p1.cofinancing", "12,5"),
            ("p1.k0.description", "Sala riunioni"),
            ("p1.k0.amount", "50.000"),
            ("p1.k0.currency", "ALL"),
            ("x0.currency", "ALL"),
            ("x0.per_eur", "100"),
            ("x0.date", "2026-01-15"),
            ("l0.partner", ps.as_str()),
            ("l0.category", "staff"),
            ("l0.activity", a0),
            ("l0.year", "2026"),
            ("l0.description", "Coordinatore di progetto"),
            ("l0.unit", "mese"),
            ("l0.unit_cost", "1.234,56"),
            ("l0.quantity", "12"),
            ("l0.currency", "EUR"),
            ("l1.partner", pd.as_str()),
            ("l1.category", "travel"),
            ("l1.activity", a1),
            ("l1.year", "2027"),
            ("l1.description", "Missioni a Salerno"),
            ("l1.unit", "viaggio"),
            ("l1.unit_cost", "10.000"),
            ("l1.quantity", "3"),
            ("l1.currency", "ALL"),
            ("l2.partner", pd.as_str()),
            ("l2.category", "services"),
            ("l2.activity", a0),
            ("l2.year", "2027"),
            ("l2.description", "Studio dei flussi turistici"),
            ("l2.unit", ""),
            ("l2.unit_cost", "2.500,5"),
            ("l2.quantity", "1,5"),
            ("l2.currency", "EUR"),
            ("mark_version", "1"),
            ("version_label", "Prima stesura"),
        ];
        let r = member.post(&path, &lines_it).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let (b, version, _) = stored(&app, id).await;
        let t = b.budget.totals().unwrap();
        // 1 234,56 × 12 = 14 814,72; 10 000 ALL × 3 ÷ 100 = 300,00; 2 500,50 × 1,5 = 3 750,75.
        assert_eq!(t.lines[&b.budget.lines[0].id], 1_481_472);
        assert_eq!(t.lines[&b.budget.lines[1].id], 30_000);
        assert_eq!(t.lines[&b.budget.lines[2].id], 375_075);
        assert_eq!(t.total, 1_886_547);
        assert_eq!(t.by_partner[&ps].total, 1_481_472);
        assert_eq!(t.by_partner[&ps].grant, 1_259_251);
        assert_eq!(t.by_partner[&ps].cofinancing, 222_221);
        assert_eq!(t.by_partner[&pd].total, 405_075);
        assert_eq!(t.by_partner[&pd].in_kind, 50_000);
        assert_eq!(t.by_activity[a0], 1_856_547);
        assert_eq!(t.by_activity[a1], 30_000);
        assert_eq!(t.by_year[&2027], 405_075);
        let show = member.get(&path).await;
        assert_eq!(show.status, StatusCode::OK);
        for shown in [
            "18.865,47",
            "14.814,72",
            "4.050,75",
            "10.000,00\u{a0}ALL",
            "12.592,51",
            "Per fonte",
        ] {
            assert!(show.body.contains(shown), "{shown} in {}", show.body);
        }
        // The logframe's matrix shows each activity's cost from the budget.
        let matrix = member
            .get(&format!("/organisations/{salerno}/products/{logframe}"))
            .await;
        assert!(
            matrix.body.contains("Costo dal bilancio"),
            "{}",
            matrix.body
        );
        assert!(matrix.body.contains("18.565,47"), "{}", matrix.body);

        // The same amounts typed in English, one changed; a second version.
        member.cookies.insert("ponte_lang".into(), "en".into());
        let lines_b = b
            .budget
            .lines
            .iter()
            .map(|l| l.id.clone())
            .collect::<Vec<_>>();
        let n = version.to_string();
        let lines_en = form(
            &lines_it,
            &[
                ("edit", n.as_str()),
                ("p1.cofinancing", "12.5"),
                ("p1.k0.amount", "50,000"),
                ("x0.per_eur", "100.0"),
                ("l0.id", lines_b[0].as_str()),
                ("l0.unit_cost", "1,234.56"),
                ("l0.quantity", "10"),
                ("l1.id", lines_b[1].as_str()),
                ("l1.unit_cost", "10,000"),
                ("l2.id", lines_b[2].as_str()),
                ("l2.unit_cost", "2,500.5"),
                ("l2.quantity", "1.5"),
                ("version_label", "Seconda stesura"),
            ],
        );
        let r = member.post(&path, &lines_en).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let (b2, version, _) = stored(&app, id).await;
        let t2 = b2.budget.totals().unwrap();
        // Two months fewer: 2 469,12 less.
        assert_eq!(t2.total, 1_886_547 - 246_912);
        assert_eq!(b2.budget.lines[1..], b.budget.lines[1..]);
        let cmp = member.get(&format!("{path}/compare?a=1&b=2")).await;
        assert_eq!(cmp.status, StatusCode::OK);
        assert!(cmp.body.contains("diff-changed"), "{}", cmp.body);
        assert!(cmp.body.contains("-€2,469.12"), "{}", cmp.body);
        assert!(cmp.body.contains("€18,865.47"), "{}", cmp.body);

        // A comment anchored to a line.
        let anchor = format!("line:{}", lines_b[0]);
        let r = member
            .post(
                &format!("{path}/comments"),
                &[("anchor", anchor.as_str()), ("body", "Mesi da verificare")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let comments = db::products::comments(app.db(), id).await.unwrap();
        assert_eq!(comments[0].anchor, anchor);

        // A funding rule breached, explained and fixed: PRAG's indirect costs at most 7 %.
        member.cookies.insert("ponte_lang".into(), "it".into());
        let n = version.to_string();
        let breach = form(
            &lines_it,
            &[
                ("edit", n.as_str()),
                ("pack", "prag"),
                ("mark_version", ""),
                ("l0.id", lines_b[0].as_str()),
                ("l0.quantity", "10"),
                ("l1.id", lines_b[1].as_str()),
                ("l2.id", lines_b[2].as_str()),
                ("l3.partner", ps.as_str()),
                ("l3.category", "indirect"),
                ("l3.activity", ""),
                ("l3.year", "2026"),
                ("l3.description", "Costi indiretti"),
                ("l3.unit_cost", "2.000"),
                ("l3.quantity", "1"),
                ("l3.currency", "EUR"),
            ],
        );
        let r = member.post(&path, &breach).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let show = member.get(&path).await;
        // Direct costs 16 396,35: at most 1 147,74 of indirect costs.
        assert!(show.body.contains("Non rispettata"), "{}", show.body);
        assert!(show.body.contains("1.147,74"), "{}", show.body);
        assert!(show.body.contains("Costi indiretti"), "{}", show.body);
        let (b3, version, json) = stored(&app, id).await;
        assert_eq!(b3.pack, "prag");
        // While typing, the editor's live check explains the breach or the problem; nothing saved.
        let live = member.post(&format!("{path}/check"), &breach).await;
        assert_eq!(live.status, StatusCode::OK);
        assert!(live.body.contains("id=\"budget-live\""), "{}", live.body);
        assert!(live.body.contains("1.147,74"), "{}", live.body);
        let live = member
            .post(
                &format!("{path}/check"),
                &form(&breach, &[("l3.unit_cost", "-1")]),
            )
            .await;
        assert_eq!(live.status, StatusCode::OK);
        assert!(live.body.contains("Il valore non può essere negativo."));
        assert_eq!(stored(&app, id).await.2, json, "the check saves nothing");
        let l3 = b3.budget.lines[3].id.clone();
        let n = version.to_string();
        let fixed = form(
            &breach,
            &[
                ("edit", n.as_str()),
                ("l3.id", l3.as_str()),
                ("l3.unit_cost", "1.147,74"),
            ],
        );
        let r = member.post(&path, &fixed).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let show = member.get(&path).await;
        assert!(!show.body.contains("Non rispettata"), "{}", show.body);
        assert!(show.body.contains("Rispettata"), "{}", show.body);
        let (b4, version, json) = stored(&app, id).await;
        let found = budget::rules::check(budget::rules::pack("prag").unwrap(), &b4.budget).unwrap();
        assert!(found
            .iter()
            .all(|f| f.outcome != budget::rules::Outcome::Breached));

        // Refusals: the form comes back with the problem next to its field, nothing stored.
        let n = version.to_string();
        let l3 = b4.budget.lines[3].id.clone();
        let base = form(&fixed, &[("edit", n.as_str()), ("l3.id", l3.as_str())]);
        for (field, value, message) in [
            ("l0.unit_cost", "-5", "Il valore non può essere negativo."),
            (
                "l0.unit_cost",
                "999.999.999.999.999.999",
                "Importo troppo grande per essere calcolato con esattezza.",
            ),
            (
                "l1.currency",
                "XYZ",
                "Valuta sconosciuta: scegli una delle valute proposte.",
            ),
            ("x0.per_eur", "0", "Il tasso di cambio non può essere zero."),
            (
                "l2.activity",
                "r999",
                "L&#x27;attività «r999» non è nel quadro logico collegato.",
            ),
            (
                "p1.name",
                "provincia di salerno",
                "Questo partner è già in elenco come «Provincia di Salerno».",
            ),
            (
                "p0.cofinancing",
                "120",
                "La quota di cofinanziamento non può superare il 100 %.",
            ),
            (
                "l0.quantity",
                "dodici",
                "Non è un numero: scrivilo come 1.234,56.",
            ),
        ] {
            let bad = form(&base, &[(field, value)]);
            let r = member.post(&path, &bad).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{field}={value}: {}",
                r.body
            );
            let next_to = format!("id=\"e-{}\"", field.replace('.', "-"));
            let at = r
                .body
                .find(&next_to)
                .unwrap_or_else(|| panic!("{field}: no message next to it in {}", r.body));
            assert!(
                r.body[at..].starts_with(&format!("{next_to}>{message}")),
                "{field}={value}: {}",
                r.body[at..].chars().take(200).collect::<String>()
            );
            assert!(
                r.body.contains(&format!("value=\"{value}\""))
                    || r.body.contains(&format!("value=\"{value}\" selected")),
                "{field}: what was typed is shown again"
            );
            let (_, v, after) = stored(&app, id).await;
            assert_eq!(v, version, "{field}: nothing stored");
            assert_eq!(after, json, "{field}: nothing stored");
        }
        // In English, the same problem in English.
        member.cookies.insert("ponte_lang".into(), "en".into());
        let r = member
            .post(&path, &form(&base, &[("p0.cofinancing", "100.01")]))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r
            .body
            .contains("The co-financing share cannot exceed 100 %."));
        // Malformed fields are refused, never a server error, and change nothing.
        member.cookies.insert("ponte_lang".into(), "it".into());
        for (key, value) in [
            ("l99999.unit_cost", "1"),
            ("l2500.unit_cost", "1"),
            ("p0.k.amount", "1"),
            ("p0.k99.amount", "1"),
            ("pé.name", "x"),
            ("x0.per_eur", "1e9999"),
            ("x0.date", "2026-02-30"),
            ("l0.year", "99999999999"),
            ("l0.quantity", "0,00001"),
            ("l0.unit_cost", "1,234.56.7"),
            ("duration_months", "-3"),
            ("logframe", "not-a-uuid"),
            ("pack", "../prag"),
        ] {
            let (_, v, json) = stored(&app, id).await;
            let v = v.to_string();
            let r = member
                .post(&path, &form(&base, &[("edit", v.as_str()), (key, value)]))
                .await;
            assert!(
                r.status == StatusCode::UNPROCESSABLE_ENTITY || r.status == StatusCode::SEE_OTHER,
                "{key}={value}: {}",
                r.status
            );
            if r.status == StatusCode::SEE_OTHER {
                // Ignored as not a field of the budget: the budget read is the same.
                let (after, _, _) = stored(&app, id).await;
                assert_eq!(after.budget.lines, b4.budget.lines, "{key}");
            } else {
                let (_, _, after) = stored(&app, id).await;
                assert_eq!(after, json, "{key}: nothing stored");
            }
        }
    }
}

#[tokio::test]
async fn the_demo_budget_is_reviewed_with_its_breach_explained_in_three_languages() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let id = app.product_of_kind(salerno, "budget").await;
        let (b, _, _) = stored(&app, id).await;
        assert_eq!(b.pack, "ipa-adrion-call1");
        let path = format!("/organisations/{salerno}/products/{id}");
        let mut tutor = app.signed_in("tutor@ponte.example").await;
        for (lang, breach, words) in [
            (
                "it",
                "Non rispettata",
                "Ufficio e amministrazione — Bashkia Durrës (Comune di Durazzo): 12.182,74\u{a0}€ supera il 15 % di Personale (54.822,34\u{a0}€); il massimo è 8.223,35\u{a0}€.",
            ),
            (
                "en",
                "Breached",
                "Office and administration — Bashkia Durrës (Comune di Durazzo): €12,182.74 exceeds 15 % of Staff (€54,822.34); the most is €8,223.35.",
            ),
            (
                "fr",
                "Non respectée",
                "Bureau et administration — Bashkia Durrës (Comune di Durazzo) : 12\u{202f}182,74\u{a0}€ dépasse 15 % de Personnel (54\u{202f}822,34\u{a0}€) ; le maximum est 8\u{202f}223,35\u{a0}€.",
            ),
        ] {
            tutor.cookies.insert("ponte_lang".into(), lang.into());
            let page = tutor.get(&path).await;
            assert_eq!(page.status, StatusCode::OK, "{}", page.body);
            assert_eq!(page.body.matches(breach).count(), 1, "{lang}: one breach");
            assert!(page.body.contains(words), "{lang}: {}", page.body);
        }
        // The tutor sends it back with the breach; the budget can be exported.
        tutor.cookies.insert("ponte_lang".into(), "it".into());
        let r = tutor
            .post(
                &format!("{path}/review"),
                &[
                    ("action", "request_changes"),
                    (
                        "note",
                        "Ufficio e amministrazione di Durazzo oltre il 15 %.",
                    ),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let p = db::products::get(app.db(), id).await.unwrap().unwrap();
        assert_eq!(p.state.code(), "changes_requested");
        let docx = tutor.get(&format!("{path}/export/docx")).await;
        assert_eq!(docx.status, StatusCode::OK);
        let text = docx_text(&docx.bytes);
        assert!(text.contains("Ufficio e amministrazione"), "{text}");
        assert!(
            text.contains("Bashkia Durrës (Comune di Durazzo)"),
            "{text}"
        );
        assert!(text.contains("1.200.000,00\u{a0}ALL"), "{text}");
        // The logframe's export shows each activity's cost from the budget.
        let logframe = b.logframe.clone();
        let lf_docx = tutor
            .get(&format!(
                "/organisations/{salerno}/products/{logframe}/export/docx"
            ))
            .await;
        assert_eq!(lf_docx.status, StatusCode::OK);
        let text = docx_text(&lf_docx.bytes);
        assert_eq!(text.matches("Costo dal bilancio: ").count(), 4, "{text}");
        // Fixed, approved and published as a model, it is copied by another administration
        // tied to that administration's logframe, never to Salerno's.
        let mut member = app.signed_in(MEMBER).await;
        let r = member
            .post(&format!("{path}/review"), &[("action", "submit")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = tutor
            .post(&format!("{path}/review"), &[("action", "approve")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mut staff = app.signed_in("staff@ponte.example").await;
        let r = staff
            .post(&format!("{path}/model"), &[("model", "1")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let caserta = app.organisation("Provincia di Caserta").await;
        let mut other = app.signed_in("r.caruso@provincia.caserta.example").await;
        let r = other
            .post(
                &format!("/organisations/{caserta}/products"),
                &[
                    ("title", "Il nostro budget"),
                    ("kind", "budget"),
                    ("model", &id.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let copy = Uuid::parse_str(
            r.location()
                .trim_end_matches("/edit")
                .rsplit('/')
                .next()
                .unwrap(),
        )
        .unwrap();
        let (c, _, _) = stored(&app, copy).await;
        assert_eq!(c.budget, b.budget, "the lines are copied");
        let theirs: Vec<String> = db::products::list(app.db(), caserta)
            .await
            .unwrap()
            .into_iter()
            .filter(|p| p.kind == "logframe")
            .map(|p| p.id.to_string())
            .collect();
        assert_ne!(c.logframe, b.logframe);
        assert!(
            c.logframe.is_empty() || theirs.contains(&c.logframe),
            "{}",
            c.logframe
        );
        let page = other
            .get(&format!("/organisations/{caserta}/products/{copy}/edit"))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    }
}
