//! Dip Studio's core, free of any Tauri dependency: Genesys Cloud regions and endpoints,
//! the user's settings model and the error kinds the UI switches on.

pub mod error;
pub mod region;
pub mod settings;

pub use error::{Error, ErrorKind};
pub use region::{Endpoints, Region, REGIONS};
pub use settings::{Language, LanguagePreference, Settings, Theme};
