//! The analysis page of a logframe: the problem tree and its objective tree, the stakeholder
//! matrix, and the rows the objective tree gives the matrix.

use super::{find, organisation, path, view};
use crate::http::{error_page, see_other, with_status, AppError, AppResult, Form, PathIds};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use db::products::Product;
use domain::products::analysis::{self, Analysis, Grade, NodeKind, Participation};
use domain::products::Content;
use minijinja::{context, Value};
use uuid::Uuid;

/// How many empty rows the form offers for new nodes and stakeholders.
const BLANK_ROWS: usize = 3;

fn tree_view(a: &Analysis) -> Value {
    let (effects, core, causes) = analysis::layout(a);
    let node = |p: &analysis::Placed| {
        let n = &a.nodes[p.index];
        context! { id => n.id, problem => n.problem, objective => n.objective, depth => p.depth }
    };
    context! {
        effects => effects.iter().map(node).collect::<Vec<_>>(),
        core => core.map(|i| context! { id => a.nodes[i].id, problem => a.nodes[i].problem, objective => a.nodes[i].objective }),
        causes => causes.iter().map(node).collect::<Vec<_>>(),
    }
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    p: &Product,
    a: &Analysis,
    edit: i64,
    problems: Vec<String>,
    done: bool,
) -> AppResult {
    let org = organisation(state, p.organisation_id).await?;
    let mut nodes: Vec<Value> = a
        .nodes
        .iter()
        .map(|n| context! { id => n.id, kind => n.kind.code(), parent => n.parent, problem => n.problem, objective => n.objective })
        .collect();
    for _ in 0..BLANK_ROWS {
        nodes.push(context! { id => "", kind => if a.nodes.is_empty() && nodes.is_empty() { "core" } else { "cause" }, parent => "", problem => "", objective => "" });
    }
    let mut stakeholders: Vec<Value> = a
        .stakeholders
        .iter()
        .map(|s| context! { name => s.name, interests => s.interests, influence => s.influence.code(), capacity => s.capacity.code(), participation => s.participation.code() })
        .collect();
    for _ in 0..BLANK_ROWS {
        stakeholders.push(context! { name => "", interests => "", influence => "medium", capacity => "medium", participation => "inform" });
    }
    let watch: Vec<String> = analysis::to_watch(a)
        .iter()
        .map(|s| s.name.clone())
        .collect();
    render(
        state,
        viewer,
        "products/analysis.html",
        context! {
            o => org, p => view(p, viewer.locale), tree => tree_view(a), nodes, stakeholders, watch,
            edit, problems, done,
            may_edit => viewer.may("products.analysis_save", Some(p.organisation_id)) && super::state_of(p).editable(),
            kinds => NodeKind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>(),
            grades => Grade::ALL.iter().map(|g| g.code()).collect::<Vec<_>>(),
            participations => Participation::ALL.iter().map(|x| x.code()).collect::<Vec<_>>(),
            parents => a.nodes.iter().map(|n| context! { id => n.id, problem => n.problem }).collect::<Vec<_>>(),
        },
    )
}

fn logframe_of(p: &Product) -> AppResult<domain::products::logframe::Logframe> {
    match Content::from_json(&p.content) {
        Content::Logframe(lf) => Ok(lf),
        _ => Err(AppError::NotFound),
    }
}

pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
    crate::http::Query(q): crate::http::Query<std::collections::HashMap<String, String>>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    let lf = logframe_of(&p)?;
    page(
        &state,
        &viewer,
        &p,
        &lf.analysis,
        p.version,
        vec![],
        q.contains_key("done"),
    )
    .await
}

pub(super) async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    let mut lf = logframe_of(&p)?;
    if !super::state_of(&p).editable() {
        return Ok(error_page(StatusCode::CONFLICT, "products-not-editable"));
    }
    let get = |k: &str| {
        fields
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let edit: i64 = get("edit").parse().unwrap_or(-1);
    let a = match analysis::from_form(&fields, &lf.analysis) {
        Ok(a) => a,
        Err(problems) => {
            let messages = problems
                .iter()
                .map(|m| state.i18n.t(viewer.locale, m))
                .collect();
            // Show what was typed, as far as it reads, with the problems.
            let typed = analysis::from_form_lenient(&fields);
            return with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                page(&state, &viewer, &p, &typed, edit, messages, false).await,
            );
        }
    };
    let generate = get("op") == "generate";
    lf.analysis = a;
    if generate {
        let tree = lf.analysis.clone();
        let rows = analysis::rows_from_objectives(&tree, &mut lf);
        // An empty matrix is replaced; otherwise the rows are added after the existing ones.
        if lf
            .rows
            .iter()
            .all(|r| r.text.trim().is_empty() && r.indicators.is_empty())
        {
            lf.rows = rows;
        } else {
            lf.rows.extend(rows);
        }
    }
    let json = Content::Logframe(lf.clone()).to_json();
    let save = db::products::Save {
        title: &p.title,
        content: &json,
        due_on: p.due_on,
        version_label: None,
    };
    match db::products::save(&state.db, p.id, edit, &save, viewer.user_id()).await {
        Ok(_) if generate => Ok(see_other(&format!("{}/edit?saved=1", path(&p)))),
        Ok(_) => Ok(see_other(&format!("{}/analysis?done=1", path(&p)))),
        Err(db::DbError::Conflict) => {
            let current = db::products::get(&state.db, p.id)
                .await?
                .ok_or(AppError::NotFound)?;
            let message = state.i18n.t(viewer.locale, "products-conflict-title");
            with_status(
                StatusCode::CONFLICT,
                page(
                    &state,
                    &viewer,
                    &current,
                    &lf.analysis,
                    current.version,
                    vec![message],
                    false,
                )
                .await,
            )
        }
        Err(e) => Err(e.into()),
    }
}
