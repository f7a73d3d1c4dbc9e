//! The questionnaire after a held session, its results with SVG charts, and their export.

use super::{find, session_view};
use crate::http::{see_other, with_status, AppError, AppResult, Form, Id};
use crate::session::{field_errors, render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use db::labs::Session;
use domain::labs::feedback::{summarise, Distribution, FeedbackForm, QUESTIONS};
use domain::labs::schedule::local;
use domain::labs::Status;
use domain::validation::Errors;
use minijinja::{context, Value};

/// Whether `viewer` may answer: registered to a held session, not answered yet.
async fn may_answer(state: &AppState, viewer: &Viewer, s: &Session) -> AppResult<uuid::Uuid> {
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    if s.status != Status::Held {
        return Err(AppError::BadRequest("error-feedback-not-held"));
    }
    if db::labs::registration(&state.db, s.id, user)
        .await?
        .as_deref()
        != Some("registered")
    {
        return Err(AppError::BadRequest("error-feedback-not-registered"));
    }
    if db::labs::gave_feedback(&state.db, s.id, user).await? {
        return Err(AppError::BadRequest("error-feedback-given"));
    }
    Ok(user)
}

fn page(
    state: &AppState,
    viewer: &Viewer,
    s: &Session,
    form: &FeedbackForm,
    errors: &Errors,
) -> AppResult {
    let values = [
        &form.useful,
        &form.content,
        &form.speakers,
        &form.organisation,
        &form.applicable,
    ];
    let questions: Vec<Value> = QUESTIONS
        .iter()
        .zip(values)
        .map(|(q, v)| context! { key => q, value => v.trim() })
        .collect();
    render(
        state,
        viewer,
        "labs/feedback.html",
        context! {
            session => session_view(s, viewer, state.db.now()), questions, scale => [1, 2, 3, 4, 5],
            went_well => form.went_well, to_improve => form.to_improve, anonymous => form.anonymous.is_some(),
            errors => field_errors(state, viewer, errors),
        },
    )
}

pub(super) async fn form(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let s = find(&state, id).await?;
    may_answer(&state, &viewer, &s).await?;
    page(
        &state,
        &viewer,
        &s,
        &FeedbackForm::default(),
        &Errors::default(),
    )
}

pub(super) async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<FeedbackForm>,
) -> AppResult {
    let s = find(&state, id).await?;
    let user = may_answer(&state, &viewer, &s).await?;
    let answer = match form.check() {
        Ok(a) => a,
        Err(errors) => {
            return with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                page(&state, &viewer, &s, &form, &errors),
            )
        }
    };
    match db::labs::give_feedback(&state.db, s.id, user, &answer, local(state.db.now()).0).await {
        Ok(()) => Ok(see_other(&format!("/labs/sessions/{}?feedback=1", s.id))),
        Err(db::DbError::Duplicate) => Err(AppError::BadRequest("error-feedback-given")),
        Err(e) => Err(e.into()),
    }
}

/// Escapes text placed inside SVG markup.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A horizontal stacked bar of one question's answers, 1 to 5 from red to green, with the counts
/// written on the segments; the figures are also in the table next to it for screen readers.
pub(crate) fn bar(d: &Distribution, label: &str) -> String {
    const COLOURS: [&str; 5] = ["#a61e1e", "#d9534f", "#8a8a8a", "#3f8f5f", "#1d6b3d"];
    const WIDTH: f64 = 400.0;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} 28\" width=\"100%\" height=\"28\" role=\"img\" aria-label=\"{}\">",
        xml(label)
    );
    if d.answers == 0 {
        out.push_str("<rect x=\"0\" y=\"2\" width=\"400\" height=\"24\" fill=\"#e6e9f2\"/>");
    }
    let mut x = 0.0;
    for (i, count) in d.counts.iter().enumerate() {
        if *count == 0 || d.answers == 0 {
            continue;
        }
        let w = WIDTH * *count as f64 / d.answers as f64;
        out.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"2\" width=\"{w:.1}\" height=\"24\" fill=\"{}\"/>",
            COLOURS[i]
        ));
        if w >= 14.0 {
            out.push_str(&format!(
                "<text x=\"{:.1}\" y=\"19\" font-size=\"13\" text-anchor=\"middle\" fill=\"#ffffff\">{count}</text>",
                x + w / 2.0
            ));
        }
        x += w;
    }
    out.push_str("</svg>");
    out
}

pub(super) async fn results(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let s = find(&state, id).await?;
    let answers = db::labs::feedback(&state.db, s.id).await?;
    let ratings: Vec<[Option<i64>; 5]> = answers.iter().map(|a| a.ratings).collect();
    let summary: Vec<Value> = summarise(&ratings)
        .iter()
        .map(|d| {
            let label = state
                .i18n
                .t(viewer.locale, &format!("feedback-q-{}", d.question));
            context! {
                question => d.question, counts => d.counts, answers => d.answers,
                mean => d.mean_hundredths.map(|m| viewer.locale.hundredths(m)),
                chart => Value::from_safe_string(bar(d, &label)),
            }
        })
        .collect();
    let comments: Vec<Value> = answers
        .iter()
        .filter(|a| !a.went_well.is_empty() || !a.to_improve.is_empty())
        .map(|a| context! { author => a.author, went_well => a.went_well, to_improve => a.to_improve })
        .collect();
    render(
        &state,
        &viewer,
        "labs/feedback_results.html",
        context! {
            session => session_view(&s, &viewer, state.db.now()), summary, comments, count => answers.len(),
            registered => s.registered,
        },
    )
}

pub(super) async fn export(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let s = find(&state, id).await?;
    let answers = db::labs::feedback(&state.db, s.id).await?;
    let t = |k: &str| state.i18n.t(viewer.locale, k);
    let mut header = vec![t("feedback-author"), t("feedback-date")];
    header.extend(QUESTIONS.iter().map(|q| t(&format!("feedback-q-{q}"))));
    header.push(t("feedback-went-well"));
    header.push(t("feedback-to-improve"));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let anonymous = t("feedback-anonymous-author");
    let rows = answers.iter().map(|a| {
        let mut row = vec![
            a.author.clone().unwrap_or_else(|| anonymous.clone()),
            a.answered_on.to_string(),
        ];
        row.extend(
            a.ratings
                .iter()
                .map(|r| r.map(|n| n.to_string()).unwrap_or_default()),
        );
        row.push(a.went_well.clone());
        row.push(a.to_improve.clone());
        row
    });
    let bytes = export::csv_table(&header, rows).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"feedback-{}.csv\"", s.id),
            ),
        ],
        bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_and_escaped() {
        let d = Distribution {
            question: "useful",
            counts: [0, 0, 1, 1, 2],
            answers: 4,
            mean_hundredths: Some(425),
        };
        let svg = bar(&d, "Utile <davvero>");
        assert!(svg.contains("aria-label=\"Utile &lt;davvero&gt;\""));
        assert!(svg.contains("width=\"100.0\""));
        assert!(svg.contains("width=\"200.0\""));
        assert_eq!(svg.matches("<rect").count(), 3);
    }
}
