//! The typed Platform API client and one module per API area it calls.

pub(crate) mod answer;
pub mod authorization;
pub mod client;
pub mod oauth_clients;
mod paging;
mod retry;
pub mod tokens;
pub mod users;

pub use authorization::assign_role_to_me;
pub use client::Client;
pub use oauth_clients::{ClientDeletion, IssuedOAuthClient};
pub use paging::MAX_PAGES;
