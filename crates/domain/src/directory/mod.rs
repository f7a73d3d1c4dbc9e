//! The community's directory of people: who they are (administration, role), which languages
//! they speak, what they know (competences) and where and on what they have worked (countries,
//! themes). A person is listed only once they chose to be (nothing shows before they have seen
//! the choice), and each field shows only as far as they choose: the whole programme, their own
//! administration, or nobody. The matching of a search is in `search`.

pub mod search;

use crate::library::places;
use crate::policy::Rule;
use crate::roles::{Principal, Role};
use crate::validation::{optional_line, Errors};
use serde::Serialize;
use std::collections::HashSet;
use uuid::Uuid;

/// Who may reach the directory: anyone signed in; what each one sees is decided per field.
pub const POLICY: &[(&str, Rule)] = &[
    ("directory.list", Rule::SignedIn),
    ("directory.mine", Rule::SignedIn),
    ("directory.save", Rule::SignedIn),
];

/// Longest role (job title), in characters.
pub const MAX_ROLE: usize = 200;
/// Most countries or themes of one entry.
pub const MAX_CHOICES: usize = 40;
/// People on one page of the directory.
pub const PAGE_SIZE: usize = 50;

/// How far a field is seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// Only the person.
    Nobody,
    /// People of the person's own administration.
    Administration,
    /// Everyone taking part in the programme.
    Programme,
}

impl Reach {
    pub const ALL: [Reach; 3] = [Reach::Programme, Reach::Administration, Reach::Nobody];

    pub const fn code(self) -> &'static str {
        match self {
            Reach::Nobody => "nobody",
            Reach::Administration => "administration",
            Reach::Programme => "programme",
        }
    }

    pub fn parse(code: &str) -> Option<Reach> {
        Reach::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// The fields of an entry whose reach the person chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Administration,
    Role,
    Languages,
    Competences,
    Countries,
    Themes,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Administration,
        Field::Role,
        Field::Languages,
        Field::Competences,
        Field::Countries,
        Field::Themes,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            Field::Administration => "administration",
            Field::Role => "role",
            Field::Languages => "languages",
            Field::Competences => "competences",
            Field::Countries => "countries",
            Field::Themes => "themes",
        }
    }

    /// The form field that carries the field's reach.
    pub const fn reach_field(self) -> &'static str {
        match self {
            Field::Administration => "reach_administration",
            Field::Role => "reach_role",
            Field::Languages => "reach_languages",
            Field::Competences => "reach_competences",
            Field::Countries => "reach_countries",
            Field::Themes => "reach_themes",
        }
    }
}

/// The reach of each field, in the order of `Field::ALL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reaches(pub [Reach; 6]);

impl Default for Reaches {
    /// What the form proposes: who one is and where one works to the programme, the rest to
    /// one's administration. Nothing is listed until the person saves the form.
    fn default() -> Reaches {
        Reaches([
            Reach::Programme,
            Reach::Programme,
            Reach::Administration,
            Reach::Administration,
            Reach::Administration,
            Reach::Administration,
        ])
    }
}

impl Reaches {
    pub fn of(&self, field: Field) -> Reach {
        self.0[field as usize]
    }
}

/// How the viewer stands to the person whose entry is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relation {
    /// The viewer is the person.
    pub own: bool,
    /// The viewer belongs to the person's administration.
    pub same_administration: bool,
    /// The viewer takes part in the programme (anyone signed in but local actors, who see only
    /// their tables).
    pub in_programme: bool,
}

impl Relation {
    /// How `viewer` stands to the person `person` whose administration is `administration`.
    pub fn of(viewer: &Principal, person: Uuid, administration: Option<Uuid>) -> Relation {
        Relation {
            own: viewer.user_id == person,
            same_administration: administration
                .is_some_and(|a| viewer.organisations().contains(&a)),
            in_programme: viewer.grants.iter().any(|g| g.role != Role::Actor),
        }
    }
}

/// Whether a field of reach `reach` is shown to a viewer standing as `relation`: the person sees
/// all of their own entry; nobody else sees a field kept to nobody; a field kept to the
/// administration is seen by its people; a field open to the programme by everyone in it (and by
/// the person's administration, whoever they are).
pub fn visible(reach: Reach, relation: Relation) -> bool {
    if relation.own {
        return true;
    }
    match reach {
        Reach::Nobody => false,
        Reach::Administration => relation.same_administration,
        Reach::Programme => relation.in_programme || relation.same_administration,
    }
}

/// A person's choice, as checked: whether they are listed, their role, the countries and themes
/// of their experience, and the reach of each field. Languages and competences are those of the
/// person's profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub listed: bool,
    pub role: Option<String>,
    pub countries: Vec<String>,
    pub themes: Vec<String>,
    pub reaches: Reaches,
}

/// Checks the directory form (`pairs` as sent, repeated names for the lists); `themes` are the
/// theme codes that exist (`m:…` macro-areas, `dac:…` sectors).
pub fn check_entry(pairs: &[(String, String)], themes: &HashSet<String>) -> Result<Entry, Errors> {
    let mut errors = Errors::default();
    let one = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let listed = match one("listed") {
        Some("yes") => true,
        Some("no") => false,
        _ => {
            errors.add("listed", "directory-error-listed");
            false
        }
    };
    let role = optional_line(&mut errors, "role", one("role").unwrap_or(""), MAX_ROLE);
    let mut countries: Vec<String> = Vec::new();
    let mut chosen_themes: Vec<String> = Vec::new();
    for (name, value) in pairs {
        // An empty value (a list left without a choice) chooses nothing.
        if value.is_empty() {
            continue;
        }
        match name.as_str() {
            "countries" if places::country(value).is_none() => {
                errors.add("countries", "error-unknown-choice")
            }
            "countries" if !countries.contains(value) => countries.push(value.clone()),
            "themes" if !themes.contains(value) => errors.add("themes", "error-unknown-choice"),
            "themes" if !chosen_themes.contains(value) => chosen_themes.push(value.clone()),
            _ => {}
        }
    }
    if countries.len() > MAX_CHOICES {
        errors.add("countries", "directory-error-too-many");
    }
    if chosen_themes.len() > MAX_CHOICES {
        errors.add("themes", "directory-error-too-many");
    }
    let mut reaches = Reaches::default();
    for field in Field::ALL {
        match one(field.reach_field()).and_then(Reach::parse) {
            Some(r) => reaches.0[field as usize] = r,
            None => errors.add(field.reach_field(), "directory-error-reach"),
        }
    }
    errors.into_result(Entry {
        listed,
        role,
        countries,
        themes: chosen_themes,
        reaches,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::{Grant, SpaceKind};

    const ALL_RELATIONS: [Relation; 4] = [
        Relation {
            own: false,
            same_administration: false,
            in_programme: false,
        },
        Relation {
            own: false,
            same_administration: false,
            in_programme: true,
        },
        Relation {
            own: false,
            same_administration: true,
            in_programme: true,
        },
        Relation {
            own: true,
            same_administration: true,
            in_programme: true,
        },
    ];

    #[test]
    fn each_reach_shows_as_far_as_chosen() {
        let seen = |reach| {
            ALL_RELATIONS
                .iter()
                .map(|r| visible(reach, *r))
                .collect::<Vec<_>>()
        };
        // outsider, programme, own administration, the person
        assert_eq!(seen(Reach::Programme), [false, true, true, true]);
        assert_eq!(seen(Reach::Administration), [false, false, true, true]);
        assert_eq!(seen(Reach::Nobody), [false, false, false, true]);
    }

    #[test]
    fn a_wider_reach_never_shows_less() {
        for r in ALL_RELATIONS {
            assert!(visible(Reach::Nobody, r) <= visible(Reach::Administration, r));
            assert!(visible(Reach::Administration, r) <= visible(Reach::Programme, r));
        }
    }

    #[test]
    fn relation_reads_grants() {
        let org = Uuid::from_u128(7);
        let person = Uuid::from_u128(1);
        let grant = |role, space, space_id| Grant {
            role,
            space,
            space_id,
        };
        let colleague = Principal {
            user_id: Uuid::from_u128(2),
            grants: vec![grant(Role::Member, SpaceKind::Organisation, Some(org))],
        };
        let r = Relation::of(&colleague, person, Some(org));
        assert!(r.same_administration && r.in_programme && !r.own);
        let actor = Principal {
            user_id: Uuid::from_u128(3),
            grants: vec![grant(
                Role::Actor,
                SpaceKind::Organisation,
                Some(Uuid::from_u128(9)),
            )],
        };
        let r = Relation::of(&actor, person, Some(org));
        assert!(!r.same_administration && !r.in_programme);
        assert!(!visible(Reach::Programme, r));
        let me = Principal {
            user_id: person,
            grants: vec![],
        };
        assert!(visible(Reach::Nobody, Relation::of(&me, person, None)));
        // No administration: "own administration" is nobody else.
        assert!(!Relation::of(&colleague, person, None).same_administration);
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn full() -> Vec<(&'static str, &'static str)> {
        vec![
            ("listed", "yes"),
            ("role", "Funzionaria, ufficio Europa"),
            ("countries", "AL"),
            ("countries", "RS"),
            ("countries", "AL"),
            ("themes", "dac:15125"),
            ("reach_administration", "programme"),
            ("reach_role", "programme"),
            ("reach_languages", "administration"),
            ("reach_competences", "programme"),
            ("reach_countries", "nobody"),
            ("reach_themes", "programme"),
        ]
    }

    #[test]
    fn a_full_form_is_taken() {
        let themes: HashSet<String> = ["dac:15125".to_string()].into();
        let e = check_entry(&pairs(&full()), &themes).unwrap();
        assert!(e.listed);
        assert_eq!(e.countries, ["AL", "RS"]);
        assert_eq!(e.themes, ["dac:15125"]);
        assert_eq!(e.reaches.of(Field::Countries), Reach::Nobody);
        assert_eq!(e.reaches.of(Field::Languages), Reach::Administration);
    }

    #[test]
    fn bad_choices_are_refused_by_field() {
        let themes: HashSet<String> = HashSet::new();
        let mut f = full();
        f.retain(|(n, _)| !["listed", "reach_role", "reach_themes"].contains(n));
        f.push(("countries", "ZZ"));
        f.push(("reach_themes", "everyone"));
        let e = check_entry(&pairs(&f), &themes).unwrap_err();
        assert_eq!(e.for_field("listed"), Some("directory-error-listed"));
        assert_eq!(e.for_field("reach_role"), Some("directory-error-reach"));
        assert_eq!(e.for_field("countries"), Some("error-unknown-choice"));
        assert_eq!(e.for_field("themes"), Some("error-unknown-choice"));
        let mut f = full();
        f.push(("role", "a\nb"));
        f.retain(|(n, v)| *n != "role" || *v == "a\nb");
        let e = check_entry(&pairs(&f), &HashSet::from(["dac:15125".to_string()])).unwrap_err();
        assert_eq!(e.for_field("role"), Some("error-line-break"));
    }
}
