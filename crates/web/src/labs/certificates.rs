//! Certificates of participation: a participant downloads a PDF/A stating the modules, days and
//! hours they attended, in their language, headed by the programme's issuing bodies. There is one
//! per person and season (the programme), with one verification code that anyone can check on a
//! public page.

use super::attendance::lines;
use super::hours;
use crate::http::{AppError, AppResult};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use chrono::NaiveDate;
use domain::labs::certificate;
use domain::labs::schedule::local;
use domain::locale::Locale;
use minijinja::context;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

/// What a certificate states, as stored for verification, in no language: each reader sees it
/// in theirs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Statement {
    person: String,
    organisation: String,
    programme: String,
    cohort: String,
    /// Module title, the dates of its sessions attended, the minutes attended.
    modules: Vec<(String, Vec<NaiveDate>, i64)>,
    days: usize,
    minutes: i64,
}

/// What certificates issued before seasons stated, worded in Italian when they were issued.
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

/// What the signed-in person's attendance states, or `None` when they attended nothing yet.
async fn statement(
    state: &AppState,
    viewer: &Viewer,
    user: Uuid,
    structure: &db::programme::Structure,
) -> AppResult<Option<Statement>> {
    let (rows, report) = lines(state, Some(user)).await?;
    let Some(counted) =
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
    else {
        return Ok(None);
    };
    let titles: HashMap<Uuid, &str> = structure
        .modules
        .iter()
        .map(|m| (m.id, m.title.as_str()))
        .collect();
    let organisation = match counted.organisation {
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
    Ok(Some(Statement {
        person: viewer
            .someone
            .as_ref()
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        organisation,
        programme: structure.programme.title.clone(),
        cohort,
        modules: counted
            .modules
            .iter()
            .map(|m| {
                let title = titles.get(&m.module).copied().unwrap_or_default();
                (title.to_string(), m.dates.clone(), m.minutes)
            })
            .collect(),
        days: counted.days,
        minutes: counted.minutes,
    }))
}

/// The certificate's words in `locale`.
fn wording(
    state: &AppState,
    locale: Locale,
    s: &Statement,
    code: &str,
    issued_on: NaiveDate,
) -> export::certificate::Wording {
    let t = |key: &str| state.i18n.t(locale, key);
    let who = if s.organisation.is_empty() {
        s.person.clone()
    } else {
        format!("{}, {}", s.person, s.organisation)
    };
    export::certificate::Wording {
        lang: locale.code().to_string(),
        title: t("certificate-title"),
        statement: state.i18n.message(
            locale,
            "certificate-statement",
            &[
                ("who", who.into()),
                ("programme", s.programme.clone().into()),
                ("cohort", s.cohort.clone().into()),
                ("hours", hours(s.minutes, locale).into()),
                ("days", (s.days as u64).into()),
            ],
        ),
        module: t("certificate-module"),
        dates: t("certificate-dates"),
        hours: t("certificate-hours"),
        issued: state.i18n.message(
            locale,
            "certificate-issued",
            &[("date", locale.date(issued_on).into())],
        ),
        code: state
            .i18n
            .message(locale, "certificate-code", &[("code", code.into())]),
        verify: t("certificate-verify"),
    }
}

/// The person's certificate for the programme they take part in, in the reader's language. One
/// per person and season (the programme): the first download issues it, later ones carry the same
/// code, and its statement follows the attendance counted (dated when it last changed).
pub(super) async fn download(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    let structure = crate::shared::structure::structure(&state)
        .await?
        .unwrap_or_default();
    let statement = statement(&state, &viewer, user, &structure)
        .await?
        .ok_or(AppError::BadRequest("error-certificate-none"))?;
    let json = serde_json::to_string(&statement).map_err(|e| AppError::Internal(e.to_string()))?;
    let season = structure.programme.id.to_string();
    let (code, issued_at, _) =
        db::labs::issue_certificate(&state.db, &new_code(), user, &season, &json).await?;
    let locale = viewer.locale;
    let issued_on = local(issued_at).0;
    let programme = &structure.programme;
    let certificate = export::certificate::Certificate {
        code: code.clone(),
        issuers: programme.partners.clone(),
        funding: programme.funding.clone(),
        lines: statement
            .modules
            .iter()
            .map(|(module, dates, minutes)| export::certificate::Line {
                module: module.clone(),
                dates: dates
                    .iter()
                    .map(|d| locale.date(*d))
                    .collect::<Vec<_>>()
                    .join(", "),
                hours: hours(*minutes, locale),
            })
            .collect(),
        issued_on,
        verify_url: format!("{}/certificates/{code}", state.config.base_url),
        wording: wording(&state, locale, &statement, &code, issued_on),
    };
    // Typesetting takes a moment of CPU: keep it off the threads that serve requests.
    let bytes = tokio::task::spawn_blocking(move || export::certificate::pdf(&certificate))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let file = format!("{}-{code}.pdf", state.i18n.t(locale, "certificate-file"));
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            // The file name is ASCII: a translated word and the code.
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
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
            let locale = viewer.locale;
            let issued = locale.date_time(issued_at);
            if let Ok(s) = serde_json::from_str::<Statement>(&json) {
                let lines: Vec<_> = s
                    .modules
                    .iter()
                    .map(|(m, dates, minutes)| {
                        let dates: Vec<String> = dates.iter().map(|d| locale.date(*d)).collect();
                        context! { module => m, dates => dates.join(", "), hours => hours(*minutes, locale) }
                    })
                    .collect();
                Some(context! {
                    person => s.person, organisation => s.organisation, programme => s.programme,
                    cohort => s.cohort, lines, days => s.days, hours => hours(s.minutes, locale), issued,
                })
            } else {
                let s: Summary =
                    serde_json::from_str(&json).map_err(|e| AppError::Internal(e.to_string()))?;
                Some(context! {
                    person => s.person, organisation => s.organisation, programme => s.programme, cohort => s.cohort,
                    lines => s.lines.iter().map(|(m, d, h)| context! { module => m, dates => d, hours => h }).collect::<Vec<_>>(),
                    days => s.days, hours => s.hours, issued,
                })
            }
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
