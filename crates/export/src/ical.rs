//! iCalendar (RFC 5545): feeds of lab sessions and tables' meetings (one VEVENT per event, times
//! in UTC so that no time-zone definition is needed) and invitations sent by email (RFC 5546
//! iTIP: one event, METHOD:REQUEST or CANCEL, times in Rome with the zone's definition). Text is
//! escaped and lines folded at 75 octets.

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

/// What an invitation asks of the calendar that receives it (RFC 5546).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Add the event, or replace an earlier copy with a lower SEQUENCE.
    Request,
    /// Remove the event.
    Cancel,
}

impl Method {
    /// The METHOD value, also the `method` parameter of the email's text/calendar part.
    pub fn code(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// A person of an invitation: name and email address.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub email: String,
}

/// The definition of the Rome time zone (CET/CEST, the European Union's rule since 1996) that
/// the times of an invitation refer to.
const ROME: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Rome",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

fn rome(t: DateTime<Utc>) -> String {
    t.with_timezone(&domain::locale::TIME_ZONE)
        .format("%Y%m%dT%H%M%S")
        .to_string()
}

/// A calendar address (`mailto:`) with its parameters escaped as RFC 5545 §3.2 wants: a name
/// is quoted, and cannot itself hold a double quote.
fn address(property: &str, extra: &str, p: &Person) -> String {
    let name: String = p
        .name
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    format!("{property};CN=\"{name}\"{extra}:mailto:{}", p.email)
}

/// Writes an invitation to `attendee` for `event` from `organizer`: `Request` for a new or
/// changed event (the event's SEQUENCE tells which copy is newer), `Cancel` to remove it. Times
/// are given in Rome; `now` is the DTSTAMP.
pub fn invitation(
    method: Method,
    event: &Event,
    organizer: &Person,
    attendee: &Person,
    now: DateTime<Utc>,
) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Ponte//Tavoli//IT");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, &format!("METHOD:{}", method.code()));
    for l in ROME {
        line(&mut out, l);
    }
    line(&mut out, "BEGIN:VEVENT");
    line(&mut out, &format!("UID:{}", text(&event.uid)));
    line(&mut out, &format!("DTSTAMP:{}", stamp(now)));
    line(
        &mut out,
        &format!("DTSTART;TZID=Europe/Rome:{}", rome(event.starts_at)),
    );
    line(
        &mut out,
        &format!("DTEND;TZID=Europe/Rome:{}", rome(event.ends_at)),
    );
    line(&mut out, &format!("SUMMARY:{}", text(&event.summary)));
    if !event.location.is_empty() {
        line(&mut out, &format!("LOCATION:{}", text(&event.location)));
    }
    if !event.description.is_empty() {
        line(
            &mut out,
            &format!("DESCRIPTION:{}", text(&event.description)),
        );
    }
    if !event.url.is_empty() {
        line(&mut out, &format!("URL:{}", event.url));
    }
    line(&mut out, &address("ORGANIZER", "", organizer));
    let attendee_params = match method {
        Method::Request => ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE",
        Method::Cancel => ";ROLE=REQ-PARTICIPANT",
    };
    line(&mut out, &address("ATTENDEE", attendee_params, attendee));
    let status = match (method, event.status) {
        (Method::Cancel, _) | (_, EventStatus::Cancelled) => "CANCELLED",
        (_, EventStatus::Tentative) => "TENTATIVE",
        (_, EventStatus::Confirmed) => "CONFIRMED",
    };
    line(&mut out, &format!("STATUS:{status}"));
    line(&mut out, &format!("SEQUENCE:{}", event.sequence.max(0)));
    line(&mut out, "END:VEVENT");
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

    /// A convocation and its cancellation, with text a person can type (accents, Cyrillic, Arabic,
    /// CJK, emoji, separators to escape) and a line long enough to fold.
    fn invitations() -> String {
        let t = |m, d, h, min| Utc.with_ymd_and_hms(2027, m, d, h, min, 0).unwrap();
        let event = Event {
            uid: "0190a1b2-0000-7000-8000-000000000004@ponte.example".into(),
            starts_at: t(10, 31, 8, 0),
            ends_at: t(10, 31, 10, 30),
            summary: "Riunione del tavolo; punti 1, 2 — Тирана, تونس, 東京 🤝".into(),
            location: "Salerno, Palazzo Sant'Agostino, Sala Bottiglieri".into(),
            description: "1. Apertura (Paola Santoro)\n2. Programma dell'anno (La segreteria)\nhttps://ponte.example/tables/t/meetings/m".into(),
            url: "https://ponte.example/tables/t/meetings/m".into(),
            status: EventStatus::Confirmed,
            sequence: 1,
        };
        let organizer = Person {
            name: "Maria Rossi".into(),
            email: "m.rossi@provincia.salerno.example".into(),
        };
        let attendee = Person {
            name: "Arben Hoxha".into(),
            email: "arben.hoxha@skanderbeg-salerno.example".into(),
        };
        let now = t(10, 1, 9, 0);
        let mut out = invitation(Method::Request, &event, &organizer, &attendee, now);
        let cancelled = Event {
            sequence: 2,
            ..event.clone()
        };
        out.push_str(&invitation(
            Method::Cancel,
            &cancelled,
            &organizer,
            &attendee,
            now,
        ));
        out
    }

    #[test]
    fn invitations_match_the_golden_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/invitations.ics");
        if std::env::var_os("PONTE_UPDATE_GOLDEN").is_some() {
            std::fs::write(path, invitations()).unwrap();
        }
        let golden = std::fs::read_to_string(path).unwrap();
        assert_eq!(invitations(), golden);
        // 31 October 2027 is after the autumn change: 08:00 UTC is 09:00 in Rome.
        assert!(golden.contains("DTSTART;TZID=Europe/Rome:20271031T090000\r\n"));
    }

    #[test]
    fn an_invitation_gives_rome_times_and_its_method() {
        let t = |m, d, h, min| Utc.with_ymd_and_hms(2027, m, d, h, min, 0).unwrap();
        let event = Event {
            uid: "0190a1b2-0000-7000-8000-000000000003@ponte.example".into(),
            // 08:00 UTC on 29 March is 10:00 in Rome (summer time); in January, 09:00 is 10:00.
            starts_at: t(3, 29, 8, 0),
            ends_at: t(3, 29, 10, 30),
            summary: "Riunione del tavolo".into(),
            location: "Salerno".into(),
            description: String::new(),
            url: String::new(),
            status: EventStatus::Confirmed,
            sequence: 3,
        };
        let organizer = Person {
            name: "Segreteria \"del\" tavolo".into(),
            email: "segreteria@ponte.example".into(),
        };
        let attendee = Person {
            name: "Paola Santoro".into(),
            email: "p.santoro@unisa.example".into(),
        };
        let request = invitation(
            Method::Request,
            &event,
            &organizer,
            &attendee,
            t(1, 15, 10, 0),
        );
        assert!(request.contains("METHOD:REQUEST\r\n"));
        assert!(request.contains("DTSTART;TZID=Europe/Rome:20270329T100000\r\n"));
        assert!(request.contains("DTEND;TZID=Europe/Rome:20270329T123000\r\n"));
        assert!(request.contains("SEQUENCE:3\r\n"));
        assert!(request.contains("STATUS:CONFIRMED\r\n"));
        assert!(request
            .contains("ORGANIZER;CN=\"Segreteria del tavolo\":mailto:segreteria@ponte.example"));
        let winter = Event {
            starts_at: t(1, 20, 9, 0),
            ends_at: t(1, 20, 11, 0),
            ..event.clone()
        };
        let cancel = invitation(
            Method::Cancel,
            &winter,
            &organizer,
            &attendee,
            t(1, 15, 10, 0),
        );
        assert!(cancel.contains("METHOD:CANCEL\r\n"));
        assert!(cancel.contains("STATUS:CANCELLED\r\n"));
        assert!(cancel.contains("DTSTART;TZID=Europe/Rome:20270120T100000\r\n"));
        for l in cancel.split("\r\n") {
            assert!(l.len() <= 75, "{l}");
        }
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
