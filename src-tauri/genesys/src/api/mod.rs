//! The typed Platform API client and one module per API area it calls.

pub mod actions;
pub(crate) mod answer;
pub mod authorization;
pub mod client;
pub mod credentials;
mod docs;
mod encode;
pub mod integration_config;
pub mod integrations;
pub mod oauth_clients;
mod options;
mod paging;
mod rate_gate;
pub mod retry;
pub mod routing;
pub mod self_assign;
mod tls;
pub mod tokens;
pub mod users;

pub use actions::{ActionFilter, ActionStage, TemplateFile, ACTION_PAGE_SIZE, MAX_ACTION_ATTEMPTS};
pub use authorization::{GrantsSource, HeldGrants};
pub use client::{Client, ClientOptions};
pub use integration_config::MAX_CONFIG_ATTEMPTS;
pub use integrations::{
    Removal, DATA_ACTIONS_CREDENTIAL_SLOT, DATA_ACTIONS_TYPE, MAX_DATA_ACTIONS_INTEGRATIONS,
};
pub use oauth_clients::{ClientDeletion, IssuedOAuthClient};
pub use paging::MAX_PAGES;
pub use retry::RetryPolicy;
pub use routing::MemberExpand;
pub use self_assign::{assign_role_to_me, AssignProgress, AssignWaits};
