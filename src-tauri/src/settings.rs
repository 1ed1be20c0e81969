//! Persists the core's `Settings` through tauri-plugin-store (`settings.json` in the app
//! data directory). The webview has no store permission: this is the only writer.

use genesys::Settings;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_store::StoreExt;

use crate::state::{AppState, SettingsSlot};

const STORE_FILE: &str = "settings.json";
const KEY: &str = "settings";

/// Loads the stored settings into the app state; unreadable ones are reset with a warning and
/// `was_reset`. A file the store cannot even parse is moved aside first (kept for a look,
/// `settings.unreadable.json`), or the store would refuse every later save as well.
pub fn load<R: Runtime>(app: &AppHandle<R>) {
    let (stored, unreadable) = match app.store(STORE_FILE) {
        // The plugin drops a load error and starts empty: reading again tells a missing file
        // (fine: first start) from one it cannot parse (a reset the user is told about).
        Ok(store) => match store.reload() {
            Err(tauri_plugin_store::Error::Deserialize(e)) => {
                log::warn!("settings file unreadable, using defaults: {e}");
                set_aside(app);
                (None, true)
            }
            _ => (store.get(KEY), false),
        },
        Err(e) => {
            log::warn!("settings store unreadable, using defaults: {e}");
            set_aside(app);
            (None, true)
        }
    };
    let (settings, invalid) = Settings::from_stored(stored);
    let was_reset = unreadable || invalid;
    if was_reset {
        log::warn!("stored settings were invalid and have been reset to defaults");
    }
    app.state::<AppState>().replace_settings(SettingsSlot {
        settings,
        was_reset,
    });
}

/// Renames an unparsable `settings.json` to `settings.unreadable.json` (replacing an older one).
fn set_aside<R: Runtime>(app: &AppHandle<R>) {
    let Ok(dir) = app.path().app_data_dir() else {
        return;
    };
    let moved = std::fs::rename(dir.join(STORE_FILE), dir.join("settings.unreadable.json"));
    if let Err(e) = moved {
        log::warn!("the unreadable settings file was not moved aside: {e}");
    }
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
