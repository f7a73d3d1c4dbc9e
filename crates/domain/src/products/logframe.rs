//! The logical framework matrix (EU Project Cycle Management), in its two forms: the classic
//! 4x4 matrix and the results-chain matrix of current EU actions. Rows are kept as an outline:
//! each row has a level, and its parent is the nearest row above it with a higher level, so that
//! numbering (1, 1.1, 1.1.1) and reordering follow from the order of the list.

use serde::{Deserialize, Serialize};

/// Most rows a logframe may have.
pub const MAX_ROWS: usize = 200;
/// Most indicators on one row.
pub const MAX_INDICATORS: usize = 20;
/// Longest text of one cell, in characters.
pub const MAX_CELL: usize = 4_000;
/// Longest short field (unit, values, years), in characters.
pub const MAX_SHORT: usize = 200;

/// Which matrix the logframe follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Overall objective, specific objectives, results, activities.
    #[default]
    Classic,
    /// Impact, outcomes, outputs (no activities).
    ResultsChain,
}

impl Mode {
    /// The stable code used in forms and storage.
    pub fn code(self) -> &'static str {
        match self {
            Mode::Classic => "classic",
            Mode::ResultsChain => "results_chain",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Mode> {
        [Mode::Classic, Mode::ResultsChain]
            .into_iter()
            .find(|m| m.code() == code)
    }
}

/// The level of a row: its depth in the intervention logic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Overall objective / impact.
    Overall,
    /// Specific objective / outcome.
    Specific,
    /// Result / output.
    Result,
    /// Activity (classic matrix only).
    Activity,
}

impl Level {
    /// Every level, top down.
    pub const ALL: [Level; 4] = [
        Level::Overall,
        Level::Specific,
        Level::Result,
        Level::Activity,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Level::Overall => "overall",
            Level::Specific => "specific",
            Level::Result => "result",
            Level::Activity => "activity",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }

    /// 0 for the overall objective, 3 for activities.
    pub fn depth(self) -> usize {
        self as usize
    }

    /// The message id naming this level in `mode` (e.g. "Risultato" or "Output").
    pub fn label(self, mode: Mode) -> &'static str {
        match (mode, self) {
            (Mode::Classic, Level::Overall) => "lf-level-overall",
            (Mode::Classic, Level::Specific) => "lf-level-specific",
            (Mode::Classic, Level::Result) => "lf-level-result",
            (_, Level::Activity) => "lf-level-activity",
            (Mode::ResultsChain, Level::Overall) => "lf-level-impact",
            (Mode::ResultsChain, Level::Specific) => "lf-level-outcome",
            (Mode::ResultsChain, Level::Result) => "lf-level-output",
        }
    }
}

/// How an indicator is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    #[default]
    Number,
    Percentage,
    Qualitative,
}

impl Measure {
    pub const ALL: [Measure; 3] = [Measure::Number, Measure::Percentage, Measure::Qualitative];

    pub fn code(self) -> &'static str {
        match self {
            Measure::Number => "number",
            Measure::Percentage => "percentage",
            Measure::Qualitative => "qualitative",
        }
    }

    pub fn parse(code: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// Which way an indicator should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Increase,
    Decrease,
    Maintain,
}

impl Direction {
    pub const ALL: [Direction; 3] = [
        Direction::Increase,
        Direction::Decrease,
        Direction::Maintain,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
            Direction::Maintain => "maintain",
        }
    }

    pub fn parse(code: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// An objectively verifiable indicator.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Indicator {
    /// Stable within the product, so that comments and diffs follow it across versions.
    pub id: String,
    pub text: String,
    pub unit: String,
    pub measure: Measure,
    pub direction: Direction,
    pub baseline: String,
    pub baseline_year: Option<i32>,
    pub target: String,
    /// ISO date (YYYY-MM-DD) by which the target should be reached.
    pub target_date: String,
    /// Intermediate values, e.g. "2026: 20; 2027: 40".
    pub milestones: String,
    pub source: String,
    pub disaggregation: String,
}

/// One row of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// Stable within the product.
    pub id: String,
    pub level: Level,
    /// The intervention logic (or results chain) cell.
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Sources of verification (classic) or of data (results chain), for the row as a whole.
    #[serde(default)]
    pub sources: String,
    #[serde(default)]
    pub assumptions: String,
    /// Means, on activity rows.
    #[serde(default)]
    pub means: String,
    /// Costs, on activity rows.
    #[serde(default)]
    pub costs: String,
}

/// A logical framework.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Logframe {
    pub mode: Mode,
    /// Code of the programme macro-area it belongs to.
    pub macro_area: String,
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    /// OECD DAC sector codes.
    pub sectors: Vec<String>,
    pub rows: Vec<Row>,
    /// The last number given to a new row or indicator id; ids are never reused, so that a
    /// comment on a deleted row never lands on a new one.
    pub last_id: u32,
    /// The problem and objective trees and the stakeholder matrix that feed the matrix.
    pub analysis: super::analysis::Analysis,
    /// The language the matrix is written in (`it`, `en`, `fr`), empty when not stated. Numbers
    /// written without a declared format are read by its convention (`1.234` is one thousand two
    /// hundred and thirty-four in Italian and French, one point two three four in English).
    pub language: String,
    /// ISO date (YYYY-MM-DD) the project ends, empty when not known yet.
    pub project_end: String,
    /// Pre-conditions: what must hold before the activities can start (the classic matrix's
    /// cell below the activities' assumptions).
    pub preconditions: String,
    /// The author marks the matrix final: baselines and targets the results-chain template lets
    /// wait until contract signature or the first progress report are then required.
    pub marked_final: bool,
}

/// The languages a matrix can be declared in.
pub const LANGUAGES: [&str; 3] = ["it", "en", "fr"];

/// A problem with one field of the editor's form; the field is named as in the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    pub field: String,
    pub message: &'static str,
}

impl Logframe {
    /// An empty logframe in `mode` with one row per level, ready to be filled in.
    pub fn starter(mode: Mode) -> Logframe {
        let levels: &[Level] = match mode {
            Mode::Classic => &Level::ALL,
            Mode::ResultsChain => &[Level::Overall, Level::Specific, Level::Result],
        };
        let mut lf = Logframe {
            mode,
            ..Logframe::default()
        };
        for level in levels {
            let id = lf.fresh_id("r");
            lf.rows.push(Row::new(id, *level));
        }
        lf
    }

    /// A new id, never given before in this logframe, starting with `prefix`.
    pub fn fresh_id(&mut self, prefix: &str) -> String {
        let taken = |lf: &Logframe, id: &str| {
            lf.rows
                .iter()
                .any(|r| r.id == id || r.indicators.iter().any(|i| i.id == id))
        };
        loop {
            self.last_id = self.last_id.saturating_add(1);
            let id = format!("{prefix}{}", self.last_id);
            if !taken(self, &id) || self.last_id == u32::MAX {
                return id;
            }
        }
    }

    /// The index of each row's parent (the nearest row above with a higher level).
    pub fn parents(&self) -> Vec<Option<usize>> {
        let mut stack: Vec<usize> = Vec::new();
        let mut parents = Vec::with_capacity(self.rows.len());
        for (i, row) in self.rows.iter().enumerate() {
            while stack
                .last()
                .is_some_and(|&top| self.rows[top].level >= row.level)
            {
                stack.pop();
            }
            parents.push(stack.last().copied());
            stack.push(i);
        }
        parents
    }

    /// The number shown for each row: specific objectives 1, 2…; results 1.1; activities 1.1.1.
    /// The overall objective has none; a row whose parent is missing numbers from 0.
    pub fn numbers(&self) -> Vec<String> {
        let parents = self.parents();
        let mut numbers: Vec<String> = Vec::with_capacity(self.rows.len());
        let mut children: std::collections::HashMap<(Option<usize>, Level), usize> =
            Default::default();
        for (i, row) in self.rows.iter().enumerate() {
            if row.level == Level::Overall {
                numbers.push(String::new());
                continue;
            }
            // The parent that counts for numbering is one level up; an overall objective above a
            // specific objective does not prefix its number.
            let parent = parents[i].filter(|p| self.rows[*p].level != Level::Overall);
            let expected_parent_depth = row.level.depth() - 1;
            let parent = parent.filter(|p| self.rows[*p].level.depth() == expected_parent_depth);
            let n = children.entry((parent, row.level)).or_insert(0);
            *n += 1;
            let prefix = match parent {
                Some(p) => numbers[p].clone(),
                None if row.level == Level::Specific => String::new(),
                None => std::iter::repeat_n("0", expected_parent_depth)
                    .collect::<Vec<_>>()
                    .join("."),
            };
            numbers.push(if prefix.is_empty() {
                n.to_string()
            } else {
                format!("{prefix}.{n}")
            });
        }
        numbers
    }

    /// The rows from `index` to the end of its subtree (exclusive end).
    fn block_end(&self, index: usize) -> usize {
        let level = self.rows[index].level;
        self.rows[index + 1..]
            .iter()
            .position(|r| r.level <= level)
            .map(|p| index + 1 + p)
            .unwrap_or(self.rows.len())
    }

    /// Applies one editing operation; false when it does not apply (nothing changes then).
    pub fn apply(&mut self, op: &Op) -> bool {
        match op {
            Op::AddRow { after, level } => {
                if self.rows.len() >= MAX_ROWS
                    || (self.mode == Mode::ResultsChain && *level == Level::Activity)
                {
                    return false;
                }
                let at = match after {
                    None => self.rows.len(),
                    // After everything under `id`: a deeper row becomes its last child, a row of
                    // the same level its next sibling.
                    Some(id) => match self.index(id) {
                        Some(i) => self.block_end(i),
                        None => return false,
                    },
                };
                let id = self.fresh_id("r");
                self.rows.insert(at, Row::new(id, *level));
                true
            }
            Op::RemoveRow(id) => match self.index(id) {
                Some(i) => {
                    self.rows.remove(i);
                    true
                }
                None => false,
            },
            Op::MoveUp(id) => {
                let Some(i) = self.index(id) else {
                    return false;
                };
                let level = self.rows[i].level;
                // The previous sibling block: the nearest row above of the same level, with no
                // row of a higher level in between.
                let mut j = i;
                loop {
                    if j == 0 {
                        return false;
                    }
                    j -= 1;
                    if self.rows[j].level < level {
                        return false;
                    }
                    if self.rows[j].level == level {
                        break;
                    }
                }
                let end = self.block_end(i);
                let block: Vec<Row> = self.rows.drain(i..end).collect();
                for (k, row) in block.into_iter().enumerate() {
                    self.rows.insert(j + k, row);
                }
                true
            }
            Op::MoveDown(id) => {
                let Some(i) = self.index(id) else {
                    return false;
                };
                let end = self.block_end(i);
                if end >= self.rows.len() || self.rows[end].level != self.rows[i].level {
                    return false;
                }
                let next = self.rows[end].id.clone();
                self.apply(&Op::MoveUp(next))
            }
            Op::AddIndicator(id) => match self.index(id) {
                Some(i) if self.rows[i].indicators.len() < MAX_INDICATORS => {
                    let ind = self.fresh_id("i");
                    self.rows[i].indicators.push(Indicator {
                        id: ind,
                        ..Indicator::default()
                    });
                    true
                }
                _ => false,
            },
            Op::RemoveIndicator(id) => {
                for row in &mut self.rows {
                    if let Some(k) = row.indicators.iter().position(|x| x.id == *id) {
                        row.indicators.remove(k);
                        return true;
                    }
                }
                false
            }
        }
    }

    /// The position of the row with `id`.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }

    /// The elements comments can be anchored to: each row, each of its cells and each of its
    /// indicators, in the matrix's order.
    pub fn anchors(&self) -> Vec<Anchor> {
        let mut out = Vec::new();
        for (index, row) in self.rows.iter().enumerate() {
            let at = |key: String, cell, indicator| Anchor {
                key,
                row: index,
                cell,
                indicator,
            };
            out.push(at(format!("row:{}", row.id), None, None));
            for cell in Row::cells(row.level) {
                out.push(at(format!("cell:{}:{cell}", row.id), Some(*cell), None));
            }
            for (k, ind) in row.indicators.iter().enumerate() {
                out.push(at(format!("ind:{}", ind.id), None, Some(k)));
            }
        }
        out
    }

    /// Reads the editor's form: fields `mode`, `macro_area`, `countries`, `sectors`, and for row
    /// `n` `rN.id`, `rN.level`, `rN.text`…, for its indicator `k` `rN.iK.text`… Rows and
    /// indicators keep the order of their numbers in the form.
    pub fn from_form(fields: &[(String, String)]) -> Result<Logframe, Vec<FieldProblem>> {
        let (lf, problems) = Logframe::read_form(fields);
        if problems.is_empty() {
            Ok(lf)
        } else {
            Err(problems)
        }
    }

    /// Reads the editor's form as far as it can, with the problems found: what was typed is
    /// kept even when some of it is refused, so that the author can correct it.
    pub fn read_form(fields: &[(String, String)]) -> (Logframe, Vec<FieldProblem>) {
        let mut problems = Vec::new();
        let mut lf = Logframe::default();
        let mut rows: std::collections::BTreeMap<usize, RowFields> = Default::default();
        for (key, value) in fields {
            match key.as_str() {
                "mode" => match Mode::parse(value) {
                    Some(m) => lf.mode = m,
                    None => problem(&mut problems, "mode", "error-unknown-choice"),
                },
                "macro_area" => lf.macro_area = short(&mut problems, key, value),
                "language" => match value.trim() {
                    "" => lf.language.clear(),
                    code if LANGUAGES.contains(&code) => lf.language = code.to_string(),
                    _ => problem(&mut problems, "language", "error-unknown-choice"),
                },
                "project_end" => {
                    let v = value.trim();
                    if !v.is_empty() && chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_err() {
                        problem(&mut problems, "project_end", "error-date");
                    }
                    lf.project_end = v.to_string();
                }
                "preconditions" => lf.preconditions = cell(&mut problems, key, value),
                "marked_final" => lf.marked_final = matches!(value.trim(), "1" | "on" | "true"),
                "last_id" => lf.last_id = value.trim().parse().unwrap_or(0),
                "countries" | "sectors" => {
                    let code = value.trim();
                    if code.is_empty() {
                        continue;
                    }
                    let ok = if key == "countries" {
                        code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())
                    } else {
                        (3..=5).contains(&code.len()) && code.chars().all(|c| c.is_ascii_digit())
                    };
                    let list = if key == "countries" {
                        &mut lf.countries
                    } else {
                        &mut lf.sectors
                    };
                    if !ok || list.len() >= 60 {
                        problem(&mut problems, key, "error-unknown-choice");
                    } else if !list.iter().any(|c| c == code) {
                        list.push(code.to_string());
                    }
                }
                _ => {
                    let Some((row, rest)) = split_index(key, 'r') else {
                        continue;
                    };
                    if row >= MAX_ROWS {
                        problem(&mut problems, "rows", "lf-error-too-many-rows");
                        continue;
                    }
                    let entry = rows.entry(row).or_default();
                    match rest.split_once('.') {
                        Some((ind, field)) if ind.starts_with('i') => {
                            match ind[1..].parse::<usize>() {
                                Ok(k) if k < MAX_INDICATORS => entry
                                    .indicators
                                    .entry(k)
                                    .or_default()
                                    .push((field.to_string(), key.clone(), value.clone())),
                                _ => problem(&mut problems, key, "lf-error-too-many-indicators"),
                            }
                        }
                        None if !rest.is_empty() => {
                            entry
                                .cells
                                .push((rest.to_string(), key.clone(), value.clone()))
                        }
                        _ => {}
                    }
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (_, fields) in rows {
            let mut row = Row::new(String::new(), Level::Result);
            let mut level_given = false;
            for (field, key, value) in fields.cells {
                match field.as_str() {
                    "id" => row.id = value.trim().to_string(),
                    "level" => match Level::parse(value.trim()) {
                        Some(l) => {
                            row.level = l;
                            level_given = true;
                        }
                        None => problem(&mut problems, &key, "error-unknown-choice"),
                    },
                    "text" => row.text = cell(&mut problems, &key, &value),
                    "sources" => row.sources = cell(&mut problems, &key, &value),
                    "assumptions" => row.assumptions = cell(&mut problems, &key, &value),
                    "means" => row.means = cell(&mut problems, &key, &value),
                    "costs" => row.costs = cell(&mut problems, &key, &value),
                    _ => {}
                }
            }
            if !level_given {
                continue;
            }
            for (_, fields) in fields.indicators {
                let mut ind = Indicator::default();
                for (field, key, value) in fields {
                    match field.as_str() {
                        "id" => ind.id = value.trim().to_string(),
                        "text" => ind.text = cell(&mut problems, &key, &value),
                        "unit" => ind.unit = short(&mut problems, &key, &value),
                        "measure" => match Measure::parse(value.trim()) {
                            Some(m) => ind.measure = m,
                            None => problem(&mut problems, &key, "error-unknown-choice"),
                        },
                        "direction" => match Direction::parse(value.trim()) {
                            Some(d) => ind.direction = d,
                            None => problem(&mut problems, &key, "error-unknown-choice"),
                        },
                        "baseline" => ind.baseline = short(&mut problems, &key, &value),
                        "baseline_year" => ind.baseline_year = year(&mut problems, &key, &value),
                        "target" => ind.target = short(&mut problems, &key, &value),
                        "target_date" => {
                            let v = value.trim();
                            if !v.is_empty()
                                && chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_err()
                            {
                                problem(&mut problems, &key, "error-date");
                            }
                            ind.target_date = v.to_string();
                        }
                        "milestones" => ind.milestones = cell(&mut problems, &key, &value),
                        "source" => ind.source = cell(&mut problems, &key, &value),
                        "disaggregation" => ind.disaggregation = short(&mut problems, &key, &value),
                        _ => {}
                    }
                }
                if !valid_id(&ind.id) || !seen.insert(ind.id.clone()) {
                    ind.id = String::new();
                }
                row.indicators.push(ind);
            }
            if !valid_id(&row.id) || !seen.insert(row.id.clone()) {
                row.id = String::new();
            }
            lf.rows.push(row);
        }
        // Rows and indicators that came without a usable id get a fresh one.
        for r in 0..lf.rows.len() {
            if lf.rows[r].id.is_empty() {
                lf.rows[r].id = lf.fresh_id("r");
            }
            for k in 0..lf.rows[r].indicators.len() {
                if lf.rows[r].indicators[k].id.is_empty() {
                    lf.rows[r].indicators[k].id = lf.fresh_id("i");
                }
            }
        }
        (lf, problems)
    }
}

impl Row {
    /// The cells of a row of `level` a comment can point at, besides its indicators.
    pub fn cells(level: Level) -> &'static [&'static str] {
        match level {
            Level::Activity => &["text", "sources", "assumptions", "means", "costs"],
            _ => &["text", "sources", "assumptions"],
        }
    }

    /// An empty row.
    pub fn new(id: String, level: Level) -> Row {
        Row {
            id,
            level,
            text: String::new(),
            indicators: Vec::new(),
            sources: String::new(),
            assumptions: String::new(),
            means: String::new(),
            costs: String::new(),
        }
    }
}

/// An element of the matrix a comment can point at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// `row:ID`, `cell:ID:NAME` or `ind:ID`.
    pub key: String,
    /// The position of its row.
    pub row: usize,
    pub cell: Option<&'static str>,
    /// The position of the indicator within its row.
    pub indicator: Option<usize>,
}

/// A structural change asked from the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Adds a row of `level` after everything under the row `after`, or at the end.
    AddRow {
        after: Option<String>,
        level: Level,
    },
    RemoveRow(String),
    /// Moves a row with everything under it before its previous sibling.
    MoveUp(String),
    MoveDown(String),
    AddIndicator(String),
    RemoveIndicator(String),
}

impl Op {
    /// Reads the value of the editor's `op` button: `add:LEVEL:AFTER`, `remove:ID`, `up:ID`,
    /// `down:ID`, `add_indicator:ID`, `remove_indicator:ID`.
    pub fn parse(text: &str) -> Option<Op> {
        let (verb, rest) = text.split_once(':')?;
        let id = |s: &str| valid_id(s).then(|| s.to_string());
        match verb {
            "add" => {
                let (level, after) = match rest.split_once(':') {
                    Some((l, a)) => (l, Some(id(a)?)),
                    None => (rest, None),
                };
                Some(Op::AddRow {
                    after,
                    level: Level::parse(level)?,
                })
            }
            "remove" => Some(Op::RemoveRow(id(rest)?)),
            "up" => Some(Op::MoveUp(id(rest)?)),
            "down" => Some(Op::MoveDown(id(rest)?)),
            "add_indicator" => Some(Op::AddIndicator(id(rest)?)),
            "remove_indicator" => Some(Op::RemoveIndicator(id(rest)?)),
            _ => None,
        }
    }
}

#[derive(Default)]
struct RowFields {
    cells: Vec<(String, String, String)>,
    indicators: std::collections::BTreeMap<usize, Vec<(String, String, String)>>,
}

/// Ids are short letters and digits, so that they are safe in anchors and form names.
fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 12 && id.chars().all(|c| c.is_ascii_alphanumeric())
}

/// `r12.text` -> (12, "text").
fn split_index(key: &str, prefix: char) -> Option<(usize, &str)> {
    let rest = key.strip_prefix(prefix)?;
    let (n, field) = rest.split_once('.')?;
    if n.is_empty() || n.len() > 4 {
        return None;
    }
    Some((n.parse().ok()?, field))
}

fn problem(problems: &mut Vec<FieldProblem>, field: &str, message: &'static str) {
    if problems.len() < 50 {
        problems.push(FieldProblem {
            field: field.chars().take(40).collect(),
            message,
        });
    }
}

fn clean(problems: &mut Vec<FieldProblem>, key: &str, value: &str, max: usize) -> String {
    let t = value.trim().replace("\r\n", "\n");
    if t.chars().count() > max {
        problem(problems, key, "error-too-long");
    } else if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        problem(problems, key, "error-invalid-characters");
    }
    t
}

fn cell(problems: &mut Vec<FieldProblem>, key: &str, value: &str) -> String {
    clean(problems, key, value, MAX_CELL)
}

fn short(problems: &mut Vec<FieldProblem>, key: &str, value: &str) -> String {
    clean(problems, key, value, MAX_SHORT)
}

fn year(problems: &mut Vec<FieldProblem>, key: &str, value: &str) -> Option<i32> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    match v.parse::<i32>() {
        Ok(y) if (1950..=2100).contains(&y) => Some(y),
        _ => {
            problem(problems, key, "lf-error-year");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(levels: &[Level]) -> Logframe {
        let mut lf = Logframe::default();
        for (n, l) in levels.iter().enumerate() {
            lf.rows.push(Row::new(format!("r{}", n + 1), *l));
        }
        lf
    }

    use Level::*;

    #[test]
    fn numbers_follow_the_outline() {
        let lf = rows(&[
            Overall, Specific, Result, Activity, Activity, Result, Specific, Result,
        ]);
        assert_eq!(
            lf.numbers(),
            vec!["", "1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1"]
        );
        let orphan = rows(&[Overall, Result, Activity]);
        assert_eq!(orphan.numbers(), vec!["", "0.1", "0.1.1"]);
    }

    #[test]
    fn moving_takes_the_subtree_along() {
        let mut lf = rows(&[Overall, Specific, Result, Activity, Specific, Result]);
        assert!(lf.apply(&Op::MoveUp("r5".into())));
        let ids: Vec<_> = lf.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["r1", "r5", "r6", "r2", "r3", "r4"]);
        assert!(lf.apply(&Op::MoveDown("r5".into())));
        let ids: Vec<_> = lf.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["r1", "r2", "r3", "r4", "r5", "r6"]);
        // A result does not move above its objective, nor past the next objective.
        assert!(!lf.apply(&Op::MoveUp("r3".into())));
        assert!(!lf.apply(&Op::MoveDown("r3".into())));
        assert!(!lf.apply(&Op::MoveUp("r1".into())));
    }

    #[test]
    fn adding_rows_and_indicators() {
        let mut lf = Logframe::starter(Mode::Classic);
        assert_eq!(lf.rows.len(), 4);
        assert!(lf.apply(&Op::AddRow {
            after: Some("r2".into()),
            level: Specific
        }));
        assert_eq!(lf.rows[4].level, Specific);
        assert_eq!(lf.numbers()[4], "2");
        assert!(lf.apply(&Op::AddRow {
            after: Some("r5".into()),
            level: Result
        }));
        assert_eq!(lf.numbers()[5], "2.1");
        assert!(lf.apply(&Op::AddIndicator("r3".into())));
        assert_eq!(lf.rows[2].indicators[0].id, "i7");
        assert!(lf.apply(&Op::RemoveIndicator("i7".into())));
        assert!(!lf.apply(&Op::RemoveIndicator("i7".into())));
        let mut rc = Logframe::starter(Mode::ResultsChain);
        assert!(!rc.apply(&Op::AddRow {
            after: None,
            level: Activity
        }));
    }

    #[test]
    fn reads_the_editor_form() {
        let f = |k: &str, v: &str| (k.to_string(), v.to_string());
        let form = vec![
            f("mode", "classic"),
            f("countries", "AL"),
            f("countries", "AL"),
            f("sectors", "15110"),
            f("r0.id", "r1"),
            f("r0.level", "overall"),
            f("r0.text", "  Rafforzare la cooperazione  "),
            f("r1.id", "r1"),
            f("r1.level", "specific"),
            f("r1.i0.text", "Accordi firmati"),
            f("r1.i0.measure", "number"),
            f("r1.i0.baseline_year", "2024"),
            f("r1.i0.target_date", "2027-12-31"),
        ];
        let lf = Logframe::from_form(&form).unwrap();
        assert_eq!(lf.countries, vec!["AL"]);
        assert_eq!(lf.rows.len(), 2);
        assert_eq!(lf.rows[0].text, "Rafforzare la cooperazione");
        // The duplicated id is replaced.
        assert_ne!(lf.rows[1].id, "r1");
        assert_eq!(lf.rows[1].indicators[0].baseline_year, Some(2024));

        let bad = vec![
            f("mode", "other"),
            f("countries", "ITA"),
            f("r0.level", "overall"),
            f("r0.i0.baseline_year", "99"),
            f("r0.i0.target_date", "31/12/2027"),
            f("r0.text", &"x".repeat(MAX_CELL + 1)),
            f("r0.i99.text", "x"),
        ];
        let problems = Logframe::from_form(&bad).unwrap_err();
        let messages: Vec<_> = problems.iter().map(|p| p.message).collect();
        assert!(messages.contains(&"error-unknown-choice"));
        assert!(messages.contains(&"lf-error-year"));
        assert!(messages.contains(&"error-date"));
        assert!(messages.contains(&"error-too-long"));
        assert!(messages.contains(&"lf-error-too-many-indicators"));
    }

    #[test]
    fn reads_the_matrix_details_and_loads_older_records() {
        let f = |k: &str, v: &str| (k.to_string(), v.to_string());
        let form = vec![
            f("language", "fr"),
            f("project_end", "2027-06-30"),
            f("preconditions", "  Convention signée  "),
            f("marked_final", "1"),
        ];
        let lf = Logframe::from_form(&form).unwrap();
        assert_eq!(
            (
                lf.language.as_str(),
                lf.project_end.as_str(),
                lf.preconditions.as_str()
            ),
            ("fr", "2027-06-30", "Convention signée")
        );
        assert!(lf.marked_final);
        // An unchecked box sends nothing: the matrix is not final.
        assert!(!Logframe::from_form(&[]).unwrap().marked_final);
        let bad = vec![f("language", "de"), f("project_end", "30/06/2027")];
        let messages: Vec<_> = Logframe::from_form(&bad)
            .unwrap_err()
            .iter()
            .map(|p| p.message)
            .collect();
        assert_eq!(messages, ["error-unknown-choice", "error-date"]);
        // A logframe stored before these fields existed still loads, with them empty.
        let old: Logframe =
            serde_json::from_str(r#"{"mode":"classic","rows":[{"id":"r1","level":"overall"}]}"#)
                .unwrap();
        assert_eq!(old.rows.len(), 1);
        assert!(!old.marked_final && old.language.is_empty() && old.project_end.is_empty());
    }

    #[test]
    fn anchors_name_rows_cells_and_indicators() {
        let mut lf = Logframe::starter(Mode::Classic);
        lf.apply(&Op::AddIndicator("r2".into()));
        let keys: Vec<String> = lf.anchors().into_iter().map(|a| a.key).collect();
        assert!(
            keys.contains(&"cell:r4:costs".to_string()),
            "activities have means and costs"
        );
        assert!(!keys.contains(&"cell:r2:costs".to_string()));
        let ind = lf
            .anchors()
            .into_iter()
            .find(|a| a.key == "ind:i5")
            .unwrap();
        assert_eq!((ind.row, ind.indicator), (1, Some(0)));
    }

    #[test]
    fn ops_parse_only_safe_ids() {
        assert_eq!(
            Op::parse("add:result:r2"),
            Some(Op::AddRow {
                after: Some("r2".into()),
                level: Result
            })
        );
        assert_eq!(Op::parse("up:r<script>"), None);
        assert_eq!(Op::parse("remove:"), None);
        assert_eq!(Op::parse("explode:r1"), None);
    }
}
