//! Publishing: who may give a document which visibility. Staff and administrators publish at any
//! visibility, publicly too, for any organisation or working group; everyone else signed in
//! (coordinators, members, any other role of an organisation) publishes for the programme, for
//! one of their organisations or for one of their organisations' working groups, never publicly;
//! the secretariat of a territorial table (whoever manages it) publishes for that table; the
//! people who work in an interregional group publish in its document space.
//! The publisher is described by their `Scope`, as the library builds it for reading.

use super::{Owner, Scope, Visibility};
use uuid::Uuid;

/// Why a person may not publish where they chose: the form field to mark and the message key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    pub field: &'static str,
    pub message: &'static str,
}

/// Whether the person may publish documents publicly: staff and administrators only.
fn publishes_anywhere(publisher: &Scope) -> bool {
    publisher.everything
}

/// The visibilities the person may choose, in the form's order.
pub fn visibilities(publisher: &Scope) -> Vec<Visibility> {
    Visibility::ALL
        .into_iter()
        .filter(|v| {
            publishes_anywhere(publisher)
                || match v {
                    Visibility::Public => false,
                    Visibility::Table => !publisher.managed_tables.is_empty(),
                    Visibility::NetworkGroup => !publisher.network_groups.is_empty(),
                    _ => true,
                }
        })
        .collect()
}

/// Whether the person may publish for this working group (cohort): staff any, others those of
/// their organisations.
pub fn may_publish_for_group(publisher: &Scope, group: Uuid) -> bool {
    publishes_anywhere(publisher) || publisher.groups.contains(&group)
}

/// Whether the person may publish for this organisation: staff any, others their own.
pub fn may_publish_for_organisation(publisher: &Scope, organisation: Uuid) -> bool {
    publishes_anywhere(publisher) || publisher.organisations.contains(&organisation)
}

/// Whether the person may publish for this territorial table: staff any, others those they
/// manage (its secretariat).
pub fn may_publish_for_table(publisher: &Scope, table: Uuid) -> bool {
    publishes_anywhere(publisher) || publisher.managed_tables.contains(&table)
}

/// Whether the person may publish for this interregional group: staff any, others those they
/// work in.
pub fn may_publish_for_network_group(publisher: &Scope, group: Uuid) -> bool {
    publishes_anywhere(publisher) || publisher.network_groups.contains(&group)
}

/// Why the person may not publish a document with this visibility, for this organisation or
/// group (the one the visibility names; the other is ignored); `None` when they may. Whether a
/// chosen organisation or group exists is for the caller to check.
pub fn refusal(
    publisher: &Scope,
    visibility: Visibility,
    organisation: Option<Uuid>,
    group: Option<Uuid>,
) -> Option<Refusal> {
    refusal_for(
        publisher,
        visibility,
        Owner {
            organisation,
            group,
            ..Owner::default()
        },
    )
}

/// [`refusal`] for any owner, a territorial table included.
pub fn refusal_for(publisher: &Scope, visibility: Visibility, owner: Owner) -> Option<Refusal> {
    let Owner {
        organisation,
        group,
        table,
        network_group,
    } = owner;
    if publishes_anywhere(publisher) {
        return None;
    }
    let refused = |field, message| Some(Refusal { field, message });
    match visibility {
        Visibility::Public => refused("visibility", "error-library-public-staff"),
        Visibility::Organisation
            if !organisation.is_some_and(|o| may_publish_for_organisation(publisher, o)) =>
        {
            refused("organisation", "error-library-organisation")
        }
        Visibility::Group if !group.is_some_and(|g| may_publish_for_group(publisher, g)) => {
            refused("group", "error-library-group")
        }
        Visibility::Table if !table.is_some_and(|t| may_publish_for_table(publisher, t)) => {
            refused("table", "error-library-table")
        }
        Visibility::NetworkGroup
            if !network_group.is_some_and(|g| may_publish_for_network_group(publisher, g)) =>
        {
            refused("network_group", "error-library-network-group")
        }
        _ => None,
    }
}

/// Whether the person may publish a document with this visibility, for this organisation or group.
pub fn may_publish(
    publisher: &Scope,
    visibility: Visibility,
    organisation: Option<Uuid>,
    group: Option<Uuid>,
) -> bool {
    refusal(publisher, visibility, organisation, group).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct People {
        org: Uuid,
        group: Uuid,
        staff: Scope,
        coordinator: Scope,
        member: Scope,
        unattached: Scope,
    }

    /// Scopes as the library builds them: staff see everything; a coordinator and a member of an
    /// organisation have its id and its working groups; someone signed in without organisation
    /// has neither.
    fn people() -> People {
        let org = Uuid::now_v7();
        let group = Uuid::now_v7();
        let of_org = Scope {
            signed_in: true,
            organisations: vec![org],
            groups: vec![group],
            ..Default::default()
        };
        People {
            org,
            group,
            staff: Scope {
                everything: true,
                signed_in: true,
                ..Default::default()
            },
            coordinator: of_org.clone(),
            member: Scope {
                organisations: vec![org, Uuid::now_v7()],
                ..of_org
            },
            unattached: Scope {
                signed_in: true,
                ..Default::default()
            },
        }
    }

    fn key(r: Option<Refusal>) -> Option<(&'static str, &'static str)> {
        r.map(|r| (r.field, r.message))
    }

    #[test]
    fn staff_publish_at_every_visibility_for_anyone() {
        let p = people();
        let other = Uuid::now_v7();
        assert_eq!(visibilities(&p.staff), Visibility::ALL);
        for v in Visibility::ALL {
            assert!(may_publish(&p.staff, v, Some(other), Some(other)), "{v:?}");
        }
        assert!(may_publish(
            &p.staff,
            Visibility::Group,
            None,
            Some(p.group)
        ));
        assert!(may_publish_for_group(&p.staff, other));
        assert!(may_publish_for_organisation(&p.staff, other));
        // A missing organisation or group is the form's error, not a refusal of the role.
        assert!(may_publish(&p.staff, Visibility::Organisation, None, None));
    }

    #[test]
    fn coordinators_and_members_publish_for_their_own_only() {
        let p = people();
        let other = Uuid::now_v7();
        for person in [&p.coordinator, &p.member] {
            assert_eq!(
                visibilities(person),
                [
                    Visibility::Programme,
                    Visibility::Organisation,
                    Visibility::Group
                ]
            );
            assert_eq!(
                key(refusal(person, Visibility::Public, None, None)),
                Some(("visibility", "error-library-public-staff"))
            );
            assert!(may_publish(person, Visibility::Programme, None, None));
            assert!(may_publish(
                person,
                Visibility::Organisation,
                Some(p.org),
                None
            ));
            assert_eq!(
                key(refusal(person, Visibility::Organisation, Some(other), None)),
                Some(("organisation", "error-library-organisation"))
            );
            assert_eq!(
                key(refusal(person, Visibility::Organisation, None, None)),
                Some(("organisation", "error-library-organisation"))
            );
            assert!(may_publish(person, Visibility::Group, None, Some(p.group)));
            assert_eq!(
                key(refusal(person, Visibility::Group, None, Some(other))),
                Some(("group", "error-library-group"))
            );
            // The organisation does not stand in for the group, nor the other way round.
            assert_eq!(
                key(refusal(person, Visibility::Group, Some(p.org), None)),
                Some(("group", "error-library-group"))
            );
            assert!(!may_publish(
                person,
                Visibility::Organisation,
                None,
                Some(p.group)
            ));
            assert!(may_publish_for_group(person, p.group));
            assert!(!may_publish_for_group(person, other));
        }
        assert!(may_publish_for_organisation(
            &p.member,
            p.member.organisations[1]
        ));
        assert!(!may_publish_for_organisation(
            &p.coordinator,
            p.member.organisations[1]
        ));
    }

    #[test]
    fn the_secretariat_publishes_for_its_table_only() {
        let p = people();
        let table = Uuid::now_v7();
        let other = Uuid::now_v7();
        let secretary = Scope {
            tables: vec![table, other],
            managed_tables: vec![table],
            ..p.member.clone()
        };
        let owner = |table| Owner {
            table,
            ..Owner::default()
        };
        assert!(visibilities(&secretary).contains(&Visibility::Table));
        assert!(refusal_for(&secretary, Visibility::Table, owner(Some(table))).is_none());
        // Seeing a table's documents (a representative) is not publishing them.
        for t in [Some(other), None] {
            assert_eq!(
                key(refusal_for(&secretary, Visibility::Table, owner(t))),
                Some(("table", "error-library-table"))
            );
        }
        assert_eq!(
            key(refusal(&secretary, Visibility::Table, Some(p.org), None)),
            Some(("table", "error-library-table"))
        );
        let representative = Scope {
            tables: vec![table],
            ..p.member.clone()
        };
        assert!(!visibilities(&representative).contains(&Visibility::Table));
        assert!(!may_publish_for_table(&representative, table));
        assert!(may_publish_for_table(&p.staff, other));
        assert!(refusal_for(&p.staff, Visibility::Table, owner(Some(other))).is_none());
    }

    #[test]
    fn the_people_of_an_interregional_group_publish_in_its_space_only() {
        let p = people();
        let group = Uuid::now_v7();
        let other = Uuid::now_v7();
        let owner = |network_group| Owner {
            network_group,
            ..Owner::default()
        };
        let in_group = Scope {
            network_groups: vec![group],
            ..p.member.clone()
        };
        assert!(visibilities(&in_group).contains(&Visibility::NetworkGroup));
        assert!(refusal_for(&in_group, Visibility::NetworkGroup, owner(Some(group))).is_none());
        for g in [Some(other), None] {
            assert_eq!(
                key(refusal_for(&in_group, Visibility::NetworkGroup, owner(g))),
                Some(("network_group", "error-library-network-group"))
            );
        }
        // Someone of no group is not offered the choice; a tutor sees every group's documents
        // but publishes in none.
        assert!(!visibilities(&p.member).contains(&Visibility::NetworkGroup));
        let tutor = Scope {
            every_network_group: true,
            ..p.member.clone()
        };
        assert!(!may_publish_for_network_group(&tutor, group));
        assert!(may_publish_for_network_group(&p.staff, other));
        assert!(refusal_for(&p.staff, Visibility::NetworkGroup, owner(Some(other))).is_none());
    }

    #[test]
    fn without_an_organisation_only_the_programme_is_left() {
        let p = people();
        for person in [&p.unattached, &Scope::default()] {
            assert!(!may_publish(person, Visibility::Public, None, None));
            assert!(may_publish(person, Visibility::Programme, None, None));
            assert!(!may_publish(
                person,
                Visibility::Organisation,
                Some(p.org),
                None
            ));
            assert!(!may_publish(person, Visibility::Group, None, Some(p.group)));
        }
    }
}
