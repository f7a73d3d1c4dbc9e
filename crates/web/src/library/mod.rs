//! The library: faceted full-text search over documents, the document page, upload and
//! editing, downloads (with byte ranges), vocabularies for staff, and the extraction job.

pub(crate) mod documents;
pub mod extract;
pub(crate) mod map;
pub(crate) mod reading;

pub use crate::shared::library::NAMES_PARTS;
pub(crate) use crate::shared::library::{is_staff, scope, Names};
mod search;
mod themes;

use crate::kept::Weigh;
use crate::route::{route, Route};
use crate::state::AppState;
use axum::http::Method;
use db::Part;
use domain::library::text::{plain_text, snippet, Piece};
use domain::library::Scope;
use std::sync::Arc;

/// What a search's results depend on: the documents (their metadata, text and visibility).
pub const SEARCH_PARTS: &[Part] = &[Part::Library];

/// Library searches that miss the kept values run at most two at a time (the other requests
/// wait, then find the result kept), so that a burst of identical searches computes each once.
static SEARCHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// A search's results as pages show them: each hit's title and text with the query's words
/// marked are worked out once, with the results (they took most of the search page's time when
/// done on every request), and the hits' text, only read for them, is dropped from the cache.
#[derive(Debug)]
pub(crate) struct Found {
    pub results: db::library::Results,
    /// Per hit, in order: the title and the snippet of the text as HTML, escaped, with the
    /// query's words in `<mark>`.
    pub snippets: Vec<(String, String)>,
}

/// Pieces of text as HTML: every piece escaped, the query's words in `<mark>`. Done here once per
/// cached search rather than by a template loop on every page.
pub(crate) fn marked(pieces: &[Piece]) -> String {
    use std::fmt::Write;
    let mut html = String::new();
    for p in pieces {
        let text = minijinja::HtmlEscape(&p.text);
        // Writing into a String cannot fail.
        let _ = if p.hit {
            write!(html, "<mark>{text}</mark>")
        } else {
            write!(html, "{text}")
        };
    }
    html
}

impl Found {
    fn new(mut results: db::library::Results, query: &domain::library::query::Query) -> Found {
        let highlight = query.highlight();
        let snippets = results
            .hits
            .iter_mut()
            .map(|h| {
                let text = std::mem::take(&mut h.text);
                // Documents written as Markdown show their words, not their marks.
                let source = if text.is_empty() || query.is_empty() {
                    h.summary.clone()
                } else {
                    format!("{}\n{}", h.summary, plain_text(&text))
                };
                (
                    marked(&snippet(&h.title, &h.language, &highlight, 60)),
                    marked(&snippet(&source, &h.language, &highlight, 40)),
                )
            })
            .collect();
        Found { results, snippets }
    }
}

/// The results of `search` for `scope`, kept while the library's documents are unchanged.
pub(crate) async fn search(
    state: &AppState,
    search: &db::library::Search,
    scope: &Scope,
) -> Result<Arc<Found>, db::DbError> {
    let key = format!("library/search/{search:?}|{scope:?}");
    state
        .kept
        .get_or_compute_limited(&state.db, key, SEARCH_PARTS, &SEARCHING, || async {
            Ok(Found::new(
                db::library::search_in(&state.db, &state.catalogue, search, scope).await?,
                &search.query,
            ))
        })
        .await
}

impl Weigh for Found {
    fn weight(&self) -> usize {
        let hits: usize = self
            .results
            .hits
            .iter()
            .map(|h| h.title.len() + h.summary.len() + 256)
            .sum();
        let snippets: usize = self
            .snippets
            .iter()
            .map(|(a, b)| a.len() + b.len() + 48)
            .sum();
        hits + snippets + 1024
    }
}

/// The largest document file accepted.
pub const MAX_DOCUMENT_BYTES: usize = 25 * 1024 * 1024;

/// The extensions a library document may have.
pub const DOCUMENT_TYPES: &[&str] = &[
    "pdf", "docx", "odt", "xlsx", "pptx", "txt", "md", "html", "htm",
];

/// The library routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/library", "library.search", search::page),
        route(
            Method::GET,
            "/library/documents/new",
            "library.new",
            documents::new_form,
        ),
        route(
            Method::GET,
            "/library/practices/new",
            "library.practice_new",
            documents::new_practice,
        ),
        route(
            Method::POST,
            "/library/documents",
            "library.create",
            documents::create,
        )
        .with_body_limit(MAX_DOCUMENT_BYTES + 256 * 1024),
        route(
            Method::GET,
            "/library/documents/{id}",
            "library.document",
            documents::show,
        ),
        route(
            Method::GET,
            "/library/documents/{id}/file",
            "library.download",
            documents::download,
        ),
        route(
            Method::GET,
            "/library/documents/{id}/edit",
            "library.edit",
            documents::edit_form,
        ),
        route(
            Method::POST,
            "/library/documents/{id}",
            "library.update",
            documents::update,
        )
        .with_body_limit(256 * 1024),
        route(
            Method::POST,
            "/library/documents/{id}/delete",
            "library.delete",
            documents::delete,
        ),
        route(
            Method::POST,
            "/library/documents/{id}/extract",
            "library.retry",
            documents::retry,
        ),
        route(Method::GET, "/library/map", "library.map", map::page),
        route(
            Method::GET,
            "/library/map/shapes.svg",
            "library.map_shapes",
            map::shapes_file,
        ),
        route(
            Method::POST,
            "/library/documents/{id}/reading",
            "library.reading_add",
            reading::add,
        ),
        route(
            Method::POST,
            "/library/reading/{item}/remove",
            "library.reading_remove",
            reading::remove,
        ),
        route(
            Method::GET,
            "/library/themes",
            "library.themes",
            themes::page,
        ),
        route(
            Method::POST,
            "/library/themes",
            "library.theme_save",
            themes::save,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_text_is_escaped_and_only_the_query_words_are_marked() {
        let piece = |text: &str, hit| Piece {
            text: text.into(),
            hit,
        };
        let html = marked(&[
            piece("<script>alert('x')</script> & ", false),
            piece("coopérazione", true),
            piece(" \"decentrata\"", false),
        ]);
        assert_eq!(
            html,
            "&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt; &amp; <mark>coopérazione</mark> &quot;decentrata&quot;"
        );
        assert_eq!(marked(&[piece("<b>", true)]), "<mark>&lt;b&gt;</mark>");
        assert_eq!(marked(&[]), "");
    }
}
