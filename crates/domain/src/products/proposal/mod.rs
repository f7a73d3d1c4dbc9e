//! The project proposal assembled from its parts: the sections of the chosen call's template
//! (narrative sections the administration writes in Markdown, and sections filled from the
//! strategic plan, the logframe, the partnership and the budget), the work plan's months per
//! activity, and the Gantt chart drawn from them.

use super::logframe::{FieldProblem, Logframe};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most sections a template may have.
pub const MAX_SECTIONS: usize = 40;
/// Longest section title, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest guidance text, in characters.
pub const MAX_GUIDANCE: usize = 2_000;
/// The longest work plan, in months.
pub const MAX_MONTHS: u32 = 120;
/// The work plan's length when neither the budget nor the call states one.
pub const DEFAULT_MONTHS: u32 = 24;

/// What fills a section of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Written by the administration, in Markdown.
    #[default]
    Narrative,
    /// Context and strategy, from the strategic plan.
    Strategy,
    /// The logframe matrix (a landscape table).
    Logframe,
    /// The work plan: a Gantt chart of the logframe's activities by month.
    Workplan,
    /// The partnership table.
    Partnership,
    /// The budget tables and totals (landscape).
    Budget,
}

impl SectionKind {
    pub const ALL: [SectionKind; 6] = [
        SectionKind::Narrative,
        SectionKind::Strategy,
        SectionKind::Logframe,
        SectionKind::Workplan,
        SectionKind::Partnership,
        SectionKind::Budget,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SectionKind::Narrative => "narrative",
            SectionKind::Strategy => "strategy",
            SectionKind::Logframe => "logframe",
            SectionKind::Workplan => "workplan",
            SectionKind::Partnership => "partnership",
            SectionKind::Budget => "budget",
        }
    }

    pub fn parse(code: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether offices file this section on landscape pages (wide tables).
    pub fn landscape(self) -> bool {
        matches!(
            self,
            SectionKind::Logframe | SectionKind::Workplan | SectionKind::Budget
        )
    }
}

/// A section of a call's template. Its number is its place in the template (from 1).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateSection {
    /// Stable within the template: the key the proposal's text for it is kept under.
    pub key: String,
    /// The title as the call words it; empty in the default template, whose titles are
    /// translated (`proposal-section-KEY`).
    pub title: String,
    /// What the call asks the section to say; empty in the default template (translated as
    /// `proposal-guidance-KEY`).
    pub guidance: String,
    pub kind: SectionKind,
}

/// The template of a call that states none: the sections offices usually file.
pub fn default_template() -> Vec<TemplateSection> {
    [
        ("summary", SectionKind::Narrative),
        ("context", SectionKind::Strategy),
        ("relevance", SectionKind::Narrative),
        ("logframe", SectionKind::Logframe),
        ("workplan", SectionKind::Workplan),
        ("partnership", SectionKind::Partnership),
        ("budget", SectionKind::Budget),
        ("sustainability", SectionKind::Narrative),
    ]
    .into_iter()
    .map(|(key, kind)| TemplateSection {
        key: key.into(),
        kind,
        ..Default::default()
    })
    .collect()
}

/// The template a proposal follows: the call's, or the default one when it has none.
pub fn template_of(sections: &[TemplateSection]) -> Vec<TemplateSection> {
    if sections.is_empty() {
        default_template()
    } else {
        sections.to_vec()
    }
}

/// The template of a call: the sections of its rule pack's application form, or the default
/// one when the pack states none.
pub fn template_of_call(call: &crate::calls::Call) -> Vec<TemplateSection> {
    let sections = super::budget::rules::packs()
        .iter()
        .find(|p| p.id == call.pack)
        .map(|p| p.sections.as_slice())
        .unwrap_or(&[]);
    template_of(sections)
}

/// A section typed on the call's form, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct TypedSection {
    pub key: String,
    pub title: String,
    pub guidance: String,
    pub kind: String,
}

/// Checks a call's template as staff typed it: rows without a title are dropped, keys are kept
/// (a new row gets `sN`), each title is one line, each guidance a bounded text, each kind one of
/// [`SectionKind::ALL`]. Problems name the row's fields (`sN.title`, `sN.kind`, …).
pub fn check_template(
    typed: &[TypedSection],
) -> Result<Vec<TemplateSection>, Vec<(String, &'static str)>> {
    let mut out: Vec<TemplateSection> = Vec::new();
    let mut problems = Vec::new();
    for (i, t) in typed.iter().enumerate() {
        let title = t.title.trim();
        if title.is_empty() && t.guidance.trim().is_empty() {
            continue;
        }
        let field = |f: &str| format!("s{i}.{f}");
        if title.is_empty() {
            problems.push((field("title"), "error-required"));
        } else if title.chars().count() > MAX_TITLE {
            problems.push((field("title"), "error-too-long"));
        } else if title.chars().any(char::is_control) {
            problems.push((field("title"), "error-invalid-characters"));
        }
        let guidance = t.guidance.replace("\r\n", "\n");
        if guidance.chars().count() > MAX_GUIDANCE {
            problems.push((field("guidance"), "error-too-long"));
        } else if guidance
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            problems.push((field("guidance"), "error-invalid-characters"));
        }
        let kind = SectionKind::parse(t.kind.trim());
        if kind.is_none() {
            problems.push((field("kind"), "error-unknown-choice"));
        }
        let key = t.key.trim();
        let valid_key = !key.is_empty()
            && key.len() <= 40
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let mut key = if valid_key {
            key.to_string()
        } else {
            format!("s{}", i + 1)
        };
        let mut n = i + 1;
        while out.iter().any(|s| s.key == key) {
            n += 1;
            key = format!("s{n}");
        }
        out.push(TemplateSection {
            key,
            title: title.to_string(),
            guidance: guidance.trim().to_string(),
            kind: kind.unwrap_or_default(),
        });
    }
    if out.len() > MAX_SECTIONS {
        problems.push(("sections".into(), "error-proposal-too-many-sections"));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// When an activity runs: months counted from the project's start (1 is the first month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Months {
    pub start: u32,
    pub end: u32,
}

/// A proposal product's content: the call it answers, the products it is assembled from, the
/// text of its narrative sections and the work plan's months.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProposalProduct {
    /// The id of a funding call; empty when none is chosen (the default template then).
    pub call: String,
    /// The id of a logframe product of the same administration; the partnership and the budget
    /// are the ones tied to it.
    pub logframe: String,
    /// The id of a strategic plan product of the same administration; empty when none.
    pub strategic_plan: String,
    /// Markdown of the narrative sections, by template key. Text of a section the template no
    /// longer has is kept, so that changing the call loses nothing.
    pub sections: BTreeMap<String, String>,
    /// The work plan: the months of each logframe activity, by row id.
    pub schedule: BTreeMap<String, Months>,
    /// The call's template as it was when this version was saved (empty: the default one), so
    /// that a version reads, compares and exports as it was written.
    pub template: Vec<TemplateSection>,
    /// The project's title and summary in other languages than the logframe's, by language code
    /// (one of [`LANGUAGES`]): published with the project (IATI narratives).
    pub translations: BTreeMap<String, Translation>,
}

/// The languages a proposal's title and summary may be given in besides the logframe's: English
/// and French, the languages calls are written in, and those of the target countries (Albanian,
/// Serbian, Macedonian, Bosnian, Arabic). Codes of ISO 639-1, as IATI's Language codelist.
pub const LANGUAGES: [&str; 7] = ["en", "fr", "sq", "sr", "mk", "bs", "ar"];

/// Longest translated title and summary, in characters.
pub const MAX_TRANSLATED_TITLE: usize = 300;
pub const MAX_TRANSLATED_SUMMARY: usize = 4_000;

/// The project's title and summary in one language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Translation {
    pub title: String,
    pub summary: String,
}

/// Reads the title and summary typed for `code` (`title.{code}`, `summary.{code}`): `None` when
/// both are empty; a summary needs its title.
fn read_translation(
    code: &str,
    title: &str,
    summary: &str,
    problems: &mut Vec<FieldProblem>,
) -> Option<Translation> {
    let mut e = crate::validation::Errors::default();
    let t = crate::validation::optional_line(&mut e, "title", title, MAX_TRANSLATED_TITLE);
    let s = crate::validation::optional_text(&mut e, "summary", summary, MAX_TRANSLATED_SUMMARY);
    if t.is_none() && s.is_some() {
        e.add("title", "error-proposal-translation-title");
    }
    for f in e.0 {
        problems.push(FieldProblem {
            field: format!("{}.{code}", f.field),
            message: f.message,
        });
    }
    (t.is_some() || s.is_some()).then(|| Translation {
        title: t.unwrap_or_default(),
        summary: s.unwrap_or_default(),
    })
}

impl ProposalProduct {
    /// The template this proposal follows.
    pub fn sections_to_file(&self) -> Vec<TemplateSection> {
        template_of(&self.template)
    }

    /// The elements comments can be anchored to: each section, labelled with its number (the
    /// caller adds the translated title).
    pub fn anchors(&self) -> Vec<(String, String)> {
        self.sections_to_file()
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("section:{}", s.key), format!("{}", i + 1)))
            .collect()
    }
}

/// The activities of a logframe, in order, with their numbers (`1.1`) and text.
pub fn activities(lf: &Logframe) -> Vec<(String, String, String)> {
    let ids = super::budget::activity_ids(lf);
    lf.rows
        .iter()
        .zip(lf.numbers())
        .filter(|(r, _)| ids.contains(&r.id))
        .map(|(r, n)| (r.id.clone(), n, r.text.clone()))
        .collect()
}

fn month(text: &str) -> Result<Option<u32>, &'static str> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u32>() {
        Ok(n) if (1..=MAX_MONTHS).contains(&n) => Ok(Some(n)),
        Ok(_) => Err("error-proposal-month-range"),
        Err(_) => Err("error-proposal-not-a-month"),
    }
}

/// Reads the proposal's form: `call`, `logframe`, `strategic_plan`, `text.KEY` for each
/// narrative section, `start.ID` and `end.ID` for each activity of `lf`. What was typed is kept
/// as far as it reads, with the problems found; the caller checks that the chosen ids are the
/// administration's. `saved` keeps the text of sections the form does not carry.
pub fn read_form(
    fields: &[(String, String)],
    saved: &ProposalProduct,
    template: &[TemplateSection],
    lf: Option<&Logframe>,
    months: u32,
) -> (ProposalProduct, Vec<FieldProblem>) {
    let value = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let mut problems = Vec::new();
    let mut p = ProposalProduct {
        call: value("call").unwrap_or(&saved.call).trim().to_string(),
        logframe: value("logframe")
            .unwrap_or(&saved.logframe)
            .trim()
            .to_string(),
        strategic_plan: value("strategic_plan")
            .unwrap_or(&saved.strategic_plan)
            .trim()
            .to_string(),
        sections: saved.sections.clone(),
        schedule: BTreeMap::new(),
        template: template.to_vec(),
        translations: BTreeMap::new(),
    };
    for code in LANGUAGES {
        let (title_field, summary_field) = (format!("title.{code}"), format!("summary.{code}"));
        match (value(&title_field), value(&summary_field)) {
            // A form without the language's fields keeps what was saved.
            (None, None) => {
                if let Some(t) = saved.translations.get(code) {
                    p.translations.insert(code.to_string(), t.clone());
                }
            }
            (title, summary) => {
                let (title, summary) = (title.unwrap_or(""), summary.unwrap_or(""));
                if let Some(t) = read_translation(code, title, summary, &mut problems) {
                    p.translations.insert(code.to_string(), t);
                }
            }
        }
    }
    for s in template.iter().filter(|s| s.kind == SectionKind::Narrative) {
        let field = format!("text.{}", s.key);
        let Some(text) = value(&field) else { continue };
        match super::check_text(text) {
            Ok(t) if t.trim().is_empty() => {
                p.sections.remove(&s.key);
            }
            Ok(t) => {
                p.sections.insert(s.key.clone(), t);
            }
            Err(e) => {
                p.sections.insert(s.key.clone(), text.to_string());
                for f in e.0 {
                    problems.push(FieldProblem {
                        field: field.clone(),
                        message: f.message,
                    });
                }
            }
        }
    }
    // The schedule follows the logframe the form names; a changed logframe starts it afresh.
    let same_logframe = p.logframe == saved.logframe;
    let months = months.clamp(1, MAX_MONTHS);
    if let Some(lf) = lf {
        for (id, _, _) in activities(lf) {
            let start_field = format!("start.{id}");
            let end_field = format!("end.{id}");
            let (start, end) = match (value(&start_field), value(&end_field)) {
                (None, None) if same_logframe => {
                    if let Some(m) = saved.schedule.get(&id) {
                        p.schedule.insert(id.clone(), *m);
                    }
                    continue;
                }
                (s, e) => (month(s.unwrap_or("")), month(e.unwrap_or(""))),
            };
            let mut bad = false;
            if let Err(m) = start {
                problems.push(FieldProblem {
                    field: start_field.clone(),
                    message: m,
                });
                bad = true;
            }
            if let Err(m) = end {
                problems.push(FieldProblem {
                    field: end_field.clone(),
                    message: m,
                });
                bad = true;
            }
            if bad {
                continue;
            }
            match (start.ok().flatten(), end.ok().flatten()) {
                (None, None) => {}
                (Some(s), Some(e)) if s <= e && e <= months => {
                    p.schedule.insert(id.clone(), Months { start: s, end: e });
                }
                (Some(_), Some(e)) if e > months => problems.push(FieldProblem {
                    field: end_field,
                    message: "error-proposal-month-beyond",
                }),
                (Some(_), Some(_)) => problems.push(FieldProblem {
                    field: end_field,
                    message: "error-proposal-end-before-start",
                }),
                (None, Some(_)) => problems.push(FieldProblem {
                    field: start_field,
                    message: "error-required",
                }),
                (Some(_), None) => problems.push(FieldProblem {
                    field: end_field,
                    message: "error-required",
                }),
            }
        }
    }
    // A month field for an activity that is not in the logframe is a crafted request.
    let known: Vec<String> = lf
        .map(|lf| activities(lf).into_iter().map(|(id, _, _)| id).collect())
        .unwrap_or_default();
    for (name, _) in fields {
        if let Some(id) = name
            .strip_prefix("start.")
            .or_else(|| name.strip_prefix("end."))
        {
            if !known.iter().any(|k| k == id) {
                problems.push(FieldProblem {
                    field: name.clone(),
                    message: "error-proposal-unknown-activity",
                });
            }
        }
    }
    (p, problems)
}

/// One row of the Gantt chart: the activity's number and text, and for each month whether it
/// runs then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GanttRow {
    pub number: String,
    pub text: String,
    pub months: Vec<bool>,
}

/// The work plan as a Gantt chart over `months` months: one row per activity of the logframe,
/// in its order; an activity without months has an empty row.
pub fn gantt(lf: &Logframe, schedule: &BTreeMap<String, Months>, months: u32) -> Vec<GanttRow> {
    let months = months.clamp(1, MAX_MONTHS);
    activities(lf)
        .into_iter()
        .map(|(id, number, text)| {
            let span = schedule.get(&id);
            GanttRow {
                number,
                text,
                months: (1..=months)
                    .map(|m| span.is_some_and(|s| s.start <= m && m <= s.end))
                    .collect(),
            }
        })
        .collect()
}

/// The work plan's length: the budget's duration, else the call's longest, else
/// [`DEFAULT_MONTHS`]; never beyond [`MAX_MONTHS`].
pub fn duration(budget_months: Option<u32>, call_max: Option<u32>) -> u32 {
    budget_months
        .or(call_max)
        .unwrap_or(DEFAULT_MONTHS)
        .clamp(1, MAX_MONTHS)
}

#[cfg(test)]
mod tests;
