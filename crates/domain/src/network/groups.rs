//! Interregional groups: administrations of at least two different regions working together
//! towards target countries on shared themes, formed by programme staff or by the coordinator of
//! one of the founding administrations. Members name a contact person and pool relations into
//! the group.

use super::{check_countries, check_email, check_themes, MAX_LINE, MAX_TEXT};
use crate::roles::{Principal, Role};
use crate::validation::{required_line, required_text, Errors};
use serde::Serialize;
use uuid::Uuid;

/// Where a group is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Being formed: members are still joining and agreeing the purpose.
    Forming,
    /// Working: it prepares joint initiatives.
    Active,
    /// No longer working together.
    Closed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Forming, Status::Active, Status::Closed];

    pub fn code(self) -> &'static str {
        match self {
            Status::Forming => "forming",
            Status::Active => "active",
            Status::Closed => "closed",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl TryFrom<String> for Status {
    type Error = crate::codes::UnknownCode;
    fn try_from(code: String) -> Result<Status, Self::Error> {
        Status::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "group status",
            code,
        })
    }
}

/// An administration as the two-regions rule sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Founder {
    pub id: Uuid,
    /// Whether it is an Italian public administration.
    pub italian_pa: bool,
    /// Its ISTAT region code.
    pub region: Option<String>,
}

/// The two-regions rule: a group's members are Italian administrations (each with its region)
/// from at least two different regions. Returns the message key saying why not.
pub fn check_regions(members: &[Founder]) -> Result<(), &'static str> {
    if members.iter().any(|m| !m.italian_pa || m.region.is_none()) {
        return Err("error-network-group-not-administration");
    }
    let mut regions: Vec<&str> = members.iter().filter_map(|m| m.region.as_deref()).collect();
    regions.sort();
    regions.dedup();
    if regions.len() < 2 {
        return Err("error-network-group-one-region");
    }
    Ok(())
}

/// Whether `who` may form a group with these founding members: staff and the operator always,
/// a coordinator only for a group their administration founds.
pub fn may_form(who: &Principal, founders: &[Uuid]) -> bool {
    who.has_global(Role::Admin)
        || who.has_global(Role::Staff)
        || founders
            .iter()
            .any(|f| who.has_in_organisation(Role::Coordinator, *f))
}

/// Whether `who` manages a group (its details and members): staff and the operator, and the
/// coordinators of its member administrations.
pub fn manages(who: &Principal, members: &[Uuid]) -> bool {
    may_form(who, members)
}

/// Whether `who` works in the group (sees its pooled relations, prepares its initiatives):
/// staff and the operator, the coordinators and members of its administrations.
pub fn works_in(who: &Principal, members: &[Uuid]) -> bool {
    who.has_global(Role::Admin)
        || who.has_global(Role::Staff)
        || members.iter().any(|m| super::may_edit(who, *m))
}

/// The group's form as typed.
#[derive(Debug, Clone, Default)]
pub struct GroupInput {
    pub name: String,
    pub purpose: String,
    pub countries: Vec<String>,
    pub themes: Vec<String>,
    pub status: String,
    /// The founding administrations (only when forming the group).
    pub members: Vec<String>,
}

/// A group's checked fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupDraft {
    pub name: String,
    pub purpose: String,
    pub countries: Vec<String>,
    pub themes: Vec<String>,
    pub status: Status,
    pub members: Vec<Uuid>,
}

/// Checks a group's form; `founding` when the group is being formed (its founding members are
/// then required: the two-regions rule is checked by the caller on what the registry says of
/// them).
pub fn check(
    input: &GroupInput,
    known_theme: impl Fn(&str) -> bool,
    founding: bool,
) -> Result<GroupDraft, Errors> {
    let mut e = Errors::default();
    let name = required_line(&mut e, "name", &input.name, MAX_LINE);
    let purpose = required_text(&mut e, "purpose", &input.purpose, MAX_TEXT);
    let countries = check_countries(&mut e, "countries", &input.countries, true);
    let themes = check_themes(&mut e, "themes", &input.themes, known_theme, true);
    let status = if input.status.trim().is_empty() {
        Some(Status::Forming)
    } else {
        Status::parse(input.status.trim())
    };
    if status.is_none() {
        e.add("status", "error-unknown-choice");
    }
    let mut members: Vec<Uuid> = Vec::new();
    if founding {
        for m in &input.members {
            if m.trim().is_empty() {
                continue;
            }
            match Uuid::parse_str(m.trim()) {
                Ok(id) if !members.contains(&id) => members.push(id),
                Ok(_) => {}
                Err(_) => e.add("members", "error-unknown-choice"),
            }
        }
        if members.len() < 2 {
            e.add("members", "error-network-group-one-region");
        } else if members.len() > super::MAX_TAGS {
            e.add("members", "error-network-too-many");
        }
    }
    match status {
        Some(status) if e.is_empty() => Ok(GroupDraft {
            name,
            purpose,
            countries,
            themes,
            status,
            members,
        }),
        _ => Err(e),
    }
}

/// A member's contact person as typed.
#[derive(Debug, Clone, Default)]
pub struct ContactInput {
    pub organisation: String,
    pub contact_name: String,
    pub contact_email: String,
}

/// A checked member with its contact person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub organisation: Uuid,
    pub contact_name: String,
    pub contact_email: String,
}

/// Checks a member to add with its contact person.
pub fn check_contact(input: &ContactInput) -> Result<Contact, Errors> {
    let mut e = Errors::default();
    let organisation = Uuid::parse_str(input.organisation.trim()).ok();
    if organisation.is_none() {
        e.add("organisation", "error-required");
    }
    let contact_name = required_line(&mut e, "contact_name", &input.contact_name, 200);
    let contact_email = check_email(&mut e, "contact_email", &input.contact_email);
    if contact_email.is_empty() {
        e.add("contact_email", "error-required");
    }
    match organisation {
        Some(organisation) if e.is_empty() => Ok(Contact {
            organisation,
            contact_name,
            contact_email,
        }),
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::Grant;

    fn pa(n: u128, region: &str) -> Founder {
        Founder {
            id: Uuid::from_u128(n),
            italian_pa: true,
            region: Some(region.into()),
        }
    }

    #[test]
    fn two_regions_at_least() {
        assert_eq!(
            check_regions(&[pa(1, "15"), pa(2, "15")]),
            Err("error-network-group-one-region")
        );
        assert_eq!(
            check_regions(&[pa(1, "15")]),
            Err("error-network-group-one-region")
        );
        assert_eq!(check_regions(&[]), Err("error-network-group-one-region"));
        assert_eq!(check_regions(&[pa(1, "15"), pa(2, "16")]), Ok(()));
        assert_eq!(
            check_regions(&[pa(1, "15"), pa(2, "15"), pa(3, "18")]),
            Ok(())
        );
        let foreign = Founder {
            id: Uuid::from_u128(4),
            italian_pa: false,
            region: None,
        };
        assert_eq!(
            check_regions(&[pa(1, "15"), pa(2, "16"), foreign]),
            Err("error-network-group-not-administration")
        );
    }

    #[test]
    fn who_forms_a_group() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let c = Uuid::from_u128(3);
        let grant = |role: Role, id: Uuid| Principal {
            user_id: Uuid::from_u128(99),
            grants: vec![Grant {
                role,
                space: role.space_kind(),
                space_id: Some(id),
            }],
        };
        assert!(may_form(&grant(Role::Staff, c), &[a, b]));
        assert!(may_form(&grant(Role::Coordinator, a), &[a, b]));
        assert!(!may_form(&grant(Role::Coordinator, c), &[a, b]));
        assert!(!may_form(&grant(Role::Member, a), &[a, b]));
        assert!(works_in(&grant(Role::Member, a), &[a, b]));
        assert!(!works_in(&grant(Role::Tutor, a), &[a, b]));
    }

    #[test]
    fn a_group_form() {
        let input = GroupInput {
            name: "Adriatico sostenibile".into(),
            purpose: "Turismo sostenibile".into(),
            countries: vec!["AL".into(), "ME".into()],
            themes: vec!["m:turismo".into()],
            members: vec![
                Uuid::from_u128(1).to_string(),
                Uuid::from_u128(2).to_string(),
            ],
            ..Default::default()
        };
        let g = check(&input, |_| true, true).unwrap();
        assert_eq!(g.status, Status::Forming);
        assert_eq!(g.members.len(), 2);
        let alone = GroupInput {
            members: vec![Uuid::from_u128(1).to_string()],
            ..input.clone()
        };
        assert_eq!(
            check(&alone, |_| true, true)
                .unwrap_err()
                .for_field("members"),
            Some("error-network-group-one-region")
        );
        assert!(check(&alone, |_| true, false).is_ok());
        let e = check(&GroupInput::default(), |_| true, false).unwrap_err();
        assert_eq!(e.for_field("themes"), Some("error-network-themes"));
        assert_eq!(e.for_field("countries"), Some("error-required"));
    }
}
