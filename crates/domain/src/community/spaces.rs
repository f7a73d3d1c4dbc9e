//! The spaces of the discussions and who may read, write and moderate each. A space is derived
//! from data that already exists (the programme, a strand, a cohort, an administration, a
//! territorial table): who belongs to it is read from cohorts, grants and tables, never copied.

use crate::roles::{Principal, Role, SpaceKind as GrantSpace};
use crate::tables::access::{self as table_access, Access as TableAccess, Involved};
use uuid::Uuid;

/// The kinds of discussion space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Programme,
    Strand,
    Cohort,
    Administration,
    Table,
    /// An interregional group (`interregional_group`, as the domain names it).
    #[serde(rename = "interregional_group")]
    Group,
}

impl Kind {
    /// Every kind, in the order the spaces list shows them.
    pub const ALL: [Kind; 6] = [
        Kind::Programme,
        Kind::Strand,
        Kind::Cohort,
        Kind::Administration,
        Kind::Table,
        Kind::Group,
    ];

    /// The stable code stored in the database and used in addresses.
    pub const fn code(self) -> &'static str {
        match self {
            Kind::Programme => "programme",
            Kind::Strand => "strand",
            Kind::Cohort => "cohort",
            Kind::Administration => "administration",
            Kind::Table => "table",
            Kind::Group => "interregional_group",
        }
    }

    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Who belongs to one space, as read from the data it is derived from.
#[derive(Debug, Clone)]
pub enum Members {
    /// The whole programme: everyone of an administration, tutors and staff.
    Programme,
    /// A strand or a cohort: the administrations taking part in it.
    Administrations(Vec<Uuid>),
    /// One administration's own space.
    Administration(Uuid),
    /// A territorial table: its lead, secretariat and representatives.
    Table(Involved),
    /// An interregional group: its member administrations.
    Group(Vec<Uuid>),
}

/// What a person may do in one space; each level includes the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    /// Nothing: the space does not exist for them.
    None,
    /// Read its threads, start threads, reply, report.
    Take,
    /// And pin, lock and hide (staff and the space's coordinators).
    Moderate,
}

fn staff(p: &Principal) -> bool {
    p.has_global(Role::Admin) || p.has_global(Role::Staff)
}

fn tutor(p: &Principal) -> bool {
    p.grants
        .iter()
        .any(|g| g.role == Role::Tutor && g.space == GrantSpace::Organisation)
}

fn of_administration(p: &Principal, org: Uuid) -> bool {
    p.has_in_organisation(Role::Coordinator, org) || p.has_in_organisation(Role::Member, org)
}

/// What `who` may do in a space with these members. Staff and the operator moderate every space;
/// an administration's coordinator moderates its space, the lead administration's coordinator
/// its table's; tutors take part in the programme, strands, cohorts, the administrations they
/// tutor and every table and group; an actor takes part only in the tables they represent a
/// member of. A group's space is moderated by those who manage the group (the coordinators of its
/// administrations) and taken part in by those who work in it.
pub fn access(who: &Principal, members: &Members) -> Access {
    if staff(who) {
        return Access::Moderate;
    }
    match members {
        Members::Programme => {
            if tutor(who) || who.administration().is_some() {
                Access::Take
            } else {
                Access::None
            }
        }
        Members::Administrations(orgs) => {
            if tutor(who) || orgs.iter().any(|o| of_administration(who, *o)) {
                Access::Take
            } else {
                Access::None
            }
        }
        Members::Administration(org) => {
            if who.has_in_organisation(Role::Coordinator, *org) {
                Access::Moderate
            } else if who.has_in_organisation(Role::Member, *org)
                || who.has_in_organisation(Role::Tutor, *org)
            {
                Access::Take
            } else {
                Access::None
            }
        }
        Members::Table(involved) => {
            if table_access::is_lead_coordinator(Some(who), involved) {
                return Access::Moderate;
            }
            match table_access::access(Some(who), involved) {
                TableAccess::Read | TableAccess::Manage => Access::Take,
                TableAccess::None | TableAccess::Public => Access::None,
            }
        }
        Members::Group(orgs) => {
            if crate::network::groups::manages(who, orgs) {
                Access::Moderate
            } else if tutor(who) || crate::network::groups::works_in(who, orgs) {
                Access::Take
            } else {
                Access::None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::Grant;

    fn person(grants: &[(Role, Option<Uuid>)]) -> Principal {
        Principal {
            user_id: Uuid::from_u128(99),
            grants: grants
                .iter()
                .map(|(role, id)| Grant {
                    role: *role,
                    space: role.space_kind(),
                    space_id: *id,
                })
                .collect(),
        }
    }

    const ORG: Uuid = Uuid::from_u128(1);
    const OTHER: Uuid = Uuid::from_u128(2);
    const CHAMBER: Uuid = Uuid::from_u128(3);

    fn table() -> Involved {
        Involved {
            lead: ORG,
            public: true,
            secretariat: vec![Uuid::from_u128(50)],
            representatives: vec![Uuid::from_u128(99)],
        }
    }

    #[test]
    fn kinds_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.code()), Some(k));
            // Pages build addresses from the serialised kind.
            assert_eq!(
                serde_json::to_value(k).unwrap(),
                serde_json::Value::from(k.code())
            );
        }
        assert_eq!(Kind::parse("platform"), None);
    }

    #[test]
    fn staff_moderate_everywhere() {
        let s = person(&[(Role::Staff, Some(Uuid::from_u128(9)))]);
        for m in [
            Members::Programme,
            Members::Administrations(vec![]),
            Members::Administration(ORG),
            Members::Table(table()),
            Members::Group(vec![ORG]),
        ] {
            assert_eq!(access(&s, &m), Access::Moderate);
        }
    }

    #[test]
    fn an_actor_sees_only_the_tables_they_represent() {
        let actor = person(&[(Role::Actor, Some(CHAMBER))]);
        assert_eq!(access(&actor, &Members::Programme), Access::None);
        assert_eq!(
            access(&actor, &Members::Administrations(vec![CHAMBER])),
            Access::None
        );
        assert_eq!(
            access(&actor, &Members::Administration(CHAMBER)),
            Access::None
        );
        assert_eq!(access(&actor, &Members::Table(table())), Access::Take);
        let stranger = Principal {
            user_id: Uuid::from_u128(5),
            ..actor
        };
        assert_eq!(access(&stranger, &Members::Table(table())), Access::None);
    }

    #[test]
    fn coordinators_moderate_their_administration_and_lead_table_only() {
        let c = person(&[(Role::Coordinator, Some(ORG))]);
        assert_eq!(access(&c, &Members::Administration(ORG)), Access::Moderate);
        assert_eq!(access(&c, &Members::Administration(OTHER)), Access::None);
        assert_eq!(access(&c, &Members::Table(table())), Access::Moderate);
        assert_eq!(access(&c, &Members::Programme), Access::Take);
        assert_eq!(
            access(&c, &Members::Administrations(vec![ORG, OTHER])),
            Access::Take
        );
        assert_eq!(
            access(&c, &Members::Administrations(vec![OTHER])),
            Access::None
        );
    }

    #[test]
    fn members_and_tutors_take_part_without_moderating() {
        let m = person(&[(Role::Member, Some(ORG))]);
        assert_eq!(access(&m, &Members::Administration(ORG)), Access::Take);
        assert_eq!(access(&m, &Members::Administration(OTHER)), Access::None);
        let t = person(&[(Role::Tutor, Some(OTHER))]);
        assert_eq!(access(&t, &Members::Programme), Access::Take);
        assert_eq!(
            access(&t, &Members::Administrations(vec![ORG])),
            Access::Take
        );
        assert_eq!(access(&t, &Members::Administration(OTHER)), Access::Take);
        assert_eq!(access(&t, &Members::Administration(ORG)), Access::None);
        assert_eq!(access(&t, &Members::Table(table())), Access::Take);
    }

    #[test]
    fn a_group_is_moderated_by_its_coordinators_and_read_by_its_administrations() {
        let group = Members::Group(vec![ORG, OTHER]);
        let c = person(&[(Role::Coordinator, Some(ORG))]);
        assert_eq!(access(&c, &group), Access::Moderate);
        let m = person(&[(Role::Member, Some(OTHER))]);
        assert_eq!(access(&m, &group), Access::Take);
        let t = person(&[(Role::Tutor, Some(CHAMBER))]);
        assert_eq!(access(&t, &group), Access::Take);
        let outsider = person(&[(Role::Coordinator, Some(CHAMBER))]);
        assert_eq!(access(&outsider, &group), Access::None);
        let actor = person(&[(Role::Actor, Some(ORG))]);
        assert_eq!(access(&actor, &group), Access::None);
    }
}
