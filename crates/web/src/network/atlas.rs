//! The network as a whole, for one viewer: what they may see of the relations and earlier
//! projects (by each record's sharing level, their administrations and groups), the groups and
//! initiatives; and the pages that show it: a country's page (who has relations there, of what
//! kind), the map of the Convergence regions and their target countries, and a group's graph.

use crate::http::{AppError, AppResult, Id, Query};
use crate::session::{render, Viewer};
use crate::shared::library::Names;
use crate::shared::map::{all_shapes, code_of, sprite_href};
use crate::state::AppState;
use axum::extract::{Path, State};
use db::network::atlas::{ExperienceFact, GroupFact, InitiativeFact, Named, RelationFact};
use domain::library::map::MEDITERRANEAN;
use domain::locale::Locale;
use domain::network::map::{self as diagram, Link, Node, Sides, CONVERGENCE_REGIONS};
use domain::network::matching;
use domain::organisations::countries;
use minijinja::{context, Value};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

/// What one viewer sees of the network.
pub(super) struct Seen {
    pub network: domain::network::Viewer,
    pub relations: Vec<RelationFact>,
    pub experiences: Vec<ExperienceFact>,
    pub groups: Vec<GroupFact>,
    pub initiatives: Vec<InitiativeFact>,
}

/// Reads the network and keeps what `viewer` may see: relations and experience by their sharing
/// level (their administrations' own, and relations pooled into their groups, whatever the
/// level); groups and initiatives are the network's common record.
pub(super) async fn seen(state: &AppState, viewer: &Viewer) -> Result<Seen, AppError> {
    let network = db::network::viewer(&state.db, viewer.principal.as_ref()).await?;
    let groups = db::network::atlas::groups(&state.db).await?;
    let relations = db::network::atlas::relations(&state.db)
        .await?
        .into_iter()
        .filter(|r| network.sees(r.organisation_id, r.sharing, &r.pooled))
        .collect();
    let experiences = db::network::atlas::experiences(&state.db)
        .await?
        .into_iter()
        .filter(|e| network.sees(e.organisation_id, e.sharing, &[]))
        .collect();
    let initiatives = db::network::atlas::initiatives(&state.db).await?;
    Ok(Seen {
        network,
        relations,
        experiences,
        groups,
        initiatives,
    })
}

/// The name of an ISTAT region code.
pub(super) fn region_name(code: &str) -> Option<&'static str> {
    domain::organisations::REGIONS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| *n)
}

/// A relation as lists show it.
pub(super) fn relation_view(r: &RelationFact, names: &Names, locale: Locale) -> Value {
    context! {
        id => r.id, organisation_id => r.organisation_id, organisation => r.organisation,
        region => r.region.as_deref().and_then(region_name),
        partner => r.partner, kind => r.kind, country => countries::name(&r.country, locale),
        start_year => r.start_year.to_string(), end_year => r.end_year.map(|y| y.to_string()),
        themes => r.themes.iter().map(|t| names.theme(t)).collect::<Vec<_>>(),
        sharing => r.sharing.code(),
    }
}

fn link_weight(seen: &Seen, region: &str, country: &str) -> (u32, u32) {
    let relations = seen
        .relations
        .iter()
        .filter(|r| r.region.as_deref() == Some(region) && r.country == country)
        .count();
    let initiatives = seen
        .initiatives
        .iter()
        .filter(|i| involves_region(i, region) && i.countries.iter().any(|c| c == country))
        .count();
    (relations as u32, initiatives as u32)
}

/// Whether an Italian administration of `region` leads or joins the initiative.
fn involves_region(i: &InitiativeFact, region: &str) -> bool {
    std::iter::once(&i.lead)
        .chain(&i.partners)
        .any(|p| p.region.as_deref() == Some(region))
}

#[derive(Deserialize, Default)]
pub(super) struct CountryQuery {
    region: Option<String>,
}

/// A country's page: the administrations with relations there (of what kind, with whom, since
/// when), the groups aiming at it and the initiatives there; narrowed to one region's
/// administrations when the map's link asks for it.
pub(super) async fn country(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<CountryQuery>,
) -> AppResult {
    let code = code.trim().to_ascii_uppercase();
    if code == "IT" || !countries::is_code(&code) {
        return Err(AppError::NotFound);
    }
    let region = match q.region.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        None => None,
        Some(r) => Some(
            region_name(r)
                .map(|_| r.to_string())
                .ok_or(AppError::BadRequest("error-unknown-choice"))?,
        ),
    };
    let seen = seen(&state, &viewer).await?;
    let locale = viewer.locale;
    let in_region = |r: &Option<String>| region.is_none() || *r == region;
    // One profile per administration with relations there, for the pure grouping by kind.
    let mut by_org: BTreeMap<Uuid, matching::Profile<Uuid>> = BTreeMap::new();
    for r in seen
        .relations
        .iter()
        .filter(|r| r.country == code && in_region(&r.region))
    {
        by_org
            .entry(r.organisation_id)
            .or_insert_with(|| matching::Profile {
                id: r.organisation_id,
                name: r.organisation.clone(),
                region: r.region.clone(),
                targets: vec![],
                themes: vec![],
                relations: vec![],
                experience: vec![],
            })
            .relations
            .push(matching::Relation {
                country: r.country.clone(),
                kind: r.kind.clone(),
                partner: r.partner.clone(),
                since: Some(r.start_year),
            });
    }
    let profiles: Vec<_> = by_org.into_values().collect();
    let presence: Vec<Value> = matching::in_country(&profiles, &code)
        .into_iter()
        .map(|p| {
            context! {
                id => p.id, name => p.name,
                region => p.region.as_deref().and_then(region_name),
                kinds => p.kinds.iter().map(|(k, n)| context! { kind => k, count => n }).collect::<Vec<_>>(),
                relations => p.relations.iter().map(|r| context! {
                    kind => r.kind, partner => r.partner, since => r.since.map(|y| y.to_string()),
                }).collect::<Vec<_>>(),
            }
        })
        .collect();
    let groups: Vec<Value> = seen
        .groups
        .iter()
        .filter(|g| g.countries.contains(&code))
        .filter(|g| region.is_none() || g.members.iter().any(|m| in_region(&m.region)))
        .map(|g| context! { id => g.id, name => g.name, status => g.status, members => g.members.len() })
        .collect();
    let initiatives: Vec<Value> = seen
        .initiatives
        .iter()
        .filter(|i| i.countries.contains(&code))
        .filter(|i| region.as_deref().is_none_or(|r| involves_region(i, r)))
        .map(|i| {
            context! {
                id => i.id, title => i.title, state => i.state, lead => i.lead.name,
                group => seen.groups.iter().find(|g| g.id == i.group_id).map(|g| g.name.clone()),
            }
        })
        .collect();
    render(
        &state,
        &viewer,
        "network/country.html",
        context! {
            code, name => countries::name(&code, locale),
            region => region.as_deref().and_then(region_name), region_code => region,
            presence, groups, initiatives,
            may_open_groups => viewer.may("network.group_show", None),
            may_open_initiatives => viewer.may("network.initiative_show", None),
        },
    )
}

/// The map: the four Convergence regions in a row above the Mediterranean, their target
/// countries marked on it, each region joined to each country by a curve as thick as the
/// relations and initiatives between them, each a link to the country's page for the region;
/// the same figures in a table.
pub(super) async fn map(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let seen = seen(&state, &viewer).await?;
    let locale = viewer.locale;
    // Countries that any Convergence region reaches, in the order of the country list.
    let mut reached: BTreeSet<&str> = BTreeSet::new();
    for r in &seen.relations {
        if r.region
            .as_deref()
            .is_some_and(|g| CONVERGENCE_REGIONS.contains(&g))
        {
            reached.insert(r.country.as_str());
        }
    }
    for i in &seen.initiatives {
        if CONVERGENCE_REGIONS.iter().any(|g| involves_region(i, g)) {
            reached.extend(i.countries.iter().map(String::as_str));
        }
    }
    let shapes = all_shapes()?;
    let height = MEDITERRANEAN.height().round();
    // The regions' row above the map.
    const ROW: f64 = 150.0;
    let regions: Vec<(String, String)> = CONVERGENCE_REGIONS
        .iter()
        .map(|c| (c.to_string(), region_name(c).unwrap_or(c).to_string()))
        .collect();
    let region_nodes: Vec<Node> = regions
        .iter()
        .enumerate()
        .map(|(i, (key, label))| Node {
            key: key.clone(),
            label: label.clone(),
            x: MEDITERRANEAN.width * (2 * i + 1) as f64 / 8.0,
            y: -ROW + 85.0,
        })
        .collect();
    let mut country_nodes: Vec<Node> = Vec::new();
    let mut unplaced: Vec<String> = Vec::new();
    for code in &reached {
        let anchor = shapes
            .iter()
            .find(|s| code_of(s) == Some(code))
            .and_then(|s| diagram::anchor(&s.path));
        match anchor {
            Some((x, y)) => country_nodes.push(Node {
                key: code.to_string(),
                label: code.to_string(),
                x,
                y,
            }),
            None => unplaced.push(countries::name(code, locale)),
        }
    }
    let mut links = Vec::new();
    let mut rows = Vec::new();
    for (ri, region) in region_nodes.iter().enumerate() {
        for (ci, country) in country_nodes.iter().enumerate() {
            let (relations, initiatives) = link_weight(&seen, &region.key, &country.key);
            links.push(Link {
                left: ri,
                right: ci,
                relations,
                initiatives,
            });
        }
    }
    // The table lists every reached country, placed on the map or not.
    for region in &region_nodes {
        for code in &reached {
            let (relations, initiatives) = link_weight(&seen, &region.key, code);
            if relations + initiatives == 0 {
                continue;
            }
            rows.push(context! {
                region => region.label, region_code => region.key, code,
                country => countries::name(code, locale),
                relations => locale.integer(relations as i64),
                initiatives => locale.integer(initiatives as i64),
            });
        }
    }
    let edges: Vec<Value> = diagram::edges(&region_nodes, &country_nodes, &links, Sides::TopBottom)
        .into_iter()
        .map(|e| {
            let region = &region_nodes[e.left];
            let country = &country_nodes[e.right];
            let country_name = countries::name(&country.key, locale);
            let label = state.i18n.message(
                locale,
                "network-map-link",
                &[
                    ("region", region.label.clone().into()),
                    ("country", country_name.into()),
                    ("relations", (e.relations as i64).into()),
                    ("initiatives", (e.initiatives as i64).into()),
                ],
            );
            context! {
                href => format!("/network/countries/{}?region={}", country.key, region.key),
                label, path => e.path, width => e.width,
            }
        })
        .collect();
    let marked: Vec<Value> = shapes
        .iter()
        .enumerate()
        .filter_map(|(i, s)| code_of(s).map(|c| (i, c)))
        .filter(|(_, c)| reached.contains(c))
        .map(|(i, code)| context! { id => format!("s{i}"), code })
        .collect();
    // Labels sized as the style sheet draws them (`.network-map .network-node text`).
    let labels = diagram::place_labels(&country_nodes, 34.0);
    let countries_v: Vec<Value> = country_nodes
        .iter()
        .zip(&labels)
        .map(|(n, l)| {
            context! {
                code => n.key, name => countries::name(&n.key, locale), x => n.x, y => n.y,
                lx => l.x, ly => l.y, align => l.align,
            }
        })
        .collect();
    let regions_v: Vec<Value> = region_nodes
        .iter()
        .map(|n| context! { code => n.key, name => n.label, x => n.x, y => n.y })
        .collect();
    render(
        &state,
        &viewer,
        "network/map.html",
        context! {
            width => MEDITERRANEAN.width, height, top => -ROW, full_height => height + ROW,
            sprite => Value::from_safe_string(sprite_href()?),
            marked, edges, countries => countries_v, regions => regions_v, rows, unplaced,
            public_only => !seen.network.programme,
        },
    )
}

/// A name cut to what a label of the graph holds at phone width.
fn short(name: &str) -> String {
    const MAX: usize = 26;
    if name.chars().count() <= MAX {
        name.to_string()
    } else {
        let cut: String = name.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A group's relations graph: its member administrations on the left, the partners of the
/// relations they pooled into it (and of their own relations in the group's countries that the
/// viewer may see) on the right, joined by a line per relation.
pub(super) async fn group_graph(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let seen = seen(&state, &viewer).await?;
    let locale = viewer.locale;
    let group = seen
        .groups
        .iter()
        .find(|g| g.id == id)
        .ok_or(AppError::NotFound)?;
    let members: Vec<&Named> = group.members.iter().collect();
    let relations: Vec<&RelationFact> = seen
        .relations
        .iter()
        .filter(|r| members.iter().any(|m| m.id == r.organisation_id))
        .filter(|r| r.pooled.contains(&group.id) || group.countries.contains(&r.country))
        .collect();
    let mut partners: Vec<(Uuid, String, String)> = relations
        .iter()
        .map(|r| (r.partner_id, r.partner.clone(), r.country.clone()))
        .collect();
    partners.sort_by(|a, b| (&a.2, a.1.to_lowercase(), a.0).cmp(&(&b.2, b.1.to_lowercase(), b.0)));
    partners.dedup_by_key(|p| p.0);
    // Members on the left, partners on the right, each label above its node and cut short
    // (the table below gives every name whole), so that the graph fits a phone.
    const ROW_HEIGHT: f64 = 100.0;
    let rows = members.len().max(partners.len()).max(1);
    let height = rows as f64 * ROW_HEIGHT + 60.0;
    let left = diagram::column(
        &members
            .iter()
            .map(|m| (m.id.to_string(), short(&m.name)))
            .collect::<Vec<_>>(),
        40.0,
        70.0,
        height - 70.0,
    );
    let right = diagram::column(
        &partners
            .iter()
            .map(|(id, name, _)| (id.to_string(), short(name)))
            .collect::<Vec<_>>(),
        860.0,
        70.0,
        height - 70.0,
    );
    let mut links: Vec<Link> = Vec::new();
    for r in &relations {
        let (Some(l), Some(p)) = (
            members.iter().position(|m| m.id == r.organisation_id),
            partners.iter().position(|p| p.0 == r.partner_id),
        ) else {
            continue;
        };
        match links.iter_mut().find(|k| k.left == l && k.right == p) {
            Some(k) => k.relations += 1,
            None => links.push(Link {
                left: l,
                right: p,
                relations: 1,
                initiatives: 0,
            }),
        }
    }
    let edges: Vec<Value> = diagram::edges(&left, &right, &links, Sides::LeftRight)
        .into_iter()
        .map(|e| {
            let label = state.i18n.message(
                locale,
                "network-graph-link",
                &[
                    ("member", members[e.left].name.clone().into()),
                    (
                        "partner",
                        format!(
                            "{} ({})",
                            partners[e.right].1,
                            countries::name(&partners[e.right].2, locale)
                        )
                        .into(),
                    ),
                    ("relations", (e.relations as i64).into()),
                ],
            );
            context! {
                href => format!("/network/countries/{}", partners[e.right].2),
                label, path => e.path, width => e.width,
            }
        })
        .collect();
    let names = Names::load(&state, locale).await?;
    let table: Vec<Value> = relations
        .iter()
        .map(|r| {
            let mut v = relation_view(r, &names, locale);
            v = context! { pooled => r.pooled.contains(&group.id), ..v };
            v
        })
        .collect();
    render(
        &state,
        &viewer,
        "network/graph.html",
        context! {
            id => group.id, name => group.name, height,
            left => left, right => right, edges, relations => table,
        },
    )
}
