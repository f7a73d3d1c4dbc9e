//! The demo library: the programme's macro-areas, the DAC sectors the demo documents use (the
//! full list comes with `ponte import sectors`), and 60 documents stored as Markdown files and
//! indexed at once, and 8 good practices with their structured records.

use crate::demo_library_docs::{DOCS, PRACTICES};
use db::library::{Links, MacroArea, StoredFile};
use db::Db;
use domain::library::sectors::Sector;
use domain::library::{check, DraftInput};
use uuid::Uuid;

/// The programme's macro-areas of internationalisation: code, Italian, English, French.
pub const MACRO_AREAS: &[(&str, &str, &str, &str)] = &[
    (
        "sviluppo-economico",
        "Sviluppo economico locale e internazionalizzazione delle imprese",
        "Local economic development and business internationalisation",
        "Développement économique local et internationalisation des entreprises",
    ),
    (
        "governance",
        "Governance locale e rafforzamento istituzionale",
        "Local governance and institutional strengthening",
        "Gouvernance locale et renforcement institutionnel",
    ),
    (
        "ambiente",
        "Ambiente, energia e cambiamento climatico",
        "Environment, energy and climate change",
        "Environnement, énergie et changement climatique",
    ),
    (
        "turismo-cultura",
        "Turismo sostenibile e patrimonio culturale",
        "Sustainable tourism and cultural heritage",
        "Tourisme durable et patrimoine culturel",
    ),
    (
        "agricoltura",
        "Agricoltura e sviluppo rurale",
        "Agriculture and rural development",
        "Agriculture et développement rural",
    ),
    (
        "migrazioni",
        "Migrazioni, inclusione sociale e cosviluppo",
        "Migration, social inclusion and co-development",
        "Migrations, inclusion sociale et codéveloppement",
    ),
    (
        "giovani-formazione",
        "Giovani, istruzione e formazione",
        "Youth, education and training",
        "Jeunesse, éducation et formation",
    ),
    (
        "servizi-pubblici",
        "Servizi pubblici locali e infrastrutture",
        "Local public services and infrastructure",
        "Services publics locaux et infrastructures",
    ),
];

/// The sectors of the official IATI list that the demo documents carry, with their names as the
/// list gives them.
const SECTORS: &[(&str, &str, &str)] = &[
    ("11330", "Vocational training", "Formation professionnelle"),
    ("14010", "Water sector policy and administrative management", "Politique et gestion administrative du secteur de l'eau"),
    ("14020", "Water supply and sanitation - large systems", "Approvisionnement en eau et assainissement - systèmes à grande échelle"),
    ("15110", "Public sector policy and administrative management", "Politiques publiques et gestion administrative"),
    ("15112", "Decentralisation and support to subnational government", "Décentralisation et soutien aux administrations infranationales"),
    ("15150", "Democratic participation and civil society", "Participation démocratique et société civile"),
    ("15185", "Local government administration", "Administration publique locale"),
    ("15190", "Facilitation of orderly, safe, regular and responsible migration and mobility", "Faciliter la migration et la mobilité de façon ordonnée, sans danger, régulière et responsable"),
    ("16020", "Employment creation", "Création d'emplois"),
    ("16061", "Culture and recreation", "Culture et loisirs"),
    ("21020", "Road transport", "Transport routier"),
    ("23110", "Energy policy and administrative management", "Politique énergétique et gestion administrative"),
    ("23210", "Energy generation, renewable sources - multiple technologies", "Production d'énergie, sources renouvelables - multiples technologies"),
    ("25030", "Business development services", "Business development services"),
    ("31120", "Agricultural development", "Développement agricole"),
    ("32130", "Small and medium-sized enterprises (SME) development", "Développement des Petites et moyennes entreprises (PME)"),
    ("33210", "Tourism policy and administrative management", "Politique du tourisme et gestion administrative"),
    ("41010", "Environmental policy and administrative management", "Politique de l'environnement et gestion administrative"),
    ("41030", "Biodiversity", "Diversité biologique"),
    ("43030", "Urban development and management", "Développement et gestion urbaine"),
    ("43040", "Rural development", "Développement rural"),
];

/// The reading list of the first module: document title and note.
const READ_FIRST: &[(&str, &str)] = &[
    (
        "Dall'albero dei problemi all'albero degli obiettivi",
        "Leggete il capitolo sull'analisi dei problemi: lo useremo nel primo esercizio.",
    ),
    (
        "Modello di quadro logico per progetti di cooperazione decentrata",
        "Portate il modello stampato o sul portatile.",
    ),
    (
        "Guida alla cooperazione territoriale europea per gli enti locali",
        "",
    ),
];

/// A file name from a title: lower-case ASCII words joined by hyphens.
fn slug(title: &str) -> String {
    let folded = domain::library::text::fold(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    words.join("-")
}

/// Loads the demo library; `salerno` owns the documents visible to one administration and
/// `cohort` the working group's ones. Returns how many documents were added.
pub async fn load(
    db: &Db,
    storage: &storage::Storage,
    staff: Uuid,
    salerno: Uuid,
    cohort: Uuid,
) -> anyhow::Result<usize> {
    for (i, (code, it, en, fr)) in MACRO_AREAS.iter().enumerate() {
        let area = MacroArea {
            code: code.to_string(),
            name_it: it.to_string(),
            name_en: en.to_string(),
            name_fr: fr.to_string(),
            position: (i as i64 + 1) * 10,
            version: 1,
        };
        db::library::save_macro_area(db, &area, None, Some(staff)).await?;
    }
    let sectors: Vec<Sector> = SECTORS
        .iter()
        .map(|(code, en, fr)| Sector {
            code: code.to_string(),
            category: code[..3].to_string(),
            active: true,
            name_en: en.to_string(),
            name_fr: Some(fr.to_string()),
        })
        .collect();
    db::library::import_sectors(db, &sectors, Some(staff)).await?;
    let structure = db::programme::structure(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the programme did not load"))?;
    let module_a1 = structure.modules.first().map(|m| (m.id, m.strand_id));
    let mut ids: Vec<(&str, Uuid)> = Vec::new();
    for (kind, language, year, visibility, title, summary, source, themes, places, text) in DOCS {
        let (visibility, organisation, group) = match *visibility {
            "org" => ("organisation", salerno.to_string(), String::new()),
            "group" => ("group", String::new(), cohort.to_string()),
            v => (v, String::new(), String::new()),
        };
        let input = DraftInput {
            title: title.to_string(),
            summary: summary.to_string(),
            kind: kind.to_string(),
            language: language.to_string(),
            year: year.to_string(),
            source: source.to_string(),
            licence: if source.contains("staff")
                || source.contains("Staff")
                || source.contains("Équipe")
            {
                "CC BY 4.0".into()
            } else {
                String::new()
            },
            visibility: visibility.into(),
            organisation,
            group,
            themes: themes.iter().map(|t| t.to_string()).collect(),
            places: places.iter().map(|p| p.to_string()).collect(),
            ..Default::default()
        };
        let draft = check(&input, 2026, |_| true)
            .map_err(|e| anyhow::anyhow!("demo document {title:?} is invalid: {:?}", e.0))?;
        let markdown = format!("# {title}\n\n*{summary}*\n\n{text}\n\n{source}, {year}.\n");
        let key = storage.put(markdown.as_bytes()).await?;
        let file = StoredFile {
            key: key.0,
            name: format!("{}.md", slug(title)),
            content_type: "text/markdown; charset=utf-8".into(),
            size: markdown.len() as i64,
            extractable: true,
            text: Some(markdown),
        };
        // Templates and presentations of the programme belong to the first module of strand A.
        let links = match (*kind, module_a1) {
            ("template" | "presentation", Some((module, strand))) => Links {
                strand: Some(strand),
                module: Some(module),
                session: None,
            },
            _ => Links::default(),
        };
        let id = db::library::create(db, &draft, Some(&file), &links, Some(staff)).await?;
        ids.push((*title, id));
    }
    // The first module's reading list: what to read before the first lab of strand A.
    if let Some((module, _)) = module_a1 {
        for (title, note) in READ_FIRST {
            if let Some((_, id)) = ids.iter().find(|(t, _)| t == title) {
                let target = db::library::ReadingFor::Module(module);
                db::library::add_reading(db, target, *id, note, Some(staff)).await?;
            }
        }
    }
    for (language, year, visibility, title, summary, administration, themes, places, sections) in
        PRACTICES
    {
        let input = DraftInput {
            title: title.to_string(),
            summary: summary.to_string(),
            kind: "good_practice".into(),
            language: language.to_string(),
            year: year.to_string(),
            source: administration.to_string(),
            visibility: visibility.to_string(),
            themes: themes.iter().map(|t| t.to_string()).collect(),
            places: places.iter().map(|p| p.to_string()).collect(),
            ..Default::default()
        };
        let draft = check(&input, 2026, |_| true)
            .map_err(|e| anyhow::anyhow!("demo practice {title:?} is invalid: {:?}", e.0))?;
        let names = domain::library::practices::SECTIONS;
        let practice = domain::library::practices::check(administration, |name| {
            names
                .iter()
                .position(|n| *n == name)
                .map(|i| sections[i].to_string())
                .unwrap_or_default()
        })
        .map_err(|e| anyhow::anyhow!("demo practice {title:?} is invalid: {:?}", e.0))?;
        db::library::create_practice(db, &draft, &practice, None, &Links::default(), Some(staff))
            .await?;
    }
    Ok(DOCS.len() + PRACTICES.len())
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs_are_plain() {
        assert_eq!(
            super::slug("Étude pays : Maroc, régionalisation avancée"),
            "etude-pays-maroc-regionalisation-avancee"
        );
    }
}
