//! Searching the directory: "appalti pubblici Albania" or "public procurement Albania" finds the
//! people whose visible competences, role or administration say so, or whose visible countries
//! and themes the words name (in Italian, English or French, through the library's vocabulary of
//! places and themes). Words are folded and stemmed as the library's search does them, and a
//! person is found only when every word of the query (but the few that only frame a question,
//! "who knows … in …") matches a field the viewer may see.

use crate::library::places;
use crate::library::query::{Clause, Query};
use crate::library::text::{fold, nfc, term, words, StemLanguage};
use std::collections::HashSet;

/// Words that frame a question rather than say what is sought, in the three languages.
const FRAMING: &[&str] = &[
    "who", "knows", "know", "about", "in", "of", "the", "and", "on", "chi", "conosce", "sa", "di",
    "e", "su", "nel", "nei", "qui", "connait", "sait", "en", "de", "et", "la", "le", "les", "du",
    "des",
];

/// What one viewer may see of one person, as searched.
#[derive(Debug, Clone, Default)]
pub struct Card<'a> {
    /// Texts (the person's name, administration, role, competences) the words are looked for in.
    pub texts: Vec<&'a str>,
    /// Country codes of experience.
    pub countries: Vec<&'a str>,
    /// Theme codes of experience (`m:…`, `dac:…`).
    pub themes: Vec<&'a str>,
}

/// Every indexed form of the words of `texts`: folded, and stemmed in each language.
fn terms(texts: &[&str]) -> HashSet<String> {
    let mut out = HashSet::new();
    for text in texts {
        let text = nfc(text);
        for (_, w) in words(&text) {
            out.insert(fold(w));
            for l in StemLanguage::ALL {
                out.insert(term(w, Some(l)));
            }
        }
    }
    out
}

/// The query without the words that only frame a question (a query made only of them is kept
/// whole, so that it still asks something).
pub fn meaningful(query: Query) -> Query {
    let framing = |c: &Clause| match c {
        Clause::Word(alts) => alts.first().is_some_and(|f| FRAMING.contains(&f.as_str())),
        _ => false,
    };
    if query.clauses.iter().all(framing) {
        return query;
    }
    let (clauses, tags) = query
        .clauses
        .into_iter()
        .zip(
            query
                .tags
                .into_iter()
                .chain(std::iter::repeat_with(Default::default)),
        )
        .filter(|(c, _)| !framing(c))
        .unzip();
    Query { clauses, tags }
}

/// Whether `card` answers every clause of `query` (tagged with the library's vocabulary): by a
/// word of its texts, or by a country or theme the clause names. An empty query finds everyone.
pub fn matches(card: &Card<'_>, query: &Query) -> bool {
    let found = terms(&card.texts);
    query.clauses.iter().enumerate().all(|(i, clause)| {
        let by_text = match clause {
            Clause::Word(alts) => alts.iter().any(|a| found.contains(a)),
            Clause::Phrase(alts) => alts.iter().any(|p| p.iter().all(|a| found.contains(a))),
            Clause::Prefix(p) => found.iter().any(|t| t.starts_with(p.as_str())),
        };
        by_text
            || query.tags_of(i).is_some_and(|tags| {
                tags.themes
                    .iter()
                    .any(|t| card.themes.contains(&t.as_str()))
                    || tags.places.iter().any(|p| {
                        card.countries.contains(&p.as_str())
                            || places::GROUPS.iter().any(|(g, area)| {
                                g == p
                                    && card.countries.iter().any(|c| {
                                        places::country(c).is_some_and(|c| c.area == *area)
                                    })
                            })
                    })
            })
    })
}

/// One person's fields as the index holds them, before any viewer's reach is applied.
#[derive(Debug, Clone, Default)]
pub struct Profile<'a> {
    pub name: &'a str,
    pub administration: Option<&'a str>,
    pub role: Option<&'a str>,
    pub competences: &'a [String],
    pub countries: &'a [String],
    pub themes: &'a [String],
}

/// Which of a person's fields a viewer sees (the name always).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seen {
    pub administration: bool,
    pub role: bool,
    pub competences: bool,
    pub countries: bool,
    pub themes: bool,
}

/// The text fields a word comes from, as bits.
const NAME: u8 = 1;
const ADMINISTRATION: u8 = 2;
const ROLE: u8 = 4;
const COMPETENCES: u8 = 8;

impl Seen {
    fn texts(self) -> u8 {
        NAME | if self.administration {
            ADMINISTRATION
        } else {
            0
        } | if self.role { ROLE } else { 0 }
            | if self.competences { COMPETENCES } else { 0 }
    }
}

/// The whole directory indexed once, so that a search reads only the people its words name
/// instead of stemming every person's fields again: each word form with the people and fields it
/// comes from, and the people of each country and theme. A search finds exactly what
/// [`matches`] finds on the cards the viewer sees.
#[derive(Debug, Clone, Default)]
pub struct Index {
    terms: std::collections::BTreeMap<String, Vec<(u32, u8)>>,
    countries: std::collections::HashMap<String, Vec<u32>>,
    themes: std::collections::HashMap<String, Vec<u32>>,
    people: u32,
    /// Roughly the bytes held, for a bound on memory.
    weight: usize,
}

impl Index {
    /// Indexes `people`, numbered in order from 0.
    pub fn build<'a>(people: impl IntoIterator<Item = Profile<'a>>) -> Index {
        let mut index = Index::default();
        let mut found: std::collections::HashMap<String, u8> = std::collections::HashMap::new();
        // Each word's forms, stemmed once for the whole directory: names, roles and
        // administrations share most of their words.
        let mut forms: std::collections::HashMap<String, Vec<String>> =
            std::collections::HashMap::new();
        for (n, p) in people.into_iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            found.clear();
            let mut add = |text: &str, from: u8| {
                let text = nfc(text);
                for (_, w) in words(&text) {
                    let of_word = forms.entry(w.to_string()).or_insert_with(|| {
                        let mut f: Vec<String> = std::iter::once(fold(w))
                            .chain(StemLanguage::ALL.iter().map(|l| term(w, Some(*l))))
                            .collect();
                        f.sort();
                        f.dedup();
                        f
                    });
                    for t in of_word.iter() {
                        match found.get_mut(t) {
                            Some(bits) => *bits |= from,
                            None => {
                                found.insert(t.clone(), from);
                            }
                        }
                    }
                }
            };
            add(p.name, NAME);
            if let Some(a) = p.administration {
                add(a, ADMINISTRATION);
            }
            if let Some(r) = p.role {
                add(r, ROLE);
            }
            for c in p.competences {
                add(c, COMPETENCES);
            }
            for (t, from) in found.drain() {
                index.weight += t.len() + 8;
                index.terms.entry(t).or_default().push((n, from));
            }
            for c in p.countries {
                index.weight += c.len() + 4;
                index.countries.entry(c.clone()).or_default().push(n);
            }
            for t in p.themes {
                index.weight += t.len() + 4;
                index.themes.entry(t.clone()).or_default().push(n);
            }
            index.people = n + 1;
        }
        index.weight += index.terms.len() * 48;
        index
    }

    /// Roughly the bytes the index holds.
    pub fn weight(&self) -> usize {
        self.weight
    }

    /// The people (by number, in order) who answer every clause of `query` in the fields
    /// `seen` says the viewer sees of each. An empty query finds everyone.
    pub fn find(&self, query: &Query, seen: impl Fn(u32) -> Seen) -> Vec<u32> {
        let n = self.people as usize;
        if query.clauses.is_empty() {
            return (0..self.people).collect();
        }
        // What the viewer sees of each person, worked out once, for those the words reach.
        let mut known: Vec<Option<Seen>> = vec![None; n];
        let mut sees = |p: u32| *known[p as usize].get_or_insert_with(|| seen(p));
        // How many clauses each person answered so far: a person is found when all are.
        let mut answered: Vec<u16> = vec![0; n];
        for (i, clause) in query.clauses.iter().enumerate() {
            let mut hit: Vec<u32> = Vec::new();
            let by_term = |term: &str, sees: &mut dyn FnMut(u32) -> Seen, hit: &mut Vec<u32>| {
                if let Some(postings) = self.terms.get(term) {
                    hit.extend(
                        postings
                            .iter()
                            .filter(|(p, from)| from & sees(*p).texts() != 0)
                            .map(|(p, _)| *p),
                    );
                }
            };
            match clause {
                Clause::Word(alts) => {
                    for a in alts {
                        by_term(a, &mut sees, &mut hit);
                    }
                }
                Clause::Phrase(alts) => {
                    // Every word of one form of the phrase, each in a field the viewer sees.
                    for phrase in alts {
                        let mut common: Option<Vec<u32>> = None;
                        for word in phrase {
                            let mut with: Vec<u32> = Vec::new();
                            by_term(word, &mut sees, &mut with);
                            with.sort_unstable();
                            with.dedup();
                            common = Some(match common {
                                None => with,
                                Some(c) => c
                                    .into_iter()
                                    .filter(|p| with.binary_search(p).is_ok())
                                    .collect(),
                            });
                        }
                        hit.extend(common.unwrap_or_default());
                    }
                }
                Clause::Prefix(prefix) => {
                    for (term, postings) in self.terms.range(prefix.clone()..) {
                        if !term.starts_with(prefix.as_str()) {
                            break;
                        }
                        hit.extend(
                            postings
                                .iter()
                                .filter(|(p, from)| from & sees(*p).texts() != 0)
                                .map(|(p, _)| *p),
                        );
                    }
                }
            }
            if let Some(tags) = query.tags_of(i) {
                for t in &tags.themes {
                    if let Some(people) = self.themes.get(t) {
                        hit.extend(people.iter().copied().filter(|p| sees(*p).themes));
                    }
                }
                for place in &tags.places {
                    let mut codes: Vec<&str> = vec![place.as_str()];
                    for (group, area) in places::GROUPS {
                        if group == place {
                            codes.extend(
                                self.countries
                                    .keys()
                                    .filter(|c| places::country(c).is_some_and(|c| c.area == *area))
                                    .map(String::as_str),
                            );
                        }
                    }
                    for code in codes {
                        if let Some(people) = self.countries.get(code) {
                            hit.extend(people.iter().copied().filter(|p| sees(*p).countries));
                        }
                    }
                }
            }
            hit.sort_unstable();
            hit.dedup();
            let needed = u16::try_from(i).unwrap_or(u16::MAX);
            for p in hit {
                // Counted only when every clause before this one was answered.
                if answered[p as usize] == needed {
                    answered[p as usize] += 1;
                }
            }
        }
        let all = u16::try_from(query.clauses.len()).unwrap_or(u16::MAX);
        (0..self.people)
            .filter(|p| answered[*p as usize] == all)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::query::{TagKind, Vocabulary};

    fn vocabulary() -> Vocabulary {
        let mut v = Vocabulary::default();
        v.add(
            TagKind::Place,
            "AL",
            &[("Albania", "it"), ("Albania", "en"), ("Albanie", "fr")],
        );
        v.add(
            TagKind::Place,
            "RS",
            &[("Serbia", "it"), ("Serbia", "en"), ("Serbie", "fr")],
        );
        v.add(
            TagKind::Theme,
            "dac:15125",
            &[("Public Procurement", "en"), ("Marchés publics", "fr")],
        );
        v
    }

    fn q(typed: &str) -> Query {
        meaningful(Query::parse(typed).with_tags(&vocabulary()))
    }

    #[test]
    fn finds_by_competences_and_countries_in_any_language() {
        let card = Card {
            texts: vec!["Anna Verdi", "Esperta di appalti pubblici e fondi europei"],
            countries: vec!["AL"],
            themes: vec!["dac:15125"],
        };
        assert!(matches(&card, &q("appalti pubblici Albania")));
        assert!(matches(&card, &q("appalto pubblico")));
        assert!(matches(&card, &q("public procurement Albania")));
        assert!(matches(
            &card,
            &q("who knows public procurement in Albania")
        ));
        assert!(matches(&card, &q("marchés publics Albanie")));
        assert!(!matches(&card, &q("appalti pubblici Serbia")));
        assert!(!matches(&card, &q("turismo")));
    }

    #[test]
    fn hidden_fields_find_nothing() {
        // The same person as a viewer sees them with countries and themes kept private.
        let card = Card {
            texts: vec!["Anna Verdi", "Esperta di appalti pubblici"],
            countries: vec![],
            themes: vec![],
        };
        assert!(!matches(&card, &q("appalti pubblici Albania")));
        assert!(!matches(&card, &q("public procurement")));
        assert!(matches(&card, &q("appalti pubblici")));
    }

    #[test]
    fn a_country_group_names_its_countries() {
        let mut v = vocabulary();
        v.add(TagKind::Place, "group-wb", &[("Balcani occidentali", "it")]);
        let card = Card {
            texts: vec!["x"],
            countries: vec!["AL"],
            themes: vec![],
        };
        assert!(matches(
            &card,
            &meaningful(Query::parse("Balcani occidentali").with_tags(&v))
        ));
    }

    #[test]
    fn framing_alone_is_still_a_query() {
        let card = Card::default();
        assert!(!matches(&card, &q("who")));
        assert!(matches(&card, &q("")));
    }

    /// A person of the property test: words for each text field, countries, themes, and what
    /// the viewer sees of them.
    type Generated = (
        Vec<usize>,
        Option<Vec<usize>>,
        Option<Vec<usize>>,
        Vec<Vec<usize>>,
        Vec<usize>,
        Vec<usize>,
        [bool; 5],
    );

    const WORDS: [&str; 10] = [
        "appalti",
        "pubblici",
        "appalto",
        "Anna",
        "procurement",
        "fondi",
        "europei",
        "turismo",
        "Salerno",
        "cooperazione",
    ];
    const COUNTRIES: [&str; 4] = ["AL", "RS", "TN", "ME"];
    const THEMES: [&str; 2] = ["dac:15125", "m:turismo"];
    const QUERY_WORDS: [&str; 12] = [
        "appalti",
        "appalto",
        "pubblico",
        "Albania",
        "Serbia",
        "public procurement",
        "turism*",
        "\"fondi europei\"",
        "Anna",
        "chi conosce",
        "Balcani occidentali",
        "Salern*",
    ];

    fn text(words: &[usize]) -> String {
        words
            .iter()
            .map(|w| WORDS[*w % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest::proptest! {
        #[test]
        fn the_index_finds_what_the_cards_match(
            people in proptest::collection::vec(
                (
                    proptest::collection::vec(0usize..10, 1..3),
                    proptest::option::of(proptest::collection::vec(0usize..10, 1..3)),
                    proptest::option::of(proptest::collection::vec(0usize..10, 1..4)),
                    proptest::collection::vec(proptest::collection::vec(0usize..10, 1..3), 0..3),
                    proptest::collection::vec(0usize..4, 0..3),
                    proptest::collection::vec(0usize..2, 0..2),
                    proptest::array::uniform5(proptest::bool::ANY),
                ),
                0..12,
            ),
            asked in proptest::collection::vec(0usize..12, 0..4),
        ) {
            let people: Vec<Generated> = people;
            let mut v = vocabulary();
            v.add(TagKind::Place, "group-wb", &[("Balcani occidentali", "it")]);
            let typed: Vec<&str> = asked.iter().map(|i| QUERY_WORDS[*i]).collect();
            let query = meaningful(Query::parse(&typed.join(" ")).with_tags(&v));
            struct Owned { name: String, administration: Option<String>, role: Option<String>,
                competences: Vec<String>, countries: Vec<String>, themes: Vec<String>, seen: Seen }
            let owned: Vec<Owned> = people.iter().map(|(name, adm, role, comp, countries, themes, seen)| Owned {
                name: text(name),
                administration: adm.as_ref().map(|a| text(a)),
                role: role.as_ref().map(|r| text(r)),
                competences: comp.iter().map(|c| text(c)).collect(),
                countries: countries.iter().map(|c| COUNTRIES[*c].to_string()).collect(),
                themes: themes.iter().map(|t| THEMES[*t].to_string()).collect(),
                seen: Seen { administration: seen[0], role: seen[1], competences: seen[2], countries: seen[3], themes: seen[4] },
            }).collect();
            let index = Index::build(owned.iter().map(|o| Profile {
                name: &o.name,
                administration: o.administration.as_deref(),
                role: o.role.as_deref(),
                competences: &o.competences,
                countries: &o.countries,
                themes: &o.themes,
            }));
            let found = index.find(&query, |p| owned[p as usize].seen);
            let expected: Vec<u32> = owned.iter().enumerate().filter(|(_, o)| {
                let mut texts: Vec<&str> = vec![&o.name];
                if o.seen.administration { texts.extend(o.administration.as_deref()); }
                if o.seen.role { texts.extend(o.role.as_deref()); }
                if o.seen.competences { texts.extend(o.competences.iter().map(String::as_str)); }
                let card = Card {
                    texts,
                    countries: if o.seen.countries { o.countries.iter().map(String::as_str).collect() } else { vec![] },
                    themes: if o.seen.themes { o.themes.iter().map(String::as_str).collect() } else { vec![] },
                };
                matches(&card, &query)
            }).map(|(i, _)| i as u32).collect();
            proptest::prop_assert_eq!(found, expected, "query {:?}", typed);
        }
    }
}
