//! The audit log as administrators read it, on both databases: each change said in words in the
//! reader's language, narrowed by person, dates and record.

mod common;

use axum::http::StatusCode;
use common::apps;

#[tokio::test]
async fn the_audit_log_reads_as_sentences_and_filters_by_person_date_and_record() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        // The coordinator edits a product: a change by a known person on a known record.
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        let r = coordinator
            .post(
                &format!("/organisations/{salerno}/products"),
                &[
                    ("title", "Piano per il registro"),
                    ("kind", "communication_plan"),
                    ("mode", ""),
                    ("due_on", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let product = r
            .location()
            .trim_end_matches("/edit")
            .rsplit('/')
            .next()
            .unwrap()
            .to_string();
        let coordinator_id = db::accounts::credentials(app.db(), "coordinatore@ponte.example")
            .await
            .unwrap()
            .unwrap()
            .id;
        let mut admin = app.signed_in("admin@ponte.example").await;
        let all = admin.get("/admin/audit").await;
        assert_eq!(all.status, StatusCode::OK);
        assert!(
            all.body.contains("Antonio Esposito ha creato un prodotto"),
            "{}",
            all.body
        );
        assert!(
            all.body.contains("Giulia Ferri ha aperto una sessione"),
            "{}",
            all.body
        );
        // By person: only the coordinator's changes.
        let theirs = admin
            .get(&format!("/admin/audit?person={coordinator_id}"))
            .await;
        assert!(theirs
            .body
            .contains("Antonio Esposito ha creato un prodotto"));
        assert!(!theirs.body.contains("Giulia Ferri ha aperto una sessione"));
        // By record: the product's entries only.
        let record = admin.get(&format!("/admin/audit?record={product}")).await;
        assert!(record
            .body
            .contains("Antonio Esposito ha creato un prodotto"));
        assert!(!record.body.contains("Giulia Ferri ha aperto una sessione"));
        // By date: nothing tomorrow, everything from today; a wrong date is ignored, not a 500.
        let tomorrow = (chrono::Utc::now() + chrono::Duration::days(2)).date_naive();
        let later = admin.get(&format!("/admin/audit?from={tomorrow}")).await;
        assert_eq!(later.status, StatusCode::OK);
        assert!(
            later.body.contains("0 attività registrate"),
            "{}",
            later.body
        );
        assert!(!later
            .body
            .contains("Antonio Esposito ha creato un prodotto"));
        let wrong = admin
            .get("/admin/audit?from=31-12-2026&person=nobody")
            .await;
        assert_eq!(wrong.status, StatusCode::OK);
    }
}
