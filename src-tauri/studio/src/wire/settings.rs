//! The Settings screen's wire type: the settings, the language they resolve to on this OS,
//! and whether stored ones had to be reset.

use genesys::{Language, Settings};
use serde::Serialize;
use ts_rs::TS;

/// The settings, the language they resolve to on this OS, and whether stored ones were reset.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SettingsView {
    pub settings: Settings,
    pub language: Language,
    pub was_reset: bool,
}

impl SettingsView {
    pub fn new(settings: Settings, os_locale: Option<&str>, was_reset: bool) -> SettingsView {
        SettingsView {
            language: settings.language.resolve(os_locale),
            settings,
            was_reset,
        }
    }
}
