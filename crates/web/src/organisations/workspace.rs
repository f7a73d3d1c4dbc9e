//! An organisation's workspace: its people, and invitations by its coordinator.

use super::*;

/// Roles a person may invite into this workspace, for the form.
fn invitable_roles(viewer: &Viewer, organisation: Uuid) -> Vec<Role> {
    let principal = viewer.principal.clone().unwrap_or_default();
    Role::ALL
        .into_iter()
        .filter(|r| r.space_kind() == SpaceKind::Organisation)
        .filter(|r| domain::accounts::may_invite(&principal, *r, Some(organisation)))
        .collect()
}

pub(super) async fn workspace_page(
    state: &AppState,
    viewer: &Viewer,
    o: &Stored,
    errors: &Errors,
    email: &str,
    done: Option<&str>,
) -> AppResult {
    let principal = viewer.principal.clone().unwrap_or_default();
    let people: Vec<Value> = db::accounts::organisation_people(&state.db, o.id)
        .await?
        .into_iter()
        .map(|p| {
            let removable = Role::parse(&p.role)
                .is_some_and(|r| domain::accounts::may_revoke(&principal, r, o.id, p.user_id));
            context! { person => p, removable }
        })
        .collect();
    // Products show to those who may open them (actors of the territorial tables do not).
    let products: Option<Vec<Value>> = if viewer.may("products.list", Some(o.id)) {
        let locale = viewer.locale;
        Some(
            db::products::recent(&state.db, o.id, 8)
                .await?
                .into_iter()
                .map(|(id, title, state, due_on)| {
                    context! { id, title, state, due_on => due_on.map(|d| locale.date(d)) }
                })
                .collect(),
        )
    } else {
        None
    };
    let tutors: Vec<String> = people
        .iter()
        .filter_map(|p| {
            let person = p.get_attr("person").ok()?;
            (person.get_attr("role").ok()?.as_str() == Some("tutor"))
                .then(|| person.get_attr("name").ok().map(|n| n.to_string()))
                .flatten()
        })
        .collect();
    render(
        state,
        viewer,
        "organisations/workspace.html",
        context! {
            products, tutors,
            o => view(o, viewer.locale), people, roles => invitable_roles(viewer, o.id), email,
            errors => field_errors(state, viewer, errors), invited => done == Some("invited"),
            removed => done == Some("removed"),
        },
    )
}

#[derive(Deserialize)]
pub(super) struct Done {
    done: Option<String>,
}

pub(super) async fn workspace(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Query(q): Query<Done>,
) -> AppResult {
    let o = find(&state, id).await?;
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
pub(super) struct MemberInvitation {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

/// A coordinator (or staff) invites someone into the workspace.
pub(super) async fn invite(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<MemberInvitation>,
) -> AppResult {
    let o = find(&state, id).await?;
    let invitation = match domain::accounts::check_invitation(&form.email, &form.role, true) {
        Ok(i) if invitable_roles(&viewer, o.id).contains(&i.role) => i,
        Ok(_) => {
            let mut errors = Errors::default();
            errors.add("role", "error-unknown-choice");
            return crate::http::with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                workspace_page(&state, &viewer, &o, &errors, &form.email, None).await,
            );
        }
        Err(errors) => {
            return crate::http::with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                workspace_page(&state, &viewer, &o, &errors, &form.email, None).await,
            )
        }
    };
    crate::shared::invitations::send_invitation(&state, &viewer, &invitation, Some(o.id)).await?;
    Ok(see_other(&format!(
        "/organisations/{}/workspace?done=invited",
        o.id
    )))
}

#[derive(Deserialize)]
pub(super) struct Revocation {
    #[serde(default)]
    user: String,
    #[serde(default)]
    role: String,
}

/// Takes someone's role in this workspace away.
pub(super) async fn revoke(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<Revocation>,
) -> AppResult {
    let o = find(&state, id).await?;
    let user =
        Uuid::parse_str(form.user.trim()).map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let role = Role::parse(form.role.trim()).ok_or(AppError::BadRequest("error-bad-form"))?;
    let principal = viewer.principal.clone().unwrap_or_default();
    if !domain::accounts::may_revoke(&principal, role, o.id, user) {
        return Err(AppError::Forbidden);
    }
    db::accounts::revoke_grant(&state.db, user, role, o.id, principal.user_id).await?;
    Ok(see_other(&format!(
        "/organisations/{}/workspace?done=removed",
        o.id
    )))
}
