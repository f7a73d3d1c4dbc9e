//! Certificates of participation as PDF/A-2b, typeset by typst from a document whose data are
//! passed as escaped string literals (so that no name can inject markup), with the bundled fonts
//! only: the output does not depend on the fonts of the machine.

use crate::ExportError;
use chrono::{Datelike, NaiveDate};

/// One module attended.
#[derive(Debug, Clone)]
pub struct Line {
    pub module: String,
    pub dates: String,
    pub hours: String,
}

/// What a certificate states.
#[derive(Debug, Clone)]
pub struct Certificate {
    pub code: String,
    pub person: String,
    pub organisation: String,
    pub programme: String,
    pub cohort: String,
    pub lines: Vec<Line>,
    pub days: String,
    pub hours: String,
    pub issued_on: NaiveDate,
    pub issued_on_text: String,
    pub verify_url: String,
}

/// A typst string literal holding `text`.
pub(crate) fn literal(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The typst source of a certificate (also what the golden-file test compares).
pub fn source(c: &Certificate) -> String {
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
    format!(
        r#"#set document(title: "Attestato di partecipazione", author: "Ponte", date: datetime(year: {year}, month: {month}, day: {day}))
#set page(paper: "a4", margin: (x: 2.4cm, y: 2.2cm))
#set text(font: "Libertinus Serif", size: 11pt, lang: "it")
#let person = {person}
#let organisation = {organisation}
#let programme = {programme}
#let cohort = {cohort}
#let hours = {hours}
#let days = {days}
#let issued = {issued}
#let code = {code}
#let url = {url}
#let rows = (
{rows}
)
#align(center)[
  #text(size: 10pt, tracking: 0.1em)[PONTE · COOPERAZIONE INTERNAZIONALE DEGLI ENTI LOCALI]
  #v(1.2em)
  #text(size: 22pt, weight: "bold")[Attestato di partecipazione]
]
#v(1.5em)
Si attesta che *#person*, #organisation, ha partecipato ai laboratori del programma #emph(programme), nel gruppo «#cohort», per complessive *#hours ore* in #days giornate, come indicato di seguito.
#v(1em)
#table(
  columns: (1fr, auto, auto),
  inset: 6pt,
  stroke: 0.5pt + luma(160),
  table.header([*Modulo*], [*Date*], [*Ore*]),
  ..rows.map(r => (r.at(0), r.at(1), r.at(2))).flatten(),
)
#v(1.5em)
Rilasciato il #issued.
#v(2em)
#text(size: 9pt)[Codice di verifica: *#code*. L'autenticità di questo attestato può essere verificata all'indirizzo #link(url)[#raw(url)].]
"#,
        year = c.issued_on.year(),
        month = c.issued_on.month(),
        day = c.issued_on.day(),
        person = literal(&c.person),
        organisation = literal(&c.organisation),
        programme = literal(&c.programme),
        cohort = literal(&c.cohort),
        rows = rows.join("\n"),
        hours = literal(&c.hours),
        days = literal(&c.days),
        issued = literal(&c.issued_on_text),
        code = literal(&c.code),
        url = literal(&c.verify_url),
    )
}

/// Typesets a certificate as PDF/A-2b.
pub fn pdf(c: &Certificate) -> Result<Vec<u8>, ExportError> {
    crate::typeset::pdf("certificate.typ", source(c), c.issued_on)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Certificate {
        Certificate {
            code: "7K3M-9Q2R-XW4P".into(),
            person: "Anna \"Nina\" Sorrentino #strong[x]".into(),
            organisation: "Provincia di Foggia".into(),
            programme: "PON Governance e Azioni di Sistema 2007-2013".into(),
            cohort: "Nuovo gruppo delle cinque province".into(),
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
            days: "2".into(),
            hours: "10,5".into(),
            issued_on: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            issued_on_text: "27 novembre 2026".into(),
            verify_url: "https://ponte.example/certificates/7K3M-9Q2R-XW4P".into(),
        }
    }

    #[test]
    fn the_text_matches_the_golden_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/certificate.typ");
        if std::env::var_os("PONTE_UPDATE_GOLDEN").is_some() {
            std::fs::write(path, source(&sample())).unwrap();
        }
        assert_eq!(source(&sample()), std::fs::read_to_string(path).unwrap());
    }

    #[test]
    fn typesets_a_pdf_a() {
        let bytes = pdf(&sample()).unwrap();
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
}
