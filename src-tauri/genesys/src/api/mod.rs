//! The typed Platform API client and one module per API area it calls.

pub(crate) mod answer;
pub mod client;
mod retry;
pub mod tokens;
pub mod users;

pub use client::Client;
