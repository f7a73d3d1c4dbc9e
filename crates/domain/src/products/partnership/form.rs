//! Reading the partnership editor's form, every problem placed on its field; nothing is accepted
//! while any remains. Fields: `logframe`, `call`, `last_id`; for partner `n`: `pN.id`,
//! `pN.organisation`, `pN.name`, `pN.role`, `pN.country`, `pN.org_type`, `pN.legal_status`,
//! `pN.contact`, `pN.contribution`, `pN.cofinancing`, `pN.letter_kind`, `pN.letter_document`,
//! `pN.letter_date`, `pN.remove`. A row with neither a name nor a registry organisation is an
//! empty row of the form and is dropped, as is a row marked for removal.

use super::{
    org_types, Letter, LetterKind, Partner, Partnership, Role, MAX_CONTRIBUTION, MAX_LINE,
    MAX_PARTNERS, SHARE_SCALE,
};
use crate::locale::Locale;
use crate::products::budget::money::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// A problem with one field of the form: its key (`p2.country`), the message key and its
/// arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub field: String,
    pub message: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// A partner's row: the key prefix, then `(field, value)`.
type Row = Vec<(String, String)>;

fn split_index(key: &str) -> Option<(usize, &str)> {
    let rest = key.strip_prefix('p')?;
    let (n, field) = rest.split_once('.')?;
    if n.is_empty() || n.len() > 4 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((n.parse().ok()?, field))
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 12 && id.chars().all(|c| c.is_ascii_alphanumeric())
}

/// A name folded for comparison: trimmed, spaces collapsed, lower case.
fn folded(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

struct Reader {
    problems: Vec<Problem>,
}

impl Reader {
    fn problem(&mut self, field: String, message: &'static str) {
        self.with(field, message, vec![]);
    }

    fn with(&mut self, field: String, message: &'static str, args: Vec<(&'static str, String)>) {
        if self.problems.len() < 100 {
            self.problems.push(Problem {
                field,
                message,
                args,
            });
        }
    }

    fn text(&mut self, key: String, value: &str, max: usize, line: bool) -> String {
        let t = value.trim().replace("\r\n", "\n");
        if t.chars().count() > max {
            self.problem(key, "error-too-long");
        } else if t
            .chars()
            .any(|c| c.is_control() && (line || (c != '\n' && c != '\t')))
        {
            self.problem(key, "error-invalid-characters");
        }
        t
    }
}

impl Partnership {
    /// Reads the editor's form, typed in `locale`, as far as it can, with every problem found.
    /// `last_id` is the saved partnership's, so that ids are never given twice whatever the form
    /// claims.
    pub fn read_form(
        fields: &[(String, String)],
        locale: Locale,
        last_id: u32,
    ) -> (Partnership, Vec<Problem>) {
        let mut r = Reader {
            problems: Vec::new(),
        };
        let mut rows: BTreeMap<usize, Row> = BTreeMap::new();
        for (key, value) in fields {
            if let Some((n, field)) = split_index(key) {
                if n >= MAX_PARTNERS * 4 {
                    r.problem(key.chars().take(20).collect(), "partnership-error-too-many");
                    continue;
                }
                rows.entry(n)
                    .or_default()
                    .push((field.to_string(), value.clone()));
            }
        }
        let mut p = Partnership {
            partners: Vec::new(),
            last_id,
        };
        let mut kept = 0usize;
        for (n, row) in rows {
            let get = |f: &str| {
                row.iter()
                    .find(|(k, _)| k == f)
                    .map(|(_, v)| v.trim().to_string())
                    .unwrap_or_default()
            };
            if !get("remove").is_empty()
                || (get("name").is_empty() && get("organisation").is_empty())
            {
                continue;
            }
            kept += 1;
            if kept > MAX_PARTNERS {
                r.problem(format!("p{n}.name"), "partnership-error-too-many");
                break;
            }
            let key = |f: &str| format!("p{n}.{f}");
            let mut partner = Partner {
                id: get("id"),
                ..Partner::default()
            };
            partner.organisation = get("organisation");
            if !partner.organisation.is_empty()
                && uuid::Uuid::parse_str(&partner.organisation).is_err()
            {
                r.problem(key("organisation"), "error-unknown-choice");
            }
            partner.name = r.text(key("name"), &get("name"), MAX_LINE, true);
            if partner.name.is_empty() {
                r.problem(key("name"), "error-required");
            }
            match Role::parse(&get("role")) {
                Some(role) => partner.role = role,
                None => r.problem(key("role"), "error-unknown-choice"),
            }
            let country = get("country").to_ascii_uppercase();
            if country.is_empty() {
                r.problem(key("country"), "error-required");
            } else if !crate::organisations::countries::is_code(&country) {
                r.problem(key("country"), "error-unknown-choice");
            }
            partner.country = country;
            let org_type = get("org_type");
            if !org_type.is_empty() && !org_types::is_code(&org_type) {
                r.problem(key("org_type"), "error-unknown-choice");
            }
            partner.org_type = org_type;
            partner.legal_status =
                r.text(key("legal_status"), &get("legal_status"), MAX_LINE, true);
            partner.contact = r.text(key("contact"), &get("contact"), MAX_LINE, true);
            partner.contribution = r.text(
                key("contribution"),
                &get("contribution"),
                MAX_CONTRIBUTION,
                false,
            );
            let share = get("cofinancing");
            if !share.is_empty() {
                match Decimal::parse(&share, locale, SHARE_SCALE) {
                    Ok(d) if d.basis_points().is_some_and(|b| b <= 10_000) => {
                        partner.cofinancing = Some(d)
                    }
                    Ok(_) => r.problem(key("cofinancing"), "partnership-error-share-above-100"),
                    Err(e) => r.problem(key("cofinancing"), e.message()),
                }
            }
            let kind = get("letter_kind");
            let document = get("letter_document");
            let date = get("letter_date");
            let letter_kind = if kind.is_empty() {
                None
            } else {
                let k = LetterKind::parse(&kind);
                if k.is_none() {
                    r.problem(key("letter_kind"), "error-unknown-choice");
                }
                k
            };
            if !document.is_empty() && uuid::Uuid::parse_str(&document).is_err() {
                r.problem(key("letter_document"), "error-unknown-choice");
            }
            let parsed = if date.is_empty() {
                None
            } else {
                match chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d") {
                    Ok(d) if (2000..=2100).contains(&chrono::Datelike::year(&d)) => Some(d),
                    _ => {
                        r.problem(key("letter_date"), "error-date");
                        None
                    }
                }
            };
            match (letter_kind, parsed) {
                (Some(kind), Some(date)) => {
                    partner.letter = Some(Letter {
                        kind,
                        document,
                        date,
                    })
                }
                (Some(_), None) if date.is_empty() => {
                    r.problem(key("letter_date"), "partnership-error-letter-date")
                }
                (None, _) if !date.is_empty() || !document.is_empty() => {
                    r.problem(key("letter_kind"), "partnership-error-letter-kind")
                }
                _ => {}
            }
            // The same organisation twice: by registry id, or by name in the same country.
            let twice = p.partners.iter().find(|q| {
                (!partner.organisation.is_empty() && q.organisation == partner.organisation)
                    || (folded(&q.name) == folded(&partner.name)
                        && q.country == partner.country
                        && !partner.name.is_empty())
            });
            if let Some(q) = twice {
                let name = q.name.clone();
                r.with(
                    key("name"),
                    "partnership-error-partner-twice",
                    vec![("partner", name)],
                );
            }
            p.partners.push(partner);
        }
        // Ids: kept when valid and unique, else new ones.
        let mut seen = std::collections::HashSet::new();
        for i in 0..p.partners.len() {
            let id = p.partners[i].id.clone();
            let number: Option<u32> = id.strip_prefix('p').and_then(|n| n.parse().ok());
            let claimed_past = number.is_some_and(|n| n > p.last_id);
            if !valid_id(&id) || claimed_past || !seen.insert(id) {
                let fresh = p.fresh_id();
                seen.insert(fresh.clone());
                p.partners[i].id = fresh;
            }
        }
        (p, r.problems)
    }
}
