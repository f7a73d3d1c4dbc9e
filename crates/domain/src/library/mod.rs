//! The library: documents found by words, theme and place. Types and rules here; the search
//! text (folding, stems, snippets) in `text`, typed queries in `query`, geography in `places`,
//! the OECD DAC sector list reader in `sectors`, text extraction from uploaded files in `extract`,
//! who may publish at which visibility in `publish`.

pub mod catalogue;
pub mod extract;
pub mod map;
pub mod places;
pub mod practices;
pub mod publish;
pub mod query;
pub mod sectors;
pub mod text;

use crate::policy::Rule;
use crate::roles::Role;
use crate::validation::{optional_line, optional_text, required_line, Errors};

const STAFF: &[Role] = &[Role::Admin, Role::Staff];

/// Who may do what in the library. Reading pages are public: each document's visibility is
/// checked on every read, search, facet count and download.
pub const POLICY: &[(&str, Rule)] = &[
    ("library.search", Rule::Public),
    ("library.document", Rule::Public),
    ("library.download", Rule::Public),
    ("library.new", Rule::SignedIn),
    ("library.practice_new", Rule::SignedIn),
    ("library.create", Rule::SignedIn),
    ("library.edit", Rule::SignedIn),
    ("library.update", Rule::SignedIn),
    ("library.delete", Rule::SignedIn),
    ("library.retry", Rule::SignedIn),
    ("library.map", Rule::Public),
    ("library.map_shapes", Rule::Public),
    ("library.reading_add", Rule::Global(STAFF)),
    ("library.reading_remove", Rule::Global(STAFF)),
    ("library.themes", Rule::Global(STAFF)),
    ("library.theme_save", Rule::Global(STAFF)),
];

/// The kinds of document.
pub const KINDS: &[&str] = &[
    "call",
    "guide",
    "template",
    "study",
    "report",
    "presentation",
    "minutes",
    "good_practice",
    "other",
];

/// The languages a document can be written in (ISO 639-1): the interface's three, then those of
/// the partner countries.
pub const LANGUAGES: &[&str] = &[
    "it", "en", "fr", "ar", "sq", "bs", "hr", "mk", "sr", "el", "es", "tr", "sl",
];

/// Who can see a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Everyone, signed in or not.
    Public,
    /// Every signed-in person of the programme.
    Programme,
    /// The people of one organisation (and staff).
    Organisation,
    /// The administrations of one working group (a cohort), and staff.
    Group,
    /// One territorial table: its secretariat, its representatives with an account, staff and
    /// tutors.
    Table,
    /// One interregional group's document space: the people of its member administrations
    /// (coordinators and members), staff and tutors.
    NetworkGroup,
}

impl Visibility {
    pub const ALL: [Visibility; 6] = [
        Visibility::Public,
        Visibility::Programme,
        Visibility::Organisation,
        Visibility::Group,
        Visibility::Table,
        Visibility::NetworkGroup,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Programme => "programme",
            Visibility::Organisation => "organisation",
            Visibility::Group => "group",
            Visibility::Table => "table",
            Visibility::NetworkGroup => "network_group",
        }
    }

    pub fn parse(code: &str) -> Option<Visibility> {
        Visibility::ALL.into_iter().find(|v| v.code() == code)
    }
}

impl TryFrom<String> for Visibility {
    type Error = crate::codes::UnknownCode;
    /// Reads a stored code, refusing one this version does not know.
    fn try_from(code: String) -> Result<Visibility, Self::Error> {
        Visibility::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "document visibility",
            code,
        })
    }
}

/// What one person may see of the library: everything (staff), or public documents plus, when
/// signed in, programme documents and those of their organisations, working groups and
/// territorial tables (every table for tutors). Its `Debug` form keys the searches kept between
/// requests, so two people share a kept search only when they see the same documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub everything: bool,
    pub signed_in: bool,
    pub organisations: Vec<uuid::Uuid>,
    pub groups: Vec<uuid::Uuid>,
    /// Every territorial table's documents (tutors).
    pub every_table: bool,
    /// The tables whose documents the person sees: those whose secretariat they are in or whose
    /// members they represent (see `crate::tables::access`).
    pub tables: Vec<uuid::Uuid>,
    /// The tables whose documents the person may publish: those they manage.
    pub managed_tables: Vec<uuid::Uuid>,
    /// Every interregional group's documents (tutors).
    pub every_network_group: bool,
    /// The interregional groups whose documents the person sees and may publish: those they
    /// work in (see `crate::network::groups::works_in`).
    pub network_groups: Vec<uuid::Uuid>,
}

/// Who a document belongs to, as far as its visibility is concerned: the organisation, working
/// group, table or interregional group its visibility names (the others are ignored).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Owner {
    pub organisation: Option<uuid::Uuid>,
    pub group: Option<uuid::Uuid>,
    pub table: Option<uuid::Uuid>,
    pub network_group: Option<uuid::Uuid>,
}

impl Scope {
    /// True when a document with this visibility and owner can be seen.
    pub fn sees(&self, visibility: Visibility, owner: Owner) -> bool {
        self.everything
            || match visibility {
                Visibility::Public => true,
                Visibility::Programme => self.signed_in,
                Visibility::Organisation => owner
                    .organisation
                    .is_some_and(|o| self.organisations.contains(&o)),
                Visibility::Group => owner.group.is_some_and(|g| self.groups.contains(&g)),
                Visibility::Table => owner
                    .table
                    .is_some_and(|t| self.every_table || self.tables.contains(&t)),
                Visibility::NetworkGroup => owner
                    .network_group
                    .is_some_and(|g| self.every_network_group || self.network_groups.contains(&g)),
            }
    }
}

/// The state of text extraction of an uploaded file.
pub const EXTRACTION_STATES: &[&str] = &["none", "pending", "done", "failed"];

/// A document's metadata as typed in the form, before checking.
#[derive(Debug, Clone, Default)]
pub struct DraftInput {
    pub title: String,
    pub summary: String,
    pub kind: String,
    pub language: String,
    pub year: String,
    pub source: String,
    pub licence: String,
    pub url: String,
    pub visibility: String,
    pub organisation: String,
    pub group: String,
    pub table: String,
    pub network_group: String,
    pub themes: Vec<String>,
    pub places: Vec<String>,
}

/// A document's checked metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub summary: String,
    pub kind: &'static str,
    pub language: &'static str,
    pub year: Option<i32>,
    pub source: Option<String>,
    pub licence: Option<String>,
    pub url: Option<String>,
    pub visibility: Visibility,
    pub organisation: Option<uuid::Uuid>,
    pub group: Option<uuid::Uuid>,
    pub table: Option<uuid::Uuid>,
    pub network_group: Option<uuid::Uuid>,
    /// Theme codes: `m:<macro-area code>` or `dac:<5-digit sector code>`.
    pub themes: Vec<String>,
    /// Places as chosen (groups not yet expanded).
    pub places: Vec<String>,
}

/// The most themes and places one document carries.
pub const MAX_TAGS: usize = 40;

/// True when `code` has the shape of a theme code; whether it exists is checked against the
/// vocabularies by the caller.
pub fn is_theme_code(code: &str) -> bool {
    if let Some(m) = code.strip_prefix("m:") {
        is_macro_area_code(m)
    } else if let Some(d) = code.strip_prefix("dac:") {
        d.len() == 5 && d.bytes().all(|b| b.is_ascii_digit())
    } else {
        false
    }
}

/// A macro-area code: 2 to 30 lower-case letters, digits or hyphens.
pub fn is_macro_area_code(code: &str) -> bool {
    (2..=30).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks the form of a document. `known_theme` says whether a theme code exists; `current_year`
/// bounds the year. Visibility needs its organisation or group; the caller checks that the
/// person may publish there.
pub fn check(
    input: &DraftInput,
    current_year: i32,
    known_theme: impl Fn(&str) -> bool,
) -> Result<Draft, Errors> {
    let mut errors = Errors::default();
    let title = required_line(&mut errors, "title", &input.title, 300);
    let summary = optional_text(&mut errors, "summary", &input.summary, 4000).unwrap_or_default();
    let kind = KINDS.iter().find(|k| **k == input.kind).copied();
    if kind.is_none() {
        errors.add("kind", "error-choose");
    }
    let language = LANGUAGES.iter().find(|l| **l == input.language).copied();
    if language.is_none() {
        errors.add("language", "error-choose");
    }
    let year = match input.year.trim() {
        "" => None,
        y => match y.parse::<i32>() {
            Ok(y) if (1950..=current_year + 1).contains(&y) => Some(y),
            _ => {
                errors.add("year", "error-library-year");
                None
            }
        },
    };
    let source = optional_line(&mut errors, "source", &input.source, 300);
    let licence = optional_line(&mut errors, "licence", &input.licence, 200);
    let url = optional_text(&mut errors, "url", &input.url, 1000);
    if let Some(u) = &url {
        if !(u.starts_with("https://") || u.starts_with("http://"))
            || u.contains(char::is_whitespace)
        {
            errors.add("url", "error-url");
        }
    }
    let visibility = Visibility::parse(&input.visibility);
    if visibility.is_none() {
        errors.add("visibility", "error-choose");
    }
    let organisation = uuid::Uuid::parse_str(input.organisation.trim()).ok();
    let group = uuid::Uuid::parse_str(input.group.trim()).ok();
    let table = uuid::Uuid::parse_str(input.table.trim()).ok();
    let network_group = uuid::Uuid::parse_str(input.network_group.trim()).ok();
    match visibility {
        Some(Visibility::Organisation) if organisation.is_none() => {
            errors.add("organisation", "error-library-organisation")
        }
        Some(Visibility::Group) if group.is_none() => errors.add("group", "error-library-group"),
        Some(Visibility::Table) if table.is_none() => errors.add("table", "error-library-table"),
        Some(Visibility::NetworkGroup) if network_group.is_none() => {
            errors.add("network_group", "error-library-network-group")
        }
        _ => {}
    }
    let mut themes: Vec<String> = Vec::new();
    for t in &input.themes {
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        if !is_theme_code(t) || !known_theme(t) {
            errors.add("themes", "error-choose");
            break;
        }
        if !themes.iter().any(|x| x == t) {
            themes.push(t.to_string());
        }
    }
    let mut chosen: Vec<String> = Vec::new();
    for p in &input.places {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if !places::is_place(p) {
            errors.add("places", "error-choose");
            break;
        }
        if !chosen.iter().any(|x| x == p) {
            chosen.push(p.to_string());
        }
    }
    if themes.len() > MAX_TAGS {
        errors.add("themes", "error-library-too-many");
    }
    if chosen.len() > MAX_TAGS {
        errors.add("places", "error-library-too-many");
    }
    let (Some(kind), Some(language), Some(visibility)) = (kind, language, visibility) else {
        return Err(errors);
    };
    errors.into_result(Draft {
        title,
        summary,
        kind,
        language,
        year,
        source,
        licence,
        url,
        visibility,
        organisation: (visibility == Visibility::Organisation)
            .then_some(organisation)
            .flatten(),
        group: (visibility == Visibility::Group).then_some(group).flatten(),
        table: (visibility == Visibility::Table).then_some(table).flatten(),
        network_group: (visibility == Visibility::NetworkGroup)
            .then_some(network_group)
            .flatten(),
        themes,
        places: chosen,
    })
}

/// The pages of a result list: `page` (from 1) clamped to what exists.
pub fn page_count(total: i64, per_page: i64) -> i64 {
    ((total + per_page - 1) / per_page).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn input() -> DraftInput {
        DraftInput {
            title: "Guida ai bandi IPA III".into(),
            kind: "guide".into(),
            language: "it".into(),
            year: "2024".into(),
            visibility: "programme".into(),
            themes: vec!["m:governance".into(), "dac:15110".into()],
            places: vec!["group-wb".into(), "AL".into(), "AL".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_good_form_passes() {
        let d = check(&input(), 2026, |_| true).unwrap();
        assert_eq!(d.kind, "guide");
        assert_eq!(d.year, Some(2024));
        assert_eq!(d.places, ["group-wb", "AL"]);
        assert_eq!(d.organisation, None);
    }

    #[test]
    fn source_and_licence_are_one_line() {
        let mut i = input();
        i.source = "Agenzia\nper la coesione".into();
        i.licence = "CC BY\r\n4.0".into();
        let e = check(&i, 2026, |_| true).unwrap_err();
        assert_eq!(e.for_field("source"), Some("error-line-break"));
        assert_eq!(e.for_field("licence"), Some("error-line-break"));
    }

    #[test]
    fn each_field_is_checked() {
        let mut i = input();
        i.title = " ".into();
        i.kind = "novel".into();
        i.language = "xx".into();
        i.year = "20x4".into();
        i.url = "javascript:alert(1)".into();
        i.visibility = "organisation".into();
        i.themes = vec!["dac:1511".into()];
        i.places = vec!["ZZ".into()];
        let e = check(&i, 2026, |_| true).unwrap_err();
        for field in [
            "title",
            "kind",
            "language",
            "year",
            "url",
            "organisation",
            "themes",
            "places",
        ] {
            assert!(e.for_field(field).is_some(), "{field}: {e:?}");
        }
        let mut i = input();
        i.year = "2099".into();
        assert!(check(&i, 2026, |_| true)
            .unwrap_err()
            .for_field("year")
            .is_some());
        assert!(check(&input(), 2026, |t| t != "dac:15110").is_err());
    }

    #[test]
    fn visibility_needs_its_owner() {
        let mut i = input();
        i.visibility = "group".into();
        assert!(check(&i, 2026, |_| true).is_err());
        let g = Uuid::now_v7();
        i.group = g.to_string();
        i.organisation = Uuid::now_v7().to_string();
        let d = check(&i, 2026, |_| true).unwrap();
        assert_eq!((d.group, d.organisation), (Some(g), None));
        i.visibility = "table".into();
        assert_eq!(
            check(&i, 2026, |_| true).unwrap_err().for_field("table"),
            Some("error-library-table")
        );
        let t = Uuid::now_v7();
        i.table = t.to_string();
        let d = check(&i, 2026, |_| true).unwrap();
        assert_eq!((d.table, d.group, d.organisation), (Some(t), None, None));
        i.visibility = "network_group".into();
        assert_eq!(
            check(&i, 2026, |_| true)
                .unwrap_err()
                .for_field("network_group"),
            Some("error-library-network-group")
        );
        let n = Uuid::now_v7();
        i.network_group = n.to_string();
        let d = check(&i, 2026, |_| true).unwrap();
        assert_eq!(
            (d.network_group, d.table, d.group, d.organisation),
            (Some(n), None, None, None)
        );
    }

    #[test]
    fn scope_decides_what_is_seen() {
        let org = Uuid::now_v7();
        let group = Uuid::now_v7();
        let guest = Scope::default();
        let member = Scope {
            signed_in: true,
            organisations: vec![org],
            groups: vec![group],
            ..Default::default()
        };
        let staff = Scope {
            everything: true,
            ..Default::default()
        };
        let of = |organisation, group, table| Owner {
            organisation,
            group,
            table,
            network_group: None,
        };
        let none = Owner::default();
        assert!(guest.sees(Visibility::Public, none));
        assert!(!guest.sees(Visibility::Programme, none));
        assert!(member.sees(Visibility::Programme, none));
        assert!(member.sees(Visibility::Organisation, of(Some(org), None, None)));
        assert!(!member.sees(
            Visibility::Organisation,
            of(Some(Uuid::now_v7()), None, None)
        ));
        assert!(member.sees(Visibility::Group, of(None, Some(group), None)));
        assert!(!member.sees(Visibility::Group, none));
        assert!(staff.sees(Visibility::Group, none));
        // A table's documents: its people, tutors (every table) and staff; nobody else, not
        // even someone of the organisation or group a stray owner field names.
        let table = Uuid::now_v7();
        let doc = of(Some(org), Some(group), Some(table));
        let representative = Scope {
            signed_in: true,
            tables: vec![table],
            ..Default::default()
        };
        let tutor = Scope {
            signed_in: true,
            every_table: true,
            ..Default::default()
        };
        let elsewhere = Scope {
            signed_in: true,
            tables: vec![Uuid::now_v7()],
            ..Default::default()
        };
        assert!(representative.sees(Visibility::Table, doc));
        assert!(tutor.sees(Visibility::Table, doc));
        assert!(staff.sees(Visibility::Table, doc));
        assert!(!elsewhere.sees(Visibility::Table, doc));
        assert!(!member.sees(Visibility::Table, doc));
        assert!(!guest.sees(Visibility::Table, doc));
        assert!(!tutor.sees(Visibility::Table, none));
        // An interregional group's documents: the people who work in it, tutors and staff.
        let network_group = Uuid::now_v7();
        let shared = Owner {
            organisation: Some(org),
            group: Some(group),
            table: Some(table),
            network_group: Some(network_group),
        };
        let in_group = Scope {
            signed_in: true,
            network_groups: vec![network_group],
            ..Default::default()
        };
        let network_tutor = Scope {
            signed_in: true,
            every_network_group: true,
            ..Default::default()
        };
        assert!(in_group.sees(Visibility::NetworkGroup, shared));
        assert!(network_tutor.sees(Visibility::NetworkGroup, shared));
        assert!(staff.sees(Visibility::NetworkGroup, shared));
        assert!(!member.sees(Visibility::NetworkGroup, shared));
        assert!(!representative.sees(Visibility::NetworkGroup, shared));
        assert!(!tutor.sees(Visibility::NetworkGroup, shared));
        assert!(!guest.sees(Visibility::NetworkGroup, shared));
        assert!(!in_group.sees(Visibility::NetworkGroup, none));
        assert!(!in_group.sees(Visibility::Table, shared));
    }

    #[test]
    fn theme_codes() {
        assert!(is_theme_code("m:sviluppo-economico"));
        assert!(is_theme_code("dac:15110"));
        assert!(!is_theme_code("m:A"));
        assert!(!is_theme_code("dac:151100"));
        assert!(!is_theme_code("15110"));
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(41, 20), 3);
    }
}

/// The facets of one document in one short text (`k:report y:2020 l:it t:m:governance p:AL …`),
/// stored with it so that a search reads one narrow column and counts every facet in one pass.
pub fn facet_key(
    kind: &str,
    year: Option<i32>,
    language: &str,
    themes: &[String],
    places: &[String],
) -> String {
    let mut out = format!("k:{kind} l:{language}");
    if let Some(y) = year {
        out.push_str(&format!(" y:{y}"));
    }
    for t in themes {
        out.push_str(" t:");
        out.push_str(t);
    }
    for p in places {
        out.push_str(" p:");
        out.push_str(p);
    }
    out
}

/// The facet filters of a search: one optional value each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetFilters {
    pub kind: Option<String>,
    pub theme: Option<String>,
    pub place: Option<String>,
    pub year: Option<i32>,
    pub language: Option<String>,
}

/// Facet counts: for each facet, its values and how many documents have them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Documents passing every filter.
    pub total: i64,
    pub kinds: Vec<(String, i64)>,
    pub themes: Vec<(String, i64)>,
    pub places: Vec<(String, i64)>,
    pub years: Vec<(String, i64)>,
    pub languages: Vec<(String, i64)>,
}

/// Counts the facets of the documents whose keys are given. Each facet counts the documents
/// passing every filter except its own (so that the page can offer the alternatives to a
/// choice); `total` counts those passing all. Values are sorted by count, then by value.
pub fn count_facets<'a>(keys: impl IntoIterator<Item = &'a str>, f: &FacetFilters) -> FacetCounts {
    use std::collections::HashMap;
    let mut maps: [HashMap<&'a str, i64>; 5] = Default::default();
    let mut total = 0;
    let year_text = f.year.map(|y| y.to_string());
    for key in keys {
        let (mut kind, mut year, mut language) = ("", "", "");
        let mut themes: Vec<&str> = Vec::new();
        let mut places: Vec<&str> = Vec::new();
        for part in key.split(' ') {
            match part.split_once(':') {
                Some(("k", v)) => kind = v,
                Some(("y", v)) => year = v,
                Some(("l", v)) => language = v,
                Some(("t", v)) => themes.push(v),
                Some(("p", v)) => places.push(v),
                _ => {}
            }
        }
        let ok = [
            f.kind.as_deref().is_none_or(|k| k == kind),
            f.theme.as_deref().is_none_or(|t| themes.contains(&t)),
            f.place.as_deref().is_none_or(|p| places.contains(&p)),
            year_text.as_deref().is_none_or(|y| y == year),
            f.language.as_deref().is_none_or(|l| l == language),
        ];
        let passing = ok.iter().filter(|x| **x).count();
        if passing == 5 {
            total += 1;
        }
        // A facet counts the document when every other filter passes.
        let others_pass = |i: usize| passing == 5 || (passing == 4 && !ok[i]);
        if others_pass(0) {
            *maps[0].entry(kind).or_default() += 1;
        }
        if others_pass(1) {
            for t in &themes {
                *maps[1].entry(t).or_default() += 1;
            }
        }
        if others_pass(2) {
            for p in &places {
                *maps[2].entry(p).or_default() += 1;
            }
        }
        if others_pass(3) && !year.is_empty() {
            *maps[3].entry(year).or_default() += 1;
        }
        if others_pass(4) {
            *maps[4].entry(language).or_default() += 1;
        }
    }
    let sorted = |m: &HashMap<&str, i64>| {
        let mut v: Vec<(String, i64)> = m.iter().map(|(k, n)| (k.to_string(), *n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    };
    FacetCounts {
        total,
        kinds: sorted(&maps[0]),
        themes: sorted(&maps[1]),
        places: sorted(&maps[2]),
        years: sorted(&maps[3]),
        languages: sorted(&maps[4]),
    }
}

#[cfg(test)]
mod facet_tests {
    use super::*;

    #[test]
    fn facets_count_alternatives_to_each_choice() {
        let a = facet_key(
            "report",
            Some(2020),
            "it",
            &["m:governance".into()],
            &["AL".into(), "IT-72".into()],
        );
        let b = facet_key(
            "guide",
            Some(2021),
            "en",
            &["m:governance".into(), "dac:15110".into()],
            &["AL".into()],
        );
        let c = facet_key("report", None, "it", &[], &["TN".into()]);
        let keys = [a.as_str(), b.as_str(), c.as_str()];
        let all = count_facets(keys, &FacetFilters::default());
        assert_eq!(all.total, 3);
        assert_eq!(
            all.kinds,
            [("report".to_string(), 2), ("guide".to_string(), 1)]
        );
        assert_eq!(all.places[0], ("AL".to_string(), 2));
        assert_eq!(all.years.len(), 2);
        let reports = count_facets(
            keys,
            &FacetFilters {
                kind: Some("report".into()),
                ..Default::default()
            },
        );
        assert_eq!(reports.total, 2);
        // The kind facet still offers the guide; the others count reports only.
        assert_eq!(reports.kinds, all.kinds);
        assert_eq!(reports.languages, [("it".to_string(), 2)]);
        let both = count_facets(
            keys,
            &FacetFilters {
                kind: Some("report".into()),
                place: Some("AL".into()),
                ..Default::default()
            },
        );
        assert_eq!(both.total, 1);
        assert_eq!(
            both.places,
            [
                ("AL".to_string(), 1),
                ("IT-72".to_string(), 1),
                ("TN".to_string(), 1)
            ]
        );
        assert_eq!(
            both.kinds,
            [("guide".to_string(), 1), ("report".to_string(), 1)]
        );
        let year = count_facets(
            keys,
            &FacetFilters {
                year: Some(2021),
                ..Default::default()
            },
        );
        assert_eq!(year.total, 1);
    }
}
