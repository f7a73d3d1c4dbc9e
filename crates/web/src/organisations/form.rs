//! Adding and editing organisations; a stale edit shows both versions and keeps the input.

use super::*;

/// What the form page shows besides the form: the organisation being edited, and on a conflict
/// its current state beside what the user submitted.
pub(super) struct Editing<'a> {
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

pub(super) async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let o = find(&state, id).await?;
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
pub(super) struct Versioned {
    version: i64,
    #[serde(flatten)]
    form: OrganisationForm,
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(submitted): Form<Versioned>,
) -> AppResult {
    let o = find(&state, id).await?;
    let form = &submitted.form;
    let org = match validate(&state, form).await? {
        Ok(org) => org,
        Err(errors) => {
            let editing = Editing {
                current: &o,
                version: submitted.version,
                conflict: None,
            };
            return crate::http::with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                form_page(&state, &viewer, form, &errors, Some(editing)),
            );
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
            crate::http::with_status(
                StatusCode::CONFLICT,
                form_page(&state, &viewer, form, &Errors::default(), Some(editing)),
            )
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
            crate::http::with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                form_page(&state, &viewer, form, &errors, Some(editing)),
            )
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn create_form(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let form = OrganisationForm {
        category: "italian_pa".into(),
        ..Default::default()
    };
    form_page(&state, &viewer, &form, &Errors::default(), None)
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<OrganisationForm>,
) -> AppResult {
    let invalid = |errors: &Errors| {
        crate::http::with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            form_page(&state, &viewer, &form, errors, None),
        )
    };
    let org = match validate(&state, &form).await? {
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

/// The form's own rules, then the ISTAT list's word on the codes (when the list is loaded).
async fn validate(
    state: &AppState,
    form: &OrganisationForm,
) -> AppResult<Result<rules::Organisation, Errors>> {
    let org = match rules::check(form) {
        Ok(org) => org,
        Err(errors) => return Ok(Err(errors)),
    };
    let Some(code) = org.istat_code.as_deref() else {
        return Ok(Ok(org));
    };
    let loaded = db::organisations::count_municipalities(&state.db).await? > 0;
    let place = if loaded {
        db::organisations::istat_place(&state.db, code).await?
    } else {
        None
    };
    let errors = rules::cross_check(&org, place.as_ref(), loaded);
    Ok(if errors.is_empty() {
        Ok(org)
    } else {
        Err(errors)
    })
}
