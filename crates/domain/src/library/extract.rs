//! Text extraction from uploaded files, for the search index: plain text and Markdown, HTML,
//! and the zipped XML formats (DOCX, ODT, PPTX, XLSX). Everything is bounded: archives are read
//! through a cap on uncompressed bytes (a zip bomb stops at the cap with an error), XML with a
//! document type declaration or an unknown entity is refused (no entity expansion), and the text
//! kept is cut at `MAX_TEXT` bytes.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// The most text kept per document.
pub const MAX_TEXT: usize = 2 * 1024 * 1024;
/// The most bytes one archive member may expand to.
const MAX_MEMBER: u64 = 64 * 1024 * 1024;
/// The most bytes all members read from one archive may expand to.
const MAX_ARCHIVE: u64 = 128 * 1024 * 1024;
/// The most members an archive may have.
const MAX_MEMBERS: usize = 20_000;

/// The formats text is extracted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Docx,
    Odt,
    Pptx,
    Xlsx,
    Pdf,
}

impl Format {
    /// The format of a stored file by its content type.
    pub fn of(content_type: &str) -> Option<Format> {
        let base = content_type.split(';').next().unwrap_or("").trim();
        Some(match base {
            "text/plain" | "text/markdown" => Format::Text,
            "text/html" => Format::Html,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
                Format::Docx
            }
            "application/vnd.oasis.opendocument.text" => Format::Odt,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation" => {
                Format::Pptx
            }
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => Format::Xlsx,
            "application/pdf" => Format::Pdf,
            _ => return None,
        })
    }
}

/// Why no text could be extracted. The code is shown to the uploader as a message key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error("the file is not a readable archive")]
    Archive,
    #[error("the archive expands beyond the allowed size")]
    TooLarge,
    #[error("the XML is malformed")]
    Xml,
    #[error("the XML declares a document type or an unknown entity")]
    Entity,
    #[error("the text is not UTF-8")]
    Encoding,
    #[error("a part of the document is missing: {0}")]
    Missing(&'static str),
    #[error("text extraction is not available for this format")]
    Unsupported,
    #[error("the PDF could not be read")]
    Pdf,
}

impl ExtractError {
    /// The message key shown to the uploader.
    pub fn message(&self) -> &'static str {
        match self {
            ExtractError::Archive => "extract-archive",
            ExtractError::TooLarge => "extract-too-large",
            ExtractError::Xml | ExtractError::Entity => "extract-xml",
            ExtractError::Encoding => "extract-encoding",
            ExtractError::Missing(_) => "extract-missing",
            ExtractError::Unsupported => "extract-unsupported",
            ExtractError::Pdf => "extract-pdf",
        }
    }

    /// Parses a stored message key back (for the document page).
    pub fn known_message(key: &str) -> bool {
        [
            "extract-archive",
            "extract-too-large",
            "extract-xml",
            "extract-encoding",
            "extract-missing",
            "extract-unsupported",
            "extract-pdf",
        ]
        .contains(&key)
    }
}

/// The text of a file of `format`.
pub fn extract(format: Format, bytes: &[u8]) -> Result<String, ExtractError> {
    let text = match format {
        Format::Text => {
            let s = std::str::from_utf8(bytes).map_err(|_| ExtractError::Encoding)?;
            s.trim_start_matches('\u{feff}').to_string()
        }
        Format::Html => {
            let s = std::str::from_utf8(bytes).map_err(|_| ExtractError::Encoding)?;
            html_text(s)
        }
        Format::Docx => {
            let mut zip = open(bytes)?;
            let xml = member(&mut zip, "word/document.xml")?
                .ok_or(ExtractError::Missing("word/document.xml"))?;
            xml_text(&xml, &["t"], &["p", "tab", "br"])?
        }
        Format::Odt => {
            let mut zip = open(bytes)?;
            let xml =
                member(&mut zip, "content.xml")?.ok_or(ExtractError::Missing("content.xml"))?;
            xml_text(
                &xml,
                &["p", "h", "span", "a", "s", "tab"],
                &["p", "h", "s", "tab"],
            )?
        }
        Format::Pptx => {
            let mut zip = open(bytes)?;
            let mut slides: Vec<(u32, String)> = zip
                .file_names()
                .filter_map(|n| n.ok())
                .filter_map(|n| {
                    let num = n.strip_prefix("ppt/slides/slide")?.strip_suffix(".xml")?;
                    Some((num.parse().ok()?, n.to_string()))
                })
                .collect();
            slides.sort();
            if slides.is_empty() {
                return Err(ExtractError::Missing("ppt/slides"));
            }
            let mut out = String::new();
            let mut budget = Budget::default();
            for (_, name) in slides {
                if let Some(xml) = member_with(&mut zip, &name, &mut budget)? {
                    out.push_str(&xml_text(&xml, &["t"], &["p"])?);
                    out.push('\n');
                }
            }
            out
        }
        Format::Xlsx => {
            let mut zip = open(bytes)?;
            let mut budget = Budget::default();
            let mut out = String::new();
            if let Some(xml) = member_with(&mut zip, "xl/sharedStrings.xml", &mut budget)? {
                out.push_str(&xml_text(&xml, &["t"], &["si"])?);
            }
            let mut sheets: Vec<String> = zip
                .file_names()
                .filter_map(|n| n.ok())
                .filter(|n| n.starts_with("xl/worksheets/sheet") && n.ends_with(".xml"))
                .map(|n| n.into_owned())
                .collect();
            sheets.sort();
            for name in sheets {
                if let Some(xml) = member_with(&mut zip, &name, &mut budget)? {
                    out.push_str(&xml_text(&xml, &["t"], &["is"])?);
                }
            }
            out
        }
        Format::Pdf => pdf_text(bytes)?,
    };
    Ok(cut(normalise_space(&text)))
}

/// The text of a PDF, through `pdf-extract`. A damaged or hostile file that makes the reader
/// panic is a failed extraction, never a crashed worker.
fn pdf_text(bytes: &[u8]) -> Result<String, ExtractError> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(ExtractError::Pdf);
    }
    let owned = bytes.to_vec();
    std::panic::catch_unwind(move || pdf_extract::extract_text_from_mem(&owned))
        .map_err(|_| ExtractError::Pdf)?
        .map_err(|_| ExtractError::Pdf)
}

fn cut(mut s: String) -> String {
    if s.len() > MAX_TEXT {
        let mut end = MAX_TEXT;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    s
}

/// Collapses runs of spaces and drops blank lines.
fn normalise_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    out.trim_end().to_string()
}

type Archive<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

fn open(bytes: &[u8]) -> Result<Archive<'_>, ExtractError> {
    let zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| ExtractError::Archive)?;
    if zip.len() > MAX_MEMBERS {
        return Err(ExtractError::TooLarge);
    }
    Ok(zip)
}

#[derive(Default)]
struct Budget {
    used: u64,
}

fn member(zip: &mut Archive<'_>, name: &str) -> Result<Option<String>, ExtractError> {
    member_with(zip, name, &mut Budget::default())
}

/// Reads one member as UTF-8, never more than the caps whatever its header claims.
fn member_with(
    zip: &mut Archive<'_>,
    name: &str,
    budget: &mut Budget,
) -> Result<Option<String>, ExtractError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(_) => return Err(ExtractError::Archive),
    };
    let cap = MAX_MEMBER.min(MAX_ARCHIVE.saturating_sub(budget.used));
    let mut out = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut out)
        .map_err(|_| ExtractError::Archive)?;
    if out.len() as u64 > cap {
        return Err(ExtractError::TooLarge);
    }
    budget.used += out.len() as u64;
    String::from_utf8(out)
        .map(Some)
        .map_err(|_| ExtractError::Encoding)
}

/// The text inside elements whose local name is in `text_in`; a line break after each element
/// in `breaks` (ODT's `s` and `tab` elements become spaces). Entities beyond XML's five and
/// character references are refused, as is any DOCTYPE.
fn xml_text(xml: &str, text_in: &[&str], breaks: &[&str]) -> Result<String, ExtractError> {
    let mut reader = Reader::from_str(xml);
    let mut depth_in_text = 0usize;
    let mut out = String::new();
    loop {
        match reader.read_event().map_err(|_| ExtractError::Xml)? {
            Event::Start(e) => {
                let qname = e.name();
                if text_in.contains(&local(qname.0)) {
                    depth_in_text += 1;
                }
            }
            Event::Empty(e) => {
                let qname = e.name();
                let name = local(qname.0);
                if name == "tab" || name == "s" {
                    out.push(' ');
                } else if breaks.contains(&name) {
                    out.push('\n');
                }
            }
            Event::End(e) => {
                let qname = e.name();
                let name = local(qname.0);
                if text_in.contains(&name) {
                    depth_in_text = depth_in_text.saturating_sub(1);
                }
                if breaks.contains(&name) {
                    out.push('\n');
                }
            }
            Event::Text(t) if depth_in_text > 0 => out.push_str(&t.xml10_content()),
            Event::CData(t) if depth_in_text > 0 => out.push_str(&t.into_inner()),
            Event::GeneralRef(r) => {
                let c = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .ok()
                        .flatten()
                        .map(String::from)
                        .ok_or(ExtractError::Xml)?
                } else {
                    quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                        .ok_or(ExtractError::Entity)?
                        .to_string()
                };
                if depth_in_text > 0 {
                    out.push_str(&c);
                }
            }
            Event::DocType(_) => return Err(ExtractError::Entity),
            Event::Eof => break,
            _ => {}
        }
        if out.len() > MAX_TEXT {
            break;
        }
    }
    Ok(out)
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The visible text of an HTML page: tags dropped, `script` and `style` skipped, entities of
/// everyday use decoded, block elements on their own lines.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skip_until: Option<&'static str> = None;
    while !rest.is_empty() {
        if let Some(end) = skip_until {
            match find_ignore_case(rest, end) {
                Some(i) => {
                    rest = &rest[i..];
                    skip_until = None;
                }
                None => break,
            }
            continue;
        }
        match rest.find('<') {
            Some(0) => {
                if rest.starts_with("<!--") {
                    rest = rest.find("-->").map_or("", |i| &rest[i + 3..]);
                    continue;
                }
                let end = rest.find('>').map_or(rest.len(), |i| i + 1);
                let tag = rest[1..end.saturating_sub(1).max(1)].trim_start_matches('/');
                let name: String = tag
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if !rest[1..].starts_with('/') {
                    if name == "script" {
                        skip_until = Some("</script");
                    } else if name == "style" {
                        skip_until = Some("</style");
                    }
                }
                if matches!(
                    name.as_str(),
                    "p" | "br"
                        | "div"
                        | "li"
                        | "tr"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "title"
                        | "section"
                        | "article"
                        | "td"
                        | "th"
                        | "blockquote"
                ) {
                    out.push('\n');
                }
                rest = &rest[end..];
            }
            Some(i) => {
                decode_entities(&rest[..i], &mut out);
                rest = &rest[i..];
            }
            None => {
                decode_entities(rest, &mut out);
                rest = "";
            }
        }
    }
    normalise_space(&out)
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn decode_entities(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[..rest.len().min(12)].find(';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name.strip_prefix('#').and_then(|n| {
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok(),
                        None => n.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip archive of `members` (name, text), deflated.
    pub(crate) fn zip_of(members: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in members {
            w.start_file(*name, options).unwrap();
            w.write_all(text.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn docx_paragraphs_and_entities() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Piano</w:t></w:r><w:r><w:t xml:space="preserve"> strategico &amp; logico</w:t></w:r></w:p><w:p><w:r><w:t>Seconda</w:t><w:tab/><w:t>riga</w:t></w:r></w:p></w:body></w:document>"#;
        let bytes = zip_of(&[("word/document.xml", xml)]);
        assert_eq!(
            extract(Format::Docx, &bytes).unwrap(),
            "Piano strategico & logico\nSeconda riga"
        );
    }

    #[test]
    fn odt_pptx_xlsx() {
        let odt = zip_of(&[(
            "content.xml",
            r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><text:h>Titolo</text:h><text:p>Uno<text:s/>due <text:span>tre</text:span></text:p></office:body></office:document-content>"#,
        )]);
        assert_eq!(extract(Format::Odt, &odt).unwrap(), "Titolo\nUno due tre");
        let pptx = zip_of(&[
            (
                "ppt/slides/slide10.xml",
                r#"<p:sld xmlns:a="a" xmlns:p="p"><a:p><a:r><a:t>Dieci</a:t></a:r></a:p></p:sld>"#,
            ),
            (
                "ppt/slides/slide2.xml",
                r#"<p:sld xmlns:a="a" xmlns:p="p"><a:p><a:r><a:t>Due</a:t></a:r></a:p></p:sld>"#,
            ),
        ]);
        assert_eq!(extract(Format::Pptx, &pptx).unwrap(), "Due\nDieci");
        let xlsx = zip_of(&[
            (
                "xl/sharedStrings.xml",
                r#"<sst><si><t>Bilancio</t></si><si><t>Totale</t></si></sst>"#,
            ),
            (
                "xl/worksheets/sheet1.xml",
                r#"<worksheet><sheetData><row><c t="inlineStr"><is><t>Nota</t></is></c><c><v>12</v></c></row></sheetData></worksheet>"#,
            ),
        ]);
        assert_eq!(
            extract(Format::Xlsx, &xlsx).unwrap(),
            "Bilancio\nTotale\nNota"
        );
    }

    #[test]
    fn hostile_archives_and_xml_are_refused() {
        assert_eq!(
            extract(Format::Docx, b"PK\x03\x04junk"),
            Err(ExtractError::Archive)
        );
        assert_eq!(
            extract(Format::Docx, &zip_of(&[("other.xml", "<a/>")])),
            Err(ExtractError::Missing("word/document.xml"))
        );
        let billion = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document xmlns:w="x"><w:p><w:t>&lol2;</w:t></w:p></w:document>"#;
        assert_eq!(
            extract(Format::Docx, &zip_of(&[("word/document.xml", billion)])),
            Err(ExtractError::Entity)
        );
        let unknown = r#"<w:document xmlns:w="x"><w:p><w:t>&lol;</w:t></w:p></w:document>"#;
        assert_eq!(
            extract(Format::Docx, &zip_of(&[("word/document.xml", unknown)])),
            Err(ExtractError::Entity)
        );
        // A member expanding far beyond the cap: 70 MB of zeros deflate to about 70 KB.
        let big = "0".repeat(70 * 1024 * 1024);
        let bomb = zip_of(&[("word/document.xml", big.as_str())]);
        assert!(bomb.len() < 1024 * 1024);
        assert_eq!(extract(Format::Docx, &bomb), Err(ExtractError::TooLarge));
        assert_eq!(
            extract(Format::Text, b"\xff\xfe"),
            Err(ExtractError::Encoding)
        );
        assert_eq!(extract(Format::Pdf, b"%PDF-1.7"), Err(ExtractError::Pdf));
        assert_eq!(extract(Format::Pdf, b"not a pdf"), Err(ExtractError::Pdf));
    }

    /// A one-page PDF written by hand, with a correct cross-reference table.
    fn simple_pdf(text: &str) -> Vec<u8> {
        let content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
        ];
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    #[test]
    fn pdf_text_and_damaged_pdfs() {
        let pdf = simple_pdf("Programma dei laboratori di Tirana");
        assert_eq!(
            extract(Format::Pdf, &pdf).unwrap(),
            "Programma dei laboratori di Tirana"
        );
        // Cut anywhere, the file fails cleanly.
        for cut in [10, pdf.len() / 2, pdf.len() - 20] {
            let _ = extract(Format::Pdf, &pdf[..cut]);
        }
    }

    #[test]
    fn html_visible_text() {
        let html = "<html><head><title>Guida</title><style>p{color:red}</style><script>var x='<p>';</script></head><body><h1>Bandi &amp; avvisi</h1><p>Scadenza&nbsp;30 giugno &#8211; Tirana &lt;AL&gt;</p><!-- nascosto --></body></html>";
        assert_eq!(
            html_text(html),
            "Guida\nBandi & avvisi\nScadenza 30 giugno – Tirana <AL>"
        );
        assert_eq!(html_text("<p>unclosed <b"), "unclosed");
        assert_eq!(html_text("a &bogus; b &#xZZ; &"), "a &bogus; b &#xZZ; &");
    }

    #[test]
    fn formats_by_content_type() {
        assert_eq!(Format::of("text/plain; charset=utf-8"), Some(Format::Text));
        assert_eq!(Format::of("application/pdf"), Some(Format::Pdf));
        assert_eq!(Format::of("image/png"), None);
    }
}
