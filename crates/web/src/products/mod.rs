//! Products and remote tutoring: an administration's deliverables, their editors (structured
//! logframe or sanitised Markdown), versions and comparison, the review workflow with
//! notifications, anchored comments, the tutor's inbox and the notification list.

mod analysis;
mod budget;
mod edit;
mod export;
mod iati;
mod inbox;
mod models;
mod pages;
pub(crate) mod partnership;
mod proposal;
pub mod reminders;
mod review;
pub(crate) mod strategy;
mod threads;
mod tutoring;

use crate::http::{AppError, AppResult};
use crate::route::{route, Route};
use crate::session::Viewer;
use crate::state::AppState;
use axum::http::Method;
use db::products::Product;
use domain::locale::Locale;
use domain::products::review::{Actor, State};
use domain::products::Content;
use domain::roles::Role;
use minijinja::{context, Value};
use uuid::Uuid;

/// What a workspace's product list depends on: products and people's and organisations' names.
pub const LIST_PARTS: &[db::Part] = &[db::Part::Products, db::Part::People];
/// What the tutors' inbox depends on.
pub const INBOX_PARTS: &[db::Part] = &[db::Part::Products, db::Part::People];
/// What a product's content, discussion and history depend on: products, names, and the themes
/// that name a strategic plan's areas.
pub const SHOW_PARTS: &[db::Part] = &[db::Part::Products, db::Part::People, db::Part::Themes];

/// The products routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(
            Method::GET,
            "/organisations/{id}/products",
            "products.list",
            pages::list,
        ),
        route(
            Method::GET,
            "/organisations/{id}/products/new",
            "products.new",
            pages::new,
        ),
        route(
            Method::POST,
            "/organisations/{id}/products",
            "products.create",
            pages::create,
        ),
        route(
            Method::GET,
            "/organisations/{id}/products/{product}",
            "products.show",
            pages::show,
        ),
        route(
            Method::GET,
            "/organisations/{id}/products/{product}/edit",
            "products.edit",
            edit::edit,
        ),
        route(
            Method::POST,
            "/organisations/{id}/products/{product}",
            "products.save",
            edit::save,
        )
        .with_body_limit(MAX_FORM),
        route(
            Method::POST,
            "/organisations/{id}/products/{product}/check",
            "products.check",
            edit::check,
        )
        .with_body_limit(MAX_FORM),
        route(
            Method::POST,
            "/organisations/{id}/products/{product}/preview",
            "products.preview",
            edit::preview,
        )
        .with_body_limit(MAX_FORM),
        route(
            Method::GET,
            "/organisations/{id}/products/{product}/versions",
            "products.versions",
            pages::versions,
        ),
        route(
            Method::GET,
            "/organisations/{id}/products/{product}/compare",
            "products.compare",
            pages::compare,
        ),
        route(
            Method::POST,
            "/organisations/{id}/products/{product}/review",
            "products.review",
            review::review,
        ),
        route(
            Method::POST,
            "/organisations/{id}/products/{product}/comments",
            "products.comment",
            review::comment,
        ),
        route(
            Method::POST,
            "/organisations/{id}/products/{product}/comments/{comment}/resolve",
            "products.resolve",
            review::resolve,
        ),
        route(
            Method::GET,
            "/organisations/{id}/products/{product}/export/{format}",
            "products.export",
            export::export,
        ),
        route(
            Method::GET,
            "/organisations/{id}/products/{product}/iati.xml",
            "products.iati",
            iati::download,
        ),
        route(
            Method::GET,
            "/organisations/{id}/products/{product}/analysis",
            "products.analysis",
            analysis::show,
        ),
        route(
            Method::POST,
            "/organisations/{id}/products/{product}/analysis",
            "products.analysis_save",
            analysis::save,
        )
        .with_body_limit(MAX_FORM),
        route(Method::GET, "/tutoring", "tutoring.inbox", inbox::inbox),
        route(
            Method::GET,
            "/tutoring/workload",
            "tutoring.workload",
            tutoring::workload,
        ),
        route(
            Method::GET,
            "/organisations/{id}/tutoring",
            "tutoring.log",
            tutoring::log,
        ),
        route(
            Method::POST,
            "/organisations/{id}/tutoring",
            "tutoring.record",
            tutoring::record,
        ),
        route(
            Method::POST,
            "/organisations/{id}/products/{product}/model",
            "products.publish_model",
            models::publish,
        ),
        route(
            Method::GET,
            "/products/models",
            "products.models",
            models::list,
        ),
        route(
            Method::GET,
            "/products/models/{product}",
            "products.model",
            models::show,
        ),
        route(
            Method::GET,
            "/notifications",
            "notifications.list",
            inbox::notifications,
        ),
        route(
            Method::POST,
            "/notifications/read",
            "notifications.read",
            inbox::read,
        ),
    ]
}

/// The largest editor form accepted: the documented limit of a text (200,000 characters) in the
/// worst case of form encoding, a 4-byte UTF-8 character sent as 12 bytes (`%F0%9F%98%80`; a
/// line break, CRLF, takes 6), plus 256 KiB for the field names and the other fields (a logframe
/// of 200 rows sends some thousand names). About 2.5 MiB.
pub const MAX_FORM: usize = domain::products::MAX_TEXT * 12 + 256 * 1024;

/// The product `product` of organisation `org`; a product of another organisation is not found,
/// so that an id from elsewhere reveals nothing.
pub(crate) async fn find(state: &AppState, org: Uuid, product: Uuid) -> AppResult<Product> {
    match db::products::get(&state.db, product).await? {
        Some(p) if p.organisation_id == org => Ok(p),
        _ => Err(AppError::NotFound),
    }
}

/// The viewer as the review workflow sees them, for this product.
pub(crate) async fn actor(state: &AppState, viewer: &Viewer, p: &Product) -> AppResult<Actor> {
    let Some(principal) = viewer.principal.as_ref() else {
        return Ok(Actor::default());
    };
    let org = p.organisation_id;
    let contributed = db::products::contributors(&state.db, p.id)
        .await?
        .contains(&principal.user_id);
    Ok(Actor {
        author_side: principal.has_in_organisation(Role::Coordinator, org)
            || principal.has_in_organisation(Role::Member, org),
        reviewer: principal.has_in_organisation(Role::Tutor, org)
            || principal.has_global(Role::Staff)
            || principal.has_global(Role::Admin),
        contributed,
    })
}

/// The path of a product's page.
pub(crate) fn path(p: &Product) -> String {
    format!("/organisations/{}/products/{}", p.organisation_id, p.id)
}

/// The product's state.
pub(crate) fn state_of(p: &Product) -> State {
    p.state
}

/// A product as templates show it.
pub(crate) fn view(p: &Product, locale: Locale) -> Value {
    context! {
        id => p.id, organisation_id => p.organisation_id, kind => p.kind, title => p.title,
        state => p.state, version => p.version,
        due_on => p.due_on.map(|d| locale.date(d)), due_iso => p.due_on.map(|d| d.to_string()),
        updated_at => locale.date_time(p.updated_at), updated_by => p.updated_by_name,
        state_at => p.state_at.map(|t| locale.date_time(t)), state_by => p.state_by_name,
        editable => state_of(p).editable(),
    }
}

/// The organisation's name and id for crumbs.
pub(crate) async fn organisation(state: &AppState, id: Uuid) -> AppResult<Value> {
    let o = db::organisations::get(&state.db, id).await?;
    Ok(context! { id => o.id, name => o.data.name })
}

/// Content as templates show it: rendered Markdown, or the logframe with numbers and labels.
pub(crate) async fn content_view(
    state: &AppState,
    locale: Locale,
    organisation: Uuid,
    content: &Content,
) -> AppResult<Value> {
    Ok(match content {
        Content::Text { markdown } => context! {
            type => "text", html => domain::products::text::render(markdown), markdown,
        },
        Content::Logframe(lf) => edit::logframe_view(state, locale, lf),
        Content::StrategicPlan(plan) => strategy::view(state, locale, organisation, plan).await?,
        Content::Budget(bp) => budget::view(state, locale, organisation, bp).await?,
        Content::Partnership(pp) => partnership::view(state, locale, organisation, pp).await?,
        Content::Proposal(pp) => proposal::view(state, locale, organisation, pp).await?,
    })
}

/// The elements of `content` comments can point at, each with a label for the reader: the
/// heading of a section, or the level and number of a logframe row or indicator.
pub(crate) fn anchor_labels(
    state: &AppState,
    locale: Locale,
    content: &Content,
    areas: &[(String, String)],
) -> Vec<(String, String)> {
    match content {
        Content::Logframe(lf) => logframe_labels(state, locale, lf),
        Content::Budget(bp) => budget::anchor_labels(state, locale, bp),
        Content::Partnership(pp) => partnership::anchor_labels(pp),
        Content::Proposal(pp) => proposal::anchor_labels(state, locale, pp),
        Content::StrategicPlan(plan) => {
            let mut out: Vec<(String, String)> = plan
                .areas
                .iter()
                .map(|a| {
                    let name = areas
                        .iter()
                        .find(|(c, _)| *c == a.macro_area)
                        .map(|(_, n)| n.clone())
                        .unwrap_or_else(|| a.macro_area.clone());
                    (format!("area:{}", a.macro_area), name)
                })
                .collect();
            for part in domain::products::strategy::PARTS {
                out.push((
                    format!("part:{part}"),
                    state.i18n.t(locale, &format!("strategy-{part}")),
                ));
            }
            out
        }
        other => other.anchors(),
    }
}

/// The labels of a logframe's anchors in the reader's language: "Risultato 1.1",
/// "Risultato 1.1 — Ipotesi", "Risultato 1.1, Indicatore 2".
pub(crate) fn logframe_labels(
    state: &AppState,
    locale: Locale,
    lf: &domain::products::logframe::Logframe,
) -> Vec<(String, String)> {
    let numbers = lf.numbers();
    let rows: Vec<String> = lf
        .rows
        .iter()
        .zip(&numbers)
        .map(|(row, number)| {
            format!(
                "{} {number}",
                state.i18n.t(locale, row.level.label(lf.mode))
            )
            .trim()
            .to_string()
        })
        .collect();
    lf.anchors()
        .into_iter()
        .map(|a| {
            let row = &rows[a.row];
            let label = match (a.cell, a.indicator) {
                (Some(cell), _) => {
                    let column = match cell {
                        "text" => format!("lf-col-logic-{}", lf.mode.code()),
                        "sources" => format!("lf-col-sources-{}", lf.mode.code()),
                        "assumptions" => "lf-col-assumptions".to_string(),
                        other => format!("lf-{other}"),
                    };
                    format!("{row} — {}", state.i18n.t(locale, &column))
                }
                (None, Some(k)) => {
                    format!("{row}, {} {}", state.i18n.t(locale, "lf-indicator"), k + 1)
                }
                (None, None) => row.clone(),
            };
            (a.key, label)
        })
        .collect()
}
