//! How fast one org is asked, shared by every clone of a [`super::Client`]: at most
//! `max_in_flight` requests at once, at most `per_minute` started in any rolling minute (so a
//! long listing and a guided setup together stay under Genesys's per-token limit), and the
//! pause a 429 asks for (security-matrix.md C4: "the next request on that token starts ≥ Retry-After later,
//! pool-wide"). A POST answered 429 is not sent again by the client, but whatever the caller
//! does next (the guided setup looks for the object by its marker) still waits it out.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// The rolling window of the per-minute budget.
const MINUTE: Duration = Duration::from_secs(60);

#[derive(Debug, Clone)]
pub(crate) struct RateGate {
    /// Until when a 429 holds every request.
    pause: Arc<Mutex<Option<Instant>>>,
    /// One permit per request in flight.
    slots: Arc<Semaphore>,
    /// When each of the last `per_minute` requests started (oldest first).
    started: Arc<Mutex<VecDeque<Instant>>>,
    per_minute: usize,
    in_flight: usize,
}

/// Held while one request is in flight; dropping it frees the slot.
pub(crate) struct Admission {
    _slot: Option<OwnedSemaphorePermit>,
}

impl RateGate {
    /// A gate letting `max_in_flight` requests run at once and `per_minute` start in any
    /// rolling minute (0 counts as 1: a client always makes progress).
    pub(crate) fn new(max_in_flight: usize, per_minute: u32) -> RateGate {
        RateGate {
            pause: Arc::default(),
            slots: Arc::new(Semaphore::new(max_in_flight.max(1))),
            started: Arc::default(),
            per_minute: (per_minute as usize).max(1),
            in_flight: max_in_flight.max(1),
        }
    }

    /// How many requests may be in flight at once.
    pub(crate) fn max_in_flight(&self) -> usize {
        self.in_flight
    }

    /// Waits until a request may start: the 429 pause is over, a slot is free and the minute's
    /// budget has room (a start older than a minute gives its place back). Keep the admission
    /// until the answer is read.
    pub(crate) async fn admit(&self) -> Admission {
        self.wait().await;
        // The semaphore is never closed (`None` would only let the request through).
        let slot = self.slots.clone().acquire_owned().await.ok();
        loop {
            let oldest = {
                let now = Instant::now();
                let mut started = self.started.lock().unwrap_or_else(|p| p.into_inner());
                while started
                    .front()
                    .is_some_and(|t| now.duration_since(*t) >= MINUTE)
                {
                    started.pop_front();
                }
                if started.len() < self.per_minute {
                    started.push_back(now);
                    return Admission { _slot: slot };
                }
                started.front().copied()
            };
            if let Some(oldest) = oldest {
                tokio::time::sleep_until(oldest + MINUTE).await;
            }
        }
    }

    /// Sleeps until the latest pause a 429 asked for is over (returns at once if none).
    pub(crate) async fn wait(&self) {
        let until = *self.pause.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(until) = until {
            tokio::time::sleep_until(until).await;
        }
    }

    /// Holds every request of this client for `pause` from now (a later pause never shortens
    /// an earlier, longer one).
    pub(crate) fn hold(&self, pause: Duration) {
        let until = Instant::now() + pause;
        let mut gate = self.pause.lock().unwrap_or_else(|p| p.into_inner());
        if gate.is_none_or(|current| current < until) {
            *gate = Some(until);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_pause_holds_every_clone_and_a_shorter_one_never_cuts_it() {
        let gate = RateGate::new(4, 240);
        let clone = gate.clone();
        let start = Instant::now();
        gate.wait().await;
        assert_eq!(start.elapsed(), Duration::ZERO, "no pause, no wait");
        gate.hold(Duration::from_secs(7));
        clone.hold(Duration::from_secs(2));
        clone.wait().await;
        assert!(start.elapsed() >= Duration::from_secs(7));
    }

    #[tokio::test(start_paused = true)]
    async fn clones_share_the_slots_and_the_minute_budget() {
        let gate = RateGate::new(2, 3);
        let clone = gate.clone();
        let start = Instant::now();
        let first = gate.admit().await;
        let _second = clone.admit().await;
        let third = tokio::time::timeout(Duration::from_secs(1), gate.admit()).await;
        assert!(third.is_err(), "two in flight: a third waits for a slot");
        drop(first);
        let _third = gate.admit().await;
        assert_eq!(
            start.elapsed(),
            Duration::from_secs(1),
            "a freed slot admits at once"
        );
        drop(_second);
        let _fourth = clone.admit().await;
        assert_eq!(
            start.elapsed(),
            MINUTE,
            "the fourth start of the minute waits until the first is a minute old"
        );
    }
}
