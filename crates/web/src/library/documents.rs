//! One document: its page, the upload and edit forms, deletion, the download (permission checked
//! on each one, with byte ranges) and a new extraction attempt after a failure.

use super::{is_staff, scope, Names, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES};
use crate::http::{see_other, with_status, AppError, AppResult, Id, Query};
use crate::session::{field_errors, render, Viewer};
use crate::shared::library::document as visible;
use crate::state::AppState;
use axum::extract::{Multipart, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use chrono::Datelike;
use db::library::{Document, Links, StoredFile};
use domain::library::extract::Format;
use domain::library::{places, publish, DraftInput, KINDS, LANGUAGES};
use domain::validation::Errors;
use minijinja::{context, Value};
use uuid::Uuid;

fn may_edit(viewer: &Viewer, doc: &Document) -> bool {
    is_staff(viewer) || (viewer.user_id().is_some() && viewer.user_id() == doc.created_by)
}

pub(super) async fn show(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let doc = visible(&state, &viewer, id).await?;
    let names = Names::load(&state, viewer.locale).await?;
    let themes: Vec<Value> = doc
        .themes
        .iter()
        .map(|t| context! { code => t, name => names.theme(t) })
        .collect();
    // Countries brought in by a group are shown through the group.
    let chosen_groups: Vec<places::Area> = places::GROUPS
        .iter()
        .filter(|(g, _)| doc.places.iter().any(|p| p == g))
        .map(|(_, a)| *a)
        .collect();
    let place_list: Vec<Value> = doc
        .places
        .iter()
        .filter(|p| places::country(p).is_none_or(|c| !chosen_groups.contains(&c.area)))
        .map(|p| context! { code => p, name => names.place(&state, p) })
        .collect();
    let structure = crate::shared::structure::structure(&state)
        .await?
        .unwrap_or_default();
    let module = doc
        .module_id
        .and_then(|m| structure.modules.iter().find(|x| x.id == m))
        .map(|m| context! { id => m.id, title => m.title });
    let strand = doc
        .strand_id
        .and_then(|s| structure.strands.iter().find(|x| x.id == s))
        .map(|s| context! { code => s.code, title => s.title });
    let session = match doc.session_id {
        Some(s) => db::labs::get(&state.db, s)
            .await?
            .map(|s| context! { id => s.id, title => s.title }),
        None => None,
    };
    let editable = may_edit(&viewer, &doc);
    let may_curate = viewer.may("library.reading_add", None);
    let (reading_modules, reading_sessions): (Vec<Value>, Vec<Value>) = if may_curate {
        let now = state.db.now();
        let sessions = db::labs::list(&state.db, &Default::default())
            .await?
            .iter()
            .map(|x| crate::shared::sessions::session_view(x, &viewer, now))
            .collect();
        let modules = structure
            .modules
            .iter()
            .map(|m| context! { id => m.id, title => m.title })
            .collect();
        (modules, sessions)
    } else {
        (Vec::new(), Vec::new())
    };
    let practice = db::library::practice(&state.db, doc.id).await?;
    let sections: Vec<Value> = practice
        .as_ref()
        .map(|p| {
            p.sections()
                .iter()
                .filter(|(_, text)| !text.is_empty())
                .map(|(name, text)| context! { name, text })
                .collect()
        })
        .unwrap_or_default();
    let size = doc.size.map(|b| human_size(viewer.locale, b));
    render(
        &state,
        &viewer,
        "library/document.html",
        context! {
            doc => &doc, themes, places => place_list, module, strand, session, size, editable,
            administration => practice.as_ref().map(|p| p.administration.clone()), sections,
            may_curate, reading_modules, reading_sessions,
            practice_orgs => if practice.is_some() { crate::shared::authors::author_choices(&state, &viewer).await? } else { vec![] },
            updated => viewer.locale.date_time(doc.updated_at),
            extraction_error => doc.extraction_error.as_deref()
                .filter(|k| domain::library::extract::ExtractError::known_message(k))
                .map(|k| state.i18n.t(viewer.locale, k)),
        },
    )
}

fn human_size(locale: domain::locale::Locale, bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", locale.tenths(bytes * 10 / (1024 * 1024)))
    } else {
        format!("{} KB", ((bytes + 1023) / 1024).max(1))
    }
}

/// What the upload and edit forms offer.
struct FormPage<'a> {
    input: &'a DraftInput,
    links: (&'a str, &'a str),
    errors: &'a Errors,
    editing: Option<&'a Document>,
    version: Option<i64>,
    conflict: bool,
    /// For a good practice: its fields as typed (or stored).
    practice: Option<&'a std::collections::HashMap<String, String>>,
}

async fn form_page(state: &AppState, viewer: &Viewer, page: FormPage<'_>) -> AppResult {
    let names = Names::load(state, viewer.locale).await?;
    let locale = viewer.locale;
    let t = |k: String| state.i18n.t(locale, &k);
    let kinds: Vec<Value> = KINDS
        .iter()
        .map(|k| context! { value => k, label => t(format!("library-kind-{k}")) })
        .collect();
    let languages: Vec<Value> = LANGUAGES
        .iter()
        .map(|l| context! { value => l, label => t(format!("language-name-{l}")) })
        .collect();
    let publisher = scope(state, viewer).await?;
    let visibilities: Vec<Value> = publish::visibilities(&publisher)
        .into_iter()
        .map(|v| context! { value => v.code(), label => t(format!("library-visibility-{}", v.code())) })
        .collect();
    let my_orgs = viewer
        .principal
        .as_ref()
        .map(|p| p.organisations())
        .unwrap_or_default();
    let organisations: Vec<Value> = db::organisations::by_ids(&state.db, &my_orgs)
        .await?
        .into_iter()
        .map(|o| context! { id => o.id, name => o.data.name })
        .collect();
    let structure = crate::shared::structure::structure(state)
        .await?
        .unwrap_or_default();
    let groups: Vec<Value> = structure
        .cohorts
        .iter()
        .filter(|c| publish::may_publish_for_group(&publisher, c.id))
        .map(|c| context! { id => c.id, name => c.name })
        .collect();
    // The territorial tables the person may publish for: those they manage (staff: every one).
    let tables: Vec<Value> = if publisher.everything || !publisher.managed_tables.is_empty() {
        db::tables::list(&state.db)
            .await?
            .into_iter()
            .filter(|t| publish::may_publish_for_table(&publisher, t.id))
            .map(|t| context! { id => t.id, name => t.name })
            .collect()
    } else {
        Vec::new()
    };
    // The interregional groups the person may publish in: those they work in (staff: every one).
    let network_groups: Vec<Value> = if publisher.everything || !publisher.network_groups.is_empty()
    {
        db::network::groups(&state.db)
            .await?
            .into_iter()
            .filter(|g| publish::may_publish_for_network_group(&publisher, g.id))
            .map(|g| context! { id => g.id, name => g.name })
            .collect()
    } else {
        Vec::new()
    };
    let modules: Vec<Value> = structure
        .modules
        .iter()
        .map(|m| {
            let strand = structure
                .strands
                .iter()
                .find(|s| s.id == m.strand_id)
                .map(|s| s.code.clone());
            context! { id => m.id, title => m.title, strand }
        })
        .collect();
    let chosen = |list: &[(String, String)]| -> Vec<Value> {
        list.iter()
            .map(|(code, name)| {
                context! { code, name, checked => page.input.themes.iter().any(|t| t == code) }
            })
            .collect()
    };
    let place_option = |code: &str, name: String| {
        context! { code, name, checked => page.input.places.iter().any(|p| p == code) }
    };
    let group_places: Vec<Value> = places::GROUPS
        .iter()
        .map(|(g, _)| place_option(g, t(format!("place-{g}"))))
        .collect();
    let area_countries = |area: places::Area| -> Vec<Value> {
        places::COUNTRIES
            .iter()
            .filter(|c| c.area == area)
            .map(|c| place_option(c.code, c.name(locale).to_string()))
            .collect()
    };
    let regions: Vec<Value> = places::REGIONS
        .iter()
        .map(|(code, name)| place_option(code, name.to_string()))
        .collect();
    let page_html = render(
        state,
        viewer,
        "library/form.html",
        context! {
            form => context! {
                title => page.input.title, summary => page.input.summary, kind => page.input.kind,
                language => page.input.language, year => page.input.year, source => page.input.source,
                licence => page.input.licence, url => page.input.url, visibility => page.input.visibility,
                organisation => page.input.organisation, group => page.input.group,
                table => page.input.table, network_group => page.input.network_group,
                module => page.links.0, session => page.links.1,
            },
            errors => field_errors(state, viewer, page.errors),
            kinds, doc_languages => languages, visibilities, organisations, groups, tables,
            network_groups, modules,
            macro_areas => chosen(&names.macro_area_list()),
            sectors => chosen(&names.sector_list()),
            group_places, wb => area_countries(places::Area::WesternBalkans),
            sm => area_countries(places::Area::SouthMediterranean),
            other_countries => area_countries(places::Area::Other), regions,
            editing => page.editing, version => page.version, conflict => page.conflict,
            max_mb => MAX_DOCUMENT_BYTES / (1024 * 1024),
            practice => page.practice.map(|typed| {
                let mut full = typed.clone();
                for k in domain::library::practices::SECTIONS.iter().chain(&["administration"]) {
                    full.entry(k.to_string()).or_default();
                }
                full
            }),
            sections => domain::library::practices::SECTIONS,
            heading => t(match (page.editing.is_some(), page.practice.is_some()) {
                (true, _) => "library-edit".to_string(),
                (false, true) => "library-practice-add".to_string(),
                (false, false) => "library-add".to_string(),
            }),
        },
    );
    if page.conflict {
        with_status(StatusCode::CONFLICT, page_html)
    } else if !page.errors.is_empty() {
        with_status(StatusCode::UNPROCESSABLE_ENTITY, page_html)
    } else {
        page_html
    }
}

/// What the upload form may be opened with: a territorial table or an interregional group whose
/// document it adds (their pages link here).
#[derive(serde::Deserialize, Default)]
pub(super) struct NewQuery {
    #[serde(default)]
    table: String,
    #[serde(default)]
    network_group: String,
}

pub(super) async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<NewQuery>,
) -> AppResult {
    let mut input = DraftInput {
        language: viewer.locale.code().into(),
        visibility: "programme".into(),
        ..Default::default()
    };
    // Opened from a table the person manages: the document is the table's, seen by its people.
    if let Ok(table) = Uuid::parse_str(q.table.trim()) {
        if publish::may_publish_for_table(&scope(&state, &viewer).await?, table) {
            input.visibility = "table".into();
            input.table = table.to_string();
        }
    }
    // Opened from a group the person works in: the document goes in the group's space.
    if let Ok(group) = Uuid::parse_str(q.network_group.trim()) {
        if publish::may_publish_for_network_group(&scope(&state, &viewer).await?, group) {
            input.visibility = "network_group".into();
            input.network_group = group.to_string();
        }
    }
    form_page(
        &state,
        &viewer,
        FormPage {
            input: &input,
            links: ("", ""),
            errors: &Errors::default(),
            editing: None,
            version: None,
            conflict: false,
            practice: None,
        },
    )
    .await
}

/// A submitted form: the fields, the links, the version edited and the file.
#[derive(Default)]
struct Submitted {
    input: DraftInput,
    module: String,
    session: String,
    version: String,
    file: Option<(String, Vec<u8>)>,
    /// A good practice's administration and sections, by field name.
    practice: std::collections::HashMap<String, String>,
}

async fn read_form(
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> AppResult<Submitted> {
    let limits = crate::http::UploadLimits {
        file_field: "file",
        max_file: MAX_DOCUMENT_BYTES,
        too_large: "error-document-too-large",
        max_text: 16 * 1024,
    };
    let upload = crate::http::read_upload(multipart, limits).await?;
    let mut s = Submitted {
        file: upload.file,
        ..Default::default()
    };
    for (name, value) in upload.fields {
        let i = &mut s.input;
        match name.as_str() {
            "title" => i.title = value,
            "summary" => i.summary = value,
            "kind" => i.kind = value,
            "language" => i.language = value,
            "year" => i.year = value,
            "source" => i.source = value,
            "licence" => i.licence = value,
            "url" => i.url = value,
            "visibility" => i.visibility = value,
            "organisation" => i.organisation = value,
            "group" => i.group = value,
            "table" => i.table = value,
            "network_group" => i.network_group = value,
            "themes" | "sectors" if i.themes.len() < 200 => i.themes.push(value),
            "places" if i.places.len() < 200 => i.places.push(value),
            "module" => s.module = value,
            "session" => s.session = value,
            "version" => s.version = value,
            "administration" => {
                s.practice.insert(name, value);
            }
            n if domain::library::practices::SECTIONS.contains(&n) => {
                s.practice.insert(name, value);
            }
            _ => {}
        }
    }
    Ok(s)
}

/// Checks the form and the viewer's right to publish with the chosen visibility.
async fn check(
    state: &AppState,
    viewer: &Viewer,
    s: &Submitted,
) -> AppResult<Result<(domain::library::Draft, Links), Errors>> {
    let known = db::library::theme_codes(&state.db).await?;
    let year = state.db.now().year();
    let draft = match domain::library::check(&s.input, year, |t| known.contains(t)) {
        Ok(d) => d,
        Err(e) => return Ok(Err(e)),
    };
    let structure = crate::shared::structure::structure(state)
        .await?
        .unwrap_or_default();
    let mut errors = Errors::default();
    let publisher = scope(state, viewer).await?;
    if let Some(r) = publish::refusal_for(
        &publisher,
        draft.visibility,
        domain::library::Owner {
            organisation: draft.organisation,
            group: draft.group,
            table: draft.table,
            network_group: draft.network_group,
        },
    ) {
        errors.add(r.field, r.message);
    } else if is_staff(viewer) {
        // Staff may choose any organisation, group, table or interregional group, so it is
        // looked up; everyone else's are their own.
        if let Some(g) = draft.network_group {
            match db::network::group(&state.db, g).await {
                Ok(_) => {}
                Err(db::DbError::NotFound) => {
                    errors.add("network_group", "error-library-network-group")
                }
                Err(e) => return Err(e.into()),
            }
        } else if let Some(t) = draft.table {
            match db::tables::get(&state.db, t).await {
                Ok(_) => {}
                Err(db::DbError::NotFound) => errors.add("table", "error-library-table"),
                Err(e) => return Err(e.into()),
            }
        } else if let Some(g) = draft.group {
            if !structure.cohorts.iter().any(|c| c.id == g) {
                errors.add("group", "error-library-group");
            }
        } else if let Some(o) = draft.organisation {
            if db::organisations::by_ids(&state.db, &[o]).await?.is_empty() {
                errors.add("organisation", "error-library-organisation");
            }
        }
    }
    let mut links = Links::default();
    if !s.module.trim().is_empty() {
        match Uuid::parse_str(s.module.trim())
            .ok()
            .and_then(|m| structure.modules.iter().find(|x| x.id == m))
        {
            Some(m) => {
                links.module = Some(m.id);
                links.strand = Some(m.strand_id);
            }
            None => errors.add("module", "error-choose"),
        }
    }
    if !s.session.trim().is_empty() {
        match Uuid::parse_str(s.session.trim()).ok() {
            Some(id) if db::labs::get(&state.db, id).await?.is_some() => links.session = Some(id),
            _ => errors.add("session", "error-choose"),
        }
    }
    Ok(if errors.is_empty() {
        Ok((draft, links))
    } else {
        Err(errors)
    })
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> AppResult {
    let mut s = read_form(multipart).await?;
    if !s.practice.is_empty() {
        s.input.kind = "good_practice".into();
    }
    let mut result = check(&state, &viewer, &s).await?;
    if let Ok((draft, _)) = &result {
        let needs_one = s.practice.is_empty() || draft.url.is_some();
        if needs_one && draft.url.is_some() == s.file.is_some() {
            let mut e = Errors::default();
            e.add("file", "error-file-or-link");
            result = Err(e);
        }
    }
    let content_type = s
        .file
        .as_ref()
        .map(|(name, bytes)| domain::files::content_type(name, bytes, DOCUMENT_TYPES));
    if let Some(None) = content_type {
        let mut e = result.err().unwrap_or_default();
        e.add("file", "error-file-type");
        result = Err(e);
    }
    let practice = if s.practice.is_empty() {
        None
    } else {
        match check_practice(&s) {
            Ok(p) => Some(p),
            Err(e) => {
                let mut all = result.as_ref().err().cloned().unwrap_or_default();
                all.0.extend(e.0);
                result = Err(all);
                None
            }
        }
    };
    let (draft, links) = match result {
        Ok(ok) => ok,
        Err(errors) => {
            return form_page(
                &state,
                &viewer,
                FormPage {
                    input: &s.input,
                    links: (&s.module, &s.session),
                    errors: &errors,
                    editing: None,
                    version: None,
                    conflict: false,
                    practice: (!s.practice.is_empty()).then_some(&s.practice),
                },
            )
            .await
        }
    };
    let mut stored = None;
    if let (Some((name, bytes)), Some(Some(kind))) = (&s.file, content_type) {
        let key = state
            .storage
            .put(bytes)
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let format = Format::of(kind);
        // Plain text is indexed at once; other formats go through the extraction job.
        let text = match format {
            Some(Format::Text) => domain::library::extract::extract(Format::Text, bytes).ok(),
            _ => None,
        };
        stored = Some(StoredFile {
            key: key.0,
            name: name.clone(),
            content_type: kind.to_string(),
            size: bytes.len() as i64,
            extractable: format.is_some(),
            text,
        });
    }
    let created = match &practice {
        Some(p) => {
            db::library::create_practice(
                &state.db,
                &draft,
                p,
                stored.as_ref(),
                &links,
                viewer.user_id(),
            )
            .await
        }
        None => {
            db::library::create(&state.db, &draft, stored.as_ref(), &links, viewer.user_id()).await
        }
    };
    let id = match created {
        Ok(id) => id,
        Err(e) => {
            if let Some(f) = &stored {
                let _ = state.storage.delete(storage::Key(f.key)).await;
            }
            return Err(e.into());
        }
    };
    Ok(see_other(&format!("/library/documents/{id}")))
}

fn check_practice(
    s: &Submitted,
) -> Result<domain::library::practices::Practice, domain::validation::Errors> {
    let get = |k: &str| s.practice.get(k).cloned().unwrap_or_default();
    domain::library::practices::check(&get("administration"), get)
}

fn practice_fields(
    p: &domain::library::practices::Practice,
) -> std::collections::HashMap<String, String> {
    let mut m: std::collections::HashMap<String, String> = p
        .sections()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    m.insert("administration".into(), p.administration.clone());
    m
}

/// The form for a new good practice.
pub(super) async fn new_practice(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let input = DraftInput {
        kind: "good_practice".into(),
        language: viewer.locale.code().into(),
        visibility: "programme".into(),
        places: vec!["IT".into()],
        ..Default::default()
    };
    let mut fields = std::collections::HashMap::new();
    fields.insert("administration".to_string(), String::new());
    form_page(
        &state,
        &viewer,
        FormPage {
            input: &input,
            links: ("", ""),
            errors: &Errors::default(),
            editing: None,
            version: None,
            conflict: false,
            practice: Some(&fields),
        },
    )
    .await
}

fn input_of(doc: &Document) -> DraftInput {
    // Countries brought in by a group are not shown as chosen on their own.
    let groups: Vec<places::Area> = places::GROUPS
        .iter()
        .filter(|(g, _)| doc.places.iter().any(|p| p == g))
        .map(|(_, a)| *a)
        .collect();
    DraftInput {
        title: doc.title.clone(),
        summary: doc.summary.clone(),
        kind: doc.kind.clone(),
        language: doc.language.clone(),
        year: doc.year.map(|y| y.to_string()).unwrap_or_default(),
        source: doc.source.clone().unwrap_or_default(),
        licence: doc.licence.clone().unwrap_or_default(),
        url: doc.url.clone().unwrap_or_default(),
        visibility: doc.visibility.code().to_string(),
        organisation: doc
            .organisation_id
            .map(|o| o.to_string())
            .unwrap_or_default(),
        group: doc.cohort_id.map(|g| g.to_string()).unwrap_or_default(),
        table: doc.table_id.map(|t| t.to_string()).unwrap_or_default(),
        network_group: doc
            .network_group_id
            .map(|g| g.to_string())
            .unwrap_or_default(),
        themes: doc.themes.clone(),
        places: doc
            .places
            .iter()
            .filter(|p| places::country(p).is_none_or(|c| !groups.contains(&c.area)))
            .cloned()
            .collect(),
    }
}

async fn editable(state: &AppState, viewer: &Viewer, id: Uuid) -> AppResult<Document> {
    let doc = visible(state, viewer, id).await?;
    if may_edit(viewer, &doc) {
        Ok(doc)
    } else {
        Err(AppError::NotFound)
    }
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let doc = editable(&state, &viewer, id).await?;
    let input = input_of(&doc);
    let stored = db::library::practice(&state.db, doc.id)
        .await?
        .map(|p| practice_fields(&p));
    let module = doc.module_id.map(|m| m.to_string()).unwrap_or_default();
    let session = doc.session_id.map(|m| m.to_string()).unwrap_or_default();
    form_page(
        &state,
        &viewer,
        FormPage {
            input: &input,
            links: (&module, &session),
            errors: &Errors::default(),
            editing: Some(&doc),
            version: Some(doc.version),
            conflict: false,
            practice: stored.as_ref(),
        },
    )
    .await
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> AppResult {
    let doc = editable(&state, &viewer, id).await?;
    let mut s = read_form(multipart).await?;
    s.file = None;
    if doc.storage_key.is_some() {
        s.input.url = String::new();
    }
    let version: i64 = s
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let has_practice = db::library::practice(&state.db, doc.id).await?.is_some();
    if has_practice {
        s.input.kind = "good_practice".into();
        s.practice.entry("administration".into()).or_default();
    }
    let practice = (!s.practice.is_empty()).then(|| check_practice(&s));
    let checked = check(&state, &viewer, &s).await?;
    let (draft, links) = match (checked, practice.clone()) {
        (Ok(ok), None | Some(Ok(_)))
            if doc.storage_key.is_some() || ok.0.url.is_some() || has_practice =>
        {
            ok
        }
        (result, practice) => {
            let mut errors = result.err().unwrap_or_default();
            if let Some(Err(e)) = practice {
                errors.0.extend(e.0);
            }
            if errors.is_empty() {
                errors.add("url", "error-required");
            }
            return form_page(
                &state,
                &viewer,
                FormPage {
                    input: &s.input,
                    links: (&s.module, &s.session),
                    errors: &errors,
                    editing: Some(&doc),
                    version: Some(version),
                    conflict: false,
                    practice: (!s.practice.is_empty()).then_some(&s.practice),
                },
            )
            .await;
        }
    };
    let saved = match practice {
        Some(Ok(p)) => {
            db::library::update_practice(
                &state.db,
                doc.id,
                version,
                &draft,
                &p,
                &links,
                viewer.user_id(),
            )
            .await
        }
        _ => {
            db::library::update(&state.db, doc.id, version, &draft, &links, viewer.user_id()).await
        }
    };
    match saved {
        Ok(()) => Ok(see_other(&format!("/library/documents/{}", doc.id))),
        Err(db::DbError::Conflict) => {
            // Someone saved meanwhile: show what is stored now, keep what this person typed.
            let current = db::library::document(&state.db, doc.id)
                .await?
                .ok_or(AppError::NotFound)?;
            form_page(
                &state,
                &viewer,
                FormPage {
                    input: &s.input,
                    links: (&s.module, &s.session),
                    errors: &Errors::default(),
                    editing: Some(&current),
                    version: Some(current.version),
                    conflict: true,
                    practice: (!s.practice.is_empty()).then_some(&s.practice),
                },
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn delete(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let doc = editable(&state, &viewer, id).await?;
    if let Some(key) = db::library::delete(&state.db, doc.id, viewer.user_id()).await? {
        if let Err(e) = state.storage.delete(storage::Key(key)).await {
            tracing::warn!(error = %e, "could not remove a deleted document's file");
        }
    }
    Ok(see_other("/library"))
}

pub(super) async fn retry(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let doc = editable(&state, &viewer, id).await?;
    if doc.extraction != "failed" {
        return Err(AppError::BadRequest("error-bad-form"));
    }
    db::library::retry_extraction(&state.db, doc.id).await?;
    Ok(see_other(&format!("/library/documents/{}", doc.id)))
}

pub(super) async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    headers: HeaderMap,
) -> AppResult {
    let doc = visible(&state, &viewer, id).await?;
    if let Some(url) = &doc.url {
        return Ok(see_other(url));
    }
    let key = doc.storage_key.ok_or(AppError::NotFound)?;
    let bytes = state
        .storage
        .get(storage::Key(key))
        .await
        .map_err(|e| match e {
            storage::StorageError::NotFound => AppError::NotFound,
            other => AppError::Internal(other.to_string()),
        })?;
    let name = doc.file_name.clone().unwrap_or_else(|| "document".into());
    let mut response_headers = HeaderMap::new();
    let content_type = doc
        .content_type
        .clone()
        .unwrap_or_else(|| "application/octet-stream".into());
    if let Ok(v) = HeaderValue::from_str(&content_type) {
        response_headers.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&crate::http::attachment(&name)) {
        response_headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response_headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    let len = bytes.len() as u64;
    let range = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    match domain::files::byte_range(range, len) {
        Ok(None) => Ok((response_headers, bytes).into_response()),
        Ok(Some((first, last))) => {
            if let Ok(v) = HeaderValue::from_str(&format!("bytes {first}-{last}/{len}")) {
                response_headers.insert(header::CONTENT_RANGE, v);
            }
            let part = bytes[first as usize..=last as usize].to_vec();
            Ok((StatusCode::PARTIAL_CONTENT, response_headers, part).into_response())
        }
        Err(domain::files::Unsatisfiable) => {
            if let Ok(v) = HeaderValue::from_str(&format!("bytes */{len}")) {
                response_headers.insert(header::CONTENT_RANGE, v);
            }
            Ok((StatusCode::RANGE_NOT_SATISFIABLE, response_headers).into_response())
        }
    }
}
