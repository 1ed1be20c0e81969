//! Starting and stopping a Sandbox org: options, the two bound hosts, seed information for
//! callers, snapshots, and shutdown.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::error::Error;
use crate::knobs::{KnobState, Knobs};
use crate::org::Org;
use crate::store::{Ctx, Shared};
use crate::variants::Variant;
use crate::{api, login, seed, server};

/// Every object of the org at one instant (clients, credentials, integrations, users, roles...).
pub type Snapshot = Org;

/// How to start a Sandbox org. `Default` gives a fresh in-memory org on two free ports.
#[derive(Debug, Clone)]
pub struct SandboxOptions {
    /// Extra roles seeded for load tests (e.g. 5,000).
    pub extra_roles: usize,
    /// Persist the org here (loaded at start, rewritten atomically after each change).
    pub state_file: Option<PathBuf>,
    /// Fixed `(login, api)` ports; `None` picks two free ports.
    pub ports: Option<(u16, u16)>,
    /// How long role changes take to reach permission checks (Terraform sleeps 10 s for this).
    pub consistency_delay: Duration,
    /// How long an enabled integration reports `ACTIVATING`.
    pub activation_delay: Duration,
    /// How long a new or regenerated client secret is refused at `/oauth/token`.
    pub secret_delay: Duration,
    /// Issue secrets, codes and tokens as `CANARY-<uuid>` for leak scans.
    pub canary_secrets: bool,
    /// How long a `Hang` fault holds a request.
    pub hang_duration: Duration,
    /// The form of each behaviour that no public source pins down.
    pub variant: Variant,
    /// Serve the `/__sandbox/...` knobs over HTTP (reset, faults, clock...). The app's own
    /// Sandbox org turns them off; the Rust [`Knobs`] handle works either way.
    pub control_routes: bool,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        SandboxOptions {
            extra_roles: 0,
            state_file: None,
            ports: None,
            consistency_delay: Duration::from_secs(3),
            activation_delay: Duration::from_secs(2),
            secret_delay: Duration::ZERO,
            canary_secrets: false,
            hang_duration: Duration::from_secs(120),
            variant: Variant::default(),
            control_routes: true,
        }
    }
}

/// What a caller needs to sign in to the seeded org.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeedInfo {
    pub org_id: String,
    pub org_name: String,
    pub home_division_id: String,
    pub admin_user_id: String,
    pub admin_name: String,
    pub admin_email: String,
    pub admin_password: String,
    /// The ready `CODE` (PKCE) sign-in client, `http://127.0.0.1` and `http://localhost` registered.
    pub code_client_id: String,
    /// The ready `TOKEN` (implicit) sign-in client, same redirect URIs.
    pub token_client_id: String,
}

/// Entry point of the crate.
pub struct Sandbox;

impl Sandbox {
    /// Seed (or load) the org and start both hosts on loopback.
    pub async fn start(options: SandboxOptions) -> Result<RunningSandbox, Error> {
        let (pristine, seed) = seed::seeded_org(options.extra_roles)?;
        let knobs = KnobState::new(&options);
        let ctx = Ctx(Arc::new(Shared::new(
            pristine,
            options.state_file,
            knobs,
            seed,
            options.control_routes,
        )?));
        let (login_port, api_port) = options.ports.unwrap_or((0, 0));
        let login_listener = server::bind(login_port).await?;
        let api_listener = server::bind(api_port).await?;
        let local = |l: &tokio::net::TcpListener, port| {
            l.local_addr()
                .map_err(|source| Error::Bind { port, source })
        };
        let login_addr = local(&login_listener, login_port)?;
        let api_addr = local(&api_listener, api_port)?;
        let (stop, stopped) = watch::channel(false);
        let tasks = vec![
            server::spawn(login_listener, login::router(ctx.clone()), stopped.clone()),
            server::spawn(api_listener, api::router(ctx.clone()), stopped),
        ];
        Ok(RunningSandbox {
            ctx,
            login_addr,
            api_addr,
            stop,
            tasks,
        })
    }
}

/// A Sandbox org serving on loopback. Dropping it stops both hosts too.
pub struct RunningSandbox {
    ctx: Ctx,
    login_addr: SocketAddr,
    api_addr: SocketAddr,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl RunningSandbox {
    /// The login host, e.g. `http://127.0.0.1:41234` (serves `/oauth/authorize`, `/oauth/token`).
    pub fn login_base_url(&self) -> String {
        format!("http://{}", self.login_addr)
    }
    /// The API host, e.g. `http://127.0.0.1:41235` (serves `/api/v2/...` and `/__sandbox/...`).
    pub fn api_base_url(&self) -> String {
        format!("http://{}", self.api_addr)
    }
    /// Latency, faults, rate limit, delays, clock and reset.
    pub fn knobs(&self) -> Knobs {
        Knobs(self.ctx.clone())
    }
    /// A copy of every object in the org now.
    pub fn snapshot(&self) -> Snapshot {
        self.ctx.read(Org::clone)
    }
    /// Where an unreadable state file was moved when this org started (the org was seeded
    /// anew); `None` when the file was read, or there was none.
    pub fn set_aside_state_file(&self) -> Option<&std::path::Path> {
        self.ctx.set_aside.as_deref()
    }
    /// The seeded org's ids and the admin's sign-in details.
    pub fn seed(&self) -> &SeedInfo {
        &self.ctx.seed
    }
    /// Stop both hosts: listeners close and open connections are dropped.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        for task in self.tasks {
            let _ = task.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shareable<T: Send + Sync + 'static>() {}

    #[test]
    fn the_app_can_keep_a_running_sandbox_in_shared_state() {
        shareable::<RunningSandbox>();
        shareable::<Knobs>();
    }
}
