//! The IATI activity file (standard 2.03): one `iati-activity` inside `iati-activities`, its
//! elements in the order the schema fixes, every narrative with its `xml:lang`, dates as
//! YYYY-MM-DD and amounts as decimals written from integer minor units.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use domain::products::iati::{format_amount, format_percent, Activity, Narrative, Org};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::io;

type W = Writer<Vec<u8>>;

/// Leaves out the characters XML 1.0 cannot carry (controls other than tab and line breaks,
/// unpaired surrogates cannot occur in a `str`, U+FFFE and U+FFFF).
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| {
            matches!(c, '\t' | '\n' | '\r')
                || (!c.is_control() && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        })
        .collect()
}

fn narratives(w: &mut W, list: &[Narrative]) -> io::Result<()> {
    for n in list {
        let text = clean(&n.text);
        w.create_element("narrative")
            .with_attribute(("xml:lang", n.lang.as_str()))
            .write_text_content(BytesText::new(&text))?;
    }
    Ok(())
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn org(w: &mut W, name: &str, o: &Org) -> io::Result<()> {
    let mut el = w.create_element(name);
    if !o.reference.is_empty() {
        el = el.with_attribute(("ref", o.reference.as_str()));
    }
    if !o.role.is_empty() {
        el = el.with_attribute(("role", o.role.as_str()));
    }
    if !o.org_type.is_empty() {
        el = el.with_attribute(("type", o.org_type.as_str()));
    }
    el.write_inner_content(|w| narratives(w, &o.name))?;
    Ok(())
}

fn activity(w: &mut W, a: &Activity) -> io::Result<()> {
    w.create_element("iati-identifier")
        .write_text_content(BytesText::new(&clean(&a.identifier)))?;
    org(w, "reporting-org", &a.reporting_org)?;
    w.create_element("title")
        .write_inner_content(|w| narratives(w, &a.title))?;
    w.create_element("description")
        .with_attribute(("type", "1"))
        .write_inner_content(|w| narratives(w, &a.description))?;
    for o in &a.participating {
        org(w, "participating-org", o)?;
    }
    w.create_element("activity-status")
        .with_attribute(("code", a.status.as_str()))
        .write_empty()?;
    for (kind, day) in [("1", a.planned_start), ("3", a.planned_end)] {
        if let Some(day) = day {
            w.create_element("activity-date")
                .with_attribute(("type", kind))
                .with_attribute(("iso-date", date(day).as_str()))
                .write_empty()?;
        }
    }
    for c in &a.countries {
        w.create_element("recipient-country")
            .with_attribute(("code", c.code.as_str()))
            .with_attribute(("percentage", format_percent(c.basis_points).as_str()))
            .write_empty()?;
    }
    for s in &a.sectors {
        let mut el = w.create_element("sector");
        if !s.vocabulary.is_empty() {
            el = el.with_attribute(("vocabulary", s.vocabulary.as_str()));
        }
        el.with_attribute(("code", s.code.as_str()))
            .with_attribute(("percentage", format_percent(s.basis_points).as_str()))
            .write_empty()?;
    }
    for b in &a.budgets {
        w.create_element("budget")
            .with_attribute(("type", "1"))
            .with_attribute(("status", "1"))
            .write_inner_content(|w| {
                w.create_element("period-start")
                    .with_attribute(("iso-date", date(b.start).as_str()))
                    .write_empty()?;
                w.create_element("period-end")
                    .with_attribute(("iso-date", date(b.end).as_str()))
                    .write_empty()?;
                w.create_element("value")
                    .with_attribute(("currency", a.default_currency.as_str()))
                    .with_attribute(("value-date", date(b.value_date).as_str()))
                    .write_text_content(BytesText::new(&format_amount(b.value)))?;
                Ok(())
            })?;
    }
    for r in &a.results {
        w.create_element("result")
            .with_attribute(("type", r.result_type.as_str()))
            .write_inner_content(|w| {
                w.create_element("title")
                    .write_inner_content(|w| narratives(w, &r.title))?;
                for i in &r.indicators {
                    let mut el = w
                        .create_element("indicator")
                        .with_attribute(("measure", i.measure.as_str()));
                    if let Some(up) = i.ascending {
                        el = el.with_attribute(("ascending", if up { "1" } else { "0" }));
                    }
                    el.write_inner_content(|w| {
                        w.create_element("title")
                            .write_inner_content(|w| narratives(w, &i.title))?;
                        if !i.description.is_empty() {
                            w.create_element("description")
                                .write_inner_content(|w| narratives(w, &i.description))?;
                        }
                        if let Some(b) = &i.baseline {
                            let year = b.year.map(|y| y.to_string()).unwrap_or_default();
                            let mut el = w
                                .create_element("baseline")
                                .with_attribute(("year", year.as_str()));
                            if let Some(v) = &b.value {
                                el = el.with_attribute(("value", v.as_str()));
                            }
                            if b.comment.is_empty() {
                                el.write_empty()?;
                            } else {
                                el.write_inner_content(|w| {
                                    w.create_element("comment")
                                        .write_inner_content(|w| narratives(w, &b.comment))?;
                                    Ok(())
                                })?;
                            }
                        }
                        if let Some(t) = &i.target {
                            w.create_element("period").write_inner_content(|w| {
                                w.create_element("period-start")
                                    .with_attribute(("iso-date", date(t.start).as_str()))
                                    .write_empty()?;
                                w.create_element("period-end")
                                    .with_attribute(("iso-date", date(t.end).as_str()))
                                    .write_empty()?;
                                let mut el = w.create_element("target");
                                if let Some(v) = &t.value {
                                    el = el.with_attribute(("value", v.as_str()));
                                }
                                if t.comment.is_empty() {
                                    el.write_empty()?;
                                } else {
                                    el.write_inner_content(|w| {
                                        w.create_element("comment")
                                            .write_inner_content(|w| narratives(w, &t.comment))?;
                                        Ok(())
                                    })?;
                                }
                                Ok(())
                            })?;
                        }
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
    }
    Ok(())
}

/// The activity file of `a`, generated at `now`.
pub fn activity_file(a: &Activity, now: DateTime<Utc>) -> Result<Vec<u8>, crate::ExportError> {
    let generated = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("iati-activities")
        .with_attribute(("version", "2.03"))
        .with_attribute(("generated-datetime", generated.as_str()))
        .write_inner_content(|w| {
            w.create_element("iati-activity")
                .with_attribute(("last-updated-datetime", generated.as_str()))
                .with_attribute(("xml:lang", a.lang.as_str()))
                .with_attribute(("default-currency", a.default_currency.as_str()))
                .write_inner_content(|w| activity(w, a))?;
            Ok(())
        })?;
    let mut out = w.into_inner();
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::products::iati::{BudgetPeriod, Share};
    use domain::products::review::State;

    fn sample() -> Activity {
        let n = |t: &str| {
            vec![Narrative {
                lang: "it".into(),
                text: t.into(),
            }]
        };
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        Activity {
            identifier: "IT-CF-1-x".into(),
            lang: "it".into(),
            default_currency: "EUR".into(),
            reporting_org: Org {
                reference: "IT-CF-1".into(),
                role: String::new(),
                org_type: "11".into(),
                name: n("Comune <di> \"Prova\" & co."),
            },
            title: n("Città € 😀 Дуррес دوريس\u{1}"),
            description: n("a\nb"),
            participating: vec![],
            status: "1".into(),
            planned_start: Some(day("2026-01-01")),
            planned_end: Some(day("2026-12-31")),
            countries: vec![Share {
                code: "AL".into(),
                vocabulary: String::new(),
                basis_points: 3334,
            }],
            sectors: vec![],
            budgets: vec![BudgetPeriod {
                start: day("2026-01-01"),
                end: day("2026-12-31"),
                value: 123_405,
                value_date: day("2026-01-01"),
            }],
            results: vec![],
            budget_error: None,
            state: State::Submitted,
        }
    }

    #[test]
    fn escapes_text_and_writes_exact_numbers() {
        let now = DateTime::parse_from_rfc3339("2026-12-07T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let xml = String::from_utf8(activity_file(&sample(), now).unwrap()).unwrap();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert!(xml.contains(
            "<iati-activities version=\"2.03\" generated-datetime=\"2026-12-07T10:00:00Z\">"
        ));
        assert!(xml.contains("Comune &lt;di&gt; &quot;Prova&quot; &amp; co."));
        assert!(xml.contains("<narrative xml:lang=\"it\">Città € 😀 Дуррес دوريس</narrative>"));
        assert!(xml.contains("percentage=\"33.34\""));
        assert!(xml.contains(">1234.05</value>"));
        assert!(xml.contains("iso-date=\"2026-12-31\""));
    }
}
