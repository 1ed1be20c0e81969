//! The Sandbox org: one emulated Genesys Cloud org (a login host and an API host) served over
//! real HTTP on loopback, for the tests, the app's Sandbox org mode and standalone use.

mod api;
mod caller;
mod clock;
mod codes;
mod control;
mod error;
mod error_body;
mod faults;
mod i18n;
mod ids;
mod knob_state;
mod knobs;
mod login;
mod options;
mod org;
mod paging;
mod rate_limit;
mod resource;
mod routing;
mod running;
mod seed;
mod seed_queues;
mod server;
mod store;
mod variants;

pub use api::actions::{
    ActionConfig, ActionDefinition, Contract as ActionContract, RequestConfig as ActionRequest,
    ResponseConfig as ActionResponse,
};
pub use error::Error;
pub use knob_state::{FaultKind, FaultRule, RateLimit};
pub use knobs::Knobs;
pub use options::SandboxOptions;
pub use org::ActionRecord;
pub use org::{
    CredentialRecord, DivisionRecord, Grant, IntegrationConfigRecord, IntegrationRecord,
    OAuthClientRecord, Org, OrganizationRecord, PendingGrants, RefreshRecord, RoleDivision,
    RoleRecord, TokenRecord, UserRecord,
};
pub use org::{
    PresenceDefinitionRecord, PresenceRecord, QueueMemberRecord, QueueRecord, RoutingStatus,
    SystemPresence,
};
pub use running::{RunningSandbox, Sandbox, Snapshot};
pub use seed::SeedInfo;
pub use variants::{
    all_names as variant_names, behaviours as variant_behaviours, ActionTemplates, ClientSubject,
    EmbeddedConfig, ImplicitErrorState, InactiveIntegration, MePermissions, NonJsonDefault,
    RedirectPath, RetryAfter, RolesPageCap, SelfAssignDivision, UngrantableRole, Variant,
    WrongSecret,
};
