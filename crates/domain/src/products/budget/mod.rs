//! The budget of a project: lines by partner × cost category × logframe activity × year, each
//! unit cost × quantity in a currency with its exchange rate to the euro, the partners'
//! co-financing and in-kind contributions, the totals computed exactly in euro cents, and the
//! typed problems a budget can have. The funding rules it is checked against are data
//! ([`rules`]).
//!
//! How amounts are computed, exactly and in this order:
//! 1. a line's amount, in minor units of its currency, is unit cost × quantity rounded half away
//!    from zero to the minor unit ([`money::times`]);
//! 2. that amount in euro cents is amount ÷ rate (units of the currency for one euro, with the
//!    rate's date) rounded half away from zero ([`money::to_eur`]);
//! 3. every total (per partner, category, activity, year, source) is the sum of the lines' euro
//!    cents, so that the totals add up to the project total to the cent;
//! 4. a partner's grant is its total × (100 % − its co-financing share) rounded down, so that
//!    the grant never exceeds its rate by a fraction of a cent; its co-financing is the rest, so
//!    grant + co-financing = total exactly;
//! 5. in-kind contributions are converted the same way and reported beside the eligible total,
//!    never inside it.

pub mod diff;
pub mod form;
pub mod messages;
pub mod money;
pub mod rules;

use super::logframe::{Level, Logframe, Mode};
use money::{Currency, Decimal, MoneyError};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Most decimals of a quantity (2,5 months; 0,125 of a year).
pub const QUANTITY_SCALE: u32 = 4;
/// Most decimals of an exchange rate.
pub const RATE_SCALE: u32 = 6;
/// Most decimals of a co-financing share, in percent.
pub const SHARE_SCALE: u32 = 2;

/// A cost category. Each rule pack says which it allows and how the call names them (PRAG's
/// headings 1–6, Interreg's categories).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Staff / human resources (PRAG heading 1).
    Staff,
    /// Travel and accommodation (PRAG heading 2).
    Travel,
    /// Equipment and supplies (PRAG heading 3).
    Equipment,
    /// Local office (PRAG heading 4).
    LocalOffice,
    /// External expertise and services; other costs, services (PRAG heading 5).
    Services,
    /// Other (PRAG heading 6).
    Other,
    /// Infrastructure and works.
    Infrastructure,
    /// Office and administration (Interreg).
    OfficeAdministration,
    /// Indirect costs.
    Indirect,
    /// Contingency reserve.
    Contingency,
    /// Financial support to third parties (re-granting).
    Regranting,
}

impl Category {
    pub const ALL: [Category; 11] = [
        Category::Staff,
        Category::Travel,
        Category::Equipment,
        Category::LocalOffice,
        Category::Services,
        Category::Other,
        Category::Infrastructure,
        Category::OfficeAdministration,
        Category::Indirect,
        Category::Contingency,
        Category::Regranting,
    ];

    /// The stable code, as in forms, storage and rule packs.
    pub fn code(self) -> &'static str {
        match self {
            Category::Staff => "staff",
            Category::Travel => "travel",
            Category::Equipment => "equipment",
            Category::LocalOffice => "local_office",
            Category::Services => "services",
            Category::Other => "other",
            Category::Infrastructure => "infrastructure",
            Category::OfficeAdministration => "office_administration",
            Category::Indirect => "indirect",
            Category::Contingency => "contingency",
            Category::Regranting => "regranting",
        }
    }

    pub fn parse(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code.trim())
    }
}

/// Where the money comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The programme's grant (EU or agency).
    Grant,
    /// The partners' own cash.
    Cofinancing,
    /// The partners' contributions in kind, valued.
    InKind,
}

/// A contribution in kind (premises, volunteers' time), valued in a currency.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct InKind {
    pub description: String,
    /// In minor units of `currency`.
    pub amount: i64,
    pub currency: Currency,
}

/// A partner of the budget.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Partner {
    /// Stable within the product.
    pub id: String,
    pub name: String,
    /// The registry's organisation id, when the partner comes from it.
    pub organisation: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// The call's partner group (e.g. `erdf`, `ipa`, `mpc`), as its rule pack names them.
    pub group: String,
    /// The share of its eligible costs the partner pays itself, in percent (0–100).
    pub cofinancing: Decimal,
    pub in_kind: Vec<InKind>,
    /// The flat-rate options the partner chose (see the rule pack's `option` limits).
    pub options: Vec<String>,
}

/// An exchange rate: how many units of `currency` make one euro, on `date`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeRate {
    pub currency: Currency,
    pub per_eur: Decimal,
    pub date: chrono::NaiveDate,
}

/// One line: a cost of a partner, in a category, for an activity, in a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// Stable within the product.
    pub id: String,
    /// The partner's id.
    pub partner: String,
    pub category: Category,
    /// The logframe row id of the activity, empty for costs of the project as a whole
    /// (management, indirect costs, contingency).
    #[serde(default)]
    pub activity: String,
    pub year: i32,
    #[serde(default)]
    pub description: String,
    /// The unit, in words (month, trip, day).
    #[serde(default)]
    pub unit: String,
    /// In minor units of `currency`.
    pub unit_cost: i64,
    pub quantity: Decimal,
    pub currency: Currency,
}

/// A structured budget.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Budget {
    pub partners: Vec<Partner>,
    pub rates: Vec<ExchangeRate>,
    pub lines: Vec<Line>,
    /// The project's planned duration, when known.
    pub duration_months: Option<u32>,
    /// The last number given to a new id; ids are never reused.
    pub last_id: u32,
}

/// A budget product's content: the budget, the logframe product it is tied to (its activities
/// are the ones lines can be for) and the rule pack it is checked against.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BudgetProduct {
    /// The id of a logframe product of the same administration; empty when none is chosen.
    pub logframe: String,
    /// The id of a rule pack ([`rules::packs`]); empty when none is chosen.
    pub pack: String,
    /// The id of the funding call the project answers; empty when none is chosen.
    pub call: String,
    pub budget: Budget,
}

/// A problem with a budget, typed, with the message key that explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum BudgetError {
    #[error(transparent)]
    Money(#[from] MoneyError),
    #[error("no exchange rate for {currency:?}")]
    MissingRate { currency: Currency },
    #[error("two exchange rates for {currency:?}")]
    RateTwice { currency: Currency },
    #[error("activity {activity} is not in the logframe")]
    UnknownActivity { activity: String },
    #[error("partner {partner} is not in the budget")]
    UnknownPartner { partner: String },
    #[error("partner {partner} is listed twice")]
    PartnerTwice { partner: String },
    #[error("share above 100 %")]
    ShareAbove100,
    #[error("year out of range")]
    Year,
    #[error("id {id} used twice")]
    DuplicateId { id: String },
    #[error("too many elements")]
    TooMany,
    #[error("text too long")]
    TooLong,
    #[error("invalid characters")]
    InvalidCharacters,
    #[error("not one of the choices")]
    UnknownChoice,
    #[error("not a date")]
    Date,
}

impl BudgetError {
    /// The message key explaining the problem (see [`messages`]).
    pub fn message(&self) -> &'static str {
        use messages as m;
        match self {
            BudgetError::Money(e) => e.message(),
            BudgetError::MissingRate { .. } => m::ERROR_MISSING_RATE,
            BudgetError::RateTwice { .. } => m::ERROR_RATE_TWICE,
            BudgetError::UnknownActivity { .. } => m::ERROR_UNKNOWN_ACTIVITY,
            BudgetError::UnknownPartner { .. } => m::ERROR_UNKNOWN_PARTNER,
            BudgetError::PartnerTwice { .. } => m::ERROR_PARTNER_TWICE,
            BudgetError::ShareAbove100 => m::ERROR_SHARE_ABOVE_100,
            BudgetError::Year => m::ERROR_YEAR,
            BudgetError::DuplicateId { .. } => m::ERROR_DUPLICATE_ID,
            BudgetError::TooMany => m::ERROR_TOO_MANY,
            BudgetError::TooLong => m::ERROR_TOO_LONG,
            BudgetError::InvalidCharacters => m::ERROR_INVALID_CHARACTERS,
            BudgetError::UnknownChoice => m::ERROR_UNKNOWN_CHOICE,
            BudgetError::Date => m::ERROR_DATE,
        }
    }

    /// The message's arguments.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            BudgetError::Money(MoneyError::TooManyDecimals { max }) => {
                vec![("max", max.to_string())]
            }
            BudgetError::MissingRate { currency } | BudgetError::RateTwice { currency } => {
                vec![("currency", currency.code().to_string())]
            }
            BudgetError::UnknownActivity { activity } => vec![("activity", activity.clone())],
            BudgetError::UnknownPartner { partner } | BudgetError::PartnerTwice { partner } => {
                vec![("partner", partner.clone())]
            }
            BudgetError::DuplicateId { id } => vec![("id", id.clone())],
            _ => Vec::new(),
        }
    }
}

/// A problem and the element it is about: `line:ID`, `partner:ID`, `rate:CODE` or `budget`
/// (or the form field, from [`Budget::from_form`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub anchor: String,
    pub error: BudgetError,
}

/// Stored and sent as the anchor, the error, its message key and the message's arguments.
impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let args: BTreeMap<&str, String> = self.error.args().into_iter().collect();
        let mut st = s.serialize_struct("Problem", 4)?;
        st.serialize_field("anchor", &self.anchor)?;
        st.serialize_field("error", &self.error)?;
        st.serialize_field("message", self.error.message())?;
        st.serialize_field("args", &args)?;
        st.end()
    }
}

/// A partner's money by source, in euro cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Funding {
    /// Its eligible costs: the sum of its lines.
    pub total: i64,
    pub cofinancing: i64,
    /// `total - cofinancing`.
    pub grant: i64,
    pub in_kind: i64,
}

/// The budget's totals, in euro cents.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Totals {
    /// Eligible costs: the sum of every line.
    pub total: i64,
    pub by_partner: BTreeMap<String, Funding>,
    pub by_category: BTreeMap<Category, i64>,
    /// By activity row id; `""` holds the lines of the project as a whole.
    pub by_activity: BTreeMap<String, i64>,
    pub by_year: BTreeMap<i32, i64>,
    /// Grant + co-financing = total; in kind beside.
    pub by_source: BTreeMap<Source, i64>,
    /// Each line in euro cents, by line id.
    pub lines: BTreeMap<String, i64>,
}

/// The ids of the logframe's rows a budget line can be for: its activities, or its outputs in
/// the results-chain matrix, which has no activities.
pub fn activity_ids(logframe: &Logframe) -> Vec<String> {
    let level = match logframe.mode {
        Mode::Classic => Level::Activity,
        Mode::ResultsChain => Level::Result,
    };
    logframe
        .rows
        .iter()
        .filter(|r| r.level == level)
        .map(|r| r.id.clone())
        .collect()
}

/// Each activity's cost in euro cents, in the logframe's order (zero for an activity with no
/// line), for the matrix's costs cell: the activities' costs come from the budget's lines.
pub fn activity_costs(totals: &Totals, logframe: &Logframe) -> Vec<(String, i64)> {
    activity_ids(logframe)
        .into_iter()
        .map(|id| {
            let cost = totals.by_activity.get(&id).copied().unwrap_or(0);
            (id, cost)
        })
        .collect()
}

impl Budget {
    /// The rate of `currency`: one for the euro.
    pub fn rate(&self, currency: Currency) -> Result<Decimal, BudgetError> {
        if currency == Currency::Eur {
            return Ok(Decimal::whole(1));
        }
        self.rates
            .iter()
            .find(|r| r.currency == currency)
            .map(|r| r.per_eur)
            .ok_or(BudgetError::MissingRate { currency })
    }

    /// A line's amount in minor units of its own currency.
    pub fn line_amount(line: &Line) -> Result<i64, BudgetError> {
        if line.unit_cost < 0 {
            return Err(MoneyError::Negative.into());
        }
        Ok(money::times(line.unit_cost, line.quantity)?)
    }

    /// A line's amount in euro cents.
    pub fn line_eur(&self, line: &Line) -> Result<i64, BudgetError> {
        let amount = Budget::line_amount(line)?;
        Ok(money::to_eur(
            amount,
            line.currency,
            self.rate(line.currency)?,
        )?)
    }

    /// A partner's in-kind contributions in euro cents.
    pub fn in_kind_eur(&self, partner: &Partner) -> Result<i64, BudgetError> {
        let mut total = 0i64;
        for c in &partner.in_kind {
            if c.amount < 0 {
                return Err(MoneyError::Negative.into());
            }
            let eur = money::to_eur(c.amount, c.currency, self.rate(c.currency)?)?;
            total = total.checked_add(eur).ok_or(MoneyError::Overflow)?;
        }
        Ok(total)
    }

    /// Every total, exactly; the first error met when a line cannot be computed.
    pub fn totals(&self) -> Result<Totals, BudgetError> {
        fn add<K: Ord>(map: &mut BTreeMap<K, i64>, key: K, v: i64) -> Result<(), BudgetError> {
            let e = map.entry(key).or_insert(0);
            *e = e.checked_add(v).ok_or(MoneyError::Overflow)?;
            Ok(())
        }
        let mut t = Totals::default();
        let mut partner_totals: BTreeMap<String, i64> = BTreeMap::new();
        for line in &self.lines {
            let eur = self.line_eur(line)?;
            t.total = t.total.checked_add(eur).ok_or(MoneyError::Overflow)?;
            add(&mut partner_totals, line.partner.clone(), eur)?;
            add(&mut t.by_category, line.category, eur)?;
            add(&mut t.by_activity, line.activity.clone(), eur)?;
            add(&mut t.by_year, line.year, eur)?;
            t.lines.insert(line.id.clone(), eur);
        }
        let mut cofinancing = 0i64;
        let mut in_kind = 0i64;
        for p in &self.partners {
            let total = partner_totals.get(&p.id).copied().unwrap_or(0);
            let share = p
                .cofinancing
                .basis_points()
                .filter(|bp| *bp <= 10_000)
                .ok_or(BudgetError::ShareAbove100)?;
            let grant = i128::from(total) * i128::from(10_000 - share) / 10_000;
            let grant = i64::try_from(grant).map_err(|_| MoneyError::Overflow)?;
            let cof = total - grant;
            let kind = self.in_kind_eur(p)?;
            cofinancing = cofinancing.checked_add(cof).ok_or(MoneyError::Overflow)?;
            in_kind = in_kind.checked_add(kind).ok_or(MoneyError::Overflow)?;
            t.by_partner.insert(
                p.id.clone(),
                Funding {
                    total,
                    cofinancing: cof,
                    grant,
                    in_kind: kind,
                },
            );
        }
        // Lines of a partner not in the list (refused by `problems`) still count in the total,
        // funded by the grant, so that the totals always add up.
        for (id, total) in partner_totals {
            t.by_partner.entry(id).or_insert(Funding {
                total,
                cofinancing: 0,
                grant: total,
                in_kind: 0,
            });
        }
        t.by_source.insert(Source::Grant, t.total - cofinancing);
        t.by_source.insert(Source::Cofinancing, cofinancing);
        t.by_source.insert(Source::InKind, in_kind);
        Ok(t)
    }

    /// Every problem of the budget against its logframe: negative or overflowing amounts,
    /// missing, zero or repeated rates, lines for activities not in the logframe or partners
    /// not in the budget, a partner twice, a share above 100 %, ids used twice.
    pub fn problems(&self, logframe: &Logframe) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut push = |anchor: String, error: BudgetError| out.push(Problem { anchor, error });
        let mut ids = HashSet::new();

        let mut rates = HashSet::new();
        for r in &self.rates {
            let anchor = format!("rate:{}", r.currency.code());
            if !rates.insert(r.currency) {
                push(
                    anchor.clone(),
                    BudgetError::RateTwice {
                        currency: r.currency,
                    },
                );
            }
            if r.per_eur.is_zero() {
                push(anchor, MoneyError::ZeroRate.into());
            }
        }

        let mut names: HashMap<String, &str> = HashMap::new();
        let mut organisations: HashMap<&str, &str> = HashMap::new();
        for p in &self.partners {
            let anchor = format!("partner:{}", p.id);
            if !ids.insert(p.id.as_str()) {
                push(
                    anchor.clone(),
                    BudgetError::DuplicateId { id: p.id.clone() },
                );
            }
            // The same registry organisation, or the same name, is the same partner.
            let name = p.name.trim().to_lowercase();
            let org = p.organisation.trim();
            let same_org = (!org.is_empty())
                .then(|| organisations.get(org).copied())
                .flatten();
            let same_name = (!name.is_empty())
                .then(|| names.get(&name).copied())
                .flatten();
            if !org.is_empty() {
                organisations.entry(org).or_insert(p.name.as_str());
            }
            if !name.is_empty() {
                names.entry(name).or_insert(p.name.as_str());
            }
            if let Some(first) = same_org.or(same_name) {
                push(
                    anchor.clone(),
                    BudgetError::PartnerTwice {
                        partner: first.to_string(),
                    },
                );
            }
            match p.cofinancing.basis_points() {
                Some(bp) if bp <= 10_000 => {}
                Some(_) => push(anchor.clone(), BudgetError::ShareAbove100),
                None if p.cofinancing.scale() > SHARE_SCALE => push(
                    anchor.clone(),
                    MoneyError::TooManyDecimals { max: SHARE_SCALE }.into(),
                ),
                None => push(anchor.clone(), BudgetError::ShareAbove100),
            }
            if let Err(e) = self.in_kind_eur(p) {
                push(anchor, e);
            }
        }

        let activities: HashSet<String> = activity_ids(logframe).into_iter().collect();
        let partners: HashSet<&str> = self.partners.iter().map(|p| p.id.as_str()).collect();
        let mut total = 0i64;
        for line in &self.lines {
            let anchor = format!("line:{}", line.id);
            if !ids.insert(line.id.as_str()) {
                push(
                    anchor.clone(),
                    BudgetError::DuplicateId {
                        id: line.id.clone(),
                    },
                );
            }
            if !partners.contains(line.partner.as_str()) {
                push(
                    anchor.clone(),
                    BudgetError::UnknownPartner {
                        partner: line.partner.clone(),
                    },
                );
            }
            if !line.activity.is_empty() && !activities.contains(&line.activity) {
                push(
                    anchor.clone(),
                    BudgetError::UnknownActivity {
                        activity: line.activity.clone(),
                    },
                );
            }
            if !(1950..=2100).contains(&line.year) {
                push(anchor.clone(), BudgetError::Year);
            }
            match self.line_eur(line) {
                Ok(eur) => match total.checked_add(eur) {
                    Some(t) => total = t,
                    None => push("budget".to_string(), MoneyError::Overflow.into()),
                },
                Err(e) => push(anchor, e),
            }
        }
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests;
