//! The strategic plan's view, form and text: macro-area names, target countries on the map,
//! the administration's logframes.

use crate::http::AppResult;
use crate::state::AppState;
use domain::library::places;
use domain::locale::Locale;
use domain::products::logframe::FieldProblem;
use domain::products::strategy::{self, StrategicPlan};
use minijinja::{context, Value};
use uuid::Uuid;

/// The programme's macro-areas: (code, name in `locale`).
pub(crate) async fn area_names(
    state: &AppState,
    locale: Locale,
) -> AppResult<Vec<(String, String)>> {
    let names = crate::shared::library::Names::load(state, locale).await?;
    Ok(names.macro_areas_in_order().to_vec())
}

/// The administration's logframes: (id, title, state).
pub(crate) async fn logframes(
    state: &AppState,
    org: Uuid,
) -> AppResult<Vec<(Uuid, String, String)>> {
    Ok(db::products::list(&state.db, org)
        .await?
        .into_iter()
        .filter(|p| p.kind == "logframe")
        .map(|p| (p.id, p.title, p.state.code().to_string()))
        .collect())
}

/// The plan as templates show it.
pub(crate) async fn view(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    plan: &StrategicPlan,
) -> AppResult<Value> {
    let names = area_names(state, locale).await?;
    let name_of = |code: &str| {
        names
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| code.to_string())
    };
    let linked = logframes(state, org).await?;
    let (shapes, width, height, sprite) = crate::shared::map::highlighted(locale, &plan.countries)?;
    Ok(context! {
        type => "strategic_plan",
        areas => plan.areas.iter().map(|a| context! { code => a.macro_area, name => name_of(&a.macro_area), rationale => a.rationale }).collect::<Vec<_>>(),
        area_codes => plan.areas.iter().map(|a| a.macro_area.clone()).collect::<Vec<_>>(),
        priorities => plan.priorities,
        priorities_text => plan.priorities.join("\n"),
        countries => plan.countries.iter().map(|c| context! { code => c, name => places::country(c).map(|x| x.name(locale)).unwrap_or(c) }).collect::<Vec<_>>(),
        country_codes => plan.countries,
        logframes => linked.iter().filter(|(id, _, _)| plan.logframes.contains(&id.to_string()))
            .map(|(id, title, st)| context! { id, title, state => st }).collect::<Vec<_>>(),
        logframe_ids => plan.logframes,
        all_logframes => linked.iter().map(|(id, title, _)| context! { id => id.to_string(), title }).collect::<Vec<_>>(),
        timeline => plan.timeline.iter().map(|m| context! { when => m.when, what => m.what }).collect::<Vec<_>>(),
        map => context! { shapes, width, height, sprite => Value::from_safe_string(sprite) },
    })
}

/// The plan as Markdown in `locale`, for comparisons and exports.
pub(crate) async fn markdown(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    plan: &StrategicPlan,
) -> AppResult<String> {
    let names = area_names(state, locale).await?;
    let linked = logframes(state, org).await?;
    let t = |k: &str| state.i18n.t(locale, k);
    let labels = [
        t("strategy-areas"),
        t("strategy-priorities"),
        t("strategy-countries"),
        t("strategy-logframes"),
        t("strategy-timeline"),
    ];
    Ok(plan.to_markdown(
        [&labels[0], &labels[1], &labels[2], &labels[3], &labels[4]],
        |code| {
            names
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| code.into())
        },
        |code| {
            places::country(code)
                .map(|c| c.name(locale).to_string())
                .unwrap_or_else(|| code.into())
        },
        |id| {
            linked
                .iter()
                .find(|(l, _, _)| l.to_string() == id)
                .map(|(_, title, _)| title.clone())
                .unwrap_or_else(|| id.into())
        },
    ))
}

/// Reads the plan's form; linked logframes must be this administration's.
pub(crate) async fn read(
    state: &AppState,
    org: Uuid,
    fields: &[(String, String)],
) -> AppResult<Result<StrategicPlan, Vec<FieldProblem>>> {
    let areas = area_names(state, Locale::default()).await?;
    let mine = logframes(state, org).await?;
    let result = strategy::from_form(
        fields,
        |a| areas.iter().any(|(c, _)| c == a),
        |c| places::country(c).is_some(),
    );
    let problem = |m: &'static str| FieldProblem {
        field: String::new(),
        message: m,
    };
    Ok(match result {
        Ok(plan) => {
            if plan
                .logframes
                .iter()
                .all(|l| mine.iter().any(|(id, _, _)| id.to_string() == *l))
            {
                Ok(plan)
            } else {
                Err(vec![problem("error-unknown-choice")])
            }
        }
        Err(messages) => Err(messages.into_iter().map(problem).collect()),
    })
}
