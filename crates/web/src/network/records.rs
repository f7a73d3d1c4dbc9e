//! The network's records, as their administrations keep them: the overview, relations
//! (`relations`), experience (`experience`), interregional groups (`groups`) and their joint
//! initiatives (`initiatives`). This file holds the routes and what the pages share: who the
//! viewer is for the network, names of countries, themes and states, amounts.

use super::{experience, groups, initiatives, relations};
use crate::http::AppResult;
use crate::route::{route, Route};
use crate::session::{render, Viewer};
use crate::shared::library::Names;
use crate::state::AppState;
use axum::extract::State;
use axum::http::Method;
use domain::locale::Locale;
use minijinja::{context, Value};
use uuid::Uuid;

/// The routes of the network's records.
pub(super) fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/network", "network.overview", overview),
        route(
            Method::GET,
            "/network/relations",
            "network.relations",
            relations::list,
        ),
        route(
            Method::GET,
            "/network/relations/new",
            "network.relation_new",
            relations::new,
        ),
        route(
            Method::POST,
            "/network/relations",
            "network.relation_create",
            relations::create,
        ),
        route(
            Method::GET,
            "/network/relations/{id}",
            "network.relation_show",
            relations::show,
        ),
        route(
            Method::GET,
            "/network/relations/{id}/edit",
            "network.relation_edit",
            relations::edit,
        ),
        route(
            Method::POST,
            "/network/relations/{id}",
            "network.relation_update",
            relations::update,
        ),
        route(
            Method::POST,
            "/network/relations/{id}/delete",
            "network.relation_delete",
            relations::delete,
        ),
        route(
            Method::GET,
            "/network/experiences",
            "network.experiences",
            experience::list,
        ),
        route(
            Method::GET,
            "/network/experiences/new",
            "network.experience_new",
            experience::new,
        ),
        route(
            Method::POST,
            "/network/experiences",
            "network.experience_create",
            experience::create,
        ),
        route(
            Method::GET,
            "/network/experiences/{id}",
            "network.experience_show",
            experience::show,
        ),
        route(
            Method::GET,
            "/network/experiences/{id}/edit",
            "network.experience_edit",
            experience::edit,
        ),
        route(
            Method::POST,
            "/network/experiences/{id}",
            "network.experience_update",
            experience::update,
        ),
        route(
            Method::POST,
            "/network/experiences/{id}/publish",
            "network.experience_publish",
            experience::publish,
        ),
        route(
            Method::GET,
            "/network/groups",
            "network.groups",
            groups::list,
        ),
        route(
            Method::GET,
            "/network/groups/new",
            "network.group_new",
            groups::new,
        ),
        route(
            Method::POST,
            "/network/groups",
            "network.group_create",
            groups::create,
        ),
        route(
            Method::GET,
            "/network/groups/{id}",
            "network.group_show",
            groups::show,
        ),
        route(
            Method::GET,
            "/network/groups/{id}/edit",
            "network.group_edit",
            groups::edit,
        ),
        route(
            Method::POST,
            "/network/groups/{id}",
            "network.group_update",
            groups::update,
        ),
        route(
            Method::POST,
            "/network/groups/{id}/members",
            "network.member_add",
            groups::member_add,
        ),
        route(
            Method::POST,
            "/network/groups/{id}/members/{organisation}/remove",
            "network.member_remove",
            groups::member_remove,
        ),
        route(
            Method::POST,
            "/network/groups/{id}/relations",
            "network.relation_pool",
            groups::pool,
        ),
        route(
            Method::POST,
            "/network/groups/{id}/relations/{relation}/remove",
            "network.relation_unpool",
            groups::unpool,
        ),
        route(
            Method::GET,
            "/network/groups/{id}/initiatives/new",
            "network.initiative_new",
            initiatives::new,
        ),
        route(
            Method::POST,
            "/network/groups/{id}/initiatives",
            "network.initiative_create",
            initiatives::create,
        ),
        route(
            Method::GET,
            "/network/initiatives/{id}",
            "network.initiative_show",
            initiatives::show,
        ),
        route(
            Method::GET,
            "/network/initiatives/{id}/edit",
            "network.initiative_edit",
            initiatives::edit,
        ),
        route(
            Method::POST,
            "/network/initiatives/{id}",
            "network.initiative_update",
            initiatives::update,
        ),
        route(
            Method::POST,
            "/network/initiatives/{id}/state",
            "network.initiative_move",
            initiatives::move_state,
        ),
    ]
}

/// Who the viewer is for the network's records.
pub(super) async fn network_viewer(
    state: &AppState,
    viewer: &Viewer,
) -> AppResult<domain::network::Viewer> {
    Ok(db::network::viewer(&state.db, viewer.principal.as_ref()).await?)
}

/// The administrations whose records the viewer keeps (coordinator or member), with names.
pub(super) async fn own_administrations(
    state: &AppState,
    viewer: &Viewer,
) -> AppResult<Vec<(Uuid, String)>> {
    let Some(p) = viewer.principal.as_ref() else {
        return Ok(Vec::new());
    };
    let all = db::network::administrations(&state.db).await?;
    Ok(all
        .into_iter()
        .filter(|a| domain::network::may_edit(p, a.id))
        .map(|a| (a.id, a.name))
        .collect())
}

/// The administration a record's form names (a hidden field when the person keeps one only),
/// when it is one of those the person keeps (`own`).
pub(super) fn chosen_administration(
    own: &[(Uuid, String)],
    organisation: Option<&str>,
) -> Option<Uuid> {
    organisation
        .and_then(|o| Uuid::parse_str(o.trim()).ok())
        .filter(|a| own.iter().any(|(id, _)| id == a))
}

/// A country's name in the viewer's language.
pub(super) fn country(code: &str, locale: Locale) -> String {
    domain::library::places::country(code)
        .map(|c| c.name(locale).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// Countries with their names, as a page lists them.
pub(super) fn countries(codes: &[String], locale: Locale) -> Vec<Value> {
    codes
        .iter()
        .map(|c| context! { code => c, name => country(c, locale) })
        .collect()
}

/// The foreign countries a form offers: the programme's two areas first, then the others.
pub(super) fn country_choices(chosen: &[String], locale: Locale) -> Vec<Value> {
    let mut list: Vec<(String, String)> = domain::library::places::COUNTRIES
        .iter()
        .filter(|c| c.code != "IT")
        .map(|c| (c.code.to_string(), c.name(locale).to_string()))
        .collect();
    let programme: Vec<&str> = domain::organisations::countries::programme_countries().collect();
    list.sort_by_key(|(code, name)| (!programme.contains(&code.as_str()), name.clone()));
    list.into_iter()
        .map(|(code, name)| {
            let checked = chosen.contains(&code);
            context! { code, name, checked }
        })
        .collect()
}

/// Theme names, in the order they were given.
pub(super) fn themes(names: &Names, codes: &[String]) -> Vec<String> {
    codes.iter().map(|c| names.theme(c)).collect()
}

/// The themes a form offers: macro-areas and DAC sectors, each marked when chosen.
pub(super) fn theme_choices(names: &Names, chosen: &[String]) -> (Vec<Value>, Vec<Value>) {
    let mark = |list: Vec<(String, String)>| -> Vec<Value> {
        list.into_iter()
            .map(|(code, name)| {
                let checked = chosen.contains(&code);
                context! { code, name, checked }
            })
            .collect()
    };
    (mark(names.macro_area_list()), mark(names.sector_list()))
}

/// An amount in cents as the viewer's language writes euro.
pub(super) fn euro(cents: Option<i64>, locale: Locale) -> Option<String> {
    cents.map(|c| locale.euro(c))
}

/// An amount in cents as typed back into a form (`1234,56` / `1234.56`), empty when none.
pub(super) fn typed_amount(cents: Option<i64>, locale: Locale) -> String {
    cents
        .map(|c| {
            domain::products::budget::money::format_amount(
                c,
                domain::products::budget::money::Currency::Eur,
                locale,
            )
        })
        .unwrap_or_default()
}

/// The page number of a list (`page` from 1 in the address, 0-based here).
pub(super) fn page_index(page: Option<&str>) -> i64 {
    page.and_then(|p| p.trim().parse::<i64>().ok())
        .filter(|p| (1..=10_000).contains(p))
        .map(|p| p - 1)
        .unwrap_or(0)
}

/// The network's home: what the viewer can do and find.
async fn overview(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let v = network_viewer(&state, &viewer).await?;
    let own = own_administrations(&state, &viewer).await?;
    let groups = db::network::groups(&state.db).await?;
    let mine: Vec<Value> = groups
        .iter()
        .filter(|g| v.groups.contains(&g.id))
        .map(|g| context! { id => g.id, name => g.name, status => g.status })
        .collect();
    render(
        &state,
        &viewer,
        "network/overview.html",
        context! {
            own => own.iter().map(|(id, name)| context! { id, name }).collect::<Vec<_>>(),
            groups => mine,
            may_record => !own.is_empty(),
            may_form => viewer.may("network.group_new", None),
        },
    )
}

/// A form that sends only the version of the record the page was read at.
#[derive(serde::Deserialize)]
pub(super) struct VersionForm {
    #[serde(default)]
    pub(super) version: String,
}
