//! Settings from the environment and an optional `ponte.toml`; the environment wins.

use anyhow::Context;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    data_dir: Option<String>,
    database_url: Option<String>,
    storage_url: Option<String>,
    base_url: Option<String>,
    log: Option<String>,
    log_format: Option<String>,
    trust_proxy: Option<bool>,
    kept_mb: Option<u64>,
    smtp: Option<SmtpFile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SmtpFile {
    host: Option<String>,
    port: Option<u16>,
    username: Option<String>,
    password: Option<String>,
    from: Option<String>,
    tls: Option<String>,
    ca_file: Option<String>,
}

/// The resolved settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub database_url: String,
    pub storage_url: String,
    pub base_url: Option<String>,
    pub smtp: Option<web::SmtpConfig>,
    pub log: String,
    pub log_json: bool,
    /// Take client addresses from `X-Forwarded-For` (only behind a reverse proxy that sets it).
    pub trust_proxy: bool,
    /// The memory, in MiB, that values kept between requests may hold.
    pub kept_mb: u64,
}

/// The mail server, when one is configured.
fn smtp_settings(file: SmtpFile) -> anyhow::Result<Option<web::SmtpConfig>> {
    let Some(host) = env("SMTP_HOST").or(file.host) else {
        return Ok(None);
    };
    let port = match env("SMTP_PORT") {
        Some(p) => p.parse().context("SMTP_PORT is not a port number")?,
        None => file.port.unwrap_or(25),
    };
    let tls_name = env("SMTP_TLS")
        .or(file.tls)
        .unwrap_or_else(|| if port == 465 { "tls" } else { "starttls" }.to_string());
    let tls = web::SmtpTls::parse(&tls_name)
        .with_context(|| format!("SMTP_TLS is {tls_name:?}: use none, starttls or tls"))?;
    let ca_pem = match env("SMTP_CA_FILE").or(file.ca_file) {
        Some(path) => {
            Some(std::fs::read(&path).with_context(|| format!("read SMTP_CA_FILE {path}"))?)
        }
        None => None,
    };
    Ok(Some(web::SmtpConfig {
        host,
        port,
        username: env("SMTP_USERNAME").or(file.username),
        password: env("SMTP_PASSWORD").or(file.password),
        from: env("SMTP_FROM")
            .or(file.from)
            .unwrap_or_else(|| "Ponte <noreply@ponte.example>".into()),
        tls,
        ca_pem,
    }))
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Settings {
    /// Reads `PONTE_CONFIG` (or `./ponte.toml` when present) and the environment.
    pub fn load() -> anyhow::Result<Settings> {
        let path = env("PONTE_CONFIG").map(PathBuf::from);
        let file: File = match &path {
            Some(p) => {
                let text =
                    std::fs::read_to_string(p).with_context(|| format!("read {}", p.display()))?;
                toml::from_str(&text).with_context(|| format!("parse {}", p.display()))?
            }
            None => match std::fs::read_to_string("ponte.toml") {
                Ok(text) => toml::from_str(&text).context("parse ponte.toml")?,
                Err(_) => File::default(),
            },
        };
        let data_dir = PathBuf::from(
            env("PONTE_DATA_DIR")
                .or(file.data_dir)
                .unwrap_or_else(|| "data".into()),
        );
        let database_url = env("DATABASE_URL")
            .or(file.database_url)
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("ponte.db").display()));
        let storage_url = env("STORAGE_URL")
            .or(file.storage_url)
            .unwrap_or_else(|| format!("file://{}", data_dir.join("files").display()));
        let smtp = smtp_settings(file.smtp.unwrap_or_default())?;
        Ok(Settings {
            data_dir,
            database_url,
            storage_url,
            base_url: env("PONTE_BASE_URL").or(file.base_url),
            smtp,
            log: env("PONTE_LOG")
                .or(file.log)
                .unwrap_or_else(|| "info".into()),
            log_json: env("PONTE_LOG_FORMAT").or(file.log_format).as_deref() == Some("json"),
            trust_proxy: match env("PONTE_TRUST_PROXY") {
                Some(v) => matches!(v.as_str(), "1" | "true" | "yes"),
                None => file.trust_proxy.unwrap_or(false),
            },
            kept_mb: match env("PONTE_KEPT_MB") {
                Some(v) => v
                    .parse()
                    .context("PONTE_KEPT_MB is not a whole number of MiB")?,
                None => file
                    .kept_mb
                    .unwrap_or(web::kept::DEFAULT_BYTES / (1024 * 1024)),
            },
        })
    }

    /// Starts structured logging to standard error.
    pub fn init_logging(&self) {
        let filter = tracing_subscriber::EnvFilter::try_new(&self.log)
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
        let builder = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr);
        if self.log_json {
            builder.json().init();
        } else {
            builder.init();
        }
    }

    /// Opens the database (creating the data folder for SQLite) and applies migrations.
    pub async fn connect(&self) -> anyhow::Result<db::Db> {
        if self.database_url.starts_with("sqlite:") {
            std::fs::create_dir_all(&self.data_dir)
                .with_context(|| format!("create {}", self.data_dir.display()))?;
        }
        db::Db::connect(&self.database_url)
            .await
            .with_context(|| format!("open the database {}", db::redact(&self.database_url)))
    }
}
