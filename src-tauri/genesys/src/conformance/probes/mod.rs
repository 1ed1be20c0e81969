//! The probes: for each behaviour whose real form no public source states, look at what this
//! org does and name the form as the Sandbox's variants do. A probe that would change what the
//! user holds (self-assigning a role) or needs a person at the browser is reported as not
//! determined, with why. What the signed-in token shows is `org.rs`; what the guided setup's
//! own objects show is `setup_objects.rs`.

mod org;
mod setup_objects;

pub use org::{probe_org, ungrantable_role};
pub use setup_objects::probe_setup;

/// The behaviours, as the Sandbox's variant table names them.
pub const EMBEDDED_CONFIG: &str = "embedded config.current";
pub const ME_PERMISSIONS: &str = "users/me permissions";
pub const CLIENT_SUBJECT: &str = "subjects/me for a client";
pub const SELF_ASSIGN: &str = "self-assigned role's division";
pub const UNGRANTABLE: &str = "ungrantable role";
pub const WRONG_SECRET: &str = "wrong credential secret";
pub const ROLES_PAGE_CAP: &str = "roles page cap";
pub const REDIRECT_PATH: &str = "redirect path";
pub const IMPLICIT_ERROR_STATE: &str = "Implicit error state";
pub const RETRY_AFTER: &str = "429 Retry-After";
