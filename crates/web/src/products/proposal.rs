//! The project proposal: its editor (the call, the logframe and the strategic plan it is
//! assembled from, the narrative sections in Markdown, the work plan's months), its view (the
//! call's sections in order, the filled ones drawn from the other products, the eligibility
//! check), and its export as offices file it (cover, contents, numbered sections, landscape
//! tables, a Gantt chart, the draft mark while the check fails).

use crate::http::AppResult;
use crate::state::AppState;
use db::calls::StoredCall;
use domain::calls::eligibility::{self, Project};
use domain::locale::Locale;
use domain::products::budget::BudgetProduct;
use domain::products::logframe::{FieldProblem, Logframe};
use domain::products::partnership::PartnershipProduct;
use domain::products::proposal::{self as pr, ProposalProduct, SectionKind, TemplateSection};
use domain::products::strategy::StrategicPlan;
use domain::products::text::Block;
use domain::products::Content;
use export::proposal::{Gantt, Part, Section};
use minijinja::{context, Value};
use uuid::Uuid;

/// The first content of a new proposal: tied to the administration's first logframe and first
/// strategic plan; the call is chosen in the editor.
pub(crate) async fn starter(state: &AppState, org: Uuid) -> AppResult<Content> {
    let logframe = super::strategy::logframes(state, org)
        .await?
        .first()
        .map(|(id, _, _)| id.to_string())
        .unwrap_or_default();
    let strategic_plan = plans(state, org)
        .await?
        .first()
        .map(|(id, _)| id.to_string())
        .unwrap_or_default();
    Ok(Content::Proposal(ProposalProduct {
        logframe,
        strategic_plan,
        ..Default::default()
    }))
}

/// The administration's strategic plans: (id, title).
async fn plans(state: &AppState, org: Uuid) -> AppResult<Vec<(Uuid, String)>> {
    Ok(db::products::list(&state.db, org)
        .await?
        .into_iter()
        .filter(|p| p.kind == "strategic_plan")
        .map(|p| (p.id, p.title))
        .collect())
}

/// The strategic plan `id` of `org`, when it is one.
async fn plan(state: &AppState, org: Uuid, id: &str) -> AppResult<Option<StrategicPlan>> {
    let Ok(id) = Uuid::parse_str(id.trim()) else {
        return Ok(None);
    };
    Ok(match db::products::get(&state.db, id).await? {
        Some(p) if p.organisation_id == org && p.kind == "strategic_plan" => {
            match Content::from_json(&p.content) {
                Content::StrategicPlan(plan) => Some(plan),
                _ => None,
            }
        }
        _ => None,
    })
}

/// The products a proposal is assembled from, as they are now.
struct Parts {
    call: Option<StoredCall>,
    logframe: Option<Logframe>,
    plan: Option<StrategicPlan>,
    partnership: Option<PartnershipProduct>,
    budget: Option<BudgetProduct>,
}

async fn parts(state: &AppState, org: Uuid, pp: &ProposalProduct) -> AppResult<Parts> {
    Ok(Parts {
        call: super::partnership::call(state, &pp.call).await?,
        logframe: super::budget::logframe(state, org, &pp.logframe).await?,
        plan: plan(state, org, &pp.strategic_plan).await?,
        partnership: super::partnership::partnership_of(state, org, &pp.logframe).await?,
        budget: super::partnership::budget_of(state, org, &pp.logframe).await?,
    })
}

impl Parts {
    /// The work plan's length in months.
    fn months(&self) -> u32 {
        pr::duration(
            self.budget.as_ref().and_then(|b| b.budget.duration_months),
            self.call.as_ref().and_then(|c| c.call.months_max),
        )
    }

    /// The eligibility failures under the call; `None` without a call.
    fn failures(&self, state: &AppState) -> Option<usize> {
        let call = self.call.as_ref()?;
        let checks = eligibility::eligibility(
            &call.call,
            super::partnership::today(state),
            &Project {
                partnership: self.partnership.as_ref().map(|p| &p.partnership),
                budget: self.budget.as_ref(),
                logframe: self.logframe.as_ref(),
            },
        );
        Some(eligibility::failures(&checks))
    }

    /// Whether the product a filled section draws from is there.
    fn has(&self, kind: SectionKind) -> bool {
        match kind {
            SectionKind::Narrative => true,
            SectionKind::Strategy => self.plan.is_some(),
            SectionKind::Logframe | SectionKind::Workplan => self.logframe.is_some(),
            SectionKind::Partnership => self.partnership.is_some(),
            SectionKind::Budget => self.budget.is_some(),
        }
    }
}

/// A section's title and guidance in the reader's language: the call's words, or the default
/// template's translated ones.
fn words(state: &AppState, locale: Locale, s: &TemplateSection) -> (String, String) {
    let title = if s.title.is_empty() {
        state.i18n.t(locale, &format!("proposal-section-{}", s.key))
    } else {
        s.title.clone()
    };
    let guidance = if s.title.is_empty() && s.guidance.is_empty() {
        state
            .i18n
            .t(locale, &format!("proposal-guidance-{}", s.key))
    } else {
        s.guidance.clone()
    };
    (title, guidance)
}

/// Why a filled section is empty: the product it draws from is missing.
fn missing(state: &AppState, locale: Locale, kind: SectionKind) -> String {
    state
        .i18n
        .t(locale, &format!("proposal-missing-{}", kind.code()))
}

fn gantt_view(lf: &Logframe, pp: &ProposalProduct, months: u32) -> Value {
    let rows: Vec<Value> = pr::gantt(lf, &pp.schedule, months)
        .into_iter()
        .map(|r| context! { number => r.number, text => r.text, months => r.months })
        .collect();
    context! { months => (1..=months).collect::<Vec<u32>>(), rows }
}

/// The proposal as templates show it.
pub(crate) async fn view(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    pp: &ProposalProduct,
) -> AppResult<Value> {
    let parts = parts(state, org, pp).await?;
    let months = parts.months();
    let mut sections = Vec::new();
    for (i, s) in pp.sections_to_file().iter().enumerate() {
        let (title, guidance) = words(state, locale, s);
        let html = match s.kind {
            SectionKind::Narrative => pp
                .sections
                .get(&s.key)
                .map(|m| domain::products::text::render(m)),
            SectionKind::Strategy => match &parts.plan {
                Some(plan) => Some(domain::products::text::render(
                    &super::strategy::markdown(state, locale, org, plan).await?,
                )),
                None => None,
            },
            _ => None,
        };
        let gantt = match (&parts.logframe, s.kind) {
            (Some(lf), SectionKind::Workplan) => Some(gantt_view(lf, pp, months)),
            _ => None,
        };
        sections.push(context! {
            number => i + 1, key => s.key, kind => s.kind.code(), title, guidance, html, gantt,
            missing => (!parts.has(s.kind)).then(|| missing(state, locale, s.kind)),
        });
    }
    let logframes = super::strategy::logframes(state, org).await?;
    let logframe = logframes
        .iter()
        .find(|(id, _, _)| id.to_string() == pp.logframe)
        .map(|(id, title, _)| context! { id => id.to_string(), title });
    let eligibility = match &parts.call {
        Some(c) => Some(
            super::partnership::eligibility_view(
                state,
                locale,
                org,
                c,
                &pp.logframe,
                parts.partnership.as_ref().map(|p| &p.partnership),
                parts.budget.as_ref(),
            )
            .await?,
        ),
        None => None,
    };
    let translations: Vec<Value> = pp
        .translations
        .iter()
        .map(|(code, t)| {
            context! {
                code, name => state.i18n.t(locale, &format!("spoken-{code}")),
                title => t.title, summary => t.summary,
            }
        })
        .collect();
    Ok(context! {
        type => "proposal", logframe, call_id => pp.call, translations,
        call_name => parts.call.as_ref().map(|c| c.call.name.clone()),
        sections, eligibility,
        draft => parts.failures(state).is_none_or(|f| f > 0),
    })
}

/// The editor's view and form: the choices, each section with its text, each activity with its
/// months. `typed` is the form as sent after a refused save.
pub(crate) async fn editor_view(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    pp: &ProposalProduct,
    typed: &[(String, String)],
) -> AppResult<(Value, Value)> {
    let view = view(state, locale, org, pp).await?;
    let parts = parts(state, org, pp).await?;
    let value = |name: &str, saved: String| {
        typed
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or(saved)
    };
    let sections: Vec<Value> = pp
        .sections_to_file()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (title, guidance) = words(state, locale, s);
            let text = value(
                &format!("text.{}", s.key),
                pp.sections.get(&s.key).cloned().unwrap_or_default(),
            );
            context! {
                number => i + 1, key => s.key, kind => s.kind.code(), title, guidance, text,
                kind_name => state.i18n.t(locale, &format!("proposal-kind-{}", s.kind.code())),
                missing => (!parts.has(s.kind)).then(|| missing(state, locale, s.kind)),
            }
        })
        .collect();
    let activities: Vec<Value> = parts
        .logframe
        .as_ref()
        .map(|lf| {
            pr::activities(lf)
                .into_iter()
                .map(|(id, number, text)| {
                    let m = pp.schedule.get(&id);
                    context! {
                        start => value(&format!("start.{id}"), m.map(|m| m.start.to_string()).unwrap_or_default()),
                        end => value(&format!("end.{id}"), m.map(|m| m.end.to_string()).unwrap_or_default()),
                        id, number, text,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let calls: Vec<Value> = db::calls::list(&state.db)
        .await?
        .into_iter()
        .map(|c| context! { id => c.id.to_string(), name => c.call.name, programme => c.call.programme })
        .collect();
    let logframes: Vec<Value> = super::strategy::logframes(state, org)
        .await?
        .into_iter()
        .map(|(id, title, _)| context! { id => id.to_string(), title })
        .collect();
    let plans: Vec<Value> = plans(state, org)
        .await?
        .into_iter()
        .map(|(id, title)| context! { id => id.to_string(), title })
        .collect();
    // The title and summary in other languages, each language open when it has some.
    let translations: Vec<Value> = pr::LANGUAGES
        .iter()
        .map(|code| {
            let saved = pp.translations.get(*code).cloned().unwrap_or_default();
            let title = value(&format!("title.{code}"), saved.title);
            let summary = value(&format!("summary.{code}"), saved.summary);
            context! {
                code, name => state.i18n.t(locale, &format!("spoken-{code}")),
                open => !title.is_empty() || !summary.is_empty(), title, summary,
            }
        })
        .collect();
    let form = context! {
        translations,
        call => value("call", pp.call.clone()),
        logframe => value("logframe", pp.logframe.clone()),
        strategic_plan => value("strategic_plan", pp.strategic_plan.clone()),
        sections, activities, months => parts.months(),
        choices => context! { calls, logframes, plans },
    };
    Ok((view, form))
}

/// Reads the editor's form: the chosen call, logframe and plan must be ones the administration
/// may choose; the sections follow the chosen call's template.
pub(crate) async fn read(
    state: &AppState,
    org: Uuid,
    saved: &ProposalProduct,
    fields: &[(String, String)],
) -> AppResult<(ProposalProduct, Vec<FieldProblem>)> {
    let chosen = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_string())
    };
    let mut problems = Vec::new();
    let call_id = chosen("call").unwrap_or_else(|| saved.call.clone());
    let call = super::partnership::call(state, &call_id).await?;
    if !call_id.is_empty() && call.is_none() {
        problems.push(FieldProblem {
            field: "call".into(),
            message: "error-unknown-choice",
        });
    }
    let lf_id = chosen("logframe").unwrap_or_else(|| saved.logframe.clone());
    let lf = super::budget::logframe(state, org, &lf_id).await?;
    if !lf_id.is_empty() && lf.is_none() {
        problems.push(FieldProblem {
            field: "logframe".into(),
            message: "error-unknown-choice",
        });
    }
    let plan_id = chosen("strategic_plan").unwrap_or_else(|| saved.strategic_plan.clone());
    if !plan_id.is_empty() && plan(state, org, &plan_id).await?.is_none() {
        problems.push(FieldProblem {
            field: "strategic_plan".into(),
            message: "error-unknown-choice",
        });
    }
    // The chosen call's template, from its rule pack's application form, or the default one.
    let template = call
        .as_ref()
        .map(|c| pr::template_of_call(&c.call))
        .unwrap_or_else(pr::default_template);
    let budget = super::partnership::budget_of(state, org, &lf_id).await?;
    let months = pr::duration(
        budget.and_then(|b| b.budget.duration_months),
        call.as_ref().and_then(|c| c.call.months_max),
    );
    let (pp, found) = pr::read_form(fields, saved, &template, lf.as_ref(), months);
    problems.extend(found);
    Ok((pp, problems))
}

/// The elements comments can be anchored to: each section, as "2. Title".
pub(crate) fn anchor_labels(
    state: &AppState,
    locale: Locale,
    pp: &ProposalProduct,
) -> Vec<(String, String)> {
    pp.sections_to_file()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                format!("section:{}", s.key),
                format!("{}. {}", i + 1, words(state, locale, s).0),
            )
        })
        .collect()
}

/// The proposal laid out for export: `cover` holds the lines under the title.
pub(crate) async fn document(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    pp: &ProposalProduct,
    title: String,
    mut cover: Vec<String>,
    date: chrono::NaiveDate,
) -> AppResult<export::proposal::Proposal> {
    let t = |k: &str| state.i18n.t(locale, k);
    let parts = parts(state, org, pp).await?;
    let months = parts.months();
    if let Some(c) = &parts.call {
        cover.insert(0, format!("{} — {}", c.call.name, c.call.programme));
    }
    // The title in the proposal's other languages, under the cover's lines.
    for (code, tr) in &pp.translations {
        if !tr.title.is_empty() {
            cover.push(format!("{}: {}", t(&format!("spoken-{code}")), tr.title));
        }
    }
    let draft = match parts.failures(state) {
        Some(0) => None,
        Some(n) => Some((
            t("proposal-draft-mark"),
            state
                .i18n
                .message(locale, "proposal-draft-failures", &[("failures", n.into())]),
        )),
        None => Some((t("proposal-draft-mark"), t("proposal-draft-no-call"))),
    };
    let mut sections = Vec::new();
    for (i, s) in pp.sections_to_file().iter().enumerate() {
        let (heading, _) = words(state, locale, s);
        let mut out: Vec<Part> = Vec::new();
        if !parts.has(s.kind) {
            out.push(Part::Block(Block::Paragraph(missing(
                state, locale, s.kind,
            ))));
        }
        match s.kind {
            SectionKind::Narrative => {
                let text = pp.sections.get(&s.key).cloned().unwrap_or_default();
                if text.trim().is_empty() {
                    out.push(Part::Block(Block::Paragraph(t("proposal-not-written"))));
                }
                out.extend(
                    domain::products::text::blocks(&text)
                        .into_iter()
                        .map(Part::Block),
                );
            }
            SectionKind::Strategy => {
                if let Some(plan) = &parts.plan {
                    let md = super::strategy::markdown(state, locale, org, plan).await?;
                    out.extend(
                        domain::products::text::blocks(&md)
                            .into_iter()
                            .map(Part::Block),
                    );
                }
            }
            SectionKind::Logframe => {
                if let (Some(lf), Ok(id)) = (&parts.logframe, Uuid::parse_str(&pp.logframe)) {
                    let costs = super::budget::activity_costs(state, locale, org, id, lf).await?;
                    out.push(Part::Block(Block::Table(super::export::matrix(
                        state, locale, lf, &costs,
                    ))));
                }
            }
            SectionKind::Workplan => {
                if let Some(lf) = &parts.logframe {
                    let rows = pr::gantt(lf, &pp.schedule, months)
                        .into_iter()
                        .map(|r| (format!("{} {}", r.number, r.text), r.months))
                        .collect();
                    out.push(Part::Gantt(Gantt {
                        label: t("proposal-gantt-activity"),
                        month: t("proposal-gantt-month"),
                        rows,
                    }));
                }
            }
            SectionKind::Partnership => {
                if let Some(p) = &parts.partnership {
                    out.extend(
                        super::partnership::blocks(state, locale, org, p)
                            .await?
                            .into_iter()
                            .map(Part::Block),
                    );
                }
            }
            SectionKind::Budget => {
                if let Some(b) = &parts.budget {
                    out.extend(
                        super::budget::blocks(state, locale, org, b)
                            .await?
                            .into_iter()
                            .map(Part::Block),
                    );
                }
            }
        }
        sections.push(Section {
            number: (i + 1).to_string(),
            title: heading,
            landscape: s.kind.landscape() && parts.has(s.kind),
            parts: out,
        });
    }
    Ok(export::proposal::Proposal {
        title,
        cover,
        lang: locale.code().to_string(),
        contents: t("proposal-contents"),
        draft,
        sections,
        date,
    })
}

/// The proposal's own writing as Markdown, for the comparison of two versions: each section's
/// heading and text, the work plan's months.
pub(crate) fn markdown(state: &AppState, locale: Locale, pp: &ProposalProduct) -> String {
    let mut out = String::new();
    for (i, s) in pp.sections_to_file().iter().enumerate() {
        out.push_str(&format!("## {}. {}\n\n", i + 1, words(state, locale, s).0));
        if let Some(text) = pp.sections.get(&s.key) {
            out.push_str(text.trim_end());
            out.push_str("\n\n");
        }
    }
    if !pp.schedule.is_empty() {
        out.push_str(&format!(
            "## {}\n\n",
            state.i18n.t(locale, "proposal-kind-workplan")
        ));
        for (id, m) in &pp.schedule {
            out.push_str(&format!("- {id}: {}–{}\n", m.start, m.end));
        }
    }
    if !pp.translations.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n",
            state.i18n.t(locale, "proposal-translations")
        ));
        for (code, t) in &pp.translations {
            out.push_str(&format!(
                "### {}\n\n{}\n\n",
                state.i18n.t(locale, &format!("spoken-{code}")),
                t.title
            ));
            if !t.summary.is_empty() {
                out.push_str(t.summary.trim_end());
                out.push_str("\n\n");
            }
        }
    }
    out
}
