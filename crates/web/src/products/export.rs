//! Exports of a product at any version: DOCX and PDF for every product (the logframe as a
//! landscape matrix), XLSX for the logframe. Labels are in the reader's language.

use super::find;
use crate::http::{AppError, AppResult, PathIds, Query};
use crate::session::Viewer;
use crate::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use chrono::{DateTime, Utc};
use db::products::Product;
use domain::library::places;
use domain::locale::Locale;
use domain::products::logframe::{Level, Logframe};
use domain::products::review::{Action, State as ReviewState};
use domain::products::text::Block;
use domain::products::Content;
use export::xlsx::Cell;
use serde::Deserialize;
use std::collections::BTreeMap;
use uuid::Uuid;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ExportQuery {
    /// A version number; when absent, the draft, or the version under review or approved.
    v: String,
}

/// The matrix of a logframe as rows of cells, header first; `costs` are the activities' costs
/// from the budget tied to it, by row id.
pub(super) fn matrix(
    state: &AppState,
    locale: Locale,
    lf: &Logframe,
    costs: &BTreeMap<String, String>,
) -> Vec<Vec<String>> {
    let t = |k: &str| state.i18n.t(locale, k);
    let mode = lf.mode.code();
    let mut rows = vec![vec![
        t(&format!("lf-col-logic-{mode}")),
        t("lf-col-indicators"),
        t(&format!("lf-col-sources-{mode}")),
        t("lf-col-assumptions"),
    ]];
    for (row, number) in lf.rows.iter().zip(lf.numbers()) {
        let mut logic = format!("{} {number}", t(row.level.label(lf.mode)))
            .trim()
            .to_string();
        logic.push('\n');
        logic.push_str(&row.text);
        if row.level == Level::Activity {
            for (key, value) in [("lf-means", &row.means), ("lf-costs", &row.costs)] {
                if !value.is_empty() {
                    logic.push_str(&format!("\n{}: {value}", t(key)));
                }
            }
        }
        if let Some(cost) = costs.get(&row.id) {
            logic.push_str(&format!("\n{}: {cost}", t("budget-lf-cost")));
        }
        let indicators: Vec<String> = row
            .indicators
            .iter()
            .enumerate()
            .map(|(k, i)| {
                let mut line = format!("{}. {}", k + 1, i.text);
                let baseline = match i.baseline_year {
                    Some(y) => format!("{} ({y})", i.baseline),
                    None => i.baseline.clone(),
                };
                let target = if i.target_date.is_empty() {
                    i.target.clone()
                } else {
                    format!("{} ({})", i.target, i.target_date)
                };
                if !baseline.trim().is_empty() || !target.trim().is_empty() {
                    line.push_str(&format!(
                        "\n{}: {baseline} → {}: {target}",
                        t("lf-baseline"),
                        t("lf-target")
                    ));
                }
                if !i.unit.is_empty() {
                    line.push_str(&format!("\n{}: {}", t("lf-unit"), i.unit));
                }
                if !i.source.is_empty() {
                    line.push_str(&format!("\n{}: {}", t("lf-source"), i.source));
                }
                line
            })
            .collect();
        rows.push(vec![
            logic,
            indicators.join("\n"),
            row.sources.clone(),
            row.assumptions.clone(),
        ]);
    }
    rows
}

/// One row per indicator with every field, header first: baselines and targets that are plain
/// numbers as numbers, years as numbers, target dates as dates.
fn indicator_rows(state: &AppState, locale: Locale, lf: &Logframe) -> Vec<Vec<Cell>> {
    let t = |k: &str| state.i18n.t(locale, k);
    let mut rows = vec![[
        "lf-level",
        "products-diff-row",
        "lf-indicator",
        "lf-unit",
        "lf-measure",
        "lf-direction",
        "lf-baseline",
        "lf-baseline-year",
        "lf-target",
        "lf-target-date",
        "lf-milestones",
        "lf-source",
        "lf-disaggregation",
    ]
    .iter()
    .map(|k| Cell::Text(t(k)))
    .collect::<Vec<_>>()];
    let text = |s: &str| {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    };
    for (row, number) in lf.rows.iter().zip(lf.numbers()) {
        for i in &row.indicators {
            rows.push(vec![
                Cell::Text(t(row.level.label(lf.mode))),
                text(&number),
                text(&i.text),
                text(&i.unit),
                Cell::Text(t(&format!("lf-measure-{}", i.measure.code()))),
                Cell::Text(t(&format!("lf-direction-{}", i.direction.code()))),
                Cell::number_or_text(&i.baseline),
                i.baseline_year
                    .map(|y| Cell::Number(f64::from(y)))
                    .unwrap_or(Cell::Empty),
                Cell::number_or_text(&i.target),
                Cell::date_or_text(&i.target_date),
                text(&i.milestones),
                text(&i.source),
                text(&i.disaggregation),
            ]);
        }
    }
    rows
}

/// The blocks of a logframe: its details, then the matrix.
fn logframe_blocks(
    state: &AppState,
    locale: Locale,
    lf: &Logframe,
    macro_area: Option<String>,
    costs: &BTreeMap<String, String>,
) -> Vec<Block> {
    let t = |k: &str| state.i18n.t(locale, k);
    let mut details = vec![format!(
        "{}: {}",
        t("lf-mode"),
        t(&format!("lf-mode-{}", lf.mode.code()))
    )];
    if let Some(area) = macro_area {
        details.push(format!("{}: {area}", t("lf-macro-area")));
    }
    if !lf.countries.is_empty() {
        let names: Vec<&str> = lf
            .countries
            .iter()
            .map(|c| places::country(c).map(|x| x.name(locale)).unwrap_or(c))
            .collect();
        details.push(format!("{}: {}", t("lf-countries-label"), names.join(", ")));
    }
    if !lf.sectors.is_empty() {
        details.push(format!("{}: {}", t("lf-sectors"), lf.sectors.join(", ")));
    }
    vec![
        Block::Paragraph(details.join("\n")),
        Block::Table(matrix(state, locale, lf, costs)),
    ]
}

/// The version a review froze, with its state: the latest approval, or the submission while the
/// product waits for review.
pub(super) struct Reviewed {
    pub number: i64,
    pub state: ReviewState,
    pub at: DateTime<Utc>,
    pub by: Option<String>,
}

/// The version of `p` a review froze, if any. A submitted or approved product cannot be edited,
/// so its latest version is what was submitted (and approved); a product reopened after its
/// approval keeps the version that was latest when it was approved.
pub(super) async fn reviewed(state: &AppState, p: &Product) -> AppResult<Option<Reviewed>> {
    let current = super::state_of(p);
    if !current.editable() {
        let number = db::products::latest_version(&state.db, p.id).await?;
        return Ok((number > 0).then(|| Reviewed {
            number,
            state: current,
            at: p.state_at.unwrap_or(p.updated_at),
            by: p.state_by_name.clone(),
        }));
    }
    let history = db::products::history(&state.db, p.id).await?;
    let Some(approval) = history
        .iter()
        .rev()
        .find(|e| e.kind == Action::Approve.code())
    else {
        return Ok(None);
    };
    let number = db::products::versions(&state.db, p.id)
        .await?
        .into_iter()
        .filter(|v| v.created_at <= approval.at)
        .map(|v| v.number)
        .max();
    Ok(number.map(|number| Reviewed {
        number,
        state: ReviewState::Approved,
        at: approval.at,
        by: approval.actor_name.clone(),
    }))
}

pub(super) async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product, format)): PathIds<(Uuid, Uuid, String)>,
    Query(q): Query<ExportQuery>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    let locale = viewer.locale;
    let reviewed = reviewed(&state, &p).await?;
    // Without a version: the draft while it can be edited, else the version under review or
    // approved (which is what the product holds then).
    let wanted = match q.v.trim() {
        "" => match (&reviewed, super::state_of(&p).editable()) {
            (Some(r), false) => Some(r.number),
            _ => None,
        },
        v => Some(v.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    let (title, content, date) = match wanted {
        None => (
            p.title.clone(),
            p.content.clone(),
            p.updated_at.date_naive(),
        ),
        Some(n) => {
            let found = db::products::version(&state.db, p.id, n)
                .await?
                .ok_or(AppError::NotFound)?;
            (found.title, found.content, found.created_at.date_naive())
        }
    };
    let content = Content::from_json(&content);
    let org = db::organisations::get(&state.db, p.organisation_id).await?;
    let someone = || state.i18n.t(locale, "products-someone");
    let which = match (wanted, &reviewed) {
        (Some(n), Some(r)) if r.number == n => {
            let key = if r.state == ReviewState::Approved {
                "products-export-approved"
            } else {
                "products-export-submitted"
            };
            state.i18n.message(
                locale,
                key,
                &[
                    ("n", n.into()),
                    ("date", locale.date(r.at.date_naive()).into()),
                    ("who", r.by.clone().unwrap_or_else(someone).into()),
                ],
            )
        }
        (Some(n), _) => state.i18n.message(
            locale,
            "products-export-version",
            &[("n", n.into()), ("date", locale.date(date).into())],
        ),
        (None, _) => state.i18n.message(
            locale,
            "products-export-draft",
            &[("date", locale.date(date).into())],
        ),
    };
    let subtitle = format!(
        "{} · {}\n{which}",
        state.i18n.t(locale, &format!("product-{}", p.kind)),
        org.data.name,
    );
    let stem: String = domain::products::text::slug(&title)
        .chars()
        .take(60)
        .collect();
    // A logframe's activities cost what the budget tied to it says.
    let costs = match &content {
        Content::Logframe(lf) => {
            super::budget::activity_costs(&state, locale, p.organisation_id, p.id, lf).await?
        }
        _ => BTreeMap::new(),
    };
    let (bytes, mime, extension) = match (format.as_str(), &content) {
        ("xlsx", Content::Logframe(lf)) => {
            let bytes = export::product::logframe_xlsx(
                &matrix(&state, locale, lf, &costs),
                &indicator_rows(&state, locale, lf),
                [
                    &state.i18n.t(locale, "lf-sheet-matrix"),
                    &state.i18n.t(locale, "lf-col-indicators"),
                ],
            )
            .map_err(|e| AppError::Internal(e.to_string()))?;
            (
                bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
            )
        }
        ("docx" | "pdf", Content::Proposal(pp)) => {
            let cover = vec![
                format!(
                    "{} · {}",
                    state.i18n.t(locale, &format!("product-{}", p.kind)),
                    org.data.name
                ),
                which,
            ];
            let doc = super::proposal::document(
                &state,
                locale,
                p.organisation_id,
                pp,
                title,
                cover,
                date,
            )
            .await?;
            if format == "docx" {
                let bytes =
                    export::proposal::docx(&doc).map_err(|e| AppError::Internal(e.to_string()))?;
                (
                    bytes,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "docx",
                )
            } else {
                let bytes = tokio::task::spawn_blocking(move || export::proposal::pdf(&doc))
                    .await
                    .map_err(|e| AppError::Internal(e.to_string()))?
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                (bytes, "application/pdf", "pdf")
            }
        }
        ("docx" | "pdf", _) => {
            let (blocks, landscape) = match &content {
                Content::Text { markdown } => (domain::products::text::blocks(markdown), false),
                Content::Budget(bp) => (
                    super::budget::blocks(&state, locale, p.organisation_id, bp).await?,
                    true,
                ),
                Content::Partnership(pp) => (
                    super::partnership::blocks(&state, locale, p.organisation_id, pp).await?,
                    true,
                ),
                // Exported above, as a proposal.
                Content::Proposal(_) => return Err(AppError::NotFound),
                Content::StrategicPlan(plan) => {
                    let markdown =
                        super::strategy::markdown(&state, locale, p.organisation_id, plan).await?;
                    (domain::products::text::blocks(&markdown), false)
                }
                Content::Logframe(lf) => {
                    let area = db::library::macro_areas(&state.db)
                        .await?
                        .into_iter()
                        .find(|m| m.code == lf.macro_area)
                        .map(|m| match locale {
                            Locale::It => m.name_it,
                            Locale::En => m.name_en,
                            Locale::Fr => m.name_fr,
                        });
                    (logframe_blocks(&state, locale, lf, area, &costs), true)
                }
            };
            let doc = export::product::Doc {
                title,
                subtitle,
                lang: locale.code().to_string(),
                landscape,
                blocks,
                date,
            };
            if format == "docx" {
                let bytes =
                    export::product::docx(&doc).map_err(|e| AppError::Internal(e.to_string()))?;
                (
                    bytes,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "docx",
                )
            } else {
                let bytes = tokio::task::spawn_blocking(move || export::product::pdf(&doc))
                    .await
                    .map_err(|e| AppError::Internal(e.to_string()))?
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                (bytes, "application/pdf", "pdf")
            }
        }
        _ => return Err(AppError::NotFound),
    };
    Ok((
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                crate::http::attachment(&format!("{stem}.{extension}")),
            ),
        ],
        bytes,
    )
        .into_response())
}
