//! Reading the texts of a logframe with the word lists of `wording.json` (Italian, English,
//! French): whether a row is worded as an activity, what an indicator counts, whether two rows
//! say the same thing.

use crate::library::text::{fold, words};
use serde::Deserialize;
use std::sync::OnceLock;

/// The word lists of one language; entries are folded (lower case, no accents) and may hold
/// several words.
#[derive(Debug, Deserialize)]
pub(super) struct Language {
    pub infinitive_markers: Vec<String>,
    pub articles: Vec<String>,
    pub activity_verbs: Vec<String>,
    pub action_nouns: Vec<String>,
    pub noun_links: Vec<String>,
    pub state_words: Vec<String>,
    pub count_openers: Vec<String>,
    pub process_nouns: Vec<String>,
    pub people_nouns: Vec<String>,
    pub sex_words: Vec<String>,
    pub stopwords: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct File {
    languages: std::collections::BTreeMap<String, Language>,
}

/// The lists of every language.
pub(super) struct Lists {
    pub languages: Vec<Language>,
}

/// Words that end the noun an indicator counts ("participants *in* …"), besides the links.
const PREPOSITIONS: &[&str] = &[
    "for", "with", "in", "on", "at", "by", "from", "to", "who", "that", "which", "per", "con",
    "su", "da", "che", "tra", "fra", "pour", "avec", "dans", "sur", "par", "qui", "en", "au",
    "aux", "a",
];

/// A text as the lists read it: its folded words.
pub(super) struct Text(Vec<String>);

impl Text {
    pub fn new(text: &str) -> Text {
        Text(words(text).map(|(_, w)| fold(w)).collect())
    }

    pub fn words(self) -> Vec<String> {
        self.0
    }
}

/// Whether `words` starts with the (several-word) entry.
fn starts_with(words: &[String], entry: &str) -> Option<usize> {
    let parts: Vec<&str> = entry.split(' ').collect();
    (words.len() >= parts.len() && words.iter().zip(&parts).all(|(w, p)| w == p))
        .then_some(parts.len())
}

fn contains(words: &[String], entry: &str) -> bool {
    (0..words.len()).any(|i| starts_with(&words[i..], entry).is_some())
}

impl Lists {
    /// The lists, read once from the data file compiled into the program.
    pub fn get() -> &'static Lists {
        static LISTS: OnceLock<Lists> = OnceLock::new();
        LISTS.get_or_init(|| {
            let file: File = serde_json::from_str(include_str!("wording.json"))
                .expect("wording.json is valid (checked by a test)");
            Lists {
                languages: file.languages.into_values().collect(),
            }
        })
    }

    fn any(
        &self,
        list: impl Fn(&Language) -> &Vec<String>,
        mut f: impl FnMut(&str) -> bool,
    ) -> bool {
        self.languages.iter().any(|l| list(l).iter().any(|e| f(e)))
    }

    /// The words of `text` after numbering ("1.1", "R2"), an infinitive marker ("to") and
    /// articles.
    fn opening(&self, text: &str) -> Vec<String> {
        let mut w = Text::new(text).words();
        let skip = w
            .iter()
            .take_while(|word| {
                word.chars().any(|c| c.is_ascii_digit())
                    || self.any(|l| &l.infinitive_markers, |e| e == word.as_str())
                    || self.any(|l| &l.articles, |e| e == word.as_str())
            })
            .count();
        w.drain(..skip);
        w
    }

    /// Whether a text describes an activity: it opens with an activity verb, or with a noun of
    /// action and its link ("Realizzazione di", "Organisation de") without saying the state
    /// reached ("Realizzazione del piano completata" is a result).
    pub fn reads_as_activity(&self, text: &str) -> bool {
        let w = self.opening(text);
        if w.is_empty() {
            return false;
        }
        if self.any(|l| &l.activity_verbs, |e| starts_with(&w, e).is_some()) {
            return true;
        }
        let noun_then_link = self.languages.iter().any(|l| {
            l.action_nouns.iter().any(|noun| {
                starts_with(&w, noun).is_some_and(|n| {
                    w.get(n)
                        .is_some_and(|next| l.noun_links.iter().any(|k| k == next))
                })
            })
        });
        noun_then_link && !self.any(|l| &l.state_words, |e| contains(&w, e))
    }

    /// Whether the indicator counts what `list` names: its unit says so, or the noun its text
    /// counts ("Numero di *seminari*…", "Number of municipal *staff*…", "*Funzionari* formati").
    pub fn counts(
        &self,
        text: &str,
        unit: &str,
        list: impl Fn(&Language) -> &Vec<String> + Copy,
    ) -> bool {
        let in_list = |word: &str| self.any(list, |e| e == word);
        if Text::new(unit).words().iter().any(|w| in_list(w)) {
            return true;
        }
        let w = self.opening(text);
        let is_link = |word: &str| {
            self.any(|l| &l.noun_links, |e| e == word)
                || self.any(|l| &l.articles, |e| e == word)
                || word == "of"
        };
        let mut rest: &[String] = &w;
        if rest
            .first()
            .is_some_and(|first| self.any(|l| &l.count_openers, |e| e == first))
        {
            rest = &rest[1..];
            while rest.first().is_some_and(|x| is_link(x)) {
                rest = &rest[1..];
            }
        }
        rest.iter()
            .take(3)
            .take_while(|x| !is_link(x) && !PREPOSITIONS.contains(&x.as_str()))
            .any(|x| in_list(x))
    }

    /// Whether any entry of `list` appears in `text`.
    pub fn mentions(&self, text: &str, list: impl Fn(&Language) -> &Vec<String> + Copy) -> bool {
        let w = Text::new(text).words();
        self.any(list, |e| contains(&w, e))
    }

    /// The words that carry a row's meaning, cut to a common stem so that "rafforzata" and
    /// "rafforzare", "capacità" and "capacity" compare alike; sorted, without repeats.
    pub fn content_stems(&self, text: &str, _language: &str) -> Vec<String> {
        let mut stems: Vec<String> = Text::new(text)
            .words()
            .into_iter()
            .filter(|w| w.chars().count() > 3)
            .filter(|w| {
                !self.any(|l| &l.stopwords, |e| e == w)
                    && !self.any(|l| &l.noun_links, |e| e == w)
                    && !self.any(|l| &l.articles, |e| e == w)
            })
            .map(|w| w.chars().take(6).collect())
            .collect();
        stems.sort();
        stems.dedup();
        stems
    }
}

/// Whether two rows' stems are the same, or nearly (at least four in five shared, on rows of at
/// least three meaningful words).
pub(super) fn near_duplicates(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    if a.len() < 3 || b.len() < 3 {
        return false;
    }
    let shared = a.iter().filter(|x| b.contains(x)).count();
    let union = a.len() + b.len() - shared;
    shared * 5 >= union * 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_valid_folded_and_complete() {
        let lists = Lists::get();
        assert_eq!(lists.languages.len(), 3, "Italian, English and French");
        for l in &lists.languages {
            for list in [
                &l.activity_verbs,
                &l.action_nouns,
                &l.noun_links,
                &l.state_words,
                &l.count_openers,
                &l.process_nouns,
                &l.people_nouns,
                &l.sex_words,
                &l.articles,
            ] {
                assert!(!list.is_empty());
                for entry in list {
                    // Entries are compared with folded words: they must be folded themselves.
                    let folded = Text::new(entry).words().join(" ");
                    assert_eq!(&folded, entry, "entry not folded");
                }
            }
        }
    }

    #[test]
    fn activities_in_three_languages() {
        let lists = Lists::get();
        for text in [
            "Organizzare tre seminari sulla progettazione europea",
            "Realizzazione di una campagna di sensibilizzazione",
            "To organise study visits for municipal staff",
            "Organising a partners' forum",
            "Implementation of the local waste plan",
            "Organisation de sessions de formation",
            "Mise en place d'un guichet unique",
            "Mettre en œuvre le plan de communication",
            "1.1 Predisporre il piano di comunicazione",
            "Formazione del personale comunale",
            "Training of municipal staff",
            "Formation des agents communaux",
        ] {
            assert!(lists.reads_as_activity(text), "{text}");
        }
        for text in [
            "Contribuire allo sviluppo sostenibile delle aree costiere",
            "Rafforzata la capacità di progettazione dei Comuni",
            "Un piano di comunicazione adottato",
            "Realizzazione del piano completata",
            "To contribute to inclusive local governance",
            "Municipal staff trained in project design",
            "Provision of water services improved in rural areas",
            "Les services municipaux sont plus accessibles",
            "Organisation de la société civile renforcée",
            "Formazione professionale dei giovani migliorata",
            "Training centre for local staff established",
            "",
        ] {
            assert!(!lists.reads_as_activity(text), "{text}");
        }
    }

    #[test]
    fn what_an_indicator_counts() {
        let lists = Lists::get();
        let process = |t: &str, u: &str| lists.counts(t, u, |l| &l.process_nouns);
        assert!(process("Numero di seminari realizzati", ""));
        assert!(process("Number of training sessions held", ""));
        assert!(process("Nombre de réunions tenues", ""));
        assert!(process("Incontri del tavolo congiunto", ""));
        assert!(process("Tavolo congiunto", "incontri"));
        assert!(!process(
            "Numero di comuni che applicano il piano",
            "comuni"
        ));
        assert!(!process("Share of staff applying the tools", "%"));
        let people = |t: &str, u: &str| lists.counts(t, u, |l| &l.people_nouns);
        assert!(people("Number of municipal staff trained", ""));
        assert!(people("Quota del personale formato", ""));
        assert!(people("Nombre de participants aux ateliers", ""));
        assert!(people("Tirocini conclusi", "partecipanti"));
        assert!(!people("Number of meetings with citizens", ""));
        assert!(!people("Accordi firmati", "accordi"));
    }

    #[test]
    fn near_duplicates_by_stems() {
        let lists = Lists::get();
        let s = |t: &str| lists.content_stems(t, "");
        assert!(near_duplicates(
            &s("Rafforzata la capacità di progettazione dei Comuni"),
            &s("Capacità di progettazione dei Comuni rafforzata")
        ));
        assert!(near_duplicates(
            &s("Piano adottato"),
            &s("piano  adottato.")
        ));
        assert!(!near_duplicates(
            &s("Piano di mobilità adottato"),
            &s("Personale formato sulla mobilità")
        ));
        assert!(!near_duplicates(&s(""), &s("")));
    }
}
