//! The person's own profile: name, languages, competences, roles, password.

use super::*;

pub(super) async fn profile_page(
    state: &AppState,
    viewer: &Viewer,
    errors: &Errors,
    draft: Option<(String, Vec<String>, String)>,
    done: Option<String>,
) -> AppResult {
    let user_id = viewer.user_id().ok_or(AppError::Forbidden)?;
    let user = db::accounts::user(&state.db, user_id).await?;
    let principal = viewer.principal.clone().unwrap_or_default();
    let organisations = db::organisations::by_ids(&state.db, &principal.organisations()).await?;
    let roles: Vec<_> = principal
        .grants
        .iter()
        .map(|g| {
            let org = g
                .space_id
                .and_then(|id| organisations.iter().find(|o| o.id == id))
                .map(|o| o.data.name.clone());
            context! { role => g.role, organisation => org }
        })
        .collect();
    let (name, languages, competences) = draft.unwrap_or_else(|| {
        (
            user.name.clone(),
            user.languages.clone(),
            user.competences.join(", "),
        )
    });
    render(
        state,
        viewer,
        "accounts/profile.html",
        context! {
            account => user, name, chosen_languages => languages, competences, roles, organisations,
            spoken => rules::SPOKEN_LANGUAGES, errors => field_errors(state, viewer, errors), done,
        },
    )
}

pub(super) async fn profile(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<Feedback>,
) -> AppResult {
    profile_page(
        &state,
        &viewer,
        &Errors::default(),
        None,
        done_key(q.done.as_deref()),
    )
    .await
}

pub(super) async fn profile_update(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let user_id = viewer.user_id().ok_or(AppError::Forbidden)?;
    let field = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let languages: Vec<String> = pairs
        .iter()
        .filter(|(n, _)| n == "languages")
        .map(|(_, v)| v.clone())
        .collect();
    let version: i64 = field("version")
        .parse()
        .map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let draft = (field("name"), languages.clone(), field("competences"));
    match rules::check_profile(&draft.0, &languages, &draft.2) {
        Err(errors) => crate::http::with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            profile_page(&state, &viewer, &errors, Some(draft), None).await,
        ),
        Ok(valid) => {
            match db::accounts::update_profile(&state.db, user_id, version, &valid).await {
                Ok(()) => Ok(see_other("/profile?done=profile")),
                Err(db::DbError::Conflict) => {
                    let mut errors = Errors::default();
                    errors.add("form", "error-conflict");
                    let page = profile_page(&state, &viewer, &errors, Some(draft), None).await;
                    crate::http::with_status(StatusCode::CONFLICT, page)
                }
                Err(e) => Err(e.into()),
            }
        }
    }
}

#[derive(Deserialize)]
pub(super) struct PasswordChange {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirmation: String,
}

pub(super) async fn password_change(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Peer(connect): Peer,
    Form(form): Form<PasswordChange>,
) -> AppResult {
    let user_id = viewer.user_id().ok_or(AppError::Forbidden)?;
    let user = db::accounts::user(&state.db, user_id).await?;
    let stored = db::accounts::credentials(&state.db, &user.email)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut errors = Errors::default();
    if !password::verify_blocking(form.current_password.clone(), stored.password_hash).await {
        errors.add("current_password", "error-password-wrong");
    }
    rules::check_new_password(&mut errors, &form.password, &form.password_confirmation);
    if !errors.is_empty() {
        return crate::http::with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            profile_page(&state, &viewer, &errors, None, None).await,
        );
    }
    let hash = password::hash_blocking(form.password)
        .await
        .map_err(AppError::Internal)?;
    // Every session ends, this one included; a fresh one keeps the person signed in here.
    db::accounts::set_password(&state.db, user_id, &hash, Some(user_id)).await?;
    let address = ip(&state, &headers, connect);
    let token = db::accounts::open_session(&state.db, user_id, &address).await?;
    let mut response = see_other("/profile?done=password");
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session_cookie(&state, &token));
    Ok(response)
}
