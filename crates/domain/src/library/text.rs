//! Text for search: Unicode normalisation (NFC), folding (lower case, no diacritics), words, stems
//! per language, and highlighted snippets. Indexing and querying both go through these functions,
//! so the same words match on SQLite and on PostgreSQL: the database only ever sees stems.
//!
//! English and French use the Snowball stemmers. Italian uses the light stemmer of J. Savoy (the
//! one Lucene ships as `ItalianLightStemmer`): it removes inflection only, where Snowball also
//! cuts derivational endings unevenly (`costiera` → `costier` but `costiere` → `cost`), which
//! made a query miss its obvious target.

use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Bumped whenever the terms indexed for a text change (normalisation, folding, stemming), so
/// that stored indexes are rebuilt.
pub const INDEX_VERSION: i64 = 2;

/// `text` in Unicode normalisation form C: a letter and its combining accent (as macOS and some
/// PDFs write them) become the one precomposed letter. Borrowed when already normalised.
pub fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

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

    /// The stem of a folded word.
    fn stem(self, folded: &str) -> String {
        match self {
            StemLanguage::Italian => italian_light_stem(folded).to_string(),
            _ => self.stemmer().stem(folded).into_owned(),
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

/// Savoy's Italian light stemmer on a folded word: words of six letters or more lose their final
/// vowel, with the `i`/`h` before it in `-ie`, `-he`, `-ii`, `-hi`, `-ia`, `-io`.
fn italian_light_stem(folded: &str) -> &str {
    let chars: Vec<(usize, char)> = folded.char_indices().collect();
    let n = chars.len();
    if n < 6 {
        return folded;
    }
    let last = chars[n - 1].1;
    let before = chars[n - 2].1;
    let cut = match (last, before) {
        ('e', 'i' | 'h') | ('i', 'h' | 'i') | ('a' | 'o', 'i') => 2,
        ('e' | 'i' | 'a' | 'o', _) => 1,
        _ => return folded,
    };
    &folded[..chars[n - cut].0]
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

/// Lower case without diacritics, composed or not: "Attività" → "attivita".
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.nfc().flat_map(char::to_lowercase) {
        match base_letter(c) {
            Some(b) => out.push_str(b),
            // An accent left alone (no precomposed letter has it) is dropped; the vowel signs
            // of other scripts are letters and stay.
            None if is_combining_mark(c) && !c.is_alphabetic() => {}
            None => out.push(c),
        }
    }
    out
}

/// The words of a text with their byte ranges: runs of letters and digits, with the combining
/// accents on them. Apostrophes split words ("dell'attività" is "dell" and "attività"), as do
/// hyphens and every other sign.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut start: Option<usize> = None;
    let mut iter = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in iter.by_ref() {
            if c.is_alphanumeric() || (start.is_some() && is_combining_mark(c)) {
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
        Some(l) => l.stem(&folded),
        None => folded,
    }
}

/// The text the index stores for `text` written in the language `code`: its terms, separated
/// by single spaces.
pub fn index_text(text: &str, code: &str) -> String {
    let language = StemLanguage::for_code(code);
    let text = nfc(text);
    let mut out = String::with_capacity(text.len());
    for (_, w) in words(&text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&term(w, language));
    }
    out
}

/// The text of Markdown without its marks (`# Title *word*` → `Title word`), blocks on lines of
/// their own, for snippets: documents written as Markdown show their words, not their syntax.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => out.push('\n'),
            _ => {}
        }
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
/// matching words marked. Starts at the beginning when nothing matches; "…" marks cuts. The
/// text is shown normalised (NFC), so that no accent is cut from its letter.
pub fn snippet(text: &str, code: &str, highlight: &Highlight, width: usize) -> Vec<Piece> {
    let text = nfc(text);
    let text = text.as_ref();
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
    fn decomposed_accents_are_the_same_letters() {
        // "Shkodër" with "e" followed by a combining diaeresis, as macOS writes it.
        let decomposed = "Shkode\u{308}r";
        assert_eq!(fold(decomposed), "shkoder");
        assert_eq!(fold("Shkodër"), "shkoder");
        let w: Vec<&str> = words(decomposed).map(|(_, w)| w).collect();
        assert_eq!(w, [decomposed]);
        assert_eq!(index_text(decomposed, "sq"), "shkoder");
        assert_eq!(
            index_text("Città di Shkodër", "it"),
            index_text("Citta\u{300} di Shkode\u{308}r", "it")
        );
        // An accent with no precomposed letter stays inside its word and is folded away.
        assert_eq!(fold("q\u{308}x"), "qx");
        let h = Highlight {
            terms: vec![fold("Shkodër")],
            prefixes: vec![],
        };
        let pieces = snippet("Piano urbano di Shkode\u{308}r 2024", "sq", &h, 10);
        let hits: Vec<&str> = pieces
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["Shkodër"]);
        assert_eq!(hits[0].chars().count(), 7);
    }

    #[test]
    fn italian_inflections_meet_without_cutting_derivations() {
        let it = Some(StemLanguage::Italian);
        for group in [
            &["costiera", "costiere", "costieri", "costiero"][..],
            &["comune", "comuni"],
            &["bianco", "bianca", "bianchi", "bianche"],
            &["cooperazione", "cooperazioni"],
            &["gemellaggio", "gemellaggi"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| term(w, it)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{group:?}: {stems:?}");
        }
        assert_ne!(term("costiera", it), term("costa", it));
        // Short words are kept whole.
        assert_eq!(term("lago", it), "lago");
    }

    #[test]
    fn markdown_marks_are_not_shown() {
        let text = plain_text("# Rapporto finale\n\n*Progetti* di **gemellaggio** e `codice`:\n\n- uno\n- [due](https://example.org)\n");
        assert_eq!(
            text,
            "Rapporto finale\nProgetti di gemellaggio e codice:\nuno\ndue\n"
        );
        assert_eq!(
            plain_text("Testo semplice, senza segni."),
            "Testo semplice, senza segni.\n"
        );
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
