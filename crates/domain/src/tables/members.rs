//! A table's members (organisations of the registry with their role on the table and the dates
//! they joined and left) and the people who represent them: with an account, or as a contact
//! with a name and an email only.

use crate::roles::{Grant, Role, SpaceKind};
use crate::validation::{is_email, optional_date, required_line, Errors};
use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

/// Longest name of a person, in characters.
pub const MAX_PERSON: usize = 200;

/// An organisation's role on a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MemberRole {
    /// Among those who set the table up and signed its memorandum.
    Promoter,
    /// A full member.
    Member,
    /// Follows the table's work without taking part in its decisions.
    Observer,
}

impl MemberRole {
    pub const ALL: [MemberRole; 3] = [
        MemberRole::Promoter,
        MemberRole::Member,
        MemberRole::Observer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MemberRole::Promoter => "promoter",
            MemberRole::Member => "member",
            MemberRole::Observer => "observer",
        }
    }

    pub fn parse(code: &str) -> Option<MemberRole> {
        MemberRole::ALL.into_iter().find(|r| r.code() == code)
    }
}

impl TryFrom<String> for MemberRole {
    type Error = crate::codes::UnknownCode;
    fn try_from(code: String) -> Result<MemberRole, Self::Error> {
        MemberRole::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "table member role",
            code,
        })
    }
}

/// A member as typed in the form.
#[derive(Debug, Clone, Default)]
pub struct MemberInput {
    pub organisation: String,
    pub role: String,
    pub joined_on: String,
}

/// A checked new member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewMember {
    pub organisation: Uuid,
    pub role: MemberRole,
    pub joined_on: NaiveDate,
}

/// Checks a new member: an organisation that is not on the table already (`current`: the
/// organisations that have not left), a role, a date that is not after `today` (empty: today).
pub fn check_member(
    input: &MemberInput,
    current: &[Uuid],
    today: NaiveDate,
) -> Result<NewMember, Errors> {
    let mut e = Errors::default();
    let organisation = Uuid::parse_str(input.organisation.trim()).ok();
    match organisation {
        None => e.add("organisation", "error-required"),
        Some(o) if current.contains(&o) => e.add("organisation", "error-table-member-twice"),
        _ => {}
    }
    let role = MemberRole::parse(input.role.trim());
    if role.is_none() {
        e.add("role", "error-unknown-choice");
    }
    let joined_on = if input.joined_on.trim().is_empty() {
        Some(today)
    } else {
        optional_date(&mut e, "joined_on", &input.joined_on)
    };
    if joined_on.is_some_and(|d| d > today) {
        e.add("joined_on", "error-table-status-future");
    }
    match (organisation, role, joined_on) {
        (Some(organisation), Some(role), Some(joined_on)) if e.is_empty() => Ok(NewMember {
            organisation,
            role,
            joined_on,
        }),
        _ => Err(e),
    }
}

/// Checks the date a member leaves: required (leaving is never implied), not before it joined,
/// not after today.
pub fn check_leave(
    text: &str,
    joined_on: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, Errors> {
    let mut e = Errors::default();
    let left = optional_date(&mut e, "left_on", text);
    if text.trim().is_empty() {
        e.add("left_on", "error-required");
    }
    match left {
        Some(d) if d < joined_on => e.add("left_on", "error-table-left-before-joined"),
        Some(d) if d > today => e.add("left_on", "error-table-status-future"),
        _ => {}
    }
    match left {
        Some(d) if e.is_empty() => Ok(d),
        _ => Err(e),
    }
}

/// A representative as typed.
#[derive(Debug, Clone, Default)]
pub struct RepresentativeInput {
    pub organisation: String,
    pub name: String,
    pub email: String,
}

/// A checked representative: the organisation they represent, their name and email (lower
/// case, as addresses are compared).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewRepresentative {
    pub organisation: Uuid,
    pub name: String,
    pub email: String,
}

/// Checks a representative: a valid email not already representing anyone on this table
/// (`emails`), for an organisation that is a current member (`current`).
pub fn check_representative(
    input: &RepresentativeInput,
    current: &[Uuid],
    emails: &[String],
) -> Result<NewRepresentative, Errors> {
    let mut e = Errors::default();
    let organisation = Uuid::parse_str(input.organisation.trim()).ok();
    match organisation {
        None => e.add("organisation", "error-required"),
        Some(o) if !current.contains(&o) => e.add("organisation", "error-table-not-member"),
        _ => {}
    }
    let name = required_line(&mut e, "name", &input.name, MAX_PERSON);
    let email = input.email.trim().to_lowercase();
    if email.is_empty() {
        e.add("email", "error-required");
    } else if !is_email(&email) {
        e.add("email", "error-email");
    } else if emails.iter().any(|x| x.eq_ignore_ascii_case(&email)) {
        e.add("email", "error-table-email-twice");
    }
    match organisation {
        Some(organisation) if e.is_empty() => Ok(NewRepresentative {
            organisation,
            name,
            email,
        }),
        _ => Err(e),
    }
}

/// Whether a person with an account (these grants) may represent `organisation`: they must be
/// one of its people, as an actor, a member or its coordinator.
pub fn may_represent(grants: &[Grant], organisation: Uuid) -> bool {
    grants.iter().any(|g| {
        g.space == SpaceKind::Organisation
            && g.space_id == Some(organisation)
            && matches!(g.role, Role::Actor | Role::Member | Role::Coordinator)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn an_organisation_joins_once() {
        let a = Uuid::from_u128(1);
        let today = day("2026-12-06");
        let input = MemberInput {
            organisation: a.to_string(),
            role: "promoter".into(),
            joined_on: "".into(),
        };
        let m = check_member(&input, &[], today).unwrap();
        assert_eq!((m.role, m.joined_on), (MemberRole::Promoter, today));
        let e = check_member(&input, &[a], today).unwrap_err();
        assert_eq!(
            e.for_field("organisation"),
            Some("error-table-member-twice")
        );
        let bad = MemberInput {
            organisation: "x".into(),
            role: "boss".into(),
            joined_on: "2027-01-01".into(),
        };
        let e = check_member(&bad, &[], today).unwrap_err();
        assert_eq!(e.for_field("organisation"), Some("error-required"));
        assert_eq!(e.for_field("role"), Some("error-unknown-choice"));
        assert_eq!(e.for_field("joined_on"), Some("error-table-status-future"));
    }

    #[test]
    fn a_member_leaves_after_joining() {
        let today = day("2026-12-06");
        let joined = day("2026-03-01");
        let e = check_leave(" ", joined, today).unwrap_err();
        assert_eq!(e.for_field("left_on"), Some("error-required"));
        assert_eq!(
            check_leave("2026-05-01", joined, today).unwrap(),
            day("2026-05-01")
        );
        let e = check_leave("2026-02-01", joined, today).unwrap_err();
        assert_eq!(
            e.for_field("left_on"),
            Some("error-table-left-before-joined")
        );
        assert!(check_leave("2026-13-01", joined, today).is_err());
    }

    #[test]
    fn representatives_have_one_valid_email_for_a_member() {
        let a = Uuid::from_u128(1);
        let ok = RepresentativeInput {
            organisation: a.to_string(),
            name: "Anna Bianchi".into(),
            email: " Anna@Ong.example ".into(),
        };
        let r = check_representative(&ok, &[a], &[]).unwrap();
        assert_eq!(r.email, "anna@ong.example");
        let e = check_representative(&ok, &[a], &["anna@ong.example".into()]).unwrap_err();
        assert_eq!(e.for_field("email"), Some("error-table-email-twice"));
        let e = check_representative(&ok, &[], &[]).unwrap_err();
        assert_eq!(e.for_field("organisation"), Some("error-table-not-member"));
        let bad = RepresentativeInput {
            email: "anna@ong".into(),
            ..ok
        };
        let e = check_representative(&bad, &[a], &[]).unwrap_err();
        assert_eq!(e.for_field("email"), Some("error-email"));
    }

    #[test]
    fn only_the_organisations_people_represent_it() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let grant = |role, org| Grant {
            role,
            space: SpaceKind::Organisation,
            space_id: Some(org),
        };
        assert!(may_represent(&[grant(Role::Actor, a)], a));
        assert!(may_represent(&[grant(Role::Member, a)], a));
        assert!(!may_represent(&[grant(Role::Actor, b)], a));
        assert!(!may_represent(&[grant(Role::Tutor, a)], a));
    }
}
