//! Commitments' emails: the reminder that reaches a commitment's owner a week before its due
//! date, and the weekly digest (Monday morning in Rome) of what each owner has overdue. Both are
//! jobs of the queue timed by the application's clock; each email is written in its recipient's
//! language (their profile's for those with an account, Italian for contacts) and recorded with
//! its job, so that a reminder goes out once per due date and a digest once per week, however
//! often its job runs.

use chrono::{DateTime, Utc};
use db::tables::{Commitment, COMMITMENT_DIGEST_JOB, COMMITMENT_REMINDER_JOB};
use db::Db;
use domain::locale::Locale;
use domain::tables::commitments::{next_digest, reminder_at, week_of};
use serde::Deserialize;
use std::sync::OnceLock;
use uuid::Uuid;

/// The job kind of a reminder.
pub const REMINDER_KIND: &str = COMMITMENT_REMINDER_JOB;
/// The job kind of the weekly digest.
pub const DIGEST_KIND: &str = COMMITMENT_DIGEST_JOB;

fn i18n() -> &'static crate::i18n::I18n {
    static I18N: OnceLock<crate::i18n::I18n> = OnceLock::new();
    I18N.get_or_init(crate::i18n::I18n::load)
}

/// When the reminder of a commitment due on `due_on` is to go out, read on the application's
/// clock (`None`: its due date has passed).
pub fn reminder_time(db: &Db, due_on: chrono::NaiveDate) -> Option<DateTime<Utc>> {
    reminder_at(due_on, db.now())
}

/// Queues the next weekly digest unless it is queued already.
pub async fn ensure_digest(db: &Db) -> db::Result<()> {
    db::tables::schedule_commitment_digest(db, next_digest(db.now())).await?;
    Ok(())
}

/// The language of the emails to a commitment's owner.
async fn owner_locale(db: &Db, c: &Commitment) -> Result<Locale, String> {
    match c.representative_user {
        Some(user) => crate::mail::locale_of(db, user)
            .await
            .map_err(|e| e.to_string()),
        None => Ok(Locale::default()),
    }
}

#[derive(Deserialize)]
struct ReminderPayload {
    commitment: Uuid,
    due: chrono::NaiveDate,
}

/// Runs one reminder job: a commitment still pending with the same due date reminds its owner,
/// once for that due date; one done, dropped, gone or moved to another date is left alone (its
/// new date has a job of its own).
pub async fn run_reminder(
    db: &Db,
    base_url: &str,
    payload: &serde_json::Value,
) -> Result<(), String> {
    let payload: ReminderPayload =
        serde_json::from_value(payload.clone()).map_err(|e| format!("payload: {e}"))?;
    let Some(c) = db::tables::commitment_by_id(db, payload.commitment)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(());
    };
    if c.due_on != payload.due || !c.status.is_pending() {
        return Ok(());
    }
    let locale = owner_locale(db, &c).await?;
    let link = format!("{base_url}/tables/{}/commitments/{}", c.table_id, c.id);
    let args = [
        ("name", c.representative.clone().into()),
        ("table", c.table_name.clone().into()),
        ("what", c.what.clone().into()),
        ("organisation", c.organisation.clone().into()),
        ("due", locale.date(c.due_on).into()),
        ("link", link.into()),
    ];
    let subject = i18n().message(locale, "mail-commitment-reminder-subject", &args);
    let body = i18n().message(locale, "mail-commitment-reminder-body", &args);
    let email = crate::mail::Email {
        to: c.representative_email.clone(),
        subject,
        body,
        calendar: None,
    };
    let payload = serde_json::to_value(&email).map_err(|e| e.to_string())?;
    db::tables::queue_commitment_reminder(db, c.id, c.due_on, &c.representative_email, &payload)
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// Runs the weekly digest: every owner with overdue commitments (on any table) gets one email
/// listing them, once for the week; then the next week's digest is queued.
pub async fn run_digest(db: &Db, base_url: &str) -> Result<(), String> {
    let today = db
        .now()
        .with_timezone(&domain::locale::TIME_ZONE)
        .date_naive();
    let overdue = db::tables::overdue_commitments(db, today)
        .await
        .map_err(|e| e.to_string())?;
    // Grouped by address (the query orders by it): one person may represent on several tables.
    let mut groups: Vec<(String, Vec<&Commitment>)> = Vec::new();
    for c in &overdue {
        let address = c.representative_email.to_lowercase();
        match groups.last_mut() {
            Some((a, list)) if *a == address => list.push(c),
            _ => groups.push((address, vec![c])),
        }
    }
    let week = week_of(today);
    for (address, list) in groups {
        // The language of the account behind any of the address's rows, else Italian.
        let mut locale = Locale::default();
        if let Some(c) = list.iter().find(|c| c.representative_user.is_some()) {
            locale = owner_locale(db, c).await?;
        }
        let lines: String = list
            .iter()
            .map(|c| {
                format!(
                    "- {} — {} ({}, {})\n  {base_url}/tables/{}/commitments/{}\n",
                    c.what.replace('\n', " "),
                    c.table_name,
                    c.organisation,
                    locale.date(c.due_on),
                    c.table_id,
                    c.id
                )
            })
            .collect();
        let args = [
            ("name", list[0].representative.clone().into()),
            ("count", (list.len() as i64).into()),
            ("list", lines.into()),
        ];
        let email = crate::mail::Email {
            to: list[0].representative_email.clone(),
            subject: i18n().message(locale, "mail-commitment-digest-subject", &args),
            body: i18n().message(locale, "mail-commitment-digest-body", &args),
            calendar: None,
        };
        let payload = serde_json::to_value(&email).map_err(|e| e.to_string())?;
        db::tables::queue_commitment_digest(db, &address, week, &payload)
            .await
            .map_err(|e| e.to_string())?;
    }
    ensure_digest(db).await.map_err(|e| e.to_string())
}
