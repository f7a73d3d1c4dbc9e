//! Certificates of participation as PDF/A-2b, typeset by typst from a document whose data are
//! passed as escaped string literals (so that no name can inject markup), with the embedded fonts
//! only: the output does not depend on the fonts of the machine. The caller words the
//! certificate in the reader's language; this module only lays it out.

use crate::typeset::{literal, metadata, FAMILIES};
use crate::ExportError;
use chrono::{Datelike, NaiveDate};

/// One module attended.
#[derive(Debug, Clone)]
pub struct Line {
    pub module: String,
    pub dates: String,
    pub hours: String,
}

/// The certificate's words in the reader's language, with the data already in the sentences.
#[derive(Debug, Clone)]
pub struct Wording {
    /// BCP 47 language of the words (`it`, `en`, `fr`): the PDF's language.
    pub lang: String,
    pub title: String,
    /// What is certified: the person, their administration, the programme, hours and days.
    pub statement: String,
    pub module: String,
    pub dates: String,
    pub hours: String,
    /// "Issued on …".
    pub issued: String,
    /// "Verification code: …".
    pub code: String,
    /// "This certificate can be verified at" (the address follows).
    pub verify: String,
}

/// What a certificate states.
#[derive(Debug, Clone)]
pub struct Certificate {
    pub code: String,
    /// The issuing bodies, as the programme's documents name them (ministry, department,
    /// implementing agency), one per line at the top.
    pub issuers: Vec<String>,
    /// The programme's funding line (operational programme, objective, code).
    pub funding: String,
    pub lines: Vec<Line>,
    pub issued_on: NaiveDate,
    pub verify_url: String,
    pub wording: Wording,
}

/// The typst source of a certificate (also what the golden-file test compares).
pub fn source(c: &Certificate) -> String {
    let w = &c.wording;
    let rows: Vec<String> = c
        .lines
        .iter()
        .map(|l| {
            format!(
                "  ({}, {}, {}),",
                literal(&l.module),
                literal(&l.dates),
                literal(&l.hours)
            )
        })
        .collect();
    let issuers: Vec<String> = c.issuers.iter().map(|i| literal(i)).collect();
    format!(
        r#"#set document(title: {title_meta}, author: "Ponte", date: datetime(year: {year}, month: {month}, day: {day}))
#set page(paper: "a4", margin: (x: 2.4cm, y: 2.2cm))
#set text(font: {families}, size: 11pt, lang: {lang})
#let issuers = ({issuers})
#let funding = {funding}
#let statement = {statement}
#let issued = {issued}
#let code = {code}
#let verify = {verify}
#let url = {url}
#let rows = (
{rows}
)
#align(center)[
  #for issuer in issuers [#text(size: 10pt, weight: "bold")[#issuer] \
  ]
  #text(size: 8.5pt)[#funding]
  #v(1.6em)
  #text(size: 22pt, weight: "bold")[#{title}]
]
#v(1.5em)
#par(justify: true)[#statement]
#v(1em)
#table(
  columns: (1fr, auto, auto),
  inset: 6pt,
  stroke: 0.5pt + luma(160),
  table.header([*#{module}*], [*#{dates}*], [*#{hours}*]),
  ..rows.map(r => (r.at(0), r.at(1), r.at(2))).flatten(),
)
#v(1.5em)
#issued
#v(2em)
#text(size: 9pt)[#code \ #verify #link(url)[#raw(url)]]
"#,
        title_meta = metadata(&w.title),
        year = c.issued_on.year(),
        month = c.issued_on.month(),
        day = c.issued_on.day(),
        families = FAMILIES,
        lang = metadata(&w.lang),
        issuers = issuers.join(", ") + if issuers.len() == 1 { "," } else { "" },
        funding = literal(&c.funding),
        statement = literal(&w.statement),
        issued = literal(&w.issued),
        code = literal(&w.code),
        verify = literal(&w.verify),
        url = literal(&c.verify_url),
        rows = rows.join("\n"),
        title = literal(&w.title),
        module = literal(&w.module),
        dates = literal(&w.dates),
        hours = literal(&w.hours),
    )
}

/// Typesets a certificate as PDF/A-2b.
pub fn pdf(c: &Certificate) -> Result<Vec<u8>, ExportError> {
    crate::typeset::pdf("certificate.typ", source(c), c.issued_on)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(person: &str) -> Certificate {
        Certificate {
            code: "7K3M-9Q2R-XW4P".into(),
            issuers: vec![
                "Ministero del Lavoro e delle Politiche Sociali".into(),
                "Dipartimento della Funzione Pubblica".into(),
                "Formez".into(),
            ],
            funding: "Programma Operativo PON Governance e Azioni di Sistema (FSE) 2007-2013 — Obiettivo 1 Convergenza — IT051PO006".into(),
            lines: vec![
                Line {
                    module: "Creazione dei Quadri Logici relativi alle macroaree individuate"
                        .into(),
                    dates: "13 ottobre 2026".into(),
                    hours: "7,5".into(),
                },
                Line {
                    module: "Evento di chiusura".into(),
                    dates: "10 novembre 2026".into(),
                    hours: "3".into(),
                },
            ],
            issued_on: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            verify_url: "https://ponte.example/certificates/7K3M-9Q2R-XW4P".into(),
            wording: Wording {
                lang: "it".into(),
                title: "Attestato di partecipazione".into(),
                statement: format!("Si attesta che {person}, Provincia di Foggia, ha partecipato ai laboratori del programma «PON GAS», nel gruppo «Nuovo gruppo delle cinque province», per complessive 10,5 ore in 2 giornate, come indicato di seguito."),
                module: "Modulo".into(),
                dates: "Date".into(),
                hours: "Ore".into(),
                issued: "Rilasciato il 27 novembre 2026.".into(),
                code: "Codice di verifica: 7K3M-9Q2R-XW4P.".into(),
                verify: "L'autenticità di questo attestato può essere verificata all'indirizzo".into(),
            },
        }
    }

    #[test]
    fn the_text_matches_the_golden_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/certificate.typ");
        let actual = source(&sample("Anna \"Nina\" Sorrentino #strong[x]"));
        if std::env::var_os("PONTE_UPDATE_GOLDEN").is_some() {
            std::fs::write(path, &actual).unwrap();
        }
        assert_eq!(actual, std::fs::read_to_string(path).unwrap());
    }

    #[test]
    fn typesets_a_pdf_a() {
        let bytes = pdf(&sample("Anna Sorrentino")).unwrap();
        if let Some(out) = std::env::var_os("PONTE_CERTIFICATE_OUT") {
            std::fs::write(out, &bytes).unwrap();
        }
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            text.contains("pdfaid:part"),
            "PDF/A identification in the metadata"
        );
        assert!(
            text.contains("Attestato di partecipazione"),
            "the title is in the metadata"
        );
    }

    #[test]
    fn typesets_names_in_any_script() {
        for name in [
            "Chiara 😀👩🏽‍💻🇮🇹",
            "王小明 たなか 김민수",
            "محمد بن علي",
            "Ђорђе Петровић",
            "Αλέξανδρος Παπαδόπουλος",
            "שלום",
            "ꦧꦱꦗꦮ 𓀀 \u{10FFFD}",
        ] {
            let bytes = pdf(&sample(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(bytes.starts_with(b"%PDF-"), "{name}");
            if let Some(dir) = std::env::var_os("PONTE_CERTIFICATE_SCRIPTS_OUT") {
                let file = format!("{}.pdf", name.chars().next().unwrap_or('x') as u32);
                std::fs::write(std::path::Path::new(&dir).join(file), &bytes).unwrap();
            }
        }
    }
}
