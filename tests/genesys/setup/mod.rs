//! The guided setup against the Sandbox org over real HTTP, with the real Secret
//! Service when a session bus is there: the happy path, the fault matrix (security-matrix.md C), the kill
//! test (D1, D2), the journal (D3, D5, F1), the role choice, and the data action part (made,
//! tested against a seeded queue, published; rolled back; a client that cannot read queues).

mod action;
mod faults;
mod guards;
mod happy;
mod journal;
mod kill;
mod roles;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ::genesys::api::{Client, ClientOptions, RetryPolicy};
use ::genesys::secrets::Secret;
use ::genesys::secrets::{KeychainStore, MemoryStore, SecretStore};
use ::genesys::setup::{
    carries, ActionStep, SetupContext, SetupEvent, SetupObserver, SetupRequest, SetupTiming,
};
use ::genesys::Endpoints;
use sandbox::RunningSandbox;

use super::World;

/// Millisecond backoff so the fault matrix runs fast; the request timeout is short enough for
/// a Sandbox hang (5 s in [`super::world`]) to count as one.
pub fn fast_options() -> ClientOptions {
    ClientOptions {
        request_timeout: Duration::from_millis(800),
        connect_timeout: Duration::from_secs(2),
        retry: RetryPolicy {
            max_attempts: 5,
            base: Duration::from_millis(5),
            max: Duration::from_millis(40),
            max_retry_after: Duration::from_secs(2),
            conflict_step: Duration::from_millis(5),
            max_throttled: Duration::from_secs(10),
        },
        read_after_create_within: Duration::from_secs(2),
        ..ClientOptions::default()
    }
}

pub fn fast_timing() -> SetupTiming {
    SetupTiming {
        verify_within: Duration::from_secs(10),
        activation_within: Duration::from_secs(10),
        create_attempts: 3,
        create_backoff: Duration::from_millis(10),
    }
}

pub fn endpoints(org: &RunningSandbox) -> Endpoints {
    Endpoints {
        login_base: org.login_base_url(),
        api_base: org.api_base_url(),
    }
}

/// Whether the real Secret Service is expected (`cargo xtask test` runs under
/// `dbus-run-session`); elsewhere the in-memory store stands in, and the test says so.
pub fn secret_service_expected() -> bool {
    !cfg!(target_os = "linux") || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

/// The real keychain under its own service name (unique per test), or [`MemoryStore`].
pub fn store(service: &str) -> Arc<dyn SecretStore> {
    if secret_service_expected() {
        Arc::new(KeychainStore::new(service))
    } else {
        static SAID: std::sync::Once = std::sync::Once::new();
        SAID.call_once(|| {
            eprintln!("no session bus: the guided setup tests use the in-memory secret store")
        });
        Arc::new(MemoryStore::new())
    }
}

/// A unique name for a test's keychain service and journal folder.
pub fn unique(tag: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("dip-studio-setup-test-{tag}-{}-{nanos}", std::process::id())
}

/// A fresh journal folder under the system temp dir.
pub fn journal_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(unique(tag));
    std::fs::create_dir_all(&dir).expect("a journal folder");
    dir
}

/// Every event of a run, kept for assertions (and canary scans).
#[derive(Default)]
pub struct Recorder {
    pub events: Mutex<Vec<SetupEvent>>,
}

impl SetupObserver for Recorder {
    fn event(&self, event: &SetupEvent) {
        self.events.lock().expect("events").push(event.clone());
    }
}

/// The seeded admin's token, through a real PKCE sign-in at the Sandbox login host.
pub async fn sign_in(w: &World) -> Secret {
    w.sign_in().await.0.token().clone()
}

/// A run context on `org` for `token`.
pub fn context(
    org: &RunningSandbox,
    token: Secret,
    secrets: Arc<dyn SecretStore>,
    journal_dir: PathBuf,
    observer: Arc<dyn SetupObserver>,
) -> SetupContext {
    SetupContext {
        client: Client::with_options(endpoints(org), fast_options()).expect("a client"),
        token,
        target: "sandbox".to_owned(),
        secrets,
        journal_dir,
        observer,
        timing: fast_timing(),
        cancel: ::genesys::setup::CancelSignal::new(),
    }
}

/// The form as the screen would send it: defaults with the admin's Queue Viewer role in every
/// division (held by the seeded admin), and the data action tested against the first seeded
/// queue (the box the screen ticks by default).
pub fn request(org: &RunningSandbox) -> SetupRequest {
    let queue = org.snapshot().queues.first().map(|q| q.id.clone());
    assert!(queue.is_some(), "a seeded queue");
    SetupRequest {
        action: Some(ActionStep::workshop(queue)),
        ..integration_only(org)
    }
}

/// The form without the data action part: the run stops at the ACTIVE integration.
pub fn integration_only(org: &RunningSandbox) -> SetupRequest {
    let role_id = org
        .snapshot()
        .roles
        .iter()
        .find(|r| r.name == "Queue Viewer")
        .map(|r| r.id.clone())
        .expect("a seeded Queue Viewer role");
    SetupRequest::workshop_defaults(vec![::genesys::models::RoleDivision {
        role_id,
        division_id: "*".to_owned(),
    }])
}

/// Objects carrying run `run_id`'s marker: (clients, credentials, integrations).
pub fn census(org: &RunningSandbox, run_id: &str) -> (usize, usize, usize) {
    let s = org.snapshot();
    (
        s.oauth_clients
            .iter()
            .filter(|c| carries(&c.description, run_id))
            .count(),
        s.credentials
            .iter()
            .filter(|c| carries(&c.name, run_id))
            .count(),
        s.integrations
            .iter()
            .filter(|i| carries(&i.name, run_id))
            .count(),
    )
}

/// Objects carrying any run marker at all (to catch a second run id).
pub fn marked_total(org: &RunningSandbox) -> (usize, usize, usize) {
    let prefix = ::genesys::setup::MARKER_PREFIX;
    let s = org.snapshot();
    (
        s.oauth_clients
            .iter()
            .filter(|c| c.description.contains(prefix))
            .count(),
        s.credentials
            .iter()
            .filter(|c| c.name.contains(prefix))
            .count(),
        s.integrations
            .iter()
            .filter(|i| i.name.contains(prefix))
            .count(),
    )
}

/// The data actions carrying any run marker, published or as a draft: (id, published).
pub fn marked_actions(org: &RunningSandbox) -> Vec<(String, bool)> {
    let prefix = ::genesys::setup::MARKER_PREFIX;
    org.snapshot()
        .actions
        .into_iter()
        .filter(|a| {
            a.published
                .iter()
                .chain(a.draft.iter())
                .any(|d| d.name.contains(prefix))
        })
        .map(|a| (a.id, a.published.is_some()))
        .collect()
}
