//! One-time authorization codes between `/oauth/authorize` and `/oauth/token`: what a code
//! stands for, how long it lives, and the table of codes not yet presented. They live in memory
//! only (never in the state file), keyed by their SHA-256, and a reset drops them.

use std::collections::HashMap;

use crate::ids;

/// Codes live ten minutes (RFC 6749 §4.1.2 recommends at most ten).
pub const CODE_LIFETIME_MS: i64 = 10 * 60 * 1000;

/// An issued authorization code waiting for its token request.
#[derive(Debug, Clone)]
pub struct PendingCode {
    pub client_id: String,
    pub user_id: String,
    pub redirect_uri: String,
    /// The S256 code challenge, or `None` for a confidential code grant without PKCE.
    pub challenge: Option<String>,
    pub expires_ms: i64,
}

/// The codes issued and not yet presented, keyed by the SHA-256 of the code.
#[derive(Debug, Default)]
pub struct Codes(HashMap<String, PendingCode>);

impl Codes {
    /// Keep `pending` under `code`, dropping the codes that expired by `now`.
    pub fn keep(&mut self, code: &str, pending: PendingCode, now: i64) {
        self.0.retain(|_, c| c.expires_ms > now);
        self.0.insert(ids::digest(code), pending);
    }

    /// The sign-in `code` stands for, removed: a code is consumed by its first presentation,
    /// whatever the outcome.
    pub fn take(&mut self, code: &str) -> Option<PendingCode> {
        self.0.remove(&ids::digest(code))
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}
