//! Matchmaking: for one administration (the viewer's own; staff and tutors choose any), the
//! other administrations ranked by the pure rule in `domain::network::matching`, each with its
//! reasons written as sentences in the viewer's language. Every fact comes from a record the
//! viewer may see: shared relations and experience, the groups and initiatives, and the
//! strategic plans of the administrations whose products the viewer may read.

use super::atlas::{region_name, seen, Seen};
use crate::http::{AppError, AppResult, Query};
use crate::session::{render, Viewer};
use crate::shared::library::Names;
use crate::state::AppState;
use axum::extract::State;
use db::network::atlas::Named;
use domain::locale::Locale;
use domain::network::matching::{self, Filter, Holder, Profile, Reason};
use domain::organisations::countries;
use domain::products::Content;
use minijinja::{context, Value};
use serde::Deserialize;
use std::collections::HashMap;
use uuid::Uuid;

/// Most administrations the list shows.
pub(super) const SHOWN: usize = 30;

#[derive(Deserialize, Default)]
pub(super) struct MatchQuery {
    organisation: Option<String>,
    country: Option<String>,
    theme: Option<String>,
    region: Option<String>,
}

fn chosen(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The profiles, as the viewer may see them, of the administrations with anything recorded
/// (and always of `keep`, the one the list is for), each fact gathered in one pass over the
/// records.
pub(super) fn profiles(
    seen: &Seen,
    administrations: &[Named],
    plans: &HashMap<Uuid, (Vec<String>, Vec<String>)>,
    keep: Option<Uuid>,
) -> Vec<Profile<Uuid>> {
    let mut by_id: HashMap<Uuid, Profile<Uuid>> = administrations
        .iter()
        .map(|a| {
            (
                a.id,
                Profile {
                    id: a.id,
                    name: a.name.clone(),
                    region: a.region.clone(),
                    targets: vec![],
                    themes: vec![],
                    relations: vec![],
                    experience: vec![],
                },
            )
        })
        .collect();
    for (id, (countries, areas)) in plans {
        if let Some(p) = by_id.get_mut(id) {
            p.targets.extend(countries.iter().cloned());
            p.themes.extend(areas.iter().map(|m| format!("m:{m}")));
        }
    }
    for g in &seen.groups {
        for m in &g.members {
            if let Some(p) = by_id.get_mut(&m.id) {
                p.targets.extend(g.countries.iter().cloned());
                p.themes.extend(g.themes.iter().cloned());
            }
        }
    }
    for i in &seen.initiatives {
        for o in std::iter::once(&i.lead).chain(&i.partners) {
            if let Some(p) = by_id.get_mut(&o.id) {
                p.targets.extend(i.countries.iter().cloned());
            }
        }
    }
    for r in &seen.relations {
        if let Some(p) = by_id.get_mut(&r.organisation_id) {
            p.themes.extend(r.themes.iter().cloned());
            p.relations.push(matching::Relation {
                country: r.country.clone(),
                kind: r.kind.clone(),
                partner: r.partner.clone(),
                since: Some(r.start_year),
            });
        }
    }
    for e in &seen.experiences {
        if let Some(p) = by_id.get_mut(&e.organisation_id) {
            p.experience.push(matching::Experience {
                title: e.title.clone(),
                countries: e.countries.clone(),
                themes: e.themes.clone(),
            });
        }
    }
    let mut out: Vec<Profile<Uuid>> = by_id
        .into_values()
        .filter(|p| {
            Some(p.id) == keep
                || !(p.targets.is_empty()
                    && p.themes.is_empty()
                    && p.relations.is_empty()
                    && p.experience.is_empty())
        })
        .map(|mut p| {
            p.targets.sort();
            p.targets.dedup();
            p.themes.sort();
            p.themes.dedup();
            p
        })
        .collect();
    // The ranking orders its result itself; the profiles are sorted only so that the filters'
    // choices come out the same on every request.
    out.sort_by_key(|p| p.id);
    out
}

/// One reason as a sentence, naming the administrations it is about.
pub(super) fn sentence(
    state: &AppState,
    locale: Locale,
    names: &Names,
    reason: &Reason,
    viewer: &str,
    candidate: &str,
) -> String {
    let holder = |h: &Holder| match h {
        Holder::Viewer => viewer.to_string(),
        Holder::Candidate => candidate.to_string(),
    };
    let country = |c: &str| countries::name(c, locale);
    match reason {
        Reason::SharedTarget { country: c } => state.i18n.message(
            locale,
            "network-reason-shared-target",
            &[("country", country(c).into())],
        ),
        Reason::SharedTheme { theme } => state.i18n.message(
            locale,
            "network-reason-shared-theme",
            &[("theme", names.theme(theme).into())],
        ),
        Reason::Relation {
            holder: h,
            country: c,
            kind,
            partner,
            since,
        } => {
            let when = since
                .map(|y| {
                    let key = if kind == "past_project" {
                        "network-reason-in-year"
                    } else {
                        "network-reason-since-year"
                    };
                    // The year as written, not as a number with a thousands separator.
                    state
                        .i18n
                        .message(locale, key, &[("year", y.to_string().into())])
                })
                .unwrap_or_default();
            state.i18n.message(
                locale,
                "network-reason-relation",
                &[
                    ("holder", holder(h).into()),
                    ("kind", kind.clone().into()),
                    ("partner", partner.clone().into()),
                    ("country", country(c).into()),
                    ("when", when.into()),
                ],
            )
        }
        Reason::Experience {
            holder: h,
            title,
            countries: cs,
            themes,
        } => {
            let about: Vec<String> = cs
                .iter()
                .map(|c| country(c))
                .chain(themes.iter().map(|t| names.theme(t)))
                .collect();
            state.i18n.message(
                locale,
                "network-reason-experience",
                &[
                    ("holder", holder(h).into()),
                    ("title", title.clone().into()),
                    ("about", about.join(", ").into()),
                ],
            )
        }
    }
}

/// The matchmaking page.
pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<MatchQuery>,
) -> AppResult {
    let locale = viewer.locale;
    let seen = seen(&state, &viewer).await?;
    let administrations = db::network::atlas::administrations(&state.db).await?;
    // Whom the page may be for: staff and tutors choose any administration, the others their own.
    let choices: Vec<&Named> = administrations
        .iter()
        .filter(|a| seen.network.everything || seen.network.administrations.contains(&a.id))
        .collect();
    let for_id = match chosen(&q.organisation) {
        Some(text) => {
            let id =
                Uuid::parse_str(text).map_err(|_| AppError::BadRequest("error-unknown-choice"))?;
            if !choices.iter().any(|a| a.id == id) {
                return Err(AppError::NotFound);
            }
            Some(id)
        }
        None if choices.len() == 1 || !seen.network.everything => choices.first().map(|a| a.id),
        None => None,
    };
    let filter = Filter {
        country: match chosen(&q.country) {
            None => None,
            Some(c) => {
                let c = c.to_ascii_uppercase();
                if c == "IT" || !countries::is_code(&c) {
                    return Err(AppError::BadRequest("error-country"));
                }
                Some(c)
            }
        },
        theme: match chosen(&q.theme) {
            None => None,
            Some(t) if domain::library::is_theme_code(t) => Some(t.to_string()),
            Some(_) => return Err(AppError::BadRequest("error-unknown-choice")),
        },
        region: match chosen(&q.region) {
            None => None,
            Some(r) if region_name(r).is_some() => Some(r.to_string()),
            Some(_) => return Err(AppError::BadRequest("error-unknown-choice")),
        },
    };
    // Strategic plans only of the administrations whose products the viewer may read.
    let readable: Vec<Uuid> = administrations
        .iter()
        .map(|a| a.id)
        .filter(|id| viewer.may("products.show", Some(*id)))
        .collect();
    let mut plans: HashMap<Uuid, (Vec<String>, Vec<String>)> = HashMap::new();
    for (org, content) in db::network::atlas::strategic_plans(&state.db, &readable).await? {
        if plans.contains_key(&org) {
            continue;
        }
        if let Content::StrategicPlan(p) = Content::from_json(&content) {
            let areas = p.areas.into_iter().map(|a| a.macro_area).collect();
            plans.insert(org, (p.countries, areas));
        }
    }
    let all = profiles(&seen, &administrations, &plans, for_id);
    let names = Names::load(&state, locale).await?;
    let mut results: Vec<Value> = Vec::new();
    let mut total = 0;
    let mut me: Option<&Profile<Uuid>> = None;
    if let Some(id) = for_id {
        me = all.iter().find(|p| p.id == id);
    }
    if let Some(me) = me {
        let ranked = matching::rank(me, &all, &filter);
        total = ranked.len();
        for m in ranked.into_iter().take(SHOWN) {
            let reasons: Vec<String> = m
                .reasons
                .iter()
                .map(|r| sentence(&state, locale, &names, r, &me.name, &m.name))
                .collect();
            results.push(context! {
                id => m.id, name => m.name, region => m.region.as_deref().and_then(region_name),
                score => m.score, reasons,
            });
        }
    }
    // The filters offer the countries and themes the network knows.
    let mut country_codes: Vec<&str> = countries::programme_countries().collect();
    for p in &all {
        for c in p
            .targets
            .iter()
            .chain(p.relations.iter().map(|r| &r.country))
        {
            if !country_codes.contains(&c.as_str()) {
                country_codes.push(c);
            }
        }
    }
    let mut country_list: Vec<(String, String)> = country_codes
        .into_iter()
        .map(|c| (c.to_string(), countries::name(c, locale)))
        .collect();
    locale.sort_by_name(&mut country_list, |(_, n)| n.as_str());
    let mut themes: Vec<(String, String)> = all
        .iter()
        .flat_map(|p| {
            p.themes
                .iter()
                .chain(p.experience.iter().flat_map(|e| e.themes.iter()))
        })
        .map(|t| (t.clone(), names.theme(t)))
        .collect();
    locale.sort_by_name(&mut themes, |(_, n)| n.as_str());
    themes.dedup();
    let regions: Vec<(&str, &str)> = domain::organisations::REGIONS.to_vec();
    render(
        &state,
        &viewer,
        "network/match.html",
        context! {
            me => me.map(|p| context! {
                id => p.id, name => p.name, region => p.region.as_deref().and_then(region_name),
                targets => p.targets.iter().map(|c| countries::name(c, locale)).collect::<Vec<_>>(),
                themes => p.themes.iter().map(|t| names.theme(t)).collect::<Vec<_>>(),
                relations => p.relations.len(), experience => p.experience.len(),
            }),
            choices => choices.iter().map(|a| context! { id => a.id, name => a.name }).collect::<Vec<_>>(),
            may_choose => seen.network.everything || choices.len() > 1,
            results, total, shown => results.len(),
            countries => country_list, themes, regions,
            chosen => context! {
                organisation => for_id, country => filter.country, theme => filter.theme,
                region => filter.region,
            },
        },
    )
}
