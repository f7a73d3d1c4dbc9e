//! Deadline reminders: when a product gets a due date, a job is queued for three days before it;
//! when it runs, a product still in the authors' hands (draft, or changes requested) reminds its
//! administration in the app and by email. A job whose due date has since changed does nothing,
//! so that moving a deadline never sends a stale reminder.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use db::products::Notice;
use db::Db;
use domain::roles::Role;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use uuid::Uuid;

/// The job kind.
pub const KIND: &str = "products.reminder";
/// How many days before the due date the reminder goes out.
pub const DAYS_BEFORE: i64 = 3;

#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    product: Uuid,
    due: NaiveDate,
}

/// Queues the reminder for `product` due on `due` (at 08:00 UTC, `DAYS_BEFORE` days before; at
/// once when that moment has passed but the due date has not; never for a past date).
pub async fn schedule(db: &Db, product: Uuid, due: NaiveDate) -> db::Result<()> {
    let today = db.now().date_naive();
    if due < today {
        return Ok(());
    }
    let day = due - Duration::days(DAYS_BEFORE);
    let at = Utc
        .from_utc_datetime(&day.and_hms_opt(8, 0, 0).unwrap_or_default())
        .max(db.now());
    let payload = serde_json::to_value(Payload { product, due }).unwrap_or_default();
    db::jobs::enqueue_at(db, KIND, Some(&product.to_string()), &payload, at).await?;
    Ok(())
}

fn i18n() -> &'static crate::i18n::I18n {
    static I18N: OnceLock<crate::i18n::I18n> = OnceLock::new();
    I18N.get_or_init(crate::i18n::I18n::load)
}

/// Runs one reminder job; `base_url` makes the link in the email absolute.
pub async fn run(db: &Db, base_url: &str, payload: &serde_json::Value) -> Result<(), String> {
    let payload: Payload =
        serde_json::from_value(payload.clone()).map_err(|e| format!("payload: {e}"))?;
    let Some(p) = db::products::get(db, payload.product)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(());
    };
    let editable = p.state.editable();
    if p.due_on != Some(payload.due) || !editable {
        return Ok(());
    }
    let people = db::accounts::organisation_people(db, p.organisation_id)
        .await
        .map_err(|e| e.to_string())?;
    let mut to: Vec<(Uuid, String)> = Vec::new();
    for person in people {
        let author = person.role == Role::Coordinator.code() || person.role == Role::Member.code();
        if author && !to.iter().any(|(id, _)| *id == person.user_id) {
            to.push((person.user_id, person.email));
        }
    }
    // Every recipient's language first: a database error then sends nothing, rather than some of
    // the emails that a retried job would send again.
    let mut languages = Vec::with_capacity(to.len());
    for (person, _) in &to {
        languages.push(
            crate::mail::locale_of(db, *person)
                .await
                .map_err(|e| e.to_string())?,
        );
    }
    let link = super::path(&p);
    let notice = Notice {
        to: to.iter().map(|(id, _)| *id).collect(),
        kind: "reminder",
        title: p.title.clone(),
        link: link.clone(),
    };
    db::products::notify(db, &notice)
        .await
        .map_err(|e| e.to_string())?;
    for ((_, address), locale) in to.iter().zip(languages) {
        let args = [
            ("title", p.title.clone().into()),
            ("due", locale.date(payload.due).into()),
            ("link", format!("{base_url}{link}").into()),
        ];
        let subject = i18n().message(locale, "mail-product-reminder-subject", &args);
        let body = i18n().message(locale, "mail-product-reminder-body", &args);
        crate::mail::queue(db, address, &subject, &body)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}
