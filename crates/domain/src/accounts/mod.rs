//! Accounts: invitations, sign-in with throttling, password reset, profile.

pub mod throttle;

use crate::policy::Rule;
use crate::roles::Role;
use crate::validation::{is_email, optional_text, required_line, Errors};
use chrono::Duration;

/// Who may do what with accounts.
pub const POLICY: &[(&str, Rule)] = &[
    ("accounts.sign_in_form", Rule::Public),
    ("accounts.sign_in", Rule::Public),
    ("accounts.sign_out", Rule::SignedIn),
    ("accounts.reset_request_form", Rule::Public),
    ("accounts.reset_request", Rule::Public),
    ("accounts.reset_form", Rule::Public),
    ("accounts.reset", Rule::Public),
    ("accounts.invitation_form", Rule::Public),
    ("accounts.invitation_accept", Rule::Public),
    ("accounts.profile", Rule::SignedIn),
    ("accounts.profile_update", Rule::SignedIn),
    ("accounts.password_change", Rule::SignedIn),
    ("accounts.users", Rule::Global(&[Role::Admin])),
    ("accounts.set_active", Rule::Global(&[Role::Admin])),
    (
        "accounts.invite_form",
        Rule::Global(&[Role::Admin, Role::Staff]),
    ),
    ("accounts.invite", Rule::Global(&[Role::Admin, Role::Staff])),
];

/// How long an invitation link stays valid.
pub const INVITATION_LIFETIME: Duration = Duration::days(7);
/// How long a password-reset link stays valid.
pub const RESET_LIFETIME: Duration = Duration::hours(1);
/// At most this many reset emails per account in `RESET_LIFETIME`, so that nobody can flood a
/// mailbox through the public form.
pub const RESET_MAILS_PER_HOUR: i64 = 3;
/// How long a session lives without being used.
pub const SESSION_IDLE_LIFETIME: Duration = Duration::days(14);

/// Minimum and maximum password length, in characters.
pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 128;

/// Languages a person can declare in their profile (ISO 639-1).
pub const SPOKEN_LANGUAGES: &[&str] = &[
    "it", "en", "fr", "es", "de", "ar", "sq", "sr", "hr", "bs", "mk", "el", "tr",
];

/// Checks a new password and its confirmation.
pub fn check_new_password(errors: &mut Errors, password: &str, confirmation: &str) {
    let n = password.chars().count();
    if n < PASSWORD_MIN {
        errors.add("password", "error-password-short");
    } else if n > PASSWORD_MAX {
        errors.add("password", "error-too-long");
    } else if password != confirmation {
        errors.add("password_confirmation", "error-password-mismatch");
    }
}

/// Normalises an email address for lookup: trimmed and lower-cased.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A validated profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub languages: Vec<String>,
    pub competences: Vec<String>,
}

/// Validates a profile form: a name, known languages, up to 20 short competences.
pub fn check_profile(
    name: &str,
    languages: &[String],
    competences: &str,
) -> Result<Profile, Errors> {
    let mut errors = Errors::default();
    let name = required_line(&mut errors, "name", name, 120);
    let mut langs: Vec<String> = Vec::new();
    for l in languages {
        if SPOKEN_LANGUAGES.contains(&l.as_str()) {
            if !langs.contains(l) {
                langs.push(l.clone());
            }
        } else {
            errors.add("languages", "error-unknown-choice");
        }
    }
    let mut comps: Vec<String> = Vec::new();
    if let Some(text) = optional_text(&mut errors, "competences", competences, 2000) {
        for c in text
            .split([',', '\n'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            if c.chars().count() > 80 {
                errors.add("competences", "error-competence-long");
                break;
            }
            if !comps.iter().any(|x| x.eq_ignore_ascii_case(c)) {
                comps.push(c.to_string());
            }
        }
        if comps.len() > 20 {
            errors.add("competences", "error-competences-many");
        }
    }
    errors.into_result(Profile {
        name,
        languages: langs,
        competences: comps,
    })
}

/// A validated invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub email: String,
    pub role: Role,
}

/// Validates an invitation form. Organisation roles need an organisation; the caller checks it
/// exists.
pub fn check_invitation(
    email: &str,
    role: &str,
    has_organisation: bool,
) -> Result<Invitation, Errors> {
    let mut errors = Errors::default();
    if !is_email(email) {
        errors.add("email", "error-email");
    }
    let parsed = Role::parse(role);
    match parsed {
        None => errors.add("role", "error-unknown-choice"),
        Some(r) if r.space_kind() == crate::roles::SpaceKind::Organisation && !has_organisation => {
            errors.add("organisation", "error-organisation-needed")
        }
        Some(_) => {}
    }
    errors.into_result(Invitation {
        email: normalise_email(email),
        role: parsed.unwrap_or(Role::Member),
    })
}

/// Whether `who` may invite someone with `role` (into `organisation` for organisation roles):
/// administrators invite anyone; staff invite into any workspace; a coordinator invites members,
/// coordinators and local actors into their own workspace.
pub fn may_invite(
    who: &crate::roles::Principal,
    role: Role,
    organisation: Option<uuid::Uuid>,
) -> bool {
    use crate::roles::SpaceKind;
    if who.has_global(Role::Admin) {
        return true;
    }
    if role.space_kind() != SpaceKind::Organisation {
        return false;
    }
    if who.has_global(Role::Staff) {
        return true;
    }
    matches!(role, Role::Member | Role::Coordinator | Role::Actor)
        && organisation.is_some_and(|org| who.has_in_organisation(Role::Coordinator, org))
}

/// Whether `who` may take `role` in `organisation` away from someone: the same people who may
/// grant it, and never from themselves (a coordinator cannot lock themselves out by mistake).
pub fn may_revoke(
    who: &crate::roles::Principal,
    role: Role,
    organisation: uuid::Uuid,
    from: uuid::Uuid,
) -> bool {
    who.user_id != from && may_invite(who, role, Some(organisation))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::{Grant, Principal, SpaceKind};

    #[test]
    fn who_invites_whom() {
        let org = uuid::Uuid::from_u128(1);
        let other = uuid::Uuid::from_u128(2);
        let with = |role, space, space_id| Principal {
            user_id: uuid::Uuid::nil(),
            grants: vec![Grant {
                role,
                space,
                space_id,
            }],
        };
        let admin = with(Role::Admin, SpaceKind::Platform, None);
        let staff = with(Role::Staff, SpaceKind::Programme, Some(other));
        let coordinator = with(Role::Coordinator, SpaceKind::Organisation, Some(org));
        let member = with(Role::Member, SpaceKind::Organisation, Some(org));
        assert!(may_invite(&admin, Role::Staff, None));
        assert!(!may_invite(&staff, Role::Admin, None));
        assert!(!may_invite(&staff, Role::Staff, None));
        assert!(may_invite(&staff, Role::Tutor, Some(org)));
        assert!(may_invite(&coordinator, Role::Member, Some(org)));
        assert!(may_invite(&coordinator, Role::Actor, Some(org)));
        assert!(!may_invite(&coordinator, Role::Tutor, Some(org)));
        assert!(!may_invite(&coordinator, Role::Member, Some(other)));
        assert!(!may_invite(&member, Role::Member, Some(org)));
        let someone = uuid::Uuid::from_u128(77);
        assert!(may_revoke(&coordinator, Role::Member, org, someone));
        assert!(!may_revoke(
            &coordinator,
            Role::Coordinator,
            org,
            coordinator.user_id
        ));
        assert!(!may_revoke(&coordinator, Role::Tutor, org, someone));
        assert!(!may_revoke(&member, Role::Member, org, someone));
    }

    #[test]
    fn passwords() {
        let mut e = Errors::default();
        check_new_password(&mut e, "short", "short");
        assert_eq!(e.for_field("password"), Some("error-password-short"));
        let mut e = Errors::default();
        check_new_password(&mut e, "long enough pass", "long enough pasS");
        assert_eq!(
            e.for_field("password_confirmation"),
            Some("error-password-mismatch")
        );
        let mut e = Errors::default();
        check_new_password(&mut e, "long enough pass", "long enough pass");
        assert!(e.is_empty());
    }

    #[test]
    fn profiles() {
        let p = check_profile(
            " Anna Rossi ",
            &["it".into(), "fr".into(), "it".into()],
            "PCM, budget,\nPCM",
        )
        .unwrap();
        assert_eq!(p.name, "Anna Rossi");
        assert_eq!(p.languages, vec!["it", "fr"]);
        assert_eq!(p.competences, vec!["PCM", "budget"]);
        let e = check_profile("", &["xx".into()], "").unwrap_err();
        assert_eq!(e.for_field("name"), Some("error-required"));
        assert_eq!(e.for_field("languages"), Some("error-unknown-choice"));
    }

    #[test]
    fn invitations() {
        assert!(check_invitation("a@b.it", "member", false).is_err());
        assert_eq!(
            check_invitation(" A@B.it ", "staff", false).unwrap().email,
            "a@b.it"
        );
        assert!(check_invitation("a@b.it", "boss", true).is_err());
    }
}
