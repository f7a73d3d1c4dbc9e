//! Comparing two builds of Ponte on the same data: this one (A) and another `ponte` binary (B),
//! each on its own copy of the seeded SQLite database and both running at once. Each page is
//! asked of A and B in turn, one request at a time, so both see the same moments of the machine:
//! on a small shared machine absolute figures move by tens of per cent from one run to the next,
//! while the ratio of the two holds within a few per cent. This measures the path of one request
//! (its latency alone), not throughput under load, which the main benchmark measures.

use crate::{load, server, sign_in_everyone};
use std::path::Path;

/// One page's comparison.
#[derive(Debug, serde::Serialize)]
struct Compared {
    page: String,
    path: String,
    a_p10_ms: f64,
    a_p50_ms: f64,
    b_p10_ms: f64,
    b_p50_ms: f64,
    /// B's median over A's: below 1, B is faster.
    b_over_a_p50: f64,
    b_over_a_p10: f64,
}

/// Requests per page sent before measuring (warming both servers and their caches).
const WARM_UP: usize = 20;

pub async fn run(
    backend: &db::testing::Backend,
    other: &Path,
    pages: &[(&str, String, Option<&str>)],
    rounds: usize,
    json: &str,
) -> anyhow::Result<()> {
    // Each reads its own copy (their migrations may differ), both made the same way so that
    // neither reads a better laid-out file, and the same stored files.
    let mut urls = Vec::new();
    for name in ["a.db", "b.db"] {
        let copy = backend.dir.path().join(name);
        db::testing::exec(
            &backend.db,
            &format!(
                "VACUUM INTO '{}'",
                copy.display().to_string().replace('\'', "''")
            ),
        )
        .await;
        urls.push(format!("sqlite://{}", copy.display()));
    }
    let a = server::start(&urls[0], backend.dir.path())?;
    let b = server::start_binary(other, &urls[1], backend.dir.path())?;
    eprintln!(
        "[compare] A (this build) up in {:.0} ms, B ({}) up in {:.0} ms; {rounds} requests per page to each",
        a.startup.as_secs_f64() * 1000.0,
        other.display(),
        b.startup.as_secs_f64() * 1000.0
    );
    let cookies = [sign_in_everyone(&a)?, sign_in_everyone(&b)?];
    let mut results = Vec::new();
    for (page, path, who) in pages {
        let servers = [
            (a.port, who.map(|w| cookies[0][w].as_str())),
            (b.port, who.map(|w| cookies[1][w].as_str())),
        ];
        load::alternate(servers, path, WARM_UP).await?;
        let [la, lb] = load::alternate(servers, path, rounds).await?;
        let (a10, a50) = (load::quantile_ms(&la, 0.1), load::quantile_ms(&la, 0.5));
        let (b10, b50) = (load::quantile_ms(&lb, 0.1), load::quantile_ms(&lb, 0.5));
        let ratio = |b: f64, a: f64| if a > 0.0 { b / a } else { 0.0 };
        eprintln!("[compare] {page}: B/A {:.3}", ratio(b50, a50));
        results.push(Compared {
            page: page.to_string(),
            path: path.clone(),
            a_p10_ms: a10,
            a_p50_ms: a50,
            b_p10_ms: b10,
            b_p50_ms: b50,
            b_over_a_p50: ratio(b50, a50),
            b_over_a_p10: ratio(b10, a10),
        });
    }
    a.stop();
    b.stop();
    println!(
        "\nA: this build; B: {}. One request at a time, alternating, {rounds} per page each.",
        other.display()
    );
    println!("| page | A p50 ms | B p50 ms | B/A p50 | A p10 ms | B p10 ms | B/A p10 |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for r in &results {
        println!(
            "| {} | {:.2} | {:.2} | {:.3} | {:.2} | {:.2} | {:.3} |",
            r.page, r.a_p50_ms, r.b_p50_ms, r.b_over_a_p50, r.a_p10_ms, r.b_p10_ms, r.b_over_a_p10
        );
    }
    let report = serde_json::json!({
        "date": chrono::Utc::now().to_rfc3339(),
        "against": other.display().to_string(),
        "rounds": rounds,
        "pages": results,
    });
    std::fs::write(json, serde_json::to_string_pretty(&report)?)?;
    println!("\nJSON written to {json}");
    Ok(())
}
