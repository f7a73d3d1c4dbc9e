//! Signing in and out: throttled, the same answer whether or not an account exists, a new
//! session id every time.

use super::*;

pub(super) async fn sign_in_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<Feedback>,
) -> AppResult {
    render(
        &state,
        &viewer,
        "accounts/sign_in.html",
        context! {
            next => safe_next(q.next.as_deref()), email => "", errors => field_errors(&state, &viewer, &Errors::default()),
            done => done_key(q.done.as_deref()), failure => None::<&str>,
        },
    )
}

#[derive(Deserialize)]
pub(super) struct SignIn {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

pub(super) async fn sign_in(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Peer(connect): Peer,
    Form(form): Form<SignIn>,
) -> AppResult {
    let email = rules::normalise_email(&form.email);
    let next = safe_next(form.next.as_deref());
    let address = ip(&state, &headers, connect);
    let mut errors = Errors::default();
    if email.is_empty() {
        errors.add("email", "error-required");
    }
    if form.password.is_empty() {
        errors.add("password", "error-required");
    }
    let fail = |failure: &'static str, errors: Errors, status: StatusCode| {
        let page = render(
            &state,
            &viewer,
            "accounts/sign_in.html",
            context! {
                next => next.clone(), email => form.email.trim(), errors => field_errors(&state, &viewer, &errors),
                done => None::<String>, failure => failure,
            },
        );
        crate::http::with_status(status, page)
    };
    // Control characters (a NUL, which PostgreSQL refuses to store or compare) are in no
    // address: refused before any lookup.
    if !errors.is_empty()
        || email.chars().any(char::is_control)
        || email.chars().count() > 254
        || form.password.chars().count() > rules::PASSWORD_MAX
    {
        return fail(
            "error-sign-in-failed",
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let since = state.db.now() - throttle::WINDOW;
    let (by_account, by_address) =
        db::accounts::recent_failures(&state.db, &email, &address, since).await?;
    if !throttle::may_attempt(by_account, by_address) {
        return fail("error-throttled", errors, StatusCode::TOO_MANY_REQUESTS);
    }
    let credentials = db::accounts::credentials(&state.db, &email).await?;
    // The same work and the same answer whether or not the account exists.
    let (stored, user) = match &credentials {
        Some(c) if c.active => (c.password_hash.clone(), Some(c.id)),
        _ => (super::password::dummy_hash().to_string(), None),
    };
    let matches = password::verify_blocking(form.password.clone(), stored).await;
    let user = user.filter(|_| matches);
    db::accounts::record_attempt(&state.db, &email, &address, user.is_some()).await?;
    let Some(user_id) = user else {
        return fail("error-sign-in-failed", errors, StatusCode::UNAUTHORIZED);
    };
    // A new session id at every sign-in; whatever the browser held before is dropped.
    if let Some(old) = cookie(&headers, SESSION_COOKIE) {
        if let Some(old_user) = viewer.user_id() {
            db::accounts::close_session(&state.db, &old, old_user).await?;
        }
    }
    let token = db::accounts::open_session(&state.db, user_id, &address).await?;
    let mut response = see_other(&next);
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session_cookie(&state, &token));
    Ok(response)
}

pub(super) async fn sign_out(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    if let (Some(token), Some(user)) = (&viewer.session_token, viewer.user_id()) {
        db::accounts::close_session(&state.db, token, user).await?;
    }
    let mut response = see_other("/sign-in?done=signed-out");
    response
        .headers_mut()
        .insert(header::SET_COOKIE, clear_session_cookie(&state));
    Ok(response)
}
