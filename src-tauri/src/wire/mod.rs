//! What the integration screen, its diagram and the guided setup send over IPC: small view
//! types the UI renders, mapped from the core's models. None of them can hold a secret.

pub mod integrations;
pub mod setup;
