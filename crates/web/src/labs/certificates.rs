//! Certificates of participation: a participant downloads a PDF/A stating the modules, days and
//! hours they attended; each one gets a verification code that anyone can check on a public page.

use super::attendance::lines;
use super::hours;
use crate::http::{AppError, AppResult};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use chrono::Utc;
use domain::labs::certificate;
use domain::labs::schedule::local;
use minijinja::context;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What a certificate states, as stored for verification.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Summary {
    person: String,
    organisation: String,
    programme: String,
    cohort: String,
    lines: Vec<(String, String, String)>,
    days: String,
    hours: String,
    issued_on: String,
}

fn new_code() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 12];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let code = domain::labs::code(&bytes);
    format!("{}-{}-{}", &code[..4], &code[4..8], &code[8..])
}

pub(super) async fn download(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    let person = viewer
        .someone
        .as_ref()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let (rows, report) = lines(&state, Some(user)).await?;
    let structure = crate::shared::structure::structure(&state)
        .await?
        .unwrap_or_default();
    // Certificates are Italian documents: the programme's language, whatever the interface's.
    let locale = domain::locale::Locale::It;
    let counted =
        certificate::count(
            rows.iter()
                .zip(&report)
                .map(|(row, line)| certificate::Attended {
                    module: row.module_id,
                    cohort: row.cohort_id,
                    organisation: line.organisation,
                    starts_at: row.starts_at,
                    minutes: line.rate.attended,
                }),
        )
        .ok_or(AppError::BadRequest("error-certificate-none"))?;
    let titles: HashMap<uuid::Uuid, &str> = structure
        .modules
        .iter()
        .map(|m| (m.id, m.title.as_str()))
        .collect();
    let organisation_name = match counted.organisation {
        Some(o) => db::organisations::by_ids(&state.db, &[o])
            .await?
            .first()
            .map(|o| o.data.name.clone())
            .unwrap_or_default(),
        None => String::new(),
    };
    let cohort = structure
        .cohorts
        .iter()
        .filter(|c| counted.cohorts.contains(&c.id))
        .map(|c| c.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let today = local(Utc::now()).0;
    let summary = Summary {
        person,
        organisation: organisation_name,
        programme: structure.programme.title.clone(),
        cohort,
        lines: counted
            .modules
            .iter()
            .map(|m| {
                (
                    titles
                        .get(&m.module)
                        .copied()
                        .unwrap_or_default()
                        .to_string(),
                    m.dates
                        .iter()
                        .map(|d| locale.date(*d))
                        .collect::<Vec<_>>()
                        .join(", "),
                    hours(m.minutes, locale),
                )
            })
            .collect(),
        days: counted.days.to_string(),
        hours: hours(counted.minutes, locale),
        issued_on: locale.date(today),
    };
    let code = new_code();
    let json = serde_json::to_string(&summary).map_err(|e| AppError::Internal(e.to_string()))?;
    db::labs::issue_certificate(&state.db, &code, user, &json).await?;
    let certificate = export::certificate::Certificate {
        code: code.clone(),
        person: summary.person.clone(),
        organisation: summary.organisation.clone(),
        programme: summary.programme.clone(),
        cohort: summary.cohort.clone(),
        lines: summary
            .lines
            .iter()
            .map(|(module, dates, hours)| export::certificate::Line {
                module: module.clone(),
                dates: dates.clone(),
                hours: hours.clone(),
            })
            .collect(),
        days: summary.days.clone(),
        hours: summary.hours.clone(),
        issued_on: today,
        issued_on_text: summary.issued_on.clone(),
        verify_url: format!("{}/certificates/{code}", state.config.base_url),
    };
    // Typesetting takes a moment of CPU: keep it off the threads that serve requests.
    let bytes = tokio::task::spawn_blocking(move || export::certificate::pdf(&certificate))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"attestato-{code}.pdf\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

pub(super) async fn verify(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> AppResult {
    let code = code.trim().to_ascii_uppercase();
    let found = if code.len() <= 20 {
        db::labs::certificate(&state.db, &code).await?
    } else {
        None
    };
    let certificate = match found {
        Some((issued_at, json)) => {
            let s: Summary =
                serde_json::from_str(&json).map_err(|e| AppError::Internal(e.to_string()))?;
            Some(context! {
                person => s.person, organisation => s.organisation, programme => s.programme, cohort => s.cohort,
                lines => s.lines.iter().map(|(m, d, h)| context! { module => m, dates => d, hours => h }).collect::<Vec<_>>(),
                days => s.days, hours => s.hours, issued => viewer.locale.date_time(issued_at),
            })
        }
        None => None,
    };
    let status = if certificate.is_some() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::NOT_FOUND
    };
    crate::http::with_status(
        status,
        render(
            &state,
            &viewer,
            "labs/verify.html",
            context! { code, certificate },
        ),
    )
}
