//! Dip Studio's core, free of any Tauri dependency: Genesys Cloud regions and endpoints, the
//! typed API client, browser and client-credentials sign-in, the secrets seam, settings and
//! the error kinds the UI switches on.

pub mod action_rules;
pub mod api;
pub mod auth;
pub mod conformance;
pub mod error;
pub mod models;
pub mod oauth_client_form;
pub mod permissions;
pub mod profile;
pub mod region;
pub mod secrets;
pub mod settings;
pub mod setup;

pub use error::{Error, ErrorKind};
pub use profile::{OrgTarget, Profile, SignInMethod};
pub use region::{Endpoints, Region, REGIONS};
pub use settings::{Language, LanguagePreference, Preferences, Settings, Theme};
