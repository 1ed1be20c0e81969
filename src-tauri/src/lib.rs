//! The Tauri shell: wires plugins, state and the IPC commands. The use cases live in the
//! `studio` crate and the Genesys client in `genesys`; the modules here only hold what needs
//! Tauri (state, settings store, browser, clipboard, the in-app Sandbox org).

mod browser;
mod clipboard;
mod commands;
mod sandbox_org;
mod session;
mod settings;
mod sign_in;
mod state;

use tauri::{Builder, Runtime};

pub use state::{AppState, SettingsSlot};
pub use studio::CommandError;

/// Turns the list in `commands/list.rs` into the handler list and [`COMMANDS`].
macro_rules! app_commands {
    ($($screen:ident: [$($command:ident),* $(,)?]),* $(,)?) => {
        /// Every IPC command's name, as the window invokes it.
        pub const COMMANDS: &[&str] = &[$($(stringify!($command)),*),*];
        /// The commands of each screen (`commands::<screen>`).
        pub const SCREENS: &[(&str, &[&str])] = &[$((stringify!($screen), &[$(stringify!($command)),*])),*];
        fn handlers<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($(commands::$screen::$command),*),*]
        }
    };
}
include!("commands/list.rs");

/// Everything the app needs except logging, shared by [`run`] and the IPC tests
/// (which use `tauri::test::mock_builder()` in place of `Builder::default()`).
pub fn setup<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_opener::init())
        // Used from Rust only (copying a new client secret); the webview has no clipboard permission.
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(AppState::new(sys_locale::get_locale()))
        .manage(studio::reveal::Reveals::default())
        .manage(studio::setup::SetupRuns::default())
        .manage(studio::actions::import::ImportRuns::default())
        .setup(|app| {
            settings::load(app.handle());
            Ok(())
        })
        .invoke_handler(handlers())
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
