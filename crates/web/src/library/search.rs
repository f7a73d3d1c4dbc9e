//! The library's search page: a query box, facets with counts (type, theme, country or region,
//! year, language) that combine with the query, relevance or date order, pages, and results with
//! highlighted snippets.

use super::{scope, Names};
use crate::http::{AppResult, Query};
use crate::session::{render, Viewer};
use crate::state::AppState;
use db::library::{Search, Sort};
use domain::library::query::Query as Typed;
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

/// Results per page.
const PER_PAGE: i64 = 20;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub(super) struct Params {
    q: String,
    kind: String,
    theme: String,
    place: String,
    year: String,
    language: String,
    sort: String,
    page: String,
}

impl Params {
    /// The address of this search with `field` set to `value` (empty: removed), back on page 1.
    /// Built from the fields with the one value replaced, without copying the search: a page asks
    /// for a link per facet value.
    fn with(&self, field: &str, value: &str) -> String {
        let pairs: Vec<(&str, &str)> = self
            .fields()
            .into_iter()
            .map(|(k, v)| if k == field { (k, value) } else { (k, v) })
            .filter(|(k, v)| !v.is_empty() && *k != "page")
            .collect();
        href_of(&pairs)
    }

    /// Every field in the order addresses list them.
    fn fields(&self) -> [(&'static str, &str); 8] {
        [
            ("q", self.q.as_str()),
            ("kind", &self.kind),
            ("theme", &self.theme),
            ("place", &self.place),
            ("year", &self.year),
            ("language", &self.language),
            ("sort", &self.sort),
            ("page", &self.page),
        ]
    }

    /// The fields that are set.
    fn pairs(&self) -> Vec<(&'static str, &str)> {
        self.fields()
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .collect()
    }

    fn href(&self) -> String {
        href_of(&self.pairs())
    }
}

/// `/library` with these query pairs.
fn href_of(pairs: &[(&str, &str)]) -> String {
    if pairs.is_empty() {
        "/library".into()
    } else {
        format!(
            "/library?{}",
            serde_urlencoded::to_string(pairs).unwrap_or_default()
        )
    }
}

fn some(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty() && t.len() <= 100).then(|| t.to_string())
}

pub(super) async fn page(
    axum::extract::State(state): axum::extract::State<AppState>,
    viewer: Viewer,
    Query(mut params): Query<Params>,
) -> AppResult {
    // Values no page offers are dropped rather than searched for.
    if !domain::library::KINDS.contains(&params.kind.as_str()) {
        params.kind.clear();
    }
    if !domain::library::LANGUAGES.contains(&params.language.as_str()) {
        params.language.clear();
    }
    if !domain::library::places::is_place(&params.place) {
        params.place.clear();
    }
    if !domain::library::is_theme_code(&params.theme) {
        params.theme.clear();
    }
    if params.year.parse::<i32>().is_err() {
        params.year.clear();
    }
    if !matches!(params.sort.as_str(), "date" | "relevance") {
        params.sort.clear();
    }
    let typed = params.q.chars().take(300).collect::<String>();
    let vocabulary = crate::shared::library::vocabulary(&state).await?;
    let query = Typed::parse(&typed).with_tags(&vocabulary);
    let sort = match (params.sort.as_str(), query.is_empty()) {
        ("date", _) | (_, true) => Sort::Date,
        _ => Sort::Relevance,
    };
    let page: i64 = params.page.parse().unwrap_or(1).clamp(1, 10_000);
    let search = Search {
        query: query.clone(),
        kind: some(&params.kind),
        theme: some(&params.theme),
        place: some(&params.place),
        year: params.year.trim().parse().ok(),
        language: some(&params.language),
        sort,
        page,
        per_page: PER_PAGE,
    };
    let scope = scope(&state, &viewer).await?;
    let found = crate::library::search(&state, &search, &scope).await?;
    let results = &found.results;
    let names = Names::load(&state, viewer.locale).await?;
    let locale = viewer.locale;
    let hits: Vec<Value> = results
        .hits
        .iter()
        .zip(&found.snippets)
        .map(|(h, (title_html, snippet_html))| {
            // Escaped when the search was cached (`marked`).
            context! {
                id => h.id, title => h.title, kind => h.kind, language => h.language,
                year => h.year, source => h.source, link => h.url.is_some(),
                file_name => h.file_name,
                title_html => Value::from_safe_string(title_html.clone()),
                snippet_html => Value::from_safe_string(snippet_html.clone()),
                partial => h.matched < results.words, matched => h.matched,
            }
        })
        .collect();
    let facet = |field: &'static str, values: &[(String, i64)], label: &dyn Fn(&str) -> String| {
        values
            .iter()
            .take(40)
            .map(|(v, n)| {
                let chosen = match field {
                    "kind" => params.kind == *v,
                    "theme" => params.theme == *v,
                    "place" => params.place == *v,
                    "year" => params.year == *v,
                    _ => params.language == *v,
                };
                context! {
                    value => v, label => label(v), count => locale.integer(*n), chosen,
                    href => params.with(field, if chosen { "" } else { v }),
                }
            })
            .collect::<Vec<Value>>()
    };
    let t = |key: String| state.i18n.t(locale, &key);
    // Years from the most recent.
    let mut years = results.years.clone();
    years.sort_by(|a, b| b.0.cmp(&a.0));
    // Themes: the programme's macro-areas first, in its order; then the DAC sectors, grouped by
    // their first two digits (education, health, government and civil society …), by code.
    let position = |code: &str| {
        names
            .macro_areas_in_order()
            .iter()
            .position(|(c, _)| code.strip_prefix("m:") == Some(c.as_str()))
            .unwrap_or(usize::MAX)
    };
    let mut areas: Vec<(String, i64)> = results
        .themes
        .iter()
        .filter(|(c, _)| c.starts_with("m:"))
        .cloned()
        .collect();
    areas.sort_by_key(|(c, _)| position(c));
    let mut sectors: Vec<(String, i64)> = results
        .themes
        .iter()
        .filter(|(c, _)| c.starts_with("dac:"))
        .cloned()
        .collect();
    sectors.sort();
    let mut sector_groups: Vec<Value> = Vec::new();
    for chunk in sectors.chunk_by(|a, b| sector_group(&a.0) == sector_group(&b.0)) {
        let group = sector_group(&chunk[0].0);
        let count: i64 = chunk.iter().map(|(_, n)| n).sum();
        let open = chunk.iter().any(|(c, _)| *c == params.theme);
        sector_groups.push(context! {
            title => t(format!("library-dac-group-{group}")), count => locale.integer(count), open,
            values => facet("theme", chunk, &|v| names.theme(v)),
        });
    }
    let facets = vec![
        context! { name => "kind", title => t("library-facet-kind".into()),
        values => facet("kind", &results.kinds, &|v| t(format!("library-kind-{v}"))) },
        context! { name => "theme", title => t("library-facet-theme".into()),
        values => facet("theme", &areas, &|v| names.theme(v)), groups => sector_groups },
        context! { name => "place", title => t("library-facet-place".into()),
        values => facet("place", &results.places, &|v| names.place(&state, v)) },
        context! { name => "year", title => t("library-facet-year".into()),
        values => facet("year", &years, &|v| v.to_string()) },
        context! { name => "language", title => t("library-facet-language".into()),
        values => facet("language", &results.languages, &|v| t(format!("language-name-{v}"))) },
    ];
    let mut active: Vec<Value> = Vec::new();
    for (field, value) in [
        ("kind", &params.kind),
        ("theme", &params.theme),
        ("place", &params.place),
        ("year", &params.year),
        ("language", &params.language),
    ] {
        if value.is_empty() {
            continue;
        }
        let label = match field {
            "kind" => t(format!("library-kind-{value}")),
            "theme" => names.theme(value),
            "place" => names.place(&state, value),
            "language" => t(format!("language-name-{value}")),
            _ => value.clone(),
        };
        active.push(context! { label, href => params.with(field, "") });
    }
    let pages = domain::library::page_count(results.total, PER_PAGE);
    let mut base = params.clone();
    base.page = String::new();
    let base_href = base.href();
    let pager_base = if base_href.contains('?') {
        format!("{base_href}&")
    } else {
        format!("{base_href}?")
    };
    render(
        &state,
        &viewer,
        "library/search.html",
        context! {
            q => typed, hits, facets, active, total => results.total,
            words => results.words, full => results.full,
            partial_note => (results.full < results.total).then(|| context! {
                full => locale.integer(results.full),
                rest => locale.integer(results.total - results.full),
            }),
            total_text => locale.integer(results.total),
            page, pages, pager_base,
            sort => if sort == Sort::Date { "date" } else { "relevance" },
            sort_relevance => params.with("sort", ""), sort_date => params.with("sort", "date"),
            has_query => !query.is_empty(),
            hidden => params.pairs().into_iter().filter(|(k, _)| !matches!(*k, "q" | "page")).collect::<Vec<_>>(),
            may_add => viewer.may("library.new", None),
            may_manage => viewer.may("library.themes", None),
            clear => "/library",
        },
    )
}

/// The group of a DAC sector code (`dac:15110` → `15`) the theme facet shows it in: the broad
/// sector groups of the DAC list; budget support, aid and debt codes, humanitarian and others
/// together.
fn sector_group(code: &str) -> &str {
    let digits = code.strip_prefix("dac:").unwrap_or(code);
    match digits.get(..2) {
        Some(
            g @ ("11" | "12" | "13" | "14" | "15" | "16" | "21" | "22" | "23" | "24" | "25" | "31"
            | "32" | "33" | "41" | "43"),
        ) => g,
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_facet_link_changes_one_field_keeps_the_order_and_goes_back_to_page_one() {
        let p = Params {
            q: "acqua & territorio".into(),
            place: "AL".into(),
            sort: "date".into(),
            page: "3".into(),
            ..Default::default()
        };
        assert_eq!(
            p.with("kind", "report"),
            "/library?q=acqua+%26+territorio&kind=report&place=AL&sort=date"
        );
        assert_eq!(
            p.with("place", ""),
            "/library?q=acqua+%26+territorio&sort=date"
        );
        assert_eq!(
            p.with("place", "XK"),
            "/library?q=acqua+%26+territorio&place=XK&sort=date"
        );
        assert_eq!(
            p.href(),
            "/library?q=acqua+%26+territorio&place=AL&sort=date&page=3"
        );
        assert_eq!(Params::default().with("sort", ""), "/library");
    }
}
