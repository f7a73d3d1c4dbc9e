//! Sanitised Markdown: products written as text are rendered to HTML with no raw HTML, no
//! images and only safe link targets, so that nothing an author types can run in a reader's
//! browser. Headings get ids so that comments can point at a section.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// A heading's anchor: its words folded to lowercase ASCII letters and digits, joined by `-`.
pub fn slug(title: &str) -> String {
    let folded = crate::library::text::fold(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .collect();
    if words.is_empty() {
        "sezione".into()
    } else {
        words.join("-")
    }
}

/// The headings of a text in order: `(slug, title)`; repeated slugs get `-2`, `-3`…
pub fn headings(markdown: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => current = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(title) = current.take() {
                    let base = slug(&title);
                    let mut s = base.clone();
                    let mut n = 1;
                    while out.iter().any(|(x, _)| *x == s) {
                        n += 1;
                        s = format!("{base}-{n}");
                    }
                    out.push((s, title.trim().to_string()));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || lower.starts_with('#')
        || (lower.starts_with('/') && !lower.starts_with("//"))
}

/// Renders Markdown to safe HTML. Raw HTML is shown as text, images as their description,
/// links to anything but http(s), mailto and this site lose their target.
pub fn render(markdown: &str) -> String {
    let slugs = headings(markdown);
    let mut heading = 0usize;
    let events = Parser::new_ext(markdown, options()).filter_map(|event| match event {
        Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = if safe_url(&dest_url) {
                dest_url
            } else {
                CowStr::Borrowed("#")
            };
            Some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::Start(Tag::Heading {
            level,
            classes,
            attrs,
            ..
        }) => {
            let id = slugs
                .get(heading)
                .map(|(s, _)| CowStr::from(format!("sec-{s}")));
            heading += 1;
            // Headings inside a product start at level 2: the page has its own h1.
            let level = match level {
                HeadingLevel::H1 => HeadingLevel::H2,
                HeadingLevel::H2 => HeadingLevel::H3,
                HeadingLevel::H3 => HeadingLevel::H4,
                other => other,
            };
            Some(Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }))
        }
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(match level {
            HeadingLevel::H1 => HeadingLevel::H2,
            HeadingLevel::H2 => HeadingLevel::H3,
            HeadingLevel::H3 => HeadingLevel::H4,
            other => other,
        }))),
        other => Some(other),
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_plain_markdown() {
        let html = render("# Priorità\n\nTesto **forte** e [link](https://example.org).");
        assert!(
            html.contains("<h2 id=\"sec-priorita\">Priorità</h2>"),
            "{html}"
        );
        assert!(html.contains("<strong>forte</strong>"));
        assert!(html.contains("href=\"https://example.org\""));
    }

    #[test]
    fn nothing_typed_can_run() {
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [y](//evil.example) ![z](https://t.example/p.png) <b onclick=alert(1)>b</b>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("//evil"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn headings_have_stable_unique_slugs() {
        let h = headings("## Paesi target\n\ntesto\n\n## Paesi target\n\n### `Codice` e Città");
        let slugs: Vec<_> = h.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(slugs, ["paesi-target", "paesi-target-2", "codice-e-citta"]);
        assert_eq!(h[2].1, "Codice e Città");
    }
}

/// A block of a text as exports lay it out: formatting inside a paragraph is dropped, lists are
/// flattened to their items, tables keep their cells as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(u8, String),
    Paragraph(String),
    Item(String),
    /// Rows of cells; the first row is the header.
    Table(Vec<Vec<String>>),
}

/// The blocks of a Markdown text, for DOCX and PDF exports. Raw HTML counts as text.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut table: Option<Vec<Vec<String>>> = None;
    let mut heading: Option<u8> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some(level as u8);
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                out.push(Block::Heading(
                    heading.take().unwrap_or(1),
                    text.trim().to_string(),
                ));
                text.clear();
            }
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Item) => {
                if table.is_none() && !text.trim().is_empty() {
                    out.push(Block::Item(text.trim().to_string()));
                }
                text.clear();
            }
            Event::End(TagEnd::Paragraph) => {
                if !text.trim().is_empty() {
                    out.push(Block::Paragraph(text.trim().to_string()));
                }
                text.clear();
            }
            Event::End(TagEnd::Item) => {
                if !text.trim().is_empty() {
                    out.push(Block::Item(text.trim().to_string()));
                }
                text.clear();
            }
            Event::Start(Tag::Table(_)) => table = Some(Vec::new()),
            Event::End(TagEnd::Table) => {
                if let Some(t) = table.take() {
                    out.push(Block::Table(t));
                }
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                if let Some(t) = table.as_mut() {
                    t.push(Vec::new());
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(row) = table.as_mut().and_then(|t| t.last_mut()) {
                    row.push(text.trim().to_string());
                }
                text.clear();
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            _ => {}
        }
    }
    if !text.trim().is_empty() {
        out.push(Block::Paragraph(text.trim().to_string()));
    }
    out
}

#[cfg(test)]
mod block_tests {
    use super::*;

    #[test]
    fn markdown_becomes_blocks() {
        let b = blocks("## Partner\n\nTesto **forte**.\n\n- uno\n- due\n\n| Voce | Importo |\n|---|---|\n| Missioni | 12 |\n\n<b>x</b>");
        assert_eq!(
            b,
            vec![
                Block::Heading(2, "Partner".into()),
                Block::Paragraph("Testo forte.".into()),
                Block::Item("uno".into()),
                Block::Item("due".into()),
                Block::Table(vec![
                    vec!["Voce".into(), "Importo".into()],
                    vec!["Missioni".into(), "12".into()]
                ]),
                Block::Paragraph("<b>x</b>".into()),
            ]
        );
    }
}
