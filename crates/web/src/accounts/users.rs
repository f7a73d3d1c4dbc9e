//! The list of accounts for administrators, and suspending an account.

use super::*;

#[derive(Deserialize)]
pub(super) struct PageQuery {
    page: Option<i64>,
}

const USERS_PAGE: i64 = 50;

pub(super) async fn users(
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

#[derive(Deserialize)]
pub(super) struct Activation {
    #[serde(default)]
    active: String,
}

/// Suspends or restores an account (never one's own).
pub(super) async fn set_active(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<Activation>,
) -> AppResult {
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
