//! Funding calls: the calls for proposals the administrations answer (programme, the rule pack
//! its budget is checked against, deadline, eligible countries, EU co-financing rate, grant and
//! duration limits, partner minima by country group, whether every target country must be
//! covered), checked as programme staff type them; and the eligibility check of a project
//! against its call ([`eligibility`]).

pub mod eligibility;
pub mod groups;

use crate::locale::Locale;
use crate::policy::Rule;
use crate::products::budget::money::{self, Currency, Decimal};
use crate::roles::Role;
use crate::validation::{optional_date, optional_text, required_line, Errors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who may see and edit the calls. Reading a call's name and limits on a product page needs only
/// the product's own permission.
pub const POLICY: &[(&str, Rule)] = &[
    ("calls.list", Rule::Global(STAFF)),
    ("calls.new", Rule::Global(STAFF)),
    ("calls.create", Rule::Global(STAFF)),
    ("calls.edit", Rule::Global(STAFF)),
    ("calls.update", Rule::Global(STAFF)),
];

const STAFF: &[Role] = &[Role::Admin, Role::Staff];

/// Longest name or programme, in characters.
pub const MAX_NAME: usize = 200;
/// Longest source citation or note, in characters.
pub const MAX_NOTE: usize = 2_000;
/// Most eligible countries.
pub const MAX_COUNTRIES: usize = 80;
/// The most partners, countries or months a limit may name.
pub const MAX_COUNT: u32 = 1_000;
/// The largest grant a limit may name, in whole euro.
pub const MAX_GRANT_EUR: i64 = 10_000_000_000;

/// The least partners of a country group a call asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMinimum {
    /// A group of [`groups::GROUPS`].
    pub group: String,
    pub count: u32,
}

/// A call for proposals.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Call {
    pub name: String,
    pub programme: String,
    /// The rule pack budgets for this call are checked against; empty when none.
    pub pack: String,
    pub deadline: Option<NaiveDate>,
    /// ISO 3166-1 alpha-2 codes of the countries partners may come from; empty: any.
    pub countries: Vec<String>,
    /// The most the programme pays of the eligible costs, in percent.
    pub eu_rate_max: Option<Decimal>,
    /// Grant limits, in euro cents.
    pub grant_min: Option<i64>,
    pub grant_max: Option<i64>,
    pub months_min: Option<u32>,
    pub months_max: Option<u32>,
    /// Least partners and least countries; 0 when the call sets none.
    pub partners_min: u32,
    pub countries_min: u32,
    /// Most partners from one country.
    pub per_country_max: Option<u32>,
    pub group_minima: Vec<GroupMinimum>,
    /// Every target country of the project must have a partner.
    pub cover_targets: bool,
    /// Where the limits come from, as the rule packs cite them.
    pub source: String,
}

/// The call's form as typed: every field as text, the group minima as `group_<code>` fields.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CallForm {
    pub name: String,
    pub programme: String,
    pub pack: String,
    pub deadline: String,
    pub countries: Vec<String>,
    pub eu_rate_max: String,
    pub grant_min: String,
    pub grant_max: String,
    pub months_min: String,
    pub months_max: String,
    pub partners_min: String,
    pub countries_min: String,
    pub per_country_max: String,
    pub minima: Vec<(String, String)>,
    pub cover_targets: bool,
    pub source: String,
}

impl CallForm {
    /// The form from its submitted fields (repeated `countries`, `group_<code>` minima).
    pub fn from_fields(fields: &[(String, String)]) -> CallForm {
        let mut f = CallForm::default();
        for (k, v) in fields {
            let v = v.clone();
            match k.as_str() {
                "name" => f.name = v,
                "programme" => f.programme = v,
                "pack" => f.pack = v,
                "deadline" => f.deadline = v,
                "countries" => f.countries.push(v),
                "eu_rate_max" => f.eu_rate_max = v,
                "grant_min" => f.grant_min = v,
                "grant_max" => f.grant_max = v,
                "months_min" => f.months_min = v,
                "months_max" => f.months_max = v,
                "partners_min" => f.partners_min = v,
                "countries_min" => f.countries_min = v,
                "per_country_max" => f.per_country_max = v,
                "cover_targets" => f.cover_targets = v == "1" || v == "on",
                "source" => f.source = v,
                other => {
                    if let Some(g) = other.strip_prefix("group_") {
                        f.minima.push((g.to_string(), v));
                    }
                }
            }
        }
        f
    }

    /// The form showing a stored call, written in `locale`.
    pub fn of(call: &Call, locale: Locale) -> CallForm {
        let eur = |c: Option<i64>| {
            c.map(|c| money::format_amount(c, Currency::Eur, locale))
                .unwrap_or_default()
        };
        let n = |c: Option<u32>| c.map(|c| c.to_string()).unwrap_or_default();
        let count = |c: u32| if c == 0 { String::new() } else { c.to_string() };
        CallForm {
            name: call.name.clone(),
            programme: call.programme.clone(),
            pack: call.pack.clone(),
            deadline: call.deadline.map(|d| d.to_string()).unwrap_or_default(),
            countries: call.countries.clone(),
            eu_rate_max: call
                .eu_rate_max
                .map(|d| d.format(locale))
                .unwrap_or_default(),
            grant_min: eur(call.grant_min),
            grant_max: eur(call.grant_max),
            months_min: n(call.months_min),
            months_max: n(call.months_max),
            partners_min: count(call.partners_min),
            countries_min: count(call.countries_min),
            per_country_max: n(call.per_country_max),
            minima: call
                .group_minima
                .iter()
                .map(|m| (m.group.clone(), m.count.to_string()))
                .collect(),
            cover_targets: call.cover_targets,
            source: call.source.clone(),
        }
    }
}

/// A whole number typed in a field, empty for none; at most [`MAX_COUNT`].
fn count(errors: &mut Errors, field: &'static str, text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match t.parse::<u32>() {
        Ok(n) if n <= MAX_COUNT => Some(n),
        _ => {
            errors.add(field, "calls-error-whole-number");
            None
        }
    }
}

/// An amount in euro typed as the reader writes it, empty for none.
fn euro(errors: &mut Errors, field: &'static str, text: &str, locale: Locale) -> Option<i64> {
    if text.trim().is_empty() {
        return None;
    }
    match money::parse_amount(text, locale, Currency::Eur) {
        Ok(c) if c <= MAX_GRANT_EUR * 100 => Some(c),
        Ok(_) => {
            errors.add(field, "calls-error-grant-too-large");
            None
        }
        Err(e) => {
            errors.add(field, e.message());
            None
        }
    }
}

/// Checks a call's form, typed in `locale`; `packs` are the rule packs' ids a call may use.
pub fn check(form: &CallForm, locale: Locale, packs: &[&str]) -> Result<Call, Errors> {
    let mut errors = Errors::default();
    let name = required_line(&mut errors, "name", &form.name, MAX_NAME);
    let programme = required_line(&mut errors, "programme", &form.programme, MAX_NAME);
    let pack = form.pack.trim().to_string();
    if !pack.is_empty() && !packs.contains(&pack.as_str()) {
        errors.add("pack", "error-unknown-choice");
    }
    let deadline = optional_date(&mut errors, "deadline", &form.deadline);
    let mut countries: Vec<String> = Vec::new();
    for c in &form.countries {
        let c = c.trim();
        if c.is_empty() {
            continue;
        }
        if !crate::organisations::countries::is_code(c) {
            errors.add("countries", "error-unknown-choice");
            break;
        }
        if !countries.iter().any(|x| x == c) {
            countries.push(c.to_string());
        }
    }
    if countries.len() > MAX_COUNTRIES {
        errors.add("countries", "calls-error-too-many-countries");
    }
    countries.sort();
    let eu_rate_max = if form.eu_rate_max.trim().is_empty() {
        None
    } else {
        match Decimal::parse(&form.eu_rate_max, locale, 2) {
            Ok(d) if d.is_zero() => {
                errors.add("eu_rate_max", "calls-error-rate-zero");
                None
            }
            Ok(d) if d.basis_points().is_none_or(|b| b > 10_000) => {
                errors.add("eu_rate_max", "calls-error-rate-above-100");
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                errors.add("eu_rate_max", e.message());
                None
            }
        }
    };
    let grant_min = euro(&mut errors, "grant_min", &form.grant_min, locale);
    let grant_max = euro(&mut errors, "grant_max", &form.grant_max, locale);
    if let (Some(a), Some(b)) = (grant_min, grant_max) {
        if a > b {
            errors.add("grant_max", "calls-error-max-below-min");
        }
    }
    let months_min = count(&mut errors, "months_min", &form.months_min);
    let months_max = count(&mut errors, "months_max", &form.months_max);
    if let (Some(a), Some(b)) = (months_min, months_max) {
        if a > b {
            errors.add("months_max", "calls-error-max-below-min");
        }
    }
    let partners_min = count(&mut errors, "partners_min", &form.partners_min).unwrap_or(0);
    let countries_min = count(&mut errors, "countries_min", &form.countries_min).unwrap_or(0);
    let per_country_max = count(&mut errors, "per_country_max", &form.per_country_max);
    if per_country_max == Some(0) {
        errors.add("per_country_max", "calls-error-whole-number");
    }
    let mut group_minima = Vec::new();
    for (group, n) in &form.minima {
        if !groups::GROUPS.contains(&group.as_str()) {
            errors.add("minima", "error-unknown-choice");
            break;
        }
        match count(&mut errors, "minima", n) {
            Some(0) | None => {}
            Some(count)
                if !group_minima
                    .iter()
                    .any(|m: &GroupMinimum| &m.group == group) =>
            {
                group_minima.push(GroupMinimum {
                    group: group.clone(),
                    count,
                })
            }
            Some(_) => {}
        }
    }
    group_minima.sort_by_key(|m| groups::GROUPS.iter().position(|g| *g == m.group));
    let source = optional_text(&mut errors, "source", &form.source, MAX_NOTE).unwrap_or_default();
    errors.into_result(Call {
        name,
        programme,
        pack,
        deadline,
        countries,
        eu_rate_max,
        grant_min,
        grant_max,
        months_min,
        months_max,
        partners_min,
        countries_min,
        per_country_max,
        group_minima,
        cover_targets: form.cover_targets,
        source,
    })
}

#[cfg(test)]
mod tests;
