//! An administration's relation with a foreign partner: its kind, the country and partner, the
//! period, themes, a contact person, and for projects the funding programme, the
//! administration's role and the amount.

use super::{
    check_amount, check_country, check_email, check_period, check_themes, Sharing, MAX_LINE,
    MAX_TEXT,
};
use crate::locale::Locale;
use crate::validation::{optional_line, optional_text, Errors};
use serde::Serialize;
use uuid::Uuid;

/// The kinds of relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Twinning,
    Memorandum,
    PastProject,
    OngoingProject,
    InformalContact,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Twinning,
        Kind::Memorandum,
        Kind::PastProject,
        Kind::OngoingProject,
        Kind::InformalContact,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Twinning => "twinning",
            Kind::Memorandum => "memorandum",
            Kind::PastProject => "past_project",
            Kind::OngoingProject => "ongoing_project",
            Kind::InformalContact => "informal_contact",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether the relation is a project (with a funding programme, a role and an amount).
    pub fn is_project(self) -> bool {
        matches!(self, Kind::PastProject | Kind::OngoingProject)
    }
}

impl TryFrom<String> for Kind {
    type Error = crate::codes::UnknownCode;
    fn try_from(code: String) -> Result<Kind, Self::Error> {
        Kind::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "relation kind",
            code,
        })
    }
}

/// The administration's role in a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProjectRole {
    Lead,
    Partner,
    Associate,
}

impl ProjectRole {
    pub const ALL: [ProjectRole; 3] = [
        ProjectRole::Lead,
        ProjectRole::Partner,
        ProjectRole::Associate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ProjectRole::Lead => "lead",
            ProjectRole::Partner => "partner",
            ProjectRole::Associate => "associate",
        }
    }

    pub fn parse(code: &str) -> Option<ProjectRole> {
        ProjectRole::ALL.into_iter().find(|r| r.code() == code)
    }
}

impl TryFrom<String> for ProjectRole {
    type Error = crate::codes::UnknownCode;
    fn try_from(code: String) -> Result<ProjectRole, Self::Error> {
        ProjectRole::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "project role",
            code,
        })
    }
}

/// The partner of a relation: one of the registry's foreign partners, or a new one typed on the
/// spot (stored in the registry with the relation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Partner {
    Registry(Uuid),
    New { name: String, partner_type: String },
}

/// The relation's form as typed.
#[derive(Debug, Clone, Default)]
pub struct RelationInput {
    pub kind: String,
    pub country: String,
    /// The id of a registry partner, or empty for a new one.
    pub partner: String,
    pub partner_name: String,
    pub partner_type: String,
    pub start_year: String,
    pub end_year: String,
    pub themes: Vec<String>,
    pub contact_name: String,
    pub contact_email: String,
    pub funding_programme: String,
    pub project_role: String,
    pub amount: String,
    pub notes: String,
    pub sharing: String,
    pub documents: Vec<String>,
}

/// A relation's checked fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelationDraft {
    pub kind: Kind,
    pub country: String,
    pub partner: Partner,
    pub start_year: i32,
    pub end_year: Option<i32>,
    pub themes: Vec<String>,
    pub contact_name: String,
    pub contact_email: String,
    pub funding_programme: String,
    pub project_role: Option<ProjectRole>,
    pub amount_cents: Option<i64>,
    pub notes: String,
    pub sharing: Sharing,
    /// Library documents about the relation.
    pub documents: Vec<Uuid>,
}

/// Most documents attached to one relation.
pub const MAX_DOCUMENTS: usize = 20;

/// Checks a relation's form. `known_theme` says whether a theme code exists; `this_year` bounds
/// the period; `locale` reads the amount. Whether the registry partner exists (and is in the
/// country), the documents are readable, and the person may share at the level chosen is
/// checked by the caller with the data.
pub fn check(
    input: &RelationInput,
    known_theme: impl Fn(&str) -> bool,
    this_year: i32,
    locale: Locale,
) -> Result<RelationDraft, Errors> {
    let mut e = Errors::default();
    let kind = Kind::parse(input.kind.trim());
    if kind.is_none() {
        e.add("kind", "error-unknown-choice");
    }
    let country = check_country(&mut e, "country", &input.country);
    let partner = match input.partner.trim() {
        "" => {
            let name = optional_line(&mut e, "partner_name", &input.partner_name, 200);
            let t = input.partner_type.trim();
            if name.is_none() {
                e.add("partner", "error-network-partner");
            }
            if !crate::organisations::PARTNER_TYPES.contains(&t) {
                e.add("partner_type", "error-unknown-choice");
            }
            name.map(|name| Partner::New {
                name,
                partner_type: t.to_string(),
            })
        }
        id => match Uuid::parse_str(id) {
            Ok(id) => Some(Partner::Registry(id)),
            Err(_) => {
                e.add("partner", "error-network-partner");
                None
            }
        },
    };
    let (start_year, end_year) =
        check_period(&mut e, &input.start_year, &input.end_year, this_year);
    let themes = check_themes(&mut e, "themes", &input.themes, known_theme, false);
    let contact_name =
        optional_line(&mut e, "contact_name", &input.contact_name, 200).unwrap_or_default();
    let contact_email = check_email(&mut e, "contact_email", &input.contact_email);
    let funding_programme = optional_line(
        &mut e,
        "funding_programme",
        &input.funding_programme,
        MAX_LINE,
    )
    .unwrap_or_default();
    let project_role = match input.project_role.trim() {
        "" => None,
        r => {
            let role = ProjectRole::parse(r);
            if role.is_none() {
                e.add("project_role", "error-unknown-choice");
            }
            role
        }
    };
    let amount_cents = check_amount(&mut e, "amount", &input.amount, locale);
    if kind.is_some_and(Kind::is_project) {
        if funding_programme.is_empty() {
            e.add("funding_programme", "error-required");
        }
        if project_role.is_none() && input.project_role.trim().is_empty() {
            e.add("project_role", "error-required");
        }
    }
    if kind == Some(Kind::OngoingProject) && end_year.is_some_and(|y| y < this_year) {
        e.add("end_year", "error-network-ongoing-ended");
    }
    let notes = optional_text(&mut e, "notes", &input.notes, MAX_TEXT).unwrap_or_default();
    let sharing = Sharing::parse(input.sharing.trim());
    if sharing.is_none() {
        e.add("sharing", "error-unknown-choice");
    }
    let mut documents: Vec<Uuid> = Vec::new();
    for d in &input.documents {
        if d.trim().is_empty() {
            continue;
        }
        match Uuid::parse_str(d.trim()) {
            Ok(id) if !documents.contains(&id) => documents.push(id),
            Ok(_) => {}
            Err(_) => e.add("documents", "error-unknown-choice"),
        }
    }
    if documents.len() > MAX_DOCUMENTS {
        e.add("documents", "error-network-too-many");
    }
    match (kind, country, partner, start_year, sharing) {
        (Some(kind), Some(country), Some(partner), Some(start_year), Some(sharing))
            if e.is_empty() =>
        {
            let project = kind.is_project();
            Ok(RelationDraft {
                kind,
                country,
                partner,
                start_year,
                end_year,
                themes,
                contact_name,
                contact_email,
                funding_programme: if project {
                    funding_programme
                } else {
                    String::new()
                },
                project_role: project_role.filter(|_| project),
                amount_cents: amount_cents.filter(|_| project),
                notes,
                sharing,
                documents,
            })
        }
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn twinning() -> RelationInput {
        RelationInput {
            kind: "twinning".into(),
            country: "al".into(),
            partner: Uuid::from_u128(5).to_string(),
            start_year: "2009".into(),
            themes: vec!["m:turismo".into()],
            sharing: "programme".into(),
            ..Default::default()
        }
    }

    fn check_it(input: &RelationInput) -> Result<RelationDraft, Errors> {
        check(
            input,
            |t| t == "m:turismo" || t == "dac:33210",
            2026,
            Locale::It,
        )
    }

    #[test]
    fn a_twinning_since_2009() {
        let r = check_it(&twinning()).unwrap();
        assert_eq!(r.kind, Kind::Twinning);
        assert_eq!(r.country, "AL");
        assert_eq!(r.partner, Partner::Registry(Uuid::from_u128(5)));
        assert_eq!(r.end_year, None);
        assert_eq!(r.sharing, Sharing::Programme);
        assert_eq!(r.project_role, None);
    }

    #[test]
    fn bad_fields_are_refused_each_with_its_reason() {
        let input = RelationInput {
            kind: "alliance".into(),
            country: "ZZ".into(),
            partner: "not-an-id".into(),
            start_year: "2015".into(),
            end_year: "2010".into(),
            themes: vec!["m:unknown".into()],
            sharing: "everyone".into(),
            contact_email: "nobody".into(),
            amount: "1.2.3,4,5".into(),
            ..Default::default()
        };
        let e = check_it(&input).unwrap_err();
        assert_eq!(e.for_field("kind"), Some("error-unknown-choice"));
        assert_eq!(e.for_field("country"), Some("error-country"));
        assert_eq!(e.for_field("partner"), Some("error-network-partner"));
        assert_eq!(e.for_field("end_year"), Some("error-network-period"));
        assert_eq!(e.for_field("themes"), Some("error-unknown-choice"));
        assert_eq!(e.for_field("sharing"), Some("error-unknown-choice"));
        assert_eq!(e.for_field("contact_email"), Some("error-email"));
        assert_eq!(e.for_field("amount"), Some("error-network-amount"));
    }

    #[test]
    fn a_project_needs_its_programme_and_role() {
        let mut input = twinning();
        input.kind = "past_project".into();
        let e = check_it(&input).unwrap_err();
        assert_eq!(e.for_field("funding_programme"), Some("error-required"));
        assert_eq!(e.for_field("project_role"), Some("error-required"));
        input.funding_programme = "Interreg IPA Italia-Albania-Montenegro".into();
        input.project_role = "lead".into();
        input.amount = "250.000,00".into();
        input.end_year = "2019".into();
        let r = check_it(&input).unwrap();
        assert_eq!(r.project_role, Some(ProjectRole::Lead));
        assert_eq!(r.amount_cents, Some(25_000_000));
    }

    #[test]
    fn project_fields_are_dropped_from_other_kinds() {
        let mut input = twinning();
        input.funding_programme = "Something".into();
        input.project_role = "lead".into();
        input.amount = "10".into();
        let r = check_it(&input).unwrap();
        assert_eq!(r.funding_programme, "");
        assert_eq!(r.project_role, None);
        assert_eq!(r.amount_cents, None);
    }

    #[test]
    fn a_new_partner_needs_a_name_and_a_type() {
        let mut input = twinning();
        input.partner = String::new();
        let e = check_it(&input).unwrap_err();
        assert_eq!(e.for_field("partner"), Some("error-network-partner"));
        assert_eq!(e.for_field("partner_type"), Some("error-unknown-choice"));
        input.partner_name = "Bashkia Durrës".into();
        input.partner_type = "local_government".into();
        assert_eq!(
            check_it(&input).unwrap().partner,
            Partner::New {
                name: "Bashkia Durrës".into(),
                partner_type: "local_government".into()
            }
        );
    }

    #[test]
    fn an_ongoing_project_has_not_ended() {
        let mut input = twinning();
        input.kind = "ongoing_project".into();
        input.funding_programme = "Interreg".into();
        input.project_role = "partner".into();
        input.start_year = "2018".into();
        input.end_year = "2020".into();
        assert_eq!(
            check_it(&input).unwrap_err().for_field("end_year"),
            Some("error-network-ongoing-ended")
        );
    }
}
