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

    /// Codici fiscali that public bodies publish on their own sites and invoices: the oracle
    /// here, rather than check digits built by the function under test.
    const PUBLISHED_BODIES: [(&str, &str); 12] = [
        ("06363391001", "Agenzia delle Entrate"),
        ("80078750587", "INPS"),
        ("80111810588", "ISTAT"),
        ("00950501007", "Banca d'Italia"),
        ("02438750586", "Roma Capitale"),
        ("01057861005", "Roma Capitale (partita IVA)"),
        ("01199250158", "Comune di Milano"),
        ("80008510754", "Comune di Lecce"),
        ("97103880585", "Poste Italiane (codice fiscale)"),
        ("00484960588", "Eni (codice fiscale)"),
        ("00905811006", "Eni (partita IVA)"),
        ("00488410010", "Telecom Italia"),
    ];

    /// Personal codes printed as worked examples: the textbook Mario Rossi (a man born on 10
    /// December 1985), Mario Rossi born in Rome (H501) on 1 January 1980, Matteo Moretti born in
    /// Milan (F205) on 9 April 1925.
    const PUBLISHED_PERSONS: [&str; 3] =
        ["RSSMRA85T10A562S", "RSSMRA80A01H501U", "MRTMTT25D09F205Z"];

    #[test]
    fn known_codes() {
        for (code, who) in PUBLISHED_BODIES {
            assert_eq!(check(code), Ok(code.into()), "{who}");
        }
        for code in PUBLISHED_PERSONS {
            assert_eq!(check(&code.to_lowercase()), Ok(code.into()), "{code}");
        }
        assert_eq!(check(" 0636 3391 001 "), Ok("06363391001".into()));
        assert_eq!(check("06363391002"), Err("error-tax-code-check"));
        assert_eq!(check("RSSMRA85T10A562T"), Err("error-tax-code-check"));
        assert_eq!(check("123"), Err("error-tax-code-format"));
        assert_eq!(check("ABCDEFGHIJK"), Err("error-tax-code-format"));
        assert_eq!(check("RSSMRA85T10A562"), Err("error-tax-code-format"));
        assert_eq!(check("RSSMRA85T10A56-S"), Err("error-tax-code-format"));
    }

    /// Every single-digit change of a published code is caught (the Luhn-style digit's promise),
    /// and so is every other last digit or check letter.
    #[test]
    fn every_changed_character_of_a_published_code_is_caught() {
        for (code, who) in PUBLISHED_BODIES {
            for pos in 0..11 {
                for d in b'0'..=b'9' {
                    let mut bytes = code.as_bytes().to_vec();
                    if bytes[pos] == d {
                        continue;
                    }
                    bytes[pos] = d;
                    let changed = String::from_utf8(bytes).unwrap();
                    assert_eq!(
                        check(&changed),
                        Err("error-tax-code-check"),
                        "{who}: {changed}"
                    );
                }
            }
        }
        for code in PUBLISHED_PERSONS {
            for letter in b'A'..=b'Z' {
                let mut bytes = code.as_bytes().to_vec();
                if bytes[15] == letter {
                    continue;
                }
                bytes[15] = letter;
                let changed = String::from_utf8(bytes).unwrap();
                assert_eq!(check(&changed), Err("error-tax-code-check"), "{changed}");
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = check(&s);
        }
    }
}
