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
