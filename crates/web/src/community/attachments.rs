//! The library documents a message attaches: what the forms offer (the writer's own recent
//! documents, and any document by its address), the check that the writer sees each one, and
//! what a reader is shown of them (only the documents they see, and how many others there are).

use super::*;
use crate::shared::library::scope_for;
use domain::library::Scope;
use domain::validation::Errors;
use minijinja::{context, Value};
use std::collections::HashMap;

/// How many of the writer's own documents a form offers.
const OFFERED: i64 = 10;

/// A message form's documents as typed: the ids ticked in the list and the addresses written.
#[derive(Debug, Clone, Default)]
pub(super) struct Typed {
    pub chosen: Vec<String>,
    pub addresses: String,
}

impl Typed {
    /// Reads the documents' fields of a form's pair; false when the pair is not one of them.
    pub fn read(&mut self, key: &str, value: &str) -> bool {
        match key {
            // Bounded: a form offers a handful; anything more is refused by the count.
            "documents" if self.chosen.len() < 50 => self.chosen.push(value.to_string()),
            "documents" => {}
            "addresses" => self.addresses = value.to_string(),
            _ => return false,
        }
        true
    }
}

/// The documents `typed` names, checked: well formed, at most five, each existing and seen by the
/// viewer, except those in `kept` (already attached by this message: they stay without a check,
/// as an edit may be by someone whose reach has changed). On refusal, the errors on `documents`.
pub(super) async fn checked(
    state: &AppState,
    viewer: &Viewer,
    typed: &Typed,
    kept: &[Uuid],
) -> AppResult<Result<Vec<Uuid>, Errors>> {
    let ids = match domain::community::attachments(&typed.chosen, &typed.addresses) {
        Ok(ids) => ids,
        Err(e) => return Ok(Err(e)),
    };
    let fresh: Vec<Uuid> = ids.iter().copied().filter(|d| !kept.contains(d)).collect();
    if fresh.is_empty() {
        return Ok(Ok(ids));
    }
    let found = db::library::documents(&state.db, &fresh).await?;
    let scope = scope_for(state, viewer, found.iter().map(|d| d.visibility())).await?;
    let seen = found
        .iter()
        .filter(|d| scope.sees(d.visibility(), d.owner()))
        .count();
    if seen != fresh.len() {
        let mut e = Errors::default();
        e.add("documents", "community-error-attachment-unseen");
        return Ok(Err(e));
    }
    Ok(Ok(ids))
}

/// The writer's own recent documents that they see, for the form's list, each ticked when
/// `chosen` names it, leaving out those `listed` already.
pub(super) async fn offered(
    state: &AppState,
    viewer: &Viewer,
    chosen: &[String],
    listed: &[Uuid],
) -> AppResult<Vec<Value>> {
    let Some(user) = viewer.user_id() else {
        return Ok(Vec::new());
    };
    let own = db::library::of_author(&state.db, user, OFFERED).await?;
    if own.is_empty() {
        return Ok(Vec::new());
    }
    let scope = scope_for(state, viewer, own.iter().map(|d| d.visibility())).await?;
    Ok(own
        .into_iter()
        .filter(|d| !listed.contains(&d.id) && scope.sees(d.visibility(), d.owner()))
        .map(|d| {
            let checked = chosen.iter().any(|c| c.trim() == d.id.to_string());
            context! { id => d.id, title => d.title, checked }
        })
        .collect())
}

/// What the reader is shown of each message's documents: those they see (title, address), in
/// order, and how many others there are. `posts` are the messages that attach some.
pub(super) async fn shown(
    state: &AppState,
    viewer: &Viewer,
    posts: &[Uuid],
) -> AppResult<HashMap<Uuid, super::articles::Attached>> {
    let attached = db::community::attached(&state.db, posts).await?;
    if attached.is_empty() {
        return Ok(HashMap::new());
    }
    let mut ids: Vec<Uuid> = attached.values().flatten().copied().collect();
    ids.sort();
    ids.dedup();
    let found = db::library::documents(&state.db, &ids).await?;
    let scope: Scope = scope_for(state, viewer, found.iter().map(|d| d.visibility())).await?;
    let documents: HashMap<Uuid, db::library::Document> =
        found.into_iter().map(|d| (d.id, d)).collect();
    Ok(attached
        .into_iter()
        .map(|(post, list)| {
            let seen: Vec<(Uuid, String, String)> = list
                .iter()
                .filter_map(|id| documents.get(id))
                .filter(|d| scope.sees(d.visibility(), d.owner()))
                .map(|d| (d.id, d.title.clone(), d.kind.clone()))
                .collect();
            let others = list.len() - seen.len();
            (post, super::articles::Attached { seen, others })
        })
        .collect())
}
