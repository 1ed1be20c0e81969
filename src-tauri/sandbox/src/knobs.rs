//! The test knobs' public handle: latency, fault injection, a per-token rate limit, the
//! eventual-consistency, activation and secret delays, a movable clock, the variant, `nextUri` on
//! the credentials cursor listing, the most requests seen in flight at once, a user's presence,
//! and reset.

use std::time::Duration;

use crate::error::Error;
use crate::error_body::ApiError;
use crate::knob_state::{ArmedFault, FaultRule, RateLimit};
use crate::org::{RoutingStatus, SystemPresence};
use crate::store::{lock, Ctx};
use crate::variants::Variant;

/// Handle on the knobs of a running Sandbox org (cheap to clone).
#[derive(Clone)]
pub struct Knobs(pub(crate) Ctx);

impl Knobs {
    /// Delay every request on both hosts by `latency`.
    pub fn set_latency(&self, latency: Duration) {
        lock(&self.0.knobs).latency = latency;
    }
    /// Add a fault rule; its call counter starts at zero.
    pub fn add_fault(&self, rule: FaultRule) {
        lock(&self.0.knobs)
            .faults
            .push(ArmedFault { rule, seen: 0 });
    }
    /// How many calls each fault rule has matched so far, in the order they were added
    /// (fired or let through), so a test can count the requests a route received.
    pub fn fault_matches(&self) -> Vec<u32> {
        lock(&self.0.knobs).faults.iter().map(|a| a.seen).collect()
    }
    pub fn clear_faults(&self) {
        lock(&self.0.knobs).faults.clear();
    }
    /// Limit requests per access token on the API host (`None` lifts the limit).
    pub fn set_rate_limit(&self, limit: Option<RateLimit>) {
        let mut knobs = lock(&self.0.knobs);
        knobs.rate_limit = limit;
        knobs.windows.clear();
    }
    /// How long role changes made by `PUT /users/{id}/roles` take to reach permission checks.
    pub fn set_consistency_delay(&self, delay: Duration) {
        lock(&self.0.knobs).consistency_delay = delay;
    }
    /// How long an enabled integration reports `ACTIVATING` before `ACTIVE` or `ERROR`.
    pub fn set_activation_delay(&self, delay: Duration) {
        lock(&self.0.knobs).activation_delay = delay;
    }
    /// How long a new or regenerated client secret is refused at `/oauth/token` (the auth-cache
    /// lag behind security-matrix.md C14).
    pub fn set_secret_delay(&self, delay: Duration) {
        lock(&self.0.knobs).secret_delay = delay;
    }
    /// Issue secrets, codes and tokens as `CANARY-<uuid>` (for leak scans, security-matrix.md F1).
    pub fn set_canary_secrets(&self, on: bool) {
        lock(&self.0.knobs).canary_secrets = on;
    }
    /// How long a `Hang` fault holds the request.
    pub fn set_hang_duration(&self, hang: Duration) {
        lock(&self.0.knobs).hang = hang;
    }
    /// Move the Sandbox clock forward (token, code and delay expiry) without waiting.
    pub fn advance_clock(&self, by: Duration) {
        let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        let mut knobs = lock(&self.0.knobs);
        knobs.clock_offset_ms = knobs.clock_offset_ms.saturating_add(ms);
    }
    /// Answer as `variant` says wherever real orgs may differ (kept until reset).
    pub fn set_variant(&self, variant: Variant) {
        lock(&self.0.knobs).variant = variant;
    }
    /// The variant in force now.
    pub fn variant(&self) -> Variant {
        lock(&self.0.knobs).variant
    }
    /// Whether `GET /api/v2/integrations/credentials/listing` answers `nextUri` (on by default);
    /// off, a client must page with `after` alone, as Terraform does
    /// (terraform-provider-genesyscloud
    /// genesyscloud/integration_credential/genesyscloud_integration_credential_proxy.go).
    pub fn set_cursor_next_uri(&self, on: bool) {
        lock(&self.0.knobs).cursor_next_uri = on;
    }
    /// The most requests both hosts were answering at once since the start (or the last reset).
    pub fn max_concurrent_requests(&self) -> u32 {
        lock(&self.0.knobs).max_in_flight
    }
    /// When each request to either host arrived (the first 100,000), on the serving runtime's
    /// clock: a test under paused time reads the pace its client kept.
    pub fn arrivals(&self) -> Vec<tokio::time::Instant> {
        lock(&self.0.knobs).arrivals.clone()
    }
    /// Set a user's (a queue member's) presence and routing status, as a queue members listing
    /// expands them; without `routing`, On Queue goes with `IDLE` and every other presence with
    /// `OFF_QUEUE`. Kept in the org (and its state file) until changed or reset. `false` when no
    /// user has `user_id`, or the state file could not be written.
    pub fn set_presence(
        &self,
        user_id: &str,
        presence: SystemPresence,
        routing: Option<RoutingStatus>,
    ) -> bool {
        let now = self.0.now_ms();
        self.0
            .mutate(
                |org| match org.set_presence(user_id, presence, routing, now) {
                    true => Ok(()),
                    false => Err(ApiError::not_found()),
                },
            )
            .is_ok()
    }
    /// Back to the seeded org and to the knobs the options set.
    pub fn reset(&self) -> Result<(), Error> {
        self.0.reset()
    }
}
