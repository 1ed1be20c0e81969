//! `cargo xtask test`: every check and test, each a named step; the run fails if any fails.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::cmd::{self, cmd, npm, step, Result};
use crate::{deps, e2e, package, session};

pub fn test(only: &[String]) -> Result {
    std::env::set_var(ONLY, only.join(","));
    deps::ensure(deps::Purpose::Test)?;
    if cfg!(target_os = "linux") {
        let env = session::hermetic_xdg(&cmd::root().join("target/test-session"))?;
        session::reexec_in_dbus(&env)
    } else {
        test_in_session()
    }
}

/// A step: a short key (for `cargo xtask test KEY…`), what it checks, and how.
type Step = (&'static str, &'static str, fn() -> Result);

/// Steps named on the command line (`cargo xtask test e2e clippy`); none means all.
/// Carried into the D-Bus session through this variable.
const ONLY: &str = "DIP_STUDIO_XTASK_ONLY";

pub fn test_in_session() -> Result {
    let linux = cfg!(target_os = "linux");
    if linux {
        session::start_keyring()?;
    }
    let display = if linux {
        Some(session::start_xvfb()?)
    } else {
        None
    };
    if let Some(d) = &display {
        std::env::set_var("DISPLAY", &d.name);
    }
    let mut steps: Vec<Step> = vec![
        ("fmt", "cargo fmt --check", fmt),
        ("i18n", "i18n key parity", i18n_parity),
        (
            "core",
            "the core has no tauri dependency",
            core_free_of_tauri,
        ),
        ("tsc", "TypeScript (tsc --noEmit)", tsc),
        ("vitest", "UI unit tests (vitest)", vitest),
        ("actionlint", "GitHub workflows (actionlint)", actionlint),
        (
            "deny",
            "dependency policy (cargo deny; advisories and npm audit where reachable)",
            crate::audit::deny,
        ),
        ("clippy", "cargo clippy -D warnings", clippy),
        ("cargo-test", "cargo test --workspace", cargo_test),
        (
            "variants",
            "the scenarios in every Sandbox variant (the variant x scenario table)",
            variant_matrix,
        ),
        (
            "live",
            "the live suite against the Sandbox org (cargo xtask live --against-sandbox)",
            live_against_sandbox,
        ),
        (
            "generated",
            "generated TS types are current",
            generated_current,
        ),
    ];
    if linux {
        steps.push(("e2e", "end-to-end in the real window", e2e::run));
        steps.push((
            "package",
            ".deb and .rpm built, .deb installed and smoke-tested",
            package::run,
        ));
    }
    let only = std::env::var(ONLY).unwrap_or_default();
    let only: Vec<&str> = only.split(',').filter(|s| !s.is_empty()).collect();
    if let Some(unknown) = only
        .iter()
        .find(|k| !steps.iter().any(|(key, ..)| key == *k))
    {
        let keys: Vec<&str> = steps.iter().map(|(key, ..)| *key).collect();
        return Err(format!(
            "no step `{unknown}`; steps are: {}",
            keys.join(" ")
        ));
    }
    steps.retain(|(key, ..)| only.is_empty() || only.contains(key));
    let failed: Vec<&str> = steps
        .iter()
        .filter_map(|(_, name, f)| step(name, *f).err().map(|_| *name))
        .collect();
    eprintln!();
    println!(
        "steps: {} passed, {} failed",
        steps.len() - failed.len(),
        failed.len()
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed: {}", failed.join("; ")))
    }
}

fn fmt() -> Result {
    cmd("cargo", &["fmt", "--all", "--check"]).run()
}

// Built with cargo-test's TS_RS_EXPORT_DIR too (see `variant_matrix`).
fn live_against_sandbox() -> Result {
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

fn tsc() -> Result {
    npm(&["run", "--silent", "typecheck"]).run()
}

fn vitest() -> Result {
    npm(&["run", "--silent", "test:ui"]).run()
}

fn actionlint() -> Result {
    cmd("node", &["tests/lint-workflows.mjs"]).run()
}

fn clippy() -> Result {
    let args = [
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ];
    cmd("cargo", &args).run()
}

fn ts_check_dir() -> PathBuf {
    cmd::root().join("target/ts-check")
}

/// Runs every Rust test; ts-rs writes the TS types into target/ts-check, not the tree.
fn cargo_test() -> Result {
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
fn variant_matrix() -> Result {
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

fn generated_current() -> Result {
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

fn core_free_of_tauri() -> Result {
    for krate in ["genesys", "sandbox", "live"] {
        let tree = cmd(
            "cargo",
            &["tree", "-p", krate, "-e", "normal", "--prefix", "none"],
        )
        .output()?;
        if let Some(line) = tree.lines().find(|l| l.starts_with("tauri")) {
            return Err(format!(
                "`{krate}` depends on {line}; the core must stay free of tauri"
            ));
        }
    }
    Ok(())
}

fn flatten(prefix: &str, value: &serde_json::Value, out: &mut BTreeMap<String, String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&path, v, out);
            }
        }
        other => {
            out.insert(
                prefix.to_string(),
                other.as_str().unwrap_or_default().to_string(),
            );
        }
    }
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect()
}

/// Every `i18n` folder (the UI's and any other catalogue): same keys in every language,
/// no empty text, the same `{placeholders}` for a key in every language.
fn i18n_parity() -> Result {
    let mut problems = Vec::new();
    let mut catalogues = 0;
    for dir in i18n_dirs(&cmd::root()) {
        let mut langs = BTreeMap::new();
        for entry in std::fs::read_dir(&dir)
            .map_err(|e| e.to_string())?
            .flatten()
        {
            let path = entry.path();
            if path.extension().is_some_and(|x| x == "json") {
                let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
                let json: serde_json::Value =
                    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
                let mut keys = BTreeMap::new();
                flatten("", &json, &mut keys);
                langs.insert(entry.file_name().to_string_lossy().into_owned(), keys);
            }
        }
        catalogues += langs.len();
        let all: BTreeSet<&String> = langs.values().flat_map(|k| k.keys()).collect();
        for (file, keys) in &langs {
            for key in &all {
                match keys.get(*key) {
                    None => problems.push(format!("{}/{file}: missing `{key}`", dir.display())),
                    Some(text) if text.trim().is_empty() => {
                        problems.push(format!("{}/{file}: empty `{key}`", dir.display()))
                    }
                    Some(text) => {
                        let theirs = langs
                            .values()
                            .find_map(|k| k.get(*key))
                            .map(|t| placeholders(t));
                        if theirs.is_some_and(|p| p != placeholders(text)) {
                            problems.push(format!(
                                "{}/{file}: `{key}` has other placeholders",
                                dir.display()
                            ));
                        }
                    }
                }
            }
        }
    }
    if catalogues < 3 {
        return Err("no i18n catalogues found (expected ui/src/i18n/{en,es,pt-BR}.json and one per feature)".into());
    }
    if problems.is_empty() {
        eprintln!("{catalogues} catalogues agree");
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn i18n_dirs(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.join("ui"), root.join("src-tauri")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if !path.is_dir() || name == "node_modules" || name == "target" || name == "dist" {
                continue;
            }
            if name == "i18n" {
                found.push(path.clone());
            }
            stack.push(path);
        }
    }
    found.sort();
    found
}
