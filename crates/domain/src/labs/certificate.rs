//! Certificates of participation: what one counts. Every registration to a held session with some
//! minutes attended counts (one attended nowhere counts nothing); they are grouped by module, in
//! the order of the sessions, with each session's date in Rome and the minutes attended, and
//! stated with the days attended, the minutes in all, the cohorts and the organisation they count
//! for. With nothing attended there is no certificate.

use super::schedule::local;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeSet;

/// One registration of the person to a held session, as the attendance report counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attended<K> {
    pub module: K,
    pub cohort: K,
    /// The organisation the registration counts for, if any.
    pub organisation: Option<K>,
    pub starts_at: DateTime<Utc>,
    /// The minutes of the half-days attended.
    pub minutes: i64,
}

/// One module on a certificate: the dates of its sessions attended (one per session, in the
/// sessions' order) and the minutes attended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleLine<K> {
    pub module: K,
    pub dates: Vec<NaiveDate>,
    pub minutes: i64,
}

/// What a certificate counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted<K> {
    /// The modules, in the order their first session attended comes.
    pub modules: Vec<ModuleLine<K>>,
    /// The distinct days attended.
    pub days: usize,
    /// Every minute attended.
    pub minutes: i64,
    /// The cohorts of the sessions attended.
    pub cohorts: BTreeSet<K>,
    /// The organisation of the first session attended that counts for one.
    pub organisation: Option<K>,
}

/// What a person's registrations, in the sessions' order, count on a certificate; `None` when
/// nothing was attended, and there is nothing to certify.
pub fn count<K: Copy + Ord>(
    registrations: impl IntoIterator<Item = Attended<K>>,
) -> Option<Counted<K>> {
    let mut modules: Vec<ModuleLine<K>> = Vec::new();
    let mut dates = BTreeSet::new();
    let mut minutes = 0;
    let mut cohorts = BTreeSet::new();
    let mut organisation = None;
    for r in registrations {
        if r.minutes == 0 {
            continue;
        }
        let date = local(r.starts_at).0;
        dates.insert(date);
        minutes += r.minutes;
        cohorts.insert(r.cohort);
        organisation = organisation.or(r.organisation);
        match modules.iter_mut().find(|m| m.module == r.module) {
            Some(line) => {
                line.dates.push(date);
                line.minutes += r.minutes;
            }
            None => modules.push(ModuleLine {
                module: r.module,
                dates: vec![date],
                minutes: r.minutes,
            }),
        }
    }
    (!modules.is_empty()).then_some(Counted {
        modules,
        days: dates.len(),
        minutes,
        cohorts,
        organisation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labs::schedule::instant;
    use chrono::NaiveTime;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        instant(day(d), NaiveTime::from_hms_opt(h, 0, 0).unwrap()).unwrap()
    }

    fn attended(
        module: u8,
        cohort: u8,
        organisation: Option<u8>,
        d: u32,
        h: u32,
        minutes: i64,
    ) -> Attended<u8> {
        Attended {
            module,
            cohort,
            organisation,
            starts_at: at(d, h),
            minutes,
        }
    }

    #[test]
    fn nothing_attended_is_no_certificate() {
        assert_eq!(count::<u8>([]), None);
        assert_eq!(
            count([
                attended(1, 10, Some(20), 3, 9, 0),
                attended(2, 10, Some(20), 4, 9, 0)
            ]),
            None
        );
    }

    #[test]
    fn modules_dates_and_minutes_add_up() {
        let c = count([
            attended(1, 10, None, 3, 9, 210),
            // Not attended: neither its date, module, cohort nor organisation count.
            attended(3, 11, Some(21), 4, 9, 0),
            attended(2, 10, Some(20), 5, 14, 180),
            attended(1, 12, Some(22), 10, 9, 480),
            // Two sessions of a module on one day: the date is stated for each, the day once.
            attended(1, 10, None, 10, 14, 60),
        ])
        .unwrap();
        assert_eq!(
            c.modules,
            vec![
                ModuleLine {
                    module: 1,
                    dates: vec![day(3), day(10), day(10)],
                    minutes: 750,
                },
                ModuleLine {
                    module: 2,
                    dates: vec![day(5)],
                    minutes: 180,
                },
            ]
        );
        assert_eq!(c.days, 3);
        assert_eq!(c.minutes, 930);
        assert_eq!(c.cohorts.into_iter().collect::<Vec<_>>(), [10, 12]);
        // The first organisation attended for, skipping sessions that count for none.
        assert_eq!(c.organisation, Some(20));
    }

    #[test]
    fn the_date_is_the_day_in_rome() {
        // 00:30 in Rome on 10 March is still 9 March in UTC.
        let late = Attended {
            module: 1u8,
            cohort: 1,
            organisation: None,
            starts_at: instant(day(10), NaiveTime::from_hms_opt(0, 30, 0).unwrap()).unwrap(),
            minutes: 60,
        };
        let c = count([late]).unwrap();
        assert_eq!(c.modules[0].dates, [day(10)]);
        assert_eq!(c.organisation, None);
    }
}
