//! What every request handler shares: the database, the configuration, templates and translations.

use crate::i18n::I18n;
use crate::templates::Templates;
use db::Db;
use std::sync::Arc;

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain SMTP: only for a relay on a trusted network.
    None,
    /// Plain connection upgraded with STARTTLS, which is required (usually port 587).
    StartTls,
    /// TLS from the first byte (usually port 465).
    Implicit,
}

impl SmtpTls {
    /// Parses `none`, `starttls` or `tls`.
    pub fn parse(value: &str) -> Option<SmtpTls> {
        match value.trim().to_ascii_lowercase().as_str() {
            "none" => Some(SmtpTls::None),
            "starttls" => Some(SmtpTls::StartTls),
            "tls" => Some(SmtpTls::Implicit),
            _ => None,
        }
    }
}

/// Where and how email is sent.
#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: String,
    pub tls: SmtpTls,
    /// An extra certificate authority to trust (PEM), for servers with a private CA.
    pub ca_pem: Option<Vec<u8>>,
}

/// Settings the web layer needs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address users reach Ponte at, used in links sent by email, e.g. `http://127.0.0.1:8080`.
    pub base_url: String,
    /// Mark cookies `Secure` (when served over HTTPS).
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
    /// The memory, in bytes, that values kept between requests may hold (see `kept`).
    pub kept_bytes: u64,
}

impl Config {
    /// Settings for a local instance at `base_url`.
    pub fn local(base_url: &str) -> Config {
        Config {
            base_url: base_url.trim_end_matches('/').to_string(),
            secure_cookies: base_url.starts_with("https://"),
            trust_proxy: false,
            kept_bytes: crate::kept::DEFAULT_BYTES,
        }
    }
}

/// Shared state of the application: one reference-counted pointer, so that cloning it for every
/// request (the router does, once per layer) costs one atomic increment.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What `AppState` points to.
pub struct Shared {
    pub db: Db,
    pub config: Arc<Config>,
    pub i18n: Arc<I18n>,
    pub templates: Arc<Templates>,
    /// Uploaded files (session materials, library documents).
    pub storage: Arc<storage::Storage>,
    /// Values kept between requests while the data they show is unchanged (see `kept`).
    pub kept: crate::kept::Kept,
    /// The library's catalogue: a copy of what searches need of every document, kept in step
    /// with the database by its change log (see `db::library::Catalogue`). Part of the data
    /// layer like the pool, not a cache of pages: it never serves what the database no longer
    /// holds.
    pub catalogue: db::library::Catalogue,
}

impl AppState {
    /// Builds the state: loads translations and templates (which are embedded and checked here).
    pub fn new(db: Db, config: Config, storage: storage::Storage) -> AppState {
        let kept_bytes = config.kept_bytes;
        let i18n = Arc::new(I18n::load());
        let templates = Arc::new(Templates::load(i18n.clone()));
        AppState(Arc::new(Shared {
            db,
            config: Arc::new(config),
            i18n,
            templates,
            storage: Arc::new(storage),
            kept: crate::kept::Kept::new(kept_bytes),
            catalogue: db::library::Catalogue::with_matches(kept_bytes / 4),
        }))
    }
}
