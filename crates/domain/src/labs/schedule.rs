//! When a session takes place: a date with a start and an end time in Rome, turned into instants
//! that hold across the daylight-saving changes, and the checks on a submitted session form.

use crate::locale::TIME_ZONE;
use crate::validation::{optional_line, required_line, Errors};
use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use uuid::Uuid;

/// The most seats a session can offer.
pub const MAX_CAPACITY: i64 = 500;

/// A time that does not exist or is not a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeProblem {
    /// The clocks jump over this time (the last Sunday of March, 02:00–03:00).
    Skipped,
}

/// The instant at `time` on `date` in Rome. A time that occurs twice (the last Sunday of October,
/// 02:00–03:00) is taken at its first occurrence, summer time; one that the clocks skip is refused.
pub fn instant(date: NaiveDate, time: NaiveTime) -> Result<DateTime<Utc>, TimeProblem> {
    match TIME_ZONE.from_local_datetime(&date.and_time(time)) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(TimeProblem::Skipped),
    }
}

/// The local date and time of an instant, in Rome.
pub fn local(t: DateTime<Utc>) -> (NaiveDate, NaiveTime) {
    let l = t.with_timezone(&TIME_ZONE);
    (l.date_naive(), l.time())
}

/// Whether two periods overlap (touching ends do not).
pub fn overlaps(a: (DateTime<Utc>, DateTime<Utc>), b: (DateTime<Utc>, DateTime<Utc>)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// A session form as submitted: every field as text.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct SessionForm {
    pub module_id: String,
    pub cohort_id: String,
    pub title: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub online_url: String,
    pub capacity: String,
    /// The territorial table the session is for (strand B), empty for none.
    pub table_id: String,
    /// The interregional group the session is for (strand C), empty for none.
    pub group_id: String,
    /// Set when staff saw the overlap warning and save anyway.
    pub overlap_confirmed: Option<String>,
}

/// A checked session, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SessionDraft {
    pub module_id: Uuid,
    pub cohort_id: Uuid,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub online_url: String,
    pub capacity: i64,
    /// The territorial table whose members the session is for: a strand B lab.
    pub table_id: Option<Uuid>,
    /// The interregional group whose administrations the session is for: a strand C lab.
    pub group_id: Option<Uuid>,
}

/// What a session form may choose among: the ids that exist, and which modules may be scheduled
/// for a territorial table (the modules of strand B, see [`crate::tables::STRAND`]) or for an
/// interregional group (strand C, see [`crate::network::STRAND`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Choices<'a> {
    pub modules: &'a [Uuid],
    pub cohorts: &'a [Uuid],
    pub tables: &'a [Uuid],
    pub table_modules: &'a [Uuid],
    pub groups: &'a [Uuid],
    pub group_modules: &'a [Uuid],
}

/// The id a form chose among `known`, none when left empty; `error-choose` otherwise.
fn chosen(errors: &mut Errors, field: &'static str, value: &str, known: &[Uuid]) -> Option<Uuid> {
    match value.trim() {
        "" => None,
        v => {
            let id = Uuid::parse_str(v).ok().filter(|id| known.contains(id));
            if id.is_none() {
                errors.add(field, "error-choose");
            }
            id
        }
    }
}

fn parse_time(errors: &mut Errors, field: &'static str, value: &str) -> Option<NaiveTime> {
    let v = value.trim();
    if v.is_empty() {
        errors.add(field, "error-required");
        return None;
    }
    match NaiveTime::parse_from_str(v, "%H:%M") {
        Ok(t) => Some(t),
        Err(_) => {
            errors.add(field, "error-time");
            None
        }
    }
}

impl SessionForm {
    /// Checks the form of a session for a cohort only; `modules` and `cohorts` are the ids that
    /// exist.
    pub fn check(&self, modules: &[Uuid], cohorts: &[Uuid]) -> Result<SessionDraft, Errors> {
        self.check_with(&Choices {
            modules,
            cohorts,
            ..Choices::default()
        })
    }

    /// Checks the form against what exists. A session for a territorial table must be of a
    /// module that may be scheduled for one (strand B).
    pub fn check_with(&self, choices: &Choices<'_>) -> Result<SessionDraft, Errors> {
        let (modules, cohorts) = (choices.modules, choices.cohorts);
        let mut errors = Errors::default();
        let module_id = Uuid::parse_str(self.module_id.trim())
            .ok()
            .filter(|id| modules.contains(id));
        if module_id.is_none() {
            errors.add("module_id", "error-choose");
        }
        let cohort_id = Uuid::parse_str(self.cohort_id.trim())
            .ok()
            .filter(|id| cohorts.contains(id));
        if cohort_id.is_none() {
            errors.add("cohort_id", "error-choose");
        }
        let table_id = chosen(&mut errors, "table_id", &self.table_id, choices.tables);
        if let (Some(_), Some(m)) = (table_id, module_id) {
            if !choices.table_modules.contains(&m) {
                errors.add("table_id", "error-lab-table-strand");
            }
        }
        let group_id = chosen(&mut errors, "group_id", &self.group_id, choices.groups);
        if let (Some(_), Some(m)) = (group_id, module_id) {
            if !choices.group_modules.contains(&m) {
                errors.add("group_id", "error-lab-group-strand");
            }
        }
        if table_id.is_some() && group_id.is_some() {
            errors.add("group_id", "error-lab-table-and-group");
        }
        let title = required_line(&mut errors, "title", &self.title, 200);
        let place = optional_line(&mut errors, "place", &self.place, 300).unwrap_or_default();
        let online_url =
            optional_line(&mut errors, "online_url", &self.online_url, 500).unwrap_or_default();
        let web = online_url.starts_with("https://") || online_url.starts_with("http://");
        if !(online_url.is_empty() || web) {
            errors.add("online_url", "error-url");
        }
        if place.is_empty() && online_url.is_empty() {
            errors.add("place", "error-place-or-link");
        }
        let date = match self.date.trim() {
            "" => {
                errors.add("date", "error-required");
                None
            }
            // Between 2000 and 2100, as every date typed in a form.
            d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                Ok(d) if (2000..=2100).contains(&d.year()) => Some(d),
                _ => {
                    errors.add("date", "error-date");
                    None
                }
            },
        };
        let start = parse_time(&mut errors, "start", &self.start);
        let end = parse_time(&mut errors, "end", &self.end);
        let capacity = match self.capacity.trim().parse::<i64>() {
            Ok(n) if (1..=MAX_CAPACITY).contains(&n) => n,
            _ => {
                errors.add("capacity", "error-capacity");
                0
            }
        };
        let mut times = None;
        if let (Some(d), Some(s), Some(e)) = (date, start, end) {
            if e <= s {
                errors.add("end", "error-end-before-start");
            } else {
                match (instant(d, s), instant(d, e)) {
                    (Ok(a), Ok(b)) => times = Some((a, b)),
                    (Err(_), _) => errors.add("start", "error-time-skipped"),
                    (_, Err(_)) => errors.add("end", "error-time-skipped"),
                }
            }
        }
        match (module_id, cohort_id, times) {
            (Some(module_id), Some(cohort_id), Some((starts_at, ends_at))) if errors.is_empty() => {
                Ok(SessionDraft {
                    module_id,
                    cohort_id,
                    title,
                    starts_at,
                    ends_at,
                    place,
                    online_url,
                    capacity,
                    table_id,
                    group_id,
                })
            }
            _ => Err(errors),
        }
    }

    /// The form filled with a stored session, for editing.
    pub fn from_draft(d: &SessionDraft) -> SessionForm {
        let (date, start) = local(d.starts_at);
        let (_, end) = local(d.ends_at);
        SessionForm {
            module_id: d.module_id.to_string(),
            cohort_id: d.cohort_id.to_string(),
            title: d.title.clone(),
            date: date.format("%Y-%m-%d").to_string(),
            start: start.format("%H:%M").to_string(),
            end: end.format("%H:%M").to_string(),
            place: d.place.clone(),
            online_url: d.online_url.clone(),
            capacity: d.capacity.to_string(),
            table_id: d.table_id.map(|t| t.to_string()).unwrap_or_default(),
            group_id: d.group_id.map(|g| g.to_string()).unwrap_or_default(),
            overlap_confirmed: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> (SessionForm, Uuid, Uuid) {
        let m = Uuid::from_u128(1);
        let c = Uuid::from_u128(2);
        let f = SessionForm {
            module_id: m.to_string(),
            cohort_id: c.to_string(),
            title: "Analisi del contesto".into(),
            date: "2027-03-27".into(),
            start: "09:30".into(),
            end: "13:00".into(),
            place: "Napoli, Palazzo Santa Lucia".into(),
            online_url: String::new(),
            capacity: "25".into(),
            table_id: String::new(),
            group_id: String::new(),
            overlap_confirmed: None,
        };
        (f, m, c)
    }

    #[test]
    fn rome_times_hold_across_the_spring_change() {
        let (f, m, c) = form();
        let before = f.check(&[m], &[c]).unwrap();
        // Saturday 27 March 2027 is still winter time (UTC+1).
        assert_eq!(before.starts_at.to_rfc3339(), "2027-03-27T08:30:00+00:00");
        let after = SessionForm {
            date: "2027-03-29".into(),
            ..f.clone()
        }
        .check(&[m], &[c])
        .unwrap();
        // Monday 29 March 2027 is summer time (UTC+2).
        assert_eq!(after.starts_at.to_rfc3339(), "2027-03-29T07:30:00+00:00");
        assert_eq!(
            local(after.starts_at).1.format("%H:%M").to_string(),
            "09:30"
        );
        // On the night of the change, 01:00–04:00 lasts two hours, and 02:30 does not exist.
        let night = SessionForm {
            date: "2027-03-28".into(),
            start: "01:00".into(),
            end: "04:00".into(),
            ..f.clone()
        }
        .check(&[m], &[c])
        .unwrap();
        assert_eq!((night.ends_at - night.starts_at).num_minutes(), 120);
        let skipped = SessionForm {
            date: "2027-03-28".into(),
            start: "02:30".into(),
            end: "04:00".into(),
            ..f
        }
        .check(&[m], &[c])
        .unwrap_err();
        assert_eq!(skipped.for_field("start"), Some("error-time-skipped"));
    }

    #[test]
    fn autumn_change_lasts_an_hour_longer() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let a = instant(d, t(1, 0)).unwrap();
        let b = instant(d, t(4, 0)).unwrap();
        assert_eq!((b - a).num_minutes(), 240);
        // 02:30 happens twice; the first, summer-time one is taken.
        assert_eq!(
            instant(d, t(2, 30)).unwrap().to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
    }

    #[test]
    fn a_date_outside_2000_to_2100_is_refused() {
        let (f, m, c) = form();
        for date in ["1899-12-31", "0001-01-01", "9999-12-31", "2101-01-01"] {
            let e = SessionForm {
                date: date.into(),
                ..f.clone()
            }
            .check(&[m], &[c])
            .unwrap_err();
            assert_eq!(e.for_field("date"), Some("error-date"), "{date}");
        }
    }

    #[test]
    fn bad_forms_name_each_field() {
        let (f, m, c) = form();
        let bad = SessionForm {
            module_id: "x".into(),
            cohort_id: Uuid::from_u128(9).to_string(),
            title: " ".into(),
            date: "2027-02-30".into(),
            start: "9".into(),
            end: "25:00".into(),
            place: String::new(),
            online_url: "javascript:alert(1)".into(),
            capacity: "0".into(),
            table_id: String::new(),
            group_id: String::new(),
            overlap_confirmed: None,
        };
        let e = bad.check(&[m], &[c]).unwrap_err();
        for (field, key) in [
            ("module_id", "error-choose"),
            ("cohort_id", "error-choose"),
            ("title", "error-required"),
            ("date", "error-date"),
            ("start", "error-time"),
            ("end", "error-time"),
            ("online_url", "error-url"),
            ("capacity", "error-capacity"),
        ] {
            assert_eq!(e.for_field(field), Some(key), "{field}");
        }
        let backwards = SessionForm {
            end: "09:00".into(),
            ..f.clone()
        }
        .check(&[m], &[c])
        .unwrap_err();
        assert_eq!(backwards.for_field("end"), Some("error-end-before-start"));
        let nowhere = SessionForm {
            place: String::new(),
            ..f
        }
        .check(&[m], &[c])
        .unwrap_err();
        assert_eq!(nowhere.for_field("place"), Some("error-place-or-link"));
    }

    #[test]
    fn a_session_for_a_table_is_of_a_strand_b_module_and_a_known_table() {
        let (f, a, c) = form();
        let b = Uuid::from_u128(3);
        let table = Uuid::from_u128(4);
        let choices = Choices {
            modules: &[a, b],
            cohorts: &[c],
            tables: &[table],
            table_modules: &[b],
            ..Choices::default()
        };
        let for_table = |module: Uuid, table: String| SessionForm {
            module_id: module.to_string(),
            table_id: table,
            ..f.clone()
        };
        let d = for_table(b, format!(" {table} "))
            .check_with(&choices)
            .unwrap();
        assert_eq!(d.table_id, Some(table));
        assert_eq!(SessionForm::from_draft(&d).table_id, table.to_string());
        assert_eq!(
            for_table(a, String::new())
                .check_with(&choices)
                .unwrap()
                .table_id,
            None
        );
        let strand_a = for_table(a, table.to_string())
            .check_with(&choices)
            .unwrap_err();
        assert_eq!(
            strand_a.for_field("table_id"),
            Some("error-lab-table-strand")
        );
        for unknown in [Uuid::from_u128(5).to_string(), "x".into()] {
            let e = for_table(b, unknown).check_with(&choices).unwrap_err();
            assert_eq!(e.for_field("table_id"), Some("error-choose"));
        }
        // Without the tables to choose among, any table is unknown.
        let e = for_table(b, table.to_string())
            .check(&[a, b], &[c])
            .unwrap_err();
        assert_eq!(e.for_field("table_id"), Some("error-choose"));
    }

    #[test]
    fn a_session_for_a_group_is_of_a_strand_c_module_and_not_for_a_table_too() {
        let (f, a, c) = form();
        let (b, strand_c) = (Uuid::from_u128(3), Uuid::from_u128(6));
        let (table, group) = (Uuid::from_u128(4), Uuid::from_u128(7));
        let choices = Choices {
            modules: &[a, b, strand_c],
            cohorts: &[c],
            tables: &[table],
            table_modules: &[b],
            groups: &[group],
            group_modules: &[strand_c],
        };
        let lab = |module: Uuid, table: String, group: String| SessionForm {
            module_id: module.to_string(),
            table_id: table,
            group_id: group,
            ..f.clone()
        };
        let d = lab(strand_c, String::new(), group.to_string())
            .check_with(&choices)
            .unwrap();
        assert_eq!((d.group_id, d.table_id), (Some(group), None));
        assert_eq!(SessionForm::from_draft(&d).group_id, group.to_string());
        let e = lab(b, String::new(), group.to_string())
            .check_with(&choices)
            .unwrap_err();
        assert_eq!(e.for_field("group_id"), Some("error-lab-group-strand"));
        let e = lab(strand_c, String::new(), table.to_string())
            .check_with(&choices)
            .unwrap_err();
        assert_eq!(e.for_field("group_id"), Some("error-choose"));
        let both = lab(b, table.to_string(), group.to_string())
            .check_with(&choices)
            .unwrap_err();
        assert!(both
            .0
            .iter()
            .any(|x| x.field == "group_id" && x.message == "error-lab-table-and-group"));
    }

    #[test]
    fn overlap_is_strict() {
        let (f, m, c) = form();
        let d = f.check(&[m], &[c]).unwrap();
        let same = (d.starts_at, d.ends_at);
        assert!(overlaps(same, same));
        let after = (d.ends_at, d.ends_at + chrono::Duration::hours(1));
        assert!(!overlaps(same, after));
        let inside = (
            d.starts_at + chrono::Duration::minutes(30),
            d.starts_at + chrono::Duration::minutes(40),
        );
        assert!(overlaps(same, inside) && overlaps(inside, same));
    }
}
