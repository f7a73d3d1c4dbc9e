//! The partnership: its editor (partners picked from the administration's territorial tables and
//! the registry, or added by hand; letters from the administration's library), its view with the
//! partnership's checks and, once a call is chosen, the eligibility of the whole project under it
//! (call × partnership × the budget and logframe tied to the same logframe), the comparison of two
//! versions, and the export's blocks.

use crate::http::AppResult;
use crate::state::AppState;
use db::calls::StoredCall;
use domain::calls::eligibility::{self, Arg, Check, Outcome, Project, Severity};
use domain::locale::Locale;
use domain::products::budget::money::{self, Currency};
use domain::products::budget::BudgetProduct;
use domain::products::partnership::form::Problem;
use domain::products::partnership::{
    org_types, LetterKind, Partner, Partnership, PartnershipProduct, Role,
};
use domain::products::Content;
use fluent_bundle::FluentValue;
use minijinja::{context, Value};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Empty rows the editor offers to fill in.
const NEW_PARTNERS: usize = 2;

/// The first content of a new partnership: tied to the administration's first logframe.
pub(crate) async fn starter(state: &AppState, org: Uuid) -> AppResult<Content> {
    let logframe = super::strategy::logframes(state, org)
        .await?
        .first()
        .map(|(id, _, _)| id.to_string())
        .unwrap_or_default();
    Ok(Content::Partnership(PartnershipProduct {
        logframe,
        ..Default::default()
    }))
}

/// The call `id`, when it is one.
pub(crate) async fn call(state: &AppState, id: &str) -> AppResult<Option<StoredCall>> {
    let Ok(id) = Uuid::parse_str(id.trim()) else {
        return Ok(None);
    };
    match db::calls::get(&state.db, id).await {
        Ok(c) => Ok(Some(c)),
        Err(db::DbError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The administration's budget tied to `logframe` and changed last, when there is one.
pub(crate) async fn budget_of(
    state: &AppState,
    org: Uuid,
    logframe: &str,
) -> AppResult<Option<BudgetProduct>> {
    if logframe.is_empty() {
        return Ok(None);
    }
    for content in db::products::contents_of_kind(&state.db, org, "budget").await? {
        if let Content::Budget(bp) = Content::from_json(&content) {
            if bp.logframe == logframe {
                return Ok(Some(bp));
            }
        }
    }
    Ok(None)
}

/// The administration's partnership tied to `logframe` and changed last, when there is one.
pub(crate) async fn partnership_of(
    state: &AppState,
    org: Uuid,
    logframe: &str,
) -> AppResult<Option<PartnershipProduct>> {
    if logframe.is_empty() {
        return Ok(None);
    }
    for content in db::products::contents_of_kind(&state.db, org, "partnership_plan").await? {
        if let Content::Partnership(pp) = Content::from_json(&content) {
            if pp.logframe == logframe {
                return Ok(Some(pp));
            }
        }
    }
    Ok(None)
}

/// Today in the programme's time zone, by the application's clock.
pub(crate) fn today(state: &AppState) -> chrono::NaiveDate {
    state
        .db
        .now()
        .with_timezone(&domain::locale::TIME_ZONE)
        .date_naive()
}

fn country_name(locale: Locale, code: &str) -> String {
    domain::organisations::countries::name(code, locale)
}

/// Checks explained in the reader's words: outcome, message, where.
pub(crate) fn explain(
    state: &AppState,
    locale: Locale,
    checks: &[Check],
    partners: &[Partner],
) -> Vec<Value> {
    let name_of = |id: &str| {
        partners
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    checks
        .iter()
        .map(|c| {
            let args: Vec<(&str, FluentValue)> = c
                .args
                .iter()
                .map(|(n, a)| {
                    let v: FluentValue = match a {
                        Arg::Cents(x) => money::format_money(*x, Currency::Eur, locale).into(),
                        Arg::Percent(d) => d.format(locale).into(),
                        Arg::Count(x) => (*x).into(),
                        Arg::Text(t) => match *n {
                            "partner" => name_of(t).into(),
                            "country" => country_name(locale, t).into(),
                            "group" => state.i18n.t(locale, &format!("calls-group-{t}")).into(),
                            "pack" => state.i18n.t(locale, &format!("budget-pack-{t}")).into(),
                            "deadline" => chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
                                .map(|d| locale.date(d))
                                .unwrap_or_else(|_| t.clone())
                                .into(),
                            _ => t.clone().into(),
                        },
                    };
                    (*n, v)
                })
                .collect();
            let outcome = match c.outcome {
                Outcome::Holds => "holds",
                Outcome::Breached => "breached",
                Outcome::Unknown => "unknown",
            };
            let partner = c
                .anchor
                .strip_prefix("partner:")
                .map(|id| (format!("partner-{id}"), name_of(id)));
            context! {
                outcome, rule => c.rule, advice => c.severity == Severity::Advice,
                message => state.i18n.message(locale, c.message, &args),
                target => partner.as_ref().map(|(t, _)| t.clone()),
                place => partner.map(|(_, n)| n),
            }
        })
        .collect()
}

/// The eligibility of the project `logframe` of `org` under `call`, explained: the partnership
/// and the budget tied to the same logframe, read here. `partnership` is given when the caller
/// holds it already (the partnership's own page).
pub(crate) async fn eligibility_view(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    call: &StoredCall,
    logframe_id: &str,
    partnership: Option<&Partnership>,
    budget: Option<&BudgetProduct>,
) -> AppResult<Value> {
    let lf = super::budget::logframe(state, org, logframe_id).await?;
    let found_partnership = match partnership {
        Some(_) => None,
        None => partnership_of(state, org, logframe_id).await?,
    };
    let partnership = partnership.or(found_partnership.as_ref().map(|p| &p.partnership));
    let found_budget = match budget {
        Some(_) => None,
        None => budget_of(state, org, logframe_id).await?,
    };
    let budget = budget.or(found_budget.as_ref());
    let checks = eligibility::eligibility(
        &call.call,
        today(state),
        &Project {
            partnership,
            budget,
            logframe: lf.as_ref(),
        },
    );
    let failures = eligibility::failures(&checks);
    let partners = partnership.map(|p| p.partners.as_slice()).unwrap_or(&[]);
    Ok(context! {
        call => crate::calls::view(state, locale, call.id, &call.call),
        intro => state.i18n.message(locale, "eligibility-intro", &[("call", call.call.name.clone().into()), ("programme", call.call.programme.clone().into())]),
        summary => state.i18n.message(locale, "eligibility-summary", &[("failures", failures.into())]),
        failures, items => explain(state, locale, &checks, partners),
    })
}

fn role_name(state: &AppState, locale: Locale, role: Role) -> String {
    state
        .i18n
        .t(locale, &format!("partnership-role-{}", role.code()))
}

fn org_type_name(state: &AppState, locale: Locale, code: &str) -> String {
    if code.is_empty() {
        String::new()
    } else {
        state.i18n.t(locale, &org_types::message(code))
    }
}

fn partner_view(state: &AppState, locale: Locale, p: &Partner, docs: &[(Uuid, String)]) -> Value {
    let letter = p.letter.as_ref().map(|l| {
        let document = Uuid::parse_str(&l.document).ok();
        context! {
            kind => state.i18n.t(locale, &format!("partnership-letter-{}", l.kind.code())),
            date => locale.date(l.date),
            document => document.map(|d| d.to_string()),
            title => document.and_then(|d| docs.iter().find(|(id, _)| *id == d).map(|(_, t)| t.clone())),
        }
    });
    context! {
        id => p.id, name => p.name, organisation => p.organisation,
        role => p.role.code(), role_name => role_name(state, locale, p.role),
        country => p.country, country_name => country_name(locale, &p.country),
        org_type => p.org_type, org_type_name => org_type_name(state, locale, &p.org_type),
        legal_status => p.legal_status, contact => p.contact, contribution => p.contribution,
        cofinancing => p.cofinancing.map(|d| d.format(locale)), letter,
    }
}

/// The partnership as the product page shows it: partners, its checks, and the project's
/// eligibility under the chosen call.
pub(crate) async fn view(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    pp: &PartnershipProduct,
) -> AppResult<Value> {
    let docs = db::tables::lead_documents(&state.db, org).await?;
    let partners: Vec<Value> = pp
        .partnership
        .partners
        .iter()
        .map(|p| partner_view(state, locale, p, &docs))
        .collect();
    let logframes = super::strategy::logframes(state, org).await?;
    let logframe = logframes
        .iter()
        .find(|(id, _, _)| id.to_string() == pp.logframe)
        .map(|(id, title, _)| context! { id => id.to_string(), title });
    let call = call(state, &pp.call).await?;
    let (checks, eligibility) = match &call {
        Some(c) => (
            None,
            Some(
                eligibility_view(
                    state,
                    locale,
                    org,
                    c,
                    &pp.logframe,
                    Some(&pp.partnership),
                    None,
                )
                .await?,
            ),
        ),
        None => {
            let targets = super::budget::logframe(state, org, &pp.logframe)
                .await?
                .map(|lf| lf.countries)
                .unwrap_or_default();
            let found = domain::products::partnership::check(&pp.partnership, None, &targets);
            (
                Some(explain(state, locale, &found, &pp.partnership.partners)),
                None,
            )
        }
    };
    Ok(context! {
        type => "partnership", logframe, logframe_id => pp.logframe, call_id => pp.call,
        call_name => call.as_ref().map(|c| c.call.name.clone()),
        last_id => pp.partnership.last_id, partners, checks, eligibility,
    })
}

/// An organisation the picker offers: id, name, where it comes from.
struct Offered {
    id: Uuid,
    name: String,
    country: String,
    org_type: &'static str,
}

/// The organisations the picker offers: members of the administration's territorial tables
/// first, then the registry's Italian administrations, foreign partners and local actors.
async fn offered(state: &AppState, org: Uuid) -> AppResult<(Vec<Offered>, Vec<Offered>)> {
    let (registry, _) = db::organisations::search(&state.db, None, None, 1_000, 0).await?;
    let describe = |o: &db::organisations::Stored| {
        let data = &o.data;
        let country = if data.country.is_empty() {
            "IT".to_string()
        } else {
            data.country.clone()
        };
        Offered {
            id: o.id,
            name: data.name.clone(),
            country,
            org_type: org_types::suggested(
                data.category.code(),
                data.pa_kind.map(|k| k.code()),
                data.partner_type
                    .as_deref()
                    .or(data.actor_sector.as_deref()),
            ),
        }
    };
    let mut members = Vec::new();
    for table in db::tables::list(&state.db).await? {
        if table.lead_id != org {
            continue;
        }
        for m in db::tables::members(&state.db, table.id).await? {
            if m.left_on.is_none() && !members.iter().any(|x: &Offered| x.id == m.organisation_id) {
                if let Some(o) = registry.iter().find(|o| o.id == m.organisation_id) {
                    members.push(describe(o));
                }
            }
        }
    }
    let rest = registry
        .iter()
        .filter(|o| !members.iter().any(|m| m.id == o.id))
        .map(describe)
        .collect();
    Ok((members, rest))
}

/// The partnership as its editor shows it: the view, and the form with what was typed (`typed`,
/// after a refused save) or the stored values, followed by empty rows.
pub(crate) async fn editor_view(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    pp: &PartnershipProduct,
    typed: &[(String, String)],
) -> AppResult<(Value, Value)> {
    let view = view(state, locale, org, pp).await?;
    let typed: BTreeMap<&str, &str> = typed
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let value = |key: String, stored: String| -> String {
        typed
            .get(key.as_str())
            .map(|v| v.to_string())
            .unwrap_or(stored)
    };
    let mut partners: Vec<Value> = Vec::new();
    for (i, p) in pp.partnership.partners.iter().enumerate() {
        let f = |name: &str, stored: String| value(format!("p{i}.{name}"), stored);
        partners.push(context! {
            n => i, id => p.id, organisation => f("organisation", p.organisation.clone()),
            name => f("name", p.name.clone()), role => f("role", p.role.code().to_string()),
            country => f("country", p.country.clone()), org_type => f("org_type", p.org_type.clone()),
            legal_status => f("legal_status", p.legal_status.clone()), contact => f("contact", p.contact.clone()),
            contribution => f("contribution", p.contribution.clone()),
            cofinancing => f("cofinancing", p.cofinancing.map(|d| d.format(locale)).unwrap_or_default()),
            letter_kind => f("letter_kind", p.letter.as_ref().map(|l| l.kind.code().to_string()).unwrap_or_default()),
            letter_document => f("letter_document", p.letter.as_ref().map(|l| l.document.clone()).unwrap_or_default()),
            letter_date => f("letter_date", p.letter.as_ref().map(|l| l.date.to_string()).unwrap_or_default()),
        });
    }
    let first = pp.partnership.partners.len();
    for n in first..first + NEW_PARTNERS {
        let f = |name: &str| value(format!("p{n}.{name}"), String::new());
        partners.push(context! {
            n, id => "", organisation => f("organisation"), name => f("name"),
            role => { let r = f("role"); if r.is_empty() { if n == 0 { "lead".to_string() } else { "partner".to_string() } } else { r } },
            country => f("country"), org_type => f("org_type"), legal_status => f("legal_status"),
            contact => f("contact"), contribution => f("contribution"), cofinancing => f("cofinancing"),
            letter_kind => f("letter_kind"), letter_document => f("letter_document"), letter_date => f("letter_date"),
        });
    }
    let (members, registry) = offered(state, org).await?;
    let option =
        |o: &Offered| context! { id => o.id.to_string(), name => o.name, country => o.country };
    let calls: Vec<Value> = db::calls::list(&state.db)
        .await?
        .iter()
        .map(|c| context! { id => c.id.to_string(), name => c.call.name, programme => c.call.programme })
        .collect();
    let choices = context! {
        members => members.iter().map(option).collect::<Vec<_>>(),
        registry => registry.iter().map(option).collect::<Vec<_>>(),
        roles => Role::ALL.iter().map(|r| context! { code => r.code(), name => role_name(state, locale, *r) }).collect::<Vec<_>>(),
        org_types => org_types::CODES.iter().map(|(c, _)| context! { code => c, name => org_type_name(state, locale, c) }).collect::<Vec<_>>(),
        letters => LetterKind::ALL.iter().map(|k| context! { code => k.code(), name => state.i18n.t(locale, &format!("partnership-letter-{}", k.code())) }).collect::<Vec<_>>(),
        documents => db::tables::lead_documents(&state.db, org).await?.into_iter().map(|(id, title)| context! { id => id.to_string(), title }).collect::<Vec<_>>(),
        countries => domain::organisations::countries::CODES.iter().map(|c| context! { code => c, name => country_name(locale, c) }).collect::<Vec<_>>(),
        logframes => super::strategy::logframes(state, org).await?.iter().map(|(id, title, _)| context! { id => id.to_string(), title }).collect::<Vec<_>>(),
        calls,
    };
    let form = context! {
        partners, choices,
        logframe => value("logframe".into(), pp.logframe.clone()),
        call => value("call".into(), pp.call.clone()),
    };
    Ok((view, form))
}

/// Reads the partnership's form, typed in `locale`: the product as far as it reads, the form as
/// sent (to show again) and every problem on its field. The logframe must be one of the
/// administration's, the call one of the calls, a partner's organisation one the picker offers
/// and a letter a document of the administration's library; a partner picked from the registry
/// with no name or country typed takes the registry's.
pub(crate) async fn read(
    state: &AppState,
    org: Uuid,
    locale: Locale,
    saved: &PartnershipProduct,
    fields: &[(String, String)],
) -> AppResult<(PartnershipProduct, Vec<(String, String)>, Vec<Problem>)> {
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let (members, registry) = offered(state, org).await?;
    // A registry pick fills what was left empty.
    let mut filled: Vec<(String, String)> = fields.to_vec();
    for (k, v) in fields {
        let Some(prefix) = k.strip_suffix(".organisation") else {
            continue;
        };
        let Ok(id) = Uuid::parse_str(v.trim()) else {
            continue;
        };
        let Some(o) = members.iter().chain(registry.iter()).find(|o| o.id == id) else {
            continue;
        };
        for (field, value) in [
            ("name", o.name.clone()),
            ("country", o.country.clone()),
            ("org_type", o.org_type.to_string()),
        ] {
            let key = format!("{prefix}.{field}");
            match filled.iter_mut().find(|(k, _)| *k == key) {
                Some((_, existing)) if existing.trim().is_empty() => *existing = value,
                Some(_) => {}
                None => filled.push((key, value)),
            }
        }
    }
    let (partnership, mut problems) =
        Partnership::read_form(&filled, locale, saved.partnership.last_id);
    let problem = |field: String| Problem {
        field,
        message: "error-unknown-choice",
        args: vec![],
    };
    let logframe = get("logframe");
    if !logframe.is_empty()
        && super::budget::logframe(state, org, &logframe)
            .await?
            .is_none()
    {
        problems.push(problem("logframe".into()));
    }
    let call_id = get("call");
    if !call_id.is_empty() && call(state, &call_id).await?.is_none() {
        problems.push(problem("call".into()));
    }
    // Picks and letters are checked on the form's own rows, so that each problem sits on its field.
    let documents = db::tables::lead_documents(&state.db, org).await?;
    let value = |key: String| {
        filled
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let mut rows: Vec<String> = Vec::new();
    for (k, _) in &filled {
        if let Some((row, _)) = k.split_once('.') {
            if row.starts_with('p') && !rows.iter().any(|r| r == row) {
                rows.push(row.to_string());
            }
        }
    }
    for row in rows {
        let kept = value(format!("{row}.remove")).is_empty()
            && !(value(format!("{row}.name")).is_empty()
                && value(format!("{row}.organisation")).is_empty());
        if !kept {
            continue;
        }
        if let Ok(id) = Uuid::parse_str(&value(format!("{row}.organisation"))) {
            if !members.iter().chain(registry.iter()).any(|o| o.id == id) {
                problems.push(problem(format!("{row}.organisation")));
            }
        }
        if let Ok(id) = Uuid::parse_str(&value(format!("{row}.letter_document"))) {
            if !documents.iter().any(|(d, _)| *d == id) {
                problems.push(problem(format!("{row}.letter_document")));
            }
        }
    }
    Ok((
        PartnershipProduct {
            logframe,
            call: call_id,
            partnership,
        },
        filled,
        problems,
    ))
}

/// The problems in the reader's words, each with where it is, and a map from the form field to
/// its message, to show it next to the field.
pub(crate) fn problems(
    state: &AppState,
    locale: Locale,
    problems: &[Problem],
) -> (Vec<Value>, BTreeMap<String, String>) {
    let mut by_field = BTreeMap::new();
    let list = problems
        .iter()
        .map(|p| {
            let args: Vec<(&str, FluentValue)> = p
                .args
                .iter()
                .map(|(n, v)| (*n, FluentValue::from(v.clone())))
                .collect();
            let message = state.i18n.message(locale, p.message, &args);
            by_field
                .entry(p.field.clone())
                .or_insert_with(|| message.clone());
            context! { field => field_words(state, locale, &p.field), key => p.field, message }
        })
        .collect();
    (list, by_field)
}

/// "Partner 2 — Paese" for `p1.country`.
fn field_words(state: &AppState, locale: Locale, key: &str) -> Option<String> {
    let t = |k: &str| state.i18n.t(locale, k);
    let name = |f: &str| -> Option<String> {
        Some(t(match f {
            "logframe" => "budget-logframe",
            "call" => "calls-choose",
            "organisation" => "partnership-organisation",
            "name" => "partnership-name",
            "role" => "partnership-role",
            "country" => "partnership-country",
            "org_type" => "partnership-org-type",
            "legal_status" => "partnership-legal-status",
            "contact" => "partnership-contact",
            "contribution" => "partnership-contribution",
            "cofinancing" => "partnership-cofinancing",
            "letter_kind" => "partnership-letter",
            "letter_document" => "partnership-letter-document",
            "letter_date" => "partnership-letter-date",
            _ => return None,
        }))
    };
    match key.split_once('.') {
        Some((row, field)) if row.starts_with('p') => {
            let n: usize = row[1..].parse().ok()?;
            let partner =
                state
                    .i18n
                    .message(locale, "partnership-partner-n", &[("n", (n + 1).into())]);
            Some(match name(field) {
                Some(f) => format!("{partner} — {f}"),
                None => partner,
            })
        }
        _ => name(key),
    }
}

/// Two versions compared: partners added, removed and changed, with the fields that changed.
pub(crate) fn comparison(
    state: &AppState,
    locale: Locale,
    old: &PartnershipProduct,
    new: &PartnershipProduct,
) -> Value {
    let describe = |p: &Partner| {
        format!(
            "{} · {} · {}{}",
            p.name,
            role_name(state, locale, p.role),
            country_name(locale, &p.country),
            p.cofinancing
                .map(|d| format!(" · {} %", d.format(locale)))
                .unwrap_or_default()
        )
    };
    let mut rows: Vec<Value> = Vec::new();
    for p in &new.partnership.partners {
        match old.partnership.partners.iter().find(|o| o.id == p.id) {
            None => rows.push(context! { change => "added", old => None::<String>, new => describe(p), fields => Vec::<String>::new() }),
            Some(o) if o != p => {
                let mut fields = Vec::new();
                let mut differs = |key: &str, a: bool| {
                    if a {
                        fields.push(state.i18n.t(locale, key));
                    }
                };
                differs("partnership-name", o.name != p.name);
                differs("partnership-role", o.role != p.role);
                differs("partnership-country", o.country != p.country);
                differs("partnership-org-type", o.org_type != p.org_type);
                differs("partnership-legal-status", o.legal_status != p.legal_status);
                differs("partnership-contact", o.contact != p.contact);
                differs("partnership-contribution", o.contribution != p.contribution);
                differs("partnership-cofinancing", o.cofinancing != p.cofinancing);
                differs("partnership-letter", o.letter != p.letter);
                rows.push(context! { change => "changed", old => describe(o), new => describe(p), fields });
            }
            Some(_) => {}
        }
    }
    for o in &old.partnership.partners {
        if !new.partnership.partners.iter().any(|p| p.id == o.id) {
            rows.push(context! { change => "removed", old => describe(o), new => None::<String>, fields => Vec::<String>::new() });
        }
    }
    let changed = rows.len();
    context! { type => "partnership", rows, changed }
}

/// The partnership as document blocks for the exports.
pub(crate) async fn blocks(
    state: &AppState,
    locale: Locale,
    org: Uuid,
    pp: &PartnershipProduct,
) -> AppResult<Vec<domain::products::text::Block>> {
    use domain::products::text::Block;
    let t = |k: &str| state.i18n.t(locale, k);
    let mut out = vec![Block::Heading(2, t("partnership-partners"))];
    let mut rows = vec![vec![
        t("partnership-name"),
        t("partnership-role"),
        t("partnership-country"),
        t("partnership-org-type"),
        t("partnership-legal-status"),
        t("partnership-contact"),
        t("partnership-contribution"),
        t("partnership-cofinancing"),
        t("partnership-letter"),
    ]];
    for p in &pp.partnership.partners {
        rows.push(vec![
            p.name.clone(),
            role_name(state, locale, p.role),
            country_name(locale, &p.country),
            org_type_name(state, locale, &p.org_type),
            p.legal_status.clone(),
            p.contact.clone(),
            p.contribution.clone(),
            p.cofinancing
                .map(|d| format!("{} %", d.format(locale)))
                .unwrap_or_default(),
            p.letter
                .as_ref()
                .map(|l| {
                    format!(
                        "{} ({})",
                        t(&format!("partnership-letter-{}", l.kind.code())),
                        locale.date(l.date)
                    )
                })
                .unwrap_or_default(),
        ]);
    }
    out.push(Block::Table(rows));
    let v = view(state, locale, org, pp).await?;
    let items = v
        .get_attr("eligibility")
        .ok()
        .and_then(|e| e.get_attr("items").ok())
        .filter(|i| !i.is_undefined() && !i.is_none())
        .or_else(|| v.get_attr("checks").ok());
    if let Some(items) = items.filter(|i| !i.is_none() && !i.is_undefined()) {
        out.push(Block::Heading(2, t("partnership-checks")));
        if let Ok(iter) = items.try_iter() {
            for item in iter {
                let outcome = item
                    .get_attr("outcome")
                    .map(|o| o.to_string())
                    .unwrap_or_default();
                let message = item
                    .get_attr("message")
                    .map(|m| m.to_string())
                    .unwrap_or_default();
                out.push(Block::Item(format!(
                    "{}: {message}",
                    t(&format!("eligibility-outcome-{outcome}"))
                )));
            }
        }
    }
    Ok(out)
}

/// The elements comments can be anchored to: each partner by its name.
pub(crate) fn anchor_labels(pp: &PartnershipProduct) -> Vec<(String, String)> {
    pp.partnership.anchors()
}
