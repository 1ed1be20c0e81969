//! Dip Studio's use cases: what each screen does with the signed-in org, independent of the
//! window. One module per screen (`clients`, `roles`, `integrations`, `setup`, `reveal`,
//! `sign_in`), each over an [`OrgContext`]; `wire` holds every type that crosses IPC. The Tauri
//! shell only turns commands into calls here.

pub mod actions;
pub mod clients;
pub mod clipboard;
pub mod help;
pub mod integrations;
mod org;
pub mod reveal;
pub mod roles;
pub mod setup;
pub mod sign_in;
pub mod vault;
pub mod wire;

#[cfg(test)]
mod tests;

pub use org::{sign_in_required, OrgContext};
pub use wire::error::{CommandError, CommandResult};
