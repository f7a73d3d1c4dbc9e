//! Experience records: an administration's past cooperation projects, listed for the viewer as
//! their sharing allows, recorded and changed by the administration's coordinator and members,
//! and published as a good practice in the library in one step.

use super::records::VersionForm;
use super::records::{
    chosen_administration, countries, country_choices, euro, network_viewer, own_administrations,
    page_index, theme_choices, themes, typed_amount,
};
use crate::http::{see_other, with_status, AppError, AppResult, Form, Id, Query};
use crate::session::{field_errors, render, Viewer};
use crate::shared::library::Names;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use db::network::Experience;
use domain::network::experience::ExperienceInput;
use domain::network::Sharing;
use domain::validation::Errors;
use minijinja::{context, Value};
use serde::Deserialize;
use uuid::Uuid;

#[derive(Deserialize, Default)]
pub(super) struct ListQuery {
    organisation: Option<String>,
    page: Option<String>,
}

fn view(x: &Experience, names: &Names, viewer: &Viewer) -> Value {
    context! {
        id => x.id, organisation_id => x.organisation_id, organisation => x.organisation_name,
        title => x.title, start_year => x.start_year, end_year => x.end_year,
        countries => countries(&x.countries, viewer.locale), themes => themes(names, &x.themes),
        partners => x.partners, funding => x.funding, budget => euro(x.budget_cents, viewer.locale),
        results => x.results, lessons => x.lessons, sharing => x.sharing.code(),
        practice_id => x.practice_id, version => x.version,
    }
}

pub(super) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<ListQuery>,
) -> AppResult {
    let v = network_viewer(&state, &viewer).await?;
    let organisation = q
        .organisation
        .as_deref()
        .and_then(|o| Uuid::parse_str(o.trim()).ok());
    let page = page_index(q.page.as_deref());
    let (rows, more) = db::network::experiences(&state.db, &v, organisation, page).await?;
    let names = Names::load(&state, viewer.locale).await?;
    let base = match organisation {
        Some(o) => format!("/network/experiences?organisation={o}&"),
        None => "/network/experiences?".to_string(),
    };
    render(
        &state,
        &viewer,
        "network/experiences.html",
        context! {
            rows => rows.iter().map(|x| view(x, &names, &viewer)).collect::<Vec<_>>(),
            page => page + 1, more, base,
            may_record => !own_administrations(&state, &viewer).await?.is_empty(),
        },
    )
}

async fn visible(state: &AppState, viewer: &Viewer, id: Uuid) -> AppResult<Experience> {
    let x = db::network::experience(&state.db, id).await?;
    let v = network_viewer(state, viewer).await?;
    if !v.sees(x.organisation_id, x.sharing, &[]) {
        return Err(AppError::NotFound);
    }
    Ok(x)
}

async fn editable(state: &AppState, viewer: &Viewer, id: Uuid) -> AppResult<Experience> {
    let x = visible(state, viewer, id).await?;
    let may = viewer
        .principal
        .as_ref()
        .is_some_and(|p| domain::network::may_edit(p, x.organisation_id));
    if !may {
        return Err(AppError::Forbidden);
    }
    Ok(x)
}

pub(super) async fn show(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let x = visible(&state, &viewer, id).await?;
    let names = Names::load(&state, viewer.locale).await?;
    let may_edit = viewer
        .principal
        .as_ref()
        .is_some_and(|p| domain::network::may_edit(p, x.organisation_id));
    render(
        &state,
        &viewer,
        "network/experience.html",
        context! { x => view(&x, &names, &viewer), may_edit },
    )
}

fn input_of(pairs: Vec<(String, String)>) -> (ExperienceInput, Option<String>, Option<i64>) {
    let mut i = ExperienceInput::default();
    let mut organisation = None;
    let mut version = None;
    for (key, value) in pairs {
        match key.as_str() {
            "organisation" => organisation = Some(value),
            "title" => i.title = value,
            "start_year" => i.start_year = value,
            "end_year" => i.end_year = value,
            "countries" if i.countries.len() < 200 => i.countries.push(value),
            "themes" | "sectors" if i.themes.len() < 200 => i.themes.push(value),
            "partners" => i.partners = value,
            "funding" => i.funding = value,
            "budget" => i.budget = value,
            "results" => i.results = value,
            "lessons" => i.lessons = value,
            "sharing" => i.sharing = value,
            "version" => version = value.parse().ok(),
            _ => {}
        }
    }
    (i, organisation, version)
}

fn input_from(x: &Experience, locale: domain::locale::Locale) -> ExperienceInput {
    ExperienceInput {
        title: x.title.clone(),
        start_year: x.start_year.to_string(),
        end_year: x.end_year.map(|y| y.to_string()).unwrap_or_default(),
        countries: x.countries.clone(),
        themes: x.themes.clone(),
        partners: x.partners.clone(),
        funding: x.funding.clone(),
        budget: typed_amount(x.budget_cents, locale),
        results: x.results.clone(),
        lessons: x.lessons.clone(),
        sharing: x.sharing.code().into(),
    }
}

async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    input: &ExperienceInput,
    organisation: Option<&str>,
    errors: &Errors,
    editing: Option<&Experience>,
    conflict: bool,
) -> AppResult {
    let names = Names::load(state, viewer.locale).await?;
    let (macro_areas, sectors) = theme_choices(&names, &input.themes);
    let own: Vec<Value> = own_administrations(state, viewer)
        .await?
        .into_iter()
        .map(|(id, name)| context! { id, name })
        .collect();
    let chosen: Vec<String> = input
        .countries
        .iter()
        .map(|c| c.trim().to_ascii_uppercase())
        .collect();
    let status = if conflict {
        StatusCode::CONFLICT
    } else if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = render(
        state,
        viewer,
        "network/experience_form.html",
        context! {
            form => context! {
                title => input.title, start_year => input.start_year, end_year => input.end_year,
                partners => input.partners, funding => input.funding, budget => input.budget,
                results => input.results, lessons => input.lessons, sharing => input.sharing,
                organisation => organisation.unwrap_or_default(),
            },
            own, macro_areas, sectors,
            countries => country_choices(&chosen, viewer.locale),
            sharings => Sharing::ALL.iter().map(|s| s.code()).collect::<Vec<_>>(),
            errors => field_errors(state, viewer, errors),
            editing => editing.map(|x| context! { id => x.id, version => x.version, title => x.title }),
            conflict,
        },
    );
    with_status(status, page)
}

async fn checked(
    state: &AppState,
    viewer: &Viewer,
    input: &ExperienceInput,
    administration: Uuid,
) -> AppResult<Result<domain::network::experience::ExperienceDraft, Errors>> {
    let known = db::library::theme_codes(&state.db).await?;
    let this_year = chrono::Datelike::year(&crate::tables::today(state));
    let draft = match domain::network::experience::check(
        input,
        |t| known.contains(t),
        this_year,
        viewer.locale,
    ) {
        Ok(d) => d,
        Err(e) => return Ok(Err(e)),
    };
    let Some(p) = viewer.principal.as_ref() else {
        return Err(AppError::Forbidden);
    };
    let mut e = Errors::default();
    if !domain::network::may_share(p, administration, draft.sharing) {
        e.add("sharing", "error-network-public-coordinator");
    }
    Ok(e.into_result(draft))
}

pub(super) async fn new(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let own = own_administrations(&state, &viewer).await?;
    let Some((first, _)) = own.first() else {
        return Err(AppError::Forbidden);
    };
    let input = ExperienceInput {
        sharing: Sharing::Programme.code().into(),
        ..Default::default()
    };
    form_page(
        &state,
        &viewer,
        &input,
        Some(&first.to_string()),
        &Errors::default(),
        None,
        false,
    )
    .await
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let (input, organisation, _) = input_of(pairs);
    let own = own_administrations(&state, &viewer).await?;
    let Some(administration) = chosen_administration(&own, organisation.as_deref()) else {
        let mut e = Errors::default();
        e.add("organisation", "error-unknown-choice");
        return form_page(
            &state,
            &viewer,
            &input,
            organisation.as_deref(),
            &e,
            None,
            false,
        )
        .await;
    };
    let draft = match checked(&state, &viewer, &input, administration).await? {
        Ok(d) => d,
        Err(e) => {
            return form_page(
                &state,
                &viewer,
                &input,
                organisation.as_deref(),
                &e,
                None,
                false,
            )
            .await
        }
    };
    let id =
        db::network::create_experience(&state.db, administration, &draft, viewer.user_id()).await?;
    Ok(see_other(&format!("/network/experiences/{id}")))
}

pub(super) async fn edit(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let x = editable(&state, &viewer, id).await?;
    let input = input_from(&x, viewer.locale);
    form_page(
        &state,
        &viewer,
        &input,
        None,
        &Errors::default(),
        Some(&x),
        false,
    )
    .await
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let x = editable(&state, &viewer, id).await?;
    let (input, _, version) = input_of(pairs);
    let Some(version) = version else {
        return Err(AppError::BadRequest("error-bad-form"));
    };
    let draft = match checked(&state, &viewer, &input, x.organisation_id).await? {
        Ok(d) => d,
        Err(e) => return form_page(&state, &viewer, &input, None, &e, Some(&x), false).await,
    };
    match db::network::update_experience(&state.db, id, version, &draft, viewer.user_id()).await {
        Ok(()) => Ok(see_other(&format!("/network/experiences/{id}"))),
        Err(db::DbError::Conflict) => {
            let mut e = Errors::default();
            e.add("form", "error-network-conflict");
            form_page(&state, &viewer, &input, None, &e, Some(&x), true).await
        }
        Err(other) => Err(other.into()),
    }
}

/// Publishes the experience as a good practice of the library: a document of the kind
/// `good_practice` with the experience's themes and countries, readable by the administration
/// (a private experience) or the programme, with its structured record.
pub(super) async fn publish(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<VersionForm>,
) -> AppResult {
    let x = editable(&state, &viewer, id).await?;
    let version = form
        .version
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::BadRequest("error-bad-form"))?;
    if x.practice_id.is_some() {
        return Err(AppError::InUse("error-network-published"));
    }
    if version != x.version {
        return Err(AppError::Conflict);
    }
    let draft_x = x.draft();
    let period = match x.end_year {
        Some(end) => format!("{}–{end}", x.start_year),
        None => x.start_year.to_string(),
    };
    let names: Vec<String> = x
        .countries
        .iter()
        .map(|c| super::records::country(c, domain::locale::Locale::It))
        .collect();
    let practice = domain::network::experience::practice(
        &draft_x,
        &x.organisation_name,
        &period,
        &names.join(", "),
    );
    let visibility = match x.sharing {
        Sharing::Private => "organisation",
        Sharing::Programme | Sharing::Public => "programme",
    };
    let known = db::library::theme_codes(&state.db).await?;
    let this_year = chrono::Datelike::year(&crate::tables::today(&state));
    let input = domain::library::DraftInput {
        title: x.title.clone(),
        summary: x.results.chars().take(4000).collect(),
        kind: "good_practice".into(),
        language: "it".into(),
        year: x
            .end_year
            .unwrap_or(x.start_year)
            .min(this_year)
            .to_string(),
        visibility: visibility.into(),
        organisation: x.organisation_id.to_string(),
        themes: x.themes.clone(),
        places: x.countries.clone(),
        ..Default::default()
    };
    let draft = domain::library::check(&input, this_year, |t| known.contains(t))
        .map_err(|e| AppError::invalid(&e))?;
    // One change: a second submit (or a change meanwhile) is refused and leaves no document.
    let document =
        db::network::publish_practice(&state.db, id, version, &draft, &practice, viewer.user_id())
            .await?;
    Ok(see_other(&format!("/library/documents/{document}")))
}
