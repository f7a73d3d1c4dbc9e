//! The IATI activity (standard 2.03) a project publishes: built from the logframe the project is
//! drafted in, with the partnership and the budget tied to it, into a model the XML writer turns
//! into a file element by element; and the standard's rules the XML Schema does not express,
//! checked on that model, each failure naming its element ([`rules`]).
//!
//! The source of an activity is a logframe product: it holds the objectives, indicators, target
//! countries, sectors and end date; the partnership and budget products that name it give the
//! participating organisations and the budget by year. It is exportable once it has gone to the
//! tutor (submitted, resubmitted or approved), so that what is published is what was reviewed.

pub mod rules;

use crate::products::budget::money::{Decimal, MoneyError};
use crate::products::budget::Budget;
use crate::products::logframe::{Direction, Level, Logframe, Measure};
use crate::products::partnership::{self, Partnership};
use crate::products::review::State;
use chrono::{Months, NaiveDate};
use std::collections::BTreeMap;

pub use rules::{check, Codelists, Failure};

/// The registration agency of Italian tax codes (codice fiscale), in the IATI
/// OrganisationRegistrationAgency codelist.
pub const TAX_CODE_AGENCY: &str = "IT-CF";

/// A text in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narrative {
    pub lang: String,
    pub text: String,
}

/// An organisation of the activity: the reporting one or a participating one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Org {
    /// Its IATI organisation identifier; empty when it has none.
    pub reference: String,
    /// An OrganisationRole code (participating organisations only).
    pub role: String,
    /// An OrganisationType code; empty when not known.
    pub org_type: String,
    pub name: Vec<Narrative>,
}

/// A code with its share of the activity, in hundredths of a percent (basis points).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    pub code: String,
    /// A SectorVocabulary code (sectors only; empty for countries).
    pub vocabulary: String,
    pub basis_points: u32,
}

/// A budget period with its value in minor units of the activity's currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetPeriod {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub value: i64,
    pub value_date: NaiveDate,
}

/// An indicator of a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    /// An IndicatorMeasure code: 1 unit, 2 percentage, 5 qualitative.
    pub measure: String,
    pub ascending: Option<bool>,
    pub title: Vec<Narrative>,
    /// The unit and the source of verification, in words.
    pub description: Vec<Narrative>,
    pub baseline: Option<Baseline>,
    pub target: Option<Target>,
}

/// Where an indicator starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baseline {
    pub year: Option<i32>,
    /// A decimal number with a dot, as written in the file; `None` for qualitative measures.
    pub value: Option<String>,
    /// The value in words (qualitative measures, or a number that could not be read).
    pub comment: Vec<Narrative>,
}

/// Where an indicator should arrive, over a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub value: Option<String>,
    pub comment: Vec<Narrative>,
}

/// A result of the logframe, with its indicators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultOut {
    /// A ResultType code: 1 output, 2 outcome, 3 impact.
    pub result_type: String,
    pub title: Vec<Narrative>,
    pub indicators: Vec<Indicator>,
}

/// One IATI activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub identifier: String,
    pub lang: String,
    /// An ISO 4217 code; budgets are in its minor units.
    pub default_currency: String,
    pub reporting_org: Org,
    pub title: Vec<Narrative>,
    pub description: Vec<Narrative>,
    pub participating: Vec<Org>,
    /// An ActivityStatus code.
    pub status: String,
    pub planned_start: Option<NaiveDate>,
    pub planned_end: Option<NaiveDate>,
    pub countries: Vec<Share>,
    pub sectors: Vec<Share>,
    pub budgets: Vec<BudgetPeriod>,
    pub results: Vec<ResultOut>,
    /// Why the budget could not be computed, when it could not.
    pub budget_error: Option<String>,
    /// The source product's review state; only a reviewed product is published.
    pub state: State,
}

/// The administration that publishes the activity.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reporting {
    /// The registry's organisation id.
    pub organisation: String,
    pub name: String,
    /// Its codice fiscale, when the registry has it.
    pub tax_code: Option<String>,
    /// An OrganisationType code.
    pub org_type: String,
}

/// What an activity is built from.
#[derive(Debug, Clone)]
pub struct Project<'a> {
    /// The logframe product's id, which makes the activity's identifier unique.
    pub id: String,
    pub title: &'a str,
    pub state: State,
    pub logframe: &'a Logframe,
    pub reporting: Reporting,
    pub partnership: Option<&'a Partnership>,
    pub budget: Option<&'a Budget>,
    /// The funding programme of the call the project answers, when one is chosen.
    pub funder: Option<String>,
    /// The interregional initiatives that carry the project: where each is in its life, and
    /// whether it was ever funded.
    pub initiatives: Vec<(crate::network::initiatives::State, bool)>,
    /// The title and summary in other languages, from the proposal that answers a call with the
    /// logframe (by language code); empty when there is none.
    pub translations: BTreeMap<String, crate::products::proposal::Translation>,
}

/// The IATI ActivityStatus of a project from the initiatives that carry it: in implementation
/// while one is funded or running (2), closed once one closed after being funded (4), cancelled
/// when every one was turned down or closed without funding (5), otherwise still in its pipeline
/// (1: an idea, in preparation, submitted, or carried by no initiative).
pub fn activity_status(initiatives: &[(crate::network::initiatives::State, bool)]) -> &'static str {
    use crate::network::initiatives::State as S;
    if initiatives
        .iter()
        .any(|(s, _)| matches!(s, S::Funded | S::Running))
    {
        "2"
    } else if initiatives
        .iter()
        .any(|(s, funded)| *s == S::Closed && *funded)
    {
        "4"
    } else if !initiatives.is_empty()
        && initiatives
            .iter()
            .all(|(s, _)| matches!(s, S::NotFunded | S::Closed))
    {
        "5"
    } else {
        "1"
    }
}

/// The IATI organisation identifier of an Italian body from its codice fiscale.
pub fn org_ref(tax_code: Option<&str>) -> String {
    match tax_code.map(str::trim) {
        Some(code) if !code.is_empty() => format!("{TAX_CODE_AGENCY}-{code}"),
        _ => String::new(),
    }
}

/// Splits 100 % into `n` shares of basis points that sum to exactly 10 000: the first
/// `10 000 mod n` shares get one basis point more.
pub fn split_percent(n: usize) -> Vec<u32> {
    if n == 0 {
        return Vec::new();
    }
    let n32 = u32::try_from(n).unwrap_or(u32::MAX);
    let base = 10_000 / n32;
    let rest = (10_000 % n32) as usize;
    (0..n).map(|i| base + u32::from(i < rest)).collect()
}

/// Basis points as the percentage the file writes: `33.34`, `50`.
pub fn format_percent(bp: u32) -> String {
    if bp.is_multiple_of(100) {
        (bp / 100).to_string()
    } else {
        format!("{}.{:02}", bp / 100, bp % 100)
    }
}

/// Minor units (cents) as a decimal amount with two decimals: `1234.50`, `-0.05`.
pub fn format_amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// Whether `value` is a decimal number as XML Schema writes one (`-12.5`, `3`).
pub fn is_decimal(value: &str) -> bool {
    let v = value.strip_prefix('-').unwrap_or(value);
    let (int, frac) = v.split_once('.').unwrap_or((v, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// An indicator value as a decimal with a dot, read by the matrix's language; the text itself
/// when it is not a number (the checks then name it).
fn decimal(text: &str, lang: &str) -> String {
    let t = text.trim().trim_end_matches('%').trim();
    let locale = crate::locale::Locale::parse(lang).unwrap_or_default();
    match Decimal::parse(t, locale, crate::products::budget::money::MAX_SCALE) {
        Ok(d) => d.plain(),
        Err(MoneyError::Negative) => match Decimal::parse(t.trim_start_matches('-'), locale, 9) {
            Ok(d) => format!("-{}", d.plain()),
            Err(_) => text.trim().to_string(),
        },
        Err(_) => text.trim().to_string(),
    }
}

fn narrative(lang: &str, text: &str) -> Vec<Narrative> {
    vec![Narrative {
        lang: lang.to_string(),
        text: text.trim().to_string(),
    }]
}

/// `text` in `lang`, then what `of` gives in each other language of `translations` where it is
/// written (a language is never given twice: the logframe's own text stands for its language; an
/// empty one is never published beside others).
fn in_languages(
    lang: &str,
    text: &str,
    translations: &BTreeMap<String, crate::products::proposal::Translation>,
    of: impl Fn(&crate::products::proposal::Translation) -> &String,
) -> Vec<Narrative> {
    let others: Vec<Narrative> = translations
        .iter()
        .filter(|(code, t)| *code != lang && !of(t).trim().is_empty())
        .map(|(code, t)| Narrative {
            lang: code.clone(),
            text: of(t).trim().to_string(),
        })
        .collect();
    // An empty text in the logframe's language is left out when another language has one (and
    // kept alone otherwise, for the checks to name it as missing).
    let mut out = narrative(lang, text);
    if text.trim().is_empty() && !others.is_empty() {
        out.clear();
    }
    out.extend(others);
    out
}

/// One budget per year of `by_year` (amounts in minor units): a year the activity only partly
/// covers is cut to its dates; a year outside them stays whole, for the checks to name it.
pub fn budget_periods(
    by_year: &BTreeMap<i32, i64>,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Vec<BudgetPeriod> {
    by_year
        .iter()
        .filter_map(|(year, value)| {
            let first = NaiveDate::from_ymd_opt(*year, 1, 1)?;
            let last = NaiveDate::from_ymd_opt(*year, 12, 31)?;
            let from = start.filter(|s| *s > first && *s <= last).unwrap_or(first);
            let to = end.filter(|e| *e < last && *e >= first).unwrap_or(last);
            Some(BudgetPeriod {
                start: from,
                end: to,
                value: *value,
                value_date: from,
            })
        })
        .collect()
}

/// The activity's planned start: the end less the budget's duration, else the first day of the
/// budget's first year, else the earliest baseline year's first day.
fn planned_start(
    lf: &Logframe,
    end: Option<NaiveDate>,
    budget: Option<&Budget>,
) -> Option<NaiveDate> {
    if let (Some(end), Some(months)) = (end, budget.and_then(|b| b.duration_months)) {
        if months > 0 {
            return end
                .checked_sub_months(Months::new(months))
                .and_then(|d| d.succ_opt());
        }
    }
    let first_year = budget
        .and_then(|b| b.lines.iter().map(|l| l.year).min())
        .or_else(|| {
            lf.rows
                .iter()
                .flat_map(|r| r.indicators.iter())
                .filter_map(|i| i.baseline_year)
                .min()
        })?;
    NaiveDate::from_ymd_opt(first_year, 1, 1)
}

/// The activity a project publishes. Never fails: what does not fit the standard is kept as it
/// is and named by [`check`].
pub fn build(p: &Project) -> Activity {
    let lf = p.logframe;
    let lang = if lf.language.is_empty() {
        "it".to_string()
    } else {
        lf.language.clone()
    };
    let reporting_ref = org_ref(p.reporting.tax_code.as_deref());
    let identifier = if reporting_ref.is_empty() {
        p.id.clone()
    } else {
        format!("{reporting_ref}-{}", p.id)
    };
    let reporting_org = Org {
        reference: reporting_ref.clone(),
        role: String::new(),
        org_type: p.reporting.org_type.clone(),
        name: narrative(&lang, &p.reporting.name),
    };

    let description: Vec<String> = lf
        .rows
        .iter()
        .filter(|r| matches!(r.level, Level::Overall | Level::Specific))
        .map(|r| r.text.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();

    let mut participating = Vec::new();
    if let Some(funder) = p.funder.as_deref().filter(|f| !f.trim().is_empty()) {
        participating.push(Org {
            role: "1".into(),
            name: narrative(&lang, funder),
            ..Org::default()
        });
    }
    let is_reporting = |organisation: &str, name: &str| {
        (!organisation.is_empty() && organisation == p.reporting.organisation)
            || name.trim().to_lowercase() == p.reporting.name.trim().to_lowercase()
    };
    match p.partnership {
        Some(ps) if !ps.partners.is_empty() => {
            for partner in &ps.partners {
                let ours = is_reporting(&partner.organisation, &partner.name);
                participating.push(Org {
                    reference: if ours {
                        reporting_ref.clone()
                    } else {
                        String::new()
                    },
                    // The lead answers to the funder for the project; every partner carries
                    // it out.
                    role: if partner.role == partnership::Role::Lead {
                        "2".into()
                    } else {
                        "4".into()
                    },
                    org_type: partner.org_type.clone(),
                    name: narrative(&lang, &partner.name),
                });
            }
        }
        _ => {
            participating.push(Org {
                reference: reporting_ref.clone(),
                role: "2".into(),
                org_type: p.reporting.org_type.clone(),
                name: narrative(&lang, &p.reporting.name),
            });
            for partner in p.budget.map(|b| b.partners.as_slice()).unwrap_or(&[]) {
                if is_reporting(&partner.organisation, &partner.name) {
                    continue;
                }
                participating.push(Org {
                    role: "4".into(),
                    name: narrative(&lang, &partner.name),
                    ..Org::default()
                });
            }
        }
    }

    let planned_end = NaiveDate::parse_from_str(lf.project_end.trim(), "%Y-%m-%d").ok();
    let planned_start = planned_start(lf, planned_end, p.budget);

    // Italy gives, it does not receive: the recipient countries are the partner countries.
    let recipients: Vec<&String> = lf.countries.iter().filter(|c| *c != "IT").collect();
    let countries = recipients
        .iter()
        .zip(split_percent(recipients.len()))
        .map(|(code, bp)| Share {
            code: (*code).clone(),
            vocabulary: String::new(),
            basis_points: bp,
        })
        .collect();

    let mut sectors = Vec::new();
    for (vocabulary, len) in [("1", 5), ("2", 3)] {
        let codes: Vec<&String> = lf.sectors.iter().filter(|s| s.len() == len).collect();
        for (code, bp) in codes.iter().zip(split_percent(codes.len())) {
            sectors.push(Share {
                code: (*code).clone(),
                vocabulary: vocabulary.into(),
                basis_points: bp,
            });
        }
    }
    // A code of another length keeps no vocabulary, for the checks to name it.
    for code in lf.sectors.iter().filter(|s| s.len() != 5 && s.len() != 3) {
        sectors.push(Share {
            code: code.clone(),
            vocabulary: String::new(),
            basis_points: 0,
        });
    }

    let (budgets, budget_error) = match p.budget.map(|b| b.totals()) {
        None => (Vec::new(), None),
        Some(Err(e)) => (Vec::new(), Some(e.message().to_string())),
        Some(Ok(totals)) => (
            budget_periods(&totals.by_year, planned_start, planned_end),
            None,
        ),
    };

    let mut results = Vec::new();
    for row in &lf.rows {
        let result_type = match row.level {
            Level::Overall => "3",
            Level::Specific => "2",
            Level::Result => "1",
            Level::Activity => continue,
        };
        let indicators =
            row.indicators
                .iter()
                .map(|i| {
                    let qualitative = i.measure == Measure::Qualitative;
                    let value = |text: &str| (!qualitative).then(|| decimal(text, &lang));
                    let comment = |text: &str| {
                        if qualitative {
                            narrative(&lang, text)
                        } else {
                            Vec::new()
                        }
                    };
                    let baseline = (!i.baseline.trim().is_empty() || i.baseline_year.is_some())
                        .then(|| Baseline {
                            year: i.baseline_year,
                            value: value(&i.baseline).filter(|v| !v.is_empty()),
                            comment: comment(&i.baseline),
                        });
                    let target_end = NaiveDate::parse_from_str(i.target_date.trim(), "%Y-%m-%d")
                        .ok()
                        .or(planned_end);
                    let target = match (i.target.trim().is_empty(), planned_start, target_end) {
                        (false, Some(start), Some(end)) => Some(Target {
                            start,
                            end,
                            value: value(&i.target).filter(|v| !v.is_empty()),
                            comment: comment(&i.target),
                        }),
                        _ => None,
                    };
                    let mut about = Vec::new();
                    if !i.unit.trim().is_empty() {
                        about.push(i.unit.trim().to_string());
                    }
                    if !i.source.trim().is_empty() {
                        about.push(i.source.trim().to_string());
                    }
                    Indicator {
                        measure: match i.measure {
                            Measure::Number => "1",
                            Measure::Percentage => "2",
                            Measure::Qualitative => "5",
                        }
                        .into(),
                        ascending: (!qualitative).then_some(i.direction != Direction::Decrease),
                        title: narrative(&lang, &i.text),
                        description: if about.is_empty() {
                            Vec::new()
                        } else {
                            narrative(&lang, &about.join(" — "))
                        },
                        baseline,
                        target,
                    }
                })
                .collect();
        results.push(ResultOut {
            result_type: result_type.into(),
            title: narrative(&lang, &row.text),
            indicators,
        });
    }

    Activity {
        identifier,
        lang: lang.clone(),
        default_currency: "EUR".into(),
        reporting_org,
        title: in_languages(&lang, p.title, &p.translations, |t| &t.title),
        description: in_languages(&lang, &description.join("\n\n"), &p.translations, |t| {
            &t.summary
        }),
        participating,
        status: activity_status(&p.initiatives).into(),
        planned_start,
        planned_end,
        countries,
        sectors,
        budgets,
        results,
        budget_error,
        state: p.state,
    }
}

/// The day a period that starts on `start` would be longer than a year.
pub(crate) fn one_year_after(start: NaiveDate) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(12))
}

#[cfg(test)]
mod tests;
