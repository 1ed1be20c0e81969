//! Secrets as types and where they are kept: [`Secret`] (redacted, never serialized), the
//! [`SecretStore`] seam, the OS keychain ([`KeychainStore`]) and [`MemoryStore`].

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

use zeroize::Zeroize;

use crate::error::{Error, Result};

/// The Windows Credential Manager limit, in UTF-16 code units (security-matrix.md E5): longer secrets are
/// refused before anything is written, on every platform alike.
pub const MAX_SECRET_UTF16_UNITS: usize = 1280;

/// A token or client secret. `Debug` prints `[redacted]`; there is no `Display` and no
/// `Serialize`; the bytes are wiped when it is dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a token or secret.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret itself, for the one place that must send or store it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// The keychain account holding the secret of an OAuth client the app created or whose secret
/// it regenerated (the clients screen, the guided setup), in the org reached through `target`
/// (an [`crate::OrgTarget`] code). Client ids are GUIDs, so the pair names one entry.
pub fn oauth_client_secret_account(target: &str, client_id: &str) -> String {
    format!("oauth-client-secret:{target}/{client_id}")
}

/// Where tokens and client secrets live between runs, keyed by an account name.
pub trait SecretStore: Send + Sync {
    /// The secret saved for `account`, or `None` if there is none.
    fn get(&self, account: &str) -> Result<Option<Secret>>;
    /// Saves (or replaces) the secret for `account`.
    fn set(&self, account: &str, secret: &Secret) -> Result<()>;
    /// Forgets `account`; forgetting an absent account is not an error.
    fn delete(&self, account: &str) -> Result<()>;
    /// Whether what is saved here survives the app being closed. A store that says no is
    /// process memory: callers must tell the user that a secret kept there is not saved. A
    /// store must claim it explicitly: by default a secret is taken as not saved.
    fn persists(&self) -> bool {
        false
    }
}

/// The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux)
/// through `keyring`, under one service name (namespace it per build kind).
///
/// Its calls block (D-Bus, Security framework): call them off the async runtime. They are
/// serialized process-wide, so parallel tasks cannot interleave writes (security-matrix.md E6).
#[derive(Debug, Clone)]
pub struct KeychainStore {
    service: String,
}

impl KeychainStore {
    /// The keychain entries of `service` (e.g. `dip-studio` or `dip-studio-dev`).
    pub fn new(service: &str) -> KeychainStore {
        KeychainStore {
            service: service.to_owned(),
        }
    }

    /// Writes, reads back and deletes a probe entry, so a missing or locked keychain is found
    /// before anything worth keeping depends on it (security-matrix.md E4).
    pub fn probe(&self) -> Result<()> {
        let account = "dip-studio-probe";
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|_| Error::Keychain {
            variant: "OsRng",
            unavailable: true,
        })?;
        let probe = Secret::new(bytes.iter().map(|b| format!("{b:02x}")).collect::<String>());
        self.set(account, &probe)?;
        let read = self.get(account);
        let deleted = self.delete(account);
        match read? {
            Some(back) if back == probe => deleted,
            _ => Err(Error::Keychain {
                variant: "ProbeMismatch",
                unavailable: true,
            }),
        }
    }

    fn entry(&self, account: &str) -> Result<keyring::Entry> {
        keyring::Entry::new(&self.service, account).map_err(keychain_error)
    }

    /// Runs one keychain call while holding the process-wide keychain lock.
    fn serialized<T>(&self, call: impl FnOnce() -> Result<T>) -> Result<T> {
        static KEYCHAIN: Mutex<()> = Mutex::new(());
        let _turn = KEYCHAIN.lock().unwrap_or_else(|p| p.into_inner());
        call()
    }
}

impl SecretStore for KeychainStore {
    fn get(&self, account: &str) -> Result<Option<Secret>> {
        self.serialized(|| match self.entry(account)?.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(keychain_error(e)),
        })
    }

    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        check_length(secret)?;
        self.serialized(|| {
            self.entry(account)?
                .set_password(secret.expose())
                .map_err(keychain_error)
        })
    }

    fn delete(&self, account: &str) -> Result<()> {
        self.serialized(|| match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keychain_error(e)),
        })
    }

    fn persists(&self) -> bool {
        true
    }
}

/// Secrets in process memory only: for the Sandbox org and unit tests. Nothing survives a
/// restart, by design.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: Mutex<HashMap<String, Secret>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<String, Secret>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl SecretStore for MemoryStore {
    fn get(&self, account: &str) -> Result<Option<Secret>> {
        Ok(self.entries().get(account).cloned())
    }

    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        check_length(secret)?;
        self.entries().insert(account.to_owned(), secret.clone());
        Ok(())
    }

    fn delete(&self, account: &str) -> Result<()> {
        self.entries().remove(account);
        Ok(())
    }
}

fn check_length(secret: &Secret) -> Result<()> {
    let units = secret.expose().encode_utf16().count();
    if units > MAX_SECRET_UTF16_UNITS {
        return Err(Error::InvalidInput {
            field: "secret",
            reason: format!(
                "{units} UTF-16 units; the keychain holds at most {MAX_SECRET_UTF16_UNITS}"
            ),
        });
    }
    Ok(())
}

/// A keyring error by variant name only: some variants carry the secret's bytes.
fn keychain_error(e: keyring::Error) -> Error {
    let (variant, unavailable) = match e {
        keyring::Error::PlatformFailure(_) => ("PlatformFailure", true),
        keyring::Error::NoStorageAccess(_) => ("NoStorageAccess", true),
        keyring::Error::NoEntry => ("NoEntry", false),
        keyring::Error::BadEncoding(_) => ("BadEncoding", false),
        keyring::Error::TooLong(..) => ("TooLong", false),
        keyring::Error::Invalid(..) => ("Invalid", false),
        keyring::Error::Ambiguous(_) => ("Ambiguous", false),
        _ => ("Other", false),
    };
    Error::Keychain {
        variant,
        unavailable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let secret = Secret::new("CANARY-secret-123");
        assert_eq!(format!("{secret:?}"), "[redacted]");
        assert_eq!(format!("{:?}", Some(&secret)), "Some([redacted])");
    }

    #[test]
    fn secret_does_not_implement_serialize() {
        // An inherent const wins over the blanket trait const only when `T: Serialize`.
        trait Fallback {
            const SERIALIZE: bool = false;
        }
        struct Probe<T>(std::marker::PhantomData<T>);
        impl<T> Fallback for Probe<T> {}
        impl<T: serde::Serialize> Probe<T> {
            #[allow(dead_code)]
            const SERIALIZE: bool = true;
        }
        // Checked at compile time: deriving Serialize on Secret breaks the build.
        const { assert!(Probe::<String>::SERIALIZE, "the probe detects Serialize") };
        const {
            assert!(
                !Probe::<Secret>::SERIALIZE,
                "a Secret must never be serialized"
            )
        };
    }

    #[test]
    fn memory_store_round_trip() {
        let store = MemoryStore::new();
        assert!(store.get("a").expect("get").is_none());
        store.set("a", &Secret::new("one")).expect("set");
        assert_eq!(store.get("a").expect("get"), Some(Secret::new("one")));
        store.delete("a").expect("delete");
        store.delete("a").expect("deleting twice is fine");
        assert!(store.get("a").expect("get").is_none());
        assert!(!store.persists(), "memory never claims to keep a secret");
        assert!(KeychainStore::new("dip-studio-unit-test").persists());
    }

    #[test]
    fn secrets_over_the_windows_limit_are_refused_before_writing() {
        let store = MemoryStore::new();
        let at_limit = Secret::new("x".repeat(MAX_SECRET_UTF16_UNITS));
        store.set("ok", &at_limit).expect("1280 units fit");
        // One astral character is two UTF-16 units: 640 of them are exactly the limit.
        store
            .set("astral", &Secret::new("😀".repeat(640)))
            .expect("640 emoji are 1280 units");
        let err = store
            .set("long", &Secret::new("😀".repeat(641)))
            .expect_err("1282 units are too many");
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert!(!err.to_string().contains('😀'), "no secret in the error");
        assert!(store.get("long").expect("get").is_none(), "nothing written");
        let keychain = KeychainStore::new("dip-studio-unit-test");
        let err = keychain
            .set("long", &Secret::new("y".repeat(1281)))
            .expect_err("refused before keyring is called");
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
    }

    #[test]
    fn keyring_errors_carry_the_variant_name_only() {
        let err = keychain_error(keyring::Error::BadEncoding(b"CANARY-bytes".to_vec()));
        assert_eq!(err.to_string(), "keychain: BadEncoding");
        let err = keychain_error(keyring::Error::NoStorageAccess("CANARY-inner".into()));
        assert_eq!(err.kind(), crate::ErrorKind::KeychainUnavailable);
        assert!(!format!("{err} {err:?}").contains("CANARY"));
    }
}
