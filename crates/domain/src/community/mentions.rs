//! Mentions in a message: `@[Name Surname]` names a person who can see the space. The names are
//! read from the Markdown's text (not from code), matched to people without regard to case or
//! surrounding spaces, refused when nobody of that name can see the space, and highlighted in
//! the rendered message.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use uuid::Uuid;

/// Longest name between the brackets, in characters.
const MAX_NAME: usize = 120;

/// The names mentioned in `markdown`, in order of first mention, each once (as typed, trimmed).
pub fn names(markdown: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut code = 0usize;
    let flush = |text: &mut String, out: &mut Vec<String>| {
        for name in scan(text) {
            if !out.iter().any(|n| same(n, &name)) {
                out.push(name);
            }
        }
        text.clear();
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) if code == 0 => text.push_str(&t),
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut text, &mut out);
                code += 1;
            }
            Event::End(TagEnd::CodeBlock) => code = code.saturating_sub(1),
            // Adjacent text pieces (the parser splits at brackets) are one text; anything else
            // ends it.
            Event::Text(_) => {}
            _ => flush(&mut text, &mut out),
        }
    }
    flush(&mut text, &mut out);
    out
}

/// The names in `@[…]` in one piece of plain text.
fn scan(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("@[") {
        let after = &rest[start + 2..];
        match after.find(']') {
            Some(end) => {
                let name = after[..end].trim();
                if !name.is_empty()
                    && name.chars().count() <= MAX_NAME
                    && !name.contains(['[', '\n'])
                {
                    out.push(name.to_string());
                }
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}

/// Whether two names are the same person's name as typed (case and spacing aside).
pub fn same(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// Why a mention is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nobody of that name has an account.
    Unknown(String),
    /// The person exists but cannot see the space: they would never read the message.
    Outside(String),
    /// Several people who can see the space have that name.
    Ambiguous(String),
}

impl Problem {
    /// The message key that says why (with the name as `$name`).
    pub fn message(&self) -> &'static str {
        match self {
            // One answer for both: telling them apart would tell anyone signed in whether an
            // account of that name exists in a space they cannot see.
            Problem::Unknown(_) | Problem::Outside(_) => "community-error-mention-outside",
            Problem::Ambiguous(_) => "community-error-mention-ambiguous",
        }
    }

    /// The name as typed.
    pub fn name(&self) -> &str {
        match self {
            Problem::Unknown(n) | Problem::Outside(n) | Problem::Ambiguous(n) => n,
        }
    }
}

/// A person who might be mentioned: id, name, and whether they can see the space.
pub type Candidate<'a> = (Uuid, &'a str, bool);

/// The people `names` mention among `people`, or the first problem (in the order typed). A name
/// shared by someone who can see the space and someone who cannot means the first.
pub fn resolve(names: &[String], people: &[Candidate]) -> Result<Vec<Uuid>, Problem> {
    let mut out = Vec::new();
    for name in names {
        let matching: Vec<&Candidate> = people.iter().filter(|p| same(p.1, name)).collect();
        let inside: Vec<Uuid> = matching.iter().filter(|p| p.2).map(|p| p.0).collect();
        match (inside.as_slice(), matching.is_empty()) {
            ([one], _) => {
                if !out.contains(one) {
                    out.push(*one)
                }
            }
            ([], true) => return Err(Problem::Unknown(name.clone())),
            ([], false) => return Err(Problem::Outside(name.clone())),
            _ => return Err(Problem::Ambiguous(name.clone())),
        }
    }
    Ok(out)
}

/// Highlights the mentions of `names` in a message's rendered (already safe) HTML: `@[Name]` in
/// text, outside code and links, becomes `<strong class="mention">@Name</strong>`. Names are
/// compared with the text the HTML stands for, so that nothing but the known names is touched.
pub fn highlight(html: &str, names: &[String]) -> String {
    if names.is_empty() || !html.contains("@[") {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    // Depth inside <code>, <pre> and <a>, where nothing is highlighted.
    let mut shielded = 0usize;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = rest.find('>').map(|i| i + 1).unwrap_or(rest.len());
            let tag = &rest[..end];
            let lower = tag.to_ascii_lowercase();
            let opens = ["<code", "<pre", "<a "]
                .iter()
                .any(|t| lower.starts_with(t) || lower == format!("{}>", t.trim()));
            let closes = ["</code", "</pre", "</a>"]
                .iter()
                .any(|t| lower.starts_with(t));
            if opens {
                shielded += 1;
            } else if closes {
                shielded = shielded.saturating_sub(1);
            }
            out.push_str(tag);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..end];
        if shielded == 0 {
            out.push_str(&mark(text, names));
        } else {
            out.push_str(text);
        }
        rest = &rest[end..];
    }
    out
}

/// The text an escaped HTML text stands for (the entities the Markdown renderer writes).
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// One piece of escaped text with its known mentions wrapped.
fn mark(text: &str, names: &[String]) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("@[") {
        let after = &rest[start + 2..];
        let Some(end) = after.find(']') else { break };
        let inner = &after[..end];
        out.push_str(&rest[..start]);
        if names.iter().any(|n| same(n, &unescape(inner))) {
            out.push_str("<strong class=\"mention\">@");
            out.push_str(inner.trim());
            out.push_str("</strong>");
        } else {
            out.push_str(&rest[start..start + 2 + end + 1]);
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_from_text_not_code() {
        let md = "Ciao @[Maria Esposito] e @[ luca  bianchi ]!\n\n`@[Nel Codice]`\n\n\
                  ```\n@[In Un Blocco]\n```\n\n**@[Maria esposito]** @[] @[aperta";
        assert_eq!(names(md), ["Maria Esposito", "luca  bianchi"]);
        assert!(names("nessuna menzione, solo un@indirizzo.it").is_empty());
    }

    #[test]
    fn mentions_resolve_to_people_who_see_the_space() {
        let (a, b, c, d) = (
            Uuid::from_u128(1),
            Uuid::from_u128(2),
            Uuid::from_u128(3),
            Uuid::from_u128(4),
        );
        let people = [
            (a, "Maria Esposito", true),
            (b, "Luca Bianchi", false),
            (c, "Anna Neri", true),
            (d, "Anna Neri", true),
        ];
        let n = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(resolve(&n(&["maria  ESPOSITO"]), &people), Ok(vec![a]));
        assert_eq!(
            resolve(&n(&["Maria Esposito", "Luca Bianchi"]), &people),
            Err(Problem::Outside("Luca Bianchi".into()))
        );
        assert_eq!(
            resolve(&n(&["Nessuno"]), &people),
            Err(Problem::Unknown("Nessuno".into()))
        );
        assert_eq!(
            resolve(&n(&["Anna Neri"]), &people),
            Err(Problem::Ambiguous("Anna Neri".into()))
        );
        // A namesake outside the space does not hide the one inside.
        let people = [(a, "Maria Esposito", false), (c, "Maria Esposito", true)];
        assert_eq!(resolve(&n(&["Maria Esposito"]), &people), Ok(vec![c]));
    }

    #[test]
    fn known_mentions_are_highlighted_outside_code_and_links() {
        let md = "Per @[Maria Esposito] e @[Sconosciuto], `@[Maria Esposito]` \
                  [@[Maria Esposito]](/x) @[D'Amico & Figli]";
        let html = crate::community::render(md);
        let out = highlight(
            &html,
            &["Maria Esposito".to_string(), "D'Amico & Figli".to_string()],
        );
        assert_eq!(
            out.matches("<strong class=\"mention\">").count(),
            2,
            "{out}"
        );
        assert!(
            out.contains("<strong class=\"mention\">@Maria Esposito</strong>"),
            "{out}"
        );
        assert!(
            out.contains("<strong class=\"mention\">@D'Amico &amp; Figli</strong>"),
            "{out}"
        );
        assert!(out.contains("@[Sconosciuto]"), "{out}");
        assert!(out.contains("<code>@[Maria Esposito]</code>"), "{out}");
        // Script in a name stays text.
        let html = crate::community::render("@[<script>x</script>]");
        let out = highlight(&html, &["<script>x</script>".to_string()]);
        assert!(!out.contains("<script>"), "{out}");
    }
}
