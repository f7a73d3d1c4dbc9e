//! Checks on what staff submit when they shape the programme: modules (title, texts, planned
//! days, delivery, expected products), the texts of phases, strands and dimensions, and cohorts.

use super::{Delivery, PlannedDays};
use crate::validation::{optional_text, required_line, Errors};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The product types a module can be expected to yield (the seed's deliverables), as codes shown
/// through `product-<code>` messages.
pub const PRODUCT_TYPES: &[&str] = &[
    "macro_areas",
    "logframe",
    "strategic_plan",
    "communication_plan",
    "partnership_plan",
    "budget",
    "project_proposal",
    "organisational_analysis",
    "improvement_plan",
];

/// The most days a single module may plan.
pub const MAX_DAYS_TENTHS: i64 = 300;

/// Reads days as people write them: "1,5", "1.5", "2". Returns tenths of a day.
pub fn parse_days(text: &str) -> Option<i64> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() || t.len() > 6 {
        return None;
    }
    let (whole, fraction) = match t.split_once('.') {
        Some((w, f)) => (w, f),
        None => (t.as_str(), ""),
    };
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let tenths = match fraction {
        "" | "0" => 0,
        f if f.len() == 1 && f.chars().all(|c| c.is_ascii_digit()) => f.parse::<i64>().ok()?,
        _ => return None,
    };
    Some(whole.parse::<i64>().ok()? * 10 + tenths)
}

/// A module form as submitted. Products arrive as repeated `product` fields.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ModuleForm {
    pub title: String,
    pub description: String,
    pub objectives: String,
    pub dimension_id: String,
    pub days_min: String,
    pub days_max: String,
    pub delivery: String,
    pub products: Vec<String>,
}

impl ModuleForm {
    /// Builds the form from urlencoded pairs (so that `product` may repeat).
    pub fn from_pairs(pairs: &[(String, String)]) -> ModuleForm {
        let mut f = ModuleForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "title" => f.title = v.clone(),
                "description" => f.description = v.clone(),
                "objectives" => f.objectives = v.clone(),
                "dimension_id" => f.dimension_id = v.clone(),
                "days_min" => f.days_min = v.clone(),
                "days_max" => f.days_max = v.clone(),
                "delivery" => f.delivery = v.clone(),
                "product" => f.products.push(v.clone()),
                _ => {}
            }
        }
        f
    }
}

/// A checked module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleDraft {
    pub title: String,
    pub description: String,
    pub objectives: String,
    pub dimension_id: Option<Uuid>,
    pub days: PlannedDays,
    pub delivery: Delivery,
    pub products: Vec<String>,
}

impl ModuleForm {
    /// Checks the form; `dimensions` are the dimensions of the module's strand.
    pub fn check(&self, dimensions: &[Uuid]) -> Result<ModuleDraft, Errors> {
        let mut errors = Errors::default();
        let title = required_line(&mut errors, "title", &self.title, 300);
        let description =
            optional_text(&mut errors, "description", &self.description, 4000).unwrap_or_default();
        let objectives =
            optional_text(&mut errors, "objectives", &self.objectives, 4000).unwrap_or_default();
        let dimension_id = match self.dimension_id.trim() {
            "" => None,
            d => match Uuid::parse_str(d).ok().filter(|id| dimensions.contains(id)) {
                Some(id) => Some(id),
                None => {
                    errors.add("dimension_id", "error-choose");
                    None
                }
            },
        };
        let day = |errors: &mut Errors, field: &'static str, text: &str| match parse_days(text) {
            Some(t) if (5..=MAX_DAYS_TENTHS).contains(&t) => Some(t),
            _ => {
                errors.add(field, "error-days");
                None
            }
        };
        let min = day(&mut errors, "days_min", &self.days_min);
        let max = if self.days_max.trim().is_empty() {
            min
        } else {
            day(&mut errors, "days_max", &self.days_max)
        };
        if let (Some(a), Some(b)) = (min, max) {
            if b < a {
                errors.add("days_max", "error-days-range");
            }
        }
        let delivery = Delivery::parse(self.delivery.trim());
        if delivery.is_none() {
            errors.add("delivery", "error-choose");
        }
        let mut products = Vec::new();
        for p in &self.products {
            let p = p.trim();
            if !PRODUCT_TYPES.contains(&p) {
                errors.add("products", "error-choose");
            } else if !products.iter().any(|x: &String| x == p) {
                products.push(p.to_string());
            }
        }
        match (min, max, delivery) {
            (Some(a), Some(b), Some(delivery)) if errors.is_empty() => Ok(ModuleDraft {
                title,
                description,
                objectives,
                dimension_id,
                days: PlannedDays::new(a, b),
                delivery,
                products,
            }),
            _ => Err(errors),
        }
    }
}

/// The texts of a phase, strand or dimension: a title and a longer text.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TextsForm {
    pub title: String,
    pub text: String,
}

impl TextsForm {
    /// Checks the texts: a title up to 300 characters, a text up to 4,000.
    pub fn check(&self) -> Result<(String, String), Errors> {
        let mut errors = Errors::default();
        let title = required_line(&mut errors, "title", &self.title, 300);
        let text = optional_text(&mut errors, "text", &self.text, 4000).unwrap_or_default();
        errors.into_result((title, text))
    }
}

/// A cohort form: organisations and strands arrive as repeated fields.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CohortForm {
    pub name: String,
    pub description: String,
    pub phase_id: String,
    pub organisations: Vec<String>,
    pub strands: Vec<String>,
}

/// A checked cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CohortDraft {
    pub name: String,
    pub description: String,
    pub phase_id: Uuid,
    pub organisations: Vec<Uuid>,
    pub strands: Vec<Uuid>,
}

fn ids(values: &[String], allowed: &[Uuid]) -> Option<Vec<Uuid>> {
    let mut out = Vec::new();
    for v in values {
        let id = Uuid::parse_str(v.trim())
            .ok()
            .filter(|id| allowed.contains(id))?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Some(out)
}

impl CohortForm {
    /// Builds the form from urlencoded pairs.
    pub fn from_pairs(pairs: &[(String, String)]) -> CohortForm {
        let mut f = CohortForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "name" => f.name = v.clone(),
                "description" => f.description = v.clone(),
                "phase_id" => f.phase_id = v.clone(),
                "organisation" => f.organisations.push(v.clone()),
                "strand" => f.strands.push(v.clone()),
                _ => {}
            }
        }
        f
    }

    /// Checks the cohort against the phases, organisations and strands that exist; a cohort needs
    /// at least one administration and one strand.
    pub fn check(
        &self,
        phases: &[Uuid],
        organisations: &[Uuid],
        strands: &[Uuid],
    ) -> Result<CohortDraft, Errors> {
        let mut errors = Errors::default();
        let name = required_line(&mut errors, "name", &self.name, 200);
        let description =
            optional_text(&mut errors, "description", &self.description, 4000).unwrap_or_default();
        let phase_id = Uuid::parse_str(self.phase_id.trim())
            .ok()
            .filter(|id| phases.contains(id));
        if phase_id.is_none() {
            errors.add("phase_id", "error-choose");
        }
        let orgs = ids(&self.organisations, organisations);
        match &orgs {
            None => errors.add("organisations", "error-choose"),
            Some(o) if o.is_empty() => errors.add("organisations", "error-cohort-organisations"),
            _ => {}
        }
        let chosen = ids(&self.strands, strands);
        match &chosen {
            None => errors.add("strands", "error-choose"),
            Some(s) if s.is_empty() => errors.add("strands", "error-cohort-strands"),
            _ => {}
        }
        match (phase_id, orgs, chosen) {
            (Some(phase_id), Some(organisations), Some(strands)) if errors.is_empty() => {
                Ok(CohortDraft {
                    name,
                    description,
                    phase_id,
                    organisations,
                    strands,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Which way an item moves in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    /// Parses `up` or `down`.
    pub fn parse(text: &str) -> Option<Direction> {
        match text.trim() {
            "up" => Some(Direction::Up),
            "down" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// The index `from` moves to in a list of `len` items, or `None` at either end.
pub fn moved(from: usize, len: usize, direction: Direction) -> Option<usize> {
    match direction {
        Direction::Up => from.checked_sub(1),
        Direction::Down => (from + 1 < len).then_some(from + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_as_people_type_them() {
        assert_eq!(parse_days("1,5"), Some(15));
        assert_eq!(parse_days(" 1.5 "), Some(15));
        assert_eq!(parse_days("4"), Some(40));
        assert_eq!(parse_days("4,0"), Some(40));
        for bad in ["", "1,55", "-1", "uno", "1,5,5", ",5", "1e3"] {
            assert_eq!(parse_days(bad), None, "{bad}");
        }
    }

    #[test]
    fn module_forms() {
        let d = Uuid::from_u128(7);
        let ok = ModuleForm {
            title: "Quadri logici".into(),
            days_min: "4".into(),
            days_max: "5".into(),
            delivery: "in_person".into(),
            dimension_id: d.to_string(),
            products: vec!["logframe".into(), "logframe".into()],
            ..Default::default()
        }
        .check(&[d])
        .unwrap();
        assert_eq!(ok.days, PlannedDays::new(40, 50));
        assert_eq!(ok.products, vec!["logframe".to_string()]);
        assert_eq!(ok.dimension_id, Some(d));
        let bad = ModuleForm {
            title: String::new(),
            days_min: "5".into(),
            days_max: "4".into(),
            delivery: "by pigeon".into(),
            dimension_id: Uuid::from_u128(8).to_string(),
            products: vec!["novel".into()],
            ..Default::default()
        }
        .check(&[d])
        .unwrap_err();
        for (field, key) in [
            ("title", "error-required"),
            ("days_max", "error-days-range"),
            ("delivery", "error-choose"),
            ("dimension_id", "error-choose"),
            ("products", "error-choose"),
        ] {
            assert_eq!(bad.for_field(field), Some(key), "{field}");
        }
        let zero = ModuleForm {
            title: "x".into(),
            days_min: "0".into(),
            delivery: "remote".into(),
            ..Default::default()
        }
        .check(&[])
        .unwrap_err();
        assert_eq!(zero.for_field("days_min"), Some("error-days"));
    }

    #[test]
    fn cohort_forms() {
        let (p, o, s) = (Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3));
        let pairs: Vec<(String, String)> = [
            ("name", "Nuovo gruppo"),
            ("phase_id", &p.to_string()),
            ("organisation", &o.to_string()),
            ("strand", &s.to_string()),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let ok = CohortForm::from_pairs(&pairs)
            .check(&[p], &[o], &[s])
            .unwrap();
        assert_eq!(ok.organisations, vec![o]);
        let empty = CohortForm {
            name: "x".into(),
            phase_id: p.to_string(),
            ..Default::default()
        }
        .check(&[p], &[o], &[s])
        .unwrap_err();
        assert_eq!(
            empty.for_field("organisations"),
            Some("error-cohort-organisations")
        );
        assert_eq!(empty.for_field("strands"), Some("error-cohort-strands"));
        let forged = CohortForm {
            organisations: vec![Uuid::from_u128(99).to_string()],
            ..CohortForm::from_pairs(&pairs)
        }
        .check(&[p], &[o], &[s])
        .unwrap_err();
        assert_eq!(forged.for_field("organisations"), Some("error-choose"));
    }

    #[test]
    fn moving_within_a_list() {
        assert_eq!(moved(0, 3, Direction::Up), None);
        assert_eq!(moved(1, 3, Direction::Up), Some(0));
        assert_eq!(moved(2, 3, Direction::Down), None);
        assert_eq!(moved(0, 3, Direction::Down), Some(1));
    }
}
