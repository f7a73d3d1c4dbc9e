//! The `ponte` binary: serve the web interface, run migrations, load the demo, manage users,
//! import reference data, back up the database.

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use ponte::config::Settings;
use ponte::demo;
use std::net::SocketAddr;
use std::path::PathBuf;

/// mimalloc instead of the system allocator: page rendering allocates many small strings, and the
/// benchmark profile showed glibc's malloc and free taking a fifth of the server's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CONFIG_HELP: &str = "\
Configuration (environment variables override ponte.toml; see the README):
  PONTE_CONFIG     path of the optional TOML file            [default: ./ponte.toml]
  PONTE_DATA_DIR   folder for the SQLite database and files  [default: ./data]
  DATABASE_URL     sqlite://FILE or postgres://USER:PASS@HOST/DB
                                                   [default: sqlite://$PONTE_DATA_DIR/ponte.db]
  STORAGE_URL      where uploaded files go (file://FOLDER)   [default: $PONTE_DATA_DIR/files]
  PONTE_BASE_URL   address users reach Ponte at, for links in emails
                                                   [default: http://ADDRESS given to serve]
  SMTP_HOST, SMTP_PORT (25), SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM
                   mail server for invitations and password resets
  SMTP_TLS         starttls, tls or none (plain text, trusted relays only)
                                                   [default: tls on port 465, else starttls]
  SMTP_CA_FILE     PEM file of an extra certificate authority to trust for SMTP
  PONTE_LOG        log filter, e.g. info or ponte=debug      [default: info]
  PONTE_LOG_FORMAT text or json                              [default: text]
  PONTE_TRUST_PROXY 1 to take client addresses from X-Forwarded-For (behind a proxy only)";

#[derive(Parser)]
#[command(name = "ponte", version, about = "Ponte: the web platform of the international cooperation programme of Italian local administrations.", after_help = CONFIG_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server (migrations run first).
    Serve {
        /// Address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: SocketAddr,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo programme, organisations and one account per role into an empty database.
    Demo {
        /// Do nothing (but list the demo accounts) when the database already has data.
        #[arg(long)]
        if_empty: bool,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Import official reference data.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Write a consistent copy of the live SQLite database to FILE (which must not exist).
    Backup {
        /// Where to write the copy.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account with one role. The password is read from PONTE_PASSWORD, or generated
    /// and printed.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, staff, tutor, coordinator, member or actor.
        #[arg(long)]
        role: String,
        /// Organisation id, for tutor, coordinator, member and actor.
        #[arg(long)]
        organisation: Option<uuid::Uuid>,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Import the ISTAT list of Italian municipalities (Elenco-comuni-italiani.csv, as published).
    /// Idempotent; a file with any bad row imports nothing and lists the bad rows.
    Istat {
        /// The CSV file.
        file: PathBuf,
    },
    /// Import the OECD DAC CRS purpose codes from the IATI Sector codelist (Sector.xml).
    /// Idempotent; codes missing from a newer list are kept as withdrawn.
    Sectors {
        /// The XML file.
        file: PathBuf,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load()?;
    settings.init_logging();
    match cli.command {
        Command::Serve { bind } => serve(settings, bind).await,
        Command::Migrate => {
            let db = settings.connect().await?;
            println!("Database up to date ({}).", db.backend());
            Ok(())
        }
        Command::Demo { if_empty } => {
            let db = settings.connect().await?;
            let storage =
                storage::Storage::open(&settings.storage_url).context("open the file storage")?;
            demo::load(&db, &storage, if_empty).await
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    name,
                    role,
                    organisation,
                },
        } => {
            let db = settings.connect().await?;
            user_add(&db, &email, &name, &role, organisation).await
        }
        Command::Import {
            command: ImportCommand::Istat { file },
        } => {
            let db = settings.connect().await?;
            import_istat(&db, &file).await
        }
        Command::Import {
            command: ImportCommand::Sectors { file },
        } => {
            let db = settings.connect().await?;
            import_sectors(&db, &file).await
        }
        Command::Backup { file } => {
            let db = settings.connect().await?;
            db::maintenance::backup(&db, &file)
                .await
                .with_context(|| format!("backup to {}", file.display()))?;
            println!("Backup written to {}", file.display());
            Ok(())
        }
    }
}

async fn serve(settings: Settings, bind: SocketAddr) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let db = settings.connect().await?;
    let storage = storage::Storage::open(&settings.storage_url).context("open the file storage")?;
    storage
        .prepare()
        .await
        .with_context(|| format!("prepare the file storage ({})", storage.describe()))?;
    let base_url = settings
        .base_url
        .clone()
        .unwrap_or_else(|| format!("http://{bind}"));
    let mut web_config = web::Config::local(&base_url);
    web_config.trust_proxy = settings.trust_proxy;
    web_config.kept_bytes = settings.kept_mb.saturating_mul(1024 * 1024);
    if settings.smtp.is_none() {
        tracing::warn!("SMTP is not configured: emails wait in the job queue until it is");
    }
    let state = web::AppState::new(db.clone(), web_config, storage);
    let worker = web::jobs::spawn_worker(
        db.clone(),
        web::jobs::Runners {
            smtp: settings.smtp.clone(),
            storage: Some(state.storage.clone()),
            base_url: base_url.clone(),
        },
    );
    let housekeeping = tokio::spawn(clean_up_hourly(db.clone()));
    let app = web::app(state);
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("listen on {bind}"))?;
    tracing::info!(address = %bind, database = db.backend(), startup_ms = started.elapsed().as_millis() as u64, "Ponte is listening");
    println!("Ponte is running at {base_url}/ (stop with Ctrl-C)");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("serve")?;
    worker.abort();
    housekeeping.abort();
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Removes expired sessions, old sign-in attempts and similar leftovers, once an hour.
async fn clean_up_hourly(db: db::Db) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match db::maintenance::clean_up(&db).await {
            Ok(done) => tracing::info!(
                sessions = done.sessions,
                attempts = done.attempts,
                resets = done.resets,
                jobs = done.jobs,
                "clean-up"
            ),
            Err(e) => tracing::warn!(error = %e, "clean-up failed"),
        }
    }
}

/// Resolves on SIGTERM or Ctrl-C; requests in flight then finish before the server stops.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

async fn user_add(
    db: &db::Db,
    email: &str,
    name: &str,
    role: &str,
    organisation: Option<uuid::Uuid>,
) -> anyhow::Result<()> {
    let invitation = domain::accounts::check_invitation(email, role, organisation.is_some())
        .map_err(|e| {
            anyhow::anyhow!(
                "invalid account: {:?}",
                e.0.iter()
                    .map(|f| format!("{} ({})", f.field, f.message))
                    .collect::<Vec<_>>()
            )
        })?;
    let name = name.trim();
    if name.is_empty() {
        bail!("the name is empty");
    }
    let space = invitation.role.space_kind();
    let space_id = match space {
        domain::roles::SpaceKind::Organisation => {
            let id = organisation.context("this role needs --organisation")?;
            db::organisations::get(db, id)
                .await
                .context("no organisation with that id")?;
            Some(id)
        }
        domain::roles::SpaceKind::Programme => {
            db::programme::structure(db).await?.map(|s| s.programme.id)
        }
        domain::roles::SpaceKind::Platform => None,
    };
    let (password, generated) = match std::env::var("PONTE_PASSWORD") {
        Ok(p) if !p.is_empty() => (p, false),
        _ => (db::new_token().0[..20].to_string(), true),
    };
    let mut errors = domain::validation::Errors::default();
    domain::accounts::check_new_password(&mut errors, &password, &password);
    if !errors.is_empty() {
        bail!("PONTE_PASSWORD is too short or too long (10 to 128 characters)");
    }
    let hash = web::accounts::password::hash(&password).map_err(|e| anyhow::anyhow!(e))?;
    let user = db::accounts::NewUser {
        email: invitation.email.clone(),
        name: name.to_string(),
        password_hash: hash,
    };
    let grant = domain::roles::Grant {
        role: invitation.role,
        space,
        space_id,
    };
    match db::accounts::create_user(db, &user, &[grant], None).await {
        Ok(id) => {
            println!("Account {} created ({id}).", invitation.email);
            if generated {
                println!("Password: {password}");
            }
            Ok(())
        }
        Err(db::DbError::Duplicate) => bail!("an account with {} already exists", invitation.email),
        Err(e) => Err(e.into()),
    }
}

/// The largest sector list read (the official one is about 300 KB).
const MAX_SECTORS_FILE: u64 = 20 * 1024 * 1024;

async fn import_sectors(db: &db::Db, file: &std::path::Path) -> anyhow::Result<()> {
    let size = std::fs::metadata(file)
        .with_context(|| format!("read {}", file.display()))?
        .len();
    if size > MAX_SECTORS_FILE {
        bail!(
            "{} is {size} bytes: a sector list is far smaller",
            file.display()
        );
    }
    let bytes = std::fs::read(file).with_context(|| format!("read {}", file.display()))?;
    let text =
        std::str::from_utf8(&bytes).with_context(|| format!("{} is not UTF-8", file.display()))?;
    let list = domain::library::sectors::parse(text.trim_start_matches('\u{feff}'))
        .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was imported", file.display()))?;
    let new = db::library::import_sectors(db, &list, None).await?;
    let active = list.iter().filter(|s| s.active).count();
    println!(
        "{} sectors read ({active} active, {} with French names): {new} new.",
        list.len(),
        list.iter().filter(|s| s.name_fr.is_some()).count()
    );
    Ok(())
}

async fn import_istat(db: &db::Db, file: &std::path::Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("read {}", file.display()))?;
    match domain::organisations::istat::parse(&bytes) {
        Err(errors) => {
            for e in &errors {
                eprintln!("{}: {e}", file.display());
            }
            bail!("{} bad rows: nothing was imported", errors.len());
        }
        Ok(list) => {
            let report = db::organisations::import_municipalities(db, &list, None).await?;
            println!(
                "{} municipalities read: {} added, {} updated, {} unchanged.",
                list.len(),
                report.inserted,
                report.updated,
                report.unchanged
            );
            Ok(())
        }
    }
}
