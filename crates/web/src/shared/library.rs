//! What the library shares with other features: what a viewer may see of it, the documents of a
//! reading list they may see, and the names of themes in their language.

use crate::http::{AppError, AppResult};
use crate::kept::Weigh;
use crate::session::Viewer;
use crate::state::AppState;
use db::library::{Document, ReadingFor};
use db::Part;
use domain::library::places;
use domain::library::query::{TagKind, Vocabulary};
use domain::library::Scope;
use domain::locale::Locale;
use domain::roles::Role;
use minijinja::{context, Value};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

/// What the names of themes depend on.
pub const NAMES_PARTS: &[Part] = &[Part::Themes];

/// Whether the viewer is programme staff (or an administrator): they see every document.
pub(crate) fn is_staff(viewer: &Viewer) -> bool {
    viewer
        .principal
        .as_ref()
        .is_some_and(|p| p.has_global(Role::Staff) || p.has_global(Role::Admin))
}

/// Whether the viewer tutors an administration: tutors see every territorial table and every
/// interregional group, and so their documents (`domain::tables::access`,
/// `domain::network::Viewer`).
fn is_tutor(viewer: &Viewer) -> bool {
    viewer.principal.as_ref().is_some_and(|p| {
        p.grants
            .iter()
            .any(|g| g.role == Role::Tutor && g.space == domain::roles::SpaceKind::Organisation)
    })
}

/// What the viewer may see of the library: one query reads their working groups, the
/// territorial tables they see and manage and the interregional groups they work in.
pub(crate) async fn scope(state: &AppState, viewer: &Viewer) -> Result<Scope, db::DbError> {
    let Some(p) = viewer.principal.as_ref() else {
        return Ok(Scope::default());
    };
    let everything = is_staff(viewer);
    let organisations = p.organisations();
    let reach = if everything {
        // Staff see and publish everything: nothing more to read.
        db::library::Reach::default()
    } else {
        db::library::reach(&state.db, p.user_id, &organisations).await?
    };
    Ok(Scope {
        everything,
        signed_in: true,
        organisations,
        groups: reach.groups,
        every_table: is_tutor(viewer),
        tables: reach.tables,
        managed_tables: reach.managed_tables,
        every_network_group: is_tutor(viewer),
        network_groups: reach.network_groups,
    })
}

/// What the viewer may see of documents of these `visibilities`: their working groups, tables
/// and interregional groups are read only when one of the visibilities needs them, since the
/// scope without them answers rightly for public, programme and administration documents.
pub(crate) async fn scope_for(
    state: &AppState,
    viewer: &Viewer,
    visibilities: impl IntoIterator<Item = domain::library::Visibility>,
) -> Result<Scope, db::DbError> {
    use domain::library::Visibility;
    let narrow = visibilities.into_iter().any(|v| {
        matches!(
            v,
            Visibility::Group | Visibility::Table | Visibility::NetworkGroup
        )
    });
    let Some(p) = viewer.principal.as_ref().filter(|_| !narrow) else {
        return scope(state, viewer).await;
    };
    Ok(Scope {
        everything: is_staff(viewer),
        signed_in: true,
        organisations: p.organisations(),
        ..Scope::default()
    })
}

/// Names of themes, places and kinds in the viewer's language.
pub(crate) struct Names {
    locale: Locale,
    macro_areas: HashMap<String, String>,
    /// The macro-areas' codes and names in the programme's order.
    macro_areas_in_order: Vec<(String, String)>,
    sectors: HashMap<String, String>,
}

impl Names {
    /// The names in `locale`, kept while the themes are unchanged (importing sectors and saving
    /// a macro-area change them, through any instance): the sectors' code list runs to hundreds
    /// of rows. Every language is worked out at once.
    pub(crate) async fn load(state: &AppState, locale: Locale) -> Result<Arc<Names>, db::DbError> {
        let all = state
            .kept
            .get_or_compute(&state.db, "library/names".into(), NAMES_PARTS, || async {
                let areas = db::library::macro_areas(&state.db).await?;
                let sectors = db::library::sectors(&state.db).await?;
                Ok::<_, db::DbError>(
                    Locale::ALL
                        .into_iter()
                        .map(|l| Arc::new(Names::new(l, &areas, &sectors)))
                        .collect::<Vec<Arc<Names>>>(),
                )
            })
            .await?;
        all.iter()
            .find(|n| n.locale == locale)
            .cloned()
            .ok_or(db::DbError::NotFound)
    }

    fn new(
        locale: Locale,
        areas: &[db::library::MacroArea],
        sectors: &[db::library::Sector],
    ) -> Names {
        let macro_areas_in_order: Vec<(String, String)> = areas
            .iter()
            .map(|m| {
                let name = match locale {
                    Locale::It => &m.name_it,
                    Locale::En => &m.name_en,
                    Locale::Fr => &m.name_fr,
                };
                (m.code.clone(), name.clone())
            })
            .collect();
        let macro_areas = macro_areas_in_order.iter().cloned().collect();
        let sectors = sectors
            .iter()
            .map(|s| {
                let name = match (locale, &s.name_fr) {
                    (Locale::Fr, Some(fr)) => fr,
                    _ => &s.name_en,
                };
                (s.code.clone(), name.clone())
            })
            .collect();
        Names {
            locale,
            macro_areas,
            macro_areas_in_order,
            sectors,
        }
    }

    /// The macro-areas' codes and names in the programme's order.
    pub(crate) fn macro_areas_in_order(&self) -> &[(String, String)] {
        &self.macro_areas_in_order
    }

    pub(crate) fn theme(&self, code: &str) -> String {
        if let Some(m) = code.strip_prefix("m:") {
            self.macro_areas.get(m).cloned().unwrap_or_else(|| m.into())
        } else if let Some(d) = code.strip_prefix("dac:") {
            match self.sectors.get(d) {
                Some(n) => format!("{n} ({d})"),
                None => d.to_string(),
            }
        } else {
            code.to_string()
        }
    }

    pub(crate) fn place(&self, state: &AppState, code: &str) -> String {
        if let Some(c) = places::country(code) {
            c.name(self.locale).to_string()
        } else if let Some(r) = places::region_name(code) {
            r.to_string()
        } else if code.starts_with("group-") {
            state.i18n.t(self.locale, &format!("place-{code}"))
        } else {
            code.to_string()
        }
    }

    pub(crate) fn macro_area_list(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = self
            .macro_areas
            .iter()
            .map(|(c, n)| (format!("m:{c}"), n.clone()))
            .collect();
        self.locale.sort_by_name(&mut v, |(_, name)| name.as_str());
        v
    }

    pub(crate) fn sector_list(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = self
            .sectors
            .iter()
            .map(|(c, n)| (format!("dac:{c}"), format!("{c} · {n}")))
            .collect();
        v.sort();
        v
    }
}

impl Weigh for Names {
    fn weight(&self) -> usize {
        let pairs = |m: &HashMap<String, String>| {
            m.iter().map(|(k, v)| k.len() + v.len() + 48).sum::<usize>()
        };
        pairs(&self.macro_areas)
            + pairs(&self.sectors)
            + self
                .macro_areas_in_order
                .iter()
                .map(|(k, v)| k.len() + v.len() + 48)
                .sum::<usize>()
    }
}

/// The names of every place and theme in the three languages, for the library's queries to find
/// documents by the places and themes they are tagged with. Kept while the themes are unchanged.
pub(crate) async fn vocabulary(state: &AppState) -> Result<Arc<Vocabulary>, db::DbError> {
    state
        .kept
        .get_or_compute(
            &state.db,
            "library/vocabulary".into(),
            NAMES_PARTS,
            || async {
                let areas = db::library::macro_areas(&state.db).await?;
                let sectors = db::library::sectors(&state.db).await?;
                let mut v = Vocabulary::default();
                for c in places::COUNTRIES {
                    let names: Vec<(&str, &str)> =
                        Locale::ALL.iter().map(|l| (c.name(*l), l.code())).collect();
                    v.add(TagKind::Place, c.code, &names);
                }
                for (code, _) in places::GROUPS {
                    let names: Vec<(String, &str)> = Locale::ALL
                        .iter()
                        .map(|l| (state.i18n.t(*l, &format!("place-{code}")), l.code()))
                        .collect();
                    let names: Vec<(&str, &str)> =
                        names.iter().map(|(n, l)| (n.as_str(), *l)).collect();
                    v.add(TagKind::Place, code, &names);
                }
                for (code, name) in places::REGIONS {
                    v.add(TagKind::Place, code, &[(name, "it")]);
                }
                for m in &areas {
                    v.add(
                        TagKind::Theme,
                        &format!("m:{}", m.code),
                        &[(&m.name_it, "it"), (&m.name_en, "en"), (&m.name_fr, "fr")],
                    );
                }
                for s in sectors.iter().filter(|s| s.active) {
                    let mut names = vec![(s.name_en.as_str(), "en")];
                    if let Some(fr) = &s.name_fr {
                        names.push((fr.as_str(), "fr"));
                    }
                    v.add(TagKind::Theme, &format!("dac:{}", s.code), &names);
                }
                Ok::<_, db::DbError>(v)
            },
        )
        .await
}

impl Weigh for Vocabulary {
    fn weight(&self) -> usize {
        self.len() * 256 + 64
    }
}

/// The items of a reading list the viewer may see, ready for `library/_reading.html`.
pub(crate) async fn reading_list(
    state: &AppState,
    viewer: &Viewer,
    target: ReadingFor,
) -> AppResult<Vec<Value>> {
    let scope = scope(state, viewer).await?;
    Ok(db::library::reading_list(&state.db, target)
        .await?
        .into_iter()
        .filter(|r| r.seen_by(&scope))
        .map(|r| {
            context! { id => r.id, document => r.document_id, title => r.title, kind => r.kind,
            language => r.language, year => r.year, note => r.note }
        })
        .collect())
}

/// A document the viewer may see, else 404 (a document one may not see does not exist for them).
pub(crate) async fn document(state: &AppState, viewer: &Viewer, id: Uuid) -> AppResult<Document> {
    let doc = db::library::document(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let scope = scope(state, viewer).await?;
    if scope.sees(doc.visibility(), doc.owner()) {
        Ok(doc)
    } else {
        Err(AppError::NotFound)
    }
}
