//! The Italian codice fiscale: 11 digits for bodies (with a Luhn-style check digit) or 16
//! characters for persons (with a check letter).

/// Checks a codice fiscale and returns it normalised (upper case, no spaces), or the message key
/// of the problem.
pub fn check(code: &str) -> Result<String, &'static str> {
    let c: String = code
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    match c.len() {
        11 if c.chars().all(|ch| ch.is_ascii_digit()) => {
            if numeric_check_digit(&c[..10]) == c.as_bytes()[10] - b'0' {
                Ok(c)
            } else {
                Err("error-tax-code-check")
            }
        }
        16 if c.chars().all(|ch| ch.is_ascii_alphanumeric()) => {
            if personal_check_letter(&c[..15]) == Some(c.as_bytes()[15]) {
                Ok(c)
            } else {
                Err("error-tax-code-check")
            }
        }
        _ => Err("error-tax-code-format"),
    }
}

/// The check digit of the first ten digits of a numeric codice fiscale.
pub fn numeric_check_digit(first_ten: &str) -> u8 {
    let sum: u32 = first_ten
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                d
            } else {
                let twice = d * 2;
                if twice > 9 {
                    twice - 9
                } else {
                    twice
                }
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// The check letter of the first fifteen characters of a personal codice fiscale.
pub fn personal_check_letter(first_fifteen: &str) -> Option<u8> {
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let mut sum = 0u32;
    for (i, b) in first_fifteen.bytes().enumerate() {
        let index = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A'),
            _ => return None,
        };
        // Positions are counted from one: odd positions use the table.
        sum += if i % 2 == 0 {
            ODD[index as usize]
        } else {
            index
        };
    }
    Some(b'A' + (sum % 26) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_codes() {
        // Agenzia delle Entrate's own codice fiscale.
        assert_eq!(check("06363391001"), Ok("06363391001".into()));
        assert_eq!(check("06363391002"), Err("error-tax-code-check"));
        // The textbook personal example.
        assert_eq!(check("rssmra85t10a562s"), Ok("RSSMRA85T10A562S".into()));
        assert_eq!(check("RSSMRA85T10A562T"), Err("error-tax-code-check"));
        assert_eq!(check("123"), Err("error-tax-code-format"));
        assert_eq!(check("ABCDEFGHIJK"), Err("error-tax-code-format"));
    }

    proptest! {
        #[test]
        fn any_numeric_code_with_its_digit_passes(first in "[0-9]{10}") {
            let d = numeric_check_digit(&first);
            let code = format!("{first}{d}");
            prop_assert!(check(&code).is_ok());
            let wrong = format!("{first}{}", (d + 1) % 10);
            prop_assert!(check(&wrong).is_err());
        }

        #[test]
        fn a_single_changed_digit_is_caught(first in "[0-9]{10}", pos in 0usize..10, delta in 1u8..10) {
            let code = format!("{first}{}", numeric_check_digit(&first));
            let mut bytes = code.into_bytes();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let changed = String::from_utf8(bytes).unwrap();
            prop_assert!(check(&changed).is_err());
        }

        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = check(&s);
        }
    }
}
