//! The editors: sanitised Markdown for text products, the structured logframe editor with its
//! live quality check. Every save is checked against the edit the author started from; a stale
//! save shows both versions and keeps what the author typed.

use super::{content_view, find, organisation, view};
use crate::http::{error_page, see_other, with_status, AppError, AppResult, Form, PathIds};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};
use db::products::Product;
use domain::library::places;
use domain::locale::Locale;
use domain::products::logframe::{Direction, FieldProblem, Level, Logframe, Measure, Op};
use domain::products::{quality, Content};
use minijinja::{context, Value};
use std::collections::BTreeMap;
use uuid::Uuid;

/// A structured product's form as read (a budget's without its empty rows) and its problems,
/// each on its field.
#[derive(Default)]
struct StructuredRead {
    typed: Vec<(String, String)>,
    budget: Vec<domain::products::budget::Problem>,
    partnership: Vec<domain::products::partnership::form::Problem>,
}

impl StructuredRead {
    fn is_empty(&self) -> bool {
        self.budget.is_empty() && self.partnership.is_empty()
    }
}

/// The logframe as templates show it: rows with their number, level label and parent depth.
pub(crate) fn logframe_view(state: &AppState, locale: Locale, lf: &Logframe) -> Value {
    let numbers = lf.numbers();
    let rows: Vec<Value> = lf
        .rows
        .iter()
        .zip(numbers)
        .map(|(r, number)| {
            context! { id => r.id, level => r.level.code(), depth => r.level.depth(), number,
            label => state.i18n.t(locale, r.level.label(lf.mode)), text => r.text,
            sources => r.sources, assumptions => r.assumptions, means => r.means, costs => r.costs,
            indicators => r.indicators }
        })
        .collect();
    let countries: Vec<Value> = lf
        .countries
        .iter()
        .map(|c| context! { code => c, name => places::country(c).map(|x| x.name(locale)).unwrap_or(c) })
        .collect();
    let levels: Vec<Value> = Level::ALL
        .iter()
        .map(|l| context! { code => l.code(), label => state.i18n.t(locale, l.label(lf.mode)) })
        .collect();
    context! { type => "logframe", mode => lf.mode.code(), macro_area => lf.macro_area,
    countries, country_codes => lf.countries, sectors => lf.sectors, rows, levels,
    last_id => lf.last_id, language => lf.language, project_end => lf.project_end,
    preconditions => lf.preconditions, marked_final => lf.marked_final }
}

/// The quality findings, explained in the viewer's language, each with the number of the row it
/// is about.
pub(crate) fn findings(state: &AppState, locale: Locale, lf: &Logframe) -> Vec<Value> {
    let labels = super::logframe_labels(state, locale, lf);
    let label_of = |anchor: &str| {
        labels
            .iter()
            .find(|(key, _)| key == anchor)
            .map(|(_, label)| label.clone())
    };
    quality::check(lf)
        .into_iter()
        .map(|f| {
            context! { rule => f.rule, severity => f.severity, target => f.anchor.replace(':', "-"),
            anchor => f.anchor,
            where_ => label_of(&f.anchor), message => state.i18n.t(locale, &f.message()),
            related => label_of(&f.related), related_target => f.related.replace(':', "-") }
        })
        .collect()
}

/// What the editors need besides the content: vocabularies and options.
async fn choices(state: &AppState, locale: Locale) -> AppResult<Value> {
    let macro_areas: Vec<Value> = db::library::macro_areas(&state.db)
        .await?
        .into_iter()
        .map(|m| {
            let name = match locale {
                Locale::It => m.name_it,
                Locale::En => m.name_en,
                Locale::Fr => m.name_fr,
            };
            context! { code => m.code, name }
        })
        .collect();
    let sectors: Vec<Value> = db::library::sectors(&state.db)
        .await?
        .into_iter()
        .filter(|s| s.active)
        .map(|s| {
            let name = match locale {
                Locale::Fr => s.name_fr.unwrap_or(s.name_en),
                _ => s.name_en,
            };
            context! { code => s.code, name }
        })
        .collect();
    let countries: Vec<Value> = places::COUNTRIES
        .iter()
        .map(|c| context! { code => c.code, name => c.name(locale) })
        .collect();
    Ok(context! {
        macro_areas, sectors, countries,
        measures => Measure::ALL.iter().map(|m| m.code()).collect::<Vec<_>>(),
        directions => Direction::ALL.iter().map(|d| d.code()).collect::<Vec<_>>(),
        levels => Level::ALL.iter().map(|l| l.code()).collect::<Vec<_>>(),
    })
}

/// What the editor page shows besides the product.
struct EditorPage<'a> {
    content: &'a Content,
    title: &'a str,
    due_on: &'a str,
    edit: i64,
    problems: Vec<Value>,
    /// The saved content when the author's save met someone else's.
    conflict: Option<Value>,
    focus: Option<String>,
    /// A text product's Markdown rendered as readers will see it, when the author asked.
    preview: Option<String>,
    /// A budget's form as typed, after a refused save.
    typed: &'a [(String, String)],
    /// A budget's problems by form field, shown next to each field.
    by_field: BTreeMap<String, String>,
}

async fn editor(state: &AppState, viewer: &Viewer, p: &Product, page: EditorPage<'_>) -> AppResult {
    let locale = viewer.locale;
    let org = organisation(state, p.organisation_id).await?;
    let findings = match page.content {
        Content::Logframe(lf) => findings(state, locale, lf),
        _ => vec![],
    };
    let (content, budget_form) = match page.content {
        Content::Budget(bp) => {
            let (view, form) =
                super::budget::editor_view(state, locale, p.organisation_id, bp, page.typed)
                    .await?;
            (view, Some(form))
        }
        Content::Partnership(pp) => {
            let (view, form) =
                super::partnership::editor_view(state, locale, p.organisation_id, pp, page.typed)
                    .await?;
            (view, Some(form))
        }
        Content::Proposal(pp) => {
            let (view, form) =
                super::proposal::editor_view(state, locale, p.organisation_id, pp, page.typed)
                    .await?;
            (view, Some(form))
        }
        other => (
            content_view(state, locale, p.organisation_id, other).await?,
            None,
        ),
    };
    render(
        state,
        viewer,
        "products/edit.html",
        context! {
            o => org, p => view(p, locale),
            content, budget_form, by_field => page.by_field,
            title => page.title, due_on => page.due_on, edit => page.edit,
            problems => page.problems, conflict => page.conflict, findings,
            choices => choices(state, locale).await?, focus => page.focus,
            max_form => super::MAX_FORM, max_text => domain::products::MAX_TEXT,
            preview => page.preview,
        },
    )
}

fn not_editable() -> axum::response::Response {
    error_page(StatusCode::CONFLICT, "products-not-editable")
}

pub(super) async fn edit(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    if !super::state_of(&p).editable() {
        return Ok(not_editable());
    }
    let content = Content::from_json(&p.content);
    let due = p.due_on.map(|d| d.to_string()).unwrap_or_default();
    editor(
        &state,
        &viewer,
        &p,
        EditorPage {
            content: &content,
            title: &p.title,
            due_on: &due,
            edit: p.version,
            problems: vec![],
            conflict: None,
            focus: None,
            preview: None,
            typed: &[],
            by_field: BTreeMap::new(),
        },
    )
    .await
}

/// The fields of a save besides the content.
struct Common {
    edit: i64,
    title: String,
    due_on: String,
    mark: bool,
    label: String,
    op: Option<String>,
    stay: bool,
}

fn common(fields: &[(String, String)]) -> Common {
    let get = |k: &str| {
        fields
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    Common {
        edit: get("edit").trim().parse().unwrap_or(-1),
        title: get("title"),
        due_on: get("due_on"),
        mark: get("mark_version") == "1",
        label: get("version_label"),
        op: Some(get("op")).filter(|o| !o.is_empty()),
        stay: get("stay") == "1",
    }
}

fn translate(
    state: &AppState,
    locale: Locale,
    problems: &[FieldProblem],
    content: &Content,
) -> Vec<Value> {
    problems
        .iter()
        .map(|p| {
            // The key links the message to its field (`#f-due_on`), as the structured
            // editors' own problems do.
            context! { field => field_words(state, locale, &p.field, content), key => p.field,
            message => state.i18n.t(locale, p.message) }
        })
        .collect()
}

/// Where a problem is, in the reader's words: "Risultato 1.1, Indicatore 1 — Data del valore
/// obiettivo" for the form key `r2.i0.target_date`; `None` for a key with no place to name.
fn field_words(state: &AppState, locale: Locale, field: &str, content: &Content) -> Option<String> {
    let t = |key: &str| state.i18n.t(locale, key);
    let mode = match content {
        Content::Logframe(lf) => lf.mode.code(),
        _ => "classic",
    };
    // A proposal's title or summary in another language: "Inglese — Sintesi".
    if let (Content::Proposal(_), Some((which, code))) = (content, field.split_once('.')) {
        let part = match which {
            "title" => Some("proposal-translated-title"),
            "summary" => Some("proposal-translated-summary"),
            _ => None,
        };
        if let Some(part) = part {
            return Some(format!("{} — {}", t(&format!("spoken-{code}")), t(part)));
        }
    }
    let name = |field: &str| -> Option<String> {
        let key = match field {
            "title" => "products-field-title".to_string(),
            "due_on" => "products-field-due".to_string(),
            "version_label" => "products-version-label".to_string(),
            "markdown" => "products-text".to_string(),
            "countries" => "lf-countries-label".to_string(),
            "sectors" => "lf-sectors".to_string(),
            "macro_area" => "lf-macro-area".to_string(),
            "mode" => "lf-mode".to_string(),
            "level" => "lf-level".to_string(),
            "text" => format!("lf-col-logic-{mode}"),
            "sources" => format!("lf-col-sources-{mode}"),
            "assumptions" => "lf-col-assumptions".to_string(),
            "means" => "lf-means".to_string(),
            "costs" => "lf-costs".to_string(),
            "measure" => "lf-measure".to_string(),
            "direction" => "lf-direction".to_string(),
            "unit" => "lf-unit".to_string(),
            "baseline" => "lf-baseline".to_string(),
            "baseline_year" => "lf-baseline-year".to_string(),
            "target" => "lf-target".to_string(),
            "target_date" => "lf-target-date".to_string(),
            "milestones" => "lf-milestones".to_string(),
            "source" => "lf-source".to_string(),
            "disaggregation" => "lf-disaggregation".to_string(),
            _ => return None,
        };
        Some(t(&key))
    };
    let Some(rest) = field.strip_prefix('r') else {
        return name(field);
    };
    let (index, rest) = rest.split_once('.')?;
    let n: usize = index.parse().ok()?;
    let row = match content {
        Content::Logframe(lf) => {
            lf.rows
                .get(n)
                .zip(lf.numbers().get(n).cloned())
                .map(|(r, number)| {
                    format!("{} {number}", t(r.level.label(lf.mode)))
                        .trim()
                        .to_string()
                })
        }
        _ => None,
    }
    .unwrap_or_else(|| {
        state
            .i18n
            .message(locale, "lf-row-n", &[("n", (n + 1).into())])
    });
    let place = match rest.split_once('.') {
        Some((ind, cell)) if ind.starts_with('i') => {
            let k: usize = ind[1..].parse().ok()?;
            let indicator = format!("{row}, {} {}", t("lf-indicator"), k + 1);
            match name(cell) {
                Some(c) if cell != "text" => format!("{indicator} — {c}"),
                _ => indicator,
            }
        }
        _ => match name(rest) {
            Some(c) => format!("{row} — {c}"),
            None => row,
        },
    };
    Some(place)
}

/// Reads the submitted content for `p`'s kind, with the problems found; what was typed is kept
/// as far as it reads, so that a refused save loses nothing.
async fn read_content(
    state: &AppState,
    p: &Product,
    locale: Locale,
    fields: &[(String, String)],
) -> AppResult<(Content, Vec<FieldProblem>, StructuredRead)> {
    let stored = Content::from_json(&p.content);
    let (content, problems) = match stored {
        Content::Logframe(saved) => {
            let (mut lf, mut problems) = Logframe::read_form(fields);
            for c in &lf.countries {
                if places::country(c).is_none() {
                    problems.push(FieldProblem {
                        field: "countries".into(),
                        message: "error-unknown-choice",
                    });
                }
            }
            lf.last_id = lf.last_id.max(saved.last_id);
            // The analysis has its own page: the matrix form does not carry it.
            lf.analysis = saved.analysis.clone();
            (Content::Logframe(lf), problems)
        }
        Content::StrategicPlan(saved) => {
            match super::strategy::read(state, p.organisation_id, fields).await? {
                Ok(plan) => (Content::StrategicPlan(plan), vec![]),
                Err(problems) => {
                    let typed = domain::products::strategy::read_lenient(fields).unwrap_or(saved);
                    (Content::StrategicPlan(typed), problems)
                }
            }
        }
        Content::Text { .. } => {
            let markdown = fields
                .iter()
                .find(|(n, _)| n == "markdown")
                .map(|(_, v)| v.as_str())
                .unwrap_or_default();
            match domain::products::check_text(markdown) {
                Ok(m) => (Content::Text { markdown: m }, vec![]),
                Err(e) => (
                    // All of it: the route's body limit bounds it, and nothing typed is lost.
                    Content::Text {
                        markdown: markdown.to_string(),
                    },
                    e.0.iter()
                        .map(|f| FieldProblem {
                            field: f.field.into(),
                            message: f.message,
                        })
                        .collect(),
                ),
            }
        }
        Content::Budget(saved) => {
            let (bp, typed, problems) =
                super::budget::read(state, p.organisation_id, locale, &saved, fields).await?;
            let read = StructuredRead {
                typed,
                budget: problems,
                ..Default::default()
            };
            return Ok((Content::Budget(bp), vec![], read));
        }
        Content::Partnership(saved) => {
            let (pp, typed, problems) =
                super::partnership::read(state, p.organisation_id, locale, &saved, fields).await?;
            let read = StructuredRead {
                typed,
                partnership: problems,
                ..Default::default()
            };
            return Ok((Content::Partnership(pp), vec![], read));
        }
        Content::Proposal(saved) => {
            let (pp, problems) =
                super::proposal::read(state, p.organisation_id, &saved, fields).await?;
            // What was typed is shown again as typed after a refused save.
            let read = StructuredRead {
                typed: if problems.is_empty() {
                    vec![]
                } else {
                    fields.to_vec()
                },
                ..Default::default()
            };
            return Ok((Content::Proposal(pp), problems, read));
        }
    };
    Ok((content, problems, Default::default()))
}

pub(super) async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    if !super::state_of(&p).editable() {
        return Ok(not_editable());
    }
    let c = common(&fields);
    let (mut content, mut problems, structured) =
        read_content(&state, &p, viewer.locale, &fields).await?;
    let typed = &structured.typed;
    let mut errors = domain::validation::Errors::default();
    let title = domain::validation::required_line(
        &mut errors,
        "title",
        &c.title,
        domain::products::MAX_TITLE,
    );
    let due = domain::validation::optional_date(&mut errors, "due_on", &c.due_on);
    let label = domain::validation::optional_line(&mut errors, "version_label", &c.label, 200)
        .unwrap_or_default();
    problems.extend(errors.0.iter().map(|e| FieldProblem {
        field: e.field.into(),
        message: e.message,
    }));
    // The preview button of a text product (without JavaScript): the editor again, with what
    // was typed and its rendering beside it; nothing is saved.
    if let (Some("preview"), Content::Text { markdown }) = (c.op.as_deref(), &content) {
        let preview = domain::products::text::render(markdown);
        let page = EditorPage {
            content: &content,
            title: &c.title,
            due_on: &c.due_on,
            edit: c.edit,
            problems: translate(&state, viewer.locale, &problems, &content),
            conflict: None,
            focus: None,
            preview: Some(preview),
            typed: &[],
            by_field: BTreeMap::new(),
        };
        return editor(&state, &viewer, &p, page).await;
    }
    let mut focus = None;
    if let (Some(op), Content::Logframe(lf)) = (&c.op, &mut content) {
        match Op::parse(op) {
            Some(op) => {
                let before = lf.rows.len();
                if lf.apply(&op) {
                    focus = match &op {
                        Op::AddRow { .. } if lf.rows.len() > before => {
                            Some(format!("r{}", lf.last_id))
                        }
                        Op::MoveUp(id) | Op::MoveDown(id) | Op::AddIndicator(id) => {
                            Some(id.clone())
                        }
                        _ => None,
                    };
                }
            }
            None => return Err(AppError::BadRequest("error-bad-form")),
        }
    }
    if !problems.is_empty() || !structured.is_empty() {
        let mut shown = translate(&state, viewer.locale, &problems, &content);
        let mut by_field = BTreeMap::new();
        if let Content::Budget(bp) = &content {
            let (list, map) =
                super::budget::problems(&state, viewer.locale, bp, &structured.budget);
            shown.extend(list);
            by_field = map;
        }
        if let Content::Partnership(_) = &content {
            let (list, map) =
                super::partnership::problems(&state, viewer.locale, &structured.partnership);
            shown.extend(list);
            by_field = map;
        }
        if let Content::Proposal(_) = &content {
            // A title or summary in another language is marked beside its field.
            by_field = problems
                .iter()
                .filter(|p| p.field.starts_with("title.") || p.field.starts_with("summary."))
                .map(|p| (p.field.clone(), state.i18n.t(viewer.locale, p.message)))
                .collect();
        }
        let page = EditorPage {
            content: &content,
            title: &c.title,
            due_on: &c.due_on,
            edit: c.edit,
            problems: shown,
            conflict: None,
            focus: None,
            preview: None,
            typed,
            by_field,
        };
        return with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            editor(&state, &viewer, &p, page).await,
        );
    }
    let json = content.to_json();
    let version_label = c.mark.then_some(label.as_str());
    let save = db::products::Save {
        title: &title,
        content: &json,
        due_on: due,
        version_label,
    };
    match db::products::save(&state.db, p.id, c.edit, &save, viewer.user_id()).await {
        Ok((_, version)) => {
            if due.is_some() && due != p.due_on {
                super::reminders::schedule(&state.db, p.id, due.unwrap_or_default()).await?;
            }
            let base = super::path(&p);
            if c.op.is_some() || c.stay {
                let anchor = focus.map(|f| format!("#row-{f}")).unwrap_or_default();
                Ok(see_other(&format!("{base}/edit?saved=1{anchor}")))
            } else {
                let done = if version.is_some() {
                    "version"
                } else {
                    "saved"
                };
                Ok(see_other(&format!("{base}?done={done}")))
            }
        }
        Err(db::DbError::Conflict) => {
            // Someone saved meanwhile: show what they saved, keep what this author typed, and
            // let a new save go over the current edit deliberately.
            let current = db::products::get(&state.db, p.id)
                .await?
                .ok_or(AppError::NotFound)?;
            if !super::state_of(&current).editable() {
                return Ok(not_editable());
            }
            let saved = Content::from_json(&current.content);
            let conflict = context! {
                content => content_view(&state, viewer.locale, current.organisation_id, &saved).await?,
                title => current.title,
                by => current.updated_by_name, at => viewer.locale.date_time(current.updated_at),
            };
            let page = EditorPage {
                content: &content,
                title: &c.title,
                due_on: &c.due_on,
                edit: current.version,
                problems: vec![],
                conflict: Some(conflict),
                focus: None,
                preview: None,
                typed,
                by_field: BTreeMap::new(),
            };
            with_status(
                StatusCode::CONFLICT,
                editor(&state, &viewer, &current, page).await,
            )
        }
        Err(e) => Err(e.into()),
    }
}

/// The live quality check: the editor posts its form while the author types and shows the
/// findings this returns (an HTML fragment).
pub(super) async fn check(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    match Content::from_json(&p.content) {
        Content::Logframe(_) => {}
        Content::Budget(_) => return check_budget(&state, &viewer, &p, &fields).await,
        _ => return Err(AppError::NotFound),
    }
    let (content, problems, _) = read_content(&state, &p, viewer.locale, &fields).await?;
    let findings = match &content {
        Content::Logframe(lf) if problems.is_empty() => findings(&state, viewer.locale, lf),
        _ => vec![],
    };
    let html = state.templates.render(
        viewer.locale,
        "products/_findings.html",
        crate::session::page_context(
            &viewer,
            context! { findings, problems => translate(&state, viewer.locale, &problems, &content), live => true },
        ),
    )?;
    Ok(Html(html).into_response())
}

/// The budget's live check while its author types: the problems of what is typed, each with its
/// place, or else the totals and the chosen rule pack's findings (an HTML fragment); nothing is
/// saved.
async fn check_budget(
    state: &AppState,
    viewer: &Viewer,
    p: &Product,
    fields: &[(String, String)],
) -> AppResult {
    let (content, _, read) = read_content(state, p, viewer.locale, fields).await?;
    let problems = read.budget;
    let Content::Budget(bp) = &content else {
        return Err(AppError::NotFound);
    };
    let (list, _) = super::budget::problems(state, viewer.locale, bp, &problems);
    let view = if problems.is_empty() {
        Some(super::budget::view(state, viewer.locale, p.organisation_id, bp).await?)
    } else {
        None
    };
    let html = state.templates.render(
        viewer.locale,
        "products/_budget_live.html",
        crate::session::page_context(viewer, context! { problems => list, content => view }),
    )?;
    Ok(Html(html).into_response())
}

/// The preview of a text product while its author types: the Markdown rendered and sanitised as
/// readers will see it (an HTML fragment for the editor's preview panel).
pub(super) async fn preview(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    let Content::Text { .. } = Content::from_json(&p.content) else {
        return Err(AppError::NotFound);
    };
    let (content, _, _) = read_content(&state, &p, viewer.locale, &fields).await?;
    let Content::Text { markdown } = content else {
        return Err(AppError::NotFound);
    };
    let html = state.templates.render(
        viewer.locale,
        "products/_preview.html",
        crate::session::page_context(
            &viewer,
            context! { preview => domain::products::text::render(&markdown) },
        ),
    )?;
    Ok(Html(html).into_response())
}
