//! Integrations (`/api/v2/integrations`, platform-client-sdk-python build/PureCloudPlatformClientV2/models/integration.py): `Integration` with its
//! intended and reported state (its configuration is in `integration_config.rs`), and the
//! integration type's instance limit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::integration_config::{lenient, optional_notes, EmbeddedConfiguration};
use super::IntegrationConfigurationInfo;

/// `intendedState`: what the admin asked for. Unknown values are kept as `Unknown` (security-matrix.md B7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum IntendedState {
    Enabled,
    Disabled,
    Deleted,
    Restored,
    /// A value this app does not know.
    Unknown,
}

/// `reportedState.code`: what the integration says it is. Unknown values are kept as `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[ts(export)]
pub enum ReportedStateCode {
    Active,
    Activating,
    Inactive,
    Deactivating,
    Error,
    /// A code this app does not know (a future Genesys state).
    Unknown,
}

// Read by hand: an unknown value must not fail a whole listing (ts-rs cannot read serde's
// `other`).
impl<'de> Deserialize<'de> for IntendedState {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match String::deserialize(d)?.as_str() {
            "ENABLED" => IntendedState::Enabled,
            "DISABLED" => IntendedState::Disabled,
            "DELETED" => IntendedState::Deleted,
            "RESTORED" => IntendedState::Restored,
            _ => IntendedState::Unknown,
        })
    }
}

impl<'de> Deserialize<'de> for ReportedStateCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match String::deserialize(d)?.as_str() {
            "ACTIVE" => ReportedStateCode::Active,
            "ACTIVATING" => ReportedStateCode::Activating,
            "INACTIVE" => ReportedStateCode::Inactive,
            "DEACTIVATING" => ReportedStateCode::Deactivating,
            "ERROR" => ReportedStateCode::Error,
            _ => ReportedStateCode::Unknown,
        })
    }
}

/// `MessageInfo`: a localizable message; `message` is Genesys's own words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct MessageInfo {
    pub localizable_message_code: Option<String>,
    pub message: Option<String>,
    pub message_with_params: Option<String>,
    pub message_params: BTreeMap<String, String>,
}

/// `IntegrationStatusInfo`: the last reported state. Every field is optional in the schema;
/// an absent `code` reads as `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationStatusInfo {
    #[serde(default = "unknown_code")]
    pub code: ReportedStateCode,
    /// Localized, human-readable state.
    #[serde(default)]
    pub effective: Option<String>,
    /// Why (for ERROR): Genesys's message.
    #[serde(default)]
    pub detail: Option<MessageInfo>,
    /// ISO-8601: when `code` last changed.
    #[serde(default)]
    pub last_updated: Option<String>,
}

fn unknown_code() -> ReportedStateCode {
    ReportedStateCode::Unknown
}

/// The `IntegrationType` reference inside an integration (only its id is relied on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationTypeRef {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// `Integration`: one installed integration. `id` and `intendedState` are required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Integration {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub integration_type: Option<IntegrationTypeRef>,
    /// The placeholder Genesys may answer for empty notes reads as `Some("")`.
    #[serde(default, with = "optional_notes")]
    #[ts(as = "Option<String>")]
    pub notes: Option<String>,
    pub intended_state: IntendedState,
    /// The embedded configuration: read leniently (a stub or any other shape never fails the
    /// integration), and only shown, never trusted: see [`EmbeddedConfiguration`].
    #[serde(default, with = "lenient")]
    #[ts(as = "Option<IntegrationConfigurationInfo>")]
    pub config: Option<IntegrationConfigurationInfo>,
    #[serde(default)]
    pub reported_state: Option<IntegrationStatusInfo>,
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

impl Integration {
    /// `reportedState.code`, `Unknown` when Genesys gave none.
    pub fn reported_code(&self) -> ReportedStateCode {
        self.reported_state
            .as_ref()
            .map_or(ReportedStateCode::Unknown, |s| s.code)
    }

    /// The integration type's id (`purecloud-data-actions`), if given.
    pub fn type_id(&self) -> Option<&str> {
        self.integration_type.as_ref().map(|t| t.id.as_str())
    }

    /// The embedded configuration, when the answer has one. For the credential and the version
    /// read `config/current` (`Client::integration_config`).
    pub fn embedded_config(&self) -> Option<&EmbeddedConfiguration> {
        self.config.as_ref().and_then(|c| c.current.as_ref())
    }
}

/// The part of `IntegrationType` (`GET /api/v2/integrations/types/{typeId}`) the app reads:
/// `maxInstances`, "the maximum number of integration instances allowable for this integration
/// type" (platform-client-sdk-python build/PureCloudPlatformClientV2/models/integration_type.py).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationType {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default, with = "lenient")]
    #[ts(as = "Option<u32>")]
    pub max_instances: Option<u32>,
}

// `IntegrationEntityListing` is read as `Page<Integration>`.

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_states_and_fields_are_tolerated_and_missing_ones_named() {
        let i: Integration = serde_json::from_str(
            r#"{"id":"i1","name":"DA","intendedState":"HIBERNATING","future":{"x":1},
                "integrationType":{"id":"purecloud-data-actions","images":[]},
                "reportedState":{"code":"MIGRATING","effective":"?"},
                "notes":"node_dynamodb_empty_string",
                "config":{"current":{"name":"DA","credentials":{"pureCloudOAuthClient":{"name":"only a name"}}}}}"#,
        )
        .expect("parses");
        assert_eq!(i.intended_state, IntendedState::Unknown);
        assert_eq!(i.reported_code(), ReportedStateCode::Unknown);
        assert_eq!(i.type_id(), Some("purecloud-data-actions"));
        assert_eq!(i.notes.as_deref(), Some(""), "the empty-notes placeholder");
        let embedded = i
            .embedded_config()
            .expect("a stub without version still parses");
        assert_eq!(
            (embedded.version, embedded.name.as_deref()),
            (None, Some("DA"))
        );
        assert_eq!(embedded.credentials["pureCloudOAuthClient"].id, None);
        let bare: Integration =
            serde_json::from_str(r#"{"id":"i","intendedState":"ENABLED","reportedState":{}}"#)
                .expect("optional fields may be absent");
        assert_eq!(bare.reported_code(), ReportedStateCode::Unknown);
        let err = serde_json::from_str::<Integration>(r#"{"id":"i"}"#).expect_err("required");
        assert!(err.to_string().contains("intendedState"), "{err}");
        let err = serde_json::from_str::<super::super::IntegrationConfiguration>(r#"{"name":"n"}"#)
            .expect_err("config/current must carry its version");
        assert!(err.to_string().contains("version"), "{err}");
        let kind: IntegrationType = serde_json::from_str(
            r#"{"id":"purecloud-data-actions","maxInstances":12,"credentials":{}}"#,
        )
        .expect("type");
        assert_eq!(kind.max_instances, Some(12));
        let kind: IntegrationType =
            serde_json::from_str(r#"{"id":"t","maxInstances":null}"#).expect("type");
        assert_eq!(kind.max_instances, None);
    }

    #[test]
    fn states_serialize_in_genesys_spelling() {
        assert_eq!(
            serde_json::to_value(ReportedStateCode::Activating).expect("json"),
            "ACTIVATING"
        );
        assert_eq!(
            serde_json::to_value(IntendedState::Enabled).expect("json"),
            "ENABLED"
        );
    }
}
