//! The variant matrix: the sign-in, clients/roles and guided-setup scenarios run against the
//! Sandbox org in every variant (the defaults, then each other plausible form of a behaviour no
//! public source pins down), each scenario must pass in each, and the conformance probes must
//! name the form the Sandbox was set to. Prints the variant × scenario table.

mod scenarios;

use sandbox::{SandboxOptions, Variant};
use tokio::task::JoinSet;

use super::genesys::{quick, world_from, World};

/// One row of the table: the variant, then each scenario's result (`Ok` or why it failed).
struct Row {
    label: String,
    results: Vec<(&'static str, Result<(), String>)>,
}

/// Roles beyond the seed, so that every page cap (25, 100, 500) needs more than one page.
const EXTRA_ROLES: usize = 130;

pub async fn world_in(variant: Variant) -> World {
    world_from(SandboxOptions {
        extra_roles: EXTRA_ROLES,
        ..quick(variant)
    })
    .await
}

async fn row(variant: Variant) -> Row {
    let w = world_in(variant).await;
    let mut results = Vec::new();
    for (name, outcome) in [
        ("sign-in", scenarios::sign_in(&w).await),
        ("clients/roles", scenarios::clients_and_roles(&w).await),
        ("guided setup", scenarios::guided_setup(&w, variant).await),
    ] {
        results.push((name, outcome));
    }
    Row {
        label: variant.label(),
        results,
    }
}

fn table(rows: &[Row]) -> String {
    let width = rows.iter().map(|r| r.label.len()).max().unwrap_or(8).max(8);
    let names: Vec<&str> = rows
        .first()
        .map(|r| r.results.iter().map(|(n, _)| *n).collect())
        .unwrap_or_default();
    let mut out = format!("{:width$}", "variant");
    for n in &names {
        out.push_str(&format!("  {n:14}"));
    }
    out.push('\n');
    for r in rows {
        out.push_str(&format!("{:width$}", r.label));
        for (_, result) in &r.results {
            out.push_str(&format!(
                "  {:14}",
                if result.is_ok() { "passed" } else { "FAILED" }
            ));
        }
        out.push('\n');
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_scenario_passes_in_every_variant_of_the_sandbox_org() {
    let mut set = JoinSet::new();
    for (i, variant) in Variant::matrix().into_iter().enumerate() {
        set.spawn(async move { (i, row(variant).await) });
    }
    let mut rows = Vec::new();
    while let Some(done) = set.join_next().await {
        rows.push(done.expect("no scenario panics"));
    }
    rows.sort_by_key(|(i, _)| *i);
    let rows: Vec<Row> = rows.into_iter().map(|(_, r)| r).collect();
    println!("{}", table(&rows));
    let failures: Vec<String> = rows
        .iter()
        .flat_map(|r| {
            r.results.iter().filter_map(move |(name, result)| {
                result
                    .as_ref()
                    .err()
                    .map(|why| format!("{} / {name}: {why}", r.label))
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{}\n{}",
        table(&rows),
        failures.join("\n")
    );
}
