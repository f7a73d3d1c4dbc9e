//! Products as files: DOCX and PDF for any product at any version (a landscape matrix for the
//! logframe), XLSX for the logframe. The caller lays the product out as blocks (headings,
//! paragraphs, list items, tables) with labels already in the reader's language; this module only
//! writes them. Output is deterministic, so that golden files can pin it.

use crate::typeset::{literal, metadata, FAMILIES};
use crate::xlsx::Cell;
use crate::ExportError;
use chrono::{Datelike, NaiveDate};
pub use domain::products::text::Block;
use rust_xlsxwriter::{Format, FormatAlign, Workbook};
use std::io::Write;

/// A product laid out for export.
#[derive(Debug, Clone)]
pub struct Doc {
    pub title: String,
    /// Kind, administration, version and its state (e.g. approved on a date, by whom): the
    /// lines under the title.
    pub subtitle: String,
    /// BCP 47 language of the document (`it`, `en`, `fr`), set as its language property.
    pub lang: String,
    /// Landscape pages (the logframe matrix).
    pub landscape: bool,
    pub blocks: Vec<Block>,
    /// The date the document is dated (the version's date).
    pub date: NaiveDate,
}

/// Text as XML character data: escaped, without the control characters XML 1.0 forbids.
pub(crate) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A run of text; line breaks inside become `<w:br/>`.
fn runs(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let br = if i > 0 { "<w:br/>" } else { "" };
            format!(
                "<w:r>{props}{br}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                xml(line)
            )
        })
        .collect()
}

fn paragraph(style: Option<&str>, text: &str, bold: bool) -> String {
    let style = style
        .map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"))
        .unwrap_or_default();
    format!("<w:p>{style}{}</w:p>", runs(text, bold))
}

/// The DOCX paragraphs and tables of `blocks`.
pub(crate) fn document_body(blocks: &[Block]) -> String {
    let mut body = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                let style = format!("Heading{}", (*level).clamp(1, 3));
                body.push_str(&paragraph(Some(&style), text, false));
            }
            Block::Paragraph(text) => body.push_str(&paragraph(None, text, false)),
            Block::Item(text) => {
                body.push_str(&paragraph(Some("ListBullet"), &format!("• {text}"), false))
            }
            Block::Table(rows) => {
                let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
                let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"";
                body.push_str(&format!(
                    "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders></w:tblPr><w:tblGrid>{}</w:tblGrid>",
                    "<w:gridCol/>".repeat(columns)
                ));
                for (r, row) in rows.iter().enumerate() {
                    let header = if r == 0 {
                        "<w:trPr><w:tblHeader/></w:trPr>"
                    } else {
                        ""
                    };
                    body.push_str(&format!("<w:tr>{header}"));
                    for c in 0..columns {
                        let text = row.get(c).map(String::as_str).unwrap_or("");
                        body.push_str(&format!(
                            "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"pct\"/></w:tcPr>{}</w:tc>",
                            5000 / columns,
                            paragraph(None, text, r == 0)
                        ));
                    }
                    body.push_str("</w:tr>");
                }
                body.push_str("</w:tbl><w:p/>");
            }
        }
    }
    body
}

/// The body of the DOCX (`word/document.xml`), also what the golden-file test compares.
pub fn document_xml(doc: &Doc) -> String {
    let mut body = String::new();
    body.push_str(&paragraph(Some("Title"), &doc.title, false));
    body.push_str(&paragraph(Some("Subtitle"), &doc.subtitle, false));
    body.push_str(&document_body(&doc.blocks));
    let page = if doc.landscape {
        "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
    } else {
        "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr>{page}<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>\n"
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
"#;

/// The styles part; `{LANG}` stands for the document's language.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="21"/><w:lang w:val="{LANG}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="40"/><w:color w:val="003366"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="5C6F82"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="360"/></w:pPr></w:style></w:styles>
"#;

/// The DOCX language tag for a language: with the region the programme's readers use.
fn docx_lang(lang: &str) -> String {
    match lang {
        "it" => "it-IT".into(),
        "en" => "en-GB".into(),
        "fr" => "fr-FR".into(),
        other => other.into(),
    }
}

/// The styles part for a document in `lang`.
pub(crate) fn styles(lang: &str) -> String {
    STYLES.replace("{LANG}", &xml(&docx_lang(lang)))
}

/// Writes the DOCX package.
pub fn docx(doc: &Doc) -> Result<Vec<u8>, ExportError> {
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>Ponte</dc:creator><dc:language>{}</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:created></cp:coreProperties>\n",
        xml(&doc.title),
        xml(&doc.lang),
        doc.date
    );
    let styles = styles(&doc.lang);
    let parts: [(&str, &str); 6] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", &styles),
        ("docProps/core.xml", &core),
        ("word/document.xml", &document_xml(doc)),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let err = |e: zip::result::ZipError| ExportError::Xlsx(e.to_string());
    for (name, text) in parts {
        zip.start_file(name, options).map_err(err)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish().map_err(err)?.into_inner())
}

/// Typst content for `text`: literal strings joined by line breaks.
fn content(text: &str) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| format!("#{}", literal(l)))
        .collect();
    format!("[{}]", lines.join(" #linebreak() "))
}

/// The typst source of the PDF (also what the golden-file test compares).
pub fn typst_source(doc: &Doc) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "#set document(title: {}, author: \"Ponte\", date: datetime(year: {}, month: {}, day: {}))\n#set page(paper: \"a4\", flipped: {}, margin: 1.8cm, footer: context align(right, text(size: 8pt, counter(page).display(\"1 / 1\", both: true))))\n#set text(font: {}, size: {}pt, lang: {})\n#set par(justify: false)\n#show heading: set block(above: 1.2em, below: 0.6em)\n",
        metadata(&doc.title),
        doc.date.year(),
        doc.date.month(),
        doc.date.day(),
        doc.landscape,
        FAMILIES,
        if doc.landscape { 8.5 } else { 10.5 },
        metadata(&doc.lang)
    ));
    s.push_str(&format!(
        "#text(size: 18pt, weight: \"bold\", fill: rgb(\"#003366\"))[#{}]\n\n#text(fill: rgb(\"#5c6f82\"), {})\n\n",
        literal(&doc.title),
        content(&doc.subtitle)
    ));
    s.push_str(&typst_blocks(&doc.blocks));
    s
}

/// The typst markup of `blocks`.
pub(crate) fn typst_blocks(blocks: &[Block]) -> String {
    let mut s = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                s.push_str(&format!(
                    "#heading(level: {}, {})\n",
                    (*level).clamp(1, 3),
                    content(text)
                ));
            }
            Block::Paragraph(text) => s.push_str(&format!("#par({})\n", content(text))),
            Block::Item(text) => s.push_str(&format!("#list({})\n", content(text))),
            Block::Table(rows) => {
                let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
                s.push_str(&format!(
                    "#table(columns: ({}), inset: 5pt, stroke: 0.5pt + gray, align: top + left,\n",
                    vec!["1fr"; columns].join(", ")
                ));
                for (r, row) in rows.iter().enumerate() {
                    let cells: Vec<String> = (0..columns)
                        .map(|c| {
                            let text = row.get(c).map(String::as_str).unwrap_or("");
                            if r == 0 {
                                format!("[#strong({})]", content(text))
                            } else {
                                content(text)
                            }
                        })
                        .collect();
                    if r == 0 {
                        // The header row repeats on every page.
                        s.push_str(&format!("  table.header({}),\n", cells.join(", ")));
                    } else {
                        s.push_str(&format!("  {},\n", cells.join(", ")));
                    }
                }
                s.push_str(")\n");
            }
        }
    }
    s
}

/// Typesets the PDF (PDF/A-2b).
pub fn pdf(doc: &Doc) -> Result<Vec<u8>, ExportError> {
    crate::typeset::pdf("product.typ", typst_source(doc), doc.date)
}

/// Writes a logframe workbook: the matrix on the first sheet, one row per indicator on the
/// second (numbers as numbers, dates as dates). Headers and sheet names arrive translated.
pub fn logframe_xlsx(
    matrix: &[Vec<String>],
    indicators: &[Vec<Cell>],
    sheet_names: [&str; 2],
) -> Result<Vec<u8>, ExportError> {
    let err = |e: rust_xlsxwriter::XlsxError| ExportError::Xlsx(e.to_string());
    let mut book = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let number = Format::new().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("dd/mm/yyyy")
        .set_align(FormatAlign::Top);
    let matrix: Vec<Vec<Cell>> = matrix
        .iter()
        .map(|row| row.iter().map(|t| Cell::Text(t.clone())).collect())
        .collect();
    for (sheet, rows) in [(sheet_names[0], &matrix[..]), (sheet_names[1], indicators)] {
        let ws = book.add_worksheet();
        ws.set_name(crate::xlsx::sheet_name(sheet)).map_err(err)?;
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    // Text stays text: a leading "=" never becomes a formula.
                    Cell::Text(t) => {
                        let format = if r == 0 { &bold } else { &wrap };
                        ws.write_string_with_format(r, c, t, format).map_err(err)?;
                    }
                    Cell::Number(n) => {
                        ws.write_number_with_format(r, c, *n, &number)
                            .map_err(err)?;
                    }
                    Cell::Date(d) => {
                        crate::xlsx::write_date(ws, r, c, *d, &date).map_err(err)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        for (c, width) in crate::xlsx::widths(rows).into_iter().enumerate() {
            ws.set_column_width(c as u16, width).map_err(err)?;
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
    }
    book.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Doc {
        Doc {
            title: "Quadro logico — Turismo sostenibile con Durazzo".into(),
            subtitle: "Quadri logici per macroarea · Provincia di Salerno · versione 2".into(),
            landscape: true,
            lang: "it".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            blocks: vec![
                Block::Heading(2, "Matrice".into()),
                Block::Table(vec![
                    vec![
                        "Logica d'intervento".into(),
                        "Indicatori".into(),
                        "Fonti di verifica".into(),
                        "Ipotesi".into(),
                    ],
                    vec![
                        "Obiettivo specifico 1\nRafforzata la capacità dei Comuni".into(),
                        "1. Accordi firmati — 0 (2024) → 6 (2026-12-31)".into(),
                        "Delibere \"di giunta\" & verbali".into(),
                        "#strong[x] <b>y</b>".into(),
                    ],
                ]),
                Block::Paragraph("Nota: \\ fine.".into()),
                Block::Item("uno".into()),
            ],
        }
    }

    fn golden(name: &str, actual: &str) {
        let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("PONTE_UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, actual).unwrap();
        }
        assert_eq!(actual, std::fs::read_to_string(&path).unwrap(), "{name}");
    }

    #[test]
    fn the_docx_body_matches_the_golden_file() {
        golden("logframe.docx.xml", &document_xml(&sample()));
    }

    #[test]
    fn the_pdf_source_matches_the_golden_file() {
        golden("logframe.typ", &typst_source(&sample()));
    }

    #[test]
    fn the_docx_is_a_deterministic_package() {
        let a = docx(&sample()).unwrap();
        assert_eq!(a, docx(&sample()).unwrap());
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(a)).unwrap();
        let mut names: Vec<String> = zip.file_names().map(|n| n.unwrap().to_string()).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "docProps/core.xml",
                "word/_rels/document.xml.rels",
                "word/document.xml",
                "word/styles.xml"
            ]
        );
        let mut body = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut body)
            .unwrap();
        assert!(body.contains("w:orient=\"landscape\""));
        assert!(body.contains("&lt;b&gt;y&lt;/b&gt;"));
    }

    #[test]
    fn typesets_the_matrix() {
        let bytes = pdf(&sample()).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        if let Some(out) = std::env::var_os("PONTE_PRODUCT_PDF_OUT") {
            std::fs::write(out, &bytes).unwrap();
        }
    }

    #[test]
    fn writes_the_logframe_workbook() {
        let bytes = logframe_xlsx(
            &[
                vec!["A".into(), "B".into()],
                vec!["=1+1".into(), "x".into()],
            ],
            &[
                vec![
                    Cell::Text("Indicatore".into()),
                    Cell::Text("Valore di base".into()),
                    Cell::Text("Scadenza".into()),
                ],
                vec![
                    Cell::Text("Accordi".into()),
                    Cell::number_or_text("1200"),
                    Cell::date_or_text("2027-12-31"),
                ],
            ],
            ["Logical frameworks per macro-area", "Indicatori"],
        )
        .unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut strings = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
            &mut strings,
        )
        .unwrap();
        golden("logframe.xlsx.strings.xml", &strings);
        let mut sheet = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
            &mut sheet,
        )
        .unwrap();
        assert!(!sheet.contains("<f>"), "no formula");
        let mut book = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut book)
            .unwrap();
        assert!(book.contains("name=\"Logical frameworks per macro-ar\""));
        let mut indicators = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet2.xml").unwrap(),
            &mut indicators,
        )
        .unwrap();
        assert!(indicators.contains("<v>1200</v>"), "{indicators}");
        assert!(indicators.contains("<v>46752</v>"), "the date as a serial");
    }
}
