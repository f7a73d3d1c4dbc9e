//! Reading the values of indicators as people write them: "1.200.000", "0,705", "35%",
//! "25 000 personnes", "€ 14.000". A value is read by the format the indicator itself declares
//! through an unambiguous value, else by the convention of the matrix's language; a value that
//! could mean two numbers ("1.234" when neither says which) is ambiguous and is asked about.

/// Which character separates the decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    /// `1,234.5` (English).
    DotDecimal,
    /// `1.234,5` (Italian, French; French also groups with spaces).
    CommaDecimal,
}

impl Convention {
    /// The convention of a language code (`it`, `en`, `fr`); none when the language is not known.
    pub fn of_language(code: &str) -> Option<Convention> {
        match code {
            "en" => Some(Convention::DotDecimal),
            "it" | "fr" => Some(Convention::CommaDecimal),
            _ => None,
        }
    }
}

/// What a value reads as.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// Not a number (words, or empty).
    Words,
    Number(f64),
    /// Could be either number: as grouping (first) or as decimals (second).
    Ambiguous(f64, f64),
}

impl Reading {
    pub fn number(self) -> Option<f64> {
        match self {
            Reading::Number(n) => Some(n),
            _ => None,
        }
    }
}

/// The number at the start of a value, as written: sign, digits and separators, with the rest
/// of the text. Spaces count as separators only before a group of exactly three digits.
fn leading(text: &str) -> Option<(bool, String, &str)> {
    let mut t = text.trim();
    for symbol in ["€", "$", "£", "EUR", "USD"] {
        if let Some(rest) = t.strip_prefix(symbol) {
            t = rest.trim_start();
        }
    }
    let mut negative = false;
    if let Some(rest) = t.strip_prefix(['-', '−']) {
        negative = true;
        t = rest;
    } else if let Some(rest) = t.strip_prefix('+') {
        t = rest;
    }
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut token = String::new();
    let mut end = 0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let next_digit = chars.get(i + 1).is_some_and(|(_, n)| n.is_ascii_digit());
        if c.is_ascii_digit() || ((c == '.' || c == ',') && next_digit && !token.is_empty()) {
            token.push(c);
        } else if matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'') && !token.is_empty() {
            // A group of exactly three digits follows.
            let group: String = chars[i + 1..]
                .iter()
                .take_while(|(_, d)| d.is_ascii_digit())
                .map(|(_, d)| *d)
                .collect();
            if group.len() != 3 {
                break;
            }
            token.push(' ');
        } else if c == '.' || c == ',' {
            // ".5" or a full stop after the number.
            if token.is_empty() && next_digit {
                token.push('0');
                token.push(c);
            } else {
                break;
            }
        } else {
            break;
        }
        i += 1;
        end = at + c.len_utf8();
    }
    if !token.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((negative, token, &t[end..]))
}

/// Whether `groups` (after the first) are all three digits long and the first is 1 to 3 digits
/// not starting with a lone zero: the shape of thousands separators.
fn grouped(parts: &[&str]) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return false;
    };
    !first.is_empty()
        && first.len() <= 3
        && !(first.starts_with('0'))
        && rest.iter().all(|g| g.len() == 3)
}

fn parse(int: &str, frac: &str) -> Option<f64> {
    let text = if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    };
    text.parse().ok()
}

/// What the number part of a value is, with `decimal` the decimal separator when known.
fn interpret(token: &str, decimal: Option<char>) -> Option<Reading> {
    // Spaces only ever group thousands.
    let spaced: Vec<&str> = token.split(' ').collect();
    if spaced.len() > 1 {
        let mut head = spaced.clone();
        let last = head.pop()?;
        let (last_int, tail) = match last.find(['.', ',']) {
            Some(p) => (&last[..p], &last[p..]),
            None => (last, ""),
        };
        head.push(last_int);
        if !grouped(&head) || head.iter().any(|g| g.contains(['.', ','])) {
            return None;
        }
        let joined = format!("{}{tail}", head.concat());
        // After spaces the decimal separator is the comma (French) or the dot.
        return interpret(
            &joined,
            decimal.or(Some(if tail.starts_with(',') { ',' } else { '.' })),
        );
    }
    let dots = token.matches('.').count();
    let commas = token.matches(',').count();
    let reading = match (dots, commas) {
        (0, 0) => Reading::Number(parse(token, "")?),
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let parts: Vec<&str> = token.split(sep).collect();
            if parts.len() > 2 {
                if !grouped(&parts) {
                    return None;
                }
                Reading::Number(parse(&parts.concat(), "")?)
            } else {
                let (int, frac) = (parts[0], parts[1]);
                let as_decimal = parse(int, frac)?;
                if !grouped(&parts) {
                    Reading::Number(as_decimal)
                } else {
                    let as_grouping = parse(&parts.concat(), "")?;
                    match decimal {
                        Some(d) if d == sep => Reading::Number(as_decimal),
                        Some(_) => Reading::Number(as_grouping),
                        None => Reading::Ambiguous(as_grouping, as_decimal),
                    }
                }
            }
        }
        _ => {
            // Both: the last one separates the decimals.
            let last = token.rfind(['.', ','])?;
            let sep = token[last..].chars().next()?;
            let group_sep = if sep == '.' { ',' } else { '.' };
            let (int, frac) = (&token[..last], &token[last + 1..]);
            if int.contains(sep) {
                return None;
            }
            let parts: Vec<&str> = int.split(group_sep).collect();
            if !grouped(&parts) {
                return None;
            }
            Reading::Number(parse(&parts.concat(), frac)?)
        }
    };
    Some(reading)
}

/// The decimal separator an unambiguous value shows, if any: "1.234,5", "1.200.000" (then the
/// comma), "0,705", "12.5".
pub fn declared(text: &str) -> Option<Convention> {
    let (_, token, _) = leading(text)?;
    let token = token.replace(' ', "");
    let dots = token.matches('.').count();
    let commas = token.matches(',').count();
    let decimal = match (dots, commas) {
        (0, 0) => return None,
        (d, 0) if d > 1 => ',',
        (0, c) if c > 1 => '.',
        (1, 0) | (0, 1) => {
            let sep = if dots == 1 { '.' } else { ',' };
            let parts: Vec<&str> = token.split(sep).collect();
            if grouped(&parts) {
                return None;
            }
            sep
        }
        _ => token[token.rfind(['.', ','])?..].chars().next()?,
    };
    Some(if decimal == '.' {
        Convention::DotDecimal
    } else {
        Convention::CommaDecimal
    })
}

/// Reads the number a value starts with, by `convention` when the value alone does not say.
pub fn read(text: &str, convention: Option<Convention>) -> Reading {
    let Some((negative, token, _)) = leading(text) else {
        return Reading::Words;
    };
    let decimal = convention.map(|c| match c {
        Convention::DotDecimal => '.',
        Convention::CommaDecimal => ',',
    });
    let sign = if negative { -1.0 } else { 1.0 };
    match interpret(&token, decimal) {
        Some(Reading::Number(n)) => Reading::Number(sign * n),
        Some(Reading::Ambiguous(a, b)) => Reading::Ambiguous(sign * a, sign * b),
        _ => Reading::Words,
    }
}

/// What follows the number a value starts with ("comuni" in "12 comuni"), or None when the
/// value does not start with a number.
pub fn after_number(text: &str) -> Option<&str> {
    leading(text).map(|(_, _, rest)| rest.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Convention::*;

    fn n(text: &str, c: Option<Convention>) -> Option<f64> {
        read(text, c).number()
    }

    #[test]
    fn a_leading_zero_is_never_a_thousand() {
        // The case: 0.705 is a decimal in every language.
        for c in [None, Some(DotDecimal), Some(CommaDecimal)] {
            assert_eq!(n("0.705", c), Some(0.705));
            assert_eq!(n("0,705", c), Some(0.705));
        }
    }

    #[test]
    fn groups_of_three_follow_the_language_or_are_ambiguous() {
        assert_eq!(n("1.234", Some(CommaDecimal)), Some(1234.0));
        assert_eq!(n("1.234", Some(DotDecimal)), Some(1.234));
        assert_eq!(n("1,234", Some(DotDecimal)), Some(1234.0));
        assert_eq!(n("1,234", Some(CommaDecimal)), Some(1.234));
        assert_eq!(read("1.234", None), Reading::Ambiguous(1234.0, 1.234));
        assert_eq!(read("1,234", None), Reading::Ambiguous(1234.0, 1.234));
    }

    #[test]
    fn unambiguous_shapes_read_alike_everywhere() {
        for c in [None, Some(DotDecimal), Some(CommaDecimal)] {
            assert_eq!(n("1.200.000", c), Some(1_200_000.0));
            assert_eq!(n("1,200,000", c), Some(1_200_000.0));
            assert_eq!(n("1.234,5", c), Some(1234.5));
            assert_eq!(n("1,234.5", c), Some(1234.5));
            assert_eq!(n("12.5", c), Some(12.5));
            assert_eq!(n("1,5", c), Some(1.5));
            assert_eq!(n("1234.567", c), Some(1234.567));
            assert_eq!(n("25 000 personnes", c), Some(25_000.0));
            assert_eq!(n("1 234,5", c), Some(1234.5));
            assert_eq!(n("35%", c), Some(35.0));
            assert_eq!(n("12 comuni", c), Some(12.0));
            assert_eq!(n("€ 14.500,00", c), Some(14_500.0));
            assert_eq!(n("-3", c), Some(-3.0));
        }
    }

    #[test]
    fn words_and_malformed_groups_are_not_numbers() {
        assert_eq!(read("alto", None), Reading::Words);
        assert_eq!(read("", None), Reading::Words);
        assert_eq!(read("Strategia 2030 approvata", None), Reading::Words);
        assert_eq!(read("1.23.4", Some(CommaDecimal)), Reading::Words);
        assert_eq!(read("1,2.345", None), Reading::Words);
    }

    #[test]
    fn values_declare_their_format() {
        assert_eq!(declared("1.200.000"), Some(CommaDecimal));
        assert_eq!(declared("1,200,000"), Some(DotDecimal));
        assert_eq!(declared("0,705"), Some(CommaDecimal));
        assert_eq!(declared("0.705"), Some(DotDecimal));
        assert_eq!(declared("1.234,5"), Some(CommaDecimal));
        assert_eq!(declared("1.234"), None);
        assert_eq!(declared("12"), None);
    }

    #[test]
    fn the_rest_after_the_number() {
        assert_eq!(after_number("12 comuni"), Some("comuni"));
        assert_eq!(after_number("35%"), Some("%"));
        assert_eq!(after_number("ISO 14001"), None);
    }
}
