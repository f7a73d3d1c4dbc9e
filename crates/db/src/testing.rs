//! Test support: a fresh database of each backend. PostgreSQL is a throwaway cluster started
//! from the installed server binaries on a free port, once per test process, and removed by a
//! watchdog when the process ends. Only compiled with the `test-support` feature.

use crate::Db;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

static COUNTER: AtomicU32 = AtomicU32::new(0);
static CLUSTER: OnceLock<Cluster> = OnceLock::new();

/// A directory removed when dropped.
#[derive(Debug)]
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// A new empty directory under the system's temporary folder.
    pub fn new(prefix: &str) -> TempDir {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!("{prefix}-{}-{n}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create a temporary directory");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// One database under test, with what keeps it alive.
pub struct Backend {
    pub name: &'static str,
    pub url: String,
    pub db: Db,
    pub dir: TempDir,
}

/// A fresh SQLite database in its own directory.
pub async fn sqlite() -> Backend {
    let dir = TempDir::new("ponte-test-sqlite");
    let url = format!("sqlite://{}", dir.path().join("ponte.db").display());
    let db = Db::connect(&url).await.expect("open SQLite");
    Backend {
        name: "sqlite",
        url,
        db,
        dir,
    }
}

/// A fresh database in the throwaway PostgreSQL cluster.
pub async fn postgres() -> Backend {
    let cluster = CLUSTER.get_or_init(Cluster::start);
    let name = format!(
        "t{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    create_database(cluster.port, &name, "ponte-test-pg-files").await
}

/// The address of a new, empty database (no schema) in the throwaway PostgreSQL cluster, for a
/// test that loads a dump into it before the application migrates it.
pub async fn postgres_empty() -> String {
    let cluster = CLUSTER.get_or_init(Cluster::start);
    let name = format!(
        "t{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    let admin = format!("postgres://ponte@127.0.0.1:{}/postgres", cluster.port);
    let pool = sqlx::PgPool::connect(&admin)
        .await
        .expect("connect to the test cluster");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&pool)
        .await
        .expect("create a test database");
    pool.close().await;
    format!("postgres://ponte@127.0.0.1:{}/{name}", cluster.port)
}

/// Creates the database `name` on the local cluster listening on `port` and opens it with the
/// schema; `files` names the temporary directory of the backend's files.
async fn create_database(port: u16, name: &str, files: &str) -> Backend {
    let admin = format!("postgres://ponte@127.0.0.1:{port}/postgres");
    let pool = sqlx::PgPool::connect(&admin)
        .await
        .expect("connect to the test cluster");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&pool)
        .await
        .expect("create a test database");
    pool.close().await;
    let url = format!("postgres://ponte@127.0.0.1:{port}/{name}");
    let db = Db::connect(&url).await.expect("open PostgreSQL");
    Backend {
        name: "postgres",
        url,
        db,
        dir: TempDir::new(files),
    }
}

/// Both backends, SQLite first.
pub async fn backends() -> Vec<Backend> {
    vec![sqlite().await, postgres().await]
}

struct Cluster {
    port: u16,
    /// The certificate authority that signed the server's certificate for `localhost`.
    ca: PathBuf,
}

/// The test cluster's certificate authority (PEM file), for `sslmode=verify-full` connections.
pub fn postgres_ca() -> PathBuf {
    CLUSTER.get_or_init(Cluster::start).ca.clone()
}

/// The address of a fresh database on the test cluster, over TLS verified against its authority.
pub async fn postgres_tls_url() -> String {
    let backend = postgres().await;
    let ca = postgres_ca();
    let url = backend.url.replace("@127.0.0.1:", "@localhost:");
    backend.db.close().await;
    format!("{url}?sslmode=verify-full&sslrootcert={}", ca.display())
}

/// Makes a certificate authority (`ca.pem`) and a server certificate for `localhost`
/// (`server.pem`, `server.key`) in `dir`, for tests of TLS connections.
pub fn make_certificates(dir: &Path) {
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("run openssl (needed for the TLS tests)");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    openssl(
        &[
            &["req", "-x509"],
            &ec[..],
            &[
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "2",
                "-subj",
                "/CN=Ponte test CA",
            ],
        ]
        .concat(),
    );
    openssl(
        &[
            &["req"],
            &ec[..],
            &[
                "-keyout",
                "server.key",
                "-out",
                "server.csr",
                "-subj",
                "/CN=localhost",
            ],
        ]
        .concat(),
    );
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n",
    )
    .expect("write the certificate extensions");
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "1",
        "-extfile",
        "server.ext",
    ]);
    let key = dir.join("server.key");
    let mut permissions = std::fs::metadata(&key)
        .expect("the key exists")
        .permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o600);
    std::fs::set_permissions(&key, permissions).expect("restrict the key");
}

fn run_as_postgres_user() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn server_binaries() -> PathBuf {
    if let Ok(dir) = std::env::var("PONTE_PG_BIN") {
        return PathBuf::from(dir);
    }
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if dir.join("initdb").exists() {
            return dir;
        }
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path().join("bin"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
        .into_iter()
        .rev()
        .find(|p| p.join("initdb").exists())
        .expect(
        "PostgreSQL server binaries (initdb, postgres) not found: install them or set PONTE_PG_BIN",
    )
}

impl Cluster {
    // The server and its watchdog outlive this function on purpose: the watchdog reaps them
    // when the test process ends.
    #[allow(clippy::zombie_processes)]
    fn start() -> Cluster {
        let bin = server_binaries();
        let root = std::env::temp_dir().join(format!(
            "ponte-pg-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        let data = root.join("data");
        std::fs::create_dir_all(&root).expect("create the cluster directory");
        let tls = root.join("tls");
        std::fs::create_dir_all(&tls).expect("create the certificate directory");
        make_certificates(&tls);
        let as_postgres = run_as_postgres_user();
        let command = |program: &str| -> Command {
            let exe = bin.join(program);
            if as_postgres {
                // The server refuses to run as root.
                let mut c = Command::new("runuser");
                c.args(["-u", "postgres", "--"]).arg(exe);
                c
            } else {
                Command::new(exe)
            }
        };
        if as_postgres {
            let ok = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&root)
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            assert!(
                ok,
                "could not hand the cluster directory to the postgres user"
            );
        }
        let out = command("initdb")
            .arg("-D")
            .arg(&data)
            .args([
                "-U",
                "ponte",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
                "-N",
            ])
            .output()
            .expect("run initdb");
        assert!(
            out.status.success(),
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("find a free port");
        let server = command("postgres")
            .arg("-D")
            .arg(&data)
            .args([
                "-p",
                &port.to_string(),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
            ])
            .arg(format!("unix_socket_directories={}", root.display()))
            .args([
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=300",
            ])
            .args(["-c", "ssl=on", "-c"])
            .arg(format!(
                "ssl_cert_file={}",
                tls.join("server.pem").display()
            ))
            .arg("-c")
            .arg(format!("ssl_key_file={}", tls.join("server.key").display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start postgres");
        // The watchdog stops the server and removes its files once this test process is gone.
        let script = format!(
            "while kill -0 {me} 2>/dev/null; do sleep 0.5; done; kill -INT {pg} 2>/dev/null; \
             for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 {pg} 2>/dev/null || break; sleep 0.5; done; \
             kill -9 {pg} 2>/dev/null; rm -rf '{root}'",
            me = std::process::id(),
            pg = server.id(),
            root = root.display()
        );
        Command::new("sh")
            .arg("-c")
            .arg(script)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the cluster watchdog");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ready = Command::new(bin.join("pg_isready"))
                .args(["-h", "127.0.0.1", "-p", &port.to_string(), "-U", "ponte"])
                .stdout(Stdio::null())
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            if ready {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the test PostgreSQL did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Cluster {
            port,
            ca: tls.join("ca.pem"),
        }
    }
}

/// A PostgreSQL cluster of its own with the settings of production (`fsync`, `synchronous_commit`
/// and `full_page_writes` on), for the crash tests: its server can be killed with SIGKILL and
/// started again on the same files and port. A watchdog stops it and removes its files when the
/// test process ends.
pub struct DurableCluster {
    bin: PathBuf,
    root: PathBuf,
    data: PathBuf,
    as_postgres: bool,
    pub port: u16,
}

impl DurableCluster {
    // The server and its watchdog outlive this function on purpose: the watchdog reaps them
    // when the test process ends.
    #[allow(clippy::zombie_processes)]
    pub fn start() -> DurableCluster {
        let bin = server_binaries();
        let root = std::env::temp_dir().join(format!(
            "ponte-pg-durable-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        let data = root.join("data");
        std::fs::create_dir_all(&root).expect("create the cluster directory");
        let as_postgres = run_as_postgres_user();
        if as_postgres {
            let ok = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&root)
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            assert!(
                ok,
                "could not hand the cluster directory to the postgres user"
            );
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("find a free port");
        let cluster = DurableCluster {
            bin,
            root,
            data,
            as_postgres,
            port,
        };
        // Without -N: the cluster's files are synced like a production one's.
        let out = cluster
            .command("initdb")
            .arg("-D")
            .arg(&cluster.data)
            .args(["-U", "ponte", "--auth=trust", "-E", "UTF8", "--no-locale"])
            .output()
            .expect("run initdb");
        assert!(
            out.status.success(),
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let script = format!(
            "while kill -0 {me} 2>/dev/null; do sleep 0.5; done; \
             pg=$(head -n 1 '{data}/postmaster.pid' 2>/dev/null); \
             if [ -n \"$pg\" ]; then kill -INT $pg 2>/dev/null; \
             for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $pg 2>/dev/null || break; sleep 0.5; done; \
             kill -9 $pg 2>/dev/null; fi; rm -rf '{root}'",
            me = std::process::id(),
            data = cluster.data.display(),
            root = cluster.root.display()
        );
        Command::new("sh")
            .arg("-c")
            .arg(script)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the cluster watchdog");
        cluster.run();
        cluster
    }

    fn command(&self, program: &str) -> Command {
        let exe = self.bin.join(program);
        if self.as_postgres {
            // The server refuses to run as root.
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(exe);
            c
        } else {
            Command::new(exe)
        }
    }

    /// Starts the server on the cluster's files, and waits until it accepts connections (after
    /// recovering from a crash, if it was killed).
    // The server is stopped by `kill` or by the watchdog.
    #[allow(clippy::zombie_processes)]
    pub fn run(&self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        'start: loop {
            let mut server = self
                .command("postgres")
                .arg("-D")
                .arg(&self.data)
                .args([
                    "-p",
                    &self.port.to_string(),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                ])
                .arg(format!("unix_socket_directories={}", self.root.display()))
                .args([
                    "-c",
                    "fsync=on",
                    "-c",
                    "synchronous_commit=on",
                    "-c",
                    "full_page_writes=on",
                    "-c",
                    "max_connections=100",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start postgres");
            loop {
                let ready = Command::new(self.bin.join("pg_isready"))
                    .args([
                        "-h",
                        "127.0.0.1",
                        "-p",
                        &self.port.to_string(),
                        "-U",
                        "ponte",
                    ])
                    .stdout(Stdio::null())
                    .status()
                    .map(|s| s.success())
                    .unwrap_or(false);
                if ready {
                    return;
                }
                assert!(
                    Instant::now() < deadline,
                    "the durable PostgreSQL did not start"
                );
                // The backends of a killed server may still be leaving: start again then.
                if server.try_wait().ok().flatten().is_some() {
                    std::thread::sleep(Duration::from_millis(200));
                    continue 'start;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }

    /// Kills the server (the postmaster) with SIGKILL, as a crash of the database would, and
    /// waits until it is gone.
    pub fn kill(&self) {
        let pid = std::fs::read_to_string(self.data.join("postmaster.pid"))
            .ok()
            .and_then(|t| t.lines().next().map(str::to_string))
            .expect("the server's pid file");
        let killed = Command::new("kill")
            .args(["-KILL", pid.trim()])
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(killed, "kill -KILL {pid}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while Command::new("kill")
            .args(["-0", pid.trim()])
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
        {
            assert!(Instant::now() < deadline, "the server did not die");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the server runs with the settings of production.
    pub async fn settings_are_production(&self, db: &Db) -> bool {
        query_bool(
            db,
            "SELECT current_setting('fsync') = 'on' AND current_setting('synchronous_commit') = 'on' \
             AND current_setting('full_page_writes') = 'on'",
        )
        .await
    }

    /// A new database on this cluster, with the schema.
    pub async fn database(&self, name: &str) -> Backend {
        create_database(self.port, name, "ponte-test-pg-durable-files").await
    }
}

/// Runs a statement directly, for tests that need to age or damage data.
pub async fn exec(db: &Db, sql: &str) {
    crate::run!(db, |pool| {
        sqlx::query(sql)
            .execute(pool)
            .await
            .expect("test statement");
    })
}

/// Runs a query returning one boolean, for tests that inspect the server.
pub async fn query_bool(db: &Db, sql: &str) -> bool {
    crate::run!(db, |pool| {
        sqlx::query_scalar::<_, bool>(sql)
            .fetch_one(pool)
            .await
            .expect("test query")
    })
}

/// Gives a product a long history in one transaction, for the benchmark's dataset: `versions`
/// (contents, numbered from 1) and `comments` (version number, anchor, body, author). Events,
/// notifications and the audit log are left out: the dataset is for reading.
pub async fn seed_product_history(
    db: &Db,
    product: uuid::Uuid,
    title: &str,
    versions: &[String],
    comments: &[(i64, String, String, uuid::Uuid)],
) {
    let now = db.now();
    crate::change!(db, [crate::Part::Products], |tx| {
        for (n, content) in versions.iter().enumerate() {
            sqlx::query("INSERT INTO product_versions (id, product_id, number, title, content, label, created_by, created_at) VALUES ($1, $2, $3, $4, $5, '', NULL, $6)")
                .bind(crate::new_id())
                .bind(product)
                .bind(n as i64 + 1)
                .bind(title)
                .bind(content)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        for (version, anchor, body, author) in comments {
            sqlx::query("INSERT INTO product_comments (id, product_id, parent_id, version_number, anchor, body, author_id, created_at) VALUES ($1, $2, NULL, $3, $4, $5, $6, $7)")
                .bind(crate::new_id())
                .bind(product)
                .bind(*version)
                .bind(anchor)
                .bind(body)
                .bind(*author)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(crate::products::RECOUNT_OPEN_THREADS)
            .bind(product)
            .execute(&mut *tx)
            .await?;
        Ok(())
    }, |_| crate::Audit::none("benchmark history"))
    .expect("product history");
}
