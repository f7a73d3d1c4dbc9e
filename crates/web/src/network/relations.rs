//! An administration's relations with foreign partners: the list a viewer may see (filtered by
//! country, kind and administration), one relation, and the form that records or changes one.
//! Only the administration's coordinator and members change its relations; only its coordinator
//! makes one public.

use super::records::VersionForm;
use super::records::{
    chosen_administration, country, country_choices, euro, network_viewer, own_administrations,
    page_index, theme_choices, themes, typed_amount,
};
use crate::http::{see_other, with_status, AppError, AppResult, Form, Id, Query};
use crate::session::{field_errors, render, Viewer};
use crate::shared::library::Names;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use db::network::{Relation, RelationFilter};
use domain::network::relations::{Kind, Partner, ProjectRole, RelationDraft, RelationInput};
use domain::network::Sharing;
use domain::validation::Errors;
use minijinja::{context, Value};
use serde::Deserialize;
use uuid::Uuid;

#[derive(Deserialize, Default)]
pub(super) struct ListQuery {
    country: Option<String>,
    kind: Option<String>,
    organisation: Option<String>,
    page: Option<String>,
}

/// A relation as a page shows it.
fn view(r: &Relation, names: &Names, viewer: &Viewer) -> Value {
    context! {
        id => r.id, organisation_id => r.organisation_id, organisation => r.organisation_name,
        partner_id => r.partner_id, partner => r.partner_name, kind => r.kind.code(),
        country => country(&r.country, viewer.locale), country_code => r.country,
        start_year => r.start_year, end_year => r.end_year,
        themes => themes(names, &r.themes), contact_name => r.contact_name,
        contact_email => r.contact_email, funding_programme => r.funding_programme,
        project_role => r.project_role.map(|x| x.code()), amount => euro(r.amount_cents, viewer.locale),
        notes => r.notes, sharing => r.sharing.code(), version => r.version,
    }
}

pub(super) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<ListQuery>,
) -> AppResult {
    let v = network_viewer(&state, &viewer).await?;
    let chosen = |x: &Option<String>| {
        x.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
    };
    let country_code = chosen(&q.country).map(|c| c.to_ascii_uppercase());
    let kind = chosen(&q.kind).and_then(|k| Kind::parse(&k));
    let organisation = chosen(&q.organisation).and_then(|o| Uuid::parse_str(&o).ok());
    let page = page_index(q.page.as_deref());
    let filter = RelationFilter {
        organisation,
        country: country_code.clone(),
        kind,
        group: None,
    };
    let (rows, more) = db::network::relations(&state.db, &v, &filter, page).await?;
    let names = Names::load(&state, viewer.locale).await?;
    let administrations: Vec<Value> = db::network::administrations(&state.db)
        .await?
        .into_iter()
        .map(|a| context! { id => a.id, name => a.name })
        .collect();
    let mut base = String::from("/network/relations?");
    for (k, x) in [
        ("country", country_code.clone().unwrap_or_default()),
        (
            "kind",
            kind.map(|k| k.code().to_string()).unwrap_or_default(),
        ),
        (
            "organisation",
            organisation.map(|o| o.to_string()).unwrap_or_default(),
        ),
    ] {
        if !x.is_empty() {
            base.push_str(&format!("{k}={x}&"));
        }
    }
    render(
        &state,
        &viewer,
        "network/relations.html",
        context! {
            rows => rows.iter().map(|r| view(r, &names, &viewer)).collect::<Vec<_>>(),
            kinds => Kind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>(),
            countries => country_choices(&[], viewer.locale),
            administrations,
            chosen => context! {
                country => country_code, kind => kind.map(|k| k.code()),
                organisation => organisation.map(|o| o.to_string()),
            },
            page => page + 1, more, base,
            may_record => !own_administrations(&state, &viewer).await?.is_empty(),
        },
    )
}

/// The relation `id` if the viewer may see it (a relation they may not see does not exist
/// for them).
async fn visible(state: &AppState, viewer: &Viewer, id: Uuid) -> AppResult<Relation> {
    let r = db::network::relation(&state.db, id).await?;
    let v = network_viewer(state, viewer).await?;
    let pooled = db::network::pooled_into(&state.db, id).await?;
    if !v.sees(r.organisation_id, r.sharing, &pooled) {
        return Err(AppError::NotFound);
    }
    Ok(r)
}

/// The relation `id` if the viewer may change it.
async fn editable(state: &AppState, viewer: &Viewer, id: Uuid) -> AppResult<Relation> {
    let r = visible(state, viewer, id).await?;
    let may = viewer
        .principal
        .as_ref()
        .is_some_and(|p| domain::network::may_edit(p, r.organisation_id));
    if !may {
        return Err(AppError::Forbidden);
    }
    Ok(r)
}

pub(super) async fn show(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let r = visible(&state, &viewer, id).await?;
    let names = Names::load(&state, viewer.locale).await?;
    let may_edit = viewer
        .principal
        .as_ref()
        .is_some_and(|p| domain::network::may_edit(p, r.organisation_id));
    let pooled = db::network::pooled_into(&state.db, id).await?;
    let groups: Vec<Value> = db::network::groups(&state.db)
        .await?
        .into_iter()
        .filter(|g| pooled.contains(&g.id))
        .map(|g| context! { id => g.id, name => g.name })
        .collect();
    // Its documents, as far as the viewer's library scope sees them.
    let scope = crate::shared::library::scope(&state, &viewer).await?;
    let attached = attached_ids(&state, id).await?;
    let documents: Vec<Value> = db::library::documents(&state.db, &attached)
        .await?
        .into_iter()
        .filter(|d| scope.sees(d.visibility(), d.owner()))
        .map(|d| context! { id => d.id, title => d.title })
        .collect();
    render(
        &state,
        &viewer,
        "network/relation.html",
        context! { r => view(&r, &names, &viewer), may_edit, groups, documents },
    )
}

/// The form as typed (repeated fields as pairs) and the version it was loaded at.
fn input_of(pairs: Vec<(String, String)>) -> (RelationInput, Option<String>, Option<i64>) {
    let mut i = RelationInput::default();
    let mut organisation = None;
    let mut version = None;
    for (key, value) in pairs {
        match key.as_str() {
            "organisation" => organisation = Some(value),
            "kind" => i.kind = value,
            "country" => i.country = value,
            "partner" => i.partner = value,
            "partner_name" => i.partner_name = value,
            "partner_type" => i.partner_type = value,
            "start_year" => i.start_year = value,
            "end_year" => i.end_year = value,
            "themes" | "sectors" if i.themes.len() < 200 => i.themes.push(value),
            "contact_name" => i.contact_name = value,
            "contact_email" => i.contact_email = value,
            "funding_programme" => i.funding_programme = value,
            "project_role" => i.project_role = value,
            "amount" => i.amount = value,
            "notes" => i.notes = value,
            "documents" if i.documents.len() < 200 => i.documents.push(value),
            "sharing" => i.sharing = value,
            "version" => version = value.parse().ok(),
            _ => {}
        }
    }
    (i, organisation, version)
}

fn input_from(r: &Relation, locale: domain::locale::Locale) -> RelationInput {
    RelationInput {
        kind: r.kind.code().into(),
        country: r.country.clone(),
        partner: r.partner_id.to_string(),
        start_year: r.start_year.to_string(),
        end_year: r.end_year.map(|y| y.to_string()).unwrap_or_default(),
        themes: r.themes.clone(),
        contact_name: r.contact_name.clone(),
        contact_email: r.contact_email.clone(),
        funding_programme: r.funding_programme.clone(),
        project_role: r
            .project_role
            .map(|x| x.code().to_string())
            .unwrap_or_default(),
        amount: typed_amount(r.amount_cents, locale),
        notes: r.notes.clone(),
        sharing: r.sharing.code().into(),
        ..Default::default()
    }
}

/// The form page, new (`editing` none) or changing a relation.
async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    input: &RelationInput,
    organisation: Option<&str>,
    errors: &Errors,
    editing: Option<&Relation>,
    conflict: bool,
) -> AppResult {
    let names = Names::load(state, viewer.locale).await?;
    let (macro_areas, sectors) = theme_choices(&names, &input.themes);
    let partners: Vec<Value> = db::network::foreign_partners(&state.db)
        .await?
        .into_iter()
        .map(|p| {
            let label = format!("{} ({})", p.name, country(&p.country, viewer.locale));
            context! { id => p.id, name => label }
        })
        .collect();
    let own_list = own_administrations(state, viewer).await?;
    // The documents it may attach: the library's documents of its administration that the
    // viewer sees, and those chosen already.
    let administration = editing
        .map(|r| r.organisation_id)
        .or_else(|| organisation.and_then(|o| Uuid::parse_str(o.trim()).ok()))
        .or_else(|| own_list.first().map(|(id, _)| *id));
    let documents = document_choices(state, viewer, administration, &input.documents).await?;
    let own: Vec<Value> = own_list
        .into_iter()
        .map(|(id, name)| context! { id, name })
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
        "network/relation_form.html",
        context! {
            form => context! {
                kind => input.kind, country => input.country.trim().to_ascii_uppercase(), partner => input.partner,
                partner_name => input.partner_name, partner_type => input.partner_type,
                start_year => input.start_year, end_year => input.end_year,
                contact_name => input.contact_name, contact_email => input.contact_email,
                funding_programme => input.funding_programme, project_role => input.project_role,
                amount => input.amount, notes => input.notes, sharing => input.sharing,
                organisation => organisation.unwrap_or_default(),
            },
            own, partners, macro_areas, sectors, documents,
            countries => country_choices(&[], viewer.locale),
            kinds => Kind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>(),
            roles => ProjectRole::ALL.iter().map(|r| r.code()).collect::<Vec<_>>(),
            sharings => Sharing::ALL.iter().map(|s| s.code()).collect::<Vec<_>>(),
            partner_types => domain::organisations::PARTNER_TYPES,
            errors => field_errors(state, viewer, errors),
            editing => editing.map(|r| context! { id => r.id, version => r.version, organisation => r.organisation_name }),
            conflict,
        },
    );
    with_status(status, page)
}

/// The ids of the documents attached to relation `id`.
async fn attached_ids(state: &AppState, id: Uuid) -> AppResult<Vec<Uuid>> {
    Ok(db::network::relation_documents(&state.db, id)
        .await?
        .into_iter()
        .map(|d| d.id)
        .collect())
}

/// The library documents the relation form offers: those of `administration` the viewer sees
/// (the latest hundred) and those `chosen` that the viewer sees, each ticked when chosen.
async fn document_choices(
    state: &AppState,
    viewer: &Viewer,
    administration: Option<Uuid>,
    chosen: &[String],
) -> AppResult<Vec<Value>> {
    let scope = crate::shared::library::scope(state, viewer).await?;
    let mut docs: Vec<(Uuid, String)> = Vec::new();
    if let Some(a) = administration {
        for d in db::library::of_organisation(&state.db, a, 100).await? {
            if scope.sees(d.visibility(), d.owner()) {
                docs.push((d.id, d.title));
            }
        }
    }
    let chosen: Vec<Uuid> = chosen
        .iter()
        .filter_map(|c| Uuid::parse_str(c.trim()).ok())
        .take(domain::network::relations::MAX_DOCUMENTS)
        .collect();
    let others: Vec<Uuid> = chosen
        .iter()
        .copied()
        .filter(|id| !docs.iter().any(|(d, _)| d == id))
        .collect();
    for d in db::library::documents(&state.db, &others).await? {
        if scope.sees(d.visibility(), d.owner()) {
            docs.push((d.id, d.title));
        }
    }
    Ok(docs
        .into_iter()
        .map(|(id, name)| {
            let checked = chosen.contains(&id);
            context! { code => id, name, checked }
        })
        .collect())
}

/// Checks the form against the rules and the registry: the draft and, for a partner typed on
/// the spot, its registry record; or the problems found.
async fn checked(
    state: &AppState,
    viewer: &Viewer,
    input: &RelationInput,
    administration: Uuid,
) -> AppResult<Result<(RelationDraft, Option<domain::organisations::Organisation>), Errors>> {
    let known = db::library::theme_codes(&state.db).await?;
    let this_year = chrono::Datelike::year(&crate::tables::today(state));
    let draft = match domain::network::relations::check(
        input,
        |t| known.contains(t),
        this_year,
        viewer.locale,
    ) {
        Ok(d) => d,
        Err(e) => return Ok(Err(e)),
    };
    let mut e = Errors::default();
    let Some(p) = viewer.principal.as_ref() else {
        return Err(AppError::Forbidden);
    };
    // Only documents the viewer sees may be attached (others are refused as unknown choices).
    let scope = crate::shared::library::scope(state, viewer).await?;
    let seen = db::library::documents(&state.db, &draft.documents)
        .await?
        .into_iter()
        .filter(|d| scope.sees(d.visibility(), d.owner()))
        .count();
    if seen != draft.documents.len() {
        e.add("documents", "error-unknown-choice");
    }
    if !domain::network::may_share(p, administration, draft.sharing) {
        e.add("sharing", "error-network-public-coordinator");
    }
    let new_partner = match &draft.partner {
        Partner::Registry(id) => {
            let found = db::network::organisations(&state.db, &[*id]).await?;
            match found.first() {
                Some(o) if o.category == "foreign_partner" => {
                    if o.country != draft.country
                        && o.partner_type.as_deref() != Some("international")
                    {
                        e.add("country", "error-network-partner-country");
                    }
                }
                _ => e.add("partner", "error-network-partner-foreign"),
            }
            None
        }
        Partner::New { name, partner_type } => {
            let form = domain::organisations::OrganisationForm {
                category: "foreign_partner".into(),
                name: name.clone(),
                country: draft.country.clone(),
                partner_type: partner_type.clone(),
                ..Default::default()
            };
            match domain::organisations::check(&form) {
                Ok(org) => Some(org),
                Err(_) => {
                    e.add("partner_name", "error-network-partner");
                    None
                }
            }
        }
    };
    Ok(e.into_result((draft, new_partner)))
}

pub(super) async fn new(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let own = own_administrations(&state, &viewer).await?;
    let Some((first, _)) = own.first() else {
        return Err(AppError::Forbidden);
    };
    let input = RelationInput {
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
    let (draft, new_partner) = match checked(&state, &viewer, &input, administration).await? {
        Ok(ok) => ok,
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
    let id = db::network::create_relation(
        &state.db,
        administration,
        &draft,
        new_partner.as_ref(),
        viewer.user_id(),
    )
    .await?;
    Ok(see_other(&format!("/network/relations/{id}")))
}

pub(super) async fn edit(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let r = editable(&state, &viewer, id).await?;
    let mut input = input_from(&r, viewer.locale);
    input.documents = db::network::relation_documents(&state.db, id)
        .await?
        .into_iter()
        .map(|d| d.id.to_string())
        .collect();
    form_page(
        &state,
        &viewer,
        &input,
        None,
        &Errors::default(),
        Some(&r),
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
    let r = editable(&state, &viewer, id).await?;
    let (input, _, version) = input_of(pairs);
    let Some(version) = version else {
        return Err(AppError::BadRequest("error-bad-form"));
    };
    let (mut draft, new_partner) = match checked(&state, &viewer, &input, r.organisation_id).await?
    {
        Ok(ok) => ok,
        Err(e) => return form_page(&state, &viewer, &input, None, &e, Some(&r), false).await,
    };
    // Documents attached by people who see them and this editor does not stay attached: the
    // form neither shows nor sends them.
    let scope = crate::shared::library::scope(&state, &viewer).await?;
    let attached = attached_ids(&state, id).await?;
    for d in db::library::documents(&state.db, &attached).await? {
        if !draft.documents.contains(&d.id) && !scope.sees(d.visibility(), d.owner()) {
            draft.documents.push(d.id);
        }
    }
    if draft.documents.len() > domain::network::relations::MAX_DOCUMENTS {
        let mut e = Errors::default();
        e.add("documents", "error-network-too-many");
        return form_page(&state, &viewer, &input, None, &e, Some(&r), false).await;
    }
    if new_partner.is_some() {
        // A relation's partner is changed to one of the registry (a new one is added with a
        // new relation).
        let mut e = Errors::default();
        e.add("partner", "error-network-partner-foreign");
        return form_page(&state, &viewer, &input, None, &e, Some(&r), false).await;
    }
    match db::network::update_relation(&state.db, id, version, &draft, viewer.user_id()).await {
        Ok(()) => Ok(see_other(&format!("/network/relations/{id}"))),
        Err(db::DbError::Conflict) => {
            let mut e = Errors::default();
            e.add("form", "error-network-conflict");
            form_page(&state, &viewer, &input, None, &e, Some(&r), true).await
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn delete(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<VersionForm>,
) -> AppResult {
    let r = editable(&state, &viewer, id).await?;
    let version = form
        .version
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::BadRequest("error-bad-form"))?;
    if version != r.version {
        return Err(AppError::Conflict);
    }
    db::network::delete_relation(&state.db, id, version, viewer.user_id()).await?;
    Ok(see_other(&format!(
        "/network/relations?organisation={}",
        r.organisation_id
    )))
}
