//! The OECD DAC CRS purpose codes (5-digit sectors) read from the IATI `Sector.xml` codelist:
//! code, 3-digit category, status and names by language (the list carries English and French;
//! Italian falls back to English).

use quick_xml::events::Event;
use quick_xml::Reader;

/// One sector of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sector {
    pub code: String,
    pub category: String,
    pub active: bool,
    pub name_en: String,
    pub name_fr: Option<String>,
}

/// Why a sector list was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SectorsError {
    #[error("the file is not well-formed XML (near byte {0})")]
    Xml(u64),
    #[error("the file declares a document type or an unknown entity, which is refused")]
    Entity,
    #[error("the file is not the IATI Sector codelist")]
    NotSectors,
    #[error("item {0} has no valid 5-digit code, category or English name")]
    Item(usize),
}

/// Reads the IATI Sector codelist.
pub fn parse(xml: &str) -> Result<Vec<Sector>, SectorsError> {
    let mut reader = Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut current: Option<(Sector, bool)> = None;
    let mut lang: Option<String> = None;
    let mut text = String::new();
    let mut root_ok = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|_| SectorsError::Xml(reader.buffer_position()))?;
        match event {
            Event::Start(e) => {
                let name = e.name().0.to_string();
                if path.is_empty() {
                    root_ok = name == "codelist"
                        && e.try_get_attribute("name")
                            .ok()
                            .flatten()
                            .and_then(|a| {
                                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                    .ok()
                                    .map(|v| v == "Sector")
                            })
                            .unwrap_or(false);
                    if !root_ok {
                        return Err(SectorsError::NotSectors);
                    }
                }
                if name == "codelist-item" {
                    let active = e
                        .try_get_attribute("status")
                        .ok()
                        .flatten()
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v != "withdrawn")
                        })
                        .unwrap_or(true);
                    current = Some((
                        Sector {
                            code: String::new(),
                            category: String::new(),
                            active,
                            name_en: String::new(),
                            name_fr: None,
                        },
                        active,
                    ));
                }
                if name == "narrative" {
                    lang = e
                        .try_get_attribute("xml:lang")
                        .ok()
                        .flatten()
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        });
                }
                text.clear();
                path.push(name);
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten().map(String::from)
                } else {
                    quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                        .map(str::to_string)
                };
                text.push_str(&c.ok_or(SectorsError::Entity)?);
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                let parent = path.last().map(String::as_str);
                if let Some((item, _)) = current.as_mut() {
                    match (name.as_str(), parent) {
                        ("code", Some("codelist-item")) => item.code = text.trim().to_string(),
                        ("category", Some("codelist-item")) => {
                            item.category = text.trim().to_string()
                        }
                        ("narrative", Some("name"))
                            if path.len() >= 2 && path[path.len() - 2] == "codelist-item" =>
                        {
                            let value = text.trim().to_string();
                            match lang.as_deref() {
                                None | Some("en") => item.name_en = value,
                                Some("fr") => item.name_fr = Some(value),
                                _ => {}
                            }
                        }
                        ("codelist-item", _) => {}
                        _ => {}
                    }
                }
                if name == "codelist-item" {
                    if let Some((item, _)) = current.take() {
                        let valid = item.code.len() == 5
                            && item.code.bytes().all(|b| b.is_ascii_digit())
                            && item.category.len() == 3
                            && item.code.starts_with(&item.category)
                            && !item.name_en.is_empty();
                        if !valid {
                            return Err(SectorsError::Item(out.len() + 1));
                        }
                        out.push(item);
                    }
                }
                text.clear();
            }
            Event::DocType(_) => return Err(SectorsError::Entity),
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_ok || out.is_empty() {
        return Err(SectorsError::NotSectors);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<codelist name="Sector" xml:lang="en"><codelist-items>
<codelist-item status="active"><code>15110</code><name><narrative>Public sector policy &amp; administrative management</narrative><narrative xml:lang="fr">Politique et administration du secteur public</narrative></name><description><narrative>Not a name</narrative></description><category>151</category></codelist-item>
<codelist-item status="withdrawn"><code>16062</code><name><narrative>Statistical capacity building</narrative></name><category>160</category></codelist-item>
</codelist-items></codelist>"#;

    #[test]
    fn reads_codes_categories_and_names() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].code, "15110");
        assert_eq!(s[0].category, "151");
        assert_eq!(
            s[0].name_en,
            "Public sector policy & administrative management"
        );
        assert_eq!(
            s[0].name_fr.as_deref(),
            Some("Politique et administration du secteur public")
        );
        assert!(s[0].active && !s[1].active);
    }

    #[test]
    fn refuses_other_files() {
        assert_eq!(
            parse("<codelist name=\"Country\"/>"),
            Err(SectorsError::NotSectors)
        );
        assert!(matches!(
            parse("<codelist name=\"Sector\"><a></b>"),
            Err(SectorsError::Xml(_))
        ));
        assert_eq!(
            parse("<!DOCTYPE x [<!ENTITY a \"b\">]><codelist name=\"Sector\"/>"),
            Err(SectorsError::Entity)
        );
        let bad = SAMPLE.replace("<code>15110</code>", "<code>1511</code>");
        assert_eq!(parse(&bad), Err(SectorsError::Item(1)));
    }

    /// The official file.
    #[test]
    fn official_sector_list() {
        let Some(bytes) = crate::test_data::official("iati/codelists/Sector.xml") else {
            return;
        };
        let xml = String::from_utf8(bytes).unwrap();
        let s = parse(&xml).unwrap();
        assert!(s.len() > 300, "{}", s.len());
        assert!(s.iter().any(|x| x.code == "15110"));
        assert!(s.iter().filter(|x| x.name_fr.is_some()).count() > 250);
    }
}
