//! The review workflow's transitions, with notifications in the app and by email, and the
//! anchored, threaded, resolvable comments.

use super::{find, path};
use crate::http::{error_page, see_other, AppError, AppResult, Form, PathIds};
use crate::session::Viewer;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use db::products::{Notice, Product};
use domain::products::quality;
use domain::products::review::{decide, Action};
use domain::products::Content;
use domain::roles::Role;
use serde::Deserialize;
use uuid::Uuid;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ReviewForm {
    action: String,
    note: String,
}

/// The people to tell: the administration's tutors when the authors act, the product's
/// contributors and the administration's coordinators when a reviewer acts.
async fn recipients(
    state: &AppState,
    p: &Product,
    to_reviewers: bool,
) -> AppResult<Vec<(Uuid, String)>> {
    let people = db::accounts::organisation_people(&state.db, p.organisation_id).await?;
    let contributors = db::products::contributors(&state.db, p.id).await?;
    let mut out: Vec<(Uuid, String)> = Vec::new();
    for person in people {
        let wanted = if to_reviewers {
            person.role == Role::Tutor.code()
        } else {
            person.role == Role::Coordinator.code() || contributors.contains(&person.user_id)
        };
        if wanted && !out.iter().any(|(id, _)| *id == person.user_id) {
            out.push((person.user_id, person.email));
        }
    }
    Ok(out)
}

/// Queues an email about a product to each recipient, in the recipient's language.
async fn email(
    state: &AppState,
    to: &[(Uuid, String)],
    kind: &str,
    p: &Product,
    note: &str,
) -> AppResult<()> {
    use domain::notifications::Kind;
    let link = format!("{}{}", state.config.base_url, path(p));
    let base = &state.config.base_url;
    for (person, address) in to {
        let locale = crate::mail::locale_of(&state.db, *person).await?;
        // As the person prefers: at once (with a one-click unsubscribe link) or not at all.
        let Some(signed) =
            crate::notifications::emails::signed(&state.db, base, *person, Kind::Review, locale)
                .await?
        else {
            continue;
        };
        let subject = state.i18n.message(
            locale,
            &format!("mail-product-{kind}-subject"),
            &[("title", p.title.clone().into())],
        );
        let mut body = state.i18n.message(
            locale,
            &format!("mail-product-{kind}-body"),
            &[
                ("title", p.title.clone().into()),
                ("link", link.clone().into()),
            ],
        );
        if !note.is_empty() {
            body.push_str("\n\n");
            body.push_str(note);
        }
        let payload =
            crate::mail::payload_unsubscribable(address, &subject, &signed.body(&body), signed.url);
        db::jobs::enqueue(&state.db, crate::mail::KIND, Some(address), &payload).await?;
    }
    Ok(())
}

pub(super) async fn review(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
    Form(form): Form<ReviewForm>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    let action = Action::parse(form.action.trim()).ok_or(AppError::BadRequest("error-bad-form"))?;
    let mut errors = domain::validation::Errors::default();
    let note = domain::validation::optional_text(&mut errors, "note", &form.note, 2_000)
        .unwrap_or_default();
    if !errors.is_empty() {
        return Err(AppError::invalid(&errors));
    }
    let actor = super::actor(&state, &viewer, &p).await?;
    let from = super::state_of(&p);
    let to = match decide(from, action, actor) {
        Ok(to) => to,
        Err(refusal) => {
            let status = match refusal {
                domain::products::review::Refusal::WrongState => StatusCode::CONFLICT,
                _ => StatusCode::FORBIDDEN,
            };
            return Ok(error_page(status, refusal.message()));
        }
    };
    if action == Action::Submit {
        if let Content::Logframe(lf) = Content::from_json(&p.content) {
            if quality::blocks_submission(&quality::check(&lf)) {
                return Ok(see_other(&format!("{}?done=blocked#quality", path(&p))));
            }
        }
    }
    let to_reviewers = action == Action::Submit;
    let people = recipients(&state, &p, to_reviewers).await?;
    let kind = to.code();
    let notice = Notice {
        to: people
            .iter()
            .map(|(id, _)| *id)
            .filter(|id| Some(*id) != viewer.user_id())
            .collect(),
        kind: match to {
            domain::products::review::State::Submitted => "submitted",
            domain::products::review::State::Resubmitted => "resubmitted",
            domain::products::review::State::ChangesRequested => "changes_requested",
            _ => "approved",
        },
        title: p.title.clone(),
        link: path(&p),
    };
    let label = state.i18n.t(viewer.locale, &format!("event-{kind}"));
    let t = db::products::Transition {
        from: from.code(),
        to: kind,
        action: kind,
        note: &note,
        snapshot_label: (action == Action::Submit).then_some(label.as_str()),
        notice,
    };
    match db::products::transition(&state.db, p.id, &t, viewer.user_id()).await {
        Ok(()) => {}
        Err(db::DbError::Conflict) => {
            return Ok(error_page(StatusCode::CONFLICT, "review-refused-state"))
        }
        Err(e) => return Err(e.into()),
    }
    let emailed: Vec<(Uuid, String)> = people
        .into_iter()
        .filter(|(id, _)| Some(*id) != viewer.user_id())
        .collect();
    email(&state, &emailed, kind, &p, &note).await?;
    Ok(see_other(&format!("{}?done={kind}", path(&p))))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct CommentForm {
    anchor: String,
    parent: String,
    body: String,
    /// The version the commenter was looking at (empty: the draft).
    version: String,
}

pub(super) async fn comment(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
    Form(form): Form<CommentForm>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    let body = domain::products::check_comment(&form.body).map_err(|e| AppError::invalid(&e))?;
    let version_number: i64 = match form.version.trim() {
        "" => 0,
        v => {
            let n: i64 = v
                .parse()
                .map_err(|_| AppError::BadRequest("error-bad-form"))?;
            if db::products::version(&state.db, p.id, n).await?.is_none() {
                return Err(AppError::BadRequest("error-bad-form"));
            }
            n
        }
    };
    let parent = match form.parent.trim() {
        "" => None,
        s => Some(Uuid::parse_str(s).map_err(|_| AppError::BadRequest("error-bad-form"))?),
    };
    let anchor = form.anchor.trim();
    if parent.is_none() && !anchor.is_empty() {
        // A new thread points at an element of the version it was written on.
        let content = if version_number == 0 {
            Content::from_json(&p.content)
        } else {
            db::products::version(&state.db, p.id, version_number)
                .await?
                .map(|v| Content::from_json(&v.content))
                .unwrap_or(Content::from_json(&p.content))
        };
        if !content.anchors().iter().any(|(a, _)| a == anchor) {
            return Err(AppError::BadRequest("error-choose"));
        }
    }
    let actor = super::actor(&state, &viewer, &p).await?;
    let people = recipients(&state, &p, !actor.reviewer).await?;
    let notice = Notice {
        to: people.iter().map(|(id, _)| *id).collect(),
        kind: "comment",
        title: p.title.clone(),
        link: path(&p),
    };
    let new = db::products::NewComment {
        product: p.id,
        parent,
        version_number,
        anchor,
        body: &body,
    };
    match db::products::comment(&state.db, &new, viewer.user_id(), &notice).await {
        Ok(c) => Ok(see_other(&format!("{}#c-{c}", path(&p)))),
        Err(db::DbError::NotFound) => Err(AppError::BadRequest("error-bad-form")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ResolveForm {
    /// `0` reopens the thread.
    resolved: String,
}

pub(super) async fn resolve(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product, comment)): PathIds<(Uuid, Uuid, Uuid)>,
    Form(form): Form<ResolveForm>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    // The form's two buttons send `1` and `0`; anything else resolves nothing.
    let resolved = match form.resolved.trim() {
        "1" => true,
        "0" => false,
        _ => return Err(AppError::BadRequest("error-unknown-choice")),
    };
    db::products::resolve(&state.db, p.id, comment, resolved, viewer.user_id()).await?;
    Ok(see_other(&format!("{}#c-{comment}", path(&p))))
}
