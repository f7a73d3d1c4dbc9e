//! Roles and the spaces they are granted in (platform, programme, organisation workspace).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A role a person holds in one space. Guests (signed-out visitors) hold none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Staff,
    Tutor,
    Coordinator,
    Member,
    Actor,
}

impl Role {
    /// Every role, in the order the interface lists them.
    pub const ALL: [Role; 6] = [
        Role::Admin,
        Role::Staff,
        Role::Tutor,
        Role::Coordinator,
        Role::Member,
        Role::Actor,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Staff => "staff",
            Role::Tutor => "tutor",
            Role::Coordinator => "coordinator",
            Role::Member => "member",
            Role::Actor => "actor",
        }
    }

    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The kind of space this role is granted in.
    pub fn space_kind(self) -> SpaceKind {
        match self {
            Role::Admin => SpaceKind::Platform,
            Role::Staff => SpaceKind::Programme,
            Role::Tutor | Role::Coordinator | Role::Member | Role::Actor => SpaceKind::Organisation,
        }
    }
}

/// The kinds of space a role can be granted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpaceKind {
    Platform,
    Programme,
    Organisation,
}

impl SpaceKind {
    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            SpaceKind::Platform => "platform",
            SpaceKind::Programme => "programme",
            SpaceKind::Organisation => "organisation",
        }
    }

    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<SpaceKind> {
        [
            SpaceKind::Platform,
            SpaceKind::Programme,
            SpaceKind::Organisation,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

/// One role granted to a person in one space. Platform grants carry no space id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    pub space: SpaceKind,
    pub space_id: Option<Uuid>,
}

/// A signed-in person with every grant they hold.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Principal {
    pub user_id: Uuid,
    pub grants: Vec<Grant>,
}

impl Principal {
    /// Whether the person holds `role` in the platform or in any programme.
    pub fn has_global(&self, role: Role) -> bool {
        self.grants
            .iter()
            .any(|g| g.role == role && g.space != SpaceKind::Organisation)
    }

    /// Whether the person holds `role` in the workspace of organisation `org`.
    pub fn has_in_organisation(&self, role: Role, org: Uuid) -> bool {
        self.grants.iter().any(|g| {
            g.role == role && g.space == SpaceKind::Organisation && g.space_id == Some(org)
        })
    }

    /// Organisations in whose workspace the person holds any role.
    pub fn organisations(&self) -> Vec<Uuid> {
        let mut ids: Vec<Uuid> = self
            .grants
            .iter()
            .filter(|g| g.space == SpaceKind::Organisation)
            .filter_map(|g| g.space_id)
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// The administration the person works for: the first workspace where they are its
    /// coordinator or a member (tutors and actors are guests in theirs).
    pub fn administration(&self) -> Option<Uuid> {
        self.grants
            .iter()
            .filter(|g| g.space == SpaceKind::Organisation)
            .filter(|g| matches!(g.role, Role::Coordinator | Role::Member))
            .filter_map(|g| g.space_id)
            .min()
    }

    /// The highest role the person holds anywhere, for display.
    pub fn main_role(&self) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| self.grants.iter().any(|g| g.role == *r))
    }
}
