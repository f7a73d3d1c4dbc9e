//! The IATI activity file of a logframe that has gone to the tutor: the reviewed version, with
//! the partnership and budget products tied to it and the funder of their call. When a rule of
//! the standard fails, a page lists every failure with its element, in the reader's language.

use super::export::reviewed;
use super::find;
use crate::http::{AppError, AppResult, PathIds};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use domain::products::iati::{self, Codelists, Reporting};
use domain::products::partnership::org_types;
use domain::products::Content;
use fluent_bundle::FluentValue;
use minijinja::context;
use uuid::Uuid;

/// The codes the checks accept: the platform's own lists, and the sectors when they are loaded.
async fn codelists(state: &AppState) -> AppResult<Codelists> {
    let mut codes = Codelists::builtin();
    let sectors = db::library::sectors(&state.db).await?;
    if !sectors.is_empty() {
        codes.sectors = Some(
            sectors
                .into_iter()
                .flat_map(|s| [s.code, s.category])
                .collect(),
        );
    }
    Ok(codes)
}

pub(super) async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    // What is published is what the tutor reviewed: the version under review or approved.
    let (content, review_state) = match reviewed(&state, &p).await? {
        Some(r) => {
            let v = db::products::version(&state.db, p.id, r.number)
                .await?
                .ok_or(AppError::NotFound)?;
            (Content::from_json(&v.content), r.state)
        }
        None => (Content::from_json(&p.content), super::state_of(&p)),
    };
    let Content::Logframe(lf) = content else {
        return Err(AppError::NotFound);
    };
    let org = db::organisations::get(&state.db, p.organisation_id).await?;
    let data = &org.data;
    let kind = data.partner_type.as_deref();
    let reporting = Reporting {
        organisation: p.organisation_id.to_string(),
        name: data.name.clone(),
        tax_code: data.tax_code.clone(),
        org_type: org_types::suggested(data.category.code(), data.pa_kind.map(|k| k.code()), kind)
            .to_string(),
    };
    let me = p.id.to_string();
    let mut budget = None;
    for c in db::products::contents_of_kind(&state.db, p.organisation_id, "budget").await? {
        if let Content::Budget(bp) = Content::from_json(&c) {
            if bp.logframe == me {
                budget = Some(bp);
                break;
            }
        }
    }
    let mut partnership = None;
    for c in
        db::products::contents_of_kind(&state.db, p.organisation_id, "partnership_plan").await?
    {
        if let Content::Partnership(pp) = Content::from_json(&c) {
            if pp.logframe == me {
                partnership = Some(pp);
                break;
            }
        }
    }
    // The other languages come from the administration's proposal built on this logframe that
    // gives them (the most recently changed, as its text stands), whatever call it answers.
    let mut translations = Default::default();
    for c in
        db::products::contents_of_kind(&state.db, p.organisation_id, "project_proposal").await?
    {
        if let Content::Proposal(pp) = Content::from_json(&c) {
            if pp.logframe == me && !pp.translations.is_empty() {
                translations = pp.translations;
                break;
            }
        }
    }
    let call = [
        partnership.as_ref().map(|x| x.call.as_str()),
        budget.as_ref().map(|x| x.call.as_str()),
    ]
    .into_iter()
    .flatten()
    .find_map(|c| c.parse::<Uuid>().ok());
    let funder = match call {
        Some(c) => match db::calls::get(&state.db, c).await {
            Ok(stored) => Some(stored.call.programme),
            Err(db::DbError::NotFound) => None,
            Err(e) => return Err(e.into()),
        },
        None => None,
    };
    let initiatives = db::network::carrying(&state.db, p.id)
        .await?
        .into_iter()
        .filter_map(|(s, funded)| {
            domain::network::initiatives::State::parse(&s).map(|s| (s, funded))
        })
        .collect();
    let project = iati::Project {
        initiatives,
        translations,
        id: me,
        title: &p.title,
        state: review_state,
        logframe: &lf,
        reporting,
        partnership: partnership.as_ref().map(|x| &x.partnership),
        budget: budget.as_ref().map(|x| &x.budget),
        funder,
    };
    let activity = iati::build(&project);
    let failures = iati::check(&activity, &codelists(&state).await?);
    if !failures.is_empty() {
        let listed: Vec<minijinja::Value> = failures
            .iter()
            .map(|f| {
                let args: Vec<(&str, FluentValue)> = f
                    .args
                    .iter()
                    .map(|(k, v)| {
                        // Dates as the reader writes them, a budget problem in their words.
                        let shown = match (*k, chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")) {
                            ("start" | "end", Ok(d)) => viewer.locale.date(d),
                            ("reason", _) => state.i18n.t(viewer.locale, v),
                            _ => v.clone(),
                        };
                        (*k, FluentValue::from(shown))
                    })
                    .collect();
                context! {
                    path => f.path,
                    message => state.i18n.message(viewer.locale, f.message, &args),
                }
            })
            .collect();
        let org_ctx = context! { id => p.organisation_id, name => data.name };
        let mut page = render(
            &state,
            &viewer,
            "products/iati_refused.html",
            context! {
                o => org_ctx,
                p => context! { id => p.id, title => p.title, kind => p.kind },
                failures => listed,
            },
        )?;
        *page.status_mut() = StatusCode::CONFLICT;
        return Ok(page);
    }
    let bytes = export::iati::activity_file(&activity, chrono::Utc::now())
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let stem: String = domain::products::text::slug(&p.title)
        .chars()
        .take(60)
        .collect();
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/xml; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                crate::http::attachment(&format!("{stem}-iati.xml")),
            ),
        ],
        bytes,
    )
        .into_response())
}
