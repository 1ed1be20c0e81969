//! How a Sandbox org is started: the options a caller sets (ports, state file, delays, canary
//! secrets, the variant, whether the control routes are served), read once at start.

use std::path::PathBuf;
use std::time::Duration;

use crate::variants::Variant;

/// How to start a Sandbox org. `Default` gives a fresh in-memory org on two free ports.
#[derive(Debug, Clone)]
pub struct SandboxOptions {
    /// Extra roles seeded for load tests (e.g. 5,000).
    pub extra_roles: usize,
    /// Persist the org here (loaded at start, rewritten atomically after each change).
    pub state_file: Option<PathBuf>,
    /// Fixed `(login, api)` ports; `None` picks two free ports.
    pub ports: Option<(u16, u16)>,
    /// How long role changes take to reach permission checks (Terraform sleeps 10 s for this:
    /// terraform-provider-genesyscloud
    /// genesyscloud/oauth_client/resource_genesyscloud_oauth_client.go,
    /// `updateTerraformUserWithRole`).
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
    /// Sandbox org turns them off; the Rust [`Knobs`](crate::Knobs) handle works either way.
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
