//! The interregional network (strand C): each administration's relations with foreign partners
//! (`relations`), its past cooperation experience (`experience`), interregional groups of
//! administrations of different regions (`groups`) and their joint initiatives with their life
//! (`initiatives`). Here: the policy, how widely a record is shared (`Sharing`), who sees which
//! record (`Viewer`) and the checks of the short lists (themes, countries, years) every form uses.

pub mod experience;
pub mod groups;
pub mod initiatives;
pub mod map;
pub mod matching;
pub mod relations;

use crate::policy::Rule;
use crate::roles::{Principal, Role, SpaceKind};
use crate::validation::Errors;
use serde::Serialize;
use uuid::Uuid;

/// Everyone who works in an administration's network records, with staff.
const PEOPLE: &[Role] = &[
    Role::Admin,
    Role::Staff,
    Role::Tutor,
    Role::Coordinator,
    Role::Member,
];
/// Who records relations and experience: an administration's coordinator and members, for their
/// own administration (checked per record).
const EDITORS: &[Role] = &[Role::Coordinator, Role::Member];
/// Who forms a group: staff (and the operator), or an administration's coordinator.
const FOUNDERS: &[Role] = &[Role::Admin, Role::Staff, Role::Coordinator];
/// Who works in a group: staff, and the coordinators and members of its administrations
/// (checked per group).
const GROUP_PEOPLE: &[Role] = &[Role::Admin, Role::Staff, Role::Coordinator, Role::Member];

/// Who may reach each page and action of the network. Whether the person may see or change the
/// record asked about is decided per record, once it is read.
pub const POLICY: &[(&str, Rule)] = &[
    ("network.overview", Rule::Held(PEOPLE)),
    ("network.relations", Rule::Held(PEOPLE)),
    ("network.relation_new", Rule::Held(EDITORS)),
    ("network.relation_create", Rule::Held(EDITORS)),
    ("network.relation_show", Rule::Held(PEOPLE)),
    ("network.relation_edit", Rule::Held(EDITORS)),
    ("network.relation_update", Rule::Held(EDITORS)),
    ("network.relation_delete", Rule::Held(EDITORS)),
    ("network.experiences", Rule::Held(PEOPLE)),
    ("network.experience_new", Rule::Held(EDITORS)),
    ("network.experience_create", Rule::Held(EDITORS)),
    ("network.experience_show", Rule::Held(PEOPLE)),
    ("network.experience_edit", Rule::Held(EDITORS)),
    ("network.experience_update", Rule::Held(EDITORS)),
    ("network.experience_publish", Rule::Held(EDITORS)),
    ("network.groups", Rule::Held(PEOPLE)),
    ("network.group_new", Rule::Held(FOUNDERS)),
    ("network.group_create", Rule::Held(FOUNDERS)),
    ("network.group_show", Rule::Held(PEOPLE)),
    ("network.group_edit", Rule::Held(FOUNDERS)),
    ("network.group_update", Rule::Held(FOUNDERS)),
    ("network.member_add", Rule::Held(FOUNDERS)),
    ("network.member_remove", Rule::Held(FOUNDERS)),
    ("network.relation_pool", Rule::Held(EDITORS)),
    ("network.relation_unpool", Rule::Held(EDITORS)),
    ("network.initiative_new", Rule::Held(GROUP_PEOPLE)),
    ("network.initiative_create", Rule::Held(GROUP_PEOPLE)),
    ("network.initiative_show", Rule::Held(PEOPLE)),
    ("network.initiative_move", Rule::Held(GROUP_PEOPLE)),
    ("network.initiative_edit", Rule::Held(GROUP_PEOPLE)),
    ("network.initiative_update", Rule::Held(GROUP_PEOPLE)),
];

/// The code of the programme's strand whose labs are scheduled for the interregional groups.
pub const STRAND: &str = "C";
/// Most themes, countries or partners one record names.
pub const MAX_TAGS: usize = 40;
/// Longest one-line field (titles, names, programmes), in characters.
pub const MAX_LINE: usize = 300;
/// Longest text field (purpose, results, lessons, notes), in characters.
pub const MAX_TEXT: usize = 10_000;
/// The earliest year a relation or an experience can start.
pub const FIRST_YEAR: i32 = 1950;

/// How widely an administration shares one of its records with the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sharing {
    /// The administration itself, staff and tutors (and the groups it is pooled into).
    Private,
    /// Every signed-in person of the programme.
    Programme,
    /// Everyone, and the open data.
    Public,
}

impl Sharing {
    pub const ALL: [Sharing; 3] = [Sharing::Private, Sharing::Programme, Sharing::Public];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Sharing::Private => "private",
            Sharing::Programme => "programme",
            Sharing::Public => "public",
        }
    }

    pub fn parse(code: &str) -> Option<Sharing> {
        Sharing::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl TryFrom<String> for Sharing {
    type Error = crate::codes::UnknownCode;
    fn try_from(code: String) -> Result<Sharing, Self::Error> {
        Sharing::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "network sharing level",
            code,
        })
    }
}

/// Whether `who` may set `sharing` on a record of `administration`: only its coordinator makes
/// a record public (it goes into the open data); its members may keep it private or share it
/// with the programme.
pub fn may_share(who: &Principal, administration: Uuid, sharing: Sharing) -> bool {
    match sharing {
        Sharing::Public => who.has_in_organisation(Role::Coordinator, administration),
        Sharing::Private | Sharing::Programme => may_edit(who, administration),
    }
}

/// Whether `who` records relations and experience for `administration`: its coordinator and
/// members.
pub fn may_edit(who: &Principal, administration: Uuid) -> bool {
    who.has_in_organisation(Role::Coordinator, administration)
        || who.has_in_organisation(Role::Member, administration)
}

/// What one person may see of the network's records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Viewer {
    /// Staff, the operator and tutors see every record.
    pub everything: bool,
    /// A signed-in person of the programme (not only a local actor): sees what is shared with
    /// the programme.
    pub programme: bool,
    /// The administrations whose own records the person sees (where they are coordinator or
    /// member).
    pub administrations: Vec<Uuid>,
    /// The groups whose pooled relations the person sees (groups of their administrations).
    pub groups: Vec<Uuid>,
}

impl Viewer {
    /// A guest: public records only.
    pub fn guest() -> Viewer {
        Viewer::default()
    }

    /// The viewer `who` is (none: a guest), given the groups their administrations belong to.
    pub fn of(who: Option<&Principal>, groups: Vec<Uuid>) -> Viewer {
        let Some(p) = who else {
            return Viewer::guest();
        };
        let everything = p.has_global(Role::Admin)
            || p.has_global(Role::Staff)
            || p.grants.iter().any(|g| g.role == Role::Tutor);
        let programme = everything || p.grants.iter().any(|g| g.role != Role::Actor);
        let mut administrations: Vec<Uuid> = p
            .grants
            .iter()
            .filter(|g| g.space == SpaceKind::Organisation)
            .filter(|g| matches!(g.role, Role::Coordinator | Role::Member))
            .filter_map(|g| g.space_id)
            .collect();
        administrations.sort();
        administrations.dedup();
        Viewer {
            everything,
            programme,
            administrations,
            groups,
        }
    }

    /// Whether a record of `administration` shared at `sharing`, pooled into `pooled` groups,
    /// is seen.
    pub fn sees(&self, administration: Uuid, sharing: Sharing, pooled: &[Uuid]) -> bool {
        self.everything
            || self.administrations.contains(&administration)
            || match sharing {
                Sharing::Public => true,
                Sharing::Programme => self.programme,
                Sharing::Private => false,
            }
            || pooled.iter().any(|g| self.groups.contains(g))
    }

    /// The sharing levels seen for any administration (beyond the viewer's own records).
    pub fn levels(&self) -> Vec<Sharing> {
        if self.everything || self.programme {
            vec![Sharing::Programme, Sharing::Public]
        } else {
            vec![Sharing::Public]
        }
    }
}

/// Checks a list of theme codes (`m:…` macro-areas, `dac:…` DAC sectors) against the known
/// vocabularies: without repeats, at most `MAX_TAGS`, `required` when at least one is needed.
pub fn check_themes(
    e: &mut Errors,
    field: &'static str,
    themes: &[String],
    known_theme: impl Fn(&str) -> bool,
    required: bool,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in themes {
        let t = t.trim();
        if t.is_empty() || out.iter().any(|x| x == t) {
            continue;
        }
        if !crate::library::is_theme_code(t) || !known_theme(t) {
            e.add(field, "error-unknown-choice");
            return out;
        }
        out.push(t.to_string());
    }
    if required && out.is_empty() {
        e.add(field, "error-network-themes");
    } else if out.len() > MAX_TAGS {
        e.add(field, "error-network-too-many");
    }
    out
}

/// A foreign country's ISO 3166-1 code as typed, upper-cased; `None` (with the error on `field`)
/// when it is not a known code or is Italy.
pub fn check_country(e: &mut Errors, field: &'static str, code: &str) -> Option<String> {
    let c = code.trim().to_ascii_uppercase();
    if c.is_empty() {
        e.add(field, "error-required");
        None
    } else if c == "IT" || !crate::organisations::countries::is_code(&c) {
        e.add(field, "error-country");
        None
    } else {
        Some(c)
    }
}

/// A list of foreign countries, without repeats; `required` when at least one is needed.
pub fn check_countries(
    e: &mut Errors,
    field: &'static str,
    codes: &[String],
    required: bool,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in codes {
        if c.trim().is_empty() {
            continue;
        }
        let before = e.0.len();
        match check_country(e, field, c) {
            Some(c) if !out.contains(&c) => out.push(c),
            Some(_) => {}
            None if e.0.len() > before => return out,
            None => {}
        }
    }
    if required && out.is_empty() {
        e.add(field, "error-required");
    } else if out.len() > MAX_TAGS {
        e.add(field, "error-network-too-many");
    }
    out
}

/// A period in years as typed: a start year (required) and an end year (empty while it goes
/// on), between `FIRST_YEAR` and ten years after `this_year`, the end not before the start.
pub fn check_period(
    e: &mut Errors,
    start: &str,
    end: &str,
    this_year: i32,
) -> (Option<i32>, Option<i32>) {
    let year = |e: &mut Errors, field: &'static str, text: &str| -> Option<i32> {
        match text.trim().parse::<i32>() {
            Ok(y) if (FIRST_YEAR..=this_year + 10).contains(&y) => Some(y),
            _ => {
                e.add(field, "error-network-year");
                None
            }
        }
    };
    let start_year = if start.trim().is_empty() {
        e.add("start_year", "error-required");
        None
    } else {
        year(e, "start_year", start)
    };
    let end_year = if end.trim().is_empty() {
        None
    } else {
        year(e, "end_year", end)
    };
    if let (Some(s), Some(t)) = (start_year, end_year) {
        if t < s {
            e.add("end_year", "error-network-period");
        }
    }
    (start_year, end_year)
}

/// An amount in euro as typed (`1.234,56`, `1,234.56`, `1234`), in cents; empty is `None`.
pub fn check_amount(
    e: &mut Errors,
    field: &'static str,
    text: &str,
    locale: crate::locale::Locale,
) -> Option<i64> {
    if text.trim().is_empty() {
        return None;
    }
    match crate::products::budget::money::parse_amount(
        text,
        locale,
        crate::products::budget::money::Currency::Eur,
    ) {
        Ok(cents) => Some(cents),
        Err(_) => {
            e.add(field, "error-network-amount");
            None
        }
    }
}

/// An optional contact e-mail address.
pub fn check_email(e: &mut Errors, field: &'static str, text: &str) -> String {
    let t = text.trim();
    if !t.is_empty() && !crate::validation::is_email(t) {
        e.add(field, "error-email");
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Locale;
    use crate::roles::Grant;

    fn person(grants: &[(Role, Option<Uuid>)]) -> Principal {
        Principal {
            user_id: Uuid::from_u128(1),
            grants: grants
                .iter()
                .map(|(role, space_id)| Grant {
                    role: *role,
                    space: role.space_kind(),
                    space_id: *space_id,
                })
                .collect(),
        }
    }

    #[test]
    fn each_sharing_level_reaches_whom_it_says() {
        let own = Uuid::from_u128(10);
        let other = Uuid::from_u128(20);
        let group = Uuid::from_u128(30);
        let member = Viewer::of(Some(&person(&[(Role::Member, Some(own))])), vec![]);
        let elsewhere = Viewer::of(Some(&person(&[(Role::Coordinator, Some(other))])), vec![]);
        let in_group = Viewer::of(
            Some(&person(&[(Role::Coordinator, Some(other))])),
            vec![group],
        );
        let tutor = Viewer::of(Some(&person(&[(Role::Tutor, Some(other))])), vec![]);
        let staff = Viewer::of(Some(&person(&[(Role::Staff, Some(own))])), vec![]);
        let actor = Viewer::of(Some(&person(&[(Role::Actor, Some(other))])), vec![]);
        let guest = Viewer::of(None, vec![]);
        for s in Sharing::ALL {
            assert!(member.sees(own, s, &[]), "own {s:?}");
            assert!(tutor.sees(own, s, &[]), "tutor {s:?}");
            assert!(staff.sees(own, s, &[]), "staff {s:?}");
            assert!(in_group.sees(own, s, &[group]), "pooled {s:?}");
        }
        assert!(!elsewhere.sees(own, Sharing::Private, &[]));
        assert!(!elsewhere.sees(own, Sharing::Private, &[group]));
        assert!(elsewhere.sees(own, Sharing::Programme, &[]));
        assert!(!actor.sees(own, Sharing::Programme, &[]));
        assert!(!guest.sees(own, Sharing::Programme, &[]));
        assert!(guest.sees(own, Sharing::Public, &[]));
        assert!(actor.sees(own, Sharing::Public, &[]));
        assert_eq!(guest.levels(), vec![Sharing::Public]);
    }

    #[test]
    fn only_the_coordinator_makes_a_record_public() {
        let own = Uuid::from_u128(10);
        let coordinator = person(&[(Role::Coordinator, Some(own))]);
        let member = person(&[(Role::Member, Some(own))]);
        let staff = person(&[(Role::Staff, Some(own))]);
        assert!(may_share(&coordinator, own, Sharing::Public));
        assert!(!may_share(&member, own, Sharing::Public));
        assert!(may_share(&member, own, Sharing::Programme));
        assert!(!may_share(&staff, own, Sharing::Private));
        assert!(!may_share(
            &coordinator,
            Uuid::from_u128(11),
            Sharing::Private
        ));
    }

    #[test]
    fn periods_and_amounts() {
        let mut e = Errors::default();
        assert_eq!(check_period(&mut e, "2009", "", 2026), (Some(2009), None));
        assert!(e.is_empty());
        check_period(&mut e, "2015", "2012", 2026);
        assert_eq!(e.for_field("end_year"), Some("error-network-period"));
        let mut e = Errors::default();
        check_period(&mut e, "1800", "abc", 2026);
        assert_eq!(e.for_field("start_year"), Some("error-network-year"));
        assert_eq!(e.for_field("end_year"), Some("error-network-year"));
        let mut e = Errors::default();
        assert_eq!(
            check_amount(&mut e, "amount", "1.234,56", Locale::It),
            Some(123_456)
        );
        assert_eq!(check_amount(&mut e, "amount", "", Locale::It), None);
        assert!(e.is_empty());
        assert_eq!(check_amount(&mut e, "amount", "12,3,4", Locale::En), None);
        assert_eq!(e.for_field("amount"), Some("error-network-amount"));
    }

    #[test]
    fn countries_are_foreign_and_known() {
        let mut e = Errors::default();
        let list = check_countries(
            &mut e,
            "countries",
            &["al".into(), "AL".into(), "me".into(), " ".into()],
            true,
        );
        assert_eq!(list, vec!["AL", "ME"]);
        assert!(e.is_empty());
        check_countries(&mut e, "countries", &["ZZ".into()], true);
        assert_eq!(e.for_field("countries"), Some("error-country"));
        let mut e = Errors::default();
        check_country(&mut e, "country", "IT");
        assert_eq!(e.for_field("country"), Some("error-country"));
        let mut e = Errors::default();
        check_countries(&mut e, "countries", &[], true);
        assert_eq!(e.for_field("countries"), Some("error-required"));
    }
}
