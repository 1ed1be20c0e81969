// Builds the Tauri context: reads tauri.conf.json, the capabilities under
// src-tauri/capabilities, and generates an `allow-<cmd>` permission for every app command.
use tauri_build::{AppManifest, Attributes};

/// Every IPC command the app exposes; each needs an `allow-<cmd>` in a capability to be callable.
const COMMANDS: &[&str] = &["app_info", "ui_ready", "get_settings", "set_settings"];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    tauri_build::try_build(
        Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed: check tauri.conf.json and src-tauri/capabilities");
}
