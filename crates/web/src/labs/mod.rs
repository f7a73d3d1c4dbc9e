//! Labs: the calendar of sessions, the session page with agenda, materials, registrations,
//! check-in, attendance and outcomes, a participant's own labs, the staff dashboard, attendance
//! reports, feedback questionnaires and iCalendar feeds.

mod attendance;
mod calendar;
mod certificates;
mod feedback;
mod feeds;
mod manage;
mod pages;
mod take_part;

use crate::http::{AppError, AppResult};
use crate::route::{route, Route};
use crate::session::Viewer;
pub(crate) use crate::shared::sessions::{clock, hours, session_view};
use crate::state::AppState;
use axum::http::Method;
use db::labs::Session;
use uuid::Uuid;

/// What the season's attendance report depends on: the labs' records, the programme (module
/// names, cohorts' members) and people (names, organisations).
pub const REPORT_PARTS: &[db::Part] = &[db::Part::Labs, db::Part::Programme, db::Part::People];
/// What a person's "my labs" depends on (and the clock: see `pages::mine_body`).
pub const MINE_PARTS: &[db::Part] = &[db::Part::Labs, db::Part::Programme, db::Part::People];

/// The largest material file accepted.
pub const MAX_MATERIAL_BYTES: usize = 10 * 1024 * 1024;

/// The labs routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/labs", "labs.calendar", calendar::calendar),
        route(Method::GET, "/labs/mine", "labs.mine", pages::mine),
        route(
            Method::GET,
            "/labs/certificate",
            "labs.certificate",
            certificates::download,
        ),
        route(
            Method::GET,
            "/certificates/{code}",
            "labs.verify",
            certificates::verify,
        ),
        route(
            Method::POST,
            "/labs/mine/feed",
            "labs.feed_token",
            feeds::new_token,
        ),
        route(
            Method::GET,
            "/labs/feeds/{token}",
            "labs.feed_ics",
            feeds::personal,
        ),
        route(
            Method::GET,
            "/labs/dashboard",
            "labs.dashboard",
            pages::dashboard,
        ),
        route(
            Method::GET,
            "/labs/attendance",
            "labs.attendance_report",
            attendance::report,
        ),
        route(
            Method::GET,
            "/labs/attendance/export",
            "labs.attendance_export",
            attendance::export,
        ),
        route(
            Method::GET,
            "/labs/cohorts/{id}/ics",
            "labs.cohort_ics",
            feeds::cohort,
        ),
        route(
            Method::GET,
            "/labs/sessions/new",
            "labs.session_new",
            manage::new_form,
        ),
        route(
            Method::POST,
            "/labs/sessions",
            "labs.session_create",
            manage::create,
        ),
        route(
            Method::GET,
            "/labs/sessions/{id}",
            "labs.session",
            pages::session,
        ),
        route(
            Method::GET,
            "/labs/sessions/{id}/ics",
            "labs.session_ics",
            feeds::session,
        ),
        route(
            Method::GET,
            "/labs/sessions/{id}/edit",
            "labs.session_edit",
            manage::edit_form,
        ),
        route(
            Method::POST,
            "/labs/sessions/{id}",
            "labs.session_update",
            manage::update,
        ),
        route(
            Method::POST,
            "/labs/sessions/{id}/status",
            "labs.session_status",
            manage::status,
        ),
        route(
            Method::POST,
            "/labs/sessions/{id}/outcomes",
            "labs.session_outcomes",
            manage::outcomes,
        ),
        route(
            Method::POST,
            "/labs/sessions/{id}/agenda",
            "labs.agenda_add",
            manage::agenda_add,
        ),
        route(
            Method::POST,
            "/labs/sessions/{id}/agenda/{item}/remove",
            "labs.agenda_remove",
            manage::agenda_remove,
        ),
        route(
            Method::POST,
            "/labs/sessions/{id}/materials",
            "labs.material_add",
            manage::material_add,
        )
        .with_body_limit(MAX_MATERIAL_BYTES + 64 * 1024),
        route(
            Method::GET,
            "/labs/materials/{id}",
            "labs.material",
            pages::material,
        ),
        route(
            Method::POST,
            "/labs/sessions/{id}/invite",
            "labs.invite",
            manage::invite,
        ),
        route(
            Method::POST,
            "/labs/sessions/{id}/register",
            "labs.register",
            take_part::register,
        ),
        route(
            Method::POST,
            "/labs/sessions/{id}/unregister",
            "labs.unregister",
            take_part::unregister,
        ),
        route(
            Method::POST,
            "/labs/sessions/{id}/check-in",
            "labs.check_in",
            take_part::check_in,
        ),
        route(
            Method::GET,
            "/labs/sessions/{id}/register",
            "labs.register_sheet",
            attendance::sheet,
        ),
        route(
            Method::POST,
            "/labs/sessions/{id}/register-sheet",
            "labs.register_save",
            attendance::save,
        ),
        route(
            Method::GET,
            "/labs/sessions/{id}/feedback",
            "labs.feedback_form",
            feedback::form,
        ),
        route(
            Method::POST,
            "/labs/sessions/{id}/feedback",
            "labs.feedback_save",
            feedback::save,
        ),
        route(
            Method::GET,
            "/labs/sessions/{id}/feedback/results",
            "labs.feedback_results",
            feedback::results,
        ),
        route(
            Method::GET,
            "/labs/sessions/{id}/feedback/export",
            "labs.feedback_export",
            feedback::export,
        ),
    ]
}

/// The session named by a path id; an unknown id is a 404.
pub(crate) async fn find(state: &AppState, id: Uuid) -> AppResult<Session> {
    db::labs::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether the viewer manages sessions, as the policy says.
pub(crate) fn is_staff(viewer: &Viewer) -> bool {
    viewer.may("labs.session_update", None)
}

/// Whether the viewer follows the programme's participants: whoever the policy lets read the
/// feedback results (staff and administrators).
pub(crate) fn follows_participants(viewer: &Viewer) -> bool {
    viewer.may("labs.feedback_results", None)
}
