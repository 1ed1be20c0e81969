//! The app's Sandbox org: started in-process on first use, on loopback, with its state in the
//! app data folder (`sandbox-org.json`) so it survives restarts until reset from Settings.

use genesys::Endpoints;
use sandbox::{Sandbox, SandboxOptions, SeedInfo};
use tauri::{AppHandle, Manager, Runtime};

use crate::AppState;

pub const STATE_FILE: &str = "sandbox-org.json";

/// Debug builds only: this many load-test roles are added to the Sandbox org (the roles
/// picker's tests and bench use 5,000) when the org is created or reset; a saved org keeps its
/// roles. Release builds ignore it.
pub const EXTRA_ROLES_ENV: &str = "DIP_STUDIO_SANDBOX_EXTRA_ROLES";
/// Debug builds only: milliseconds of latency the Sandbox org adds to every request.
pub const LATENCY_ENV: &str = "DIP_STUDIO_SANDBOX_LATENCY_MS";
/// Debug builds only: how many milliseconds an enabled integration stays ACTIVATING (the
/// end-to-end tests make it outlast a window they close mid-run).
pub const ACTIVATION_ENV: &str = "DIP_STUDIO_SANDBOX_ACTIVATION_MS";

/// A whole number from a debug-only environment knob; `None` in release builds.
fn debug_knob(name: &str) -> Option<usize> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let value = std::env::var(name).ok()?;
    match value.trim().parse() {
        Ok(n) => Some(n),
        Err(_) => {
            log::warn!("{name} is not a whole number; ignored");
            None
        }
    }
}

/// The Sandbox org's two base URLs and seed, starting it if it is not running yet.
pub async fn endpoints<R: Runtime>(
    app: &AppHandle<R>,
) -> Result<(Endpoints, SeedInfo), genesys::Error> {
    let state = app.state::<AppState>();
    let mut running = state.sandbox.lock().await;
    if running.is_none() {
        let dir = app
            .path()
            .app_data_dir()
            .map_err(|e| genesys::Error::Storage(e.to_string()))?;
        std::fs::create_dir_all(&dir).map_err(|e| genesys::Error::Storage(e.to_string()))?;
        let options = SandboxOptions {
            state_file: Some(dir.join(STATE_FILE)),
            extra_roles: debug_knob(EXTRA_ROLES_ENV).unwrap_or(0),
            // Anything on this machine could reach the knobs over loopback: the app keeps only
            // the Rust handle (Settings' reset, the debug latency knob).
            control_routes: false,
            ..SandboxOptions::default()
        };
        let started = Sandbox::start(options).await.map_err(|e| {
            genesys::Error::Storage(format!("the Sandbox org could not start: {e}"))
        })?;
        if let Some(aside) = started.set_aside_state_file() {
            log::warn!(
                "the Sandbox org's saved state was unreadable: kept as {} and the org seeded anew",
                aside.display()
            );
        }
        if let Some(millis) = debug_knob(LATENCY_ENV) {
            started
                .knobs()
                .set_latency(std::time::Duration::from_millis(millis as u64));
        }
        if let Some(millis) = debug_knob(ACTIVATION_ENV) {
            started
                .knobs()
                .set_activation_delay(std::time::Duration::from_millis(millis as u64));
        }
        log::info!(
            "Sandbox org started: login {}, API {}",
            started.login_base_url(),
            started.api_base_url()
        );
        *running = Some(started);
    }
    let org = running
        .as_ref()
        .ok_or_else(|| genesys::Error::Unexpected("the Sandbox org stopped".into()))?;
    Ok((
        Endpoints {
            login_base: org.login_base_url(),
            api_base: org.api_base_url(),
        },
        org.seed().clone(),
    ))
}

/// Puts the Sandbox org back to its seed (every client, credential and integration gone).
pub async fn reset<R: Runtime>(app: &AppHandle<R>) -> Result<(), genesys::Error> {
    endpoints(app).await?;
    let state = app.state::<AppState>();
    let running = state.sandbox.lock().await;
    match running.as_ref() {
        Some(org) => org.knobs().reset().map_err(|e| {
            genesys::Error::Storage(format!("the Sandbox org could not be reset: {e}"))
        }),
        None => Ok(()),
    }
}

/// Where the running Sandbox org moved an unreadable state file at start, for the window to say.
pub async fn set_aside_state_file<R: Runtime>(app: &AppHandle<R>) -> Option<String> {
    let state = app.state::<AppState>();
    let running = state.sandbox.lock().await;
    running
        .as_ref()?
        .set_aside_state_file()
        .map(|p| p.display().to_string())
}
