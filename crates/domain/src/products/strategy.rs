//! The strategic plan for international opening: the chosen macro-areas with their rationale,
//! priorities, target countries, the logframes that carry it out, and a timeline.

use serde::{Deserialize, Serialize};

/// Most entries of each list.
pub const MAX_ITEMS: usize = 30;

/// The parts of a plan besides its macro-areas, as comments name them (`part:NAME`).
pub const PARTS: [&str; 4] = ["priorities", "countries", "logframes", "timeline"];

/// A macro-area chosen, and why.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AreaChoice {
    pub macro_area: String,
    pub rationale: String,
}

/// A step of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Milestone {
    /// A month (YYYY-MM) or a day (YYYY-MM-DD).
    pub when: String,
    pub what: String,
}

/// A strategic plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StrategicPlan {
    pub areas: Vec<AreaChoice>,
    /// One priority per entry, in order.
    pub priorities: Vec<String>,
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    /// Ids of the administration's logframe products.
    pub logframes: Vec<String>,
    pub timeline: Vec<Milestone>,
}

fn check(errors: &mut Vec<&'static str>, text: &str, max: usize) {
    if text.chars().count() > max {
        errors.push("error-too-long");
    } else if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        errors.push("error-invalid-characters");
    }
}

fn valid_when(text: &str) -> bool {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
        || chrono::NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").is_ok()
}

/// Reads the plan's form: `aN.area`, `aN.rationale`; `priorities` (one per line); `countries`
/// and `logframes` (repeated); `tN.when`, `tN.what`. Empty rows are dropped; the timeline is put
/// in date order. `known_country` and `known_area` say which codes exist; problems are message
/// ids.
pub fn from_form(
    fields: &[(String, String)],
    known_area: impl Fn(&str) -> bool,
    known_country: impl Fn(&str) -> bool,
) -> Result<StrategicPlan, Vec<&'static str>> {
    let get = |k: String| {
        fields
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.trim().replace("\r\n", "\n"))
            .unwrap_or_default()
    };
    let mut errors: Vec<&'static str> = Vec::new();

    let mut plan = StrategicPlan::default();
    for n in 0..MAX_ITEMS {
        let area = get(format!("a{n}.area"));
        let rationale = get(format!("a{n}.rationale"));
        if area.is_empty() && rationale.is_empty() {
            continue;
        }
        check(&mut errors, &rationale, 4_000);
        if !known_area(&area) {
            errors.push("strategy-error-area");
        } else if plan.areas.iter().any(|a| a.macro_area == area) {
            errors.push("strategy-error-area-twice");
        }
        plan.areas.push(AreaChoice {
            macro_area: area,
            rationale,
        });
    }
    let priorities = get("priorities".into());
    check(&mut errors, &priorities, 8_000);
    plan.priorities = priorities
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['-', '*', '•'])
                .trim()
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .take(MAX_ITEMS)
        .collect();
    for (key, value) in fields {
        let v = value.trim();
        if v.is_empty() {
            continue;
        }
        let is_id = v.len() <= 40 && v.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
        match key.as_str() {
            "countries" if !known_country(v) => errors.push("error-unknown-choice"),
            "countries" if !plan.countries.iter().any(|c| c == v) => {
                plan.countries.push(v.to_string())
            }
            "logframes" if !is_id => errors.push("error-unknown-choice"),
            "logframes" if !plan.logframes.iter().any(|l| l == v) => {
                plan.logframes.push(v.to_string())
            }
            _ => {}
        }
    }
    for n in 0..MAX_ITEMS {
        let when = get(format!("t{n}.when"));
        let what = get(format!("t{n}.what"));
        if when.is_empty() && what.is_empty() {
            continue;
        }
        check(&mut errors, &what, 1_000);
        if !valid_when(&when) {
            errors.push("strategy-error-when");
        }
        if what.is_empty() {
            errors.push("error-required");
        }
        plan.timeline.push(Milestone { when, what });
    }
    plan.timeline.sort_by(|a, b| a.when.cmp(&b.when));
    if errors.is_empty() {
        Ok(plan)
    } else {
        errors.dedup();
        Err(errors)
    }
}

/// Reads the plan's form without judging codes, to show back what was typed.
pub fn read_lenient(fields: &[(String, String)]) -> Option<StrategicPlan> {
    let plan = from_form(fields, |_| true, |_| true);
    match plan {
        Ok(p) => Some(p),
        Err(_) => {
            // Even the lenient reading failed (a bad date, a long text): keep the text fields.
            let get = |k: String| {
                fields
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.chars().take(4_000).collect::<String>())
                    .unwrap_or_default()
            };
            let mut plan = StrategicPlan::default();
            for n in 0..MAX_ITEMS {
                let (area, rationale) = (get(format!("a{n}.area")), get(format!("a{n}.rationale")));
                if !area.is_empty() || !rationale.is_empty() {
                    plan.areas.push(AreaChoice {
                        macro_area: area,
                        rationale,
                    });
                }
                let (when, what) = (get(format!("t{n}.when")), get(format!("t{n}.what")));
                if !when.is_empty() || !what.is_empty() {
                    plan.timeline.push(Milestone { when, what });
                }
            }
            plan.priorities = get("priorities".into())
                .lines()
                .map(str::to_string)
                .collect();
            Some(plan)
        }
    }
}

impl StrategicPlan {
    /// The plan as Markdown, for comparisons and exports; labels and names come from the caller
    /// (`labels`: areas, priorities, countries, logframes, timeline headings).
    pub fn to_markdown(
        &self,
        labels: [&str; 5],
        area_name: impl Fn(&str) -> String,
        country_name: impl Fn(&str) -> String,
        logframe_title: impl Fn(&str) -> String,
    ) -> String {
        let mut md = format!("## {}\n\n", labels[0]);
        for a in &self.areas {
            md.push_str(&format!(
                "### {}\n\n{}\n\n",
                area_name(&a.macro_area),
                a.rationale
            ));
        }
        md.push_str(&format!("## {}\n\n", labels[1]));
        for (i, p) in self.priorities.iter().enumerate() {
            md.push_str(&format!("{}. {p}\n", i + 1));
        }
        md.push_str(&format!("\n## {}\n\n", labels[2]));
        let names: Vec<String> = self.countries.iter().map(|c| country_name(c)).collect();
        md.push_str(&format!("{}\n\n## {}\n\n", names.join(", "), labels[3]));
        for l in &self.logframes {
            md.push_str(&format!("- {}\n", logframe_title(l)));
        }
        md.push_str(&format!("\n## {}\n\n", labels[4]));
        for m in &self.timeline {
            md.push_str(&format!("- {}: {}\n", m.when, m.what));
        }
        md
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn reads_a_plan() {
        let plan = from_form(
            &f(&[
                ("a0.area", "economia"),
                ("a0.rationale", "Porto e turismo"),
                ("a1.area", ""),
                ("a1.rationale", ""),
                ("priorities", "- Turismo sostenibile\n\n* Formazione\n"),
                ("countries", "AL"),
                ("countries", "TN"),
                ("countries", "AL"),
                ("logframes", "01a21c18-7c13-751a-9b6a-179e86a11ebc"),
                ("t0.when", "2027-06"),
                ("t0.what", "Firma del protocollo"),
                ("t1.when", "2026-12-15"),
                ("t1.what", "Approvazione in giunta"),
            ]),
            |a| a == "economia",
            |c| c.len() == 2,
        )
        .unwrap();
        assert_eq!(plan.areas.len(), 1);
        assert_eq!(plan.priorities, ["Turismo sostenibile", "Formazione"]);
        assert_eq!(plan.countries, ["AL", "TN"]);
        assert_eq!(plan.timeline[0].when, "2026-12-15");
        let md = plan.to_markdown(
            ["A", "P", "C", "L", "T"],
            |a| a.to_uppercase(),
            |c| c.into(),
            |_| "QL".into(),
        );
        assert!(md.contains("### ECONOMIA\n\nPorto e turismo"));
        assert!(md.contains("2. Formazione"));
    }

    #[test]
    fn refuses_what_does_not_exist() {
        let errors = from_form(
            &f(&[
                ("a0.area", "inventata"),
                ("countries", "ZZZ"),
                ("t0.when", "giugno"),
                ("t0.what", ""),
                ("logframes", "<script>"),
            ]),
            |a| a == "economia",
            |c| c == "AL",
        )
        .unwrap_err();
        for e in [
            "strategy-error-area",
            "error-unknown-choice",
            "strategy-error-when",
            "error-required",
        ] {
            assert!(errors.contains(&e), "{e}: {errors:?}");
        }
    }
}
