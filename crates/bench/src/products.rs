//! Products for the dataset: 2,000 products across the organisations (half of them logframes of
//! a dozen rows), 10 versions each and 50 comments each, so that product pages are measured with
//! a realistic history.

use db::Db;
use domain::products::logframe::{Direction, Indicator, Level, Logframe, Measure, Mode, Row};
use domain::products::Content;
use uuid::Uuid;

/// What the pages need of the products.
pub struct Seeded {
    pub products: usize,
    pub versions: usize,
    pub comments: usize,
    /// A logframe of the demo member's workspace, with its full history.
    pub logframe: Uuid,
}

fn logframe(n: usize, v: usize) -> Logframe {
    let mut lf = Logframe::starter(Mode::Classic);
    lf.rows.clear();
    let add = |lf: &mut Logframe, level: Level, text: String| {
        let id = lf.fresh_id("r");
        let mut row = Row::new(id, level);
        row.text = text;
        row.assumptions = "Le amministrazioni partner confermano l'impegno".into();
        row.sources = "Delibere e verbali".into();
        if level != Level::Activity {
            let ind = lf.fresh_id("i");
            row.indicators.push(Indicator {
                id: ind,
                text: format!("Indicatore della riga {} (versione {v})", lf.rows.len() + 1),
                unit: "accordi".into(),
                measure: Measure::Number,
                direction: Direction::Increase,
                baseline: "0".into(),
                baseline_year: Some(2024),
                target: format!("{}", 3 + v),
                target_date: "2027-12-31".into(),
                source: "Registro".into(),
                ..Indicator::default()
            });
        }
        lf.rows.push(row);
    };
    add(
        &mut lf,
        Level::Overall,
        format!("Obiettivo generale del quadro {n}"),
    );
    for s in 0..2 {
        add(
            &mut lf,
            Level::Specific,
            format!("Obiettivo specifico {} del quadro {n}, versione {v}", s + 1),
        );
        for r in 0..2 {
            add(
                &mut lf,
                Level::Result,
                format!("Risultato {}.{} della versione {v}", s + 1, r + 1),
            );
            add(
                &mut lf,
                Level::Activity,
                format!("Attività {}.{}.1", s + 1, r + 1),
            );
        }
    }
    lf
}

fn text(n: usize, v: usize) -> String {
    let mut md = String::new();
    for s in 0..6 {
        md.push_str(&format!("## Sezione {s}\n\nTesto del prodotto {n} alla versione {v}: la Provincia rafforza la cooperazione con i partner dei Balcani occidentali e del Mediterraneo del sud, con attività di formazione, scambi di personale e progetti comuni sul turismo sostenibile.\n\n"));
    }
    md
}

/// Adds `n` products with `versions` versions and `comments` comments each.
pub async fn seed(
    db: &Db,
    n: usize,
    versions: usize,
    comments: usize,
    workspace: Uuid,
    organisations: &[Uuid],
    authors: &[Uuid],
) -> anyhow::Result<Seeded> {
    let mut first_logframe = None;
    let kinds = [
        "logframe",
        "communication_plan",
        "project_proposal",
        "budget",
    ];
    for i in 0..n {
        // The demo member's workspace gets 40 products; the others share the rest.
        let org = if i < 40 {
            workspace
        } else {
            organisations[i % organisations.len()]
        };
        let kind = if i % 2 == 0 {
            "logframe"
        } else {
            kinds[1 + i % 3]
        };
        let content = |v: usize| match kind {
            "logframe" => Content::Logframe(logframe(i, v)).to_json(),
            _ => Content::Text {
                markdown: text(i, v),
            }
            .to_json(),
        };
        let title = format!("Prodotto di prova {i:04}");
        let draft = content(versions);
        let new = db::products::NewProduct {
            organisation: org,
            kind,
            title: &title,
            content: &draft,
            due_on: None,
            model_of: None,
            session: None,
        };
        let id = db::products::create(db, &new, Some(authors[i % authors.len()])).await?;
        let history: Vec<String> = (1..=versions).map(content).collect();
        let anchors: Vec<String> = match Content::from_json(&draft) {
            Content::Logframe(lf) => lf.rows.iter().map(|r| format!("row:{}", r.id)).collect(),
            _ => vec![String::new()],
        };
        let notes: Vec<(i64, String, String, Uuid)> = (0..comments)
            .map(|c| {
                (
                    (c % versions.max(1)) as i64 + 1,
                    anchors[c % anchors.len()].clone(),
                    format!("Commento {c} del tutor: rivedere la formulazione e indicare la fonte dei dati."),
                    authors[(i + c) % authors.len()],
                )
            })
            .collect();
        db::testing::seed_product_history(db, id, &title, &history, &notes).await;
        if first_logframe.is_none() && kind == "logframe" && org == workspace {
            first_logframe = Some(id);
        }
    }
    Ok(Seeded {
        products: n,
        versions: n * versions,
        comments: n * comments,
        logframe: first_logframe.ok_or_else(|| anyhow::anyhow!("no logframe in the workspace"))?,
    })
}
