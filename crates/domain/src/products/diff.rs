//! Comparing two versions of a product: for a logframe, which rows and which cells changed
//! (rows and indicators are matched by their stable ids, so a moved row is a move, not a delete
//! and an add); for text, which lines.

use super::logframe::{Indicator, Logframe, Row};
use serde::Serialize;

/// What happened to a row or an indicator between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Same,
    Added,
    Removed,
    Changed,
}

/// One indicator compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorDiff {
    pub id: String,
    pub change: Change,
    /// Names of the fields that differ.
    pub fields: Vec<&'static str>,
    pub old: Option<Indicator>,
    pub new: Option<Indicator>,
}

/// One row compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowDiff {
    pub id: String,
    pub change: Change,
    /// Its number in the old and in the new version (they differ when it moved).
    pub old_number: Option<String>,
    pub new_number: Option<String>,
    /// Names of the cells that differ.
    pub cells: Vec<&'static str>,
    pub indicators: Vec<IndicatorDiff>,
    pub old: Option<Row>,
    pub new: Option<Row>,
}

/// The whole comparison, rows in the new order with removed rows where they were.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogframeDiff {
    /// Metadata fields that differ (mode, macro_area, countries, sectors, language, project_end,
    /// preconditions, marked_final).
    pub meta: Vec<&'static str>,
    pub rows: Vec<RowDiff>,
    pub changed: usize,
}

fn row_cells(a: &Row, b: &Row) -> Vec<&'static str> {
    let mut out = Vec::new();
    if a.level != b.level {
        out.push("level");
    }
    for (name, x, y) in [
        ("text", &a.text, &b.text),
        ("sources", &a.sources, &b.sources),
        ("assumptions", &a.assumptions, &b.assumptions),
        ("means", &a.means, &b.means),
        ("costs", &a.costs, &b.costs),
    ] {
        if x != y {
            out.push(name);
        }
    }
    out
}

fn indicator_fields(a: &Indicator, b: &Indicator) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, x, y) in [
        ("text", &a.text, &b.text),
        ("unit", &a.unit, &b.unit),
        ("baseline", &a.baseline, &b.baseline),
        ("target", &a.target, &b.target),
        ("target_date", &a.target_date, &b.target_date),
        ("milestones", &a.milestones, &b.milestones),
        ("source", &a.source, &b.source),
        ("disaggregation", &a.disaggregation, &b.disaggregation),
    ] {
        if x != y {
            out.push(name);
        }
    }
    if a.measure != b.measure {
        out.push("measure");
    }
    if a.direction != b.direction {
        out.push("direction");
    }
    if a.baseline_year != b.baseline_year {
        out.push("baseline_year");
    }
    out
}

fn indicators(old: &[Indicator], new: &[Indicator]) -> Vec<IndicatorDiff> {
    let mut out: Vec<IndicatorDiff> = new
        .iter()
        .map(|n| match old.iter().find(|o| o.id == n.id) {
            Some(o) => {
                let fields = indicator_fields(o, n);
                IndicatorDiff {
                    id: n.id.clone(),
                    change: if fields.is_empty() {
                        Change::Same
                    } else {
                        Change::Changed
                    },
                    fields,
                    old: Some(o.clone()),
                    new: Some(n.clone()),
                }
            }
            None => IndicatorDiff {
                id: n.id.clone(),
                change: Change::Added,
                fields: vec![],
                old: None,
                new: Some(n.clone()),
            },
        })
        .collect();
    for o in old.iter().filter(|o| !new.iter().any(|n| n.id == o.id)) {
        out.push(IndicatorDiff {
            id: o.id.clone(),
            change: Change::Removed,
            fields: vec![],
            old: Some(o.clone()),
            new: None,
        });
    }
    out
}

/// Compares two logframes.
pub fn logframes(old: &Logframe, new: &Logframe) -> LogframeDiff {
    let mut meta = Vec::new();
    if old.mode != new.mode {
        meta.push("mode");
    }
    if old.macro_area != new.macro_area {
        meta.push("macro_area");
    }
    if old.countries != new.countries {
        meta.push("countries");
    }
    if old.sectors != new.sectors {
        meta.push("sectors");
    }
    if old.language != new.language {
        meta.push("language");
    }
    if old.project_end != new.project_end {
        meta.push("project_end");
    }
    if old.preconditions != new.preconditions {
        meta.push("preconditions");
    }
    if old.marked_final != new.marked_final {
        meta.push("marked_final");
    }
    let old_numbers = old.numbers();
    let new_numbers = new.numbers();
    let mut rows: Vec<RowDiff> = Vec::new();
    // Removed rows are placed after the row that preceded them in the old version.
    let mut removed_after: std::collections::HashMap<Option<String>, Vec<RowDiff>> =
        Default::default();
    for (i, o) in old.rows.iter().enumerate() {
        if new.index(&o.id).is_none() {
            let before = (0..i)
                .rev()
                .map(|k| &old.rows[k].id)
                .find(|id| new.index(id).is_some())
                .cloned();
            removed_after.entry(before).or_default().push(RowDiff {
                id: o.id.clone(),
                change: Change::Removed,
                old_number: Some(old_numbers[i].clone()),
                new_number: None,
                cells: vec![],
                indicators: indicators(&o.indicators, &[]),
                old: Some(o.clone()),
                new: None,
            });
        }
    }
    rows.extend(removed_after.remove(&None).unwrap_or_default());
    for (i, n) in new.rows.iter().enumerate() {
        let diff = match old.index(&n.id) {
            Some(k) => {
                let o = &old.rows[k];
                let cells = row_cells(o, n);
                let inds = indicators(&o.indicators, &n.indicators);
                let moved = old_numbers[k] != new_numbers[i];
                let changed =
                    !cells.is_empty() || moved || inds.iter().any(|d| d.change != Change::Same);
                RowDiff {
                    id: n.id.clone(),
                    change: if changed {
                        Change::Changed
                    } else {
                        Change::Same
                    },
                    old_number: Some(old_numbers[k].clone()),
                    new_number: Some(new_numbers[i].clone()),
                    cells,
                    indicators: inds,
                    old: Some(o.clone()),
                    new: Some(n.clone()),
                }
            }
            None => RowDiff {
                id: n.id.clone(),
                change: Change::Added,
                old_number: None,
                new_number: Some(new_numbers[i].clone()),
                cells: vec![],
                indicators: indicators(&[], &n.indicators),
                old: None,
                new: Some(n.clone()),
            },
        };
        rows.push(diff);
        rows.extend(
            removed_after
                .remove(&Some(n.id.clone()))
                .unwrap_or_default(),
        );
    }
    let changed = rows.iter().filter(|r| r.change != Change::Same).count() + meta.len();
    LogframeDiff {
        meta,
        rows,
        changed,
    }
}

/// One line of a text comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    pub change: Change,
    pub text: String,
}

/// Most lines compared line by line; longer texts are compared as a whole.
pub const MAX_LINES: usize = 3_000;

/// Compares two texts line by line (longest common subsequence).
pub fn lines(old: &str, new: &str) -> Vec<Line> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    if a.len() > MAX_LINES || b.len() > MAX_LINES {
        let mut out: Vec<Line> = a
            .iter()
            .map(|t| Line {
                change: Change::Removed,
                text: t.to_string(),
            })
            .collect();
        out.extend(b.iter().map(|t| Line {
            change: Change::Added,
            text: t.to_string(),
        }));
        return out;
    }
    // lcs[i][j]: length of the common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(Line {
                change: Change::Same,
                text: a[i].to_string(),
            });
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(Line {
                change: Change::Added,
                text: b[j].to_string(),
            });
            j += 1;
        } else {
            out.push(Line {
                change: Change::Removed,
                text: a[i].to_string(),
            });
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::products::logframe::{Level, Mode, Op};

    #[test]
    fn rows_are_matched_by_id() {
        let old = Logframe::starter(Mode::Classic);
        let mut new = old.clone();
        new.rows[1].text = "Nuovo obiettivo".into();
        new.apply(&Op::AddIndicator("r3".into()));
        new.apply(&Op::RemoveRow("r4".into()));
        new.apply(&Op::AddRow {
            after: Some("r2".into()),
            level: Level::Specific,
        });
        let d = logframes(&old, &new);
        let summary: Vec<_> = d.rows.iter().map(|r| (r.id.as_str(), r.change)).collect();
        assert_eq!(
            summary,
            [
                ("r1", Change::Same),
                ("r2", Change::Changed),
                ("r3", Change::Changed),
                ("r4", Change::Removed),
                ("r6", Change::Added),
            ]
        );
        assert_eq!(d.rows[1].cells, ["text"]);
        assert_eq!(d.rows[2].indicators[0].change, Change::Added);
        assert_eq!(d.changed, 4);
    }

    #[test]
    fn the_matrix_details_are_compared() {
        let old = Logframe::starter(Mode::ResultsChain);
        let mut new = old.clone();
        assert!(logframes(&old, &new).meta.is_empty());
        new.language = "fr".into();
        new.project_end = "2027-12-31".into();
        new.preconditions = "Convention signée".into();
        new.marked_final = true;
        assert_eq!(
            logframes(&old, &new).meta,
            ["language", "project_end", "preconditions", "marked_final"]
        );
    }

    #[test]
    fn a_moved_row_is_changed_not_replaced() {
        let mut old = Logframe::starter(Mode::Classic);
        old.apply(&Op::AddRow {
            after: Some("r2".into()),
            level: Level::Specific,
        });
        let mut new = old.clone();
        new.apply(&Op::MoveUp("r5".into()));
        let d = logframes(&old, &new);
        let r5 = d.rows.iter().find(|r| r.id == "r5").unwrap();
        assert_eq!(r5.change, Change::Changed);
        assert_eq!(r5.old_number.as_deref(), Some("2"));
        assert_eq!(r5.new_number.as_deref(), Some("1"));
        assert!(r5.cells.is_empty());
    }

    #[test]
    fn identical_versions_have_no_changes() {
        let lf = Logframe::starter(Mode::ResultsChain);
        assert_eq!(logframes(&lf, &lf).changed, 0);
    }

    #[test]
    fn lines_are_compared() {
        let d = lines("a\nb\nc", "a\nc\nd");
        let got: Vec<_> = d.iter().map(|l| (l.change, l.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (Change::Same, "a"),
                (Change::Removed, "b"),
                (Change::Same, "c"),
                (Change::Added, "d")
            ]
        );
    }
}
