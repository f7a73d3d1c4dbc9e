use super::*;
use crate::locale::Locale;
use crate::products::budget::money::Currency;
use crate::products::budget::{Line, Partner};
use proptest::prelude::*;

fn dec(t: &str) -> Decimal {
    Decimal::parse(t, Locale::It, 6).unwrap()
}

fn partner(id: &str, country: &str, group: &str, share: &str) -> Partner {
    Partner {
        id: id.into(),
        name: format!("Partner {id}"),
        country: country.into(),
        group: group.into(),
        cofinancing: dec(share),
        ..Partner::default()
    }
}

fn eur_line(id: &str, partner: &str, category: Category, cents: i64) -> Line {
    Line {
        id: id.into(),
        partner: partner.into(),
        category,
        activity: String::new(),
        year: 2026,
        description: String::new(),
        unit: String::new(),
        unit_cost: cents,
        quantity: Decimal::whole(1),
        currency: Currency::Eur,
    }
}

fn find<'a>(findings: &'a [Finding], rule: &str, anchor: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| f.rule == rule && f.anchor == anchor)
        .unwrap_or_else(|| panic!("no {rule} at {anchor} in {findings:#?}"))
}

fn arg<'a>(f: &'a Finding, name: &str) -> &'a Arg {
    &f.args.iter().find(|(n, _)| *n == name).unwrap().1
}

fn pack_of(id: &str) -> &'static Pack {
    pack(id).unwrap_or_else(|| panic!("pack {id}"))
}

#[test]
fn every_pack_file_reads_and_cites_its_source() {
    for text in FILES {
        let p = Pack::parse(text).unwrap_or_else(|e| panic!("{e}"));
        assert!(!p.source.document.is_empty(), "{}", p.id);
        let mut ids = std::collections::HashSet::new();
        for l in &p.limits {
            assert!(ids.insert(&l.id), "{}: {} twice", p.id, l.id);
            if let Some(s) = &l.source {
                assert!(!s.document.is_empty(), "{}", l.id);
            }
            match &l.rule {
                Rule::Share {
                    max_percent: pc, ..
                }
                | Rule::GrantRateMax { max_percent: pc }
                | Rule::CofinancingMin { min_percent: pc } => {
                    assert!(pc.basis_points().is_some_and(|bp| bp <= 10_000), "{}", l.id)
                }
                Rule::GroupMin { group, .. } => assert!(p.groups.contains(group), "{}", l.id),
                Rule::NoLines { option, .. } => assert!(!option.is_empty()),
                _ => {}
            }
        }
        for b in &p.base {
            assert!(pack(b).is_some(), "{}: base {b}", p.id);
        }
        for code in p.headings.keys() {
            assert!(Category::parse(code).is_some(), "{}: heading {code}", p.id);
        }
    }
    assert_eq!(packs().len(), FILES.len());
    // PRAG numbers headings 1 to 6.
    let headings: Vec<&str> = pack_of("prag")
        .headings
        .values()
        .map(|s| s.as_str())
        .collect();
    let mut sorted = headings.clone();
    sorted.sort();
    assert_eq!(sorted, ["1", "2", "3", "4", "5", "6"]);
}

#[test]
fn pack_files_use_only_known_fields() {
    // Limits are read with their kind's fields flattened in, so a misspelt optional field (an
    // `option` that would make a flat rate apply to every partner) would pass unnoticed.
    const KNOWN: &[&str] = &[
        "id",
        "kind",
        "severity",
        "source",
        "subject",
        "basis",
        "max_percent",
        "min_percent",
        "scope",
        "option",
        "categories",
        "eur",
        "months_from",
        "months_to",
        "months",
        "count",
        "group",
    ];
    for text in FILES {
        let table: toml::Table = toml::from_str(text).unwrap();
        let limits = table["limit"].as_array().unwrap();
        assert!(!limits.is_empty());
        for limit in limits {
            for key in limit.as_table().unwrap().keys() {
                assert!(KNOWN.contains(&key.as_str()), "{key} in {:?}", table["id"]);
            }
        }
    }
}

#[test]
fn prag_indirect_and_contingency_by_hand() {
    let prag = pack_of("prag");
    let mut b = Budget {
        partners: vec![partner("p1", "IT", "", "0")],
        ..Budget::default()
    };
    // Direct costs 100.000,00 €.
    b.lines
        .push(eur_line("l1", "p1", Category::Staff, 6_000_000));
    b.lines
        .push(eur_line("l2", "p1", Category::Travel, 2_000_000));
    b.lines
        .push(eur_line("l3", "p1", Category::Equipment, 2_000_000));
    // 7.000,00 € indirect, 5.000,00 € contingency: exactly at the limits.
    b.lines
        .push(eur_line("l4", "p1", Category::Indirect, 700_000));
    b.lines
        .push(eur_line("l5", "p1", Category::Contingency, 500_000));
    let f = check(prag, &b).unwrap();
    let indirect = find(&f, "indirect-max-7", "budget");
    assert_eq!(indirect.outcome, Outcome::Holds);
    assert_eq!(indirect.message, m::RULE_SHARE_HOLDS);
    assert_eq!(arg(indirect, "max_amount"), &Arg::Cents(700_000));
    assert_eq!(arg(indirect, "basis_amount"), &Arg::Cents(10_000_000));
    assert_eq!(arg(indirect, "percent"), &Arg::Percent(Decimal::whole(7)));
    assert_eq!(indirect.source.certainty, Certainty::Src);
    assert!(indirect.source.article.contains("7 %"));
    let json = serde_json::to_value(indirect).unwrap();
    assert_eq!(json["outcome"], "holds");
    assert_eq!(json["source"]["certainty"], "src");
    assert_eq!(
        json["args"][2],
        serde_json::json!(["percent", {"type": "percent", "value": "7"}])
    );
    assert_eq!(
        find(&f, "contingency-max-5", "budget").outcome,
        Outcome::Holds
    );
    assert_eq!(find(&f, "categories", "budget").outcome, Outcome::Holds);

    // One cent more of each breaches it.
    b.lines[3].unit_cost += 1;
    b.lines[4].unit_cost += 1;
    // Infrastructure is not a PRAG heading.
    b.lines
        .push(eur_line("l6", "p1", Category::Infrastructure, 100));
    let f = check(prag, &b).unwrap();
    let indirect = find(&f, "indirect-max-7", "budget");
    assert_eq!(indirect.outcome, Outcome::Breached);
    assert_eq!(indirect.message, m::RULE_SHARE_BREACHED);
    assert_eq!(arg(indirect, "amount"), &Arg::Cents(700_001));
    assert_eq!(
        find(&f, "contingency-max-5", "budget").outcome,
        Outcome::Breached
    );
    let cat = find(&f, "categories", "line:l6");
    assert_eq!(cat.outcome, Outcome::Breached);
    assert_eq!(arg(cat, "category"), &Arg::Text("infrastructure".into()));
    assert!(f.iter().all(|x| m::ALL.contains(&x.message)));
}

#[test]
fn interreg_flat_rates_per_partner_and_options() {
    let sco = pack_of("interreg-2021-2027-sco");
    let mut a = partner("pa", "IT", "", "20");
    a.options = vec!["travel_flat_rate".into()];
    let mut c = partner("pc", "AL", "", "20");
    c.options = vec!["flat_rate_40".into()];
    let b = Budget {
        partners: vec![a, partner("pb", "HR", "", "20"), c],
        lines: vec![
            // A: staff 10.000,00 €, O&A 1.500,00 € (15 %), travel 1.500,01 € (over 15 %).
            eur_line("a1", "pa", Category::Staff, 1_000_000),
            eur_line("a2", "pa", Category::OfficeAdministration, 150_000),
            eur_line("a3", "pa", Category::Travel, 150_001),
            // B: staff 10.000,00 €, O&A 1.500,01 €; travel uncapped (no flat rate chosen).
            eur_line("b1", "pb", Category::Staff, 1_000_000),
            eur_line("b2", "pb", Category::OfficeAdministration, 150_001),
            eur_line("b3", "pb", Category::Travel, 900_000),
            // C: 40 % option: staff 10.000,00 €, services 4.000,00 €, and a travel line.
            eur_line("c1", "pc", Category::Staff, 1_000_000),
            eur_line("c2", "pc", Category::Services, 400_000),
            eur_line("c3", "pc", Category::Travel, 1),
        ],
        ..Budget::default()
    };
    let f = check(sco, &b).unwrap();
    let oa = "office-administration-max-15";
    assert_eq!(find(&f, oa, "partner:pa").outcome, Outcome::Holds);
    assert_eq!(find(&f, oa, "partner:pb").outcome, Outcome::Breached);
    assert_eq!(
        arg(find(&f, oa, "partner:pb"), "max_amount"),
        &Arg::Cents(150_000)
    );
    assert_eq!(
        find(&f, "travel-max-15", "partner:pa").outcome,
        Outcome::Breached
    );
    assert!(!f
        .iter()
        .any(|x| x.rule == "travel-max-15" && x.anchor == "partner:pb"));
    // C: 4.000,01 € of other costs on 10.000,00 € of staff is over 40 %, and the travel line
    // is not allowed under the option.
    let forty = find(&f, "remaining-max-40", "partner:pc");
    assert_eq!(forty.outcome, Outcome::Breached);
    assert_eq!(arg(forty, "amount"), &Arg::Cents(400_001));
    let travel = find(&f, "flat-rate-40-excludes", "line:c3");
    assert_eq!(travel.outcome, Outcome::Breached);
    assert_eq!(travel.message, m::RULE_NO_LINES_BREACHED);
}

/// Six partners from six countries, three ERDF and three IPA, each with 100.000,00 € of staff
/// and 15 % co-financing.
fn adrion_budget() -> Budget {
    let mut b = Budget {
        duration_months: Some(36),
        ..Budget::default()
    };
    for (i, (country, group)) in [
        ("IT", "erdf"),
        ("HR", "erdf"),
        ("GR", "erdf"),
        ("AL", "ipa"),
        ("ME", "ipa"),
        ("RS", "ipa"),
    ]
    .into_iter()
    .enumerate()
    {
        let id = format!("p{i}");
        b.partners.push(partner(&id, country, group, "15"));
        b.lines
            .push(eur_line(&format!("l{i}"), &id, Category::Staff, 10_000_000));
    }
    b
}

#[test]
fn adrion_call_limits_by_hand() {
    let adrion = pack_of("ipa-adrion-call1");
    let b = adrion_budget();
    let f = check(adrion, &b).unwrap();
    for rule in [
        "grant-rate-max-85",
        "grant-max",
        "duration-max",
        "partners-min",
        "countries-min",
        "erdf-min",
        "ipa-min",
        "per-country-max",
        "partners-recommended-max",
    ] {
        assert_eq!(find(&f, rule, "budget").outcome, Outcome::Holds, "{rule}");
    }
    // The base pack's limits apply too, with their own source.
    let oa = find(&f, "office-administration-max-15", "partner:p0");
    assert_eq!(oa.pack, "interreg-2021-2027-sco");
    assert!(oa.source.article.contains("art. 40(2)"));
    // Grant: 6 × 85.000,00 € = 510.000,00 €, exactly 85 % of 600.000,00 €.
    let rate = find(&f, "grant-rate-max-85", "budget");
    assert_eq!(arg(rate, "grant"), &Arg::Cents(51_000_000));
    assert_eq!(arg(rate, "max_amount"), &Arg::Cents(51_000_000));

    // A third Italian partner, 14,99 % co-financing, 37 months.
    let mut worse = b.clone();
    worse.partners[1].country = "IT".into();
    worse.partners[2].country = "IT".into();
    worse.partners[0].cofinancing = dec("14,99");
    worse.duration_months = Some(37);
    let f = check(adrion, &worse).unwrap();
    for rule in [
        "grant-rate-max-85",
        "duration-max",
        "countries-min",
        "per-country-max",
    ] {
        let x = find(&f, rule, "budget");
        assert_eq!(x.outcome, Outcome::Breached, "{rule}");
        assert_eq!(x.severity, Severity::Error);
    }
    let per_country = find(&f, "per-country-max", "budget");
    assert_eq!(arg(per_country, "country"), &Arg::Text("IT".into()));
    assert_eq!(arg(per_country, "count"), &Arg::Count(3));
    // Thirteen partners is only advice.
    let mut many = b.clone();
    for i in 6..13 {
        many.partners
            .push(partner(&format!("p{i}"), "SI", "erdf", "15"));
    }
    let f = check(adrion, &many).unwrap();
    let advice = find(&f, "partners-recommended-max", "budget");
    assert_eq!(
        (advice.outcome, advice.severity),
        (Outcome::Breached, Severity::Advice)
    );
}

#[test]
fn aics_limits_depend_on_the_duration() {
    let aics = pack_of("aics-local-authorities-2019");
    let mut b = Budget {
        partners: vec![partner("p1", "IT", "", "0")],
        lines: vec![
            eur_line("l1", "p1", Category::Services, 80_000_000),
            // 200.000,00 € re-granted out of 1.000.000,00 €: exactly 20 %.
            eur_line("l2", "p1", Category::Regranting, 20_000_000),
        ],
        ..Budget::default()
    };
    let f = check(aics, &b).unwrap();
    assert_eq!(find(&f, "duration-min", "budget").outcome, Outcome::Unknown);
    let grant = find(&f, "grant-max-24-29-months", "budget");
    assert_eq!(grant.outcome, Outcome::Unknown);
    assert_eq!(grant.message, m::RULE_UNKNOWN);
    let regrant = find(&f, "regranting-max-20", "budget");
    assert_eq!(regrant.outcome, Outcome::Holds);
    assert_eq!(regrant.source.certainty, Certainty::Unverified);

    // 24 months: the 900.000 € cap applies and 1.000.000,00 € of grant breaches it.
    b.duration_months = Some(24);
    let f = check(aics, &b).unwrap();
    assert_eq!(
        find(&f, "grant-max-24-29-months", "budget").outcome,
        Outcome::Breached
    );
    assert!(!f.iter().any(|x| x.rule == "grant-max-30-36-months"));
    // 30 months: the 1.400.000 € cap applies and holds.
    b.duration_months = Some(30);
    let f = check(aics, &b).unwrap();
    assert_eq!(
        find(&f, "grant-max-30-36-months", "budget").outcome,
        Outcome::Holds
    );
    assert!(!f.iter().any(|x| x.rule == "grant-max-24-29-months"));
}

#[test]
fn next_med_needs_a_mediterranean_partner_and_cofinancing() {
    let next = pack_of("next-med-call1");
    let mut b = Budget {
        duration_months: Some(30),
        ..Budget::default()
    };
    for (id, country, group) in [("p1", "IT", "eu"), ("p2", "ES", "eu"), ("p3", "TN", "mpc")] {
        b.partners.push(partner(id, country, group, "11"));
        b.lines
            .push(eur_line(&format!("l{id}"), id, Category::Staff, 20_000_000));
    }
    let f = check(next, &b).unwrap();
    assert!(
        f.iter().all(|x| x.outcome == Outcome::Holds),
        "{:#?}",
        f.iter()
            .filter(|x| x.outcome != Outcome::Holds)
            .collect::<Vec<_>>()
    );
    // Co-financing 11 % of 600.000,00 € is 66.000,00 €.
    assert_eq!(
        arg(find(&f, "cofinancing-min-11", "budget"), "min_amount"),
        &Arg::Cents(6_600_000)
    );
    b.partners[2].group = "eu".into();
    b.partners[0].cofinancing = dec("10,99");
    let f = check(next, &b).unwrap();
    assert_eq!(find(&f, "mpc-min", "budget").outcome, Outcome::Breached);
    assert_eq!(
        find(&f, "cofinancing-min-11", "budget").outcome,
        Outcome::Breached
    );
}

#[test]
fn a_budget_that_cannot_be_computed_is_refused() {
    let mut b = adrion_budget();
    b.lines[0].currency = Currency::All;
    assert_eq!(
        check(pack_of("ipa-adrion-call1"), &b),
        Err(BudgetError::MissingRate {
            currency: Currency::All
        })
    );
}

proptest! {
    /// PRAG: indirect costs and contingency at exactly their most pass; one cent more fails.
    #[test]
    fn prag_shares_at_the_limit(direct in prop::collection::vec((0usize..6, 0i64..5_000_000_000), 1..12)) {
        let heads = [Category::Staff, Category::Travel, Category::Equipment, Category::LocalOffice, Category::Services, Category::Other];
        let mut b = Budget { partners: vec![partner("p1", "IT", "", "0")], ..Budget::default() };
        for (i, (h, cents)) in direct.iter().enumerate() {
            b.lines.push(eur_line(&format!("d{i}"), "p1", heads[*h], *cents));
        }
        let sum: i64 = direct.iter().map(|(_, c)| c).sum();
        // Oracle: 7 % and 5 % of the direct costs, in whole cents, rounded down.
        b.lines.push(eur_line("ind", "p1", Category::Indirect, sum * 7 / 100));
        b.lines.push(eur_line("con", "p1", Category::Contingency, sum * 5 / 100));
        let prag = pack_of("prag");
        let f = check(prag, &b).unwrap();
        prop_assert_eq!(find(&f, "indirect-max-7", "budget").outcome, Outcome::Holds);
        prop_assert_eq!(find(&f, "contingency-max-5", "budget").outcome, Outcome::Holds);
        let n = b.lines.len();
        b.lines[n - 2].unit_cost += 1;
        let f = check(prag, &b).unwrap();
        prop_assert_eq!(find(&f, "indirect-max-7", "budget").outcome, Outcome::Breached);
        prop_assert_eq!(find(&f, "contingency-max-5", "budget").outcome, Outcome::Holds);
        b.lines[n - 1].unit_cost += 1;
        let f = check(prag, &b).unwrap();
        prop_assert_eq!(find(&f, "contingency-max-5", "budget").outcome, Outcome::Breached);
    }

    /// Interreg: office and administration at exactly 15 % of a partner's staff passes, one cent
    /// more fails, whatever the other partners do.
    #[test]
    fn interreg_office_at_the_limit(staff in 0i64..10_000_000_000, other_staff in 0i64..1_000_000, other_oa in 0i64..1_000_000) {
        let sco = pack_of("interreg-2021-2027-sco");
        let mut b = Budget { partners: vec![partner("p1", "IT", "", "20"), partner("p2", "AL", "", "20")], ..Budget::default() };
        b.lines.push(eur_line("s1", "p1", Category::Staff, staff));
        b.lines.push(eur_line("o1", "p1", Category::OfficeAdministration, staff * 15 / 100));
        b.lines.push(eur_line("s2", "p2", Category::Staff, other_staff));
        b.lines.push(eur_line("o2", "p2", Category::OfficeAdministration, other_oa));
        let f = check(sco, &b).unwrap();
        prop_assert_eq!(find(&f, "office-administration-max-15", "partner:p1").outcome, Outcome::Holds);
        b.lines[1].unit_cost += 1;
        let f = check(sco, &b).unwrap();
        prop_assert_eq!(find(&f, "office-administration-max-15", "partner:p1").outcome, Outcome::Breached);
    }

    /// Grant limits: a grant of exactly the most passes, one cent more fails; a grant rate at
    /// exactly 85 % passes, one hundredth of a percent less co-financing fails.
    #[test]
    fn grant_limits_at_the_limit(spread in prop::collection::vec(1i64..1_000, 1..6), total_extra in 0i64..1_000_000_000) {
        let adrion = pack_of("ipa-adrion-call1");
        // Split exactly 1.500.000,00 € of grant (no co-financing) over the lines.
        let target = 150_000_000i64;
        let weight: i64 = spread.iter().sum();
        let mut b = Budget { partners: vec![partner("p1", "IT", "erdf", "0")], duration_months: Some(36), ..Budget::default() };
        let mut given = 0;
        for (i, w) in spread.iter().enumerate() {
            let cents = if i + 1 == spread.len() { target - given } else { target * w / weight };
            given += cents;
            b.lines.push(eur_line(&format!("l{i}"), "p1", Category::Staff, cents));
        }
        let f = check(adrion, &b).unwrap();
        prop_assert_eq!(find(&f, "grant-max", "budget").outcome, Outcome::Holds);
        b.lines[0].unit_cost += 1;
        let f = check(adrion, &b).unwrap();
        prop_assert_eq!(find(&f, "grant-max", "budget").outcome, Outcome::Breached);

        let mut r = Budget { partners: vec![partner("p1", "IT", "erdf", "15")], ..Budget::default() };
        r.lines.push(eur_line("l1", "p1", Category::Staff, 10_000 + total_extra));
        let f = check(adrion, &r).unwrap();
        prop_assert_eq!(find(&f, "grant-rate-max-85", "budget").outcome, Outcome::Holds);
        r.partners[0].cofinancing = dec("14,99");
        let f = check(adrion, &r).unwrap();
        prop_assert_eq!(find(&f, "grant-rate-max-85", "budget").outcome, Outcome::Breached);
    }
}
