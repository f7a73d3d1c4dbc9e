//! The interregional network's pages: matchmaking (`matching`), a country's page, the map and a
//! group's graph (`atlas`), and the open data (`open_data`).

mod atlas;
mod experience;
mod groups;
mod initiatives;
mod matching;
mod open_data;
mod records;
mod relations;

use crate::route::{route, Route};
use axum::http::Method;

/// The network's routes.
pub fn routes() -> Vec<Route> {
    let mut all = records::routes();
    all.extend(vec![
        route(
            Method::GET,
            "/network/match",
            "network.match",
            matching::page,
        ),
        route(
            Method::GET,
            "/network/countries/{code}",
            "network.country",
            atlas::country,
        ),
        route(Method::GET, "/network/map", "network.map", atlas::map),
        route(
            Method::GET,
            "/network/groups/{id}/graph",
            "network.group_graph",
            atlas::group_graph,
        ),
        route(
            Method::GET,
            "/network/open-data",
            "network.open_data",
            open_data::page,
        ),
        route(
            Method::GET,
            "/network/open-data/{file}",
            "network.open_file",
            open_data::file,
        ),
    ]);
    all
}
