//! `ponte-bench`: seeds a large dataset into a fresh database (SQLite, PostgreSQL or both), starts
//! the real `ponte serve` binary, drives concurrent signed-in clients over loopback against the
//! main pages and a small static asset (the baseline), and prints per page: requests per second,
//! p50, p99, errors and the ratio to the baseline; with the server's peak memory and start-up time.
//! The same figures are written as JSON. With `--against OTHER_PONTE_BINARY` it compares this
//! build with another one on the same data instead (see `compare`).
//!
//! Build and run: `cargo build --release -p ponte -p bench && target/release/ponte-bench`.

mod community;
mod compare;
mod dataset;
mod library;
mod load;
mod products;
mod seed;
mod serialise;
mod server;
mod writers;

use std::time::Duration;

struct Options {
    backends: Vec<String>,
    seconds: u64,
    clients: usize,
    json: String,
    sizes: seed::Sizes,
    /// Library documents added to the dataset.
    documents: usize,
    /// Products added to the dataset (10 versions and 50 comments each).
    products: usize,
    /// Threads added to the member's administration space, and replies to the first of them.
    threads: usize,
    replies: usize,
    /// Runs of each search query.
    search_runs: usize,
    /// Stop after the search measurement (no server, no pages).
    search_only: bool,
    /// Measure only the pages whose name contains one of these (the baseline always runs).
    only: Vec<String>,
    /// Another `ponte` binary to compare with this one, page by page (SQLite).
    against: Option<std::path::PathBuf>,
    /// Requests per page and per binary when comparing.
    rounds: usize,
    /// The mixed scenario: one write per this many reads (0: no mixed scenario).
    write_every: u64,
    /// People whose "my labs" the many-keys scenario asks.
    people: usize,
    /// Write the upgrade tests' dataset to this folder instead of measuring (see `dataset`).
    dataset: Option<std::path::PathBuf>,
}

fn options() -> anyhow::Result<Options> {
    let mut o = Options {
        backends: vec!["sqlite".into(), "postgres".into()],
        seconds: 8,
        clients: 32,
        json: "target/bench.json".into(),
        sizes: seed::Sizes {
            organisations: 400,
            users: 3000,
            sessions: 60,
        },
        documents: 20_000,
        products: 2_000,
        threads: 2_000,
        replies: 500,
        search_runs: 50,
        search_only: false,
        only: Vec::new(),
        against: None,
        rounds: 400,
        write_every: 20,
        people: 300,
        dataset: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| anyhow::anyhow!("{a} needs a value"))
        };
        match a.as_str() {
            "--backend" => {
                let v = value()?;
                o.backends = match v.as_str() {
                    "both" => vec!["sqlite".into(), "postgres".into()],
                    "sqlite" | "postgres" => vec![v],
                    _ => anyhow::bail!("--backend is sqlite, postgres or both"),
                }
            }
            "--seconds" => o.seconds = value()?.parse()?,
            "--clients" => o.clients = value()?.parse()?,
            "--json" => o.json = value()?,
            "--small" => {
                o.sizes = seed::Sizes {
                    organisations: 60,
                    users: 300,
                    sessions: 20,
                };
                o.documents = 2_000;
                o.products = 200;
                o.threads = 200;
                o.replies = 50;
            }
            "--products" => o.products = value()?.parse()?,
            "--threads" => o.threads = value()?.parse()?,
            "--replies" => o.replies = value()?.parse()?,
            "--documents" => o.documents = value()?.parse()?,
            "--search-only" => o.search_only = true,
            "--only" => o.only.push(value()?),
            "--against" => {
                let path = std::path::PathBuf::from(value()?);
                anyhow::ensure!(
                    path.is_file(),
                    "--against: {} is not a file",
                    path.display()
                );
                o.against = Some(path);
            }
            "--rounds" => o.rounds = value()?.parse()?,
            "--write-every" => o.write_every = value()?.parse()?,
            "--people" => o.people = value()?.parse()?,
            "--search-runs" => o.search_runs = value()?.parse()?,
            "--dataset" => o.dataset = Some(value()?.into()),
            "--help" | "-h" => {
                println!("ponte-bench [--backend sqlite|postgres|both] [--seconds N] [--clients N] [--documents N] [--products N] [--threads N] [--replies N] [--search-only] [--only PAGE]... [--search-runs N] [--json PATH] [--small] [--write-every N (0: reads only)] [--people N] [--against OTHER_PONTE_BINARY [--rounds N]] [--dataset DIR]");
                std::process::exit(0);
            }
            other => anyhow::bail!("unknown argument {other} (try --help)"),
        }
    }
    if o.against.is_some() {
        // Both binaries run over copies of one seeded SQLite database.
        o.backends = vec!["sqlite".into()];
        anyhow::ensure!(o.rounds > 0, "--rounds must be at least 1");
        anyhow::ensure!(
            !o.search_only,
            "--against compares pages; --search-only measures no page"
        );
    }
    Ok(o)
}

/// Who a page is measured as.
const MEMBER: &str = "membro@ponte.example";
const TUTOR: &str = "tutor@ponte.example";
const STAFF: &str = "staff@ponte.example";

/// Signs in everyone the pages are measured as: their session cookies by e-mail.
fn sign_in_everyone(
    srv: &server::Server,
) -> anyhow::Result<std::collections::HashMap<&'static str, String>> {
    [MEMBER, TUTOR, STAFF]
        .into_iter()
        .map(|who| Ok((who, srv.sign_in(who, "ponte-demo")?)))
        .collect()
}

/// The measured pages: name, path and who is signed in (nobody for the baseline).
fn page_list(
    seeded: &seed::Seeded,
    products: &products::Seeded,
    community: &community::Seeded,
    document: uuid::Uuid,
) -> Vec<(&'static str, String, Option<&'static str>)> {
    vec![
        ("baseline: static asset", "/assets/ponte.css".into(), None),
        ("home", "/".into(), Some(MEMBER)),
        ("programme overview", "/programme".into(), Some(MEMBER)),
        ("lab calendar", "/labs".into(), Some(MEMBER)),
        (
            "session page",
            format!("/labs/sessions/{}", seeded.held_session),
            Some(MEMBER),
        ),
        ("my labs", "/labs/mine".into(), Some(MEMBER)),
        (
            "organisation workspace",
            format!("/organisations/{}/workspace", seeded.workspace),
            Some(MEMBER),
        ),
        (
            "organisation registry",
            "/organisations".into(),
            Some(STAFF),
        ),
        ("attendance report", "/labs/attendance".into(), Some(STAFF)),
        (
            "library search with facets",
            "/library?q=cooperazione+decentrata&place=AL".into(),
            Some(MEMBER),
        ),
        ("library browse", "/library".into(), Some(MEMBER)),
        (
            "document page",
            format!("/library/documents/{document}"),
            Some(MEMBER),
        ),
        (
            "document download",
            format!("/library/documents/{document}/file"),
            Some(MEMBER),
        ),
        ("library map", "/library/map".into(), Some(MEMBER)),
        (
            "product list",
            format!("/organisations/{}/products", seeded.workspace),
            Some(MEMBER),
        ),
        (
            "logframe view",
            format!(
                "/organisations/{}/products/{}",
                seeded.workspace, products.logframe
            ),
            Some(MEMBER),
        ),
        ("tutor inbox", "/tutoring".into(), Some(TUTOR)),
        (
            "directory search",
            "/directory?q=appalti+Albania".into(),
            Some(MEMBER),
        ),
        (
            "discussion space",
            format!("/community/spaces/administration/{}", seeded.workspace),
            Some(MEMBER),
        ),
        (
            "discussion thread",
            format!("/community/threads/{}", community.long_thread),
            Some(MEMBER),
        ),
    ]
}

/// Whether page `i` called `page` is measured (the baseline, first, always is).
fn selected(o: &Options, i: usize, page: &str) -> bool {
    i == 0 || o.only.is_empty() || o.only.iter().any(|w| page.contains(w.as_str()))
}

#[derive(serde::Serialize)]
struct PageResult {
    page: String,
    path: String,
    /// Share of the kept values asked during the run that were served kept.
    kept_hit_ratio: f64,
    /// Memory held by kept values at the end of the run, MiB (by their weight).
    kept_mib: f64,
    /// Values kept at the end of the run.
    kept_entries: u64,
    /// Writes made during the run (mixed scenario).
    writes: u64,
    #[serde(flatten)]
    measure: load::Measure,
    /// Throughput as a share of the baseline's.
    throughput_ratio: f64,
    /// p99 latency as a multiple of the baseline's.
    p99_ratio: f64,
}

#[derive(serde::Serialize)]
struct BackendResult {
    backend: String,
    startup_ms: f64,
    peak_rss_mib: f64,
    organisations: usize,
    users: usize,
    sessions: usize,
    registrations: usize,
    documents: usize,
    products: usize,
    versions: usize,
    comments: usize,
    threads: usize,
    replies: usize,
    seed_seconds: f64,
    search: Vec<library::QueryResult>,
    pages: Vec<PageResult>,
    /// Pages read while writers change the data (one write per `write_every` reads).
    mixed: Vec<PageResult>,
    /// Many distinct kept values asked at once: every organisation's product list in three
    /// languages, many people's "my labs".
    many_keys: Vec<PageResult>,
    /// Concurrent writers of one part (PostgreSQL): with and without the generation row.
    serialise: Option<serialise::Report>,
}

/// Seeds `name`'s database and measures it; in comparison mode, compares the two binaries and
/// returns nothing.
async fn run_backend(name: &str, o: &Options) -> anyhow::Result<Option<BackendResult>> {
    let backend = match name {
        "postgres" => db::testing::postgres().await,
        _ => db::testing::sqlite().await,
    };
    eprintln!("[{name}] loading the demo and seeding the dataset…");
    let status = std::process::Command::new(server::binary()?)
        .arg("demo")
        .env("DATABASE_URL", &backend.url)
        .env("PONTE_DATA_DIR", backend.dir.path())
        .env("PONTE_LOG", "error")
        .stdout(std::process::Stdio::null())
        .status()?;
    anyhow::ensure!(status.success(), "ponte demo failed");
    let seeded = seed::seed(&backend.db, &o.sizes).await?;
    let started = std::time::Instant::now();
    let staff_id = db::accounts::credentials(&backend.db, "staff@ponte.example")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no staff account"))?
        .id;
    let group = db::library::groups_of(&backend.db, &[seeded.workspace])
        .await?
        .first()
        .copied()
        .ok_or_else(|| anyhow::anyhow!("the workspace is in no working group"))?;
    eprintln!("[{name}] adding {} library documents…", o.documents);
    let documents =
        library::seed(&backend.db, o.documents, staff_id, seeded.workspace, group).await?;
    eprintln!(
        "[{name}] adding {} products with their versions and comments…",
        o.products
    );
    let (orgs, _) = db::organisations::search(&backend.db, None, None, 1_000, 0).await?;
    let orgs: Vec<uuid::Uuid> = orgs.iter().map(|o| o.id).collect();
    let mut authors = vec![staff_id];
    for email in [
        "membro@ponte.example",
        "tutor@ponte.example",
        "coordinatore@ponte.example",
    ] {
        if let Some(c) = db::accounts::credentials(&backend.db, email).await? {
            authors.push(c.id);
        }
    }
    let products = products::seed(
        &backend.db,
        o.products,
        10,
        50,
        seeded.workspace,
        &orgs,
        &authors,
    )
    .await?;
    eprintln!(
        "[{name}] adding {} discussions, one with {} replies…",
        o.threads, o.replies
    );
    // Written by the member and the coordinator of the workspace's administration.
    let mut writers: Vec<uuid::Uuid> = Vec::new();
    for email in ["membro@ponte.example", "coordinatore@ponte.example"] {
        if let Some(c) = db::accounts::credentials(&backend.db, email).await? {
            writers.push(c.id);
        }
    }
    let community = community::seed(
        &backend.db,
        seeded.workspace,
        &writers,
        o.threads,
        o.replies,
    )
    .await?;
    let seed_seconds = started.elapsed().as_secs_f64();
    if let (Ok(path), "sqlite") = (std::env::var("PONTE_BENCH_KEEP"), name) {
        // A copy of the seeded database, to study query plans afterwards.
        db::testing::exec(
            &backend.db,
            &format!("VACUUM INTO '{}'", path.replace('\'', "''")),
        )
        .await;
    }
    let search = if o.against.is_some() {
        Vec::new()
    } else {
        eprintln!(
            "[{name}] measuring search ({} runs per query)…",
            o.search_runs
        );
        library::measure(&backend.db, seeded.workspace, o.search_runs).await?
    };
    if o.search_only {
        return Ok(Some(BackendResult {
            backend: name.into(),
            startup_ms: 0.0,
            peak_rss_mib: 0.0,
            organisations: seeded.organisations,
            users: seeded.users,
            sessions: seeded.sessions,
            registrations: seeded.registrations,
            documents,
            products: products.products,
            versions: products.versions,
            comments: products.comments,
            threads: community.threads,
            replies: community.replies,
            seed_seconds,
            search,
            pages: Vec::new(),
            mixed: Vec::new(),
            many_keys: Vec::new(),
            serialise: None,
        }));
    }
    let everything = domain::library::Scope {
        everything: true,
        ..Default::default()
    };
    let document = db::library::search(
        &backend.db,
        &db::library::Search {
            // A demo document: its file is in the server's storage.
            query: domain::library::query::Query::parse("\"Studio paese: Albania\""),
            page: 1,
            per_page: 1,
            ..Default::default()
        },
        &everything,
    )
    .await?
    .hits
    .first()
    .map(|h| h.id)
    .ok_or_else(|| anyhow::anyhow!("no document to download"))?;
    if let Some(other) = &o.against {
        let pages: Vec<_> = page_list(&seeded, &products, &community, document)
            .into_iter()
            .enumerate()
            .filter(|(i, (page, _, _))| selected(o, *i, page))
            .map(|(_, p)| p)
            .collect();
        compare::run(&backend, other, &pages, o.rounds, &o.json).await?;
        return Ok(None);
    }
    let srv = server::start(&backend.url, backend.dir.path())?;
    eprintln!(
        "[{name}] server up in {:.0} ms; measuring {} s per page with {} clients",
        srv.startup.as_secs_f64() * 1000.0,
        o.seconds,
        o.clients
    );
    let cookies = sign_in_everyone(&srv)?;
    let member = cookies[MEMBER].clone();
    let pages: Vec<(&str, String, Option<&str>)> =
        page_list(&seeded, &products, &community, document)
            .into_iter()
            .map(|(page, path, who)| (page, path, who.map(|w| cookies[w].as_str())))
            .collect();
    // Warm the server and the database caches.
    load::run(
        srv.port,
        "/",
        Some(&member),
        o.clients,
        Duration::from_secs(1),
    )
    .await;
    let staff = cookies[STAFF].clone();
    let mut results: Vec<PageResult> = Vec::new();
    for (i, (page, path, cookie)) in pages.iter().enumerate() {
        if !selected(o, i, page) {
            continue;
        }
        let requests = vec![load::request_in(srv.port, path, *cookie, "it")];
        let r = measure(&srv, &staff, page, path, requests, o, None, &results).await?;
        eprintln!(
            "[{name}] {page}: {:.0} req/s, p99 {:.1} ms, kept {:.0} %",
            r.measure.per_second,
            r.measure.p99_ms,
            r.kept_hit_ratio * 100.0
        );
        results.push(r);
    }
    let mut mixed: Vec<PageResult> = Vec::new();
    if o.write_every > 0 {
        let group = db::library::groups_of(&backend.db, &[seeded.workspace])
            .await?
            .first()
            .copied()
            .ok_or_else(|| anyhow::anyhow!("the workspace is in no working group"))?;
        let targets = std::sync::Arc::new(
            writers::Targets::find(
                &backend.db,
                products.logframe,
                seeded.held_session,
                seeded.workspace,
                group,
            )
            .await?,
        );
        for (i, (page, path, cookie)) in pages.iter().enumerate() {
            if i == 0 || !selected(o, i, page) {
                continue;
            }
            let requests = vec![load::request_in(srv.port, path, *cookie, "it")];
            let writer = Some((backend.db.clone(), targets.clone()));
            let r = measure(&srv, &staff, page, path, requests, o, writer, &results).await?;
            eprintln!(
                "[{name}] mixed, {page}: {:.0} req/s, p99 {:.1} ms, kept {:.0} %, {} writes",
                r.measure.per_second,
                r.measure.p99_ms,
                r.kept_hit_ratio * 100.0,
                r.writes
            );
            mixed.push(r);
        }
    }
    let mut many_keys: Vec<PageResult> = Vec::new();
    if o.only.is_empty() {
        // Every organisation's product list, in three languages, asked by staff.
        let (orgs, _) = db::organisations::search(&backend.db, None, None, 10_000, 0).await?;
        let lists: Vec<String> = orgs
            .iter()
            .flat_map(|org| {
                ["it", "en", "fr"].map(|lang| {
                    load::request_in(
                        srv.port,
                        &format!("/organisations/{}/products", org.id),
                        Some(&staff),
                        lang,
                    )
                })
            })
            .collect();
        let page = format!("product lists ({} organisations × 3 languages)", orgs.len());
        let r = measure(
            &srv,
            &staff,
            &page,
            "/organisations/*/products",
            lists,
            o,
            None,
            &results,
        )
        .await?;
        eprintln!(
            "[{name}] {page}: {:.0} req/s, p99 {:.1} ms, kept {:.0} %",
            r.measure.per_second,
            r.measure.p99_ms,
            r.kept_hit_ratio * 100.0
        );
        many_keys.push(r);
        // Many people's own labs, each signed in.
        let mut mine = Vec::new();
        for n in 0..o.people.min(seeded.users) {
            let email = format!("persona{n:04}@bench.example");
            if let Some(c) = db::accounts::credentials(&backend.db, &email).await? {
                let token = db::accounts::open_session(&backend.db, c.id, "127.0.0.1").await?;
                mine.push(load::request_in(srv.port, "/labs/mine", Some(&token), "it"));
            }
        }
        let page = format!("my labs ({} people)", mine.len());
        let r = measure(&srv, &staff, &page, "/labs/mine", mine, o, None, &results).await?;
        eprintln!(
            "[{name}] {page}: {:.0} req/s, p99 {:.1} ms, kept {:.0} %",
            r.measure.per_second,
            r.measure.p99_ms,
            r.kept_hit_ratio * 100.0
        );
        many_keys.push(r);
    }
    let rss = srv.peak_rss_mib();
    let startup = srv.startup;
    srv.stop();
    let serialise = if name == "postgres" {
        eprintln!("[{name}] measuring concurrent writers of one part…");
        Some(serialise::measure(&backend.db, o.clients).await?)
    } else {
        None
    };
    Ok(Some(BackendResult {
        backend: name.into(),
        startup_ms: startup.as_secs_f64() * 1000.0,
        peak_rss_mib: rss,
        organisations: seeded.organisations,
        users: seeded.users,
        sessions: seeded.sessions,
        registrations: seeded.registrations,
        documents,
        products: products.products,
        versions: products.versions,
        comments: products.comments,
        threads: community.threads,
        replies: community.replies,
        seed_seconds,
        search,
        pages: results,
        mixed,
        many_keys,
        serialise,
    }))
}

/// Measures `requests` (asked in turn by every client) for the options' time, with writers when
/// given; with the server's kept values' hit ratio and memory over the run.
#[allow(clippy::too_many_arguments)]
async fn measure(
    srv: &server::Server,
    staff: &str,
    page: &str,
    path: &str,
    requests: Vec<String>,
    o: &Options,
    writer: Option<(db::Db, std::sync::Arc<writers::Targets>)>,
    results: &[PageResult],
) -> anyhow::Result<PageResult> {
    let before = srv.kept(staff)?;
    let reads = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let duration = Duration::from_secs(o.seconds);
    let writing = writer.map(|(db, targets)| {
        tokio::spawn(writers::run(
            db,
            targets,
            reads.clone(),
            o.write_every,
            std::time::Instant::now() + duration,
        ))
    });
    let m = load::run_requests(
        srv.port,
        std::sync::Arc::new(requests),
        o.clients,
        duration,
        Some(reads.clone()),
    )
    .await;
    let writes = match writing {
        Some(w) => w.await??,
        None => 0,
    };
    let after = srv.kept(staff)?;
    let (hits, misses) = (
        after.hits.saturating_sub(before.hits),
        after.misses.saturating_sub(before.misses),
    );
    let (base_rps, base_p99) = results
        .first()
        .map(|b| (b.measure.per_second, b.measure.p99_ms))
        .unwrap_or((m.per_second, m.p99_ms));
    Ok(PageResult {
        page: page.to_string(),
        path: path.to_string(),
        kept_hit_ratio: if hits + misses > 0 {
            hits as f64 / (hits + misses) as f64
        } else {
            0.0
        },
        kept_mib: after.bytes as f64 / (1024.0 * 1024.0),
        kept_entries: after.entries,
        writes,
        throughput_ratio: if base_rps > 0.0 {
            m.per_second / base_rps
        } else {
            0.0
        },
        p99_ratio: if base_p99 > 0.0 {
            m.p99_ms / base_p99
        } else {
            0.0
        },
        measure: m,
    })
}

fn print(r: &BackendResult, clients: usize) {
    println!(
        "\n{} — {} organisations, {} people, {} sessions, {} registrations; {clients} clients",
        r.backend, r.organisations, r.users, r.sessions, r.registrations
    );
    println!(
        "start-up {:.0} ms, peak RSS {:.1} MiB",
        r.startup_ms, r.peak_rss_mib
    );
    println!(
        "library: {} documents, {} products ({} versions, {} comments) and {} discussions (one of {} replies) added in {:.0} s; search in-process, as a member (results, total and five facets):",
        r.documents, r.products, r.versions, r.comments, r.threads, r.replies, r.seed_seconds
    );
    println!("| query | filters | results | p50 ms | p99 ms | p50 ms, matched whole | p50 ms, after a change | p99 ms, after a change |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for q in &r.search {
        println!(
            "| {} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |",
            if q.query.is_empty() {
                "(none)"
            } else {
                &q.query
            },
            q.filters,
            q.results,
            q.p50_ms,
            q.p99_ms,
            q.whole_p50_ms,
            q.changed_p50_ms,
            q.changed_p99_ms
        );
    }
    table("reads only", &r.pages);
    table("mixed: pages read while writers change the data", &r.mixed);
    table("many distinct kept values", &r.many_keys);
    if let Some(s) = &r.serialise {
        println!("\n{}", s.describe());
    }
}

fn table(title: &str, pages: &[PageResult]) {
    if pages.is_empty() {
        return;
    }
    println!("\n{title}:");
    println!("| page | req/s | p50 ms | p99 ms | errors | kept hits | kept values | kept MiB | writes | req/s vs baseline | p99 vs baseline |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for p in pages {
        println!(
            "| {} | {:.0} | {:.1} | {:.1} | {} | {:.0} % | {} | {:.1} | {} | {:.2} | {:.1}× |",
            p.page,
            p.measure.per_second,
            p.measure.p50_ms,
            p.measure.p99_ms,
            p.measure.errors,
            p.kept_hit_ratio * 100.0,
            p.kept_entries,
            p.kept_mib,
            p.writes,
            p.throughput_ratio,
            p.p99_ratio
        );
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let o = options()?;
    if let Some(dir) = &o.dataset {
        return dataset::make(dir).await;
    }
    let mut all = Vec::new();
    for b in &o.backends {
        if let Some(r) = run_backend(b, &o).await? {
            print(&r, o.clients);
            all.push(r);
        }
    }
    if o.against.is_some() {
        return Ok(());
    }
    let report = serde_json::json!({
        "date": chrono::Utc::now().to_rfc3339(),
        "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        "clients": o.clients,
        "seconds_per_page": o.seconds,
        "backends": all,
    });
    std::fs::write(&o.json, serde_json::to_string_pretty(&report)?)?;
    println!("\nJSON written to {}", o.json);
    Ok(())
}
