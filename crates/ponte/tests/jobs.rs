//! The job queue on both databases: due jobs only, by kind, leased so that concurrent workers
//! never run one job twice, retried later after a failure, left aside after too many.

use chrono::{Duration, Utc};
use serde_json::json;
use std::collections::HashSet;

#[tokio::test]
async fn jobs_run_once_when_due_and_retry_later() {
    for backend in db::testing::backends().await {
        let db = &backend.db;
        let later = Utc::now() + Duration::hours(1);
        db::jobs::enqueue_at(db, "reminder", None, &json!({"n": 0}), later)
            .await
            .unwrap();
        let first = db::jobs::enqueue(db, "email", Some("a@ponte.example"), &json!({"n": 1}))
            .await
            .unwrap();
        db::jobs::enqueue(db, "other", None, &json!({"n": 2}))
            .await
            .unwrap();
        assert!(
            db::jobs::claim(db, &[]).await.unwrap().is_none(),
            "no kinds, no job"
        );
        let job = db::jobs::claim(db, &["email", "reminder"])
            .await
            .unwrap()
            .unwrap();
        assert_eq!(job.id, first, "{}", backend.name);
        assert_eq!(job.payload["n"], 1);
        assert_eq!(job.attempts, 0);
        // Leased: nobody else gets it; the future reminder is not due.
        assert!(db::jobs::claim(db, &["email", "reminder"])
            .await
            .unwrap()
            .is_none());
        db::jobs::fail(db, &job, "server down").await.unwrap();
        assert!(
            db::jobs::claim(db, &["email"]).await.unwrap().is_none(),
            "retried later, not now"
        );
        db::testing::exec(
            db,
            "UPDATE jobs SET run_at = created_at WHERE kind = 'email'",
        )
        .await;
        let again = db::jobs::claim(db, &["email"]).await.unwrap().unwrap();
        assert_eq!((again.id, again.attempts), (first, 1));
        db::jobs::complete(db, again.id).await.unwrap();
        db::testing::exec(
            db,
            "UPDATE jobs SET run_at = created_at WHERE kind = 'email'",
        )
        .await;
        assert!(
            db::jobs::claim(db, &["email"]).await.unwrap().is_none(),
            "done is done"
        );
        let since = Utc::now() - Duration::minutes(1);
        assert_eq!(
            db::jobs::count_recent(db, "email", "a@ponte.example", since)
                .await
                .unwrap(),
            1
        );
        // After too many attempts a job is left aside.
        let stubborn = db::jobs::enqueue(db, "flaky", None, &json!({}))
            .await
            .unwrap();
        let sql = format!(
            "UPDATE jobs SET attempts = {} WHERE kind = 'flaky'",
            db::jobs::MAX_ATTEMPTS
        );
        db::testing::exec(db, &sql).await;
        assert!(
            db::jobs::claim(db, &["flaky"]).await.unwrap().is_none(),
            "{stubborn} is left aside"
        );
    }
}

#[tokio::test]
async fn concurrent_workers_never_take_the_same_job() {
    for backend in db::testing::backends().await {
        for n in 0..40 {
            db::jobs::enqueue(&backend.db, "email", None, &json!({ "n": n }))
                .await
                .unwrap();
        }
        let mut workers = Vec::new();
        for _ in 0..4 {
            let db = backend.db.clone();
            workers.push(tokio::spawn(async move {
                let mut mine = Vec::new();
                while let Some(job) = db::jobs::claim(&db, &["email"]).await.unwrap() {
                    mine.push(job.id);
                    db::jobs::complete(&db, job.id).await.unwrap();
                }
                mine
            }));
        }
        let mut seen = HashSet::new();
        let mut total = 0;
        for w in workers {
            for id in w.await.unwrap() {
                total += 1;
                assert!(seen.insert(id), "job {id} ran twice on {}", backend.name);
            }
        }
        assert_eq!(total, 40, "{}", backend.name);
    }
}
