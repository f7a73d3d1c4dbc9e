//! A group's joint initiatives: the form that adds one (the group's people), its page with its
//! partners, linked products and the moves of its state, and the form that moves it (forward
//! along its life, or back with the reason written down).

use super::records::{countries, country, country_choices, euro};
use crate::http::{see_other, with_status, AppError, AppResult, Form, Id};
use crate::session::{field_errors, render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use domain::network::groups as rules;
use domain::network::initiatives::{self as life, Facts, InitiativeInput, State as Step};
use domain::validation::Errors;
use minijinja::{context, Value};
use serde::Deserialize;
use uuid::Uuid;

/// The group's member administrations, if the viewer works in the group.
async fn working(state: &AppState, viewer: &Viewer, group: Uuid) -> AppResult<Vec<Uuid>> {
    db::network::group(&state.db, group).await?;
    let members: Vec<Uuid> = db::network::members(&state.db, &[group])
        .await?
        .into_iter()
        .map(|m| m.organisation_id)
        .collect();
    if !viewer
        .principal
        .as_ref()
        .is_some_and(|p| rules::works_in(p, &members))
    {
        return Err(AppError::Forbidden);
    }
    Ok(members)
}

/// The products of the group's `members` that `viewer` may read (`products.show`): the only
/// ones an initiative form offers and accepts.
async fn readable_products(
    state: &AppState,
    viewer: &Viewer,
    members: &[Uuid],
) -> AppResult<Vec<db::network::ProductChoice>> {
    Ok(db::network::products_of(&state.db, members)
        .await?
        .into_iter()
        .filter(|p| viewer.may("products.show", Some(p.organisation_id)))
        .collect())
}

fn input_of(pairs: Vec<(String, String)>) -> InitiativeInput {
    let mut i = InitiativeInput::default();
    for (key, value) in pairs {
        match key.as_str() {
            "title" => i.title = value,
            "summary" => i.summary = value,
            "lead" => i.lead = value,
            "partners" if i.partners.len() < 200 => i.partners.push(value),
            "countries" if i.countries.len() < 200 => i.countries.push(value),
            "call_name" => i.call_name = value,
            "call_deadline" => i.call_deadline = value,
            "budget" => i.budget = value,
            "products" if i.products.len() < 200 => i.products.push(value),
            _ => {}
        }
    }
    i
}

/// The form that adds an initiative to `group`, or edits initiative `editing` (its id, the
/// version the form was read at and its saved title).
#[allow(clippy::too_many_arguments)]
async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    group: Uuid,
    members: &[Uuid],
    input: &InitiativeInput,
    errors: &Errors,
    editing: Option<(Uuid, i64, &str)>,
) -> AppResult {
    let g = db::network::group(&state.db, group).await?;
    let member_rows = db::network::members(&state.db, &[group]).await?;
    let leads: Vec<Value> = member_rows
        .iter()
        .map(|m| context! { id => m.organisation_id, name => m.name })
        .collect();
    let mut partners: Vec<Value> = db::network::administrations(&state.db)
        .await?
        .into_iter()
        .map(|a| {
            let checked = input.partners.contains(&a.id.to_string());
            context! { code => a.id, name => a.name, checked }
        })
        .collect();
    partners.extend(
        db::network::foreign_partners(&state.db)
            .await?
            .into_iter()
            .map(|p| {
                let checked = input.partners.contains(&p.id.to_string());
                let name = format!("{} ({})", p.name, country(&p.country, viewer.locale));
                context! { code => p.id, name, checked }
            }),
    );
    let products: Vec<Value> = readable_products(state, viewer, members)
        .await?
        .into_iter()
        .map(|p| {
            let checked = input.products.contains(&p.id.to_string());
            context! { code => p.id, name => p.title, checked }
        })
        .collect();
    let chosen: Vec<String> = if input.countries.is_empty() {
        g.countries.clone()
    } else {
        input
            .countries
            .iter()
            .map(|c| c.trim().to_ascii_uppercase())
            .collect()
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else if errors
        .0
        .iter()
        .any(|e| e.message == "error-network-conflict")
    {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let editing = editing.map(|(id, version, title)| context! { id, version, title });
    let page = render(
        state,
        viewer,
        "network/initiative_form.html",
        context! {
            group => context! { id => g.id, name => g.name },
            form => context! {
                title => input.title, summary => input.summary, lead => input.lead,
                call_name => input.call_name, call_deadline => input.call_deadline, budget => input.budget,
            },
            leads, partners, products, editing,
            countries => country_choices(&chosen, viewer.locale),
            errors => field_errors(state, viewer, errors),
        },
    );
    with_status(status, page)
}

pub(super) async fn new(State(state): State<AppState>, viewer: Viewer, Id(group): Id) -> AppResult {
    let members = working(&state, &viewer, group).await?;
    let lead = members
        .iter()
        .find(|m| {
            viewer
                .principal
                .as_ref()
                .is_some_and(|p| domain::network::may_edit(p, **m))
        })
        .map(|m| m.to_string())
        .unwrap_or_default();
    let input = InitiativeInput {
        lead,
        ..Default::default()
    };
    form_page(
        &state,
        &viewer,
        group,
        &members,
        &input,
        &Errors::default(),
        None,
    )
    .await
}

/// Checks a submitted initiative form: the rules of `domain::network::initiatives`, then a lead
/// among the group's `members`, partners that are Italian administrations or foreign partners,
/// and linked products the viewer may read.
async fn checked(
    state: &AppState,
    viewer: &Viewer,
    members: &[Uuid],
    input: &InitiativeInput,
) -> AppResult<Result<life::InitiativeDraft, Errors>> {
    let draft = match life::check(input, viewer.locale) {
        Ok(d) => d,
        Err(e) => return Ok(Err(e)),
    };
    let mut e = Errors::default();
    if !members.contains(&draft.lead) {
        e.add("lead", "error-network-initiative-lead");
    }
    let found = db::network::organisations(&state.db, &draft.partners).await?;
    if found.len() != draft.partners.len()
        || found
            .iter()
            .any(|o| o.category != "italian_pa" && o.category != "foreign_partner")
    {
        e.add("partners", "error-network-initiative-partner");
    }
    // Only products the viewer may read can be linked: others are refused as unknown choices.
    let products = readable_products(state, viewer, members).await?;
    if draft
        .products
        .iter()
        .any(|p| !products.iter().any(|x| x.id == *p))
    {
        e.add("products", "error-network-initiative-product");
    }
    Ok(if e.is_empty() { Ok(draft) } else { Err(e) })
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(group): Id,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let members = working(&state, &viewer, group).await?;
    let input = input_of(pairs);
    let draft = match checked(&state, &viewer, &members, &input).await? {
        Ok(d) => d,
        Err(e) => return form_page(&state, &viewer, group, &members, &input, &e, None).await,
    };
    let today = crate::tables::today(&state);
    let id =
        db::network::create_initiative(&state.db, group, &draft, today, viewer.user_id()).await?;
    Ok(see_other(&format!("/network/initiatives/{id}")))
}

/// The form of an initiative as saved: what its edit form starts from.
async fn saved_input(
    state: &AppState,
    viewer: &Viewer,
    i: &db::network::Initiative,
) -> AppResult<InitiativeInput> {
    let partners = db::network::initiative_partners(&state.db, &[i.id]).await?;
    let products = db::network::initiative_products(&state.db, &[i.id]).await?;
    Ok(InitiativeInput {
        title: i.title.clone(),
        summary: i.summary.clone(),
        lead: i.lead_id.to_string(),
        partners: partners
            .iter()
            .map(|p| p.organisation_id.to_string())
            .collect(),
        countries: i.countries.clone(),
        call_name: i.call_name.clone(),
        call_deadline: i.call_deadline.map(|d| d.to_string()).unwrap_or_default(),
        budget: i
            .budget_cents
            .map(|c| {
                domain::products::budget::money::format_amount(
                    c,
                    domain::products::budget::money::Currency::Eur,
                    viewer.locale,
                )
            })
            .unwrap_or_default(),
        products: products
            .iter()
            .filter(|p| viewer.may("products.show", Some(p.organisation_id)))
            .map(|p| p.product_id.to_string())
            .collect(),
    })
}

pub(super) async fn edit(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let i = db::network::initiative(&state.db, id).await?;
    let members = working(&state, &viewer, i.group_id).await?;
    let input = saved_input(&state, &viewer, &i).await?;
    let editing = Some((i.id, i.version, i.title.as_str()));
    let no_errors = Errors::default();
    form_page(
        &state, &viewer, i.group_id, &members, &input, &no_errors, editing,
    )
    .await
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let i = db::network::initiative(&state.db, id).await?;
    let members = working(&state, &viewer, i.group_id).await?;
    let sent = pairs.iter().find(|(k, _)| k == "version");
    let version = crate::http::version_of(sent.map_or("", |(_, v)| v.as_str()))?;
    let input = input_of(pairs);
    let group = i.group_id;
    let mut draft = match checked(&state, &viewer, &members, &input).await? {
        Ok(d) if life::keeps_call(i.state) && d.call_name.is_empty() => {
            let mut e = Errors::default();
            e.add("call_name", "error-network-initiative-keep-call");
            let editing = Some((id, version, i.title.as_str()));
            return form_page(&state, &viewer, group, &members, &input, &e, editing).await;
        }
        Ok(d) => d,
        Err(e) => {
            let editing = Some((id, version, i.title.as_str()));
            return form_page(&state, &viewer, group, &members, &input, &e, editing).await;
        }
    };
    // Linked products the form does not offer stay linked: those this viewer may not read, and
    // those of an administration that has since left the group. The form neither shows nor
    // sends them.
    let offered = readable_products(&state, &viewer, &members).await?;
    for p in db::network::initiative_products(&state.db, &[id]).await? {
        let shown = offered.iter().any(|o| o.id == p.product_id);
        if !shown && !draft.products.contains(&p.product_id) {
            draft.products.push(p.product_id);
        }
    }
    match db::network::update_initiative(&state.db, id, version, &draft, viewer.user_id()).await {
        Ok(()) => Ok(see_other(&format!("/network/initiatives/{id}"))),
        Err(db::DbError::Conflict) => {
            // Saved by someone else meanwhile: the form keeps what was typed, at the version now
            // saved, and says so.
            let latest = db::network::initiative(&state.db, id).await?;
            let mut e = Errors::default();
            e.add("form", "error-network-conflict");
            let editing = Some((id, latest.version, latest.title.as_str()));
            form_page(&state, &viewer, group, &members, &input, &e, editing).await
        }
        Err(other) => Err(other.into()),
    }
}

/// The initiative page; `errors` of the move form, with what was typed.
async fn page(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
    errors: &Errors,
    typed: Value,
) -> AppResult {
    let i = db::network::initiative(&state.db, id).await?;
    let g = db::network::group(&state.db, i.group_id).await?;
    let members: Vec<Uuid> = db::network::members(&state.db, &[g.id])
        .await?
        .into_iter()
        .map(|m| m.organisation_id)
        .collect();
    let works_in = viewer
        .principal
        .as_ref()
        .is_some_and(|p| rules::works_in(p, &members));
    let partners = db::network::initiative_partners(&state.db, &[id]).await?;
    // The linked products listed are only those the viewer may read.
    let products: Vec<_> = db::network::initiative_products(&state.db, &[id])
        .await?
        .into_iter()
        .filter(|p| viewer.may("products.show", Some(p.organisation_id)))
        .collect();
    let events = db::network::events(&state.db, &[id]).await?;
    let moves: Vec<&str> = i
        .state
        .next()
        .iter()
        .chain(i.state.back().iter())
        .map(|s| s.code())
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = render(
        state,
        viewer,
        "network/initiative.html",
        context! {
            i => context! {
                id => i.id, title => i.title, summary => i.summary, state => i.state,
                state_on => viewer.locale.date(i.state_on), lead => i.lead_name, lead_id => i.lead_id,
                countries => countries(&i.countries, viewer.locale), call_name => i.call_name,
                call_deadline => i.call_deadline.map(|d| viewer.locale.date(d)),
                call_deadline_iso => i.call_deadline.map(|d| d.to_string()),
                budget => euro(i.budget_cents, viewer.locale), version => i.version,
            },
            group => context! { id => g.id, name => g.name },
            partners => partners.iter().map(|p| context! {
                name => p.name, foreign => p.category == "foreign_partner", country => country(&p.country, viewer.locale),
            }).collect::<Vec<_>>(),
            products => products.iter().map(|p| context! {
                id => p.product_id, title => p.title, kind => p.kind, organisation => p.organisation_id,
            }).collect::<Vec<_>>(),
            events => events.iter().map(|e| context! {
                date => viewer.locale.date(e.on_date), iso => e.on_date.to_string(), from => e.from_state, to => e.to_state, reason => e.reason,
            }).collect::<Vec<_>>(),
            forward => i.state.next().iter().map(|s| s.code()).collect::<Vec<_>>(),
            moves, works_in,
            today => crate::tables::today(state).to_string(),
            typed,
            errors => field_errors(state, viewer, errors),
        },
    );
    with_status(status, page)
}

pub(super) async fn show(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    page(
        &state,
        &viewer,
        id,
        &Errors::default(),
        context! { to => "", on => "", reason => "" },
    )
    .await
}

/// The form that moves an initiative's state.
#[derive(Deserialize)]
pub(super) struct MoveForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    on: String,
    #[serde(default)]
    reason: String,
}

pub(super) async fn move_state(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<MoveForm>,
) -> AppResult {
    let i = db::network::initiative(&state.db, id).await?;
    working(&state, &viewer, i.group_id).await?;
    let get = |k: &str| match k {
        "to" => form.to.clone(),
        "on" => form.on.clone(),
        _ => form.reason.clone(),
    };
    let typed = context! { to => form.to, on => form.on, reason => form.reason };
    let version = form
        .version
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let mut e = Errors::default();
    domain::validation::optional_line(&mut e, "reason", &form.reason, life::MAX_REASON);
    // A reason is one line: a line break typed at its end is refused too, not trimmed away.
    if e.is_empty() && form.reason.contains(['\n', '\r']) {
        e.add("reason", "error-line-break");
    }
    if !e.is_empty() {
        return page(&state, &viewer, id, &e, typed).await;
    }
    let Some(to) = Step::parse(get("to").trim()) else {
        e.add("to", "error-unknown-choice");
        return page(&state, &viewer, id, &e, typed).await;
    };
    let today = crate::tables::today(&state);
    let on = if get("on").trim().is_empty() {
        Some(today)
    } else {
        domain::validation::optional_date(&mut e, "on", &get("on"))
    };
    let Some(on) = on else {
        return page(&state, &viewer, id, &e, typed).await;
    };
    let facts = Facts {
        since: Some(i.state_on),
        has_call: !i.call_name.is_empty(),
    };
    let mv = match life::transition(i.state, to, on, &get("reason"), facts, today) {
        Ok(mv) => mv,
        Err(message) => {
            let field = match message {
                "error-network-initiative-reason" | "error-too-long" => "reason",
                "error-network-initiative-future" | "error-network-initiative-before" => "on",
                _ => "to",
            };
            e.add(field, message);
            return page(&state, &viewer, id, &e, typed).await;
        }
    };
    match db::network::move_initiative(&state.db, id, version, &mv, viewer.user_id()).await {
        Ok(()) => Ok(see_other(&format!("/network/initiatives/{id}"))),
        Err(db::DbError::Conflict) => {
            e.add("to", "error-network-conflict");
            with_status(
                StatusCode::CONFLICT,
                page(&state, &viewer, id, &e, typed).await,
            )
        }
        Err(other) => Err(other.into()),
    }
}
