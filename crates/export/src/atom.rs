//! Atom 1.0 feeds (RFC 4287): the programme's news for feed readers. Every text is escaped for
//! XML and characters XML 1.0 forbids are dropped, so that any title or body a person can type
//! gives a well-formed feed; entries carry their language (`xml:lang`) and their HTML content
//! escaped as `type="html"`.

use chrono::{DateTime, SecondsFormat, Utc};

/// One entry of a feed.
#[derive(Debug, Clone)]
pub struct Entry {
    /// A permanent, unique IRI (`urn:uuid:…`).
    pub id: String,
    pub title: String,
    /// The address of the entry's page.
    pub link: String,
    pub published: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// ISO 639-1 code of the entry's language.
    pub language: String,
    /// The entry's content, as HTML (already cleaned).
    pub html: String,
}

/// A feed.
#[derive(Debug, Clone)]
pub struct Feed {
    pub id: String,
    pub title: String,
    /// The feed's own address and the page it mirrors.
    pub self_link: String,
    pub page_link: String,
    /// ISO 639-1 code of the feed's language.
    pub language: String,
    /// The author named for every entry.
    pub author: String,
    pub updated: DateTime<Utc>,
    pub entries: Vec<Entry>,
}

/// `text` escaped for XML character data and attribute values, without the characters XML 1.0
/// does not allow.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn date(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The feed as an Atom document.
pub fn feed(f: &Feed) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape(&f.language)
    ));
    out.push_str(&format!("  <id>{}</id>\n", escape(&f.id)));
    out.push_str(&format!("  <title>{}</title>\n", escape(&f.title)));
    out.push_str(&format!("  <updated>{}</updated>\n", date(f.updated)));
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(&f.author)
    ));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&f.self_link)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&f.page_link)
    ));
    for e in &f.entries {
        out.push_str(&format!("  <entry xml:lang=\"{}\">\n", escape(&e.language)));
        out.push_str(&format!("    <id>{}</id>\n", escape(&e.id)));
        out.push_str(&format!("    <title>{}</title>\n", escape(&e.title)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&e.link)
        ));
        out.push_str(&format!(
            "    <published>{}</published>\n",
            date(e.published)
        ));
        out.push_str(&format!("    <updated>{}</updated>\n", date(e.updated)));
        out.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            escape(&e.html)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn escapes_everything_typed() {
        let t = Utc.with_ymd_and_hms(2027, 1, 2, 3, 4, 5).unwrap();
        let f = Feed {
            id: "urn:uuid:1".into(),
            title: "Notizie & <eventi>".into(),
            self_link: "https://ponte.test/news.atom?a=1&b=2".into(),
            page_link: "https://ponte.test/news".into(),
            language: "it".into(),
            author: "Ponte".into(),
            updated: t,
            entries: vec![Entry {
                id: "urn:uuid:2".into(),
                title: "\"Città\" ' Београд \u{0}\u{1b} مرحبا 🎉".into(),
                link: "https://ponte.test/news/2".into(),
                published: t,
                updated: t,
                language: "fr".into(),
                html: "<p>a &amp; b</p>".into(),
            }],
        };
        let x = feed(&f);
        assert!(x.contains("<title>Notizie &amp; &lt;eventi&gt;</title>"));
        assert!(x.contains("href=\"https://ponte.test/news.atom?a=1&amp;b=2\""));
        assert!(x.contains("&quot;Città&quot; &apos; Београд  مرحبا 🎉"));
        assert!(x.contains("<content type=\"html\">&lt;p&gt;a &amp;amp; b&lt;/p&gt;</content>"));
        assert!(x.contains("<updated>2027-01-02T03:04:05Z</updated>"));
        assert!(!x.contains('\u{0}'));
    }
}
