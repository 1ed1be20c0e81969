//! Every type the window and Rust exchange over IPC, one file per screen (the TypeScript twins
//! in `ui/src/generated` are written from these by ts-rs). Core types that already are the wire
//! shape (`OAuthClient`, `SetupRequest`, `ReportedStateCode`, `StepKind`…) are sent as they are,
//! never mirrored. None of these types can hold a secret, except the one-time reveal's string.

pub mod action_import;
pub mod actions;
pub mod app;
pub mod clients;
pub mod error;
pub mod integrations;
pub mod preview;
pub mod privileges;
pub mod settings;
pub mod setup;
pub mod sign_in;
