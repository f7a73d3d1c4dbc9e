//! Funding calls, for programme staff: the list with each call's programme, rule pack, deadline
//! and limits; the form to add and edit one (a stale edit shows the saved call beside what was
//! typed and saves nothing). Products choose their call from these; the eligibility check on a
//! product's page reads them.

use crate::http::{see_other, with_status, AppError, AppResult, Form, Id, Query};
use crate::route::{route, Route};
use crate::session::{field_errors, render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use db::calls::StoredCall;
use domain::calls::{self, groups, Call, CallForm};
use domain::locale::Locale;
use domain::products::budget::money::{self, Currency};
use domain::products::budget::rules;
use domain::validation::Errors;
use minijinja::{context, Value};
use uuid::Uuid;

/// The calls' routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/calls", "calls.list", list),
        route(Method::GET, "/calls/new", "calls.new", new),
        route(Method::POST, "/calls", "calls.create", create),
        route(Method::GET, "/calls/{id}/edit", "calls.edit", edit),
        route(Method::POST, "/calls/{id}", "calls.update", update),
    ]
}

fn pack_name(state: &AppState, locale: Locale, id: &str) -> String {
    state.i18n.t(locale, &format!("budget-pack-{id}"))
}

fn country_name(locale: Locale, code: &str) -> String {
    domain::organisations::countries::name(code, locale)
}

/// A call as the list and the product pages show it, in the reader's words.
pub(crate) fn view(state: &AppState, locale: Locale, id: Uuid, call: &Call) -> Value {
    let euro = |c: Option<i64>| c.map(|c| money::format_money(c, Currency::Eur, locale));
    let minima: Vec<Value> = call
        .group_minima
        .iter()
        .map(|m| context! { group => state.i18n.t(locale, &format!("calls-group-{}", m.group)), count => m.count })
        .collect();
    context! {
        id, name => call.name, programme => call.programme, pack => call.pack,
        pack_name => (!call.pack.is_empty()).then(|| pack_name(state, locale, &call.pack)),
        deadline => call.deadline.map(|d| locale.date(d)),
        countries => call.countries.iter().map(|c| country_name(locale, c)).collect::<Vec<_>>().join(", "),
        eu_rate_max => call.eu_rate_max.map(|d| d.format(locale)),
        grant_min => euro(call.grant_min), grant_max => euro(call.grant_max),
        months_min => call.months_min, months_max => call.months_max,
        partners_min => call.partners_min, countries_min => call.countries_min,
        per_country_max => call.per_country_max, minima, cover_targets => call.cover_targets,
        source => call.source,
    }
}

/// What the list says after a save.
#[derive(serde::Deserialize, Default)]
struct Done {
    #[serde(default)]
    done: String,
}

async fn list(State(state): State<AppState>, viewer: Viewer, Query(q): Query<Done>) -> AppResult {
    let done = match q.done.as_str() {
        "created" | "saved" => Some(q.done.as_str()),
        _ => None,
    };
    let calls: Vec<Value> = db::calls::list(&state.db)
        .await?
        .iter()
        .map(|c| view(&state, viewer.locale, c.id, &c.call))
        .collect();
    render(&state, &viewer, "calls/list.html", context! { calls, done })
}

/// The form page: what was typed (or the saved call), its problems, and on a conflict the call
/// as saved meanwhile.
fn form_page(
    state: &AppState,
    viewer: &Viewer,
    form: &CallForm,
    errors: &Errors,
    editing: Option<(&StoredCall, i64)>,
    conflict: Option<Value>,
) -> AppResult {
    let locale = viewer.locale;
    let countries: Vec<Value> = domain::organisations::countries::CODES
        .iter()
        .filter(|c| {
            groups::GROUPS.iter().any(|g| groups::contains(g, c))
                || form.countries.iter().any(|x| x == *c)
        })
        .map(|c| {
            context! { code => c, name => country_name(locale, c),
            checked => form.countries.iter().any(|x| x == c) }
        })
        .collect();
    let minima: Vec<Value> = groups::GROUPS
        .iter()
        .map(|g| {
            let value = form
                .minima
                .iter()
                .find(|(k, _)| k == g)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            context! { code => g, name => state.i18n.t(locale, &format!("calls-group-{g}")), value }
        })
        .collect();
    let packs: Vec<Value> = rules::packs()
        .iter()
        .map(|p| context! { id => p.id, name => pack_name(state, locale, &p.id) })
        .collect();
    let heading = match editing {
        Some((c, _)) => state.i18n.message(
            locale,
            "calls-edit",
            &[("name", c.call.name.clone().into())],
        ),
        None => state.i18n.t(locale, "calls-new"),
    };
    render(
        state,
        viewer,
        "calls/form.html",
        context! {
            heading, form => context! {
                name => form.name, programme => form.programme, pack => form.pack,
                deadline => form.deadline, eu_rate_max => form.eu_rate_max,
                grant_min => form.grant_min, grant_max => form.grant_max,
                months_min => form.months_min, months_max => form.months_max,
                partners_min => form.partners_min, countries_min => form.countries_min,
                per_country_max => form.per_country_max, cover_targets => form.cover_targets,
                source => form.source,
            },
            countries, minima, packs, errors => field_errors(state, viewer, errors),
            current => editing.map(|(c, _)| c.id), version => editing.map(|(_, v)| v), conflict,
        },
    )
}

async fn new(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    form_page(
        &state,
        &viewer,
        &CallForm::default(),
        &Errors::default(),
        None,
        None,
    )
}

fn pack_ids() -> Vec<&'static str> {
    rules::packs().iter().map(|p| p.id.as_str()).collect()
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult {
    let form = CallForm::from_fields(&fields);
    match calls::check(&form, viewer.locale, &pack_ids()) {
        Ok(call) => {
            db::calls::create(&state.db, &call, viewer.user_id()).await?;
            Ok(see_other("/calls?done=created"))
        }
        Err(errors) => with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            form_page(&state, &viewer, &form, &errors, None, None),
        ),
    }
}

async fn find(state: &AppState, id: Uuid) -> AppResult<StoredCall> {
    match db::calls::get(&state.db, id).await {
        Ok(c) => Ok(c),
        Err(db::DbError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

async fn edit(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let c = find(&state, id).await?;
    let form = CallForm::of(&c.call, viewer.locale);
    form_page(
        &state,
        &viewer,
        &form,
        &Errors::default(),
        Some((&c, c.version)),
        None,
    )
}

async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult {
    let c = find(&state, id).await?;
    let form = CallForm::from_fields(&fields);
    let version: i64 = fields
        .iter()
        .find(|(k, _)| k == "version")
        .and_then(|(_, v)| v.trim().parse().ok())
        .ok_or(AppError::BadRequest("error-bad-form"))?;
    let call = match calls::check(&form, viewer.locale, &pack_ids()) {
        Ok(call) => call,
        Err(errors) => {
            return with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                form_page(&state, &viewer, &form, &errors, Some((&c, version)), None),
            )
        }
    };
    match db::calls::update(&state.db, id, version, &call, viewer.user_id()).await {
        Ok(()) => Ok(see_other("/calls?done=saved")),
        Err(db::DbError::Conflict) => {
            // Saved meanwhile: show the saved call, keep what was typed, and carry the saved
            // version so that saving again replaces it knowingly.
            let latest = find(&state, id).await?;
            let conflict = view(&state, viewer.locale, latest.id, &latest.call);
            with_status(
                StatusCode::CONFLICT,
                form_page(
                    &state,
                    &viewer,
                    &form,
                    &Errors::default(),
                    Some((&latest, latest.version)),
                    Some(conflict),
                ),
            )
        }
        Err(e) => Err(e.into()),
    }
}
