//! Creating a table and editing its record; a stale edit is refused with both versions' names.

use super::*;
use crate::http::{see_other, with_status, Form, Id};
use crate::session::{field_errors, render};
use crate::shared::library::Names;
use axum::extract::State;
use axum::http::StatusCode;
use domain::library::places;
use domain::tables::{TableDraft, TableInput};
use domain::validation::Errors;
use minijinja::{context, Value};

/// The administrations the viewer may make a table's lead: every Italian administration for
/// staff and the operator, their own for a coordinator.
async fn leads(state: &AppState, viewer: &Viewer) -> AppResult<Vec<(Uuid, String)>> {
    let Some(p) = viewer.principal.as_ref() else {
        return Ok(Vec::new());
    };
    let (registry, _) = db::organisations::search(
        &state.db,
        Some(domain::organisations::Category::ItalianPa.code()),
        None,
        10_000,
        0,
    )
    .await?;
    Ok(registry
        .into_iter()
        .filter(|o| o.data.region_code.is_some() && access::may_create(p, o.id))
        .map(|o| (o.id, o.data.name))
        .collect())
}

/// What the form page needs besides the typed values.
struct Editing<'a> {
    table: &'a Table,
    conflict: bool,
}

async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    input: &TableInput,
    errors: &Errors,
    editing: Option<Editing<'_>>,
) -> AppResult {
    let names = Names::load(state, viewer.locale).await?;
    let chosen = |list: Vec<(String, String)>| -> Vec<Value> {
        list.into_iter()
            .map(|(code, name)| {
                let checked = input.themes.contains(&code);
                context! { code, name, checked }
            })
            .collect()
    };
    let countries: Vec<Value> = places::COUNTRIES
        .iter()
        .filter(|c| c.code != "IT")
        .map(|c| {
            context! { code => c.code, name => c.name(viewer.locale), checked => input.countries.iter().any(|x| x == c.code) }
        })
        .collect();
    let leads: Vec<Value> = leads(state, viewer)
        .await?
        .into_iter()
        .map(|(id, name)| context! { id, name })
        .collect();
    let status = if editing.as_ref().is_some_and(|e| e.conflict) {
        StatusCode::CONFLICT
    } else if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = render(
        state,
        viewer,
        "tables/form.html",
        context! {
            form => context! {
                name => input.name, lead => input.lead, territory => input.territory,
                purpose => input.purpose, rules => input.rules, public => input.public,
                formed_on => input.formed_on,
            },
            leads, countries,
            macro_areas => chosen(names.macro_area_list()),
            sectors => chosen(names.sector_list()),
            errors => field_errors(state, viewer, errors),
            editing => editing.as_ref().map(|e| context! {
                id => e.table.id, name => e.table.name, version => e.table.version, lead_name => e.table.lead_name,
            }),
            conflict => editing.as_ref().is_some_and(|e| e.conflict),
            // On a conflict, what is saved now beside what was submitted, field by field.
            current => editing.as_ref().filter(|e| e.conflict).map(|e| {
                let c = input_from(e.table);
                context! {
                    name => c.name, territory => c.territory, purpose => c.purpose,
                    themes => c.themes.join(", "), countries => c.countries.join(", "),
                    rules => c.rules, public => c.public, formed_on => c.formed_on,
                }
            }),
            yours => context! {
                name => input.name.trim(), territory => input.territory.trim(), purpose => input.purpose.trim(),
                themes => input.themes.join(", "), countries => input.countries.join(", "),
                rules => input.rules.trim(), public => input.public, formed_on => input.formed_on.trim(),
            },
        },
    );
    with_status(status, page)
}

/// The typed form: repeated fields (themes, sectors, countries) as pairs.
fn input_of(pairs: Vec<(String, String)>) -> (TableInput, Option<i64>) {
    let mut i = TableInput::default();
    let mut version = None;
    for (key, value) in pairs {
        match key.as_str() {
            "name" => i.name = value,
            "lead" => i.lead = value,
            "territory" => i.territory = value,
            "purpose" => i.purpose = value,
            "rules" => i.rules = value,
            "public" => i.public = value == "on" || value == "true",
            "formed_on" => i.formed_on = value,
            "themes" | "sectors" if i.themes.len() < 200 => i.themes.push(value),
            "countries" if i.countries.len() < 200 => i.countries.push(value),
            "version" => version = value.parse().ok(),
            _ => {}
        }
    }
    (i, version)
}

/// Checks the form and looks its territory up: the draft with its region and places, or the
/// problems found.
async fn checked(
    state: &AppState,
    input: &TableInput,
    lead_fixed: Option<Uuid>,
) -> AppResult<Result<(TableDraft, String, Vec<domain::tables::Place>), Errors>> {
    let themes = db::library::theme_codes(&state.db).await?;
    // A table's lead is fixed once it exists: the edit form does not send it, so it is filled in
    // before checking, and any lead sent is ignored.
    let fixed;
    let input = match lead_fixed {
        Some(lead) => {
            fixed = TableInput {
                lead: lead.to_string(),
                ..input.clone()
            };
            &fixed
        }
        None => input,
    };
    let draft = match domain::tables::check(input, |t| themes.contains(t), today(state)) {
        Ok(d) => d,
        Err(e) => return Ok(Err(e)),
    };
    let mut e = Errors::default();
    let lead = match db::organisations::get(&state.db, draft.lead).await {
        Ok(o) => Some(o),
        Err(db::DbError::NotFound) => None,
        Err(other) => return Err(other.into()),
    };
    let Some(region) = lead
        .filter(|o| o.data.category == domain::organisations::Category::ItalianPa)
        .and_then(|o| o.data.region_code)
    else {
        e.add("lead", "error-table-lead");
        return Ok(Err(e));
    };
    let found = db::tables::places(&state.db, &draft.territory).await?;
    match domain::tables::check_territory(&draft.territory, &found, &region) {
        Ok(places) => Ok(Ok((draft, region, places))),
        Err(message) => {
            e.add("territory", message);
            Ok(Err(e))
        }
    }
}

pub(super) async fn new(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let leads = leads(&state, &viewer).await?;
    let input = TableInput {
        lead: leads
            .first()
            .map(|(id, _)| id.to_string())
            .unwrap_or_default(),
        formed_on: today(&state).to_string(),
        ..Default::default()
    };
    form_page(&state, &viewer, &input, &Errors::default(), None).await
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let (input, _) = input_of(pairs);
    let (draft, region, places) = match checked(&state, &input, None).await? {
        Ok(ok) => ok,
        Err(e) => return form_page(&state, &viewer, &input, &e, None).await,
    };
    let may = viewer
        .principal
        .as_ref()
        .is_some_and(|p| access::may_create(p, draft.lead));
    if !may {
        let mut e = Errors::default();
        e.add("lead", "error-table-lead-not-yours");
        return form_page(&state, &viewer, &input, &e, None).await;
    }
    let id = db::tables::create(&state.db, &draft, &region, &places, viewer.user_id()).await?;
    Ok(see_other(&format!("/tables/{id}")))
}

fn input_from(table: &Table) -> TableInput {
    TableInput {
        name: table.name.clone(),
        lead: table.lead_id.to_string(),
        territory: table
            .territory
            .iter()
            .map(|p| p.code.clone())
            .collect::<Vec<_>>()
            .join(", "),
        purpose: table.purpose.clone(),
        themes: table.themes.clone(),
        countries: table.countries.clone(),
        rules: table.rules.clone(),
        public: table.public,
        formed_on: table
            .dates
            .formed_on
            .map(|d| d.to_string())
            .unwrap_or_default(),
    }
}

pub(super) async fn edit(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let input = input_from(&found.table);
    let editing = Editing {
        table: &found.table,
        conflict: false,
    };
    form_page(&state, &viewer, &input, &Errors::default(), Some(editing)).await
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let (mut input, version) = input_of(pairs);
    // On an edit, a date left out keeps the one the table has (a new table begins today).
    if input.formed_on.trim().is_empty() {
        if let Some(formed_on) = found.table.dates.formed_on {
            input.formed_on = formed_on.to_string();
        }
    }
    let editing = |conflict| Editing {
        table: &found.table,
        conflict,
    };
    let (draft, _, places) = match checked(&state, &input, Some(found.table.lead_id)).await? {
        Ok(ok) => ok,
        Err(e) => return form_page(&state, &viewer, &input, &e, Some(editing(false))).await,
    };
    let Some(version) = version else {
        return Err(AppError::BadRequest("error-bad-form"));
    };
    let members = db::tables::members(&state.db, id).await?;
    if let Err(message) = domain::tables::check_formed_on(
        draft.formed_on,
        &found.table.dates,
        members.iter().map(|m| m.joined_on),
    ) {
        let mut e = Errors::default();
        e.add("formed_on", message);
        return form_page(&state, &viewer, &input, &e, Some(editing(false))).await;
    }
    match db::tables::update(&state.db, id, version, &draft, &places, viewer.user_id()).await {
        Ok(()) => Ok(see_other(&format!("/tables/{id}"))),
        Err(db::DbError::Conflict) => {
            let mut e = Errors::default();
            e.add("form", "error-conflict");
            form_page(&state, &viewer, &input, &e, Some(editing(true))).await
        }
        Err(other) => Err(other.into()),
    }
}
