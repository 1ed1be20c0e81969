// Builds the Tauri context: reads tauri.conf.json, the capabilities under
// src-tauri/capabilities, and generates an `allow-<cmd>` permission for every app command.
use tauri_build::{AppManifest, Attributes};

/// Every IPC command the app exposes; each needs an `allow-<cmd>` in a capability to be callable.
const COMMANDS: &[&str] = &[
    "app_info",
    "ui_ready",
    "get_settings",
    "set_settings",
    "sign_in_options",
    "sign_in_start",
    "sign_in_wait",
    "sign_in_cancel",
    "sign_in_client_credentials",
    "current_session",
    "sign_out",
    "reset_sandbox",
    "sandbox_account",
    "oauth_clients_list",
    "oauth_client_get",
    "oauth_client_create",
    "oauth_client_update",
    "oauth_client_set_state",
    "oauth_client_delete",
    "oauth_client_regenerate_secret",
    "oauth_client_secret_reveal",
    "oauth_client_secret_copy",
    "oauth_client_secret_forget",
    "oauth_scopes",
    "authorization_roles",
    "authorization_role_permissions",
    "authorization_assign_role_to_me",
    "oauth_client_credentials",
    "oauth_client_credential_update",
    "integrations_overview",
    "integration_install",
    "integration_client_choices",
    "integration_configure",
    "integration_set_enabled",
    "integration_delete",
    "setup_form",
    "setup_plan",
    "setup_start",
    "setup_status",
    "setup_resume",
    "setup_roll_back",
    "setup_dismiss",
    "setup_cancel",
    "setup_set_aside_journal",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    tauri_build::try_build(
        Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed: check tauri.conf.json and src-tauri/capabilities");
}
