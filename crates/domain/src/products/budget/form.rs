//! Reading the budget editor's form: amounts, quantities, rates and shares as the reader types
//! them in their language, each problem placed on its field, and nothing accepted while any
//! remains. Fields: `duration_months`, `last_id`; for partner `n` `pN.id`, `pN.name`,
//! `pN.organisation`, `pN.country`, `pN.group`, `pN.cofinancing`, `pN.options` (repeated), and
//! for its in-kind contribution `k` `pN.kK.description`, `pN.kK.amount`, `pN.kK.currency`; for
//! rate `n` `xN.currency`, `xN.per_eur`, `xN.date`; for line `n` `lN.id`, `lN.partner`,
//! `lN.category`, `lN.activity`, `lN.year`, `lN.description`, `lN.unit`, `lN.unit_cost`,
//! `lN.quantity`, `lN.currency`. Elements keep the order of their numbers.

use super::money::{self, Currency, Decimal, MoneyError};
use super::{
    Budget, BudgetError, Category, ExchangeRate, InKind, Line, Partner, Problem, QUANTITY_SCALE,
    RATE_SCALE, SHARE_SCALE,
};
use crate::locale::Locale;
use crate::products::logframe::Logframe;
use std::collections::{BTreeMap, HashMap};

/// Most partners in a budget.
pub const MAX_PARTNERS: usize = 60;
/// Most lines in a budget.
pub const MAX_LINES: usize = 2_000;
/// Most in-kind contributions of one partner.
pub const MAX_IN_KIND: usize = 20;
/// Longest name or description, in characters.
pub const MAX_TEXT: usize = 1_000;

/// What the form's fields say about one element: `(field, full key, value)`.
type Fields = Vec<(String, String, String)>;

#[derive(Default)]
struct PartnerFields {
    own: Fields,
    in_kind: BTreeMap<usize, Fields>,
}

/// The form's text, read.
struct Reader {
    locale: Locale,
    problems: Vec<Problem>,
}

impl Reader {
    fn problem(&mut self, field: &str, error: BudgetError) {
        if self.problems.len() < 100 {
            self.problems.push(Problem {
                anchor: field.chars().take(40).collect(),
                error,
            });
        }
    }

    fn text(&mut self, key: &str, value: &str) -> String {
        let t = value.trim().to_string();
        if t.chars().count() > MAX_TEXT {
            self.problem(key, BudgetError::TooLong);
        } else if t.chars().any(char::is_control) {
            self.problem(key, BudgetError::InvalidCharacters);
        }
        t
    }

    fn decimal(&mut self, key: &str, value: &str, scale: u32) -> Decimal {
        match Decimal::parse(value, self.locale, scale) {
            Ok(d) => d,
            Err(e) => {
                self.problem(key, e.into());
                Decimal::ZERO
            }
        }
    }

    fn currency(&mut self, key: &str, value: &str) -> Currency {
        Currency::parse(value).unwrap_or_else(|e| {
            self.problem(key, e.into());
            Currency::Eur
        })
    }

    fn amount(&mut self, key: &str, value: &str, currency: Currency) -> i64 {
        money::parse_amount(value, self.locale, currency).unwrap_or_else(|e| {
            self.problem(key, e.into());
            0
        })
    }
}

/// `p3.name` -> (3, "name") for `prefix` 'p'.
fn split_index(key: &str, prefix: char) -> Option<(usize, &str)> {
    let rest = key.strip_prefix(prefix)?;
    let (n, field) = rest.split_once('.')?;
    if n.is_empty() || n.len() > 4 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((n.parse().ok()?, field))
}

/// Ids are short letters and digits, safe in anchors and form names.
fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 12 && id.chars().all(|c| c.is_ascii_alphanumeric())
}

impl Budget {
    /// A new id, never given before in this budget, starting with `prefix`.
    pub fn fresh_id(&mut self, prefix: &str) -> String {
        loop {
            self.last_id = self.last_id.saturating_add(1);
            let id = format!("{prefix}{}", self.last_id);
            let taken =
                self.partners.iter().any(|p| p.id == id) || self.lines.iter().any(|l| l.id == id);
            if !taken || self.last_id == u32::MAX {
                return id;
            }
        }
    }

    /// The elements comments can be anchored to: each partner and each line, `(anchor, label)`.
    pub fn anchors(&self) -> Vec<(String, String)> {
        let partners = self
            .partners
            .iter()
            .map(|p| (format!("partner:{}", p.id), p.name.clone()));
        let lines = self.lines.iter().map(|l| {
            let label = if l.description.is_empty() {
                l.category.code().to_string()
            } else {
                l.description.clone()
            };
            (format!("line:{}", l.id), label)
        });
        partners.chain(lines).collect()
    }

    /// Reads the editor's form, typed in `locale`, and checks it against `logframe`: the budget
    /// when nothing is wrong, else every problem with the form field it is about.
    pub fn from_form(
        fields: &[(String, String)],
        locale: Locale,
        logframe: &Logframe,
    ) -> Result<Budget, Vec<Problem>> {
        let (budget, mut problems) = Budget::read_form(fields, locale);
        if problems.is_empty() {
            problems = budget.problems_by_field(logframe);
        }
        if problems.is_empty() {
            Ok(budget)
        } else {
            Err(problems)
        }
    }

    /// Reads the editor's form as far as it can, with the problems found, so that what was typed
    /// is shown again to be corrected.
    pub fn read_form(fields: &[(String, String)], locale: Locale) -> (Budget, Vec<Problem>) {
        let mut r = Reader {
            locale,
            problems: Vec::new(),
        };
        let mut b = Budget::default();
        let mut partners: BTreeMap<usize, PartnerFields> = BTreeMap::new();
        let mut rates: BTreeMap<usize, Fields> = BTreeMap::new();
        let mut lines: BTreeMap<usize, Fields> = BTreeMap::new();
        for (key, value) in fields {
            match key.as_str() {
                "duration_months" => {
                    let v = value.trim();
                    b.duration_months = match v {
                        "" => None,
                        _ => match v.parse::<u32>() {
                            Ok(n) if (1..=240).contains(&n) => Some(n),
                            _ => {
                                r.problem(key, MoneyError::NotANumber.into());
                                None
                            }
                        },
                    };
                }
                "last_id" => b.last_id = value.trim().parse().unwrap_or(0),
                _ => {
                    let entry =
                        |key: &str, prefix, max, r: &mut Reader| match split_index(key, prefix) {
                            Some((n, field)) if n < max => Some((n, field.to_string())),
                            Some(_) => {
                                r.problem(key, BudgetError::TooMany);
                                None
                            }
                            None => None,
                        };
                    let item = (key.clone(), value.clone());
                    if let Some((n, field)) = entry(key, 'p', MAX_PARTNERS, &mut r) {
                        let p = partners.entry(n).or_default();
                        match field.split_once('.') {
                            Some((k, f)) if k.starts_with('k') => match k[1..].parse::<usize>() {
                                Ok(i) if i < MAX_IN_KIND => p.in_kind.entry(i).or_default().push((
                                    f.to_string(),
                                    item.0,
                                    item.1,
                                )),
                                _ => r.problem(key, BudgetError::TooMany),
                            },
                            _ => p.own.push((field, item.0, item.1)),
                        }
                    } else if let Some((n, field)) = entry(key, 'x', Currency::ALL.len(), &mut r) {
                        rates.entry(n).or_default().push((field, item.0, item.1));
                    } else if let Some((n, field)) = entry(key, 'l', MAX_LINES, &mut r) {
                        lines.entry(n).or_default().push((field, item.0, item.1));
                    }
                }
            }
        }

        for (_, pf) in partners {
            let mut p = Partner::default();
            for (field, key, value) in pf.own {
                match field.as_str() {
                    "id" => p.id = value.trim().to_string(),
                    "name" => p.name = r.text(&key, &value),
                    "organisation" => p.organisation = r.text(&key, &value),
                    "country" => {
                        let c = value.trim().to_ascii_uppercase();
                        let iso = c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase());
                        if !c.is_empty() && !iso {
                            r.problem(&key, BudgetError::UnknownChoice);
                        }
                        p.country = c;
                    }
                    "group" => p.group = r.text(&key, &value),
                    "cofinancing" => {
                        p.cofinancing = if value.trim().is_empty() {
                            Decimal::ZERO
                        } else {
                            r.decimal(&key, &value, SHARE_SCALE)
                        }
                    }
                    "options" => {
                        let o = r.text(&key, &value);
                        if !o.is_empty() && !p.options.contains(&o) && p.options.len() < 10 {
                            p.options.push(o);
                        }
                    }
                    _ => {}
                }
            }
            for (_, kf) in pf.in_kind {
                let mut k = InKind::default();
                // The currency first: the amount is read in it.
                if let Some((_, key, value)) = kf.iter().find(|(f, _, _)| f == "currency") {
                    k.currency = r.currency(key, value);
                }
                for (field, key, value) in &kf {
                    match field.as_str() {
                        "description" => k.description = r.text(key, value),
                        "amount" => k.amount = r.amount(key, value, k.currency),
                        _ => {}
                    }
                }
                p.in_kind.push(k);
            }
            b.partners.push(p);
        }

        for (n, xf) in rates {
            let mut currency = Currency::Eur;
            let mut per_eur = Decimal::ZERO;
            let mut date = None;
            let mut date_typed = false;
            for (field, key, value) in xf {
                match field.as_str() {
                    "currency" => currency = r.currency(&key, &value),
                    "per_eur" => per_eur = r.decimal(&key, &value, RATE_SCALE),
                    "date" => {
                        date_typed = true;
                        match chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d") {
                            Ok(d) => date = Some(d),
                            Err(_) => r.problem(&key, BudgetError::Date),
                        }
                    }
                    _ => {}
                }
            }
            // A rate is nothing without its date.
            match date {
                Some(date) => b.rates.push(ExchangeRate {
                    currency,
                    per_eur,
                    date,
                }),
                None if date_typed => {}
                None => r.problem(&format!("x{n}.date"), BudgetError::Date),
            }
        }

        for (n, lf) in lines {
            let get = |name: &str| lf.iter().find(|(f, _, _)| f == name);
            let currency = match get("currency") {
                Some((_, key, value)) => r.currency(key, value),
                None => Currency::Eur,
            };
            let category = match get("category").map(|(_, k, v)| (k, Category::parse(v))) {
                Some((_, Some(c))) => c,
                Some((key, None)) => {
                    r.problem(key, BudgetError::UnknownChoice);
                    Category::Other
                }
                None => {
                    r.problem(&format!("l{n}.category"), BudgetError::UnknownChoice);
                    Category::Other
                }
            };
            let mut line = Line {
                id: String::new(),
                partner: String::new(),
                category,
                activity: String::new(),
                year: 0,
                description: String::new(),
                unit: String::new(),
                unit_cost: 0,
                quantity: Decimal::ZERO,
                currency,
            };
            for (field, key, value) in &lf {
                match field.as_str() {
                    "id" => line.id = value.trim().to_string(),
                    "partner" => line.partner = value.trim().to_string(),
                    "activity" => line.activity = value.trim().to_string(),
                    "year" => match value.trim().parse::<i32>() {
                        Ok(y) if (1950..=2100).contains(&y) => line.year = y,
                        _ => r.problem(key, BudgetError::Year),
                    },
                    "description" => line.description = r.text(key, value),
                    "unit" => line.unit = r.text(key, value),
                    "unit_cost" => line.unit_cost = r.amount(key, value, currency),
                    "quantity" => line.quantity = r.decimal(key, value, QUANTITY_SCALE),
                    _ => {}
                }
            }
            if line.year == 0 && get("year").is_none() {
                r.problem(&format!("l{n}.year"), BudgetError::Year);
            }
            b.lines.push(line);
        }

        // Elements that came without a usable id, or with one already taken, get a fresh one.
        let mut seen = std::collections::HashSet::new();
        for i in 0..b.partners.len() {
            let id = b.partners[i].id.clone();
            if !valid_id(&id) || !seen.insert(id) {
                b.partners[i].id = String::new();
            }
        }
        for i in 0..b.lines.len() {
            let id = b.lines[i].id.clone();
            if !valid_id(&id) || !seen.insert(id) {
                b.lines[i].id = String::new();
            }
        }
        for i in 0..b.partners.len() {
            if b.partners[i].id.is_empty() {
                b.partners[i].id = b.fresh_id("p");
            }
        }
        for i in 0..b.lines.len() {
            if b.lines[i].id.is_empty() {
                b.lines[i].id = b.fresh_id("l");
            }
        }
        (b, r.problems)
    }

    /// [`Budget::problems`] with each placed on the form field it is about (`l3.activity`,
    /// `p0.cofinancing`, `x1.per_eur`), the element's anchor when no single field is.
    pub fn problems_by_field(&self, logframe: &Logframe) -> Vec<Problem> {
        let lines: HashMap<&str, usize> = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.as_str(), i))
            .collect();
        let partners: HashMap<&str, usize> = self
            .partners
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let rates: HashMap<&str, usize> = self
            .rates
            .iter()
            .enumerate()
            .map(|(i, x)| (x.currency.code(), i))
            .collect();
        self.problems(logframe)
            .into_iter()
            .map(|p| {
                let field = |prefix: char, index: Option<&usize>, name: &str| {
                    index.map(|i| format!("{prefix}{i}.{name}"))
                };
                let anchor = match p.anchor.split_once(':') {
                    Some(("line", id)) => {
                        let name = match p.error {
                            BudgetError::UnknownPartner { .. } => "partner",
                            BudgetError::UnknownActivity { .. } => "activity",
                            BudgetError::Year => "year",
                            BudgetError::MissingRate { .. } => "currency",
                            BudgetError::DuplicateId { .. } => "id",
                            _ => "unit_cost",
                        };
                        field('l', lines.get(id), name)
                    }
                    Some(("partner", id)) => {
                        let name = match p.error {
                            BudgetError::PartnerTwice { .. } => "name",
                            BudgetError::ShareAbove100 | BudgetError::Money(_) => "cofinancing",
                            _ => "id",
                        };
                        field('p', partners.get(id), name)
                    }
                    Some(("rate", code)) => {
                        let name = match p.error {
                            BudgetError::RateTwice { .. } => "currency",
                            _ => "per_eur",
                        };
                        field('x', rates.get(code), name)
                    }
                    _ => None,
                };
                Problem {
                    anchor: anchor.unwrap_or(p.anchor),
                    error: p.error,
                }
            })
            .collect()
    }
}

/// The editor's fields without its empty rows, the rest renumbered from zero in their order: a
/// line with no description, unit, unit cost nor quantity, a partner with no name, registry
/// organisation nor share, a rate with neither rate nor date, a contribution with neither
/// description nor amount, and any element whose `remove` box is ticked, are dropped. The editor
/// offers empty rows to fill in; clearing a row or ticking its box removes it.
pub fn drop_blank(fields: &[(String, String)]) -> Vec<(String, String)> {
    /// What makes an element of `prefix` worth keeping.
    fn filled(prefix: char, field: &str) -> bool {
        match prefix {
            'l' => matches!(field, "description" | "unit" | "unit_cost" | "quantity"),
            'p' => matches!(field, "name" | "organisation" | "cofinancing"),
            'x' => matches!(field, "per_eur" | "date"),
            _ => matches!(field, "description" | "amount"),
        }
    }
    // Element key (`l3`, `p1`, `p1.k0`) -> kept.
    let mut keep: HashMap<String, bool> = HashMap::new();
    let mut removed: std::collections::HashSet<String> = std::collections::HashSet::new();
    let element = |key: &str| -> Option<(String, char, String)> {
        let prefix = key.chars().next()?;
        let (n, field) = split_index(key, prefix).filter(|_| "lpx".contains(prefix))?;
        if prefix == 'p' {
            if let Some((k, f)) = field.split_once('.') {
                if k.starts_with('k') && k[1..].bytes().all(|b| b.is_ascii_digit()) {
                    return Some((format!("p{n}.{k}"), 'k', f.to_string()));
                }
            }
        }
        Some((format!("{prefix}{n}"), prefix, field.to_string()))
    };
    for (key, value) in fields {
        if let Some((el, prefix, field)) = element(key) {
            let e = keep.entry(el.clone()).or_insert(false);
            if field == "remove" && !value.trim().is_empty() {
                removed.insert(el);
            } else if filled(prefix, &field) && !value.trim().is_empty() {
                *e = true;
            }
        }
    }
    let kept = |el: &str| -> bool {
        let own = keep.get(el).copied().unwrap_or(false) && !removed.contains(el);
        // A contribution goes with its partner.
        match el.split_once('.') {
            Some((partner, _)) => {
                own && keep.get(partner).copied().unwrap_or(false) && !removed.contains(partner)
            }
            None => own,
        }
    };
    // New numbers, in the order of the old ones.
    let mut numbers: HashMap<String, String> = HashMap::new();
    let mut order: Vec<(char, usize, Option<usize>, String)> = keep
        .keys()
        .filter(|el| kept(el))
        .filter_map(|el| {
            let prefix = el.chars().next()?;
            let (n, rest) = match el[1..].split_once('.') {
                Some((n, k)) => (n.parse().ok()?, Some(k[1..].parse().ok()?)),
                None => (el[1..].parse().ok()?, None),
            };
            Some((prefix, n, rest, el.clone()))
        })
        .collect();
    order.sort();
    let mut counters: HashMap<String, usize> = HashMap::new();
    for (prefix, _, sub, el) in &order {
        match sub {
            None => {
                let c = counters.entry(prefix.to_string()).or_insert(0);
                numbers.insert(el.clone(), format!("{prefix}{c}"));
                *c += 1;
            }
            Some(_) => {
                let (partner, _) = el.split_once('.').unwrap_or((el, ""));
                let Some(new_partner) = numbers.get(partner).cloned() else {
                    continue;
                };
                let c = counters.entry(partner.to_string()).or_insert(0);
                numbers.insert(el.clone(), format!("{new_partner}.k{c}"));
                *c += 1;
            }
        }
    }
    fields
        .iter()
        .filter_map(|(key, value)| match element(key) {
            None => Some((key.clone(), value.clone())),
            Some((el, _, field)) => {
                if field == "remove" {
                    return None;
                }
                numbers
                    .get(&el)
                    .map(|n| (format!("{n}.{field}"), value.clone()))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::products::logframe::{Level, Mode, Row};

    fn f(k: &str, v: &str) -> (String, String) {
        (k.to_string(), v.to_string())
    }

    fn logframe() -> Logframe {
        let mut lf = Logframe::starter(Mode::Classic);
        lf.rows.push(Row::new("r9".into(), Level::Activity));
        lf
    }

    #[test]
    fn reads_a_budget_typed_in_each_language() {
        for (locale, cost, quantity, rate, share) in [
            (Locale::It, "1.234,56", "2,5", "117,25", "15"),
            (Locale::En, "1,234.56", "2.5", "117.25", "15"),
            (Locale::Fr, "1\u{202f}234,56", "2,5", "117,25", "15,00"),
        ] {
            let form = vec![
                f("duration_months", "24"),
                f("p0.id", "p1"),
                f("p0.name", "Comune di Salerno"),
                f("p0.country", "it"),
                f("p0.cofinancing", share),
                f("p0.options", "travel_flat_rate"),
                f("p0.k0.currency", "ALL"),
                f("p0.k0.amount", cost),
                f("x0.currency", "ALL"),
                f("x0.per_eur", rate),
                f("x0.date", "2026-11-01"),
                f("l0.id", "l1"),
                f("l0.partner", "p1"),
                f("l0.category", "staff"),
                f("l0.activity", "r4"),
                f("l0.year", "2026"),
                f("l0.unit_cost", cost),
                f("l0.quantity", quantity),
                f("l0.currency", "EUR"),
            ];
            let b = Budget::from_form(&form, locale, &logframe()).unwrap();
            assert_eq!(b.duration_months, Some(24));
            assert_eq!(b.partners[0].country, "IT");
            assert_eq!(b.partners[0].cofinancing, Decimal::whole(15));
            assert_eq!(b.partners[0].in_kind[0].amount, 123_456);
            assert_eq!(b.rates[0].per_eur, Decimal::new(11_725, 2).unwrap());
            let line = &b.lines[0];
            assert_eq!(
                (line.unit_cost, line.quantity),
                (123_456, Decimal::new(25, 1).unwrap())
            );
            // 1.234,56 € × 2,5 = 3.086,40 €.
            assert_eq!(b.totals().unwrap().total, 308_640);
        }
    }

    #[test]
    fn bad_input_is_refused_on_its_field() {
        let form = vec![
            f("p0.id", "p1"),
            f("p0.name", "Comune di Salerno"),
            f("p0.cofinancing", "120"),
            f("p1.id", "p2"),
            f("p1.name", "comune di salerno"),
            f("p1.country", "Italia"),
            f("x0.currency", "ALL"),
            f("x0.per_eur", "0"),
            f("x0.date", "2026-11-01"),
            f("x1.currency", "USD"),
            f("x1.per_eur", "1,1"),
            f("x1.date", "1/11/2026"),
            f("l0.id", "l1"),
            f("l0.partner", "p1"),
            f("l0.category", "staff"),
            f("l0.activity", "r3"),
            f("l0.year", "2026"),
            f("l0.unit_cost", "-5"),
            f("l0.quantity", "1"),
            f("l1.partner", "p1"),
            f("l1.category", "luxury"),
            f("l1.year", "26"),
            f("l1.unit_cost", "1,234"),
            f("l1.quantity", "-"),
            f("l9999.unit_cost", "1"),
            f("l99999.unit_cost", "1"),
        ];
        let (_, problems) = Budget::read_form(&form, Locale::It);
        let at = |field: &str| -> Vec<&'static str> {
            problems
                .iter()
                .filter(|p| p.anchor == field)
                .map(|p| p.error.message())
                .collect()
        };
        assert_eq!(at("p1.country"), ["error-unknown-choice"]);
        assert_eq!(at("x1.currency"), ["budget-error-unknown-currency"]);
        assert_eq!(at("x1.date"), ["error-date"]);
        assert_eq!(at("l0.unit_cost"), ["budget-error-negative"]);
        assert_eq!(at("l1.category"), ["error-unknown-choice"]);
        assert_eq!(at("l1.year"), ["lf-error-year"]);
        assert_eq!(at("l1.unit_cost"), ["budget-error-too-many-decimals"]);
        assert_eq!(at("l1.quantity"), ["budget-error-not-a-number"]);
        assert_eq!(at("l9999.unit_cost"), ["budget-error-too-many"]);
        // Five digits is not an index of this form: ignored.
        assert!(at("l99999.unit_cost").is_empty());
        // A form with problems changes nothing.
        assert!(Budget::from_form(&form, Locale::It, &logframe()).is_err());

        // What reads well is then checked as a budget, each problem on its field.
        let form: Vec<_> = form
            .into_iter()
            .filter(|(k, _)| {
                !k.starts_with("l1.")
                    && k != "p1.country"
                    && !k.starts_with("x1.")
                    && !k.starts_with("l9")
            })
            .map(|(k, v)| {
                if k == "l0.unit_cost" {
                    (k, "5".into())
                } else {
                    (k, v)
                }
            })
            .collect();
        let problems = Budget::from_form(&form, Locale::It, &logframe()).unwrap_err();
        let at = |field: &str| -> Vec<&'static str> {
            problems
                .iter()
                .filter(|p| p.anchor == field)
                .map(|p| p.error.message())
                .collect()
        };
        assert_eq!(at("x0.per_eur"), ["budget-error-zero-rate"]);
        assert_eq!(at("p0.cofinancing"), ["budget-error-share-above-100"]);
        assert_eq!(at("p1.name"), ["budget-error-partner-twice"]);
        assert_eq!(at("l0.activity"), ["budget-error-unknown-activity"]);
        assert_eq!(problems.len(), 4, "{problems:?}");
    }

    #[test]
    fn ids_are_kept_safe_and_fresh() {
        let form = vec![
            f("p0.id", "p1"),
            f("p0.name", "A"),
            f("l0.id", "p1"),
            f("l0.partner", "p1"),
            f("l0.category", "other"),
            f("l0.year", "2026"),
            f("l1.id", "l<b>"),
            f("l1.partner", "p1"),
            f("l1.category", "other"),
            f("l1.year", "2026"),
            f("last_id", "7"),
        ];
        let (b, problems) = Budget::read_form(&form, Locale::En);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(b.lines[0].id, "l8");
        assert_eq!(b.lines[1].id, "l9");
        let anchors: Vec<String> = b.anchors().into_iter().map(|a| a.0).collect();
        assert_eq!(anchors, ["partner:p1", "line:l8", "line:l9"]);
    }

    #[test]
    fn empty_and_removed_rows_are_dropped_and_the_rest_renumbered() {
        let form = vec![
            f("title", "B"),
            f("p0.name", ""),
            f("p0.cofinancing", ""),
            f("p1.name", "Durrës"),
            f("p1.k0.description", ""),
            f("p1.k0.amount", ""),
            f("p1.k1.description", "Sala"),
            f("p1.k1.amount", "100"),
            f("x0.currency", "ALL"),
            f("x0.per_eur", ""),
            f("x0.date", ""),
            f("l0.category", "staff"),
            f("l0.unit_cost", "10"),
            f("l1.category", "staff"),
            f("l1.year", "2026"),
            f("l2.category", "travel"),
            f("l2.description", "Voli"),
            f("l3.category", "travel"),
            f("l3.quantity", "2"),
            f("l3.remove", "1"),
        ];
        let kept = drop_blank(&form);
        let keys: Vec<&str> = kept.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "title",
                "p0.name",
                "p0.k0.description",
                "p0.k0.amount",
                "l0.category",
                "l0.unit_cost",
                "l1.category",
                "l1.description"
            ]
        );
        assert_eq!(kept[1].1, "Durrës");
        assert_eq!(kept[7].1, "Voli");
    }
}
