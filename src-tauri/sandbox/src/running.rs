//! Starting and stopping a Sandbox org: seeding (or loading) it, binding the two hosts, and the
//! handle callers keep (base URLs, knobs, seed information, snapshots, shutdown).

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::error::Error;
use crate::knob_state::KnobState;
use crate::knobs::Knobs;
use crate::options::SandboxOptions;
use crate::org::Org;
use crate::seed::SeedInfo;
use crate::store::{Ctx, Shared};
use crate::{api, login, seed, server};

/// Every object of the org at one instant (clients, credentials, integrations, users, roles...).
pub type Snapshot = Org;

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
