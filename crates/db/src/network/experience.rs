//! Experience records: an administration's past cooperation projects, listed for a viewer with
//! the sharing rule applied in the query, and published as a good practice in the library.

use super::*;
use domain::network::experience::ExperienceDraft;
use domain::network::Sharing;

/// An experience record as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct Experience {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub region_code: Option<String>,
    pub title: String,
    pub start_year: i32,
    pub end_year: Option<i32>,
    pub countries: Vec<String>,
    pub themes: Vec<String>,
    pub partners: String,
    pub funding: String,
    pub budget_cents: Option<i64>,
    pub results: String,
    pub lessons: String,
    pub sharing: Sharing,
    pub practice_id: Option<Uuid>,
    pub version: i64,
}

impl Experience {
    /// The record as its form would have produced it.
    pub fn draft(&self) -> ExperienceDraft {
        ExperienceDraft {
            title: self.title.clone(),
            start_year: self.start_year,
            end_year: self.end_year,
            countries: self.countries.clone(),
            themes: self.themes.clone(),
            partners: self.partners.clone(),
            funding: self.funding.clone(),
            budget_cents: self.budget_cents,
            results: self.results.clone(),
            lessons: self.lessons.clone(),
            sharing: self.sharing,
        }
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    organisation_id: Uuid,
    organisation_name: String,
    region_code: Option<String>,
    title: String,
    start_year: i32,
    end_year: Option<i32>,
    countries: String,
    themes: String,
    partners: String,
    funding: String,
    budget_cents: Option<i64>,
    results: String,
    lessons: String,
    #[sqlx(try_from = "String")]
    sharing: Sharing,
    practice_id: Option<Uuid>,
    version: i64,
}

impl Row {
    fn into_experience(self) -> Result<Experience> {
        let countries = read_list("network_experiences", self.id, "countries", &self.countries)?;
        let themes = read_list("network_experiences", self.id, "themes", &self.themes)?;
        Ok(Experience {
            id: self.id,
            organisation_id: self.organisation_id,
            organisation_name: self.organisation_name,
            region_code: self.region_code,
            title: self.title,
            start_year: self.start_year,
            end_year: self.end_year,
            countries,
            themes,
            partners: self.partners,
            funding: self.funding,
            budget_cents: self.budget_cents,
            results: self.results,
            lessons: self.lessons,
            sharing: self.sharing,
            practice_id: self.practice_id,
            version: self.version,
        })
    }
}

const SELECT: &str = "SELECT r.id, r.organisation_id, o.name AS organisation_name, o.region_code,
        r.title, r.start_year, r.end_year, r.countries, r.themes, r.partners, r.funding,
        r.budget_cents, r.results, r.lessons, r.sharing, r.practice_id, r.version
     FROM network_experiences r JOIN organisations o ON o.id = r.organisation_id";

/// The experience records `viewer` sees (of `organisation` when given), most recent first, one
/// page (`page` from 0) of `PAGE_SIZE`; with whether there is a next page.
pub async fn experiences(
    db: &Db,
    viewer: &Viewer,
    organisation: Option<Uuid>,
    page: i64,
) -> Result<(Vec<Experience>, bool)> {
    let mut conditions: Vec<String> = Vec::new();
    let mut binds: Vec<Bind> = Vec::new();
    if let Some(o) = organisation {
        binds.push(Bind::Id(o));
        conditions.push(format!("r.organisation_id = ${}", binds.len()));
    }
    if let Some((condition, more)) = visible(viewer, binds.len() + 1, false) {
        conditions.push(condition);
        binds.extend(more);
    }
    let sql = page_sql(SELECT, &conditions, "r.start_year DESC, o.name, r.id", page);
    let rows: Vec<Row> = run!(db, |pool| {
        bind_all!(sqlx::query_as(&sql), &binds)
            .fetch_all(pool)
            .await?
    });
    let (rows, more) = split_page(rows);
    let out = rows
        .into_iter()
        .map(Row::into_experience)
        .collect::<Result<Vec<_>>>()?;
    Ok((out, more))
}

/// One experience record, whoever may see it (the caller checks).
pub async fn experience(db: &Db, id: Uuid) -> Result<Experience> {
    let row: Option<Row> = run!(db, |pool| {
        sqlx::query_as(&format!("{SELECT} WHERE r.id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?
    });
    row.ok_or(DbError::NotFound)?.into_experience()
}

/// Records an experience of `organisation`. Returns its id.
pub async fn create_experience(
    db: &Db,
    organisation: Uuid,
    draft: &ExperienceDraft,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let change = Change {
        actor,
        action: "network.experience_create",
        entity: "network_experience",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "organisation": organisation, "experience": draft })),
    };
    crate::change!(
        db,
        [Part::Network],
        |tx| {
            sqlx::query(
                "INSERT INTO network_experiences (id, organisation_id, title, start_year, end_year,
                   countries, themes, partners, funding, budget_cents, results, lessons, sharing,
                   created_by, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)",
            )
            .bind(id)
            .bind(organisation)
            .bind(&draft.title)
            .bind(draft.start_year)
            .bind(draft.end_year)
            .bind(json_list(&draft.countries))
            .bind(json_list(&draft.themes))
            .bind(&draft.partners)
            .bind(&draft.funding)
            .bind(draft.budget_cents)
            .bind(&draft.results)
            .bind(&draft.lessons)
            .bind(draft.sharing.code())
            .bind(actor)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Saves an experience record if nobody changed it since `version` (`Conflict` otherwise).
pub async fn update_experience(
    db: &Db,
    id: Uuid,
    version: i64,
    draft: &ExperienceDraft,
    actor: Option<Uuid>,
) -> Result<()> {
    let before = experience(db, id).await?;
    let change = Change {
        actor,
        action: "network.experience_update",
        entity: "network_experience",
        entity_id: id.to_string(),
        before: Some(json!(before.draft())),
        after: Some(json!(draft)),
    };
    let now = db.now();
    crate::change!(
        db,
        [Part::Network],
        |tx| {
            let done = sqlx::query(
                "UPDATE network_experiences SET title = $1, start_year = $2, end_year = $3,
                   countries = $4, themes = $5, partners = $6, funding = $7, budget_cents = $8,
                   results = $9, lessons = $10, sharing = $11, updated_at = $12,
                   version = version + 1
                 WHERE id = $13 AND version = $14",
            )
            .bind(&draft.title)
            .bind(draft.start_year)
            .bind(draft.end_year)
            .bind(json_list(&draft.countries))
            .bind(json_list(&draft.themes))
            .bind(&draft.partners)
            .bind(&draft.funding)
            .bind(draft.budget_cents)
            .bind(&draft.results)
            .bind(&draft.lessons)
            .bind(draft.sharing.code())
            .bind(now)
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Publishes experience `id` as a good practice of the library: creates the document with its
/// practice's record and links the experience to it in one transaction, so that nothing is kept
/// (`Conflict`) when the experience was published meanwhile (a second submit) or changed since
/// `version`. The change is that of `library::create_practice`'s body, walked there.
pub async fn publish_practice(
    db: &Db,
    id: Uuid,
    version: i64,
    draft: &domain::library::Draft,
    practice: &domain::library::practices::Practice,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    crate::library::create_with(
        db,
        draft,
        Some(practice),
        None,
        &Default::default(),
        actor,
        Some((id, version)),
    )
    .await
}
