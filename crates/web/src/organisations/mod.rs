//! The organisations registry: Italian administrations, foreign partners and local actors, their
//! workspaces, and the ISTAT list of municipalities. One file per page family; this one holds the
//! routes and what they share.

mod form;
mod municipalities;
mod registry;
mod workspace;

use crate::http::{is_htmx, see_other, AppError, AppResult, Form, Id, Query};
use crate::route::{route, Route};
use crate::session::{field_errors, render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::IntoResponse;
use db::organisations::Stored;
use domain::locale::Locale;
use domain::organisations::{
    self as rules, countries, Category, OrganisationForm, PaKind, PAGE_SIZE,
};
use domain::roles::{Role, SpaceKind};
use domain::validation::Errors;
use minijinja::{context, Value};
use serde::Deserialize;
use uuid::Uuid;

/// The registry routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(
            Method::GET,
            "/organisations",
            "organisations.list",
            registry::list,
        ),
        route(
            Method::GET,
            "/organisations.csv",
            "organisations.export",
            registry::export_csv,
        ),
        route(
            Method::GET,
            "/organisations/{id}",
            "organisations.show",
            registry::show,
        ),
        route(
            Method::GET,
            "/organisations/{id}/workspace",
            "organisations.workspace",
            workspace::workspace,
        ),
        route(
            Method::POST,
            "/organisations/{id}/invitations",
            "organisations.invite",
            workspace::invite,
        ),
        route(
            Method::POST,
            "/organisations/{id}/members/remove",
            "organisations.revoke",
            workspace::revoke,
        ),
        route(
            Method::GET,
            "/municipalities",
            "organisations.municipalities",
            municipalities::municipalities,
        ),
        route(
            Method::GET,
            "/admin/organisations/new",
            "organisations.create_form",
            form::create_form,
        ),
        route(
            Method::POST,
            "/admin/organisations",
            "organisations.create",
            form::create,
        ),
        route(
            Method::GET,
            "/admin/organisations/{id}/edit",
            "organisations.edit_form",
            form::edit_form,
        ),
        route(
            Method::POST,
            "/admin/organisations/{id}",
            "organisations.update",
            form::update,
        ),
    ]
}

pub(super) fn region_name(code: Option<&str>) -> Option<&'static str> {
    code.and_then(|c| {
        rules::REGIONS
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, n)| *n)
    })
}

pub(super) fn view(o: &Stored, locale: Locale) -> Value {
    context! {
        id => o.id, org => o.data, region => region_name(o.data.region_code.as_deref()),
        country_name => countries::name(&o.data.country, locale),
    }
}

pub(super) async fn find(state: &AppState, id: Uuid) -> AppResult<Stored> {
    Ok(db::organisations::get(&state.db, id).await?)
}
