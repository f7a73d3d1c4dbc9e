//! The registry list (filtered, paginated, refreshed with htmx), its CSV export, and the page of
//! one organisation.

use super::*;

#[derive(Deserialize, Default)]
pub(super) struct Filter {
    category: Option<String>,
    q: Option<String>,
    page: Option<i64>,
}

impl Filter {
    /// The category, if it is a known one, and the search text, trimmed and bounded.
    fn parsed(&self) -> (Option<Category>, Option<String>) {
        let category = self.category.as_deref().and_then(Category::parse);
        // Control characters match no name (and PostgreSQL refuses a NUL in a query): spaces.
        let text = self
            .q
            .as_deref()
            .map(|q| {
                q.chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect::<String>()
            })
            .map(|q| q.trim().chars().take(100).collect::<String>())
            .filter(|q| !q.is_empty());
        (category, text)
    }
}

pub(super) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(f): Query<Filter>,
) -> AppResult {
    let (category, text) = f.parsed();
    let mut page = f.page.unwrap_or(1).clamp(1, 100_000);
    let search = |page: i64| {
        db::organisations::search(
            &state.db,
            category.map(Category::code),
            text.as_deref(),
            PAGE_SIZE,
            (page - 1) * PAGE_SIZE,
        )
    };
    let (mut orgs, total) = search(page).await?;
    let pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
    if orgs.is_empty() && pages > 0 && page > pages {
        // A page past the end (an old link, a shrunk filter) shows the last one.
        page = pages;
        orgs = search(page).await?.0;
    }
    let rows: Vec<Value> = orgs.iter().map(|o| view(o, viewer.locale)).collect();
    let ctx = context! {
        rows, page, pages, total => viewer.locale.integer(total), category => category.map(Category::code),
        q => text.clone().unwrap_or_default(), categories => Category::ALL,
    };
    let template = if is_htmx(&headers) {
        "organisations/table.html"
    } else {
        "organisations/list.html"
    };
    render(&state, &viewer, template, ctx)
}

/// The registry (with the list's filters) as a CSV file.
pub(super) async fn export_csv(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(f): Query<Filter>,
) -> AppResult {
    let (category, text) = f.parsed();
    let (orgs, _) = db::organisations::search(
        &state.db,
        category.map(Category::code),
        text.as_deref(),
        100_000,
        0,
    )
    .await?;
    let t = |k: &str| state.i18n.t(viewer.locale, k);
    let header = [
        t("field-organisation-name"),
        t("field-category"),
        t("field-kind"),
        t("field-region"),
        t("field-country"),
        t("field-istat-code"),
        t("field-ipa-code"),
        t("field-tax-code"),
        t("field-website"),
    ];
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows = orgs.iter().map(|o| {
        let d = &o.data;
        let kind = d
            .pa_kind
            .map(|k| t(&format!("pa-kind-{}", k.code())))
            .or_else(|| {
                d.partner_type
                    .as_ref()
                    .map(|p| t(&format!("partner-type-{p}")))
            })
            .or_else(|| {
                d.actor_sector
                    .as_ref()
                    .map(|a| t(&format!("actor-sector-{a}")))
            })
            .unwrap_or_default();
        vec![
            d.name.clone(),
            t(&format!("category-{}", d.category.code())),
            kind,
            region_name(d.region_code.as_deref())
                .unwrap_or_default()
                .to_string(),
            d.country.clone(),
            d.istat_code.clone().unwrap_or_default(),
            d.ipa_code.clone().unwrap_or_default(),
            d.tax_code.clone().unwrap_or_default(),
            d.website.clone().unwrap_or_default(),
        ]
    });
    let bytes = export::csv_table(&header, rows).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                axum::http::header::CONTENT_DISPOSITION,
                "attachment; filename=\"organisations.csv\"",
            ),
        ],
        bytes,
    )
        .into_response())
}

pub(super) async fn show(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let o = find(&state, id).await?;
    let may_open_workspace = viewer.may("organisations.workspace", Some(o.id));
    let may_edit = viewer.may("organisations.edit_form", None);
    render(
        &state,
        &viewer,
        "organisations/show.html",
        context! { o => view(&o, viewer.locale), may_open_workspace, may_edit },
    )
}
