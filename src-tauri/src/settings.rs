//! Persists the core's `Settings` through tauri-plugin-store (`settings.json` in the app
//! data directory). The webview has no store permission: this is the only writer.

use genesys::Settings;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_store::StoreExt;

use crate::state::{AppState, SettingsSlot};

const STORE_FILE: &str = "settings.json";
const KEY: &str = "settings";

/// Loads the stored settings into the app state; unreadable ones are reset with a warning.
pub fn load<R: Runtime>(app: &AppHandle<R>) {
    let stored = match app.store(STORE_FILE) {
        Ok(store) => store.get(KEY),
        Err(e) => {
            log::warn!("settings store unreadable, using defaults: {e}");
            None
        }
    };
    let (settings, was_reset) = Settings::from_stored(stored);
    if was_reset {
        log::warn!("stored settings were invalid and have been reset to defaults");
    }
    app.state::<AppState>().replace_settings(SettingsSlot {
        settings,
        was_reset,
    });
}

pub fn save<R: Runtime>(app: &AppHandle<R>, settings: &Settings) -> Result<(), genesys::Error> {
    let store = app
        .store(STORE_FILE)
        .map_err(|e| genesys::Error::Storage(e.to_string()))?;
    let value =
        serde_json::to_value(settings).map_err(|e| genesys::Error::Storage(e.to_string()))?;
    store.set(KEY, value);
    store
        .save()
        .map_err(|e| genesys::Error::Storage(e.to_string()))
}

/// Changes the settings with `change`, saves them, and makes them current.
pub fn update<R: Runtime>(
    app: &AppHandle<R>,
    change: impl FnOnce(&mut Settings),
) -> Result<Settings, genesys::Error> {
    let state = app.state::<AppState>();
    let mut settings = state.settings().settings;
    change(&mut settings);
    save(app, &settings)?;
    state.replace_settings(SettingsSlot {
        settings: settings.clone(),
        was_reset: false,
    });
    Ok(settings)
}
