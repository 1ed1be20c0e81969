//! Installs what a fresh machine lacks: Debian/Ubuntu packages (as root, through sudo, or
//! by printing the exact command), the npm packages, and tauri-driver from crates.io.

use std::path::PathBuf;

use crate::cmd::{self, cmd, npm, Result};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Run,
    Test,
    /// The test tools, and `xwd` to grab the screen the start-up bench watches.
    Bench,
}

/// What Tauri needs to build and run on Linux (tauri.app prerequisites, verified here).
const RUN_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "curl",
    "wget",
    "file",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "pkg-config",
];

/// The test tools: an X server, the WebKit WebDriver, a D-Bus session with gnome-keyring
/// (a real Secret Service), and Debian's Chromium for browser-driven sign-in tests.
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "x11-utils",
    "webkit2gtk-driver",
    "dbus",
    "dbus-x11",
    "gnome-keyring",
    "libsecret-tools",
    "chromium",
    "chromium-driver",
];

pub fn ensure(purpose: Purpose) -> Result {
    check_node()?;
    if cfg!(target_os = "linux") {
        let mut wanted = RUN_PACKAGES.to_vec();
        if purpose != Purpose::Run {
            wanted.extend_from_slice(TEST_PACKAGES);
        }
        if purpose == Purpose::Bench {
            wanted.push("x11-apps");
        }
        ensure_apt(&wanted)?;
    }
    ensure_npm()?;
    if purpose != Purpose::Run && cfg!(target_os = "linux") {
        tauri_driver()?;
    }
    if purpose == Purpose::Test {
        cargo_deny()?;
    }
    Ok(())
}

fn check_node() -> Result {
    let version = cmd("node", &["--version"]).output().map_err(|_| {
        "Node.js 20.19 or newer is required: install it from your package manager or nodejs.org"
            .to_string()
    })?;
    let v: Vec<u32> = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .filter_map(|p| p.parse().ok())
        .collect();
    match v.as_slice() {
        [major, minor, ..] if (*major, *minor) >= (20, 19) => Ok(()),
        _ => Err(format!(
            "Node.js 20.19 or newer is required (found {})",
            version.trim()
        )),
    }
}

fn missing_apt(packages: &[&str]) -> Vec<String> {
    packages
        .iter()
        .filter(|p| {
            cmd("dpkg-query", &["-W", "-f=${Status}", p])
                .output()
                .map_or(true, |status| status.trim() != "install ok installed")
        })
        .map(|p| p.to_string())
        .collect()
}

fn ensure_apt(packages: &[&str]) -> Result {
    if cmd::which("dpkg-query").is_none() {
        eprintln!(
            "xtask: not a Debian/Ubuntu system; make sure the equivalents of these are installed:\n  {}",
            packages.join(" ")
        );
        return Ok(());
    }
    let missing = missing_apt(packages);
    if missing.is_empty() {
        return Ok(());
    }
    let install = format!(
        "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends {}",
        missing.join(" ")
    );
    eprintln!("xtask: installing system packages: {}", missing.join(" "));
    as_root(&install)
}

/// Runs a shell command line as root: directly when root, else through passwordless sudo;
/// otherwise fails with the exact command for the user to run.
pub fn as_root(script: &str) -> Result {
    let is_root = cmd("id", &["-u"])
        .output()
        .is_ok_and(|uid| uid.trim() == "0");
    if is_root {
        return cmd("sh", &["-c", script]).run();
    }
    if cmd("sudo", &["-n", "true"]).succeeds() {
        return cmd("sudo", &["sh", "-c", script]).run();
    }
    Err(format!(
        "this needs root, and sudo asks for a password. Run it yourself, then again:\n  sudo sh -c '{script}'"
    ))
}

/// `npm ci` when node_modules is missing or older than package-lock.json.
fn ensure_npm() -> Result {
    let root = cmd::root();
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules/.package-lock.json");
    let modified = |p: &PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = matches!((modified(&installed), modified(&lock)), (Some(i), Some(l)) if i >= l);
    if fresh {
        return Ok(());
    }
    npm(&["ci", "--no-audit", "--no-fund"]).run()
}

/// The project-local tauri-driver (`target/tools/bin`), installed from crates.io if absent.
pub fn tauri_driver() -> Result<PathBuf> {
    tool("tauri-driver", "^2")
}

/// The project-local cargo-deny, installed from crates.io if absent.
pub fn cargo_deny() -> Result<PathBuf> {
    tool("cargo-deny", "^0.20")
}

/// A tool from crates.io in `target/tools/bin`, installed (`--locked`) if absent.
fn tool(name: &str, version: &str) -> Result<PathBuf> {
    let root = cmd::root().join("target/tools");
    let bin = root
        .join("bin")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if !bin.is_file() {
        let root_arg = root.display().to_string();
        cmd(
            "cargo",
            &[
                "install",
                name,
                "--version",
                version,
                "--locked",
                "--root",
                &root_arg,
            ],
        )
        .run()?;
    }
    Ok(bin)
}
