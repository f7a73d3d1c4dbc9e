use super::money::{self, Currency, Decimal, MoneyError};
use super::*;
use crate::locale::Locale;
use crate::products::logframe::{Level, Logframe, Mode, Row};
use proptest::prelude::*;

fn logframe() -> Logframe {
    let mut lf = Logframe {
        mode: Mode::Classic,
        ..Logframe::default()
    };
    for (id, level) in [
        ("r1", Level::Overall),
        ("r2", Level::Specific),
        ("r3", Level::Result),
        ("r4", Level::Activity),
        ("r5", Level::Activity),
    ] {
        lf.rows.push(Row::new(id.to_string(), level));
    }
    lf
}

fn dec(t: &str) -> Decimal {
    Decimal::parse(t, Locale::It, 6).unwrap()
}

fn partner(id: &str, name: &str, share: &str) -> Partner {
    Partner {
        id: id.into(),
        name: name.into(),
        country: "IT".into(),
        cofinancing: dec(share),
        ..Partner::default()
    }
}

#[allow(clippy::too_many_arguments)]
fn line(
    id: &str,
    partner: &str,
    category: Category,
    activity: &str,
    year: i32,
    unit_cost: i64,
    quantity: &str,
    currency: Currency,
) -> Line {
    Line {
        id: id.into(),
        partner: partner.into(),
        category,
        activity: activity.into(),
        year,
        description: String::new(),
        unit: String::new(),
        unit_cost,
        quantity: dec(quantity),
        currency,
    }
}

/// Salerno and Durrës: a budget in euro and lek.
fn salerno_durres() -> Budget {
    let mut durres = partner("p2", "Bashkia Durrës", "10");
    durres.country = "AL".into();
    durres.in_kind.push(InKind {
        description: "Sala riunioni".into(),
        amount: 5_000_000,
        currency: Currency::All,
    });
    Budget {
        partners: vec![partner("p1", "Comune di Salerno", "15"), durres],
        rates: vec![ExchangeRate {
            currency: Currency::All,
            per_eur: dec("100"),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        }],
        lines: vec![
            // 2,5 months at 3.000,00 €.
            line(
                "l1",
                "p1",
                Category::Staff,
                "r4",
                2026,
                300_000,
                "2,5",
                Currency::Eur,
            ),
            // 4 trips at 450,50 €.
            line(
                "l2",
                "p1",
                Category::Travel,
                "r5",
                2027,
                45_050,
                "4",
                Currency::Eur,
            ),
            // 12 months at 120.000,00 ALL = 1.440.000,00 ALL = 14.400,00 €.
            line(
                "l3",
                "p2",
                Category::Staff,
                "r4",
                2026,
                12_000_000,
                "12",
                Currency::All,
            ),
            // Office at 7 % of staff: not tied to an activity.
            line(
                "l4",
                "p2",
                Category::Indirect,
                "",
                2027,
                100_800,
                "1",
                Currency::Eur,
            ),
        ],
        duration_months: Some(24),
        last_id: 4,
    }
}

#[test]
fn totals_of_a_small_budget_by_hand() {
    let b = salerno_durres();
    assert!(
        b.problems(&logframe()).is_empty(),
        "{:?}",
        b.problems(&logframe())
    );
    let t = b.totals().unwrap();
    // 7.500,00 + 1.802,00 + 14.400,00 + 1.008,00 = 24.710,00 €.
    assert_eq!(t.lines["l1"], 750_000);
    assert_eq!(t.lines["l2"], 180_200);
    assert_eq!(t.lines["l3"], 1_440_000);
    assert_eq!(t.total, 2_471_000);
    assert_eq!(t.by_category[&Category::Staff], 2_190_000);
    assert_eq!(t.by_category[&Category::Travel], 180_200);
    assert_eq!(t.by_activity["r4"], 2_190_000);
    assert_eq!(t.by_activity[""], 100_800);
    assert_eq!(t.by_year[&2026], 2_190_000);
    assert_eq!(t.by_year[&2027], 281_000);
    // Salerno 9.302,00 € at 15 %: 1.395,30 €; Durrës 15.408,00 € at 10 %: 1.540,80 €.
    let salerno = t.by_partner["p1"];
    assert_eq!(
        (salerno.total, salerno.cofinancing, salerno.grant),
        (930_200, 139_530, 790_670)
    );
    let durres = t.by_partner["p2"];
    assert_eq!(
        (durres.total, durres.cofinancing, durres.in_kind),
        (1_540_800, 154_080, 50_000)
    );
    assert_eq!(t.by_source[&Source::Cofinancing], 293_610);
    assert_eq!(t.by_source[&Source::Grant], 2_471_000 - 293_610);
    assert_eq!(t.by_source[&Source::InKind], 50_000);
}

#[test]
fn each_activity_costs_what_its_lines_cost() {
    let mut lf = logframe();
    lf.rows.push(Row::new("r6".into(), Level::Activity));
    let t = salerno_durres().totals().unwrap();
    assert_eq!(
        activity_costs(&t, &lf),
        vec![
            ("r4".to_string(), 2_190_000),
            ("r5".to_string(), 180_200),
            ("r6".to_string(), 0)
        ]
    );
}

#[test]
fn the_grant_is_rounded_down_and_cofinancing_takes_the_rest() {
    let mut b = Budget {
        partners: vec![partner("p1", "A", "12,5")],
        ..Budget::default()
    };
    b.lines.push(line(
        "l1",
        "p1",
        Category::Other,
        "",
        2026,
        13,
        "1",
        Currency::Eur,
    ));
    // Grant: 87,5 % of 0,13 € is 0,11375 € -> 0,11 €; co-financing 0,02 €.
    let f = |b: &Budget| {
        let f = b.totals().unwrap().by_partner["p1"];
        (f.grant, f.cofinancing)
    };
    assert_eq!(f(&b), (11, 2));
    // 87,5 % of 0,11 € is 0,09625 € -> 0,09 €.
    b.lines[0].unit_cost = 11;
    assert_eq!(f(&b), (9, 2));
    // 87,5 % of 0,08 € is exactly 0,07 €.
    b.lines[0].unit_cost = 8;
    assert_eq!(f(&b), (7, 1));
}

#[test]
fn each_problem_is_typed_and_placed() {
    let lf = logframe();
    let mut b = salerno_durres();
    b.partners.push(partner("p3", " comune di salerno ", "120"));
    b.partners[1].organisation = "org-7".into();
    let mut twin = partner("p4", "Durazzo", "0");
    twin.organisation = "org-7".into();
    b.partners.push(twin);
    b.rates.push(ExchangeRate {
        currency: Currency::Mkd,
        per_eur: Decimal::ZERO,
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
    });
    b.lines.push(line(
        "l5",
        "p9",
        Category::Other,
        "r3",
        2026,
        -1,
        "1",
        Currency::Eur,
    ));
    b.lines.push(line(
        "l6",
        "p1",
        Category::Other,
        "r4",
        1900,
        100,
        "1",
        Currency::Rsd,
    ));
    b.lines.push(line(
        "l7",
        "p1",
        Category::Other,
        "r4",
        2026,
        100,
        "1",
        Currency::Mkd,
    ));
    b.lines.push(line(
        "l1",
        "p1",
        Category::Other,
        "r4",
        2026,
        100,
        "1",
        Currency::Eur,
    ));
    let problems = b.problems(&lf);
    let has = |anchor: &str, error: BudgetError| {
        assert!(
            problems.contains(&Problem {
                anchor: anchor.into(),
                error: error.clone()
            }),
            "{anchor} {error:?} not in {problems:?}"
        )
    };
    has("rate:MKD", MoneyError::ZeroRate.into());
    has(
        "partner:p3",
        BudgetError::PartnerTwice {
            partner: "Comune di Salerno".into(),
        },
    );
    has("partner:p3", BudgetError::ShareAbove100);
    has(
        "partner:p4",
        BudgetError::PartnerTwice {
            partner: "Bashkia Durrës".into(),
        },
    );
    has(
        "line:l5",
        BudgetError::UnknownPartner {
            partner: "p9".into(),
        },
    );
    // r3 is a result, not an activity.
    has(
        "line:l5",
        BudgetError::UnknownActivity {
            activity: "r3".into(),
        },
    );
    has("line:l5", MoneyError::Negative.into());
    has("line:l6", BudgetError::Year);
    has(
        "line:l6",
        BudgetError::MissingRate {
            currency: Currency::Rsd,
        },
    );
    has("line:l7", MoneyError::ZeroRate.into());
    has("line:l1", BudgetError::DuplicateId { id: "l1".into() });
    assert_eq!(problems.len(), 11, "{problems:?}");
    let keys: Vec<_> = problems.iter().map(|p| p.error.message()).collect();
    assert!(keys.contains(&messages::ERROR_UNKNOWN_ACTIVITY));
    assert!(keys.contains(&messages::ERROR_SHARE_ABOVE_100));
    assert!(keys
        .iter()
        .all(|k| messages::ALL.contains(k) || messages::REUSED.contains(k)));
    assert_eq!(
        BudgetError::MissingRate {
            currency: Currency::Rsd
        }
        .args(),
        vec![("currency", "RSD".to_string())]
    );
}

#[test]
fn overflow_is_an_error_never_a_panic() {
    let mut b = Budget {
        partners: vec![partner("p1", "A", "0")],
        ..Budget::default()
    };
    for id in ["l1", "l2"] {
        b.lines.push(line(
            id,
            "p1",
            Category::Other,
            "",
            2026,
            i64::MAX / 2 + 1,
            "1",
            Currency::Eur,
        ));
    }
    assert_eq!(b.totals(), Err(MoneyError::Overflow.into()));
    assert!(b.problems(&logframe()).contains(&Problem {
        anchor: "budget".into(),
        error: MoneyError::Overflow.into()
    }));
}

#[test]
fn results_chain_lines_point_at_outputs() {
    let lf = Logframe::starter(Mode::ResultsChain);
    let outputs = activity_ids(&lf);
    assert_eq!(outputs, vec!["r3".to_string()]);
    assert_eq!(
        activity_ids(&logframe()),
        vec!["r4".to_string(), "r5".to_string()]
    );
}

#[test]
fn problems_and_totals_serialise_for_the_screens() {
    let p = Problem {
        anchor: "line:l1".into(),
        error: MoneyError::TooManyDecimals { max: 2 }.into(),
    };
    assert_eq!(
        serde_json::to_value(&p).unwrap(),
        serde_json::json!({
            "anchor": "line:l1",
            "error": {"error": "money", "money": "too_many_decimals", "max": 2},
            "message": "budget-error-too-many-decimals",
            "args": {"max": "2"}
        })
    );
    let t = serde_json::to_value(salerno_durres().totals().unwrap()).unwrap();
    assert_eq!(t["by_category"]["staff"], 2_190_000);
    assert_eq!(t["by_year"]["2027"], 281_000);
    assert_eq!(t["by_source"]["in_kind"], 50_000);
    assert_eq!(t["by_partner"]["p1"]["grant"], 790_670);
}

#[test]
fn budget_round_trips_through_json() {
    let b = salerno_durres();
    let json = serde_json::to_string(&b).unwrap();
    assert!(json.contains("\"quantity\":\"2.5\""), "{json}");
    assert!(json.contains("\"currency\":\"ALL\""), "{json}");
    assert_eq!(serde_json::from_str::<Budget>(&json).unwrap(), b);
}

// ---- Property tests --------------------------------------------------------------------------

fn any_locale() -> impl Strategy<Value = Locale> {
    prop::sample::select(Locale::ALL.to_vec())
}

fn any_currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(Currency::ALL.to_vec())
}

proptest! {
    #[test]
    fn amounts_read_back_as_written(minor in 0i64..=i64::MAX, l in any_locale(), c in any_currency()) {
        let text = money::format_amount(minor, c, l);
        prop_assert_eq!(money::parse_amount(&text, l, c), Ok(minor), "{}", text);
    }

    #[test]
    fn small_amounts_read_back_as_written(minor in 0i64..10_000_000, l in any_locale(), c in any_currency()) {
        let text = money::format_amount(minor, c, l);
        prop_assert_eq!(money::parse_amount(&text, l, c), Ok(minor), "{}", text);
    }

    #[test]
    fn decimals_read_back_as_written(units in any::<u64>(), scale in 0u32..=6, l in any_locale()) {
        let d = Decimal::new(units, scale).unwrap();
        prop_assert_eq!(Decimal::parse(&d.format(l), l, 6), Ok(d));
        prop_assert_eq!(Decimal::try_from(d.plain()), Ok(d));
    }

    #[test]
    fn parsing_never_panics(text in "[0-9.,  \u{a0}\u{202f}-]{0,30}", l in any_locale()) {
        let _ = money::parse_amount(&text, l, Currency::Eur);
        let _ = Decimal::parse(&text, l, 4);
    }

    #[test]
    fn arithmetic_never_panics(cost in any::<i64>(), units in any::<u64>(), scale in 0u32..=9,
                               rate in any::<u64>(), rscale in 0u32..=9, c in any_currency()) {
        let q = Decimal::new(units, scale).unwrap();
        let r = Decimal::new(rate, rscale).unwrap();
        if let Ok(amount) = money::times(cost, q) {
            let _ = money::to_eur(amount, c, r);
        }
    }

    #[test]
    fn times_matches_schoolbook_rounding(cost in 0i64..1_000_000_000, units in 0u64..1_000_000, scale in 0u32..=4) {
        // Oracle: the exact product in units of 10^-scale cents, rounded by looking at the
        // first dropped digit and the rest, as by hand.
        let exact = cost as u128 * units as u128;
        let p = 10u128.pow(scale);
        let (whole, rest) = (exact / p, exact % p);
        let expected = if rest * 2 >= p { whole + 1 } else { whole };
        prop_assert_eq!(money::times(cost, Decimal::new(units, scale).unwrap()), Ok(expected as i64));
    }

    #[test]
    fn totals_equal_the_sum_of_lines_whatever_the_order(
        raw in prop::collection::vec((0usize..3, 0usize..4, 0usize..3, 2025i32..2029, 0i64..10_000_000_000, 0u64..100_000, any_currency()), 0..40),
        shares in prop::collection::vec(0u64..=10_000, 3),
        seed in any::<u64>(),
    ) {
        let cats = [Category::Staff, Category::Travel, Category::Equipment, Category::Indirect];
        let acts = ["", "r4", "r5"];
        let mut b = Budget::default();
        for (i, bp) in shares.iter().enumerate() {
            let mut p = partner(&format!("p{i}"), &format!("P{i}"), "0");
            p.cofinancing = Decimal::new(*bp, 2).unwrap();
            b.partners.push(p);
        }
        for c in Currency::ALL.into_iter().skip(1) {
            b.rates.push(ExchangeRate { currency: c, per_eur: dec("61,6951"), date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() });
        }
        for (n, (p, c, a, y, cost, q, cur)) in raw.iter().enumerate() {
            b.lines.push(Line {
                id: format!("l{n}"),
                partner: format!("p{p}"),
                category: cats[*c],
                activity: acts[*a].into(),
                year: *y,
                description: String::new(),
                unit: String::new(),
                unit_cost: *cost,
                quantity: Decimal::new(*q, 2).unwrap(),
                currency: *cur,
            });
        }
        let t = b.totals().unwrap();
        let lines_sum: i64 = b.lines.iter().map(|l| b.line_eur(l).unwrap()).sum();
        prop_assert_eq!(t.total, lines_sum);
        prop_assert_eq!(t.by_category.values().sum::<i64>(), lines_sum);
        prop_assert_eq!(t.by_activity.values().sum::<i64>(), lines_sum);
        prop_assert_eq!(t.by_year.values().sum::<i64>(), lines_sum);
        prop_assert_eq!(t.by_partner.values().map(|f| f.total).sum::<i64>(), lines_sum);
        prop_assert_eq!(t.by_source[&Source::Grant] + t.by_source[&Source::Cofinancing], lines_sum);
        for f in t.by_partner.values() {
            prop_assert_eq!(f.grant + f.cofinancing, f.total);
            prop_assert!(f.cofinancing >= 0 && f.cofinancing <= f.total);
        }
        // Any other order of the lines gives the same totals.
        let mut shuffled = b.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.lines.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.lines.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(shuffled.totals().unwrap(), t);
    }

    #[test]
    fn huge_budgets_overflow_as_errors(costs in prop::collection::vec(any::<i64>(), 1..8)) {
        let mut b = Budget { partners: vec![partner("p1", "A", "50")], ..Budget::default() };
        for (n, cost) in costs.iter().enumerate() {
            b.lines.push(line(&format!("l{n}"), "p1", Category::Other, "", 2026, *cost, "1", Currency::Eur));
        }
        let exact: i128 = costs.iter().map(|c| i128::from(*c)).sum();
        match b.totals() {
            Ok(t) => {
                prop_assert!(costs.iter().all(|c| *c >= 0));
                prop_assert_eq!(i128::from(t.total), exact);
            }
            Err(e) => prop_assert!(
                e == MoneyError::Negative.into() || e == MoneyError::Overflow.into(),
                "{:?}", e
            ),
        }
    }
}
