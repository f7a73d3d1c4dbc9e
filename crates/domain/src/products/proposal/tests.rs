use super::*;
use crate::products::logframe::{Level, Mode, Row};

fn logframe() -> Logframe {
    let mut lf = Logframe::starter(Mode::Classic);
    let mut a2 = Row::new("a2".into(), Level::Activity);
    a2.text = "Visite di studio a Durazzo".into();
    lf.rows.push(a2);
    lf
}

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_default_template_numbers_narrative_and_filled_sections() {
    let t = template_of(&[]);
    assert_eq!(t[0].key, "summary");
    assert!(t.iter().any(|s| s.kind == SectionKind::Workplan));
    assert!(t.iter().any(|s| s.kind == SectionKind::Budget));
    let anchors = ProposalProduct::default().anchors();
    assert_eq!(anchors[0], ("section:summary".into(), "1".into()));
    assert!(SectionKind::Logframe.landscape() && !SectionKind::Narrative.landscape());
    for k in SectionKind::ALL {
        assert_eq!(SectionKind::parse(k.code()), Some(k));
    }
}

#[test]
fn a_template_as_typed_is_checked() {
    let typed = |title: &str, kind: &str| TypedSection {
        key: String::new(),
        title: title.into(),
        guidance: "Max 2 pagine".into(),
        kind: kind.into(),
    };
    let ok = check_template(&[
        typed("Sintesi", "narrative"),
        TypedSection::default(),
        typed("Piano di lavoro", "workplan"),
    ])
    .unwrap();
    assert_eq!(ok.len(), 2);
    assert_eq!(ok[0].key, "s1");
    assert_eq!(ok[1].key, "s3");
    assert_eq!(ok[1].kind, SectionKind::Workplan);
    let bad = check_template(&[typed("Sintesi", "poem"), typed("", "narrative")]).unwrap_err();
    assert!(bad.contains(&("s0.kind".into(), "error-unknown-choice")));
    assert!(bad.contains(&("s1.title".into(), "error-required")));
    assert!(check_template(&[typed("a\u{7}b", "narrative")]).is_err());
}

#[test]
fn the_form_keeps_text_and_reads_the_schedule() {
    let lf = logframe();
    let template = default_template();
    let saved = ProposalProduct {
        logframe: "lf".into(),
        sections: [("old".to_string(), "kept".to_string())].into(),
        ..Default::default()
    };
    let (p, problems) = read_form(
        &fields(&[
            ("logframe", "lf"),
            ("text.summary", "## Sintesi\r\nSalerno e Durazzo"),
            ("text.relevance", "  "),
            ("start.a2", "3"),
            ("end.a2", "10"),
        ]),
        &saved,
        &template,
        Some(&lf),
        24,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(p.sections["summary"], "## Sintesi\nSalerno e Durazzo");
    assert_eq!(p.sections["old"], "kept");
    assert!(!p.sections.contains_key("relevance"));
    assert_eq!(p.schedule["a2"], Months { start: 3, end: 10 });
}

#[test]
fn bad_months_are_refused_with_a_reason() {
    let lf = logframe();
    let t = default_template();
    let read = |pairs: &[(&str, &str)]| {
        read_form(&fields(pairs), &Default::default(), &t, Some(&lf), 12).1
    };
    let messages = |p: Vec<FieldProblem>| p.into_iter().map(|p| p.message).collect::<Vec<_>>();
    assert_eq!(
        messages(read(&[("start.a2", "5"), ("end.a2", "2")])),
        ["error-proposal-end-before-start"]
    );
    assert_eq!(
        messages(read(&[("start.a2", "5"), ("end.a2", "13")])),
        ["error-proposal-month-beyond"]
    );
    assert_eq!(
        messages(read(&[("start.a2", "0"), ("end.a2", "x")])),
        ["error-proposal-month-range", "error-proposal-not-a-month"]
    );
    assert_eq!(messages(read(&[("start.a2", "5")])), ["error-required"]);
    assert_eq!(
        messages(read(&[("start.zz", "1")])),
        ["error-proposal-unknown-activity"]
    );
    assert_eq!(
        messages(read(&[("text.summary", "a\u{0}b")])),
        ["error-invalid-characters"]
    );
}

#[test]
fn the_gantt_chart_marks_each_activitys_months() {
    let lf = logframe();
    let schedule = [("a2".to_string(), Months { start: 2, end: 3 })].into();
    let rows = gantt(&lf, &schedule, 4);
    let a2 = rows.iter().find(|r| r.text.contains("Durazzo")).unwrap();
    assert_eq!(a2.months, [false, true, true, false]);
    assert!(rows.iter().all(|r| r.months.len() == 4));
    assert_eq!(duration(None, Some(36)), 36);
    assert_eq!(duration(Some(30), Some(36)), 30);
    assert_eq!(duration(None, None), DEFAULT_MONTHS);
    assert_eq!(duration(Some(999), None), MAX_MONTHS);
}

#[test]
fn a_call_follows_its_packs_application_form() {
    let adrion = crate::calls::Call {
        pack: "ipa-adrion-call1".into(),
        ..Default::default()
    };
    let t = template_of_call(&adrion);
    assert_eq!(t.len(), 8);
    assert_eq!(t[0].title, "Project summary");
    assert!(t
        .iter()
        .all(|s| !s.title.is_empty() && !s.guidance.is_empty()));
    // Every kind of filled section is there once, and the keys are unique.
    for kind in SectionKind::ALL.into_iter().skip(1) {
        assert_eq!(t.iter().filter(|s| s.kind == kind).count(), 1, "{kind:?}");
    }
    let mut keys: Vec<&str> = t.iter().map(|s| s.key.as_str()).collect();
    keys.dedup();
    assert_eq!(keys.len(), 8);
    // A pack without a form, or no pack: the default template.
    let prag = crate::calls::Call {
        pack: "prag".into(),
        ..Default::default()
    };
    assert_eq!(template_of_call(&prag), default_template());
    assert_eq!(template_of_call(&Default::default()), default_template());
}

#[test]
fn the_title_and_summary_are_read_in_other_languages() {
    let template = default_template();
    let saved = ProposalProduct {
        translations: [(
            "fr".to_string(),
            Translation {
                title: "Tourisme durable".into(),
                summary: String::new(),
            },
        )]
        .into(),
        ..Default::default()
    };
    let (p, problems) = read_form(
        &fields(&[
            ("title.en", "  Sustainable tourism  "),
            ("summary.en", "Two coasts."),
            ("title.sq", ""),
            ("summary.sq", ""),
            // Not a language a proposal is given in: ignored.
            ("title.xx", "Nope"),
        ]),
        &saved,
        &template,
        None,
        12,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(p.translations["en"].title, "Sustainable tourism");
    assert_eq!(p.translations["en"].summary, "Two coasts.");
    // A language the form does not send keeps what was saved; an emptied one goes.
    assert_eq!(p.translations["fr"].title, "Tourisme durable");
    assert!(!p.translations.contains_key("sq") && !p.translations.contains_key("xx"));

    let (_, problems) = read_form(
        &fields(&[
            ("title.ar", ""),
            ("summary.ar", "ملخص"),
            ("title.sr", &"x".repeat(MAX_TRANSLATED_TITLE + 1)),
            ("title.mk", "Два\nреда"),
        ]),
        &ProposalProduct::default(),
        &template,
        None,
        12,
    );
    let named: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.field.as_str(), p.message))
        .collect();
    assert!(
        named.contains(&("title.ar", "error-proposal-translation-title")),
        "{named:?}"
    );
    assert!(named.contains(&("title.sr", "error-too-long")), "{named:?}");
    assert!(
        named.contains(&("title.mk", "error-line-break")),
        "{named:?}"
    );
}
