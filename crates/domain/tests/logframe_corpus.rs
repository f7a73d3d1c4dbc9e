//! The corpus of well-formed logframes: written for the tests in Italian, English and French,
//! in both matrices and in different shapes, they must produce no error at all, and no advice
//! but what each file expects (a results-chain draft may leave baselines for later).

use domain::products::logframe::{Logframe, Mode};
use domain::products::quality::{blocks_submission, check, Severity};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    title: String,
    expect_advice: Vec<String>,
    logframe: Logframe,
}

fn corpus() -> Vec<(String, Case)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/logframes");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let case: Case =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().unwrap().to_string_lossy().into_owned(), case)
        })
        .collect()
}

#[test]
fn well_formed_logframes_produce_no_error() {
    for (name, case) in corpus() {
        let findings = check(&case.logframe);
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{name} ({}): {errors:?}", case.title);
        assert!(!blocks_submission(&findings));
        let advice: Vec<&str> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(advice, case.expect_advice, "{name} ({})", case.title);
    }
}

#[test]
fn the_corpus_covers_three_languages_both_matrices_and_many_shapes() {
    let cases = corpus();
    assert!(cases.len() >= 10, "at least ten logframes");
    for language in ["it", "en", "fr"] {
        let of_language: Vec<_> = cases
            .iter()
            .filter(|(name, _)| name.starts_with(language))
            .collect();
        assert!(of_language.len() >= 3, "{language}");
        for mode in [Mode::Classic, Mode::ResultsChain] {
            assert!(
                of_language.iter().any(|(_, c)| c.logframe.mode == mode),
                "{language} has a {mode:?} logframe"
            );
        }
    }
    let shapes: std::collections::BTreeSet<(&str, usize, usize)> = cases
        .iter()
        .map(|(_, c)| {
            let lf = &c.logframe;
            let count = |level| lf.rows.iter().filter(|r| r.level == level).count();
            (
                lf.mode.code(),
                count(domain::products::logframe::Level::Specific),
                count(domain::products::logframe::Level::Result),
            )
        })
        .collect();
    assert!(shapes.len() >= 6, "different shapes: {shapes:?}");
}

#[test]
fn the_check_is_not_blind_to_the_corpus() {
    // Each logframe, spoiled in one place, is refused: the corpus passes on its merits.
    for (name, case) in corpus() {
        let mut lf = case.logframe.clone();
        let row = lf
            .rows
            .iter_mut()
            .find(|r| r.level == domain::products::logframe::Level::Specific)
            .unwrap();
        row.assumptions.clear();
        row.indicators[0].source.clear();
        let rules: Vec<&str> = check(&lf)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.rule)
            .collect();
        assert!(rules.contains(&"no-assumption"), "{name}: {rules:?}");
        assert!(
            rules.contains(&"no-source") || rules.contains(&"qualitative-no-source"),
            "{name}: {rules:?}"
        );
    }
}
