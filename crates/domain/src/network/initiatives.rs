//! A group's joint initiative and its life: idea → in preparation → submitted to a funding call
//! → funded or not funded → running → closed. Moving forward takes one of the moves `State::next`
//! lists; moving back (an initiative not funded prepared again, a submission withdrawn) is
//! allowed to any earlier state, with the reason written down.

use super::{check_amount, check_countries, MAX_LINE, MAX_TEXT};
use crate::locale::Locale;
use crate::validation::{optional_date, optional_line, optional_text, required_line, Errors};
use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

/// Where an initiative is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Idea,
    Preparation,
    Submitted,
    Funded,
    NotFunded,
    Running,
    Closed,
}

impl State {
    pub const ALL: [State; 7] = [
        State::Idea,
        State::Preparation,
        State::Submitted,
        State::Funded,
        State::NotFunded,
        State::Running,
        State::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            State::Idea => "idea",
            State::Preparation => "preparation",
            State::Submitted => "submitted",
            State::Funded => "funded",
            State::NotFunded => "not_funded",
            State::Running => "running",
            State::Closed => "closed",
        }
    }

    pub fn parse(code: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.code() == code)
    }

    /// How far along its life the state is: funded and not funded are the same step.
    pub fn step(self) -> u8 {
        match self {
            State::Idea => 0,
            State::Preparation => 1,
            State::Submitted => 2,
            State::Funded | State::NotFunded => 3,
            State::Running => 4,
            State::Closed => 5,
        }
    }

    /// The forward moves from this state.
    pub fn next(self) -> &'static [State] {
        match self {
            State::Idea => &[State::Preparation],
            State::Preparation => &[State::Submitted],
            State::Submitted => &[State::Funded, State::NotFunded],
            State::Funded => &[State::Running],
            State::NotFunded => &[State::Closed],
            State::Running => &[State::Closed],
            State::Closed => &[],
        }
    }

    /// The backward moves from this state (each needs a reason): any earlier step.
    pub fn back(self) -> Vec<State> {
        State::ALL
            .into_iter()
            .filter(|s| s.step() < self.step())
            .collect()
    }
}

impl TryFrom<String> for State {
    type Error = crate::codes::UnknownCode;
    fn try_from(code: String) -> Result<State, Self::Error> {
        State::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "initiative state",
            code,
        })
    }
}

/// What an initiative has that some states need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Facts {
    /// When the current state began.
    pub since: Option<NaiveDate>,
    /// Whether the call it answers is named.
    pub has_call: bool,
}

/// The longest reason for a move, in characters.
pub const MAX_REASON: usize = 2_000;

/// A checked move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Move {
    pub from: State,
    pub to: State,
    pub on: NaiveDate,
    pub reason: String,
}

/// Moves an initiative from `from` to `to` on date `on`: a forward move must be one `next`
/// lists; a backward one needs a reason; the date is not before the current state began nor
/// after `today`; an initiative is submitted only once its call is named. Returns the message
/// key of the refusal.
pub fn transition(
    from: State,
    to: State,
    on: NaiveDate,
    reason: &str,
    facts: Facts,
    today: NaiveDate,
) -> Result<Move, &'static str> {
    let reason = reason.trim();
    if reason.chars().count() > MAX_REASON {
        return Err("error-too-long");
    }
    if to == from {
        return Err("error-network-initiative-same");
    }
    let forward = from.next().contains(&to);
    if !forward {
        if to.step() >= from.step() {
            return Err("error-network-initiative-move");
        }
        if reason.is_empty() {
            return Err("error-network-initiative-reason");
        }
    }
    if on > today {
        return Err("error-network-initiative-future");
    }
    if facts.since.is_some_and(|since| on < since) {
        return Err("error-network-initiative-before");
    }
    if to == State::Submitted && !facts.has_call {
        return Err("error-network-initiative-call");
    }
    Ok(Move {
        from,
        to,
        on,
        reason: reason.to_string(),
    })
}

/// The initiative's form as typed.
#[derive(Debug, Clone, Default)]
pub struct InitiativeInput {
    pub title: String,
    pub summary: String,
    pub lead: String,
    pub partners: Vec<String>,
    pub countries: Vec<String>,
    pub call_name: String,
    pub call_deadline: String,
    pub budget: String,
    pub products: Vec<String>,
}

/// An initiative's checked fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InitiativeDraft {
    pub title: String,
    pub summary: String,
    pub lead: Uuid,
    /// Italian and foreign partners (registry organisations), without the lead.
    pub partners: Vec<Uuid>,
    pub countries: Vec<String>,
    pub call_name: String,
    pub call_deadline: Option<NaiveDate>,
    pub budget_cents: Option<i64>,
    /// Products that prepare it (logframe, budget, proposal).
    pub products: Vec<Uuid>,
}

fn ids(e: &mut Errors, field: &'static str, texts: &[String]) -> Vec<Uuid> {
    let mut out: Vec<Uuid> = Vec::new();
    for t in texts {
        if t.trim().is_empty() {
            continue;
        }
        match Uuid::parse_str(t.trim()) {
            Ok(id) if !out.contains(&id) => out.push(id),
            Ok(_) => {}
            Err(_) => {
                e.add(field, "error-unknown-choice");
                return out;
            }
        }
    }
    if out.len() > super::MAX_TAGS {
        e.add(field, "error-network-too-many");
    }
    out
}

/// Whether an initiative in `state` must keep naming the call it answers: it was submitted to it
/// (a move to `Submitted` needs the call, see `transition`, and every later state, closed
/// included, comes after it), so an edit may change the call's name but not leave it out.
pub const fn keeps_call(state: State) -> bool {
    matches!(
        state,
        State::Submitted | State::Funded | State::NotFunded | State::Running | State::Closed
    )
}

/// Checks an initiative's form. Whether the lead is a member of the group, the partners exist
/// and the products belong to the group's administrations is checked by the caller.
pub fn check(input: &InitiativeInput, locale: Locale) -> Result<InitiativeDraft, Errors> {
    let mut e = Errors::default();
    let title = required_line(&mut e, "title", &input.title, MAX_LINE);
    let summary = optional_text(&mut e, "summary", &input.summary, MAX_TEXT).unwrap_or_default();
    let lead = Uuid::parse_str(input.lead.trim()).ok();
    if lead.is_none() {
        e.add("lead", "error-required");
    }
    let mut partners = ids(&mut e, "partners", &input.partners);
    partners.retain(|p| Some(*p) != lead);
    let countries = check_countries(&mut e, "countries", &input.countries, true);
    let call_name =
        optional_line(&mut e, "call_name", &input.call_name, MAX_LINE).unwrap_or_default();
    let call_deadline = optional_date(&mut e, "call_deadline", &input.call_deadline);
    let budget_cents = check_amount(&mut e, "budget", &input.budget, locale);
    let products = ids(&mut e, "products", &input.products);
    match lead {
        Some(lead) if e.is_empty() => Ok(InitiativeDraft {
            title,
            summary,
            lead,
            partners,
            countries,
            call_name,
            call_deadline,
            budget_cents,
            products,
        }),
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_submitted_initiative_keeps_its_call() {
        let keep: Vec<State> = State::ALL.into_iter().filter(|s| keeps_call(*s)).collect();
        assert_eq!(
            keep,
            vec![
                State::Submitted,
                State::Funded,
                State::NotFunded,
                State::Running,
                State::Closed
            ]
        );
        // Every state a move reaches from Submitted onwards keeps the call.
        let facts = Facts {
            since: None,
            has_call: true,
        };
        let today = d(2026, 12, 6);
        for from in State::ALL.into_iter().filter(|s| keeps_call(*s)) {
            for to in State::ALL {
                if transition(from, to, today, "", facts, today).is_ok() {
                    assert!(keeps_call(to), "{from:?} -> {to:?}");
                }
            }
        }
    }

    #[test]
    fn the_whole_life_forward() {
        let today = d(2026, 12, 6);
        let facts = Facts {
            since: Some(d(2026, 1, 1)),
            has_call: true,
        };
        let path = [
            State::Idea,
            State::Preparation,
            State::Submitted,
            State::Funded,
            State::Running,
            State::Closed,
        ];
        for w in path.windows(2) {
            let m = transition(w[0], w[1], d(2026, 6, 1), "", facts, today).unwrap();
            assert_eq!((m.from, m.to), (w[0], w[1]));
        }
        assert!(transition(State::Submitted, State::NotFunded, today, "", facts, today).is_ok());
        assert!(transition(State::NotFunded, State::Closed, today, "", facts, today).is_ok());
        assert!(State::Closed.next().is_empty());
    }

    #[test]
    fn no_skipping_and_no_sideways() {
        let today = d(2026, 12, 6);
        let facts = Facts {
            since: None,
            has_call: true,
        };
        for (from, to) in [
            (State::Idea, State::Submitted),
            (State::Idea, State::Closed),
            (State::Preparation, State::Funded),
            (State::Funded, State::NotFunded),
            (State::NotFunded, State::Funded),
            (State::NotFunded, State::Running),
            (State::Submitted, State::Running),
        ] {
            assert_eq!(
                transition(from, to, today, "a reason", facts, today),
                Err("error-network-initiative-move"),
                "{from:?} → {to:?}"
            );
        }
        assert_eq!(
            transition(State::Idea, State::Idea, today, "", facts, today),
            Err("error-network-initiative-same")
        );
    }

    #[test]
    fn backwards_only_with_a_reason() {
        let today = d(2026, 12, 6);
        let facts = Facts {
            since: None,
            has_call: true,
        };
        assert_eq!(
            transition(
                State::NotFunded,
                State::Preparation,
                today,
                "  ",
                facts,
                today
            ),
            Err("error-network-initiative-reason")
        );
        let m = transition(
            State::NotFunded,
            State::Preparation,
            today,
            " Resubmitted to the next call ",
            facts,
            today,
        )
        .unwrap();
        assert_eq!(m.reason, "Resubmitted to the next call");
        assert_eq!(
            State::Funded.back(),
            vec![State::Idea, State::Preparation, State::Submitted]
        );
        assert!(State::Idea.back().is_empty());
    }

    #[test]
    fn dates_and_the_call() {
        let today = d(2026, 12, 6);
        let facts = Facts {
            since: Some(d(2026, 3, 1)),
            has_call: false,
        };
        assert_eq!(
            transition(
                State::Idea,
                State::Preparation,
                d(2026, 12, 7),
                "",
                facts,
                today
            ),
            Err("error-network-initiative-future")
        );
        assert_eq!(
            transition(
                State::Idea,
                State::Preparation,
                d(2026, 2, 1),
                "",
                facts,
                today
            ),
            Err("error-network-initiative-before")
        );
        assert_eq!(
            transition(
                State::Preparation,
                State::Submitted,
                today,
                "",
                facts,
                today
            ),
            Err("error-network-initiative-call")
        );
    }

    #[test]
    fn an_initiative_form() {
        let lead = Uuid::from_u128(1);
        let input = InitiativeInput {
            title: "Rotte dell'olio".into(),
            lead: lead.to_string(),
            partners: vec![lead.to_string(), Uuid::from_u128(2).to_string()],
            countries: vec!["AL".into()],
            budget: "1.200.000,00".into(),
            call_deadline: "2027-03-31".into(),
            ..Default::default()
        };
        let i = check(&input, Locale::It).unwrap();
        assert_eq!(
            i.partners,
            vec![Uuid::from_u128(2)],
            "the lead is not its own partner"
        );
        assert_eq!(i.budget_cents, Some(120_000_000));
        let bad = InitiativeInput {
            budget: "1,2,3.4.5".into(),
            lead: "x".into(),
            call_deadline: "31/03/2027".into(),
            countries: vec![],
            ..input
        };
        let e = check(&bad, Locale::It).unwrap_err();
        assert_eq!(e.for_field("budget"), Some("error-network-amount"));
        assert_eq!(e.for_field("lead"), Some("error-required"));
        assert_eq!(e.for_field("call_deadline"), Some("error-date"));
        assert_eq!(e.for_field("countries"), Some("error-required"));
    }
}
