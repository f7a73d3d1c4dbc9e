//! The load driver: each client keeps one HTTP/1.1 connection open and sends GET requests back to
//! back for a fixed time, recording the latency of every complete answer.

use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// What one page measured.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Measure {
    pub requests: u64,
    pub errors: u64,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

/// Reads one response; returns its status. Handles `Content-Length` and chunked bodies.
async fn response(stream: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<u16> {
    let mut chunk = [0u8; 16 * 1024];
    let header_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..header_end]).to_ascii_lowercase();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    if let Some(len) = length {
        while buf.len() < header_end + len {
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        buf.drain(..header_end + len);
    } else if head.contains("transfer-encoding: chunked") {
        loop {
            if let Some(i) = buf[header_end..].windows(5).position(|w| w == b"0\r\n\r\n") {
                buf.drain(..header_end + i + 5);
                break;
            }
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            buf.extend_from_slice(&chunk[..n]);
        }
    } else {
        buf.drain(..header_end);
    }
    Ok(status)
}

/// Drives `clients` connections against `path` for `duration`, each with `cookie`.
pub async fn run(
    port: u16,
    path: &str,
    cookie: Option<&str>,
    clients: usize,
    duration: Duration,
) -> Measure {
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept-Language: it\r\n{}\r\n",
        cookie
            .map(|c| format!("Cookie: ponte_session={c}\r\n"))
            .unwrap_or_default()
    );
    let started = Instant::now();
    let deadline = started + duration;
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let request = request.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies: Vec<u32> = Vec::with_capacity(4096);
            let mut errors = 0u64;
            let mut stream = None;
            let mut buf = Vec::with_capacity(64 * 1024);
            while Instant::now() < deadline {
                if stream.is_none() {
                    match TcpStream::connect(("127.0.0.1", port)).await {
                        Ok(s) => {
                            let _ = s.set_nodelay(true);
                            stream = Some(s);
                            buf.clear();
                        }
                        Err(_) => {
                            errors += 1;
                            tokio::time::sleep(Duration::from_millis(5)).await;
                            continue;
                        }
                    }
                }
                let Some(s) = stream.as_mut() else { continue };
                let t = Instant::now();
                let outcome = async {
                    s.write_all(request.as_bytes()).await?;
                    response(s, &mut buf).await
                }
                .await;
                match outcome {
                    Ok(200) => latencies.push(t.elapsed().as_micros().min(u32::MAX as u128) as u32),
                    Ok(_) => errors += 1,
                    Err(_) => {
                        errors += 1;
                        stream = None;
                    }
                }
            }
            (latencies, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for t in tasks {
        if let Ok((l, e)) = t.await {
            all.extend(l);
            errors += e;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_unstable();
    let at = |q: f64| -> f64 {
        if all.is_empty() {
            0.0
        } else {
            all[((all.len() as f64 - 1.0) * q).round() as usize] as f64 / 1000.0
        }
    };
    Measure {
        requests: all.len() as u64,
        errors,
        per_second: all.len() as f64 / elapsed,
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        max_ms: all.last().map(|m| *m as f64 / 1000.0).unwrap_or(0.0),
    }
}
