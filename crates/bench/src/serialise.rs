//! Whether the generation rows serialise concurrent writers of one part on PostgreSQL, and by how
//! much: many people register to sessions at once, each registration a transaction that raises
//! the labs' generation (one row, locked by each writer until it commits). Measured with one
//! writer and with many, and with many writers running the same statements without the
//! generation row, so that the difference is the row's own cost.

use db::Db;
use domain::labs::schedule::SessionDraft;
use std::time::Instant;
use uuid::Uuid;

/// Registrations per second in three runs.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    pub registrations: usize,
    pub writers: usize,
    /// Through the write path (audit entry and labs' generation), one writer.
    pub one_writer_per_second: f64,
    /// Through the write path, `writers` at once.
    pub many_writers_per_second: f64,
    /// The same statements and audit entry without raising the generation, `writers` at once.
    pub many_writers_without_generation_per_second: f64,
}

impl Report {
    /// The figures in words, for the printed report.
    pub fn describe(&self) -> String {
        format!(
            "concurrent registrations ({} each run): 1 writer {:.0}/s; {} writers {:.0}/s through the write path, {:.0}/s without the generation row ({:.0} % of it)",
            self.registrations,
            self.one_writer_per_second,
            self.writers,
            self.many_writers_per_second,
            self.many_writers_without_generation_per_second,
            if self.many_writers_without_generation_per_second > 0.0 {
                100.0 * self.many_writers_per_second / self.many_writers_without_generation_per_second
            } else {
                0.0
            }
        )
    }
}

/// A session to come with room for everyone.
async fn session(db: &Db, like: &db::labs::Session, n: usize) -> anyhow::Result<Uuid> {
    let starts_at = chrono::Utc::now() + chrono::Duration::days(30 + n as i64);
    let draft = SessionDraft {
        module_id: like.module_id,
        cohort_id: like.cohort_id,
        title: format!("Misura delle iscrizioni {n}"),
        starts_at,
        ends_at: starts_at + chrono::Duration::hours(4),
        place: "Napoli".into(),
        online_url: String::new(),
        capacity: 100_000,
        table_id: None,
        group_id: None,
    };
    Ok(db::labs::create(db, &draft, None).await?)
}

/// Registers `people` to `session` with `writers` tasks at once; registrations per second.
async fn through_write_path(
    db: &Db,
    session: Uuid,
    people: &[Uuid],
    writers: usize,
) -> anyhow::Result<f64> {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for chunk in people.chunks(people.len().div_ceil(writers)) {
        let (db, chunk) = (db.clone(), chunk.to_vec());
        tasks.push(tokio::spawn(async move {
            for p in chunk {
                db::labs::register(&db, session, p, chrono::Utc::now()).await?;
            }
            Ok::<_, db::DbError>(())
        }));
    }
    for t in tasks {
        t.await??;
    }
    Ok(people.len() as f64 / started.elapsed().as_secs_f64())
}

/// The same statements as `db::labs::register` and its audit entry, without the generation.
async fn without_generation(
    pool: &sqlx::PgPool,
    session: Uuid,
    people: &[Uuid],
    writers: usize,
) -> anyhow::Result<f64> {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for chunk in people.chunks(people.len().div_ceil(writers)) {
        let (pool, chunk) = (pool.clone(), chunk.to_vec());
        tasks.push(tokio::spawn(async move {
            for p in chunk {
                let now = chrono::Utc::now();
                let mut tx = pool.begin().await?;
                sqlx::query(
                    "UPDATE lab_sessions SET registered = registered + 1
                     WHERE id = $1 AND registered < capacity AND status IN ('planned', 'confirmed') AND starts_at > $2",
                )
                .bind(session)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "INSERT INTO registrations (session_id, user_id, status, created_at) VALUES ($1, $2, 'registered', $3)",
                )
                .bind(session)
                .bind(p)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                sqlx::query(db::audit::INSERT)
                    .bind(Uuid::now_v7())
                    .bind(now)
                    .bind(Some(p))
                    .bind("labs.register")
                    .bind("session")
                    .bind(session.to_string())
                    .bind(None::<String>)
                    .bind(Some(format!("{{\"user\":\"{p}\"}}")))
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
            }
            Ok::<_, sqlx::Error>(())
        }));
    }
    for t in tasks {
        t.await??;
    }
    Ok(people.len() as f64 / started.elapsed().as_secs_f64())
}

/// Measures the three runs on a PostgreSQL database holding the seeded data.
pub async fn measure(db: &Db, writers: usize) -> anyhow::Result<Report> {
    let db::Pool::Postgres(pool) = db.pool() else {
        anyhow::bail!("the serialisation of writers is measured on PostgreSQL");
    };
    let like = db::labs::list(db, &Default::default())
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("no session"))?;
    let mut people = Vec::new();
    for n in 0..3000 {
        if let Some(c) =
            db::accounts::credentials(db, &format!("persona{n:04}@bench.example")).await?
        {
            people.push(c.id);
        }
    }
    let per_run = (people.len() / 3).min(800);
    anyhow::ensure!(per_run >= writers, "too few people to register");
    let runs: Vec<&[Uuid]> = people.chunks(per_run).take(3).collect();
    let one = through_write_path(db, session(db, &like, 0).await?, runs[0], 1).await?;
    let many = through_write_path(db, session(db, &like, 1).await?, runs[1], writers).await?;
    let bare = without_generation(pool, session(db, &like, 2).await?, runs[2], writers).await?;
    Ok(Report {
        registrations: per_run,
        writers,
        one_writer_per_second: one,
        many_writers_per_second: many,
        many_writers_without_generation_per_second: bare,
    })
}
