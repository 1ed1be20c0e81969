//! What the shell keeps for the app's lifetime: start time, OS locale, settings, the signed-in
//! session (speaking the settings' language), a pending browser sign-in, the secret vault and
//! the Sandbox org. Plain std locks for data that is cloned out; tokio locks only where a value
//! is held across an `.await`.

use std::sync::{Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant};

use genesys::auth::{CancelSignIn, PendingSignIn, Session};
use genesys::{Profile, Settings};

use studio::vault::Vault;

pub struct AppState {
    pub started: Instant,
    pub os_locale: Option<String>,
    pub settings: RwLock<SettingsSlot>,
    /// Time from process start to the UI's first interactive paint, once known.
    pub first_paint: OnceLock<Duration>,
    pub session: RwLock<Option<(Profile, Session)>>,
    pub pending: tokio::sync::Mutex<Option<(Profile, PendingSignIn)>>,
    pub cancel: Mutex<Option<CancelSignIn>>,
    pub vault: tokio::sync::OnceCell<Vault>,
    pub sandbox: tokio::sync::Mutex<Option<sandbox::RunningSandbox>>,
    /// Set once the last profile's session has been restored (or found expired) at start.
    pub restored: tokio::sync::OnceCell<()>,
}

/// The settings in force, and whether stored ones were unreadable and got reset.
#[derive(Debug, Clone, Default)]
pub struct SettingsSlot {
    pub settings: Settings,
    pub was_reset: bool,
}

impl AppState {
    pub fn new(os_locale: Option<String>) -> AppState {
        AppState {
            started: Instant::now(),
            os_locale,
            settings: RwLock::new(SettingsSlot::default()),
            first_paint: OnceLock::new(),
            session: RwLock::new(None),
            pending: tokio::sync::Mutex::new(None),
            cancel: Mutex::new(None),
            vault: tokio::sync::OnceCell::new(),
            sandbox: tokio::sync::Mutex::new(None),
            restored: tokio::sync::OnceCell::new(),
        }
    }

    pub fn settings(&self) -> SettingsSlot {
        self.settings.read().map(|s| s.clone()).unwrap_or_default()
    }

    /// Makes `slot` current; a signed-in session follows a language change from its next request.
    pub fn replace_settings(&self, slot: SettingsSlot) {
        if let Ok(mut current) = self.settings.write() {
            *current = slot;
        }
        let language = self.language();
        if let Ok(mut current) = self.session.write() {
            if let Some((_, session)) = current.as_mut() {
                session.set_language(language);
            }
        }
    }

    /// The signed-in profile and session, cloned out so no lock is held across an `.await`.
    pub fn session(&self) -> Option<(Profile, Session)> {
        self.session.read().ok().and_then(|s| s.clone())
    }

    /// Makes `value` the signed-in session, asking Genesys to answer it in the app's language
    /// (`Accept-Language`; a command already running keeps the language it started with).
    pub fn set_session(&self, value: Option<(Profile, Session)>) {
        let language = self.language();
        let value = value.map(|(profile, mut session)| {
            session.set_language(language);
            (profile, session)
        });
        if let Ok(mut current) = self.session.write() {
            *current = value;
        }
    }

    /// Puts `store` behind the vault before its first use, in place of the keychain probe (the
    /// tests: an in-memory store, or a keychain double that refuses). False if already open.
    pub fn install_vault(
        &self,
        store: std::sync::Arc<dyn genesys::secrets::SecretStore>,
        persistent: bool,
    ) -> bool {
        self.vault.set(Vault::over(store, persistent)).is_ok()
    }

    pub fn language(&self) -> genesys::Language {
        self.settings()
            .settings
            .language
            .resolve(self.os_locale.as_deref())
    }
}
