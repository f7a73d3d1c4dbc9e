//! The budget: its editor's form (amounts typed in the reader's language, empty rows offered and
//! dropped), its view with the totals per partner, category, activity, year and source, the check
//! against the chosen funding rules, and the comparison of two versions. The activities come from
//! the logframe product of the same administration the budget is tied to.

use crate::http::AppResult;
use crate::state::AppState;
use domain::locale::Locale;
use domain::products::budget::money::{self, Currency};
use domain::products::budget::rules::{self, Arg, Outcome};
use domain::products::budget::{
    self as b, Budget, BudgetError, BudgetProduct, Category, Problem, Source,
};
use domain::products::logframe::Logframe;
use domain::products::Content;
use fluent_bundle::FluentValue;
use minijinja::{context, Value};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Empty rows the editor offers to fill in.
const NEW_PARTNERS: usize = 1;
const NEW_RATES: usize = 1;
const NEW_LINES: usize = 3;

/// The logframe `id` of administration `org`, when it is one.
pub(crate) async fn logframe(state: &AppState, org: Uuid, id: &str) -> AppResult<Option<Logframe>> {
    let Ok(id) = Uuid::parse_str(id.trim()) else {
        return Ok(None);
    };
    Ok(match db::products::get(&state.db, id).await? {
        Some(p) if p.organisation_id == org && p.kind == "logframe" => {
            match Content::from_json(&p.content) {
                Content::Logframe(lf) => Some(lf),
                _ => None,
            }
        }
        _ => None,
    })
}

/// The first content of a new budget: tied to the administration's first logframe.
pub(crate) async fn starter(state: &AppState, org: Uuid) -> AppResult<Content> {
    let logframe = super::strategy::logframes(state, org)
        .await?
        .first()
        .map(|(id, _, _)| id.to_string())
        .unwrap_or_default();
    Ok(Content::Budget(BudgetProduct {
        logframe,
        ..Default::default()
    }))
}

/// The activities a line can be for: (row id, "Attività 1.1 — text").
fn activities(state: &AppState, locale: Locale, lf: &Logframe) -> Vec<(String, String)> {
    let ids = b::activity_ids(lf);
    let numbers = lf.numbers();
    lf.rows
        .iter()
        .zip(numbers)
        .filter(|(r, _)| ids.contains(&r.id))
        .map(|(r, number)| {
            let label = format!("{} {number}", state.i18n.t(locale, r.level.label(lf.mode)));
            let text: String = r.text.chars().take(80).collect();
            let label = if text.is_empty() {
                label
            } else {
                format!("{label} — {text}")
            };
            (r.id.clone(), label)
        })
        .collect()
}

fn category_name(state: &AppState, locale: Locale, code: &str) -> String {
    state.i18n.t(locale, &format!("budget-category-{code}"))
}

fn pack_name(state: &AppState, locale: Locale, id: &str) -> String {
    state.i18n.t(locale, &format!("budget-pack-{id}"))
}

/// Everything the view and the editor show about a budget.
struct Context<'a> {
    state: &'a AppState,
    locale: Locale,
    bp: &'a BudgetProduct,
    activities: Vec<(String, String)>,
    logframes: Vec<(Uuid, String, String)>,
}

impl Context<'_> {
    fn euro(&self, cents: i64) -> String {
        money::format_money(cents, Currency::Eur, self.locale)
    }

    fn partner_name(&self, id: &str) -> String {
        self.bp
            .budget
            .partners
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    fn activity_name(&self, id: &str) -> String {
        if id.is_empty() {
            return self.state.i18n.t(self.locale, "budget-activity-project");
        }
        self.activities
            .iter()
            .find(|(a, _)| a == id)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| id.to_string())
    }

    /// Where an anchor (`line:ID`, `partner:ID`, `budget`) is, in words.
    fn place(&self, anchor: &str) -> String {
        match anchor.split_once(':') {
            Some(("partner", id)) => self.partner_name(id),
            Some(("line", id)) => {
                let n = self
                    .bp
                    .budget
                    .lines
                    .iter()
                    .position(|l| l.id == id)
                    .map(|i| i + 1)
                    .unwrap_or(0);
                self.state
                    .i18n
                    .message(self.locale, "budget-line", &[("n", n.into())])
            }
            _ => self.state.i18n.t(self.locale, "budget-project"),
        }
    }

    /// The totals as the view shows them, when the budget can be computed.
    fn totals(&self) -> Option<Value> {
        let t = self.bp.budget.totals().ok()?;
        let by_partner: Vec<Value> = self
            .bp
            .budget
            .partners
            .iter()
            .filter_map(|p| t.by_partner.get(&p.id).map(|f| (p, f)))
            .map(|(p, f)| {
                context! { id => p.id, name => p.name, total => self.euro(f.total),
                grant => self.euro(f.grant), cofinancing => self.euro(f.cofinancing),
                in_kind => self.euro(f.in_kind) }
            })
            .collect();
        let by_category: Vec<Value> = t
            .by_category
            .iter()
            .map(|(c, v)| context! { name => category_name(self.state, self.locale, c.code()), total => self.euro(*v) })
            .collect();
        // The logframe's order, then the project as a whole.
        let mut by_activity: Vec<Value> = self
            .activities
            .iter()
            .filter_map(|(id, label)| {
                t.by_activity
                    .get(id)
                    .map(|v| context! { name => label, total => self.euro(*v) })
            })
            .collect();
        for (id, v) in &t.by_activity {
            if !self.activities.iter().any(|(a, _)| a == id) {
                by_activity
                    .push(context! { name => self.activity_name(id), total => self.euro(*v) });
            }
        }
        let by_year: Vec<Value> = t
            .by_year
            .iter()
            .map(|(y, v)| context! { name => y.to_string(), total => self.euro(*v) })
            .collect();
        let by_source: Vec<Value> = [Source::Grant, Source::Cofinancing, Source::InKind]
            .into_iter()
            .map(|s| {
                let code = match s {
                    Source::Grant => "grant",
                    Source::Cofinancing => "cofinancing",
                    Source::InKind => "in_kind",
                };
                let v = t.by_source.get(&s).copied().unwrap_or(0);
                context! { code, name => self.state.i18n.t(self.locale, &format!("budget-source-{code}")), total => self.euro(v) }
            })
            .collect();
        Some(context! {
            total => self.euro(t.total), total_cents => t.total, by_partner, by_category,
            by_activity, by_year, by_source,
        })
    }

    /// A finding's argument in the reader's words.
    fn arg(&self, name: &str, arg: &Arg) -> FluentValue<'static> {
        match arg {
            Arg::Cents(c) => self.euro(*c).into(),
            Arg::Percent(d) => d.format(self.locale).into(),
            Arg::Count(n) => (*n).into(),
            Arg::Text(t) => match name {
                "category" | "subject" | "basis" => t
                    .split('+')
                    .filter(|c| !c.is_empty())
                    .map(|c| category_name(self.state, self.locale, c))
                    .collect::<Vec<_>>()
                    .join(" + ")
                    .into(),
                "partner" => self.partner_name(t).into(),
                "country" => domain::library::places::country(t)
                    .map(|c| c.name(self.locale).to_string())
                    .unwrap_or_else(|| t.clone())
                    .into(),
                _ => t.clone().into(),
            },
        }
    }

    /// The chosen rule pack's findings, explained; `None` without a pack or when the budget
    /// cannot be computed.
    fn findings(&self) -> Option<Value> {
        let pack = rules::pack(&self.bp.pack)?;
        let found = rules::check(pack, &self.bp.budget).ok()?;
        let breached = found
            .iter()
            .filter(|f| f.outcome == Outcome::Breached)
            .count();
        let items: Vec<Value> = found
            .iter()
            .map(|f| {
                let mut args: Vec<(&str, FluentValue)> =
                    f.args.iter().map(|(n, a)| (*n, self.arg(n, a))).collect();
                let partner = f.args.iter().find_map(|(n, a)| match (n, a) {
                    (&"partner", Arg::Text(t)) if !t.is_empty() => {
                        Some(format!(" — {}", self.partner_name(t)))
                    }
                    _ => None,
                });
                args.push(("partner_of", partner.unwrap_or_default().into()));
                let outcome = match f.outcome {
                    Outcome::Holds => "holds",
                    Outcome::Breached => "breached",
                    Outcome::Unknown => "unknown",
                };
                context! {
                    outcome, rule => f.rule, severity => f.severity,
                    anchor => f.anchor, target => f.anchor.replace(':', "-"),
                    place => self.place(&f.anchor),
                    message => self.state.i18n.message(self.locale, f.message, &args),
                    source => format!("{} {} {}", f.source.document, f.source.version, f.source.article).trim().to_string(),
                }
            })
            .collect();
        Some(context! {
            pack => pack_name(self.state, self.locale, &pack.id), breached,
            summary => self.state.i18n.message(self.locale, "budget-check-summary", &[("breached", breached.into())]),
            items,
        })
    }

    /// The budget read-only.
    fn lines(&self) -> Vec<Value> {
        let budget = &self.bp.budget;
        budget
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let amount = Budget::line_amount(l)
                    .ok()
                    .map(|a| money::format_money(a, l.currency, self.locale));
                let eur = budget.line_eur(l).ok().map(|c| self.euro(c));
                context! {
                    n => i + 1, id => l.id, partner => self.partner_name(&l.partner),
                    category => category_name(self.state, self.locale, l.category.code()),
                    activity => self.activity_name(&l.activity), year => l.year,
                    description => l.description, unit => l.unit,
                    unit_cost => money::format_money(l.unit_cost, l.currency, self.locale),
                    quantity => l.quantity.format(self.locale), currency => l.currency.code(),
                    amount, eur,
                }
            })
            .collect()
    }

    fn view(&self) -> Value {
        let budget = &self.bp.budget;
        let partners: Vec<Value> = budget
            .partners
            .iter()
            .map(|p| {
                context! { id => p.id, name => p.name, country => p.country, group => p.group,
                cofinancing => p.cofinancing.format(self.locale),
                in_kind => p.in_kind.iter().map(|k| context! { description => k.description,
                    amount => money::format_money(k.amount, k.currency, self.locale) }).collect::<Vec<_>>() }
            })
            .collect();
        let rates: Vec<Value> = budget
            .rates
            .iter()
            .map(|r| context! { currency => r.currency.code(), per_eur => r.per_eur.format(self.locale), date => self.locale.date(r.date) })
            .collect();
        let logframe = self
            .logframes
            .iter()
            .find(|(id, _, _)| id.to_string() == self.bp.logframe)
            .map(|(id, title, _)| context! { id => id.to_string(), title });
        context! {
            type => "budget", logframe, logframe_id => self.bp.logframe,
            pack => self.bp.pack, pack_name => (!self.bp.pack.is_empty()).then(|| pack_name(self.state, self.locale, &self.bp.pack)),
            duration_months => budget.duration_months, last_id => budget.last_id,
            partners, rates, lines => self.lines(), totals => self.totals(),
            check => self.findings(),
        }
    }
}

async fn context<'a>(
    state: &'a AppState,
    locale: Locale,
    org: Uuid,
    bp: &'a BudgetProduct,
) -> AppResult<Context<'a>> {
    let activities = match logframe(state, org, &bp.logframe).await? {
        Some(lf) => activities(state, locale, &lf),
        None => vec![],
    };
    let logframes = super::strategy::logframes(state, org).await?;
    Ok(Context {
        state,
        locale,
        bp,
        activities,
        logframes,
    })
}

/// The budget as the product page shows it, with the project's eligibility under the call the
/// budget chose.
pub(crate) async fn view(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    bp: &BudgetProduct,
) -> AppResult<Value> {
    let view = context(state, locale, org, bp).await?.view();
    let eligibility = match super::partnership::call(state, &bp.call).await? {
        Some(call) => Some(
            super::partnership::eligibility_view(
                state,
                locale,
                org,
                &call,
                &bp.logframe,
                None,
                Some(bp),
            )
            .await?,
        ),
        None => None,
    };
    Ok(context! { eligibility, call_id => bp.call, ..view })
}

/// The budget as its editor shows it: the view, and the form: its rows with what was typed (`typed`,
/// the form as read, after a refused save) or the stored values written in the reader's
/// language, followed by empty rows to fill in.
pub(crate) async fn editor_view(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    bp: &BudgetProduct,
    typed: &[(String, String)],
) -> AppResult<(Value, Value)> {
    let cx = context(state, locale, org, bp).await?;
    let typed: BTreeMap<&str, &str> = typed
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let budget = &bp.budget;
    let value = |key: String, stored: String| -> String {
        typed
            .get(key.as_str())
            .map(|v| v.to_string())
            .unwrap_or(stored)
    };
    let mut partners: Vec<Value> = Vec::new();
    for (i, p) in budget.partners.iter().enumerate() {
        let f = |name: &str, stored: String| value(format!("p{i}.{name}"), stored);
        let mut in_kind: Vec<Value> = p
            .in_kind
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let g = |name: &str, stored: String| value(format!("p{i}.k{k}.{name}"), stored);
                context! { k, description => g("description", c.description.clone()),
                amount => g("amount", money::format_amount(c.amount, c.currency, locale)),
                currency => g("currency", c.currency.code().to_string()) }
            })
            .collect();
        in_kind.push(
            context! { k => p.in_kind.len(), description => "", amount => "", currency => "EUR" },
        );
        partners.push(context! {
            n => i, id => p.id, name => f("name", p.name.clone()),
            organisation => p.organisation, options => p.options,
            country => f("country", p.country.clone()), group => f("group", p.group.clone()),
            cofinancing => f("cofinancing", if p.cofinancing.is_zero() { String::new() } else { p.cofinancing.format(locale) }),
            in_kind,
        });
    }
    for n in budget.partners.len()..budget.partners.len() + NEW_PARTNERS {
        partners.push(context! { n, id => "", name => "", country => "", group => "", cofinancing => "",
        organisation => "", options => Vec::<String>::new(),
        in_kind => vec![context! { k => 0, description => "", amount => "", currency => "EUR" }] });
    }
    let mut rates: Vec<Value> = budget
        .rates
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let f = |name: &str, stored: String| value(format!("x{i}.{name}"), stored);
            context! { n => i, currency => f("currency", r.currency.code().to_string()),
            per_eur => f("per_eur", r.per_eur.format(locale)), date => f("date", r.date.to_string()) }
        })
        .collect();
    let first_foreign = Currency::ALL
        .into_iter()
        .find(|c| *c != Currency::Eur && !budget.rates.iter().any(|r| r.currency == *c))
        .unwrap_or(Currency::Eur);
    for n in budget.rates.len()..budget.rates.len() + NEW_RATES {
        rates.push(context! { n, currency => first_foreign.code(), per_eur => "", date => "" });
    }
    let mut lines: Vec<Value> = budget
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let f = |name: &str, stored: String| value(format!("l{i}.{name}"), stored);
            context! { n => i, id => l.id, partner => f("partner", l.partner.clone()),
            category => f("category", l.category.code().to_string()),
            activity => f("activity", l.activity.clone()), year => f("year", l.year.to_string()),
            description => f("description", l.description.clone()), unit => f("unit", l.unit.clone()),
            unit_cost => f("unit_cost", money::format_amount(l.unit_cost, l.currency, locale)),
            quantity => f("quantity", l.quantity.format(locale)),
            currency => f("currency", l.currency.code().to_string()) }
        })
        .collect();
    let year = state
        .db
        .now()
        .with_timezone(&chrono_tz::Europe::Rome)
        .format("%Y")
        .to_string();
    for n in budget.lines.len()..budget.lines.len() + NEW_LINES {
        lines.push(context! { n, id => "", partner => budget.partners.first().map(|p| p.id.clone()).unwrap_or_default(),
        category => "staff", activity => "", year => year.clone(), description => "", unit => "",
        unit_cost => "", quantity => "", currency => "EUR" });
    }
    let choices = context! {
        partners => budget.partners.iter().map(|p| context! { id => p.id, name => p.name }).collect::<Vec<_>>(),
        categories => Category::ALL.iter().map(|c| context! { code => c.code(), name => category_name(state, locale, c.code()) }).collect::<Vec<_>>(),
        activities => cx.activities.iter().map(|(id, label)| context! { id, label }).collect::<Vec<_>>(),
        currencies => Currency::ALL.iter().map(|c| c.code()).collect::<Vec<_>>(),
        packs => rules::packs().iter().map(|p| context! { id => p.id, name => pack_name(state, locale, &p.id) }).collect::<Vec<_>>(),
        logframes => cx.logframes.iter().map(|(id, title, _)| context! { id => id.to_string(), title }).collect::<Vec<_>>(),
        calls => db::calls::list(&state.db).await?.iter().map(|c| context! { id => c.id.to_string(), name => c.call.name, programme => c.call.programme }).collect::<Vec<_>>(),
    };
    let form = context! {
        partners, rates, lines, choices, call => value("call".into(), bp.call.clone()),
        duration_months => value("duration_months".into(), budget.duration_months.map(|d| d.to_string()).unwrap_or_default()),
    };
    Ok((cx.view(), form))
}

/// A form may claim at most this many ids past the saved budget's last one.
const MAX_NEW_IDS: u32 = 10_000;

/// Reads the budget's form, typed in `locale`: the budget as far as it reads, the form as read
/// (empty rows dropped, the rest renumbered) to show again, and every problem on its field. The
/// logframe must be one of the administration's and the pack one of the rule packs; lines are
/// checked against that logframe's activities.
pub(crate) async fn read(
    state: &AppState,
    org: Uuid,
    locale: Locale,
    saved: &BudgetProduct,
    fields: &[(String, String)],
) -> AppResult<(BudgetProduct, Vec<(String, String)>, Vec<Problem>)> {
    let mut fields = money_fields(fields);
    // Ids are never given twice, whatever the form says its last one was.
    let typed_last: u32 = fields
        .iter()
        .find(|(k, _)| k == "last_id")
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or(0);
    fields.retain(|(k, _)| k != "last_id");
    // Capped a little past the saved one (a form offers a few new rows per save): a typed value
    // near the largest id would make new rows share one id.
    let last = typed_last
        .min(saved.budget.last_id.saturating_add(MAX_NEW_IDS))
        .max(saved.budget.last_id);
    fields.push(("last_id".into(), last.to_string()));
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let logframe_id = get("logframe");
    let pack = get("pack");
    let call = get("call");
    let (budget, mut problems) = Budget::read_form(&fields, locale);
    let problem = |anchor: &str| Problem {
        anchor: anchor.into(),
        error: BudgetError::UnknownChoice,
    };
    let lf = if logframe_id.is_empty() {
        Some(Logframe::default())
    } else {
        logframe(state, org, &logframe_id).await?
    };
    if lf.is_none() {
        problems.push(problem("logframe"));
    }
    if !pack.is_empty() && rules::pack(&pack).is_none() {
        problems.push(problem("pack"));
    }
    if !call.is_empty() && super::partnership::call(state, &call).await?.is_none() {
        problems.push(problem("call"));
    }
    if problems.is_empty() {
        problems = budget.problems_by_field(&lf.unwrap_or_default());
    }
    Ok((
        BudgetProduct {
            logframe: logframe_id,
            pack,
            call,
            budget,
        },
        fields,
        problems,
    ))
}

/// The budget's fields of the form, without its empty rows.
fn money_fields(fields: &[(String, String)]) -> Vec<(String, String)> {
    b::form::drop_blank(fields)
}

/// The problems in the reader's words: each with where it is and what is wrong, and a map from
/// the form field to its message, to show it next to the field.
pub(crate) fn problems(
    state: &AppState,
    locale: Locale,
    bp: &BudgetProduct,
    problems: &[Problem],
) -> (Vec<Value>, BTreeMap<String, String>) {
    let mut by_field = BTreeMap::new();
    let list = problems
        .iter()
        .map(|p| {
            let args: Vec<(&str, FluentValue)> = p
                .error
                .args()
                .into_iter()
                .map(|(n, v)| {
                    let v = if n == "partner" {
                        bp.budget
                            .partners
                            .iter()
                            .find(|x| x.id == v)
                            .map(|x| x.name.clone())
                            .unwrap_or(v)
                    } else {
                        v
                    };
                    (n, FluentValue::from(v))
                })
                .collect();
            let message = state.i18n.message(locale, p.error.message(), &args);
            by_field
                .entry(p.anchor.clone())
                .or_insert_with(|| message.clone());
            context! { field => field_words(state, locale, &p.anchor), key => p.anchor, message }
        })
        .collect();
    (list, by_field)
}

/// "Voce 2 — Costo unitario" for `l1.unit_cost`.
fn field_words(state: &AppState, locale: Locale, key: &str) -> Option<String> {
    let t = |k: &str| state.i18n.t(locale, k);
    let name = |f: &str| -> Option<String> {
        let k = match f {
            "logframe" => "budget-logframe",
            "pack" => "budget-pack",
            "call" => "calls-choose",
            "duration_months" => "budget-duration",
            "name" => "budget-partner-name",
            "country" => "budget-partner-country",
            "group" => "budget-partner-group",
            "cofinancing" => "budget-partner-cofinancing",
            "currency" => "budget-currency",
            "per_eur" => "budget-rate-per-eur",
            "date" => "budget-rate-date",
            "partner" => "budget-line-partner",
            "category" => "budget-line-category",
            "activity" => "budget-line-activity",
            "year" => "budget-line-year",
            "description" => "budget-line-description",
            "unit" => "budget-line-unit",
            "unit_cost" => "budget-line-unit-cost",
            "quantity" => "budget-line-quantity",
            "amount" => "budget-in-kind-amount",
            _ => return None,
        };
        Some(t(k))
    };
    let prefix = key.chars().next()?;
    let Some((n, rest)) = key.get(1..).and_then(|r| r.split_once('.')) else {
        return name(key);
    };
    let n: usize = n.parse().ok()?;
    let element = match prefix {
        'l' => state
            .i18n
            .message(locale, "budget-line", &[("n", (n + 1).into())]),
        'p' => format!("{} {}", t("budget-partner"), n + 1),
        'x' => format!("{} {}", t("budget-rates"), n + 1),
        _ => return name(key),
    };
    let field = match rest.split_once('.') {
        Some((_, f)) => format!("{} — {}", t("budget-in-kind"), name(f).unwrap_or_default()),
        None => name(rest).unwrap_or_default(),
    };
    Some(if field.is_empty() {
        element
    } else {
        format!("{element} — {field}")
    })
}

/// Two versions compared: lines added, removed and changed with their amounts in euro before and
/// after, and the totals' difference.
pub(crate) async fn comparison(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    old: &BudgetProduct,
    new: &BudgetProduct,
) -> AppResult<Value> {
    let d = b::diff::compare(&old.budget, &new.budget);
    let cx_new = context(state, locale, org, new).await?;
    let cx_old = context(state, locale, org, old).await?;
    let euro = |c: Option<i64>| c.map(|c| money::format_money(c, Currency::Eur, locale));
    let describe = |cx: &Context, l: &b::Line| -> String {
        let amount = Budget::line_amount(l)
            .map(|a| money::format_money(a, l.currency, locale))
            .unwrap_or_default();
        format!(
            "{} · {} · {} · {} · {} — {} × {} = {}",
            cx.partner_name(&l.partner),
            category_name(state, locale, l.category.code()),
            cx.activity_name(&l.activity),
            l.year,
            l.description,
            money::format_money(l.unit_cost, l.currency, locale),
            l.quantity.format(locale),
            amount
        )
    };
    let lines: Vec<Value> = d
        .lines
        .iter()
        .map(|l| {
            context! { id => l.id, change => l.change,
            fields => l.fields.iter().map(|f| field_words(state, locale, f).unwrap_or_else(|| f.to_string())).collect::<Vec<_>>(),
            old => l.old.as_ref().map(|x| describe(&cx_old, x)), new => l.new.as_ref().map(|x| describe(&cx_new, x)),
            old_eur => euro(l.old_eur), new_eur => euro(l.new_eur) }
        })
        .collect();
    let total = match (&d.old_totals, &d.new_totals, d.total_difference) {
        (Some(o), Some(n), Some(diff)) => {
            let sign = if diff > 0 { "+" } else { "" };
            Some(state.i18n.message(
                locale,
                "budget-compare-total",
                &[
                    ("old", euro(Some(o.total)).unwrap_or_default().into()),
                    ("new", euro(Some(n.total)).unwrap_or_default().into()),
                    (
                        "difference",
                        format!("{sign}{}", euro(Some(diff)).unwrap_or_default()).into(),
                    ),
                ],
            ))
        }
        _ => None,
    };
    Ok(context! { type => "budget", lines, changed => d.changed, total })
}

/// Each activity's cost from the budget tied to `logframe` (a product id of `org`), in euro as
/// the reader writes it, by row id: the logframe's matrix shows them. The administration's
/// budget tied to it and changed last counts; none, no costs.
pub(crate) async fn activity_costs(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    logframe: Uuid,
    lf: &Logframe,
) -> AppResult<BTreeMap<String, String>> {
    let id = logframe.to_string();
    for content in db::products::contents_of_kind(&state.db, org, "budget").await? {
        if let Content::Budget(bp) = Content::from_json(&content) {
            if bp.logframe != id {
                continue;
            }
            let Ok(t) = bp.budget.totals() else {
                return Ok(BTreeMap::new());
            };
            return Ok(b::activity_costs(&t, lf)
                .into_iter()
                .map(|(id, c)| (id, money::format_money(c, Currency::Eur, locale)))
                .collect());
        }
    }
    Ok(BTreeMap::new())
}

/// The budget as document blocks for the exports: lines, then totals.
pub(crate) async fn blocks(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    bp: &BudgetProduct,
) -> AppResult<Vec<domain::products::text::Block>> {
    use domain::products::text::Block;
    let cx = context(state, locale, org, bp).await?;
    let t = |k: &str| state.i18n.t(locale, k);
    let mut out = vec![Block::Heading(2, t("budget-lines"))];
    let mut rows = vec![vec![
        t("budget-line-partner"),
        t("budget-line-category"),
        t("budget-line-activity"),
        t("budget-line-year"),
        t("budget-line-description"),
        t("budget-line-unit-cost"),
        t("budget-line-quantity"),
        t("budget-line-amount"),
        t("budget-line-eur"),
    ]];
    for l in &bp.budget.lines {
        rows.push(vec![
            cx.partner_name(&l.partner),
            category_name(state, locale, l.category.code()),
            cx.activity_name(&l.activity),
            l.year.to_string(),
            l.description.clone(),
            money::format_money(l.unit_cost, l.currency, locale),
            l.quantity.format(locale),
            Budget::line_amount(l)
                .map(|a| money::format_money(a, l.currency, locale))
                .unwrap_or_default(),
            bp.budget
                .line_eur(l)
                .map(|c| cx.euro(c))
                .unwrap_or_default(),
        ]);
    }
    out.push(Block::Table(rows));
    if let Ok(totals) = bp.budget.totals() {
        out.push(Block::Heading(2, t("budget-totals")));
        let mut rows = vec![vec![
            t("budget-partner"),
            t("budget-total"),
            t("budget-grant"),
            t("budget-cofinancing"),
            t("budget-in-kind-total"),
        ]];
        for p in &bp.budget.partners {
            if let Some(f) = totals.by_partner.get(&p.id) {
                rows.push(vec![
                    p.name.clone(),
                    cx.euro(f.total),
                    cx.euro(f.grant),
                    cx.euro(f.cofinancing),
                    cx.euro(f.in_kind),
                ]);
            }
        }
        rows.push(vec![
            t("budget-total"),
            cx.euro(totals.total),
            String::new(),
            String::new(),
            String::new(),
        ]);
        out.push(Block::Table(rows));
    }
    Ok(out)
}

/// The elements comments can be anchored to, labelled for the reader: each partner by its name,
/// each line as "Voce 2 — description".
pub(crate) fn anchor_labels(
    state: &AppState,
    locale: Locale,
    bp: &BudgetProduct,
) -> Vec<(String, String)> {
    let partners = bp
        .budget
        .partners
        .iter()
        .map(|p| (format!("partner:{}", p.id), p.name.clone()));
    let lines = bp.budget.lines.iter().enumerate().map(|(i, l)| {
        let n = state
            .i18n
            .message(locale, "budget-line", &[("n", (i + 1).into())]);
        let what = if l.description.is_empty() {
            category_name(state, locale, l.category.code())
        } else {
            l.description.clone()
        };
        (format!("line:{}", l.id), format!("{n} — {what}"))
    });
    partners.chain(lines).collect()
}
