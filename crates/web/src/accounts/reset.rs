//! Password reset by an emailed, expiring, single-use link.

use super::*;

pub(super) async fn reset_request_form(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    render(
        &state,
        &viewer,
        "accounts/forgot.html",
        context! { email => "", errors => field_errors(&state, &viewer, &Errors::default()) },
    )
}

#[derive(Deserialize)]
pub(super) struct ResetRequest {
    #[serde(default)]
    email: String,
}

pub(super) async fn reset_request(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<ResetRequest>,
) -> AppResult {
    if !domain::validation::is_email(&form.email) {
        let mut errors = Errors::default();
        errors.add("email", "error-email");
        return crate::http::with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            render(
                &state,
                &viewer,
                "accounts/forgot.html",
                context! {
                    email => form.email.trim(), errors => field_errors(&state, &viewer, &errors),
                },
            ),
        );
    }
    let email = rules::normalise_email(&form.email);
    if let Some(c) = db::accounts::credentials(&state.db, &email).await? {
        let since = state.db.now() - rules::RESET_LIFETIME;
        // Reset links only: the notifications and convocations the address receives do not
        // stop a person from resetting their password.
        let recent = db::accounts::resets_since(&state.db, c.id, since).await?;
        if c.active && recent < rules::RESET_MAILS_PER_HOUR {
            let token = db::accounts::create_reset(&state.db, c.id).await?;
            let link = format!("{}/password/reset/{token}", state.config.base_url);
            let subject = state.i18n.t(viewer.locale, "mail-reset-subject");
            let body =
                state
                    .i18n
                    .message(viewer.locale, "mail-reset-body", &[("link", link.into())]);
            crate::mail::queue(&state.db, &email, &subject, &body).await?;
        }
    }
    // The same answer whether or not the account exists.
    Ok(see_other("/sign-in?done=reset-sent"))
}

pub(super) async fn reset_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult {
    if !db::accounts::reset_is_open(&state.db, &token).await? {
        return Err(AppError::BadRequest("error-link-invalid"));
    }
    render(
        &state,
        &viewer,
        "accounts/reset.html",
        context! { token, errors => field_errors(&state, &viewer, &Errors::default()) },
    )
}

#[derive(Deserialize)]
pub(super) struct NewPassword {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirmation: String,
}

pub(super) async fn reset(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(form): Form<NewPassword>,
) -> AppResult {
    let mut errors = Errors::default();
    rules::check_new_password(&mut errors, &form.password, &form.password_confirmation);
    if !errors.is_empty() {
        return crate::http::with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            render(
                &state,
                &viewer,
                "accounts/reset.html",
                context! { token, errors => field_errors(&state, &viewer, &errors) },
            ),
        );
    }
    let hash = password::hash_blocking(form.password)
        .await
        .map_err(AppError::Internal)?;
    match db::accounts::complete_reset(&state.db, &token, &hash).await {
        Ok(_) => Ok(see_other("/sign-in?done=reset")),
        Err(db::DbError::NotFound) => Err(AppError::BadRequest("error-link-invalid")),
        Err(e) => Err(e.into()),
    }
}
