//! Exports of a product at any version: DOCX and PDF for every product (the logframe as a
//! landscape matrix), XLSX for the logframe. Labels are in the reader's language.

use super::find;
use crate::http::{AppError, AppResult, PathIds, Query};
use crate::session::Viewer;
use crate::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use domain::library::places;
use domain::locale::Locale;
use domain::products::logframe::{Level, Logframe};
use domain::products::text::Block;
use domain::products::Content;
use serde::Deserialize;
use uuid::Uuid;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ExportQuery {
    /// A version number; the draft when absent.
    v: String,
}

/// The matrix of a logframe as rows of cells, header first.
fn matrix(state: &AppState, locale: Locale, lf: &Logframe) -> Vec<Vec<String>> {
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

/// One row per indicator with every field, header first.
fn indicator_rows(state: &AppState, locale: Locale, lf: &Logframe) -> Vec<Vec<String>> {
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
    .map(|k| t(k))
    .collect::<Vec<_>>()];
    for (row, number) in lf.rows.iter().zip(lf.numbers()) {
        for i in &row.indicators {
            rows.push(vec![
                t(row.level.label(lf.mode)),
                number.clone(),
                i.text.clone(),
                i.unit.clone(),
                t(&format!("lf-measure-{}", i.measure.code())),
                t(&format!("lf-direction-{}", i.direction.code())),
                i.baseline.clone(),
                i.baseline_year.map(|y| y.to_string()).unwrap_or_default(),
                i.target.clone(),
                i.target_date.clone(),
                i.milestones.clone(),
                i.source.clone(),
                i.disaggregation.clone(),
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
        Block::Table(matrix(state, locale, lf)),
    ]
}

pub(super) async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product, format)): PathIds<(Uuid, Uuid, String)>,
    Query(q): Query<ExportQuery>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    let locale = viewer.locale;
    let (title, content, version, date) = match q.v.trim() {
        "" => (
            p.title.clone(),
            p.content.clone(),
            None,
            p.updated_at.date_naive(),
        ),
        v => {
            let n: i64 = v.parse().map_err(|_| AppError::NotFound)?;
            let found = db::products::version(&state.db, p.id, n)
                .await?
                .ok_or(AppError::NotFound)?;
            (
                found.title,
                found.content,
                Some(n),
                found.created_at.date_naive(),
            )
        }
    };
    let content = Content::from_json(&content);
    let org = db::organisations::get(&state.db, p.organisation_id).await?;
    let which = match version {
        Some(n) => state
            .i18n
            .message(locale, "products-version-n", &[("n", n.into())]),
        None => state.i18n.t(locale, "products-draft"),
    };
    let subtitle = format!(
        "{} · {} · {which} · {}",
        state.i18n.t(locale, &format!("product-{}", p.kind)),
        org.data.name,
        locale.date(date)
    );
    let stem: String = domain::products::text::slug(&title)
        .chars()
        .take(60)
        .collect();
    let (bytes, mime, extension) = match (format.as_str(), &content) {
        ("xlsx", Content::Logframe(lf)) => {
            let bytes = export::product::logframe_xlsx(
                &matrix(&state, locale, lf),
                &indicator_rows(&state, locale, lf),
                [
                    &state.i18n.t(locale, "product-logframe"),
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
        ("docx" | "pdf", _) => {
            let (blocks, landscape) = match &content {
                Content::Text { markdown } => (domain::products::text::blocks(markdown), false),
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
                    (logframe_blocks(&state, locale, lf, area), true)
                }
            };
            let doc = export::product::Doc {
                title,
                subtitle,
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
