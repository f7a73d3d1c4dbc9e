//! The professional community's discussions: spaces (in `spaces`), threads with a title and a
//! Markdown body, replies that may quote another message, editing with the earlier versions
//! kept, pinning, locking and hiding by moderators, reports to the staff's queue.
//! Markdown is rendered exactly as products' is (`products::text::render`).

pub mod mentions;
pub mod spaces;

use crate::policy::Rule;
use crate::roles::Role;
use crate::validation::{required_line, required_text, Errors};

/// Who may reach each page and action. Whether the person may see or moderate the space asked
/// about is decided per space in `spaces::access`, once its members are read.
pub const POLICY: &[(&str, Rule)] = &[
    ("community.spaces", Rule::SignedIn),
    ("community.space", Rule::SignedIn),
    ("community.search", Rule::SignedIn),
    ("community.people", Rule::SignedIn),
    ("community.thread_new", Rule::SignedIn),
    ("community.thread_create", Rule::SignedIn),
    ("community.thread", Rule::SignedIn),
    ("community.post", Rule::SignedIn),
    ("community.reply", Rule::SignedIn),
    ("community.post_edit", Rule::SignedIn),
    ("community.post_update", Rule::SignedIn),
    ("community.post_history", Rule::SignedIn),
    ("community.report_form", Rule::SignedIn),
    ("community.report", Rule::SignedIn),
    ("community.pin", Rule::Held(MODERATORS)),
    ("community.lock", Rule::Held(MODERATORS)),
    ("community.hide", Rule::Held(MODERATORS)),
    ("community.moderation", Rule::Global(STAFF)),
    ("community.report_close", Rule::Global(STAFF)),
];

/// Who can moderate some space: staff and the operator everywhere, coordinators in their
/// administration's space and their table's.
const MODERATORS: &[Role] = &[Role::Admin, Role::Staff, Role::Coordinator];
/// Who reads the queue of reports.
const STAFF: &[Role] = &[Role::Admin, Role::Staff];

/// Longest thread title, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest message (Markdown), in characters.
pub const MAX_BODY: usize = 20_000;
/// Longest reason for hiding or reporting a message, in characters.
pub const MAX_REASON: usize = 1_000;
/// Threads on one page of a space.
pub const PAGE_SIZE: i64 = 50;
/// Messages on one page of a thread.
pub const POSTS_PER_PAGE: i64 = 50;

/// The page of a thread that shows the message with `before` messages before it.
pub fn page_of(before: i64) -> i64 {
    before.max(0) / POSTS_PER_PAGE + 1
}

/// How many pages a thread of `messages` messages takes (at least one).
pub fn pages_of(messages: i64) -> i64 {
    ((messages.max(1) - 1) / POSTS_PER_PAGE) + 1
}

/// A new thread as checked: its title and opening message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ThreadDraft {
    pub title: String,
    pub body: String,
}

/// Checks a message's Markdown: required, at most `MAX_BODY` characters, no control characters.
fn body(errors: &mut Errors, field: &'static str, text: &str) -> String {
    required_text(errors, field, &text.replace("\r\n", "\n"), MAX_BODY)
}

/// Checks a new thread's form.
pub fn check_thread(title: &str, text: &str) -> Result<ThreadDraft, Errors> {
    let mut errors = Errors::default();
    let title = required_line(&mut errors, "title", title, MAX_TITLE);
    let body = body(&mut errors, "body", text);
    errors.into_result(ThreadDraft { title, body })
}

/// Checks a reply's or an edited message's text.
pub fn check_body(text: &str) -> Result<String, Errors> {
    let mut errors = Errors::default();
    let body = body(&mut errors, "body", text);
    errors.into_result(body)
}

/// Checks the reason a moderator gives for hiding a message, or a member for reporting one.
pub fn check_reason(text: &str) -> Result<String, Errors> {
    let mut errors = Errors::default();
    let reason = required_text(&mut errors, "reason", text, MAX_REASON);
    errors.into_result(reason)
}

/// Why a message cannot be added to a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The thread is locked: nobody replies until a moderator unlocks it.
    Locked,
    /// The quoted message is not in this thread.
    QuoteElsewhere,
    /// One's own message is not reported.
    OwnMessage,
}

impl Refusal {
    /// The message key that says why.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::Locked => "community-error-locked",
            Refusal::QuoteElsewhere => "community-error-quote",
            Refusal::OwnMessage => "community-error-own-report",
        }
    }
}

/// Whether a reply may be added to a thread (`locked`), quoting a message of thread
/// `quoted_thread` (none: no quote) when the reply is to thread `thread`.
pub fn may_reply(
    locked: bool,
    thread: uuid::Uuid,
    quoted_thread: Option<uuid::Uuid>,
) -> Result<(), Refusal> {
    if locked {
        return Err(Refusal::Locked);
    }
    match quoted_thread {
        Some(t) if t != thread => Err(Refusal::QuoteElsewhere),
        _ => Ok(()),
    }
}

/// The language discussions are written in, for stemming their search terms: the programme's.
/// A query is stemmed in Italian, English and French alike, so a message in another language is
/// still found by its words.
pub const CONTENT_LANGUAGE: &str = "it";

/// A message's search terms: its thread's title (for the opening message) and its text without
/// Markdown marks, folded and stemmed as the library's documents are.
pub fn search_terms(title: Option<&str>, body: &str) -> (String, String) {
    use crate::library::text::{index_text, plain_text};
    (
        title.map_or_else(String::new, |t| index_text(t, CONTENT_LANGUAGE)),
        index_text(&plain_text(body), CONTENT_LANGUAGE),
    )
}

/// Most library documents one message attaches.
pub const MAX_ATTACHMENTS: usize = 5;
/// Longest text of typed document addresses read, in characters.
const MAX_ADDRESSES: usize = 4_000;

/// The library documents a message attaches: those `chosen` (ids from the form's list) and those
/// `typed` (one per line: a document page's address, absolute or not, or its id), in that order,
/// each once. A line that names no document, or more than [`MAX_ATTACHMENTS`] documents, is
/// refused on the field `documents`; whether the writer may see each one is the caller's check.
pub fn attachments(chosen: &[String], typed: &str) -> Result<Vec<uuid::Uuid>, Errors> {
    let mut errors = Errors::default();
    let mut out: Vec<uuid::Uuid> = Vec::new();
    let mut push = |id: uuid::Uuid| {
        if !out.contains(&id) {
            out.push(id);
        }
    };
    for c in chosen.iter().filter(|c| !c.trim().is_empty()) {
        match uuid::Uuid::parse_str(c.trim()) {
            Ok(id) => push(id),
            Err(_) => errors.add("documents", "error-unknown-choice"),
        }
    }
    if typed.chars().count() > MAX_ADDRESSES
        || typed.chars().any(|c| c.is_control() && !c.is_whitespace())
    {
        errors.add("documents", "community-error-attachment-address");
    } else {
        for line in typed.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match document_of(line) {
                Some(id) => push(id),
                None => errors.add("documents", "community-error-attachment-address"),
            }
        }
    }
    if out.len() > MAX_ATTACHMENTS {
        errors.add("documents", "community-error-attachments-too-many");
    }
    errors.into_result(out)
}

/// The document a typed line names: `…/library/documents/{id}` (with anything after the id, as
/// `/file` or a query) or a bare id.
fn document_of(line: &str) -> Option<uuid::Uuid> {
    const PATH: &str = "/library/documents/";
    let rest = match line.find(PATH) {
        Some(at) => {
            // An address names this platform's path from its start, or after scheme and host.
            let before = &line[..at];
            let hosted = before.is_empty()
                || before
                    .strip_prefix("https://")
                    .or_else(|| before.strip_prefix("http://"))
                    .is_some_and(|host| !host.is_empty() && !host.contains('/'));
            if !hosted {
                return None;
            }
            &line[at + PATH.len()..]
        }
        None => line,
    };
    let id = rest.get(..36)?;
    let tail = &rest[36..];
    if !(tail.is_empty() || tail.starts_with(['/', '?', '#'])) {
        return None;
    }
    uuid::Uuid::parse_str(id)
        .ok()
        .filter(|u| u.hyphenated().to_string() == id.to_ascii_lowercase())
}

/// Renders a message's Markdown to safe HTML, as products' texts are.
pub fn render(markdown: &str) -> String {
    crate::products::text::render(markdown)
}

#[cfg(test)]
mod tests {
    #[test]
    fn attachments_are_read_from_addresses_and_ids_each_once() {
        let id = "0194f3c2-7a1b-7c3d-8e4f-0123456789ab";
        let other = "0194f3c2-7a1b-7c3d-8e4f-0123456789ac";
        let typed = format!(
            "https://ponte.example/library/documents/{id}\n\n/library/documents/{other}/file\n{id}"
        );
        let got = attachments(&[other.to_string()], &typed).unwrap();
        // A host of letters beyond ASCII is a host like any other.
        assert_eq!(
            attachments(&[], &format!("http://é/library/documents/{id}")).unwrap(),
            vec![id.parse::<uuid::Uuid>().unwrap()]
        );
        assert_eq!(
            attachments(
                &[],
                &format!("http://ponte.example/library/documents/{id}?x=1")
            )
            .unwrap(),
            vec![id.parse::<uuid::Uuid>().unwrap()]
        );
        assert_eq!(
            got,
            vec![other.parse::<uuid::Uuid>().unwrap(), id.parse().unwrap()]
        );
        for bad in [
            "una parola",
            "/library/documents/not-an-id",
            "https://elsewhere.example/x/library/documents/0194f3c2-7a1b-7c3d-8e4f-0123456789ab",
            "/library/documents/0194f3c2-7a1b-7c3d-8e4f-0123456789abX",
            "0194f3c27a1b7c3d8e4f0123456789ab",
            "https:///library/documents/0194f3c2-7a1b-7c3d-8e4f-0123456789ab",
            "é/library/documents/0194f3c2-7a1b-7c3d-8e4f-0123456789ab",
            "/library/documents/0194f3c2-7a1b-7c3d-8e4f-0123456789aé",
            "0194f3c2-7a1b-7c3d-8e4f-0123456789ab€",
        ] {
            let e = attachments(&[], bad).unwrap_err();
            assert_eq!(
                e.for_field("documents"),
                Some("community-error-attachment-address"),
                "{bad}"
            );
        }
        assert!(attachments(&["x".into()], "").is_err());
        assert_eq!(
            attachments(&["".into(), " ".into()], "").unwrap(),
            Vec::<uuid::Uuid>::new()
        );
        let many: Vec<String> = (0..6)
            .map(|n| format!("0194f3c2-7a1b-7c3d-8e4f-01234567890{n}"))
            .collect();
        assert_eq!(
            attachments(&many, "").unwrap_err().for_field("documents"),
            Some("community-error-attachments-too-many")
        );
        assert_eq!(attachments(&[], "  \n ").unwrap(), Vec::<uuid::Uuid>::new());
    }

    proptest::proptest! {
        /// Whatever is typed, the addresses are read without a panic: a document or a refusal.
        #[test]
        fn any_typed_addresses_are_read_or_refused(typed in "\\PC{0,120}", prefix in "(https?://[^/]{0,6})?/library/documents/") {
            let _ = attachments(std::slice::from_ref(&typed), &typed);
            let _ = attachments(&[], &format!("{prefix}{typed}"));
        }
    }

    #[test]
    fn search_terms_fold_stem_and_drop_markdown() {
        let (title, body) = search_terms(
            Some("Appalti pubblici"),
            "Gli **indicatori** di [Durrës](https://x.example)",
        );
        assert!(!title.is_empty());
        assert!(!body.contains("**") && !body.contains("https"), "{body}");
        let (_, singular) = search_terms(None, "indicatore");
        assert!(
            body.split(' ').any(|t| t == singular),
            "{body} / {singular}"
        );
        assert_eq!(search_terms(None, "x").0, "");
    }

    use super::*;
    use uuid::Uuid;

    #[test]
    fn a_thread_needs_a_title_and_a_body_of_bounded_length() {
        let e = check_thread("  ", "").unwrap_err();
        assert_eq!(e.for_field("title"), Some("error-required"));
        assert_eq!(e.for_field("body"), Some("error-required"));
        let long = "x".repeat(MAX_BODY + 1);
        let e = check_thread("Ok", &long).unwrap_err();
        assert_eq!(e.for_field("body"), Some("error-too-long"));
        assert!(e.for_field("title").is_none());
        let e = check_thread("a\nb", "ok").unwrap_err();
        assert!(e.for_field("title").is_some());
        let t = check_thread(" Bandi IPA ", "Qualcuno ha letto **il bando**?\r\nGrazie").unwrap();
        assert_eq!(t.title, "Bandi IPA");
        assert_eq!(t.body, "Qualcuno ha letto **il bando**?\nGrazie");
        assert!(check_body(&"é".repeat(MAX_BODY)).is_ok());
        assert!(check_body("a\u{7}b").is_err());
        assert_eq!(
            check_reason("").unwrap_err().for_field("reason"),
            Some("error-required")
        );
    }

    #[test]
    fn replies_respect_locks_and_quote_only_their_thread() {
        let t = Uuid::from_u128(1);
        assert_eq!(may_reply(true, t, None), Err(Refusal::Locked));
        assert_eq!(may_reply(false, t, None), Ok(()));
        assert_eq!(may_reply(false, t, Some(t)), Ok(()));
        assert_eq!(
            may_reply(false, t, Some(Uuid::from_u128(2))),
            Err(Refusal::QuoteElsewhere)
        );
    }

    #[test]
    fn markdown_is_sanitised_as_products_are() {
        let html = render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) **ok**");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(html.contains("<strong>ok</strong>"), "{html}");
        assert_eq!(
            html,
            crate::products::text::render(
                "<script>alert(1)</script>\n\n[x](javascript:alert(1)) **ok**"
            )
        );
    }
}
