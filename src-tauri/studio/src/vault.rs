//! Where tokens and client secrets live: the OS keychain when it answers a probe, otherwise
//! process memory for this run only (the UI says so). Never a file. Keychain calls block, so
//! they run on the blocking pool.

use std::sync::Arc;

use genesys::secrets::{KeychainStore, MemoryStore, Secret, SecretStore};

/// The keychain service name, namespaced per build kind so a development build never reads
/// or overwrites the installed app's entries.
pub const SERVICE: &str = if cfg!(debug_assertions) {
    "studio.dip.desktop.dev"
} else {
    "studio.dip.desktop"
};

#[derive(Clone)]
pub struct Vault {
    store: Arc<dyn SecretStore>,
    /// True when secrets survive a restart (the OS keychain answered the probe).
    pub persistent: bool,
}

impl Vault {
    /// Probes the keychain once; falls back to memory, logging only the error's variant.
    pub async fn open() -> Vault {
        let probed = tokio::task::spawn_blocking(|| {
            let keychain = KeychainStore::new(SERVICE);
            keychain.probe().map(|()| keychain)
        })
        .await;
        match probed {
            Ok(Ok(keychain)) => Vault {
                persistent: keychain.persists(),
                store: Arc::new(keychain),
            },
            Ok(Err(e)) => {
                log::warn!("no usable keychain, secrets kept in memory for this run: {e}");
                Vault::memory()
            }
            Err(_) => Vault::memory(),
        }
    }

    /// A vault over `store`: how tests put a keychain double (one that refuses, say) in
    /// front of the app before its first use.
    pub fn over(store: Arc<dyn SecretStore>, persistent: bool) -> Vault {
        Vault { store, persistent }
    }

    /// The fallback: its store says it does not persist, so the guided setup journals the
    /// secret as not saved and the screen asks before running.
    fn memory() -> Vault {
        let store = MemoryStore::new();
        Vault {
            persistent: store.persists(),
            store: Arc::new(store),
        }
    }

    /// The store itself, for the guided setup's core, which calls it from its own task.
    pub fn store(&self) -> Arc<dyn SecretStore> {
        self.store.clone()
    }

    pub async fn get(&self, account: String) -> genesys::error::Result<Option<Secret>> {
        let store = self.store.clone();
        blocking(move || store.get(&account)).await
    }

    pub async fn set(&self, account: String, secret: Secret) -> genesys::error::Result<()> {
        let store = self.store.clone();
        blocking(move || store.set(&account, &secret)).await
    }

    pub async fn delete(&self, account: String) -> genesys::error::Result<()> {
        let store = self.store.clone();
        blocking(move || store.delete(&account)).await
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> genesys::error::Result<T> + Send + 'static,
) -> genesys::error::Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| genesys::Error::Unexpected(format!("keychain task failed: {e}")))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memory_fallback_never_claims_to_keep_secrets() {
        let vault = Vault::memory();
        assert!(!vault.persistent);
        assert!(!vault.store().persists());
    }
}
