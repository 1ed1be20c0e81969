//! Generates the floor app's Tauri context from its tauri.conf.json.
fn main() {
    tauri_build::build();
}
