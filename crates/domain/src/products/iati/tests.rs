use super::*;
use crate::products::budget::money::{Currency, Decimal};
use crate::products::budget::{Category, ExchangeRate, Line, Partner as BudgetPartner};
use crate::products::logframe::{Indicator as LfIndicator, Row};
use crate::products::partnership::{Partner, Role};
use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn logframe() -> Logframe {
    let mut lf = Logframe {
        language: "it".into(),
        countries: vec!["AL".into(), "IT".into()],
        sectors: vec!["33210".into(), "15112".into()],
        project_end: "2027-12-31".into(),
        ..Logframe::default()
    };
    let mut overall = Row::new("r1".into(), Level::Overall);
    overall.text = "Contribuire allo sviluppo sostenibile".into();
    overall.indicators.push(LfIndicator {
        id: "i1".into(),
        text: "Presenze turistiche".into(),
        unit: "presenze".into(),
        baseline: "1.200.000".into(),
        baseline_year: Some(2023),
        target: "1.400.000,5".into(),
        target_date: "2027-12-31".into(),
        ..LfIndicator::default()
    });
    let mut specific = Row::new("r2".into(), Level::Specific);
    specific.text = "Rafforzata la capacità dei Comuni".into();
    specific.indicators.push(LfIndicator {
        id: "i2".into(),
        text: "Qualità della collaborazione".into(),
        measure: Measure::Qualitative,
        baseline: "episodica".into(),
        baseline_year: Some(2024),
        target: "stabile".into(),
        ..LfIndicator::default()
    });
    let mut result = Row::new("r3".into(), Level::Result);
    result.text = "Piano adottato".into();
    result.indicators.push(LfIndicator {
        id: "i3".into(),
        text: "Quota del personale formato".into(),
        measure: Measure::Percentage,
        direction: Direction::Decrease,
        baseline: "0".into(),
        baseline_year: Some(2024),
        target: "70%".into(),
        target_date: "2026-12-31".into(),
        ..LfIndicator::default()
    });
    let activity = Row::new("r4".into(), Level::Activity);
    lf.rows = vec![overall, specific, result, activity];
    lf
}

fn line(id: &str, year: i32, cents: i64, currency: Currency) -> Line {
    Line {
        id: id.into(),
        partner: "p1".into(),
        category: Category::Staff,
        activity: "r4".into(),
        year,
        description: String::new(),
        unit: String::new(),
        unit_cost: cents,
        quantity: Decimal::whole(1),
        currency,
    }
}

fn budget() -> Budget {
    Budget {
        partners: vec![BudgetPartner {
            id: "p1".into(),
            name: "Provincia di Salerno".into(),
            ..BudgetPartner::default()
        }],
        rates: vec![ExchangeRate {
            currency: Currency::All,
            per_eur: Decimal::new(985, 1).unwrap(),
            date: date("2026-01-15"),
        }],
        lines: vec![
            line("l1", 2026, 1_000_000, Currency::Eur),
            line("l2", 2027, 250_055, Currency::Eur),
            line("l3", 2027, 9_850_000, Currency::All),
        ],
        duration_months: Some(24),
        last_id: 3,
    }
}

fn reporting() -> Reporting {
    Reporting {
        organisation: "org-salerno".into(),
        name: "Provincia di Salerno".into(),
        tax_code: Some("80000390650".into()),
        org_type: "11".into(),
    }
}

fn project<'a>(
    lf: &'a Logframe,
    b: Option<&'a Budget>,
    ps: Option<&'a Partnership>,
) -> Project<'a> {
    Project {
        id: "0190-abc".into(),
        title: "Turismo sostenibile con Durazzo",
        state: State::Submitted,
        logframe: lf,
        reporting: reporting(),
        partnership: ps,
        budget: b,
        funder: Some("Interreg IPA ADRION".into()),
        initiatives: Vec::new(),
        translations: Default::default(),
    }
}

fn paths(a: &Activity) -> Vec<String> {
    check(a, &Codelists::builtin())
        .into_iter()
        .map(|f| f.path)
        .collect()
}

#[test]
fn a_reviewed_project_builds_a_clean_activity() {
    let lf = logframe();
    let b = budget();
    let a = build(&project(&lf, Some(&b), None));
    assert_eq!(
        paths(&a),
        Vec::<String>::new(),
        "{:?}",
        check(&a, &Codelists::builtin())
    );
    assert_eq!(a.identifier, "IT-CF-80000390650-0190-abc");
    assert_eq!(a.reporting_org.reference, "IT-CF-80000390650");
    // Italy gives: only Albania receives, with the whole share.
    assert_eq!(a.countries.len(), 1);
    assert_eq!(
        (a.countries[0].code.as_str(), a.countries[0].basis_points),
        ("AL", 10_000)
    );
    assert_eq!(
        a.sectors.iter().map(|s| s.basis_points).sum::<u32>(),
        10_000
    );
    // 24 months ending 2027-12-31 start on 2026-01-01; one budget per year, converted to euro.
    assert_eq!(a.planned_start, Some(date("2026-01-01")));
    assert_eq!(a.budgets.len(), 2);
    assert_eq!(a.budgets[0].value, 1_000_000);
    assert_eq!(a.budgets[1].value, 250_055 + 100_000);
    assert_eq!(format_amount(a.budgets[1].value), "3500.55");
    // Funder, the reporting administration (accountable) and the budget's other partners.
    let roles: Vec<&str> = a.participating.iter().map(|o| o.role.as_str()).collect();
    assert_eq!(roles, ["1", "2"]);
    // Impact, outcome, output; the activity is not a result.
    let types: Vec<&str> = a.results.iter().map(|r| r.result_type.as_str()).collect();
    assert_eq!(types, ["3", "2", "1"]);
    let i = &a.results[0].indicators[0];
    assert_eq!(
        i.baseline.as_ref().unwrap().value.as_deref(),
        Some("1200000")
    );
    assert_eq!(
        i.target.as_ref().unwrap().value.as_deref(),
        Some("1400000.5")
    );
    let q = &a.results[1].indicators[0];
    assert_eq!((q.measure.as_str(), q.ascending), ("5", None));
    assert_eq!(q.baseline.as_ref().unwrap().value, None);
    assert_eq!(q.baseline.as_ref().unwrap().comment[0].text, "episodica");
    let p = &a.results[2].indicators[0];
    assert_eq!((p.measure.as_str(), p.ascending), ("2", Some(false)));
    assert_eq!(p.target.as_ref().unwrap().value.as_deref(), Some("70"));
}

#[test]
fn percentages_split_exactly_with_integers() {
    assert_eq!(split_percent(3), [3334, 3333, 3333]);
    assert_eq!(split_percent(7).iter().sum::<u32>(), 10_000);
    assert_eq!(split_percent(1), [10_000]);
    assert!(split_percent(0).is_empty());
    assert_eq!(format_percent(3334), "33.34");
    assert_eq!(format_percent(5000), "50");
    assert_eq!(format_percent(5), "0.05");
    let mut lf = logframe();
    lf.countries = vec!["AL".into(), "ME".into(), "RS".into()];
    lf.sectors = vec!["33210".into(), "15112".into(), "43030".into(), "151".into()];
    let a = build(&project(&lf, None, None));
    assert_eq!(paths(&a), Vec::<String>::new());
    let dac5: u32 = a
        .sectors
        .iter()
        .filter(|s| s.vocabulary == "1")
        .map(|s| s.basis_points)
        .sum();
    let dac3: u32 = a
        .sectors
        .iter()
        .filter(|s| s.vocabulary == "2")
        .map(|s| s.basis_points)
        .sum();
    assert_eq!((dac5, dac3), (10_000, 10_000));
}

proptest! {
    #[test]
    fn any_split_sums_to_100(n in 1usize..400) {
        let shares = split_percent(n);
        prop_assert_eq!(shares.len(), n);
        prop_assert_eq!(shares.iter().sum::<u32>(), 10_000);
        let (min, max) = (shares.iter().min().unwrap(), shares.iter().max().unwrap());
        prop_assert!(max - min <= 1);
    }

    #[test]
    fn amounts_are_written_exactly(cents in -1_000_000_000_000i64..1_000_000_000_000) {
        let text = format_amount(cents);
        let (int, frac) = text.trim_start_matches('-').split_once('.').unwrap();
        prop_assert_eq!(frac.len(), 2);
        let back = int.parse::<i64>().unwrap() * 100 + frac.parse::<i64>().unwrap();
        prop_assert_eq!(if cents < 0 { -back } else { back }, cents);
        prop_assert!(is_decimal(&text));
    }
}

#[test]
fn failures_name_their_element() {
    let mut lf = logframe();
    lf.sectors = vec!["99999x".into()];
    lf.countries = vec!["IT".into()];
    lf.rows[2].indicators[0].target = "settanta".into();
    lf.rows[0].indicators[0].baseline_year = None;
    lf.rows[1].indicators.clear();
    let mut p = project(&lf, None, None);
    p.state = State::Draft;
    p.reporting.tax_code = None;
    let a = build(&p);
    assert_eq!(
        paths(&a),
        [
            "iati-activity",
            "reporting-org/@ref",
            "recipient-country",
            "sector[1]/@code",
            "result[1]/indicator[1]/baseline/@year",
            "result[2]/indicator",
            "result[3]/indicator[1]/period/target/@value",
        ]
    );
}

#[test]
fn the_model_rules_catch_what_a_hand_made_activity_breaks() {
    let lf = logframe();
    let b = budget();
    let mut a = build(&project(&lf, Some(&b), None));
    a.identifier = "XM-DAC-6-4-1".into();
    a.default_currency = "XXX".into();
    a.countries.push(Share {
        code: "ZZ".into(),
        vocabulary: String::new(),
        basis_points: 1,
    });
    a.sectors[0].basis_points = 4_999;
    a.participating[1].org_type = "12".into();
    a.budgets[0].end = date("2028-06-30");
    a.budgets[1].start = date("2025-01-01");
    a.budgets[1].value = -1;
    let found: Vec<(String, &str)> = check(&a, &Codelists::builtin())
        .into_iter()
        .map(|f| (f.path, f.message))
        .collect();
    use rules::messages as m;
    assert_eq!(
        found,
        [
            ("@default-currency".to_string(), m::CODE),
            ("iati-identifier".into(), m::PREFIX),
            ("participating-org[2]/@type".into(), m::CODE),
            ("recipient-country[2]/@code".into(), m::CODE),
            ("recipient-country/@percentage".into(), m::PERCENTAGES),
            ("sector[@vocabulary='1']/@percentage".into(), m::PERCENTAGES),
            ("budget[1]".into(), m::TOO_LONG),
            ("budget[1]/period-end".into(), m::OUTSIDE),
            ("budget[2]".into(), m::TOO_LONG),
            ("budget[2]/period-start".into(), m::OUTSIDE),
            ("budget[2]/value".into(), m::NEGATIVE),
        ]
    );
}

#[test]
fn a_one_day_project_has_one_budget_of_one_day() {
    let day = date("2026-05-04");
    let by_year = [(2026, 50_000)].into_iter().collect();
    let periods = budget_periods(&by_year, Some(day), Some(day));
    assert_eq!(periods.len(), 1);
    assert_eq!(
        (periods[0].start, periods[0].end, periods[0].value_date),
        (day, day, day)
    );
    let lf = logframe();
    let mut a = build(&project(&lf, None, None));
    a.planned_start = Some(day);
    a.planned_end = Some(day);
    for r in &mut a.results {
        for i in &mut r.indicators {
            if let Some(t) = &mut i.target {
                t.start = day;
                t.end = day;
            }
        }
    }
    a.budgets = periods;
    assert_eq!(paths(&a), Vec::<String>::new());
    // A whole year's budget for that day goes past both ends.
    a.budgets = budget_periods(&by_year, None, None);
    assert_eq!(
        paths(&a),
        ["budget[1]/period-start", "budget[1]/period-end"]
    );
}

#[test]
fn a_multi_year_budget_is_split_per_year_and_cut_to_the_dates() {
    let mut lf = logframe();
    lf.project_end = "2028-06-30".into();
    let mut b = budget();
    b.duration_months = Some(36);
    b.lines = vec![
        line("l1", 2025, 100, Currency::Eur),
        line("l2", 2026, 200, Currency::Eur),
        line("l3", 2027, 300, Currency::Eur),
        line("l4", 2028, 400, Currency::Eur),
    ];
    let a = build(&project(&lf, Some(&b), None));
    assert_eq!(a.planned_start, Some(date("2025-07-01")));
    let periods: Vec<(NaiveDate, NaiveDate, i64)> = a
        .budgets
        .iter()
        .map(|b| (b.start, b.end, b.value))
        .collect();
    assert_eq!(
        periods,
        [
            (date("2025-07-01"), date("2025-12-31"), 100),
            (date("2026-01-01"), date("2026-12-31"), 200),
            (date("2027-01-01"), date("2027-12-31"), 300),
            (date("2028-01-01"), date("2028-06-30"), 400),
        ]
    );
    assert_eq!(paths(&a), Vec::<String>::new());
    // A year after the end stays whole and is named by the end it goes past.
    b.lines.push(line("l5", 2029, 1, Currency::Eur));
    let a = build(&project(&lf, Some(&b), None));
    assert_eq!(paths(&a), ["budget[5]/period-end"]);
}

#[test]
fn the_partnership_gives_roles_and_types() {
    let lf = logframe();
    let ps = Partnership {
        partners: vec![
            Partner {
                id: "p1".into(),
                organisation: "org-salerno".into(),
                name: "Provincia di Salerno".into(),
                role: Role::Lead,
                country: "IT".into(),
                org_type: "11".into(),
                ..Partner::default()
            },
            Partner {
                id: "p2".into(),
                name: "Bashkia Durrës".into(),
                role: Role::Partner,
                country: "AL".into(),
                org_type: "11".into(),
                ..Partner::default()
            },
            Partner {
                id: "p3".into(),
                name: "Camera di commercio".into(),
                role: Role::Associate,
                country: "IT".into(),
                org_type: "15".into(),
                ..Partner::default()
            },
        ],
        last_id: 3,
    };
    let a = build(&project(&lf, None, Some(&ps)));
    let orgs: Vec<(&str, &str, &str)> = a
        .participating
        .iter()
        .map(|o| (o.reference.as_str(), o.role.as_str(), o.org_type.as_str()))
        .collect();
    assert_eq!(
        orgs,
        [
            ("", "1", ""),
            ("IT-CF-80000390650", "2", "11"),
            ("", "4", "11"),
            ("", "4", "15"),
        ]
    );
    assert_eq!(paths(&a), Vec::<String>::new());
}

#[test]
fn codelist_files_are_read_and_the_official_lists_accept_the_builtins() {
    let xml = "<codelist><codelist-items><codelist-item><code>AL</code></codelist-item>\
               <codelist-item><code> ME </code></codelist-item></codelist-items></codelist>";
    assert_eq!(
        Codelists::codes(xml).into_iter().collect::<Vec<_>>(),
        ["AL", "ME"]
    );
    let read = |f: &str| {
        crate::test_data::official(&format!("iati/codelists/{f}"))
            .map(|b| Codelists::codes(&String::from_utf8(b).unwrap()))
    };
    let (Some(countries), Some(currencies), Some(types)) = (
        read("Country.xml"),
        read("Currency.xml"),
        read("OrganisationType.xml"),
    ) else {
        return;
    };
    let builtin = Codelists::builtin();
    assert!(
        builtin.countries.is_subset(&countries),
        "every offered country is an IATI one"
    );
    assert!(builtin.currencies.is_subset(&currencies));
    assert_eq!(builtin.org_types, types);
}

#[test]
fn the_status_follows_the_initiatives_that_carry_the_project() {
    use crate::network::initiatives::State as S;
    assert_eq!(activity_status(&[]), "1");
    assert_eq!(activity_status(&[(S::Submitted, false)]), "1");
    assert_eq!(activity_status(&[(S::Funded, true)]), "2");
    assert_eq!(
        activity_status(&[(S::NotFunded, false), (S::Running, true)]),
        "2"
    );
    assert_eq!(activity_status(&[(S::Closed, true)]), "4");
    assert_eq!(activity_status(&[(S::Closed, false)]), "5");
    assert_eq!(activity_status(&[(S::NotFunded, false)]), "5");
    assert_eq!(
        activity_status(&[(S::NotFunded, false), (S::Idea, false)]),
        "1"
    );
    // The built activity carries it.
    let lf = logframe();
    let mut p = project(&lf, None, None);
    p.initiatives = vec![(S::Running, true)];
    assert_eq!(build(&p).status, "2");
}

#[test]
fn the_title_and_summary_are_published_in_the_proposal_s_languages() {
    let lf = logframe();
    assert_eq!(lf.language, "it");
    let mut p = project(&lf, None, None);
    let t = |title: &str, summary: &str| crate::products::proposal::Translation {
        title: title.into(),
        summary: summary.into(),
    };
    p.translations = [
        (
            "en".to_string(),
            t("Sustainable tourism with Durrës", "Two coasts, one offer."),
        ),
        ("fr".to_string(), t("Tourisme durable avec Durrës", "")),
        // The logframe's own language is not given twice.
        ("it".to_string(), t("Doppione", "Doppione")),
    ]
    .into();
    let a = build(&p);
    let langs = |n: &[Narrative]| n.iter().map(|x| x.lang.clone()).collect::<Vec<_>>();
    assert_eq!(langs(&a.title), ["it", "en", "fr"]);
    assert_eq!(a.title[1].text, "Sustainable tourism with Durrës");
    // A language without a summary adds no description.
    assert_eq!(langs(&a.description), ["it", "en"]);
    assert_eq!(a.description[1].text, "Two coasts, one offer.");
}

#[test]
fn an_empty_text_is_not_published_beside_its_translations() {
    let t = crate::products::proposal::Translation {
        title: "Sustainable tourism".into(),
        summary: "Two coasts.".into(),
    };
    let translations = [("en".to_string(), t)].into();
    let n = in_languages("it", "  ", &translations, |t| &t.summary);
    assert_eq!(n.len(), 1);
    assert_eq!(
        (n[0].lang.as_str(), n[0].text.as_str()),
        ("en", "Two coasts.")
    );
    // Alone, the empty text stays, for the checks to name it.
    let n = in_languages("it", "", &Default::default(), |t| &t.summary);
    assert_eq!(n.len(), 1);
    assert!(n[0].text.is_empty());
}
