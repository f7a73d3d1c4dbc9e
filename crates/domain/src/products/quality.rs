//! The logframe quality check: each rule is a pure function over the logframe that returns its
//! findings. Errors block submission; warnings are advice. Messages are Fluent ids
//! (`lf-check-<rule>`) explained in the user's language.

use super::logframe::{Direction, Level, Logframe, Measure, Mode};
use serde::Serialize;

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
}

impl Finding {
    fn error(rule: &'static str, anchor: String) -> Finding {
        Finding {
            rule,
            severity: Severity::Error,
            anchor,
        }
    }

    fn warning(rule: &'static str, anchor: String) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            anchor,
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
    objectives_and_results_have_indicators,
    quantitative_indicators_complete,
    targets_move_in_direction,
    qualitative_indicators_without_numbers,
    assumptions_at_each_level,
    results_chain_limits,
    outcome_wording,
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
            .map(|r| Finding::error("many-overall", format!("row:{}", r.id)))
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
            Finding::error(rule, format!("row:{}", r.id))
        })
        .collect()
}

/// At least one indicator on each objective and result.
pub fn objectives_and_results_have_indicators(lf: &Logframe) -> Vec<Finding> {
    lf.rows
        .iter()
        .filter(|r| r.level != Level::Activity && r.indicators.is_empty())
        .map(|r| Finding::error("no-indicator", format!("row:{}", r.id)))
        .collect()
}

/// Number and percentage indicators have a unit, a baseline with its year, a target with its
/// date, and a source.
pub fn quantitative_indicators_complete(lf: &Logframe) -> Vec<Finding> {
    let mut out = Vec::new();
    for row in &lf.rows {
        for ind in &row.indicators {
            if ind.measure == Measure::Qualitative {
                continue;
            }
            let anchor = format!("ind:{}", ind.id);
            let source = if ind.source.trim().is_empty() {
                row.sources.trim()
            } else {
                ind.source.trim()
            };
            let missing = [
                (
                    "no-unit",
                    ind.unit.trim().is_empty() && ind.measure == Measure::Number,
                ),
                (
                    "no-baseline",
                    ind.baseline.trim().is_empty() || ind.baseline_year.is_none(),
                ),
                (
                    "no-target",
                    ind.target.trim().is_empty() || ind.target_date.trim().is_empty(),
                ),
                ("no-source", source.is_empty()),
            ];
            for (rule, is_missing) in missing {
                if is_missing {
                    out.push(Finding::error(rule, anchor.clone()));
                }
            }
        }
    }
    out
}

/// Reads a value as people write it: "1.200", "1,5", "35%", "12 comuni".
pub fn number(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',' || *c == '-')
        .collect();
    if t.is_empty() {
        return None;
    }
    // A comma is the decimal separator; dots between groups of three digits separate thousands.
    let normalised = if t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else if t.matches('.').count() > 1 || t.split_once('.').is_some_and(|(_, d)| d.len() == 3) {
        t.replace('.', "")
    } else {
        t
    };
    normalised.parse().ok()
}

/// The target differs from the baseline in the indicator's direction.
pub fn targets_move_in_direction(lf: &Logframe) -> Vec<Finding> {
    let mut out = Vec::new();
    for ind in lf.rows.iter().flat_map(|r| &r.indicators) {
        if ind.measure == Measure::Qualitative {
            continue;
        }
        let (Some(b), Some(t)) = (number(&ind.baseline), number(&ind.target)) else {
            continue;
        };
        let fine = match ind.direction {
            Direction::Increase => t > b,
            Direction::Decrease => t < b,
            Direction::Maintain => (t - b).abs() < f64::EPSILON,
        };
        if !fine {
            out.push(Finding::error(
                "target-direction",
                format!("ind:{}", ind.id),
            ));
        }
    }
    out
}

/// Qualitative indicators describe; they carry no numbers in their values or unit.
pub fn qualitative_indicators_without_numbers(lf: &Logframe) -> Vec<Finding> {
    lf.rows
        .iter()
        .flat_map(|r| &r.indicators)
        .filter(|i| i.measure == Measure::Qualitative)
        .filter(|i| {
            [&i.baseline, &i.target, &i.unit]
                .iter()
                .any(|v| v.chars().any(|c| c.is_ascii_digit()))
        })
        .map(|i| Finding::error("qualitative-numbers", format!("ind:{}", i.id)))
        .collect()
}

/// Each level below the overall objective states at least one assumption (the overall objective
/// has no assumptions cell in the EU matrix).
pub fn assumptions_at_each_level(lf: &Logframe) -> Vec<Finding> {
    [Level::Specific, Level::Result, Level::Activity]
        .into_iter()
        .filter(|level| {
            let rows: Vec<_> = lf.rows.iter().filter(|r| r.level == *level).collect();
            !rows.is_empty() && rows.iter().all(|r| r.assumptions.trim().is_empty())
        })
        .map(|level| {
            let first = lf.rows.iter().find(|r| r.level == level).map(|r| &r.id);
            Finding::error(
                "no-assumption",
                first.map(|id| format!("row:{id}")).unwrap_or_default(),
            )
        })
        .collect()
}

/// The results-chain matrix has no activities and at most 10 results (outcomes and outputs).
pub fn results_chain_limits(lf: &Logframe) -> Vec<Finding> {
    if lf.mode != Mode::ResultsChain {
        return vec![];
    }
    let mut out: Vec<Finding> = lf
        .rows
        .iter()
        .filter(|r| r.level == Level::Activity)
        .map(|r| Finding::error("chain-activity", format!("row:{}", r.id)))
        .collect();
    if count(lf, Level::Specific) + count(lf, Level::Result) > 10 {
        out.push(Finding::error("chain-too-many", String::new()));
    }
    out
}

/// Verbs that open an activity rather than a change, in Italian, English and French.
const ACTIVITY_VERBS: &[&str] = &[
    "organizzare",
    "realizzare",
    "svolgere",
    "condurre",
    "effettuare",
    "predisporre",
    "tenere",
    "erogare",
    "attivare",
    "organize",
    "organise",
    "conduct",
    "hold",
    "deliver",
    "carry",
    "implement",
    "run",
    "organiser",
    "réaliser",
    "realiser",
    "mener",
    "conduire",
    "tenir",
    "mettre",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// At outcome level (specific objectives), the same wording twice, or wording that describes an
/// activity (it opens with an activity verb) rather than a change, is warned.
pub fn outcome_wording(lf: &Logframe) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: Vec<Vec<String>> = Vec::new();
    for row in lf.rows.iter().filter(|r| r.level == Level::Specific) {
        let w = words(&row.text);
        if w.is_empty() {
            continue;
        }
        if seen.contains(&w) {
            out.push(Finding::warning(
                "duplicate-outcome",
                format!("row:{}", row.id),
            ));
        }
        if ACTIVITY_VERBS.contains(&w[0].as_str()) {
            out.push(Finding::warning(
                "activity-outcome",
                format!("row:{}", row.id),
            ));
        }
        seen.push(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::products::logframe::{Indicator, Row};
    use Level::*;

    fn lf(levels: &[Level]) -> Logframe {
        let mut lf = Logframe::default();
        for (n, l) in levels.iter().enumerate() {
            lf.rows.push(Row::new(format!("r{}", n + 1), *l));
        }
        lf
    }

    fn indicator(id: &str) -> Indicator {
        Indicator {
            id: id.into(),
            text: "Accordi di partenariato firmati".into(),
            unit: "accordi".into(),
            measure: Measure::Number,
            direction: Direction::Increase,
            baseline: "0".into(),
            baseline_year: Some(2024),
            target: "3".into(),
            target_date: "2027-12-31".into(),
            source: "Registro degli accordi".into(),
            ..Indicator::default()
        }
    }

    /// A logframe that passes every rule.
    fn good() -> Logframe {
        let mut l = lf(&[Overall, Specific, Result, Activity]);
        for (k, row) in l.rows.iter_mut().enumerate() {
            row.text = format!("Testo {k}");
            row.assumptions = "Stabilità politica".into();
            if row.level != Activity {
                row.indicators.push(indicator(&format!("i{k}")));
            }
        }
        l.rows[1].text = "Capacità accresciuta dell'ente".into();
        l
    }

    fn rules_of(f: Vec<Finding>) -> Vec<&'static str> {
        f.into_iter().map(|f| f.rule).collect()
    }

    #[test]
    fn a_sound_logframe_passes() {
        assert_eq!(check(&good()), vec![]);
    }

    #[test]
    fn exactly_one_overall_objective() {
        assert_eq!(
            rules_of(one_overall_objective(&lf(&[Specific]))),
            ["no-overall"]
        );
        let two = lf(&[Overall, Overall]);
        let f = one_overall_objective(&two);
        assert_eq!(rules_of(f.clone()), ["many-overall"]);
        assert_eq!(f[0].anchor, "row:r2");
    }

    #[test]
    fn at_least_one_specific_objective() {
        assert_eq!(
            rules_of(some_specific_objective(&lf(&[Overall]))),
            ["no-specific"]
        );
        assert!(some_specific_objective(&lf(&[Overall, Specific])).is_empty());
    }

    #[test]
    fn results_and_activities_need_their_parent() {
        let l = lf(&[Overall, Result, Activity, Specific, Activity]);
        assert_eq!(
            rules_of(rows_have_parents(&l)),
            ["orphan-result", "orphan-activity"]
        );
        assert_eq!(rows_have_parents(&l)[1].anchor, "row:r5");
        assert!(rows_have_parents(&good()).is_empty());
    }

    #[test]
    fn objectives_and_results_need_indicators() {
        let l = lf(&[Overall, Specific, Result, Activity]);
        assert_eq!(objectives_and_results_have_indicators(&l).len(), 3);
    }

    #[test]
    fn quantitative_indicators_are_complete() {
        let mut l = good();
        let i = &mut l.rows[1].indicators[0];
        i.unit.clear();
        i.baseline_year = None;
        i.target_date.clear();
        i.source.clear();
        assert_eq!(
            rules_of(quantitative_indicators_complete(&l)),
            ["no-unit", "no-baseline", "no-target", "no-source"]
        );
        // The row's sources of verification count as the indicator's source.
        l.rows[1].sources = "Delibere".into();
        assert!(!rules_of(quantitative_indicators_complete(&l)).contains(&"no-source"));
        // A percentage needs no unit.
        l.rows[1].indicators[0].measure = Measure::Percentage;
        assert!(!rules_of(quantitative_indicators_complete(&l)).contains(&"no-unit"));
    }

    #[test]
    fn targets_move_the_right_way() {
        let mut l = good();
        l.rows[1].indicators[0].target = "0".into();
        assert_eq!(
            rules_of(targets_move_in_direction(&l)),
            ["target-direction"]
        );
        l.rows[1].indicators[0].direction = Direction::Decrease;
        l.rows[1].indicators[0].baseline = "1.200".into();
        l.rows[1].indicators[0].target = "900".into();
        assert!(targets_move_in_direction(&l).is_empty());
        l.rows[1].indicators[0].direction = Direction::Maintain;
        l.rows[1].indicators[0].target = "1200".into();
        assert!(targets_move_in_direction(&l).is_empty());
    }

    #[test]
    fn reads_numbers_as_written() {
        assert_eq!(number("1.200"), Some(1200.0));
        assert_eq!(number("1,5"), Some(1.5));
        assert_eq!(number("35%"), Some(35.0));
        assert_eq!(number("12 comuni"), Some(12.0));
        assert_eq!(number("3.5"), Some(3.5));
        assert_eq!(number("alto"), None);
    }

    #[test]
    fn qualitative_indicators_carry_no_numbers() {
        let mut l = good();
        let i = &mut l.rows[2].indicators[0];
        i.measure = Measure::Qualitative;
        i.baseline = "Nessuna procedura".into();
        i.target = "Procedura adottata".into();
        i.unit.clear();
        assert!(qualitative_indicators_without_numbers(&l).is_empty());
        l.rows[2].indicators[0].target = "3 procedure".into();
        assert_eq!(
            rules_of(qualitative_indicators_without_numbers(&l)),
            ["qualitative-numbers"]
        );
    }

    #[test]
    fn each_level_states_an_assumption() {
        let mut l = good();
        l.rows[0].assumptions.clear();
        assert!(assumptions_at_each_level(&l).is_empty());
        l.rows[3].assumptions.clear();
        let f = assumptions_at_each_level(&l);
        assert_eq!(rules_of(f.clone()), ["no-assumption"]);
        assert_eq!(f[0].anchor, "row:r4");
    }

    #[test]
    fn the_results_chain_is_short_and_has_no_activities() {
        let mut l = lf(&[Overall, Specific, Result, Activity]);
        assert!(results_chain_limits(&l).is_empty());
        l.mode = Mode::ResultsChain;
        assert_eq!(rules_of(results_chain_limits(&l)), ["chain-activity"]);
        let mut long = lf(&[Overall]);
        long.mode = Mode::ResultsChain;
        for n in 0..11 {
            long.rows.push(Row::new(format!("x{n}"), Result));
        }
        assert_eq!(rules_of(results_chain_limits(&long)), ["chain-too-many"]);
    }

    #[test]
    fn outcome_wording_is_warned() {
        let mut l = lf(&[Overall, Specific, Specific, Specific]);
        l.rows[1].text = "Migliorata la capacità di progettazione".into();
        l.rows[2].text = "migliorata la capacità  di progettazione.".into();
        l.rows[3].text = "Organizzare tre seminari".into();
        let f = outcome_wording(&l);
        assert_eq!(
            rules_of(f.clone()),
            ["duplicate-outcome", "activity-outcome"]
        );
        assert!(f.iter().all(|f| f.severity == Severity::Warning));
        assert!(!blocks_submission(&f));
    }
}
