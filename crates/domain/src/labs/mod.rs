//! Labs: dated sessions of a module for a cohort. The rules here decide when a session is, which
//! half-days it covers, who may register and when, whether a check-in is open, how attendance
//! adds up into rates, what a certificate counts, and how feedback is summarised.

pub mod attendance;
pub mod certificate;
pub mod feedback;
pub mod schedule;

use crate::policy::Rule;
use crate::roles::Role;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

pub use attendance::{HalfDay, Rate};
pub use schedule::{Choices, SessionDraft, SessionForm};

const STAFF: &[Role] = &[Role::Staff, Role::Admin];

/// Who may do what with labs. The calendar and session pages are public like the programme, but
/// participants, online links and materials are shown to signed-in people only (see the pages).
pub const POLICY: &[(&str, Rule)] = &[
    ("labs.calendar", Rule::Public),
    ("labs.session", Rule::Public),
    ("labs.session_ics", Rule::Public),
    ("labs.cohort_ics", Rule::Public),
    ("labs.feed_ics", Rule::Public),
    ("labs.mine", Rule::SignedIn),
    ("labs.certificate", Rule::SignedIn),
    ("labs.verify", Rule::Public),
    ("labs.feed_token", Rule::SignedIn),
    ("labs.register", Rule::SignedIn),
    ("labs.unregister", Rule::SignedIn),
    ("labs.check_in", Rule::SignedIn),
    ("labs.feedback_form", Rule::SignedIn),
    ("labs.feedback_save", Rule::SignedIn),
    ("labs.material", Rule::SignedIn),
    ("labs.dashboard", Rule::Global(STAFF)),
    ("labs.session_new", Rule::Global(STAFF)),
    ("labs.session_create", Rule::Global(STAFF)),
    ("labs.session_edit", Rule::Global(STAFF)),
    ("labs.session_update", Rule::Global(STAFF)),
    ("labs.session_status", Rule::Global(STAFF)),
    ("labs.session_outcomes", Rule::Global(STAFF)),
    ("labs.agenda_add", Rule::Global(STAFF)),
    ("labs.agenda_remove", Rule::Global(STAFF)),
    ("labs.material_add", Rule::Global(STAFF)),
    ("labs.invite", Rule::Global(STAFF)),
    ("labs.register_sheet", Rule::Global(STAFF)),
    ("labs.register_save", Rule::Global(STAFF)),
    // Monitoring the labs is the programme staff's. (Tutors were listed here once, but a tutor's
    // role is held in an organisation's workspace and a global rule never matched it.)
    ("labs.feedback_results", Rule::Global(STAFF)),
    ("labs.feedback_export", Rule::Global(STAFF)),
    ("labs.attendance_report", Rule::Global(STAFF)),
    ("labs.attendance_export", Rule::Global(STAFF)),
];

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Planned,
    Confirmed,
    Held,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Planned,
        Status::Confirmed,
        Status::Held,
        Status::Cancelled,
    ];

    /// Parses a stored or submitted code.
    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Confirmed => "confirmed",
            Status::Held => "held",
            Status::Cancelled => "cancelled",
        }
    }

    /// Whether the session still counts in the calendar (a cancelled one is shown struck out).
    pub fn is_active(self) -> bool {
        self != Status::Cancelled
    }
}

/// Why a status change is refused, as a message key; `None` when it is allowed. A session is
/// marked held only once it has started; once it has started it is no longer planned or
/// confirmed (it was held or it was cancelled); a held session can only be cancelled.
pub fn status_change_refusal(
    from: Status,
    to: Status,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<&'static str> {
    if from == to {
        return Some("error-status-unchanged");
    }
    if from == Status::Held && to != Status::Cancelled {
        return Some("error-status-after-held");
    }
    if to == Status::Held && now < starts_at {
        return Some("error-status-held-future");
    }
    if matches!(to, Status::Planned | Status::Confirmed) && now >= starts_at {
        return Some("error-status-started");
    }
    None
}

impl Status {
    /// Whether moving to this status undoes something people rely on (a cancellation is mailed
    /// to everyone registered and closes registrations): the page asks for a confirmation.
    pub fn is_destructive(self) -> bool {
        self == Status::Cancelled
    }
}

/// What a person's relation to a session allows them to do with its registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seat {
    pub status: Status,
    pub starts_at: DateTime<Utc>,
    pub registered: i64,
    pub capacity: i64,
    /// The person belongs to an organisation of the session's cohort.
    pub in_cohort: bool,
    /// Staff invited the person.
    pub invited: bool,
    pub already_registered: bool,
}

/// Why a registration is refused, as a message key; `None` when the person may take a seat.
/// The database repeats the capacity and date checks atomically (see `db::labs::register`).
pub fn registration_refusal(seat: &Seat, now: DateTime<Utc>) -> Option<&'static str> {
    if seat.already_registered {
        Some("error-registration-exists")
    } else if seat.status == Status::Cancelled || seat.status == Status::Held {
        Some("error-registration-closed")
    } else if seat.starts_at <= now {
        Some("error-registration-past")
    } else if !(seat.in_cohort || seat.invited) {
        Some("error-registration-not-eligible")
    } else if seat.registered >= seat.capacity {
        Some("error-registration-full")
    } else {
        None
    }
}

/// How long before the start a participant may check in.
pub const CHECK_IN_OPENS_BEFORE_MINUTES: i64 = 30;

/// Whether self check-in is open at `now`: from half an hour before the start to the end.
pub fn check_in_open(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= starts_at - Duration::minutes(CHECK_IN_OPENS_BEFORE_MINUTES) && now <= ends_at
}

/// The characters of a check-in code: no 0/O or 1/I/L, which are misread when shown on a screen.
pub const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// Builds a code of one character per random byte, from the unambiguous alphabet.
pub fn code(random: &[u8]) -> String {
    random
        .iter()
        .map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char)
        .collect()
}

/// Builds a six-character check-in code from random bytes.
pub fn check_in_code(random: &[u8; 6]) -> String {
    code(random)
}

/// Normalises a code as typed: spaces dropped, upper case.
pub fn normalise_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 10, h, 0, 0).unwrap()
    }

    fn seat() -> Seat {
        Seat {
            status: Status::Confirmed,
            starts_at: at(9),
            registered: 3,
            capacity: 4,
            in_cohort: true,
            invited: false,
            already_registered: false,
        }
    }

    #[test]
    fn registration_rules() {
        assert_eq!(registration_refusal(&seat(), at(8)), None);
        assert_eq!(
            registration_refusal(&seat(), at(9)),
            Some("error-registration-past")
        );
        let full = Seat {
            registered: 4,
            ..seat()
        };
        assert_eq!(
            registration_refusal(&full, at(8)),
            Some("error-registration-full")
        );
        let outsider = Seat {
            in_cohort: false,
            ..seat()
        };
        assert_eq!(
            registration_refusal(&outsider, at(8)),
            Some("error-registration-not-eligible")
        );
        let invited = Seat {
            invited: true,
            ..outsider
        };
        assert_eq!(registration_refusal(&invited, at(8)), None);
        let cancelled = Seat {
            status: Status::Cancelled,
            ..seat()
        };
        assert_eq!(
            registration_refusal(&cancelled, at(8)),
            Some("error-registration-closed")
        );
        let twice = Seat {
            already_registered: true,
            ..seat()
        };
        assert_eq!(
            registration_refusal(&twice, at(8)),
            Some("error-registration-exists")
        );
    }

    #[test]
    fn status_changes() {
        use Status::*;
        assert_eq!(
            status_change_refusal(Planned, Confirmed, at(9), at(8)),
            None
        );
        assert_eq!(
            status_change_refusal(Confirmed, Held, at(9), at(8)),
            Some("error-status-held-future")
        );
        assert_eq!(status_change_refusal(Confirmed, Held, at(9), at(10)), None);
        assert_eq!(
            status_change_refusal(Held, Planned, at(9), at(10)),
            Some("error-status-after-held")
        );
        assert_eq!(
            status_change_refusal(Held, Held, at(9), at(10)),
            Some("error-status-unchanged")
        );
        // Once started, a session was held or cancelled: it is no longer planned or confirmed,
        // and a cancelled one is not brought back.
        assert_eq!(
            status_change_refusal(Planned, Confirmed, at(9), at(10)),
            Some("error-status-started")
        );
        assert_eq!(
            status_change_refusal(Cancelled, Planned, at(9), at(10)),
            Some("error-status-started")
        );
        assert_eq!(
            status_change_refusal(Cancelled, Planned, at(9), at(8)),
            None
        );
        assert_eq!(
            status_change_refusal(Planned, Cancelled, at(9), at(10)),
            None
        );
        assert_eq!(status_change_refusal(Held, Cancelled, at(9), at(10)), None);
        // What staff are offered for a past confirmed session: held or cancelled, nothing else.
        let offered: Vec<Status> = Status::ALL
            .into_iter()
            .filter(|t| status_change_refusal(Confirmed, *t, at(9), at(12)).is_none())
            .collect();
        assert_eq!(offered, vec![Held, Cancelled]);
        assert!(Cancelled.is_destructive() && !Held.is_destructive());
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
    }

    #[test]
    fn check_in_window_and_codes() {
        let start = Utc.with_ymd_and_hms(2027, 3, 10, 9, 0, 0).unwrap();
        let end = start + Duration::hours(4);
        assert!(!check_in_open(start, end, start - Duration::minutes(31)));
        assert!(check_in_open(start, end, start - Duration::minutes(30)));
        assert!(check_in_open(start, end, end));
        assert!(!check_in_open(start, end, end + Duration::seconds(1)));
        let code = check_in_code(&[0, 1, 2, 30, 31, 255]);
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        assert_eq!(normalise_code(" ab3-k9 "), "AB3K9");
    }
}
