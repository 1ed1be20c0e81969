//! The Tauri shell: wires plugins, state and the IPC commands. The logic lives in the
//! `genesys` crate; the modules here only adapt it to Tauri.

mod browser;
mod commands;
pub mod error;
mod sandbox_org;
mod settings;
mod sign_in;
mod state;
mod vault;

use tauri::{Builder, Runtime};

pub use error::CommandError;
pub use state::AppState;

/// Everything the app needs except logging, shared by [`run`] and the IPC tests
/// (which use `tauri::test::mock_builder()` in place of `Builder::default()`).
pub fn setup<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::new(sys_locale::get_locale()))
        .setup(|app| {
            settings::load(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::ui_ready,
            commands::settings::get_settings,
            commands::settings::set_settings,
            commands::auth::sign_in_options,
            commands::auth::sign_in_start,
            commands::auth::sign_in_wait,
            commands::auth::sign_in_cancel,
            commands::auth::sign_in_client_credentials,
            commands::auth::current_session,
            commands::auth::sign_out,
            commands::auth::reset_sandbox,
            commands::auth::sandbox_account,
        ])
}

/// The app's Tauri context (config, assets, capabilities), generic so tests can use the mock runtime.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

fn log_plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    use tauri_plugin_log::{Target, TargetKind};
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .targets([
            Target::new(TargetKind::LogDir { file_name: None }),
            Target::new(TargetKind::Stdout),
        ])
        .level(log::LevelFilter::Info)
        .build()
}

pub fn run() {
    let app = setup(Builder::default().plugin(log_plugin()))
        .build(context())
        .unwrap_or_else(|e| {
            eprintln!("Dip Studio could not start: {e}");
            std::process::exit(1);
        });
    app.run(|_, _| {});
}
