//! The community's directory: the people who chose to be listed, each field shown only as far as
//! they chose, searched by what the viewer may see ("appalti pubblici Albania"); and the page
//! where a person makes their choice. Nobody is listed before saving that page.

use crate::http::{see_other, with_status, AppError, AppResult, Form};
use crate::route::{route, Route};
use crate::session::{field_errors, render, Viewer};
use crate::shared::library::{vocabulary, Names};
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::{Method, StatusCode};
use domain::directory::search::{meaningful, Index, Profile, Seen};
use domain::directory::{self, Entry, Field, Reach, Reaches, Relation};
use domain::library::places;
use domain::validation::Errors;
use minijinja::{context, Value};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The directory's routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/directory", "directory.list", list),
        route(Method::GET, "/directory/me", "directory.mine", mine),
        route(Method::POST, "/directory/me", "directory.save", save),
    ]
}

#[derive(Deserialize, Default)]
struct Search {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<usize>,
    #[serde(default)]
    done: Option<String>,
}

/// Longest query read, in characters (the rest is ignored).
const MAX_QUERY: usize = 200;

/// The directory as searched: every listed person, the index of their words, countries and
/// themes, and their order by name. Kept between requests while the generations of people
/// (names, profiles, who works where) and of the directory's choices are unchanged.
struct Listed {
    people: Vec<db::directory::Person>,
    index: Index,
    /// Each person's rank by name.
    rank: Vec<u32>,
}

impl crate::kept::Weigh for Listed {
    fn weight(&self) -> usize {
        let people: usize = self
            .people
            .iter()
            .map(|p| {
                p.name.len()
                    + p.administration.as_ref().map_or(0, |(_, n)| n.len() + 16)
                    + p.entry.role.as_ref().map_or(0, String::len)
                    + p.competences
                        .iter()
                        .chain(&p.languages)
                        .chain(&p.entry.countries)
                        .chain(&p.entry.themes)
                        .map(|c| c.len() + 24)
                        .sum::<usize>()
                    + 200
            })
            .sum();
        people + self.index.weight() + self.rank.len() * 4
    }
}

async fn listed(state: &AppState) -> AppResult<std::sync::Arc<Listed>> {
    state
        .kept
        .get_or_compute(
            &state.db,
            "directory/listed".into(),
            &[db::Part::People, db::Part::Directory],
            || async {
                let people = db::directory::listed(&state.db).await?;
                let index = Index::build(people.iter().map(|p| Profile {
                    name: &p.name,
                    administration: p.administration.as_ref().map(|(_, n)| n.as_str()),
                    role: p.entry.role.as_deref(),
                    competences: &p.competences,
                    countries: &p.entry.countries,
                    themes: &p.entry.themes,
                }));
                // Italian, English and French share one order of names (`compare_names`).
                let mut order: Vec<u32> = (0..people.len() as u32).collect();
                order.sort_by(|a, b| {
                    domain::locale::compare_names(
                        &people[*a as usize].name,
                        &people[*b as usize].name,
                    )
                });
                let mut rank = vec![0u32; people.len()];
                for (r, n) in order.into_iter().enumerate() {
                    rank[n as usize] = r as u32;
                }
                Ok::<_, AppError>(Listed {
                    people,
                    index,
                    rank,
                })
            },
        )
        .await
}

async fn list(State(state): State<AppState>, viewer: Viewer, Query(s): Query<Search>) -> AppResult {
    let principal = viewer.principal.clone().ok_or(AppError::Forbidden)?;
    let typed: String = s.q.chars().take(MAX_QUERY).collect();
    let query = meaningful(
        domain::library::query::Query::parse(&typed).with_tags(&*vocabulary(&state).await?),
    );
    let all = listed(&state).await?;
    let relation = |p: &db::directory::Person| {
        Relation::of(
            &principal,
            p.id,
            p.administration.as_ref().map(|(id, _)| *id),
        )
    };
    let mut found = all.index.find(&query, |n| {
        let p = &all.people[n as usize];
        let relation = relation(p);
        let sees = |f: Field| directory::visible(p.entry.reaches.of(f), relation);
        Seen {
            administration: sees(Field::Administration),
            role: sees(Field::Role),
            competences: sees(Field::Competences),
            countries: sees(Field::Countries),
            themes: sees(Field::Themes),
        }
    });
    found.sort_unstable_by_key(|n| all.rank[*n as usize]);
    let total = found.len();
    let pages = total.div_ceil(directory::PAGE_SIZE).max(1);
    let page = s.page.unwrap_or(1).clamp(1, pages);
    // Only the page's people are written out.
    let names = Names::load(&state, viewer.locale).await?;
    let shown: Vec<Value> = found
        .iter()
        .skip((page - 1) * directory::PAGE_SIZE)
        .take(directory::PAGE_SIZE)
        .map(|n| {
            let p = &all.people[*n as usize];
            let relation = relation(p);
            let sees = |f: Field| directory::visible(p.entry.reaches.of(f), relation);
            let shown = |f: Field, list: &[String]| if sees(f) { list.to_vec() } else { Vec::new() };
            context! {
                id => p.id, name => p.name, own => relation.own,
                administration => p.administration.as_ref().filter(|_| sees(Field::Administration)).map(|(_, n)| n.as_str()),
                role => p.entry.role.as_deref().filter(|_| sees(Field::Role)),
                competences => shown(Field::Competences, &p.competences),
                languages => shown(Field::Languages, &p.languages),
                countries => shown(Field::Countries, &p.entry.countries).iter().map(|c| names.place(&state, c)).collect::<Vec<_>>(),
                themes => shown(Field::Themes, &p.entry.themes).iter().map(|t| names.theme(t)).collect::<Vec<_>>(),
            }
        })
        .collect();
    let mine = db::directory::entry(&state.db, principal.user_id).await?;
    render(
        &state,
        &viewer,
        "directory/list.html",
        context! {
            people => shown, total, page, pages, q => typed, section => "/community",
            chosen => mine.is_some(), listed => mine.is_some_and(|m| m.entry.listed),
            done => s.done.is_some(),
        },
    )
}

/// The choice form: `entry` as shown (the saved one, the proposed one, or what was sent back).
async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    entry: Option<&Entry>,
    version: Option<i64>,
    errors: BTreeMap<&'static str, String>,
    status: StatusCode,
) -> AppResult {
    let user_id = viewer.user_id().ok_or(AppError::Forbidden)?;
    let user = db::accounts::user(&state.db, user_id).await?;
    let names = Names::load(state, viewer.locale).await?;
    let proposed = Entry {
        listed: true,
        role: None,
        countries: Vec::new(),
        themes: Vec::new(),
        reaches: Reaches::default(),
    };
    let entry = entry.unwrap_or(&proposed);
    let fields: Vec<Value> = Field::ALL
        .iter()
        .map(|f| context! { code => f.code(), name => f.reach_field(), reach => entry.reaches.of(*f).code() })
        .collect();
    let countries: Vec<Value> = places::COUNTRIES
        .iter()
        .map(|c| context! { code => c.code, name => c.name(viewer.locale), checked => entry.countries.iter().any(|x| x == c.code) })
        .collect();
    let theme = |(code, name): (String, String)| {
        let checked = entry.themes.contains(&code);
        context! { code, name, checked }
    };
    let macro_areas: Vec<Value> = names.macro_area_list().into_iter().map(theme).collect();
    let sectors: Vec<Value> = names.sector_list().into_iter().map(theme).collect();
    let page = render(
        state,
        viewer,
        "directory/mine.html",
        context! {
            listed => entry.listed, role => entry.role, fields, countries, macro_areas, sectors,
            reaches => Reach::ALL.iter().map(|r| r.code()).collect::<Vec<_>>(),
            languages => user.languages, competences => user.competences,
            version => version.map(|v| v.to_string()).unwrap_or_default(),
            first => version.is_none(), errors, section => "/community",
        },
    );
    with_status(status, page)
}

async fn mine(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    let saved = db::directory::entry(&state.db, user).await?;
    form_page(
        &state,
        &viewer,
        saved.as_ref().map(|s| &s.entry),
        saved.as_ref().map(|s| s.version),
        BTreeMap::new(),
        StatusCode::OK,
    )
    .await
}

async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    // An empty version is a first choice; anything else must be the version the form read.
    let version = match pairs
        .iter()
        .find(|(n, _)| n == "version")
        .map(|(_, v)| v.as_str())
    {
        None | Some("") => None,
        Some(v) => Some(
            v.parse::<i64>()
                .map_err(|_| AppError::BadRequest("error-bad-form"))?,
        ),
    };
    let themes = db::library::theme_codes(&state.db).await?;
    let entry = match directory::check_entry(&pairs, &themes) {
        Ok(e) => e,
        Err(errors) => {
            let errors = field_errors(&state, &viewer, &errors);
            let sent = sent_back(&pairs);
            return form_page(
                &state,
                &viewer,
                Some(&sent),
                version,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    match db::directory::save(&state.db, user, version, &entry).await {
        Ok(_) => Ok(see_other("/directory?done=1")),
        Err(db::DbError::Conflict) => {
            let mut errors = Errors::default();
            errors.add("form", "error-conflict");
            let errors = field_errors(&state, &viewer, &errors);
            let saved = db::directory::entry(&state.db, user).await?;
            form_page(
                &state,
                &viewer,
                Some(&entry),
                saved.map(|s| s.version),
                errors,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// What a refused form sent, as far as it can be shown again (unknown choices left out).
fn sent_back(pairs: &[(String, String)]) -> Entry {
    let one = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let many = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let mut reaches = Reaches::default();
    for f in Field::ALL {
        if let Some(r) = one(f.reach_field()).and_then(Reach::parse) {
            reaches.0[f as usize] = r;
        }
    }
    Entry {
        listed: one("listed") != Some("no"),
        role: one("role").map(str::to_string),
        countries: many("countries"),
        themes: many("themes"),
        reaches,
    }
}
