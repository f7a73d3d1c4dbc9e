//! A change that fails after it began writing leaves nothing behind: not its rows, not its audit
//! entry, not the generations of its parts (so nothing kept is thrown away for nothing).

mod common;

use common::*;

#[tokio::test]
async fn a_failed_change_rolls_back_its_rows_audit_entry_and_generations() {
    for app in apps().await {
        let db = app.db();
        let name = &app.backend.name;
        let like = db::labs::list(db, &Default::default())
            .await
            .expect("sessions")
            .into_iter()
            .next()
            .expect("the demo has sessions");
        let starts_at = chrono::Utc::now() + chrono::Duration::days(40);
        let draft = domain::labs::schedule::SessionDraft {
            module_id: like.module_id,
            cohort_id: like.cohort_id,
            title: "Giornata per la prova di annullamento".into(),
            starts_at,
            ends_at: starts_at + chrono::Duration::hours(3),
            place: "Bari".into(),
            online_url: String::new(),
            capacity: 10,
        };
        let session = db::labs::create(db, &draft, None).await.expect("session");
        let member = db::accounts::credentials(db, "membro@ponte.example")
            .await
            .expect("read")
            .expect("the demo member")
            .id;
        assert!(db::labs::register(db, session, member, chrono::Utc::now())
            .await
            .expect("first registration"));
        let seats = db::labs::get(db, session)
            .await
            .unwrap()
            .unwrap()
            .registered;
        let (_, audited) = db::audit::page(db, None, 1, 0).await.expect("audit");
        let generations = db::generations(db, &db::Part::ALL)
            .await
            .expect("generations");
        // The second registration takes the seat (a write) before it finds the person holds one.
        let again = db::labs::register(db, session, member, chrono::Utc::now()).await;
        assert!(
            matches!(again, Err(db::DbError::Duplicate)),
            "{again:?} on {name}"
        );
        assert_eq!(
            db::labs::get(db, session)
                .await
                .unwrap()
                .unwrap()
                .registered,
            seats,
            "the seat taken is given back on {name}"
        );
        assert_eq!(
            db::audit::page(db, None, 1, 0).await.expect("audit").1,
            audited,
            "no audit entry for a change that failed on {name}"
        );
        assert_eq!(
            db::generations(db, &db::Part::ALL)
                .await
                .expect("generations"),
            generations,
            "no generation raised by a change that failed on {name}"
        );
    }
}
