//! The Settings screen: read the settings, change language and theme (never the profiles).

use genesys::{Language, Preferences, Settings};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::error::CommandResult;
use crate::state::SettingsSlot;
use crate::AppState;

/// The settings, the language they resolve to on this OS, and whether stored ones were reset.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SettingsView {
    pub settings: Settings,
    pub language: Language,
    pub was_reset: bool,
}

fn view(state: &AppState, slot: SettingsSlot) -> SettingsView {
    SettingsView {
        language: slot.settings.language.resolve(state.os_locale.as_deref()),
        settings: slot.settings,
        was_reset: slot.was_reset,
    }
}

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> SettingsView {
    view(&state, state.settings())
}

#[tauri::command]
pub fn set_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    preferences: Preferences,
) -> CommandResult<SettingsView> {
    let settings = crate::settings::update(&app, |s| s.apply(preferences))?;
    let slot = SettingsSlot {
        settings,
        was_reset: false,
    };
    Ok(view(&state, slot))
}
