//! Signed unsubscribe links (RFC 8058 one-click): a link names one person and one kind of
//! notification, says until when it works, and carries an HMAC-SHA-256 of those three made with
//! the server's secret key, so that it needs no sign-in and cannot be forged or altered.

use super::Kind;
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

/// How long a link in an email keeps working.
pub const LIFETIME: Duration = Duration::days(90);

/// What a link unsubscribes: one person from one kind, until `expires`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub person: Uuid,
    pub kind: Kind,
    pub expires: DateTime<Utc>,
}

/// Why a link is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not a link this server made, or altered since.
    Invalid,
    /// Made by this server, but past its date.
    Expired,
}

impl Problem {
    /// The message key that says why.
    pub fn message(self) -> &'static str {
        match self {
            Problem::Invalid => "unsubscribe-error-invalid",
            Problem::Expired => "unsubscribe-error-expired",
        }
    }
}

fn mac(key: &[u8], text: &str) -> Hmac<Sha256> {
    // HMAC takes a key of any length: this cannot fail.
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    m.update(text.as_bytes());
    m
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

/// The signed text of a link: `person.kind.expiry.signature`, safe in a URL path.
pub fn sign(key: &[u8], link: &Link) -> String {
    let text = format!(
        "{}.{}.{}",
        link.person.simple(),
        link.kind.code(),
        link.expires.timestamp()
    );
    let signature = hex(&mac(key, &text).finalize().into_bytes());
    format!("{text}.{signature}")
}

/// The link a signed text stands for, if its signature holds and it has not expired at `now`.
pub fn verify(key: &[u8], token: &str, now: DateTime<Utc>) -> Result<Link, Problem> {
    let (text, signature) = token.rsplit_once('.').ok_or(Problem::Invalid)?;
    let signature = unhex(signature).ok_or(Problem::Invalid)?;
    // Compared in constant time by the HMAC crate.
    mac(key, text)
        .verify_slice(&signature)
        .map_err(|_| Problem::Invalid)?;
    let mut parts = text.split('.');
    let (Some(person), Some(kind), Some(expires), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Problem::Invalid);
    };
    let person = Uuid::try_parse(person).map_err(|_| Problem::Invalid)?;
    let kind = Kind::parse(kind).ok_or(Problem::Invalid)?;
    let expires = expires
        .parse::<i64>()
        .ok()
        .and_then(|s| DateTime::from_timestamp(s, 0))
        .ok_or(Problem::Invalid)?;
    if now >= expires {
        return Err(Problem::Expired);
    }
    Ok(Link {
        person,
        kind,
        expires,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_signed_link_holds_until_it_expires_and_refuses_any_change() {
        let key = b"a key of the server, thirty-two!";
        let now = Utc.with_ymd_and_hms(2026, 12, 6, 19, 0, 0).unwrap();
        let link = Link {
            person: Uuid::from_u128(42),
            kind: Kind::Reply,
            expires: now + LIFETIME,
        };
        let token = sign(key, &link);
        assert!(token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_'));
        assert_eq!(verify(key, &token, now), Ok(link));
        assert_eq!(
            verify(key, &token, now + LIFETIME),
            Err(Problem::Expired),
            "expired at its date"
        );
        // Another kind, person or date with the same signature: refused.
        for altered in [
            token.replace(".reply.", ".mention."),
            token.replacen(
                &Uuid::from_u128(42).simple().to_string(),
                &Uuid::from_u128(43).simple().to_string(),
                1,
            ),
            token.replace(
                &link.expires.timestamp().to_string(),
                &(link.expires.timestamp() + 86_400).to_string(),
            ),
        ] {
            assert_ne!(altered, token);
            assert_eq!(
                verify(key, &altered, now),
                Err(Problem::Invalid),
                "{altered}"
            );
        }
        // A signature changed in one digit, cut short, missing; another server's key.
        let mut flipped = token.clone().into_bytes();
        let last = flipped.len() - 1;
        flipped[last] = if flipped[last] == b'0' { b'1' } else { b'0' };
        let flipped = String::from_utf8(flipped).unwrap();
        for bad in [
            flipped.as_str(),
            &token[..token.len() - 2],
            token.rsplit_once('.').unwrap().0,
            "",
            "...",
            "x.y.z.zz",
        ] {
            assert_eq!(verify(key, bad, now), Err(Problem::Invalid), "{bad}");
        }
        assert_eq!(
            verify(b"another server's key", &token, now),
            Err(Problem::Invalid)
        );
        // An expired link that was altered is invalid, not merely expired.
        assert_eq!(
            verify(key, &token.replace(".reply.", ".lab."), now + LIFETIME),
            Err(Problem::Invalid)
        );
    }
}
