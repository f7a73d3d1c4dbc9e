//! The emails of notifications: those to send at once (one email each) and the daily and weekly
//! digests (one email per person and kind, grouped by space), each with its signed one-click
//! unsubscribe link, in the recipient's language. Run by the job queue.

use db::notifications::{Batch, Outgoing, Pending};
use db::Db;
use domain::locale::Locale;
use domain::notifications::unsubscribe::{self, Link};
use domain::notifications::{next_digest, Digest, Kind};
use std::sync::OnceLock;

fn i18n() -> &'static crate::i18n::I18n {
    static I18N: OnceLock<crate::i18n::I18n> = OnceLock::new();
    I18N.get_or_init(crate::i18n::I18n::load)
}

/// The signed address that unsubscribes `person` from `kind`, valid for
/// `unsubscribe::LIFETIME` from `now`.
pub fn unsubscribe_url(
    base_url: &str,
    key: &[u8],
    person: uuid::Uuid,
    kind: Kind,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let link = Link {
        person,
        kind,
        expires: now + unsubscribe::LIFETIME,
    };
    format!("{base_url}/unsubscribe/{}", unsubscribe::sign(key, &link))
}

fn locale_of(p: &Pending) -> Locale {
    let languages: Vec<String> = p
        .languages
        .split(',')
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    Locale::for_mail(&languages)
}

/// The closing lines of every notification email: how to stop this kind, how to choose.
pub fn footer(locale: Locale, base_url: &str, kind: Kind, url: &str) -> String {
    let kind_name = i18n().t(locale, &format!("notifications-kind-{}", kind.code()));
    let args = [
        ("kind", kind_name.into()),
        ("link", url.to_string().into()),
        (
            "preferences",
            format!("{base_url}/profile/notifications").into(),
        ),
    ];
    i18n().message(locale, "mail-notification-footer", &args)
}

/// How an email of `kind` reaches `person` as they chose, for the emails a change sends itself
/// (reviews, labs, tables' convocations): `None` when they chose none (what it tells of is still
/// shown in the app); otherwise at once, with the signed address that unsubscribes from the kind.
pub struct Signed {
    pub url: String,
    footer: String,
}

impl Signed {
    /// `body` with the closing lines that say how to stop this kind and how to choose.
    pub fn body(&self, body: &str) -> String {
        format!("{body}\n\n-- \n{}", self.footer)
    }

    /// The job payload of `email` with its unsubscribe address (see `crate::mail::send`).
    pub fn payload(&self, email: &crate::mail::Email) -> serde_json::Value {
        crate::mail::unsubscribable(email, self.url.clone())
    }
}

/// Whether and how an email of `kind` goes to `person` now, in `locale` (see `Signed`).
pub async fn signed(
    db: &Db,
    base_url: &str,
    person: uuid::Uuid,
    kind: Kind,
    locale: Locale,
) -> db::Result<Option<Signed>> {
    let chosen = db::notifications::preferences(db, person)
        .await?
        .into_iter()
        .find(|(k, _)| *k == kind)
        .map_or(kind.default_delivery(), |(_, d)| d);
    if chosen == domain::notifications::Delivery::Off {
        return Ok(None);
    }
    let key = db::notifications::signing_key(db).await?;
    let url = unsubscribe_url(base_url, &key, person, kind, db.now());
    Ok(Some(Signed {
        footer: footer(locale, base_url, kind, &url),
        url,
    }))
}

/// One email per notification to send at once.
fn compose_each(
    base_url: &str,
    key: &[u8],
    now: chrono::DateTime<chrono::Utc>,
    found: &[Pending],
) -> Vec<Outgoing> {
    let mut out = Vec::new();
    for p in found {
        let Some(kind) = Kind::parse(&p.kind) else {
            continue;
        };
        let locale = locale_of(p);
        let who = p
            .actor_name
            .clone()
            .unwrap_or_else(|| i18n().t(locale, "products-someone"));
        let args = [
            ("who", who.into()),
            ("title", p.title.clone().into()),
            ("space", p.space_name.clone().into()),
            ("link", format!("{base_url}{}", p.link).into()),
        ];
        let subject = i18n().message(locale, &format!("mail-{}-subject", kind.code()), &args);
        let url = unsubscribe_url(base_url, key, p.user_id, kind, now);
        let body = format!(
            "{}\n\n-- \n{}\n",
            i18n().message(locale, &format!("mail-{}-body", kind.code()), &args),
            footer(locale, base_url, kind, &url)
        );
        out.push((
            p.email.clone(),
            crate::mail::payload_unsubscribable(&p.email, &subject, &body, url),
        ));
    }
    out
}

/// One digest per person and kind, its notifications grouped by space (in the order `found`
/// holds them: by person, space and time).
fn compose_digest(
    digest: Digest,
    base_url: &str,
    key: &[u8],
    now: chrono::DateTime<chrono::Utc>,
    found: &[Pending],
) -> Vec<Outgoing> {
    let mut out = Vec::new();
    let mut groups: Vec<(uuid::Uuid, Kind, Vec<&Pending>)> = Vec::new();
    for p in found {
        let Some(kind) = Kind::parse(&p.kind) else {
            continue;
        };
        match groups
            .iter_mut()
            .find(|(u, k, _)| *u == p.user_id && *k == kind)
        {
            Some(g) => g.2.push(p),
            None => groups.push((p.user_id, kind, vec![p])),
        }
    }
    for (person, kind, items) in groups {
        let first = items[0];
        let locale = locale_of(first);
        let kind_name = i18n().t(locale, &format!("notifications-kind-{}", kind.code()));
        let args = [
            ("kind", kind_name.into()),
            ("count", (items.len() as i64).into()),
        ];
        let subject = i18n().message(
            locale,
            &format!("mail-digest-{}-subject", digest.code()),
            &args,
        );
        let mut body = i18n().message(
            locale,
            &format!("mail-digest-{}-intro", digest.code()),
            &args,
        );
        body.push('\n');
        let mut space: Option<&str> = None;
        for p in &items {
            if space != Some(p.space_name.as_str()) {
                space = Some(p.space_name.as_str());
                body.push_str(&format!("\n== {} ==\n", p.space_name));
            }
            let who = p
                .actor_name
                .clone()
                .unwrap_or_else(|| i18n().t(locale, "products-someone"));
            body.push_str(&format!(
                "- {} ({}, {})\n  {base_url}{}\n",
                p.title,
                who,
                crate::community::when(locale, p.created_at),
                p.link
            ));
        }
        let url = unsubscribe_url(base_url, key, person, kind, now);
        body.push_str(&format!(
            "\n-- \n{}\n",
            footer(locale, base_url, kind, &url)
        ));
        out.push((
            first.email.clone(),
            crate::mail::payload_unsubscribable(&first.email, &subject, &body, url),
        ));
    }
    out
}

/// Runs a `notifications.send` job: emails every notification to be sent at once.
pub async fn send_now(db: &Db, base_url: &str) -> Result<(), String> {
    let key = db::notifications::signing_key(db)
        .await
        .map_err(|e| e.to_string())?;
    let now = db.now();
    let compose = |found: &[Pending]| compose_each(base_url, &key, now, found);
    db::notifications::mail_pending(db, Batch::Immediate, &compose)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[derive(serde::Deserialize)]
struct DigestPayload {
    digest: Digest,
    at: chrono::DateTime<chrono::Utc>,
}

/// Runs a digest job: emails what waited for it, then queues the next one (after the later of
/// its own time and now, so that a job that ran late does not queue one in the past).
pub async fn digest(db: &Db, base_url: &str, payload: &serde_json::Value) -> Result<(), String> {
    let p: DigestPayload =
        serde_json::from_value(payload.clone()).map_err(|e| format!("payload: {e}"))?;
    let key = db::notifications::signing_key(db)
        .await
        .map_err(|e| e.to_string())?;
    let now = db.now();
    let compose = |found: &[Pending]| compose_digest(p.digest, base_url, &key, now, found);
    db::notifications::mail_pending(db, Batch::Digest(p.digest), &compose)
        .await
        .map_err(|e| e.to_string())?;
    let next = next_digest(p.digest, p.at.max(now));
    db::notifications::schedule_digest(db, p.digest, next)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Queues the next daily and weekly digests, unless queued already.
pub async fn schedule_digests(db: &Db) -> db::Result<()> {
    let now = db.now();
    for d in Digest::ALL {
        db::notifications::schedule_digest(db, d, next_digest(d, now)).await?;
    }
    Ok(())
}
