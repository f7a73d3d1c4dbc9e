//! Comparing two versions of a budget: lines added, removed and changed (matched by their stable
//! ids), which fields changed, each line's euro amount before and after, and the difference of
//! the totals, to the cent.

use super::{Budget, Line, Totals};
use crate::products::diff::Change;
use serde::Serialize;

/// One line compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineDiff {
    pub id: String,
    pub change: Change,
    /// Names of the fields that differ.
    pub fields: Vec<&'static str>,
    /// The line in euro cents in each version, when it can be computed.
    pub old_eur: Option<i64>,
    pub new_eur: Option<i64>,
    pub old: Option<Line>,
    pub new: Option<Line>,
}

/// Two budgets compared: the new version's lines in their order, then the removed ones in
/// theirs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetDiff {
    pub lines: Vec<LineDiff>,
    /// The totals of each version, when they can be computed.
    pub old_totals: Option<Totals>,
    pub new_totals: Option<Totals>,
    /// New total minus old total, in euro cents.
    pub total_difference: Option<i64>,
    /// Lines added, removed or changed.
    pub changed: usize,
}

fn line_fields(a: &Line, b: &Line) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, differs) in [
        ("partner", a.partner != b.partner),
        ("category", a.category != b.category),
        ("activity", a.activity != b.activity),
        ("year", a.year != b.year),
        ("description", a.description != b.description),
        ("unit", a.unit != b.unit),
        ("unit_cost", a.unit_cost != b.unit_cost),
        ("quantity", a.quantity != b.quantity),
        ("currency", a.currency != b.currency),
    ] {
        if differs {
            out.push(name);
        }
    }
    out
}

/// Compares `old` with `new`.
pub fn compare(old: &Budget, new: &Budget) -> BudgetDiff {
    let mut lines = Vec::new();
    for n in &new.lines {
        let o = old.lines.iter().find(|o| o.id == n.id);
        let new_eur = new.line_eur(n).ok();
        let (change, fields, old_eur) = match o {
            None => (Change::Added, Vec::new(), None),
            Some(o) => {
                let fields = line_fields(o, n);
                let old_eur = old.line_eur(o).ok();
                // The same line costs differently when its currency's rate changed.
                let change = if fields.is_empty() && old_eur == new_eur {
                    Change::Same
                } else {
                    Change::Changed
                };
                (change, fields, old_eur)
            }
        };
        lines.push(LineDiff {
            id: n.id.clone(),
            change,
            fields,
            old_eur,
            new_eur,
            old: o.cloned(),
            new: Some(n.clone()),
        });
    }
    for o in &old.lines {
        if !new.lines.iter().any(|n| n.id == o.id) {
            lines.push(LineDiff {
                id: o.id.clone(),
                change: Change::Removed,
                fields: Vec::new(),
                old_eur: old.line_eur(o).ok(),
                new_eur: None,
                old: Some(o.clone()),
                new: None,
            });
        }
    }
    let old_totals = old.totals().ok();
    let new_totals = new.totals().ok();
    let total_difference = match (&old_totals, &new_totals) {
        (Some(a), Some(b)) => b.total.checked_sub(a.total),
        _ => None,
    };
    BudgetDiff {
        changed: lines.iter().filter(|l| l.change != Change::Same).count(),
        lines,
        old_totals,
        new_totals,
        total_difference,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::products::budget::money::{Currency, Decimal};
    use crate::products::budget::{Category, ExchangeRate, Partner};

    fn line(id: &str, cost: i64, quantity: u64, currency: Currency) -> Line {
        Line {
            id: id.into(),
            partner: "p1".into(),
            category: Category::Staff,
            activity: String::new(),
            year: 2026,
            description: String::new(),
            unit: String::new(),
            unit_cost: cost,
            quantity: Decimal::whole(quantity),
            currency,
        }
    }

    #[test]
    fn lines_added_removed_and_changed_with_the_totals_difference() {
        let rate = |per_eur: u64| ExchangeRate {
            currency: Currency::All,
            per_eur: Decimal::whole(per_eur),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        };
        let old = Budget {
            partners: vec![Partner {
                id: "p1".into(),
                ..Partner::default()
            }],
            rates: vec![rate(100)],
            lines: vec![
                line("l1", 100_000, 2, Currency::Eur),
                line("l2", 50_000, 1, Currency::Eur),
                line("l3", 1_000_000, 1, Currency::All),
            ],
            ..Budget::default()
        };
        let mut new = old.clone();
        new.lines[0].quantity = Decimal::whole(3);
        new.lines.remove(1);
        new.lines.push(line("l4", 7_000, 1, Currency::Eur));
        new.rates = vec![rate(125)];
        let d = compare(&old, &new);
        let by_id = |id: &str| d.lines.iter().find(|l| l.id == id).unwrap();
        // l1: 2.000,00 € -> 3.000,00 €.
        assert_eq!(by_id("l1").change, Change::Changed);
        assert_eq!(by_id("l1").fields, ["quantity"]);
        assert_eq!(
            (by_id("l1").old_eur, by_id("l1").new_eur),
            (Some(200_000), Some(300_000))
        );
        // l3: 10.000,00 ALL at 100 then 125 per euro: 100,00 € -> 80,00 €, same fields.
        assert_eq!(by_id("l3").change, Change::Changed);
        assert!(by_id("l3").fields.is_empty());
        assert_eq!(
            (by_id("l3").old_eur, by_id("l3").new_eur),
            (Some(10_000), Some(8_000))
        );
        assert_eq!(by_id("l2").change, Change::Removed);
        assert_eq!(by_id("l4").change, Change::Added);
        let order: Vec<&str> = d.lines.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(order, ["l1", "l3", "l4", "l2"]);
        assert_eq!(d.changed, 4);
        // Old: 2.000 + 500 + 100 = 2.600,00 €; new: 3.000 + 80 + 70 = 3.150,00 €.
        assert_eq!(d.total_difference, Some(55_000));
        assert_eq!(compare(&old, &old).changed, 0);
        assert_eq!(compare(&old, &old).total_difference, Some(0));
        // A version whose total cannot be computed has no difference, and no panic.
        new.rates.clear();
        let d = compare(&old, &new);
        assert_eq!(d.total_difference, None);
        assert_eq!(d.lines[1].new_eur, None);
    }
}
