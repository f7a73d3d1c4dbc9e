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

/// A parsed query: every clause must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
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
        Query { clauses }
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
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
            matches!(&q.clauses[1], Clause::Phrase(a) if a.contains(&vec!["pian".to_string(), "strateg".to_string()]))
        );
        assert_eq!(q.clauses[2], Clause::Prefix("coop".into()));
        assert!(Query::parse("  \"\" * - ").is_empty());
    }

    #[test]
    fn database_syntax() {
        let q = Query::parse("attività coop*");
        assert_eq!(
            q.fts5(),
            "(\"attivita\" OR \"attiv\" OR \"attivit\") AND \"coop\"*"
        );
        assert_eq!(q.tsquery(), "('attivita' | 'attiv' | 'attivit') & 'coop':*");
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
