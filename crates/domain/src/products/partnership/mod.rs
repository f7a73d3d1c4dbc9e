//! The partnership of a project: its partners (from the registry or added by hand) with their
//! role, country, organisation type (the IATI OrganisationType codelist), legal status, contact,
//! contribution in words, share of the co-financing and letter of intent or mandate; the editor's
//! form read with every problem on its field; and the checks a tutor applies (one lead, target
//! countries covered, the call's minima), explained by message keys with typed arguments.

pub mod check;
pub mod form;
pub mod org_types;

use crate::products::budget::money::Decimal;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use check::check;

/// Most partners of a partnership.
pub const MAX_PARTNERS: usize = 60;
/// Longest name, legal status or contact, in characters.
pub const MAX_LINE: usize = 300;
/// Longest contribution in words, in characters.
pub const MAX_CONTRIBUTION: usize = 3_000;
/// Most decimals of a co-financing share, in percent.
pub const SHARE_SCALE: u32 = 2;

/// A partner's role in the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The lead partner (capofila), who signs with the funder.
    Lead,
    /// A full partner, with its own budget.
    #[default]
    Partner,
    /// An associate: takes part without a budget of its own.
    Associate,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Lead, Role::Partner, Role::Associate];

    pub fn code(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Partner => "partner",
            Role::Associate => "associate",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code.trim())
    }
}

/// What a partner's letter is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    /// A letter of intent (lettera d'intenti).
    Intent,
    /// A mandate to the lead partner (mandato).
    Mandate,
}

impl LetterKind {
    pub const ALL: [LetterKind; 2] = [LetterKind::Intent, LetterKind::Mandate];

    pub fn code(self) -> &'static str {
        match self {
            LetterKind::Intent => "intent",
            LetterKind::Mandate => "mandate",
        }
    }

    pub fn parse(code: &str) -> Option<LetterKind> {
        LetterKind::ALL
            .into_iter()
            .find(|k| k.code() == code.trim())
    }
}

/// A partner's signed letter: what it is, the library document holding it (when filed there) and
/// the date it was signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub kind: LetterKind,
    /// The library document's id; empty when the letter is not filed in the library.
    #[serde(default)]
    pub document: String,
    pub date: NaiveDate,
}

/// A partner.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Partner {
    /// Stable within the product.
    pub id: String,
    /// The registry's organisation id, when the partner comes from it.
    pub organisation: String,
    pub name: String,
    pub role: Role,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// An IATI OrganisationType code ([`org_types`]); empty when not stated.
    pub org_type: String,
    /// Legal status in words (ente pubblico territoriale, associazione, …).
    pub legal_status: String,
    /// Contact person, e-mail or telephone.
    pub contact: String,
    /// What the partner brings, in words.
    pub contribution: String,
    /// The partner's share of the project's co-financing, in percent, when stated.
    pub cofinancing: Option<Decimal>,
    pub letter: Option<Letter>,
}

/// A structured partnership.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Partnership {
    pub partners: Vec<Partner>,
    /// The last number given to a new id; ids are never reused.
    pub last_id: u32,
}

impl Partnership {
    /// A new id, never given before in this partnership.
    pub fn fresh_id(&mut self) -> String {
        loop {
            self.last_id = self.last_id.saturating_add(1);
            let id = format!("p{}", self.last_id);
            if !self.partners.iter().any(|p| p.id == id) || self.last_id == u32::MAX {
                return id;
            }
        }
    }

    /// The elements comments can be anchored to: each partner, `(anchor, label)`.
    pub fn anchors(&self) -> Vec<(String, String)> {
        self.partners
            .iter()
            .map(|p| (format!("partner:{}", p.id), p.name.clone()))
            .collect()
    }

    /// The partners that count for a call's minima: the lead and the full partners.
    pub fn counted(&self) -> impl Iterator<Item = &Partner> {
        self.partners.iter().filter(|p| p.role != Role::Associate)
    }
}

/// A partnership product's content: the partnership, the logframe whose target countries it must
/// cover and the call it answers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnershipProduct {
    /// The id of a logframe product of the same administration; empty when none is chosen.
    pub logframe: String,
    /// The id of a funding call; empty when none is chosen.
    pub call: String,
    pub partnership: Partnership,
}

#[cfg(test)]
mod tests;
