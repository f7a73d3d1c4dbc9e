//! The IATI activity file of a logframe, on both databases: the demo's Salerno logframe with
//! Durrës and built variants (a partnership with roles and types, several countries and sectors,
//! text in any script) are downloaded as their readers would, and every file is validated by
//! xmllint against the official IATI 2.03 schema and, through XPath on the file itself, against
//! the standard's rules the schema does not express; a failure names the element. A logframe not
//! yet sent to the tutor, or one that breaks a rule, gets a page listing what fails, translated.

mod common;

use axum::http::StatusCode;
use common::{apps, App, Client};
use domain::products::iati::Codelists;
use domain::products::logframe::Logframe;
use domain::products::partnership::{Partner, Partnership, PartnershipProduct, Role};
use domain::products::Content;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;
use uuid::Uuid;

/// The shared folder of official data beside the repository (or `PONTE_TEST_DATA`).
fn data(relative: &str) -> PathBuf {
    let folder = std::env::var("PONTE_TEST_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
        });
    let path = folder.join(relative);
    assert!(
        path.exists(),
        "{} is missing: the IATI schema and codelists are read from the shared data folder beside \
         the repository (../shared/data) or from PONTE_TEST_DATA; PyPI's pyIATI==0.4.1 carries \
         the same files under iati/resources/standard/2-03/",
        path.display()
    );
    path
}

/// Runs xmllint; a machine without it fails the test (install the `libxml2-utils` package).
fn xmllint(args: &[&str]) -> std::process::Output {
    Command::new("xmllint")
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("xmllint cannot run ({e}): install it (Debian: apt-get install libxml2-utils)")
        })
}

/// The file written to a temporary place.
fn saved(bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("ponte-iati-{}.xml", Uuid::now_v7()));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// An XPath expression's value on the file, as xmllint prints it.
fn xpath(file: &std::path::Path, expr: &str) -> String {
    let out = xmllint(&["--xpath", expr, &file.display().to_string()]);
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The official codelists.
fn codelists() -> Codelists {
    let read = |f: &str| {
        Codelists::codes(&std::fs::read_to_string(data(&format!("iati/codelists/{f}"))).unwrap())
    };
    let mut sectors = read("Sector.xml");
    sectors.extend(read("SectorCategory.xml"));
    Codelists {
        countries: read("Country.xml"),
        sectors: Some(sectors),
        org_types: read("OrganisationType.xml"),
        currencies: read("Currency.xml"),
    }
}

/// The values of an attribute everywhere in the file (`//sector/@code`).
fn attributes(file: &std::path::Path, path: &str) -> Vec<String> {
    // xmllint prints each as ` name="value"`, on one line or several by version.
    xpath(file, path)
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Validates a file against the schema and the rules the schema does not express; returns every
/// failure, each naming its element.
fn failures(bytes: &[u8]) -> Vec<String> {
    let file = saved(bytes);
    let schema = data("iati/schema-2.03/iati-activities-schema.xsd");
    let out = xmllint(&[
        "--noout",
        "--schema",
        &schema.display().to_string(),
        &file.display().to_string(),
    ]);
    let mut found = Vec::new();
    if !out.status.success() {
        found.push(format!(
            "schema: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let number = |expr: &str| -> String { xpath(&file, &format!("string({expr})")) };
    let mut rule = |element: &str, expr: &str, expected: &str| {
        let got = number(expr);
        if got != expected {
            found.push(format!("{element}: {expr} is {got}, not {expected}"));
        }
    };
    // A start date, before the end.
    rule(
        "activity-date[@type='1']",
        "count(//iati-activity/activity-date[@type='1' or @type='2'])>0",
        "true",
    );
    rule(
        "activity-date[@type='3']/@iso-date",
        "count(//iati-activity[number(translate(activity-date[@type='1']/@iso-date,'-','')) > number(translate(activity-date[@type='3']/@iso-date,'-',''))])",
        "0",
    );
    // The identifier starts with the reporting organisation's.
    rule(
        "iati-identifier",
        "starts-with(//iati-identifier, concat(//reporting-org/@ref, '-'))",
        "true",
    );
    rule(
        "@default-currency",
        "count(//iati-activity[@default-currency])",
        "1",
    );
    rule("sector", "count(//iati-activity/sector)>0", "true");
    // Percentages sum to 100: recipient countries, and sectors per vocabulary.
    rule(
        "recipient-country/@percentage",
        "count(//recipient-country)=0 or sum(//recipient-country/@percentage)=100",
        "true",
    );
    for vocabulary in attributes(&file, "//iati-activity/sector/@vocabulary")
        .into_iter()
        .collect::<BTreeSet<_>>()
    {
        rule(
            &format!("sector[@vocabulary='{vocabulary}']/@percentage"),
            &format!("sum(//iati-activity/sector[@vocabulary='{vocabulary}']/@percentage)=100"),
            "true",
        );
    }
    // Budget periods: inside the activity's dates, at most a year, start before end.
    let budgets: usize = number("count(//budget)").parse().unwrap_or(0);
    let day = |e: &str| format!("number(translate({e},'-',''))");
    for n in 1..=budgets {
        let b = format!("//budget[{n}]");
        let (s, e) = (
            day(&format!("{b}/period-start/@iso-date")),
            day(&format!("{b}/period-end/@iso-date")),
        );
        let start = day("//activity-date[@type='1']/@iso-date");
        let end = day("//activity-date[@type='3']/@iso-date");
        rule(
            &format!("budget[{n}]/period-start"),
            &format!("{s} >= {start}"),
            "true",
        );
        rule(
            &format!("budget[{n}]/period-end"),
            &format!("{e} <= {end}"),
            "true",
        );
        rule(
            &format!("budget[{n}]"),
            &format!("{s} <= {e} and {e} < {s} + 10000"),
            "true",
        );
    }
    // Non-qualitative indicators carry numbers; every baseline has its year.
    rule(
        "result/indicator/baseline/@value",
        "count(//indicator[@measure!='5']//*[@value][string(number(@value))='NaN'])",
        "0",
    );
    rule(
        "result/indicator[@measure='5']//@value",
        "count(//indicator[@measure='5']//*[@value])",
        "0",
    );
    rule(
        "result/indicator/baseline/@year",
        "count(//baseline[not(@year)])",
        "0",
    );
    // Every narrative says its language.
    rule(
        "narrative/@xml:lang",
        "count(//narrative[not(@xml:lang)])",
        "0",
    );
    // Codes from the codelists.
    let codes = codelists();
    for (element, path, list) in [
        (
            "recipient-country/@code",
            "//recipient-country/@code",
            &codes.countries,
        ),
        (
            "participating-org/@type",
            "//participating-org/@type",
            &codes.org_types,
        ),
        (
            "reporting-org/@type",
            "//reporting-org/@type",
            &codes.org_types,
        ),
        (
            "@default-currency",
            "//iati-activity/@default-currency",
            &codes.currencies,
        ),
        ("value/@currency", "//value/@currency", &codes.currencies),
    ] {
        for code in attributes(&file, path) {
            if !list.contains(&code) {
                found.push(format!("{element}: {code} is not in its codelist"));
            }
        }
    }
    let sectors = codes.sectors.unwrap_or_default();
    for code in attributes(&file, "//iati-activity/sector/@code") {
        if !sectors.contains(&code) {
            found.push(format!("sector/@code: {code} is not in its codelist"));
        }
    }
    let _ = std::fs::remove_file(&file);
    found
}

/// Text as the pages escape it.
fn html(text: &str) -> String {
    text.replace('/', "&#x2f;").replace('\'', "&#x27;")
}

async fn download(c: &mut Client, org: Uuid, product: Uuid) -> common::Reply {
    c.get(&format!("/organisations/{org}/products/{product}/iati.xml"))
        .await
}

/// A logframe product of Salerno's, sent to the tutor when `submit`.
async fn logframe(app: &App, c: &mut Client, org: Uuid, lf: &Logframe, submit: bool) -> Uuid {
    let content = Content::Logframe(lf.clone()).to_json();
    let id = db::products::create(
        app.db(),
        &db::products::NewProduct {
            organisation: org,
            kind: "logframe",
            title: "Città <sicure> & \"aperte\" — Дуррес, دوريس, 都拉斯 😀",
            content: &content,
            due_on: None,
            model_of: None,
            session: None,
        },
        None,
    )
    .await
    .unwrap();
    if submit {
        let r = c
            .post(
                &format!("/organisations/{org}/products/{id}/review"),
                &[("action", "submit"), ("note", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    id
}

/// The demo's Salerno logframe with Durrës.
async fn demo_logframe(app: &App, salerno: Uuid) -> (Uuid, Logframe) {
    let id = app.product_of_kind(salerno, "logframe").await;
    let p = db::products::get(app.db(), id).await.unwrap().unwrap();
    let Content::Logframe(lf) = Content::from_json(&p.content) else {
        panic!("the demo logframe");
    };
    (id, lf)
}

#[tokio::test]
async fn the_demo_logframe_with_durres_exports_a_valid_activity() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let (id, _) = demo_logframe(&app, salerno).await;
        // Its readers download it: the member, the tutor, programme staff.
        for who in [
            "membro@ponte.example",
            "tutor@ponte.example",
            "staff@ponte.example",
        ] {
            let mut c = app.signed_in(who).await;
            let r = download(&mut c, salerno, id).await;
            assert_eq!(
                r.status,
                StatusCode::OK,
                "{who} on {}: {}",
                app.backend.name,
                r.body
            );
            assert!(r.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/xml"));
            assert!(r.headers["content-disposition"]
                .to_str()
                .unwrap()
                .contains(".xml"));
            assert_eq!(failures(&r.bytes), Vec::<String>::new(), "{}", r.body);
        }
        let mut c = app.signed_in("membro@ponte.example").await;
        let r = download(&mut c, salerno, id).await;
        let file = saved(&r.bytes);
        assert_eq!(
            xpath(&file, "string(//iati-identifier)"),
            format!("IT-CF-80000390650-{id}")
        );
        assert_eq!(xpath(&file, "string(/iati-activities/@version)"), "2.03");
        // Italy gives, Albania receives; the two DAC sectors share 100 %.
        assert_eq!(attributes(&file, "//recipient-country/@code"), ["AL"]);
        assert_eq!(attributes(&file, "//sector/@percentage"), ["50", "50"]);
        // 30 months ending 2027-12-31, with the budget's two years in euro.
        assert_eq!(
            attributes(&file, "//activity-date/@iso-date"),
            ["2025-07-01", "2027-12-31"]
        );
        assert_eq!(xpath(&file, "count(//budget)"), "2");
        let b = db::products::contents_of_kind(app.db(), salerno, "budget")
            .await
            .unwrap()
            .into_iter()
            .find_map(|c| match Content::from_json(&c) {
                Content::Budget(b) if b.logframe == id.to_string() => Some(b),
                _ => None,
            })
            .unwrap();
        let totals = b.budget.totals().unwrap();
        let values: Vec<String> = totals
            .by_year
            .values()
            .map(|c| domain::products::iati::format_amount(*c))
            .collect();
        assert_eq!(
            xpath(&file, "concat(//budget[1]/value, ' ', //budget[2]/value)"),
            values.join(" ")
        );
        // Impact, outcome and the two outputs, with their indicators' baselines and targets.
        assert_eq!(attributes(&file, "//result/@type"), ["3", "2", "1", "1"]);
        assert_eq!(
            xpath(&file, "string(//result[1]/indicator/baseline/@value)"),
            "1200000"
        );
        assert_eq!(
            xpath(&file, "string(//result[1]/indicator/period/target/@value)"),
            "1400000"
        );
        // In Italian, and the title and description also in English from the proposal that
        // answers a call with this logframe.
        assert_eq!(
            attributes(&file, "//narrative/@xml:lang")
                .into_iter()
                .collect::<BTreeSet<_>>(),
            ["en".to_string(), "it".to_string()].into()
        );
        assert_eq!(
            attributes(&file, "//iati-activity/title/narrative/@xml:lang"),
            ["it", "en"]
        );
        assert_eq!(
            xpath(
                &file,
                "string(//iati-activity/title/narrative[@xml:lang='en'])"
            ),
            "Sustainable tourism with Durrës (Albania)"
        );
        assert!(xpath(
            &file,
            "string(//iati-activity/description/narrative[@xml:lang='en'])"
        )
        .starts_with("The Province of Salerno and the Municipality of Durrës"));
        // From the partnership tied to it: the call's programme funds, Salerno leads and is
        // accountable, the six other partners and associates implement, each with its type.
        assert_eq!(xpath(&file, "count(//participating-org[@role='1'])"), "1");
        assert_eq!(
            xpath(&file, "string(//participating-org[@role='2']/@ref)"),
            "IT-CF-80000390650"
        );
        assert_eq!(xpath(&file, "count(//participating-org[@role='4'])"), "7");
        assert_eq!(
            xpath(&file, "count(//participating-org[@role!='1'][not(@type)])"),
            "0"
        );
        // Carried by no initiative yet: in its pipeline.
        assert_eq!(xpath(&file, "string(//activity-status/@code)"), "1");
        let _ = std::fs::remove_file(&file);
        // Linked to an initiative of a group that is then funded: in implementation.
        let initiative = db::network::initiatives(app.db(), None).await.unwrap()[0].id;
        db::run!(app.db(), |pool| {
            sqlx::query(
                "INSERT INTO network_initiative_products (initiative_id, product_id) VALUES ($1, $2)",
            )
            .bind(initiative)
            .bind(id)
            .execute(pool)
            .await
            .unwrap();
            sqlx::query("UPDATE network_initiatives SET state = 'funded' WHERE id = $1")
                .bind(initiative)
                .execute(pool)
                .await
                .unwrap();
            sqlx::query(
                "INSERT INTO network_initiative_events
                   (id, initiative_id, from_state, to_state, on_date, reason, created_at)
                 VALUES ($1, $2, 'submitted', 'funded', $3, '', $4)",
            )
            .bind(Uuid::new_v4())
            .bind(initiative)
            .bind(chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap())
            .bind(chrono::Utc::now())
            .execute(pool)
            .await
            .unwrap();
        });
        let r = download(&mut c, salerno, id).await;
        let file = saved(&r.bytes);
        assert_eq!(
            xpath(&file, "string(//activity-status/@code)"),
            "2",
            "{}",
            app.backend.name
        );
        assert_eq!(failures(&r.bytes), Vec::<String>::new());
        let _ = std::fs::remove_file(&file);
        // The product page offers the file.
        let page = c
            .get(&format!("/organisations/{salerno}/products/{id}"))
            .await;
        assert!(page.body.contains(&format!("/products/{id}/iati.xml")));
    }
}

#[tokio::test]
async fn built_variants_export_valid_activities() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let (_, demo) = demo_logframe(&app, salerno).await;
        let mut c = app.signed_in("membro@ponte.example").await;

        // Three countries and DAC 5- and 3-digit sectors; a qualitative indicator; text in any
        // script with XML's special characters.
        let mut lf = demo.clone();
        lf.countries = vec!["AL".into(), "ME".into(), "RS".into(), "IT".into()];
        lf.sectors = vec!["33210".into(), "15112".into(), "43030".into(), "151".into()];
        lf.rows[1].text = "Capacità <rafforzata> & \"condivisa\" — Дуррес دوريس 😀".into();
        lf.rows[1].indicators[0].measure = domain::products::logframe::Measure::Qualitative;
        lf.rows[1].indicators[0].baseline = "episodica".into();
        lf.rows[1].indicators[0].target = "stabile & regolare".into();
        let id = logframe(&app, &mut c, salerno, &lf, true).await;
        // A partnership tied to it: Salerno leads, Durrës is a partner, a local actor is
        // associated.
        let pp = PartnershipProduct {
            logframe: id.to_string(),
            call: String::new(),
            partnership: Partnership {
                partners: vec![
                    Partner {
                        id: "p1".into(),
                        organisation: salerno.to_string(),
                        name: "Provincia di Salerno".into(),
                        role: Role::Lead,
                        country: "IT".into(),
                        org_type: "11".into(),
                        ..Partner::default()
                    },
                    Partner {
                        id: "p2".into(),
                        name: "Bashkia Durrës".into(),
                        role: Role::Partner,
                        country: "AL".into(),
                        org_type: "11".into(),
                        ..Partner::default()
                    },
                    Partner {
                        id: "p3".into(),
                        name: "Camera di commercio di Salerno".into(),
                        role: Role::Associate,
                        country: "IT".into(),
                        org_type: "15".into(),
                        ..Partner::default()
                    },
                ],
                last_id: 3,
            },
        };
        db::products::create(
            app.db(),
            &db::products::NewProduct {
                organisation: salerno,
                kind: "partnership_plan",
                title: "Partenariato",
                content: &Content::Partnership(pp).to_json(),
                due_on: None,
                model_of: None,
                session: None,
            },
            None,
        )
        .await
        .unwrap();
        let r = download(&mut c, salerno, id).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(failures(&r.bytes), Vec::<String>::new());
        let file = saved(&r.bytes);
        assert_eq!(
            attributes(&file, "//recipient-country/@percentage"),
            ["33.34", "33.33", "33.33"]
        );
        assert_eq!(
            attributes(&file, "//sector/@percentage"),
            ["33.34", "33.33", "33.33", "100"]
        );
        assert_eq!(
            attributes(&file, "//participating-org/@role"),
            ["2", "4", "4"]
        );
        assert_eq!(
            attributes(&file, "//participating-org/@type"),
            ["11", "11", "15"]
        );
        assert!(xpath(&file, "string(//iati-activity/title/narrative)")
            .contains("Дуррес, دوريس, 都拉斯 😀"));
        assert!(
            xpath(&file, "string(//iati-activity/description/narrative)")
                .contains("<rafforzata> & \"condivisa\"")
        );
        assert_eq!(xpath(&file, "string(//result[2]/indicator/@measure)"), "5");
        assert_eq!(
            xpath(
                &file,
                "string(//result[2]/indicator/period/target/comment/narrative)"
            ),
            "stabile & regolare"
        );
        let _ = std::fs::remove_file(&file);

        // Without budget nor end date the logframe is refused: a start date is needed.
        let mut bare = demo.clone();
        bare.project_end = String::new();
        for row in &mut bare.rows {
            for i in &mut row.indicators {
                i.baseline_year = None;
                i.baseline = String::new();
            }
        }
        let id = logframe(&app, &mut c, salerno, &bare, true).await;
        let r = download(&mut c, salerno, id).await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(
            r.body.contains(&html("activity-date[@type='1']")),
            "{}",
            r.body
        );
    }
}

#[tokio::test]
async fn a_logframe_not_yet_reviewed_or_breaking_a_rule_is_refused_in_the_readers_language() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let (_, demo) = demo_logframe(&app, salerno).await;
        let mut c = app.signed_in("membro@ponte.example").await;
        // A draft: not published, and no link on its page.
        let draft = logframe(&app, &mut c, salerno, &demo, false).await;
        let r = download(&mut c, salerno, draft).await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(r.body.contains("<code>iati-activity</code>"), "{}", r.body);
        assert!(r.body.contains("inviato al tutor"), "{}", r.body);
        let page = c
            .get(&format!("/organisations/{salerno}/products/{draft}"))
            .await;
        assert!(!page.body.contains("iati.xml"));
        // Submitted with an unreadable target and a sector code of no list: both named.
        let mut bad = demo.clone();
        bad.sectors = vec!["99999".into()];
        bad.rows[2].indicators[0].target = "otto azioni".into();
        let id = logframe(&app, &mut c, salerno, &bad, true).await;
        for (lang, words) in [
            ("it", "non è un numero"),
            ("en", "is not a number"),
            ("fr", "n'est pas un nombre"),
        ] {
            c.get(&format!("/language/{lang}")).await;
            let r = download(&mut c, salerno, id).await;
            assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
            for shown in [
                "sector[1]/@code",
                "result[3]/indicator[1]/period/target/@value",
                words,
            ] {
                assert!(r.body.contains(&html(shown)), "{lang}: {shown}: {}", r.body);
            }
        }
        // Only logframes have an activity file; nobody outside the workspace gets one.
        let budget = app.product_of_kind(salerno, "budget").await;
        assert_eq!(
            download(&mut c, salerno, budget).await.status,
            StatusCode::NOT_FOUND
        );
        let mut actor = app.signed_in("attore@ponte.example").await;
        assert_eq!(
            download(&mut actor, salerno, id).await.status,
            StatusCode::FORBIDDEN
        );
    }
}
