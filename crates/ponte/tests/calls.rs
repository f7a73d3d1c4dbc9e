//! Funding calls on both databases: the demo's calls as the rule packs state them, the staff page
//! that lists, adds and edits them (amounts and rates typed as people write them), every
//! refusal (a 4xx with its message, nothing stored), a stale edit shown beside the saved call,
//! and who may reach the pages.

mod common;

use axum::http::StatusCode;
use common::{apps, App};

const STAFF: &str = "staff@ponte.example";

/// How many entries the audit log holds: every change writes one.
async fn changes(app: &App) -> i64 {
    db::audit::page(app.db(), None, 1, 0).await.unwrap().1
}

#[tokio::test]
async fn the_demo_calls_follow_their_rule_packs() {
    for app in apps().await {
        let name = app.backend.name;
        let calls = db::calls::list(app.db()).await.unwrap();
        assert_eq!(calls.len(), 4, "{name}");
        let adrion = calls
            .iter()
            .find(|c| c.call.pack == "ipa-adrion-call1")
            .expect("the IPA ADRION call");
        let c = &adrion.call;
        assert_eq!(c.grant_max, Some(150_000_000), "{name}");
        assert_eq!(c.months_max, Some(36));
        assert_eq!((c.partners_min, c.countries_min), (6, 6));
        assert_eq!(c.per_country_max, Some(2));
        let minima: Vec<(&str, u32)> = c
            .group_minima
            .iter()
            .map(|m| (m.group.as_str(), m.count))
            .collect();
        assert_eq!(minima, vec![("erdf", 3), ("ipa", 3)]);
        assert!(c.source.contains("ucg.ac.me"), "the source is cited");
        // No fact is invented: the sources give no deadline and no country list.
        assert!(calls.iter().all(|c| c.call.deadline.is_none()));
        let next_med = calls
            .iter()
            .find(|c| c.call.pack == "next-med-call1")
            .unwrap();
        assert_eq!(next_med.call.grant_min, Some(50_000_000));
        assert_eq!(
            next_med.call.eu_rate_max.map(|d| d.plain()),
            Some("89".to_string())
        );
        // Every call's pack is one of the repository's.
        for c in &calls {
            assert!(
                domain::products::budget::rules::pack(&c.call.pack).is_some(),
                "{}",
                c.call.pack
            );
        }
    }
}

#[tokio::test]
async fn staff_list_add_and_edit_calls_and_others_may_not() {
    for app in apps().await {
        let name = app.backend.name;
        // Only staff and the operator reach the pages.
        let mut guest = app.client();
        assert_eq!(guest.get("/calls").await.status, StatusCode::SEE_OTHER);
        for who in ["membro@ponte.example", "tutor@ponte.example"] {
            let mut c = app.signed_in(who).await;
            assert_eq!(c.get("/calls").await.status, StatusCode::FORBIDDEN, "{who}");
            let before = changes(&app).await;
            let r = c
                .post("/calls", &[("name", "Bando"), ("programme", "P")])
                .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{who}");
            assert_eq!(changes(&app).await, before);
        }

        let mut staff = app.signed_in(STAFF).await;
        let list = staff.get("/calls").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("IPA ADRION — primo bando"), "{name}");
        assert!(list.body.contains("1.500.000,00"), "amounts in Italian");
        assert_eq!(staff.get("/calls/new").await.status, StatusCode::OK);

        // A new call, amounts typed in Italian.
        let before = changes(&app).await;
        let r = staff
            .post(
                "/calls",
                &[
                    ("name", "Bando per le città costiere"),
                    ("programme", "Programma di prova"),
                    ("pack", "next-med-call1"),
                    ("deadline", "2027-05-31"),
                    ("countries", "IT"),
                    ("countries", "TN"),
                    ("eu_rate_max", "89,5"),
                    ("grant_min", "500.000"),
                    ("grant_max", "2.500.000,50"),
                    ("months_min", "18"),
                    ("months_max", "36"),
                    ("partners_min", "3"),
                    ("countries_min", "2"),
                    ("per_country_max", "2"),
                    ("group_mpc", "1"),
                    ("group_erdf", ""),
                    ("cover_targets", "1"),
                    ("source", "Termini di riferimento, art. 4."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert_eq!(changes(&app).await, before + 1, "one audited change");
        let stored = db::calls::list(app.db())
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.call.name == "Bando per le città costiere")
            .expect("the new call");
        let c = &stored.call;
        assert_eq!(c.grant_min, Some(50_000_000));
        assert_eq!(c.grant_max, Some(250_000_050), "exact to the cent");
        assert_eq!(c.eu_rate_max.map(|d| d.plain()), Some("89.5".into()));
        assert_eq!(c.countries, vec!["IT", "TN"]);
        assert_eq!(c.group_minima.len(), 1);
        assert!(c.cover_targets);
        assert_eq!(c.deadline.map(|d| d.to_string()), Some("2027-05-31".into()));

        // The editor shows it in the reader's language.
        let mut english = app.signed_in(STAFF).await;
        english.get("/language/en").await;
        let edit = english.get(&format!("/calls/{}/edit", stored.id)).await;
        assert_eq!(edit.status, StatusCode::OK);
        assert!(edit.body.contains("2,500,000.50"), "{}", edit.body);

        // Refusals: each with its message, nothing stored.
        let path = format!("/calls/{}", stored.id);
        let version = stored.version.to_string();
        for (field, value, message) in [
            ("eu_rate_max", "0", "Una quota dello 0 %"),
            ("eu_rate_max", "100,5", "non può superare il 100 %"),
            ("grant_min", "3.000.000", "Il massimo è minore del minimo"),
            ("months_max", "12", "Il massimo è minore del minimo"),
            ("pack", "inventato", "Scegli uno dei valori proposti"),
            ("countries", "ZZ", "Scegli uno dei valori proposti"),
            ("partners_min", "2,5", "Scrivi un numero intero"),
            ("grant_max", "-5", ""),
            ("name", "", "Campo obbligatorio"),
        ] {
            let mut form = vec![
                ("version", version.as_str()),
                ("name", "Bando per le città costiere"),
                ("programme", "Programma di prova"),
                ("grant_min", "500.000"),
                ("grant_max", "2.500.000"),
                ("months_min", "18"),
                ("months_max", "36"),
            ];
            form.retain(|(k, _)| *k != field);
            form.push((field, value));
            let before = changes(&app).await;
            let r = staff.post(&path, &form).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{name} {field}={value}"
            );
            let body = r.body.replace("&#x27;", "'");
            assert!(body.contains(message), "{field}={value}: {body}");
            assert!(
                body.contains(&format!("id=\"e-{field}\""))
                    || field == "grant_min"
                    || field == "months_max",
                "{field}: next to the field"
            );
            assert_eq!(
                changes(&app).await,
                before,
                "{field}={value}: nothing stored"
            );
        }

        // A save from an old form meets the one saved meanwhile: both shown, nothing stored.
        let r = staff
            .post(
                &path,
                &[
                    ("version", version.as_str()),
                    ("name", "Bando per le città costiere"),
                    ("programme", "Programma rivisto"),
                    ("months_max", "30"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let saved = db::calls::get(app.db(), stored.id).await.unwrap();
        assert_eq!(saved.version, stored.version + 1);
        assert_eq!(saved.call.months_max, Some(30));
        assert_eq!(
            saved.call.grant_max, None,
            "a field left empty sets no limit"
        );
        let before = changes(&app).await;
        let r = staff
            .post(
                &path,
                &[
                    ("version", version.as_str()),
                    ("name", "Bando per le città costiere"),
                    ("programme", "Un altro programma"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{name}");
        assert!(
            r.body.contains("Programma rivisto"),
            "the saved call is shown"
        );
        assert!(
            r.body.contains("Un altro programma"),
            "what was typed is kept"
        );
        assert_eq!(changes(&app).await, before);
        assert_eq!(
            db::calls::get(app.db(), stored.id)
                .await
                .unwrap()
                .call
                .programme,
            "Programma rivisto"
        );
        // An unknown call is not found.
        let r = staff
            .get(&format!("/calls/{}/edit", uuid::Uuid::now_v7()))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
}
