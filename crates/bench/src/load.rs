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

/// A keep-alive GET of `path` in Italian, signed in with `cookie` when there is one.
fn request(port: u16, path: &str, cookie: Option<&str>) -> String {
    request_in(port, path, cookie, "it")
}

/// A keep-alive GET of `path` in `language`, signed in with `cookie` when there is one.
pub fn request_in(port: u16, path: &str, cookie: Option<&str>, language: &str) -> String {
    format!(
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept-Language: {language}\r\n{}\r\n",
        cookie
            .map(|c| format!("Cookie: ponte_session={c}\r\n"))
            .unwrap_or_default()
    )
}

/// Drives `clients` connections against `path` for `duration`, each with `cookie`.
pub async fn run(
    port: u16,
    path: &str,
    cookie: Option<&str>,
    clients: usize,
    duration: Duration,
) -> Measure {
    let requests = std::sync::Arc::new(vec![request(port, path, cookie)]);
    run_requests(port, requests, clients, duration, None).await
}

/// Drives `clients` connections for `duration`, each sending `requests` in turn (each client
/// starting at its own place in the list, so that many distinct pages are asked at once), and
/// counts every complete answer in `reads` as it comes, for writers that keep pace with them.
pub async fn run_requests(
    port: u16,
    requests: std::sync::Arc<Vec<String>>,
    clients: usize,
    duration: Duration,
    reads: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
) -> Measure {
    let started = Instant::now();
    let deadline = started + duration;
    let mut tasks = Vec::new();
    for client in 0..clients {
        let requests = requests.clone();
        let reads = reads.clone();
        tasks.push(tokio::spawn(async move {
            let mut next = client * requests.len() / clients.max(1);
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
                let request = &requests[next % requests.len()];
                next += 1;
                let t = Instant::now();
                let outcome = async {
                    s.write_all(request.as_bytes()).await?;
                    response(s, &mut buf).await
                }
                .await;
                match outcome {
                    Ok(200) => {
                        latencies.push(t.elapsed().as_micros().min(u32::MAX as u128) as u32);
                        if let Some(r) = &reads {
                            r.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
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
    let at = |q: f64| quantile_ms(&all, q);
    Measure {
        requests: all.len() as u64,
        errors,
        per_second: all.len() as f64 / elapsed,
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        max_ms: all.last().map(|m| *m as f64 / 1000.0).unwrap_or(0.0),
    }
}

/// Sends `rounds` requests for `path` to each of two servers, one after the other over one
/// connection each, alternating which goes first; returns each server's latencies in
/// microseconds. Both servers see the same moments of the machine, so their ratio holds still
/// where absolute figures move with the machine's load.
pub async fn alternate(
    servers: [(u16, Option<&str>); 2],
    path: &str,
    rounds: usize,
) -> anyhow::Result<[Vec<u32>; 2]> {
    let mut streams = Vec::new();
    let mut requests = Vec::new();
    for (port, cookie) in servers {
        let s = TcpStream::connect(("127.0.0.1", port)).await?;
        s.set_nodelay(true)?;
        streams.push(s);
        requests.push(request(port, path, cookie));
    }
    let mut buffers = [Vec::with_capacity(64 * 1024), Vec::with_capacity(64 * 1024)];
    let mut latencies = [Vec::with_capacity(rounds), Vec::with_capacity(rounds)];
    for round in 0..rounds {
        let order = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        for i in order {
            let t = Instant::now();
            streams[i].write_all(requests[i].as_bytes()).await?;
            let status = response(&mut streams[i], &mut buffers[i]).await?;
            anyhow::ensure!(
                status == 200,
                "{path} answered {status} on port {}",
                servers[i].0
            );
            latencies[i].push(t.elapsed().as_micros().min(u32::MAX as u128) as u32);
        }
    }
    for l in &mut latencies {
        l.sort_unstable();
    }
    Ok(latencies)
}

/// The latency at quantile `q` of sorted microseconds, in milliseconds.
pub fn quantile_ms(sorted: &[u32], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 - 1.0) * q).round() as usize] as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::net::TcpListener;

    /// A keep-alive server that answers every request with `status` and a small body.
    async fn server(status: u16) -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move {
            while let Ok((mut s, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 4096];
                    let mut seen = Vec::new();
                    loop {
                        let Ok(n) = s.read(&mut buf).await else {
                            return;
                        };
                        if n == 0 {
                            return;
                        }
                        seen.extend_from_slice(&buf[..n]);
                        while let Some(i) = seen.windows(4).position(|w| w == b"\r\n\r\n") {
                            seen.drain(..i + 4);
                            let answer =
                                format!("HTTP/1.1 {status} X\r\nContent-Length: 5\r\n\r\nhello");
                            if s.write_all(answer.as_bytes()).await.is_err() {
                                return;
                            }
                        }
                    }
                });
            }
        });
        port
    }

    #[tokio::test]
    async fn alternating_asks_each_server_every_round() {
        let (a, b) = (server(200).await, server(200).await);
        let [la, lb] = alternate([(a, Some("x")), (b, None)], "/", 25)
            .await
            .unwrap();
        assert_eq!((la.len(), lb.len()), (25, 25));
        assert!(la.windows(2).all(|w| w[0] <= w[1]), "sorted");
        assert!(quantile_ms(&la, 0.1) <= quantile_ms(&la, 0.5));
        assert_eq!(quantile_ms(&[], 0.5), 0.0);
    }

    #[tokio::test]
    async fn a_page_that_fails_stops_the_comparison() {
        let (a, b) = (server(200).await, server(500).await);
        let e = alternate([(a, None), (b, None)], "/x", 3)
            .await
            .unwrap_err();
        assert!(e.to_string().contains("/x answered 500"), "{e}");
    }
}
