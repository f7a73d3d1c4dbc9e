//! An administration's past cooperation project as a record (title, years, countries, partners,
//! funding, budget, results, lessons learned), which feeds the matchmaking and can be published
//! as a good practice in the library in one step.

use super::{
    check_amount, check_countries, check_period, check_themes, Sharing, MAX_LINE, MAX_TEXT,
};
use crate::library::practices::Practice;
use crate::locale::Locale;
use crate::validation::{optional_line, optional_text, required_line, required_text, Errors};
use serde::Serialize;

/// The experience form as typed.
#[derive(Debug, Clone, Default)]
pub struct ExperienceInput {
    pub title: String,
    pub start_year: String,
    pub end_year: String,
    pub countries: Vec<String>,
    pub themes: Vec<String>,
    pub partners: String,
    pub funding: String,
    pub budget: String,
    pub results: String,
    pub lessons: String,
    pub sharing: String,
}

/// An experience's checked fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExperienceDraft {
    pub title: String,
    pub start_year: i32,
    pub end_year: Option<i32>,
    pub countries: Vec<String>,
    pub themes: Vec<String>,
    pub partners: String,
    pub funding: String,
    pub budget_cents: Option<i64>,
    pub results: String,
    pub lessons: String,
    pub sharing: Sharing,
}

/// Checks an experience's form (the caller checks who may share at the level chosen).
pub fn check(
    input: &ExperienceInput,
    known_theme: impl Fn(&str) -> bool,
    this_year: i32,
    locale: Locale,
) -> Result<ExperienceDraft, Errors> {
    let mut e = Errors::default();
    let title = required_line(&mut e, "title", &input.title, MAX_LINE);
    let (start_year, end_year) =
        check_period(&mut e, &input.start_year, &input.end_year, this_year);
    let countries = check_countries(&mut e, "countries", &input.countries, true);
    let themes = check_themes(&mut e, "themes", &input.themes, known_theme, false);
    let partners = optional_text(&mut e, "partners", &input.partners, MAX_TEXT).unwrap_or_default();
    let funding = optional_line(&mut e, "funding", &input.funding, MAX_LINE).unwrap_or_default();
    let budget_cents = check_amount(&mut e, "budget", &input.budget, locale);
    let results = required_text(&mut e, "results", &input.results, MAX_TEXT);
    let lessons = optional_text(&mut e, "lessons", &input.lessons, MAX_TEXT).unwrap_or_default();
    let sharing = Sharing::parse(input.sharing.trim());
    if sharing.is_none() {
        e.add("sharing", "error-unknown-choice");
    }
    match (start_year, sharing) {
        (Some(start_year), Some(sharing)) if e.is_empty() => Ok(ExperienceDraft {
            title,
            start_year,
            end_year,
            countries,
            themes,
            partners,
            funding,
            budget_cents,
            results,
            lessons,
            sharing,
        }),
        _ => Err(e),
    }
}

/// The good-practice record an experience becomes in the library: its results, partners and
/// lessons in the sections they belong to; what the experience does not say (the problem, the
/// approach) is summed up from what it does, for the author to complete in the library.
pub fn practice(
    experience: &ExperienceDraft,
    administration: &str,
    period: &str,
    countries: &str,
) -> Practice {
    let funding = if experience.funding.is_empty() {
        String::new()
    } else {
        experience.funding.clone()
    };
    Practice {
        administration: administration.to_string(),
        context: format!("{} ({period}; {countries})", experience.title),
        problem: experience.title.clone(),
        approach: if experience.partners.is_empty() {
            experience.title.clone()
        } else {
            experience.partners.clone()
        },
        results: experience.results.clone(),
        partners: experience.partners.clone(),
        resources: funding,
        contacts: String::new(),
        transferability: experience.lessons.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ExperienceInput {
        ExperienceInput {
            title: "Turismo sostenibile sulla costa albanese".into(),
            start_year: "2016".into(),
            end_year: "2019".into(),
            countries: vec!["AL".into()],
            results: "Tre itinerari, 40 operatori formati".into(),
            sharing: "public".into(),
            budget: "480.000".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_past_project() {
        let x = check(&input(), |_| true, 2026, Locale::It).unwrap();
        assert_eq!(x.budget_cents, Some(48_000_000));
        assert_eq!(x.end_year, Some(2019));
        let p = practice(&x, "Provincia di Foggia", "2016–2019", "Albania");
        assert_eq!(p.results, x.results);
        assert!(p.context.contains("Albania"));
        assert!(crate::library::practices::SECTIONS
            .iter()
            .take(4)
            .all(|s| !p.sections().iter().any(|(n, t)| n == s && t.is_empty())));
    }

    #[test]
    fn refused_without_countries_results_or_with_a_bad_budget() {
        let mut i = input();
        i.countries.clear();
        i.results.clear();
        i.budget = "4,80,000".into();
        i.end_year = "2010".into();
        let e = check(&i, |_| true, 2026, Locale::It).unwrap_err();
        assert_eq!(e.for_field("countries"), Some("error-required"));
        assert_eq!(e.for_field("results"), Some("error-required"));
        assert_eq!(e.for_field("budget"), Some("error-network-amount"));
        assert_eq!(e.for_field("end_year"), Some("error-network-period"));
    }
}
