//! Who sees and manages one table: staff and tutors see every table (staff and the operator
//! manage them too); the secretariat (the lead administration's coordinator and the people it
//! names) manages its table; representatives see their tables; everyone else sees the public
//! page of a table that has one, and nothing of the others.

use crate::roles::{Principal, Role, SpaceKind};
use uuid::Uuid;

/// What a person may do with one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    /// Nothing: the table does not exist for them.
    None,
    /// Its public page only.
    Public,
    /// The whole table page.
    Read,
    /// The table page and every change to the table.
    Manage,
}

/// The people a table gives access to.
#[derive(Debug, Clone, Default)]
pub struct Involved {
    pub lead: Uuid,
    pub public: bool,
    /// People named to the secretariat.
    pub secretariat: Vec<Uuid>,
    /// People with an account who represent a member that has not left.
    pub representatives: Vec<Uuid>,
}

/// Whether the person is the coordinator of the table's lead administration.
pub fn is_lead_coordinator(who: Option<&Principal>, table: &Involved) -> bool {
    who.is_some_and(|p| p.has_in_organisation(Role::Coordinator, table.lead))
}

/// Whether the person may name the secretariat: staff, the operator, the lead's coordinator.
pub fn names_secretariat(who: Option<&Principal>, table: &Involved) -> bool {
    who.is_some_and(|p| p.has_global(Role::Admin) || p.has_global(Role::Staff))
        || is_lead_coordinator(who, table)
}

/// What `who` (none: a guest) may do with `table`.
pub fn access(who: Option<&Principal>, table: &Involved) -> Access {
    let public = if table.public {
        Access::Public
    } else {
        Access::None
    };
    let Some(p) = who else {
        return public;
    };
    if p.has_global(Role::Admin)
        || p.has_global(Role::Staff)
        || is_lead_coordinator(who, table)
        || table.secretariat.contains(&p.user_id)
    {
        return Access::Manage;
    }
    let tutor = p
        .grants
        .iter()
        .any(|g| g.role == Role::Tutor && g.space == SpaceKind::Organisation);
    if tutor || table.representatives.contains(&p.user_id) {
        return Access::Read;
    }
    public
}

/// Whether the person may create a table led by `lead`: staff and the operator for any
/// administration, a coordinator for their own.
pub fn may_create(who: &Principal, lead: Uuid) -> bool {
    who.has_global(Role::Admin)
        || who.has_global(Role::Staff)
        || who.has_in_organisation(Role::Coordinator, lead)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::Grant;

    fn person(id: u128, grants: &[(Role, Option<Uuid>)]) -> Principal {
        Principal {
            user_id: Uuid::from_u128(id),
            grants: grants
                .iter()
                .map(|(role, space_id)| Grant {
                    role: *role,
                    space: role.space_kind(),
                    space_id: *space_id,
                })
                .collect(),
        }
    }

    #[test]
    fn each_person_gets_what_the_issue_says() {
        let lead = Uuid::from_u128(100);
        let other = Uuid::from_u128(200);
        let mut table = Involved {
            lead,
            public: false,
            secretariat: vec![Uuid::from_u128(3)],
            representatives: vec![Uuid::from_u128(4)],
        };
        let staff = person(1, &[(Role::Staff, Some(Uuid::from_u128(9)))]);
        let tutor = person(2, &[(Role::Tutor, Some(other))]);
        let named = person(3, &[(Role::Member, Some(lead))]);
        let representative = person(4, &[(Role::Actor, Some(other))]);
        let coordinator = person(5, &[(Role::Coordinator, Some(lead))]);
        let elsewhere = person(6, &[(Role::Coordinator, Some(other))]);
        let member_of_lead = person(7, &[(Role::Member, Some(lead))]);
        assert_eq!(access(Some(&staff), &table), Access::Manage);
        assert_eq!(access(Some(&coordinator), &table), Access::Manage);
        assert_eq!(access(Some(&named), &table), Access::Manage);
        assert_eq!(access(Some(&tutor), &table), Access::Read);
        assert_eq!(access(Some(&representative), &table), Access::Read);
        assert_eq!(access(Some(&elsewhere), &table), Access::None);
        assert_eq!(access(Some(&member_of_lead), &table), Access::None);
        assert_eq!(access(None, &table), Access::None);
        table.public = true;
        assert_eq!(access(Some(&elsewhere), &table), Access::Public);
        assert_eq!(access(None, &table), Access::Public);
        assert!(names_secretariat(Some(&coordinator), &table));
        assert!(!names_secretariat(Some(&named), &table));
        assert!(may_create(&coordinator, lead));
        assert!(!may_create(&coordinator, other));
        assert!(may_create(&staff, other));
        assert!(!may_create(&named, lead));
    }
}
