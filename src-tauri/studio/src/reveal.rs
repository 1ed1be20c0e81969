//! The one-time reveal of a new OAuth client secret (security-matrix.md F4): create and
//! regenerate keep the secret here, in Rust memory, under a random handle. The window may read
//! it once (`reveal`), ask Rust to copy it to the clipboard, and must `forget` it when its dialog
//! closes; a handle also expires [`REVEAL_TTL`] after it was issued. Time is passed in, so the
//! expiry is tested without waiting.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use genesys::secrets::Secret;
use genesys::Error;

/// How long a reveal handle stays usable after the secret was issued.
pub const REVEAL_TTL: Duration = Duration::from_secs(60);
/// Entries of dialogs that never closed (the window was closed) are dropped after this.
const FORGOTTEN_AFTER: Duration = Duration::from_secs(24 * 3600);

/// A secret waiting to be shown. `Debug` prints no secret (`Secret` redacts itself).
#[derive(Debug)]
struct Pending {
    /// Dropped at expiry; the entry stays (without it) until the dialog forgets the handle,
    /// so unticking "Saved in your keychain" after a minute still finds the account.
    secret: Option<Secret>,
    /// The keychain account it was saved under, when it was saved.
    account: Option<String>,
    issued: Instant,
    revealed: bool,
}

/// Every pending reveal, by handle. Clones share the same entries.
#[derive(Debug, Default, Clone)]
pub struct Reveals {
    pending: Arc<Mutex<HashMap<String, Pending>>>,
}

fn gone() -> Error {
    Error::InvalidInput {
        field: "revealHandle",
        reason: "this secret was already shown, or the 60 seconds to see it have passed; regenerate the secret to get a new one".into(),
    }
}

/// A random, unguessable handle (128 bits, hex).
fn new_handle() -> Result<String, Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::Unexpected(format!("no randomness for a reveal handle: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

impl Reveals {
    /// Keeps `secret` for one reveal and returns its handle. Expired entries are dropped.
    pub fn keep(
        &self,
        secret: Secret,
        account: Option<String>,
        now: Instant,
    ) -> Result<String, Error> {
        let handle = new_handle()?;
        let mut pending = self.lock();
        pending.retain(|_, p| now.duration_since(p.issued) < FORGOTTEN_AFTER);
        pending.insert(
            handle.clone(),
            Pending {
                secret: Some(secret),
                account,
                issued: now,
                revealed: false,
            },
        );
        Ok(handle)
    }

    /// [`Reveals::keep`], and the secret leaves memory at expiry even if the dialog never
    /// closes (a task on the current tokio runtime drops it after [`REVEAL_TTL`]).
    pub fn keep_until_expiry(
        &self,
        secret: Secret,
        account: Option<String>,
    ) -> Result<String, Error> {
        let runtime = tokio::runtime::Handle::try_current()
            .map_err(|_| Error::Unexpected("no runtime to expire the secret with".into()))?;
        let handle = self.keep(secret, account, Instant::now())?;
        let (expiring, later) = (handle.clone(), self.clone());
        runtime.spawn(async move {
            tokio::time::sleep(REVEAL_TTL).await;
            later.expire(&expiring, Instant::now());
        });
        Ok(handle)
    }

    /// The secret, the first time only, within [`REVEAL_TTL`].
    pub fn reveal(&self, handle: &str, now: Instant) -> Result<Secret, Error> {
        let mut pending = self.lock();
        let entry = pending.get_mut(handle).ok_or_else(gone)?;
        match &entry.secret {
            Some(secret) if !entry.revealed && now.duration_since(entry.issued) < REVEAL_TTL => {
                entry.revealed = true;
                Ok(secret.clone())
            }
            _ => Err(gone()),
        }
    }

    /// The secret's text for the window, the first time only: the one IPC answer that holds a
    /// secret.
    pub fn reveal_text(&self, handle: &str) -> Result<String, Error> {
        Ok(self.reveal(handle, Instant::now())?.expose().to_owned())
    }

    /// The secret for Rust's own use (copy to the clipboard) while the handle is alive.
    pub fn peek(&self, handle: &str, now: Instant) -> Result<Secret, Error> {
        let pending = self.lock();
        match pending.get(handle) {
            Some(Pending {
                secret: Some(secret),
                issued,
                ..
            }) if now.duration_since(*issued) < REVEAL_TTL => Ok(secret.clone()),
            _ => Err(gone()),
        }
    }

    /// Drops the secret of `handle` from memory once its time is up (scheduled at issue).
    pub fn expire(&self, handle: &str, now: Instant) {
        if let Some(p) = self.lock().get_mut(handle) {
            if now.duration_since(p.issued) >= REVEAL_TTL {
                p.secret = None;
            }
        }
    }

    /// Drops the secret from memory; returns the keychain account it was saved under, if any.
    /// Forgetting an unknown handle is not an error (the dialog may close after expiry).
    pub fn forget(&self, handle: &str) -> Option<String> {
        self.lock().remove(handle).and_then(|p| p.account)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Pending>> {
        // A poisoned lock only means another thread panicked mid-update; the map stays usable.
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_revealed_once_and_handles_are_unguessable() {
        let reveals = Reveals::default();
        let now = Instant::now();
        let handle = reveals
            .keep(Secret::new("s3cret"), Some("acct".into()), now)
            .expect("kept");
        assert_eq!(handle.len(), 32);
        let other = reveals.keep(Secret::new("x"), None, now).expect("kept");
        assert_ne!(handle, other);
        assert_eq!(
            reveals.reveal(&handle, now).expect("first").expose(),
            "s3cret"
        );
        assert!(
            reveals.reveal(&handle, now).is_err(),
            "a second reveal fails"
        );
        assert!(
            reveals.peek(&handle, now).is_ok(),
            "copy still works until forgotten"
        );
        assert_eq!(reveals.forget(&handle).as_deref(), Some("acct"));
        assert!(reveals.peek(&handle, now).is_err());
        assert!(reveals.reveal("nope", now).is_err());
        assert!(!format!("{reveals:?}").contains("s3cret"));
    }

    #[test]
    fn a_handle_expires_after_sixty_seconds() {
        let reveals = Reveals::default();
        let issued = Instant::now();
        let handle = reveals.keep(Secret::new("s"), None, issued).expect("kept");
        let late = issued + REVEAL_TTL;
        assert!(reveals.reveal(&handle, late).is_err(), "expired at 60 s");
        assert!(reveals.peek(&handle, late).is_err(), "no copy after expiry");
        let fresh = reveals.keep(Secret::new("t"), None, issued).expect("kept");
        let just_in_time = issued + REVEAL_TTL - Duration::from_millis(1);
        assert!(reveals.reveal(&fresh, just_in_time).is_ok());
        reveals.keep(Secret::new("u"), None, late).expect("kept");
        assert!(
            reveals.forget(&handle).is_none(),
            "expired entries are dropped"
        );
    }
}
