//! The tutoring log: a remote session's date, duration, participants and notes, with the next
//! steps agreed (what, who, by when), optionally about one product.

use chrono::NaiveDate;
use serde::Serialize;

/// Most next steps recorded with one session.
pub const MAX_STEPS: usize = 10;
/// Longest session, in minutes.
pub const MAX_MINUTES: i64 = 600;

/// An agreed next step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub text: String,
    pub owner: String,
    pub due_on: Option<NaiveDate>,
}

/// A checked session record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub held_on: NaiveDate,
    pub minutes: i64,
    pub participants: String,
    pub notes: String,
    /// The product's id as typed; the caller checks it belongs to the administration.
    pub product: Option<String>,
    pub steps: Vec<Step>,
}

/// Reads the log form: `held_on`, `minutes`, `participants`, `notes`, `product`, and for step
/// `n` `stepN.text`, `stepN.owner`, `stepN.due`. Steps left empty are skipped. `today` bounds the
/// date: a session cannot be logged before it happens.
pub fn check(
    fields: &[(String, String)],
    today: NaiveDate,
) -> Result<Entry, crate::validation::Errors> {
    use crate::validation::{optional_date, optional_text, required_line, Errors};
    let get = |k: &str| {
        fields
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let mut errors = Errors::default();
    let held_on = match NaiveDate::parse_from_str(get("held_on").trim(), "%Y-%m-%d") {
        Ok(d) if d <= today && d.signed_duration_since(today).num_days() > -3650 => Some(d),
        Ok(_) => {
            errors.add("held_on", "tutoring-error-date");
            None
        }
        Err(_) => {
            errors.add("held_on", "error-date");
            None
        }
    };
    let minutes = match get("minutes").trim().parse::<i64>() {
        Ok(m) if (5..=MAX_MINUTES).contains(&m) => m,
        _ => {
            errors.add("minutes", "tutoring-error-minutes");
            0
        }
    };
    let participants = required_line(&mut errors, "participants", get("participants"), 500);
    let notes = optional_text(&mut errors, "notes", get("notes"), 10_000).unwrap_or_default();
    let product = crate::validation::trimmed(get("product"));
    let mut steps = Vec::new();
    for n in 0..MAX_STEPS {
        let text = get(&format!("step{n}.text"));
        let owner = get(&format!("step{n}.owner"));
        let due = get(&format!("step{n}.due")).trim();
        if text.trim().is_empty() && owner.trim().is_empty() && due.is_empty() {
            continue;
        }
        let text = required_line(&mut errors, "steps", text, 500);
        let owner = required_line(&mut errors, "steps", owner, 120);
        // Between 2000 and 2100, as every date typed in a form.
        let due_on = optional_date(&mut errors, "steps", due);
        steps.push(Step {
            text,
            owner,
            due_on,
        });
    }
    match held_on {
        Some(held_on) if errors.is_empty() => Ok(Entry {
            held_on,
            minutes,
            participants,
            notes,
            product,
            steps,
        }),
        _ => Err(errors),
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

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    #[test]
    fn a_session_with_steps() {
        let e = check(
            &f(&[
                ("held_on", "2026-11-20"),
                ("minutes", "90"),
                ("participants", "Elena Russo, Antonio Esposito"),
                ("notes", "Rivisto il quadro logico"),
                ("step0.text", "Completare gli indicatori"),
                ("step0.owner", "Antonio Esposito"),
                ("step0.due", "2026-12-04"),
                ("step1.text", ""),
                ("step1.owner", ""),
            ]),
            today(),
        )
        .unwrap();
        assert_eq!(e.minutes, 90);
        assert_eq!(e.steps.len(), 1);
        assert_eq!(e.steps[0].due_on, NaiveDate::from_ymd_opt(2026, 12, 4));
    }

    #[test]
    fn bad_records_are_explained() {
        let errors = check(
            &f(&[
                ("held_on", "2027-01-10"),
                ("minutes", "0"),
                ("participants", ""),
                ("step0.text", "Senza responsabile"),
            ]),
            today(),
        )
        .unwrap_err();
        let fields: Vec<_> = errors.0.iter().map(|e| (e.field, e.message)).collect();
        assert!(fields.contains(&("held_on", "tutoring-error-date")));
        assert!(fields.contains(&("minutes", "tutoring-error-minutes")));
        assert!(fields.contains(&("participants", "error-required")));
        assert!(fields.contains(&("steps", "error-required")));
        assert!(check(&f(&[("held_on", "ieri")]), today()).is_err());
    }

    #[test]
    fn one_line_fields_refuse_line_breaks_and_a_step_is_due_within_the_century() {
        let errors = check(
            &f(&[
                ("held_on", "2026-12-04"),
                ("minutes", "30"),
                ("participants", "Elena Russo\nAntonio Esposito"),
                ("step0.text", "Primo\rsecondo"),
                ("step0.owner", "Antonio"),
            ]),
            today(),
        )
        .unwrap_err();
        let fields: Vec<_> = errors.0.iter().map(|e| (e.field, e.message)).collect();
        assert!(fields.contains(&("participants", "error-line-break")));
        assert!(fields.contains(&("steps", "error-line-break")));
        for due in ["9999-12-31", "1899-12-31"] {
            let errors = check(
                &f(&[
                    ("held_on", "2026-12-04"),
                    ("minutes", "30"),
                    ("participants", "Elena Russo"),
                    ("step0.text", "Rivedere"),
                    ("step0.owner", "Antonio"),
                    ("step0.due", due),
                ]),
                today(),
            )
            .unwrap_err();
            assert_eq!(errors.for_field("steps"), Some("error-date"), "{due}");
        }
    }
}
