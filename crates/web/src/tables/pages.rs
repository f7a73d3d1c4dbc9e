//! The list of tables, the table page and the public page.

use super::*;
use crate::http::{see_other, Id, Query};
use crate::session::{field_errors, render};
use crate::shared::library::Names;
use axum::extract::State;
use domain::library::places;
use domain::locale::Locale;
use domain::tables::members::MemberRole;
use domain::tables::{Filter, Status};
use domain::validation::Errors;
use minijinja::{context, Value};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The region's name from its ISTAT code.
pub(super) fn region_name(code: &str) -> &'static str {
    domain::organisations::REGIONS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| *n)
        .unwrap_or("")
}

/// What every view of a table shows: what it is, where, about what, in which state.
pub(super) fn summary(table: &Table, names: &Names, locale: Locale) -> Value {
    let themes: Vec<Value> = table
        .themes
        .iter()
        .map(|code| context! { code, name => names.theme(code) })
        .collect();
    let countries: Vec<Value> = table
        .countries
        .iter()
        .map(|code| {
            context! { code, name => places::country(code).map(|c| c.name(locale)).unwrap_or(code) }
        })
        .collect();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| locale.date(d));
    context! {
        id => table.id, name => table.name, lead_id => table.lead_id, lead_name => table.lead_name,
        region => region_name(&table.region_code),
        territory => table.territory.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        purpose => table.purpose, themes, countries, public => table.public,
        status => table.status.code(),
        since => date(table.dates.of(table.status)),
        formed_on => date(table.dates.formed_on),
        constituted_on => date(table.dates.constituted_on),
        active_since => date(table.dates.active_since),
        dormant_since => date(table.dates.dormant_since),
        memorandum => table.memorandum_id.map(|id| context! { id, title => table.memorandum_title }),
    }
}

#[derive(Deserialize, Default)]
pub(super) struct ListQuery {
    region: Option<String>,
    theme: Option<String>,
    country: Option<String>,
    status: Option<String>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<ListQuery>,
) -> AppResult {
    let known = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let filter = Filter {
        region: known(q.region).filter(|r| !region_name(r).is_empty()),
        theme: known(q.theme).filter(|t| domain::library::is_theme_code(t)),
        country: known(q.country).filter(|c| places::country(c).is_some()),
        status: known(q.status).and_then(|s| Status::parse(&s)),
    };
    let tables = db::tables::list(&state.db).await?;
    let involved = db::tables::involved(&state.db, &tables).await?;
    let names = Names::load(&state, viewer.locale).await?;
    let mut seen = Vec::new();
    let mut rows = Vec::new();
    for (table, (_, inv)) in tables.iter().zip(&involved) {
        let a = access::access(viewer.principal.as_ref(), inv);
        if a == Access::None {
            continue;
        }
        seen.push(table);
        if !filter.admits(
            &table.region_code,
            &table.themes,
            &table.countries,
            table.status,
        ) {
            continue;
        }
        let public_only = a < Access::Read;
        rows.push(context! { public_only, table => summary(table, &names, viewer.locale) });
    }
    // The filters offer what the tables the viewer sees carry, so that no choice lists nothing.
    let mut regions: Vec<(&str, &str)> = seen
        .iter()
        .map(|t| (t.region_code.as_str(), region_name(&t.region_code)))
        .collect();
    regions.sort_by_key(|(_, n)| *n);
    regions.dedup();
    let mut themes: Vec<(String, String)> = seen
        .iter()
        .flat_map(|t| t.themes.iter())
        .map(|c| (c.clone(), names.theme(c)))
        .collect();
    viewer.locale.sort_by_name(&mut themes, |(_, n)| n.as_str());
    themes.dedup();
    let countries: Vec<Value> = places::COUNTRIES
        .iter()
        .filter(|c| seen.iter().any(|t| t.countries.iter().any(|x| x == c.code)))
        .map(|c| context! { code => c.code, name => c.name(viewer.locale) })
        .collect();
    let may_create = viewer.may("tables.new", None);
    render(
        &state,
        &viewer,
        "tables/list.html",
        context! {
            rows, regions, themes, countries, statuses => Status::ALL.map(Status::code), may_create,
            chosen => context! {
                region => filter.region, theme => filter.theme, country => filter.country,
                status => filter.status.map(Status::code),
            },
        },
    )
}

/// What a failed form on the table page sends back: which form, the messages and what was typed.
#[derive(Default)]
pub(super) struct Failed {
    pub form: &'static str,
    pub errors: Errors,
    pub typed: BTreeMap<&'static str, String>,
}

pub(super) async fn show(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let found = find(&state, &viewer, id).await?;
    if found.access(&viewer) < Access::Read {
        // Someone the table does not involve sees what it shows everyone.
        return Ok(see_other(&format!("/tables/{id}/public")));
    }
    table_page(&state, &viewer, &found, None).await
}

/// The table page, with a failed form's messages when there is one.
pub(super) async fn table_page(
    state: &AppState,
    viewer: &Viewer,
    found: &Found,
    failed: Option<Failed>,
) -> AppResult {
    let table = &found.table;
    let names = Names::load(state, viewer.locale).await?;
    let members = db::tables::members(&state.db, table.id).await?;
    let representatives = db::tables::representatives(&state.db, table.id).await?;
    let secretariat = db::tables::secretariat(&state.db, table.id).await?;
    let signatories = db::tables::signatories(&state.db, table.id).await?;
    let (upcoming, past) = super::meetings::listed(
        &db::tables::meetings(&state.db, table.id).await?,
        viewer.locale,
        state.db.now(),
    );
    let manages = found.access(viewer) == Access::Manage;
    let locale = viewer.locale;
    let member_rows: Vec<Value> = members
        .iter()
        .map(|m| {
            let people: Vec<Value> = representatives
                .iter()
                .filter(|r| r.organisation_id == m.organisation_id)
                .map(|r| context! { name => r.name, email => r.email, account => r.user_id.is_some() })
                .collect();
            context! {
                id => m.id, organisation_id => m.organisation_id, name => m.organisation,
                category => m.category, role => m.role.code(),
                joined_on => locale.date(m.joined_on), left_on => m.left_on.map(|d| locale.date(d)),
                people,
            }
        })
        .collect();
    let current: Vec<&db::tables::Member> =
        members.iter().filter(|m| m.left_on.is_none()).collect();
    let mut options = Vec::new();
    let mut secretariat_options = Vec::new();
    let mut documents = Vec::new();
    if manages {
        let (registry, _) = db::organisations::search(&state.db, None, None, 10_000, 0).await?;
        options = registry
            .iter()
            .filter(|o| o.data.category != domain::organisations::Category::ForeignPartner)
            .filter(|o| !current.iter().any(|m| m.organisation_id == o.id))
            .map(|o| context! { id => o.id, name => o.data.name })
            .collect();
        secretariat_options = db::accounts::organisation_people(&state.db, table.lead_id)
            .await?
            .into_iter()
            .filter(|p| p.role == domain::roles::Role::Member.code())
            .filter(|p| !secretariat.iter().any(|s| s.user_id == p.user_id))
            .map(|p| context! { id => p.user_id, name => p.name, email => p.email })
            .collect();
        documents = db::tables::lead_documents(&state.db, table.lead_id)
            .await?
            .into_iter()
            .map(|(id, title)| context! { id, title })
            .collect();
    }
    // The memorandum's title and link only for those the library lets see the document (it
    // may be visible to the lead administration only); the others learn that it is recorded.
    let memorandum_seen = match table.memorandum_id {
        Some(id) => match db::library::document(&state.db, id).await? {
            Some(doc) => crate::shared::library::scope(state, viewer)
                .await?
                .sees(doc.visibility(), doc.owner()),
            None => false,
        },
        None => false,
    };
    let failed = failed.unwrap_or_default();
    // Every field of the page's forms, empty unless the failed form typed it.
    let mut typed: BTreeMap<&'static str, String> = [
        "status",
        "on",
        "organisation",
        "role",
        "joined_on",
        "name",
        "email",
        "signed_on",
        "document",
        "user",
        "left_on",
        "actor_name",
        "sector",
        "public",
    ]
    .into_iter()
    .map(|k| (k, String::new()))
    .collect();
    typed.extend(failed.typed);
    let status = if failed.errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = render(
        state,
        viewer,
        "tables/show.html",
        context! {
            table => summary(table, &names, locale),
            rules => domain::products::text::render(&table.rules),
            members => member_rows,
            current => current.iter().map(|m| context! { id => m.organisation_id, name => m.organisation }).collect::<Vec<_>>(),
            secretariat, signatories => signatories.iter().map(|s| context! {
                organisation => s.organisation, name => s.name, signed_on => locale.date(s.signed_on),
            }).collect::<Vec<_>>(),
            links => super::links::view(state, viewer, found).await?,
            discussion => crate::community::discussion(viewer, domain::community::spaces::Kind::Table, table.id, &domain::community::spaces::Members::Table(found.involved.clone())),
            manages, memorandum_seen, names_secretariat => access::names_secretariat(viewer.principal.as_ref(), &found.involved),
            next => table.status.next().iter().map(|s| s.code()).collect::<Vec<_>>(),
            roles => MemberRole::ALL.map(MemberRole::code),
            sectors => domain::organisations::ACTOR_SECTORS,
            options, secretariat_options, documents, upcoming, past,
            commitments => super::commitments::listed(state, table.id, locale, false).await?,
            today => super::today(state).to_string(),
            failed => failed.form, errors => field_errors(state, viewer, &failed.errors),
            typed,
        },
    )?;
    crate::http::with_status(status, Ok(page))
}

pub(super) async fn public(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let table = db::tables::get(&state.db, id).await?;
    if !table.public {
        return Err(AppError::NotFound);
    }
    let names = Names::load(&state, viewer.locale).await?;
    let members = db::tables::members(&state.db, id).await?;
    let members: Vec<Value> = members
        .iter()
        .filter(|m| m.left_on.is_none())
        .map(|m| context! { name => m.organisation, role => m.role.code(), joined_on => viewer.locale.date(m.joined_on) })
        .collect();
    let signatories = db::tables::signatories(&state.db, id).await?;
    render(
        &state,
        &viewer,
        "tables/public.html",
        context! {
            table => summary(&table, &names, viewer.locale),
            rules => domain::products::text::render(&table.rules),
            members,
            signatories => signatories.iter().map(|s| context! {
                organisation => s.organisation, signed_on => viewer.locale.date(s.signed_on),
            }).collect::<Vec<_>>(),
            may_open => find(&state, &viewer, id).await.is_ok_and(|f| f.access(&viewer) >= Access::Read),
            commitments => super::commitments::listed(&state, id, viewer.locale, true).await?,
            minutes => super::minutes::published(&state, id, viewer.locale).await?,
        },
    )
}
