//! The logframe quality check, as a careful tutor applies the EU Project Cycle Management
//! guidelines (classic 4x4 matrix) and the results-chain logframe of current EU actions. Each rule
//! is a pure function over the logframe that returns its findings. Errors block submission and
//! are kept for what a tutor would refuse; warnings are advice. Messages are Fluent ids
//! (`lf-check-<rule>`) explained in the reader's language; the README lists every rule with its
//! severity and the practice it follows.

pub mod numbers;
mod wording;

use super::logframe::{Direction, Indicator, Level, Logframe, Measure, Mode, Row};
use numbers::{Convention, Reading};
use serde::Serialize;
use wording::{Lists, Text};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding: which rule, how serious, and the row or indicator it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// `row:ID` or `ind:ID`, or empty when the finding is about the whole matrix.
    pub anchor: String,
    /// The other row the finding compares with (the row repeated or restated), or empty.
    pub related: String,
}

impl Finding {
    fn error(rule: &'static str, anchor: String) -> Finding {
        Finding {
            rule,
            severity: Severity::Error,
            anchor,
            related: String::new(),
        }
    }

    fn warning(rule: &'static str, anchor: String) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            anchor,
            related: String::new(),
        }
    }

    /// The message id that explains the finding.
    pub fn message(&self) -> String {
        format!("lf-check-{}", self.rule)
    }
}

/// Every rule, in the order findings are listed.
pub const RULES: &[fn(&Logframe) -> Vec<Finding>] = &[
    one_overall_objective,
    some_specific_objective,
    rows_have_parents,
    levels_below_are_filled,
    objectives_and_results_have_indicators,
    quantitative_indicators_complete,
    qualitative_indicators_complete,
    ambiguous_numbers,
    targets_move_in_direction,
    percentages_in_range,
    targets_after_baselines,
    targets_within_the_project,
    qualitative_values_are_words,
    no_process_indicators_for_outcomes,
    people_counted_by_sex,
    assumptions_on_each_row,
    activities_have_assumptions_or_preconditions,
    assumptions_not_copied,
    activities_have_means,
    results_chain_limits,
    wording_states_changes,
    rows_differ,
];

/// Every rule id the check can report, with its severity, in the order of [`RULES`].
pub const RULE_IDS: &[(&str, Severity)] = &[
    ("no-overall", Severity::Error),
    ("many-overall", Severity::Error),
    ("no-specific", Severity::Error),
    ("orphan-result", Severity::Error),
    ("orphan-activity", Severity::Error),
    ("empty-specific", Severity::Error),
    ("empty-result", Severity::Error),
    ("no-indicator", Severity::Error),
    ("no-unit", Severity::Error),
    ("no-baseline", Severity::Error),
    ("no-target", Severity::Error),
    ("no-source", Severity::Error),
    ("chain-baseline-pending", Severity::Warning),
    ("chain-target-pending", Severity::Warning),
    ("qualitative-no-source", Severity::Error),
    ("qualitative-no-target", Severity::Error),
    ("ambiguous-number", Severity::Warning),
    ("target-direction", Severity::Error),
    ("percent-range", Severity::Error),
    ("target-before-baseline", Severity::Error),
    ("target-after-end", Severity::Error),
    ("outcome-target-after-end", Severity::Warning),
    ("qualitative-numbers", Severity::Warning),
    ("process-indicator", Severity::Warning),
    ("no-sex-disaggregation", Severity::Warning),
    ("no-assumption", Severity::Error),
    ("no-activity-assumption", Severity::Warning),
    ("copied-assumption", Severity::Warning),
    ("activity-means", Severity::Warning),
    ("chain-activity", Severity::Error),
    ("chain-too-many", Severity::Error),
    ("activity-objective", Severity::Warning),
    ("activity-result", Severity::Warning),
    ("duplicate-row", Severity::Warning),
    ("restates-parent", Severity::Warning),
];

/// Runs every rule.
pub fn check(lf: &Logframe) -> Vec<Finding> {
    RULES.iter().flat_map(|rule| rule(lf)).collect()
}

/// Whether the findings let the logframe be submitted.
pub fn blocks_submission(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

fn count(lf: &Logframe, level: Level) -> usize {
    lf.rows.iter().filter(|r| r.level == level).count()
}

fn row_anchor(row: &Row) -> String {
    format!("row:{}", row.id)
}

fn ind_anchor(ind: &Indicator) -> String {
    format!("ind:{}", ind.id)
}

/// Every indicator with the row it is on.
fn indicators(lf: &Logframe) -> impl Iterator<Item = (&Row, &Indicator)> {
    lf.rows
        .iter()
        .flat_map(|r| r.indicators.iter().map(move |i| (r, i)))
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Whether the results-chain template still lets baselines and targets wait (until contract
/// signature or the first progress report): a results-chain matrix not marked final.
fn values_may_wait(lf: &Logframe) -> bool {
    lf.mode == Mode::ResultsChain && !lf.marked_final
}

/// Exactly one overall objective (impact).
pub fn one_overall_objective(lf: &Logframe) -> Vec<Finding> {
    match count(lf, Level::Overall) {
        1 => vec![],
        0 => vec![Finding::error("no-overall", String::new())],
        _ => lf
            .rows
            .iter()
            .filter(|r| r.level == Level::Overall)
            .skip(1)
            .map(|r| Finding::error("many-overall", row_anchor(r)))
            .collect(),
    }
}

/// At least one specific objective (outcome).
pub fn some_specific_objective(lf: &Logframe) -> Vec<Finding> {
    if count(lf, Level::Specific) == 0 {
        vec![Finding::error("no-specific", String::new())]
    } else {
        vec![]
    }
}

/// Every result sits under a specific objective and every activity under a result.
pub fn rows_have_parents(lf: &Logframe) -> Vec<Finding> {
    let parents = lf.parents();
    lf.rows
        .iter()
        .zip(parents)
        .filter(|(r, _)| matches!(r.level, Level::Result | Level::Activity))
        .filter(|(r, p)| !p.is_some_and(|p| lf.rows[p].level.depth() + 1 == r.level.depth()))
        .map(|(r, _)| {
            let rule = if r.level == Level::Result {
                "orphan-result"
            } else {
                "orphan-activity"
            };
            Finding::error(rule, row_anchor(r))
        })
        .collect()
}

/// No level left empty below a row: a specific objective (outcome) has results (outputs), and in
/// the classic matrix a result has activities.
pub fn levels_below_are_filled(lf: &Logframe) -> Vec<Finding> {
    let parents = lf.parents();
    let has_child = |i: usize, level: Level| {
        lf.rows
            .iter()
            .zip(&parents)
            .any(|(r, p)| *p == Some(i) && r.level == level)
    };
    lf.rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match r.level {
            Level::Specific if !has_child(i, Level::Result) => {
                Some(Finding::error("empty-specific", row_anchor(r)))
            }
            Level::Result if lf.mode == Mode::Classic && !has_child(i, Level::Activity) => {
                Some(Finding::error("empty-result", row_anchor(r)))
            }
            _ => None,
        })
        .collect()
}

/// At least one indicator on each objective and result.
pub fn objectives_and_results_have_indicators(lf: &Logframe) -> Vec<Finding> {
    lf.rows
        .iter()
        .filter(|r| r.level != Level::Activity && r.indicators.is_empty())
        .map(|r| Finding::error("no-indicator", row_anchor(r)))
        .collect()
}

/// The source of an indicator: its own, or the row's sources of verification.
fn source_of<'a>(row: &'a Row, ind: &'a Indicator) -> &'a str {
    if blank(&ind.source) {
        row.sources.trim()
    } else {
        ind.source.trim()
    }
}

/// Number and percentage indicators have a unit, a baseline with its year, a target with its
/// date, and a source. In a results-chain matrix not marked final, a missing baseline or target
/// is advice: the EU template lets them be completed at contract signature or in the first
/// progress report.
pub fn quantitative_indicators_complete(lf: &Logframe) -> Vec<Finding> {
    let wait = values_may_wait(lf);
    let mut out = Vec::new();
    for (row, ind) in indicators(lf) {
        if ind.measure == Measure::Qualitative {
            continue;
        }
        let anchor = ind_anchor(ind);
        if blank(&ind.unit) && ind.measure == Measure::Number {
            out.push(Finding::error("no-unit", anchor.clone()));
        }
        if blank(&ind.baseline) || ind.baseline_year.is_none() {
            out.push(if wait {
                Finding::warning("chain-baseline-pending", anchor.clone())
            } else {
                Finding::error("no-baseline", anchor.clone())
            });
        }
        if blank(&ind.target) || blank(&ind.target_date) {
            out.push(if wait {
                Finding::warning("chain-target-pending", anchor.clone())
            } else {
                Finding::error("no-target", anchor.clone())
            });
        }
        if source_of(row, ind).is_empty() {
            out.push(Finding::error("no-source", anchor));
        }
    }
    out
}

/// Qualitative indicators have a source and describe the target state (advice while a
/// results-chain matrix is not final).
pub fn qualitative_indicators_complete(lf: &Logframe) -> Vec<Finding> {
    let wait = values_may_wait(lf);
    let mut out = Vec::new();
    for (row, ind) in indicators(lf) {
        if ind.measure != Measure::Qualitative {
            continue;
        }
        if blank(&ind.target) {
            out.push(if wait {
                Finding::warning("chain-target-pending", ind_anchor(ind))
            } else {
                Finding::error("qualitative-no-target", ind_anchor(ind))
            });
        }
        if source_of(row, ind).is_empty() {
            out.push(Finding::error("qualitative-no-source", ind_anchor(ind)));
        }
    }
    out
}

/// The decimal convention values of `ind` follow: the one its own values declare when they
/// agree, else the matrix's language.
fn convention(lf: &Logframe, ind: &Indicator) -> Option<Convention> {
    let declared: Vec<Convention> = [&ind.baseline, &ind.target]
        .iter()
        .filter_map(|v| numbers::declared(v))
        .collect();
    match declared.first() {
        Some(first) if declared.iter().all(|c| c == first) => Some(*first),
        _ => Convention::of_language(&lf.language),
    }
}

/// The baseline and target of a quantitative indicator as numbers, when both read as one.
fn values(lf: &Logframe, ind: &Indicator) -> Option<(f64, f64)> {
    let c = convention(lf, ind);
    Some((
        numbers::read(&ind.baseline, c).number()?,
        numbers::read(&ind.target, c).number()?,
    ))
}

/// A value that could be read as two numbers ("1.234" with no language or format to say which)
/// is asked about rather than guessed.
pub fn ambiguous_numbers(lf: &Logframe) -> Vec<Finding> {
    indicators(lf)
        .filter(|(_, i)| i.measure != Measure::Qualitative)
        .filter(|(_, i)| {
            let c = convention(lf, i);
            [&i.baseline, &i.target]
                .iter()
                .any(|v| matches!(numbers::read(v, c), Reading::Ambiguous(..)))
        })
        .map(|(_, i)| Finding::warning("ambiguous-number", ind_anchor(i)))
        .collect()
}

/// The target differs from the baseline in the indicator's direction.
pub fn targets_move_in_direction(lf: &Logframe) -> Vec<Finding> {
    indicators(lf)
        .filter(|(_, i)| i.measure != Measure::Qualitative)
        .filter(|(_, i)| {
            values(lf, i).is_some_and(|(b, t)| match i.direction {
                Direction::Increase => t <= b,
                Direction::Decrease => t >= b,
                Direction::Maintain => (t - b).abs() > f64::EPSILON * b.abs().max(1.0),
            })
        })
        .map(|(_, i)| Finding::error("target-direction", ind_anchor(i)))
        .collect()
}

/// A percentage lies between 0 and 100.
pub fn percentages_in_range(lf: &Logframe) -> Vec<Finding> {
    indicators(lf)
        .filter(|(_, i)| i.measure == Measure::Percentage)
        .filter(|(_, i)| {
            let c = convention(lf, i);
            [&i.baseline, &i.target].iter().any(|v| {
                numbers::read(v, c)
                    .number()
                    .is_some_and(|n| !(0.0..=100.0).contains(&n))
            })
        })
        .map(|(_, i)| Finding::error("percent-range", ind_anchor(i)))
        .collect()
}

/// The year of an ISO date.
fn year_of(date: &str) -> Option<i32> {
    chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .ok()
        .map(|d| chrono::Datelike::year(&d))
}

/// The target is not dated before the baseline's year.
pub fn targets_after_baselines(lf: &Logframe) -> Vec<Finding> {
    indicators(lf)
        .filter(|(_, i)| {
            matches!((i.baseline_year, year_of(&i.target_date)), (Some(b), Some(t)) if t < b)
        })
        .map(|(_, i)| Finding::error("target-before-baseline", ind_anchor(i)))
        .collect()
}

/// Results (outputs) are reached by the project's end; an outcome target after it is advice (it
/// can be measured by the final evaluation); impact targets may lie beyond it.
pub fn targets_within_the_project(lf: &Logframe) -> Vec<Finding> {
    let Ok(end) = chrono::NaiveDate::parse_from_str(lf.project_end.trim(), "%Y-%m-%d") else {
        return vec![];
    };
    indicators(lf)
        .filter(|(_, i)| {
            chrono::NaiveDate::parse_from_str(i.target_date.trim(), "%Y-%m-%d")
                .is_ok_and(|t| t > end)
        })
        .filter_map(|(r, i)| match r.level {
            Level::Result => Some(Finding::error("target-after-end", ind_anchor(i))),
            Level::Specific => Some(Finding::warning("outcome-target-after-end", ind_anchor(i))),
            _ => None,
        })
        .collect()
}

/// Whether a qualitative value is a quantity: a number (not a year) alone, with a percent sign,
/// or with a short unit ("3 procedure"). Names with digits ("Strategia 2030 approvata",
/// "ISO 14001", "programmazione 2021-2027") are words.
fn reads_as_quantity(value: &str) -> bool {
    let Some(rest) = numbers::after_number(value) else {
        return false;
    };
    let n = match numbers::read(value, None) {
        Reading::Number(n) | Reading::Ambiguous(n, _) => n,
        Reading::Words => return false,
    };
    let lead = value.trim();
    let year_like = n.fract() == 0.0
        && (1900.0..=2100.0).contains(&n)
        && lead.chars().take_while(char::is_ascii_digit).count() == 4;
    if year_like {
        return false;
    }
    // "2021-2027", "3/5": a range or a ratio written with digits is a name or a score.
    if rest.starts_with(['-', '–', '/']) {
        return false;
    }
    rest == "%" || Text::new(rest).words().len() <= 3
}

/// A qualitative indicator describes a state; a value that is only a quantity suggests the
/// indicator is numeric (advice).
pub fn qualitative_values_are_words(lf: &Logframe) -> Vec<Finding> {
    indicators(lf)
        .filter(|(_, i)| i.measure == Measure::Qualitative)
        .filter(|(_, i)| reads_as_quantity(&i.baseline) || reads_as_quantity(&i.target))
        .map(|(_, i)| Finding::warning("qualitative-numbers", ind_anchor(i)))
        .collect()
}

/// At specific-objective (outcome) level, an indicator that counts meetings, seminars or
/// trainings held measures the activities, not the change (advice).
pub fn no_process_indicators_for_outcomes(lf: &Logframe) -> Vec<Finding> {
    let lists = Lists::get();
    indicators(lf)
        .filter(|(r, i)| r.level == Level::Specific && i.measure == Measure::Number)
        .filter(|(_, i)| lists.counts(&i.text, &i.unit, |l| &l.process_nouns))
        .map(|(_, i)| Finding::warning("process-indicator", ind_anchor(i)))
        .collect()
}

/// An indicator that counts people is disaggregated by sex (advice, as the EU gender action plan
/// asks), unless it already counts women or men.
pub fn people_counted_by_sex(lf: &Logframe) -> Vec<Finding> {
    let lists = Lists::get();
    indicators(lf)
        .filter(|(_, i)| i.measure != Measure::Qualitative)
        .filter(|(_, i)| lists.counts(&i.text, &i.unit, |l| &l.people_nouns))
        .filter(|(_, i)| {
            ![&i.disaggregation, &i.text, &i.unit]
                .iter()
                .any(|t| lists.mentions(t, |l| &l.sex_words))
        })
        .map(|(_, i)| Finding::warning("no-sex-disaggregation", ind_anchor(i)))
        .collect()
}

/// Each specific objective (outcome) and each result (output) states the assumptions of its own
/// transition to the level above; the overall objective has no assumptions cell.
pub fn assumptions_on_each_row(lf: &Logframe) -> Vec<Finding> {
    lf.rows
        .iter()
        .filter(|r| matches!(r.level, Level::Specific | Level::Result) && blank(&r.assumptions))
        .map(|r| Finding::error("no-assumption", row_anchor(r)))
        .collect()
}

/// In the classic matrix the activities' assumptions cell is often empty when pre-conditions are
/// stated; with neither, the matrix says nothing of what the activities need (advice).
pub fn activities_have_assumptions_or_preconditions(lf: &Logframe) -> Vec<Finding> {
    let activities: Vec<&Row> = lf
        .rows
        .iter()
        .filter(|r| r.level == Level::Activity)
        .collect();
    if lf.mode != Mode::Classic
        || activities.is_empty()
        || !blank(&lf.preconditions)
        || activities.iter().any(|r| !blank(&r.assumptions))
    {
        return vec![];
    }
    vec![Finding::warning(
        "no-activity-assumption",
        row_anchor(activities[0]),
    )]
}

/// The same assumption copied to every row, across levels, says nothing of each transition
/// (advice).
pub fn assumptions_not_copied(lf: &Logframe) -> Vec<Finding> {
    let stated: Vec<(&Row, String)> = lf
        .rows
        .iter()
        .filter(|r| !blank(&r.assumptions))
        .map(|r| (r, Text::new(&r.assumptions).words().join(" ")))
        .collect();
    let levels: std::collections::BTreeSet<Level> = stated.iter().map(|(r, _)| r.level).collect();
    let rows_with_cell = lf.rows.iter().filter(|r| r.level != Level::Overall).count();
    if stated.len() >= 3
        && stated.len() >= rows_with_cell
        && levels.len() >= 2
        && stated.iter().all(|(_, t)| *t == stated[0].1)
    {
        vec![Finding::warning(
            "copied-assumption",
            row_anchor(stated[1].0),
        )]
    } else {
        vec![]
    }
}

/// In the classic matrix each activity states its means and costs (advice while no budget
/// product gives them).
pub fn activities_have_means(lf: &Logframe) -> Vec<Finding> {
    if lf.mode != Mode::Classic {
        return vec![];
    }
    lf.rows
        .iter()
        .filter(|r| r.level == Level::Activity && (blank(&r.means) || blank(&r.costs)))
        .map(|r| Finding::warning("activity-means", row_anchor(r)))
        .collect()
}

/// The results-chain matrix has no activities and at most 10 expected results, impact included.
pub fn results_chain_limits(lf: &Logframe) -> Vec<Finding> {
    if lf.mode != Mode::ResultsChain {
        return vec![];
    }
    let mut out: Vec<Finding> = lf
        .rows
        .iter()
        .filter(|r| r.level == Level::Activity)
        .map(|r| Finding::error("chain-activity", row_anchor(r)))
        .collect();
    let results = count(lf, Level::Overall) + count(lf, Level::Specific) + count(lf, Level::Result);
    if results > 10 {
        out.push(Finding::error("chain-too-many", String::new()));
    }
    out
}

/// Objectives and results are worded as the change or the product achieved, not as the activity
/// that leads to it ("Organizzare…", "Realizzazione di…", "To organise…", "Organisation de…").
/// Advice: the tutor asks for the wording to change.
pub fn wording_states_changes(lf: &Logframe) -> Vec<Finding> {
    let lists = Lists::get();
    lf.rows
        .iter()
        .filter(|r| r.level != Level::Activity)
        .filter(|r| lists.reads_as_activity(&r.text))
        .map(|r| {
            let rule = if r.level == Level::Result {
                "activity-result"
            } else {
                "activity-objective"
            };
            Finding::warning(rule, row_anchor(r))
        })
        .collect()
}

/// Two rows with the same or nearly the same text, or a row that restates its parent, leave a
/// step of the logic unsaid (advice).
pub fn rows_differ(lf: &Logframe) -> Vec<Finding> {
    let lists = Lists::get();
    let parents = lf.parents();
    let keys: Vec<Vec<String>> = lf
        .rows
        .iter()
        .map(|r| lists.content_stems(&r.text, &lf.language))
        .collect();
    let mut out = Vec::new();
    for j in 0..lf.rows.len() {
        if keys[j].is_empty() {
            continue;
        }
        let parent = parents[j].filter(|&p| wording::near_duplicates(&keys[p], &keys[j]));
        let similar = (0..j).find(|&i| wording::near_duplicates(&keys[i], &keys[j]));
        // The parent is named first: restating it is the more telling flaw.
        let found = match (parent, similar) {
            (Some(p), _) => Some(("restates-parent", p)),
            (None, Some(i)) => Some(("duplicate-row", i)),
            _ => None,
        };
        if let Some((rule, other)) = found {
            out.push(Finding {
                related: row_anchor(&lf.rows[other]),
                ..Finding::warning(rule, row_anchor(&lf.rows[j]))
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
