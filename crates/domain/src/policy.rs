//! The access policy: every route of the web interface names an action, and each feature's
//! policy says who may perform it. An action missing from the policy is denied.

use crate::roles::{Principal, Role};
use uuid::Uuid;

/// Who may perform an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in person.
    SignedIn,
    /// Holders of one of these roles in the platform or programme space.
    Global(&'static [Role]),
    /// In an organisation's workspace: holders of `local` roles there, or of `global` roles in the
    /// platform or programme space.
    Workspace {
        local: &'static [Role],
        global: &'static [Role],
    },
    /// Holders of one of these roles in any space (a coordinator of any administration): the
    /// feature decides, once it has read the record, whether the role counts for it.
    Held(&'static [Role]),
}

/// The outcome of a policy check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// A guest must sign in first.
    SignIn,
    /// Signed in, but not allowed.
    Forbid,
}

impl Rule {
    /// Decides whether `who` may act; `organisation` is the workspace the request is about.
    pub fn decide(self, who: Option<&Principal>, organisation: Option<Uuid>) -> Decision {
        let Some(p) = who else {
            return if self == Rule::Public {
                Decision::Allow
            } else {
                Decision::SignIn
            };
        };
        let allowed = match self {
            Rule::Public | Rule::SignedIn => true,
            Rule::Global(roles) => roles.iter().any(|r| p.has_global(*r)),
            Rule::Workspace { local, global } => {
                global.iter().any(|r| p.has_global(*r))
                    || organisation
                        .is_some_and(|org| local.iter().any(|r| p.has_in_organisation(*r, org)))
            }
            Rule::Held(roles) => roles.iter().any(|r| p.grants.iter().any(|g| g.role == *r)),
        };
        if allowed {
            Decision::Allow
        } else {
            Decision::Forbid
        }
    }
}

/// Every feature's policy, in one list: route names to rules.
pub fn all() -> impl Iterator<Item = &'static (&'static str, Rule)> {
    crate::platform::POLICY
        .iter()
        .chain(crate::accounts::POLICY)
        .chain(crate::programme::POLICY)
        .chain(crate::organisations::POLICY)
        .chain(crate::audit::POLICY)
        .chain(crate::calls::POLICY)
        .chain(crate::labs::POLICY)
        .chain(crate::library::POLICY)
        .chain(crate::products::POLICY)
        .chain(crate::tables::POLICY)
        .chain(crate::community::POLICY)
        .chain(crate::directory::POLICY)
        .chain(crate::network::POLICY)
        .chain(crate::news::POLICY)
        .chain(crate::network::matching::POLICY)
        .chain(crate::notifications::POLICY)
}

/// The rule for the action named `name`, or `None` when no policy declares it (then: deny).
pub fn rule(name: &str) -> Option<Rule> {
    all().find(|(n, _)| *n == name).map(|(_, r)| *r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::{Grant, SpaceKind};

    fn person(grants: Vec<Grant>) -> Principal {
        Principal {
            user_id: Uuid::nil(),
            grants,
        }
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = all().map(|(n, _)| *n).collect();
        let count = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), count, "an action is declared twice");
    }

    #[test]
    fn guests_only_reach_public_actions() {
        assert_eq!(Rule::Public.decide(None, None), Decision::Allow);
        assert_eq!(Rule::SignedIn.decide(None, None), Decision::SignIn);
        assert_eq!(
            Rule::Global(&[Role::Admin]).decide(None, None),
            Decision::SignIn
        );
    }

    #[test]
    fn workspace_roles_do_not_cross_organisations() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let member = person(vec![Grant {
            role: Role::Member,
            space: SpaceKind::Organisation,
            space_id: Some(a),
        }]);
        let rule = Rule::Workspace {
            local: &[Role::Member],
            global: &[Role::Staff],
        };
        assert_eq!(rule.decide(Some(&member), Some(a)), Decision::Allow);
        assert_eq!(rule.decide(Some(&member), Some(b)), Decision::Forbid);
        assert_eq!(rule.decide(Some(&member), None), Decision::Forbid);
        // An organisation role never counts as a global one.
        assert_eq!(
            Rule::Global(&[Role::Member]).decide(Some(&member), None),
            Decision::Forbid
        );
        let staff = person(vec![Grant {
            role: Role::Staff,
            space: SpaceKind::Programme,
            space_id: Some(Uuid::from_u128(9)),
        }]);
        assert_eq!(rule.decide(Some(&staff), Some(b)), Decision::Allow);
    }

    /// A global rule is checked against roles held in the platform or a programme: an
    /// organisation's role listed there would never match anyone.
    #[test]
    fn global_rules_name_only_global_roles() {
        for (name, rule) in all() {
            let global = match rule {
                Rule::Global(roles) => roles,
                Rule::Workspace { global, .. } => global,
                _ => continue,
            };
            for role in *global {
                assert_ne!(
                    role.space_kind(),
                    SpaceKind::Organisation,
                    "{name} lists {role:?} among the global roles"
                );
            }
        }
    }

    #[test]
    fn held_roles_count_in_any_space() {
        let coordinator = person(vec![Grant {
            role: Role::Coordinator,
            space: SpaceKind::Organisation,
            space_id: Some(Uuid::from_u128(3)),
        }]);
        let rule = Rule::Held(&[Role::Staff, Role::Coordinator]);
        assert_eq!(rule.decide(Some(&coordinator), None), Decision::Allow);
        assert_eq!(rule.decide(None, None), Decision::SignIn);
        let actor = person(vec![Grant {
            role: Role::Actor,
            space: SpaceKind::Organisation,
            space_id: Some(Uuid::from_u128(3)),
        }]);
        assert_eq!(rule.decide(Some(&actor), None), Decision::Forbid);
    }

    #[test]
    fn unknown_actions_have_no_rule() {
        assert_eq!(rule("nothing.here"), None);
        assert_eq!(rule("programme.overview"), Some(Rule::Public));
    }
}
