//! Serde types for the Genesys JSON the core reads. Unknown fields are ignored; fields a
//! caller relies on are required, so a missing one is an error that names it.

mod error_body;
mod tokens;
mod users;

pub use error_body::ErrorBody;
pub use tokens::{NamedEntity, TokenInfo, TokenInfoClient};
pub use users::{Organization, UserMe};
