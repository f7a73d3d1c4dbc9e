use super::*;
use crate::calls::eligibility::{Check, Outcome};
use crate::calls::{Call, GroupMinimum};
use crate::locale::Locale;
use crate::products::budget::rules::Severity;

fn partner(id: &str, name: &str, role: Role, country: &str) -> Partner {
    Partner {
        id: id.into(),
        name: name.into(),
        role,
        country: country.into(),
        ..Partner::default()
    }
}

fn share(p: &mut Partner, percent: &str) {
    p.cofinancing = Some(Decimal::parse(percent, Locale::It, 2).unwrap());
}

fn found<'a>(checks: &'a [Check], rule: &str) -> Vec<&'a Check> {
    checks.iter().filter(|c| c.rule == rule).collect()
}

fn outcome(checks: &[Check], rule: &str) -> Outcome {
    let f = found(checks, rule);
    assert_eq!(f.len(), 1, "{rule}: {f:?}");
    f[0].outcome
}

fn salerno_durres() -> Partnership {
    Partnership {
        partners: vec![
            partner("p1", "Provincia di Salerno", Role::Lead, "IT"),
            partner("p2", "Bashkia Durrës", Role::Partner, "AL"),
            partner(
                "p3",
                "Camera di commercio di Durazzo",
                Role::Associate,
                "AL",
            ),
        ],
        last_id: 3,
    }
}

#[test]
fn exactly_one_lead() {
    let p = salerno_durres();
    let c = check(&p, None, &[]);
    assert_eq!(outcome(&c, "lead"), Outcome::Holds);

    let mut none = p.clone();
    none.partners[0].role = Role::Partner;
    let c = check(&none, None, &[]);
    assert_eq!(outcome(&c, "lead"), Outcome::Breached);
    assert_eq!(found(&c, "lead")[0].message, check::messages::LEAD_NONE);

    let mut two = p.clone();
    two.partners[1].role = Role::Lead;
    let c = check(&two, None, &[]);
    let lead = found(&c, "lead")[0];
    assert_eq!(lead.outcome, Outcome::Breached);
    assert_eq!(lead.message, check::messages::LEAD_MANY);
    assert!(lead
        .args
        .iter()
        .any(|(n, a)| *n == "count" && *a == Arg::Count(2)));
}

use crate::products::budget::rules::Arg;

#[test]
fn an_empty_partnership_has_no_lead() {
    let c = check(&Partnership::default(), None, &[]);
    assert_eq!(outcome(&c, "lead"), Outcome::Breached);
    // Nothing to say about letters of nobody.
    assert!(found(&c, "letters").is_empty());
}

#[test]
fn shares_sum_to_exactly_one_hundred() {
    let mut p = salerno_durres();
    let c = check(&p, None, &[]);
    assert_eq!(outcome(&c, "shares"), Outcome::Unknown);

    share(&mut p.partners[0], "60");
    share(&mut p.partners[1], "40");
    assert_eq!(outcome(&check(&p, None, &[]), "shares"), Outcome::Holds);

    // A hundredth short, exactly.
    share(&mut p.partners[1], "39,99");
    let c = check(&p, None, &[]);
    let f = found(&c, "shares")[0];
    assert_eq!(f.outcome, Outcome::Breached);
    assert_eq!(
        f.args,
        vec![(
            "sum",
            Arg::Percent(Decimal::parse("99,99", Locale::It, 2).unwrap())
        )]
    );

    // Above 100 in total.
    share(&mut p.partners[1], "40,01");
    assert_eq!(outcome(&check(&p, None, &[]), "shares"), Outcome::Breached);

    // Shares that only add up with fractions of a hundredth cannot be typed: the form refuses a
    // third decimal (see the form tests); 33,33 × 3 is not 100.
    let mut thirds = salerno_durres();
    for x in &mut thirds.partners {
        share(x, "33,33");
    }
    thirds.partners[2].role = Role::Partner;
    assert_eq!(
        outcome(&check(&thirds, None, &[]), "shares"),
        Outcome::Breached
    );
}

#[test]
fn an_associate_brings_no_cofinancing() {
    let mut p = salerno_durres();
    share(&mut p.partners[0], "50");
    share(&mut p.partners[1], "40");
    share(&mut p.partners[2], "10");
    let c = check(&p, None, &[]);
    assert_eq!(outcome(&c, "shares"), Outcome::Holds);
    let f = found(&c, "share-associate");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].anchor, "partner:p3");
    // A zero share is no contribution.
    share(&mut p.partners[2], "0");
    share(&mut p.partners[1], "50");
    assert!(found(&check(&p, None, &[]), "share-associate").is_empty());
}

#[test]
fn letters_are_asked_of_every_partner_but_the_lead_as_advice() {
    let mut p = salerno_durres();
    let c = check(&p, None, &[]);
    let missing = found(&c, "letters");
    assert_eq!(missing.len(), 2);
    assert!(missing.iter().all(|f| f.severity == Severity::Advice));
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    for x in p.partners.iter_mut().skip(1) {
        x.letter = Some(Letter {
            kind: LetterKind::Intent,
            document: String::new(),
            date,
        });
    }
    assert_eq!(outcome(&check(&p, None, &[]), "letters"), Outcome::Holds);
}

fn adrion_like() -> Call {
    Call {
        name: "Call 1".into(),
        programme: "Interreg IPA ADRION".into(),
        countries: ["AL", "BA", "GR", "HR", "IT", "ME", "RS", "SI"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        partners_min: 6,
        countries_min: 6,
        per_country_max: Some(2),
        group_minima: vec![
            GroupMinimum {
                group: "erdf".into(),
                count: 3,
            },
            GroupMinimum {
                group: "ipa".into(),
                count: 3,
            },
        ],
        cover_targets: true,
        ..Call::default()
    }
}

#[test]
fn every_target_country_is_covered_when_the_call_asks() {
    let p = salerno_durres();
    let mut call = adrion_like();
    let targets = vec!["AL".to_string(), "ME".to_string()];
    let c = check(&p, Some(&call), &targets);
    let cover = found(&c, "cover");
    assert_eq!(cover.len(), 2);
    assert_eq!(cover[0].outcome, Outcome::Holds);
    assert_eq!(cover[1].outcome, Outcome::Breached);
    assert_eq!(cover[1].args, vec![("country", Arg::Text("ME".into()))]);

    // An associate does not cover a country.
    let mut only_associate = p.clone();
    only_associate.partners[1].country = "IT".into();
    let c = check(&only_associate, Some(&call), &["AL".to_string()]);
    assert_eq!(outcome(&c, "cover"), Outcome::Breached);

    // No target countries stated: cannot tell.
    assert_eq!(
        outcome(&check(&p, Some(&call), &[]), "cover"),
        Outcome::Unknown
    );

    // A call that does not ask says nothing about it.
    call.cover_targets = false;
    assert!(found(&check(&p, Some(&call), &targets), "cover").is_empty());
}

#[test]
fn minima_by_country_and_group() {
    let call = adrion_like();
    let p = salerno_durres();
    let c = check(&p, Some(&call), &[]);
    assert_eq!(outcome(&c, "partners-min"), Outcome::Breached);
    assert_eq!(outcome(&c, "countries-min"), Outcome::Breached);
    let groups = found(&c, "group-min");
    assert_eq!(groups.len(), 2);
    // IT counts for ERDF (1 of 3), AL for IPA (1 of 3; the associate is not counted).
    assert!(groups[0].args.contains(&("count", Arg::Count(1))));
    assert!(groups.iter().all(|g| g.outcome == Outcome::Breached));
    assert_eq!(outcome(&c, "per-country-max"), Outcome::Holds);

    let full = Partnership {
        partners: vec![
            partner("p1", "Regione Puglia", Role::Lead, "IT"),
            partner("p2", "Comune di Bari", Role::Partner, "IT"),
            partner("p3", "Grad Split", Role::Partner, "HR"),
            partner("p4", "Dimos Patras", Role::Partner, "GR"),
            partner("p5", "Bashkia Durrës", Role::Partner, "AL"),
            partner("p6", "Opština Kotor", Role::Partner, "ME"),
            partner("p7", "Grad Novi Sad", Role::Partner, "RS"),
        ],
        last_id: 7,
    };
    let c = check(&full, Some(&call), &[]);
    for rule in [
        "partners-min",
        "countries-min",
        "per-country-max",
        "eligible-countries",
    ] {
        assert_eq!(outcome(&c, rule), Outcome::Holds, "{rule}");
    }
    assert!(found(&c, "group-min")
        .iter()
        .all(|g| g.outcome == Outcome::Holds));

    // A third Italian partner: too many from one country.
    let mut three = full.clone();
    three
        .partners
        .push(partner("p8", "Comune di Lecce", Role::Partner, "IT"));
    let c = check(&three, Some(&call), &[]);
    let over = found(&c, "per-country-max");
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].outcome, Outcome::Breached);
    assert!(over[0].args.contains(&("country", Arg::Text("IT".into()))));

    // A partner from a country the call does not admit.
    let mut outside = full.clone();
    outside.partners[6].country = "TN".into();
    let c = check(&outside, Some(&call), &[]);
    let f = found(&c, "eligible-countries");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].anchor, "partner:p7");
    assert_eq!(f[0].outcome, Outcome::Breached);
}

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn the_form_reads_partners_and_drops_empty_rows() {
    let f = fields(&[
        ("p0.name", "Provincia di Salerno"),
        ("p0.role", "lead"),
        ("p0.country", "it"),
        ("p0.org_type", "11"),
        ("p0.cofinancing", "62,5"),
        ("p1.name", "Bashkia Durrës"),
        ("p1.role", "partner"),
        ("p1.country", "AL"),
        ("p1.cofinancing", "37,5"),
        ("p1.letter_kind", "intent"),
        ("p1.letter_date", "2026-02-10"),
        ("p2.name", ""),
        ("p2.role", "partner"),
        ("p2.country", ""),
    ]);
    let (p, problems) = Partnership::read_form(&f, Locale::It, 0);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(p.partners.len(), 2);
    assert_eq!(p.partners[0].country, "IT");
    assert_eq!(p.partners[0].id, "p1");
    assert_eq!(p.partners[1].id, "p2");
    assert_eq!(p.last_id, 2);
    assert_eq!(
        p.partners[0].cofinancing,
        Some(Decimal::parse("62.5", Locale::En, 2).unwrap())
    );
    assert_eq!(
        p.partners[1].letter.as_ref().unwrap().kind,
        LetterKind::Intent
    );
    assert_eq!(outcome(&check(&p, None, &[]), "shares"), Outcome::Holds);
}

#[test]
fn the_form_refuses_bad_input_on_its_field() {
    // (the form's fields, the field refused, the message key)
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: &[Case] = &[
        (
            &[("p0.name", "A"), ("p0.role", "boss"), ("p0.country", "IT")],
            "p0.role",
            "error-unknown-choice",
        ),
        (
            &[("p0.name", "A"), ("p0.role", "lead"), ("p0.country", "ZZ")],
            "p0.country",
            "error-unknown-choice",
        ),
        (
            &[("p0.name", "A"), ("p0.role", "lead"), ("p0.country", "")],
            "p0.country",
            "error-required",
        ),
        (
            &[
                ("p0.name", "A"),
                ("p0.role", "lead"),
                ("p0.country", "IT"),
                ("p0.org_type", "12"),
            ],
            "p0.org_type",
            "error-unknown-choice",
        ),
        (
            &[
                ("p0.name", "A"),
                ("p0.role", "lead"),
                ("p0.country", "IT"),
                ("p0.cofinancing", "100,01"),
            ],
            "p0.cofinancing",
            "partnership-error-share-above-100",
        ),
        (
            &[
                ("p0.name", "A"),
                ("p0.role", "lead"),
                ("p0.country", "IT"),
                ("p0.cofinancing", "-5"),
            ],
            "p0.cofinancing",
            "budget-error-negative",
        ),
        (
            &[
                ("p0.name", "A"),
                ("p0.role", "lead"),
                ("p0.country", "IT"),
                ("p0.cofinancing", "12,345"),
            ],
            "p0.cofinancing",
            "budget-error-too-many-decimals",
        ),
        (
            &[
                ("p0.name", "A"),
                ("p0.role", "lead"),
                ("p0.country", "IT"),
                ("p0.cofinancing", "molto"),
            ],
            "p0.cofinancing",
            "budget-error-not-a-number",
        ),
        (
            &[
                ("p0.name", "A"),
                ("p0.role", "lead"),
                ("p0.country", "IT"),
                ("p0.letter_kind", "intent"),
            ],
            "p0.letter_date",
            "partnership-error-letter-date",
        ),
        (
            &[
                ("p0.name", "A"),
                ("p0.role", "lead"),
                ("p0.country", "IT"),
                ("p0.letter_date", "2026-01-01"),
            ],
            "p0.letter_kind",
            "partnership-error-letter-kind",
        ),
        (
            &[
                ("p0.name", "A"),
                ("p0.role", "lead"),
                ("p0.country", "IT"),
                ("p0.letter_kind", "intent"),
                ("p0.letter_date", "31/12/2026"),
            ],
            "p0.letter_date",
            "error-date",
        ),
        (
            &[
                ("p0.name", "A"),
                ("p0.role", "lead"),
                ("p0.country", "IT"),
                ("p0.organisation", "not-an-id"),
            ],
            "p0.organisation",
            "error-unknown-choice",
        ),
        (
            &[
                ("p0.name", "A\u{0}B"),
                ("p0.role", "lead"),
                ("p0.country", "IT"),
            ],
            "p0.name",
            "error-invalid-characters",
        ),
        (
            &[
                ("p0.name", "A"),
                ("p0.role", "lead"),
                ("p0.country", "IT"),
                ("p1.name", " a "),
                ("p1.role", "partner"),
                ("p1.country", "IT"),
            ],
            "p1.name",
            "partnership-error-partner-twice",
        ),
    ];
    for (pairs, field, message) in cases {
        let (_, problems) = Partnership::read_form(&fields(pairs), Locale::It, 0);
        assert!(
            problems
                .iter()
                .any(|p| p.field == *field && p.message == *message),
            "{pairs:?}: {problems:?}"
        );
    }
    // The same name in another country is another organisation.
    let (_, problems) = Partnership::read_form(
        &fields(&[
            ("p0.name", "Comune"),
            ("p0.role", "lead"),
            ("p0.country", "IT"),
            ("p1.name", "Comune"),
            ("p1.role", "partner"),
            ("p1.country", "AL"),
        ]),
        Locale::It,
        0,
    );
    assert!(problems.is_empty(), "{problems:?}");
    // The same registry organisation twice.
    let id = "0190b6d0-0000-7000-8000-000000000001";
    let (_, problems) = Partnership::read_form(
        &fields(&[
            ("p0.name", "Uno"),
            ("p0.organisation", id),
            ("p0.role", "lead"),
            ("p0.country", "IT"),
            ("p1.name", "Due"),
            ("p1.organisation", id),
            ("p1.role", "partner"),
            ("p1.country", "IT"),
        ]),
        Locale::It,
        0,
    );
    assert_eq!(problems[0].message, "partnership-error-partner-twice");
    assert_eq!(problems[0].args, vec![("partner", "Uno".to_string())]);
}

#[test]
fn ids_are_kept_never_reused_and_never_claimed_ahead() {
    let (p, problems) = Partnership::read_form(
        &fields(&[
            ("p0.id", "p4"),
            ("p0.name", "A"),
            ("p0.role", "lead"),
            ("p0.country", "IT"),
            ("p1.id", "p4"),
            ("p1.name", "B"),
            ("p1.role", "partner"),
            ("p1.country", "AL"),
            ("p2.id", "p999999"),
            ("p2.name", "C"),
            ("p2.role", "partner"),
            ("p2.country", "AL"),
            ("p3.name", "D"),
            ("p3.role", "partner"),
            ("p3.country", "ME"),
            ("p3.remove", "1"),
        ]),
        Locale::It,
        5,
    );
    assert!(problems.is_empty());
    let ids: Vec<&str> = p.partners.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, vec!["p4", "p6", "p7"]);
    assert_eq!(p.last_id, 7);
}

#[test]
fn too_many_partners_are_refused() {
    let mut f = Vec::new();
    for i in 0..=MAX_PARTNERS {
        f.push((format!("p{i}.name"), format!("Partner {i}")));
        f.push((format!("p{i}.role"), "partner".to_string()));
        f.push((format!("p{i}.country"), "IT".to_string()));
    }
    let (_, problems) = Partnership::read_form(&f, Locale::It, 0);
    assert!(problems
        .iter()
        .any(|p| p.message == "partnership-error-too-many"));
}
