//! Running queued jobs (see `db::jobs`): each kind has its runner here. A worker in every
//! `ponte serve` claims due jobs of the kinds it can run and records the outcome.

use crate::state::SmtpConfig;
use db::jobs::Job;
use db::Db;
use std::time::Duration;

/// What this instance can run: email only when a mail server is configured, text extraction
/// when the file storage is at hand.
#[derive(Debug, Clone, Default)]
pub struct Runners {
    pub smtp: Option<SmtpConfig>,
    pub storage: Option<std::sync::Arc<storage::Storage>>,
    /// The public address of the site, for links in reminders.
    pub base_url: String,
}

impl Runners {
    /// Runners that deliver email through `smtp`.
    pub fn with_smtp(smtp: SmtpConfig) -> Runners {
        Runners {
            smtp: Some(smtp),
            storage: None,
            base_url: String::new(),
        }
    }

    /// These runners, also extracting documents' text from `storage`.
    pub fn with_storage(mut self, storage: std::sync::Arc<storage::Storage>) -> Runners {
        self.storage = Some(storage);
        self
    }

    /// The kinds of job these runners handle.
    pub fn kinds(&self) -> Vec<&'static str> {
        // Reminders only need the database: they queue their emails as jobs of their own.
        let mut kinds = vec![
            crate::products::reminders::KIND,
            crate::tables::reminders::REMINDER_KIND,
            crate::tables::reminders::DIGEST_KIND,
            db::notifications::SEND_JOB,
            db::notifications::DIGEST_JOB,
        ];
        if self.smtp.is_some() {
            kinds.push(crate::mail::KIND);
        }
        if self.storage.is_some() {
            kinds.push(db::library::EXTRACT_JOB);
        }
        kinds
    }

    async fn run(&self, db: &Db, job: &Job) -> Result<(), String> {
        if job.kind == crate::products::reminders::KIND {
            return crate::products::reminders::run(db, &self.base_url, &job.payload).await;
        }
        if job.kind == crate::tables::reminders::REMINDER_KIND {
            return crate::tables::reminders::run_reminder(db, &self.base_url, &job.payload).await;
        }
        if job.kind == crate::tables::reminders::DIGEST_KIND {
            return crate::tables::reminders::run_digest(db, &self.base_url).await;
        }
        if job.kind == db::notifications::SEND_JOB {
            return crate::notifications::emails::send_now(db, &self.base_url).await;
        }
        if job.kind == db::notifications::DIGEST_JOB {
            return crate::notifications::emails::digest(db, &self.base_url, &job.payload).await;
        }
        if job.kind == db::library::EXTRACT_JOB {
            return match &self.storage {
                Some(storage) => crate::library::extract::run(db, storage, &job.payload).await,
                None => Err("no file storage for text extraction".into()),
            };
        }
        match (job.kind.as_str(), &self.smtp) {
            (crate::mail::KIND, Some(smtp)) => {
                let email: crate::mail::Email = serde_json::from_value(job.payload.clone())
                    .map_err(|e| format!("payload: {e}"))?;
                let extra: crate::mail::Unsubscribe =
                    serde_json::from_value(job.payload.clone()).unwrap_or_default();
                crate::mail::send_with(smtp, &email, extra.unsubscribe.as_deref()).await
            }
            (kind, _) => Err(format!("no runner for jobs of kind {kind}")),
        }
    }
}

/// Runs every job that is due and that these runners handle; returns how many succeeded.
pub async fn run_due(db: &Db, runners: &Runners) -> usize {
    let kinds = runners.kinds();
    let mut done = 0;
    loop {
        let job = match db::jobs::claim(db, &kinds).await {
            Ok(Some(job)) => job,
            Ok(None) => return done,
            Err(e) => {
                tracing::error!(error = %e, "job queue unavailable");
                return done;
            }
        };
        match runners.run(db, &job).await {
            Ok(()) => {
                done += 1;
                if let Err(e) = db::jobs::complete(db, job.id).await {
                    tracing::error!(error = %e, id = %job.id, "could not mark a job done");
                }
                tracing::info!(id = %job.id, kind = %job.kind, "job done");
            }
            Err(error) => {
                tracing::warn!(id = %job.id, kind = %job.kind, %error, attempt = job.attempts + 1, "job failed, will retry");
                if let Err(e) = db::jobs::fail(db, &job, &error).await {
                    tracing::error!(error = %e, id = %job.id, "could not record a job failure");
                }
            }
        }
    }
}

/// Runs due jobs every half second until the task is dropped. The weekly digest of overdue
/// commitments is queued first, if no instance has queued it yet.
pub fn spawn_worker(db: Db, runners: Runners) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        if let Err(e) = crate::tables::reminders::ensure_digest(&db).await {
            tracing::error!(error = %e, "could not queue the weekly digest of commitments");
        }
        // The next notification digests, queued once whichever instance asks first.
        if let Err(e) = crate::notifications::emails::schedule_digests(&db).await {
            tracing::error!(error = %e, "could not queue the notification digests");
        }
        loop {
            run_due(&db, &runners).await;
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    })
}
