//! One test per rule: a minimal logframe that triggers it and one that does not. The corpus of
//! well-formed logframes in `crates/domain/tests/data/logframes` is checked by
//! `tests/logframe_corpus.rs`.

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

fn qualitative(id: &str, baseline: &str, target: &str) -> Indicator {
    Indicator {
        id: id.into(),
        text: "Stato della pianificazione strategica".into(),
        measure: Measure::Qualitative,
        baseline: baseline.into(),
        target: target.into(),
        source: "Delibere di giunta".into(),
        ..Indicator::default()
    }
}

/// A classic logframe that passes every rule.
fn good() -> Logframe {
    let mut l = lf(&[Overall, Specific, Result, Activity]);
    let texts = [
        "Contribuire allo sviluppo locale sostenibile",
        "Rafforzata la capacità di progettazione dei Comuni",
        "Piano della mobilità sostenibile adottato",
        "Analisi dei flussi di traffico nel centro storico",
    ];
    let assumptions = [
        "",
        "Le giunte confermano il mandato",
        "Il consiglio approva il bilancio",
        "I dati comunali sono disponibili",
    ];
    for (k, row) in l.rows.iter_mut().enumerate() {
        row.text = texts[k].into();
        row.assumptions = assumptions[k].into();
        if row.level != Activity {
            row.indicators.push(indicator(&format!("i{k}")));
        }
    }
    l.rows[3].means = "Tecnici comunali, software di simulazione".into();
    l.rows[3].costs = "€ 5.000".into();
    l
}

/// A results-chain logframe (impact, outcome, output) that passes every rule.
fn good_chain() -> Logframe {
    let mut l = good();
    l.mode = Mode::ResultsChain;
    l.rows.pop();
    l
}

fn rules_of(f: Vec<Finding>) -> Vec<&'static str> {
    f.into_iter().map(|f| f.rule).collect()
}

fn errors_of(l: &Logframe) -> Vec<Finding> {
    check(l)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

#[test]
fn sound_logframes_pass() {
    assert_eq!(check(&good()), vec![]);
    assert_eq!(check(&good_chain()), vec![]);
}

#[test]
fn every_finding_is_a_listed_rule_with_its_severity() {
    // Every broken fixture below, run through the whole check.
    let mut bad = vec![
        lf(&[Result, Activity, Overall, Overall]),
        lf(&[Overall, Specific, Result]),
    ];
    let mut l = good();
    l.rows[1].indicators[0] = Indicator {
        baseline: "1.234".into(),
        target: "120".into(),
        measure: Measure::Percentage,
        ..indicator("x")
    };
    l.rows[2].text = "Organizzare tre seminari".into();
    bad.push(l);
    for l in &bad {
        for f in check(l) {
            assert!(
                RULE_IDS.contains(&(f.rule, f.severity)),
                "{} is not listed with its severity",
                f.rule
            );
        }
    }
    let mut ids: Vec<_> = RULE_IDS.iter().map(|(id, _)| *id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), RULE_IDS.len(), "rule ids are unique");
}

#[test]
fn every_rule_is_explained_in_three_languages_and_in_the_readme() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for lang in ["it", "en", "fr"] {
        let ftl =
            std::fs::read_to_string(root.join(format!("crates/web/locales/{lang}/products.ftl")))
                .unwrap();
        for (id, _) in RULE_IDS {
            assert!(
                ftl.contains(&format!("\nlf-check-{id} = ")),
                "lf-check-{id} missing in {lang}"
            );
        }
    }
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    for (id, severity) in RULE_IDS {
        let severity = match severity {
            Severity::Error => "error",
            Severity::Warning => "advice",
        };
        assert!(
            readme.contains(&format!("| `{id}` | {severity} |")),
            "the README's table lists `{id}` as {severity}"
        );
    }
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
    assert!(one_overall_objective(&good()).is_empty());
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
fn no_level_is_left_empty_below_a_row() {
    let l = lf(&[Overall, Specific, Specific, Result, Result, Activity]);
    let f = levels_below_are_filled(&l);
    assert_eq!(rules_of(f.clone()), ["empty-specific", "empty-result"]);
    assert_eq!(
        (f[0].anchor.as_str(), f[1].anchor.as_str()),
        ("row:r2", "row:r4")
    );
    // The results chain has no activities: an output is complete without them.
    let mut chain = lf(&[Overall, Specific, Result]);
    chain.mode = Mode::ResultsChain;
    assert!(levels_below_are_filled(&chain).is_empty());
    assert!(levels_below_are_filled(&good()).is_empty());
}

#[test]
fn objectives_and_results_need_indicators() {
    let l = lf(&[Overall, Specific, Result, Activity]);
    assert_eq!(objectives_and_results_have_indicators(&l).len(), 3);
    assert!(objectives_and_results_have_indicators(&good()).is_empty());
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
    assert!(quantitative_indicators_complete(&l)
        .iter()
        .all(|f| f.severity == Severity::Error));
    // The row's sources of verification count as the indicator's source.
    l.rows[1].sources = "Delibere".into();
    assert!(!rules_of(quantitative_indicators_complete(&l)).contains(&"no-source"));
    // A percentage needs no unit.
    l.rows[1].indicators[0].measure = Measure::Percentage;
    assert!(!rules_of(quantitative_indicators_complete(&l)).contains(&"no-unit"));
    assert!(quantitative_indicators_complete(&good()).is_empty());
}

#[test]
fn a_results_chain_draft_may_leave_baselines_and_targets_for_later() {
    // False block removed: the EU template lets them be completed at contract signature or in
    // the first progress report.
    let mut l = good_chain();
    for row in &mut l.rows {
        let i = &mut row.indicators[0];
        i.baseline.clear();
        i.baseline_year = None;
        i.target.clear();
        i.target_date.clear();
    }
    l.rows[2]
        .indicators
        .push(qualitative("q1", "Nessun piano", ""));
    assert_eq!(errors_of(&l), vec![]);
    let f = check(&l);
    assert_eq!(
        rules_of(f.clone()),
        [
            "chain-baseline-pending",
            "chain-target-pending",
            "chain-baseline-pending",
            "chain-target-pending",
            "chain-baseline-pending",
            "chain-target-pending",
            "chain-target-pending",
        ]
    );
    assert_eq!(f[0].anchor, "ind:i0");
    // Marked final, they are required.
    l.marked_final = true;
    assert_eq!(
        rules_of(errors_of(&l)),
        [
            "no-baseline",
            "no-target",
            "no-baseline",
            "no-target",
            "no-baseline",
            "no-target",
            "qualitative-no-target",
        ]
    );
}

#[test]
fn qualitative_indicators_have_a_source_and_a_target_state() {
    let mut l = good();
    l.rows[2]
        .indicators
        .push(qualitative("q1", "Nessuna strategia", ""));
    l.rows[2].indicators[1].source.clear();
    assert_eq!(
        rules_of(qualitative_indicators_complete(&l)),
        ["qualitative-no-target", "qualitative-no-source"]
    );
    l.rows[2].indicators[1].target = "Strategia adottata dalla giunta".into();
    l.rows[2].sources = "Albo pretorio".into();
    assert!(qualitative_indicators_complete(&l).is_empty());
}

#[test]
fn an_ambiguous_value_is_asked_about_not_guessed() {
    let mut l = good();
    l.rows[1].indicators[0].baseline = "1.234".into();
    l.rows[1].indicators[0].target = "2.000".into();
    let f = ambiguous_numbers(&l);
    assert_eq!(rules_of(f.clone()), ["ambiguous-number"]);
    assert_eq!(f[0].anchor, "ind:i1");
    // Neither the direction nor anything else is judged on a guess.
    assert!(targets_move_in_direction(&l).is_empty());
    // The author's language says which it is.
    l.language = "it".into();
    assert!(ambiguous_numbers(&l).is_empty());
    l.language = "en".into();
    assert!(ambiguous_numbers(&l).is_empty());
    // So does the format the indicator's own values declare.
    l.language.clear();
    l.rows[1].indicators[0].target = "2.500.000".into();
    assert!(ambiguous_numbers(&l).is_empty());
    assert!(targets_move_in_direction(&l).is_empty());
}

#[test]
fn decimals_are_not_misread() {
    // False block removed: 0.705 was read as seven hundred and five, so a rise to 0.750 was
    // refused as a fall.
    for language in ["", "it", "en", "fr"] {
        let mut l = good();
        l.language = language.into();
        let i = &mut l.rows[0].indicators[0];
        i.text = "Indice di sviluppo umano della regione".into();
        i.unit = "indice".into();
        i.baseline = "0.705".into();
        i.target = "0.750".into();
        assert_eq!(check(&l), vec![], "language {language:?}");
        l.rows[0].indicators[0].baseline = "0,705".into();
        l.rows[0].indicators[0].target = "0,75".into();
        assert_eq!(check(&l), vec![], "language {language:?}");
    }
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
    l.language = "it".into();
    assert!(targets_move_in_direction(&l).is_empty());
    l.rows[1].indicators[0].direction = Direction::Maintain;
    l.rows[1].indicators[0].target = "1200".into();
    assert!(targets_move_in_direction(&l).is_empty());
}

#[test]
fn percentages_lie_between_0_and_100() {
    let mut l = good();
    let i = &mut l.rows[2].indicators[0];
    i.measure = Measure::Percentage;
    i.baseline = "35%".into();
    i.target = "120".into();
    assert_eq!(rules_of(percentages_in_range(&l)), ["percent-range"]);
    l.rows[2].indicators[0].target = "100 %".into();
    assert!(percentages_in_range(&l).is_empty());
    // A number indicator may exceed 100.
    l.rows[2].indicators[0].measure = Measure::Number;
    l.rows[2].indicators[0].target = "120".into();
    assert!(percentages_in_range(&l).is_empty());
}

#[test]
fn a_target_is_not_dated_before_its_baseline() {
    let mut l = good();
    l.rows[1].indicators[0].baseline_year = Some(2025);
    l.rows[1].indicators[0].target_date = "2024-12-31".into();
    assert_eq!(
        rules_of(targets_after_baselines(&l)),
        ["target-before-baseline"]
    );
    l.rows[1].indicators[0].target_date = "2025-12-31".into();
    assert!(targets_after_baselines(&l).is_empty());
}

#[test]
fn results_are_reached_within_the_project() {
    let mut l = good();
    for row in &mut l.rows {
        for i in &mut row.indicators {
            i.target_date = "2028-06-30".into();
        }
    }
    // Without a project end nothing is judged.
    assert!(targets_within_the_project(&l).is_empty());
    l.project_end = "2027-12-31".into();
    let f = targets_within_the_project(&l);
    assert_eq!(
        f.iter().map(|f| (f.rule, f.severity)).collect::<Vec<_>>(),
        [
            ("outcome-target-after-end", Severity::Warning),
            ("target-after-end", Severity::Error),
        ]
    );
    assert_eq!(f[1].anchor, "ind:i2");
    assert!(targets_within_the_project(&good()).is_empty());
}

#[test]
fn digits_in_names_are_words_not_values() {
    // False block removed: a qualitative indicator naming a plan, a standard or a period.
    let mut l = good();
    l.rows[2].indicators[0] = qualitative(
        "q1",
        "Nessuna certificazione; programmazione 2021-2027 in corso",
        "Strategia 2030 approvata e certificazione ISO 14001 ottenuta",
    );
    l.rows[1].indicators[0] =
        qualitative("q2", "2030 Agenda not yet adopted", "2030 Agenda adopted");
    assert_eq!(check(&l), vec![]);
    assert!(qualitative_values_are_words(&l).is_empty());
    // A value that is only a quantity suggests a numeric indicator (advice).
    l.rows[2].indicators[0].target = "3 procedure".into();
    let f = qualitative_values_are_words(&l);
    assert_eq!(rules_of(f.clone()), ["qualitative-numbers"]);
    assert_eq!(f[0].severity, Severity::Warning);
}

#[test]
fn outcomes_are_not_measured_by_activities_held() {
    let mut l = good();
    l.rows[1].indicators[0].text = "Numero di seminari realizzati".into();
    l.rows[1].indicators[0].unit = "seminari".into();
    assert_eq!(
        rules_of(no_process_indicators_for_outcomes(&l)),
        ["process-indicator"]
    );
    // At result level, counting what was delivered is fine.
    let mut r = good();
    r.rows[2].indicators[0] = l.rows[1].indicators[0].clone();
    assert!(no_process_indicators_for_outcomes(&r).is_empty());
    assert!(no_process_indicators_for_outcomes(&good()).is_empty());
}

#[test]
fn people_are_counted_by_sex() {
    let mut l = good();
    l.rows[2].indicators[0].text = "Number of municipal staff trained".into();
    l.rows[2].indicators[0].unit = "people".into();
    assert_eq!(
        rules_of(people_counted_by_sex(&l)),
        ["no-sex-disaggregation"]
    );
    l.rows[2].indicators[0].disaggregation = "sex, age".into();
    assert!(people_counted_by_sex(&l).is_empty());
    l.rows[2].indicators[0].disaggregation.clear();
    l.rows[2].indicators[0].text = "Numero di donne funzionarie formate".into();
    l.rows[2].indicators[0].unit = "funzionarie".into();
    assert!(people_counted_by_sex(&l).is_empty());
    assert!(people_counted_by_sex(&good()).is_empty());
}

#[test]
fn assumptions_are_checked_on_each_row_where_they_belong() {
    let mut l = good();
    l.rows.insert(
        3,
        Row {
            text: "Personale formato sulla mobilità".into(),
            indicators: vec![indicator("i9")],
            ..Row::new("r9".into(), Result)
        },
    );
    l.rows.push(Row {
        text: "Corso sulla pianificazione".into(),
        means: "Docenti".into(),
        costs: "€ 2.000".into(),
        ..Row::new("r10".into(), Activity)
    });
    let f = assumptions_on_each_row(&l);
    assert_eq!(rules_of(f.clone()), ["no-assumption"]);
    assert_eq!(f[0].anchor, "row:r9");
    l.rows[3].assumptions = "Il personale formato resta in servizio".into();
    assert!(assumptions_on_each_row(&l).is_empty());
}

#[test]
fn activities_without_assumptions_are_never_blocked() {
    // False block removed: the activities' cell is often empty when pre-conditions are stated.
    let mut l = good();
    l.rows[3].assumptions.clear();
    assert_eq!(errors_of(&l), vec![]);
    assert_eq!(
        rules_of(activities_have_assumptions_or_preconditions(&l)),
        ["no-activity-assumption"]
    );
    assert_eq!(check(&l)[0].severity, Severity::Warning);
    l.preconditions = "Convenzione di partenariato firmata".into();
    assert_eq!(check(&l), vec![]);
}

#[test]
fn one_assumption_copied_to_every_row_is_advised_against() {
    let mut l = good();
    for row in &mut l.rows[1..] {
        row.assumptions = "Stabilità politica".into();
    }
    let f = assumptions_not_copied(&l);
    assert_eq!(rules_of(f.clone()), ["copied-assumption"]);
    assert_eq!(f[0].severity, Severity::Warning);
    // The same assumption on two rows of a level is fine.
    l.rows[3].assumptions = "Dati disponibili".into();
    assert!(assumptions_not_copied(&l).is_empty());
}

#[test]
fn activities_state_means_and_costs() {
    let mut l = good();
    l.rows[3].costs.clear();
    let f = activities_have_means(&l);
    assert_eq!(rules_of(f.clone()), ["activity-means"]);
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(activities_have_means(&good()).is_empty());
}

#[test]
fn the_results_chain_has_no_activities_and_ten_results_at_most_impact_included() {
    let mut l = lf(&[Overall, Specific, Result, Activity]);
    assert!(results_chain_limits(&l).is_empty());
    l.mode = Mode::ResultsChain;
    assert_eq!(rules_of(results_chain_limits(&l)), ["chain-activity"]);
    // 1 impact, 1 outcome and 8 outputs are ten results: the limit.
    let mut ten = lf(&[Overall, Specific]);
    ten.mode = Mode::ResultsChain;
    for n in 0..8 {
        ten.rows.push(Row::new(format!("x{n}"), Result));
    }
    assert!(results_chain_limits(&ten).is_empty());
    // One more output makes eleven, counting the impact.
    ten.rows.push(Row::new("x9".into(), Result));
    assert_eq!(rules_of(results_chain_limits(&ten)), ["chain-too-many"]);
}

#[test]
fn objectives_and_results_are_not_worded_as_activities() {
    let mut l = good();
    l.rows[0].text = "Organizzare la cooperazione tra i Comuni".into();
    l.rows[1].text = "To organise three seminars on project design".into();
    l.rows[2].text = "Realizzazione di una guida alla mobilità".into();
    // Activities are actions: their wording is not judged.
    l.rows[3].text = "Organiser des ateliers avec les habitants".into();
    let f = wording_states_changes(&l);
    assert_eq!(
        rules_of(f.clone()),
        [
            "activity-objective",
            "activity-objective",
            "activity-result"
        ]
    );
    assert_eq!(f[2].anchor, "row:r3");
    assert!(f.iter().all(|f| f.severity == Severity::Warning));
    assert!(wording_states_changes(&good()).is_empty());
}

#[test]
fn rows_say_different_things() {
    let mut l = good();
    // A result that restates its specific objective.
    l.rows[2].text = "Capacità di progettazione dei Comuni rafforzata".into();
    let f = rows_differ(&l);
    assert_eq!(rules_of(f.clone()), ["restates-parent"]);
    assert_eq!(
        (f[0].anchor.as_str(), f[0].related.as_str()),
        ("row:r3", "row:r2")
    );
    // Two results with nearly the same text.
    let mut d = good();
    d.rows.push(Row {
        text: "Adottato il piano della mobilità sostenibile.".into(),
        ..Row::new("r5".into(), Result)
    });
    let f = rows_differ(&d);
    assert_eq!(rules_of(f.clone()), ["duplicate-row"]);
    assert_eq!(
        (f[0].anchor.as_str(), f[0].related.as_str()),
        ("row:r5", "row:r3")
    );
    assert!(rows_differ(&good()).is_empty());
}
