//! The analysis that feeds a logframe: the problem tree (a core problem, its causes below and its
//! effects above), restated as an objective tree with the same cause-effect links, and the
//! stakeholder analysis matrix. The objective tree turns into the rows of the matrix.

use super::logframe::{Level, Logframe, Mode, Row};
use serde::{Deserialize, Serialize};

/// Most nodes of a tree and most stakeholders.
pub const MAX_NODES: usize = 60;

/// Where a node sits in the problem tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// The focal problem the intervention addresses.
    Core,
    /// A cause: of the core problem or of another cause.
    #[default]
    Cause,
    /// An effect: of the core problem or of another effect.
    Effect,
}

impl NodeKind {
    pub const ALL: [NodeKind; 3] = [NodeKind::Core, NodeKind::Cause, NodeKind::Effect];

    pub fn code(self) -> &'static str {
        match self {
            NodeKind::Core => "core",
            NodeKind::Cause => "cause",
            NodeKind::Effect => "effect",
        }
    }

    pub fn parse(code: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A problem, and the objective it is restated as.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    /// For a cause, the problem it causes; for an effect, the problem that causes it.
    pub parent: String,
    pub problem: String,
    pub objective: String,
}

/// Low, medium or high, for influence and capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Low,
    #[default]
    Medium,
    High,
}

impl Grade {
    pub const ALL: [Grade; 3] = [Grade::Low, Grade::Medium, Grade::High];

    pub fn code(self) -> &'static str {
        match self {
            Grade::Low => "low",
            Grade::Medium => "medium",
            Grade::High => "high",
        }
    }

    pub fn parse(code: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.code() == code)
    }
}

/// How far a stakeholder takes part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Participation {
    #[default]
    Inform,
    Consult,
    Involve,
    Collaborate,
    Empower,
}

impl Participation {
    pub const ALL: [Participation; 5] = [
        Participation::Inform,
        Participation::Consult,
        Participation::Involve,
        Participation::Collaborate,
        Participation::Empower,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Participation::Inform => "inform",
            Participation::Consult => "consult",
            Participation::Involve => "involve",
            Participation::Collaborate => "collaborate",
            Participation::Empower => "empower",
        }
    }

    pub fn parse(code: &str) -> Option<Participation> {
        Participation::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A row of the stakeholder analysis matrix.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Stakeholder {
    pub name: String,
    pub interests: String,
    pub influence: Grade,
    pub capacity: Grade,
    pub participation: Participation,
}

/// The analysis kept with a logframe.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Analysis {
    pub nodes: Vec<Node>,
    pub stakeholders: Vec<Stakeholder>,
}

/// A node placed for display: its depth away from the core problem (effects above, causes
/// below).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Placed {
    pub index: usize,
    pub depth: usize,
}

/// What is wrong with a tree, as message ids.
pub fn problems(a: &Analysis) -> Vec<&'static str> {
    let mut out = Vec::new();
    let cores = a.nodes.iter().filter(|n| n.kind == NodeKind::Core).count();
    if !a.nodes.is_empty() && cores != 1 {
        out.push("analysis-error-core");
    }
    for n in &a.nodes {
        if n.kind == NodeKind::Core {
            continue;
        }
        match a.nodes.iter().find(|p| p.id == n.parent) {
            Some(p) if p.kind == NodeKind::Core || p.kind == n.kind => {}
            _ => {
                out.push("analysis-error-link");
                break;
            }
        }
    }
    // Every link must lead to the core problem: no cycles.
    for n in &a.nodes {
        let mut at = n;
        let mut steps = 0;
        while at.kind != NodeKind::Core {
            match a.nodes.iter().find(|p| p.id == at.parent) {
                Some(p) if steps < a.nodes.len() => {
                    at = p;
                    steps += 1;
                }
                _ => break,
            }
        }
        if at.kind != NodeKind::Core && !out.contains(&"analysis-error-link") {
            out.push("analysis-error-link");
        }
    }
    out
}

fn below(a: &Analysis, parent: &str, kind: NodeKind, depth: usize, out: &mut Vec<Placed>) {
    for (i, n) in a.nodes.iter().enumerate() {
        if n.kind == kind && n.parent == parent && depth <= a.nodes.len() {
            out.push(Placed { index: i, depth });
            below(a, &n.id, kind, depth + 1, out);
        }
    }
}

/// The tree in reading order: effects (farthest first), the core problem, causes (depth-first).
/// Nodes that do not lead to the core problem are left out (the check reports them).
pub fn layout(a: &Analysis) -> (Vec<Placed>, Option<usize>, Vec<Placed>) {
    let Some(core) = a.nodes.iter().position(|n| n.kind == NodeKind::Core) else {
        return (vec![], None, vec![]);
    };
    let id = &a.nodes[core].id;
    let mut effects = Vec::new();
    below(a, id, NodeKind::Effect, 1, &mut effects);
    effects.reverse();
    let mut causes = Vec::new();
    below(a, id, NodeKind::Cause, 1, &mut causes);
    (effects, Some(core), causes)
}

fn objective_or_problem(n: &Node) -> String {
    if n.objective.trim().is_empty() {
        n.problem.clone()
    } else {
        n.objective.clone()
    }
}

/// The rows the objective tree gives a logframe: the objectives of the core problem's direct
/// effects become the overall objective, the core problem's the specific objective, the direct
/// causes' the results, and (classic matrix) their causes' the activities.
pub fn rows_from_objectives(a: &Analysis, lf: &mut Logframe) -> Vec<Row> {
    let (effects, core, causes) = layout(a);
    let Some(core) = core else {
        return vec![];
    };
    let mut rows = Vec::new();
    let overall: Vec<String> = effects
        .iter()
        .filter(|p| p.depth == 1)
        .map(|p| objective_or_problem(&a.nodes[p.index]))
        .collect();
    if !overall.is_empty() {
        let id = lf.fresh_id("r");
        rows.push(Row {
            text: overall.join("; "),
            ..Row::new(id, Level::Overall)
        });
    }
    let id = lf.fresh_id("r");
    rows.push(Row {
        text: objective_or_problem(&a.nodes[core]),
        ..Row::new(id, Level::Specific)
    });
    for p in &causes {
        let level = match p.depth {
            1 => Level::Result,
            2 if lf.mode == Mode::Classic => Level::Activity,
            _ => continue,
        };
        let id = lf.fresh_id("r");
        rows.push(Row {
            text: objective_or_problem(&a.nodes[p.index]),
            ..Row::new(id, level)
        });
    }
    rows
}

/// Stakeholders whose influence is high but who only take part by being informed or consulted:
/// the logframe's assumptions should say what happens if they do not go along.
pub fn to_watch(a: &Analysis) -> Vec<&Stakeholder> {
    a.stakeholders
        .iter()
        .filter(|s| {
            s.influence == Grade::High
                && matches!(
                    s.participation,
                    Participation::Inform | Participation::Consult
                )
        })
        .collect()
}

/// Reads the analysis form without judging it, to show back what was typed.
pub fn from_form_lenient(fields: &[(String, String)]) -> Analysis {
    let mut a = Analysis::default();
    let get = |k: String| {
        fields
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.chars().take(2_000).collect::<String>())
            .unwrap_or_default()
    };
    for n in 0..MAX_NODES {
        let problem = get(format!("n{n}.problem"));
        if problem.trim().is_empty() {
            continue;
        }
        a.nodes.push(Node {
            id: get(format!("n{n}.id")),
            kind: NodeKind::parse(&get(format!("n{n}.kind"))).unwrap_or_default(),
            parent: get(format!("n{n}.parent")),
            problem,
            objective: get(format!("n{n}.objective")),
        });
    }
    for n in 0..MAX_NODES {
        let name = get(format!("s{n}.name"));
        if name.trim().is_empty() {
            continue;
        }
        a.stakeholders.push(Stakeholder {
            name,
            interests: get(format!("s{n}.interests")),
            influence: Grade::parse(&get(format!("s{n}.influence"))).unwrap_or_default(),
            capacity: Grade::parse(&get(format!("s{n}.capacity"))).unwrap_or_default(),
            participation: Participation::parse(&get(format!("s{n}.participation")))
                .unwrap_or_default(),
        });
    }
    a
}

/// A choice of a list: its default when none is made, a problem when the code is not one of the
/// list (the form offers only the list's codes).
fn choice<T: Default>(
    errors: &mut Vec<&'static str>,
    code: &str,
    parse: fn(&str) -> Option<T>,
) -> T {
    match parse(code) {
        Some(v) => v,
        None => {
            if !code.is_empty() {
                errors.push("error-unknown-choice");
            }
            T::default()
        }
    }
}

/// Reads the analysis form: node `n` as `nN.id`, `nN.kind`, `nN.parent`, `nN.problem`,
/// `nN.objective`; stakeholder `n` as `sN.name`, `sN.interests`, `sN.influence`, `sN.capacity`,
/// `sN.participation`. Rows with no problem (or no name) are dropped. Problems are message ids.
pub fn from_form(
    fields: &[(String, String)],
    keep_ids_from: &Analysis,
) -> Result<Analysis, Vec<&'static str>> {
    let get = |k: String| {
        fields
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.trim().replace("\r\n", "\n"))
            .unwrap_or_default()
    };
    let mut errors = Vec::new();
    let check = |errors: &mut Vec<&'static str>, text: &str, max: usize| {
        if text.chars().count() > max {
            errors.push("error-too-long");
        } else if text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            errors.push("error-invalid-characters");
        }
    };
    let mut a = Analysis::default();
    for n in 0..MAX_NODES {
        let problem = get(format!("n{n}.problem"));
        if problem.is_empty() {
            continue;
        }
        let objective = get(format!("n{n}.objective"));
        check(&mut errors, &problem, 1_000);
        check(&mut errors, &objective, 1_000);
        let id = get(format!("n{n}.id"));
        let kind = choice(&mut errors, &get(format!("n{n}.kind")), NodeKind::parse);
        a.nodes.push(Node {
            id,
            kind,
            parent: get(format!("n{n}.parent")),
            problem,
            objective,
        });
    }
    // New nodes get fresh ids, never reused from the stored tree.
    let mut next = keep_ids_from
        .nodes
        .iter()
        .chain(a.nodes.iter())
        .filter_map(|n| n.id.strip_prefix('p').and_then(|d| d.parse::<u32>().ok()))
        .max()
        .unwrap_or(0);
    let mut seen = std::collections::HashSet::new();
    for node in &mut a.nodes {
        let valid = !node.id.is_empty()
            && node.id.len() <= 12
            && node.id.chars().all(|c| c.is_ascii_alphanumeric());
        if !valid || !seen.insert(node.id.clone()) {
            next += 1;
            node.id = format!("p{next}");
            seen.insert(node.id.clone());
        }
    }
    for n in 0..MAX_NODES {
        let name = get(format!("s{n}.name"));
        if name.is_empty() {
            continue;
        }
        let interests = get(format!("s{n}.interests"));
        check(&mut errors, &name, 200);
        // A name is one line (typed in a one-line field).
        if name.contains('\n') {
            errors.push("error-line-break");
        }
        check(&mut errors, &interests, 2_000);
        let influence = choice(&mut errors, &get(format!("s{n}.influence")), Grade::parse);
        let capacity = choice(&mut errors, &get(format!("s{n}.capacity")), Grade::parse);
        let participation = choice(
            &mut errors,
            &get(format!("s{n}.participation")),
            Participation::parse,
        );
        a.stakeholders.push(Stakeholder {
            name,
            interests,
            influence,
            capacity,
            participation,
        });
    }
    errors.extend(problems(&a));
    if errors.is_empty() {
        Ok(a)
    } else {
        errors.dedup();
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, kind: NodeKind, parent: &str, problem: &str, objective: &str) -> Node {
        Node {
            id: id.into(),
            kind,
            parent: parent.into(),
            problem: problem.into(),
            objective: objective.into(),
        }
    }

    fn tree() -> Analysis {
        Analysis {
            nodes: vec![
                node(
                    "p1",
                    NodeKind::Core,
                    "",
                    "Scarsa capacità di progettare con Durazzo",
                    "Capacità di progettare con Durazzo rafforzata",
                ),
                node(
                    "p2",
                    NodeKind::Cause,
                    "p1",
                    "Nessun tavolo comune",
                    "Tavolo comune attivo",
                ),
                node(
                    "p3",
                    NodeKind::Cause,
                    "p2",
                    "Mancano contatti tra uffici",
                    "Contatti tra uffici stabiliti",
                ),
                node(
                    "p4",
                    NodeKind::Effect,
                    "p1",
                    "Poche iniziative turistiche comuni",
                    "Più iniziative turistiche comuni",
                ),
                node(
                    "p5",
                    NodeKind::Effect,
                    "p4",
                    "Flussi turistici stagnanti",
                    "",
                ),
                node(
                    "p6",
                    NodeKind::Cause,
                    "p1",
                    "Personale non formato",
                    "Personale formato",
                ),
            ],
            stakeholders: vec![Stakeholder {
                name: "Camera di commercio".into(),
                influence: Grade::High,
                participation: Participation::Consult,
                ..Stakeholder::default()
            }],
        }
    }

    #[test]
    fn the_tree_reads_effects_core_causes() {
        let (effects, core, causes) = layout(&tree());
        assert_eq!(core, Some(0));
        assert_eq!(
            effects,
            vec![Placed { index: 4, depth: 2 }, Placed { index: 3, depth: 1 }]
        );
        assert_eq!(
            causes,
            vec![
                Placed { index: 1, depth: 1 },
                Placed { index: 2, depth: 2 },
                Placed { index: 5, depth: 1 }
            ]
        );
        assert!(problems(&tree()).is_empty());
    }

    #[test]
    fn broken_trees_are_reported() {
        let mut t = tree();
        t.nodes[0].kind = NodeKind::Cause;
        assert!(problems(&t).contains(&"analysis-error-core"));
        let mut t = tree();
        t.nodes[2].parent = "p4".into();
        assert_eq!(problems(&t), ["analysis-error-link"]);
        let mut t = tree();
        t.nodes[1].parent = "p3".into();
        assert_eq!(
            problems(&t),
            ["analysis-error-link"],
            "a cycle never reaches the core"
        );
        assert!(problems(&Analysis::default()).is_empty());
    }

    #[test]
    fn the_objective_tree_becomes_logframe_rows() {
        let mut lf = Logframe::starter(Mode::Classic);
        let rows = rows_from_objectives(&tree(), &mut lf);
        let got: Vec<_> = rows.iter().map(|r| (r.level, r.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (Level::Overall, "Più iniziative turistiche comuni"),
                (
                    Level::Specific,
                    "Capacità di progettare con Durazzo rafforzata"
                ),
                (Level::Result, "Tavolo comune attivo"),
                (Level::Activity, "Contatti tra uffici stabiliti"),
                (Level::Result, "Personale formato"),
            ]
        );
        // Fresh ids, never those of existing rows.
        assert!(rows.iter().all(|r| lf.rows.iter().all(|x| x.id != r.id)));
        let mut chain = Logframe::starter(Mode::ResultsChain);
        assert!(rows_from_objectives(&tree(), &mut chain)
            .iter()
            .all(|r| r.level != Level::Activity));
        assert_eq!(to_watch(&tree()).len(), 1);
    }

    #[test]
    fn reads_the_form() {
        let f = |k: &str, v: &str| (k.to_string(), v.to_string());
        let a = from_form(
            &[
                f("n0.id", "p1"),
                f("n0.kind", "core"),
                f("n0.problem", "Problema centrale"),
                f("n1.kind", "cause"),
                f("n1.parent", "p1"),
                f("n1.problem", "Causa"),
                f("n2.kind", "cause"),
                f("n2.problem", ""),
                f("s0.name", "Regione"),
                f("s0.influence", "high"),
                f("s0.participation", "collaborate"),
            ],
            &Analysis::default(),
        )
        .unwrap();
        assert_eq!(a.nodes.len(), 2);
        assert_eq!(a.nodes[1].id, "p2");
        assert_eq!(a.stakeholders[0].participation, Participation::Collaborate);
        let bad = from_form(
            &[f("n0.kind", "cause"), f("n0.problem", "Orfano")],
            &Analysis::default(),
        )
        .unwrap_err();
        assert!(bad.contains(&"analysis-error-core"));
    }

    #[test]
    fn a_code_not_offered_or_a_name_on_two_lines_is_refused() {
        let f = |k: &str, v: &str| (k.to_string(), v.to_string());
        let core = [f("n0.kind", "core"), f("n0.problem", "Problema centrale")];
        for (field, value, message) in [
            ("n0.kind", "centrale", "error-unknown-choice"),
            ("s0.influence", "enorme", "error-unknown-choice"),
            ("s0.capacity", "<b>", "error-unknown-choice"),
            ("s0.participation", "decide", "error-unknown-choice"),
            ("s0.name", "Regione\nCampania", "error-line-break"),
        ] {
            let mut form = core.to_vec();
            form.push(f("s0.name", "Regione"));
            form.retain(|(k, _)| k != field);
            form.push(f(field, value));
            let e = from_form(&form, &Analysis::default()).unwrap_err();
            assert!(e.contains(&message), "{field}={value}: {e:?}");
        }
        // Left empty, a choice is its default.
        let mut form = core.to_vec();
        form.extend([f("s0.name", "Regione"), f("s0.influence", "")]);
        let a = from_form(&form, &Analysis::default()).unwrap();
        assert_eq!(a.stakeholders[0].influence, Grade::Medium);
    }
}
