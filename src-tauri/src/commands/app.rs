//! The About screen and start-up: version, build kind, data directories, first paint; and
//! opening a Genesys help article from any screen's "Learn more".

use studio::wire::app::{AppInfo, BuildKind};
use studio::{CommandError, CommandResult};
use tauri::{AppHandle, Manager, Runtime, State};

use crate::AppState;

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
        build_kind: BuildKind::current(),
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

/// Opens `url`, an article of Genesys Cloud's help site, in the system browser (the webview
/// itself may open nothing).
#[tauri::command]
pub fn open_help<R: Runtime>(app: AppHandle<R>, url: String) -> CommandResult<()> {
    Ok(crate::browser::open_help(&app, &url)?)
}
