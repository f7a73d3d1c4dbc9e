//! The rules of the IATI standard (2.03) that its XML Schema does not express, after the IATI
//! Standard Ruleset: a start date, dates in order, sector percentages summing to 100 within each
//! vocabulary and country percentages summing to 100, budget periods of at most a year inside
//! the activity's dates, the identifier prefixed by the reporting organisation's, codes from the
//! codelists, numeric values for non-qualitative indicators and a year for every baseline. Each
//! failure names its element by an XPath-like path and explains itself by a message key.

use super::{is_decimal, one_year_after, Activity, Narrative};
use crate::products::review::State;
use std::collections::{BTreeMap, BTreeSet};

/// Message keys, each with the arguments it takes (besides the element's path).
pub mod messages {
    /// The product has not gone to the tutor.
    pub const STATE: &str = "iati-failure-state";
    /// A required element is missing or empty.
    pub const MISSING: &str = "iati-failure-missing";
    /// The identifier lacks the reporting organisation's prefix. Args: `prefix`.
    pub const PREFIX: &str = "iati-failure-prefix";
    /// A start after its end. Args: `start`, `end`.
    pub const ORDER: &str = "iati-failure-order";
    /// Percentages that do not sum to 100. Args: `sum`.
    pub const PERCENTAGES: &str = "iati-failure-percentages";
    /// A code not in its codelist. Args: `code`, `codelist`.
    pub const CODE: &str = "iati-failure-code";
    /// A budget period outside the activity's dates. Args: `start`, `end`.
    pub const OUTSIDE: &str = "iati-failure-outside";
    /// A budget period longer than a year. Args: `start`, `end`.
    pub const TOO_LONG: &str = "iati-failure-too-long";
    /// A negative amount.
    pub const NEGATIVE: &str = "iati-failure-negative";
    /// A value that is not a number. Args: `value`.
    pub const NUMBER: &str = "iati-failure-number";
    /// A result without an indicator.
    pub const INDICATOR: &str = "iati-failure-indicator";
    /// The budget cannot be computed. Args: `reason` (a budget message key).
    pub const BUDGET: &str = "iati-failure-budget";
    /// Two elements for the same code. Args: `code`.
    pub const TWICE: &str = "iati-failure-twice";
}

/// A rule the activity breaks, on one element.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Failure {
    /// The element, as an XPath from `iati-activity` (`sector[@vocabulary='1']/@percentage`).
    pub path: String,
    pub message: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)?;
        for (k, v) in &self.args {
            write!(f, " {k}={v}")?;
        }
        Ok(())
    }
}

/// The codes the checks accept. `sectors` is `None` when the sector list is not known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Codelists {
    pub countries: BTreeSet<String>,
    pub sectors: Option<BTreeSet<String>>,
    pub org_types: BTreeSet<String>,
    pub currencies: BTreeSet<String>,
}

impl Codelists {
    /// What the platform itself knows: the countries it offers, the OrganisationType codelist,
    /// the budget's currencies; sectors not checked.
    pub fn builtin() -> Codelists {
        Codelists {
            countries: crate::library::places::COUNTRIES
                .iter()
                .map(|c| c.code.to_string())
                .collect(),
            sectors: None,
            org_types: crate::products::partnership::org_types::CODES
                .iter()
                .map(|(c, _)| c.to_string())
                .collect(),
            currencies: crate::products::budget::money::Currency::ALL
                .iter()
                .map(|c| c.code().to_string())
                .collect(),
        }
    }

    /// The codes of an IATI codelist file (its `codelist-item/code` elements).
    pub fn codes(xml: &str) -> BTreeSet<String> {
        xml.split("<code>")
            .skip(1)
            .filter_map(|s| s.split("</code>").next())
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect()
    }
}

fn narrative_empty(n: &[Narrative]) -> bool {
    n.iter().all(|x| x.text.trim().is_empty())
}

/// Every rule `a` breaks, in the order of the elements in the file.
pub fn check(a: &Activity, codes: &Codelists) -> Vec<Failure> {
    use messages as m;
    let mut out = Vec::new();
    let mut fail = |path: String, message: &'static str, args: Vec<(&'static str, String)>| {
        out.push(Failure {
            path,
            message,
            args,
        })
    };
    if !matches!(
        a.state,
        State::Submitted | State::Resubmitted | State::Approved
    ) {
        fail("iati-activity".into(), m::STATE, vec![]);
    }
    if !codes.currencies.contains(&a.default_currency) {
        fail(
            "@default-currency".into(),
            m::CODE,
            vec![
                ("code", a.default_currency.clone()),
                ("codelist", "Currency".into()),
            ],
        );
    }
    if a.reporting_org.reference.is_empty() {
        fail("reporting-org/@ref".into(), m::MISSING, vec![]);
    } else if !a
        .identifier
        .starts_with(&format!("{}-", a.reporting_org.reference))
    {
        fail(
            "iati-identifier".into(),
            m::PREFIX,
            vec![("prefix", a.reporting_org.reference.clone())],
        );
    }
    if !a.reporting_org.org_type.is_empty() && !codes.org_types.contains(&a.reporting_org.org_type)
    {
        fail(
            "reporting-org/@type".into(),
            m::CODE,
            vec![
                ("code", a.reporting_org.org_type.clone()),
                ("codelist", "OrganisationType".into()),
            ],
        );
    }
    if narrative_empty(&a.title) {
        fail("title/narrative".into(), m::MISSING, vec![]);
    }
    if narrative_empty(&a.description) {
        fail("description/narrative".into(), m::MISSING, vec![]);
    }
    if a.participating.is_empty() {
        fail("participating-org".into(), m::MISSING, vec![]);
    }
    for (i, org) in a.participating.iter().enumerate() {
        let at = format!("participating-org[{}]", i + 1);
        if narrative_empty(&org.name) && org.reference.is_empty() {
            fail(format!("{at}/narrative"), m::MISSING, vec![]);
        }
        if !org.org_type.is_empty() && !codes.org_types.contains(&org.org_type) {
            fail(
                format!("{at}/@type"),
                m::CODE,
                vec![
                    ("code", org.org_type.clone()),
                    ("codelist", "OrganisationType".into()),
                ],
            );
        }
    }
    let start = a.planned_start;
    let end = a.planned_end;
    if start.is_none() {
        fail("activity-date[@type='1']".into(), m::MISSING, vec![]);
    }
    if end.is_none() {
        fail("activity-date[@type='3']".into(), m::MISSING, vec![]);
    }
    if let (Some(s), Some(e)) = (start, end) {
        if s > e {
            fail(
                "activity-date[@type='3']/@iso-date".into(),
                m::ORDER,
                vec![("start", s.to_string()), ("end", e.to_string())],
            );
        }
    }

    if a.countries.is_empty() {
        fail("recipient-country".into(), m::MISSING, vec![]);
    }
    let mut seen = BTreeSet::new();
    for (i, c) in a.countries.iter().enumerate() {
        let at = format!("recipient-country[{}]/@code", i + 1);
        if !seen.insert(&c.code) {
            fail(at, m::TWICE, vec![("code", c.code.clone())]);
        } else if !codes.countries.contains(&c.code) {
            fail(
                at,
                m::CODE,
                vec![("code", c.code.clone()), ("codelist", "Country".into())],
            );
        }
    }
    let sum: u64 = a.countries.iter().map(|c| u64::from(c.basis_points)).sum();
    if !a.countries.is_empty() && sum != 10_000 {
        fail(
            "recipient-country/@percentage".into(),
            m::PERCENTAGES,
            vec![(
                "sum",
                super::format_percent(sum.min(u64::from(u32::MAX)) as u32),
            )],
        );
    }

    if a.sectors.is_empty() {
        fail("sector".into(), m::MISSING, vec![]);
    }
    let mut by_vocabulary: BTreeMap<&str, u64> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for (i, s) in a.sectors.iter().enumerate() {
        let at = format!("sector[{}]/@code", i + 1);
        let known = match (s.vocabulary.as_str(), &codes.sectors) {
            ("1", Some(list)) => list.contains(&s.code) && s.code.len() == 5,
            ("2", Some(list)) => list.contains(&s.code) && s.code.len() == 3,
            ("1", None) => s.code.len() == 5,
            ("2", None) => s.code.len() == 3,
            _ => false,
        };
        if !seen.insert((&s.vocabulary, &s.code)) {
            fail(at, m::TWICE, vec![("code", s.code.clone())]);
            continue;
        }
        if !known {
            fail(
                at,
                m::CODE,
                vec![("code", s.code.clone()), ("codelist", "Sector".into())],
            );
            continue;
        }
        *by_vocabulary.entry(s.vocabulary.as_str()).or_default() += u64::from(s.basis_points);
    }
    for (vocabulary, sum) in by_vocabulary {
        if sum != 10_000 {
            fail(
                format!("sector[@vocabulary='{vocabulary}']/@percentage"),
                m::PERCENTAGES,
                vec![(
                    "sum",
                    super::format_percent(sum.min(u64::from(u32::MAX)) as u32),
                )],
            );
        }
    }

    if let Some(reason) = &a.budget_error {
        fail("budget".into(), m::BUDGET, vec![("reason", reason.clone())]);
    }
    for (i, b) in a.budgets.iter().enumerate() {
        let at = format!("budget[{}]", i + 1);
        let dates = vec![("start", b.start.to_string()), ("end", b.end.to_string())];
        if b.start > b.end {
            fail(format!("{at}/period-end"), m::ORDER, dates);
            continue;
        }
        if one_year_after(b.start).is_none_or(|limit| b.end >= limit) {
            fail(at.clone(), m::TOO_LONG, dates.clone());
        }
        if start.is_some_and(|s| b.start < s) {
            fail(format!("{at}/period-start"), m::OUTSIDE, dates.clone());
        }
        if end.is_some_and(|e| b.end > e) {
            fail(format!("{at}/period-end"), m::OUTSIDE, dates);
        }
        if b.value < 0 {
            fail(format!("{at}/value"), m::NEGATIVE, vec![]);
        }
    }

    for (r, result) in a.results.iter().enumerate() {
        let at = format!("result[{}]", r + 1);
        if narrative_empty(&result.title) {
            fail(format!("{at}/title/narrative"), m::MISSING, vec![]);
        }
        if result.indicators.is_empty() {
            fail(format!("{at}/indicator"), m::INDICATOR, vec![]);
        }
        for (k, ind) in result.indicators.iter().enumerate() {
            let at = format!("{at}/indicator[{}]", k + 1);
            if narrative_empty(&ind.title) {
                fail(format!("{at}/title/narrative"), m::MISSING, vec![]);
            }
            let qualitative = ind.measure == "5";
            let number = |value: &Option<String>| -> Option<String> {
                match value {
                    Some(v) if !qualitative && !is_decimal(v) => Some(v.clone()),
                    _ => None,
                }
            };
            if let Some(b) = &ind.baseline {
                if b.year.is_none() {
                    fail(format!("{at}/baseline/@year"), m::MISSING, vec![]);
                }
                if let Some(v) = number(&b.value) {
                    fail(
                        format!("{at}/baseline/@value"),
                        m::NUMBER,
                        vec![("value", v)],
                    );
                }
            }
            if let Some(t) = &ind.target {
                if t.start > t.end {
                    fail(
                        format!("{at}/period/period-end"),
                        m::ORDER,
                        vec![("start", t.start.to_string()), ("end", t.end.to_string())],
                    );
                }
                if let Some(v) = number(&t.value) {
                    fail(
                        format!("{at}/period/target/@value"),
                        m::NUMBER,
                        vec![("value", v)],
                    );
                }
            }
        }
    }
    out
}
