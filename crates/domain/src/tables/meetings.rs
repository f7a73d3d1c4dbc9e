//! A table's meetings: convened by the secretariat for a date and times in Rome, in a place or
//! online, with an agenda whose items each have a presenter and documents to read; then held
//! (attendance recorded per organisation from the meeting's day) or cancelled with a reason.
//! The checks of the forms and the moves between states live here.

use crate::labs::schedule::{instant, local};
use crate::validation::{optional_line, required_line, Errors};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest place and online link, in characters.
pub const MAX_PLACE: usize = 300;
pub const MAX_LINK: usize = 500;
/// Most agenda items and documents to read.
pub const MAX_ITEMS: usize = 20;
pub const MAX_DOCUMENTS: usize = 20;
/// Longest agenda item and presenter, in characters.
pub const MAX_ITEM: usize = 300;
pub const MAX_PRESENTER: usize = 120;
/// Longest reason for a cancellation, in characters.
pub const MAX_REASON: usize = 1_000;
/// Longest name of a person attending or delegated.
pub const MAX_PERSON: usize = 120;

/// Where a meeting is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingStatus {
    /// Convened: the convocation went out; it may still change or be cancelled.
    Convened,
    /// Held: its attendance is recorded.
    Held,
    /// Cancelled, with a reason.
    Cancelled,
}

impl MeetingStatus {
    pub const ALL: [MeetingStatus; 3] = [
        MeetingStatus::Convened,
        MeetingStatus::Held,
        MeetingStatus::Cancelled,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            MeetingStatus::Convened => "convened",
            MeetingStatus::Held => "held",
            MeetingStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(code: &str) -> Option<MeetingStatus> {
        MeetingStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl TryFrom<String> for MeetingStatus {
    type Error = crate::codes::UnknownCode;
    fn try_from(code: String) -> Result<MeetingStatus, Self::Error> {
        MeetingStatus::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "meeting status",
            code,
        })
    }
}

/// How an organisation took part in a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Presence {
    /// Present, through the person named.
    Present,
    /// Delegated its part to a named person (of another organisation, or not its usual one).
    Delegated,
    /// Absent, having said so beforehand.
    Excused,
    /// Absent.
    Absent,
}

impl Presence {
    pub const ALL: [Presence; 4] = [
        Presence::Present,
        Presence::Delegated,
        Presence::Excused,
        Presence::Absent,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Presence::Present => "present",
            Presence::Delegated => "delegated",
            Presence::Excused => "excused",
            Presence::Absent => "absent",
        }
    }

    pub fn parse(code: &str) -> Option<Presence> {
        Presence::ALL.into_iter().find(|p| p.code() == code)
    }
}

impl TryFrom<String> for Presence {
    type Error = crate::codes::UnknownCode;
    fn try_from(code: String) -> Result<Presence, Self::Error> {
        Presence::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "presence",
            code,
        })
    }
}

/// One agenda item as typed: its title, the representative chosen as presenter (an id, or
/// empty) and a presenter written by hand (used when no representative is chosen).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgendaInput {
    pub title: String,
    pub representative: String,
    pub presenter: String,
}

/// One checked agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub title: String,
    /// The representative who presents it, when it is one.
    pub representative: Option<Uuid>,
    /// The presenter's name: the representative's, or as written.
    pub presenter: String,
}

/// A meeting form as submitted: every field as text.
#[derive(Debug, Clone, Default)]
pub struct MeetingInput {
    pub title: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub online_url: String,
    /// Library documents to read, one a line: their ids or their addresses.
    pub documents: String,
    pub agenda: Vec<AgendaInput>,
}

/// A checked meeting, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingDraft {
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub online_url: String,
    pub agenda: Vec<AgendaItem>,
    pub documents: Vec<Uuid>,
}

/// Whether `value` is a whole web address: `http(s)://`, a host of letters, digits, dots and
/// dashes (with a port, perhaps), and no white space or control character anywhere.
pub fn is_web_address(value: &str) -> bool {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    let host_ok = !host.is_empty()
        && host.contains('.')
        && !host.starts_with(['.', '-'])
        && !host.ends_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok());
    host_ok && port_ok
}

/// A line of the documents field that names no document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotADocument;

/// The document ids named in the documents field: one a line (or separated by commas), each an
/// id or an address ending in one.
pub fn document_ids(text: &str) -> Result<Vec<Uuid>, NotADocument> {
    let mut out = Vec::new();
    for piece in text
        .split(['\n', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let last = piece
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(piece);
        let id = Uuid::parse_str(last).map_err(|_| NotADocument)?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

fn parse_time(errors: &mut Errors, field: &'static str, value: &str) -> Option<NaiveTime> {
    match value.trim() {
        "" => {
            errors.add(field, "error-required");
            None
        }
        v => match NaiveTime::parse_from_str(v, "%H:%M") {
            Ok(t) => Some(t),
            Err(_) => {
                errors.add(field, "error-time");
                None
            }
        },
    }
}

impl MeetingInput {
    /// Checks the form: `representatives` are the table's current representatives (id, name),
    /// `readable` the documents named that the table's members may read, `now` the present
    /// instant (a meeting is convened for the future only).
    pub fn check(
        &self,
        representatives: &[(Uuid, String)],
        readable: &[Uuid],
        now: DateTime<Utc>,
    ) -> Result<MeetingDraft, Errors> {
        let mut errors = Errors::default();
        let title = required_line(&mut errors, "title", &self.title, MAX_TITLE);
        let place = optional_line(&mut errors, "place", &self.place, MAX_PLACE).unwrap_or_default();
        let online_url = optional_line(&mut errors, "online_url", &self.online_url, MAX_LINK)
            .unwrap_or_default();
        if !online_url.is_empty() && !is_web_address(&online_url) {
            errors.add("online_url", "error-url");
        }
        if place.is_empty() && online_url.is_empty() {
            errors.add("place", "error-place-or-link");
        }
        let date = match self.date.trim() {
            "" => {
                errors.add("date", "error-required");
                None
            }
            d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                Ok(d) if (2000..=2100).contains(&d.year()) => Some(d),
                _ => {
                    errors.add("date", "error-date");
                    None
                }
            },
        };
        let start = parse_time(&mut errors, "start", &self.start);
        let end = parse_time(&mut errors, "end", &self.end);
        let mut times = None;
        if let (Some(d), Some(s), Some(e)) = (date, start, end) {
            if e <= s {
                errors.add("end", "error-end-before-start");
            } else {
                match (instant(d, s), instant(d, e)) {
                    (Ok(a), Ok(_)) if a <= now => errors.add("date", "error-meeting-past"),
                    (Ok(a), Ok(b)) => times = Some((a, b)),
                    (Err(_), _) => errors.add("start", "error-time-skipped"),
                    (_, Err(_)) => errors.add("end", "error-time-skipped"),
                }
            }
        }
        let mut agenda = Vec::new();
        let typed: Vec<&AgendaInput> = self
            .agenda
            .iter()
            .filter(|a| {
                !(a.title.trim().is_empty()
                    && a.representative.trim().is_empty()
                    && a.presenter.trim().is_empty())
            })
            .collect();
        if typed.is_empty() {
            errors.add("agenda", "error-meeting-agenda");
        }
        if typed.len() > MAX_ITEMS {
            errors.add("agenda", "error-meeting-too-many");
        }
        for a in typed.iter().take(MAX_ITEMS) {
            let title = a.title.trim();
            // One line of text: no line break nor any other control character but a tab (as
            // every one-line field; a NUL is never stored).
            if title.is_empty()
                || title.chars().count() > MAX_ITEM
                || title.chars().any(|c| c.is_control() && c != '\t')
            {
                errors.add("agenda", "error-meeting-item");
                continue;
            }
            let chosen = a.representative.trim();
            let (representative, presenter) = if chosen.is_empty() {
                let written = a.presenter.trim();
                if written.is_empty() {
                    errors.add("agenda", "error-meeting-presenter-missing");
                    continue;
                }
                if written.chars().count() > MAX_PRESENTER || written.chars().any(char::is_control)
                {
                    errors.add("agenda", "error-meeting-presenter-long");
                    continue;
                }
                (None, written.to_string())
            } else {
                let found = Uuid::parse_str(chosen)
                    .ok()
                    .and_then(|id| representatives.iter().find(|(r, _)| *r == id));
                match found {
                    Some((id, name)) => (Some(*id), name.clone()),
                    None => {
                        errors.add("agenda", "error-meeting-presenter");
                        continue;
                    }
                }
            };
            agenda.push(AgendaItem {
                title: title.to_string(),
                representative,
                presenter,
            });
        }
        let documents = match document_ids(&self.documents) {
            Ok(ids) if ids.len() > MAX_DOCUMENTS => {
                errors.add("documents", "error-meeting-too-many");
                Vec::new()
            }
            Ok(ids) if ids.iter().all(|id| readable.contains(id)) => ids,
            _ => {
                errors.add("documents", "error-meeting-document");
                Vec::new()
            }
        };
        match times {
            Some((starts_at, ends_at)) if errors.is_empty() => Ok(MeetingDraft {
                title,
                starts_at,
                ends_at,
                place,
                online_url,
                agenda,
                documents,
            }),
            _ => Err(errors),
        }
    }

    /// The form filled with a stored meeting, for changing it; `extra` blank agenda rows follow.
    pub fn from_draft(d: &MeetingDraft, extra: usize) -> MeetingInput {
        let (date, start) = local(d.starts_at);
        let (_, end) = local(d.ends_at);
        let mut agenda: Vec<AgendaInput> = d
            .agenda
            .iter()
            .map(|a| AgendaInput {
                title: a.title.clone(),
                representative: a.representative.map(|r| r.to_string()).unwrap_or_default(),
                presenter: if a.representative.is_some() {
                    String::new()
                } else {
                    a.presenter.clone()
                },
            })
            .collect();
        agenda.extend(std::iter::repeat_n(AgendaInput::default(), extra));
        MeetingInput {
            title: d.title.clone(),
            date: date.format("%Y-%m-%d").to_string(),
            start: start.format("%H:%M").to_string(),
            end: end.format("%H:%M").to_string(),
            place: d.place.clone(),
            online_url: d.online_url.clone(),
            documents: d
                .documents
                .iter()
                .map(Uuid::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
            agenda,
        }
    }
}

/// Whether a meeting in `status` may still be changed: only while convened and not begun.
pub fn may_change(
    status: MeetingStatus,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), &'static str> {
    match status {
        MeetingStatus::Cancelled => Err("error-meeting-cancelled"),
        MeetingStatus::Held => Err("error-meeting-held"),
        MeetingStatus::Convened if starts_at <= now => Err("error-meeting-begun"),
        MeetingStatus::Convened => Ok(()),
    }
}

/// Whether a representative who joins the table now receives the convocation of this meeting:
/// of one still convened that has not begun (a meeting past, held or cancelled is no news).
pub fn convenes_newcomers(
    status: MeetingStatus,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    may_change(status, starts_at, now).is_ok()
}

/// Checks the cancellation of a meeting in `status` with `reason`; returns the reason trimmed,
/// or the field and message key of the refusal.
pub fn cancel(status: MeetingStatus, reason: &str) -> Result<String, (&'static str, &'static str)> {
    match status {
        MeetingStatus::Cancelled => return Err(("reason", "error-meeting-cancelled-twice")),
        MeetingStatus::Held => return Err(("reason", "error-meeting-held")),
        MeetingStatus::Convened => {}
    }
    let mut errors = Errors::default();
    let reason = crate::validation::required_text(&mut errors, "reason", reason, MAX_REASON);
    match errors.for_field("reason") {
        Some(message) => Err(("reason", message)),
        None => Ok(reason),
    }
}

/// One organisation's attendance as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttendanceInput {
    pub organisation: String,
    pub presence: String,
    /// Who was there for it (present).
    pub person: String,
    /// To whom it delegated (delegated).
    pub delegate: String,
}

/// One organisation's checked attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attendance {
    pub organisation: Uuid,
    pub presence: Presence,
    pub person: String,
    pub delegate: String,
}

/// Checks the attendance of a meeting in `status` that starts at `starts_at`, recorded on
/// `today` (in Rome): not for a cancelled meeting, not before the meeting's day, only for
/// `members` (the organisations on the table on the meeting's day), each once; a delegation names
/// its delegate. Rows with no presence chosen are left out; at least one must be chosen.
pub fn check_attendance(
    status: MeetingStatus,
    starts_at: DateTime<Utc>,
    today: NaiveDate,
    inputs: &[AttendanceInput],
    members: &[Uuid],
) -> Result<Vec<Attendance>, Errors> {
    let mut errors = Errors::default();
    if status == MeetingStatus::Cancelled {
        errors.add("attendance", "error-meeting-cancelled");
        return Err(errors);
    }
    if today < local(starts_at).0 {
        errors.add("attendance", "error-attendance-early");
        return Err(errors);
    }
    let mut out: Vec<Attendance> = Vec::new();
    for a in inputs {
        if a.presence.trim().is_empty() {
            continue;
        }
        let Some(presence) = Presence::parse(a.presence.trim()) else {
            errors.add("attendance", "error-unknown-choice");
            continue;
        };
        let organisation = Uuid::parse_str(a.organisation.trim())
            .ok()
            .filter(|o| members.contains(o));
        let Some(organisation) = organisation else {
            errors.add("attendance", "error-attendance-not-member");
            continue;
        };
        if out.iter().any(|o| o.organisation == organisation) {
            errors.add("attendance", "error-attendance-twice");
            continue;
        }
        let name = |errors: &mut Errors, value: &str| {
            let v = value.trim();
            if v.chars().count() > MAX_PERSON || v.chars().any(char::is_control) {
                errors.add("attendance", "error-attendance-person");
            }
            v.to_string()
        };
        let person = name(&mut errors, &a.person);
        let delegate = name(&mut errors, &a.delegate);
        if presence == Presence::Delegated && delegate.is_empty() {
            errors.add("attendance", "error-attendance-delegate");
        }
        out.push(Attendance {
            organisation,
            presence,
            person: if matches!(presence, Presence::Present) {
                person
            } else {
                String::new()
            },
            delegate: if presence == Presence::Delegated {
                delegate
            } else {
                String::new()
            },
        });
    }
    if out.is_empty() && errors.is_empty() {
        errors.add("attendance", "error-attendance-empty");
    }
    errors.into_result(out)
}

#[cfg(test)]
mod tests {

    #[test]
    fn newcomers_are_convened_to_coming_meetings_only() {
        let now = DateTime::parse_from_rfc3339("2027-03-01T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let later = now + chrono::Duration::days(3);
        let earlier = now - chrono::Duration::hours(1);
        assert!(convenes_newcomers(MeetingStatus::Convened, later, now));
        assert!(!convenes_newcomers(MeetingStatus::Convened, earlier, now));
        assert!(!convenes_newcomers(MeetingStatus::Convened, now, now));
        assert!(!convenes_newcomers(MeetingStatus::Cancelled, later, now));
        assert!(!convenes_newcomers(MeetingStatus::Held, later, now));
    }

    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap()
    }

    fn rep() -> (Uuid, String) {
        (Uuid::from_u128(7), "Paola Santoro".into())
    }

    fn input() -> MeetingInput {
        MeetingInput {
            title: "Seconda riunione del tavolo".into(),
            date: "2027-03-29".into(),
            start: "10:00".into(),
            end: "12:30".into(),
            place: "Salerno, Palazzo Sant'Agostino".into(),
            online_url: "https://meet.example.org/tavolo?id=1".into(),
            documents: format!(
                "https://ponte.example/library/documents/{}\n",
                Uuid::from_u128(9)
            ),
            agenda: vec![
                AgendaInput {
                    title: "Apertura".into(),
                    representative: Uuid::from_u128(7).to_string(),
                    presenter: String::new(),
                },
                AgendaInput {
                    title: "Piano delle attività".into(),
                    representative: String::new(),
                    presenter: "La segreteria".into(),
                },
                AgendaInput::default(),
            ],
        }
    }

    fn check(i: &MeetingInput) -> Result<MeetingDraft, Errors> {
        i.check(&[rep()], &[Uuid::from_u128(9)], now())
    }

    #[test]
    fn a_good_form_gives_rome_times_and_named_presenters() {
        let d = check(&input()).unwrap();
        // 29 March 2027 is after the spring change: Rome is UTC+2.
        assert_eq!(
            d.starts_at,
            Utc.with_ymd_and_hms(2027, 3, 29, 8, 0, 0).unwrap()
        );
        assert_eq!(
            d.ends_at,
            Utc.with_ymd_and_hms(2027, 3, 29, 10, 30, 0).unwrap()
        );
        assert_eq!(d.agenda.len(), 2);
        assert_eq!(d.agenda[0].presenter, "Paola Santoro");
        assert_eq!(d.agenda[0].representative, Some(Uuid::from_u128(7)));
        assert_eq!(d.agenda[1].representative, None);
        assert_eq!(d.documents, vec![Uuid::from_u128(9)]);
        let again = MeetingInput::from_draft(&d, 1);
        assert_eq!(again.date, "2027-03-29");
        assert_eq!(again.start, "10:00");
        assert_eq!(check(&again).unwrap(), d);
    }

    fn refused(i: &MeetingInput, field: &str) -> &'static str {
        let e = check(i).unwrap_err();
        e.for_field(field)
            .unwrap_or_else(|| panic!("no message for {field}: {e:?}"))
    }

    #[test]
    fn an_agenda_item_is_one_line_without_control_characters() {
        for title in ["Apertura\u{0}", "Apertura\r\naltro", "Apertura\raltro"] {
            let mut i = input();
            i.agenda[1].title = title.into();
            assert_eq!(refused(&i, "agenda"), "error-meeting-item", "{title:?}");
        }
    }

    #[test]
    fn bad_forms_are_refused_beside_their_field() {
        let mut i = input();
        i.date = "2027-02-28".into();
        assert_eq!(refused(&i, "date"), "error-meeting-past");
        let mut i = input();
        i.date = "2027-03-01".into();
        i.start = "09:59".into();
        i.end = "11:00".into();
        // 09:59 in Rome is 08:59 UTC, before `now`.
        assert_eq!(refused(&i, "date"), "error-meeting-past");
        let mut i = input();
        i.end = "09:00".into();
        assert_eq!(refused(&i, "end"), "error-end-before-start");
        let mut i = input();
        i.date = "2027-03-28".into();
        i.start = "02:30".into();
        assert_eq!(refused(&i, "start"), "error-time-skipped");
        for bad in [
            "meet.example.org",
            "javascript:alert(1)",
            "https://",
            "https://a b.org",
            "https://localhost",
        ] {
            let mut i = input();
            i.online_url = bad.into();
            assert_eq!(refused(&i, "online_url"), "error-url", "{bad}");
        }
        let mut i = input();
        i.place.clear();
        i.online_url.clear();
        assert_eq!(refused(&i, "place"), "error-place-or-link");
        let mut i = input();
        i.agenda[0].representative = Uuid::from_u128(8).to_string();
        assert_eq!(refused(&i, "agenda"), "error-meeting-presenter");
        let mut i = input();
        i.agenda[0].representative = "not an id".into();
        assert_eq!(refused(&i, "agenda"), "error-meeting-presenter");
        let mut i = input();
        i.agenda[1].presenter.clear();
        assert_eq!(refused(&i, "agenda"), "error-meeting-presenter-missing");
        let mut i = input();
        i.agenda.clear();
        assert_eq!(refused(&i, "agenda"), "error-meeting-agenda");
        let mut i = input();
        i.documents = Uuid::from_u128(10).to_string();
        assert_eq!(refused(&i, "documents"), "error-meeting-document");
        let mut i = input();
        i.documents = "il verbale".into();
        assert_eq!(refused(&i, "documents"), "error-meeting-document");
    }

    #[test]
    fn web_addresses() {
        assert!(is_web_address("https://meet.example.org"));
        assert!(is_web_address(
            "http://videocall.example.it:8443/room/12?pwd=x#a"
        ));
        assert!(!is_web_address("ftp://example.org"));
        assert!(!is_web_address("https://example.org:99999"));
        assert!(!is_web_address("https://exa_mple.org"));
        assert!(!is_web_address("https://example.org/\u{7}"));
    }

    #[test]
    fn only_a_convened_meeting_not_begun_changes_and_it_is_cancelled_once() {
        let later = now() + chrono::Duration::days(1);
        assert!(may_change(MeetingStatus::Convened, later, now()).is_ok());
        assert_eq!(
            may_change(MeetingStatus::Convened, now(), now()),
            Err("error-meeting-begun")
        );
        assert_eq!(
            may_change(MeetingStatus::Held, later, now()),
            Err("error-meeting-held")
        );
        assert_eq!(
            may_change(MeetingStatus::Cancelled, later, now()),
            Err("error-meeting-cancelled")
        );
        assert_eq!(
            cancel(MeetingStatus::Convened, "  La sala non è disponibile. "),
            Ok("La sala non è disponibile.".into())
        );
        assert_eq!(
            cancel(MeetingStatus::Convened, "  "),
            Err(("reason", "error-required"))
        );
        assert_eq!(
            cancel(MeetingStatus::Cancelled, "Di nuovo"),
            Err(("reason", "error-meeting-cancelled-twice"))
        );
        assert_eq!(
            cancel(MeetingStatus::Held, "Troppo tardi"),
            Err(("reason", "error-meeting-held"))
        );
    }

    #[test]
    fn attendance_is_recorded_from_the_day_for_members_only() {
        let starts = Utc.with_ymd_and_hms(2027, 3, 29, 8, 0, 0).unwrap();
        let day = NaiveDate::from_ymd_opt(2027, 3, 29).unwrap();
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let row = |org: Uuid, presence: &str, person: &str, delegate: &str| AttendanceInput {
            organisation: org.to_string(),
            presence: presence.into(),
            person: person.into(),
            delegate: delegate.into(),
        };
        let rows = vec![
            row(a, "present", "Paola Santoro", "ignored"),
            row(b, "delegated", "", "Giovanni Amato"),
            row(Uuid::from_u128(3), "", "", ""),
        ];
        let ok = check_attendance(MeetingStatus::Convened, starts, day, &rows, &[a, b]).unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].presence, Presence::Present);
        assert_eq!(ok[0].person, "Paola Santoro");
        assert_eq!(ok[0].delegate, "");
        assert_eq!(ok[1].delegate, "Giovanni Amato");
        let msg = |r: Result<Vec<Attendance>, Errors>| r.unwrap_err().for_field("attendance");
        let early = day.pred_opt().unwrap();
        assert_eq!(
            msg(check_attendance(
                MeetingStatus::Convened,
                starts,
                early,
                &rows,
                &[a, b]
            )),
            Some("error-attendance-early")
        );
        assert_eq!(
            msg(check_attendance(
                MeetingStatus::Convened,
                starts,
                day,
                &rows,
                &[a]
            )),
            Some("error-attendance-not-member")
        );
        assert_eq!(
            msg(check_attendance(
                MeetingStatus::Cancelled,
                starts,
                day,
                &rows,
                &[a, b]
            )),
            Some("error-meeting-cancelled")
        );
        let no_delegate = vec![row(b, "delegated", "", " ")];
        assert_eq!(
            msg(check_attendance(
                MeetingStatus::Held,
                starts,
                day,
                &no_delegate,
                &[a, b]
            )),
            Some("error-attendance-delegate")
        );
        let twice = vec![row(a, "absent", "", ""), row(a, "excused", "", "")];
        assert_eq!(
            msg(check_attendance(
                MeetingStatus::Held,
                starts,
                day,
                &twice,
                &[a]
            )),
            Some("error-attendance-twice")
        );
        let unknown = vec![row(a, "maybe", "", "")];
        assert_eq!(
            msg(check_attendance(
                MeetingStatus::Held,
                starts,
                day,
                &unknown,
                &[a]
            )),
            Some("error-unknown-choice")
        );
        assert_eq!(
            msg(check_attendance(
                MeetingStatus::Held,
                starts,
                day,
                &[],
                &[a]
            )),
            Some("error-attendance-empty")
        );
    }
}
