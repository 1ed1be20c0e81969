//! The Settings screen: read the settings, change language and theme (never the profiles).

use genesys::Preferences;
use studio::wire::settings::SettingsView;
use studio::CommandResult;
use tauri::{AppHandle, Runtime, State};

use crate::AppState;

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> SettingsView {
    let slot = state.settings();
    SettingsView::new(slot.settings, state.os_locale.as_deref(), slot.was_reset)
}

#[tauri::command]
pub fn set_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    preferences: Preferences,
) -> CommandResult<SettingsView> {
    let settings = crate::settings::update(&app, |s| s.apply(preferences))?;
    Ok(SettingsView::new(
        settings,
        state.os_locale.as_deref(),
        false,
    ))
}
