//! The Tauri shell: wires plugins, state and the IPC commands. The logic lives in the
//! `genesys` crate; the modules here only adapt it to Tauri.

mod browser;
pub mod client_credentials;
mod commands;
pub mod error;
mod integration_activation;
mod integration_credentials;
mod integrations;
mod oauth_clients;
mod role_choices;
mod roles;
mod sandbox_org;
mod secret_reveal;
mod settings;
mod setup_form;
mod setup_runs;
mod setup_view;
mod sign_in;
mod state;
mod vault;
pub mod wire;

use tauri::{Builder, Runtime};

pub use error::CommandError;
pub use state::{AppState, SettingsSlot};

/// Everything the app needs except logging, shared by [`run`] and the IPC tests
/// (which use `tauri::test::mock_builder()` in place of `Builder::default()`).
pub fn setup<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_opener::init())
        // Used from Rust only (copying a new client secret); the webview has no clipboard permission.
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(AppState::new(sys_locale::get_locale()))
        .manage(secret_reveal::Reveals::default())
        .manage(setup_runs::SetupRuns::default())
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
            commands::clients::oauth_clients_list,
            commands::clients::oauth_client_get,
            commands::clients::oauth_client_create,
            commands::clients::oauth_client_update,
            commands::clients::oauth_client_set_state,
            commands::clients::oauth_client_delete,
            commands::clients::oauth_client_regenerate_secret,
            commands::clients::oauth_client_secret_reveal,
            commands::clients::oauth_client_secret_copy,
            commands::clients::oauth_client_secret_forget,
            commands::clients::oauth_scopes,
            commands::clients::authorization_roles,
            commands::clients::authorization_role_permissions,
            commands::clients::authorization_assign_role_to_me,
            commands::clients::oauth_client_credentials,
            commands::clients::oauth_client_credential_update,
            commands::integrations::integrations_overview,
            commands::integrations::integration_install,
            commands::integrations::integration_client_choices,
            commands::integrations::integration_configure,
            commands::integrations::integration_set_enabled,
            commands::integrations::integration_delete,
            commands::setup::setup_form,
            commands::setup::setup_plan,
            commands::setup::setup_start,
            commands::setup::setup_status,
            commands::setup::setup_resume,
            commands::setup::setup_roll_back,
            commands::setup::setup_dismiss,
            commands::setup::setup_cancel,
            commands::setup::setup_set_aside_journal,
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

/// One app per user: a second launch only brings the running window forward, so two
/// instances never work on the same guided setup run (the run lock refuses the rare rest).
#[cfg(desktop)]
fn single_instance<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    use tauri::Manager;
    tauri_plugin_single_instance::init(|app, _args, _cwd| {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.show();
            let _ = window.set_focus();
        }
    })
}

pub fn run() {
    let builder = Builder::default();
    // Registered first: a second instance must exit before any other plugin starts.
    #[cfg(desktop)]
    let builder = builder.plugin(single_instance());
    let app = setup(builder.plugin(log_plugin()))
        .build(context())
        .unwrap_or_else(|e| {
            eprintln!("Dip Studio could not start: {e}");
            std::process::exit(1);
        });
    app.run(|_, _| {});
}
