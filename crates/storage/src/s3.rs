//! S3-compatible object storage: objects are written, read and deleted with path-style requests
//! signed with AWS Signature Version 4, over HTTP/1.1 (TLS with the system's roots for `https`).
//! One connection per request keeps the client small; uploads are at most tens of megabytes.

use crate::StorageError;
use chrono::Utc;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;

/// The largest response body read (a stored file plus headroom).
const MAX_RESPONSE: usize = 64 * 1024 * 1024;

/// Where and how to reach a bucket.
#[derive(Clone)]
pub struct S3 {
    host: String,
    port: u16,
    tls: bool,
    bucket: String,
    region: String,
    access_key: String,
    secret_key: String,
}

impl std::fmt::Debug for S3 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The secret never reaches a log.
        f.debug_struct("S3")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .finish()
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex_value = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex_value(bytes[i + 1]), hex_value(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl S3 {
    /// Parses `s3://KEY:SECRET@host[:port]/bucket[?region=…]` (HTTPS) or `s3+http://…` (plain
    /// HTTP, for a server on the same machine or network). Credentials may instead come from
    /// `STORAGE_ACCESS_KEY` and `STORAGE_SECRET_KEY`.
    pub fn parse(url: &str) -> Result<S3, StorageError> {
        let bad = || StorageError::Url(redact(url));
        let (tls, rest) = if let Some(r) = url.strip_prefix("s3://") {
            (true, r)
        } else if let Some(r) = url.strip_prefix("s3+http://") {
            (false, r)
        } else {
            return Err(bad());
        };
        let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (authority, path) = rest.split_once('/').ok_or_else(bad)?;
        let bucket = path.trim_matches('/').to_string();
        let valid_bucket = (3..=63).contains(&bucket.len())
            && bucket
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
        if !valid_bucket {
            return Err(bad());
        }
        let (credentials, hostport) = match authority.rsplit_once('@') {
            Some((c, h)) => (Some(c), h),
            None => (None, authority),
        };
        let (access_key, secret_key) = match credentials {
            Some(c) => {
                let (a, s) = c.split_once(':').ok_or_else(bad)?;
                (percent_decode(a), percent_decode(s))
            }
            None => (
                std::env::var("STORAGE_ACCESS_KEY").map_err(|_| bad())?,
                std::env::var("STORAGE_SECRET_KEY").map_err(|_| bad())?,
            ),
        };
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), p.parse().map_err(|_| bad())?),
            None => (hostport.to_string(), if tls { 443 } else { 80 }),
        };
        if host.is_empty() || access_key.is_empty() || secret_key.is_empty() {
            return Err(bad());
        }
        let region = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("region="))
            .unwrap_or("us-east-1")
            .to_string();
        Ok(S3 {
            host,
            port,
            tls,
            bucket,
            region,
            access_key,
            secret_key,
        })
    }

    fn host_header(&self) -> String {
        let default = if self.tls { 443 } else { 80 };
        if self.port == default {
            self.host.clone()
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// Sends one signed request; returns the status and the body.
    async fn request(
        &self,
        method: &str,
        key: Option<&str>,
        body: &[u8],
    ) -> Result<(u16, Vec<u8>), StorageError> {
        let path = match key {
            Some(k) => format!("/{}/{}", self.bucket, k),
            None => format!("/{}", self.bucket),
        };
        let now = Utc::now();
        let amz_date = now.format("%Y%m%dT%H%M%SZ").to_string();
        let date = now.format("%Y%m%d").to_string();
        let payload_hash = hex(&Sha256::digest(body));
        let host = self.host_header();
        let canonical = format!(
            "{method}\n{path}\n\nhost:{host}\nx-amz-content-sha256:{payload_hash}\nx-amz-date:{amz_date}\n\nhost;x-amz-content-sha256;x-amz-date\n{payload_hash}"
        );
        let scope = format!("{date}/{}/s3/aws4_request", self.region);
        let to_sign = format!(
            "AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}",
            hex(&Sha256::digest(canonical.as_bytes()))
        );
        let mut signing = hmac(
            format!("AWS4{}", self.secret_key).as_bytes(),
            date.as_bytes(),
        );
        for part in [self.region.as_bytes(), b"s3", b"aws4_request"] {
            signing = hmac(&signing, part);
        }
        let signature = hex(&hmac(&signing, to_sign.as_bytes()));
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {host}\r\nx-amz-date: {amz_date}\r\nx-amz-content-sha256: {payload_hash}\r\nAuthorization: AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={signature}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.access_key,
            body.len()
        );
        let tcp = TcpStream::connect((self.host.as_str(), self.port)).await?;
        if self.tls {
            let connector = tls_connector()?;
            let name = rustls_pki_types::ServerName::try_from(self.host.clone())
                .map_err(|_| StorageError::Url(self.host.clone()))?;
            let stream = connector.connect(name, tcp).await?;
            exchange(stream, head.as_bytes(), body, method == "HEAD").await
        } else {
            exchange(tcp, head.as_bytes(), body, method == "HEAD").await
        }
    }

    /// Creates the bucket when it does not exist yet.
    pub async fn ensure_bucket(&self) -> Result<(), StorageError> {
        let (status, _) = self.request("HEAD", None, b"").await?;
        match status {
            200 => Ok(()),
            404 => {
                let (status, body) = self.request("PUT", None, b"").await?;
                match status {
                    200 | 409 => Ok(()),
                    _ => Err(remote(status, &body)),
                }
            }
            _ => Err(remote(status, b"")),
        }
    }

    pub async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), StorageError> {
        let (status, body) = self.request("PUT", Some(key), bytes).await?;
        match status {
            200 => Ok(()),
            _ => Err(remote(status, &body)),
        }
    }

    pub async fn get(&self, key: &str) -> Result<Vec<u8>, StorageError> {
        let (status, body) = self.request("GET", Some(key), b"").await?;
        match status {
            200 => Ok(body),
            404 => Err(StorageError::NotFound),
            _ => Err(remote(status, &body)),
        }
    }

    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        let (status, body) = self.request("DELETE", Some(key), b"").await?;
        match status {
            200 | 204 | 404 => Ok(()),
            _ => Err(remote(status, &body)),
        }
    }
}

fn remote(status: u16, body: &[u8]) -> StorageError {
    let text = String::from_utf8_lossy(&body[..body.len().min(300)]).into_owned();
    StorageError::Remote(status, text)
}

/// The URL with its credentials hidden, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***{}", &url[..scheme], &url[at..])
        }
        _ => url.to_string(),
    }
}

fn tls_connector() -> Result<tokio_rustls::TlsConnector, StorageError> {
    static CONFIG: std::sync::OnceLock<Arc<rustls::ClientConfig>> = std::sync::OnceLock::new();
    let config = CONFIG.get_or_init(|| {
        let mut roots = rustls::RootCertStore::empty();
        for cert in rustls_native_certs::load_native_certs().certs {
            let _ = roots.add(cert);
        }
        Arc::new(
            rustls::ClientConfig::builder_with_provider(Arc::new(
                rustls::crypto::ring::default_provider(),
            ))
            .with_safe_default_protocol_versions()
            .map(|b| b.with_root_certificates(roots).with_no_client_auth())
            .unwrap_or_else(|_| {
                rustls::ClientConfig::builder_with_provider(Arc::new(
                    rustls::crypto::ring::default_provider(),
                ))
                .with_protocol_versions(&[&rustls::version::TLS13])
                .expect("TLS 1.3 is supported")
                .with_root_certificates(rustls::RootCertStore::empty())
                .with_no_client_auth()
            }),
        )
    });
    Ok(tokio_rustls::TlsConnector::from(config.clone()))
}

/// Writes a request and reads the whole response (`Connection: close`).
async fn exchange<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    head: &[u8],
    body: &[u8],
    no_body: bool,
) -> Result<(u16, Vec<u8>), StorageError> {
    stream.write_all(head).await?;
    stream.write_all(body).await?;
    stream.flush().await?;
    let mut response = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        let n = match stream.read(&mut chunk).await {
            Ok(n) => n,
            // Servers that close without a TLS close_notify: the response is complete.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => 0,
            Err(e) => return Err(e.into()),
        };
        if n == 0 {
            break;
        }
        response.extend_from_slice(&chunk[..n]);
        if response.len() > MAX_RESPONSE {
            return Err(StorageError::Remote(0, "response too large".into()));
        }
    }
    parse_response(&response, no_body)
}

/// Parses a whole response; `no_body` for the answer to `HEAD`, whose length header describes a
/// body that is not sent.
fn parse_response(response: &[u8], no_body: bool) -> Result<(u16, Vec<u8>), StorageError> {
    let malformed = || StorageError::Remote(0, "malformed response".into());
    let end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(malformed)?;
    let head = std::str::from_utf8(&response[..end]).map_err(|_| malformed())?;
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(malformed)?;
    let mut chunked = false;
    let mut length: Option<usize> = None;
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            let name = name.trim().to_ascii_lowercase();
            let value = value.trim();
            if name == "transfer-encoding" && value.eq_ignore_ascii_case("chunked") {
                chunked = true;
            } else if name == "content-length" {
                length = value.parse().ok();
            }
        }
    }
    let raw = &response[end + 4..];
    let body = if no_body {
        Vec::new()
    } else if chunked {
        dechunk(raw).ok_or_else(malformed)?
    } else {
        match length {
            Some(n) if n <= raw.len() => raw[..n].to_vec(),
            Some(_) => return Err(malformed()),
            None => raw.to_vec(),
        }
    };
    Ok((status, body))
}

fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = raw.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&raw[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        raw = &raw[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        if raw.len() < size + 2 {
            return None;
        }
        out.extend_from_slice(&raw[..size]);
        raw = &raw[size + 2..];
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// HMAC-SHA256 (RFC 2104).
fn hmac(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let mut inner = Sha256::new();
    inner.update(block.map(|b| b ^ 0x36));
    inner.update(message);
    let mut outer = Sha256::new();
    outer.update(block.map(|b| b ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231() {
        // Test case 2 of RFC 4231.
        assert_eq!(
            hex(&hmac(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn signing_key_matches_the_aws_example() {
        // The signing-key example of the AWS Signature Version 4 documentation.
        let mut k = hmac(b"AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", b"20120215");
        for part in [&b"us-east-1"[..], b"iam", b"aws4_request"] {
            k = hmac(&k, part);
        }
        assert_eq!(
            hex(&k),
            "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"
        );
    }

    #[test]
    fn urls() {
        let s =
            S3::parse("s3+http://ponte:segreto%2F1@127.0.0.1:9000/ponte-files?region=eu-south-1")
                .unwrap();
        assert_eq!((s.host.as_str(), s.port, s.tls), ("127.0.0.1", 9000, false));
        assert_eq!(
            (s.bucket.as_str(), s.region.as_str()),
            ("ponte-files", "eu-south-1")
        );
        assert_eq!(s.secret_key, "segreto/1");
        assert!(!format!("{s:?}").contains("segreto"));
        let s = S3::parse("s3://a:b@storage.example/bucket-1").unwrap();
        assert_eq!(
            (s.port, s.tls, s.host_header().as_str()),
            (443, true, "storage.example")
        );
        for bad in [
            "s3://a:b@h/UPPER",
            "s3://a:b@h/",
            "s3://a:b@h:x/bkt",
            "ftp://h/bkt",
            "s3://:@h/bkt",
        ] {
            assert!(S3::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(redact("s3://a:b@h/bkt"), "s3://***@h/bkt");
    }

    #[test]
    fn responses() {
        let (status, body) =
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef", false).unwrap();
        assert_eq!((status, body.as_slice()), (200, &b"abc"[..]));
        let (status, body) = parse_response(b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n", false).unwrap();
        assert_eq!((status, body.as_slice()), (404, &b"abcde"[..]));
        assert!(parse_response(b"garbage", false).is_err());
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", true)
                .unwrap()
                .1
                .len(),
            0
        );
        assert!(parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc", false).is_err());
    }
}
