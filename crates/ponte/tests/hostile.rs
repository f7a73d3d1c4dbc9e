//! Hostile input that reaches the handlers. Each unsafe route's valid form (its real fields,
//! tests/valid_forms), sent by a person allowed to use it with the right content type, is mutated
//! one field at a time: left out, empty, too long, far too long, control characters, a line
//! break in a one-line field, invalid UTF-8, repeated, a value of the wrong type, a date or
//! number out of range, the id of a record that does not exist or belongs to another
//! organisation (what the form extractor refuses before any field is read, invalid UTF-8 and a
//! repeated field, once per form). Each refused mutation must get a 4xx whose page says, in
//! Italian, what is wrong (next to the field when the form is shown again), and must store
//! nothing: every table, the audit log included, is the same before and after. The mutations a
//! route accepts are listed with the reason, and must succeed. Also: a wrong content type is
//! refused, malformed ids in paths are not found, and mangled ISTAT files are refused naming the
//! problem, by the parser and by the import command, which then changes nothing. The structured
//! product editors, whose forms have many indexed fields, are also sent their own form as the edit
//! page shows it with one field at a time replaced by hostile values: no server failure, and a
//! refusal says what is wrong and stores nothing.

mod common;
mod valid_forms;

use axum::http::{Method, StatusCode};
use common::{apps, App, Client, Reply};
use std::collections::{BTreeMap, HashMap};
use valid_forms::{valid_form, Catalogue, Field, Kind, Snapshots, ValidForm};

/// The unsafe routes whose valid forms are mutated.
const MUTATED: &[&str] = &[
    "calls.create",
    "calls.update",
    "programme.module_create",
    "programme.module_update",
    "programme.module_move",
    "programme.texts_update",
    "programme.phase_create",
    "programme.dimension_create",
    "programme.cohort_create",
    "programme.cohort_update",
    "labs.session_create",
    "labs.session_update",
    "labs.session_status",
    "labs.session_outcomes",
    "labs.agenda_add",
    "labs.material_add",
    "labs.invite",
    "labs.check_in",
    "labs.register_save",
    "organisations.create",
    "organisations.update",
    "organisations.invite",
    "organisations.revoke",
    "accounts.invite",
    "accounts.set_active",
    "accounts.profile_update",
    "accounts.password_change",
    "accounts.reset_request",
    "library.create",
    "library.reading_add",
    "library.theme_save",
    "products.create",
    "products.save",
    "products.comment",
    "products.review",
    "tutoring.record",
    "accounts.sign_in",
    "accounts.reset",
    "accounts.invitation_accept",
    "labs.feedback_save",
    "library.update",
    "products.check",
    "products.preview",
    "products.resolve",
    "products.analysis_save",
    "products.publish_model",
    "community.thread_create",
    "community.reply",
    "community.post_update",
    "community.report",
    "community.hide",
    "community.pin",
    "community.lock",
    "notifications.preferences_save",
    "directory.save",
    "news.create",
    "news.event_create",
    "tables.create",
    "tables.update",
    "tables.status",
    "tables.memorandum",
    "tables.signatory_add",
    "tables.member_add",
    "tables.actor_add",
    "tables.member_leave",
    "tables.representative_add",
    "tables.secretariat_add",
    "tables.meeting_convene",
    "tables.meeting_update",
    "tables.meeting_cancel",
    "tables.meeting_attendance",
    "tables.minutes_amend",
    "tables.minutes_circulate",
    "tables.minutes_comment",
    "tables.commitment_create",
    "tables.commitment_update",
    "tables.commitment_progress",
    "network.relation_create",
    "network.experience_create",
    "network.group_create",
    "network.member_add",
    "network.relation_pool",
    "network.initiative_create",
    "network.initiative_move",
];

/// Unsafe routes not mutated here, with the reason.
const NOT_MUTATED: &[(&str, &str)] = &[
    ("accounts.sign_out", "no fields"),
    ("labs.feed_token", "no fields"),
    ("tables.feed_token", "no fields"),
    ("tables.feed_revoke", "no fields"),
    ("labs.register", "no fields"),
    ("labs.unregister", "no fields"),
    (
        "labs.agenda_remove",
        "no fields; its item id is in the path",
    ),
    ("library.delete", "no fields"),
    ("library.retry", "no fields"),
    (
        "library.reading_remove",
        "no fields; its item id is in the path",
    ),
    ("notifications.read", "no fields"),
    ("news.delete", "no fields"),
    (
        "news.event_update",
        "the fields and checks of news.event_create, mutated there; a stale version: tests/news.rs",
    ),
    (
        "news.event_delete",
        "only the version the page was read at (a stale or missing one: tests/news.rs)",
    ),
    (
        "network.relation_update",
        "the fields and checks of network.relation_create, mutated there; a stale version: tests/network.rs",
    ),
    (
        "network.experience_update",
        "the fields and checks of network.experience_create, mutated there; a stale version: tests/network.rs",
    ),
    (
        "network.group_update",
        "the fields and checks of network.group_create, mutated there; a stale version: tests/network.rs",
    ),
    (
        "network.initiative_update",
        "the fields and checks of network.initiative_create, mutated there; a stale version: tests/network.rs",
    ),
    (
        "network.relation_delete",
        "only the version the page was read at (a stale or missing one: tests/network.rs)",
    ),
    (
        "network.experience_publish",
        "only the version the page was read at (a stale or missing one: tests/network.rs)",
    ),
    (
        "network.member_remove",
        "no fields; the member is in the path (the two-regions refusal: tests/network.rs)",
    ),
    (
        "network.relation_unpool",
        "no fields; the relation is in the path",
    ),
    (
        "notifications.unsubscribe_confirm",
        "no fields; its signed token is in the path (altered tokens: tests/notifications.rs)",
    ),
    (
        "community.report_close",
        "no fields; its report id is in the path",
    ),
    ("tables.minutes_draft", "no fields"),
    ("tables.minutes_approve", "no fields"),
    ("tables.minutes_publish", "no fields"),
];

/// What a route must do with a mutated form.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Refused with a 4xx saying what is wrong (this message, when it is known).
    Refused(Option<&'static str>),
    /// Accepted, for this reason.
    Accepted(&'static str),
}

use Expect::{Accepted, Refused};

/// Mutations a route answers otherwise than its field's kind says, with the reason:
/// route, field, mutation, what it must do.
const EXCEPTIONS: &[(&str, &str, &str, Expect)] = &[
    (
        "library.theme_save",
        "code",
        "unknown choice",
        Accepted("a code not used yet makes a new theme"),
    ),
    // No language chosen is allowed; an empty choice is not a language.
    (
        "accounts.profile_update",
        "languages",
        "empty",
        Refused(Some("error-unknown-choice")),
    ),
    // An empty tick names no person and half-day.
    (
        "labs.register_save",
        "present",
        "empty",
        Refused(Some("error-bad-form")),
    ),
    // A product is a choice of the list; an empty one is not.
    (
        "programme.module_create",
        "product",
        "empty",
        Refused(Some("error-choose")),
    ),
    // A version that is not the current one: the editor shows the current version beside it.
    (
        "products.save",
        "edit",
        "far too long",
        Refused(Some("products-conflict-title")),
    ),
    // The product editor takes up to 200,000 characters: a long title reaches its check.
    (
        "products.save",
        "title",
        "far too long",
        Refused(Some("error-too-long")),
    ),
    (
        "products.save",
        "due_on",
        "far too long",
        Refused(Some("products-due")),
    ),
];

/// A tick box: sent at all means ticked, whatever its value (the feedback's anonymity), or ticked
/// when its value is the browser's `on` and not ticked otherwise (a table's public page).
const TICK_BOXES: &[(&str, &str, &str)] = &[
    (
        "labs.feedback_save",
        "anonymous",
        "sent at all means ticked",
    ),
    (
        "tables.create",
        "public",
        "any value but the browser's `on` means not ticked",
    ),
    (
        "tables.update",
        "public",
        "any value but the browser's `on` means not ticked",
    ),
];

/// One mutated form.
struct Mutation {
    label: String,
    field: Option<&'static str>,
    /// The pairs to send: name and raw value bytes (encoded when sent).
    pairs: Vec<(String, Vec<u8>)>,
    expect: Expect,
}

fn pairs_of(fields: &[Field]) -> Vec<(String, Vec<u8>)> {
    fields
        .iter()
        .map(|f| (f.name.to_string(), f.value.clone().into_bytes()))
        .collect()
}

/// The form with `field`'s value replaced (left out when `None`).
fn with(form: &ValidForm, field: &str, value: Option<Vec<u8>>) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for f in &form.fields {
        if f.name == field {
            if let Some(v) = &value {
                out.push((f.name.to_string(), v.clone()));
            }
        } else {
            out.push((f.name.to_string(), f.value.clone().into_bytes()));
        }
    }
    out
}

/// Every mutation of `form` with what the route must do.
fn mutations(route: &str, form: &ValidForm) -> Vec<Mutation> {
    let mut out = Vec::new();
    let text_like = |k: Kind| matches!(k, Kind::Line(_) | Kind::Text(_));
    for (n, f) in form.fields.iter().enumerate() {
        // What the form extractor refuses before the handler reads any field (invalid UTF-8, a
        // repeated field of a fixed form) is sent once per urlencoded form, on its first field;
        // an upload form's fields are read by the handler, each.
        let each = n == 0 || form.multipart;
        let tick = TICK_BOXES
            .iter()
            .find(|(r, fi, _)| *r == route && *fi == f.name)
            .map(|(_, _, why)| *why);
        let mut add = |label: &str, value: Option<Vec<u8>>, expect: Expect| {
            let expect = EXCEPTIONS
                .iter()
                .find(|(r, fi, m, _)| *r == route && *fi == f.name && *m == label)
                .map(|(_, _, _, e)| *e)
                .unwrap_or(expect);
            // A field whose refusals all say one message of the route's own (what the form
            // extractor refuses before the handler still says the extractor's).
            let before_handler = label == "far too long" || label == "invalid UTF-8";
            let expect = match (form.says.iter().find(|(n, _)| *n == f.name), expect) {
                (Some((_, says)), Refused(Some(_))) if !before_handler => Refused(*says),
                _ => expect,
            };
            // A tick box's value is read as ticked or not, never refused (what is too big for
            // the form still is).
            let expect = match (tick, expect) {
                (Some(why), Refused(_)) if label != "far too long" && label != "invalid UTF-8" => {
                    Accepted(why)
                }
                _ => expect,
            };
            out.push(Mutation {
                label: label.to_string(),
                field: Some(f.name),
                pairs: with(form, f.name, value),
                expect,
            });
        };
        let s = |v: &str| Some(v.as_bytes().to_vec());
        let optional = Accepted("an optional field: left out or empty means none");
        let required = |key: Option<&'static str>| if f.required { Refused(key) } else { optional };
        let empty_key = if text_like(f.kind) {
            Some("error-required")
        } else {
            None
        };
        add("missing", None, required(empty_key));
        add("empty", s(""), required(empty_key));
        if each {
            add(
                "invalid UTF-8",
                Some(b"\xC3\x28".to_vec()),
                Refused(Some("error-bad-encoding")),
            );
        }
        if !matches!(f.kind, Kind::Text(max) if max >= 100_000) {
            add(
                "far too long",
                Some(vec![b'a'; 100_000]),
                // Past the body limit, unless the route takes more (then the field's own check
                // refuses it).
                Refused(if form.multipart || form.large {
                    None
                } else {
                    Some("error-form-too-large")
                }),
            );
        }
        if f.kind != Kind::Secret {
            add(
                "NUL",
                Some(format!("{}\u{0}", f.value).into_bytes()),
                Refused(text_like(f.kind).then_some("error-invalid-characters")),
            );
        }
        match f.kind {
            Kind::Line(max) | Kind::Text(max) => {
                if max < 60_000 {
                    add(
                        "too long",
                        Some(vec![b'a'; max + 1]),
                        Refused(Some("error-too-long")),
                    );
                }
                if matches!(f.kind, Kind::Line(_)) {
                    add(
                        "line break",
                        Some(format!("{}\r\nseconda riga", f.value).into_bytes()),
                        Refused(Some("error-line-break")),
                    );
                }
                add(
                    "markup and SQL",
                    Some(format!("{} <script>x</script>' OR 1=1; --", f.value).into_bytes()),
                    Accepted("text is stored as typed and escaped where it is shown"),
                );
                if !f.value.is_empty() {
                    add(
                        "spaces around",
                        Some(format!("  {}  ", f.value).into_bytes()),
                        Accepted("spaces around a value are trimmed"),
                    );
                }
            }
            Kind::Number(min, max) => {
                for v in [
                    "dodici".to_string(),
                    (min - 1).to_string(),
                    (max + 1).to_string(),
                    "99999999999999999999".to_string(),
                    "1.5".to_string(),
                ] {
                    add(&format!("number {v}"), s(&v), Refused(None));
                }
            }
            Kind::Date => {
                for v in [
                    "2027-02-30",
                    "30/06/2027",
                    "1899-12-31",
                    "9999-12-31",
                    "oggi",
                ] {
                    add(&format!("date {v}"), s(v), Refused(None));
                }
            }
            Kind::Time => {
                for v in ["25:61", "9.30", "mezzogiorno"] {
                    add(&format!("time {v}"), s(v), Refused(None));
                }
            }
            Kind::Id => {
                add("not an id", s("non-un-id"), Refused(None));
                let unknown = uuid::Uuid::now_v7().to_string();
                add("unknown id", s(&unknown), Refused(None));
                for (field, id) in &form.foreign {
                    if *field == f.name {
                        add("another organisation's id", s(id), Refused(None));
                    }
                }
            }
            Kind::Choice => {
                add("unknown choice", s("sconosciuto"), Refused(None));
                add("markup as a choice", s("<script>"), Refused(None));
            }
            Kind::Email => {
                add("not an email", s("non-una-email"), Refused(None));
                add("two at signs", s("a@b@provincia.example"), Refused(None));
            }
            Kind::Url(_) => {
                add(
                    "script link",
                    s("javascript:alert(1)"),
                    Refused(Some("error-url")),
                );
                add(
                    "line break",
                    Some(format!("{}\r\naltro", f.value).into_bytes()),
                    Refused(None),
                );
            }
            Kind::Version => {
                add("version not a number", s("abc"), Refused(None));
                let stale = f.value.parse::<i64>().unwrap() - 1;
                add("stale version", s(&stale.to_string()), Refused(None));
            }
            Kind::Secret => {}
        }
        // The same field twice: a malformed form, unless the handler reads a list of pairs.
        let mut twice = pairs_of(&form.fields);
        twice.push((f.name.to_string(), f.value.clone().into_bytes()));
        if !(each || form.pairs) {
            continue;
        }
        let expect = if form.pairs || form.multipart {
            Accepted("the form is read as a list of values: the same value twice is one value")
        } else {
            Refused(Some("error-bad-form"))
        };
        let expect = EXCEPTIONS
            .iter()
            .find(|(r, fi, m, _)| *r == route && *fi == f.name && *m == "twice")
            .map(|(_, _, _, e)| *e)
            .unwrap_or(expect);
        out.push(Mutation {
            label: "twice".into(),
            field: Some(f.name),
            pairs: twice,
            expect,
        });
    }
    let mut extra = pairs_of(&form.fields);
    extra.push(("campo_sconosciuto".into(), b"valore".to_vec()));
    out.push(Mutation {
        label: "unknown extra field".into(),
        field: None,
        pairs: extra,
        expect: Accepted("fields the form does not have are ignored"),
    });
    out
}

fn encode(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (*b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The body and content type of `pairs` sent as `form` is.
fn body(form: &ValidForm, pairs: &[(String, Vec<u8>)]) -> (String, Vec<u8>) {
    if form.multipart {
        let parts: Vec<(&str, Option<&str>, &[u8])> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), None, v.as_slice()))
            .collect();
        common::multipart(&parts)
    } else {
        let text = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k.as_bytes()), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        (
            "application/x-www-form-urlencoded".to_string(),
            text.into_bytes(),
        )
    }
}

/// Clients signed in as each sender, kept across the route walk.
struct People<'a> {
    app: &'a App,
    clients: HashMap<Option<String>, Client>,
}

impl People<'_> {
    async fn client(&mut self, who: &Option<String>) -> &mut Client {
        if !self.clients.contains_key(who) {
            let c = match who {
                Some(email) => self.app.signed_in(email).await,
                None => self.app.client(),
            };
            self.clients.insert(who.clone(), c);
        }
        self.clients.get_mut(who).unwrap()
    }
}

/// What went wrong with one refused mutation, if anything.
fn judge_refusal(
    catalogue: &Catalogue,
    reply: &Reply,
    field: Option<&[&str]>,
    kind: Option<Kind>,
    key: Option<&str>,
    throttled: bool,
) -> Option<String> {
    let status = reply.status.as_u16();
    let allowed = [400, 409, 413, 415, 422];
    let not_found_ok = matches!(kind, Some(Kind::Id));
    // Wrong credentials are a 401, the same whether or not the account exists.
    let unauthorised_ok = throttled && status == 401;
    if !(allowed.contains(&status) || (status == 404 && not_found_ok) || unauthorised_ok) {
        return Some(format!("answered {}", reply.status));
    }
    let said = catalogue.said(reply);
    let keys = said.keys();
    if keys.is_empty() {
        return Some(format!("{} without a message", reply.status));
    }
    if let Some(unknown) = keys.iter().find(|k| !catalogue.is_key(k)) {
        return Some(format!("a message not in the Italian catalogue: {unknown}"));
    }
    if let Some(key) = key {
        if !keys.contains(&key) {
            return Some(format!("said {keys:?}, not {key}"));
        }
    }
    // When the form is shown again with its messages next to fields, one is next to this one.
    let placed = said.fields.iter().any(|(f, _)| !f.is_empty());
    if let (Some(names), true) = (field, placed) {
        if !said.fields.iter().any(|(f, _)| names.contains(&f.as_str())) {
            return Some(format!(
                "the form is shown again with messages for {:?}, none for {names:?}",
                said.fields
            ));
        }
    }
    None
}

/// How many rows `table` holds.
async fn rows(app: &App, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    db::run!(app.db(), |pool| sqlx::query_scalar(&sql)
        .fetch_one(pool)
        .await
        .unwrap())
}

/// Every unsafe route is either mutated here or listed with the reason it is not.
#[test]
fn every_unsafe_route_is_mutated_or_listed() {
    for r in web::routes::all() {
        if r.method != Method::POST {
            continue;
        }
        let mutated = MUTATED.contains(&r.name);
        let listed = NOT_MUTATED.iter().any(|(n, _)| *n == r.name);
        assert!(
            mutated || listed,
            "{} ({}) is neither mutated nor listed: give it a valid form in tests/valid_forms and \
             add it to MUTATED, or add it to NOT_MUTATED with the reason",
            r.name,
            r.path
        );
    }
}

#[tokio::test]
async fn mutated_valid_forms_are_refused_with_a_message_and_store_nothing() {
    let catalogue = Catalogue::italian();
    for app in apps().await {
        let started = std::time::Instant::now();
        let name = app.backend.name;
        let fixtures = valid_forms::fixtures(&app).await;
        let snapshots = Snapshots::new(app.db()).await;
        let mut people = People {
            app: &app,
            clients: HashMap::new(),
        };
        let mut wrong = Vec::new();
        let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for route in MUTATED {
            let base = valid_form(&app, &fixtures, route)
                .await
                .unwrap_or_else(|| panic!("no valid form for {route}"));
            let mut all = mutations(route, &base);
            // Refused ones first: an accepted one changes the data the form was built on.
            all.sort_by_key(|m| matches!(m.expect, Accepted(_)));
            let mut stored = false;
            for m in &all {
                // Built again on the current data (versions, fresh people), then mutated alike.
                let form = valid_form(&app, &fixtures, route).await.unwrap();
                let m_pairs = mutations(route, &form)
                    .into_iter()
                    .find(|x| x.label == m.label && x.field == m.field)
                    .map(|x| x.pairs)
                    .unwrap_or_else(|| m.pairs.clone());
                let (content_type, bytes) = body(&form, &m_pairs);
                // Signed in before the first snapshot: a sign-in is audited.
                let mut visitor;
                let client = if form.fresh_client {
                    visitor = app.client();
                    &mut visitor
                } else {
                    people.client(&form.who).await
                };
                let before = snapshots.take(app.db()).await;
                let attempts_before = match form.throttled {
                    Some(table) => rows(&app, table).await,
                    None => 0,
                };
                let reply = client
                    .send(Method::POST, &form.path, Some(&content_type), bytes)
                    .await;
                let after = snapshots.take(app.db()).await;
                let changed = valid_forms::changed(&before, &after);
                let context = format!(
                    "{route} {} {} on {name}",
                    m.field.unwrap_or("(form)"),
                    m.label
                );
                if let Some(table) = form.throttled {
                    // Only a refusal of the credentials themselves is counted, once; what is
                    // refused before they are looked up is not.
                    let counted = rows(&app, table).await - attempts_before;
                    let expected = i64::from(
                        reply.status == StatusCode::UNAUTHORIZED || reply.status.is_redirection(),
                    );
                    if counted != expected {
                        wrong.push(format!(
                            "{context}: answered {} and added {counted} rows to {table}, not {expected}",
                            reply.status
                        ));
                    }
                }
                let c = counts.entry(route).or_default();
                if !form.stores {
                    // A check or a preview: whatever is sent, an answer that is no server error,
                    // and nothing stored.
                    c.0 += 1;
                    if reply.status.is_server_error() {
                        wrong.push(format!("{context}: answered {}", reply.status));
                    }
                    if !changed.is_empty() {
                        wrong.push(format!("{context}: stored in {changed:?}"));
                    }
                    continue;
                }
                match m.expect {
                    Refused(key) => {
                        c.0 += 1;
                        let kind = m
                            .field
                            .and_then(|f| form.fields.iter().find(|x| x.name == f))
                            .map(|x| x.kind);
                        let shown = m.field.map(|f| form.shown_as(f));
                        if let Some(problem) = judge_refusal(
                            &catalogue,
                            &reply,
                            shown.as_deref(),
                            kind,
                            key,
                            form.throttled.is_some(),
                        ) {
                            wrong.push(format!("{context}: {problem}"));
                        }
                        if !changed.is_empty() {
                            wrong.push(format!("{context}: refused but stored in {changed:?}"));
                        }
                    }
                    Accepted(reason) => {
                        c.1 += 1;
                        let ok = reply.status.is_success() || reply.status.is_redirection();
                        if !ok {
                            let said = catalogue.said(&reply);
                            wrong.push(format!(
                                "{context}: listed as accepted ({reason}) but answered {} {:?}",
                                reply.status,
                                said.keys()
                            ));
                        }
                        stored |= !changed.is_empty();
                    }
                }
            }
            if base.stores && !stored {
                // No accepted mutation stored anything: the valid form itself must.
                let form = valid_form(&app, &fixtures, route).await.unwrap();
                let (content_type, bytes) = body(&form, &pairs_of(&form.fields));
                let mut visitor;
                let client = if form.fresh_client {
                    visitor = app.client();
                    &mut visitor
                } else {
                    people.client(&form.who).await
                };
                let before = snapshots.take(app.db()).await;
                let reply = client
                    .send(Method::POST, &form.path, Some(&content_type), bytes)
                    .await;
                let after = snapshots.take(app.db()).await;
                if !(reply.status.is_redirection() || reply.status.is_success())
                    || valid_forms::changed(&before, &after).is_empty()
                {
                    wrong.push(format!(
                        "{route} on {name}: the valid form answered {} {:?} and stored {:?}",
                        reply.status,
                        catalogue.said(&reply).keys(),
                        valid_forms::changed(&before, &after)
                    ));
                }
            }
        }
        let refused: usize = counts.values().map(|c| c.0).sum();
        let accepted: usize = counts.values().map(|c| c.1).sum();
        eprintln!(
            "{name}: {} routes, {refused} refused and {accepted} accepted mutations in {:.1} s",
            counts.len(),
            started.elapsed().as_secs_f64()
        );
        assert!(
            wrong.is_empty(),
            "{} problems:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }
}

/// A valid form sent with another content type is refused before the handler, and stores nothing.
#[tokio::test]
async fn a_wrong_content_type_is_refused() {
    let catalogue = Catalogue::italian();
    for app in apps().await {
        let fixtures = valid_forms::fixtures(&app).await;
        let snapshots = Snapshots::new(app.db()).await;
        let mut people = People {
            app: &app,
            clients: HashMap::new(),
        };
        for route in MUTATED {
            let form = valid_form(&app, &fixtures, route).await.unwrap();
            let (right, bytes) = body(&form, &pairs_of(&form.fields));
            let wrong_types: &[&str] = if form.multipart {
                &["application/x-www-form-urlencoded", "multipart/form-data"]
            } else {
                &[
                    "application/json",
                    "text/plain",
                    "multipart/form-data; boundary=x",
                ]
            };
            for ct in wrong_types {
                assert_ne!(*ct, right);
                let client = people.client(&form.who).await;
                let before = snapshots.take(app.db()).await;
                let r = client
                    .send(Method::POST, &form.path, Some(ct), bytes.clone())
                    .await;
                let context = format!("{route} as {ct} on {}", app.backend.name);
                assert!(
                    [400, 415].contains(&r.status.as_u16()),
                    "{context}: {}",
                    r.status
                );
                assert_eq!(catalogue.said(&r).page, ["error-bad-form"], "{context}");
                assert_eq!(snapshots.take(app.db()).await, before, "{context}");
            }
        }
    }
}

/// A NUL in what a visitor types, which PostgreSQL refuses in text, is refused before it reaches
/// a query: at sign-in, and in the searches and filters of pages.
#[tokio::test]
async fn a_nul_never_reaches_the_database() {
    for app in apps().await {
        let name = app.backend.name;
        let mut visitor = app.client();
        let r = visitor
            .post(
                "/sign-in",
                &[
                    ("email", "membro@ponte.example\u{0}"),
                    ("password", ponte::demo::DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        let mut staff = app.signed_in("admin@ponte.example").await;
        for path in [
            "/library?q=a%00b",
            "/library?place=a%00b",
            "/organisations?q=a%00b",
            "/organisations/municipalities?q=a%00b",
            "/audit?person=a%00b",
            "/audit?record=a%00b",
            "/audit?action=a%00b",
            "/labs/calendar?organisation=a%00b",
        ] {
            let r = staff.get(path).await;
            assert!(r.status.as_u16() < 500, "{path} on {name}: {}", r.status);
        }
    }
}

#[tokio::test]
async fn oversized_uploads_are_refused() {
    for app in apps().await {
        let mut staff = app.signed_in("staff@ponte.example").await;
        // A multipart upload whose body stops half-way, or is far too big.
        let session = db::labs::list(app.db(), &Default::default()).await.unwrap()[0].id;
        let upload = format!("/labs/sessions/{session}/materials");
        let before = db::labs::materials(app.db(), session).await.unwrap().len();
        let cut = b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7".to_vec();
        let r = staff
            .send(
                Method::POST,
                &upload,
                Some("multipart/form-data; boundary=b"),
                cut,
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let mut big =
            b"--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nGrande\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
                .to_vec();
        big.extend(std::iter::repeat_n(b'a', 11 * 1024 * 1024));
        big.extend_from_slice(b"\r\n--b--\r\n");
        let r = staff
            .send(
                Method::POST,
                &upload,
                Some("multipart/form-data; boundary=b"),
                big,
            )
            .await;
        assert!(r.status.is_client_error(), "{}", r.status);
        assert!(r.body.contains("Il file è troppo grande"), "{}", r.body);
        assert_eq!(
            db::labs::materials(app.db(), session).await.unwrap().len(),
            before
        );
    }
}

#[tokio::test]
async fn malformed_ids_in_paths_are_not_found() {
    for app in apps().await {
        let mut admin = app.signed_in("admin@ponte.example").await;
        let salerno = app.organisation("Provincia di Salerno").await;
        let logframe = app.product_of_kind(salerno, "logframe").await;
        let session = db::labs::list(app.db(), &Default::default()).await.unwrap()[0].id;
        let gets = [
            "/labs/sessions/not-an-id".to_string(),
            "/organisations/x/products/y".to_string(),
            "/library/documents/%27".to_string(),
            format!("/organisations/{salerno}/products/y"),
            "/programme/texts/strands/123".to_string(),
            "/products/models/1%20OR%201=1".to_string(),
        ];
        for path in &gets {
            let r = admin.get(path).await;
            assert_eq!(
                r.status,
                StatusCode::NOT_FOUND,
                "{path} on {}",
                app.backend.name
            );
            assert!(
                r.body.contains("La pagina richiesta non esiste"),
                "{path} on {}: {}",
                app.backend.name,
                r.body
            );
        }
        // Actions too, refused before their form is read.
        let posts = [
            format!("/labs/sessions/{session}/agenda/%3Cscript%3E/remove"),
            format!("/organisations/{salerno}/products/{logframe}/comments/x/resolve"),
            format!(
                "/labs/sessions/{session}/agenda/{}/remove",
                uuid::Uuid::now_v7()
            ),
        ];
        for path in &posts {
            let before = db::audit::page(app.db(), None, 1, 0).await.unwrap().1;
            let r = admin.post(path, &[("resolved", "1")]).await;
            assert_eq!(
                r.status,
                StatusCode::NOT_FOUND,
                "{path} on {}",
                app.backend.name
            );
            assert_eq!(
                db::audit::page(app.db(), None, 1, 0).await.unwrap().1,
                before
            );
        }
        // The page in the viewer's language.
        admin.cookies.insert("ponte_lang".into(), "en".into());
        let r = admin.get("/labs/sessions/not-an-id").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(r.body.contains("The page you asked for does not exist"));
    }
}

// ----------------------------------------------------------------------------------------------
// Mangled ISTAT files.

/// A small deterministic generator (xorshift64*), enough to vary inputs reproducibly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The first `rows` rows of the official list (with its header), as ISTAT publishes it.
fn istat_sample(rows: usize) -> Option<Vec<u8>> {
    let path = common::official_data("istat/Elenco-comuni-italiani.csv")?;
    let original = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // The header spans three lines (two quoted fields hold a line break).
    let mut ends = original
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i);
    let end = ends.nth(2 + rows).unwrap();
    Some(original[..=end].to_vec())
}

/// Line `n` (1-based) of `bytes` replaced by `f(line)`.
fn edit_line(bytes: &[u8], n: usize, f: impl Fn(&str) -> String) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
    lines[n - 1] = f(&lines[n - 1]);
    lines.join("\n").into_bytes()
}

/// Mangled files, each with the line the error must name and words its message must hold.
fn mangled(sample: &[u8]) -> Vec<(&'static str, Vec<u8>, u64, &'static str)> {
    // Lines 1-3 are the header; the rows are lines 4 and on.
    let header_end = sample
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(2)
        .unwrap()
        .0;
    let last_line = sample.iter().filter(|b| **b == b'\n').count() as u64;
    let mut out = Vec::new();
    // Cut in the middle of the last row.
    let cut_at = sample.len() - 20;
    out.push((
        "truncated",
        sample[..cut_at].to_vec(),
        last_line,
        "columns, the header has",
    ));
    out.push(("empty", Vec::new(), 1, "no header"));
    out.push((
        "header only",
        sample[..=header_end].to_vec(),
        2,
        "no municipality",
    ));
    let mut wrong_header = b"Codice;Nome;Regione\r\n".to_vec();
    wrong_header.extend_from_slice(&sample[header_end + 1..]);
    out.push(("wrong header", wrong_header, 1, "missing columns"));
    // Latin-1 instead of UTF-8: every accented letter becomes one byte.
    let latin1: Vec<u8> = String::from_utf8(sample.to_vec())
        .unwrap()
        .chars()
        .map(|c| if (c as u32) < 256 { c as u8 } else { b'?' })
        .collect();
    out.push(("Latin-1", latin1, 1, "UTF-8"));
    // A row with a column fewer.
    out.push((
        "a column fewer",
        edit_line(sample, 5, |l| {
            let cells: Vec<&str> = l.split(';').collect();
            [&cells[..3], &cells[4..]].concat().join(";")
        }),
        5,
        "columns, the header has",
    ));
    out.push((
        "bad municipality code",
        edit_line(sample, 6, |l| {
            let mut cells: Vec<String> = l.split(';').map(String::from).collect();
            cells[4] = "06X116".into();
            cells.join(";")
        }),
        6,
        "municipality code",
    ));
    out.push((
        "bad region code",
        edit_line(sample, 7, |l| {
            let mut cells: Vec<String> = l.split(';').map(String::from).collect();
            cells[0] = "1".into();
            cells.join(";")
        }),
        7,
        "region code",
    ));
    out.push((
        "a row twice",
        edit_line(sample, 9, |_| {
            String::from_utf8(sample.to_vec())
                .unwrap()
                .split('\n')
                .nth(7)
                .unwrap()
                .to_string()
        }),
        9,
        "appears twice",
    ));
    out
}

#[test]
fn mangled_istat_files_are_refused_naming_the_problem() {
    let Some(sample) = istat_sample(40) else {
        return;
    };
    let good = domain::organisations::istat::parse(&sample).expect("the sample reads");
    assert_eq!(good.len(), 40);
    for (what, bytes, line, words) in mangled(&sample) {
        let errors = domain::organisations::istat::parse(&bytes)
            .err()
            .unwrap_or_else(|| panic!("{what}: read as good"));
        assert!(
            errors
                .iter()
                .any(|e| e.line == line && e.message.contains(words)),
            "{what}: expected line {line} with '{words}', got {errors:?}"
        );
    }
    // Random damage: either refused, or every row read is well formed (a flipped letter in a
    // name is still a name).
    let mut rng = Rng(0x157a7);
    let mut refused = 0;
    for _ in 0..400 {
        let mut bytes = sample.clone();
        match rng.below(3) {
            0 => {
                for _ in 0..rng.below(20) + 1 {
                    let i = rng.below(bytes.len());
                    bytes[i] = rng.next() as u8;
                }
            }
            1 => bytes.truncate(rng.below(bytes.len())),
            _ => {
                let len = rng.below(3000);
                bytes = (0..len).map(|_| rng.next() as u8).collect();
            }
        }
        match domain::organisations::istat::parse(&bytes) {
            Err(errors) => {
                refused += 1;
                assert!(errors.iter().all(|e| !e.message.is_empty()));
            }
            Ok(rows) => {
                for m in rows {
                    let digits =
                        |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
                    assert!(
                        digits(&m.istat_code, 6) && digits(&m.region_code, 2),
                        "{m:?}"
                    );
                    assert!(digits(&m.supra_code, 3) && !m.name.is_empty(), "{m:?}");
                    assert!(
                        m.car_plate.len() == 2 && m.cadastral_code.len() == 4,
                        "{m:?}"
                    );
                }
            }
        }
    }
    assert!(refused > 200, "{refused} of 400 damaged files refused");
}

/// The import command refuses each mangled file, says why, and leaves the list it had.
#[tokio::test]
async fn the_import_command_refuses_mangled_files_and_changes_nothing() {
    let Some(sample) = istat_sample(40) else {
        return;
    };
    for backend in db::testing::backends().await {
        let dir = backend.dir.path();
        let run = |file: &std::path::Path| {
            std::process::Command::new(env!("CARGO_BIN_EXE_ponte"))
                .args(["import", "istat", &file.to_string_lossy()])
                .env("DATABASE_URL", &backend.url)
                .env("PONTE_DATA_DIR", dir)
                .env("PONTE_LOG", "warn")
                .env_remove("PONTE_CONFIG")
                .output()
                .expect("run ponte")
        };
        let good = dir.join("good.csv");
        std::fs::write(&good, &sample).unwrap();
        let first = run(&good);
        assert!(first.status.success(), "{first:?}");
        let snapshots = Snapshots::new(&backend.db).await;
        let before = snapshots.take(&backend.db).await;
        assert_eq!(
            db::organisations::count_municipalities(&backend.db)
                .await
                .unwrap(),
            40
        );
        for (what, bytes, line, words) in mangled(&sample) {
            let file = dir.join("mangled.csv");
            std::fs::write(&file, &bytes).unwrap();
            let o = run(&file);
            let said = String::from_utf8_lossy(&o.stderr);
            assert!(!o.status.success(), "{what} on {}", backend.name);
            assert!(
                said.contains(&format!("line {line}: ")) && said.contains(words),
                "{what} on {}: {said}",
                backend.name
            );
            assert!(said.contains("nothing was imported"), "{what}: {said}");
            assert_eq!(
                snapshots.take(&backend.db).await,
                before,
                "{what} on {}",
                backend.name
            );
        }
    }
}

/// The fields of the form that posts to `action` on `page`, as a browser would send it: text,
/// number, date and hidden inputs with their values, ticked boxes, each select's chosen option
/// (else its first) and each textarea's text.
fn scraped_form(page: &str, action: &str) -> Vec<(String, String)> {
    let unescape = |s: &str| {
        s.replace("&#x2f;", "/")
            .replace("&#x27;", "'")
            .replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    let attr = |tag: &str, name: &str| -> Option<String> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = tag[at..].find('"')? + at;
        Some(unescape(&tag[at..end]))
    };
    let page = page.replace("&#x2f;", "/");
    let start = page
        .find(&format!("action=\"{action}\""))
        .unwrap_or_else(|| panic!("no form posting to {action}"));
    let end = page[start..]
        .find("</form>")
        .map_or(page.len(), |e| e + start);
    let form = &page[start..end];
    let mut out = Vec::new();
    let mut rest = form;
    while let Some(open) = rest.find('<') {
        rest = &rest[open..];
        let close = rest.find('>').map_or(rest.len(), |c| c + 1);
        let tag = &rest[..close];
        if tag.starts_with("<input") {
            let kind = attr(tag, "type").unwrap_or_else(|| "text".into());
            if let Some(name) = attr(tag, "name") {
                let ticked = tag.contains(" checked");
                match kind.as_str() {
                    "checkbox" | "radio" if !ticked => {}
                    "submit" | "button" | "file" => {}
                    _ => out.push((name, attr(tag, "value").unwrap_or_default())),
                }
            }
        } else if tag.starts_with("<textarea") {
            if let Some(name) = attr(tag, "name") {
                let text_end = rest.find("</textarea>").unwrap_or(close);
                out.push((name, unescape(&rest[close..text_end])));
            }
        } else if tag.starts_with("<select") {
            if let Some(name) = attr(tag, "name") {
                let body_end = rest.find("</select>").unwrap_or(close);
                let options = &rest[close..body_end];
                let mut chosen = None;
                let mut first = None;
                for o in options.split("<option").skip(1) {
                    let o = format!("<option{o}");
                    let value = attr(&o, "value").unwrap_or_default();
                    first.get_or_insert(value.clone());
                    if o[..o.find('>').unwrap_or(o.len())].contains(" selected") {
                        chosen = Some(value);
                    }
                }
                out.push((name, chosen.or(first).unwrap_or_default()));
            }
        }
        rest = &rest[close..];
    }
    out
}

/// The structured editors (logframe, budget, partnership, proposal, strategic plan) read forms of
/// many indexed fields that one valid form per route cannot cover: each editable demo product's
/// form, as its edit page shows it, is sent with one field at a time replaced by hostile values.
/// Nothing may fail on the server, and a refusal must say so on the page and store nothing.
#[tokio::test]
async fn structured_editors_refuse_hostile_fields_without_failing_or_storing() {
    const HOSTILE: &[&str] = &[
        "",
        "-1",
        "0",
        "99999999999999999999999999",
        "1.234.567,891",
        "1e308",
        "NaN",
        "abc",
        "\u{0}\u{7}",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "2099-13-45",
        "00000000-0000-0000-0000-000000000000",
        "٣٤٥",
    ];
    let structured = [
        "logframe",
        "budget",
        "partnership_plan",
        "project_proposal",
        "strategic_plan",
    ];
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let snapshots = Snapshots::new(app.db()).await;
        let mut member = app.signed_in("coordinatore@ponte.example").await;
        let mut exercised = std::collections::BTreeSet::new();
        let mut sent = 0usize;
        let coordinator = db::accounts::credentials(app.db(), "coordinatore@ponte.example")
            .await
            .unwrap()
            .unwrap()
            .id;
        for p in db::products::list(app.db(), salerno).await.unwrap() {
            if !structured.contains(&p.kind.as_str()) || exercised.contains(&p.kind) {
                continue;
            }
            let mut path = format!("/organisations/{salerno}/products/{}", p.id);
            if member.get(&format!("{path}/edit")).await.status != StatusCode::OK {
                // Under review: a draft with the same content is edited instead.
                let whole = db::products::get(app.db(), p.id).await.unwrap().unwrap();
                let copy = db::products::create(
                    app.db(),
                    &db::products::NewProduct {
                        organisation: salerno,
                        kind: &whole.kind,
                        title: &whole.title,
                        content: &whole.content,
                        due_on: None,
                        model_of: None,
                        session: None,
                    },
                    Some(coordinator),
                )
                .await
                .unwrap();
                path = format!("/organisations/{salerno}/products/{copy}");
                let edit = member.get(&format!("{path}/edit")).await;
                assert_eq!(
                    edit.status,
                    StatusCode::OK,
                    "{name}: a draft {} is edited",
                    p.kind
                );
            }
            exercised.insert(p.kind.clone());
            // The form as shown saves, and saves the product as it was: the scraped form is the
            // editor's whole form, so the hostile ones below differ from a valid one by one field.
            let id: uuid::Uuid = path.rsplit('/').next().unwrap().parse().unwrap();
            let stored = db::products::get(app.db(), id)
                .await
                .unwrap()
                .unwrap()
                .content;
            let page = member.get(&format!("{path}/edit")).await;
            let form = scraped_form(&page.body, &path);
            let pairs: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let r = member.post(&path, &pairs).await;
            assert_eq!(
                r.status,
                StatusCode::SEE_OTHER,
                "{name}: {} as shown: {}",
                p.kind,
                r.body
            );
            let after = db::products::get(app.db(), id)
                .await
                .unwrap()
                .unwrap()
                .content;
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&after).unwrap(),
                serde_json::from_str::<serde_json::Value>(&stored).unwrap(),
                "{name}: {} saved as shown is unchanged",
                p.kind
            );
            let fields: Vec<String> = {
                let page = member.get(&format!("{path}/edit")).await;
                scraped_form(&page.body, &path)
                    .into_iter()
                    .map(|(k, _)| k)
                    // The first of each repeated row, and every field of the product itself.
                    .filter(|k| {
                        let row = k.split('.').next().unwrap_or("");
                        let index = row.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                        index.is_empty() || index == "0" || !row.chars().any(|c| c.is_ascii_digit())
                    })
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect()
            };
            assert!(fields.len() > 3, "{name}: {} has an editor form", p.kind);
            for field in fields.iter().filter(|f| *f != "edit") {
                for value in HOSTILE {
                    // Read again each time: an accepted save moves the version on.
                    let page = member.get(&format!("{path}/edit")).await;
                    let mut form = scraped_form(&page.body, &path);
                    for (k, v) in form.iter_mut() {
                        if k == field {
                            *v = value.to_string();
                        }
                    }
                    let pairs: Vec<(&str, &str)> =
                        form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                    let before = snapshots.take(app.db()).await;
                    let r = member.post(&path, &pairs).await;
                    sent += 1;
                    let context = format!("{name}: {} field {field} = {value:?}", p.kind);
                    assert!(
                        r.status.as_u16() < 500,
                        "{context}: {} {}",
                        r.status,
                        r.body
                    );
                    if r.status.is_client_error() {
                        assert_eq!(snapshots.take(app.db()).await, before, "{context}: stored");
                        assert!(
                            r.body.contains("alert-danger") || r.body.contains("is-invalid"),
                            "{context}: the refusal says what is wrong"
                        );
                    } else {
                        assert_eq!(r.status, StatusCode::SEE_OTHER, "{context}");
                        // What was accepted is shown escaped.
                        let shown = member.get(&path).await;
                        assert!(!shown.body.contains("<script>alert"), "{context}: escaped");
                    }
                }
            }
        }
        assert_eq!(
            exercised.len(),
            structured.len(),
            "{name}: editors exercised: {exercised:?}"
        );
        eprintln!("{name}: {sent} hostile saves of {exercised:?}");
    }
}
