//! The organisations registry: list with filters (updated live with htmx), organisation page,
//! workspace (members; products come with their own feature), municipality search, new entry.

use crate::http::{is_htmx, see_other, AppError, AppResult, Form, Query};
use crate::routes::{route, Route};
use crate::session::{field_errors, render, Viewer};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::IntoResponse;
use db::organisations::Stored;
use domain::locale::Locale;
use domain::organisations::{
    self as rules, countries, Category, OrganisationForm, PaKind, PAGE_SIZE,
};
use domain::roles::{Role, SpaceKind};
use domain::validation::Errors;
use minijinja::{context, Value};
use serde::Deserialize;
use uuid::Uuid;

/// The registry routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/organisations", "organisations.list", list),
        route(
            Method::GET,
            "/organisations.csv",
            "organisations.export",
            export_csv,
        ),
        route(
            Method::GET,
            "/organisations/{id}",
            "organisations.show",
            show,
        ),
        route(
            Method::GET,
            "/organisations/{id}/workspace",
            "organisations.workspace",
            workspace,
        ),
        route(
            Method::POST,
            "/organisations/{id}/invitations",
            "organisations.invite",
            invite,
        ),
        route(
            Method::GET,
            "/municipalities",
            "organisations.municipalities",
            municipalities,
        ),
        route(
            Method::GET,
            "/admin/organisations/new",
            "organisations.create_form",
            create_form,
        ),
        route(
            Method::POST,
            "/admin/organisations",
            "organisations.create",
            create,
        ),
        route(
            Method::GET,
            "/admin/organisations/{id}/edit",
            "organisations.edit_form",
            edit_form,
        ),
        route(
            Method::POST,
            "/admin/organisations/{id}",
            "organisations.update",
            update,
        ),
    ]
}

fn region_name(code: Option<&str>) -> Option<&'static str> {
    code.and_then(|c| {
        rules::REGIONS
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, n)| *n)
    })
}

fn view(o: &Stored, locale: Locale) -> Value {
    context! {
        id => o.id, org => o.data, region => region_name(o.data.region_code.as_deref()),
        country_name => countries::name(&o.data.country, locale),
    }
}

#[derive(Deserialize, Default)]
struct Filter {
    category: Option<String>,
    q: Option<String>,
    page: Option<i64>,
}

impl Filter {
    /// The category, if it is a known one, and the search text, trimmed and bounded.
    fn parsed(&self) -> (Option<Category>, Option<String>) {
        let category = self.category.as_deref().and_then(Category::parse);
        let text = self
            .q
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(|q| q.chars().take(100).collect::<String>());
        (category, text)
    }
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(f): Query<Filter>,
) -> AppResult {
    let (category, text) = f.parsed();
    let page = f.page.unwrap_or(1).clamp(1, 100_000);
    let (orgs, total) = db::organisations::search(
        &state.db,
        category.map(Category::code),
        text.as_deref(),
        PAGE_SIZE,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let rows: Vec<Value> = orgs.iter().map(|o| view(o, viewer.locale)).collect();
    let pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
    let ctx = context! {
        rows, page, pages, total => viewer.locale.integer(total), category => category.map(Category::code),
        q => text.clone().unwrap_or_default(), categories => Category::ALL,
    };
    let template = if is_htmx(&headers) {
        "organisations/table.html"
    } else {
        "organisations/list.html"
    };
    render(&state, &viewer, template, ctx)
}

/// The registry (with the list's filters) as a CSV file.
async fn export_csv(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(f): Query<Filter>,
) -> AppResult {
    let (category, text) = f.parsed();
    let (orgs, _) = db::organisations::search(
        &state.db,
        category.map(Category::code),
        text.as_deref(),
        100_000,
        0,
    )
    .await?;
    let t = |k: &str| state.i18n.t(viewer.locale, k);
    let header = [
        t("field-name"),
        t("field-category"),
        t("field-kind"),
        t("field-region"),
        t("field-country"),
        t("field-istat-code"),
        t("field-ipa-code"),
        t("field-tax-code"),
        t("field-website"),
    ];
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows = orgs.iter().map(|o| {
        let d = &o.data;
        let kind = d
            .pa_kind
            .map(|k| t(&format!("pa-kind-{}", k.code())))
            .or_else(|| {
                d.partner_type
                    .as_ref()
                    .map(|p| t(&format!("partner-type-{p}")))
            })
            .or_else(|| {
                d.actor_sector
                    .as_ref()
                    .map(|a| t(&format!("actor-sector-{a}")))
            })
            .unwrap_or_default();
        vec![
            d.name.clone(),
            t(&format!("category-{}", d.category.code())),
            kind,
            region_name(d.region_code.as_deref())
                .unwrap_or_default()
                .to_string(),
            d.country.clone(),
            d.istat_code.clone().unwrap_or_default(),
            d.ipa_code.clone().unwrap_or_default(),
            d.tax_code.clone().unwrap_or_default(),
            d.website.clone().unwrap_or_default(),
        ]
    });
    let bytes = export::csv_table(&header, rows).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                axum::http::header::CONTENT_DISPOSITION,
                "attachment; filename=\"organisations.csv\"",
            ),
        ],
        bytes,
    )
        .into_response())
}

async fn find(state: &AppState, id: &str) -> AppResult<Stored> {
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    Ok(db::organisations::get(&state.db, id).await?)
}

async fn show(State(state): State<AppState>, viewer: Viewer, Path(id): Path<String>) -> AppResult {
    let o = find(&state, &id).await?;
    let may_open_workspace = viewer.may("organisations.workspace", Some(o.id));
    let may_edit = viewer.may("organisations.edit_form", None);
    render(
        &state,
        &viewer,
        "organisations/show.html",
        context! { o => view(&o, viewer.locale), may_open_workspace, may_edit },
    )
}

/// Roles a person may invite into this workspace, for the form.
fn invitable_roles(viewer: &Viewer, organisation: Uuid) -> Vec<Role> {
    let principal = viewer.principal.clone().unwrap_or_default();
    Role::ALL
        .into_iter()
        .filter(|r| r.space_kind() == SpaceKind::Organisation)
        .filter(|r| domain::accounts::may_invite(&principal, *r, Some(organisation)))
        .collect()
}

async fn workspace_page(
    state: &AppState,
    viewer: &Viewer,
    o: &Stored,
    errors: &Errors,
    email: &str,
    done: Option<&str>,
) -> AppResult {
    let people: Vec<Value> = db::accounts::organisation_people(&state.db, o.id)
        .await?
        .into_iter()
        .map(|(name, email, role)| context! { name, email, role })
        .collect();
    render(
        state,
        viewer,
        "organisations/workspace.html",
        context! {
            o => view(o, viewer.locale), people, roles => invitable_roles(viewer, o.id), email,
            errors => field_errors(state, viewer, errors), invited => done == Some("invited"),
        },
    )
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

async fn workspace(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Query(q): Query<Done>,
) -> AppResult {
    let o = find(&state, &id).await?;
    workspace_page(
        &state,
        &viewer,
        &o,
        &Errors::default(),
        "",
        q.done.as_deref(),
    )
    .await
}

#[derive(Deserialize)]
struct MemberInvitation {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

/// A coordinator (or staff) invites someone into the workspace.
async fn invite(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<MemberInvitation>,
) -> AppResult {
    let o = find(&state, &id).await?;
    let invitation = match domain::accounts::check_invitation(&form.email, &form.role, true) {
        Ok(i) if invitable_roles(&viewer, o.id).contains(&i.role) => i,
        Ok(_) => {
            let mut errors = Errors::default();
            errors.add("role", "error-unknown-choice");
            return unprocessable(
                workspace_page(&state, &viewer, &o, &errors, &form.email, None).await,
            );
        }
        Err(errors) => {
            return unprocessable(
                workspace_page(&state, &viewer, &o, &errors, &form.email, None).await,
            )
        }
    };
    crate::accounts::send_invitation(&state, &viewer, &invitation, Some(o.id)).await?;
    Ok(see_other(&format!(
        "/organisations/{}/workspace?done=invited",
        o.id
    )))
}

fn unprocessable(page: AppResult) -> AppResult {
    page.map(|mut r| {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        r
    })
}

#[derive(Deserialize)]
struct MunicipalityQuery {
    q: Option<String>,
}

async fn municipalities(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(f): Query<MunicipalityQuery>,
) -> AppResult {
    let q: String = f.q.unwrap_or_default().trim().chars().take(60).collect();
    let found = if q.chars().count() >= 2 {
        db::organisations::find_municipalities(&state.db, &q, 20).await?
    } else {
        Vec::new()
    };
    let count = db::organisations::count_municipalities(&state.db).await?;
    let ctx =
        context! { q, found, count => viewer.locale.integer(count), searched => !q.is_empty() };
    let template = if is_htmx(&headers) {
        "organisations/municipalities_results.html"
    } else {
        "organisations/municipalities.html"
    };
    render(&state, &viewer, template, ctx)
}

/// What the form page shows besides the form: the organisation being edited, and on a conflict
/// its current state beside what the user submitted.
struct Editing<'a> {
    current: &'a Stored,
    version: i64,
    conflict: Option<Value>,
}

fn form_page(
    state: &AppState,
    viewer: &Viewer,
    form: &OrganisationForm,
    errors: &Errors,
    editing: Option<Editing<'_>>,
) -> AppResult {
    let map = field_errors(state, viewer, errors);
    let countries: Vec<Value> = countries::programme_countries()
        .map(|c| context! { code => c, name => countries::name(c, viewer.locale) })
        .collect();
    let heading = match &editing {
        Some(e) => state.i18n.message(
            viewer.locale,
            "organisation-edit",
            &[("name", e.current.data.name.clone().into())],
        ),
        None => state.i18n.t(viewer.locale, "organisation-new"),
    };
    render(
        state,
        viewer,
        "organisations/form.html",
        context! {
            form => context! {
                category => form.category, name => form.name, pa_kind => form.pa_kind, istat_code => form.istat_code,
                ipa_code => form.ipa_code, tax_code => form.tax_code, region_code => form.region_code, province_code => form.province_code, country => form.country,
                partner_type => form.partner_type, actor_sector => form.actor_sector, actor_public => form.actor_public,
                website => form.website,
            },
            heading,
            current => editing.as_ref().map(|e| view(e.current, viewer.locale)),
            version => editing.as_ref().map(|e| e.version),
            conflict => editing.and_then(|e| e.conflict),
            errors => map, categories => Category::ALL, pa_kinds => PaKind::ALL, regions => rules::REGIONS,
            partner_types => rules::PARTNER_TYPES, actor_sectors => rules::ACTOR_SECTORS, countries,
        },
    )
}

/// The fields of a form as the conflict view shows them, keyed like the `field-*` messages.
fn readable(
    state: &AppState,
    locale: Locale,
    f: &OrganisationForm,
) -> std::collections::BTreeMap<&'static str, String> {
    let t = |prefix: &str, code: &str| {
        if code.is_empty() {
            String::new()
        } else {
            state.i18n.t(locale, &format!("{prefix}{code}"))
        }
    };
    std::collections::BTreeMap::from([
        ("name", f.name.trim().to_string()),
        ("category", t("category-", f.category.trim())),
        ("kind", t("pa-kind-", f.pa_kind.trim())),
        (
            "region",
            region_name(Some(f.region_code.trim()))
                .unwrap_or_default()
                .to_string(),
        ),
        ("province", f.province_code.trim().to_ascii_uppercase()),
        ("istat-code", f.istat_code.trim().to_string()),
        ("ipa-code", f.ipa_code.trim().to_string()),
        ("tax-code", f.tax_code.trim().to_string()),
        ("country", f.country.trim().to_string()),
        ("partner-type", t("partner-type-", f.partner_type.trim())),
        ("actor-sector", t("actor-sector-", f.actor_sector.trim())),
        ("website", f.website.trim().to_string()),
    ])
}

async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> AppResult {
    let o = find(&state, &id).await?;
    let form = OrganisationForm::from(&o.data);
    form_page(
        &state,
        &viewer,
        &form,
        &Errors::default(),
        Some(Editing {
            current: &o,
            version: o.version,
            conflict: None,
        }),
    )
}

#[derive(Deserialize)]
struct Versioned {
    version: i64,
    #[serde(flatten)]
    form: OrganisationForm,
}

async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(submitted): Form<Versioned>,
) -> AppResult {
    let o = find(&state, &id).await?;
    let form = &submitted.form;
    let org = match rules::check(form) {
        Ok(org) => org,
        Err(errors) => {
            let editing = Editing {
                current: &o,
                version: submitted.version,
                conflict: None,
            };
            return unprocessable(form_page(&state, &viewer, form, &errors, Some(editing)));
        }
    };
    match db::organisations::update(&state.db, o.id, submitted.version, &org, viewer.user_id())
        .await
    {
        Ok(()) => Ok(see_other(&format!("/organisations/{}", o.id))),
        Err(db::DbError::Conflict) => {
            // Someone saved in between: show both versions; the form keeps what this person typed
            // and carries the current version, so saving again is a deliberate choice.
            let latest = db::organisations::get(&state.db, o.id).await?;
            let conflict = context! {
                current => readable(&state, viewer.locale, &OrganisationForm::from(&latest.data)),
                yours => readable(&state, viewer.locale, form),
            };
            let editing = Editing {
                current: &latest,
                version: latest.version,
                conflict: Some(conflict),
            };
            form_page(&state, &viewer, form, &Errors::default(), Some(editing)).map(|mut r| {
                *r.status_mut() = StatusCode::CONFLICT;
                r
            })
        }
        Err(db::DbError::Duplicate) => {
            let mut errors = Errors::default();
            errors.add(
                if org.tax_code.is_some() {
                    "tax_code"
                } else {
                    "ipa_code"
                },
                "error-organisation-exists",
            );
            let editing = Editing {
                current: &o,
                version: submitted.version,
                conflict: None,
            };
            unprocessable(form_page(&state, &viewer, form, &errors, Some(editing)))
        }
        Err(e) => Err(e.into()),
    }
}

async fn create_form(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let form = OrganisationForm {
        category: "italian_pa".into(),
        ..Default::default()
    };
    form_page(&state, &viewer, &form, &Errors::default(), None)
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<OrganisationForm>,
) -> AppResult {
    let invalid = |errors: &Errors| unprocessable(form_page(&state, &viewer, &form, errors, None));
    let org = match rules::check(&form) {
        Ok(o) => o,
        Err(errors) => return invalid(&errors),
    };
    match db::organisations::create(&state.db, &org, viewer.user_id()).await {
        Ok(id) => Ok(see_other(&format!("/organisations/{id}"))),
        Err(db::DbError::Duplicate) => {
            let mut errors = Errors::default();
            errors.add(
                if org.tax_code.is_some() {
                    "tax_code"
                } else {
                    "ipa_code"
                },
                "error-organisation-exists",
            );
            invalid(&errors)
        }
        Err(e) => Err(e.into()),
    }
}
