//! Attendance: a session is split into half-days (morning until 13:00 in Rome, afternoon after),
//! each with its own minutes; a participant's hours are the minutes of the half-days they
//! attended, and rates are attended over expected minutes, grouped as the report needs. Only
//! registrations to held sessions count; a participant's own session page states whether any
//! half-day was recorded for them and the minutes attended.

use super::schedule::local;
use super::Status;
use crate::locale::TIME_ZONE;
use chrono::{DateTime, NaiveTime, TimeZone, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// Where the morning ends and the afternoon begins, in Rome.
pub fn noon() -> NaiveTime {
    NaiveTime::from_hms_opt(13, 0, 0).unwrap_or_default()
}

/// One half-day of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HalfDay {
    /// 0 for the morning, 1 for the afternoon.
    pub index: i64,
    pub minutes: i64,
}

/// The half-days a session covers, with their minutes. Sessions are on a single date.
pub fn half_days(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> Vec<HalfDay> {
    let (date, _) = local(starts_at);
    let split = match TIME_ZONE.from_local_datetime(&date.and_time(noon())) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            t.with_timezone(&Utc)
        }
        chrono::LocalResult::None => starts_at,
    };
    let mut out = Vec::new();
    let morning = (ends_at.min(split) - starts_at).num_minutes();
    if morning > 0 {
        out.push(HalfDay {
            index: 0,
            minutes: morning,
        });
    }
    let afternoon = (ends_at - starts_at.max(split)).num_minutes();
    if afternoon > 0 {
        out.push(HalfDay {
            index: 1,
            minutes: afternoon,
        });
    }
    out
}

/// The half-day under way at `now`: before the start it is the first one, after the end the last.
pub fn half_day_at(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    let days = half_days(starts_at, ends_at);
    let first = days.first().map(|h| h.index).unwrap_or(0);
    let last = days.last().map(|h| h.index).unwrap_or(0);
    if now.with_timezone(&TIME_ZONE).time() < noon() {
        first
    } else {
        last
    }
}

/// Minutes attended: the minutes of the half-days present.
pub fn minutes_attended(days: &[HalfDay], present: &[i64]) -> i64 {
    days.iter()
        .filter(|h| present.contains(&h.index))
        .map(|h| h.minutes)
        .sum()
}

/// Attended over expected minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub expected: i64,
    pub attended: i64,
}

impl Rate {
    /// The rate in whole percent, rounded half up; `None` when nothing was expected.
    pub fn percent(self) -> Option<i64> {
        (self.expected > 0).then(|| (self.attended * 200 + self.expected) / (self.expected * 2))
    }
}

/// Both rates' minutes together.
impl std::ops::Add for Rate {
    type Output = Rate;

    fn add(self, other: Rate) -> Rate {
        Rate {
            expected: self.expected + other.expected,
            attended: self.attended + other.attended,
        }
    }
}

/// A registration's rate at one session: every half-day's minutes expected, the minutes of the
/// half-days present attended.
pub fn rate(days: &[HalfDay], present: &[i64]) -> Rate {
    Rate {
        expected: days.iter().map(|h| h.minutes).sum(),
        attended: minutes_attended(days, present),
    }
}

/// Whether a registration counts towards hours and rates: the person is registered (an invitation
/// is not a registration) to a session that was held.
pub fn counts(status: Status, registered: bool) -> bool {
    status == Status::Held && registered
}

/// What a participant's session page says of their attendance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Presence {
    /// Whether any half-day is recorded for them, by their check-in or on the register.
    pub recorded: bool,
    /// The minutes of the half-days attended.
    pub minutes: i64,
}

/// A participant's attendance at a session of these half-days, from the half-days recorded for
/// them.
pub fn presence(days: &[HalfDay], present: &[i64]) -> Presence {
    Presence {
        recorded: !present.is_empty(),
        minutes: minutes_attended(days, present),
    }
}

/// Minutes as hours in tenths, for display with `Locale::tenths`.
pub fn hours_tenths(minutes: i64) -> i64 {
    (minutes + 3) / 6
}

/// One registration of a held session, with what it expected and what was attended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<K> {
    pub participant: K,
    pub organisation: Option<K>,
    pub module: K,
    pub rate: Rate,
}

/// Rates grouped by a key of each line, in key order; lines without a key are left out.
pub fn rates_by<K: Clone, G: Ord + Clone>(
    lines: &[Line<K>],
    key: impl Fn(&Line<K>) -> Option<G>,
) -> Vec<(G, Rate)> {
    let mut groups: BTreeMap<G, Rate> = BTreeMap::new();
    for l in lines {
        if let Some(k) = key(l) {
            let e = groups.entry(k).or_default();
            *e = *e + l.rate;
        }
    }
    groups.into_iter().collect()
}

/// The rate across every line.
pub fn overall<K>(lines: &[Line<K>]) -> Rate {
    lines.iter().fold(Rate::default(), |acc, l| acc + l.rate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labs::schedule::instant;
    use chrono::NaiveDate;

    fn t(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        instant(
            NaiveDate::from_ymd_opt(2027, 3, d).unwrap(),
            NaiveTime::from_hms_opt(h, m, 0).unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn a_full_day_has_two_half_days() {
        let days = half_days(t(10, 9, 30), t(10, 17, 30));
        assert_eq!(
            days,
            vec![
                HalfDay {
                    index: 0,
                    minutes: 210
                },
                HalfDay {
                    index: 1,
                    minutes: 270
                }
            ]
        );
        assert_eq!(minutes_attended(&days, &[1]), 270);
        assert_eq!(minutes_attended(&days, &[0, 1]), 480);
        assert_eq!(half_days(t(10, 14, 0), t(10, 17, 0)).len(), 1);
        assert_eq!(half_days(t(10, 14, 0), t(10, 17, 0))[0].index, 1);
        assert_eq!(half_day_at(t(10, 9, 30), t(10, 17, 30), t(10, 9, 0)), 0);
        assert_eq!(half_day_at(t(10, 9, 30), t(10, 17, 30), t(10, 14, 0)), 1);
        assert_eq!(half_day_at(t(10, 9, 0), t(10, 12, 0), t(10, 12, 30)), 0);
    }

    #[test]
    fn the_night_of_the_change_counts_real_minutes() {
        let days = half_days(t(28, 1, 0), t(28, 4, 0));
        assert_eq!(
            days,
            vec![HalfDay {
                index: 0,
                minutes: 120
            }]
        );
    }

    #[test]
    fn rates_group_and_round() {
        let line = |p: u8, o: Option<u8>, m: u8, e: i64, a: i64| Line {
            participant: p,
            organisation: o,
            module: m,
            rate: Rate {
                expected: e,
                attended: a,
            },
        };
        let lines = vec![
            line(1, Some(10), 100, 480, 480),
            line(1, Some(10), 101, 210, 0),
            line(2, Some(10), 100, 480, 270),
            line(3, None, 101, 210, 210),
        ];
        let by_org = rates_by(&lines, |l| l.organisation);
        assert_eq!(by_org.len(), 1);
        assert_eq!(by_org[0].1.expected, 1170);
        assert_eq!(by_org[0].1.attended, 750);
        assert_eq!(by_org[0].1.percent(), Some(64));
        let by_module = rates_by(&lines, |l| Some(l.module));
        assert_eq!(by_module[1].1.percent(), Some(50));
        assert_eq!(overall(&lines).percent(), Some(70));
        assert_eq!(Rate::default().percent(), None);
        assert_eq!(
            Rate {
                expected: 3,
                attended: 2
            }
            .percent(),
            Some(67)
        );
        assert_eq!(hours_tenths(210), 35);
        assert_eq!(hours_tenths(20), 3);
    }

    #[test]
    fn a_registration_rate_expects_every_half_day() {
        let days = half_days(t(10, 9, 30), t(10, 17, 30));
        assert_eq!(
            rate(&days, &[0]),
            Rate {
                expected: 480,
                attended: 210
            }
        );
        assert_eq!(rate(&days, &[0, 1]).percent(), Some(100));
        assert_eq!(rate(&days, &[]).percent(), Some(0));
        // A half-day the session no longer covers adds nothing.
        let afternoon = half_days(t(10, 14, 0), t(10, 17, 0));
        assert_eq!(
            rate(&afternoon, &[0]),
            Rate {
                expected: 180,
                attended: 0
            }
        );
        assert_eq!(rate(&[], &[0]), Rate::default());
    }

    #[test]
    fn only_registrations_to_held_sessions_count() {
        assert!(counts(Status::Held, true));
        assert!(!counts(Status::Held, false));
        for s in [Status::Planned, Status::Confirmed, Status::Cancelled] {
            assert!(!counts(s, true), "{s:?}");
            assert!(!counts(s, false), "{s:?}");
        }
    }

    #[test]
    fn the_session_page_states_what_was_recorded() {
        let days = half_days(t(10, 9, 30), t(10, 17, 30));
        assert_eq!(presence(&days, &[]), Presence::default());
        assert_eq!(
            presence(&days, &[1]),
            Presence {
                recorded: true,
                minutes: 270
            }
        );
        assert_eq!(
            presence(&days, &[0, 1]),
            Presence {
                recorded: true,
                minutes: 480
            }
        );
        // Recorded for a half-day the session no longer covers: attended, for no minutes.
        let morning = half_days(t(10, 9, 0), t(10, 12, 0));
        assert_eq!(
            presence(&morning, &[1]),
            Presence {
                recorded: true,
                minutes: 0
            }
        );
    }
}
