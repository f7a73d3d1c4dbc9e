use super::eligibility::{eligibility, failures, Check, Outcome, Project};
use super::*;
use crate::products::budget::money::Currency;
use crate::products::budget::{Budget, BudgetProduct, Category, Line, Partner as BudgetPartner};
use crate::products::logframe::{Logframe, Mode};
use crate::products::partnership::{Partner, Partnership, Role};

fn form(pairs: &[(&str, &str)]) -> CallForm {
    CallForm::from_fields(
        &pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<Vec<_>>(),
    )
}

const PACKS: &[&str] = &["ipa-adrion-call1", "next-med-call1"];

fn adrion_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("name", "Call 1"),
        ("programme", "Interreg IPA ADRION"),
        ("pack", "ipa-adrion-call1"),
        ("deadline", "2027-03-31"),
        ("countries", "IT"),
        ("countries", "AL"),
        ("countries", "AL"),
        ("eu_rate_max", "85"),
        ("grant_max", "1.500.000"),
        ("months_max", "36"),
        ("partners_min", "6"),
        ("countries_min", "6"),
        ("per_country_max", "2"),
        ("group_erdf", "3"),
        ("group_ipa", "3"),
        ("group_mpc", ""),
        ("cover_targets", "1"),
        ("source", "Terms of reference, call 1"),
    ]
}

#[test]
fn a_call_is_read_as_staff_type_it() {
    let call = check(&form(&adrion_form()), Locale::It, PACKS).unwrap();
    assert_eq!(call.countries, vec!["AL", "IT"]);
    assert_eq!(call.grant_max, Some(150_000_000));
    assert_eq!(call.eu_rate_max, Decimal::parse("85", Locale::It, 2).ok());
    assert_eq!(call.group_minima.len(), 2);
    assert_eq!(call.group_minima[0].group, "erdf");
    assert!(call.cover_targets);
    // What the form shows reads back to the same call.
    let shown = CallForm::of(&call, Locale::En);
    assert_eq!(check(&shown, Locale::En, PACKS).unwrap(), call);
}

#[test]
fn bad_calls_are_refused_on_their_field() {
    let cases: &[(&str, &str, &str)] = &[
        ("name", "", "error-required"),
        ("pack", "made-up", "error-unknown-choice"),
        ("deadline", "31/03/2027", "error-date"),
        ("countries", "ZZ", "error-unknown-choice"),
        ("eu_rate_max", "0", "calls-error-rate-zero"),
        ("eu_rate_max", "100,5", "calls-error-rate-above-100"),
        ("eu_rate_max", "-3", "budget-error-negative"),
        ("grant_max", "molti", "budget-error-not-a-number"),
        ("grant_max", "99999999999999", "calls-error-grant-too-large"),
        ("months_max", "-1", "calls-error-whole-number"),
        ("partners_min", "2,5", "calls-error-whole-number"),
        ("per_country_max", "0", "calls-error-whole-number"),
        ("group_xyz", "2", "error-unknown-choice"),
    ];
    for (field, value, message) in cases {
        let mut pairs: Vec<(&str, &str)> = adrion_form()
            .into_iter()
            .filter(|(k, _)| k != field)
            .collect();
        pairs.push((field, value));
        let errors = check(&form(&pairs), Locale::It, PACKS).unwrap_err();
        let key = if field.starts_with("group_") {
            "minima"
        } else {
            field
        };
        assert_eq!(
            errors.for_field(key),
            Some(*message),
            "{field}={value}: {errors:?}"
        );
    }
    let errors = check(
        &form(&[
            ("name", "x"),
            ("programme", "y"),
            ("grant_min", "2.000"),
            ("grant_max", "1.000"),
            ("months_min", "30"),
            ("months_max", "24"),
        ]),
        Locale::It,
        PACKS,
    )
    .unwrap_err();
    assert_eq!(
        errors.for_field("grant_max"),
        Some("calls-error-max-below-min")
    );
    assert_eq!(
        errors.for_field("months_max"),
        Some("calls-error-max-below-min")
    );
}

fn call() -> Call {
    check(&form(&adrion_form()), Locale::It, PACKS).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn one<'a>(checks: &'a [Check], rule: &str) -> &'a Check {
    let f: Vec<_> = checks.iter().filter(|c| c.rule == rule).collect();
    assert_eq!(f.len(), 1, "{rule}: {checks:?}");
    f[0]
}

fn budget(total_eur: i64, share: &str, months: Option<u32>) -> BudgetProduct {
    BudgetProduct {
        logframe: String::new(),
        pack: "ipa-adrion-call1".into(),
        call: String::new(),
        budget: Budget {
            partners: vec![BudgetPartner {
                id: "b1".into(),
                name: "Provincia di Salerno".into(),
                country: "IT".into(),
                group: "erdf".into(),
                cofinancing: Decimal::parse(share, Locale::It, 2).unwrap(),
                ..BudgetPartner::default()
            }],
            rates: vec![],
            lines: vec![Line {
                id: "l1".into(),
                partner: "b1".into(),
                category: Category::Staff,
                activity: String::new(),
                year: 2027,
                description: String::new(),
                unit: String::new(),
                unit_cost: total_eur * 100,
                quantity: Decimal::whole(1),
                currency: Currency::Eur,
            }],
            duration_months: months,
            last_id: 2,
        },
    }
}

#[test]
fn missing_parts_cannot_be_told_and_are_not_passes() {
    let checks = eligibility(&call(), day("2027-01-10"), &Project::default());
    assert_eq!(one(&checks, "deadline").outcome, Outcome::Holds);
    for rule in ["logframe", "partnership", "budget"] {
        assert_eq!(one(&checks, rule).outcome, Outcome::Unknown, "{rule}");
    }
    assert_eq!(failures(&checks), 0);
}

#[test]
fn the_deadline_day_is_still_open() {
    let c = call();
    assert_eq!(
        one(
            &eligibility(&c, day("2027-03-31"), &Project::default()),
            "deadline"
        )
        .outcome,
        Outcome::Holds
    );
    assert_eq!(
        one(
            &eligibility(&c, day("2027-04-01"), &Project::default()),
            "deadline"
        )
        .outcome,
        Outcome::Breached
    );
}

#[test]
fn the_grant_rate_is_checked_to_the_cent() {
    let c = call();
    // 100 000 € with 15 % co-financing: the grant is 85 000 €, exactly the most.
    let b = budget(100_000, "15", Some(24));
    let project = Project {
        budget: Some(&b),
        ..Project::default()
    };
    let checks = eligibility(&c, day("2027-01-10"), &project);
    assert_eq!(one(&checks, "eu-rate").outcome, Outcome::Holds);
    assert_eq!(one(&checks, "grant-max").outcome, Outcome::Holds);
    assert_eq!(one(&checks, "duration-max").outcome, Outcome::Holds);
    // A hundredth of a percent less co-financing: one cent… a euro over.
    let b = budget(100_000, "14,99", Some(24));
    let checks = eligibility(
        &c,
        day("2027-01-10"),
        &Project {
            budget: Some(&b),
            ..Project::default()
        },
    );
    assert_eq!(one(&checks, "eu-rate").outcome, Outcome::Breached);
}

#[test]
fn grant_and_duration_limits() {
    let c = call();
    let b = budget(2_000_000, "15", Some(40));
    let checks = eligibility(
        &c,
        day("2027-01-10"),
        &Project {
            budget: Some(&b),
            ..Project::default()
        },
    );
    assert_eq!(one(&checks, "grant-max").outcome, Outcome::Breached);
    assert_eq!(one(&checks, "duration-max").outcome, Outcome::Breached);
    let b = budget(100_000, "15", None);
    let checks = eligibility(
        &c,
        day("2027-01-10"),
        &Project {
            budget: Some(&b),
            ..Project::default()
        },
    );
    assert_eq!(one(&checks, "duration").outcome, Outcome::Unknown);
    let mut with_min = c.clone();
    with_min.grant_min = Some(50_000_000);
    let b = budget(100_000, "15", Some(24));
    let checks = eligibility(
        &with_min,
        day("2027-01-10"),
        &Project {
            budget: Some(&b),
            ..Project::default()
        },
    );
    assert_eq!(one(&checks, "grant-min").outcome, Outcome::Breached);
}

#[test]
fn the_budget_uses_the_calls_pack_and_its_partners() {
    let c = call();
    let mut b = budget(100_000, "15", Some(24));
    b.pack = "next-med-call1".into();
    let p = Partnership {
        partners: vec![Partner {
            id: "p1".into(),
            name: "Bashkia Durrës".into(),
            role: Role::Lead,
            country: "AL".into(),
            ..Partner::default()
        }],
        last_id: 1,
    };
    let checks = eligibility(
        &c,
        day("2027-01-10"),
        &Project {
            budget: Some(&b),
            partnership: Some(&p),
            ..Project::default()
        },
    );
    let pack = one(&checks, "pack");
    assert_eq!(pack.outcome, Outcome::Breached);
    assert_eq!(pack.message, eligibility::messages::PACK_OTHER);
    let missing = one(&checks, "budget-partners");
    assert_eq!(missing.outcome, Outcome::Breached);
    assert!(failures(&checks) >= 2);
}

#[test]
fn target_countries_outside_the_call() {
    let c = call();
    let mut lf = Logframe::starter(Mode::Classic);
    lf.countries = vec!["AL".into(), "TN".into()];
    let checks = eligibility(
        &c,
        day("2027-01-10"),
        &Project {
            logframe: Some(&lf),
            ..Project::default()
        },
    );
    let t = one(&checks, "target-countries");
    assert_eq!(t.outcome, Outcome::Breached);
    assert_eq!(t.args, vec![("country", Arg::Text("TN".into()))]);
    // The partnership must cover both (the call asks): none yet, so cannot tell.
    assert_eq!(one(&checks, "partnership").outcome, Outcome::Unknown);
}

use super::eligibility::Arg;
