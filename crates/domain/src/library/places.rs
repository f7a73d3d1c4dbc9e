//! Geography of the library: the countries of the two areas the programme works with (and their
//! neighbours), the two groups, and the Italian regions. Countries use ISO 3166-1 alpha-2 codes
//! (Kosovo the user-assigned `XK` that the EU uses); regions ISO 3166-2:IT.

use crate::locale::Locale;

/// The area a country belongs to, for the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Area {
    WesternBalkans,
    SouthMediterranean,
    Other,
}

/// A country: code, ISO 3166-1 numeric (the id of its shape on the map), area, names.
#[derive(Debug, Clone, Copy)]
pub struct Country {
    pub code: &'static str,
    pub numeric: &'static str,
    pub area: Area,
    names: [&'static str; 3],
}

impl Country {
    pub fn name(&self, locale: Locale) -> &'static str {
        self.names[locale_index(locale)]
    }
}

fn locale_index(locale: Locale) -> usize {
    match locale {
        Locale::It => 0,
        Locale::En => 1,
        Locale::Fr => 2,
    }
}

const fn c(
    code: &'static str,
    numeric: &'static str,
    area: Area,
    names: [&'static str; 3],
) -> Country {
    Country {
        code,
        numeric,
        area,
        names,
    }
}

use Area::{Other, SouthMediterranean as Sm, WesternBalkans as Wb};

/// The countries, in the order the interface lists them: Western Balkans, South Mediterranean,
/// then Italy and the other Mediterranean neighbours.
pub const COUNTRIES: &[Country] = &[
    c("AL", "008", Wb, ["Albania", "Albania", "Albanie"]),
    c(
        "BA",
        "070",
        Wb,
        [
            "Bosnia ed Erzegovina",
            "Bosnia and Herzegovina",
            "Bosnie-Herzégovine",
        ],
    ),
    c("XK", "", Wb, ["Kosovo", "Kosovo", "Kosovo"]),
    c(
        "MK",
        "807",
        Wb,
        ["Macedonia del Nord", "North Macedonia", "Macédoine du Nord"],
    ),
    c("ME", "499", Wb, ["Montenegro", "Montenegro", "Monténégro"]),
    c("RS", "688", Wb, ["Serbia", "Serbia", "Serbie"]),
    c("DZ", "012", Sm, ["Algeria", "Algeria", "Algérie"]),
    c("EG", "818", Sm, ["Egitto", "Egypt", "Égypte"]),
    c("JO", "400", Sm, ["Giordania", "Jordan", "Jordanie"]),
    c("IL", "376", Sm, ["Israele", "Israel", "Israël"]),
    c("LB", "422", Sm, ["Libano", "Lebanon", "Liban"]),
    c("LY", "434", Sm, ["Libia", "Libya", "Libye"]),
    c("MA", "504", Sm, ["Marocco", "Morocco", "Maroc"]),
    c("PS", "275", Sm, ["Palestina", "Palestine", "Palestine"]),
    c("SY", "760", Sm, ["Siria", "Syria", "Syrie"]),
    c("TN", "788", Sm, ["Tunisia", "Tunisia", "Tunisie"]),
    c("IT", "380", Other, ["Italia", "Italy", "Italie"]),
    c("CY", "196", Other, ["Cipro", "Cyprus", "Chypre"]),
    c("HR", "191", Other, ["Croazia", "Croatia", "Croatie"]),
    c("FR", "250", Other, ["Francia", "France", "France"]),
    c("GR", "300", Other, ["Grecia", "Greece", "Grèce"]),
    c("MT", "470", Other, ["Malta", "Malta", "Malte"]),
    c("SI", "705", Other, ["Slovenia", "Slovenia", "Slovénie"]),
    c("ES", "724", Other, ["Spagna", "Spain", "Espagne"]),
    c("TR", "792", Other, ["Turchia", "Türkiye", "Turquie"]),
];

/// The two groups of countries a document can be about as a whole.
pub const GROUPS: &[(&str, Area)] = &[("group-wb", Wb), ("group-sm", Sm)];

/// The Italian regions (ISO 3166-2:IT) with their official names.
pub const REGIONS: &[(&str, &str)] = &[
    ("IT-65", "Abruzzo"),
    ("IT-77", "Basilicata"),
    ("IT-78", "Calabria"),
    ("IT-72", "Campania"),
    ("IT-45", "Emilia-Romagna"),
    ("IT-36", "Friuli-Venezia Giulia"),
    ("IT-62", "Lazio"),
    ("IT-42", "Liguria"),
    ("IT-25", "Lombardia"),
    ("IT-57", "Marche"),
    ("IT-67", "Molise"),
    ("IT-21", "Piemonte"),
    ("IT-75", "Puglia"),
    ("IT-88", "Sardegna"),
    ("IT-82", "Sicilia"),
    ("IT-52", "Toscana"),
    ("IT-32", "Trentino-Alto Adige/Südtirol"),
    ("IT-55", "Umbria"),
    ("IT-23", "Valle d'Aosta/Vallée d'Aoste"),
    ("IT-34", "Veneto"),
];

/// A country by its code.
pub fn country(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.code == code)
}

/// True when `code` names a country, a group or an Italian region.
pub fn is_place(code: &str) -> bool {
    country(code).is_some()
        || GROUPS.iter().any(|(g, _)| *g == code)
        || REGIONS.iter().any(|(r, _)| *r == code)
}

/// The name of a place in `locale` (the group names are messages: `place-group-wb` …).
pub fn region_name(code: &str) -> Option<&'static str> {
    REGIONS.iter().find(|(r, _)| *r == code).map(|(_, n)| *n)
}

/// The places a document is stored with: the chosen ones, each group followed by its countries
/// (so that filtering by a country finds documents about its whole area), without repeats, in
/// a stable order.
pub fn expand(chosen: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |code: &str| {
        if !out.iter().any(|c| c == code) {
            out.push(code.to_string());
        }
    };
    for code in chosen {
        push(code);
        if let Some((_, area)) = GROUPS.iter().find(|(g, _)| g == code) {
            for c in COUNTRIES.iter().filter(|c| c.area == *area) {
                push(c.code);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_known() {
        let mut codes: Vec<&str> = COUNTRIES.iter().map(|c| c.code).collect();
        codes.extend(GROUPS.iter().map(|g| g.0));
        codes.extend(REGIONS.iter().map(|r| r.0));
        let n = codes.len();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), n);
        assert!(is_place("AL") && is_place("group-sm") && is_place("IT-72"));
        assert!(!is_place("ZZ") && !is_place("al") && !is_place(""));
        assert_eq!(country("MA").unwrap().name(Locale::Fr), "Maroc");
    }

    #[test]
    fn groups_bring_their_countries() {
        let places = expand(&["group-wb".into(), "AL".into(), "IT-72".into()]);
        assert_eq!(
            places[..7],
            ["group-wb", "AL", "BA", "XK", "MK", "ME", "RS"]
        );
        assert_eq!(places.last().unwrap(), "IT-72");
        assert_eq!(places.len(), 8);
    }
}
