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

pub(crate) use attendance::ReportCache;

use crate::http::{AppError, AppResult};
use crate::routes::{route, Route};
use crate::session::Viewer;
use crate::state::AppState;
use axum::http::Method;
use chrono::{DateTime, Timelike, Utc};
use db::labs::Session;
use domain::labs::attendance::{half_days, hours_tenths};
use domain::labs::schedule::local;
use domain::locale::Locale;
use minijinja::{context, Value};
use uuid::Uuid;

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

/// The session named by a path id; a malformed or unknown id is a 404.
pub(crate) async fn find(state: &AppState, id: &str) -> AppResult<Session> {
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    db::labs::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether the viewer manages sessions, as the policy says.
pub(crate) fn is_staff(viewer: &Viewer) -> bool {
    viewer.may("labs.session_update", None)
}

/// Whether the viewer follows the programme's participants: whoever the policy lets read the
/// feedback results (staff, administrators, tutors).
pub(crate) fn follows_participants(viewer: &Viewer) -> bool {
    viewer.may("labs.feedback_results", None)
}

/// Hours and minutes in Rome, "09:30".
pub(crate) fn clock(t: DateTime<Utc>) -> String {
    // Written directly: chrono's `format` parses its pattern on every call, and lists of
    // sessions write two times per session.
    let time = local(t).1;
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// Hours given as tenths in the viewer's locale ("3,5").
pub(crate) fn hours(minutes: i64, locale: Locale) -> String {
    locale.tenths(hours_tenths(minutes))
}

/// A session as lists and pages show it. Online links are for signed-in people only.
pub(crate) fn session_view(s: &Session, viewer: &Viewer, now: DateTime<Utc>) -> Value {
    let (date, _) = local(s.starts_at);
    let minutes: i64 = half_days(s.starts_at, s.ends_at)
        .iter()
        .map(|h| h.minutes)
        .sum();
    context! {
        id => s.id, title => s.title, module_id => s.module_id, module_title => s.module_title,
        cohort_id => s.cohort_id, cohort_name => s.cohort_name, strand_code => s.strand_code,
        date => viewer.locale.date(date), iso_date => date.to_string(),
        start => clock(s.starts_at), end => clock(s.ends_at),
        place => s.place,
        online_url => if viewer.principal.is_some() { s.online_url.as_str() } else { "" },
        online => !s.online_url.is_empty(),
        capacity => s.capacity, registered => s.registered, free => (s.capacity - s.registered).max(0),
        status => s.status, past => s.ends_at < now, upcoming => s.starts_at > now,
        hours => hours(minutes, viewer.locale),
    }
}

#[cfg(test)]
mod tests {
    use super::clock;
    use chrono::{TimeZone, Utc};

    #[test]
    fn the_clock_is_rome_time_with_two_digits() {
        // Winter (UTC+1) and summer (UTC+2) time, and midnight.
        assert_eq!(
            clock(Utc.with_ymd_and_hms(2026, 1, 15, 8, 5, 0).unwrap()),
            "09:05"
        );
        assert_eq!(
            clock(Utc.with_ymd_and_hms(2026, 7, 1, 7, 30, 0).unwrap()),
            "09:30"
        );
        assert_eq!(
            clock(Utc.with_ymd_and_hms(2026, 7, 1, 22, 0, 0).unwrap()),
            "00:00"
        );
    }
}
