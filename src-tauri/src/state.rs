//! What the shell keeps for the app's lifetime: start time, the OS locale and the
//! current settings. Plain std locks; clone out before any `.await`.

use std::sync::{OnceLock, RwLock};
use std::time::{Duration, Instant};

use genesys::Settings;

pub struct AppState {
    pub started: Instant,
    pub os_locale: Option<String>,
    pub settings: RwLock<SettingsSlot>,
    /// Time from process start to the UI's first interactive paint, once known.
    pub first_paint: OnceLock<Duration>,
}

/// The settings in force, and whether the stored ones were unreadable and got reset.
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
        }
    }

    pub fn settings(&self) -> SettingsSlot {
        self.settings.read().map(|s| s.clone()).unwrap_or_default()
    }

    pub fn replace_settings(&self, slot: SettingsSlot) {
        if let Ok(mut current) = self.settings.write() {
            *current = slot;
        }
    }
}
