//! Searching the discussions: the messages of every space the person sees, or of one of them,
//! with the library's query language and snippets; a hidden message is never found.

use super::*;
use crate::http::Query;
use crate::session::render;
use axum::extract::State;
use domain::library::text::{nfc, plain_text, snippet, words, Highlight};
use minijinja::{context, Value};
use serde::Deserialize;

/// Longest query read, in characters (the query keeps at most its first clauses anyway).
const MAX_QUERY: usize = 200;

#[derive(Deserialize, Default)]
pub(super) struct Asked {
    q: Option<String>,
    page: Option<i64>,
    space: Option<String>,
}

pub(super) async fn search(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(asked): Query<Asked>,
) -> AppResult {
    let who = viewer.principal.as_ref().ok_or(AppError::NotFound)?;
    let all = db::community::spaces_for(&state.db, who).await?;
    let typed: String = asked
        .q
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_QUERY)
        .collect();
    // One space the person sees, named `kind/id`; anything else searches them all.
    let within = asked.space.as_deref().and_then(|named| {
        let (kind, id) = named.split_once('/')?;
        let (kind, id) = (Kind::parse(kind)?, Uuid::parse_str(id).ok()?);
        all.iter().find(|s| s.kind == kind && s.id == id)
    });
    let spaces: Vec<(Kind, Uuid)> = match within {
        Some(s) => vec![(s.kind, s.id)],
        None => all.iter().map(|s| (s.kind, s.id)).collect(),
    };
    let query = domain::library::query::Query::parse(&typed);
    let page = asked.page.unwrap_or(1).max(1);
    let (found, total) = db::community::search(&state.db, &query, &spaces, page).await?;
    let highlight = query.highlight();
    let language = domain::community::CONTENT_LANGUAGE;
    let locale = viewer.locale;
    let results: Vec<Value> = found
        .into_iter()
        .map(|f| {
            let space = all
                .iter()
                .find(|s| s.kind.code() == f.space_kind && s.id == f.space_id);
            context! {
                id => f.id,
                title => whole_title(&f.thread_title, &highlight),
                text => crate::library::marked(&snippet(&plain_text(&f.body), language, &highlight, 40)),
                author => f.author_name,
                at => when(locale, f.created_at),
                space => space.map(|s| context! { name => s.name, path => space_path(s.kind, s.id) }),
            }
        })
        .collect();
    let per_page = db::community::FOUND_PER_PAGE;
    let pages = (total + per_page - 1) / per_page;
    let scope = within.map(|s| format!("{}/{}", s.kind.code(), s.id));
    let mut pairs = vec![("q", typed.clone())];
    if let Some(s) = &scope {
        pairs.push(("space", s.clone()));
    }
    let base = format!(
        "/community/search?{}&",
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    );
    render(
        &state,
        &viewer,
        "community/search.html",
        context! {
            q => typed, asked => !query.is_empty(), results, total, page, pages, base,
            within => within.map(|s| context! { name => s.name, code => scope, path => space_path(s.kind, s.id) }),
            section => "/community",
        },
    )
}

/// A thread's whole title, escaped, with the query's words marked (a snippet keeps only what lies
/// between the first and last words: the title's other characters are written around it).
fn whole_title(title: &str, highlight: &Highlight) -> String {
    let text = nfc(title);
    let found: Vec<(usize, &str)> = words(&text).collect();
    let (Some(first), Some(last)) = (found.first(), found.last()) else {
        return minijinja::HtmlEscape(&text).to_string();
    };
    let language = domain::community::CONTENT_LANGUAGE;
    format!(
        "{}{}{}",
        minijinja::HtmlEscape(&text[..first.0]),
        crate::library::marked(&snippet(&text, language, highlight, found.len())),
        minijinja::HtmlEscape(&text[last.0 + last.1.len()..])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_shown_whole_with_its_words_marked() {
        let h = domain::library::query::Query::parse("appalti").highlight();
        assert_eq!(
            whole_title("«Appalti» a Durrës?", &h),
            "«<mark>Appalti</mark>» a Durrës?"
        );
        assert_eq!(whole_title("???", &h), "???");
        assert_eq!(whole_title("<b>", &h), "&lt;b&gt;");
    }
}
