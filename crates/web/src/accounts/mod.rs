//! Accounts: sign-in and sign-out, password reset, invitations, profile, the list of accounts.

pub mod password;

use crate::http::{
    cookie, safe_next, see_other, set_cookie, AppError, AppResult, Form, Peer, Query,
};
use crate::routes::{route, Route};
use crate::session::{field_errors, render, Viewer, SESSION_COOKIE};
use crate::state::AppState;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use domain::accounts::{self as rules, throttle};
use domain::roles::{Role, SpaceKind};
use domain::validation::Errors;
use minijinja::context;
use serde::Deserialize;
use std::net::SocketAddr;
use uuid::Uuid;

/// The accounts routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(
            Method::GET,
            "/sign-in",
            "accounts.sign_in_form",
            sign_in_form,
        ),
        route(Method::POST, "/sign-in", "accounts.sign_in", sign_in),
        route(Method::POST, "/sign-out", "accounts.sign_out", sign_out),
        route(
            Method::GET,
            "/password/forgot",
            "accounts.reset_request_form",
            reset_request_form,
        ),
        route(
            Method::POST,
            "/password/forgot",
            "accounts.reset_request",
            reset_request,
        ),
        route(
            Method::GET,
            "/password/reset/{token}",
            "accounts.reset_form",
            reset_form,
        ),
        route(
            Method::POST,
            "/password/reset/{token}",
            "accounts.reset",
            reset,
        ),
        route(
            Method::GET,
            "/invitations/{token}",
            "accounts.invitation_form",
            invitation_form,
        ),
        route(
            Method::POST,
            "/invitations/{token}",
            "accounts.invitation_accept",
            invitation_accept,
        ),
        route(Method::GET, "/profile", "accounts.profile", profile),
        route(
            Method::POST,
            "/profile",
            "accounts.profile_update",
            profile_update,
        ),
        route(
            Method::POST,
            "/profile/password",
            "accounts.password_change",
            password_change,
        ),
        route(Method::GET, "/admin/users", "accounts.users", users),
        route(
            Method::POST,
            "/admin/users/{id}/active",
            "accounts.set_active",
            set_active,
        ),
        route(
            Method::GET,
            "/admin/invitations",
            "accounts.invite_form",
            invite_form,
        ),
        route(
            Method::POST,
            "/admin/invitations",
            "accounts.invite",
            invite,
        ),
    ]
}

/// Renders a form page again with its errors, with 422.
fn invalid(page: AppResult) -> AppResult {
    page.map(|mut r| {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        r
    })
}

/// Confirmation messages that may be shown after a redirect.
const DONE: &[&str] = &[
    "reset",
    "password",
    "profile",
    "invited",
    "signed-out",
    "reset-sent",
];

#[derive(Deserialize, Default)]
struct Feedback {
    next: Option<String>,
    done: Option<String>,
}

fn done_key(done: Option<&str>) -> Option<String> {
    done.filter(|d| DONE.contains(d))
        .map(|d| format!("done-{d}"))
}

fn session_cookie(state: &AppState, token: &str) -> header::HeaderValue {
    let max_age = rules::SESSION_IDLE_LIFETIME.num_seconds();
    set_cookie(
        SESSION_COOKIE,
        token,
        max_age,
        state.config.secure_cookies,
        true,
    )
}

fn clear_session_cookie(state: &AppState) -> header::HeaderValue {
    set_cookie(SESSION_COOKIE, "", 0, state.config.secure_cookies, true)
}

fn ip(state: &AppState, headers: &HeaderMap, connect: Option<ConnectInfo<SocketAddr>>) -> String {
    crate::http::client_ip(headers, connect.as_ref(), state.config.trust_proxy)
}

async fn sign_in_form(
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
struct SignIn {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

async fn sign_in(
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
        render(&state, &viewer, "accounts/sign_in.html", context! {
            next => next.clone(), email => form.email.trim(), errors => field_errors(&state, &viewer, &errors),
            done => None::<String>, failure => failure,
        })
        .map(|mut r| {
            *r.status_mut() = status;
            r
        })
    };
    if !errors.is_empty()
        || email.chars().count() > 254
        || form.password.chars().count() > rules::PASSWORD_MAX
    {
        return fail(
            "error-sign-in-failed",
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let since = chrono::Utc::now() - throttle::WINDOW;
    let (by_account, by_address) =
        db::accounts::recent_failures(&state.db, &email, &address, since).await?;
    if !throttle::may_attempt(by_account, by_address) {
        return fail("error-throttled", errors, StatusCode::TOO_MANY_REQUESTS);
    }
    let credentials = db::accounts::credentials(&state.db, &email).await?;
    // The same work and the same answer whether or not the account exists.
    let (stored, user) = match &credentials {
        Some(c) if c.active => (c.password_hash.clone(), Some(c.id)),
        _ => (state.dummy_hash.to_string(), None),
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

async fn sign_out(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    if let (Some(token), Some(user)) = (&viewer.session_token, viewer.user_id()) {
        db::accounts::close_session(&state.db, token, user).await?;
    }
    let mut response = see_other("/sign-in?done=signed-out");
    response
        .headers_mut()
        .insert(header::SET_COOKIE, clear_session_cookie(&state));
    Ok(response)
}

async fn reset_request_form(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    render(
        &state,
        &viewer,
        "accounts/forgot.html",
        context! { email => "", errors => field_errors(&state, &viewer, &Errors::default()) },
    )
}

#[derive(Deserialize)]
struct ResetRequest {
    #[serde(default)]
    email: String,
}

async fn reset_request(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<ResetRequest>,
) -> AppResult {
    if !domain::validation::is_email(&form.email) {
        let mut errors = Errors::default();
        errors.add("email", "error-email");
        return invalid(render(
            &state,
            &viewer,
            "accounts/forgot.html",
            context! {
                email => form.email.trim(), errors => field_errors(&state, &viewer, &errors),
            },
        ));
    }
    let email = rules::normalise_email(&form.email);
    if let Some(c) = db::accounts::credentials(&state.db, &email).await? {
        let since = chrono::Utc::now() - rules::RESET_LIFETIME;
        let recent = db::outbox::queued_for(&state.db, &email, since).await?;
        if c.active && recent < rules::RESET_MAILS_PER_HOUR {
            let token = db::accounts::create_reset(&state.db, c.id).await?;
            let link = format!("{}/password/reset/{token}", state.config.base_url);
            let subject = state.i18n.t(viewer.locale, "mail-reset-subject");
            let body =
                state
                    .i18n
                    .message(viewer.locale, "mail-reset-body", &[("link", link.into())]);
            db::outbox::enqueue(&state.db, &email, &subject, &body).await?;
        }
    }
    // The same answer whether or not the account exists.
    Ok(see_other("/sign-in?done=reset-sent"))
}

async fn reset_form(
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
struct NewPassword {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirmation: String,
}

async fn reset(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(form): Form<NewPassword>,
) -> AppResult {
    let mut errors = Errors::default();
    rules::check_new_password(&mut errors, &form.password, &form.password_confirmation);
    if !errors.is_empty() {
        return invalid(render(
            &state,
            &viewer,
            "accounts/reset.html",
            context! { token, errors => field_errors(&state, &viewer, &errors) },
        ));
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

async fn invitation_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult {
    let invitation = db::accounts::open_invitation(&state.db, &token)
        .await?
        .ok_or(AppError::BadRequest("error-link-invalid"))?;
    render(
        &state,
        &viewer,
        "accounts/invitation.html",
        context! {
            token, invitation, name => "", errors => field_errors(&state, &viewer, &Errors::default()),
        },
    )
}

#[derive(Deserialize)]
struct Acceptance {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirmation: String,
}

async fn invitation_accept(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Peer(connect): Peer,
    Path(token): Path<String>,
    Form(form): Form<Acceptance>,
) -> AppResult {
    let invitation = db::accounts::open_invitation(&state.db, &token)
        .await?
        .ok_or(AppError::BadRequest("error-link-invalid"))?;
    let mut errors = Errors::default();
    let name = domain::validation::required_text(&mut errors, "name", &form.name, 120);
    rules::check_new_password(&mut errors, &form.password, &form.password_confirmation);
    if !errors.is_empty() {
        return invalid(render(
            &state,
            &viewer,
            "accounts/invitation.html",
            context! {
                token, invitation, name => form.name.trim(), errors => field_errors(&state, &viewer, &errors),
            },
        ));
    }
    let hash = password::hash_blocking(form.password)
        .await
        .map_err(AppError::Internal)?;
    let user_id = match db::accounts::accept_invitation(&state.db, &token, &name, &hash).await {
        Ok(id) => id,
        Err(db::DbError::NotFound) => return Err(AppError::BadRequest("error-link-invalid")),
        Err(e) => return Err(e.into()),
    };
    let address = ip(&state, &headers, connect);
    let session = db::accounts::open_session(&state.db, user_id, &address).await?;
    let mut response = see_other("/profile");
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session_cookie(&state, &session));
    Ok(response)
}

async fn profile_page(
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

async fn profile(
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

async fn profile_update(
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
        Err(errors) => invalid(profile_page(&state, &viewer, &errors, Some(draft), None).await),
        Ok(valid) => {
            match db::accounts::update_profile(&state.db, user_id, version, &valid).await {
                Ok(()) => Ok(see_other("/profile?done=profile")),
                Err(db::DbError::Conflict) => {
                    let mut errors = Errors::default();
                    errors.add("form", "error-conflict");
                    profile_page(&state, &viewer, &errors, Some(draft), None)
                        .await
                        .map(|mut r| {
                            *r.status_mut() = StatusCode::CONFLICT;
                            r
                        })
                }
                Err(e) => Err(e.into()),
            }
        }
    }
}

#[derive(Deserialize)]
struct PasswordChange {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirmation: String,
}

async fn password_change(
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
        return invalid(profile_page(&state, &viewer, &errors, None, None).await);
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

#[derive(Deserialize)]
struct PageQuery {
    page: Option<i64>,
}

const USERS_PAGE: i64 = 50;

async fn users(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<PageQuery>,
) -> AppResult {
    let page = q.page.unwrap_or(1).clamp(1, 100_000);
    let list = db::accounts::users(&state.db, USERS_PAGE, (page - 1) * USERS_PAGE).await?;
    let total = db::accounts::count_users(&state.db).await?;
    let ids: Vec<Uuid> = list.iter().map(|u| u.id).collect();
    let roles = db::accounts::roles_of(&state.db, &ids).await?;
    let rows: Vec<_> = list
        .into_iter()
        .map(|u| {
            let created = viewer.locale.date(u.created_at.date_naive());
            let roles = roles.get(&u.id).cloned().unwrap_or_default();
            context! { account => u, roles, created }
        })
        .collect();
    let pages = (total + USERS_PAGE - 1) / USERS_PAGE;
    render(
        &state,
        &viewer,
        "accounts/users.html",
        context! { rows, page, pages, total => viewer.locale.integer(total) },
    )
}

async fn invite_page(
    state: &AppState,
    viewer: &Viewer,
    errors: &Errors,
    email: &str,
    role: &str,
    organisation: &str,
    done: Option<String>,
) -> AppResult {
    let (organisations, _) = db::organisations::search(&state.db, None, None, 500, 0).await?;
    let principal = viewer.principal.clone().unwrap_or_default();
    let roles: Vec<Role> = Role::ALL
        .into_iter()
        .filter(|r| principal.has_global(Role::Admin) || r.space_kind() == SpaceKind::Organisation)
        .collect();
    let now = chrono::Utc::now();
    let sent: Vec<_> = db::accounts::recent_invitations(&state.db, 20)
        .await?
        .into_iter()
        .map(|i| {
            let status = match i.accepted_at {
                Some(_) => "accepted",
                None if i.expires_at <= now => "expired",
                None => "pending",
            };
            context! {
                email => i.email, role => i.role, organisation => i.organisation, status,
                sent => viewer.locale.date_time(i.created_at),
            }
        })
        .collect();
    render(
        state,
        viewer,
        "accounts/invite.html",
        context! {
            sent, roles, organisations, email, role, organisation, errors => field_errors(state, viewer, errors), done,
        },
    )
}

async fn invite_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<Feedback>,
) -> AppResult {
    invite_page(
        &state,
        &viewer,
        &Errors::default(),
        "",
        "member",
        "",
        done_key(q.done.as_deref()),
    )
    .await
}

#[derive(Deserialize)]
struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organisation: String,
}

async fn invite(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<InviteForm>,
) -> AppResult {
    let organisation = if form.organisation.trim().is_empty() {
        None
    } else {
        match Uuid::parse_str(form.organisation.trim()) {
            Ok(id) => Some(
                db::organisations::get(&state.db, id)
                    .await
                    .map(|o| o.id)
                    .map_err(|_| ()),
            ),
            Err(_) => Some(Err(())),
        }
    };
    let mut errors = Errors::default();
    let checked =
        rules::check_invitation(&form.email, &form.role, matches!(organisation, Some(Ok(_))));
    if let Some(Err(())) = organisation {
        errors.add("organisation", "error-unknown-choice");
    }
    let invitation = match checked {
        Ok(i) if errors.is_empty() => i,
        Ok(_) => {
            return invalid(
                invite_page(
                    &state,
                    &viewer,
                    &errors,
                    &form.email,
                    &form.role,
                    &form.organisation,
                    None,
                )
                .await,
            )
        }
        Err(mut e) => {
            e.0.extend(errors.0);
            return invalid(
                invite_page(
                    &state,
                    &viewer,
                    &e,
                    &form.email,
                    &form.role,
                    &form.organisation,
                    None,
                )
                .await,
            );
        }
    };
    let principal = viewer.principal.clone().unwrap_or_default();
    let organisation = match invitation.role.space_kind() {
        SpaceKind::Organisation => organisation.and_then(Result::ok),
        _ => None,
    };
    if !rules::may_invite(&principal, invitation.role, organisation) {
        return Err(AppError::Forbidden);
    }
    send_invitation(&state, &viewer, &invitation, organisation).await?;
    Ok(see_other("/admin/invitations?done=invited"))
}

/// Stores an invitation and queues its email, in the inviter's language.
pub async fn send_invitation(
    state: &AppState,
    viewer: &Viewer,
    invitation: &rules::Invitation,
    organisation: Option<Uuid>,
) -> AppResult<()> {
    let by = viewer.user_id().ok_or(AppError::Forbidden)?;
    let token = db::accounts::create_invitation(
        &state.db,
        &invitation.email,
        invitation.role,
        organisation,
        by,
    )
    .await?;
    let link = format!("{}/invitations/{token}", state.config.base_url);
    let role_name = state
        .i18n
        .t(viewer.locale, &format!("role-{}", invitation.role.code()));
    let subject = state.i18n.t(viewer.locale, "mail-invitation-subject");
    let body = state.i18n.message(
        viewer.locale,
        "mail-invitation-body",
        &[("link", link.into()), ("role", role_name.into())],
    );
    db::outbox::enqueue(&state.db, &invitation.email, &subject, &body).await?;
    Ok(())
}

#[derive(Deserialize)]
struct Activation {
    #[serde(default)]
    active: String,
}

/// Suspends or restores an account (never one's own).
async fn set_active(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<Activation>,
) -> AppResult {
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    let active = match form.active.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::BadRequest("error-bad-form")),
    };
    let me = viewer.user_id().ok_or(AppError::Forbidden)?;
    if id == me {
        return Err(AppError::BadRequest("error-suspend-self"));
    }
    db::accounts::set_active(&state.db, id, active, me).await?;
    Ok(see_other("/admin/users"))
}
