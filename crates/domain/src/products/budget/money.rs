//! Money for budgets, exactly: amounts in integer minor units of their currency (cents for the
//! euro) with checked arithmetic, exact decimals for quantities, rates and percentages, and
//! amounts read and written as people type them in Italian, English and French. No floating
//! point anywhere.
//!
//! Reading a number (`parse_decimal`, `parse_amount`), whatever the locale:
//! - spaces (normal, no-break U+00A0, narrow no-break U+202F) only ever group thousands, and
//!   each must be followed by exactly three digits;
//! - when both `.` and `,` appear, the last one separates the decimals and the other groups
//!   thousands (`1.234,56` and `1,234.56` are the same amount in every locale);
//! - when only one of them appears more than once, it groups thousands (`1.234.567`);
//! - when one of them appears once and is followed by exactly three digits (`1,234`, `1.234`),
//!   the locale decides: Italian and French group with `.` and separate decimals with `,`;
//!   English does the opposite. So `1,234` is one thousand two hundred and thirty-four in
//!   English and one point two three four in Italian and French (too many decimals for a euro
//!   amount, unless they are zeros);
//! - otherwise that one separator separates the decimals (`2.5` and `2,5` are both two and a
//!   half everywhere, since neither can be grouping);
//! - groups of thousands are 1 to 3 digits first, then exactly 3; the number starts and ends
//!   with a digit; a sign alone (`-`) is not a number; a negative number is refused as such.
//!   Decimals beyond what the value allows are refused unless they are zeros.
//!
//! Rounding (`div_round`): half away from zero, to the nearest minor unit, as Council
//! Regulation (EC) No 1103/97 art. 5 rounds euro amounts [unverified: not in the reference file].

use crate::locale::Locale;
use serde::{Deserialize, Serialize};

/// The currencies of a budget: the euro and the target countries' currencies.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    #[default]
    Eur,
    /// Albanian lek.
    All,
    /// Serbian dinar.
    Rsd,
    /// Macedonian denar.
    Mkd,
    /// Bosnia and Herzegovina convertible mark.
    Bam,
    /// Moroccan dirham.
    Mad,
    /// Tunisian dinar.
    Tnd,
    /// Egyptian pound.
    Egp,
    /// Jordanian dinar.
    Jod,
    /// Lebanese pound.
    Lbp,
}

impl Currency {
    /// Every currency, the euro first.
    pub const ALL: [Currency; 10] = [
        Currency::Eur,
        Currency::All,
        Currency::Rsd,
        Currency::Mkd,
        Currency::Bam,
        Currency::Mad,
        Currency::Tnd,
        Currency::Egp,
        Currency::Jod,
        Currency::Lbp,
    ];

    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::All => "ALL",
            Currency::Rsd => "RSD",
            Currency::Mkd => "MKD",
            Currency::Bam => "BAM",
            Currency::Mad => "MAD",
            Currency::Tnd => "TND",
            Currency::Egp => "EGP",
            Currency::Jod => "JOD",
            Currency::Lbp => "LBP",
        }
    }

    /// Parses an ISO 4217 code, in any case; other currencies are unknown.
    pub fn parse(code: &str) -> Result<Currency, MoneyError> {
        let code = code.trim();
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code))
            .ok_or(MoneyError::UnknownCurrency)
    }

    /// Digits after the decimal separator (ISO 4217 minor units): 3 for the Tunisian and
    /// Jordanian dinars, 2 for the others.
    pub fn minor_units(self) -> u32 {
        match self {
            Currency::Tnd | Currency::Jod => 3,
            _ => 2,
        }
    }
}

/// What can go wrong with an amount, a number or a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "money", rename_all = "snake_case")]
pub enum MoneyError {
    #[error("empty")]
    Empty,
    #[error("not a number")]
    NotANumber,
    #[error("negative")]
    Negative,
    #[error("more than {max} decimals")]
    TooManyDecimals { max: u32 },
    #[error("too large")]
    Overflow,
    #[error("unknown currency")]
    UnknownCurrency,
    #[error("zero rate")]
    ZeroRate,
}

impl MoneyError {
    /// The message key explaining it (see [`super::messages`]).
    pub fn message(self) -> &'static str {
        use super::messages as m;
        match self {
            MoneyError::Empty => m::ERROR_EMPTY,
            MoneyError::NotANumber => m::ERROR_NOT_A_NUMBER,
            MoneyError::Negative => m::ERROR_NEGATIVE,
            MoneyError::TooManyDecimals { .. } => m::ERROR_TOO_MANY_DECIMALS,
            MoneyError::Overflow => m::ERROR_OVERFLOW,
            MoneyError::UnknownCurrency => m::ERROR_UNKNOWN_CURRENCY,
            MoneyError::ZeroRate => m::ERROR_ZERO_RATE,
        }
    }
}

/// Most decimals a [`Decimal`] keeps.
pub const MAX_SCALE: u32 = 9;

/// An exact non-negative decimal number, `units / 10^scale`, kept without trailing zeros so
/// that equal numbers are equal values. Stored as its text with a dot (`"2.5"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Decimal {
    units: u64,
    scale: u32,
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal { units: 0, scale: 0 };

    /// `units / 10^scale`; `None` when `scale` exceeds [`MAX_SCALE`].
    pub fn new(units: u64, scale: u32) -> Option<Decimal> {
        if scale > MAX_SCALE {
            return None;
        }
        let (mut units, mut scale) = (units, scale);
        while scale > 0 && units % 10 == 0 {
            units /= 10;
            scale -= 1;
        }
        Some(Decimal { units, scale })
    }

    /// A whole number.
    pub fn whole(n: u64) -> Decimal {
        Decimal { units: n, scale: 0 }.normalised()
    }

    fn normalised(self) -> Decimal {
        Decimal::new(self.units, self.scale).unwrap_or(self)
    }

    /// The digits, without the decimal point.
    pub fn units(self) -> u64 {
        self.units
    }

    /// How many of the digits are decimals.
    pub fn scale(self) -> u32 {
        self.scale
    }

    pub fn is_zero(self) -> bool {
        self.units == 0
    }

    /// The number read as people type it in `locale` (see the module's rules), with at most
    /// `max_scale` decimals that are not zeros.
    pub fn parse(text: &str, locale: Locale, max_scale: u32) -> Result<Decimal, MoneyError> {
        let (negative, int, frac) = read_number(text, locale)?;
        if negative {
            return Err(MoneyError::Negative);
        }
        let frac = frac.trim_end_matches('0');
        let max = max_scale.min(MAX_SCALE);
        if frac.len() > max as usize {
            return Err(MoneyError::TooManyDecimals { max });
        }
        let units = digits_value(&int, frac)?;
        Ok(Decimal::new(units, frac.len() as u32).unwrap_or(Decimal::ZERO))
    }

    /// The number with a dot and no grouping (`2.5`), as stored.
    pub fn plain(self) -> String {
        self.write('.', "")
    }

    /// The number as `locale` writes it: 1.234,5 / 1,234.5 / 1 234,5.
    pub fn format(self, locale: Locale) -> String {
        let (group, decimal) = separators(locale);
        self.write(decimal, group)
    }

    fn write(self, decimal: char, group: &str) -> String {
        let p = 10u64.pow(self.scale);
        let whole = grouped(&(self.units / p).to_string(), group);
        if self.scale == 0 {
            whole
        } else {
            format!(
                "{whole}{decimal}{:0width$}",
                self.units % p,
                width = self.scale as usize
            )
        }
    }

    /// The number of hundredths of a percent (basis points) this percentage is, exactly; `None`
    /// when it has more than two decimals or is too large.
    pub fn basis_points(self) -> Option<u64> {
        if self.scale > 2 {
            return None;
        }
        self.units.checked_mul(10u64.pow(2 - self.scale))
    }
}

impl TryFrom<String> for Decimal {
    type Error = MoneyError;
    fn try_from(text: String) -> Result<Decimal, MoneyError> {
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        if int.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(MoneyError::NotANumber);
        }
        let frac = frac.trim_end_matches('0');
        if frac.len() > MAX_SCALE as usize {
            return Err(MoneyError::TooManyDecimals { max: MAX_SCALE });
        }
        let units = digits_value(int, frac)?;
        Decimal::new(units, frac.len() as u32).ok_or(MoneyError::Overflow)
    }
}

impl From<Decimal> for String {
    fn from(d: Decimal) -> String {
        d.plain()
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.plain())
    }
}

/// An amount typed by a person in `locale`, in minor units of `currency` (cents for the euro).
/// Negative amounts are refused.
pub fn parse_amount(text: &str, locale: Locale, currency: Currency) -> Result<i64, MoneyError> {
    let (negative, int, frac) = read_number(text, locale)?;
    if negative {
        return Err(MoneyError::Negative);
    }
    let minor = currency.minor_units();
    let frac = frac.trim_end_matches('0');
    if frac.len() > minor as usize {
        return Err(MoneyError::TooManyDecimals { max: minor });
    }
    let padded = format!("{frac:0<width$}", width = minor as usize);
    let value = digits_value(&int, &padded)?;
    i64::try_from(value).map_err(|_| MoneyError::Overflow)
}

/// An amount in minor units of `currency` as `locale` writes it, with all its decimals and no
/// currency sign: 1.234,56 / 1,234.56 / 1 234,56 (narrow no-break space).
pub fn format_amount(minor: i64, currency: Currency, locale: Locale) -> String {
    let (group, decimal) = separators(locale);
    let p = 10u64.pow(currency.minor_units());
    let abs = minor.unsigned_abs();
    let sign = if minor < 0 { "-" } else { "" };
    format!(
        "{sign}{}{decimal}{:0width$}",
        grouped(&(abs / p).to_string(), group),
        abs % p,
        width = currency.minor_units() as usize
    )
}

/// An amount with its currency: 1.234,56 € / €1,234.56 / 1 234,56 € for the euro (as
/// [`Locale::euro`]), `1.234,56 ALL` / `ALL 1,234.56` for the others.
pub fn format_money(minor: i64, currency: Currency, locale: Locale) -> String {
    if currency == Currency::Eur {
        return locale.euro(minor);
    }
    let amount = format_amount(minor, currency, locale);
    match locale {
        Locale::En => format!("{}\u{a0}{amount}", currency.code()),
        Locale::It | Locale::Fr => format!("{amount}\u{a0}{}", currency.code()),
    }
}

/// `n / d` rounded to the nearest integer, halves away from zero; `d` must be positive.
pub fn div_round(n: i128, d: i128) -> i128 {
    debug_assert!(d > 0);
    if d <= 0 {
        return 0;
    }
    let (q, r) = (n / d, (n % d).abs());
    // r >= d - r is 2r >= d without overflow.
    if r >= d - r {
        if n < 0 {
            q - 1
        } else {
            q + 1
        }
    } else {
        q
    }
}

/// Unit cost × quantity, in the unit cost's minor units, rounded half away from zero.
pub fn times(unit_cost: i64, quantity: Decimal) -> Result<i64, MoneyError> {
    let product = (unit_cost as i128)
        .checked_mul(quantity.units as i128)
        .ok_or(MoneyError::Overflow)?;
    let value = div_round(product, 10i128.pow(quantity.scale));
    i64::try_from(value).map_err(|_| MoneyError::Overflow)
}

/// `minor` units of `currency` in euro cents at `per_eur` units of the currency for one euro
/// (the InforEuro convention: 1 EUR = 117,25 ALL), rounded half away from zero. The euro needs
/// no rate.
pub fn to_eur(minor: i64, currency: Currency, per_eur: Decimal) -> Result<i64, MoneyError> {
    if currency == Currency::Eur {
        return Ok(minor);
    }
    if per_eur.is_zero() {
        return Err(MoneyError::ZeroRate);
    }
    // cents = minor / 10^minor_units * 100 / (units / 10^scale)
    let numerator = (minor as i128)
        .checked_mul(100)
        .and_then(|n| n.checked_mul(10i128.pow(per_eur.scale)))
        .ok_or(MoneyError::Overflow)?;
    let denominator = (per_eur.units as i128)
        .checked_mul(10i128.pow(currency.minor_units()))
        .ok_or(MoneyError::Overflow)?;
    i64::try_from(div_round(numerator, denominator)).map_err(|_| MoneyError::Overflow)
}

/// Adds amounts, refusing to overflow.
pub fn sum(amounts: impl IntoIterator<Item = i64>) -> Result<i64, MoneyError> {
    amounts.into_iter().try_fold(0i64, |acc, a| {
        acc.checked_add(a).ok_or(MoneyError::Overflow)
    })
}

fn separators(locale: Locale) -> (&'static str, char) {
    match locale {
        Locale::It => (".", ','),
        Locale::En => (",", '.'),
        Locale::Fr => ("\u{202f}", ','),
    }
}

fn grouped(digits: &str, group: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * group.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(c);
    }
    out
}

fn digits_value(int: &str, frac: &str) -> Result<u64, MoneyError> {
    int.bytes()
        .chain(frac.bytes())
        .try_fold(0u64, |acc, b| {
            acc.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        })
        .ok_or(MoneyError::Overflow)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Reads a typed number into its sign, integer digits and decimal digits (see the module's
/// rules).
fn read_number(text: &str, locale: Locale) -> Result<(bool, String, String), MoneyError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(MoneyError::Empty);
    }
    let (negative, body) = match t.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let chars: Vec<char> = body.chars().collect();
    let ok_char = |c: &char| c.is_ascii_digit() || *c == '.' || *c == ',' || is_space(*c);
    if chars.is_empty()
        || !chars.iter().all(ok_char)
        || !chars[0].is_ascii_digit()
        || !chars[chars.len() - 1].is_ascii_digit()
    {
        return Err(MoneyError::NotANumber);
    }
    let dots = chars.iter().filter(|c| **c == '.').count();
    let commas = chars.iter().filter(|c| **c == ',').count();
    let last_mark = chars.iter().rposition(|c| *c == '.' || *c == ',');
    // The position of the decimal separator, if any.
    let decimal_at: Option<usize> = match (dots, commas) {
        (0, 0) => None,
        (d, c) if d > 0 && c > 0 => {
            let at = last_mark.ok_or(MoneyError::NotANumber)?;
            let kind_count = if chars[at] == '.' { d } else { c };
            if kind_count != 1 {
                return Err(MoneyError::NotANumber);
            }
            Some(at)
        }
        (n, 0) | (0, n) if n > 1 => None,
        _ => {
            let at = last_mark.ok_or(MoneyError::NotANumber)?;
            let after = &chars[at + 1..];
            let three_digits = after.len() == 3 && after.iter().all(|c| c.is_ascii_digit());
            let groups_by_locale = match locale {
                Locale::En => chars[at] == ',',
                Locale::It | Locale::Fr => chars[at] == '.',
            };
            if three_digits && groups_by_locale {
                None
            } else {
                Some(at)
            }
        }
    };
    let (int_part, frac_part) = match decimal_at {
        Some(at) => (&chars[..at], &chars[at + 1..]),
        None => (&chars[..], &chars[0..0]),
    };
    if !frac_part.iter().all(|c| c.is_ascii_digit()) {
        return Err(MoneyError::NotANumber);
    }
    let groups: Vec<String> = int_part
        .split(|c| !c.is_ascii_digit())
        .map(|g| g.iter().collect())
        .collect();
    if groups.len() > 1 {
        let (first, rest) = groups.split_first().ok_or(MoneyError::NotANumber)?;
        if first.is_empty() || first.len() > 3 || rest.iter().any(|g| g.len() != 3) {
            return Err(MoneyError::NotANumber);
        }
    }
    Ok((negative, groups.concat(), frac_part.iter().collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Locale::*;

    const NB: &str = "\u{a0}";
    const NNB: &str = "\u{202f}";

    #[test]
    fn minor_units_follow_iso_4217() {
        let three: Vec<_> = Currency::ALL
            .into_iter()
            .filter(|c| c.minor_units() == 3)
            .map(Currency::code)
            .collect();
        assert_eq!(three, ["TND", "JOD"]);
        assert_eq!(Currency::parse(" all "), Ok(Currency::All));
        assert_eq!(Currency::parse("USD"), Err(MoneyError::UnknownCurrency));
        assert_eq!(Currency::parse(""), Err(MoneyError::UnknownCurrency));
    }

    #[test]
    fn amounts_as_people_type_them() {
        let eur = |t: &str, l: Locale| parse_amount(t, l, Currency::Eur);
        for l in Locale::ALL {
            assert_eq!(eur("1.234,56", l), Ok(123_456), "{l:?}");
            assert_eq!(eur("1,234.56", l), Ok(123_456), "{l:?}");
            assert_eq!(eur(&format!("1{NB}234,56"), l), Ok(123_456));
            assert_eq!(eur(&format!("1{NNB}234,56"), l), Ok(123_456));
            assert_eq!(eur("1 234 567", l), Ok(123_456_700));
            assert_eq!(eur("1234", l), Ok(123_400));
            assert_eq!(eur("2,5", l), Ok(250));
            assert_eq!(eur("2.5", l), Ok(250));
            assert_eq!(eur("1.234.567", l), Ok(123_456_700));
            assert_eq!(eur("1,234,567.8", l), Ok(123_456_780));
            assert_eq!(eur("0", l), Ok(0));
            assert_eq!(eur("  12,30 ", l), Ok(1_230));
        }
        // One separator before three digits: the locale decides.
        assert_eq!(eur("1,234", En), Ok(123_400));
        assert_eq!(eur("1.234", It), Ok(123_400));
        assert_eq!(eur("1.234", Fr), Ok(123_400));
        assert_eq!(
            eur("1,234", It),
            Err(MoneyError::TooManyDecimals { max: 2 })
        );
        assert_eq!(
            eur("1.234", En),
            Err(MoneyError::TooManyDecimals { max: 2 })
        );
        // Zeros past the cents are harmless.
        assert_eq!(eur("1,230", It), Ok(123));
        // Dinars have three decimals.
        assert_eq!(parse_amount("1,234", It, Currency::Tnd), Ok(1_234));
        assert_eq!(parse_amount("1.234,5", It, Currency::Jod), Ok(1_234_500));
    }

    #[test]
    fn refused_amounts_say_why() {
        let eur = |t: &str| parse_amount(t, It, Currency::Eur);
        assert_eq!(eur(""), Err(MoneyError::Empty));
        assert_eq!(eur("   "), Err(MoneyError::Empty));
        assert_eq!(eur("-"), Err(MoneyError::NotANumber));
        assert_eq!(eur("-5"), Err(MoneyError::Negative));
        assert_eq!(eur("\u{2212}5"), Err(MoneyError::Negative));
        for bad in [
            "12a",
            "1..2",
            "1.2.3,4,5",
            ",5",
            "5,",
            "1 23",
            "12.34.5",
            "1,2,3.4.5",
            "€5",
            "1.23,4.5",
            "1234.567,8",
            "+5",
            "1e3",
        ] {
            assert_eq!(eur(bad), Err(MoneyError::NotANumber), "{bad}");
        }
        assert_eq!(eur("1,234"), Err(MoneyError::TooManyDecimals { max: 2 }));
        assert_eq!(eur("92.233.720.368.547.758,08"), Err(MoneyError::Overflow));
        assert_eq!(eur("92.233.720.368.547.758,07"), Ok(i64::MAX));
        assert_eq!(eur("99999999999999999999999"), Err(MoneyError::Overflow));
    }

    #[test]
    fn amounts_written_per_locale() {
        assert_eq!(format_amount(123_456, Currency::Eur, It), "1.234,56");
        assert_eq!(format_amount(123_456, Currency::Eur, En), "1,234.56");
        assert_eq!(
            format_amount(123_456, Currency::Eur, Fr),
            format!("1{NNB}234,56")
        );
        assert_eq!(format_amount(5, Currency::Eur, It), "0,05");
        assert_eq!(format_amount(1_234_567, Currency::Tnd, En), "1,234.567");
        assert_eq!(format_amount(-1, Currency::Jod, It), "-0,001");
        assert_eq!(
            format_amount(i64::MIN, Currency::Eur, It),
            "-92.233.720.368.547.758,08"
        );
        assert_eq!(
            format_money(123_456, Currency::Eur, It),
            format!("1.234,56{NB}€")
        );
        assert_eq!(
            format_money(123_456, Currency::All, It),
            format!("1.234,56{NB}ALL")
        );
        assert_eq!(
            format_money(123_456, Currency::All, En),
            format!("ALL{NB}1,234.56")
        );
    }

    #[test]
    fn decimals_are_exact() {
        let q = |t: &str, l| Decimal::parse(t, l, 4);
        assert_eq!(q("2,5", It), Ok(Decimal::new(25, 1).unwrap()));
        assert_eq!(q("2.50", En), Ok(Decimal::new(25, 1).unwrap()));
        assert_eq!(q("2,5000", Fr).unwrap(), Decimal::new(250, 2).unwrap());
        assert_eq!(
            q("0,00001", It),
            Err(MoneyError::TooManyDecimals { max: 4 })
        );
        assert_eq!(q("-1", It), Err(MoneyError::Negative));
        assert_eq!(Decimal::new(12_345, 1).unwrap().format(It), "1.234,5");
        assert_eq!(
            Decimal::new(12_345, 1).unwrap().format(Fr),
            format!("1{NNB}234,5")
        );
        assert_eq!(Decimal::whole(7).format(En), "7");
        assert_eq!(Decimal::new(11_725, 2).unwrap().plain(), "117.25");
        let stored = serde_json::to_string(&Decimal::new(6_195, 2).unwrap()).unwrap();
        assert_eq!(stored, "\"61.95\"");
        assert_eq!(
            serde_json::from_str::<Decimal>(&stored).unwrap(),
            Decimal::new(6_195, 2).unwrap()
        );
        assert!(serde_json::from_str::<Decimal>("\"1,5\"").is_err());
        assert!(serde_json::from_str::<Decimal>("\"-1\"").is_err());
        assert_eq!(
            Decimal::parse("7,5", It, 2).unwrap().basis_points(),
            Some(750)
        );
        assert_eq!(Decimal::whole(100).basis_points(), Some(10_000));
        assert_eq!(Decimal::new(1, 3).unwrap().basis_points(), None);
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(div_round(5, 10), 1);
        assert_eq!(div_round(4, 10), 0);
        assert_eq!(div_round(-5, 10), -1);
        assert_eq!(div_round(-4, 10), 0);
        assert_eq!(div_round(15, 10), 2);
        assert_eq!(div_round(25, 10), 3);
        assert_eq!(div_round(i128::MAX, 2), i128::MAX / 2 + 1);
    }

    #[test]
    fn unit_cost_times_quantity() {
        let q = |t: &str| Decimal::parse(t, It, 4).unwrap();
        // 2,5 months at 3.333,33 €: 8.333,325 € rounds to 8.333,33 €.
        assert_eq!(times(333_333, q("2,5")), Ok(833_333));
        // 0,5 × 0,01 € = 0,005 € rounds up to 0,01 €; 0,4 × 0,01 € to nothing.
        assert_eq!(times(1, q("0,5")), Ok(1));
        assert_eq!(times(1, q("0,4")), Ok(0));
        assert_eq!(times(12_000, q("12")), Ok(144_000));
        assert_eq!(times(i64::MAX, q("1")), Ok(i64::MAX));
        assert_eq!(times(i64::MAX, q("1,0001")), Err(MoneyError::Overflow));
        assert_eq!(
            times(i64::MAX, Decimal::new(u64::MAX, 0).unwrap()),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn conversion_to_euro() {
        let rate = |t: &str| Decimal::parse(t, It, 6).unwrap();
        // 1 EUR = 100 ALL: 1.000,00 ALL is 10,00 €.
        assert_eq!(to_eur(100_000, Currency::All, rate("100")), Ok(1_000));
        // 1 EUR = 117,25 ALL: 1.000.000,00 ALL is 8.528,7846… € -> 8.528,78 €.
        assert_eq!(
            to_eur(100_000_000, Currency::All, rate("117,25")),
            Ok(852_878)
        );
        // 1 EUR = 61,695 MKD: 6.169,50 MKD is exactly 100,00 €.
        assert_eq!(to_eur(616_950, Currency::Mkd, rate("61,695")), Ok(10_000));
        // Dinars: 1 EUR = 3,3 TND, 1,650 TND is 0,50 €.
        assert_eq!(to_eur(1_650, Currency::Tnd, rate("3,3")), Ok(50));
        // Half a cent rounds away from zero: 1 ALL at 200 ALL/EUR is 0,005 €.
        assert_eq!(to_eur(100, Currency::All, rate("200")), Ok(1));
        assert_eq!(to_eur(99, Currency::All, rate("200")), Ok(0));
        assert_eq!(to_eur(5, Currency::Eur, Decimal::ZERO), Ok(5));
        assert_eq!(
            to_eur(5, Currency::All, Decimal::ZERO),
            Err(MoneyError::ZeroRate)
        );
        assert_eq!(
            to_eur(i64::MAX, Currency::All, rate("0,000001")),
            Err(MoneyError::Overflow)
        );
        assert_eq!(sum([i64::MAX, 1]), Err(MoneyError::Overflow));
        assert_eq!(sum([1, 2, 3]), Ok(6));
    }
}
