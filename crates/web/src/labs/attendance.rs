//! The attendance register of a session (one tick per participant and half-day, hours computed),
//! corrected by staff and audited; and the attendance report across the programme, with exports.

use super::{find, hours, session_view};
use crate::http::{see_other, AppError, AppResult, Form, Id, Query};
use crate::kept::Weigh;
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use domain::labs::attendance::{half_days, minutes_attended, overall, rates_by, Line, Rate};
use minijinja::{context, Value};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

pub(super) async fn sheet(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let s = find(&state, id).await?;
    let days = half_days(s.starts_at, s.ends_at);
    let present = db::labs::attendance(&state.db, s.id).await?;
    let people = db::labs::participants(&state.db, s.id).await?;
    let rows: Vec<Value> = people
        .iter()
        .filter(|p| p.status == "registered")
        .map(|p| {
            let mine: Vec<i64> = present.iter().filter(|(u, _, _)| *u == p.user_id).map(|(_, h, _)| *h).collect();
            let checked_in = present.iter().any(|(u, _, src)| *u == p.user_id && src == "check_in");
            context! {
                user_id => p.user_id, name => p.name,
                organisations => p.organisations.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>(),
                cells => days.iter().map(|h| context! { index => h.index, present => mine.contains(&h.index) }).collect::<Vec<_>>(),
                hours => hours(minutes_attended(&days, &mine), viewer.locale), checked_in,
            }
        })
        .collect();
    render(
        &state,
        &viewer,
        "labs/register.html",
        context! {
            session => session_view(&s, &viewer, state.db.now()), rows,
            days => days.iter().map(|h| context! { index => h.index, hours => hours(h.minutes, viewer.locale) }).collect::<Vec<_>>(),
        },
    )
}

pub(super) async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let s = find(&state, id).await?;
    let days = half_days(s.starts_at, s.ends_at);
    let registered: Vec<Uuid> = db::labs::participants(&state.db, s.id)
        .await?
        .into_iter()
        .filter(|p| p.status == "registered")
        .map(|p| p.user_id)
        .collect();
    let mut present = Vec::new();
    for (name, value) in &pairs {
        if name != "present" {
            continue;
        }
        // Each tick is "<user id>:<half-day>"; anything else, or someone not registered, is refused.
        let (user, half) = value
            .split_once(':')
            .ok_or(AppError::BadRequest("error-bad-form"))?;
        let user = Uuid::parse_str(user).map_err(|_| AppError::BadRequest("error-bad-form"))?;
        let half: i64 = half
            .parse()
            .map_err(|_| AppError::BadRequest("error-bad-form"))?;
        if !registered.contains(&user) || !days.iter().any(|h| h.index == half) {
            return Err(AppError::BadRequest("error-bad-form"));
        }
        present.push((user, half));
    }
    db::labs::save_register(&state.db, s.id, &present, viewer.user_id()).await?;
    Ok(see_other(&format!(
        "/labs/sessions/{}/register?saved=1",
        s.id
    )))
}

/// The report's tables: per participant, organisation and module, and the overall rate.
pub(crate) struct Report {
    participants: Vec<(String, Rate)>,
    /// The administrations each participant's registrations count for, in `participants` order.
    administrations: Vec<String>,
    organisations: Vec<(String, Rate)>,
    modules: Vec<(String, Rate)>,
    pub(super) total: Rate,
}

/// The report, kept while sessions, registrations, attendance, the programme and people's names
/// and organisations are unchanged: it reads every registration of the season.
pub(super) async fn build(state: &AppState) -> AppResult<Arc<Report>> {
    state
        .kept
        .get_or_compute(&state.db, "labs/report".into(), super::REPORT_PARTS, || {
            work_out(state)
        })
        .await
}

impl Weigh for Report {
    fn weight(&self) -> usize {
        let line = |l: &Vec<(String, Rate)>| {
            l.iter()
                .map(|(n, _)| n.len() + std::mem::size_of::<(String, Rate)>())
                .sum::<usize>()
        };
        line(&self.participants)
            + line(&self.organisations)
            + line(&self.modules)
            + self
                .administrations
                .iter()
                .map(|a| a.len() + std::mem::size_of::<String>())
                .sum::<usize>()
    }
}

async fn work_out(state: &AppState) -> AppResult<Report> {
    let (rows, lines) = lines(state, None).await?;
    let names: HashMap<Uuid, String> = rows
        .iter()
        .map(|r| (r.user_id, r.user_name.clone()))
        .collect();
    let structure = crate::shared::structure::structure(state)
        .await?
        .unwrap_or_default();
    let mut org_ids: Vec<Uuid> = lines.iter().filter_map(|l| l.organisation).collect();
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs: HashMap<Uuid, String> = db::organisations::by_ids(&state.db, &org_ids)
        .await?
        .into_iter()
        .map(|o| (o.id, o.data.name))
        .collect();
    let modules: HashMap<Uuid, String> = structure
        .modules
        .iter()
        .map(|m| (m.id, m.title.clone()))
        .collect();
    let named = |list: Vec<(Uuid, Rate)>, names: &HashMap<Uuid, String>| -> Vec<(String, Rate)> {
        let mut out: Vec<(String, Rate)> = list
            .into_iter()
            .map(|(id, r)| (names.get(&id).cloned().unwrap_or_default(), r))
            .collect();
        // By name (Unicode collation, not code points: `Éco…` and `alfa…` before `Zeta…`).
        out.sort_by(|a, b| domain::locale::compare_names(&a.0, &b.0));
        out
    };
    // Each participant with the administrations their registrations count for.
    let mut participants: Vec<(String, String, Rate)> = rates_by(&lines, |l| Some(l.participant))
        .into_iter()
        .map(|(id, rate)| {
            let mut theirs: Vec<&str> = lines
                .iter()
                .filter(|l| l.participant == id)
                .filter_map(|l| l.organisation.and_then(|o| orgs.get(&o)))
                .map(String::as_str)
                .collect();
            theirs.sort_by(|a, b| domain::locale::compare_names(a, b));
            theirs.dedup();
            let name = names.get(&id).cloned().unwrap_or_default();
            (name, theirs.join(", "), rate)
        })
        .collect();
    participants.sort_by(|a, b| {
        domain::locale::compare_names(&a.0, &b.0)
            .then_with(|| domain::locale::compare_names(&a.1, &b.1))
    });
    // Modules in the programme's order (strands, then modules), as the programme lists them.
    let mut by_module = rates_by(&lines, |l| Some(l.module));
    let position: HashMap<Uuid, usize> = structure
        .modules
        .iter()
        .enumerate()
        .map(|(k, m)| (m.id, k))
        .collect();
    by_module.sort_by_key(|(id, _)| position.get(id).copied().unwrap_or(usize::MAX));
    Ok(Report {
        administrations: participants.iter().map(|p| p.1.clone()).collect(),
        participants: participants
            .into_iter()
            .map(|(name, _, rate)| (name, rate))
            .collect(),
        organisations: named(rates_by(&lines, |l| l.organisation), &orgs),
        modules: by_module
            .into_iter()
            .map(|(id, rate)| (modules.get(&id).cloned().unwrap_or_default(), rate))
            .collect(),
        total: overall(&lines),
    })
}

fn table(list: &[(String, Rate)], viewer: &Viewer) -> Vec<Value> {
    list.iter()
        .map(|(name, r)| {
            context! {
                name, expected => hours(r.expected, viewer.locale), attended => hours(r.attended, viewer.locale),
                percent => r.percent(),
            }
        })
        .collect()
}

pub(super) async fn report(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let r = build(&state).await?;
    render(
        &state,
        &viewer,
        "labs/report.html",
        context! {
            participants => table(&r.participants, &viewer), organisations => table(&r.organisations, &viewer),
            modules => table(&r.modules, &viewer), total => r.total.percent(),
            attended => hours(r.total.attended, viewer.locale), expected => hours(r.total.expected, viewer.locale),
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ExportQuery {
    by: String,
    format: String,
}

pub(super) async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<ExportQuery>,
) -> AppResult {
    let r = build(&state).await?;
    let (list, label) = match q.by.as_str() {
        "" | "participant" => (&r.participants, "report-participant"),
        "organisation" => (&r.organisations, "report-organisation"),
        "module" => (&r.modules, "report-module"),
        _ => return Err(AppError::BadRequest("error-unknown-choice")),
    };
    let t = |k: &str| state.i18n.t(viewer.locale, k);
    // The per-participant file says which administration each participant is from.
    let administrations = (label == "report-participant").then_some(&r.administrations);
    let mut header = vec![t(label)];
    if administrations.is_some() {
        header.push(t("report-administration"));
    }
    header.extend([
        t("report-expected-hours"),
        t("report-attended-hours"),
        t("report-rate"),
    ]);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let administration = |k: usize| administrations.map(|a| a.get(k).cloned().unwrap_or_default());
    let rows = list.iter().enumerate().map(|(k, (name, rate))| {
        let mut row = vec![name.clone()];
        row.extend(administration(k));
        row.extend([
            hours(rate.expected, viewer.locale),
            hours(rate.attended, viewer.locale),
            rate.percent().map(|p| p.to_string()).unwrap_or_default(),
        ]);
        row
    });
    let by = if q.by.is_empty() {
        "participant"
    } else {
        q.by.as_str()
    };
    if q.format == "xlsx" {
        use export::xlsx::Cell;
        let cells: Vec<Vec<Cell>> = list
            .iter()
            .enumerate()
            .map(|(k, (name, rate))| {
                let mut row = vec![Cell::Text(name.clone())];
                row.extend(administration(k).map(Cell::Text));
                row.extend([
                    Cell::Number(
                        domain::labs::attendance::hours_tenths(rate.expected) as f64 / 10.0,
                    ),
                    Cell::Number(
                        domain::labs::attendance::hours_tenths(rate.attended) as f64 / 10.0,
                    ),
                    rate.percent()
                        .map(|p| Cell::Number(p as f64))
                        .unwrap_or(Cell::Empty),
                ]);
                row
            })
            .collect();
        let bytes = export::xlsx::table(&t("report-title"), &header, &cells)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        return Ok((
            [
                (
                    header::CONTENT_TYPE,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"attendance-{by}.xlsx\""),
                ),
            ],
            bytes,
        )
            .into_response());
    }
    if !q.format.is_empty() && q.format != "csv" {
        return Err(AppError::BadRequest("error-unknown-choice"));
    }
    let bytes = export::csv_table(&header, rows).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"attendance-{by}.csv\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// Report lines of one person, or of everyone, with the organisation each registration counts for:
/// the person's organisation in the session's cohort when there is one.
pub(super) async fn lines(
    state: &AppState,
    person: Option<Uuid>,
) -> AppResult<(Vec<db::labs::ReportRow>, Vec<Line<Uuid>>)> {
    let rows = db::labs::report_rows(&state.db, person).await?;
    // A session's half-days are worked out once, not for each person registered to it.
    let mut days_of: HashMap<Uuid, (Vec<_>, i64)> = HashMap::new();
    let lines = rows
        .iter()
        .map(|r| {
            let (days, expected) = days_of.entry(r.session_id).or_insert_with(|| {
                let days = half_days(r.starts_at, r.ends_at);
                let expected = days.iter().map(|h| h.minutes).sum();
                (days, expected)
            });
            let expected = *expected;
            Line {
                participant: r.user_id,
                organisation: r.organisation,
                module: r.module_id,
                rate: Rate {
                    expected,
                    attended: minutes_attended(days, &r.present),
                },
            }
        })
        .collect();
    Ok((rows, lines))
}
