//! The pause a 429 asks for, shared by every clone of a [`super::Client`] (matrix C4: "the
//! next request on that token starts ≥ Retry-After later, pool-wide"). Each request waits
//! here first; a 429 moves the gate. A POST answered 429 is not sent again by the client,
//! but whatever the caller does next (the guided setup looks for the object by its marker)
//! still waits out the server's `Retry-After`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

#[derive(Debug, Clone, Default)]
pub(crate) struct RateGate(Arc<Mutex<Option<Instant>>>);

impl RateGate {
    /// Sleeps until the latest pause a 429 asked for is over (returns at once if none).
    pub(crate) async fn wait(&self) {
        let until = *self.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(until) = until {
            tokio::time::sleep_until(until).await;
        }
    }

    /// Holds every request of this client for `pause` from now (a later pause never shortens
    /// an earlier, longer one).
    pub(crate) fn hold(&self, pause: Duration) {
        let until = Instant::now() + pause;
        let mut gate = self.0.lock().unwrap_or_else(|p| p.into_inner());
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
        let gate = RateGate::default();
        let clone = gate.clone();
        let start = Instant::now();
        gate.wait().await;
        assert_eq!(start.elapsed(), Duration::ZERO, "no pause, no wait");
        gate.hold(Duration::from_secs(7));
        clone.hold(Duration::from_secs(2));
        clone.wait().await;
        assert!(start.elapsed() >= Duration::from_secs(7));
    }
}
