//! The About screen and start-up: version, build kind, data directories, first paint.

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use ts_rs::TS;

use crate::error::{CommandError, CommandResult};
use crate::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BuildKind {
    Debug,
    Release,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub name: String,
    pub version: String,
    pub build_kind: BuildKind,
    pub identifier: String,
    /// Where the app keeps its settings and (later) the Sandbox org and setup journal.
    pub data_dir: String,
    pub log_dir: String,
    /// The OS locale the app started with, e.g. `es_ES.UTF-8`.
    pub os_locale: Option<String>,
}

fn dir(result: tauri::Result<std::path::PathBuf>) -> CommandResult<String> {
    result
        .map(|p| p.display().to_string())
        .map_err(|e| CommandError::from(genesys::Error::Storage(e.to_string())))
}

#[tauri::command]
pub fn app_info<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<AppInfo> {
    let paths = app.path();
    Ok(AppInfo {
        name: app.package_info().name.clone(),
        version: app.package_info().version.to_string(),
        build_kind: if cfg!(debug_assertions) {
            BuildKind::Debug
        } else {
            BuildKind::Release
        },
        identifier: app.config().identifier.clone(),
        data_dir: dir(paths.app_data_dir())?,
        log_dir: dir(paths.app_log_dir())?,
        os_locale: state.os_locale.clone(),
    })
}

/// The UI calls this once its first screen is painted and interactive; the time since the
/// process started is logged (and read by `cargo xtask bench`). Later calls change nothing.
#[tauri::command]
pub fn ui_ready(state: State<'_, AppState>) -> u64 {
    let elapsed = *state.first_paint.get_or_init(|| {
        let elapsed = state.started.elapsed();
        log::info!(
            "first interactive paint {} ms after start",
            elapsed.as_millis()
        );
        elapsed
    });
    u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
}
