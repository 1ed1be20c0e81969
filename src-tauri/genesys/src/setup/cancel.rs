//! Cancelling a guided setup run from the window: a [`CancelSignal`] shared by the app and the
//! run. Every step waits on it beside its own work, so a cancel stops the run at the step's
//! next await point (a request in flight is dropped; its intent line is already journaled, so a
//! resume looks for what it may have made by marker).

use std::sync::Arc;

use tokio::sync::watch;

/// A one-way switch: once [`CancelSignal::cancel`] is called, [`CancelSignal::cancelled`]
/// completes for every clone, now and later.
#[derive(Debug, Clone)]
pub struct CancelSignal(Arc<watch::Sender<bool>>);

impl Default for CancelSignal {
    fn default() -> Self {
        CancelSignal::new()
    }
}

impl CancelSignal {
    /// A signal not yet given.
    pub fn new() -> CancelSignal {
        CancelSignal(Arc::new(watch::channel(false).0))
    }

    /// Asks the run to stop.
    pub fn cancel(&self) {
        self.0.send_replace(true);
    }

    pub fn is_cancelled(&self) -> bool {
        *self.0.borrow()
    }

    /// Completes once the run has been asked to stop.
    pub async fn cancelled(&self) {
        let mut seen = self.0.subscribe();
        // The sender lives in `self`, so the channel cannot close while this waits.
        let _ = seen.wait_for(|given| *given).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_cancel_reaches_every_clone_even_one_made_later() {
        let signal = CancelSignal::new();
        let early = signal.clone();
        let waiting = tokio::spawn(async move { early.cancelled().await });
        assert!(!signal.is_cancelled());
        signal.cancel();
        waiting.await.expect("the waiter wakes");
        let late = signal.clone();
        assert!(late.is_cancelled());
        late.cancelled().await;
    }
}
