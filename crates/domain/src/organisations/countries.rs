//! ISO 3166-1 alpha-2 country codes (with Kosovo's user-assigned XK), the programme's two areas,
//! and country names in the interface languages for the countries the programme works with.

use crate::locale::Locale;

/// Every ISO 3166-1 alpha-2 code the registry accepts, sorted.
pub const CODES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AN", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX",
    "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR",
    "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM",
    "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC",
    "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE",
    "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK",
    "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE",
    "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB",
    "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH",
    "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ",
    "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF",
    "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU",
    "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR",
    "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN",
    "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG",
    "VI", "VN", "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW",
];

/// The Western Balkans, as the programme defines them.
pub const WESTERN_BALKANS: &[&str] = &["AL", "BA", "ME", "MK", "RS", "XK"];

/// The South Mediterranean, as the programme defines it.
pub const SOUTH_MEDITERRANEAN: &[&str] = &[
    "MA", "DZ", "TN", "LY", "EG", "PS", "IL", "LB", "JO", "SY", "TR",
];

/// Whether `code` is a known country code.
pub fn is_code(code: &str) -> bool {
    CODES.binary_search(&code).is_ok()
}

/// Names of Italy and the programme's countries: (code, Italian, English, French).
const NAMES: &[(&str, &str, &str, &str)] = &[
    ("IT", "Italia", "Italy", "Italie"),
    ("AL", "Albania", "Albania", "Albanie"),
    (
        "BA",
        "Bosnia ed Erzegovina",
        "Bosnia and Herzegovina",
        "Bosnie-Herzégovine",
    ),
    ("ME", "Montenegro", "Montenegro", "Monténégro"),
    (
        "MK",
        "Macedonia del Nord",
        "North Macedonia",
        "Macédoine du Nord",
    ),
    ("RS", "Serbia", "Serbia", "Serbie"),
    ("XK", "Kosovo", "Kosovo", "Kosovo"),
    ("MA", "Marocco", "Morocco", "Maroc"),
    ("DZ", "Algeria", "Algeria", "Algérie"),
    ("TN", "Tunisia", "Tunisia", "Tunisie"),
    ("LY", "Libia", "Libya", "Libye"),
    ("EG", "Egitto", "Egypt", "Égypte"),
    ("PS", "Palestina", "Palestine", "Palestine"),
    ("IL", "Israele", "Israel", "Israël"),
    ("LB", "Libano", "Lebanon", "Liban"),
    ("JO", "Giordania", "Jordan", "Jordanie"),
    ("SY", "Siria", "Syria", "Syrie"),
    ("TR", "Turchia", "Türkiye", "Turquie"),
];

/// The country's name in `locale`, or its code when the name is not known.
pub fn name(code: &str, locale: Locale) -> String {
    NAMES
        .iter()
        .find(|(c, ..)| *c == code)
        .map(|(_, it, en, fr)| match locale {
            Locale::It => *it,
            Locale::En => *en,
            Locale::Fr => *fr,
        })
        .unwrap_or(code)
        .to_string()
}

/// The countries offered in forms: the programme's two areas first, by name.
pub fn programme_countries() -> impl Iterator<Item = &'static str> {
    WESTERN_BALKANS.iter().chain(SOUTH_MEDITERRANEAN).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_complete_for_the_areas() {
        assert!(CODES.windows(2).all(|w| w[0] < w[1]));
        for c in programme_countries() {
            assert!(is_code(c), "{c}");
            assert_ne!(name(c, Locale::It), c);
        }
        assert!(!is_code("ZZ"));
    }

    /// The list must match the official IATI Country codelist.
    #[test]
    fn matches_the_official_codelist() {
        let Some(bytes) = crate::test_data::official("iati/codelists/Country.xml") else {
            return;
        };
        let xml = String::from_utf8(bytes).unwrap();
        let mut official: Vec<&str> = xml
            .split("<code>")
            .skip(1)
            .filter_map(|s| s.split("</code>").next())
            .collect();
        official.sort();
        assert_eq!(official, CODES);
    }
}
