// Builds the Tauri context: reads tauri.conf.json, the capabilities under
// src-tauri/capabilities, and generates an `allow-<cmd>` permission for every app command in
// src/commands/list.rs (the one list; lib.rs builds the handlers from it too).
use tauri_build::{AppManifest, Attributes};

/// Turns the command list into the names the ACL manifest wants.
macro_rules! app_commands {
    ($($screen:ident: [$($command:ident),* $(,)?]),* $(,)?) => {
        const COMMANDS: &[&str] = &[$($(stringify!($command)),*),*];
    };
}
include!("src/commands/list.rs");

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/src/commands/list.rs");
    tauri_build::try_build(
        Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed: check tauri.conf.json and src-tauri/capabilities");
}
