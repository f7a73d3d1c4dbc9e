//! Text for search: folding (lower case, no diacritics), words, Snowball stems per language, and
//! highlighted snippets. Indexing and querying both go through these functions, so the same words
//! match on SQLite and on PostgreSQL: the database only ever sees stems.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// The languages whose words are stemmed; any other language is indexed by folded words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StemLanguage {
    Italian,
    English,
    French,
}

impl StemLanguage {
    pub const ALL: [StemLanguage; 3] = [
        StemLanguage::Italian,
        StemLanguage::English,
        StemLanguage::French,
    ];

    /// The stemmer for an ISO 639-1 code, when there is one.
    pub fn for_code(code: &str) -> Option<StemLanguage> {
        match code {
            "it" => Some(StemLanguage::Italian),
            "en" => Some(StemLanguage::English),
            "fr" => Some(StemLanguage::French),
            _ => None,
        }
    }

    fn stemmer(self) -> &'static Stemmer {
        static STEMMERS: OnceLock<[Stemmer; 3]> = OnceLock::new();
        let all = STEMMERS.get_or_init(|| {
            [
                Stemmer::create(Algorithm::Italian),
                Stemmer::create(Algorithm::English),
                Stemmer::create(Algorithm::French),
            ]
        });
        &all[self as usize]
    }
}

/// The letter without its diacritic, for the Latin letters of the languages the programme meets.
fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Lower case without diacritics: "Attività" → "attivita".
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match base_letter(c) {
            Some(b) => out.push_str(b),
            None => out.push(c),
        }
    }
    out
}

/// The words of a text with their byte ranges: runs of letters and digits. Apostrophes split
/// words ("dell'attività" is "dell" and "attività"), as do hyphens and every other sign.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut start: Option<usize> = None;
    let mut iter = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in iter.by_ref() {
            if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                return Some((s, &text[s..i]));
            }
        }
        None
    })
}

/// The longest word kept in the index; longer runs are cut (they are never real words).
const MAX_WORD: usize = 40;

/// The indexed form of one word: folded, then stemmed in `language` when it has a stemmer.
pub fn term(word: &str, language: Option<StemLanguage>) -> String {
    let folded: String = fold(word).chars().take(MAX_WORD).collect();
    match language {
        Some(l) => l.stemmer().stem(&folded).into_owned(),
        None => folded,
    }
}

/// The text the index stores for `text` written in the language `code`: its terms, separated
/// by single spaces.
pub fn index_text(text: &str, code: &str) -> String {
    let language = StemLanguage::for_code(code);
    let mut out = String::with_capacity(text.len());
    for (_, w) in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&term(w, language));
    }
    out
}

/// A piece of a snippet: text, and whether it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Piece {
    pub text: String,
    pub hit: bool,
}

/// What a snippet highlights: the terms of the query in every language and its prefixes.
#[derive(Debug, Clone, Default)]
pub struct Highlight {
    pub terms: Vec<String>,
    pub prefixes: Vec<String>,
}

impl Highlight {
    fn matches(&self, word: &str, language: Option<StemLanguage>) -> bool {
        if self.terms.is_empty() && self.prefixes.is_empty() {
            return false;
        }
        let folded = fold(word);
        if self.prefixes.iter().any(|p| folded.starts_with(p.as_str())) {
            return true;
        }
        // A stem keeps the start of its word: a word whose first two letters begin no term
        // cannot match, and is not stemmed at all (most words of a text).
        let head: String = folded.chars().take(2).collect();
        if !self.terms.iter().any(|t| t.starts_with(head.as_str())) {
            return false;
        }
        let stem = term(word, language);
        self.terms.iter().any(|t| *t == stem || *t == folded)
    }
}

/// A window of about `width` words of `text` around the place with the most query words, the
/// matching words marked. Starts at the beginning when nothing matches; "…" marks cuts.
pub fn snippet(text: &str, code: &str, highlight: &Highlight, width: usize) -> Vec<Piece> {
    let language = StemLanguage::for_code(code);
    let all: Vec<(usize, &str)> = words(text).collect();
    if all.is_empty() {
        return Vec::new();
    }
    let hits: Vec<bool> = all
        .iter()
        .map(|(_, w)| highlight.matches(w, language))
        .collect();
    let width = width.max(1);
    // The window of `width` words holding the most hits (first one on ties).
    let mut best = (0usize, 0usize);
    let mut count = hits.iter().take(width).filter(|h| **h).count();
    best.1 = count;
    for start in 1..all.len().saturating_sub(width - 1) {
        if hits[start - 1] {
            count -= 1;
        }
        if start + width - 1 < hits.len() && hits[start + width - 1] {
            count += 1;
        }
        if count > best.1 {
            best = (start, count);
        }
    }
    // Start a few words before the first hit so that it has some context.
    let first = match (best.0..(best.0 + width).min(all.len()))
        .filter(|_| all.len() > width)
        .filter(|i| hits[*i])
        .fold(None, |acc: Option<(usize, usize)>, i| {
            Some((acc.map_or(i, |a| a.0), i))
        }) {
        Some((h0, h1)) => h0.saturating_sub(3).max((h1 + 1).saturating_sub(width)),
        None => 0,
    };
    let last = (first + width).min(all.len()) - 1;
    let from = all[first].0;
    let to = all[last].0 + all[last].1.len();
    let mut pieces = Vec::new();
    if first > 0 {
        pieces.push(Piece {
            text: "… ".into(),
            hit: false,
        });
    }
    let mut cursor = from;
    for (i, (start, w)) in all.iter().enumerate().take(last + 1).skip(first) {
        if hits[i] {
            if *start > cursor {
                push_text(&mut pieces, &text[cursor..*start]);
            }
            pieces.push(Piece {
                text: (*w).to_string(),
                hit: true,
            });
            cursor = start + w.len();
        }
    }
    if to > cursor {
        push_text(&mut pieces, &text[cursor..to]);
    }
    if last + 1 < all.len() {
        push_text(&mut pieces, " …");
    }
    pieces
}

fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    let clean: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    match pieces.last_mut() {
        Some(p) if !p.hit => p.text.push_str(&clean),
        _ => pieces.push(Piece {
            text: clean,
            hit: false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_and_diacritics() {
        assert_eq!(fold("Attività"), "attivita");
        assert_eq!(fold("ÉCONOMIE Œuvre"), "economie oeuvre");
        assert_eq!(fold("Shqipëri Crna Gora Čačak"), "shqiperi crna gora cacak");
    }

    #[test]
    fn words_split_on_apostrophes_and_signs() {
        let w: Vec<&str> = words("dell'attività, co-progettazione 2024!")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["dell", "attività", "co", "progettazione", "2024"]);
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" -- ").count(), 0);
    }

    #[test]
    fn italian_plurals_and_accents_meet() {
        let it = Some(StemLanguage::Italian);
        assert_eq!(term("riunione", it), term("riunioni", it));
        assert_eq!(term("attività", it), term("attivita", it));
        assert_eq!(term("cooperazione", it), term("COOPERAZIONI", it));
        let en = Some(StemLanguage::English);
        assert_eq!(term("partnerships", en), term("partnership", en));
        let fr = Some(StemLanguage::French);
        assert_eq!(term("collectivités", fr), term("collectivite", fr));
    }

    #[test]
    fn index_text_is_terms_joined_by_spaces() {
        assert_eq!(
            index_text("Le riunioni di Tirana", "it"),
            "le riunion di tiran"
        );
        assert_eq!(index_text("Tirana", "sq"), "tirana");
    }

    #[test]
    fn snippet_marks_hits_and_cuts_around_them() {
        let text = "Uno due tre quattro cinque sei sette otto nove dieci. Le riunioni con i partner albanesi si tengono a Tirana ogni mese. Fine del testo qui.";
        let h = Highlight {
            terms: vec![term("riunione", Some(StemLanguage::Italian))],
            prefixes: vec!["alban".into()],
        };
        let pieces = snippet(text, "it", &h, 8);
        let hits: Vec<&str> = pieces
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["riunioni", "albanesi"]);
        assert!(pieces[0].text.starts_with("… "));
        assert!(pieces.last().unwrap().text.ends_with(" …"));
        let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert!(
            joined.contains("Le riunioni con i partner albanesi"),
            "{joined}"
        );
    }

    #[test]
    fn a_short_text_is_never_cut() {
        let h = Highlight {
            terms: vec![term("Permet", None)],
            prefixes: vec![],
        };
        let pieces = snippet("Piano di lavoro con Permet", "it", &h, 60);
        assert_eq!(pieces[0].text, "Piano di lavoro con ");
        assert_eq!(pieces.len(), 2);
    }

    #[test]
    fn snippet_without_hits_starts_at_the_beginning() {
        let pieces = snippet("Alfa beta gamma delta", "it", &Highlight::default(), 2);
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].text, "Alfa beta …");
        assert!(snippet("", "it", &Highlight::default(), 5).is_empty());
    }
}
