//! The knobs' values, held in the shared state: latency, fault rules by route and method (and
//! which call fires them), a per-token rate limit, the eventual-consistency, activation and
//! secret delays, a movable clock, the variant, `nextUri` on the credentials cursor listing, and
//! the most requests seen in flight at once.

use std::collections::HashMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::options::SandboxOptions;
use crate::variants::Variant;

/// A fault to inject on matching requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FaultRule {
    /// HTTP method to match (`GET`, `POST`, ...); `None` matches every method.
    #[serde(default)]
    pub method: Option<String>,
    /// The route template (`/api/v2/oauth/clients/{clientId}`) or a concrete path.
    pub path: String,
    pub kind: FaultKind,
    /// Let this many matching calls through before the fault starts.
    #[serde(default)]
    pub after: u32,
    /// Fail this many calls, then let calls through again; `None` fails every later call.
    #[serde(default)]
    pub times: Option<u32>,
}

/// What an injected fault does to the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum FaultKind {
    /// Answer with this status and a Genesys `ErrorBody`, without running the operation.
    #[serde(rename_all = "camelCase")]
    Status {
        status: u16,
        #[serde(default)]
        retry_after: Option<u64>,
    },
    /// Like `Status`, with `Retry-After` in its HTTP-date form (`Wed, 21 Oct 2026 07:28:00 GMT`).
    #[serde(rename_all = "camelCase")]
    StatusRetryAt { status: u16, retry_at: String },
    /// Close the TCP connection with a reset (RST) instead of answering.
    ConnectionReset,
    /// Answer nothing for the hang duration (past any sane client timeout).
    Hang,
    /// Run the operation (the object is created or changed), then answer with this 5xx status.
    CreateThenFail { status: u16 },
    /// Answer with exactly this status, content type and body (an HTML error page from a proxy,
    /// truncated JSON...), without running the operation.
    #[serde(rename_all = "camelCase")]
    Body {
        status: u16,
        content_type: String,
        body: String,
    },
    /// Run the operation, send the headers and the first half of the body, then drop the
    /// connection mid-body.
    CutBody,
}

/// A fixed-window request limit per access token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RateLimit {
    pub requests: u32,
    pub window_seconds: u64,
}

#[derive(Debug, Clone)]
pub struct ArmedFault {
    pub rule: FaultRule,
    pub seen: u32,
}

#[derive(Debug, Clone)]
pub struct KnobState {
    pub latency: Duration,
    pub faults: Vec<ArmedFault>,
    pub rate_limit: Option<RateLimit>,
    /// Per token digest: window start (ms) and requests counted in it.
    pub windows: HashMap<String, (i64, u32)>,
    pub consistency_delay: Duration,
    pub activation_delay: Duration,
    pub secret_delay: Duration,
    pub canary_secrets: bool,
    pub hang: Duration,
    pub clock_offset_ms: i64,
    pub variant: Variant,
    /// Whether the credentials cursor listing names its next page in `nextUri`.
    pub cursor_next_uri: bool,
    /// Requests being answered now (both hosts), and the most seen at once since the start.
    pub in_flight: u32,
    pub max_in_flight: u32,
    /// When each request arrived, on the serving runtime's clock (a test's paused clock
    /// included), the first [`MAX_ARRIVALS`] since the start: what a test checks a pace by.
    pub arrivals: Vec<tokio::time::Instant>,
}

/// How many arrivals are kept (a few minutes of a busy test's requests).
pub const MAX_ARRIVALS: usize = 100_000;

impl KnobState {
    pub fn new(options: &SandboxOptions) -> Self {
        KnobState {
            latency: Duration::ZERO,
            faults: Vec::new(),
            rate_limit: None,
            windows: HashMap::new(),
            consistency_delay: options.consistency_delay,
            activation_delay: options.activation_delay,
            secret_delay: options.secret_delay,
            canary_secrets: options.canary_secrets,
            hang: options.hang_duration,
            clock_offset_ms: 0,
            variant: options.variant,
            cursor_next_uri: true,
            in_flight: 0,
            max_in_flight: 0,
            arrivals: Vec::new(),
        }
    }

    /// Count this call against every matching rule; the first rule that fires wins.
    pub fn take_fault(&mut self, method: &str, route: &str, path: &str) -> Option<FaultKind> {
        let mut fired = None;
        for armed in &mut self.faults {
            let rule = &armed.rule;
            let method_ok = rule
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method));
            if !method_ok || (rule.path != route && rule.path != path) {
                continue;
            }
            armed.seen = armed.seen.saturating_add(1);
            let past = armed.seen > rule.after;
            let within = past && rule.times.is_none_or(|m| armed.seen - rule.after <= m);
            if fired.is_none() && past && within {
                fired = Some(rule.kind.clone());
            }
        }
        fired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state_with(rule: FaultRule) -> KnobState {
        let mut state = KnobState::new(&SandboxOptions::default());
        state.faults.push(ArmedFault { rule, seen: 0 });
        state
    }

    #[test]
    fn after_n_for_m_calls() {
        let mut state = state_with(FaultRule {
            method: Some("POST".into()),
            path: "/x".into(),
            kind: FaultKind::Hang,
            after: 1,
            times: Some(2),
        });
        let fired: Vec<bool> = (0..5)
            .map(|_| state.take_fault("POST", "/x", "/x").is_some())
            .collect();
        assert_eq!(fired, [false, true, true, false, false]);
        assert!(
            state.take_fault("GET", "/x", "/x").is_none(),
            "method must match"
        );
    }

    #[test]
    fn calls_before_the_first_fault_are_let_through_without_overflow() {
        let mut state = state_with(FaultRule {
            method: None,
            path: "/x".into(),
            kind: FaultKind::Hang,
            after: 3,
            times: Some(1),
        });
        let fired: Vec<bool> = (0..5)
            .map(|_| state.take_fault("GET", "/x", "/x").is_some())
            .collect();
        assert_eq!(fired, [false, false, false, true, false]);
    }
}
