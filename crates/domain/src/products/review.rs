//! The review workflow of a product: draft -> submitted -> changes requested -> resubmitted ->
//! approved. Authors (the administration's members and coordinators) submit; a reviewer (a tutor
//! of the administration, or programme staff) requests changes or approves. Nobody approves a
//! product they wrote.

use serde::{Deserialize, Serialize};

/// Where a product is in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Draft,
    Submitted,
    ChangesRequested,
    Resubmitted,
    Approved,
}

impl State {
    /// Every state, in workflow order.
    pub const ALL: [State; 5] = [
        State::Draft,
        State::Submitted,
        State::ChangesRequested,
        State::Resubmitted,
        State::Approved,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Submitted => "submitted",
            State::ChangesRequested => "changes_requested",
            State::Resubmitted => "resubmitted",
            State::Approved => "approved",
        }
    }

    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Reads a stored code, refusing one this version does not know.
    pub fn from_code(code: String) -> Result<State, crate::codes::UnknownCode> {
        State::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "product state",
            code,
        })
    }

    /// Whether the authors may change the content in this state. A product under review is
    /// frozen so that the tutor reviews what was submitted; approval freezes it for good.
    pub fn editable(self) -> bool {
        matches!(self, State::Draft | State::ChangesRequested)
    }

    /// Whether the product waits for a reviewer.
    pub fn awaiting_review(self) -> bool {
        matches!(self, State::Submitted | State::Resubmitted)
    }
}

impl TryFrom<String> for State {
    type Error = crate::codes::UnknownCode;
    fn try_from(code: String) -> Result<State, Self::Error> {
        State::from_code(code)
    }
}

/// What someone does to a product's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Submit,
    RequestChanges,
    Approve,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 3] = [Action::Submit, Action::RequestChanges, Action::Approve];

    /// The stable code used in forms.
    pub fn code(self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::RequestChanges => "request_changes",
            Action::Approve => "approve",
        }
    }

    /// Parses a form code.
    pub fn parse(code: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// Who acts, as far as the workflow cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Actor {
    /// A member or coordinator of the administration that owns the product.
    pub author_side: bool,
    /// A tutor of that administration, or programme staff.
    pub reviewer: bool,
    /// Has written any of the product's content.
    pub contributed: bool,
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The action makes no sense in the product's state.
    WrongState,
    /// This person may not take this action at all.
    NotAllowed,
    /// Authors cannot approve (or judge) their own work.
    OwnWork,
}

impl Refusal {
    /// The message id that explains the refusal.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::WrongState => "review-refused-state",
            Refusal::NotAllowed => "review-refused-role",
            Refusal::OwnWork => "review-refused-own",
        }
    }
}

/// The state an action leads to from `state`, regardless of who acts.
pub fn next(state: State, action: Action) -> Option<State> {
    match (state, action) {
        (State::Draft, Action::Submit) => Some(State::Submitted),
        (State::ChangesRequested, Action::Submit) => Some(State::Resubmitted),
        (State::Submitted | State::Resubmitted, Action::RequestChanges) => {
            Some(State::ChangesRequested)
        }
        (State::Submitted | State::Resubmitted, Action::Approve) => Some(State::Approved),
        _ => None,
    }
}

/// Decides whether `actor` may take `action` on a product in `state`, and where it leads.
pub fn decide(state: State, action: Action, actor: Actor) -> Result<State, Refusal> {
    let to = next(state, action).ok_or(Refusal::WrongState)?;
    match action {
        Action::Submit if actor.author_side => Ok(to),
        Action::Submit => Err(Refusal::NotAllowed),
        Action::RequestChanges | Action::Approve if !actor.reviewer => Err(Refusal::NotAllowed),
        Action::RequestChanges | Action::Approve if actor.contributed => Err(Refusal::OwnWork),
        Action::RequestChanges | Action::Approve => Ok(to),
    }
}

/// The actions `actor` may take now, for the buttons on the page.
pub fn available(state: State, actor: Actor) -> Vec<Action> {
    Action::ALL
        .into_iter()
        .filter(|a| decide(state, *a, actor).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const AUTHOR: Actor = Actor {
        author_side: true,
        reviewer: false,
        contributed: true,
    };
    const TUTOR: Actor = Actor {
        author_side: false,
        reviewer: true,
        contributed: false,
    };

    #[test]
    fn the_happy_path() {
        let s = decide(State::Draft, Action::Submit, AUTHOR).unwrap();
        assert_eq!(s, State::Submitted);
        let s = decide(s, Action::RequestChanges, TUTOR).unwrap();
        assert_eq!(s, State::ChangesRequested);
        assert!(s.editable());
        let s = decide(s, Action::Submit, AUTHOR).unwrap();
        assert_eq!(s, State::Resubmitted);
        let s = decide(s, Action::Approve, TUTOR).unwrap();
        assert_eq!(s, State::Approved);
        assert!(!s.editable());
    }

    #[test]
    fn an_author_cannot_approve_their_own_product() {
        let both = Actor {
            author_side: true,
            reviewer: true,
            contributed: true,
        };
        assert_eq!(
            decide(State::Submitted, Action::Approve, both),
            Err(Refusal::OwnWork)
        );
        assert_eq!(
            decide(State::Submitted, Action::Approve, AUTHOR),
            Err(Refusal::NotAllowed)
        );
        assert_eq!(available(State::Submitted, both), vec![]);
    }

    #[test]
    fn approved_is_final_and_drafts_are_not_judged() {
        for a in Action::ALL {
            assert_eq!(decide(State::Approved, a, TUTOR), Err(Refusal::WrongState));
        }
        assert_eq!(
            decide(State::Draft, Action::Approve, TUTOR),
            Err(Refusal::WrongState)
        );
        assert_eq!(
            decide(State::Submitted, Action::Submit, AUTHOR),
            Err(Refusal::WrongState)
        );
    }

    #[test]
    fn codes_round_trip() {
        for s in State::ALL {
            assert_eq!(State::parse(s.code()), Some(s));
        }
        for a in Action::ALL {
            assert_eq!(Action::parse(a.code()), Some(a));
        }
        assert_eq!(State::parse("Approved"), None);
    }

    /// The whole workflow as a hand-written table, independent of `next` and `decide`: for each
    /// state and action (rows), what each kind of actor gets (columns). Columns: author_side,
    /// reviewer, contributed as `a`/`-`, `r`/`-`, `c`/`-`, in the order of `ACTORS`. Cells: the
    /// state reached (`S` submitted, `C` changes requested, `R` resubmitted, `A` approved) or the
    /// refusal (`w` wrong state, `n` not allowed, `o` own work). The state is checked first, then
    /// the role, then own work.
    const ACTORS: [(bool, bool, bool); 8] = [
        (false, false, false), // ---  nobody in particular
        (false, false, true),  // --c  wrote content, holds no role any longer
        (false, true, false),  // -r-  tutor or staff who wrote nothing
        (false, true, true),   // -rc  tutor or staff who wrote some of it
        (true, false, false),  // a--  member who wrote nothing
        (true, false, true),   // a-c  member who wrote some of it
        (true, true, false),   // ar-  both sides, wrote nothing
        (true, true, true),    // arc  both sides, wrote some of it
    ];
    const TABLE: &str = "
        draft             submit          n n n n S S S S
        draft             request_changes w w w w w w w w
        draft             approve         w w w w w w w w
        submitted         submit          w w w w w w w w
        submitted         request_changes n n C o n n C o
        submitted         approve         n n A o n n A o
        changes_requested submit          n n n n R R R R
        changes_requested request_changes w w w w w w w w
        changes_requested approve         w w w w w w w w
        resubmitted       submit          w w w w w w w w
        resubmitted       request_changes n n C o n n C o
        resubmitted       approve         n n A o n n A o
        approved          submit          w w w w w w w w
        approved          request_changes w w w w w w w w
        approved          approve         w w w w w w w w
    ";

    fn expected(cell: &str) -> Result<State, Refusal> {
        match cell {
            "S" => Ok(State::Submitted),
            "C" => Ok(State::ChangesRequested),
            "R" => Ok(State::Resubmitted),
            "A" => Ok(State::Approved),
            "w" => Err(Refusal::WrongState),
            "n" => Err(Refusal::NotAllowed),
            "o" => Err(Refusal::OwnWork),
            other => panic!("unknown cell {other}"),
        }
    }

    #[test]
    fn every_decision_matches_the_hand_written_table() {
        let mut rows = 0;
        for line in TABLE.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let cells: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(cells.len(), 2 + ACTORS.len(), "{line}");
            let state = State::parse(cells[0]).unwrap();
            let action = Action::parse(cells[1]).unwrap();
            for (&(author_side, reviewer, contributed), cell) in ACTORS.iter().zip(&cells[2..]) {
                let actor = Actor {
                    author_side,
                    reviewer,
                    contributed,
                };
                assert_eq!(
                    decide(state, action, actor),
                    expected(cell),
                    "{state:?} {action:?} by {actor:?}"
                );
            }
            rows += 1;
        }
        assert_eq!(
            rows,
            State::ALL.len() * Action::ALL.len(),
            "every pair once"
        );
    }

    fn any_actor() -> impl Strategy<Value = Actor> {
        (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(a, r, c)| Actor {
            author_side: a,
            reviewer: r,
            contributed: c,
        })
    }

    fn any_action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::Submit),
            Just(Action::RequestChanges),
            Just(Action::Approve)
        ]
    }

    proptest! {
        /// Whatever people try, in any order: approval comes only from a reviewer who wrote
        /// nothing, right after a submission; a resubmission only follows a request for changes;
        /// nothing leaves the approved state; refused actions change nothing.
        #[test]
        fn workflow_invariants(steps in proptest::collection::vec((any_action(), any_actor()), 0..40)) {
            let mut state = State::Draft;
            let mut requested_before = false;
            for (action, actor) in steps {
                let before = state;
                match decide(state, action, actor) {
                    Ok(to) => {
                        prop_assert_ne!(before, State::Approved);
                        if to == State::Approved {
                            prop_assert!(actor.reviewer && !actor.contributed);
                            prop_assert!(before.awaiting_review());
                        }
                        if to == State::Resubmitted {
                            prop_assert_eq!(before, State::ChangesRequested);
                            prop_assert!(requested_before);
                        }
                        if to == State::ChangesRequested {
                            requested_before = true;
                            prop_assert!(actor.reviewer && !actor.contributed);
                        }
                        if action == Action::Submit {
                            prop_assert!(actor.author_side);
                            prop_assert!(before.editable());
                        }
                        state = to;
                    }
                    Err(_) => prop_assert_eq!(state, before),
                }
            }
        }

        /// The buttons shown are exactly the actions that would be accepted.
        #[test]
        fn available_matches_decide(actor in any_actor(), i in 0usize..5) {
            let state = State::ALL[i];
            for a in Action::ALL {
                prop_assert_eq!(available(state, actor).contains(&a), decide(state, a, actor).is_ok());
            }
        }
    }
}
