//! The dependency policy step: cargo deny's license, ban and source checks (they work offline
//! from Cargo.lock and crates.io), then the advisory checks of cargo deny and npm where their
//! databases can be reached; where they cannot, the step says so instead of failing.

use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use crate::cmd::{cmd, npm, Result};
use crate::deps;

const CONFIG: &str = ".cargo/deny.toml";
/// Where cargo deny fetches the RustSec advisory database from.
const ADVISORY_HOST: &str = "github.com:443";

pub fn deny() -> Result {
    let bin = deps::cargo_deny()?.display().to_string();
    cmd(
        &bin,
        &["--config", CONFIG, "check", "licenses", "bans", "sources"],
    )
    .run()?;
    if reachable(ADVISORY_HOST) {
        cmd(&bin, &["--config", CONFIG, "check", "advisories"]).run()?;
    } else {
        eprintln!(
            "advisories: not checked here: the RustSec database cannot be fetched from this machine (the GitHub CI workflow checks it)"
        );
    }
    npm_audit()
}

/// `npm audit --omit=dev`: a registry without the audit API (HTTP 405) or no network at all
/// is reported and skipped; a finding fails the step.
fn npm_audit() -> Result {
    let (ok, text) = npm(&["audit", "--omit=dev"]).capture()?;
    if ok {
        eprintln!("{}", text.trim_end());
        return Ok(());
    }
    let unavailable = [
        "405",
        "ENOTFOUND",
        "EAI_AGAIN",
        "ECONNREFUSED",
        "ETIMEDOUT",
        "audit endpoint",
    ];
    if unavailable.iter().any(|marker| text.contains(marker)) {
        eprintln!(
            "npm audit: not checked here: the registry this machine reaches has no audit service (the GitHub CI workflow checks it)"
        );
        return Ok(());
    }
    eprintln!("{}", text.trim_end());
    Err("npm audit found advisories in the app's npm packages".into())
}

fn reachable(host: &str) -> bool {
    let Ok(mut addrs) = host.to_socket_addrs() else {
        return false;
    };
    addrs.any(|addr| TcpStream::connect_timeout(&addr, Duration::from_secs(3)).is_ok())
}
