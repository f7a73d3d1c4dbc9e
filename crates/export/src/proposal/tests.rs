use super::*;

fn sample(draft: bool) -> Proposal {
    Proposal {
        title: "Turismo sostenibile Salerno–Durazzo".into(),
        cover: vec![
            "IPA ADRION — bando 2027".into(),
            "Provincia di Salerno".into(),
        ],
        lang: "it".into(),
        contents: "Indice".into(),
        draft: draft.then(|| {
            (
                "BOZZA — non ammissibile".into(),
                "1 requisito del bando non è rispettato.".into(),
            )
        }),
        date: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
        sections: vec![
            Section {
                number: "1".into(),
                title: "Sintesi".into(),
                landscape: false,
                parts: vec![Part::Block(Block::Paragraph(
                    "Durrës, Дуррес, دوريس".into(),
                ))],
            },
            Section {
                number: "2".into(),
                title: "Piano di lavoro".into(),
                landscape: true,
                parts: vec![Part::Gantt(Gantt {
                    label: "Attività".into(),
                    month: "M".into(),
                    rows: vec![
                        ("1.1 Visite".into(), vec![true, true, false]),
                        ("1.2 <Scambi> \"#x\"".into(), vec![false, false, true]),
                    ],
                })],
            },
            Section {
                number: "3".into(),
                title: "Budget".into(),
                landscape: true,
                parts: vec![
                    Part::Block(Block::Heading(1, "Totali".into())),
                    Part::Block(Block::Table(vec![
                        vec!["Partner".into(), "Totale".into()],
                        vec!["Salerno".into(), "1.234,56 €".into()],
                    ])),
                ],
            },
            Section {
                number: "4".into(),
                title: "Sostenibilità".into(),
                landscape: false,
                parts: vec![],
            },
        ],
    }
}

#[test]
fn the_docx_has_numbered_sections_in_their_orientation() {
    let body = document_xml(&sample(true));
    for h in [
        "1. Sintesi",
        "2. Piano di lavoro",
        "3. Budget",
        "4. Sostenibilità",
    ] {
        assert!(
            body.contains(&format!(
                "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{h}"
            )),
            "{h}"
        );
    }
    // Cover and contents, then one section per change of orientation, then the last one.
    assert_eq!(body.matches("<w:sectPr>").count(), 4);
    assert_eq!(body.matches("w:orient=\"landscape\"").count(), 1);
    assert_eq!(
        body.matches("w:headerReference").count(),
        4,
        "the draft mark on every page"
    );
    assert!(body.contains(" TOC \\o"));
    assert!(body.contains("&lt;Scambi&gt; &quot;#x&quot;"));
    assert_eq!(
        body.matches("w:fill=\"003366\"").count(),
        3,
        "three months run"
    );
    let clean = document_xml(&sample(false));
    assert!(!clean.contains("w:headerReference"));
    assert!(!clean.contains("BOZZA"));
}

#[test]
fn the_docx_package_is_deterministic_and_complete() {
    let a = docx(&sample(true)).unwrap();
    assert_eq!(a, docx(&sample(true)).unwrap());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(a)).unwrap();
    let mut header = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/header1.xml").unwrap(), &mut header)
        .unwrap();
    assert!(header.contains("BOZZA — non ammissibile"));
}

#[test]
fn the_pdf_source_flips_the_wide_sections_and_marks_the_draft() {
    let source = typst_source(&sample(true));
    assert_eq!(source.matches("#page(flipped: true)").count(), 2);
    assert!(source.contains("#outline("));
    assert!(source.contains("header: align(center"));
    assert!(!typst_source(&sample(false)).contains("header: align(center"));
    // Markup typed by a person stays text.
    assert!(source.contains("\"1.2 <Scambi> \\\"#x\\\"\""));
}

#[test]
fn typesets_the_proposal() {
    let bytes = pdf(&sample(true)).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    if let Some(out) = std::env::var_os("PONTE_PROPOSAL_PDF_OUT") {
        std::fs::write(out, &bytes).unwrap();
    }
}
