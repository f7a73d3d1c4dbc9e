//! News and events of the programme. Staff publish news written in one or more of the
//! interface's languages (a title and a Markdown body each, rendered and cleaned as products'
//! texts are) with an optional image, read by everyone and by feed readers (Atom); and events
//! (a conference, a visit, a call's info day) with a date, times in Rome and a place or a link,
//! listed with the labs' sessions and offered as an iCalendar feed.

use crate::labs::schedule::instant;
use crate::locale::Locale;
use crate::policy::Rule;
use crate::roles::Role;
use crate::validation::{optional_line, optional_text, required_line, Errors};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use serde::Serialize;

const STAFF: &[Role] = &[Role::Admin, Role::Staff];

/// Everyone reads news and events; staff publish them.
pub const POLICY: &[(&str, Rule)] = &[
    ("news.list", Rule::Public),
    ("news.item", Rule::Public),
    ("news.image", Rule::Public),
    ("news.feed", Rule::Public),
    ("news.new", Rule::Global(STAFF)),
    ("news.create", Rule::Global(STAFF)),
    ("news.events", Rule::Public),
    ("news.calendar", Rule::Public),
    ("news.event_new", Rule::Global(STAFF)),
    ("news.event_create", Rule::Global(STAFF)),
    ("news.event_edit", Rule::Global(STAFF)),
    ("news.event_update", Rule::Global(STAFF)),
    ("news.event_delete", Rule::Global(STAFF)),
    ("news.delete", Rule::Global(STAFF)),
];

/// Longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest body (Markdown), in characters.
pub const MAX_BODY: usize = 20_000;
/// Largest image, in bytes.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
/// The image types a news item may carry (by extension, confirmed by the bytes).
pub const IMAGE_TYPES: &[&str] = &["png", "jpg", "jpeg"];
/// Longest image description (its alternative text), in characters.
pub const MAX_ALT: usize = 300;
/// News on one page, and in the feed.
pub const PAGE_SIZE: i64 = 20;

/// One language's text of a news item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub language: Locale,
    pub title: String,
    pub body: String,
}

/// A news item as checked: its texts (one per language written, Italian first) and the
/// description of its image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewsDraft {
    pub texts: Vec<Text>,
    pub image_alt: Option<String>,
}

/// The form fields of one language's title and body.
pub fn fields(language: Locale) -> (&'static str, &'static str) {
    match language {
        Locale::It => ("title_it", "body_it"),
        Locale::En => ("title_en", "body_en"),
        Locale::Fr => ("title_fr", "body_fr"),
    }
}

/// Checks a news form: `field` reads one field as sent. A language is written when its title or
/// body is; then both are required. At least one language must be written; an image needs its
/// description (`with_image`).
pub fn check_news(field: impl Fn(&str) -> String, with_image: bool) -> Result<NewsDraft, Errors> {
    let mut errors = Errors::default();
    let mut texts = Vec::new();
    for language in Locale::ALL {
        let (t, b) = fields(language);
        let (title, body) = (field(t), field(b).replace("\r\n", "\n"));
        if title.trim().is_empty() && body.trim().is_empty() {
            continue;
        }
        let title = required_line(&mut errors, t, &title, MAX_TITLE);
        let body = match optional_text(&mut errors, b, &body, MAX_BODY) {
            Some(b) => b,
            None => {
                if errors.for_field(b).is_none() {
                    errors.add(b, "error-required");
                }
                String::new()
            }
        };
        texts.push(Text {
            language,
            title,
            body,
        });
    }
    if texts.is_empty() && errors.is_empty() {
        errors.add("title_it", "news-error-no-language");
    }
    let image_alt = optional_line(&mut errors, "image_alt", &field("image_alt"), MAX_ALT);
    if with_image && image_alt.is_none() && errors.for_field("image_alt").is_none() {
        errors.add("image_alt", "news-error-image-alt");
    }
    errors.into_result(NewsDraft { texts, image_alt })
}

/// The text of a news item to show in `locale`: that language's when written, else the first.
pub fn text_for(texts: &[Text], locale: Locale) -> Option<&Text> {
    texts
        .iter()
        .find(|t| t.language == locale)
        .or_else(|| texts.first())
}

/// An event as checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDraft {
    pub title: String,
    pub description: String,
    pub place: String,
    pub url: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

fn time(errors: &mut Errors, field: &'static str, value: &str) -> Option<NaiveTime> {
    match value.trim() {
        "" => {
            errors.add(field, "error-required");
            None
        }
        v => NaiveTime::parse_from_str(v, "%H:%M")
            .map_err(|_| errors.add(field, "error-time"))
            .ok(),
    }
}

fn date(errors: &mut Errors, field: &'static str, value: &str) -> Option<NaiveDate> {
    match value.trim() {
        "" => {
            errors.add(field, "error-required");
            None
        }
        v => match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) if (2000..=2100).contains(&d.year()) => Some(d),
            _ => {
                errors.add(field, "error-date");
                None
            }
        },
    }
}

/// Checks an event form: `field` reads one field as sent. A title, a date, start and end times
/// in Rome (the end after the start, on the same day or the `end_date`), and a place or a link.
pub fn check_event(field: impl Fn(&str) -> String) -> Result<EventDraft, Errors> {
    let mut errors = Errors::default();
    let title = required_line(&mut errors, "title", &field("title"), MAX_TITLE);
    let description = optional_text(
        &mut errors,
        "description",
        &field("description").replace("\r\n", "\n"),
        MAX_BODY,
    )
    .unwrap_or_default();
    let place = optional_line(&mut errors, "place", &field("place"), 300).unwrap_or_default();
    let url = optional_line(&mut errors, "url", &field("url"), 500).unwrap_or_default();
    if !(url.is_empty() || url.starts_with("https://") || url.starts_with("http://")) {
        errors.add("url", "error-url");
    }
    if place.is_empty() && url.is_empty() && errors.for_field("place").is_none() {
        errors.add("place", "error-place-or-link");
    }
    let day = date(&mut errors, "date", &field("date"));
    let end_day = match field("end_date").trim() {
        "" => day,
        v => date(&mut errors, "end_date", v),
    };
    let start = time(&mut errors, "start", &field("start"));
    let end = time(&mut errors, "end", &field("end"));
    let mut times = None;
    if let (Some(d), Some(ed), Some(s), Some(e)) = (day, end_day, start, end) {
        match (instant(d, s), instant(ed, e)) {
            (Ok(a), Ok(b)) if b > a => times = Some((a, b)),
            (Ok(_), Ok(_)) => errors.add("end", "error-end-before-start"),
            _ => errors.add("start", "error-time"),
        }
    }
    let (starts_at, ends_at) = times.unwrap_or_default();
    errors.into_result(EventDraft {
        title,
        description,
        place,
        url,
        starts_at,
        ends_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn form(pairs: &[(&str, &str)]) -> impl Fn(&str) -> String {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        move |k: &str| map.get(k).cloned().unwrap_or_default()
    }

    #[test]
    fn news_in_the_languages_written() {
        let d = check_news(
            form(&[
                ("title_it", "Nuovo bando"),
                ("body_it", "Il **bando** è aperto."),
                ("title_fr", "Nouvel appel"),
                ("body_fr", "L'appel est ouvert."),
            ]),
            false,
        )
        .unwrap();
        let langs: Vec<Locale> = d.texts.iter().map(|t| t.language).collect();
        assert_eq!(langs, [Locale::It, Locale::Fr]);
        assert_eq!(text_for(&d.texts, Locale::En).unwrap().title, "Nuovo bando");
        assert_eq!(
            text_for(&d.texts, Locale::Fr).unwrap().title,
            "Nouvel appel"
        );
    }

    #[test]
    fn news_needs_a_language_whole_and_an_image_its_description() {
        let e = check_news(form(&[]), false).unwrap_err();
        assert_eq!(e.for_field("title_it"), Some("news-error-no-language"));
        let e = check_news(form(&[("title_en", "Only a title")]), false).unwrap_err();
        assert_eq!(e.for_field("body_en"), Some("error-required"));
        let e = check_news(form(&[("body_it", "Solo testo")]), false).unwrap_err();
        assert_eq!(e.for_field("title_it"), Some("error-required"));
        let e = check_news(form(&[("title_it", "T"), ("body_it", "B")]), true).unwrap_err();
        assert_eq!(e.for_field("image_alt"), Some("news-error-image-alt"));
        let long = "x".repeat(MAX_TITLE + 1);
        let e = check_news(form(&[("title_it", &long), ("body_it", "B")]), false).unwrap_err();
        assert_eq!(e.for_field("title_it"), Some("error-too-long"));
    }

    #[test]
    fn events_take_rome_times_and_a_place_or_link() {
        let ok = [
            ("title", "Giornata informativa"),
            ("date", "2027-03-28"),
            ("start", "09:30"),
            ("end", "13:00"),
            ("place", "Napoli"),
        ];
        let d = check_event(form(&ok)).unwrap();
        // Summer time began that night: 09:30 in Rome is 07:30 UTC.
        assert_eq!(d.starts_at.to_rfc3339(), "2027-03-28T07:30:00+00:00");
        let mut bad = ok.to_vec();
        bad.retain(|(k, _)| *k != "place");
        assert_eq!(
            check_event(form(&bad)).unwrap_err().for_field("place"),
            Some("error-place-or-link")
        );
        let mut bad = ok.to_vec();
        bad.push(("end", "08:00"));
        bad.retain(|(k, v)| *k != "end" || *v == "08:00");
        assert_eq!(
            check_event(form(&bad)).unwrap_err().for_field("end"),
            Some("error-end-before-start")
        );
        let mut two_days = ok.to_vec();
        two_days.push(("end_date", "2027-03-29"));
        two_days.retain(|(k, v)| *k != "end" || *v == "08:00");
        two_days.push(("end", "08:00"));
        assert!(check_event(form(&two_days)).is_ok());
        let mut bad = ok.to_vec();
        bad.push(("url", "javascript:alert(1)"));
        assert_eq!(
            check_event(form(&bad)).unwrap_err().for_field("url"),
            Some("error-url")
        );
    }
}
