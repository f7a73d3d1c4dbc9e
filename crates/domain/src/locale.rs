//! The interface languages and the way numbers, money and dates are written in each.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The programme's time zone: every time is shown as it is in Rome.
pub const TIME_ZONE: chrono_tz::Tz = chrono_tz::Europe::Rome;

/// An interface language. Italian is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    It,
    En,
    Fr,
}

impl Locale {
    /// Every supported language, Italian first.
    pub const ALL: [Locale; 3] = [Locale::It, Locale::En, Locale::Fr];

    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Locale::It => "it",
            Locale::En => "en",
            Locale::Fr => "fr",
        }
    }

    /// Parses a code such as `it`, `en-GB` or `FR`.
    pub fn parse(code: &str) -> Option<Locale> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The best supported language in an `Accept-Language` header, honouring its q-values.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let Some(tag) = pieces.next() else { continue };
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(l) = Locale::parse(tag) {
                if best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, l));
                }
            }
        }
        best.map(|(_, l)| l)
    }

    /// The language of the emails a person receives, from the languages their profile says they
    /// speak, in their order: Italian (the programme's language) when they speak it or list none
    /// of the interface languages, else the first of English and French they list.
    pub fn for_mail(spoken: &[String]) -> Locale {
        let listed: Vec<Locale> = spoken.iter().filter_map(|l| Locale::parse(l)).collect();
        if listed.contains(&Locale::It) {
            return Locale::It;
        }
        listed.first().copied().unwrap_or_default()
    }

    fn separators(self) -> (&'static str, &'static str) {
        match self {
            Locale::It => (".", ","),
            Locale::En => (",", "."),
            // French groups digits with a narrow no-break space.
            Locale::Fr => ("\u{202f}", ","),
        }
    }

    /// Writes an integer with thousands grouping: 1.234 / 1,234 / 1 234.
    pub fn integer(self, n: i64) -> String {
        let (group, _) = self.separators();
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(group);
            }
            out.push(c);
        }
        if n < 0 {
            format!("-{out}")
        } else {
            out
        }
    }

    /// Writes a fixed-point number given in hundredths: 123456 -> 1.234,56.
    pub fn hundredths(self, n: i64) -> String {
        let (_, decimal) = self.separators();
        let sign = if n < 0 { "-" } else { "" };
        let abs = n.unsigned_abs();
        format!(
            "{sign}{}{decimal}{:02}",
            self.integer((abs / 100) as i64),
            abs % 100
        )
    }

    /// Writes an amount of euro given in cents: 1.234,56 € / €1,234.56 / 1 234,56 €.
    pub fn euro(self, cents: i64) -> String {
        match self {
            Locale::En => {
                let s = self.hundredths(cents.abs());
                if cents < 0 {
                    format!("-€{s}")
                } else {
                    format!("€{s}")
                }
            }
            Locale::It | Locale::Fr => format!("{}\u{a0}€", self.hundredths(cents)),
        }
    }

    /// Writes a number of tenths without a useless zero: 15 -> 1,5; 10 -> 1.
    pub fn tenths(self, n: i64) -> String {
        let (_, decimal) = self.separators();
        let whole = self.integer(n / 10);
        match (n % 10).abs() {
            0 => whole,
            d => format!("{whole}{decimal}{d}"),
        }
    }

    /// The short name of a weekday, 0 = Monday.
    pub fn weekday(self, index: u32) -> &'static str {
        const IT: [&str; 7] = ["lun", "mar", "mer", "gio", "ven", "sab", "dom"];
        const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        const FR: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
        let i = index.min(6) as usize;
        match self {
            Locale::It => IT[i],
            Locale::En => EN[i],
            Locale::Fr => FR[i],
        }
    }

    /// The name of a month, 1 = January, as written inside a date.
    pub fn month(self, month: u32) -> &'static str {
        const IT: [&str; 12] = [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        let i = (month.clamp(1, 12) - 1) as usize;
        match self {
            Locale::It => IT[i],
            Locale::En => EN[i],
            Locale::Fr => FR[i],
        }
    }

    /// Writes a date in words: 26 novembre 2026 / 26 November 2026 / 26 novembre 2026.
    pub fn date(self, d: NaiveDate) -> String {
        format!("{} {} {}", d.day(), self.month(d.month()), d.year())
    }

    /// Writes a month of a year in words: dicembre 2026 / December 2026 / décembre 2026.
    pub fn month_year(self, year: i32, month: u32) -> String {
        format!("{} {year}", self.month(month))
    }

    /// Writes a date or a month typed as ISO text (`2027-12-31`, `2026-12`) as the reader's
    /// language writes it inside a sentence; any other text is returned as it is.
    pub fn written(self, text: &str) -> String {
        let t = text.trim();
        if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            return self.date(d);
        }
        if let Some((y, m)) = t.split_once('-') {
            if let (4, 2, Ok(year), Ok(month)) =
                (y.len(), m.len(), y.parse::<i32>(), m.parse::<u32>())
            {
                if (1..=12).contains(&month) {
                    return self.month_year(year, month);
                }
            }
        }
        text.to_string()
    }

    /// Writes an instant as the date and time in Rome: 26 novembre 2026, 23:42.
    pub fn date_time(self, t: DateTime<Utc>) -> String {
        let local = t.with_timezone(&TIME_ZONE);
        let time = local.format("%H:%M");
        match self {
            Locale::Fr => format!("{} à {time}", self.date(local.date_naive())),
            _ => format!("{}, {time}", self.date(local.date_naive())),
        }
    }
}

/// The Unicode collator (CLDR rules) of each language, made once.
fn collators() -> &'static [icu_collator::CollatorBorrowed<'static>; 3] {
    static ALL: std::sync::OnceLock<[icu_collator::CollatorBorrowed<'static>; 3]> =
        std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        Locale::ALL.map(|l| {
            let tag = icu_locale_core::Locale::try_from_str(l.code())
                .unwrap_or(icu_locale_core::Locale::UNKNOWN);
            // The collation data is compiled in: every language has its collator.
            icu_collator::CollatorBorrowed::try_new((&tag).into(), Default::default())
                .expect("compiled collation data")
        })
    })
}

impl Locale {
    /// Compares two names by the rules of this language (Unicode collation): case and accents
    /// count after the letters, so `Éco-commune` and `alfa` come before `Zeta`.
    pub fn compare(self, a: &str, b: &str) -> std::cmp::Ordering {
        let i = Locale::ALL.iter().position(|l| *l == self).unwrap_or(0);
        collators()[i].compare(a, b).then_with(|| a.cmp(b))
    }

    /// Sorts `items` by the names `name` gives, by the rules of this language.
    pub fn sort_by_name<T>(self, items: &mut [T], name: impl Fn(&T) -> &str) {
        items.sort_by(|a, b| self.compare(name(a), name(b)));
    }
}

/// Compares names where no reader is known (the data layer's lists): by the rules of Italian,
/// the programme's language. Italian, English and French share the CLDR root order (none of them
/// tailors it), so the order is the same for every reader of the interface; a test checks that.
pub fn compare_names(a: &str, b: &str) -> std::cmp::Ordering {
    Locale::It.compare(a, b)
}

/// Sorts `items` by name where no reader is known (see [`compare_names`]).
pub fn sort_by_name<T>(items: &mut [T], name: impl Fn(&T) -> &str) {
    items.sort_by(|a, b| compare_names(name(a), name(b)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn emails_in_the_language_a_person_speaks() {
        let spoken = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(Locale::for_mail(&spoken(&[])), Locale::It);
        assert_eq!(Locale::for_mail(&spoken(&["sq", "sr"])), Locale::It);
        assert_eq!(Locale::for_mail(&spoken(&["en"])), Locale::En);
        assert_eq!(Locale::for_mail(&spoken(&["sq", "fr", "en"])), Locale::Fr);
        assert_eq!(Locale::for_mail(&spoken(&["en", "fr"])), Locale::En);
        // Italian speakers read the programme's language, even when they list it after English.
        assert_eq!(Locale::for_mail(&spoken(&["en", "it"])), Locale::It);
    }

    #[test]
    fn money_per_locale() {
        assert_eq!(Locale::It.euro(123456), "1.234,56\u{a0}€");
        assert_eq!(Locale::En.euro(123456), "€1,234.56");
        assert_eq!(Locale::Fr.euro(123456), "1\u{202f}234,56\u{a0}€");
        assert_eq!(Locale::It.euro(-5), "-0,05\u{a0}€");
        assert_eq!(Locale::En.euro(-100), "-€1.00");
        assert_eq!(Locale::It.integer(1234567), "1.234.567");
        assert_eq!(Locale::En.integer(999), "999");
    }

    #[test]
    fn planned_days() {
        assert_eq!(Locale::It.tenths(15), "1,5");
        assert_eq!(Locale::En.tenths(15), "1.5");
        assert_eq!(Locale::Fr.tenths(10), "1");
    }

    #[test]
    fn iso_dates_and_months_in_words() {
        assert_eq!(Locale::It.written("2027-12-31"), "31 dicembre 2027");
        assert_eq!(Locale::En.written("2026-12"), "December 2026");
        assert_eq!(Locale::Fr.written(" 2026-02 "), "février 2026");
        assert_eq!(Locale::It.written("2026-13"), "2026-13");
        assert_eq!(Locale::It.written("entro giugno"), "entro giugno");
        assert_eq!(Locale::It.written(""), "");
    }

    #[test]
    fn dates_in_rome() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert_eq!(Locale::It.date(d), "26 novembre 2026");
        assert_eq!(Locale::En.date(d), "26 November 2026");
        // 23:42 UTC in winter is 00:42 of the next day in Rome.
        let t = Utc.with_ymd_and_hms(2026, 11, 26, 23, 42, 0).unwrap();
        assert_eq!(Locale::It.date_time(t), "27 novembre 2026, 00:42");
        assert_eq!(Locale::Fr.date_time(t), "27 novembre 2026 à 00:42");
        // Summer time: UTC+2.
        let s = Utc.with_ymd_and_hms(2026, 7, 1, 8, 0, 0).unwrap();
        assert_eq!(Locale::En.date_time(s), "1 July 2026, 10:00");
    }

    #[test]
    fn accept_language() {
        assert_eq!(
            Locale::from_accept_language("de-DE,fr;q=0.8,en;q=0.9"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_accept_language("fr-CH"), Some(Locale::Fr));
        assert_eq!(Locale::from_accept_language("de, es"), None);
        assert_eq!(Locale::parse("IT"), Some(Locale::It));
    }

    #[test]
    fn names_sort_by_the_rules_of_the_language() {
        let names = [
            "Zeta Partner",
            "Éco-commune de Sfax",
            "alfa comune",
            "Comune di Zagarolo",
            "Città di Shkodër",
            "comune di Ancona",
            "Ölçek",
            "Èze",
            "citta di Bari",
        ];
        let expected = [
            "alfa comune",
            "citta di Bari",
            "Città di Shkodër",
            "comune di Ancona",
            "Comune di Zagarolo",
            "Éco-commune de Sfax",
            "Èze",
            "Ölçek",
            "Zeta Partner",
        ];
        for l in Locale::ALL {
            let mut v = names.to_vec();
            l.sort_by_name(&mut v, |s| s);
            assert_eq!(v, expected, "{l:?}");
        }
        let mut v = names.to_vec();
        sort_by_name(&mut v, |s| s);
        assert_eq!(v, expected);
        // Raw code points would put them last.
        assert!("Éco" > "Zeta" && "alfa" > "Zeta");
    }
}
