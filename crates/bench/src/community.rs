//! Discussions for the dataset: the demo member's administration space with 2,000 threads, one of
//! them with 500 replies (some quoting, some in Markdown), written through the application's
//! own write path, so that the space and thread pages are measured at the size the issue names.

use db::Db;
use domain::community::spaces::Kind;
use uuid::Uuid;

/// What the pages need of the discussions.
pub struct Seeded {
    pub threads: usize,
    pub replies: usize,
    /// The thread with the replies.
    pub long_thread: Uuid,
}

fn draft(title: &str, body: &str) -> anyhow::Result<domain::community::ThreadDraft> {
    domain::community::check_thread(title, body)
        .map_err(|e| anyhow::anyhow!("a benchmark thread does not pass its checks: {e:?}"))
}

/// Writes `threads` threads in `space` (an administration's) by `authors` in turn, the first of
/// them with `replies` replies.
pub async fn seed(
    db: &Db,
    space: Uuid,
    authors: &[Uuid],
    threads: usize,
    replies: usize,
) -> anyhow::Result<Seeded> {
    anyhow::ensure!(!authors.is_empty(), "no author for the discussions");
    let none = db::community::Audience::default();
    let mut long_thread = None;
    for n in 0..threads {
        let author = authors[n % authors.len()];
        let id = db::community::create_thread(
            db,
            Kind::Administration,
            space,
            author,
            &draft(
                &format!("Discussione {n}: indicatori e fonti di verifica"),
                &format!(
                    "Proposta numero {n} per rivedere gli **indicatori di risultato** prima \
                     dell'invio al tutor.\n\n- fonti ISTAT aggiornate;\n- verbali delle \
                     riunioni del tavolo."
                ),
            )?,
            &[],
            &none,
        )
        .await?;
        long_thread.get_or_insert(id);
    }
    let long_thread = long_thread.ok_or_else(|| anyhow::anyhow!("no thread written"))?;
    let mut quoted = None;
    for r in 0..replies {
        let author = authors[(r + 1) % authors.len()];
        let body = format!(
            "Risposta {r}: concordo sul *quadro logico*; aggiungerei una fonte per \
             l'indicatore {}.",
            r % 12 + 1
        );
        // One reply in ten quotes the one before it.
        let quote = if r % 10 == 9 { quoted } else { None };
        let post = db::community::reply(db, long_thread, author, &body, quote, &[], &none).await?;
        quoted = Some(post);
    }
    Ok(Seeded {
        threads,
        replies,
        long_thread,
    })
}
