//! Field-level validation results. Each error names the field and a message key that the
//! interface translates, so that the message appears beside the field in the user's language.

use serde::Serialize;

/// One problem with one field of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: &'static str,
    /// The Fluent message id, e.g. `error-required`.
    pub message: &'static str,
}

/// All problems found in a submitted form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    /// Records a problem with `field`.
    pub fn add(&mut self, field: &'static str, message: &'static str) {
        self.0.push(FieldError { field, message });
    }

    /// True when no problem was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first message for `field`, if any.
    pub fn for_field(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.message)
    }

    /// `Ok(value)` when there is no problem, else the problems.
    pub fn into_result<T>(self, value: T) -> Result<T, Errors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

/// Trims a text field; `None` when it is empty after trimming.
pub fn trimmed(value: &str) -> Option<String> {
    let t = value.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Checks a required text field with a length limit in characters.
pub fn required_text(
    errors: &mut Errors,
    field: &'static str,
    value: &str,
    max_chars: usize,
) -> String {
    let t = value.trim();
    if t.is_empty() {
        errors.add(field, "error-required");
    } else if t.chars().count() > max_chars {
        errors.add(field, "error-too-long");
    } else if t
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        errors.add(field, "error-invalid-characters");
    }
    t.to_string()
}

/// Checks an optional text field with a length limit in characters.
pub fn optional_text(
    errors: &mut Errors,
    field: &'static str,
    value: &str,
    max_chars: usize,
) -> Option<String> {
    let t = trimmed(value)?;
    if t.chars().count() > max_chars {
        errors.add(field, "error-too-long");
    } else if t
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        errors.add(field, "error-invalid-characters");
    }
    Some(t)
}

/// Checks a required one-line field (a title, a name, a place): as `required_text`, and a line
/// break is refused rather than kept in a field that shows on one line.
pub fn required_line(
    errors: &mut Errors,
    field: &'static str,
    value: &str,
    max_chars: usize,
) -> String {
    let before = errors.0.len();
    let t = required_text(errors, field, value, max_chars);
    if errors.0.len() == before && t.contains(['\n', '\r']) {
        errors.add(field, "error-line-break");
    }
    t
}

/// Checks an optional one-line field: as `optional_text`, and a line break is refused.
pub fn optional_line(
    errors: &mut Errors,
    field: &'static str,
    value: &str,
    max_chars: usize,
) -> Option<String> {
    let before = errors.0.len();
    let t = optional_text(errors, field, value, max_chars)?;
    if errors.0.len() == before && t.contains(['\n', '\r']) {
        errors.add(field, "error-line-break");
    }
    Some(t)
}

/// An optional date typed as `YYYY-MM-DD` (what a date field sends), between the years 2000 and
/// 2100; anything else is refused with "error-date" on `field`.
pub fn optional_date(
    errors: &mut Errors,
    field: &'static str,
    text: &str,
) -> Option<chrono::NaiveDate> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        Ok(d) if (2000..=2100).contains(&chrono::Datelike::year(&d)) => Some(d),
        _ => {
            errors.add(field, "error-date");
            None
        }
    }
}

/// A plausible email address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_email(value: &str) -> bool {
    let v = value.trim();
    if v.len() > 254 || v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

#[cfg(test)]
mod tests {

    #[test]
    fn optional_dates_are_iso_and_plausible() {
        let mut e = Errors::default();
        assert_eq!(optional_date(&mut e, "due_on", " "), None);
        assert_eq!(
            optional_date(&mut e, "due_on", "2027-03-31"),
            chrono::NaiveDate::from_ymd_opt(2027, 3, 31)
        );
        assert!(e.is_empty());
        for bad in [
            "31/03/2027",
            "2027-02-30",
            "1999-12-31",
            "2101-01-01",
            "domani",
        ] {
            let mut e = Errors::default();
            assert_eq!(optional_date(&mut e, "due_on", bad), None, "{bad}");
            assert!(!e.is_empty(), "{bad}");
        }
    }
    use super::*;

    #[test]
    fn emails() {
        assert!(is_email("membro@ponte.example"));
        assert!(is_email(" a.b@provincia.salerno.it "));
        for bad in [
            "", "a", "a@", "@b.it", "a@b", "a b@c.it", "a@@b.it", "a@b..it", "a@.b.it",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn text_limits() {
        let mut e = Errors::default();
        assert_eq!(required_text(&mut e, "name", "  Ponte ", 10), "Ponte");
        assert!(e.is_empty());
        required_text(&mut e, "name", "   ", 10);
        required_text(&mut e, "other", "abcdefghijk", 10);
        required_text(&mut e, "third", "a\u{0}b", 10);
        required_line(&mut e, "fourth", "Titolo\r\nsu due righe", 100);
        assert_eq!(
            optional_line(&mut e, "fifth", "Una riga", 100).as_deref(),
            Some("Una riga")
        );
        optional_line(&mut e, "sixth", "a\nb", 100);
        assert_eq!(e.for_field("name"), Some("error-required"));
        assert_eq!(e.for_field("other"), Some("error-too-long"));
        assert_eq!(e.for_field("third"), Some("error-invalid-characters"));
        assert_eq!(e.for_field("fourth"), Some("error-line-break"));
        assert_eq!(e.for_field("fifth"), None);
        assert_eq!(e.for_field("sixth"), Some("error-line-break"));
    }
}
