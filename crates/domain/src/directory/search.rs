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
}
