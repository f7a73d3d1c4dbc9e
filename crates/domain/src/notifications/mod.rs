//! Notifications as each person prefers: the kinds of event a person is told of, how each is
//! delivered (at once, in a daily or a weekly digest, or not at all), the defaults, when digests
//! go out (08:00 in Rome; weekly ones on Monday) and the signed links that unsubscribe from one
//! kind without signing in (`unsubscribe`).

pub mod unsubscribe;

use crate::policy::Rule;
use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc, Weekday};

/// Who may reach each page: everyone signed in has their preferences (their notifications are
/// listed by `products`' inbox); an
/// unsubscribe link works for anyone holding it (its signature is the permission).
pub const POLICY: &[(&str, Rule)] = &[
    ("notifications.preferences", Rule::SignedIn),
    ("notifications.preferences_save", Rule::SignedIn),
    ("notifications.unsubscribe", Rule::Public),
    ("notifications.unsubscribe_confirm", Rule::Public),
];

/// What a person can be told of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Someone mentioned me in a discussion.
    Mention,
    /// Someone replied in a discussion I started.
    Reply,
    /// A discussion started in a space I belong to.
    NewThread,
    /// A review of a product of my administration (submitted, changes requested, approved).
    Review,
    /// Labs: invitations and changes to the sessions I take part in.
    Lab,
    /// A territorial table's convocations, changes and cancellations.
    Convocation,
}

impl Kind {
    /// Every kind, in the order the preferences page shows them.
    pub const ALL: [Kind; 6] = [
        Kind::Mention,
        Kind::Reply,
        Kind::NewThread,
        Kind::Review,
        Kind::Lab,
        Kind::Convocation,
    ];

    /// The stable code stored in the database and used in forms and links.
    pub const fn code(self) -> &'static str {
        match self {
            Kind::Mention => "mention",
            Kind::Reply => "reply",
            Kind::NewThread => "new_thread",
            Kind::Review => "review",
            Kind::Lab => "lab",
            Kind::Convocation => "convocation",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// How a person who never chose is told: at once of what is addressed to them, weekly of
    /// the discussions started in their spaces (every space of the programme would otherwise
    /// fill their mailbox).
    pub const fn default_delivery(self) -> Delivery {
        match self {
            Kind::NewThread => Delivery::Weekly,
            _ => Delivery::Immediate,
        }
    }

    /// Whether the kind is told of in the discussions (and gathered in digests).
    pub const fn in_community(self) -> bool {
        matches!(self, Kind::Mention | Kind::Reply | Kind::NewThread)
    }

    /// Whether a person may choose `delivery` for this kind: every delivery for the community's
    /// kinds (gathered in digests); at once or off for reviews, labs and tables' convocations,
    /// whose emails are sent by the change they tell of and are dated (an invitation or a
    /// convocation in tomorrow's digest could arrive after the fact; a convocation carries its
    /// calendar entry, which a digest cannot).
    pub const fn offers(self, delivery: Delivery) -> bool {
        match self {
            Kind::Mention | Kind::Reply | Kind::NewThread => true,
            Kind::Review | Kind::Lab | Kind::Convocation => {
                matches!(delivery, Delivery::Immediate | Delivery::Off)
            }
        }
    }

    /// Whether the preferences page offers a choice for this kind.
    pub const fn choosable(self) -> bool {
        self.offers(Delivery::Immediate)
    }
}

/// How one kind of notification reaches a person by email (it is always listed in the app).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    Immediate,
    Daily,
    Weekly,
    Off,
}

impl Delivery {
    /// Every choice, in the order the preferences page offers them.
    pub const ALL: [Delivery; 4] = [
        Delivery::Immediate,
        Delivery::Daily,
        Delivery::Weekly,
        Delivery::Off,
    ];

    /// The stable code stored in the database and used in forms.
    pub const fn code(self) -> &'static str {
        match self {
            Delivery::Immediate => "immediate",
            Delivery::Daily => "daily",
            Delivery::Weekly => "weekly",
            Delivery::Off => "off",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Delivery> {
        Delivery::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// The two digests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Digest {
    Daily,
    Weekly,
}

impl Digest {
    /// Both digests.
    pub const ALL: [Digest; 2] = [Digest::Daily, Digest::Weekly];

    /// The stable code (as the delivery it gathers).
    pub const fn code(self) -> &'static str {
        self.delivery().code()
    }

    /// The delivery this digest gathers.
    pub const fn delivery(self) -> Delivery {
        match self {
            Digest::Daily => Delivery::Daily,
            Digest::Weekly => Delivery::Weekly,
        }
    }
}

/// The local time digests go out in Rome: the start of an office day.
pub const DIGEST_TIME: (u32, u32) = (8, 0);

/// The first moment strictly after `after` at which `digest` goes out: every day at 08:00 in
/// Rome, or every Monday at 08:00 in Rome (the clock change moves it in UTC, not in Rome).
pub fn next_digest(digest: Digest, after: DateTime<Utc>) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(DIGEST_TIME.0, DIGEST_TIME.1, 0).unwrap_or_default();
    let (mut day, _) = crate::labs::schedule::local(after);
    // Eight days always reach the next Monday past `after`.
    for _ in 0..9 {
        let fits = digest == Digest::Daily || day.weekday() == Weekday::Mon;
        if fits {
            if let Ok(at) = crate::labs::schedule::instant(day, time) {
                if at > after {
                    return at;
                }
            }
        }
        day += Duration::days(1);
    }
    after + Duration::days(1)
}

/// Which delivery each kind has for a person, from the choices they saved (`saved`: kind and
/// delivery codes; unknown codes are ignored), the defaults filling the rest.
pub fn preferences(saved: &[(String, String)]) -> Vec<(Kind, Delivery)> {
    Kind::ALL
        .into_iter()
        .map(|k| {
            let chosen = saved
                .iter()
                .find(|(kind, _)| kind == k.code())
                .and_then(|(_, d)| Delivery::parse(d));
            (k, chosen.unwrap_or(k.default_delivery()))
        })
        .collect()
}

/// A preferences form the page never sends: an unknown delivery, a delivery the kind does not
/// offer, or a kind named twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CraftedForm;

/// Checks the preferences form: one choice per kind, each a delivery the kind offers. A kind
/// left out or empty keeps its choice; other fields are ignored.
pub fn check_preferences(form: &[(String, String)]) -> Result<Vec<(Kind, Delivery)>, CraftedForm> {
    let mut out: Vec<(Kind, Delivery)> = Vec::new();
    for (field, value) in form {
        // Fields the form does not have are ignored; an empty choice keeps the saved one.
        let Some(kind) = Kind::parse(field) else {
            continue;
        };
        if value.trim().is_empty() {
            continue;
        }
        let Some(delivery) = Delivery::parse(value) else {
            return Err(CraftedForm);
        };
        if out.iter().any(|(k, _)| *k == kind) || !kind.offers(delivery) {
            return Err(CraftedForm);
        }
        out.push((kind, delivery));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn daily_digests_go_out_at_eight_in_rome_whatever_the_season() {
        // Winter: Rome is UTC+1.
        assert_eq!(
            next_digest(Digest::Daily, utc(2026, 12, 6, 19, 0)),
            utc(2026, 12, 7, 7, 0)
        );
        assert_eq!(
            next_digest(Digest::Daily, utc(2026, 12, 7, 6, 59)),
            utc(2026, 12, 7, 7, 0)
        );
        // Exactly at the time: the next one.
        assert_eq!(
            next_digest(Digest::Daily, utc(2026, 12, 7, 7, 0)),
            utc(2026, 12, 8, 7, 0)
        );
        // Summer: UTC+2.
        assert_eq!(
            next_digest(Digest::Daily, utc(2026, 7, 1, 12, 0)),
            utc(2026, 7, 2, 6, 0)
        );
        // Across the change to summer time (29 March 2026).
        assert_eq!(
            next_digest(Digest::Daily, utc(2026, 3, 28, 8, 0)),
            utc(2026, 3, 29, 6, 0)
        );
    }

    #[test]
    fn weekly_digests_go_out_on_monday_at_eight_in_rome() {
        // Sunday 6 December 2026, evening: Monday the 7th.
        assert_eq!(
            next_digest(Digest::Weekly, utc(2026, 12, 6, 19, 0)),
            utc(2026, 12, 7, 7, 0)
        );
        // Monday after eight: the following Monday.
        assert_eq!(
            next_digest(Digest::Weekly, utc(2026, 12, 7, 7, 0)),
            utc(2026, 12, 14, 7, 0)
        );
        // 23:30 UTC on Sunday is already Monday 00:30 in Rome: the digest is at eight that
        // morning.
        assert_eq!(
            next_digest(Digest::Weekly, utc(2026, 12, 13, 23, 30)),
            utc(2026, 12, 14, 7, 0)
        );
    }

    #[test]
    fn preferences_fill_defaults_and_refuse_crafted_forms() {
        let p = preferences(&[
            ("reply".into(), "daily".into()),
            ("nonsense".into(), "off".into()),
            ("lab".into(), "sometimes".into()),
        ]);
        assert_eq!(p.len(), Kind::ALL.len());
        assert!(p.contains(&(Kind::Reply, Delivery::Daily)));
        assert!(p.contains(&(Kind::Lab, Delivery::Immediate)));
        assert!(p.contains(&(Kind::NewThread, Delivery::Weekly)));
        assert!(p.contains(&(Kind::Mention, Delivery::Immediate)));
        let ok = check_preferences(&[
            ("mention".into(), "off".into()),
            ("new_thread".into(), "daily".into()),
        ])
        .unwrap();
        assert_eq!(
            ok,
            vec![
                (Kind::Mention, Delivery::Off),
                (Kind::NewThread, Delivery::Daily)
            ]
        );
        assert!(check_preferences(&[("mention".into(), "hourly".into())]).is_err());
        // Reviews, labs and convocations are emailed at once or not at all.
        for kind in ["review", "lab", "convocation"] {
            assert!(check_preferences(&[(kind.into(), "off".into())]).is_ok());
            assert!(check_preferences(&[(kind.into(), "immediate".into())]).is_ok());
            assert!(check_preferences(&[(kind.into(), "daily".into())]).is_err());
            assert!(check_preferences(&[(kind.into(), "weekly".into())]).is_err());
        }
        for k in Kind::ALL {
            assert!(k.offers(k.default_delivery()) || !k.choosable());
        }
        assert_eq!(
            check_preferences(&[("spam".into(), "off".into()), ("reply".into(), "".into())]),
            Ok(vec![])
        );
        assert!(check_preferences(&[
            ("mention".into(), "off".into()),
            ("mention".into(), "daily".into())
        ])
        .is_err());
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.code()), Some(k));
        }
        for d in Delivery::ALL {
            assert_eq!(Delivery::parse(d.code()), Some(d));
        }
    }
}
