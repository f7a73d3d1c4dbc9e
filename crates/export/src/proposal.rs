//! A project proposal as offices file it, in DOCX and PDF/A: a cover, a table of contents,
//! numbered sections (landscape pages for the wide tables: the logframe matrix, the work plan's
//! Gantt chart, the budget), and, for a proposal that fails its call's eligibility check, a
//! draft mark on every page. Labels arrive in the reader's language.

use crate::product::{document_body, Block};
use crate::typeset::{literal, metadata, FAMILIES};
use crate::ExportError;
use chrono::{Datelike, NaiveDate};
use std::io::Write;

/// The work plan as a chart: months across, one row per activity.
#[derive(Debug, Clone)]
pub struct Gantt {
    /// The first column's header (e.g. "Attività").
    pub label: String,
    /// The month columns' header prefix (e.g. "M"), giving "M1", "M2"…
    pub month: String,
    /// Each activity: its label and whether it runs in each month.
    pub rows: Vec<(String, Vec<bool>)>,
}

/// A part of a section.
#[derive(Debug, Clone)]
pub enum Part {
    Block(Block),
    Gantt(Gantt),
}

/// A numbered section.
#[derive(Debug, Clone)]
pub struct Section {
    /// "1", "2"…
    pub number: String,
    pub title: String,
    pub landscape: bool,
    pub parts: Vec<Part>,
}

/// A proposal laid out for export.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub title: String,
    /// The cover's lines under the title: call, programme, administration, version and state.
    pub cover: Vec<String>,
    /// BCP 47 language (`it`, `en`, `fr`).
    pub lang: String,
    /// The table of contents' title.
    pub contents: String,
    /// The mark every page of a draft carries (the proposal fails the eligibility check), with
    /// the line under it on the cover saying why; `None` for a proposal that passes.
    pub draft: Option<(String, String)>,
    pub sections: Vec<Section>,
    pub date: NaiveDate,
}

impl Section {
    fn heading(&self) -> String {
        format!("{}. {}", self.number, self.title)
    }
}

fn xml(text: &str) -> String {
    crate::product::xml(text)
}

const A4_PORTRAIT: &str = "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>";
const A4_LANDSCAPE: &str = "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>";

fn section_properties(landscape: bool, draft: bool) -> String {
    let header = if draft {
        "<w:headerReference w:type=\"default\" r:id=\"rId3\"/><w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
    } else {
        "<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
    };
    format!(
        "<w:sectPr>{header}{}<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>",
        if landscape { A4_LANDSCAPE } else { A4_PORTRAIT }
    )
}

fn paragraph(style: &str, text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml(text)
    )
}

const PAGE_BREAK: &str = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";

/// The Gantt chart as a table: the months run cells shaded dark and marked with a full block.
fn gantt_table(g: &Gantt) -> String {
    let months = g.rows.iter().map(|(_, m)| m.len()).max().unwrap_or(0);
    let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"";
    let mut out = format!(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"Gantt\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3600\"/>{}</w:tblGrid>",
        "<w:gridCol w:w=\"300\"/>".repeat(months)
    );
    let cell = |text: &str, fill: Option<&str>, bold: bool| {
        let shade = fill
            .map(|f| format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{f}\"/>"))
            .unwrap_or_default();
        let b = if bold { "<w:b/>" } else { "" };
        format!(
            "<w:tc><w:tcPr>{shade}</w:tcPr><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:r><w:rPr>{b}<w:sz w:val=\"14\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:tc>",
            xml(text)
        )
    };
    out.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
    out.push_str(&cell(&g.label, None, true));
    for m in 1..=months {
        out.push_str(&cell(&format!("{}{m}", g.month), None, true));
    }
    out.push_str("</w:tr>");
    for (label, runs) in &g.rows {
        out.push_str("<w:tr>");
        out.push_str(&cell(label, None, false));
        for m in 0..months {
            if runs.get(m).copied().unwrap_or(false) {
                out.push_str(&cell("\u{2588}", Some("003366"), false));
            } else {
                out.push_str(&cell("", None, false));
            }
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl><w:p/>");
    out
}

/// The body of the DOCX (`word/document.xml`).
pub fn document_xml(p: &Proposal) -> String {
    let draft = p.draft.is_some();
    let mut body = String::new();
    // The cover.
    body.push_str(&paragraph("Title", &p.title));
    for line in &p.cover {
        body.push_str(&paragraph("Subtitle", line));
    }
    if let Some((mark, why)) = &p.draft {
        body.push_str(&paragraph("Draft", mark));
        body.push_str(&paragraph("Subtitle", why));
    }
    body.push_str(PAGE_BREAK);
    // The table of contents: a field a word processor refreshes, holding the entries already.
    body.push_str(&paragraph("TOCHeading", &p.contents));
    // The field begins in the first entry and ends in the last, as word processors write it.
    let begin = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-1\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    let count = p.sections.len();
    if count == 0 {
        body.push_str(&format!("<w:p>{begin}{end}</w:p>"));
    }
    for (i, s) in p.sections.iter().enumerate() {
        body.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>{}<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>{}</w:p>",
            if i == 0 { begin } else { "" },
            xml(&s.heading()),
            if i + 1 == count { end } else { "" }
        ));
    }
    // The sections, each run of one orientation its own DOCX section. A section's properties
    // sit in the last paragraph before the next orientation starts.
    let mut current = false;
    for (i, s) in p.sections.iter().enumerate() {
        if i == 0 || s.landscape != current {
            body.push_str(&format!(
                "<w:p><w:pPr>{}</w:pPr></w:p>",
                section_properties(current, draft)
            ));
            current = s.landscape;
        }
        body.push_str(&paragraph("Heading1", &s.heading()));
        let mut blocks = Vec::new();
        let flush = |blocks: &mut Vec<Block>, body: &mut String| {
            if !blocks.is_empty() {
                body.push_str(&document_body(blocks));
                blocks.clear();
            }
        };
        for part in &s.parts {
            match part {
                // Inside a numbered section, the parts' own headings sit one level down.
                Part::Block(Block::Heading(level, text)) => {
                    blocks.push(Block::Heading((*level).clamp(2, 3), text.clone()))
                }
                Part::Block(b) => blocks.push(b.clone()),
                Part::Gantt(g) => {
                    flush(&mut blocks, &mut body);
                    body.push_str(&gantt_table(g));
                }
            }
        }
        flush(&mut blocks, &mut body);
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{body}{}</w:body></w:document>\n",
        section_properties(current, draft)
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>
"#;

/// Asks the word processor to refresh the table of contents' page numbers on opening.
const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:updateFields w:val="true"/></w:settings>
"#;

/// The footer: the page number.
const FOOTER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
"#;

/// The styles: the product exports' ones, with the draft mark and the table of contents.
fn styles(lang: &str) -> String {
    crate::product::styles(lang).replace(
        "</w:styles>",
        "<w:style w:type=\"paragraph\" w:styleId=\"Draft\"><w:name w:val=\"Draft\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"C00000\"/><w:sz w:val=\"28\"/></w:rPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/><w:basedOn w:val=\"Normal\"/></w:style></w:styles>",
    )
}

/// Writes the DOCX package.
pub fn docx(p: &Proposal) -> Result<Vec<u8>, ExportError> {
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>Ponte</dc:creator><dc:language>{}</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:created></cp:coreProperties>\n",
        xml(&p.title),
        xml(&p.lang),
        p.date
    );
    let mark = p.draft.as_ref().map(|(m, _)| m.as_str()).unwrap_or("");
    let header = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{}</w:hdr>\n",
        paragraph("Draft", mark)
    );
    let styles = styles(&p.lang);
    let parts: [(&str, &str); 9] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", &styles),
        ("word/settings.xml", SETTINGS),
        ("word/header1.xml", &header),
        ("word/footer1.xml", FOOTER),
        ("docProps/core.xml", &core),
        ("word/document.xml", &document_xml(p)),
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

/// The typst source of the PDF.
pub fn typst_source(p: &Proposal) -> String {
    let mut s = String::new();
    let header = match &p.draft {
        Some((mark, _)) => format!(
            "header: align(center, text(size: 11pt, weight: \"bold\", fill: rgb(\"#c00000\"))[#{}]), ",
            literal(mark)
        ),
        None => String::new(),
    };
    s.push_str(&format!(
        "#set document(title: {}, author: \"Ponte\", date: datetime(year: {}, month: {}, day: {}))\n#set page(paper: \"a4\", margin: 1.8cm, {header}footer: context align(right, text(size: 8pt, counter(page).display(\"1 / 1\", both: true))))\n#set text(font: {}, size: 10.5pt, lang: {})\n#set par(justify: false)\n#show heading: set block(above: 1.2em, below: 0.6em)\n",
        metadata(&p.title),
        p.date.year(),
        p.date.month(),
        p.date.day(),
        FAMILIES,
        metadata(&p.lang)
    ));
    // The cover.
    s.push_str(&format!(
        "#v(4cm)\n#text(size: 22pt, weight: \"bold\", fill: rgb(\"#003366\"))[#{}]\n\n",
        literal(&p.title)
    ));
    for line in &p.cover {
        s.push_str(&format!(
            "#text(size: 12pt, fill: rgb(\"#5c6f82\"))[#{}]\n\n",
            literal(line)
        ));
    }
    if let Some((mark, why)) = &p.draft {
        s.push_str(&format!(
            "#v(1cm)\n#text(size: 16pt, weight: \"bold\", fill: rgb(\"#c00000\"))[#{}]\n\n#par[#{}]\n\n",
            literal(mark),
            literal(why)
        ));
    }
    s.push_str("#pagebreak()\n");
    s.push_str(&format!(
        "#outline(title: [#{}], depth: 1)\n#pagebreak()\n",
        literal(&p.contents)
    ));
    for sec in &p.sections {
        let mut inner = format!("#heading(level: 1)[#{}]\n", literal(&sec.heading()));
        for part in &sec.parts {
            match part {
                Part::Block(Block::Heading(level, text)) => inner.push_str(&format!(
                    "#heading(level: {}, outlined: false)[#{}]\n",
                    (*level).clamp(2, 3),
                    literal(text)
                )),
                Part::Block(b) => {
                    inner.push_str(&crate::product::typst_blocks(std::slice::from_ref(b)))
                }
                Part::Gantt(g) => inner.push_str(&gantt_typst(g)),
            }
        }
        if sec.landscape {
            s.push_str(&format!(
                "#page(flipped: true)[\n#set text(size: 8.5pt)\n{inner}]\n"
            ));
        } else {
            s.push_str(&inner);
        }
    }
    s
}

fn gantt_typst(g: &Gantt) -> String {
    let months = g.rows.iter().map(|(_, m)| m.len()).max().unwrap_or(0);
    let mut s = format!(
        "#table(columns: (4.5cm, {}), inset: 2pt, stroke: 0.5pt + gray, align: center + horizon,\n  table.header([#strong[#{}]], {}),\n",
        vec!["1fr"; months].join(", "),
        literal(&g.label),
        (1..=months)
            .map(|m| format!("[#text(size: 6pt)[#{}]]", literal(&format!("{}{m}", g.month))))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (label, runs) in &g.rows {
        let cells: Vec<String> = (0..months)
            .map(|m| {
                if runs.get(m).copied().unwrap_or(false) {
                    "table.cell(fill: rgb(\"#003366\"))[#text(fill: rgb(\"#003366\"), size: 6pt)[■]]".to_string()
                } else {
                    "[]".to_string()
                }
            })
            .collect();
        s.push_str(&format!(
            "  table.cell(align: left)[#text(size: 7.5pt)[#{}]], {},\n",
            literal(label),
            cells.join(", ")
        ));
    }
    s.push_str(")\n");
    s
}

/// Typesets the PDF (PDF/A-2b).
pub fn pdf(p: &Proposal) -> Result<Vec<u8>, ExportError> {
    crate::typeset::pdf("proposal.typ", typst_source(p), p.date)
}

#[cfg(test)]
mod tests;
