//! Territorial tables: the list (filtered by region, theme, country and status), the table page
//! with its members, representatives, secretariat and memorandum, the public page a table can
//! open, the forms that create and change a table, and its meetings. One file per page family; this one holds
//! the routes and what they share: reading a table with the viewer's access to it.

mod commitments;
mod form;
mod links;
mod manage;
mod meetings;
mod minutes;
mod pages;
pub mod reminders;

use crate::http::{AppError, AppResult};
use crate::route::{route, Route};
use crate::session::Viewer;
use crate::state::AppState;
use axum::http::Method;
use db::tables::Table;
use domain::tables::access::{self, Access, Involved};
use uuid::Uuid;

/// The tables routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/tables", "tables.list", pages::list),
        route(Method::GET, "/tables/new", "tables.new", form::new),
        route(Method::POST, "/tables", "tables.create", form::create),
        route(Method::GET, "/tables/{id}", "tables.show", pages::show),
        route(
            Method::GET,
            "/tables/{id}/public",
            "tables.public",
            pages::public,
        ),
        route(Method::GET, "/tables/{id}/edit", "tables.edit", form::edit),
        route(Method::POST, "/tables/{id}", "tables.update", form::update),
        route(
            Method::POST,
            "/tables/{id}/status",
            "tables.status",
            manage::status,
        ),
        route(
            Method::POST,
            "/tables/{id}/memorandum",
            "tables.memorandum",
            manage::memorandum,
        ),
        route(
            Method::POST,
            "/tables/{id}/signatories",
            "tables.signatory_add",
            manage::signatory,
        ),
        route(
            Method::POST,
            "/tables/{id}/members",
            "tables.member_add",
            manage::member,
        ),
        route(
            Method::POST,
            "/tables/{id}/actors",
            "tables.actor_add",
            manage::new_actor,
        ),
        route(
            Method::POST,
            "/tables/{id}/members/{member}/leave",
            "tables.member_leave",
            manage::leave,
        ),
        route(
            Method::POST,
            "/tables/{id}/representatives",
            "tables.representative_add",
            manage::representative,
        ),
        route(
            Method::POST,
            "/tables/{id}/secretariat",
            "tables.secretariat_add",
            manage::secretary,
        ),
        route(
            Method::GET,
            "/tables/{id}/meetings.ics",
            "tables.meeting_feed",
            meetings::feed,
        ),
        route(
            Method::POST,
            "/tables/{id}/feed",
            "tables.feed_token",
            links::feed_token,
        ),
        route(
            Method::POST,
            "/tables/{id}/feed/revoke",
            "tables.feed_revoke",
            links::feed_revoke,
        ),
        route(
            Method::GET,
            "/tables/feeds/{token}",
            "tables.feed_personal",
            links::feed_personal,
        ),
        route(
            Method::GET,
            "/tables/{id}/meetings/new",
            "tables.meeting_new",
            meetings::new,
        ),
        route(
            Method::POST,
            "/tables/{id}/meetings",
            "tables.meeting_convene",
            meetings::convene,
        ),
        route(
            Method::GET,
            "/tables/{id}/meetings/{meeting}",
            "tables.meeting_show",
            meetings::show,
        ),
        route(
            Method::GET,
            "/tables/{id}/meetings/{meeting}/edit",
            "tables.meeting_edit",
            meetings::edit,
        ),
        route(
            Method::POST,
            "/tables/{id}/meetings/{meeting}",
            "tables.meeting_update",
            meetings::update,
        ),
        route(
            Method::POST,
            "/tables/{id}/meetings/{meeting}/cancel",
            "tables.meeting_cancel",
            meetings::cancel,
        ),
        route(
            Method::POST,
            "/tables/{id}/meetings/{meeting}/attendance",
            "tables.meeting_attendance",
            meetings::attendance,
        ),
        route(
            Method::GET,
            "/tables/{id}/meetings/{meeting}/commitments/new",
            "tables.commitment_new",
            commitments::new,
        ),
        route(
            Method::POST,
            "/tables/{id}/meetings/{meeting}/commitments",
            "tables.commitment_create",
            commitments::create,
        ),
        route(
            Method::GET,
            "/tables/{id}/commitments/{commitment}",
            "tables.commitment_show",
            commitments::show,
        ),
        route(
            Method::GET,
            "/tables/{id}/commitments/{commitment}/edit",
            "tables.commitment_edit",
            commitments::edit,
        ),
        route(
            Method::POST,
            "/tables/{id}/commitments/{commitment}",
            "tables.commitment_update",
            commitments::update,
        ),
        route(
            Method::POST,
            "/tables/{id}/commitments/{commitment}/progress",
            "tables.commitment_progress",
            commitments::progress,
        ),
        route(
            Method::GET,
            "/tables/{id}/meetings/{meeting}/minutes",
            "tables.minutes_show",
            minutes::show,
        ),
        route(
            Method::POST,
            "/tables/{id}/meetings/{meeting}/minutes",
            "tables.minutes_draft",
            minutes::draft,
        ),
        route(
            Method::GET,
            "/tables/{id}/meetings/{meeting}/minutes/edit",
            "tables.minutes_edit",
            minutes::edit,
        ),
        // Every section's text, up to `MAX_BODY` characters each, in one form.
        route(
            Method::POST,
            "/tables/{id}/meetings/{meeting}/minutes/amend",
            "tables.minutes_amend",
            minutes::amend,
        )
        .with_body_limit(minutes::MAX_FORM),
        route(
            Method::POST,
            "/tables/{id}/meetings/{meeting}/minutes/circulate",
            "tables.minutes_circulate",
            minutes::circulate,
        ),
        route(
            Method::POST,
            "/tables/{id}/meetings/{meeting}/minutes/comments",
            "tables.minutes_comment",
            minutes::comment,
        ),
        route(
            Method::POST,
            "/tables/{id}/meetings/{meeting}/minutes/approve",
            "tables.minutes_approve",
            minutes::approve,
        ),
        route(
            Method::POST,
            "/tables/{id}/meetings/{meeting}/minutes/publish",
            "tables.minutes_publish",
            minutes::publish,
        ),
        route(
            Method::GET,
            "/tables/{id}/meetings/{meeting}/minutes/compare",
            "tables.minutes_compare",
            minutes::compare,
        ),
        route(
            Method::GET,
            "/tables/{id}/meetings/{meeting}/minutes/docx",
            "tables.minutes_docx",
            minutes::docx,
        ),
        route(
            Method::GET,
            "/tables/{id}/meetings/{meeting}/minutes/pdf",
            "tables.minutes_pdf",
            minutes::pdf,
        ),
    ]
}

/// A table with who it gives access to.
pub(crate) struct Found {
    pub table: Table,
    pub involved: Involved,
}

impl Found {
    /// What the viewer may do with this table.
    pub fn access(&self, viewer: &Viewer) -> Access {
        access::access(viewer.principal.as_ref(), &self.involved)
    }
}

/// Reads a table; a table the viewer may not see at all is not found, as an unknown one.
pub(crate) async fn find(state: &AppState, viewer: &Viewer, id: Uuid) -> AppResult<Found> {
    let table = db::tables::get(&state.db, id).await?;
    let involved = db::tables::involved(&state.db, std::slice::from_ref(&table))
        .await?
        .into_iter()
        .next()
        .map(|(_, i)| i)
        .unwrap_or_default();
    let found = Found { table, involved };
    if found.access(viewer) == Access::None {
        return Err(AppError::NotFound);
    }
    Ok(found)
}

/// Reads a table the viewer manages: the secretariat, staff and the operator; anyone else who
/// sees it is refused.
pub(crate) async fn managed(state: &AppState, viewer: &Viewer, id: Uuid) -> AppResult<Found> {
    let found = find(state, viewer, id).await?;
    if found.access(viewer) < Access::Manage {
        return Err(AppError::Forbidden);
    }
    Ok(found)
}

/// Today in Rome, by the application's clock.
pub(crate) fn today(state: &AppState) -> chrono::NaiveDate {
    state
        .db
        .now()
        .with_timezone(&domain::locale::TIME_ZONE)
        .date_naive()
}
