//! iCalendar (RFC 5545) feeds of lab sessions: one VEVENT per session, times in UTC so that no
//! time-zone definition is needed, text escaped and lines folded at 75 octets.

use chrono::{DateTime, Utc};

/// How sure an event is, as calendar clients show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    Tentative,
    Confirmed,
    Cancelled,
}

/// One event of a feed.
#[derive(Debug, Clone)]
pub struct Event {
    /// Stable across updates, globally unique (e.g. `<id>@<host>`).
    pub uid: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub url: String,
    pub status: EventStatus,
    /// Grows with every change, so that clients replace their copy.
    pub sequence: i64,
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line exceeds 75 octets (§3.1), never inside a
/// UTF-8 sequence.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// Writes a calendar called `name` with `events`; `now` is the DTSTAMP of every event.
pub fn calendar(name: &str, events: &[Event], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Ponte//Laboratori//IT");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", text(&e.uid)));
        line(&mut out, &format!("DTSTAMP:{}", stamp(now)));
        line(&mut out, &format!("DTSTART:{}", stamp(e.starts_at)));
        line(&mut out, &format!("DTEND:{}", stamp(e.ends_at)));
        line(&mut out, &format!("SUMMARY:{}", text(&e.summary)));
        if !e.location.is_empty() {
            line(&mut out, &format!("LOCATION:{}", text(&e.location)));
        }
        if !e.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", text(&e.description)));
        }
        if !e.url.is_empty() {
            line(&mut out, &format!("URL:{}", e.url));
        }
        let status = match e.status {
            EventStatus::Tentative => "TENTATIVE",
            EventStatus::Confirmed => "CONFIRMED",
            EventStatus::Cancelled => "CANCELLED",
        };
        line(&mut out, &format!("STATUS:{status}"));
        line(&mut out, &format!("SEQUENCE:{}", e.sequence.max(0)));
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn sample() -> String {
        let t = |m, d, h, min| Utc.with_ymd_and_hms(2027, m, d, h, min, 0).unwrap();
        let events = vec![
            Event {
                uid: "0190a1b2-0000-7000-8000-000000000001@ponte.example".into(),
                starts_at: t(3, 27, 8, 30),
                ends_at: t(3, 27, 12, 0),
                summary: "Analisi del contesto; punti di forza, criticità".into(),
                location: "Salerno, Palazzo Sant'Agostino, Sala Bottiglieri".into(),
                description: "Modulo: Analisi del contesto (dimensione 1)\nAgenda:\n09:30 Apertura\n10:00 Lavoro di gruppo sulle priorità del territorio e sulle reti di partenariato".into(),
                url: "https://ponte.example/labs/sessions/0190a1b2-0000-7000-8000-000000000001".into(),
                status: EventStatus::Confirmed,
                sequence: 2,
            },
            Event {
                uid: "0190a1b2-0000-7000-8000-000000000002@ponte.example".into(),
                starts_at: t(3, 29, 7, 30),
                ends_at: t(3, 29, 11, 0),
                summary: "Giornata annullata".into(),
                location: String::new(),
                description: String::new(),
                url: String::new(),
                status: EventStatus::Cancelled,
                sequence: 0,
            },
        ];
        calendar(
            "Ponte — Gruppo delle cinque province",
            &events,
            t(1, 15, 10, 0),
        )
    }

    #[test]
    fn matches_the_golden_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/sessions.ics");
        if std::env::var_os("PONTE_UPDATE_GOLDEN").is_some() {
            std::fs::write(path, sample()).unwrap();
        }
        let golden = std::fs::read_to_string(path).unwrap();
        assert_eq!(sample(), golden);
    }

    #[test]
    fn lines_are_short_and_end_in_crlf() {
        let s = sample();
        assert!(s.ends_with("END:VCALENDAR\r\n"));
        for l in s.split("\r\n") {
            assert!(l.len() <= 75, "{l}");
            assert!(!l.contains('\n'));
        }
        assert!(s.contains("SUMMARY:Analisi del contesto\\; punti di forza\\, criticità"));
    }
}
