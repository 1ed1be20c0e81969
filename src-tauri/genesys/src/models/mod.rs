//! Serde types for the Genesys JSON the core reads. Unknown fields are ignored; fields a
//! caller relies on are required, so a missing one is an error that names it.

mod action_changes;
mod action_export;
#[cfg(test)]
mod action_export_tests;
mod action_results;
#[cfg(test)]
mod action_results_tests;
mod actions;
#[cfg(test)]
mod actions_tests;
mod authorization;
mod credentials;
mod error_body;
mod integration_config;
mod integrations;
mod oauth_clients;
mod paging;
mod routing;
mod tokens;
mod users;

pub use action_changes::{DraftUpdate, NewAction, PublishDraft, PublishedUpdate};
pub use action_export::{
    parse_exported_actions, ExportShapeError, ExportedAction, CUSTOM_ACTION_TYPE,
    DATA_ACTIONS_INTEGRATION_TYPE,
};
pub use action_results::{DraftValidation, TestExecutionResult, TestOperation};
pub use actions::{
    Action, ActionConfig, ActionContract, ActionInput, ActionOutput, Category, RequestConfig,
    ResponseConfig,
};
pub use authorization::{
    AuthzDivision, AuthzGrant, AuthzGrantRole, AuthzSubject, DomainOrganizationRole,
    DomainPermissionPolicy, DomainRole, NewRole, UserAuthorization,
};
pub use credentials::{
    is_sensitive_field, Credential, CredentialCursorPage, CredentialInfo, CredentialType,
};
pub use error_body::{ErrorBody, ErrorDetail};
pub use integration_config::{
    clean_notes, EmbeddedConfiguration, EmbeddedCredential, IntegrationConfiguration,
    IntegrationConfigurationInfo, EMPTY_NOTES_PLACEHOLDER,
};
pub use integrations::{
    Integration, IntegrationStatusInfo, IntegrationType, IntegrationTypeRef, IntendedState,
    MessageInfo, ReportedStateCode,
};
pub use oauth_clients::{
    ClientState, EntityRef, GrantType, OAuthClient, OAuthClientListing, OAuthClientRequest,
    OAuthScope, OAuthScopeListing, RoleDivision, ALL_DIVISIONS,
};
pub use paging::Page;
pub use routing::{
    PresenceDefinition, Queue, QueueMember, QueueMemberUser, RoutingState, RoutingStatus,
    UserPresence,
};
pub use tokens::{NamedEntity, TokenInfo, TokenInfoClient};
pub use users::{Organization, UserMe};
