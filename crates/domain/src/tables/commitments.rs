//! A table's commitments (impegni): what a member organisation owes, through one of its
//! representatives, by a due date not before the meeting that decided it. Its life is a small
//! state machine (open → in progress → done, or dropped with a reason; done and dropped are
//! final); evidence is a library document or a web link; every change is recorded as the fields
//! it changed. Also here: when an owner is reminded of a due date and when the weekly digest of
//! what is overdue goes out, both in Rome's time.

use crate::labs::schedule::instant;
use crate::validation::{optional_date, optional_text, required_text, Errors};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Longest "what", in characters.
pub const MAX_WHAT: usize = 500;
/// Longest note of an update and reason for dropping, in characters.
pub const MAX_NOTE: usize = 2_000;
/// Longest evidence link, in characters.
pub const MAX_LINK: usize = 500;
/// How many days before the due date its owner is reminded.
pub const REMINDER_DAYS_BEFORE: i64 = 7;
/// The hour (in Rome) at which reminders and digests go out.
pub const SEND_HOUR: u32 = 8;

/// Where a commitment is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Decided, not started.
    Open,
    /// Being worked on.
    InProgress,
    /// Done (final).
    Done,
    /// Dropped, with a reason (final).
    Dropped,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::InProgress,
        Status::Done,
        Status::Dropped,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The states a commitment in this state can move to.
    pub fn next(self) -> &'static [Status] {
        match self {
            Status::Open => &[Status::InProgress, Status::Done, Status::Dropped],
            Status::InProgress => &[Status::Done, Status::Dropped],
            Status::Done | Status::Dropped => &[],
        }
    }

    /// Whether the commitment is still owed (open or in progress).
    pub fn is_pending(self) -> bool {
        matches!(self, Status::Open | Status::InProgress)
    }
}

impl TryFrom<String> for Status {
    type Error = crate::codes::UnknownCode;
    fn try_from(code: String) -> Result<Status, Self::Error> {
        Status::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "commitment status",
            code,
        })
    }
}

/// What a commitment shows: its status, with a pending one past its due date shown as overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    Open,
    InProgress,
    Overdue,
    Done,
    Dropped,
}

impl Shown {
    pub fn code(self) -> &'static str {
        match self {
            Shown::Open => "open",
            Shown::InProgress => "in_progress",
            Shown::Overdue => "overdue",
            Shown::Done => "done",
            Shown::Dropped => "dropped",
        }
    }
}

/// How a commitment in `status` due on `due_on` shows on `today` (in Rome): overdue when still
/// pending after its due date.
pub fn shown(status: Status, due_on: NaiveDate, today: NaiveDate) -> Shown {
    match status {
        Status::Open | Status::InProgress if due_on < today => Shown::Overdue,
        Status::Open => Shown::Open,
        Status::InProgress => Shown::InProgress,
        Status::Done => Shown::Done,
        Status::Dropped => Shown::Dropped,
    }
}

/// Checks a move from `from` to `to` (a move to the same state is no move and is allowed: an
/// update may add evidence or a note only). Dropping needs a reason. Returns the message key
/// of the refusal.
pub fn transition(from: Status, to: Status, reason: &str) -> Result<(), &'static str> {
    if from == to {
        return if from.is_pending() {
            Ok(())
        } else {
            Err("error-commitment-closed")
        };
    }
    if !from.is_pending() {
        return Err("error-commitment-closed");
    }
    if !from.next().contains(&to) {
        return Err("error-commitment-status-move");
    }
    if to == Status::Dropped && reason.trim().is_empty() {
        return Err("error-commitment-drop-reason");
    }
    Ok(())
}

/// The evidence of a commitment: a library document, or a web address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "value")]
pub enum Evidence {
    Document(Uuid),
    Link(String),
}

/// Reads the evidence field: empty (none), a library document (its id, or an address of the
/// library naming it: `…/library/documents/<id>`), or a web address. Returns the message key of
/// the refusal.
pub fn parse_evidence(text: &str) -> Result<Option<Evidence>, &'static str> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().count() > MAX_LINK {
        return Err("error-too-long");
    }
    if let Ok(id) = Uuid::parse_str(t) {
        return Ok(Some(Evidence::Document(id)));
    }
    if let Some((_, rest)) = t.split_once("/library/documents/") {
        let id = rest.split(['/', '?', '#']).next().unwrap_or("");
        return match Uuid::parse_str(id) {
            Ok(id) => Ok(Some(Evidence::Document(id))),
            Err(_) => Err("error-commitment-evidence"),
        };
    }
    if super::meetings::is_web_address(t) {
        return Ok(Some(Evidence::Link(t.to_string())));
    }
    Err("error-commitment-evidence")
}

/// A commitment as typed by the secretariat.
#[derive(Debug, Clone, Default)]
pub struct CommitmentInput {
    pub what: String,
    pub organisation: String,
    pub representative: String,
    pub due_on: String,
    pub evidence: String,
    /// The decision of the meeting's minutes it comes from (an id, or empty).
    pub decision: String,
}

/// A checked commitment's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommitmentDraft {
    pub what: String,
    pub organisation: Uuid,
    pub representative: Uuid,
    pub due_on: NaiveDate,
    pub evidence: Option<Evidence>,
    pub decision: Option<Uuid>,
}

/// Checks the secretariat's form: `meeting_day` is the day (in Rome) of the meeting that
/// decided it, which the due date may not precede; `members` the organisations currently on
/// the table (and, when editing, the one that owes it already); `representatives` the table's
/// representatives with the organisation each represents; `decisions` the current decisions of
/// the meeting's minutes; `known_document` whether a document named as evidence exists and the
/// table's members may read it.
pub fn check(
    input: &CommitmentInput,
    meeting_day: NaiveDate,
    members: &[Uuid],
    representatives: &[(Uuid, Uuid)],
    decisions: &[Uuid],
    known_document: impl Fn(Uuid) -> bool,
) -> Result<CommitmentDraft, Errors> {
    let mut e = Errors::default();
    let what = required_text(&mut e, "what", &input.what, MAX_WHAT);
    let organisation = match Uuid::parse_str(input.organisation.trim()) {
        Ok(o) if members.contains(&o) => Some(o),
        Ok(_) => {
            e.add("organisation", "error-table-not-member");
            None
        }
        Err(_) => {
            e.add("organisation", "error-required");
            None
        }
    };
    let representative = match Uuid::parse_str(input.representative.trim()) {
        Ok(r) => match representatives.iter().find(|(id, _)| *id == r) {
            Some((_, of)) if Some(*of) == organisation || organisation.is_none() => Some(r),
            _ => {
                e.add("representative", "error-commitment-person");
                None
            }
        },
        Err(_) => {
            e.add("representative", "error-commitment-person");
            None
        }
    };
    let due_on = optional_date(&mut e, "due_on", &input.due_on);
    if input.due_on.trim().is_empty() {
        e.add("due_on", "error-required");
    }
    if due_on.is_some_and(|d| d < meeting_day) {
        e.add("due_on", "error-commitment-due-before-meeting");
    }
    let evidence = evidence_field(&mut e, &input.evidence, known_document);
    let decision = match input.decision.trim() {
        "" => None,
        text => match Uuid::parse_str(text) {
            Ok(d) if decisions.contains(&d) => Some(d),
            _ => {
                e.add("decision", "error-commitment-decision");
                None
            }
        },
    };
    match (organisation, representative, due_on) {
        (Some(organisation), Some(representative), Some(due_on)) if e.is_empty() => {
            Ok(CommitmentDraft {
                what,
                organisation,
                representative,
                due_on,
                evidence,
                decision,
            })
        }
        _ => Err(e),
    }
}

fn evidence_field(
    e: &mut Errors,
    text: &str,
    known_document: impl Fn(Uuid) -> bool,
) -> Option<Evidence> {
    match parse_evidence(text) {
        Ok(Some(Evidence::Document(id))) if !known_document(id) => {
            e.add("evidence", "error-commitment-document");
            None
        }
        Ok(evidence) => evidence,
        Err(message) => {
            e.add("evidence", message);
            None
        }
    }
}

/// An update as typed by a representative or the secretariat: the new status, the evidence,
/// the reason (when dropping) and a note.
#[derive(Debug, Clone, Default)]
pub struct ProgressInput {
    pub status: String,
    pub evidence: String,
    pub reason: String,
    pub note: String,
}

/// A checked update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub status: Status,
    pub evidence: Option<Evidence>,
    pub reason: String,
    pub note: String,
}

/// Checks an update of a commitment now in `current`: the move, the evidence, the reason and
/// the note (an update that changes nothing must say something in its note).
pub fn check_progress(
    current: Status,
    current_evidence: Option<&Evidence>,
    input: &ProgressInput,
    known_document: impl Fn(Uuid) -> bool,
) -> Result<Progress, Errors> {
    let mut e = Errors::default();
    let status = match Status::parse(input.status.trim()) {
        Some(s) => Some(s),
        None => {
            e.add("status", "error-unknown-choice");
            None
        }
    };
    let reason = optional_text(&mut e, "reason", &input.reason, MAX_NOTE).unwrap_or_default();
    if let Some(to) = status {
        if let Err(message) = transition(current, to, &reason) {
            let field = if message == "error-commitment-drop-reason" {
                "reason"
            } else {
                "status"
            };
            e.add(field, message);
        }
    }
    let note = optional_text(&mut e, "note", &input.note, MAX_NOTE).unwrap_or_default();
    let evidence = evidence_field(&mut e, &input.evidence, known_document);
    if e.is_empty()
        && status == Some(current)
        && evidence.as_ref() == current_evidence
        && note.is_empty()
    {
        e.add("note", "error-commitment-nothing");
    }
    match status {
        Some(status) if e.is_empty() => Ok(Progress {
            status,
            evidence,
            reason: if status == Status::Dropped {
                reason
            } else {
                String::new()
            },
            note,
        }),
        _ => Err(e),
    }
}

/// A commitment's fields as the history compares them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub what: String,
    pub organisation: String,
    pub representative: String,
    pub due_on: String,
    pub status: String,
    pub evidence: String,
    pub reason: String,
    pub decision: String,
}

/// One field changed by an update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// The text an evidence is recorded as in the history: a document's id or the link.
pub fn evidence_text(evidence: Option<&Evidence>) -> String {
    match evidence {
        Some(Evidence::Document(id)) => id.to_string(),
        Some(Evidence::Link(url)) => url.clone(),
        None => String::new(),
    }
}

/// The fields that differ between `before` and `after`, in the form's order.
pub fn diff(before: &Fields, after: &Fields) -> Vec<FieldChange> {
    let pairs = [
        ("what", &before.what, &after.what),
        ("organisation", &before.organisation, &after.organisation),
        (
            "representative",
            &before.representative,
            &after.representative,
        ),
        ("due_on", &before.due_on, &after.due_on),
        ("status", &before.status, &after.status),
        ("evidence", &before.evidence, &after.evidence),
        ("reason", &before.reason, &after.reason),
        ("decision", &before.decision, &after.decision),
    ];
    pairs
        .into_iter()
        .filter(|(_, b, a)| b != a)
        .map(|(field, b, a)| FieldChange {
            field: field.to_string(),
            before: b.clone(),
            after: a.clone(),
        })
        .collect()
}

/// The moment (UTC) the reminder of a commitment due on `due_on` goes out: at `SEND_HOUR` in
/// Rome, `REMINDER_DAYS_BEFORE` days before; `None` when there is nothing to remind of because
/// the due date has passed on `now`'s day in Rome. A moment already past is brought to `now`.
pub fn reminder_at(due_on: NaiveDate, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let today = crate::labs::schedule::local(now).0;
    if due_on < today {
        return None;
    }
    let day = due_on - Duration::days(REMINDER_DAYS_BEFORE);
    let at = at_send_hour(day);
    Some(at.max(now))
}

fn at_send_hour(day: NaiveDate) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(SEND_HOUR, 0, 0).unwrap_or_default();
    // 08:00 exists every day in Rome (the clocks change at night).
    instant(day, time).unwrap_or_else(|_| day.and_time(time).and_utc())
}

/// The Monday of the week of `day`.
pub fn week_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The next moment the weekly digest goes out after `now`: Monday at `SEND_HOUR` in Rome.
pub fn next_digest(now: DateTime<Utc>) -> DateTime<Utc> {
    let today = crate::labs::schedule::local(now).0;
    let monday = week_of(today);
    let this_week = at_send_hour(monday);
    if this_week > now {
        this_week
    } else {
        at_send_hour(monday + Duration::days(7))
    }
}

/// Whether a day is the one the digest goes out on.
pub fn is_digest_day(day: NaiveDate) -> bool {
    day.weekday() == Weekday::Mon
}

/// Whether a person with `access` to the table, who represents (with an account, on this table)
/// the organisations `represents`, may update a commitment owed by `organisation`: the table's
/// managers may, and the owing organisation's own representatives.
pub fn may_update(access: super::access::Access, represents: &[Uuid], organisation: Uuid) -> bool {
    access == super::access::Access::Manage
        || (access >= super::access::Access::Read && represents.contains(&organisation))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn commitments_move_forward_and_closed_ones_stay_closed() {
        use Status::*;
        assert_eq!(transition(Open, InProgress, ""), Ok(()));
        assert_eq!(transition(Open, Done, ""), Ok(()));
        assert_eq!(transition(InProgress, Done, ""), Ok(()));
        assert_eq!(transition(InProgress, InProgress, ""), Ok(()));
        assert_eq!(transition(Open, Dropped, "Non più utile"), Ok(()));
        assert_eq!(
            transition(Open, Dropped, "  "),
            Err("error-commitment-drop-reason")
        );
        assert_eq!(
            transition(InProgress, Open, ""),
            Err("error-commitment-status-move")
        );
        for closed in [Done, Dropped] {
            for to in Status::ALL {
                assert_eq!(
                    transition(closed, to, "motivo"),
                    Err("error-commitment-closed"),
                    "{closed:?} → {to:?}"
                );
            }
            assert!(closed.next().is_empty());
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
            assert!(!s.next().contains(&Open), "{s:?} goes back to open");
        }
    }

    #[test]
    fn a_pending_commitment_past_its_day_is_overdue() {
        let today = day("2026-12-06");
        assert_eq!(
            shown(Status::Open, day("2026-12-05"), today),
            Shown::Overdue
        );
        assert_eq!(
            shown(Status::InProgress, day("2026-12-05"), today),
            Shown::Overdue
        );
        assert_eq!(shown(Status::Open, today, today), Shown::Open);
        assert_eq!(shown(Status::Done, day("2026-01-01"), today), Shown::Done);
        assert_eq!(
            shown(Status::Dropped, day("2026-01-01"), today),
            Shown::Dropped
        );
    }

    #[test]
    fn evidence_is_a_library_document_or_a_web_link() {
        let id = Uuid::from_u128(9);
        assert_eq!(parse_evidence(" "), Ok(None));
        assert_eq!(
            parse_evidence(&id.to_string()),
            Ok(Some(Evidence::Document(id)))
        );
        assert_eq!(
            parse_evidence(&format!("https://ponte.example/library/documents/{id}?x=1")),
            Ok(Some(Evidence::Document(id)))
        );
        assert_eq!(
            parse_evidence("https://comune.example.it/delibera.pdf"),
            Ok(Some(Evidence::Link(
                "https://comune.example.it/delibera.pdf".into()
            )))
        );
        for bad in [
            "la delibera",
            "javascript:alert(1)",
            "https://ponte.example/library/documents/xyz",
            "https://a b.it",
        ] {
            assert_eq!(
                parse_evidence(bad),
                Err("error-commitment-evidence"),
                "{bad}"
            );
        }
        assert_eq!(
            parse_evidence(&format!("https://e.it/{}", "a".repeat(600))),
            Err("error-too-long")
        );
    }

    fn input(org: Uuid, rep: Uuid) -> CommitmentInput {
        CommitmentInput {
            what: "Inviare la lista dei partner albanesi".into(),
            organisation: org.to_string(),
            representative: rep.to_string(),
            due_on: "2027-02-01".into(),
            evidence: String::new(),
            decision: String::new(),
        }
    }

    #[test]
    fn a_commitment_is_owed_by_a_member_through_its_representative_after_its_meeting() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let ra = Uuid::from_u128(11);
        let rb = Uuid::from_u128(12);
        let reps = [(ra, a), (rb, b)];
        let meeting = day("2027-01-15");
        let decision = Uuid::from_u128(21);
        let ok = check(&input(a, ra), meeting, &[a, b], &reps, &[decision], |_| {
            true
        })
        .unwrap();
        assert_eq!((ok.organisation, ok.representative), (a, ra));
        assert_eq!(ok.decision, None);
        let decided = CommitmentInput {
            decision: decision.to_string(),
            ..input(a, ra)
        };
        let ok = check(&decided, meeting, &[a], &reps, &[decision], |_| true).unwrap();
        assert_eq!(ok.decision, Some(decision));
        let e = check(&decided, meeting, &[a], &reps, &[], |_| true).unwrap_err();
        assert_eq!(e.for_field("decision"), Some("error-commitment-decision"));
        assert_eq!(ok.due_on, day("2027-02-01"));
        let on_the_day = CommitmentInput {
            due_on: "2027-01-15".into(),
            ..input(a, ra)
        };
        assert!(check(&on_the_day, meeting, &[a], &reps, &[], |_| true).is_ok());
        let msg = |i: &CommitmentInput, members: &[Uuid], field: &str| {
            check(i, meeting, members, &reps, &[], |_| false)
                .unwrap_err()
                .for_field(field)
        };
        assert_eq!(
            msg(&input(a, ra), &[b], "organisation"),
            Some("error-table-not-member")
        );
        assert_eq!(
            msg(&input(a, rb), &[a, b], "representative"),
            Some("error-commitment-person")
        );
        let early = CommitmentInput {
            due_on: "2027-01-14".into(),
            ..input(a, ra)
        };
        assert_eq!(
            msg(&early, &[a], "due_on"),
            Some("error-commitment-due-before-meeting")
        );
        let no_date = CommitmentInput {
            due_on: "".into(),
            ..input(a, ra)
        };
        assert_eq!(msg(&no_date, &[a], "due_on"), Some("error-required"));
        let unknown_doc = CommitmentInput {
            evidence: Uuid::from_u128(99).to_string(),
            ..input(a, ra)
        };
        assert_eq!(
            msg(&unknown_doc, &[a], "evidence"),
            Some("error-commitment-document")
        );
        let empty = CommitmentInput {
            what: " ".into(),
            ..input(a, ra)
        };
        assert_eq!(msg(&empty, &[a], "what"), Some("error-required"));
    }

    #[test]
    fn an_update_moves_the_state_and_says_something() {
        let link = Evidence::Link("https://e.example.it/atto".into());
        let p = |status: &str, evidence: &str, reason: &str, note: &str| ProgressInput {
            status: status.into(),
            evidence: evidence.into(),
            reason: reason.into(),
            note: note.into(),
        };
        let done = check_progress(
            Status::InProgress,
            None,
            &p("done", "https://e.example.it/atto", "", "Fatto."),
            |_| true,
        )
        .unwrap();
        assert_eq!(done.status, Status::Done);
        assert_eq!(done.evidence, Some(link.clone()));
        let e = check_progress(
            Status::Open,
            Some(&link),
            &p("open", "https://e.example.it/atto", "", ""),
            |_| true,
        )
        .unwrap_err();
        assert_eq!(e.for_field("note"), Some("error-commitment-nothing"));
        let e =
            check_progress(Status::Open, None, &p("dropped", "", "", ""), |_| true).unwrap_err();
        assert_eq!(e.for_field("reason"), Some("error-commitment-drop-reason"));
        let e = check_progress(Status::Done, None, &p("open", "", "", "di nuovo"), |_| true)
            .unwrap_err();
        assert_eq!(e.for_field("status"), Some("error-commitment-closed"));
        let e =
            check_progress(Status::Open, None, &p("finished", "", "", "x"), |_| true).unwrap_err();
        assert_eq!(e.for_field("status"), Some("error-unknown-choice"));
        let dropped = check_progress(
            Status::Open,
            None,
            &p("dropped", "", "Il bando è stato ritirato.", ""),
            |_| true,
        )
        .unwrap();
        assert_eq!(dropped.reason, "Il bando è stato ritirato.");
        let kept = check_progress(
            Status::Open,
            None,
            &p("in_progress", "", "ignored", ""),
            |_| true,
        )
        .unwrap();
        assert_eq!(kept.reason, "");
    }

    #[test]
    fn the_history_records_the_fields_that_changed() {
        let before = Fields {
            what: "A".into(),
            status: "open".into(),
            due_on: "2027-02-01".into(),
            ..Default::default()
        };
        let after = Fields {
            status: "done".into(),
            evidence: "https://e.it/x".into(),
            ..before.clone()
        };
        let d = diff(&before, &after);
        assert_eq!(
            d.iter().map(|c| c.field.as_str()).collect::<Vec<_>>(),
            vec!["status", "evidence"]
        );
        assert_eq!(d[0].before, "open");
        assert_eq!(d[0].after, "done");
        assert!(diff(&before, &before).is_empty());
    }

    #[test]
    fn reminders_go_out_a_week_before_at_eight_in_rome() {
        // 1 December 2026: Rome is UTC+1.
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
        assert_eq!(
            reminder_at(day("2026-12-20"), now),
            Some(Utc.with_ymd_and_hms(2026, 12, 13, 7, 0, 0).unwrap())
        );
        // Summer: UTC+2.
        let june = Utc.with_ymd_and_hms(2027, 6, 1, 10, 0, 0).unwrap();
        assert_eq!(
            reminder_at(day("2027-06-20"), june),
            Some(Utc.with_ymd_and_hms(2027, 6, 13, 6, 0, 0).unwrap())
        );
        // Less than a week away: at once. Passed: never.
        assert_eq!(reminder_at(day("2026-12-03"), now), Some(now));
        assert_eq!(reminder_at(day("2026-12-01"), now), Some(now));
        assert_eq!(reminder_at(day("2026-11-30"), now), None);
    }

    #[test]
    fn managers_and_the_owners_representatives_update() {
        use super::super::access::Access;
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        assert!(may_update(Access::Manage, &[], a));
        assert!(may_update(Access::Read, &[a], a));
        assert!(!may_update(Access::Read, &[b], a));
        assert!(!may_update(Access::Public, &[a], a));
        assert!(!may_update(Access::None, &[a], a));
    }

    #[test]
    fn the_digest_goes_out_on_mondays_at_eight_in_rome() {
        assert_eq!(week_of(day("2026-12-06")), day("2026-11-30"));
        assert_eq!(week_of(day("2026-11-30")), day("2026-11-30"));
        assert!(is_digest_day(day("2026-11-30")));
        // Sunday 6 December 2026, 19:00 UTC: next is Monday 7 at 07:00 UTC.
        let sunday = Utc.with_ymd_and_hms(2026, 12, 6, 19, 0, 0).unwrap();
        let monday = Utc.with_ymd_and_hms(2026, 12, 7, 7, 0, 0).unwrap();
        assert_eq!(next_digest(sunday), monday);
        // Monday before eight in Rome: that same morning; at or after: a week later.
        let early = Utc.with_ymd_and_hms(2026, 12, 7, 6, 0, 0).unwrap();
        assert_eq!(next_digest(early), monday);
        assert_eq!(next_digest(monday), monday + Duration::days(7));
        assert!(next_digest(sunday) > sunday);
    }
}
