//! The server under test: the real `ponte serve`, started from the binary next to this one; its
//! start-up time and its peak resident memory are read from outside.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The `ponte` binary built next to this one.
pub fn binary() -> anyhow::Result<PathBuf> {
    let here = std::env::current_exe()?;
    let path = here.with_file_name("ponte");
    anyhow::ensure!(
        path.exists(),
        "{} not found: build it with `cargo build --release -p ponte -p bench`",
        path.display()
    );
    Ok(path)
}

/// A running server.
pub struct Server {
    pub child: Child,
    pub port: u16,
    pub startup: Duration,
}

/// Starts the server on a free port and waits until `/health` answers.
pub fn start(url: &str, dir: &Path) -> anyhow::Result<Server> {
    start_binary(&binary()?, url, dir)
}

/// Starts `binary` (a `ponte` built from another commit, say) as `start` does.
pub fn start_binary(binary: &Path, url: &str, dir: &Path) -> anyhow::Result<Server> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let started = Instant::now();
    let mut child = Command::new(binary)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("DATABASE_URL", url)
        .env("PONTE_DATA_DIR", dir)
        .env("PONTE_LOG", "error")
        .env_remove("PONTE_CONFIG")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()?;
    loop {
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            use std::io::{Read, Write};
            let _ = s.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            let mut answer = String::new();
            let _ = s.read_to_string(&mut answer);
            if answer.starts_with("HTTP/1.1 200") {
                return Ok(Server {
                    child,
                    port,
                    startup: started.elapsed(),
                });
            }
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            anyhow::bail!("the server did not start");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

impl Server {
    /// Peak resident memory so far, in MiB (`VmHWM`).
    pub fn peak_rss_mib(&self) -> f64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            })
            .map(|kb| kb / 1024.0)
            .unwrap_or(0.0)
    }

    /// Signs in and returns the session cookie.
    pub fn sign_in(&self, email: &str, password: &str) -> anyhow::Result<String> {
        use std::io::{Read, Write};
        let form = format!("email={}&password={password}", email.replace('@', "%40"));
        let mut s = std::net::TcpStream::connect(("127.0.0.1", self.port))?;
        write!(
            s,
            "POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
            self.port,
            form.len()
        )?;
        let mut answer = String::new();
        s.read_to_string(&mut answer)?;
        answer
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .starts_with("set-cookie: ponte_session=")
                    .then(|| {
                        l["set-cookie: ponte_session=".len()..]
                            .split(';')
                            .next()
                            .unwrap_or("")
                            .to_string()
                    })
            })
            .ok_or_else(|| anyhow::anyhow!("sign-in of {email} failed"))
    }

    /// The server's kept values: hits, misses, entries and bytes (asked as `cookie`, staff).
    pub fn kept(&self, cookie: &str) -> anyhow::Result<Kept> {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", self.port))?;
        write!(
            s,
            "GET /health/kept HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nCookie: ponte_session={cookie}\r\n\r\n",
            self.port
        )?;
        let mut answer = String::new();
        s.read_to_string(&mut answer)?;
        let body = answer
            .split_once("\r\n\r\n")
            .map(|(_, b)| b)
            .ok_or_else(|| anyhow::anyhow!("no answer from /health/kept"))?;
        Ok(serde_json::from_str(body)?)
    }

    /// Stops the server.
    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// How a server's kept values were used (see `/health/kept`).
#[derive(Debug, Clone, Copy, Default, serde::Deserialize)]
pub struct Kept {
    pub hits: u64,
    pub misses: u64,
    pub entries: u64,
    pub bytes: u64,
}
