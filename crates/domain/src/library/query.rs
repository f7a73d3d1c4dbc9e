//! What people type in the library's search box, parsed once and written out for each
//! database: words (matched in every stemmed language), "quoted phrases" and prefixes (`coop*`).
//! Only terms built from letters and digits reach the database, so no input can break the
//! search syntax of SQLite FTS5 or PostgreSQL `tsquery`.

use super::text::{fold, term, words, Highlight, StemLanguage};

/// The most clauses a query keeps; the rest are ignored.
const MAX_CLAUSES: usize = 12;
/// The shortest prefix searched (shorter ones match half the library).
const MIN_PREFIX: usize = 2;

/// One part of a query. Each holds its alternatives: the term in every stemmed language plus
/// the plain folded word (for documents in languages without a stemmer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    Word(Vec<String>),
    /// One alternative per language; each is the phrase's terms in order.
    Phrase(Vec<Vec<String>>),
    Prefix(String),
}

/// A parsed query. A document matches a clause when its text does, or when it is tagged with a
/// place or theme whose name the clause names (`tags`, one entry per clause, filled by
/// [`Query::with_tags`]). Documents matching every clause come first; then, for queries of three
/// clauses or more, those matching most of them ([`Query::needed`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// Per clause, the places and themes it names; empty until [`Query::with_tags`].
    pub tags: Vec<Tags>,
}

/// The places and themes one clause names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tags {
    /// Place codes (`AL`, `group-wb`, `IT-72`).
    pub places: Vec<String>,
    /// Theme codes (`m:governance`, `dac:15110`).
    pub themes: Vec<String>,
}

impl Tags {
    pub fn is_empty(&self) -> bool {
        self.places.is_empty() && self.themes.is_empty()
    }
}

/// What a tag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    Place,
    Theme,
}

/// Words of names that never name a tag on their own.
const NAME_STOPWORDS: &[&str] = &[
    "and", "the", "for", "other", "del", "della", "delle", "dei", "degli", "per", "con", "des",
    "les", "pour", "aux", "sur", "avec", "autres",
];

/// The names of the places and themes documents are tagged with, in every language, as terms.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    entries: Vec<(TagKind, String, Vec<String>)>,
}

impl Vocabulary {
    /// Adds a tag's names, each with the ISO 639-1 code of its language.
    pub fn add(&mut self, kind: TagKind, code: &str, names: &[(&str, &str)]) {
        let mut terms: Vec<String> = Vec::new();
        for (name, language) in names {
            let stem = StemLanguage::for_code(language);
            for (_, w) in words(name) {
                let folded = fold(w);
                if folded.chars().count() < 3 || NAME_STOPWORDS.contains(&folded.as_str()) {
                    continue;
                }
                let stemmed = term(w, stem);
                for t in [folded, stemmed] {
                    if !terms.contains(&t) {
                        terms.push(t);
                    }
                }
            }
        }
        if !terms.is_empty() {
            self.entries.push((kind, code.to_string(), terms));
        }
    }

    /// How many tags it names.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The tags a clause names: a word any of whose forms is a word of the name, a phrase all of
    /// whose words are, or a prefix of three letters or more beginning one.
    fn tags_of(&self, clause: &Clause) -> Tags {
        let mut tags = Tags::default();
        for (kind, code, terms) in &self.entries {
            let named = match clause {
                Clause::Word(alts) => alts.iter().any(|a| terms.contains(a)),
                Clause::Phrase(alts) => alts.iter().any(|p| p.iter().all(|a| terms.contains(a))),
                Clause::Prefix(p) => {
                    p.chars().count() >= 3 && terms.iter().any(|t| t.starts_with(p.as_str()))
                }
            };
            if named {
                match kind {
                    TagKind::Place => tags.places.push(code.clone()),
                    TagKind::Theme => tags.themes.push(code.clone()),
                }
            }
        }
        tags
    }
}

fn alternatives(word: &str) -> Vec<String> {
    let mut alt = vec![fold(word)];
    for l in StemLanguage::ALL {
        let t = term(word, Some(l));
        if !alt.contains(&t) {
            alt.push(t);
        }
    }
    alt
}

impl Query {
    /// Parses typed text; an empty query has no clauses.
    pub fn parse(typed: &str) -> Query {
        let mut clauses = Vec::new();
        for (i, part) in typed.split('"').enumerate() {
            if i % 2 == 1 {
                let ws: Vec<&str> = words(part).map(|(_, w)| w).collect();
                match ws.len() {
                    0 => {}
                    1 => clauses.push(Clause::Word(alternatives(ws[0]))),
                    _ => {
                        let mut alts: Vec<Vec<String>> = vec![ws.iter().map(|w| fold(w)).collect()];
                        for l in StemLanguage::ALL {
                            let p: Vec<String> = ws.iter().map(|w| term(w, Some(l))).collect();
                            if !alts.contains(&p) {
                                alts.push(p);
                            }
                        }
                        clauses.push(Clause::Phrase(alts));
                    }
                }
                continue;
            }
            // Outside quotes: a word directly followed by `*` is a prefix.
            for (start, w) in words(part) {
                let starred = part[start + w.len()..].starts_with('*');
                if starred {
                    let p = fold(w);
                    if p.chars().count() >= MIN_PREFIX {
                        clauses.push(Clause::Prefix(p));
                    }
                } else {
                    clauses.push(Clause::Word(alternatives(w)));
                }
            }
        }
        clauses.dedup();
        clauses.truncate(MAX_CLAUSES);
        let tags = vec![Tags::default(); clauses.len()];
        Query { clauses, tags }
    }

    /// The query with the places and themes each clause names.
    pub fn with_tags(mut self, vocabulary: &Vocabulary) -> Query {
        self.tags = self.clauses.iter().map(|c| vocabulary.tags_of(c)).collect();
        self
    }

    /// The places and themes clause `i` names.
    pub fn tags_of(&self, i: usize) -> Option<&Tags> {
        self.tags.get(i).filter(|t| !t.is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// How many clauses a document must match to be found: all of them for one or two, most of
    /// them (more than half) from three on.
    pub fn needed(&self) -> usize {
        let n = self.clauses.len();
        if n <= 2 {
            n
        } else {
            n / 2 + 1
        }
    }

    /// Each clause as an FTS5 expression.
    pub fn fts5_clauses(&self) -> Vec<String> {
        self.clauses
            .iter()
            .map(|c| match c {
                Clause::Word(alts) => {
                    let quoted: Vec<String> = alts.iter().map(|a| format!("\"{a}\"")).collect();
                    format!("({})", quoted.join(" OR "))
                }
                Clause::Phrase(alts) => {
                    let quoted: Vec<String> = alts
                        .iter()
                        .map(|p| format!("\"{}\"", p.join(" ")))
                        .collect();
                    format!("({})", quoted.join(" OR "))
                }
                Clause::Prefix(p) => format!("\"{p}\"*"),
            })
            .collect()
    }

    /// The expression for an FTS5 `MATCH`: every clause.
    pub fn fts5(&self) -> String {
        self.fts5_clauses().join(" AND ")
    }

    /// Each clause as PostgreSQL `tsquery` text; with `weight`, matching only lexemes of that
    /// weight (`A` the title, `B` the text).
    pub fn tsquery_clauses(&self, weight: Option<char>) -> Vec<String> {
        let w = weight.map(String::from).unwrap_or_default();
        self.clauses
            .iter()
            .map(|c| match c {
                Clause::Word(alts) => {
                    let quoted: Vec<String> = alts
                        .iter()
                        .map(|a| {
                            format!(
                                "'{a}'{}",
                                if w.is_empty() {
                                    String::new()
                                } else {
                                    format!(":{w}")
                                }
                            )
                        })
                        .collect();
                    format!("({})", quoted.join(" | "))
                }
                Clause::Phrase(alts) => {
                    let phrases: Vec<String> = alts
                        .iter()
                        .map(|p| {
                            let quoted: Vec<String> = p
                                .iter()
                                .map(|a| {
                                    format!(
                                        "'{a}'{}",
                                        if w.is_empty() {
                                            String::new()
                                        } else {
                                            format!(":{w}")
                                        }
                                    )
                                })
                                .collect();
                            format!("({})", quoted.join(" <-> "))
                        })
                        .collect();
                    format!("({})", phrases.join(" | "))
                }
                Clause::Prefix(p) => format!("'{p}':*{w}"),
            })
            .collect()
    }

    /// The text for PostgreSQL's `to_tsquery('simple', …)`: every clause.
    pub fn tsquery(&self) -> String {
        self.tsquery_clauses(None).join(" & ")
    }

    /// What the snippets highlight.
    pub fn highlight(&self) -> Highlight {
        let mut h = Highlight::default();
        for c in &self.clauses {
            match c {
                Clause::Word(alts) => h.terms.extend(alts.iter().cloned()),
                Clause::Phrase(alts) => h.terms.extend(alts.iter().flatten().cloned()),
                Clause::Prefix(p) => h.prefixes.push(p.clone()),
            }
        }
        h.terms.sort();
        h.terms.dedup();
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_phrases_and_prefixes() {
        let q = Query::parse("Riunioni \"piano strategico\" coop* a*");
        assert_eq!(q.clauses.len(), 3);
        assert!(matches!(&q.clauses[0], Clause::Word(a) if a.contains(&"riunion".to_string())));
        assert!(
            matches!(&q.clauses[1], Clause::Phrase(a) if a.contains(&vec!["piano".to_string(), "strategic".to_string()]))
        );
        assert_eq!(q.clauses[2], Clause::Prefix("coop".into()));
        assert!(Query::parse("  \"\" * - ").is_empty());
    }

    #[test]
    fn database_syntax() {
        let q = Query::parse("attività coop*");
        assert_eq!(q.fts5(), "(\"attivita\" OR \"attivit\") AND \"coop\"*");
        assert_eq!(q.tsquery(), "('attivita' | 'attivit') & 'coop':*");
        let p = Query::parse("\"Western Balkans\"");
        assert!(
            p.tsquery().contains("('western' <-> 'balkan')"),
            "{}",
            p.tsquery()
        );
        assert!(p.fts5().contains("\"western balkan\""), "{}", p.fts5());
        assert_eq!(
            Query::parse("coop* Tunisi").tsquery_clauses(Some('A')),
            ["'coop':*A", "('tunisi':A | 'tunis':A)"]
        );
    }

    #[test]
    fn clauses_name_places_and_themes_in_every_language() {
        let mut v = Vocabulary::default();
        v.add(
            TagKind::Place,
            "RS",
            &[("Serbia", "it"), ("Serbia", "en"), ("Serbie", "fr")],
        );
        v.add(
            TagKind::Place,
            "group-wb",
            &[
                ("Balcani occidentali", "it"),
                ("Western Balkans", "en"),
                ("Balkans occidentaux", "fr"),
            ],
        );
        v.add(
            TagKind::Theme,
            "m:ambiente",
            &[
                ("Ambiente e territorio", "it"),
                ("Environment and territory", "en"),
                ("Environnement et territoire", "fr"),
            ],
        );
        let q = Query::parse("twinning municipality Serbie \"western balkans\" environ* and")
            .with_tags(&v);
        assert_eq!(q.tags.len(), q.clauses.len());
        assert!(q.tags_of(0).is_none() && q.tags_of(1).is_none());
        assert_eq!(q.tags_of(2).unwrap().places, ["RS"]);
        assert_eq!(q.tags_of(3).unwrap().places, ["group-wb"]);
        assert_eq!(q.tags_of(4).unwrap().themes, ["m:ambiente"]);
        // A short or common word names nothing.
        assert!(q.tags_of(5).is_none());
        assert_eq!(q.needed(), 4);
        assert_eq!(Query::parse("acqua territorio").needed(), 2);
        assert_eq!(Query::parse("a b c").needed(), 2);
        assert_eq!(Query::parse("").needed(), 0);
    }

    proptest! {
        #[test]
        fn no_input_escapes_the_syntax(typed in ".{0,200}") {
            let q = Query::parse(&typed);
            let allowed = |s: &str| s.chars().all(|c| c.is_alphanumeric() || " \"()*':|&<->".contains(c));
            prop_assert!(allowed(&q.fts5()));
            prop_assert!(allowed(&q.tsquery()));
            for c in &q.clauses {
                let terms: Vec<String> = match c {
                    Clause::Word(a) => a.clone(),
                    Clause::Phrase(a) => a.iter().flatten().cloned().collect(),
                    Clause::Prefix(p) => vec![p.clone()],
                };
                for t in terms {
                    prop_assert!(!t.is_empty() && t.chars().all(char::is_alphanumeric), "{t:?}");
                }
            }
        }
    }
}
