//! Integrations (`/api/v2/integrations`, genesys-api.md §6, Appendix A): `Integration` with its
//! intended and reported state, and `IntegrationConfiguration` with its credential slots.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::credentials::CredentialInfo;

/// `intendedState`: what the admin asked for. Unknown values are kept as `Unknown` (matrix B7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[ts(export)]
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
#[ts(export)]
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
#[ts(export)]
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
#[ts(export)]
pub struct IntegrationTypeRef {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// `IntegrationConfiguration`: the schema marks every field but `id` required; the app relies
/// on `version` (optimistic concurrency), so only a missing `version` is an error. The others
/// read as empty when absent and are written back as read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IntegrationConfiguration {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default)]
    pub name: String,
    /// Required for updates: a `PUT` with another version is a 409.
    pub version: i64,
    #[serde(default = "empty_object")]
    #[ts(type = "Record<string, unknown>")]
    pub properties: serde_json::Value,
    #[serde(default = "empty_object")]
    #[ts(type = "Record<string, unknown>")]
    pub advanced: serde_json::Value,
    #[serde(default)]
    pub notes: String,
    /// Credential slot (`pureCloudOAuthClient`) → the credential used there.
    #[serde(default)]
    pub credentials: BTreeMap<String, CredentialInfo>,
}

fn empty_object() -> serde_json::Value {
    serde_json::Value::Object(serde_json::Map::new())
}

/// `IntegrationConfigurationInfo`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IntegrationConfigurationInfo {
    #[serde(default)]
    pub current: Option<IntegrationConfiguration>,
}

/// `Integration`: one installed integration. `id` and `intendedState` are required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Integration {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub integration_type: Option<IntegrationTypeRef>,
    #[serde(default)]
    pub notes: Option<String>,
    pub intended_state: IntendedState,
    #[serde(default)]
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

    /// The current configuration, when the answer embeds it.
    pub fn current_config(&self) -> Option<&IntegrationConfiguration> {
        self.config.as_ref().and_then(|c| c.current.as_ref())
    }

    /// The credential configured in `slot`, from the embedded configuration.
    pub fn credential_in(&self, slot: &str) -> Option<&CredentialInfo> {
        self.current_config().and_then(|c| c.credentials.get(slot))
    }
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
                "config":{"current":{"version":3,"credentials":{"pureCloudOAuthClient":{"id":"c1","type":{"name":"pureCloudOAuthClient"}}}}}}"#,
        )
        .expect("parses");
        assert_eq!(i.intended_state, IntendedState::Unknown);
        assert_eq!(i.reported_code(), ReportedStateCode::Unknown);
        assert_eq!(i.type_id(), Some("purecloud-data-actions"));
        assert_eq!(
            i.credential_in("pureCloudOAuthClient")
                .map(|c| c.id.as_str()),
            Some("c1")
        );
        assert_eq!(i.current_config().map(|c| c.version), Some(3));
        let bare: Integration =
            serde_json::from_str(r#"{"id":"i","intendedState":"ENABLED","reportedState":{}}"#)
                .expect("optional fields may be absent");
        assert_eq!(bare.reported_code(), ReportedStateCode::Unknown);
        let err = serde_json::from_str::<Integration>(r#"{"id":"i"}"#).expect_err("required");
        assert!(err.to_string().contains("intendedState"), "{err}");
        let err = serde_json::from_str::<IntegrationConfiguration>(r#"{"name":"n"}"#)
            .expect_err("version is required");
        assert!(err.to_string().contains("version"), "{err}");
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
