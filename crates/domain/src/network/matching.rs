//! Matchmaking between administrations: for one administration, the others ranked by what they
//! have in common (target countries, themes) and by what one can bring to the other (relations or
//! experience in a country, or on a theme, the other aims at), each with the reasons behind its
//! place as values that the interface turns into sentences. Pure: the caller reads the profiles,
//! already limited to what the viewer may see.
//!
//! Score (each reason counts once):
//! - a target country both aim at: [`W_SHARED_TARGET`];
//! - a theme both work on: [`W_SHARED_THEME`];
//! - a relation one has in a country the other targets: [`W_RELATION`];
//! - an earlier project of one in a country the other targets or on a theme the other works on:
//!   [`W_EXPERIENCE`].
//!
//! Order: higher score first; then more shared target countries; then more complementary
//! relations; then the name (case folded, then as written); then the id, so that two runs on the
//! same profiles always give the same list. Administrations with nothing in common (score 0) are
//! left out: a list of strangers helps nobody.

use crate::policy::Rule;
use crate::roles::Role;
use std::cmp::Ordering;
use std::collections::BTreeSet;

/// Who may reach matchmaking, a country's page, the map, a group's graph and the open data.
/// What each shows is what the person may see of the network (`super::Viewer`): a guest sees
/// the public relations, and the open data holds only those.
pub const POLICY: &[(&str, Rule)] = &[
    (
        "network.match",
        Rule::Held(&[
            Role::Admin,
            Role::Staff,
            Role::Tutor,
            Role::Coordinator,
            Role::Member,
        ]),
    ),
    ("network.country", Rule::Public),
    ("network.map", Rule::Public),
    (
        "network.group_graph",
        Rule::Held(&[
            Role::Admin,
            Role::Staff,
            Role::Tutor,
            Role::Coordinator,
            Role::Member,
        ]),
    ),
    ("network.open_data", Rule::Public),
    ("network.open_file", Rule::Public),
];

/// Weight of a target country both administrations aim at.
pub const W_SHARED_TARGET: u32 = 3;
/// Weight of a theme both administrations work on.
pub const W_SHARED_THEME: u32 = 2;
/// Weight of a relation one holds in a country the other targets.
pub const W_RELATION: u32 = 2;
/// Weight of an earlier project of one that matches the other's countries or themes.
pub const W_EXPERIENCE: u32 = 1;

/// A relation of an administration with a partner abroad, as matchmaking sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// ISO 3166-1 alpha-2 code of the partner's country.
    pub country: String,
    /// The relation's kind code (twinning, memorandum …), rendered by the interface.
    pub kind: String,
    /// The partner organisation's name.
    pub partner: String,
    /// The year the relation began, when known.
    pub since: Option<i32>,
}

/// An earlier cooperation project of an administration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Experience {
    pub title: String,
    /// Country codes the project worked in.
    pub countries: Vec<String>,
    /// Theme codes (macro-areas, DAC sectors).
    pub themes: Vec<String>,
}

/// What is known of one administration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile<Id> {
    pub id: Id,
    pub name: String,
    /// The region's code, when the administration has one.
    pub region: Option<String>,
    /// Country codes the administration aims at.
    pub targets: Vec<String>,
    /// Theme codes the administration works on.
    pub themes: Vec<String>,
    pub relations: Vec<Relation>,
    pub experience: Vec<Experience>,
}

/// Which of the two administrations a reason is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Holder {
    /// The administration the list is for.
    Viewer,
    /// The administration the result names.
    Candidate,
}

/// One reason why a candidate is in the list, with the facts it rests on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// Both aim at `country`.
    SharedTarget { country: String },
    /// Both work on `theme`.
    SharedTheme { theme: String },
    /// `holder` has a relation in `country`, which the other aims at.
    Relation {
        holder: Holder,
        country: String,
        kind: String,
        partner: String,
        since: Option<i32>,
    },
    /// `holder` worked on project `title` in `countries` the other aims at and on `themes` the
    /// other works on (at least one of the two is not empty).
    Experience {
        holder: Holder,
        title: String,
        countries: Vec<String>,
        themes: Vec<String>,
    },
}

impl Reason {
    /// The reason's weight in the score.
    pub fn weight(&self) -> u32 {
        match self {
            Reason::SharedTarget { .. } => W_SHARED_TARGET,
            Reason::SharedTheme { .. } => W_SHARED_THEME,
            Reason::Relation { .. } => W_RELATION,
            Reason::Experience { .. } => W_EXPERIENCE,
        }
    }
}

/// What narrows the list: candidates active in a country (a target, a relation or an earlier
/// project there), on a theme (their own or an earlier project's), or of a region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub country: Option<String>,
    pub theme: Option<String>,
    pub region: Option<String>,
}

impl Filter {
    fn admits<Id>(&self, p: &Profile<Id>) -> bool {
        if let Some(c) = &self.country {
            let present = p.targets.contains(c)
                || p.relations.iter().any(|r| &r.country == c)
                || p.experience.iter().any(|e| e.countries.contains(c));
            if !present {
                return false;
            }
        }
        if let Some(t) = &self.theme {
            let present = p.themes.contains(t) || p.experience.iter().any(|e| e.themes.contains(t));
            if !present {
                return false;
            }
        }
        if let Some(r) = &self.region {
            if p.region.as_ref() != Some(r) {
                return false;
            }
        }
        true
    }
}

/// One administration in the ranked list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match<Id> {
    pub id: Id,
    pub name: String,
    pub region: Option<String>,
    pub score: u32,
    /// Shared targets first, then shared themes, relations and experience; each group in a
    /// stable order (codes, then years and names).
    pub reasons: Vec<Reason>,
}

fn set(v: &[String]) -> BTreeSet<&str> {
    v.iter().map(String::as_str).collect()
}

/// The reasons of one side's relations and experience that serve the other side.
fn complements(
    holder: Holder,
    from: &[Relation],
    experience: &[Experience],
    other_targets: &BTreeSet<&str>,
    other_themes: &BTreeSet<&str>,
    out: &mut Vec<Reason>,
) {
    let mut relations: Vec<&Relation> = from
        .iter()
        .filter(|r| other_targets.contains(r.country.as_str()))
        .collect();
    relations.sort_by(|a, b| {
        (&a.country, a.since.is_none(), a.since, &a.partner, &a.kind).cmp(&(
            &b.country,
            b.since.is_none(),
            b.since,
            &b.partner,
            &b.kind,
        ))
    });
    relations.dedup();
    out.extend(relations.into_iter().map(|r| Reason::Relation {
        holder,
        country: r.country.clone(),
        kind: r.kind.clone(),
        partner: r.partner.clone(),
        since: r.since,
    }));
    let mut projects: Vec<Reason> = experience
        .iter()
        .filter_map(|e| {
            let countries: Vec<String> = set(&e.countries)
                .into_iter()
                .filter(|c| other_targets.contains(c))
                .map(str::to_string)
                .collect();
            let themes: Vec<String> = set(&e.themes)
                .into_iter()
                .filter(|t| other_themes.contains(t))
                .map(str::to_string)
                .collect();
            (!countries.is_empty() || !themes.is_empty()).then(|| Reason::Experience {
                holder,
                title: e.title.clone(),
                countries,
                themes,
            })
        })
        .collect();
    projects.sort_by(|a, b| match (a, b) {
        (
            Reason::Experience {
                title: ta,
                countries: ca,
                themes: ha,
                ..
            },
            Reason::Experience {
                title: tb,
                countries: cb,
                themes: hb,
                ..
            },
        ) => (ca.len() + ha.len())
            .cmp(&(cb.len() + hb.len()))
            .reverse()
            .then_with(|| ta.cmp(tb))
            .then_with(|| ca.cmp(cb))
            .then_with(|| ha.cmp(hb)),
        _ => Ordering::Equal,
    });
    projects.dedup();
    out.extend(projects);
}

/// The reasons why `candidate` suits `viewer`, in the order they are shown.
pub fn reasons<Id>(viewer: &Profile<Id>, candidate: &Profile<Id>) -> Vec<Reason> {
    let (vt, ct) = (set(&viewer.targets), set(&candidate.targets));
    let (vh, ch) = (set(&viewer.themes), set(&candidate.themes));
    let mut out: Vec<Reason> = vt
        .intersection(&ct)
        .map(|c| Reason::SharedTarget {
            country: c.to_string(),
        })
        .collect();
    out.extend(vh.intersection(&ch).map(|t| Reason::SharedTheme {
        theme: t.to_string(),
    }));
    // What the candidate brings first: that is what the viewer is looking for.
    complements(
        Holder::Candidate,
        &candidate.relations,
        &candidate.experience,
        &vt,
        &vh,
        &mut out,
    );
    complements(
        Holder::Viewer,
        &viewer.relations,
        &viewer.experience,
        &ct,
        &ch,
        &mut out,
    );
    out
}

fn count(reasons: &[Reason], f: impl Fn(&Reason) -> bool) -> usize {
    reasons.iter().filter(|r| f(r)).count()
}

/// The administrations of `others` ranked for `viewer` (never itself), narrowed by `filter`.
pub fn rank<Id: Clone + Ord>(
    viewer: &Profile<Id>,
    others: &[Profile<Id>],
    filter: &Filter,
) -> Vec<Match<Id>> {
    let mut out: Vec<Match<Id>> = others
        .iter()
        .filter(|p| p.id != viewer.id && filter.admits(p))
        .filter_map(|p| {
            let reasons = reasons(viewer, p);
            let score: u32 = reasons.iter().map(Reason::weight).sum();
            (score > 0).then(|| Match {
                id: p.id.clone(),
                name: p.name.clone(),
                region: p.region.clone(),
                score,
                reasons,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let targets =
            |m: &Match<Id>| count(&m.reasons, |r| matches!(r, Reason::SharedTarget { .. }));
        let relations = |m: &Match<Id>| count(&m.reasons, |r| matches!(r, Reason::Relation { .. }));
        b.score
            .cmp(&a.score)
            .then_with(|| targets(b).cmp(&targets(a)))
            .then_with(|| relations(b).cmp(&relations(a)))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// One administration's relations in a country, counted by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presence<Id> {
    pub id: Id,
    pub name: String,
    pub region: Option<String>,
    /// (kind code, number of relations), kinds in code order.
    pub kinds: Vec<(String, usize)>,
    /// The relations there, by year (unknown last) and partner.
    pub relations: Vec<Relation>,
}

/// Which administrations have relations in `country`, and of what kind: the busiest first, then
/// by name and id.
pub fn in_country<Id: Clone + Ord>(profiles: &[Profile<Id>], country: &str) -> Vec<Presence<Id>> {
    let mut out: Vec<Presence<Id>> = profiles
        .iter()
        .filter_map(|p| {
            let mut relations: Vec<Relation> = p
                .relations
                .iter()
                .filter(|r| r.country == country)
                .cloned()
                .collect();
            if relations.is_empty() {
                return None;
            }
            relations.sort_by(|a, b| {
                (a.since.is_none(), a.since, &a.partner, &a.kind).cmp(&(
                    b.since.is_none(),
                    b.since,
                    &b.partner,
                    &b.kind,
                ))
            });
            let mut kinds: Vec<(String, usize)> = Vec::new();
            for k in relations.iter().map(|r| &r.kind).collect::<BTreeSet<_>>() {
                kinds.push((k.clone(), relations.iter().filter(|r| &r.kind == k).count()));
            }
            Some(Presence {
                id: p.id.clone(),
                name: p.name.clone(),
                region: p.region.clone(),
                kinds,
                relations,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.relations
            .len()
            .cmp(&a.relations.len())
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn profile(
        id: u32,
        name: &str,
        region: &str,
        targets: &[&str],
        themes: &[&str],
    ) -> Profile<u32> {
        Profile {
            id,
            name: name.into(),
            region: Some(region.into()),
            targets: s(targets),
            themes: s(themes),
            relations: vec![],
            experience: vec![],
        }
    }

    fn rel(country: &str, kind: &str, partner: &str, since: Option<i32>) -> Relation {
        Relation {
            country: country.into(),
            kind: kind.into(),
            partner: partner.into(),
            since,
        }
    }

    #[test]
    fn explains_shared_targets_and_a_complementary_relation() {
        let salerno = profile(1, "Provincia di Salerno", "15", &["AL", "ME"], &["tourism"]);
        let mut foggia = profile(2, "Provincia di Foggia", "16", &["AL"], &[]);
        foggia.relations = vec![
            rel("AL", "twinning", "Durrës", Some(2009)),
            rel("TN", "memorandum", "Sfax", Some(2015)),
        ];
        let ranked = rank(&salerno, &[foggia], &Filter::default());
        assert_eq!(ranked.len(), 1);
        assert_eq!(
            ranked[0].reasons,
            vec![
                Reason::SharedTarget {
                    country: "AL".into()
                },
                Reason::Relation {
                    holder: Holder::Candidate,
                    country: "AL".into(),
                    kind: "twinning".into(),
                    partner: "Durrës".into(),
                    since: Some(2009),
                },
            ],
            "the relation in Tunisia, which Salerno does not target, is no reason"
        );
        assert_eq!(ranked[0].score, W_SHARED_TARGET + W_RELATION);
    }

    #[test]
    fn the_viewers_own_relations_count_for_the_candidates_targets() {
        let mut bari = profile(1, "Bari", "16", &[], &[]);
        bari.relations = vec![rel("ME", "past_project", "Kotor", None)];
        let cosenza = profile(2, "Cosenza", "18", &["ME"], &[]);
        let ranked = rank(&bari, &[cosenza], &Filter::default());
        assert_eq!(ranked.len(), 1);
        assert!(matches!(
            &ranked[0].reasons[..],
            [Reason::Relation { holder: Holder::Viewer, country, .. }] if country == "ME"
        ));
    }

    #[test]
    fn experience_matches_countries_or_themes_of_the_other() {
        let viewer = profile(1, "A", "15", &["RS"], &["water"]);
        let mut other = profile(2, "B", "16", &[], &[]);
        other.experience = vec![
            Experience {
                title: "Aqua".into(),
                countries: s(&["LB"]),
                themes: s(&["water", "energy"]),
            },
            Experience {
                title: "Danube".into(),
                countries: s(&["RS", "RS", "BA"]),
                themes: s(&["water"]),
            },
            Experience {
                title: "Unrelated".into(),
                countries: s(&["MA"]),
                themes: s(&["health"]),
            },
        ];
        let ranked = rank(&viewer, &[other], &Filter::default());
        assert_eq!(
            ranked[0].reasons,
            vec![
                Reason::Experience {
                    holder: Holder::Candidate,
                    title: "Danube".into(),
                    countries: s(&["RS"]),
                    themes: s(&["water"]),
                },
                Reason::Experience {
                    holder: Holder::Candidate,
                    title: "Aqua".into(),
                    countries: vec![],
                    themes: s(&["water"]),
                },
            ]
        );
        assert_eq!(ranked[0].score, 2 * W_EXPERIENCE);
    }

    #[test]
    fn ties_are_broken_by_shared_targets_then_relations_then_name_then_id() {
        let viewer = profile(0, "Me", "15", &["AL", "ME", "TN"], &["t1", "t2", "t3"]);
        // Score 6 each: two themes (2+2+2=6), one target and... build explicitly.
        let themes_only = profile(1, "Alpha", "16", &[], &["t1", "t2", "t3"]); // 6, 0 targets
        let two_targets = profile(2, "Zeta", "16", &["AL", "ME"], &[]); // 6, 2 targets
        let mut target_and_relation = profile(3, "Beta", "18", &["TN"], &[]); // 3 + ...
        target_and_relation.themes = vec![];
        target_and_relation.experience = vec![Experience {
            title: "x".into(),
            countries: s(&["AL"]),
            themes: s(&["t1", "t2"]),
        }]; // 3 + 1 = 4
        let mut relation_holder = profile(4, "Gamma", "18", &[], &["t1"]); // 2
        relation_holder.relations = vec![
            rel("AL", "twinning", "Tirana", Some(2001)),
            rel("ME", "memorandum", "Bar", Some(2010)),
        ]; // 2 + 4 = 6, 0 targets, 2 relations
           // Same score, same counts, names differing only in case: folded name, then as written,
           // then id.
        let twin_a = profile(6, "delta", "18", &["AL", "ME"], &[]);
        let twin_b = profile(5, "Delta", "18", &["AL", "ME"], &[]);
        let twin_c = profile(7, "Delta", "18", &["AL", "ME"], &[]);
        let nothing = Profile {
            id: 8,
            name: "Empty".into(),
            region: None,
            targets: vec![],
            themes: vec![],
            relations: vec![],
            experience: vec![],
        };
        let others = vec![
            nothing,
            twin_c,
            themes_only,
            relation_holder,
            two_targets,
            target_and_relation,
            twin_a,
            twin_b,
        ];
        let ranked = rank(&viewer, &others, &Filter::default());
        let order: Vec<(u32, u32)> = ranked.iter().map(|m| (m.id, m.score)).collect();
        assert_eq!(
            order,
            vec![(5, 6), (7, 6), (6, 6), (2, 6), (4, 6), (1, 6), (3, 4)],
            "two targets first (Delta, Delta, delta, Zeta by folded name, then as written, then \
             id), then two relations (Gamma), then neither (Alpha); the administration with \
             nothing in common is left out"
        );
        // The same profiles in another order give the same list.
        let mut reversed = others.clone();
        reversed.reverse();
        assert_eq!(rank(&viewer, &reversed, &Filter::default()), ranked);
    }

    #[test]
    fn nothing_recorded_gives_nothing() {
        let empty = Profile {
            id: 1,
            name: "Empty".into(),
            region: None,
            targets: vec![],
            themes: vec![],
            relations: vec![],
            experience: vec![],
        };
        let full = profile(2, "Full", "16", &["AL"], &["tourism"]);
        assert!(rank(&empty, std::slice::from_ref(&full), &Filter::default()).is_empty());
        assert!(rank(&full, std::slice::from_ref(&empty), &Filter::default()).is_empty());
        assert!(rank(&full, &[], &Filter::default()).is_empty());
        // The viewer is never in its own list, even when it is among the others.
        assert!(rank(&full, std::slice::from_ref(&full), &Filter::default()).is_empty());
    }

    #[test]
    fn filters_by_country_theme_and_region() {
        let viewer = profile(0, "Me", "15", &["AL", "TN"], &["tourism", "water"]);
        let mut a = profile(1, "A", "16", &["AL"], &["tourism"]);
        a.relations = vec![rel("LB", "informal", "Beirut", None)];
        let b = profile(2, "B", "18", &["TN"], &["water"]);
        let mut c = profile(3, "C", "19", &["AL"], &[]);
        c.experience = vec![Experience {
            title: "p".into(),
            countries: s(&["MA"]),
            themes: s(&["water"]),
        }];
        let others = [a, b, c];
        let ids = |f: Filter| -> Vec<u32> {
            let mut v: Vec<u32> = rank(&viewer, &others, &f).iter().map(|m| m.id).collect();
            v.sort();
            v
        };
        assert_eq!(ids(Filter::default()), vec![1, 2, 3]);
        let country = |c: &str| Filter {
            country: Some(c.into()),
            ..Filter::default()
        };
        assert_eq!(ids(country("AL")), vec![1, 3]);
        assert_eq!(ids(country("LB")), vec![1], "a relation there counts");
        assert_eq!(
            ids(country("MA")),
            vec![3],
            "an earlier project there counts"
        );
        assert_eq!(ids(country("RS")), Vec::<u32>::new());
        let theme = |t: &str| Filter {
            theme: Some(t.into()),
            ..Filter::default()
        };
        assert_eq!(ids(theme("water")), vec![2, 3]);
        assert_eq!(ids(theme("tourism")), vec![1]);
        let region = Filter {
            region: Some("18".into()),
            ..Filter::default()
        };
        assert_eq!(ids(region), vec![2]);
        let both = Filter {
            country: Some("AL".into()),
            theme: Some("water".into()),
            region: None,
        };
        assert_eq!(ids(both), vec![3]);
    }

    #[test]
    fn duplicate_relations_count_once() {
        let viewer = profile(0, "Me", "15", &["AL"], &[]);
        let mut a = profile(1, "A", "16", &[], &[]);
        a.relations = vec![
            rel("AL", "twinning", "Durrës", Some(2009)),
            rel("AL", "twinning", "Durrës", Some(2009)),
            rel("AL", "informal", "Shkodër", None),
            rel("AL", "memorandum", "Vlorë", Some(2001)),
        ];
        let ranked = rank(&viewer, &[a], &Filter::default());
        let partners: Vec<&str> = ranked[0]
            .reasons
            .iter()
            .filter_map(|r| match r {
                Reason::Relation { partner, .. } => Some(partner.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            partners,
            vec!["Vlorë", "Durrës", "Shkodër"],
            "by year, unknown last"
        );
        assert_eq!(ranked[0].score, 3 * W_RELATION);
    }

    #[test]
    fn presence_in_a_country() {
        let mut a = profile(1, "Bari", "16", &[], &[]);
        a.relations = vec![
            rel("AL", "twinning", "Durrës", Some(2009)),
            rel("AL", "past_project", "Tirana", Some(2012)),
            rel("TN", "memorandum", "Sfax", None),
        ];
        let mut b = profile(2, "Anzio", "12", &[], &[]);
        b.relations = vec![rel("AL", "twinning", "Fier", None)];
        let c = profile(3, "Cosenza", "18", &["AL"], &[]);
        let p = in_country(&[b, c, a], "AL");
        assert_eq!(p.len(), 2, "a target alone is no relation");
        assert_eq!(p[0].id, 1);
        assert_eq!(
            p[0].kinds,
            vec![("past_project".into(), 1), ("twinning".into(), 1)]
        );
        assert_eq!(p[0].relations[0].partner, "Durrës");
        assert_eq!(p[1].id, 2);
        assert!(in_country::<u32>(&[], "AL").is_empty());
    }
}
