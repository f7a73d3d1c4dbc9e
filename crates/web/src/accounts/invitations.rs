//! Invitations: sent by email with a single-use, expiring link; accepting one creates the account
//! or adds the role to an existing one.

use super::*;

pub(super) async fn invitation_form(
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
pub(super) struct Acceptance {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirmation: String,
}

pub(super) async fn invitation_accept(
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
    let name = domain::validation::required_line(&mut errors, "name", &form.name, 120);
    rules::check_new_password(&mut errors, &form.password, &form.password_confirmation);
    if !errors.is_empty() {
        return crate::http::with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            render(
                &state,
                &viewer,
                "accounts/invitation.html",
                context! {
                    token, invitation, name => form.name.trim(), errors => field_errors(&state, &viewer, &errors),
                },
            ),
        );
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

pub(super) async fn invite_page(
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
    let now = state.db.now();
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

pub(super) async fn invite_form(
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
pub(super) struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organisation: String,
}

pub(super) async fn invite(
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
            return crate::http::with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
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
            return crate::http::with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
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
