//! The steps that run Rust tests — the workspace's, the variant matrix, the live suite against
//! the Sandbox org — all with one TS_RS_EXPORT_DIR, and the check that the TS types they wrote
//! match the committed ones.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::cmd::{self, cmd, Result};

// Built with cargo-test's TS_RS_EXPORT_DIR too (see `variant_matrix`).
pub fn live_against_sandbox() -> Result {
    cmd(
        "cargo",
        &[
            "run",
            "--quiet",
            "--package",
            "live",
            "--",
            "--against-sandbox",
        ],
    )
    .env("TS_RS_EXPORT_DIR", ts_check_dir())
    .run()
}

fn ts_check_dir() -> PathBuf {
    cmd::root().join("target/ts-check")
}

/// Runs every Rust test; ts-rs writes the TS types into target/ts-check, not the tree.
pub fn cargo_test() -> Result {
    let dir = ts_check_dir();
    let _ = std::fs::remove_dir_all(&dir);
    // The variant matrix runs in its own step, so that its table is printed. Every test binary
    // runs even after a failure, so the types they export are all there for the next check.
    cmd(
        "cargo",
        &[
            "test",
            "--workspace",
            "--no-fail-fast",
            "--",
            "--skip",
            VARIANT_MATRIX,
        ],
    )
    .env("TS_RS_EXPORT_DIR", &dir)
    .run()
}

/// The one test that runs the app's scenarios in every Sandbox variant.
const VARIANT_MATRIX: &str = "variants::every_scenario_passes_in_every_variant_of_the_sandbox_org";

// Built with cargo-test's TS_RS_EXPORT_DIR: ts-rs reads it when it compiles, so another value
// would rebuild every crate that exports types.
pub fn variant_matrix() -> Result {
    cmd(
        "cargo",
        &[
            "test",
            "--test",
            "tests",
            VARIANT_MATRIX,
            "--",
            "--exact",
            "--nocapture",
        ],
    )
    .env("TS_RS_EXPORT_DIR", ts_check_dir())
    .run()
}

fn files(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(e.path()).unwrap_or_default())
        })
        .collect()
}

pub fn generated_current() -> Result {
    let fresh = files(&ts_check_dir());
    if fresh.is_empty() {
        return Err("cargo test produced no TS types in target/ts-check".into());
    }
    let committed = files(&cmd::root().join("ui/src/generated"));
    let stale: Vec<&String> = fresh
        .keys()
        .chain(committed.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|name| fresh.get(*name) != committed.get(*name))
        .collect();
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "ui/src/generated is stale ({}): run `cargo test` and commit ui/src/generated",
            stale
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}
