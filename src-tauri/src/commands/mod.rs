//! IPC commands, one module per screen. Each takes state, calls the core, converts the error.

pub mod app;
pub mod auth;
pub mod clients;
pub mod integrations;
pub mod settings;
pub mod setup;
