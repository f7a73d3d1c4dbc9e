//! The checks of a partnership, alone and against its call: exactly one lead; the co-financing
//! shares summing to 100 % and none for associates; a letter from every partner but the lead;
//! and, with a call, every target country covered (when the call asks), partners from eligible
//! countries, and the partners counted by country and country group against the call's minima.
//! Associates are listed but never counted for a call's minima.

use super::{Partnership, Role};
use crate::calls::eligibility::{Check, Outcome};
use crate::calls::{groups, Call};
use crate::products::budget::rules::{Arg, Severity};
use std::collections::BTreeMap;

/// Message keys, each with the arguments it takes.
pub mod messages {
    /// Exactly one lead. Args: `partner`.
    pub const LEAD_HOLDS: &str = "partnership-check-lead-holds";
    /// No lead.
    pub const LEAD_NONE: &str = "partnership-check-lead-none";
    /// More than one lead. Args: `count`, `partners` (names joined).
    pub const LEAD_MANY: &str = "partnership-check-lead-many";
    /// The shares sum to 100 %.
    pub const SHARES_HOLD: &str = "partnership-check-shares-hold";
    /// The shares do not sum to 100 %. Args: `sum` (percent).
    pub const SHARES_SUM: &str = "partnership-check-shares-sum";
    /// No share stated.
    pub const SHARES_NONE: &str = "partnership-check-shares-none";
    /// An associate with a share. Args: `partner`.
    pub const SHARE_ASSOCIATE: &str = "partnership-check-share-associate";
    /// Every partner but the lead has its letter.
    pub const LETTERS_HOLD: &str = "partnership-check-letters-hold";
    /// A partner without a letter. Args: `partner`.
    pub const LETTER_MISSING: &str = "partnership-check-letter-missing";
    /// A target country is covered. Args: `country`.
    pub const COVER_HOLDS: &str = "partnership-check-cover-holds";
    /// A target country has no partner. Args: `country`.
    pub const COVER_MISSING: &str = "partnership-check-cover-missing";
    /// The project states no target country.
    pub const COVER_UNKNOWN: &str = "partnership-check-cover-unknown";
    /// Every partner's country is eligible.
    pub const ELIGIBLE_HOLDS: &str = "partnership-check-eligible-holds";
    /// A partner from a country the call does not admit. Args: `partner`, `country`.
    pub const ELIGIBLE_NOT: &str = "partnership-check-eligible-not";
    /// Partners counted. Args: `count`, `min`.
    pub const PARTNERS_MIN_HOLDS: &str = "partnership-check-partners-min-holds";
    pub const PARTNERS_MIN_BREACHED: &str = "partnership-check-partners-min-breached";
    /// Countries counted. Args: `count`, `min`.
    pub const COUNTRIES_MIN_HOLDS: &str = "partnership-check-countries-min-holds";
    pub const COUNTRIES_MIN_BREACHED: &str = "partnership-check-countries-min-breached";
    /// Partners of one country. Args: `country`, `count`, `max`.
    pub const PER_COUNTRY_HOLDS: &str = "partnership-check-per-country-holds";
    pub const PER_COUNTRY_BREACHED: &str = "partnership-check-per-country-breached";
    /// Partners of a group. Args: `group`, `count`, `min`.
    pub const GROUP_MIN_HOLDS: &str = "partnership-check-group-min-holds";
    pub const GROUP_MIN_BREACHED: &str = "partnership-check-group-min-breached";

    /// Every key.
    pub const ALL: &[&str] = &[
        LEAD_HOLDS,
        LEAD_NONE,
        LEAD_MANY,
        SHARES_HOLD,
        SHARES_SUM,
        SHARES_NONE,
        SHARE_ASSOCIATE,
        LETTERS_HOLD,
        LETTER_MISSING,
        COVER_HOLDS,
        COVER_MISSING,
        COVER_UNKNOWN,
        ELIGIBLE_HOLDS,
        ELIGIBLE_NOT,
        PARTNERS_MIN_HOLDS,
        PARTNERS_MIN_BREACHED,
        COUNTRIES_MIN_HOLDS,
        COUNTRIES_MIN_BREACHED,
        PER_COUNTRY_HOLDS,
        PER_COUNTRY_BREACHED,
        GROUP_MIN_HOLDS,
        GROUP_MIN_BREACHED,
    ];
}

use messages as m;

fn finding(
    rule: &'static str,
    anchor: String,
    outcome: Outcome,
    message: &'static str,
    args: Vec<(&'static str, Arg)>,
) -> Check {
    Check {
        rule,
        anchor,
        outcome,
        severity: Severity::Error,
        message,
        args,
    }
}

fn text(t: &str) -> Arg {
    Arg::Text(t.to_string())
}

/// Checks `p` alone and, when given, against `call` for a project whose target countries are
/// `targets` (ISO codes, from its logframe).
pub fn check(p: &Partnership, call: Option<&Call>, targets: &[String]) -> Vec<Check> {
    let mut out = Vec::new();
    let partnership = || "partnership".to_string();
    let anchor = |id: &str| format!("partner:{id}");

    // Exactly one lead.
    let leads: Vec<_> = p.partners.iter().filter(|x| x.role == Role::Lead).collect();
    out.push(match leads.as_slice() {
        [] => finding(
            "lead",
            partnership(),
            Outcome::Breached,
            m::LEAD_NONE,
            vec![],
        ),
        [one] => finding(
            "lead",
            anchor(&one.id),
            Outcome::Holds,
            m::LEAD_HOLDS,
            vec![("partner", text(&one.id))],
        ),
        many => finding(
            "lead",
            anchor(&many[1].id),
            Outcome::Breached,
            m::LEAD_MANY,
            vec![
                ("count", Arg::Count(many.len() as u64)),
                (
                    "partners",
                    text(
                        &many
                            .iter()
                            .map(|x| x.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ),
            ],
        ),
    });

    // Co-financing shares: exact, in hundredths of a percent.
    let stated: Vec<_> = p
        .partners
        .iter()
        .filter_map(|x| x.cofinancing.map(|s| (x, s)))
        .collect();
    if stated.is_empty() {
        let mut f = finding(
            "shares",
            partnership(),
            Outcome::Unknown,
            m::SHARES_NONE,
            vec![],
        );
        f.severity = Severity::Advice;
        out.push(f);
    } else {
        let sum: u64 = stated
            .iter()
            .map(|(_, s)| s.basis_points().unwrap_or(u64::MAX / 1024))
            .sum();
        let sum_percent = crate::products::budget::money::Decimal::new(sum, 2)
            .unwrap_or(crate::products::budget::money::Decimal::ZERO);
        out.push(if sum == 10_000 {
            finding(
                "shares",
                partnership(),
                Outcome::Holds,
                m::SHARES_HOLD,
                vec![],
            )
        } else {
            finding(
                "shares",
                partnership(),
                Outcome::Breached,
                m::SHARES_SUM,
                vec![("sum", Arg::Percent(sum_percent))],
            )
        });
        for (x, s) in &stated {
            if x.role == Role::Associate && !s.is_zero() {
                out.push(finding(
                    "share-associate",
                    anchor(&x.id),
                    Outcome::Breached,
                    m::SHARE_ASSOCIATE,
                    vec![("partner", text(&x.id))],
                ));
            }
        }
    }

    // Letters: every partner but the lead signs one (advice: the call's forms say which).
    let missing: Vec<_> = p
        .partners
        .iter()
        .filter(|x| x.role != Role::Lead && x.letter.is_none())
        .collect();
    if missing.is_empty() {
        if p.partners.len() > 1 {
            out.push(finding(
                "letters",
                partnership(),
                Outcome::Holds,
                m::LETTERS_HOLD,
                vec![],
            ));
        }
    } else {
        for x in missing {
            let mut f = finding(
                "letters",
                anchor(&x.id),
                Outcome::Breached,
                m::LETTER_MISSING,
                vec![("partner", text(&x.id))],
            );
            f.severity = Severity::Advice;
            out.push(f);
        }
    }

    let Some(call) = call else {
        return out;
    };

    // Target countries covered by a partner that counts.
    if call.cover_targets {
        if targets.is_empty() {
            out.push(finding(
                "cover",
                partnership(),
                Outcome::Unknown,
                m::COVER_UNKNOWN,
                vec![],
            ));
        }
        for c in targets {
            let covered = p.counted().any(|x| &x.country == c);
            out.push(finding(
                "cover",
                partnership(),
                if covered {
                    Outcome::Holds
                } else {
                    Outcome::Breached
                },
                if covered {
                    m::COVER_HOLDS
                } else {
                    m::COVER_MISSING
                },
                vec![("country", text(c))],
            ));
        }
    }

    // Partners from eligible countries.
    if !call.countries.is_empty() {
        let outside: Vec<_> = p
            .partners
            .iter()
            .filter(|x| !call.countries.contains(&x.country))
            .collect();
        if outside.is_empty() {
            out.push(finding(
                "eligible-countries",
                partnership(),
                Outcome::Holds,
                m::ELIGIBLE_HOLDS,
                vec![],
            ));
        }
        for x in outside {
            out.push(finding(
                "eligible-countries",
                anchor(&x.id),
                Outcome::Breached,
                m::ELIGIBLE_NOT,
                vec![("partner", text(&x.id)), ("country", text(&x.country))],
            ));
        }
    }

    // Counted by country and country group.
    let mut by_country: BTreeMap<&str, u64> = BTreeMap::new();
    for x in p.counted() {
        *by_country.entry(x.country.as_str()).or_default() += 1;
    }
    let counted = p.counted().count() as u64;
    let min = |rule, n: u64, min: u32, holds, breached, mut args: Vec<(&'static str, Arg)>| {
        args.push(("count", Arg::Count(n)));
        args.push(("min", Arg::Count(u64::from(min))));
        let ok = n >= u64::from(min);
        finding(
            rule,
            "partnership".to_string(),
            if ok {
                Outcome::Holds
            } else {
                Outcome::Breached
            },
            if ok { holds } else { breached },
            args,
        )
    };
    if call.partners_min > 0 {
        out.push(min(
            "partners-min",
            counted,
            call.partners_min,
            m::PARTNERS_MIN_HOLDS,
            m::PARTNERS_MIN_BREACHED,
            vec![],
        ));
    }
    if call.countries_min > 0 {
        out.push(min(
            "countries-min",
            by_country.len() as u64,
            call.countries_min,
            m::COUNTRIES_MIN_HOLDS,
            m::COUNTRIES_MIN_BREACHED,
            vec![],
        ));
    }
    for g in &call.group_minima {
        let n = p
            .counted()
            .filter(|x| groups::contains(&g.group, &x.country))
            .count() as u64;
        out.push(min(
            "group-min",
            n,
            g.count,
            m::GROUP_MIN_HOLDS,
            m::GROUP_MIN_BREACHED,
            vec![("group", text(&g.group))],
        ));
    }
    if let Some(max) = call.per_country_max {
        let over: Vec<_> = by_country
            .iter()
            .filter(|(_, n)| **n > u64::from(max))
            .collect();
        if over.is_empty() {
            out.push(finding(
                "per-country-max",
                partnership(),
                Outcome::Holds,
                m::PER_COUNTRY_HOLDS,
                vec![("max", Arg::Count(u64::from(max)))],
            ));
        }
        for (c, n) in over {
            out.push(finding(
                "per-country-max",
                partnership(),
                Outcome::Breached,
                m::PER_COUNTRY_BREACHED,
                vec![
                    ("country", text(c)),
                    ("count", Arg::Count(*n)),
                    ("max", Arg::Count(u64::from(max))),
                ],
            ));
        }
    }
    out
}
