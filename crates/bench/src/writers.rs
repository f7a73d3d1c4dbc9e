//! Writers for the mixed scenario: while clients read a page, changes go through `db`'s write path
//! at a set rate (one write per N completed reads): a product saved, a comment, a registration to
//! a session and its withdrawal, a session's register recorded, a library document uploaded, a
//! person's directory choice saved. Each
//! raises the generations of its parts, so the server's kept values are computed again as they
//! would be under real use.

use db::Db;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use uuid::Uuid;

/// What the writers need from the seeded data.
pub struct Targets {
    /// A product of the workspace to save (the page measured: its content does not grow).
    pub product: Uuid,
    /// Another product of the workspace to comment on: comments piling up on the product
    /// measured would measure a page of thousands of threads instead of the cost of writing.
    pub discussed: Uuid,
    pub author: Uuid,
    /// A session still to come with free seats, and people to register to it.
    pub coming: Uuid,
    pub people: Vec<Uuid>,
    /// A held session and its register.
    pub held: Uuid,
    pub present: Vec<(Uuid, i64)>,
    pub staff: Uuid,
    pub workspace: Uuid,
    pub group: Uuid,
}

impl Targets {
    /// Finds the writers' targets in the seeded data.
    pub async fn find(
        db: &Db,
        product: Uuid,
        held: Uuid,
        workspace: Uuid,
        group: Uuid,
    ) -> anyhow::Result<Targets> {
        let staff = db::accounts::credentials(db, "staff@ponte.example")
            .await?
            .ok_or_else(|| anyhow::anyhow!("no staff account"))?
            .id;
        let author = db::accounts::credentials(db, "membro@ponte.example")
            .await?
            .ok_or_else(|| anyhow::anyhow!("no member account"))?
            .id;
        let discussed = db::products::list(db, workspace)
            .await?
            .into_iter()
            .find(|p| p.id != product)
            .ok_or_else(|| anyhow::anyhow!("the workspace has a single product"))?
            .id;
        let now = chrono::Utc::now();
        let coming = db::labs::list(db, &Default::default())
            .await?
            .into_iter()
            .find(|s| s.starts_at > now + chrono::Duration::days(1) && s.registered < s.capacity)
            .ok_or_else(|| anyhow::anyhow!("no session to come with free seats"))?
            .id;
        let mut people = Vec::new();
        // People outside the cohort, which the seeded sessions do not list.
        for n in 250..290 {
            if let Some(c) =
                db::accounts::credentials(db, &format!("persona{n:04}@bench.example")).await?
            {
                people.push(c.id);
            }
        }
        anyhow::ensure!(!people.is_empty(), "no people to register");
        let present = db::labs::participants(db, held)
            .await?
            .into_iter()
            .filter(|p| p.status == "registered")
            .flat_map(|p| [(p.user_id, 0), (p.user_id, 1)])
            .collect();
        Ok(Targets {
            product,
            discussed,
            author,
            coming,
            people,
            held,
            present,
            staff,
            workspace,
            group,
        })
    }

    /// Write number `n`: the kinds take turns.
    async fn write(&self, db: &Db, n: u64) -> anyhow::Result<()> {
        match n % 6 {
            0 => {
                let p = db::products::get(db, self.product)
                    .await?
                    .ok_or_else(|| anyhow::anyhow!("the product is gone"))?;
                let save = db::products::Save {
                    title: &p.title,
                    content: &p.content,
                    due_on: p.due_on,
                    version_label: None,
                };
                // Another writer may have saved meanwhile: a refused save is a write too.
                let _ = db::products::save(db, p.id, p.version, &save, Some(self.author)).await;
            }
            1 => {
                let c = db::products::NewComment {
                    product: self.discussed,
                    parent: None,
                    version_number: 0,
                    anchor: "",
                    body: "Osservazione scritta durante la misura",
                };
                let notice = db::products::Notice {
                    to: Vec::new(),
                    kind: "comment",
                    title: String::new(),
                    link: String::new(),
                };
                db::products::comment(db, &c, Some(self.author), &notice).await?;
            }
            2 => {
                let who = self.people[(n / 6) as usize % self.people.len()];
                let now = chrono::Utc::now();
                if !matches!(
                    db::labs::register(db, self.coming, who, now).await,
                    Ok(true)
                ) {
                    db::labs::unregister(db, self.coming, who, now).await?;
                }
            }
            3 => {
                let keep = self.present.len() - (n as usize / 6) % 2;
                db::labs::save_register(db, self.held, &self.present[..keep], Some(self.staff))
                    .await?;
            }
            4 => {
                crate::library::seed(db, 1, self.staff, self.workspace, self.group).await?;
            }
            _ => {
                // One of the people outside the cohort changes their role in the directory.
                let who = self.people[(n / 6) as usize % self.people.len()];
                if let Some(saved) = db::directory::entry(db, who).await? {
                    let mut entry = saved.entry;
                    entry.role = Some(format!("Funzionario, ufficio Europa ({n})"));
                    // Another writer may have saved meanwhile: a refused save is a write too.
                    let _ = db::directory::save(db, who, Some(saved.version), &entry).await;
                }
            }
        }
        Ok(())
    }
}

/// Writes while `reads` grows, one write per `every` reads, until `until`; returns how many.
pub async fn run(
    db: Db,
    targets: Arc<Targets>,
    reads: Arc<AtomicU64>,
    every: u64,
    until: Instant,
) -> anyhow::Result<u64> {
    let mut done = 0u64;
    while Instant::now() < until {
        if reads.load(Ordering::Relaxed) / every.max(1) > done {
            targets.write(&db, done).await?;
            done += 1;
        } else {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    }
    Ok(done)
}
