//! IPC commands, one module per screen (as `ui/src/views/<screen>/`). Each command is an
//! adapter of a few lines: Tauri types in, one `studio` call, `CommandResult` out. The list of
//! them is `list.rs`.

pub mod actions;
pub mod app;
pub mod clients;
pub mod integrations;
pub mod settings;
pub mod setup;
pub mod sign_in;

use std::path::PathBuf;

use studio::CommandResult;
use tauri::{AppHandle, Manager, Runtime};

/// The folder `name` under the app's data folder (journals, caches, kept samples).
pub(crate) fn data_folder<R: Runtime>(app: &AppHandle<R>, name: &str) -> CommandResult<PathBuf> {
    let dir = app.path().app_data_dir();
    Ok(dir
        .map(|d| d.join(name))
        .map_err(|e| genesys::Error::Storage(e.to_string()))?)
}
