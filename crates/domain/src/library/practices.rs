//! Good practices: structured records of Italian administrations' experiences of international
//! cooperation (context, problem, approach, partners, results, resources, contacts,
//! transferability), kept with a library document so that they are searched with the documents.

use crate::validation::{optional_text, required_text, Errors};
use serde::Serialize;

/// The sections of a record, in the order the page shows them; the first four are required.
pub const SECTIONS: [&str; 8] = [
    "context",
    "problem",
    "approach",
    "results",
    "partners",
    "resources",
    "contacts",
    "transferability",
];

/// The longest section, in characters.
const MAX_SECTION: usize = 6000;

/// A checked record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Practice {
    /// The administration whose experience it is.
    pub administration: String,
    pub context: String,
    pub problem: String,
    pub approach: String,
    pub results: String,
    pub partners: String,
    pub resources: String,
    pub contacts: String,
    pub transferability: String,
}

impl Practice {
    /// The sections as (name, text), in order.
    pub fn sections(&self) -> [(&'static str, &str); 8] {
        [
            ("context", &self.context),
            ("problem", &self.problem),
            ("approach", &self.approach),
            ("results", &self.results),
            ("partners", &self.partners),
            ("resources", &self.resources),
            ("contacts", &self.contacts),
            ("transferability", &self.transferability),
        ]
    }

    /// All of its text, for the search index.
    pub fn text(&self) -> String {
        let mut out = self.administration.clone();
        for (_, t) in self.sections() {
            if !t.is_empty() {
                out.push('\n');
                out.push_str(t);
            }
        }
        out
    }
}

/// Checks a record as typed: `fields` gives each section's text by name.
pub fn check(administration: &str, field: impl Fn(&str) -> String) -> Result<Practice, Errors> {
    let mut errors = Errors::default();
    let administration = required_text(&mut errors, "administration", administration, 200);
    let mut p = Practice {
        administration,
        ..Default::default()
    };
    for (i, name) in SECTIONS.iter().enumerate() {
        let typed = field(name);
        let value = if i < 4 {
            required_text(&mut errors, name, &typed, MAX_SECTION)
        } else {
            optional_text(&mut errors, name, &typed, MAX_SECTION).unwrap_or_default()
        };
        match *name {
            "context" => p.context = value,
            "problem" => p.problem = value,
            "approach" => p.approach = value,
            "results" => p.results = value,
            "partners" => p.partners = value,
            "resources" => p.resources = value,
            "contacts" => p.contacts = value,
            _ => p.transferability = value,
        }
    }
    errors.into_result(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_sections_and_limits() {
        let ok = check("Provincia di Salerno", |n| format!("Testo di {n}")).unwrap();
        assert_eq!(ok.approach, "Testo di approach");
        assert!(ok
            .text()
            .starts_with("Provincia di Salerno\nTesto di context"));
        let e = check(" ", |n| {
            if n == "problem" {
                String::new()
            } else {
                "x".into()
            }
        })
        .unwrap_err();
        assert!(e.for_field("administration").is_some());
        assert!(e.for_field("problem").is_some());
        assert!(e.for_field("partners").is_none());
        let partial = check("Comune", |n| {
            if n == "contacts" {
                String::new()
            } else {
                "x".into()
            }
        })
        .unwrap();
        assert_eq!(partial.contacts, "");
        let long = check("Comune", |_| "a".repeat(6001)).unwrap_err();
        assert_eq!(long.for_field("context"), Some("error-too-long"));
    }
}
