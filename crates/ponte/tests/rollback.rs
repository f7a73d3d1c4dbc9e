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
            table_id: None,
            group_id: None,
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

/// A stored state the code does not know (written by hand, or by a newer version) is an error
/// that names the record: the page says so in the reader's language, never a default state.
#[tokio::test]
async fn an_unreadable_stored_value_is_refused_with_a_translated_page() {
    for app in apps().await {
        let db = app.db();
        let name = &app.backend.name;
        let session = db::labs::list(db, &Default::default())
            .await
            .expect("sessions")
            .into_iter()
            .next()
            .expect("the demo has sessions");
        db::testing::exec(
            db,
            // By its check-in code: ids are stored differently by the two databases.
            &format!(
                "UPDATE lab_sessions SET status = 'rinviata' WHERE check_in_code = '{}'",
                session.check_in_code
            ),
        )
        .await;
        let read = db::labs::get(db, session.id).await;
        match read {
            Err(db::DbError::Unreadable { record, value }) => {
                assert!(
                    record.contains(&session.id.to_string()),
                    "{record} on {name}"
                );
                assert_eq!(value, "rinviata", "on {name}");
            }
            other => panic!("expected an unreadable value on {name}, got {other:?}"),
        }
        let mut member = app.signed_in("membro@ponte.example").await;
        let page = member.get(&format!("/labs/sessions/{}", session.id)).await;
        assert_eq!(page.status, 500, "on {name}");
        assert!(
            page.body.contains("Un dato salvato non si può leggere"),
            "{}",
            page.body
        );
    }
}

/// A reset link must not outlive the password it was sent to replace: using one link, or
/// changing the password, closes every other link still open.
#[tokio::test]
async fn changing_or_resetting_a_password_closes_every_open_reset_link() {
    for app in apps().await {
        let db = app.db();
        let name = &app.backend.name;
        let member = db::accounts::credentials(db, "membro@ponte.example")
            .await
            .expect("read")
            .expect("the demo member")
            .id;
        let first = db::accounts::create_reset(db, member).await.expect("link");
        let second = db::accounts::create_reset(db, member).await.expect("link");
        db::accounts::complete_reset(db, &first, "hash-one")
            .await
            .expect("the first link works");
        assert!(
            !db::accounts::reset_is_open(db, &second)
                .await
                .expect("read"),
            "another link used closes this one on {name}"
        );
        assert!(matches!(
            db::accounts::complete_reset(db, &second, "hash-two").await,
            Err(db::DbError::NotFound)
        ));
        let third = db::accounts::create_reset(db, member).await.expect("link");
        db::accounts::set_password(db, member, "hash-three", Some(member))
            .await
            .expect("password changed");
        assert!(
            !db::accounts::reset_is_open(db, &third).await.expect("read"),
            "a changed password closes the link on {name}"
        );
    }
}
