//! Invitations sent by administrators and by an administration's coordinator: the stored
//! invitation and its email, in the inviter's language.

use crate::http::{AppError, AppResult};
use crate::session::Viewer;
use crate::state::AppState;
use domain::accounts as rules;
use uuid::Uuid;

/// Stores an invitation and queues its email, in the inviter's language.
pub(crate) async fn send_invitation(
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
    crate::mail::queue(&state.db, &invitation.email, &subject, &body).await?;
    Ok(())
}
