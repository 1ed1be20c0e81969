//! The empty Tauri v2 app the start-up bench compares Dip Studio with: one window, one static
//! page, no plugins, no state and no commands.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("the floor app could not start: {e}");
            std::process::exit(1);
        });
}
