//! The organisations registry: Italian administrations, foreign partners and local actors, with
//! the rules their identifiers obey.

pub mod countries;
pub mod istat;
pub mod tax_code;

use crate::policy::Rule;
use crate::roles::Role;
use crate::validation::{optional_line, required_line, Errors};
use serde::{Deserialize, Serialize};

/// Who may do what in the registry.
pub const POLICY: &[(&str, Rule)] = &[
    ("organisations.list", Rule::SignedIn),
    ("organisations.show", Rule::SignedIn),
    ("organisations.export", Rule::SignedIn),
    (
        "organisations.workspace",
        Rule::Workspace {
            local: &[Role::Coordinator, Role::Member, Role::Tutor, Role::Actor],
            global: &[Role::Admin, Role::Staff],
        },
    ),
    (
        "organisations.invite",
        Rule::Workspace {
            local: &[Role::Coordinator],
            global: &[Role::Admin, Role::Staff],
        },
    ),
    (
        "organisations.revoke",
        Rule::Workspace {
            local: &[Role::Coordinator],
            global: &[Role::Admin, Role::Staff],
        },
    ),
    ("organisations.municipalities", Rule::SignedIn),
    (
        "organisations.create_form",
        Rule::Global(&[Role::Admin, Role::Staff]),
    ),
    (
        "organisations.create",
        Rule::Global(&[Role::Admin, Role::Staff]),
    ),
    (
        "organisations.edit_form",
        Rule::Global(&[Role::Admin, Role::Staff]),
    ),
    (
        "organisations.update",
        Rule::Global(&[Role::Admin, Role::Staff]),
    ),
];

/// Organisations per page in the registry.
pub const PAGE_SIZE: i64 = 25;

/// The three families of organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// An Italian public administration.
    ItalianPa,
    /// A partner abroad.
    ForeignPartner,
    /// A local public or private actor of a territory.
    LocalActor,
}

impl Category {
    pub const ALL: [Category; 3] = [
        Category::ItalianPa,
        Category::ForeignPartner,
        Category::LocalActor,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Category::ItalianPa => "italian_pa",
            Category::ForeignPartner => "foreign_partner",
            Category::LocalActor => "local_actor",
        }
    }

    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Kinds of Italian public administration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaKind {
    Regione,
    Provincia,
    CittaMetropolitana,
    Comune,
    UnioneDiComuni,
    AltraPa,
}

impl PaKind {
    pub const ALL: [PaKind; 6] = [
        PaKind::Regione,
        PaKind::Provincia,
        PaKind::CittaMetropolitana,
        PaKind::Comune,
        PaKind::UnioneDiComuni,
        PaKind::AltraPa,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            PaKind::Regione => "regione",
            PaKind::Provincia => "provincia",
            PaKind::CittaMetropolitana => "citta_metropolitana",
            PaKind::Comune => "comune",
            PaKind::UnioneDiComuni => "unione_di_comuni",
            PaKind::AltraPa => "altra_pa",
        }
    }

    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<PaKind> {
        PaKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// How many digits the ISTAT code of this kind has, if it has one.
    pub fn istat_digits(self) -> Option<usize> {
        match self {
            PaKind::Regione => Some(2),
            PaKind::Provincia | PaKind::CittaMetropolitana => Some(3),
            PaKind::Comune => Some(6),
            PaKind::UnioneDiComuni | PaKind::AltraPa => None,
        }
    }
}

/// Types of foreign partner.
pub const PARTNER_TYPES: &[&str] = &[
    "central_government",
    "local_government",
    "agency",
    "university",
    "ngo",
    "business",
    "international",
];

/// Sectors of local actors.
pub const ACTOR_SECTORS: &[&str] = &[
    "public_body",
    "university",
    "chamber_of_commerce",
    "business",
    "association",
    "ngo",
    "foundation",
    "trade_union",
    "other",
];

/// The twenty Italian regions with their ISTAT codes.
pub const REGIONS: &[(&str, &str)] = &[
    ("01", "Piemonte"),
    ("02", "Valle d'Aosta/Vallée d'Aoste"),
    ("03", "Lombardia"),
    ("04", "Trentino-Alto Adige/Südtirol"),
    ("05", "Veneto"),
    ("06", "Friuli-Venezia Giulia"),
    ("07", "Liguria"),
    ("08", "Emilia-Romagna"),
    ("09", "Toscana"),
    ("10", "Umbria"),
    ("11", "Marche"),
    ("12", "Lazio"),
    ("13", "Abruzzo"),
    ("14", "Molise"),
    ("15", "Campania"),
    ("16", "Puglia"),
    ("17", "Basilicata"),
    ("18", "Calabria"),
    ("19", "Sicilia"),
    ("20", "Sardegna"),
];

/// A new organisation as submitted in the registry form (all text, as typed).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct OrganisationForm {
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub pa_kind: String,
    #[serde(default)]
    pub istat_code: String,
    #[serde(default)]
    pub ipa_code: String,
    #[serde(default)]
    pub tax_code: String,
    #[serde(default)]
    pub region_code: String,
    #[serde(default)]
    pub province_code: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub partner_type: String,
    #[serde(default)]
    pub actor_sector: String,
    #[serde(default)]
    pub actor_public: String,
    #[serde(default)]
    pub website: String,
}

/// A validated organisation, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organisation {
    pub category: Category,
    pub name: String,
    pub pa_kind: Option<PaKind>,
    pub istat_code: Option<String>,
    pub ipa_code: Option<String>,
    pub tax_code: Option<String>,
    pub region_code: Option<String>,
    /// The province's two-letter abbreviation (sigla automobilistica), e.g. `SA`.
    pub province_code: Option<String>,
    pub country: String,
    pub partner_type: Option<String>,
    pub actor_sector: Option<String>,
    pub actor_public: Option<bool>,
    pub website: Option<String>,
}

impl From<&Organisation> for OrganisationForm {
    /// The form as it would be typed to produce this organisation (for editing).
    fn from(o: &Organisation) -> Self {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        OrganisationForm {
            category: o.category.code().into(),
            name: o.name.clone(),
            pa_kind: o.pa_kind.map(|k| k.code().to_string()).unwrap_or_default(),
            istat_code: text(&o.istat_code),
            ipa_code: text(&o.ipa_code),
            tax_code: text(&o.tax_code),
            region_code: text(&o.region_code),
            province_code: text(&o.province_code),
            country: o.country.clone(),
            partner_type: text(&o.partner_type),
            actor_sector: text(&o.actor_sector),
            actor_public: match o.actor_public {
                Some(true) => "public".into(),
                Some(false) => "private".into(),
                None => String::new(),
            },
            website: text(&o.website),
        }
    }
}

/// What the ISTAT list says of a municipality or province code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IstatPlace {
    pub region_code: String,
    pub car_plate: String,
}

/// Checks an Italian municipality or province against the ISTAT list, when the list is loaded:
/// the code must exist, and the region and province typed must be the ones ISTAT gives.
pub fn cross_check(org: &Organisation, place: Option<&IstatPlace>, list_loaded: bool) -> Errors {
    let mut e = Errors::default();
    let checked = matches!(
        org.pa_kind,
        Some(PaKind::Comune | PaKind::Provincia | PaKind::CittaMetropolitana)
    );
    if !list_loaded || !checked || org.istat_code.is_none() {
        return e;
    }
    match place {
        None => e.add("istat_code", "error-istat-unknown"),
        Some(p) => {
            if org.region_code.as_deref() != Some(p.region_code.as_str()) {
                e.add("region_code", "error-istat-region");
            }
            if org
                .province_code
                .as_deref()
                .is_some_and(|c| c != p.car_plate)
            {
                e.add("province_code", "error-istat-province");
            }
        }
    }
    e
}

/// An IPA code (IndicePA): 2 to 20 lower-case letters, digits and underscores.
pub fn is_ipa_code(code: &str) -> bool {
    (2..=20).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Validates the registry form. Fields that do not apply to the category are ignored.
pub fn check(form: &OrganisationForm) -> Result<Organisation, Errors> {
    let mut e = Errors::default();
    let category = Category::parse(form.category.trim());
    if category.is_none() {
        e.add("category", "error-unknown-choice");
    }
    let category = category.unwrap_or(Category::ItalianPa);
    let name = required_line(&mut e, "name", &form.name, 200);
    let website = optional_line(&mut e, "website", &form.website, 300);
    if let Some(w) = &website {
        if !(w.starts_with("https://") || w.starts_with("http://"))
            || w.contains(char::is_whitespace)
        {
            e.add("website", "error-url");
        }
    }
    let mut org = Organisation {
        category,
        name,
        pa_kind: None,
        istat_code: None,
        ipa_code: None,
        tax_code: None,
        region_code: None,
        province_code: None,
        country: "IT".into(),
        partner_type: None,
        actor_sector: None,
        actor_public: None,
        website,
    };
    match category {
        Category::ItalianPa => {
            let kind = PaKind::parse(form.pa_kind.trim());
            if kind.is_none() {
                e.add("pa_kind", "error-unknown-choice");
            }
            org.pa_kind = kind;
            let istat = form.istat_code.trim();
            if !istat.is_empty() {
                match kind.and_then(PaKind::istat_digits) {
                    Some(n) if istat.len() == n && istat.chars().all(|c| c.is_ascii_digit()) => {
                        org.istat_code = Some(istat.to_string())
                    }
                    _ => e.add("istat_code", "error-istat-code"),
                }
            }
            let ipa = form.ipa_code.trim();
            if !ipa.is_empty() {
                if is_ipa_code(ipa) {
                    org.ipa_code = Some(ipa.to_string());
                } else {
                    e.add("ipa_code", "error-ipa-code");
                }
            }
            let cf = form.tax_code.trim();
            if !cf.is_empty() {
                match tax_code::check(cf) {
                    Ok(normalised) => org.tax_code = Some(normalised),
                    Err(message) => e.add("tax_code", message),
                }
            }
            let province = form.province_code.trim().to_ascii_uppercase();
            if !province.is_empty() {
                if province.len() == 2 && province.bytes().all(|b| b.is_ascii_uppercase()) {
                    org.province_code = Some(province);
                } else {
                    e.add("province_code", "error-province-code");
                }
            } else if kind == Some(PaKind::Provincia) || kind == Some(PaKind::Comune) {
                e.add("province_code", "error-required");
            }
            let region = form.region_code.trim();
            if region.is_empty() {
                e.add("region_code", "error-required");
            } else if REGIONS.iter().any(|(c, _)| *c == region) {
                org.region_code = Some(region.to_string());
            } else {
                e.add("region_code", "error-unknown-choice");
            }
        }
        Category::ForeignPartner => {
            let country = form.country.trim().to_ascii_uppercase();
            if country == "IT" || !countries::is_code(&country) {
                e.add("country", "error-country");
            }
            org.country = country;
            let t = form.partner_type.trim();
            if PARTNER_TYPES.contains(&t) {
                org.partner_type = Some(t.to_string());
            } else {
                e.add("partner_type", "error-unknown-choice");
            }
        }
        Category::LocalActor => {
            let s = form.actor_sector.trim();
            if ACTOR_SECTORS.contains(&s) {
                org.actor_sector = Some(s.to_string());
            } else {
                e.add("actor_sector", "error-unknown-choice");
            }
            org.actor_public = match form.actor_public.trim() {
                "public" => Some(true),
                "private" => Some(false),
                _ => {
                    e.add("actor_public", "error-unknown-choice");
                    None
                }
            };
            let region = form.region_code.trim();
            if !region.is_empty() {
                if REGIONS.iter().any(|(c, _)| *c == region) {
                    org.region_code = Some(region.to_string());
                } else {
                    e.add("region_code", "error-unknown-choice");
                }
            }
        }
    }
    e.into_result(org)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pa() -> OrganisationForm {
        OrganisationForm {
            category: "italian_pa".into(),
            name: "Provincia di Salerno".into(),
            pa_kind: "provincia".into(),
            istat_code: "065".into(),
            ipa_code: "p_sa".into(),
            tax_code: "80000390650".into(),
            region_code: "15".into(),
            province_code: "sa".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_province() {
        let o = check(&pa()).unwrap();
        assert_eq!(o.pa_kind, Some(PaKind::Provincia));
        assert_eq!(o.istat_code.as_deref(), Some("065"));
        assert_eq!(o.province_code.as_deref(), Some("SA"));
        assert_eq!(o.country, "IT");
    }

    #[test]
    fn bad_identifiers_are_reported_per_field() {
        let mut f = pa();
        f.istat_code = "65".into();
        f.tax_code = "80000390651".into();
        f.ipa_code = "P SA".into();
        f.region_code = "99".into();
        f.province_code = "S4".into();
        let e = check(&f).unwrap_err();
        assert_eq!(e.for_field("istat_code"), Some("error-istat-code"));
        assert_eq!(e.for_field("tax_code"), Some("error-tax-code-check"));
        assert_eq!(e.for_field("ipa_code"), Some("error-ipa-code"));
        assert_eq!(e.for_field("region_code"), Some("error-unknown-choice"));
        assert_eq!(e.for_field("province_code"), Some("error-province-code"));
    }

    #[test]
    fn a_stored_organisation_reads_back_as_the_same_form() {
        let o = check(&pa()).unwrap();
        assert_eq!(check(&OrganisationForm::from(&o)).unwrap(), o);
    }

    #[test]
    fn the_istat_list_has_the_last_word() {
        let salerno = check(&pa()).unwrap();
        let place = IstatPlace {
            region_code: "15".into(),
            car_plate: "SA".into(),
        };
        assert!(cross_check(&salerno, Some(&place), true).is_empty());
        assert!(
            cross_check(&salerno, None, false).is_empty(),
            "no list, no check"
        );
        assert_eq!(
            cross_check(&salerno, None, true).for_field("istat_code"),
            Some("error-istat-unknown")
        );
        let elsewhere = IstatPlace {
            region_code: "16".into(),
            car_plate: "LE".into(),
        };
        let e = cross_check(&salerno, Some(&elsewhere), true);
        assert_eq!(e.for_field("region_code"), Some("error-istat-region"));
        assert_eq!(e.for_field("province_code"), Some("error-istat-province"));
    }

    #[test]
    fn partners_need_a_foreign_country() {
        let f = OrganisationForm {
            category: "foreign_partner".into(),
            name: "Municipality of Durrës".into(),
            country: "al".into(),
            partner_type: "local_government".into(),
            ..Default::default()
        };
        assert_eq!(check(&f).unwrap().country, "AL");
        let it = OrganisationForm {
            country: "IT".into(),
            ..f.clone()
        };
        assert_eq!(
            check(&it).unwrap_err().for_field("country"),
            Some("error-country")
        );
        let zz = OrganisationForm {
            country: "ZZ".into(),
            ..f
        };
        assert!(check(&zz).is_err());
    }
}
