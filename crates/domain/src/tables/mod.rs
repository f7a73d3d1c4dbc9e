//! Territorial tables (strand B): standing tables of local public and private actors around a lead
//! administration. The table's record and its life (being formed → constituted → active →
//! dormant) here; its members and representatives in `members`; its meetings in `meetings`; their
//! minutes in `minutes`; the commitments its meetings decide in `commitments`; who sees and
//! manages a table in `access`.

pub mod access;
pub mod commitments;
pub mod meetings;
pub mod members;
pub mod minutes;

use crate::policy::Rule;
use crate::roles::Role;
use crate::validation::{optional_date, optional_text, required_line, required_text, Errors};
use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

/// Who may reach each page and action of the tables. Whether the person may see or manage the
/// table asked about is decided per table in `access`, once the table is read.
pub const POLICY: &[(&str, Rule)] = &[
    ("tables.list", Rule::Public),
    ("tables.public", Rule::Public),
    ("tables.show", Rule::SignedIn),
    ("tables.new", Rule::Held(CREATORS)),
    ("tables.create", Rule::Held(CREATORS)),
    ("tables.edit", Rule::Held(SECRETARIAT)),
    ("tables.update", Rule::Held(SECRETARIAT)),
    ("tables.status", Rule::Held(SECRETARIAT)),
    ("tables.memorandum", Rule::Held(SECRETARIAT)),
    ("tables.signatory_add", Rule::Held(SECRETARIAT)),
    ("tables.member_add", Rule::Held(SECRETARIAT)),
    ("tables.actor_add", Rule::Held(SECRETARIAT)),
    ("tables.member_leave", Rule::Held(SECRETARIAT)),
    ("tables.representative_add", Rule::Held(SECRETARIAT)),
    ("tables.secretariat_add", Rule::Held(CREATORS)),
    ("tables.meeting_show", Rule::SignedIn),
    ("tables.meeting_feed", Rule::SignedIn),
    ("tables.feed_token", Rule::SignedIn),
    ("tables.feed_revoke", Rule::SignedIn),
    ("tables.feed_personal", Rule::Public),
    ("tables.meeting_new", Rule::Held(SECRETARIAT)),
    ("tables.meeting_convene", Rule::Held(SECRETARIAT)),
    ("tables.meeting_edit", Rule::Held(SECRETARIAT)),
    ("tables.meeting_update", Rule::Held(SECRETARIAT)),
    ("tables.meeting_cancel", Rule::Held(SECRETARIAT)),
    ("tables.meeting_attendance", Rule::Held(SECRETARIAT)),
    ("tables.minutes_show", Rule::SignedIn),
    ("tables.minutes_compare", Rule::SignedIn),
    ("tables.minutes_docx", Rule::Public),
    ("tables.minutes_pdf", Rule::Public),
    ("tables.minutes_draft", Rule::Held(SECRETARIAT)),
    ("tables.minutes_edit", Rule::Held(SECRETARIAT)),
    ("tables.minutes_amend", Rule::Held(SECRETARIAT)),
    ("tables.minutes_circulate", Rule::Held(SECRETARIAT)),
    ("tables.minutes_comment", Rule::SignedIn),
    ("tables.minutes_approve", Rule::Held(SECRETARIAT)),
    ("tables.minutes_publish", Rule::Held(SECRETARIAT)),
    ("tables.commitment_show", Rule::SignedIn),
    ("tables.commitment_new", Rule::Held(SECRETARIAT)),
    ("tables.commitment_create", Rule::Held(SECRETARIAT)),
    ("tables.commitment_edit", Rule::Held(SECRETARIAT)),
    ("tables.commitment_update", Rule::Held(SECRETARIAT)),
    ("tables.commitment_progress", Rule::Held(REPRESENTING)),
];

/// Who creates a table: programme staff (and the operator) or an administration's coordinator,
/// for their own administration. The coordinator of the lead administration also names the
/// secretariat.
const CREATORS: &[Role] = &[Role::Admin, Role::Staff, Role::Coordinator];
/// Who can be in a table's secretariat: the lead administration's coordinator and the members it
/// names, with staff and the operator.
const SECRETARIAT: &[Role] = &[Role::Admin, Role::Staff, Role::Coordinator, Role::Member];
/// Who may update a commitment: the secretariat, and the representatives of the organisation that
/// owes it (actors, members or coordinators of that organisation).
const REPRESENTING: &[Role] = &[
    Role::Admin,
    Role::Staff,
    Role::Coordinator,
    Role::Member,
    Role::Actor,
];

/// Longest name, in characters.
pub const MAX_NAME: usize = 200;
/// The code of the programme's strand whose labs are scheduled for the members of a table.
pub const STRAND: &str = "B";
/// Longest purpose, in characters.
pub const MAX_PURPOSE: usize = 5_000;
/// Longest rules of procedure (Markdown), in characters.
pub const MAX_RULES: usize = 100_000;
/// Most places a table covers.
pub const MAX_PLACES: usize = 400;
/// Most themes and target countries a table names.
pub const MAX_TAGS: usize = 40;

/// Where a table is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Being formed: the lead administration gathers the actors.
    Forming,
    /// Constituted: the memorandum of understanding is signed.
    Constituted,
    /// Active: meeting and following up its commitments.
    Active,
    /// Dormant: not meeting any more; it can become active again.
    Dormant,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Forming,
        Status::Constituted,
        Status::Active,
        Status::Dormant,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Status::Forming => "forming",
            Status::Constituted => "constituted",
            Status::Active => "active",
            Status::Dormant => "dormant",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The states a table in this state can move to.
    pub fn next(self) -> &'static [Status] {
        match self {
            Status::Forming => &[Status::Constituted],
            Status::Constituted => &[Status::Active, Status::Dormant],
            Status::Active => &[Status::Dormant],
            Status::Dormant => &[Status::Active],
        }
    }
}

impl TryFrom<String> for Status {
    type Error = crate::codes::UnknownCode;
    fn try_from(code: String) -> Result<Status, Self::Error> {
        Status::parse(&code).ok_or(crate::codes::UnknownCode {
            what: "table status",
            code,
        })
    }
}

/// The dates of a table's life: when each state began (the latest time, for a table that went
/// dormant and came back).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Dates {
    pub formed_on: Option<NaiveDate>,
    pub constituted_on: Option<NaiveDate>,
    pub active_since: Option<NaiveDate>,
    pub dormant_since: Option<NaiveDate>,
}

impl Dates {
    /// The date the current state `status` began.
    pub fn of(&self, status: Status) -> Option<NaiveDate> {
        match status {
            Status::Forming => self.formed_on,
            Status::Constituted => self.constituted_on,
            Status::Active => self.active_since,
            Status::Dormant => self.dormant_since,
        }
    }
}

/// Moves a table from `from` to `to` on date `on`: the move must be one the table can make, on a
/// date not before the current state began and not after `today`, and a table is constituted
/// only once its memorandum of understanding is recorded. Returns the new dates, or the message
/// key of the refusal.
pub fn transition(
    from: Status,
    dates: Dates,
    to: Status,
    on: NaiveDate,
    today: NaiveDate,
    has_memorandum: bool,
) -> Result<Dates, &'static str> {
    if !from.next().contains(&to) {
        return Err("error-table-status-move");
    }
    if on > today {
        return Err("error-table-status-future");
    }
    if dates.of(from).is_some_and(|began| on < began) {
        return Err("error-table-status-before");
    }
    if to == Status::Constituted && !has_memorandum {
        return Err("error-table-no-memorandum");
    }
    let mut out = dates;
    match to {
        Status::Forming => out.formed_on = Some(on),
        Status::Constituted => out.constituted_on = Some(on),
        Status::Active => {
            out.active_since = Some(on);
            out.dormant_since = None;
        }
        Status::Dormant => out.dormant_since = Some(on),
    }
    Ok(out)
}

/// Checks a new date on which the table began forming against what followed it: it may not be
/// later than the table's constitution or activity (`dates`) nor than the day any member joined.
/// Returns the message key of the refusal.
pub fn check_formed_on(
    formed_on: NaiveDate,
    dates: &Dates,
    joined: impl IntoIterator<Item = NaiveDate>,
) -> Result<(), &'static str> {
    if [dates.constituted_on, dates.active_since]
        .into_iter()
        .flatten()
        .any(|d| formed_on > d)
    {
        return Err("error-table-formed-after-status");
    }
    if joined.into_iter().any(|d| formed_on > d) {
        return Err("error-table-formed-after-member");
    }
    Ok(())
}

/// A place of the territory as the ISTAT list (or the registry) names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Place {
    /// ISTAT code: 3 digits for a province or metropolitan city, 6 for a municipality.
    pub code: String,
    pub name: String,
    /// ISTAT region code (2 digits).
    pub region: String,
}

/// The ISTAT codes typed for a territory (separated by commas, semicolons or spaces), without
/// repeats; `None` with the message key when one is not a province (3 digits) or municipality
/// (6 digits) code, or when there are none or too many.
pub fn territory_codes(text: &str) -> Result<Vec<String>, &'static str> {
    let mut out: Vec<String> = Vec::new();
    for code in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|c| !c.is_empty())
    {
        if !(code.len() == 3 || code.len() == 6) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err("error-table-territory-code");
        }
        if !out.iter().any(|c| c == code) {
            out.push(code.to_string());
        }
    }
    if out.is_empty() {
        return Err("error-required");
    }
    if out.len() > MAX_PLACES {
        return Err("error-table-too-many");
    }
    Ok(out)
}

/// Checks the places found for a territory: every typed code found, and all in the region of the
/// lead administration (a table is a territory's table).
pub fn check_territory(
    codes: &[String],
    found: &[Place],
    lead_region: &str,
) -> Result<Vec<Place>, &'static str> {
    let mut out = Vec::new();
    for code in codes {
        let Some(place) = found.iter().find(|p| p.code == *code) else {
            return Err("error-table-territory-unknown");
        };
        if place.region != lead_region {
            return Err("error-table-territory-region");
        }
        out.push(place.clone());
    }
    Ok(out)
}

/// The table's form as typed.
#[derive(Debug, Clone, Default)]
pub struct TableInput {
    pub name: String,
    pub lead: String,
    pub territory: String,
    pub purpose: String,
    pub themes: Vec<String>,
    pub countries: Vec<String>,
    pub rules: String,
    pub public: bool,
    pub formed_on: String,
}

/// A table's checked fields (the territory's codes still to be looked up).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableDraft {
    pub name: String,
    pub lead: Uuid,
    pub territory: Vec<String>,
    pub purpose: String,
    pub themes: Vec<String>,
    pub countries: Vec<String>,
    pub rules: String,
    pub public: bool,
    pub formed_on: NaiveDate,
}

/// Checks a table's form. `known_theme` says whether a theme code (`m:…`, `dac:…`) exists;
/// `today` bounds the date the table began forming.
pub fn check(
    input: &TableInput,
    known_theme: impl Fn(&str) -> bool,
    today: NaiveDate,
) -> Result<TableDraft, Errors> {
    let mut e = Errors::default();
    let name = required_line(&mut e, "name", &input.name, MAX_NAME);
    let lead = match Uuid::parse_str(input.lead.trim()) {
        Ok(id) => Some(id),
        Err(_) => {
            e.add("lead", "error-table-lead");
            None
        }
    };
    let territory = match territory_codes(&input.territory) {
        Ok(c) => c,
        Err(m) => {
            e.add("territory", m);
            Vec::new()
        }
    };
    let purpose = required_text(&mut e, "purpose", &input.purpose, MAX_PURPOSE);
    let mut themes: Vec<String> = Vec::new();
    for t in &input.themes {
        let t = t.trim();
        if t.is_empty() || themes.iter().any(|x| x == t) {
            continue;
        }
        if !crate::library::is_theme_code(t) || !known_theme(t) {
            e.add("themes", "error-unknown-choice");
        }
        themes.push(t.to_string());
    }
    if themes.is_empty() {
        e.add("themes", "error-table-themes");
    } else if themes.len() > MAX_TAGS {
        e.add("themes", "error-table-too-many");
    }
    let mut countries: Vec<String> = Vec::new();
    for c in &input.countries {
        let c = c.trim();
        if c.is_empty() || countries.iter().any(|x| x == c) {
            continue;
        }
        if crate::library::places::country(c).is_none() || c == "IT" {
            e.add("countries", "error-unknown-choice");
        }
        countries.push(c.to_string());
    }
    if countries.len() > MAX_TAGS {
        e.add("countries", "error-table-too-many");
    }
    let rules = optional_text(&mut e, "rules", &input.rules, MAX_RULES).unwrap_or_default();
    let formed_on = if input.formed_on.trim().is_empty() {
        Some(today)
    } else {
        optional_date(&mut e, "formed_on", &input.formed_on)
    };
    if formed_on.is_some_and(|d| d > today) {
        e.add("formed_on", "error-table-status-future");
    }
    match (lead, formed_on) {
        (Some(lead), Some(formed_on)) if e.is_empty() => Ok(TableDraft {
            name,
            lead,
            territory,
            purpose,
            themes,
            countries,
            rules,
            public: input.public,
            formed_on,
        }),
        _ => Err(e),
    }
}

/// A signatory of the memorandum of understanding, as typed.
#[derive(Debug, Clone, Default)]
pub struct SignatoryInput {
    pub organisation: String,
    pub name: String,
    pub signed_on: String,
}

/// A checked signatory: the organisation (a member of the table), the person who signed for it
/// and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signatory {
    pub organisation: Uuid,
    pub name: String,
    pub signed_on: NaiveDate,
}

/// Checks a signatory: the organisation must be among `members` and have no signature yet
/// (`signed`), the date not after `today`.
pub fn check_signatory(
    input: &SignatoryInput,
    members: &[Uuid],
    signed: &[Uuid],
    today: NaiveDate,
) -> Result<Signatory, Errors> {
    let mut e = Errors::default();
    let organisation = Uuid::parse_str(input.organisation.trim()).ok();
    match organisation {
        None => e.add("organisation", "error-required"),
        Some(o) if !members.contains(&o) => e.add("organisation", "error-table-not-member"),
        Some(o) if signed.contains(&o) => e.add("organisation", "error-table-signed-twice"),
        _ => {}
    }
    let name = required_line(&mut e, "name", &input.name, members::MAX_PERSON);
    let signed_on = optional_date(&mut e, "signed_on", &input.signed_on);
    if input.signed_on.trim().is_empty() {
        e.add("signed_on", "error-required");
    }
    if signed_on.is_some_and(|d| d > today) {
        e.add("signed_on", "error-table-status-future");
    }
    match (organisation, signed_on) {
        (Some(organisation), Some(signed_on)) if e.is_empty() => Ok(Signatory {
            organisation,
            name,
            signed_on,
        }),
        _ => Err(e),
    }
}

/// What the list of tables is narrowed to; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub region: Option<String>,
    pub theme: Option<String>,
    pub country: Option<String>,
    pub status: Option<Status>,
}

impl Filter {
    /// Whether a table with these fields passes the filter.
    pub fn admits(
        &self,
        region: &str,
        themes: &[String],
        countries: &[String],
        status: Status,
    ) -> bool {
        self.region.as_deref().is_none_or(|r| r == region)
            && self
                .theme
                .as_deref()
                .is_none_or(|t| themes.iter().any(|x| x == t))
            && self
                .country
                .as_deref()
                .is_none_or(|c| countries.iter().any(|x| x == c))
            && self.status.is_none_or(|s| s == status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn input() -> TableInput {
        TableInput {
            name: "Tavolo territoriale della Provincia di Salerno".into(),
            lead: Uuid::from_u128(1).to_string(),
            territory: "065".into(),
            purpose: "Cooperazione con i Balcani.".into(),
            themes: vec!["m:sviluppo-economico".into(), "dac:15110".into()],
            countries: vec!["AL".into(), "TN".into()],
            rules: "## Art. 1".into(),
            public: true,
            formed_on: "2026-01-15".into(),
        }
    }

    #[test]
    fn a_complete_form_is_accepted() {
        let d = check(&input(), |_| true, day("2026-12-06")).unwrap();
        assert_eq!(d.territory, vec!["065"]);
        assert_eq!(d.themes.len(), 2);
        assert_eq!(d.formed_on, day("2026-01-15"));
        assert!(d.public);
    }

    #[test]
    fn each_bad_field_is_named() {
        let mut i = input();
        i.name = " ".into();
        i.lead = "nobody".into();
        i.territory = "06511".into();
        i.themes = vec!["m:nowhere".into()];
        i.countries = vec!["ZZ".into()];
        i.formed_on = "2027-01-01".into();
        let e = check(&i, |t| t != "m:nowhere", day("2026-12-06")).unwrap_err();
        for (field, message) in [
            ("name", "error-required"),
            ("lead", "error-table-lead"),
            ("territory", "error-table-territory-code"),
            ("themes", "error-unknown-choice"),
            ("countries", "error-unknown-choice"),
            ("formed_on", "error-table-status-future"),
        ] {
            assert_eq!(e.for_field(field), Some(message), "{field}: {e:?}");
        }
        let mut none = input();
        none.themes.clear();
        let e = check(&none, |_| true, day("2026-12-06")).unwrap_err();
        assert_eq!(e.for_field("themes"), Some("error-table-themes"));
    }

    #[test]
    fn territory_codes_are_provinces_or_municipalities() {
        assert_eq!(
            territory_codes("065116, 065007;065116 065").unwrap(),
            vec!["065116", "065007", "065"]
        );
        assert_eq!(territory_codes(""), Err("error-required"));
        assert_eq!(territory_codes("65"), Err("error-table-territory-code"));
        assert_eq!(territory_codes("06511a"), Err("error-table-territory-code"));
        let places = [
            Place {
                code: "065".into(),
                name: "Salerno".into(),
                region: "15".into(),
            },
            Place {
                code: "071".into(),
                name: "Foggia".into(),
                region: "16".into(),
            },
        ];
        assert_eq!(
            check_territory(&["065".into()], &places, "15")
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            check_territory(&["071".into()], &places, "15"),
            Err("error-table-territory-region")
        );
        assert_eq!(
            check_territory(&["078".into()], &places, "15"),
            Err("error-table-territory-unknown")
        );
    }

    #[test]
    fn a_table_moves_forward_with_dates_in_order() {
        let today = day("2026-12-06");
        let formed = Dates {
            formed_on: Some(day("2026-01-15")),
            ..Default::default()
        };
        let d = transition(
            Status::Forming,
            formed,
            Status::Constituted,
            day("2026-03-01"),
            today,
            true,
        )
        .unwrap();
        assert_eq!(d.constituted_on, Some(day("2026-03-01")));
        let d = transition(
            Status::Constituted,
            d,
            Status::Active,
            day("2026-04-01"),
            today,
            true,
        )
        .unwrap();
        let d = transition(
            Status::Active,
            d,
            Status::Dormant,
            day("2026-10-01"),
            today,
            true,
        )
        .unwrap();
        assert_eq!(d.dormant_since, Some(day("2026-10-01")));
        let d = transition(
            Status::Dormant,
            d,
            Status::Active,
            day("2026-11-01"),
            today,
            true,
        )
        .unwrap();
        assert_eq!(d.active_since, Some(day("2026-11-01")));
        assert_eq!(d.dormant_since, None);
    }

    #[test]
    fn a_table_refuses_wrong_moves() {
        let today = day("2026-12-06");
        let formed = Dates {
            formed_on: Some(day("2026-01-15")),
            ..Default::default()
        };
        let go = |from, to, on: &str, memo| transition(from, formed, to, day(on), today, memo);
        assert_eq!(
            go(Status::Forming, Status::Active, "2026-02-01", true),
            Err("error-table-status-move")
        );
        assert_eq!(
            go(Status::Forming, Status::Forming, "2026-02-01", true),
            Err("error-table-status-move")
        );
        assert_eq!(
            go(Status::Forming, Status::Constituted, "2027-01-01", true),
            Err("error-table-status-future")
        );
        assert_eq!(
            go(Status::Forming, Status::Constituted, "2026-01-01", true),
            Err("error-table-status-before")
        );
        assert_eq!(
            go(Status::Forming, Status::Constituted, "2026-02-01", false),
            Err("error-table-no-memorandum")
        );
        for s in Status::ALL {
            assert!(
                !s.next().contains(&Status::Forming),
                "{s:?} goes back to forming"
            );
            assert_eq!(Status::parse(s.code()), Some(s));
        }
    }

    #[test]
    fn a_table_began_forming_before_what_followed() {
        let dates = Dates {
            formed_on: Some(day("2026-01-15")),
            constituted_on: Some(day("2026-03-01")),
            active_since: Some(day("2026-04-01")),
            dormant_since: None,
        };
        let joined = [day("2026-01-15"), day("2026-02-10")];
        assert_eq!(check_formed_on(day("2026-01-10"), &dates, joined), Ok(()));
        assert_eq!(check_formed_on(day("2026-01-15"), &dates, joined), Ok(()));
        assert_eq!(
            check_formed_on(day("2026-01-16"), &dates, joined),
            Err("error-table-formed-after-member")
        );
        assert_eq!(
            check_formed_on(day("2026-03-02"), &dates, joined),
            Err("error-table-formed-after-status")
        );
        let active_only = Dates {
            constituted_on: None,
            ..dates
        };
        assert_eq!(
            check_formed_on(day("2026-04-02"), &active_only, []),
            Err("error-table-formed-after-status")
        );
        assert_eq!(
            check_formed_on(day("2026-12-01"), &Dates::default(), []),
            Ok(())
        );
    }

    #[test]
    fn signatories_sign_once_for_a_member() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let today = day("2026-12-06");
        let ok = SignatoryInput {
            organisation: a.to_string(),
            name: "Mario Rossi".into(),
            signed_on: "2026-03-01".into(),
        };
        assert_eq!(
            check_signatory(&ok, &[a], &[], today).unwrap().organisation,
            a
        );
        let e = check_signatory(&ok, &[a], &[a], today).unwrap_err();
        assert_eq!(
            e.for_field("organisation"),
            Some("error-table-signed-twice")
        );
        let other = SignatoryInput {
            organisation: b.to_string(),
            ..ok.clone()
        };
        let e = check_signatory(&other, &[a], &[], today).unwrap_err();
        assert_eq!(e.for_field("organisation"), Some("error-table-not-member"));
        let late = SignatoryInput {
            signed_on: "2027-01-01".into(),
            ..ok
        };
        let e = check_signatory(&late, &[a], &[], today).unwrap_err();
        assert_eq!(e.for_field("signed_on"), Some("error-table-status-future"));
    }

    #[test]
    fn the_filter_narrows_by_each_part() {
        let themes = vec!["m:turismo".to_string()];
        let countries = vec!["AL".to_string()];
        let all = Filter::default();
        assert!(all.admits("15", &themes, &countries, Status::Active));
        let f = Filter {
            region: Some("16".into()),
            ..Default::default()
        };
        assert!(!f.admits("15", &themes, &countries, Status::Active));
        let f = Filter {
            theme: Some("m:turismo".into()),
            country: Some("AL".into()),
            status: Some(Status::Active),
            ..Default::default()
        };
        assert!(f.admits("15", &themes, &countries, Status::Active));
        assert!(!f.admits("15", &themes, &countries, Status::Dormant));
        let f = Filter {
            country: Some("TN".into()),
            ..Default::default()
        };
        assert!(!f.admits("15", &themes, &countries, Status::Active));
    }
}
