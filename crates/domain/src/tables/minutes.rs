//! The minutes of a held meeting, approved by the table's members: the secretariat drafts them
//! (one section per agenda item, each with its text in Markdown and the decisions taken on it),
//! circulates them to every representative with a deadline for comments, amends them (each
//! amendment a new version), approves them (once: after that nothing changes) and publishes them.
//! Decisions keep a stable id across versions, so that what is created from a decision (the
//! table's commitments) keeps pointing at it. The checks and the moves between states live here.

use crate::labs::schedule::instant;
use crate::tables::meetings::AgendaItem;
use crate::validation::{optional_line, Errors};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Longest text of a section (Markdown), in characters.
pub const MAX_BODY: usize = 50_000;
/// Most decisions in one section.
pub const MAX_DECISIONS: usize = 30;
/// Longest decision, in characters.
pub const MAX_DECISION: usize = 2_000;
/// Longest comment, in characters.
pub const MAX_COMMENT: usize = 5_000;
/// Longest note saying what an amendment changed, in characters.
pub const MAX_NOTE: usize = 500;
/// Latest comment deadline, in days after circulation.
pub const MAX_DEADLINE_DAYS: i64 = 90;

/// Where minutes are in their life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MinutesStatus {
    /// Being drafted by the secretariat: only the secretariat sees them.
    Draft,
    /// Circulated to the representatives, who comment until the deadline.
    Circulated,
    /// Approved: nothing changes any more.
    Approved,
    /// Approved and published: on the table's public page when it has one.
    Published,
}

impl MinutesStatus {
    pub const ALL: [MinutesStatus; 4] = [
        MinutesStatus::Draft,
        MinutesStatus::Circulated,
        MinutesStatus::Approved,
        MinutesStatus::Published,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            MinutesStatus::Draft => "draft",
            MinutesStatus::Circulated => "circulated",
            MinutesStatus::Approved => "approved",
            MinutesStatus::Published => "published",
        }
    }

    pub fn parse(code: &str) -> Option<MinutesStatus> {
        MinutesStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether they are approved (and so closed to every change but publication).
    pub fn approved(self) -> bool {
        matches!(self, MinutesStatus::Approved | MinutesStatus::Published)
    }
}

impl TryFrom<String> for MinutesStatus {
    type Error = crate::codes::UnknownCode;
    fn try_from(code: String) -> Result<MinutesStatus, Self::Error> {
        MinutesStatus::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "minutes status",
            code,
        })
    }
}

/// A decision taken on an agenda item. Its id stays the same in every version of the minutes
/// that keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub id: Uuid,
    pub text: String,
}

/// The part of the minutes about one agenda item: its title (the item's), what was said
/// (Markdown) and the decisions taken. Its id is stable across versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: Uuid,
    pub title: String,
    pub body: String,
    pub decisions: Vec<Decision>,
}

/// The content of one version of the minutes: its sections in the agenda's order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MinutesBody {
    pub sections: Vec<Section>,
}

impl MinutesBody {
    /// The first, empty draft: one section per agenda item, ids from `new_id`.
    pub fn from_agenda(agenda: &[AgendaItem], mut new_id: impl FnMut() -> Uuid) -> MinutesBody {
        MinutesBody {
            sections: agenda
                .iter()
                .map(|a| Section {
                    id: new_id(),
                    title: a.title.clone(),
                    body: String::new(),
                    decisions: Vec::new(),
                })
                .collect(),
        }
    }

    /// Every decision with the section it belongs to, in order.
    pub fn decisions(&self) -> impl Iterator<Item = (&Section, &Decision)> {
        self.sections
            .iter()
            .flat_map(|s| s.decisions.iter().map(move |d| (s, d)))
    }

    /// The section with this id.
    pub fn section(&self, id: Uuid) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The whole minutes as one Markdown text (a heading per section, each decision on a line
    /// marked with `decision_label`): what versions are compared on, line by line.
    pub fn markdown(&self, decision_label: &str) -> String {
        let mut out = String::new();
        for (i, s) in self.sections.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&format!("## {}. {}\n\n", i + 1, s.title));
            if !s.body.trim().is_empty() {
                out.push_str(s.body.trim());
                out.push_str("\n\n");
            }
            for d in &s.decisions {
                // A decision on one line, however it was typed, so that the comparison shows
                // the decision changed rather than lines moved.
                let text = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
                out.push_str(&format!("- **{decision_label}:** {text}\n"));
            }
        }
        out
    }
}

/// One decision as typed: its id (empty for a new one) and text (empty to withdraw it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionInput {
    pub id: String,
    pub text: String,
}

/// One section as typed: the section's id, its text and its decisions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionInput {
    pub id: String,
    pub body: String,
    pub decisions: Vec<DecisionInput>,
}

/// The minutes form as submitted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MinutesInput {
    pub sections: Vec<SectionInput>,
    /// What this amendment changed (optional).
    pub note: String,
}

impl MinutesInput {
    /// The form filled with a version, with `extra` blank decision rows in each section.
    pub fn from_body(body: &MinutesBody, extra: usize) -> MinutesInput {
        MinutesInput {
            sections: body
                .sections
                .iter()
                .map(|s| {
                    let mut decisions: Vec<DecisionInput> = s
                        .decisions
                        .iter()
                        .map(|d| DecisionInput {
                            id: d.id.to_string(),
                            text: d.text.clone(),
                        })
                        .collect();
                    decisions.extend(std::iter::repeat_n(DecisionInput::default(), extra));
                    SectionInput {
                        id: s.id.to_string(),
                        body: s.body.clone(),
                        decisions,
                    }
                })
                .collect(),
            note: String::new(),
        }
    }

    /// Checks the form against the current version `current`: its sections are the current
    /// ones (the agenda's; none added, none lost), a decision typed with an id keeps it only when
    /// it is a decision of that section in the current version, a new decision gets an id from
    /// `new_id`, a decision left empty is withdrawn. Returns the new version's content and the
    /// note, or the problems (field `sections`, `decisions`, `note`).
    pub fn check(
        &self,
        current: &MinutesBody,
        mut new_id: impl FnMut() -> Uuid,
    ) -> Result<(MinutesBody, String), Errors> {
        let mut errors = Errors::default();
        let mut sections = Vec::with_capacity(current.sections.len());
        let typed_ids: Vec<Option<Uuid>> = self
            .sections
            .iter()
            .map(|s| Uuid::parse_str(s.id.trim()).ok())
            .collect();
        let same_sections = typed_ids.len() == current.sections.len()
            && typed_ids
                .iter()
                .zip(&current.sections)
                .all(|(t, c)| *t == Some(c.id));
        if !same_sections {
            errors.add("sections", "error-minutes-sections");
            return Err(errors);
        }
        for (input, was) in self.sections.iter().zip(&current.sections) {
            let body = input.body.trim();
            if body.chars().count() > MAX_BODY {
                errors.add("sections", "error-too-long");
            } else if body
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
            {
                errors.add("sections", "error-invalid-characters");
            }
            let mut decisions: Vec<Decision> = Vec::new();
            for d in &input.decisions {
                let text = d.text.trim();
                let id = d.id.trim();
                if text.is_empty() {
                    // Withdrawn, or a blank row.
                    continue;
                }
                if text.chars().count() > MAX_DECISION {
                    errors.add("decisions", "error-too-long");
                    continue;
                }
                if text
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
                {
                    errors.add("decisions", "error-invalid-characters");
                    continue;
                }
                let id = if id.is_empty() {
                    new_id()
                } else {
                    match Uuid::parse_str(id)
                        .ok()
                        .filter(|id| was.decisions.iter().any(|d| d.id == *id))
                        .filter(|id| !decisions.iter().any(|d| d.id == *id))
                    {
                        Some(id) => id,
                        None => {
                            errors.add("decisions", "error-minutes-decision-unknown");
                            continue;
                        }
                    }
                };
                decisions.push(Decision {
                    id,
                    text: text.to_string(),
                });
            }
            if decisions.len() > MAX_DECISIONS {
                errors.add("decisions", "error-minutes-too-many");
            }
            sections.push(Section {
                id: was.id,
                title: was.title.clone(),
                body: body.to_string(),
                decisions,
            });
        }
        let note = optional_line(&mut errors, "note", &self.note, MAX_NOTE).unwrap_or_default();
        errors.into_result((MinutesBody { sections }, note))
    }
}

/// Whether the minutes may be amended: while drafted or circulated, never once approved.
pub fn may_amend(status: MinutesStatus) -> Result<(), &'static str> {
    if status.approved() {
        Err("error-minutes-approved")
    } else {
        Ok(())
    }
}

/// The comment deadline typed (a date, `YYYY-MM-DD`): the end of that day in Rome. It must be
/// after `now` and at most `MAX_DEADLINE_DAYS` days later; the minutes must not be approved.
pub fn circulation_deadline(
    status: MinutesStatus,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, Errors> {
    let mut errors = Errors::default();
    if let Err(key) = may_amend(status) {
        errors.add("deadline", key);
        return Err(errors);
    }
    let date = match typed.trim() {
        "" => {
            errors.add("deadline", "error-required");
            return Err(errors);
        }
        t => match NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            Ok(d) if (2000..=2100).contains(&d.year()) => d,
            _ => {
                errors.add("deadline", "error-date");
                return Err(errors);
            }
        },
    };
    let end_of_day = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
    match instant(date, end_of_day) {
        Ok(t) if t <= now => errors.add("deadline", "error-minutes-deadline-past"),
        Ok(t) if t > now + chrono::Duration::days(MAX_DEADLINE_DAYS) => {
            errors.add("deadline", "error-minutes-deadline-far")
        }
        Ok(t) => return Ok(t),
        Err(_) => errors.add("deadline", "error-date"),
    }
    Err(errors)
}

/// Whether a representative may comment now: only on circulated minutes, before the deadline.
pub fn may_comment(
    status: MinutesStatus,
    deadline: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), &'static str> {
    match status {
        MinutesStatus::Draft => Err("error-minutes-not-circulated"),
        MinutesStatus::Approved | MinutesStatus::Published => Err("error-minutes-comment-approved"),
        MinutesStatus::Circulated => match deadline {
            Some(d) if now <= d => Ok(()),
            _ => Err("error-minutes-comment-closed"),
        },
    }
}

/// Checks a comment on section `section` of `body`: the section must be one of them, the text
/// present and not too long.
pub fn check_comment(
    body: &MinutesBody,
    section: &str,
    text: &str,
) -> Result<(Uuid, String), Errors> {
    let mut errors = Errors::default();
    let section = Uuid::parse_str(section.trim())
        .ok()
        .filter(|id| body.section(*id).is_some());
    if section.is_none() {
        errors.add("section", "error-choose");
    }
    let text = crate::validation::required_text(&mut errors, "comment", text, MAX_COMMENT);
    match section {
        Some(s) if errors.is_empty() => Ok((s, text)),
        _ => Err(errors),
    }
}

/// Whether the minutes may be approved: once, after they were circulated.
pub fn may_approve(status: MinutesStatus) -> Result<(), &'static str> {
    match status {
        MinutesStatus::Circulated => Ok(()),
        MinutesStatus::Draft => Err("error-minutes-not-circulated"),
        MinutesStatus::Approved | MinutesStatus::Published => Err("error-minutes-already-approved"),
    }
}

/// Whether the minutes may be published: once, after approval.
pub fn may_publish(status: MinutesStatus) -> Result<(), &'static str> {
    match status {
        MinutesStatus::Approved => Ok(()),
        MinutesStatus::Published => Err("error-minutes-already-published"),
        MinutesStatus::Draft | MinutesStatus::Circulated => Err("error-minutes-not-approved"),
    }
}

/// Who sees minutes in `status`: the secretariat always; whoever reads the table once they are
/// circulated; everyone (on the public page of a public table) once they are published.
pub fn visible(status: MinutesStatus, access: crate::tables::access::Access) -> bool {
    use crate::tables::access::Access;
    match access {
        Access::Manage => true,
        Access::Read => status != MinutesStatus::Draft,
        Access::Public => status == MinutesStatus::Published,
        Access::None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::access::Access;
    use chrono::TimeZone;

    fn ids() -> impl FnMut() -> Uuid {
        let mut n = 1000u128;
        move || {
            n += 1;
            Uuid::from_u128(n)
        }
    }

    fn agenda() -> Vec<AgendaItem> {
        ["Apertura", "Bando regionale"]
            .iter()
            .map(|t| AgendaItem {
                title: t.to_string(),
                representative: None,
                presenter: "Segreteria".into(),
            })
            .collect()
    }

    #[test]
    fn decisions_keep_their_ids_across_versions() {
        let mut next = ids();
        let first = MinutesBody::from_agenda(&agenda(), &mut next);
        assert_eq!(first.sections.len(), 2);
        let mut input = MinutesInput::from_body(&first, 2);
        input.sections[1].body = "Si discute del *bando*.".into();
        input.sections[1].decisions[0].text = "Partecipare al bando".into();
        input.sections[1].decisions[1].text = "Nominare un referente".into();
        let (second, _) = input.check(&first, &mut next).unwrap();
        let kept: Vec<Uuid> = second.decisions().map(|(_, d)| d.id).collect();
        assert_eq!(kept.len(), 2);
        assert_ne!(kept[0], kept[1]);
        // Amend: the first decision reworded, the second withdrawn, a third added.
        let mut input = MinutesInput::from_body(&second, 1);
        input.sections[1].decisions[0].text = "Partecipare al bando 2027".into();
        input.sections[1].decisions[1].text = String::new();
        input.sections[1].decisions[2].text = "Convocare un gruppo di lavoro".into();
        let (third, _) = input.check(&second, &mut next).unwrap();
        let now: Vec<(Uuid, &str)> = third
            .decisions()
            .map(|(_, d)| (d.id, d.text.as_str()))
            .collect();
        assert_eq!(now[0], (kept[0], "Partecipare al bando 2027"));
        assert_eq!(now.len(), 2);
        assert!(!now.iter().any(|(id, _)| *id == kept[1]));
        let md = third.markdown("Decisione");
        assert!(md.contains("## 2. Bando regionale"));
        assert!(md.contains("- **Decisione:** Partecipare al bando 2027"));
    }

    #[test]
    fn forged_ids_and_sections_are_refused() {
        let mut next = ids();
        let first = MinutesBody::from_agenda(&agenda(), &mut next);
        let mut input = MinutesInput::from_body(&first, 1);
        input.sections[0].decisions[0] = DecisionInput {
            id: Uuid::from_u128(7).to_string(),
            text: "Una decisione".into(),
        };
        let errors = input.check(&first, &mut next).unwrap_err();
        assert_eq!(
            errors.for_field("decisions"),
            Some("error-minutes-decision-unknown")
        );
        let mut input = MinutesInput::from_body(&first, 0);
        input.sections.pop();
        assert_eq!(
            input
                .check(&first, &mut next)
                .unwrap_err()
                .for_field("sections"),
            Some("error-minutes-sections")
        );
        let mut input = MinutesInput::from_body(&first, 0);
        input.sections.swap(0, 1);
        assert!(input.check(&first, &mut next).is_err());
        let mut input = MinutesInput::from_body(&first, 1);
        input.sections[0].decisions[0].text = "x".repeat(MAX_DECISION + 1);
        assert_eq!(
            input
                .check(&first, &mut next)
                .unwrap_err()
                .for_field("decisions"),
            Some("error-too-long")
        );
    }

    #[test]
    fn the_life_of_minutes() {
        let now = Utc.with_ymd_and_hms(2027, 3, 10, 9, 0, 0).unwrap();
        let deadline =
            circulation_deadline(MinutesStatus::Draft, "2027-03-20", now).expect("a good deadline");
        // The end of the day in Rome (UTC+1 in March before the change of time).
        assert_eq!(
            deadline,
            Utc.with_ymd_and_hms(2027, 3, 20, 22, 59, 59).unwrap()
        );
        for (typed, key) in [
            ("2027-03-09", "error-minutes-deadline-past"),
            ("2027-12-31", "error-minutes-deadline-far"),
            ("ieri", "error-date"),
            ("", "error-required"),
        ] {
            let e = circulation_deadline(MinutesStatus::Draft, typed, now).unwrap_err();
            assert_eq!(e.for_field("deadline"), Some(key), "{typed}");
        }
        assert!(circulation_deadline(MinutesStatus::Approved, "2027-03-20", now).is_err());
        assert_eq!(
            may_comment(MinutesStatus::Circulated, Some(deadline), now),
            Ok(())
        );
        assert_eq!(
            may_comment(
                MinutesStatus::Circulated,
                Some(deadline),
                deadline + chrono::Duration::seconds(1)
            ),
            Err("error-minutes-comment-closed")
        );
        assert_eq!(
            may_comment(MinutesStatus::Approved, Some(deadline), now),
            Err("error-minutes-comment-approved")
        );
        assert!(may_comment(MinutesStatus::Draft, None, now).is_err());
        assert_eq!(may_approve(MinutesStatus::Circulated), Ok(()));
        assert_eq!(
            may_approve(MinutesStatus::Approved),
            Err("error-minutes-already-approved")
        );
        assert!(may_approve(MinutesStatus::Draft).is_err());
        assert_eq!(
            may_amend(MinutesStatus::Published),
            Err("error-minutes-approved")
        );
        assert_eq!(may_publish(MinutesStatus::Approved), Ok(()));
        assert!(may_publish(MinutesStatus::Published).is_err());
        assert!(may_publish(MinutesStatus::Circulated).is_err());
        assert!(visible(MinutesStatus::Draft, Access::Manage));
        assert!(!visible(MinutesStatus::Draft, Access::Read));
        assert!(visible(MinutesStatus::Circulated, Access::Read));
        assert!(!visible(MinutesStatus::Approved, Access::Public));
        assert!(visible(MinutesStatus::Published, Access::Public));
        assert!(!visible(MinutesStatus::Published, Access::None));
    }

    #[test]
    fn comments_name_a_section_of_the_minutes() {
        let first = MinutesBody::from_agenda(&agenda(), ids());
        let s = first.sections[1].id.to_string();
        assert!(check_comment(&first, &s, "Va aggiunto il Comune di Eboli").is_ok());
        assert_eq!(
            check_comment(&first, &Uuid::from_u128(3).to_string(), "testo")
                .unwrap_err()
                .for_field("section"),
            Some("error-choose")
        );
        assert_eq!(
            check_comment(&first, &s, "  ")
                .unwrap_err()
                .for_field("comment"),
            Some("error-required")
        );
    }
}
