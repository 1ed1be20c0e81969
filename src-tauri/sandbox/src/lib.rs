//! The Sandbox org: one emulated Genesys Cloud org (a login host and an API host) served over
//! real HTTP on loopback, for the tests, the app's Sandbox org mode and standalone use.

mod api;
mod caller;
mod clock;
mod control;
mod error;
mod error_body;
mod faults;
mod i18n;
mod ids;
mod knobs;
mod login;
mod org;
mod paging;
mod rate_limit;
mod running;
mod seed;
mod server;
mod store;
mod variants;

pub use error::Error;
pub use knobs::{FaultKind, FaultRule, Knobs, RateLimit};
pub use org::{
    CredentialRecord, DivisionRecord, Grant, IntegrationConfigRecord, IntegrationRecord,
    OAuthClientRecord, Org, OrganizationRecord, PendingGrants, RefreshRecord, RoleDivision,
    RoleRecord, TokenRecord, UserRecord,
};
pub use running::{RunningSandbox, Sandbox, SandboxOptions, SeedInfo, Snapshot};
pub use variants::{
    all_names as variant_names, behaviours as variant_behaviours, ClientSubject, EmbeddedConfig,
    ImplicitErrorState, MePermissions, RedirectPath, RetryAfter, RolesPageCap, SelfAssignDivision,
    UngrantableRole, Variant, WrongSecret,
};
