//! The programme structure: programme, phases, strands, dimensions, modules, cohorts.

pub mod editing;

use crate::audit::Change;
use crate::{new_id, run, Db, DbError, Part, Result};
use domain::programme::{Delivery, PlannedDays};
use serde::Serialize;
use serde_json::json;
use sqlx::Row;
use uuid::Uuid;

/// The programme with its descriptive texts; lists are kept in order.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Programme {
    pub id: Uuid,
    pub code: String,
    pub title: String,
    pub funding: String,
    pub partners: Vec<String>,
    pub general_objective: String,
    pub system_actions: Vec<String>,
    pub path: Vec<String>,
    pub method: Vec<String>,
    pub expected_results: Vec<String>,
    pub transversal: Vec<String>,
    pub contribution: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Phase {
    pub id: Uuid,
    pub number: i64,
    pub title: String,
    pub description: String,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Strand {
    pub id: Uuid,
    pub code: String,
    pub title: String,
    pub description: String,
    pub position: i64,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dimension {
    pub id: Uuid,
    pub strand_id: Uuid,
    pub number: i64,
    pub title: String,
    pub question: String,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Module {
    pub id: Uuid,
    pub strand_id: Uuid,
    pub dimension_id: Option<Uuid>,
    pub position: i64,
    pub title: String,
    pub description: String,
    pub days: PlannedDays,
    pub delivery: Delivery,
    pub products: Vec<String>,
    pub objectives: String,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cohort {
    pub id: Uuid,
    pub phase_id: Uuid,
    pub name: String,
    pub description: String,
    pub version: i64,
    pub organisations: Vec<Uuid>,
    pub strands: Vec<Uuid>,
}

/// The whole structure, read in a fixed handful of queries.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Structure {
    pub programme: Programme,
    pub phases: Vec<Phase>,
    pub strands: Vec<Strand>,
    pub dimensions: Vec<Dimension>,
    pub modules: Vec<Module>,
    pub cohorts: Vec<Cohort>,
}

impl Structure {
    /// The strand with this code ("A", "b"), ignoring case.
    pub fn strand_by_code(&self, code: &str) -> Option<&Strand> {
        self.strands
            .iter()
            .find(|s| s.code.eq_ignore_ascii_case(code.trim()))
    }
}

fn list(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}

fn text(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

/// The structure of the (single) programme, or `None` when no programme is loaded.
pub async fn structure(db: &Db) -> Result<Option<Structure>> {
    run!(db, |pool| {
        let Some(p) = sqlx::query(
            "SELECT id, code, title, funding, partners, general_objective, system_actions, path, method, expected_results, transversal, contribution
             FROM programmes ORDER BY code LIMIT 1",
        )
        .fetch_optional(pool)
        .await?
        else {
            return Ok(None);
        };
        let programme = Programme {
            id: p.try_get(0)?,
            code: p.try_get(1)?,
            title: p.try_get(2)?,
            funding: p.try_get(3)?,
            partners: list(p.try_get(4)?),
            general_objective: p.try_get(5)?,
            system_actions: list(p.try_get(6)?),
            path: list(p.try_get(7)?),
            method: list(p.try_get(8)?),
            expected_results: list(p.try_get(9)?),
            transversal: list(p.try_get(10)?),
            contribution: list(p.try_get(11)?),
        };
        let id = programme.id;
        let phases = sqlx::query("SELECT id, number, title, description, version FROM phases WHERE programme_id = $1 ORDER BY number")
            .bind(id)
            .fetch_all(pool)
            .await?
            .iter()
            .map(|r| Ok(Phase { id: r.try_get(0)?, number: r.try_get(1)?, title: r.try_get(2)?, description: r.try_get(3)?, version: r.try_get(4)? }))
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?;
        let strands = sqlx::query("SELECT id, code, title, description, position, version FROM strands WHERE programme_id = $1 ORDER BY position")
            .bind(id)
            .fetch_all(pool)
            .await?
            .iter()
            .map(|r| Ok(Strand { id: r.try_get(0)?, code: r.try_get(1)?, title: r.try_get(2)?, description: r.try_get(3)?, position: r.try_get(4)?, version: r.try_get(5)? }))
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?;
        let dimensions = sqlx::query(
            "SELECT d.id, d.strand_id, d.number, d.title, d.question, d.version FROM dimensions d JOIN strands s ON s.id = d.strand_id
             WHERE s.programme_id = $1 ORDER BY s.position, d.number",
        )
        .bind(id)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| Ok(Dimension { id: r.try_get(0)?, strand_id: r.try_get(1)?, number: r.try_get(2)?, title: r.try_get(3)?, question: r.try_get(4)?, version: r.try_get(5)? }))
        .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?;
        let mut modules = Vec::new();
        for r in sqlx::query(
            "SELECT m.id, m.strand_id, m.dimension_id, m.position, m.title, m.description, m.days_min_tenths, m.days_max_tenths, m.delivery, m.products, m.objectives, m.version
             FROM modules m JOIN strands s ON s.id = m.strand_id WHERE s.programme_id = $1 ORDER BY s.position, m.position",
        )
        .bind(id)
        .fetch_all(pool)
        .await?
        {
            let delivery: String = r.try_get(8)?;
            let id: Uuid = r.try_get(0)?;
            let delivery = Delivery::parse(&delivery).ok_or_else(|| {
                crate::unknown_code("module delivery", format!("modules/{id}/delivery"), &delivery)
            })?;
            modules.push(Module {
                id,
                strand_id: r.try_get(1)?,
                dimension_id: r.try_get(2)?,
                position: r.try_get(3)?,
                title: r.try_get(4)?,
                description: r.try_get(5)?,
                days: PlannedDays::new(r.try_get(6)?, r.try_get(7)?),
                delivery,
                products: list(r.try_get(9)?),
                objectives: r.try_get(10)?,
                version: r.try_get(11)?,
            });
        }
        let mut cohorts = Vec::new();
        for r in sqlx::query(
            "SELECT id, phase_id, name, description, version FROM cohorts WHERE programme_id = $1",
        )
        .bind(id)
        .fetch_all(pool)
        .await?
        {
            cohorts.push(Cohort {
                id: r.try_get(0)?,
                phase_id: r.try_get(1)?,
                name: r.try_get(2)?,
                description: r.try_get(3)?,
                version: r.try_get(4)?,
                organisations: Vec::new(),
                strands: Vec::new(),
            });
        }
        // Cohorts and their members by name (Unicode collation: the databases would put
        // `Zeta` before `alfa` and `Éco`).
        domain::locale::sort_by_name(&mut cohorts, |c| c.name.as_str());
        let mut members: Vec<(Uuid, Uuid, String)> = Vec::new();
        for r in sqlx::query(
            "SELECT cm.cohort_id, cm.organisation_id, o.name FROM cohort_members cm JOIN cohorts c ON c.id = cm.cohort_id
             JOIN organisations o ON o.id = cm.organisation_id WHERE c.programme_id = $1",
        )
        .bind(id)
        .fetch_all(pool)
        .await?
        {
            members.push((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?));
        }
        domain::locale::sort_by_name(&mut members, |m| m.2.as_str());
        for (cohort, organisation, _) in members {
            if let Some(c) = cohorts.iter_mut().find(|c| c.id == cohort) {
                c.organisations.push(organisation);
            }
        }
        for r in sqlx::query(
            "SELECT cs.cohort_id, cs.strand_id FROM cohort_strands cs JOIN cohorts c ON c.id = cs.cohort_id WHERE c.programme_id = $1",
        )
        .bind(id)
        .fetch_all(pool)
        .await?
        {
            let cohort: Uuid = r.try_get(0)?;
            if let Some(c) = cohorts.iter_mut().find(|c| c.id == cohort) {
                c.strands.push(r.try_get(1)?);
            }
        }
        Ok(Some(Structure {
            programme,
            phases,
            strands,
            dimensions,
            modules,
            cohorts,
        }))
    })
}

/// A programme to load, with everything under it (used by the demo loader and importers).
#[derive(Debug, Clone, Default)]
pub struct Seed {
    pub programme: Programme,
    pub phases: Vec<(i64, String, String)>,
    pub strands: Vec<StrandSeed>,
    pub cohorts: Vec<CohortSeed>,
}

/// A cohort to load: its phase by number, its organisations and its strands by code.
#[derive(Debug, Clone, Default)]
pub struct CohortSeed {
    pub name: String,
    pub description: String,
    pub phase: i64,
    pub organisations: Vec<Uuid>,
    pub strands: Vec<String>,
}

/// A dimension to load, with its modules.
#[derive(Debug, Clone, Default)]
pub struct DimensionSeed {
    pub number: i64,
    pub title: String,
    pub question: String,
    pub modules: Vec<ModuleSeed>,
}

#[derive(Debug, Clone, Default)]
pub struct StrandSeed {
    pub code: String,
    pub title: String,
    pub description: String,
    pub dimensions: Vec<DimensionSeed>,
    pub modules: Vec<ModuleSeed>,
}

#[derive(Debug, Clone)]
pub struct ModuleSeed {
    pub title: String,
    pub description: String,
    pub days: PlannedDays,
    pub delivery: Delivery,
    pub products: Vec<String>,
}

/// Loads a programme in one transaction; `Duplicate` if a programme with its code exists.
pub async fn load(db: &Db, seed: &Seed, actor: Option<Uuid>) -> Result<Uuid> {
    let pid = new_id();
    let p = &seed.programme;
    let change = Change {
        actor,
        action: "programme.load",
        entity: "programme",
        entity_id: pid.to_string(),
        before: None,
        after: Some(json!({"code": p.code, "title": p.title})),
    };
    crate::change!(
        db,
        [Part::Programme],
        |tx| {
            sqlx::query(
            "INSERT INTO programmes (id, code, title, funding, partners, general_objective, system_actions, path, method, expected_results, transversal, contribution)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(pid)
        .bind(&p.code)
        .bind(&p.title)
        .bind(&p.funding)
        .bind(text(&p.partners))
        .bind(&p.general_objective)
        .bind(text(&p.system_actions))
        .bind(text(&p.path))
        .bind(text(&p.method))
        .bind(text(&p.expected_results))
        .bind(text(&p.transversal))
        .bind(text(&p.contribution))
        .execute(&mut *tx)
        .await
        .map_err(DbError::from_write)?;
            let mut phase_ids = std::collections::HashMap::new();
            for (number, title, description) in &seed.phases {
                let id = new_id();
                phase_ids.insert(*number, id);
                sqlx::query("INSERT INTO phases (id, programme_id, number, title, description) VALUES ($1, $2, $3, $4, $5)")
                .bind(id)
                .bind(pid)
                .bind(*number)
                .bind(title)
                .bind(description)
                .execute(&mut *tx)
                .await?;
            }
            let mut strand_ids = std::collections::HashMap::new();
            for (position, s) in seed.strands.iter().enumerate() {
                let sid = new_id();
                strand_ids.insert(s.code.clone(), sid);
                sqlx::query("INSERT INTO strands (id, programme_id, code, title, description, position) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(sid)
                .bind(pid)
                .bind(&s.code)
                .bind(&s.title)
                .bind(&s.description)
                .bind(position as i64)
                .execute(&mut *tx)
                .await?;
                let mut module_position = 0i64;
                let mut groups: Vec<(Option<Uuid>, &Vec<ModuleSeed>)> = Vec::new();
                for d in &s.dimensions {
                    let did = new_id();
                    sqlx::query("INSERT INTO dimensions (id, strand_id, number, title, question) VALUES ($1, $2, $3, $4, $5)")
                    .bind(did)
                    .bind(sid)
                    .bind(d.number)
                    .bind(&d.title)
                    .bind(&d.question)
                    .execute(&mut *tx)
                    .await?;
                    groups.push((Some(did), &d.modules));
                }
                groups.push((None, &s.modules));
                for (dimension, modules) in groups {
                    for m in modules {
                        module_position += 1;
                        sqlx::query(
                        "INSERT INTO modules (id, strand_id, dimension_id, position, title, description, days_min_tenths, days_max_tenths, delivery, products)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                    )
                    .bind(new_id())
                    .bind(sid)
                    .bind(dimension)
                    .bind(module_position)
                    .bind(&m.title)
                    .bind(&m.description)
                    .bind(m.days.min_tenths)
                    .bind(m.days.max_tenths)
                    .bind(m.delivery.code())
                    .bind(text(&m.products))
                    .execute(&mut *tx)
                    .await?;
                    }
                }
            }
            for c in &seed.cohorts {
                let cid = new_id();
                let phase_id = phase_ids.get(&c.phase).copied().ok_or(DbError::NotFound)?;
                sqlx::query("INSERT INTO cohorts (id, programme_id, phase_id, name, description) VALUES ($1, $2, $3, $4, $5)")
                .bind(cid)
                .bind(pid)
                .bind(phase_id)
                .bind(&c.name)
                .bind(&c.description)
                .execute(&mut *tx)
                .await?;
                for org in &c.organisations {
                    sqlx::query(
                        "INSERT INTO cohort_members (cohort_id, organisation_id) VALUES ($1, $2)",
                    )
                    .bind(cid)
                    .bind(*org)
                    .execute(&mut *tx)
                    .await?;
                }
                for code in &c.strands {
                    let sid = strand_ids.get(code).copied().ok_or(DbError::NotFound)?;
                    sqlx::query(
                        "INSERT INTO cohort_strands (cohort_id, strand_id) VALUES ($1, $2)",
                    )
                    .bind(cid)
                    .bind(sid)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            Ok(())
        },
        |_| change
    )?;
    Ok(pid)
}
