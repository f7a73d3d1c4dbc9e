//! Products: the deliverables an administration drafts with its tutor (the seed's products plus
//! a free document), their content (a structured logframe or sanitised Markdown text), the
//! review workflow, the logframe quality check and the comparison of versions.

pub mod analysis;
pub mod budget;
pub mod diff;
pub mod iati;
pub mod logframe;
pub mod partnership;
pub mod proposal;
pub mod quality;
pub mod review;
pub mod strategy;
pub mod text;
pub mod tutoring;

use crate::policy::Rule;
use crate::roles::Role;
use serde::{Deserialize, Serialize};

/// People of the administration, its tutors, and programme staff: who sees its products.
const READERS: Rule = Rule::Workspace {
    local: &[Role::Coordinator, Role::Member, Role::Tutor],
    global: &[Role::Admin, Role::Staff],
};
/// Who writes an administration's products: its own people.
const AUTHORS: Rule = Rule::Workspace {
    local: &[Role::Coordinator, Role::Member],
    global: &[],
};

/// Who may do what with products.
pub const POLICY: &[(&str, Rule)] = &[
    ("products.list", READERS),
    ("products.new", AUTHORS),
    ("products.create", AUTHORS),
    ("products.show", READERS),
    ("products.edit", AUTHORS),
    ("products.save", AUTHORS),
    ("products.check", AUTHORS),
    ("products.preview", AUTHORS),
    ("products.versions", READERS),
    ("products.compare", READERS),
    ("products.export", READERS),
    ("products.iati", READERS),
    ("products.analysis", READERS),
    ("products.analysis_save", AUTHORS),
    ("products.review", READERS),
    ("products.comment", READERS),
    ("products.resolve", READERS),
    ("tutoring.inbox", Rule::SignedIn),
    ("notifications.list", Rule::SignedIn),
    ("notifications.read", Rule::SignedIn),
    ("tutoring.log", READERS),
    (
        "tutoring.record",
        Rule::Workspace {
            local: &[Role::Tutor],
            global: &[Role::Admin, Role::Staff],
        },
    ),
    (
        "tutoring.workload",
        Rule::Global(&[Role::Admin, Role::Staff]),
    ),
    (
        "products.publish_model",
        Rule::Global(&[Role::Admin, Role::Staff]),
    ),
    ("products.models", Rule::SignedIn),
    ("products.model", Rule::SignedIn),
];

/// Kinds of product: the seed's deliverables and a free document.
pub const KINDS: &[&str] = &[
    "macro_areas",
    "logframe",
    "strategic_plan",
    "communication_plan",
    "partnership_plan",
    "budget",
    "project_proposal",
    "organisational_analysis",
    "improvement_plan",
    "document",
];

/// Longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest Markdown text, in characters.
pub const MAX_TEXT: usize = 200_000;
/// Longest comment, in characters.
pub const MAX_COMMENT: usize = 5_000;

/// The sections a new text product of `kind` starts with, as message ids (`section-…`), so that
/// the outline appears in the author's language. Empty for the logframe and the free document.
pub fn sections(kind: &str) -> &'static [&'static str] {
    match kind {
        "macro_areas" => &[
            "section-chosen-areas",
            "section-rationale",
            "section-actors",
        ],
        "strategic_plan" => &[
            "section-chosen-areas",
            "section-priorities",
            "section-target-countries",
            "section-linked-logframes",
            "section-timeline",
        ],
        "communication_plan" => &[
            "section-objectives",
            "section-audiences",
            "section-messages",
            "section-channels",
            "section-timeline",
        ],
        "partnership_plan" => &[
            "section-partners",
            "section-roles",
            "section-agreements",
            "section-timeline",
        ],
        "budget" => &[
            "section-cost-items",
            "section-funding-sources",
            "section-cofinancing",
        ],
        "project_proposal" => &[
            "section-context",
            "section-objectives",
            "section-activities",
            "section-partners",
            "section-budget",
            "section-sustainability",
        ],
        "organisational_analysis" => &[
            "section-current-organisation",
            "section-strengths-weaknesses",
            "section-improvement-hypotheses",
        ],
        "improvement_plan" => &[
            "section-actions",
            "section-responsibilities",
            "section-timeline",
            "section-monitoring",
        ],
        _ => &[],
    }
}

/// What a product holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Content {
    Text { markdown: String },
    Logframe(logframe::Logframe),
    StrategicPlan(strategy::StrategicPlan),
    Budget(budget::BudgetProduct),
    Partnership(partnership::PartnershipProduct),
    Proposal(proposal::ProposalProduct),
}

impl Content {
    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The kind of content, as stored in its `type` field.
    pub fn type_code(&self) -> &'static str {
        match self {
            Content::Text { .. } => "text",
            Content::Logframe(_) => "logframe",
            Content::StrategicPlan(_) => "strategic_plan",
            Content::Budget(_) => "budget",
            Content::Partnership(_) => "partnership",
            Content::Proposal(_) => "proposal",
        }
    }

    /// Reads the stored form; an unreadable record is shown as empty text rather than lost.
    pub fn from_json(json: &str) -> Content {
        serde_json::from_str(json).unwrap_or(Content::Text {
            markdown: String::new(),
        })
    }

    /// The elements comments can be anchored to: `(anchor, label)`.
    pub fn anchors(&self) -> Vec<(String, String)> {
        match self {
            Content::Text { markdown } => text::headings(markdown)
                .into_iter()
                .map(|(slug, title)| (format!("sec:{slug}"), title))
                .collect(),
            Content::Logframe(lf) => {
                let numbers = lf.numbers();
                lf.anchors()
                    .into_iter()
                    .map(|a| (a.key, numbers[a.row].clone()))
                    .collect()
            }
            Content::StrategicPlan(plan) => {
                let mut out: Vec<(String, String)> = plan
                    .areas
                    .iter()
                    .map(|a| (format!("area:{}", a.macro_area), a.macro_area.clone()))
                    .collect();
                for part in strategy::PARTS {
                    out.push((format!("part:{part}"), part.to_string()));
                }
                out
            }
            Content::Budget(b) => b.budget.anchors(),
            Content::Partnership(p) => p.partnership.anchors(),
            Content::Proposal(p) => p.anchors(),
        }
    }
}

/// Checks a new product's title and kind.
pub fn check_new(
    title: &str,
    kind: &str,
) -> Result<(String, &'static str), crate::validation::Errors> {
    let mut errors = crate::validation::Errors::default();
    let title = crate::validation::required_line(&mut errors, "title", title, MAX_TITLE);
    let kind = KINDS.iter().find(|k| **k == kind.trim()).copied();
    if kind.is_none() {
        errors.add("kind", "error-choose");
    }
    match kind {
        Some(kind) if errors.is_empty() => Ok((title, kind)),
        _ => Err(errors),
    }
}

/// Checks a comment's text.
pub fn check_comment(body: &str) -> Result<String, crate::validation::Errors> {
    let mut errors = crate::validation::Errors::default();
    let body = crate::validation::required_text(&mut errors, "body", body, MAX_COMMENT);
    errors.into_result(body)
}

/// Checks a Markdown text.
pub fn check_text(markdown: &str) -> Result<String, crate::validation::Errors> {
    let mut errors = crate::validation::Errors::default();
    let t = markdown.replace("\r\n", "\n");
    if t.chars().count() > MAX_TEXT {
        errors.add("markdown", "error-too-long");
    } else if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        errors.add("markdown", "error-invalid-characters");
    }
    errors.into_result(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_product_type_is_a_kind() {
        for t in crate::programme::editing::PRODUCT_TYPES {
            assert!(KINDS.contains(t), "{t}");
        }
    }

    #[test]
    fn content_round_trips_and_survives_damage() {
        let lf = Content::Logframe(logframe::Logframe::starter(logframe::Mode::Classic));
        assert_eq!(Content::from_json(&lf.to_json()), lf);
        assert_eq!(
            Content::from_json("{not json"),
            Content::Text {
                markdown: String::new()
            }
        );
    }

    #[test]
    fn new_products_and_comments_are_checked() {
        assert!(check_new("Quadro logico Albania", "logframe").is_ok());
        assert!(check_new("", "logframe").is_err());
        assert!(check_new("Titolo", "poem").is_err());
        assert!(check_comment(" ").is_err());
        assert!(check_comment(&"x".repeat(MAX_COMMENT + 1)).is_err());
        assert!(check_text("a\u{0}b").is_err());
        assert_eq!(check_text("a\r\nb").unwrap(), "a\nb");
    }
}
