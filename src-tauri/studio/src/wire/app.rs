//! The About screen's wire types: what the app is and where it keeps its files.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BuildKind {
    Debug,
    Release,
}

impl BuildKind {
    /// The kind of the running binary.
    pub fn current() -> BuildKind {
        if cfg!(debug_assertions) {
            BuildKind::Debug
        } else {
            BuildKind::Release
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub name: String,
    pub version: String,
    pub build_kind: BuildKind,
    pub identifier: String,
    /// Where the app keeps its settings, the Sandbox org and the guided setup's journals.
    pub data_dir: String,
    pub log_dir: String,
    /// The OS locale the app started with, e.g. `es_ES.UTF-8`.
    pub os_locale: Option<String>,
}
