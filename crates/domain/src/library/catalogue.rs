//! The library's catalogue: what a search needs to know of every document — who may see it, its
//! facets, its place in the recent-first order — held in memory, and the search over it.
//!
//! A search used to count its facets in the database, reading every visible document's facets
//! on each computation: 80–140 ms over 20,000 documents, paid again after every upload. Here the
//! documents are visited in memory in their order (about a millisecond for 20,000); only the text
//! match comes from the database's full-text index, as sets of matching documents per clause.
//! `db::library::Catalogue` keeps the catalogue in step with the database from a change log that
//! the database's own triggers write, so no write path can forget it.

use super::query::Tags;
use super::{FacetCounts, FacetFilters, Owner, Scope, Visibility};
use chrono::{DateTime, Utc};
use std::cmp::Reverse;
use std::collections::HashMap;
use uuid::Uuid;

/// What the catalogue holds of one document, as read from the database.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: Uuid,
    /// The document's row in the full-text index.
    pub search_id: Option<i64>,
    pub visibility: Visibility,
    pub organisation: Option<Uuid>,
    pub group: Option<Uuid>,
    /// The territorial table a table's document belongs to.
    pub table: Option<Uuid>,
    /// The interregional group whose document space holds the document.
    pub network_group: Option<Uuid>,
    pub year: Option<i32>,
    pub created_at: DateTime<Utc>,
    /// The facets in one text (`k:report l:it y:2020 t:m:governance p:AL …`, see
    /// [`super::facet_key`]).
    pub facets: String,
}

/// The recent-first order of the library: year (most recent first, none last), then date of
/// entry (most recent first), then id.
type Order = ((u8, Reverse<i32>), Reverse<DateTime<Utc>>, Uuid);

fn order_of(e: &Entry) -> Order {
    let year = match e.year {
        Some(y) => (0, Reverse(y)),
        None => (1, Reverse(0)),
    };
    (year, Reverse(e.created_at), e.id)
}

/// A document as the search visits it: facet values as numbers of the catalogue's symbols.
#[derive(Debug, Clone)]
struct Doc {
    order: Order,
    search_id: Option<i64>,
    visibility: Visibility,
    owner: Owner,
    year: Option<i32>,
    kind: u32,
    language: u32,
    year_symbol: Option<u32>,
    themes: Box<[u32]>,
    places: Box<[u32]>,
}

/// Facet values, each given a number once.
#[derive(Debug, Default)]
struct Symbols {
    names: Vec<String>,
    numbers: HashMap<String, u32>,
}

impl Symbols {
    fn number(&mut self, name: &str) -> u32 {
        if let Some(n) = self.numbers.get(name) {
            return *n;
        }
        let n = self.names.len() as u32;
        self.names.push(name.to_string());
        self.numbers.insert(name.to_string(), n);
        n
    }

    fn find(&self, name: &str) -> Option<u32> {
        self.numbers.get(name).copied()
    }
}

/// Every document a search may find, in the library's recent-first order.
#[derive(Debug, Default)]
pub struct Catalogue {
    /// Documents by slot; a removed document leaves its slot empty for the next one.
    docs: Vec<Option<Doc>>,
    free: Vec<usize>,
    by_id: HashMap<Uuid, usize>,
    by_search_id: HashMap<i64, usize>,
    /// Slots in the recent-first order.
    ordered: Vec<(Order, usize)>,
    symbols: Symbols,
}

/// What the full-text index says of one clause of the query: the rows of the documents whose
/// text matches it, and (for ordering by relevance) those whose title, and whose body, does.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClauseRows<'a> {
    pub any: &'a [i64],
    pub title: &'a [i64],
    pub body: &'a [i64],
    /// The places and themes the clause names, which match a document tagged with them.
    pub tags: Option<&'a Tags>,
}

/// A search as the catalogue runs it.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub scope: &'a Scope,
    pub filters: &'a FacetFilters,
    /// One per clause of the query; empty for no query.
    pub clauses: Vec<ClauseRows<'a>>,
    /// How many clauses a document must match ([`super::query::Query::needed`]).
    pub needed: usize,
    /// Order by how well documents match (else recent first).
    pub relevance: bool,
    pub offset: usize,
    pub limit: usize,
}

/// One document of the page asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub id: Uuid,
    /// How many clauses of the query it matches.
    pub matched: i64,
}

/// A page of documents, the total and the facets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Documents passing every filter and matching enough clauses.
    pub total: i64,
    /// Of those, the documents matching every clause.
    pub full: i64,
    pub page: Vec<Found>,
    pub counts: FacetCounts,
}

/// Documents marked by slot.
struct Marks(Vec<u64>);

impl Marks {
    fn new(slots: usize) -> Marks {
        Marks(vec![0; slots.div_ceil(64)])
    }
    fn set(&mut self, slot: usize) {
        self.0[slot / 64] |= 1 << (slot % 64);
    }
    fn has(&self, slot: usize) -> bool {
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// One clause as slots, with the tag numbers it names.
struct Clause {
    any: Marks,
    title: Marks,
    body: Marks,
    places: Vec<u32>,
    themes: Vec<u32>,
    tagged: bool,
}

impl Catalogue {
    pub fn new() -> Catalogue {
        Catalogue::default()
    }

    /// Documents held.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// A catalogue of these documents (sorted once, rather than each put in its place).
    pub fn of(entries: &[Entry]) -> Catalogue {
        let mut c = Catalogue::new();
        for e in entries {
            c.remove(e.id);
            let placed = c.hold(e);
            c.ordered.push(placed);
        }
        c.ordered.sort_unstable();
        c
    }

    /// Adds a document, or replaces what is held of it.
    pub fn put(&mut self, e: &Entry) {
        self.remove(e.id);
        let placed = self.hold(e);
        let at = self.ordered.partition_point(|p| *p < placed);
        self.ordered.insert(at, placed);
    }

    /// Holds a document in a slot; returns its place in the order, for the caller to put there.
    fn hold(&mut self, e: &Entry) -> (Order, usize) {
        let (mut kind, mut language, mut year_symbol) = (None, None, None);
        let (mut themes, mut places) = (Vec::new(), Vec::new());
        for part in e.facets.split(' ') {
            match part.split_once(':') {
                Some(("k", v)) => kind = Some(self.symbols.number(v)),
                Some(("l", v)) => language = Some(self.symbols.number(v)),
                Some(("y", v)) if !v.is_empty() => year_symbol = Some(self.symbols.number(v)),
                Some(("t", v)) => themes.push(self.symbols.number(v)),
                Some(("p", v)) => places.push(self.symbols.number(v)),
                _ => {}
            }
        }
        let empty = self.symbols.number("");
        let order = order_of(e);
        let doc = Doc {
            order,
            search_id: e.search_id,
            visibility: e.visibility,
            owner: Owner {
                organisation: e.organisation,
                group: e.group,
                table: e.table,
                network_group: e.network_group,
            },
            year: e.year,
            kind: kind.unwrap_or(empty),
            language: language.unwrap_or(empty),
            year_symbol,
            themes: themes.into(),
            places: places.into(),
        };
        let slot = match self.free.pop() {
            Some(s) => {
                self.docs[s] = Some(doc);
                s
            }
            None => {
                self.docs.push(Some(doc));
                self.docs.len() - 1
            }
        };
        self.by_id.insert(e.id, slot);
        if let Some(s) = e.search_id {
            self.by_search_id.insert(s, slot);
        }
        (order, slot)
    }

    /// Forgets a document (nothing when it is not held).
    pub fn remove(&mut self, id: Uuid) {
        let Some(slot) = self.by_id.remove(&id) else {
            return;
        };
        let Some(doc) = self.docs[slot].take() else {
            return;
        };
        if let Some(s) = doc.search_id {
            if self.by_search_id.get(&s) == Some(&slot) {
                self.by_search_id.remove(&s);
            }
        }
        if let Ok(at) = self.ordered.binary_search(&(doc.order, slot)) {
            self.ordered.remove(at);
        }
        self.free.push(slot);
    }

    fn marks(&self, rows: &[i64]) -> Marks {
        let mut m = Marks::new(self.docs.len());
        for r in rows {
            if let Some(slot) = self.by_search_id.get(r) {
                m.set(*slot);
            }
        }
        m
    }

    /// Runs a search: the documents the scope sees that match enough clauses, the page of them
    /// asked for, their total and the facets (each facet counting the documents that pass every
    /// filter but its own, as [`super::count_facets`] does).
    pub fn search(&self, r: &Request) -> Outcome {
        let words = r.clauses.len();
        let needed = if words == 0 {
            0
        } else {
            r.needed.clamp(1, words)
        };
        let clauses: Vec<Clause> = r
            .clauses
            .iter()
            .map(|c| {
                let (places, themes) = match c.tags {
                    Some(t) => (
                        t.places
                            .iter()
                            .filter_map(|p| self.symbols.find(p))
                            .collect(),
                        t.themes
                            .iter()
                            .filter_map(|t| self.symbols.find(t))
                            .collect(),
                    ),
                    None => (Vec::new(), Vec::new()),
                };
                Clause {
                    any: self.marks(c.any),
                    title: self.marks(c.title),
                    body: self.marks(c.body),
                    tagged: c.tags.is_some_and(|t| !t.is_empty()),
                    places,
                    themes,
                }
            })
            .collect();
        // A chosen value no document has: nothing passes that filter.
        let wanted = |v: &Option<String>| -> Option<Option<u32>> {
            v.as_deref().map(|s| self.symbols.find(s))
        };
        let kind = wanted(&r.filters.kind);
        let theme = wanted(&r.filters.theme);
        let place = wanted(&r.filters.place);
        let language = wanted(&r.filters.language);
        let n = self.symbols.names.len();
        let mut counts: [Vec<i64>; 5] = std::array::from_fn(|_| vec![0; n]);
        let (mut total, mut full) = (0i64, 0i64);
        // (matched, score, position in the order) of the documents passing everything.
        let mut passing: Vec<(i64, i64, usize, Uuid)> = Vec::new();
        for (position, (order, slot)) in self.ordered.iter().enumerate() {
            let Some(doc) = &self.docs[*slot] else {
                continue;
            };
            if !r.scope.sees(doc.visibility, doc.owner) {
                continue;
            }
            let mut matched = 0i64;
            let mut score = 0i64;
            for c in &clauses {
                let tag = c.tagged
                    && (doc.places.iter().any(|p| c.places.contains(p))
                        || doc.themes.iter().any(|t| c.themes.contains(t)));
                if c.any.has(*slot) || tag {
                    matched += 1;
                }
                if r.relevance {
                    if c.title.has(*slot) {
                        score += 10;
                    }
                    if c.body.has(*slot) {
                        score += 1;
                    }
                    if tag {
                        score += 2;
                    }
                }
            }
            if (matched as usize) < needed {
                continue;
            }
            let ok = [
                kind.is_none_or(|k| k == Some(doc.kind)),
                theme.is_none_or(|t| t.is_some_and(|t| doc.themes.contains(&t))),
                place.is_none_or(|p| p.is_some_and(|p| doc.places.contains(&p))),
                r.filters.year.is_none_or(|y| doc.year == Some(y)),
                language.is_none_or(|l| l == Some(doc.language)),
            ];
            let passes = ok.iter().filter(|x| **x).count();
            let others_pass = |i: usize| passes == 5 || (passes == 4 && !ok[i]);
            if others_pass(0) {
                counts[0][doc.kind as usize] += 1;
            }
            if others_pass(1) {
                for t in doc.themes.iter() {
                    counts[1][*t as usize] += 1;
                }
            }
            if others_pass(2) {
                for p in doc.places.iter() {
                    counts[2][*p as usize] += 1;
                }
            }
            if others_pass(3) {
                if let Some(y) = doc.year_symbol {
                    counts[3][y as usize] += 1;
                }
            }
            if others_pass(4) {
                counts[4][doc.language as usize] += 1;
            }
            if passes == 5 {
                total += 1;
                if matched as usize == words {
                    full += 1;
                }
                passing.push((matched, score, position, order.2));
            }
        }
        // Most clauses matched first, then the best score; the recent-first order breaks ties.
        if words > 0 && (needed < words || r.relevance) {
            passing.sort_by_key(|(m, s, p, _)| (Reverse(*m), Reverse(*s), *p));
        }
        let page = passing
            .iter()
            .skip(r.offset)
            .take(r.limit)
            .map(|(m, _, _, id)| Found {
                id: *id,
                matched: if words == 0 { 0 } else { *m },
            })
            .collect();
        let sorted = |c: &[i64]| -> Vec<(String, i64)> {
            let mut v: Vec<(String, i64)> = c
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(i, n)| (self.symbols.names[i].clone(), *n))
                .collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        Outcome {
            total,
            full,
            page,
            counts: FacetCounts {
                total,
                kinds: sorted(&counts[0]),
                themes: sorted(&counts[1]),
                places: sorted(&counts[2]),
                years: sorted(&counts[3]),
                languages: sorted(&counts[4]),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{count_facets, facet_key};

    fn entry(n: u8, year: Option<i32>, vis: Visibility, facets: &str) -> Entry {
        Entry {
            id: Uuid::from_bytes([n; 16]),
            search_id: Some(n as i64),
            visibility: vis,
            organisation: None,
            group: None,
            table: None,
            network_group: None,
            year,
            created_at: DateTime::from_timestamp(1_700_000_000 + n as i64, 0).unwrap(),
            facets: facets.to_string(),
        }
    }

    fn everything() -> Scope {
        Scope {
            everything: true,
            ..Default::default()
        }
    }

    fn request<'a>(scope: &'a Scope, filters: &'a FacetFilters) -> Request<'a> {
        Request {
            scope,
            filters,
            clauses: Vec::new(),
            needed: 0,
            relevance: false,
            offset: 0,
            limit: 20,
        }
    }

    #[test]
    fn recent_first_with_undated_last_and_replacements_kept_in_order() {
        let mut c = Catalogue::new();
        c.put(&entry(
            1,
            Some(2019),
            Visibility::Public,
            "k:report l:it y:2019",
        ));
        c.put(&entry(2, None, Visibility::Public, "k:report l:it"));
        c.put(&entry(
            3,
            Some(2021),
            Visibility::Public,
            "k:guide l:en y:2021",
        ));
        c.put(&entry(
            4,
            Some(2021),
            Visibility::Public,
            "k:guide l:en y:2021",
        ));
        let (scope, filters) = (everything(), FacetFilters::default());
        let ids = |c: &Catalogue| -> Vec<u8> {
            c.search(&request(&scope, &filters))
                .page
                .iter()
                .map(|f| f.id.as_bytes()[0])
                .collect()
        };
        // Same year: the later entered first.
        assert_eq!(ids(&c), vec![4, 3, 1, 2]);
        // Editing a document's year moves it; removing forgets it, and its slot is reused.
        c.put(&entry(
            2,
            Some(2030),
            Visibility::Public,
            "k:report l:it y:2030",
        ));
        assert_eq!(ids(&c), vec![2, 4, 3, 1]);
        c.remove(Uuid::from_bytes([4; 16]));
        c.remove(Uuid::from_bytes([9; 16]));
        assert_eq!(ids(&c), vec![2, 3, 1]);
        c.put(&entry(
            5,
            Some(2000),
            Visibility::Public,
            "k:report l:fr y:2000",
        ));
        assert_eq!(ids(&c), vec![2, 3, 1, 5]);
        assert_eq!(c.len(), 4);
    }

    #[test]
    fn facets_count_as_the_text_counter_does() {
        // The catalogue's counts must be those of `count_facets` over the same keys, for every
        // combination of filters, with values nobody has among them.
        let keys: Vec<String> = (0..40)
            .map(|i: i32| {
                facet_key(
                    ["report", "guide", "minutes"][(i % 3) as usize],
                    (i % 4 != 0).then_some(2015 + i % 5),
                    ["it", "en", "fr"][(i % 7 % 3) as usize],
                    &[format!("m:{}", i % 4), format!("dac:1{}", i % 3)],
                    &[
                        ["AL", "RS", "TN"][(i % 3) as usize].to_string(),
                        "MA".into(),
                    ][..(1 + i as usize % 2)],
                )
            })
            .collect();
        let mut c = Catalogue::new();
        for (i, k) in keys.iter().enumerate() {
            c.put(&entry(
                i as u8,
                k.split(' ')
                    .find_map(|p| p.strip_prefix("y:"))
                    .map(|y| y.parse().unwrap()),
                Visibility::Public,
                k,
            ));
        }
        let scope = everything();
        for kind in [None, Some("guide"), Some("none")] {
            for place in [None, Some("MA"), Some("RS")] {
                for year in [None, Some(2016), Some(1990)] {
                    for theme in [None, Some("m:2"), Some("dac:12")] {
                        let filters = FacetFilters {
                            kind: kind.map(String::from),
                            place: place.map(String::from),
                            year,
                            theme: theme.map(String::from),
                            language: Some("en".into()).filter(|_| year == Some(2016)),
                        };
                        let got = c.search(&request(&scope, &filters));
                        let expected = count_facets(keys.iter().map(|k| k.as_str()), &filters);
                        assert_eq!(got.counts, expected, "{filters:?}");
                        assert_eq!(got.total, expected.total);
                    }
                }
            }
        }
    }

    #[test]
    fn visibility_clauses_tags_and_relevance() {
        let org = Uuid::from_bytes([77; 16]);
        let mut c = Catalogue::new();
        c.put(&entry(
            1,
            Some(2020),
            Visibility::Public,
            "k:report l:it y:2020 p:AL",
        ));
        c.put(&entry(
            2,
            Some(2021),
            Visibility::Programme,
            "k:report l:it y:2021",
        ));
        let mut own = entry(
            3,
            Some(2022),
            Visibility::Organisation,
            "k:report l:it y:2022",
        );
        own.organisation = Some(org);
        c.put(&own);
        c.put(&entry(
            4,
            Some(2023),
            Visibility::Group,
            "k:report l:it y:2023",
        ));
        // A table's document, found and counted for the table's people only.
        let table = Uuid::from_bytes([88; 16]);
        let mut of_table = entry(5, Some(2019), Visibility::Table, "k:minutes l:it y:2019");
        of_table.table = Some(table);
        c.put(&of_table);
        let at_table = Scope {
            signed_in: true,
            tables: vec![table],
            ..Default::default()
        };
        let other_table = Scope {
            signed_in: true,
            tables: vec![Uuid::from_bytes([89; 16])],
            ..Default::default()
        };
        let counted = |scope: &Scope| {
            let o = c.search(&request(scope, &FacetFilters::default()));
            (o.total, o.counts.kinds.iter().any(|(k, _)| k == "minutes"))
        };
        assert_eq!(counted(&at_table), (3, true));
        assert_eq!(counted(&other_table), (2, false));
        assert_eq!(counted(&Scope::default()), (1, false));
        c.remove(of_table.id);
        let guest = Scope::default();
        let member = Scope {
            signed_in: true,
            organisations: vec![org],
            ..Default::default()
        };
        let filters = FacetFilters::default();
        let ids = |o: Outcome| -> Vec<(u8, i64)> {
            o.page
                .iter()
                .map(|f| (f.id.as_bytes()[0], f.matched))
                .collect()
        };
        assert_eq!(ids(c.search(&request(&guest, &filters))), vec![(1, 0)]);
        assert_eq!(
            ids(c.search(&request(&member, &filters))),
            vec![(3, 0), (2, 0), (1, 0)]
        );
        // Three clauses, two needed: "water" in 2's title and 3's body, "Albania" as a tag of 1
        // and in 2's body, "budget" in 1's body.
        let tags = Tags {
            places: vec!["AL".into()],
            themes: vec![],
        };
        let clauses = vec![
            ClauseRows {
                any: &[2, 3],
                title: &[2],
                body: &[3],
                tags: None,
            },
            ClauseRows {
                any: &[2],
                title: &[],
                body: &[2],
                tags: Some(&tags),
            },
            ClauseRows {
                any: &[1, 99],
                title: &[],
                body: &[1],
                tags: None,
            },
        ];
        let mut r = request(&member, &filters);
        r.clauses = clauses;
        r.needed = 2;
        let by_date = c.search(&r);
        assert_eq!(ids(by_date.clone()), vec![(2, 2), (1, 2)]);
        assert_eq!((by_date.total, by_date.full), (2, 0));
        r.relevance = true;
        // 2 scores 10 + 1, 1 scores 2 + 1.
        assert_eq!(ids(c.search(&r)), vec![(2, 2), (1, 2)]);
        r.needed = 1;
        // Two matched first, then by score: 3 (body, 1 point) after the two.
        assert_eq!(ids(c.search(&r)), vec![(2, 2), (1, 2), (3, 1)]);
        r.offset = 1;
        r.limit = 1;
        let paged = c.search(&r);
        assert_eq!(ids(paged.clone()), vec![(1, 2)]);
        assert_eq!(paged.total, 3);
    }
}
