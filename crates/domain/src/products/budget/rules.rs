//! Funding rules as data: rule packs (one TOML file each in `crates/domain/rules/`, compiled in)
//! with the source of every limit cited and how sure the fact is, and the checker that
//! evaluates a budget against a pack, per line and in total. Each finding says whether the rule
//! holds, is breached or cannot be told yet (a fact such as the duration is missing), with a
//! message key and typed arguments so that it is explained in the reader's language.
//!
//! Limits are exact: a share "at most P %" holds when `amount × 10 000 ≤ basis × P × 100`, so
//! the most allowed is `⌊basis × P / 100⌋` cents and one cent more breaches it.

use super::money::Decimal;
use super::{messages as m, Budget, BudgetError, Category, Source, Totals};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How sure a fact is, with the tags of the reference notes: read in the standard's own
/// repository (`code`), said by a published page (`src`), or domain knowledge to check
/// (`unverified`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    Code,
    Src,
    Unverified,
}

/// Where a rule comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The legal or programme document.
    pub document: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub article: String,
    pub certainty: Certainty,
    /// The published pages the fact was read on.
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub note: String,
}

/// Whether a failed rule blocks the proposal or is advice (a recommendation of the call).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    #[default]
    Error,
    Advice,
}

/// Which budget a share is computed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The whole project.
    #[default]
    Project,
    /// Each partner's own budget.
    Partner,
}

/// What a limit says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    /// The costs in `subject` at most `max_percent` of the costs in `basis`. With `option`,
    /// only for the partners that chose it (and then per partner).
    Share {
        subject: Vec<Category>,
        basis: Vec<Category>,
        max_percent: Decimal,
        #[serde(default)]
        scope: Scope,
        #[serde(default)]
        option: Option<String>,
    },
    /// No lines in `categories` for the partners that chose `option` (the flat rate covers them).
    NoLines {
        categories: Vec<Category>,
        option: String,
    },
    /// The grant at most `max_percent` of the eligible costs.
    GrantRateMax {
        max_percent: Decimal,
    },
    /// The partners' co-financing at least `min_percent` of the eligible costs.
    CofinancingMin {
        min_percent: Decimal,
    },
    /// The grant at least `eur` euro.
    GrantMin {
        eur: u64,
    },
    /// The grant at most `eur` euro; only for durations in `months_from..=months_to` when given.
    GrantMax {
        eur: u64,
        #[serde(default)]
        months_from: Option<u32>,
        #[serde(default)]
        months_to: Option<u32>,
    },
    DurationMin {
        months: u32,
    },
    DurationMax {
        months: u32,
    },
    PartnersMin {
        count: u32,
    },
    PartnersMax {
        count: u32,
    },
    /// At least `count` different countries among the partners.
    CountriesMin {
        count: u32,
    },
    /// At most `count` partners from one country.
    PerCountryMax {
        count: u32,
    },
    /// At least `count` partners in the call's partner `group`.
    GroupMin {
        group: String,
        count: u32,
    },
}

/// One limit of a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limit {
    /// Stable within the pack.
    pub id: String,
    #[serde(flatten)]
    pub rule: Rule,
    #[serde(default)]
    pub severity: Severity,
    /// Where this limit comes from, when not the pack's own source.
    #[serde(default)]
    pub source: Option<Citation>,
}

/// A rule pack: a programme's or call's funding rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub id: String,
    /// The pack's name, in English (the screens name packs by message keys).
    pub name: String,
    /// Packs whose limits apply too (a call's programme rules).
    #[serde(default)]
    pub base: Vec<String>,
    /// The cost categories the pack allows; empty: its bases', or any.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// How the pack numbers its categories (PRAG's headings), by category code.
    #[serde(default)]
    pub headings: BTreeMap<String, String>,
    /// The partner groups the call counts (e.g. `erdf`, `ipa`).
    #[serde(default)]
    pub groups: Vec<String>,
    /// Facts of the call no budget shows, kept for the reader (e.g. how many proposals an
    /// organisation may join).
    #[serde(default)]
    pub not_checked: Vec<String>,
    pub source: Citation,
    #[serde(default, rename = "limit")]
    pub limits: Vec<Limit>,
    /// The sections a proposal for the call has, as its application form orders them; empty:
    /// the default template ([`crate::products::proposal::default_template`]).
    #[serde(default, rename = "section")]
    pub sections: Vec<crate::products::proposal::TemplateSection>,
}

/// The packs in the repository, file by file.
const FILES: &[&str] = &[
    include_str!("../../../rules/prag.toml"),
    include_str!("../../../rules/interreg-2021-2027-sco.toml"),
    include_str!("../../../rules/ipa-adrion-call1.toml"),
    include_str!("../../../rules/next-med-call1.toml"),
    include_str!("../../../rules/aics-local-authorities-2017.toml"),
    include_str!("../../../rules/aics-local-authorities-2019.toml"),
];

impl Pack {
    /// Reads a pack from its TOML text.
    pub fn parse(text: &str) -> Result<Pack, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }
}

/// Every pack of the repository (a test checks that every file reads).
pub fn packs() -> &'static [Pack] {
    static ALL: std::sync::OnceLock<Vec<Pack>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| FILES.iter().filter_map(|t| Pack::parse(t).ok()).collect())
}

/// The pack with `id`.
pub fn pack(id: &str) -> Option<&'static Pack> {
    packs().iter().find(|p| p.id == id)
}

/// Whether a rule holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Holds,
    Breached,
    /// A fact the rule needs is missing (the duration, for instance).
    Unknown,
}

/// A typed argument of a finding's message, formatted by the reader's locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "lowercase")]
pub enum Arg {
    /// Euro cents.
    Cents(i64),
    Percent(Decimal),
    Count(u64),
    Text(String),
}

/// What the checker found about one rule, for the project, a partner or a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The pack the rule belongs to.
    pub pack: String,
    /// The limit's id, or `categories` for the allowed categories.
    pub rule: String,
    /// `budget`, `partner:ID` or `line:ID`.
    pub anchor: String,
    pub outcome: Outcome,
    pub severity: Severity,
    pub message: &'static str,
    pub args: Vec<(&'static str, Arg)>,
    pub source: Citation,
}

/// The pack and its bases, bases first, each once.
fn lineage(top: &Pack) -> Vec<&Pack> {
    let mut out: Vec<&Pack> = Vec::new();
    fn walk<'a>(p: &'a Pack, out: &mut Vec<&'a Pack>, depth: usize) {
        if depth > 4 || out.iter().any(|q| q.id == p.id) {
            return;
        }
        for b in &p.base {
            if let Some(base) = pack(b) {
                walk(base, out, depth + 1);
            }
        }
        if !out.iter().any(|q| q.id == p.id) {
            out.push(p);
        }
    }
    walk(top, &mut out, 0);
    out
}

/// `⌊amount × bp / 10 000⌋`, the most a percentage in basis points allows.
fn floor_share(amount: i64, bp: u64) -> i64 {
    let v = i128::from(amount) * i128::from(bp) / 10_000;
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// `⌈amount × bp / 10 000⌉`, the least a percentage in basis points asks.
fn ceil_share(amount: i64, bp: u64) -> i64 {
    let v = (i128::from(amount) * i128::from(bp) + 9_999) / 10_000;
    i64::try_from(v).unwrap_or(i64::MAX)
}

fn codes(categories: &[Category]) -> String {
    categories
        .iter()
        .map(|c| c.code())
        .collect::<Vec<_>>()
        .join("+")
}

struct Checker<'a> {
    budget: &'a Budget,
    totals: Totals,
    /// Each line's euro cents, in the budget's order.
    eur: Vec<i64>,
    out: Vec<Finding>,
}

impl Checker<'_> {
    #[allow(clippy::too_many_arguments)]
    fn find(
        &mut self,
        pack: &Pack,
        limit: Option<&Limit>,
        anchor: String,
        holds: Option<bool>,
        keys: (&'static str, &'static str),
        args: Vec<(&'static str, Arg)>,
    ) {
        let (outcome, message) = match holds {
            Some(true) => (Outcome::Holds, keys.0),
            Some(false) => (Outcome::Breached, keys.1),
            None => (Outcome::Unknown, m::RULE_UNKNOWN),
        };
        let rule = limit.map_or("categories".to_string(), |l| l.id.clone());
        let args = if outcome == Outcome::Unknown {
            vec![("rule", Arg::Text(rule.clone()))]
        } else {
            args
        };
        self.out.push(Finding {
            pack: pack.id.clone(),
            rule,
            anchor,
            outcome,
            severity: limit.map_or(Severity::Error, |l| l.severity),
            message,
            args,
            source: limit
                .and_then(|l| l.source.clone())
                .unwrap_or_else(|| pack.source.clone()),
        });
    }

    /// The euro cents of the lines of `partner` (or all) in `categories`.
    fn sum(&self, partner: Option<&str>, categories: &[Category]) -> i64 {
        self.budget
            .lines
            .iter()
            .zip(&self.eur)
            .filter(|(l, _)| partner.is_none_or(|p| l.partner == p))
            .filter(|(l, _)| categories.contains(&l.category))
            .map(|(_, e)| *e)
            .sum()
    }

    fn categories(&mut self, pack: &Pack, allowed: &[Category]) {
        let mut breached = false;
        for line in &self.budget.lines {
            if !allowed.contains(&line.category) {
                breached = true;
                self.find(
                    pack,
                    None,
                    format!("line:{}", line.id),
                    Some(false),
                    (m::RULE_CATEGORY_HOLDS, m::RULE_CATEGORY_BREACHED),
                    vec![("category", Arg::Text(line.category.code().to_string()))],
                );
            }
        }
        if !breached {
            self.find(
                pack,
                None,
                "budget".into(),
                Some(true),
                (m::RULE_CATEGORY_HOLDS, m::RULE_CATEGORY_BREACHED),
                Vec::new(),
            );
        }
    }

    fn limit(&mut self, pack: &Pack, limit: &Limit) {
        let grant = self.totals.by_source[&Source::Grant];
        let cofinancing = self.totals.by_source[&Source::Cofinancing];
        let total = self.totals.total;
        let months = self.budget.duration_months;
        let partners = &self.budget.partners;
        let keys = |h, b| (h, b);
        match &limit.rule {
            Rule::Share {
                subject,
                basis,
                max_percent,
                scope,
                option,
            } => {
                let Some(bp) = max_percent.basis_points() else {
                    return;
                };
                let mut targets: Vec<Option<&str>> = Vec::new();
                if option.is_some() || *scope == Scope::Partner {
                    for p in partners {
                        if option.as_ref().is_none_or(|o| p.options.contains(o)) {
                            targets.push(Some(p.id.as_str()));
                        }
                    }
                } else {
                    targets.push(None);
                }
                for partner in targets {
                    let amount = self.sum(partner, subject);
                    let basis_amount = self.sum(partner, basis);
                    if partner.is_some() && amount == 0 && basis_amount == 0 {
                        continue;
                    }
                    let max = floor_share(basis_amount, bp);
                    let anchor = partner.map_or("budget".to_string(), |p| format!("partner:{p}"));
                    self.find(
                        pack,
                        Some(limit),
                        anchor,
                        Some(amount <= max),
                        keys(m::RULE_SHARE_HOLDS, m::RULE_SHARE_BREACHED),
                        vec![
                            ("subject", Arg::Text(codes(subject))),
                            ("basis", Arg::Text(codes(basis))),
                            ("percent", Arg::Percent(*max_percent)),
                            ("amount", Arg::Cents(amount)),
                            ("basis_amount", Arg::Cents(basis_amount)),
                            ("max_amount", Arg::Cents(max)),
                            ("partner", Arg::Text(partner.unwrap_or("").to_string())),
                        ],
                    );
                }
            }
            Rule::NoLines { categories, option } => {
                for p in partners.iter().filter(|p| p.options.contains(option)) {
                    let mut breached = false;
                    for line in &self.budget.lines {
                        if line.partner == p.id && categories.contains(&line.category) {
                            breached = true;
                            self.find(
                                pack,
                                Some(limit),
                                format!("line:{}", line.id),
                                Some(false),
                                keys(m::RULE_NO_LINES_HOLDS, m::RULE_NO_LINES_BREACHED),
                                vec![
                                    ("category", Arg::Text(line.category.code().to_string())),
                                    ("option", Arg::Text(option.clone())),
                                    ("partner", Arg::Text(p.id.clone())),
                                ],
                            );
                        }
                    }
                    if !breached {
                        self.find(
                            pack,
                            Some(limit),
                            format!("partner:{}", p.id),
                            Some(true),
                            keys(m::RULE_NO_LINES_HOLDS, m::RULE_NO_LINES_BREACHED),
                            vec![
                                ("category", Arg::Text(codes(categories))),
                                ("option", Arg::Text(option.clone())),
                                ("partner", Arg::Text(p.id.clone())),
                            ],
                        );
                    }
                }
            }
            Rule::GrantRateMax { max_percent } => {
                let Some(bp) = max_percent.basis_points() else {
                    return;
                };
                let max = floor_share(total, bp);
                self.find(
                    pack,
                    Some(limit),
                    "budget".into(),
                    Some(grant <= max),
                    keys(m::RULE_GRANT_RATE_HOLDS, m::RULE_GRANT_RATE_BREACHED),
                    vec![
                        ("percent", Arg::Percent(*max_percent)),
                        ("grant", Arg::Cents(grant)),
                        ("total", Arg::Cents(total)),
                        ("max_amount", Arg::Cents(max)),
                    ],
                );
            }
            Rule::CofinancingMin { min_percent } => {
                let Some(bp) = min_percent.basis_points() else {
                    return;
                };
                let min = ceil_share(total, bp);
                self.find(
                    pack,
                    Some(limit),
                    "budget".into(),
                    Some(cofinancing >= min),
                    keys(m::RULE_COFINANCING_HOLDS, m::RULE_COFINANCING_BREACHED),
                    vec![
                        ("percent", Arg::Percent(*min_percent)),
                        ("cofinancing", Arg::Cents(cofinancing)),
                        ("total", Arg::Cents(total)),
                        ("min_amount", Arg::Cents(min)),
                    ],
                );
            }
            Rule::GrantMin { eur } => {
                let limit_cents = cents(*eur);
                self.find(
                    pack,
                    Some(limit),
                    "budget".into(),
                    Some(grant >= limit_cents),
                    keys(m::RULE_GRANT_MIN_HOLDS, m::RULE_GRANT_MIN_BREACHED),
                    vec![
                        ("grant", Arg::Cents(grant)),
                        ("limit", Arg::Cents(limit_cents)),
                    ],
                );
            }
            Rule::GrantMax {
                eur,
                months_from,
                months_to,
            } => {
                let conditional = months_from.is_some() || months_to.is_some();
                let applies = match months {
                    Some(n) => {
                        months_from.is_none_or(|f| n >= f) && months_to.is_none_or(|t| n <= t)
                    }
                    None => !conditional,
                };
                if conditional && months.is_none() {
                    self.find(
                        pack,
                        Some(limit),
                        "budget".into(),
                        None,
                        (m::RULE_GRANT_MAX_HOLDS, m::RULE_GRANT_MAX_BREACHED),
                        Vec::new(),
                    );
                } else if applies {
                    let limit_cents = cents(*eur);
                    self.find(
                        pack,
                        Some(limit),
                        "budget".into(),
                        Some(grant <= limit_cents),
                        keys(m::RULE_GRANT_MAX_HOLDS, m::RULE_GRANT_MAX_BREACHED),
                        vec![
                            ("grant", Arg::Cents(grant)),
                            ("limit", Arg::Cents(limit_cents)),
                        ],
                    );
                }
            }
            Rule::DurationMin { months: min } => self.find(
                pack,
                Some(limit),
                "budget".into(),
                months.map(|n| n >= *min),
                keys(m::RULE_DURATION_MIN_HOLDS, m::RULE_DURATION_MIN_BREACHED),
                vec![
                    ("months", Arg::Count(u64::from(months.unwrap_or(0)))),
                    ("limit", Arg::Count(u64::from(*min))),
                ],
            ),
            Rule::DurationMax { months: max } => self.find(
                pack,
                Some(limit),
                "budget".into(),
                months.map(|n| n <= *max),
                keys(m::RULE_DURATION_MAX_HOLDS, m::RULE_DURATION_MAX_BREACHED),
                vec![
                    ("months", Arg::Count(u64::from(months.unwrap_or(0)))),
                    ("limit", Arg::Count(u64::from(*max))),
                ],
            ),
            Rule::PartnersMin { count } | Rule::PartnersMax { count } => {
                let n = partners.len() as u64;
                let (holds, k) = if matches!(limit.rule, Rule::PartnersMin { .. }) {
                    (
                        n >= u64::from(*count),
                        keys(m::RULE_PARTNERS_MIN_HOLDS, m::RULE_PARTNERS_MIN_BREACHED),
                    )
                } else {
                    (
                        n <= u64::from(*count),
                        keys(m::RULE_PARTNERS_MAX_HOLDS, m::RULE_PARTNERS_MAX_BREACHED),
                    )
                };
                self.find(
                    pack,
                    Some(limit),
                    "budget".into(),
                    Some(holds),
                    k,
                    vec![
                        ("count", Arg::Count(n)),
                        ("limit", Arg::Count(u64::from(*count))),
                    ],
                );
            }
            Rule::CountriesMin { count } => {
                let n = partners
                    .iter()
                    .map(|p| p.country.trim())
                    .filter(|c| !c.is_empty())
                    .collect::<BTreeSet<_>>()
                    .len() as u64;
                self.find(
                    pack,
                    Some(limit),
                    "budget".into(),
                    Some(n >= u64::from(*count)),
                    keys(m::RULE_COUNTRIES_MIN_HOLDS, m::RULE_COUNTRIES_MIN_BREACHED),
                    vec![
                        ("count", Arg::Count(n)),
                        ("limit", Arg::Count(u64::from(*count))),
                    ],
                );
            }
            Rule::PerCountryMax { count } => {
                let mut by_country: BTreeMap<&str, u64> = BTreeMap::new();
                for p in partners {
                    let c = p.country.trim();
                    if !c.is_empty() {
                        *by_country.entry(c).or_insert(0) += 1;
                    }
                }
                let over: Vec<(String, u64)> = by_country
                    .iter()
                    .filter(|(_, n)| **n > u64::from(*count))
                    .map(|(c, n)| (c.to_string(), *n))
                    .collect();
                let most = by_country.values().copied().max().unwrap_or(0);
                if over.is_empty() {
                    self.find(
                        pack,
                        Some(limit),
                        "budget".into(),
                        Some(true),
                        keys(
                            m::RULE_PER_COUNTRY_MAX_HOLDS,
                            m::RULE_PER_COUNTRY_MAX_BREACHED,
                        ),
                        vec![
                            ("count", Arg::Count(most)),
                            ("limit", Arg::Count(u64::from(*count))),
                            ("country", Arg::Text(String::new())),
                        ],
                    );
                }
                for (country, n) in over {
                    self.find(
                        pack,
                        Some(limit),
                        "budget".into(),
                        Some(false),
                        keys(
                            m::RULE_PER_COUNTRY_MAX_HOLDS,
                            m::RULE_PER_COUNTRY_MAX_BREACHED,
                        ),
                        vec![
                            ("count", Arg::Count(n)),
                            ("limit", Arg::Count(u64::from(*count))),
                            ("country", Arg::Text(country)),
                        ],
                    );
                }
            }
            Rule::GroupMin { group, count } => {
                let n = partners.iter().filter(|p| p.group == *group).count() as u64;
                self.find(
                    pack,
                    Some(limit),
                    "budget".into(),
                    Some(n >= u64::from(*count)),
                    keys(m::RULE_GROUP_MIN_HOLDS, m::RULE_GROUP_MIN_BREACHED),
                    vec![
                        ("count", Arg::Count(n)),
                        ("limit", Arg::Count(u64::from(*count))),
                        ("group", Arg::Text(group.clone())),
                    ],
                );
            }
        }
    }
}

fn cents(eur: u64) -> i64 {
    i64::try_from(eur.saturating_mul(100)).unwrap_or(i64::MAX)
}

/// Checks `budget` against `pack` and its bases: per line (allowed categories, lines a
/// flat-rate option excludes), per partner (flat-rate shares) and in total (shares, grant rate,
/// co-financing, grant, duration, partnership). A budget whose amounts cannot be computed
/// (see [`Budget::problems`]) is refused with the first problem.
pub fn check(pack: &Pack, budget: &Budget) -> Result<Vec<Finding>, BudgetError> {
    let totals = budget.totals()?;
    let eur = budget
        .lines
        .iter()
        .map(|l| budget.line_eur(l))
        .collect::<Result<Vec<_>, _>>()?;
    let mut checker = Checker {
        budget,
        totals,
        eur,
        out: Vec::new(),
    };
    let chain = lineage(pack);
    if let Some(owner) = chain.iter().rev().find(|p| !p.categories.is_empty()) {
        checker.categories(owner, &owner.categories);
    }
    for p in chain {
        for limit in &p.limits {
            checker.limit(p, limit);
        }
    }
    Ok(checker.out)
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
