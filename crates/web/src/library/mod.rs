//! The library: faceted full-text search over documents, the document page, upload and
//! editing, downloads (with byte ranges), vocabularies for staff, and the extraction job.

pub(crate) mod documents;
pub mod extract;
pub(crate) mod map;
pub(crate) mod reading;
mod search;
mod themes;

use crate::routes::{route, Route};
use crate::session::Viewer;
use crate::state::AppState;
use axum::http::Method;
use domain::library::places;
use domain::library::text::{snippet, Piece};
use domain::library::Scope;
use domain::locale::Locale;
use domain::roles::Role;
use std::collections::HashMap;
use std::sync::Arc;

/// Cached library searches: results are reused while the library's generation is unchanged,
/// so that every instance serves fresh results after any change made through any instance.
/// Searches that miss the cache run at most two at a time (the other requests wait, then find
/// the result cached), so that a burst of identical searches computes each one once.
#[derive(Debug)]
pub struct SearchCache {
    entries: std::sync::Mutex<HashMap<String, (i64, std::sync::Arc<Found>)>>,
    computing: tokio::sync::Semaphore,
}

impl Default for SearchCache {
    fn default() -> Self {
        SearchCache {
            entries: Default::default(),
            computing: tokio::sync::Semaphore::new(2),
        }
    }
}

/// The most searches kept; the cache starts afresh when full.
const CACHE_ENTRIES: usize = 2_000;

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
                let source = if text.is_empty() || query.is_empty() {
                    h.summary.clone()
                } else {
                    format!("{}\n{}", h.summary, text)
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

impl SearchCache {
    fn cached(&self, key: &str, generation: i64) -> Option<std::sync::Arc<Found>> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(key)
            .filter(|(g, _)| *g == generation)
            .map(|(_, r)| r.clone())
    }

    /// The results of `search` for `scope`, from the cache when still current.
    pub(crate) async fn search(
        &self,
        state: &AppState,
        search: &db::library::Search,
        scope: &Scope,
    ) -> Result<std::sync::Arc<Found>, db::DbError> {
        let generation = db::library::generation(&state.db).await?;
        let key = format!("{search:?}|{scope:?}");
        if let Some(r) = self.cached(&key, generation) {
            return Ok(r);
        }
        let _permit = self.computing.acquire().await;
        if let Some(r) = self.cached(&key, generation) {
            return Ok(r);
        }
        let results = std::sync::Arc::new(Found::new(
            db::library::search(&state.db, search, scope).await?,
            &search.query,
        ));
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CACHE_ENTRIES {
                entries.clear();
            }
            entries.insert(key, (generation, results.clone()));
        }
        Ok(results)
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

/// Whether the viewer is programme staff (or an administrator): they see every document.
fn is_staff(viewer: &Viewer) -> bool {
    viewer
        .principal
        .as_ref()
        .is_some_and(|p| p.has_global(Role::Staff) || p.has_global(Role::Admin))
}

/// What the viewer may see of the library.
pub(crate) async fn scope(state: &AppState, viewer: &Viewer) -> Result<Scope, db::DbError> {
    let Some(p) = viewer.principal.as_ref() else {
        return Ok(Scope::default());
    };
    let organisations = p.organisations();
    let groups = db::library::groups_of(&state.db, &organisations).await?;
    Ok(Scope {
        everything: is_staff(viewer),
        signed_in: true,
        organisations,
        groups,
    })
}

/// Names of themes, places and kinds in the viewer's language.
pub(crate) struct Names {
    locale: Locale,
    macro_areas: HashMap<String, String>,
    /// The macro-areas' codes and names in the programme's order.
    macro_areas_in_order: Vec<(String, String)>,
    sectors: HashMap<String, String>,
}

/// The names of themes in every language as last read, with the library generation they were read
/// at: the sectors' code list runs to hundreds of rows and changes only with an import.
pub(crate) type NamesCache = std::sync::Mutex<Option<(i64, Vec<Arc<Names>>)>>;

impl Names {
    /// The names in `locale`, read again only when the library's generation changed (importing
    /// sectors and saving a macro-area raise it, through any instance).
    pub(crate) async fn load(state: &AppState, locale: Locale) -> Result<Arc<Names>, db::DbError> {
        let generation = db::library::generation(&state.db).await?;
        let cached = state.names_cache.lock().ok().and_then(|c| c.clone());
        let all = match cached {
            Some((g, all)) if g == generation => all,
            _ => {
                // Read after the generation, so never kept past a change (see `structure`).
                let areas = db::library::macro_areas(&state.db).await?;
                let sectors = db::library::sectors(&state.db).await?;
                let all: Vec<Arc<Names>> = Locale::ALL
                    .into_iter()
                    .map(|l| Arc::new(Names::new(l, &areas, &sectors)))
                    .collect();
                if let Ok(mut c) = state.names_cache.lock() {
                    *c = Some((generation, all.clone()));
                }
                all
            }
        };
        all.into_iter()
            .find(|n| n.locale == locale)
            .ok_or(db::DbError::NotFound)
    }

    fn new(
        locale: Locale,
        areas: &[db::library::MacroArea],
        sectors: &[db::library::Sector],
    ) -> Names {
        let macro_areas_in_order: Vec<(String, String)> = areas
            .iter()
            .map(|m| {
                let name = match locale {
                    Locale::It => &m.name_it,
                    Locale::En => &m.name_en,
                    Locale::Fr => &m.name_fr,
                };
                (m.code.clone(), name.clone())
            })
            .collect();
        let macro_areas = macro_areas_in_order.iter().cloned().collect();
        let sectors = sectors
            .iter()
            .map(|s| {
                let name = match (locale, &s.name_fr) {
                    (Locale::Fr, Some(fr)) => fr,
                    _ => &s.name_en,
                };
                (s.code.clone(), name.clone())
            })
            .collect();
        Names {
            locale,
            macro_areas,
            macro_areas_in_order,
            sectors,
        }
    }

    /// The macro-areas' codes and names in the programme's order.
    pub(crate) fn macro_areas_in_order(&self) -> &[(String, String)] {
        &self.macro_areas_in_order
    }

    pub(crate) fn theme(&self, code: &str) -> String {
        if let Some(m) = code.strip_prefix("m:") {
            self.macro_areas.get(m).cloned().unwrap_or_else(|| m.into())
        } else if let Some(d) = code.strip_prefix("dac:") {
            match self.sectors.get(d) {
                Some(n) => format!("{n} ({d})"),
                None => d.to_string(),
            }
        } else {
            code.to_string()
        }
    }

    pub(crate) fn place(&self, state: &AppState, code: &str) -> String {
        if let Some(c) = places::country(code) {
            c.name(self.locale).to_string()
        } else if let Some(r) = places::region_name(code) {
            r.to_string()
        } else if code.starts_with("group-") {
            state.i18n.t(self.locale, &format!("place-{code}"))
        } else {
            code.to_string()
        }
    }

    pub(crate) fn macro_area_list(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = self
            .macro_areas
            .iter()
            .map(|(c, n)| (format!("m:{c}"), n.clone()))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v
    }

    pub(crate) fn sector_list(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = self
            .sectors
            .iter()
            .map(|(c, n)| (format!("dac:{c}"), format!("{c} · {n}")))
            .collect();
        v.sort();
        v
    }
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
