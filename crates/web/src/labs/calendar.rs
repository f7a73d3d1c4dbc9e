//! The calendar of sessions: a month grid or a list, filtered by strand, cohort and organisation.

use super::session_view;
use crate::http::{AppResult, Query};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use domain::labs::schedule::{instant, local};
use minijinja::{context, Value};
use serde::Deserialize;
use uuid::Uuid;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct CalendarQuery {
    view: String,
    month: String,
    strand: String,
    cohort: String,
    organisation: String,
}

fn first_of_month(text: &str, today: NaiveDate) -> NaiveDate {
    NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
        .unwrap_or_else(|| today.with_day(1).unwrap_or(today))
}

fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}

fn previous_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 1 {
        (d.year() - 1, 12)
    } else {
        (d.year(), d.month() - 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}

fn midnight(d: NaiveDate) -> chrono::DateTime<Utc> {
    instant(d, chrono::NaiveTime::MIN)
        .unwrap_or_else(|_| d.and_time(chrono::NaiveTime::MIN).and_utc())
}

pub(super) async fn calendar(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<CalendarQuery>,
) -> AppResult {
    let now = state.db.now();
    let today = local(now).0;
    let month = first_of_month(&q.month, today);
    let list_view = q.view == "list";
    let structure = crate::shared::structure::structure(&state)
        .await?
        .unwrap_or_default();
    let strand = structure.strand_by_code(q.strand.trim()).map(|s| s.id);
    let cohort = Uuid::parse_str(q.cohort.trim())
        .ok()
        .filter(|id| structure.cohorts.iter().any(|c| c.id == *id));
    let member_ids: Vec<Uuid> = structure
        .cohorts
        .iter()
        .flat_map(|c| c.organisations.iter().copied())
        .collect();
    let organisations = db::organisations::by_ids(&state.db, &member_ids).await?;
    let organisation = Uuid::parse_str(q.organisation.trim())
        .ok()
        .filter(|id| member_ids.contains(id));
    let (from, until) = if list_view {
        (Some(midnight(month)), None)
    } else {
        (Some(midnight(month)), Some(midnight(next_month(month))))
    };
    let sessions = db::labs::list(
        &state.db,
        &db::labs::Filter {
            from,
            until,
            strand,
            cohort,
            organisation,
            limit: Some(if list_view { 200 } else { 500 }),
            ..Default::default()
        },
    )
    .await?;
    let views: Vec<(NaiveDate, Value)> = sessions
        .iter()
        .map(|s| (local(s.starts_at).0, session_view(s, &viewer, now)))
        .collect();
    // The month grid: weeks from Monday, with the days of the neighbouring months left empty.
    let offset = month.weekday().num_days_from_monday() as i64;
    let end = next_month(month);
    let mut weeks: Vec<Vec<Value>> = Vec::new();
    let mut day = month - Duration::days(offset);
    while day < end {
        let mut week = Vec::new();
        for _ in 0..7 {
            let in_month = day.month() == month.month();
            let own: Vec<&Value> = views
                .iter()
                .filter(|(d, _)| *d == day)
                .map(|(_, v)| v)
                .collect();
            week.push(context! {
                number => day.day(), in_month, today => day == today,
                label => viewer.locale.date(day), sessions => own,
            });
            day += Duration::days(1);
        }
        weeks.push(week);
    }
    // The list, grouped by month.
    let mut groups: Vec<Value> = Vec::new();
    let mut current: Option<(i32, u32)> = None;
    let mut items: Vec<Value> = Vec::new();
    for (d, v) in &views {
        let key = (d.year(), d.month());
        if current.is_some() && current != Some(key) {
            if let Some((y, m)) = current {
                groups.push(context! { label => format!("{} {y}", viewer.locale.month(m)), items => std::mem::take(&mut items) });
            }
        }
        current = Some(key);
        items.push(v.clone());
    }
    if let Some((y, m)) = current {
        groups.push(context! { label => format!("{} {y}", viewer.locale.month(m)), items });
    }
    let filters = context! {
        strand => q.strand.trim().to_ascii_uppercase(), cohort => cohort, organisation => organisation,
    };
    let query = |m: NaiveDate, view: &str| {
        let mut pairs = vec![
            ("view", view.to_string()),
            ("month", m.format("%Y-%m").to_string()),
        ];
        if strand.is_some() {
            pairs.push(("strand", q.strand.trim().to_ascii_uppercase()));
        }
        if let Some(c) = cohort {
            pairs.push(("cohort", c.to_string()));
        }
        if let Some(o) = organisation {
            pairs.push(("organisation", o.to_string()));
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    };
    let cohort_options: Vec<Value> = structure
        .cohorts
        .iter()
        .map(|c| context! { id => c.id, name => c.name })
        .collect();
    let organisation_options: Vec<Value> = organisations
        .iter()
        .map(|o| context! { id => o.id, name => o.data.name })
        .collect();
    render(
        &state,
        &viewer,
        "labs/calendar.html",
        context! {
            list_view, weeks, groups, count => sessions.len(),
            month_label => format!("{} {}", viewer.locale.month(month.month()), month.year()),
            month => month.format("%Y-%m").to_string(),
            previous => query(previous_month(month), if list_view { "list" } else { "month" }),
            next => query(next_month(month), if list_view { "list" } else { "month" }),
            as_list => query(month, "list"), as_month => query(month, "month"),
            filters, strands => structure.strands, cohorts => cohort_options, organisations => organisation_options,
            weekdays => (0..7).map(|i| viewer.locale.weekday(i)).collect::<Vec<_>>(),
            may_schedule => viewer.may("labs.session_new", None),
            cohort_feed => cohort.map(|c| format!("/labs/cohorts/{c}/ics")),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_wrap_around_the_year() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(next_month(d), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        assert_eq!(
            previous_month(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()),
            d
        );
        assert_eq!(
            first_of_month("2027-03", d),
            NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()
        );
        assert_eq!(first_of_month("nonsense", d), d);
        assert_eq!(first_of_month("1800-01", d), d);
    }
}
