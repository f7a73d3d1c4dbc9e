//! A lab session as lists and pages of several features show it, with its times in Rome and its
//! length in hours.

use crate::session::Viewer;
use chrono::{DateTime, Timelike, Utc};
use db::labs::Session;
use domain::labs::attendance::{half_days, hours_tenths};
use domain::labs::schedule::local;
use domain::locale::Locale;
use minijinja::{context, Value};

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

/// The sessions `filter` selects, as lists show them: the coming ones in time order, then the
/// past ones, the latest first.
pub(crate) async fn listed(
    state: &crate::state::AppState,
    viewer: &Viewer,
    filter: &db::labs::Filter,
) -> db::Result<Vec<Value>> {
    let now = state.db.now();
    let (mut out, past): (Vec<Value>, Vec<Value>) = db::labs::list(&state.db, filter)
        .await?
        .iter()
        .map(|s| session_view(s, viewer, now))
        .partition(|v| v.get_attr("past").is_ok_and(|p| !p.is_true()));
    out.extend(past.into_iter().rev());
    Ok(out)
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
