//! Shared by the benches: the Sandbox org's endpoints, a no-redirect HTTP client, a PKCE
//! sign-in as the practice admin (the live suite's, so there is one way to do it), and the
//! process's peak memory.
// Each bench includes this module and uses only part of it.
#![allow(dead_code)]

use genesys::auth::Session;
use genesys::Endpoints;
use sandbox::RunningSandbox;

pub fn endpoints(org: &RunningSandbox) -> Endpoints {
    live::sandbox_endpoints(org)
}

pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client")
}

/// A PKCE sign-in as the practice admin; reqwest plays the browser.
pub async fn sign_in(org: &RunningSandbox) -> Session {
    live::sign_in_as_practice_admin(org)
        .await
        .expect("signed in")
}

/// The process's peak resident set (`VmHWM` in /proc/self/status), in MiB; `None` off Linux.
pub fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}
