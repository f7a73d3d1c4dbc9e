//! Email: a message is queued as a job of kind `email` (see `jobs`) and delivered over SMTP, with
//! STARTTLS or TLS unless the configuration says the relay is trusted in plain text.

use crate::state::{SmtpConfig, SmtpTls};
use db::Db;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// The job kind of an email.
pub const KIND: &str = "email";

/// An email to send.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// An iCalendar invitation sent with the text (a meeting's convocation, change or
    /// cancellation), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<Calendar>,
}

/// What a notification's email adds to its payload: the signed address that unsubscribes the
/// recipient from this kind of email in one click (RFC 8058).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Unsubscribe {
    #[serde(default)]
    pub unsubscribe: Option<String>,
}

/// An iCalendar invitation (RFC 6047): its METHOD and its text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Calendar {
    pub method: String,
    pub ics: String,
}

/// Queues an email; the job's key is the recipient, so that messages to one address can be
/// counted (see `recently_queued`).
pub async fn queue(db: &Db, to: &str, subject: &str, body: &str) -> db::Result<()> {
    db::jobs::enqueue(db, KIND, Some(to), &payload(to, subject, body)).await?;
    Ok(())
}

/// The payload of a plain email's job, for a change that queues it with what it tells of.
pub fn payload(to: &str, subject: &str, body: &str) -> serde_json::Value {
    let email = Email {
        to: to.into(),
        subject: subject.into(),
        body: body.into(),
        calendar: None,
    };
    serde_json::to_value(&email).unwrap_or_default()
}

/// The language of the emails to a person: the first interface language their profile says they
/// speak, Italian first (see `Locale::for_mail`).
pub async fn locale_of(db: &Db, person: uuid::Uuid) -> db::Result<domain::locale::Locale> {
    match db::accounts::user(db, person).await {
        Ok(user) => Ok(domain::locale::Locale::for_mail(&user.languages)),
        Err(db::DbError::NotFound) => Ok(domain::locale::Locale::default()),
        Err(e) => Err(e),
    }
}

/// How many emails were queued for `to` since `since`.
pub async fn recently_queued(
    db: &Db,
    to: &str,
    since: chrono::DateTime<chrono::Utc>,
) -> db::Result<i64> {
    db::jobs::count_recent(db, KIND, to, since).await
}

/// The job payload of a notification's email, which its recipient can unsubscribe from at
/// `unsubscribe` (see `send`).
pub fn payload_unsubscribable(
    to: &str,
    subject: &str,
    body: &str,
    unsubscribe: String,
) -> serde_json::Value {
    let email = Email {
        to: to.into(),
        subject: subject.into(),
        body: body.into(),
        calendar: None,
    };
    unsubscribable(&email, unsubscribe)
}

/// The job payload of `email` (with or without a calendar), which its recipient can unsubscribe
/// from at `unsubscribe`.
pub fn unsubscribable(email: &Email, unsubscribe: String) -> serde_json::Value {
    let mut payload = serde_json::to_value(email).unwrap_or_default();
    if let Some(fields) = payload.as_object_mut() {
        fields.insert("unsubscribe".into(), unsubscribe.into());
    }
    payload
}

/// The headers of one-click unsubscription (RFC 8058): the address, and the statement that a
/// POST to it unsubscribes. Only an HTTPS address qualifies for one click; another (a local
/// instance) is still offered as a link to open.
fn unsubscribe_headers(
    mut builder: lettre::message::MessageBuilder,
    url: &str,
) -> lettre::message::MessageBuilder {
    use lettre::message::header::{HeaderName, HeaderValue};
    let list = HeaderName::new_from_ascii_str("List-Unsubscribe");
    builder = builder.raw_header(HeaderValue::new(list, format!("<{url}>")));
    if url.starts_with("https://") {
        let post = HeaderName::new_from_ascii_str("List-Unsubscribe-Post");
        builder = builder.raw_header(HeaderValue::new(
            post,
            "List-Unsubscribe=One-Click".to_string(),
        ));
    }
    builder
}

/// Delivers one email.
pub async fn send(smtp: &SmtpConfig, email: &Email) -> Result<(), String> {
    send_with(smtp, email, None).await
}

/// Delivers one email, with the one-click unsubscribe headers for `unsubscribe` when given.
pub async fn send_with(
    smtp: &SmtpConfig,
    email: &Email,
    unsubscribe: Option<&str>,
) -> Result<(), String> {
    let builder = lettre::Message::builder()
        .from(
            smtp.from
                .parse()
                .map_err(|e| format!("sender address: {e}"))?,
        )
        .to(email
            .to
            .parse()
            .map_err(|e| format!("recipient address: {e}"))?)
        .subject(email.subject.clone());
    let builder = match unsubscribe {
        Some(url) => unsubscribe_headers(builder, url),
        None => builder,
    };
    let message = match &email.calendar {
        None => builder
            .header(ContentType::TEXT_PLAIN)
            .body(email.body.clone()),
        // As calendar services send invitations: the text and the calendar as alternatives (the
        // reader shows the invitation), and the calendar again as an attachment.
        Some(c) => {
            let calendar_type = ContentType::parse(&format!(
                "text/calendar; charset=utf-8; method={}",
                c.method
            ))
            .map_err(|e| format!("calendar content type: {e}"))?;
            let ics_type = ContentType::parse("application/ics")
                .map_err(|e| format!("attachment content type: {e}"))?;
            builder.multipart(
                MultiPart::mixed()
                    .multipart(
                        MultiPart::alternative()
                            .singlepart(SinglePart::plain(email.body.clone()))
                            .singlepart(
                                SinglePart::builder()
                                    .header(calendar_type)
                                    .body(c.ics.clone()),
                            ),
                    )
                    .singlepart(Attachment::new("invite.ics".into()).body(c.ics.clone(), ics_type)),
            )
        }
    }
    .map_err(|e| e.to_string())?;
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
        .port(smtp.port)
        .timeout(Some(Duration::from_secs(15)));
    if smtp.tls != SmtpTls::None {
        let mut parameters = TlsParameters::builder(smtp.host.clone());
        if let Some(pem) = &smtp.ca_pem {
            let ca = Certificate::from_pem(pem)
                .map_err(|e| format!("SMTP certificate authority: {e}"))?;
            parameters = parameters.add_root_certificate(ca);
        }
        let parameters = parameters.build().map_err(|e| format!("TLS: {e}"))?;
        builder = builder.tls(match smtp.tls {
            SmtpTls::Implicit => Tls::Wrapper(parameters),
            _ => Tls::Required(parameters),
        });
    }
    if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
        builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
    }
    builder
        .build()
        .send(message)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}
