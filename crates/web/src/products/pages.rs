//! The product list of a workspace, a new product, the product page, versions and comparison.

use super::{content_view, find, organisation, view};
use crate::http::{see_other, with_status, AppError, AppResult, Form, Id, PathIds, Query};
use crate::session::{field_errors, render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use domain::locale::Locale;
use domain::products::diff;
use domain::products::logframe::{Level, Logframe, Mode};
use domain::products::{Content, KINDS};
use domain::validation::Errors;
use minijinja::{context, Value};
use serde::Deserialize;
use std::sync::Arc;
use uuid::Uuid;

pub(super) async fn list(State(state): State<AppState>, viewer: Viewer, Id(org): Id) -> AppResult {
    let o = organisation(&state, org).await?;
    let body = list_body(&state, org, viewer.locale).await?;
    render(
        &state,
        &viewer,
        "products/list.html",
        context! { o, body, may_create => viewer.may("products.new", Some(org)) },
    )
}

/// The workspace's products and recent activity, rendered; kept while no product changed and
/// nobody was renamed, as it is the same for everyone who may see the list.
async fn list_body(state: &AppState, org: Uuid, locale: Locale) -> AppResult<Arc<str>> {
    let key = format!("products/{org}/{}", locale.code());
    let html = state
        .kept
        .get_or_compute(&state.db, key, super::LIST_PARTS, || async {
        let products: Vec<Value> = db::products::list(&state.db, org)
            .await?
            .into_iter()
            .map(|s| {
                context! { id => s.id, kind => s.kind, title => s.title, state => s.state,
                due_on => s.due_on.map(|d| locale.date(d)), updated_at => locale.date_time(s.updated_at),
                versions => s.versions, open_comments => s.open_comments }
            })
            .collect();
        let feed: Vec<Value> = db::products::feed(&state.db, org, 15)
            .await?
            .into_iter()
            .map(|e| {
                context! { product_id => e.product_id, product_title => e.product_title, kind => e.kind,
                actor => e.actor_name, at => locale.date_time(e.at), detail => e.detail }
            })
            .collect();
        let html: Arc<str> = state
            .templates
            .render(
                locale,
                "products/_list.html",
                context! { org, products, feed },
            )?
            .into();
        Ok::<_, AppError>(html)
    })
        .await?;
    Ok((*html).clone())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct NewForm {
    title: String,
    kind: String,
    mode: String,
    due_on: String,
    /// A published model to start from.
    model: String,
    /// A good practice of the library to start from.
    practice: String,
    /// A lab session the product is due for (its day becomes the deadline).
    session: String,
}

/// The coming lab sessions of the administration's groups: (id, label), for the deadline.
async fn coming_sessions(
    state: &AppState,
    viewer: &Viewer,
    org: Uuid,
) -> AppResult<Vec<(Uuid, String, chrono::NaiveDate)>> {
    let filter = db::labs::Filter {
        organisation: Some(org),
        from: Some(state.db.now()),
        limit: Some(30),
        ..Default::default()
    };
    Ok(db::labs::list(&state.db, &filter)
        .await?
        .into_iter()
        .map(|s| {
            let day = s
                .starts_at
                .with_timezone(&chrono_tz::Europe::Rome)
                .date_naive();
            (
                s.id,
                format!("{} — {}", viewer.locale.date(day), s.title),
                day,
            )
        })
        .collect())
}

/// Where a new product's first content comes from besides its kind's outline.
enum Source {
    Model(Box<db::products::Product>),
    Practice(Box<(db::library::Document, domain::library::practices::Practice)>),
}

/// Reads the model or good practice a new product starts from; a model that is not published or
/// a practice the viewer may not see is refused.
async fn source(state: &AppState, viewer: &Viewer, form: &NewForm) -> AppResult<Option<Source>> {
    if !form.model.trim().is_empty() {
        let id = Uuid::parse_str(form.model.trim()).map_err(|_| AppError::NotFound)?;
        let p = db::products::get(&state.db, id)
            .await?
            .filter(|p| p.model)
            .ok_or(AppError::NotFound)?;
        return Ok(Some(Source::Model(Box::new(p))));
    }
    if !form.practice.trim().is_empty() {
        let id = Uuid::parse_str(form.practice.trim()).map_err(|_| AppError::NotFound)?;
        let doc = crate::shared::library::document(state, viewer, id).await?;
        let practice = db::library::practice(&state.db, doc.id)
            .await?
            .ok_or(AppError::NotFound)?;
        return Ok(Some(Source::Practice(Box::new((doc, practice)))));
    }
    Ok(None)
}

async fn new_page(
    state: &AppState,
    viewer: &Viewer,
    org: Uuid,
    form: &NewForm,
    errors: &Errors,
) -> AppResult {
    let o = organisation(state, org).await?;
    let (from, title, kind) = match source(state, viewer, form).await? {
        Some(Source::Model(p)) => (
            Some(context! { model => p.id, title => p.title.clone() }),
            if form.title.is_empty() {
                p.title
            } else {
                form.title.clone()
            },
            p.kind,
        ),
        Some(Source::Practice(found)) => {
            let doc = &found.0;
            (
                Some(context! { practice => doc.id, title => doc.title.clone() }),
                if form.title.is_empty() {
                    doc.title.clone()
                } else {
                    form.title.clone()
                },
                if form.kind.is_empty() {
                    "document".to_string()
                } else {
                    form.kind.clone()
                },
            )
        }
        None => (None, form.title.clone(), form.kind.clone()),
    };
    let sessions: Vec<Value> = coming_sessions(state, viewer, org)
        .await?
        .into_iter()
        .map(|(id, label, _)| context! { id => id.to_string(), label })
        .collect();
    render(
        state,
        viewer,
        "products/new.html",
        context! { o, kinds => KINDS, title, kind, mode => form.mode, from, sessions, session => form.session,
        due_on => form.due_on, errors => field_errors(state, viewer, errors) },
    )
}

pub(super) async fn new(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(org): Id,
    Query(form): Query<NewForm>,
) -> AppResult {
    new_page(&state, &viewer, org, &form, &Errors::default()).await
}

/// The first content of a new product: the outline of its kind in the author's language, or an
/// empty logframe of the chosen mode.
fn starter(state: &AppState, viewer: &Viewer, kind: &str, mode: Mode) -> Content {
    if kind == "logframe" {
        // Numbers written without a format are read in the language the author works in.
        let mut lf = Logframe::starter(mode);
        lf.language = viewer.locale.code().to_string();
        return Content::Logframe(lf);
    }
    if kind == "strategic_plan" {
        return Content::StrategicPlan(Default::default());
    }
    let markdown: String = domain::products::sections(kind)
        .iter()
        .map(|s| format!("## {}\n\n\n", state.i18n.t(viewer.locale, s)))
        .collect();
    Content::Text { markdown }
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(org): Id,
    Form(form): Form<NewForm>,
) -> AppResult {
    let checked = domain::products::check_new(&form.title, &form.kind);
    let mut errors = checked.clone().err().unwrap_or_default();
    let mut due = domain::validation::optional_date(&mut errors, "due_on", &form.due_on);
    // A lab session sets the deadline to its day.
    let mut session = None;
    if !form.session.trim().is_empty() {
        let chosen = Uuid::parse_str(form.session.trim()).ok();
        match coming_sessions(&state, &viewer, org)
            .await?
            .into_iter()
            .find(|(id, _, _)| Some(*id) == chosen)
        {
            Some((id, _, day)) => {
                session = Some(id);
                due = Some(day);
            }
            None => errors.add("session", "error-choose"),
        }
    }
    let mode = if form.mode.trim().is_empty() {
        Some(Mode::Classic)
    } else {
        Mode::parse(form.mode.trim())
    };
    if mode.is_none() {
        errors.add("mode", "error-choose");
    }
    let (Ok((title, kind)), Some(mode), true) = (checked, mode, errors.is_empty()) else {
        return with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            new_page(&state, &viewer, org, &form, &errors).await,
        );
    };
    let (kind, content, model_of) = match source(&state, &viewer, &form).await? {
        Some(Source::Model(p)) => {
            // A model's budget was tied to its own administration's logframe: the copy is tied
            // to this one's.
            let content = match Content::from_json(&p.content) {
                Content::Budget(mut bp) => {
                    if super::budget::logframe(&state, org, &bp.logframe)
                        .await?
                        .is_none()
                    {
                        if let Content::Budget(fresh) = super::budget::starter(&state, org).await? {
                            bp.logframe = fresh.logframe;
                        }
                    }
                    Content::Budget(bp).to_json()
                }
                Content::Partnership(mut pp) => {
                    if super::budget::logframe(&state, org, &pp.logframe)
                        .await?
                        .is_none()
                    {
                        if let Content::Partnership(fresh) =
                            super::partnership::starter(&state, org).await?
                        {
                            pp.logframe = fresh.logframe;
                        }
                    }
                    Content::Partnership(pp).to_json()
                }
                // A model's proposal drew on its own administration's products: the copy keeps
                // the call and the writing, and draws on this one's.
                Content::Proposal(mut pp) => {
                    let theirs = super::budget::logframe(&state, org, &pp.logframe)
                        .await?
                        .is_none();
                    if theirs {
                        if let Content::Proposal(fresh) =
                            super::proposal::starter(&state, org).await?
                        {
                            pp.schedule.clear();
                            pp.logframe = fresh.logframe;
                            pp.strategic_plan = fresh.strategic_plan;
                        }
                    }
                    Content::Proposal(pp).to_json()
                }
                _ => p.content.clone(),
            };
            (p.kind.clone(), content, Some(p.id))
        }
        Some(Source::Practice(found)) => {
            let (doc, practice) = *found;
            // A practice becomes text: a logframe cannot start from prose.
            let kind = if kind == "logframe" { "document" } else { kind };
            let markdown = super::models::from_practice(&state, &viewer, &doc.title, &practice);
            (kind.to_string(), Content::Text { markdown }.to_json(), None)
        }
        None if kind == "budget" => (
            kind.to_string(),
            super::budget::starter(&state, org).await?.to_json(),
            None,
        ),
        None if kind == "project_proposal" => (
            kind.to_string(),
            super::proposal::starter(&state, org).await?.to_json(),
            None,
        ),
        None if kind == "partnership_plan" => (
            kind.to_string(),
            super::partnership::starter(&state, org).await?.to_json(),
            None,
        ),
        None => (
            kind.to_string(),
            starter(&state, &viewer, kind, mode).to_json(),
            None,
        ),
    };
    let new = db::products::NewProduct {
        organisation: org,
        kind: &kind,
        title: &title,
        content: &content,
        due_on: due,
        model_of,
        session,
    };
    let product = db::products::create(&state.db, &new, viewer.user_id()).await?;
    if let Some(due) = due {
        super::reminders::schedule(&state.db, product, due).await?;
    }
    Ok(see_other(&format!(
        "/organisations/{org}/products/{product}/edit"
    )))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ShowQuery {
    /// A version number to show instead of the draft.
    v: Option<String>,
    done: Option<String>,
}

pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
    Query(q): Query<ShowQuery>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    let locale = viewer.locale;
    let shown_version = match q.v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => {
            let n: i64 = v.parse().map_err(|_| AppError::NotFound)?;
            Some(
                db::products::version(&state.db, p.id, n)
                    .await?
                    .ok_or(AppError::NotFound)?,
            )
        }
        None => None,
    };
    let content = Content::from_json(
        shown_version
            .as_ref()
            .map(|v| v.content.as_str())
            .unwrap_or(&p.content),
    );
    let actor = super::actor(&state, &viewer, &p).await?;
    let st = super::state_of(&p);
    let actions: Vec<&str> = domain::products::review::available(st, actor)
        .into_iter()
        .map(|a| a.code())
        .collect();
    let may_comment = viewer.may("products.comment", Some(p.organisation_id));
    let body = show_body(
        &state,
        &p,
        shown_version.as_ref(),
        &content,
        locale,
        may_comment,
    )
    .await?;
    let latest = db::products::latest_version(&state.db, p.id).await?;
    // The approved version comes first among the downloads.
    let approved = super::export::reviewed(&state, &p)
        .await?
        .filter(|r| r.state == domain::products::review::State::Approved)
        .map(|r| r.number);
    let org = organisation(&state, p.organisation_id).await?;
    render(
        &state,
        &viewer,
        "products/show.html",
        context! {
            o => org, p => view(&p, locale),
            content => context! { type => content.type_code() },
            shown => shown_version.as_ref().map(|v| context! { number => v.number, label => v.label,
                at => locale.date_time(v.created_at), by => v.created_by_name, title => v.title }),
            latest, actions, body, approved,
            may_edit => viewer.may("products.edit", Some(p.organisation_id)) && st.editable(),
            may_publish => viewer.may("products.publish_model", None) && st == domain::products::review::State::Approved,
            due_session => match p.session_id {
                Some(sid) => db::labs::get(&state.db, sid).await?.map(|s| context! { id => s.id, title => s.title }),
                None => None,
            },
            is_model => p.model,
            done => q.done,
        },
    )
}

/// A product's content (at the version shown), its discussion and its history, rendered; kept
/// while no product changed, nobody was renamed and the library's themes (which name a strategic
/// plan's areas) are unchanged, as it is the same for everyone who may see the product and may
/// comment on it, or not.
async fn show_body(
    state: &AppState,
    p: &db::products::Product,
    shown: Option<&db::products::Version>,
    content: &Content,
    locale: Locale,
    may_comment: bool,
) -> AppResult<Arc<str>> {
    // The product was read before the generations: its edit and state are in the key, so that
    // what is kept from it never outlives a change to it.
    // A partnership's eligibility reads the call's deadline against today: the day is in its key.
    let day = match content {
        Content::Partnership(_) | Content::Proposal(_) => {
            super::partnership::today(state).to_string()
        }
        _ => String::new(),
    };
    let key = format!(
        "product/{}/{}/{}/{}/{}/{may_comment}/{day}",
        p.id,
        p.version,
        p.state.code(),
        shown.map(|v| v.number).unwrap_or(0),
        locale.code()
    );
    let html = state
        .kept
        .get_or_compute(&state.db, key, super::SHOW_PARTS, || async {
        let areas = super::strategy::area_names(state, locale).await?;
        let anchors = super::anchor_labels(state, locale, content, &areas);
        let comments = db::products::comments(&state.db, p.id).await?;
        let forms = may_comment.then(|| {
        super::threads::Forms {
            organisation: p.organisation_id,
            product: p.id,
            version: shown.map(|v| v.number),
        }
        .view()
    });
    let threads = super::threads::view(comments, &anchors, locale);
    let history: Vec<Value> = db::products::history(&state.db, p.id)
            .await?
            .into_iter()
            .map(|e| context! { kind => e.kind, actor => e.actor_name, at => locale.date_time(e.at), detail => e.detail })
            .collect();
        let st = super::state_of(p);
        let findings = match (content, st.editable() || st.awaiting_review()) {
            (Content::Logframe(lf), true) => super::edit::findings(state, locale, lf),
            _ => vec![],
        };
        // Each activity's cost from the budget tied to this logframe, in the matrix.
        let budget_costs = match content {
            Content::Logframe(lf) => {
                Some(super::budget::activity_costs(state, locale, p.organisation_id, p.id, lf).await?)
            }
            _ => None,
        };
        let html: Arc<str> = state
            .templates
            .render(
                locale,
                "products/_show.html",
                context! {
                    o => context! { id => p.organisation_id }, p => context! { id => p.id },
                    content => content_view(state, locale, p.organisation_id, content).await?,
                    anchors => anchors.iter().map(|(a, l)| context! { anchor => a, label => l }).collect::<Vec<_>>(),
                    shown => shown.map(|v| context! { number => v.number }),
                    threads, forms, history, findings, may_comment, budget_costs,
                },
            )?
            .into();
        Ok::<_, AppError>(html)
    })
        .await?;
    Ok((*html).clone())
}

pub(super) async fn versions(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    let locale = viewer.locale;
    let versions: Vec<Value> = db::products::versions(&state.db, p.id)
        .await?
        .into_iter()
        .map(|v| {
            context! { number => v.number, label => v.label, title => v.title,
            by => v.created_by_name, at => locale.date_time(v.created_at) }
        })
        .collect();
    let org = organisation(&state, p.organisation_id).await?;
    render(
        &state,
        &viewer,
        "products/versions.html",
        context! { o => org, p => view(&p, locale), versions },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct CompareQuery {
    a: String,
    b: String,
}

/// Reads a version reference: a number, or `draft` for the current draft.
async fn side(
    state: &AppState,
    p: &db::products::Product,
    which: &str,
) -> AppResult<(String, Content)> {
    let which = which.trim();
    if which == "draft" || which.is_empty() {
        return Ok(("draft".into(), Content::from_json(&p.content)));
    }
    let n: i64 = which
        .parse()
        .map_err(|_| AppError::BadRequest("error-choose"))?;
    let v = db::products::version(&state.db, p.id, n)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((n.to_string(), Content::from_json(&v.content)))
}

pub(super) async fn compare(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
    Query(q): Query<CompareQuery>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    let locale = viewer.locale;
    let (a_name, a) = side(&state, &p, &q.a).await?;
    let (b_name, b) = side(&state, &p, &q.b).await?;
    let comparison = match (&a, &b) {
        (Content::Logframe(x), Content::Logframe(y)) => {
            let d = diff::logframes(x, y);
            let labels: std::collections::BTreeMap<&str, String> = Level::ALL
                .iter()
                .map(|l| (l.code(), state.i18n.t(locale, l.label(y.mode))))
                .collect();
            context! { type => "logframe", mode => y.mode.code(), diff => d, labels }
        }
        (Content::Text { markdown: x }, Content::Text { markdown: y }) => {
            let lines = diff::lines(x, y);
            let changed = lines
                .iter()
                .filter(|l| l.change != diff::Change::Same)
                .count();
            context! { type => "text", lines, changed }
        }
        (Content::StrategicPlan(x), Content::StrategicPlan(y)) => {
            let x = super::strategy::markdown(&state, locale, p.organisation_id, x).await?;
            let y = super::strategy::markdown(&state, locale, p.organisation_id, y).await?;
            let lines = diff::lines(&x, &y);
            let changed = lines
                .iter()
                .filter(|l| l.change != diff::Change::Same)
                .count();
            context! { type => "text", lines, changed }
        }
        (Content::Budget(x), Content::Budget(y)) => {
            super::budget::comparison(&state, locale, p.organisation_id, x, y).await?
        }
        (Content::Partnership(x), Content::Partnership(y)) => {
            super::partnership::comparison(&state, locale, x, y)
        }
        (Content::Proposal(x), Content::Proposal(y)) => {
            let x = super::proposal::markdown(&state, locale, x);
            let y = super::proposal::markdown(&state, locale, y);
            let lines = diff::lines(&x, &y);
            let changed = lines
                .iter()
                .filter(|l| l.change != diff::Change::Same)
                .count();
            context! { type => "text", lines, changed }
        }
        _ => context! { type => "mixed" },
    };
    let versions: Vec<Value> = db::products::versions(&state.db, p.id)
        .await?
        .into_iter()
        .map(|v| context! { number => v.number, label => v.label })
        .collect();
    let org = organisation(&state, p.organisation_id).await?;
    render(
        &state,
        &viewer,
        "products/compare.html",
        context! { o => org, p => view(&p, locale), a => a_name, b => b_name, comparison, versions },
    )
}
