//! Feedback on sessions: the questionnaire answered once per person (anonymously if they wish),
//! who answered, and the answers.

use super::*;

/// Records feedback once per person; an anonymous answer carries no user id and only the date.
pub async fn give_feedback(
    db: &Db,
    session: Uuid,
    user: Uuid,
    answer: &domain::labs::feedback::Answer,
    today: NaiveDate,
) -> Result<()> {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    // A random id, not a time-ordered one, so that the order of answers tells nothing.
    let id = uuid::Builder::from_random_bytes(bytes).into_uuid();
    let ratings = serde_json::to_string(&answer.ratings).unwrap_or_else(|_| "[]".into());
    // The entry says who answered (as `feedback_given` does), never which answer is theirs.
    let change = Change {
        actor: Some(user),
        action: "labs.feedback",
        entity: "session",
        entity_id: session.to_string(),
        before: None,
        after: None,
    };
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            sqlx::query("INSERT INTO feedback_given (session_id, user_id) VALUES ($1, $2)")
                .bind(session)
                .bind(user)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_write)?;
            sqlx::query(
            "INSERT INTO feedback_answers (id, session_id, user_id, ratings, went_well, to_improve, answered_on) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(session)
        .bind((!answer.anonymous).then_some(user))
        .bind(&ratings)
        .bind(&answer.went_well)
        .bind(&answer.to_improve)
        .bind(today)
        .execute(&mut *tx)
        .await?;
            // People's pages of their labs show whose feedback is still due.
            Ok(())
        },
        |_| change
    )?;
    Ok(())
}

/// Whether `user` already answered the questionnaire of `session`.
pub async fn gave_feedback(db: &Db, session: Uuid, user: Uuid) -> Result<bool> {
    run!(db, |pool| {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM feedback_given WHERE session_id = $1 AND user_id = $2",
        )
        .bind(session)
        .bind(user)
        .fetch_one(pool)
        .await?
            > 0)
    })
}

/// The sessions whose questionnaire `user` answered.
pub async fn feedback_given_by(db: &Db, user: Uuid) -> Result<Vec<Uuid>> {
    run!(db, |pool| {
        Ok(sqlx::query_scalar::<_, Uuid>(
            "SELECT session_id FROM feedback_given WHERE user_id = $1",
        )
        .bind(user)
        .fetch_all(pool)
        .await?)
    })
}

/// One stored answer, with its author's name unless it was anonymous.
#[derive(Debug, Clone, Serialize)]
pub struct StoredAnswer {
    pub author: Option<String>,
    pub ratings: [Option<i64>; 5],
    pub went_well: String,
    pub to_improve: String,
    pub answered_on: NaiveDate,
}

/// Every answer to the questionnaire of a session.
pub async fn feedback(db: &Db, session: Uuid) -> Result<Vec<StoredAnswer>> {
    run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT u.name AS author, f.ratings, f.went_well, f.to_improve, f.answered_on FROM feedback_answers f
             LEFT JOIN users u ON u.id = f.user_id WHERE f.session_id = $1 ORDER BY f.answered_on, f.id",
        )
        .bind(session)
        .fetch_all(pool)
        .await?;
        let mut out = Vec::new();
        for r in &rows {
            let ratings: String = r.try_get("ratings")?;
            let ratings = serde_json::from_str(&ratings).map_err(|_| {
                crate::unknown_code(
                    "ratings",
                    format!("feedback_answers of session {session}, ratings"),
                    &ratings,
                )
            })?;
            out.push(StoredAnswer {
                author: r.try_get("author")?,
                ratings,
                went_well: r.try_get("went_well")?,
                to_improve: r.try_get("to_improve")?,
                answered_on: r.try_get("answered_on")?,
            });
        }
        Ok(out)
    })
}

/// Number of answers per session, for the dashboard.
pub async fn feedback_counts(db: &Db) -> Result<Vec<(Uuid, i64)>> {
    run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT session_id, COUNT(*) AS answers FROM feedback_answers GROUP BY session_id",
        )
        .fetch_all(pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| Ok((r.try_get("session_id")?, r.try_get("answers")?)))
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}
