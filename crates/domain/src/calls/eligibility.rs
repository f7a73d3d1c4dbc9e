//! The eligibility check of a project against its call: call × partnership × budget × logframe
//! → what holds and what does not, each with the reason as a message key and typed arguments.
//! A part of the project not written yet makes the checks that need it "cannot tell yet", never
//! a pass.

use super::Call;
use crate::products::budget::{BudgetProduct, Totals};
use crate::products::logframe::Logframe;
use crate::products::partnership::Partnership;
use chrono::NaiveDate;
use serde::Serialize;

pub use crate::products::budget::rules::{Arg, Outcome, Severity};

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Stable name of the rule (`lead`, `grant-max`, …).
    pub rule: &'static str,
    /// What it is about: `partnership`, `budget`, `logframe`, `call` or `partner:ID`.
    pub anchor: String,
    pub outcome: Outcome,
    pub severity: Severity,
    pub message: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// Message keys, each with the arguments it takes.
pub mod messages {
    /// Args: `deadline` (a date, ISO).
    pub const DEADLINE_HOLDS: &str = "eligibility-deadline-holds";
    pub const DEADLINE_PASSED: &str = "eligibility-deadline-passed";
    /// The part is not written or not chosen yet. Args: none.
    pub const NO_LOGFRAME: &str = "eligibility-no-logframe";
    pub const NO_PARTNERSHIP: &str = "eligibility-no-partnership";
    pub const NO_BUDGET: &str = "eligibility-no-budget";
    /// A target country the call does not cover. Args: `country`.
    pub const TARGET_NOT_ELIGIBLE: &str = "eligibility-target-not-eligible";
    pub const TARGETS_ELIGIBLE: &str = "eligibility-targets-eligible";
    /// The budget cannot be totalled (its own problems first).
    pub const BUDGET_PROBLEMS: &str = "eligibility-budget-problems";
    /// Args: `grant`, `total`, `max_amount` (cents), `percent`.
    pub const RATE_HOLDS: &str = "eligibility-rate-holds";
    pub const RATE_BREACHED: &str = "eligibility-rate-breached";
    /// Args: `grant`, `limit` (cents).
    pub const GRANT_MIN_HOLDS: &str = "eligibility-grant-min-holds";
    pub const GRANT_MIN_BREACHED: &str = "eligibility-grant-min-breached";
    pub const GRANT_MAX_HOLDS: &str = "eligibility-grant-max-holds";
    pub const GRANT_MAX_BREACHED: &str = "eligibility-grant-max-breached";
    /// Args: `months`, `limit`.
    pub const MONTHS_MIN_HOLDS: &str = "eligibility-months-min-holds";
    pub const MONTHS_MIN_BREACHED: &str = "eligibility-months-min-breached";
    pub const MONTHS_MAX_HOLDS: &str = "eligibility-months-max-holds";
    pub const MONTHS_MAX_BREACHED: &str = "eligibility-months-max-breached";
    /// The budget states no duration.
    pub const MONTHS_UNKNOWN: &str = "eligibility-months-unknown";
    /// The budget is checked against the call's rule pack. Args: `pack`, `breached` (count).
    pub const PACK_HOLDS: &str = "eligibility-pack-holds";
    pub const PACK_BREACHED: &str = "eligibility-pack-breached";
    /// The budget is checked against another pack, or none. Args: `pack` (the call's).
    pub const PACK_OTHER: &str = "eligibility-pack-other";
    /// A budget partner missing from the partnership. Args: `partner` (its name).
    pub const BUDGET_PARTNER_MISSING: &str = "eligibility-budget-partner-missing";
    pub const BUDGET_PARTNERS_HOLD: &str = "eligibility-budget-partners-hold";

    pub const ALL: &[&str] = &[
        DEADLINE_HOLDS,
        DEADLINE_PASSED,
        NO_LOGFRAME,
        NO_PARTNERSHIP,
        NO_BUDGET,
        TARGET_NOT_ELIGIBLE,
        TARGETS_ELIGIBLE,
        BUDGET_PROBLEMS,
        RATE_HOLDS,
        RATE_BREACHED,
        GRANT_MIN_HOLDS,
        GRANT_MIN_BREACHED,
        GRANT_MAX_HOLDS,
        GRANT_MAX_BREACHED,
        MONTHS_MIN_HOLDS,
        MONTHS_MIN_BREACHED,
        MONTHS_MAX_HOLDS,
        MONTHS_MAX_BREACHED,
        MONTHS_UNKNOWN,
        PACK_HOLDS,
        PACK_BREACHED,
        PACK_OTHER,
        BUDGET_PARTNER_MISSING,
        BUDGET_PARTNERS_HOLD,
    ];
}

use messages as m;

/// The parts of a project the check reads; `None` for a part not written or not chosen yet.
#[derive(Debug, Clone, Copy, Default)]
pub struct Project<'a> {
    pub partnership: Option<&'a Partnership>,
    pub budget: Option<&'a BudgetProduct>,
    pub logframe: Option<&'a Logframe>,
}

fn check(
    rule: &'static str,
    anchor: &str,
    ok: bool,
    holds: &'static str,
    breached: &'static str,
    args: Vec<(&'static str, Arg)>,
) -> Check {
    Check {
        rule,
        anchor: anchor.to_string(),
        outcome: if ok {
            Outcome::Holds
        } else {
            Outcome::Breached
        },
        severity: Severity::Error,
        message: if ok { holds } else { breached },
        args,
    }
}

fn unknown(rule: &'static str, anchor: &str, message: &'static str) -> Check {
    Check {
        rule,
        anchor: anchor.to_string(),
        outcome: Outcome::Unknown,
        severity: Severity::Error,
        message,
        args: vec![],
    }
}

/// The grant the budget asks for: the sum of the partners' grants, in euro cents.
fn grant(totals: &Totals) -> i64 {
    totals.by_partner.values().map(|f| f.grant).sum()
}

/// Checks `project` against `call` on `today` (the deadline is the last day proposals are
/// taken, inclusive).
pub fn eligibility(call: &Call, today: NaiveDate, project: &Project) -> Vec<Check> {
    let mut out = Vec::new();
    if let Some(deadline) = call.deadline {
        out.push(check(
            "deadline",
            "call",
            today <= deadline,
            m::DEADLINE_HOLDS,
            m::DEADLINE_PASSED,
            vec![("deadline", Arg::Text(deadline.to_string()))],
        ));
    }

    // The logframe: its target countries.
    let targets: Vec<String> = project
        .logframe
        .map(|lf| lf.countries.clone())
        .unwrap_or_default();
    match project.logframe {
        None => out.push(unknown("logframe", "logframe", m::NO_LOGFRAME)),
        Some(_) if !call.countries.is_empty() => {
            let outside: Vec<&String> = targets
                .iter()
                .filter(|c| !call.countries.contains(c))
                .collect();
            if outside.is_empty() {
                out.push(check(
                    "target-countries",
                    "logframe",
                    true,
                    m::TARGETS_ELIGIBLE,
                    m::TARGET_NOT_ELIGIBLE,
                    vec![],
                ));
            }
            for c in outside {
                out.push(check(
                    "target-countries",
                    "logframe",
                    false,
                    m::TARGETS_ELIGIBLE,
                    m::TARGET_NOT_ELIGIBLE,
                    vec![("country", Arg::Text(c.clone()))],
                ));
            }
        }
        Some(_) => {}
    }

    // The partnership, with the call's minima.
    match project.partnership {
        None => out.push(unknown("partnership", "partnership", m::NO_PARTNERSHIP)),
        Some(p) => out.extend(crate::products::partnership::check(p, Some(call), &targets)),
    }

    // The budget: rate, grant, duration, its rule pack, its partners.
    let Some(bp) = project.budget else {
        out.push(unknown("budget", "budget", m::NO_BUDGET));
        return out;
    };
    let Ok(totals) = bp.budget.totals() else {
        out.push(check(
            "budget",
            "budget",
            false,
            m::BUDGET_PROBLEMS,
            m::BUDGET_PROBLEMS,
            vec![],
        ));
        return out;
    };
    let grant = grant(&totals);
    if let Some(rate) = call.eu_rate_max {
        let bp_rate = i128::from(rate.basis_points().unwrap_or(0) as i64);
        let max_amount = i128::from(totals.total) * bp_rate / 10_000;
        out.push(check(
            "eu-rate",
            "budget",
            i128::from(grant) <= max_amount,
            m::RATE_HOLDS,
            m::RATE_BREACHED,
            vec![
                ("grant", Arg::Cents(grant)),
                ("total", Arg::Cents(totals.total)),
                (
                    "max_amount",
                    Arg::Cents(i64::try_from(max_amount).unwrap_or(i64::MAX)),
                ),
                ("percent", Arg::Percent(rate)),
            ],
        ));
    }
    if let Some(min) = call.grant_min {
        out.push(check(
            "grant-min",
            "budget",
            grant >= min,
            m::GRANT_MIN_HOLDS,
            m::GRANT_MIN_BREACHED,
            vec![("grant", Arg::Cents(grant)), ("limit", Arg::Cents(min))],
        ));
    }
    if let Some(max) = call.grant_max {
        out.push(check(
            "grant-max",
            "budget",
            grant <= max,
            m::GRANT_MAX_HOLDS,
            m::GRANT_MAX_BREACHED,
            vec![("grant", Arg::Cents(grant)), ("limit", Arg::Cents(max))],
        ));
    }
    if call.months_min.is_some() || call.months_max.is_some() {
        match bp.budget.duration_months {
            None => out.push(unknown("duration", "budget", m::MONTHS_UNKNOWN)),
            Some(months) => {
                let months_arg = ("months", Arg::Count(u64::from(months)));
                if let Some(min) = call.months_min {
                    out.push(check(
                        "duration-min",
                        "budget",
                        months >= min,
                        m::MONTHS_MIN_HOLDS,
                        m::MONTHS_MIN_BREACHED,
                        vec![months_arg.clone(), ("limit", Arg::Count(u64::from(min)))],
                    ));
                }
                if let Some(max) = call.months_max {
                    out.push(check(
                        "duration-max",
                        "budget",
                        months <= max,
                        m::MONTHS_MAX_HOLDS,
                        m::MONTHS_MAX_BREACHED,
                        vec![months_arg, ("limit", Arg::Count(u64::from(max)))],
                    ));
                }
            }
        }
    }
    if !call.pack.is_empty() {
        let pack_arg = ("pack", Arg::Text(call.pack.clone()));
        match crate::products::budget::rules::pack(&call.pack) {
            Some(pack) if bp.pack == call.pack => {
                let breached = crate::products::budget::rules::check(pack, &bp.budget)
                    .map(|found| {
                        found
                            .iter()
                            .filter(|f| {
                                f.outcome == Outcome::Breached && f.severity == Severity::Error
                            })
                            .count() as u64
                    })
                    .unwrap_or(1);
                out.push(check(
                    "pack",
                    "budget",
                    breached == 0,
                    m::PACK_HOLDS,
                    m::PACK_BREACHED,
                    vec![pack_arg, ("breached", Arg::Count(breached))],
                ));
            }
            _ => out.push(check(
                "pack",
                "budget",
                false,
                m::PACK_HOLDS,
                m::PACK_OTHER,
                vec![pack_arg],
            )),
        }
    }
    // The budget's partners are the partnership's (by registry organisation, else by name).
    if let Some(p) = project.partnership {
        let fold = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let missing: Vec<_> = bp
            .budget
            .partners
            .iter()
            .filter(|b| {
                !p.partners.iter().any(|x| {
                    (!b.organisation.is_empty() && b.organisation == x.organisation)
                        || fold(&b.name) == fold(&x.name)
                })
            })
            .collect();
        if missing.is_empty() && !bp.budget.partners.is_empty() {
            out.push(check(
                "budget-partners",
                "budget",
                true,
                m::BUDGET_PARTNERS_HOLD,
                m::BUDGET_PARTNER_MISSING,
                vec![],
            ));
        }
        for b in missing {
            out.push(check(
                "budget-partners",
                "budget",
                false,
                m::BUDGET_PARTNERS_HOLD,
                m::BUDGET_PARTNER_MISSING,
                vec![("partner", Arg::Text(b.name.clone()))],
            ));
        }
    }
    out
}

/// How many checks fail, blocking the proposal (advice is not counted).
pub fn failures(checks: &[Check]) -> usize {
    checks
        .iter()
        .filter(|c| c.outcome == Outcome::Breached && c.severity == Severity::Error)
        .count()
}
