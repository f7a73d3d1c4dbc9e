//! The programme as the seed describes it: phases, strands (ambiti), dimensions, modules with their
//! planned days, and cohorts of administrations.

pub mod editing;

use crate::locale::Locale;
use crate::policy::Rule;
use crate::roles::Role;
use serde::{Deserialize, Serialize};

const STAFF: &[Role] = &[Role::Staff, Role::Admin];

/// Reading the programme is public: it is the programme's shop window. Staff shape it.
pub const POLICY: &[(&str, Rule)] = &[
    ("programme.overview", Rule::Public),
    ("programme.strand", Rule::Public),
    ("programme.module", Rule::Public),
    ("programme.cohort", Rule::Public),
    ("programme.structure", Rule::Global(STAFF)),
    ("programme.module_new", Rule::Global(STAFF)),
    ("programme.module_create", Rule::Global(STAFF)),
    ("programme.module_edit", Rule::Global(STAFF)),
    ("programme.module_update", Rule::Global(STAFF)),
    ("programme.module_move", Rule::Global(STAFF)),
    ("programme.texts_edit", Rule::Global(STAFF)),
    ("programme.texts_update", Rule::Global(STAFF)),
    ("programme.phase_create", Rule::Global(STAFF)),
    ("programme.dimension_create", Rule::Global(STAFF)),
    ("programme.cohort_new", Rule::Global(STAFF)),
    ("programme.cohort_create", Rule::Global(STAFF)),
    ("programme.cohort_edit", Rule::Global(STAFF)),
    ("programme.cohort_update", Rule::Global(STAFF)),
];

/// How a module is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    InPerson,
    Remote,
}

impl Delivery {
    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<Delivery> {
        match code {
            "in_person" => Some(Delivery::InPerson),
            "remote" => Some(Delivery::Remote),
            _ => None,
        }
    }

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Delivery::InPerson => "in_person",
            Delivery::Remote => "remote",
        }
    }
}

/// Planned days of a module in tenths of a day, as a range when the seed gives one ("4/5").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedDays {
    pub min_tenths: i64,
    pub max_tenths: i64,
}

impl PlannedDays {
    /// A range of days; the bounds are swapped if given in the wrong order.
    pub fn new(min_tenths: i64, max_tenths: i64) -> PlannedDays {
        PlannedDays {
            min_tenths: min_tenths.min(max_tenths),
            max_tenths: min_tenths.max(max_tenths),
        }
    }

    /// The number as written in `locale`: "1,5" or "4–5".
    pub fn number(self, locale: Locale) -> String {
        if self.min_tenths == self.max_tenths {
            locale.tenths(self.min_tenths)
        } else {
            format!(
                "{}–{}",
                locale.tenths(self.min_tenths),
                locale.tenths(self.max_tenths)
            )
        }
    }

    /// Whether the wording takes the singular ("1 giornata"): exactly one day.
    pub fn is_one(self) -> bool {
        self.min_tenths == 10 && self.max_tenths == 10
    }

    /// Sums planned days of several modules, bound by bound.
    pub fn total(days: impl IntoIterator<Item = PlannedDays>) -> PlannedDays {
        days.into_iter()
            .fold(PlannedDays::new(0, 0), |acc, d| PlannedDays {
                min_tenths: acc.min_tenths + d.min_tenths,
                max_tenths: acc.max_tenths + d.max_tenths,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_as_the_seed_writes_them() {
        assert_eq!(PlannedDays::new(15, 15).number(Locale::It), "1,5");
        assert_eq!(PlannedDays::new(50, 40).number(Locale::It), "4–5");
        assert!(PlannedDays::new(10, 10).is_one());
        assert!(!PlannedDays::new(15, 15).is_one());
        // Strand A dimension 1: 1,5 + 1,5 + 1,5 + 1 = 5,5 days.
        let d1 = [15, 15, 15, 10].map(|t| PlannedDays::new(t, t));
        assert_eq!(PlannedDays::total(d1).number(Locale::It), "5,5");
        assert_eq!(PlannedDays::total(d1).number(Locale::En), "5.5");
    }
}
