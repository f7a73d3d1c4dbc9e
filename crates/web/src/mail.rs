//! Email: messages are queued in the outbox (see `db::outbox`) and a worker delivers them over
//! SMTP, with STARTTLS or TLS unless the configuration says the relay is trusted in plain text.

use crate::state::{SmtpConfig, SmtpTls};
use db::outbox::Message;
use db::Db;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::time::Duration;

/// Delivers one message.
pub async fn send(smtp: &SmtpConfig, message: &Message) -> Result<(), String> {
    let email = lettre::Message::builder()
        .from(
            smtp.from
                .parse()
                .map_err(|e| format!("sender address: {e}"))?,
        )
        .to(message
            .recipient
            .parse()
            .map_err(|e| format!("recipient address: {e}"))?)
        .subject(message.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(message.body.clone())
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
        .send(email)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Sends every message that is due; returns how many were delivered.
pub async fn deliver_due(db: &Db, smtp: &SmtpConfig) -> usize {
    let mut delivered = 0;
    loop {
        let message = match db::outbox::claim(db).await {
            Ok(Some(m)) => m,
            Ok(None) => return delivered,
            Err(e) => {
                tracing::error!(error = %e, "outbox unavailable");
                return delivered;
            }
        };
        match send(smtp, &message).await {
            Ok(()) => {
                delivered += 1;
                if let Err(e) = db::outbox::mark_sent(db, message.id).await {
                    tracing::error!(error = %e, "could not mark a message sent");
                }
                tracing::info!(id = %message.id, "email sent");
            }
            Err(error) => {
                tracing::warn!(id = %message.id, %error, "email not sent, will retry");
                let _ = db::outbox::mark_failed(db, message.id, message.attempts, &error).await;
            }
        }
    }
}

/// Runs the delivery worker until the task is dropped.
pub fn spawn_worker(db: Db, smtp: SmtpConfig) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            deliver_due(&db, &smtp).await;
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    })
}
