//! The org's data actions as the state file keeps them: one record per action id, holding its
//! published definition, its draft, or both (a draft shares its action's id), and finding the
//! actions whose integration still exists.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{json, Value};

use crate::ids;
use crate::org::{Entity, Org};

/// Custom actions are `custom_-_<uuid>`, as the admin UI's action URLs show
/// (`…/admin/integrations/actions/custom_-_<uuid>/setup/test`); built-in `static_` actions
/// are not emulated.
pub const ID_PREFIX: &str = "custom_-_";

/// A new action id.
pub fn new_action_id() -> String {
    format!("{ID_PREFIX}{}", ids::new_id())
}

/// One data action: which integration runs it, and its published and draft definitions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionRecord {
    pub id: String,
    pub integration_id: String,
    #[serde(default)]
    pub published: Option<ActionDefinition>,
    #[serde(default)]
    pub draft: Option<ActionDefinition>,
}

impl Entity for ActionRecord {
    fn id(&self) -> &str {
        &self.id
    }
}

/// Which definition of an action a route addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Published,
    Draft,
}

impl ActionRecord {
    pub fn definition(&self, stage: Stage) -> Option<&ActionDefinition> {
        match stage {
            Stage::Published => self.published.as_ref(),
            Stage::Draft => self.draft.as_ref(),
        }
    }
}

/// A published action or a draft: what `Action` serves, and the version that guards changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionDefinition {
    pub name: String,
    pub category: String,
    #[serde(default)]
    pub secure: bool,
    pub version: i64,
    #[serde(default)]
    pub config: ActionConfig,
    pub contract: Contract,
    pub modified_ms: i64,
}

/// The two schemas of `ActionContractInput` (`input.inputSchema`, `output.successSchema`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contract {
    pub input_schema: Value,
    pub success_schema: Value,
}

impl Contract {
    /// A draft created without a contract gets two empty object schemas (the Premium-app wizard
    /// creates a draft from `{name, integrationId}` alone, then patches the contract in:
    /// MyPureCloud/purecloud-premium-app docs/wizard/scripts/modules/gc-data-actions.js).
    pub fn empty() -> Contract {
        Contract {
            input_schema: json!({ "type": "object", "properties": {} }),
            success_schema: json!({ "type": "object", "properties": {} }),
        }
    }
}

/// `ActionConfig` as written (the read-only `*Uri` fields are left out; they are derived).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<i64>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub request: RequestConfig,
    #[serde(default, deserialize_with = "null_as_default")]
    pub response: ResponseConfig,
}

/// `RequestConfig`: URL, method, headers and body template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_url_template: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_type: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub headers: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_template: Option<String>,
}

/// `ResponseConfig`: the translation map, its defaults and the success template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseConfig {
    #[serde(default, deserialize_with = "null_as_default")]
    pub translation_map: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub translation_map_defaults: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_template: Option<String>,
}

/// The body template used when none is set: the inputs as JSON. No public source states the
/// default; this is the body Genesys-authored actions use (GenesysCloudBlueprints/
/// automated-callback-blueprint files/Get-interaction-state.custom.json).
pub const DEFAULT_REQUEST_TEMPLATE: &str = "${input.rawRequest}";

/// The success template used when none is set: the endpoint's answer as it is. No public source
/// states the default; `${rawResult}` is the passthrough many Genesys-authored actions use.
pub const DEFAULT_SUCCESS_TEMPLATE: &str = "${rawResult}";

impl ActionConfig {
    pub fn request_template(&self) -> &str {
        self.request
            .request_template
            .as_deref()
            .unwrap_or(DEFAULT_REQUEST_TEMPLATE)
    }

    pub fn success_template(&self) -> &str {
        self.response
            .success_template
            .as_deref()
            .unwrap_or(DEFAULT_SUCCESS_TEMPLATE)
    }
}

/// A JSON `null` reads as the type's default (an empty map, an empty config).
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

impl Org {
    /// The action with `id`, unless its integration is gone: deleting an integration takes its
    /// actions with it (terraform-provider-genesyscloud
    /// genesyscloud/integration_action/resource_genesyscloud_integration_action.go,
    /// `deleteIntegrationAction`: a 404 means "Parent integration was probably deleted").
    pub fn action(&self, id: &str) -> Option<&ActionRecord> {
        self.live_actions().find(|a| a.id == id)
    }

    /// Every action whose integration still exists.
    pub fn live_actions(&self) -> impl Iterator<Item = &ActionRecord> {
        self.actions
            .iter()
            .filter(|a| self.integration(&a.integration_id).is_some())
    }

    /// Drop the actions whose integration is gone (done before any change to the actions).
    pub fn drop_orphan_actions(&mut self) {
        let live: Vec<String> = self.integrations.iter().map(|i| i.id.clone()).collect();
        self.actions.retain(|a| live.contains(&a.integration_id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_with_nulls_reads_as_empty() {
        let config: ActionConfig =
            serde_json::from_value(json!({"request": {"headers": null}, "response": null}))
                .expect("nulls are accepted");
        assert!(config.request.headers.is_empty());
        assert_eq!(config.request_template(), DEFAULT_REQUEST_TEMPLATE);
        assert_eq!(config.success_template(), DEFAULT_SUCCESS_TEMPLATE);
    }

    #[test]
    fn a_state_file_from_before_actions_still_loads() {
        let (org, _) = crate::seed::seeded_org(0).expect("the seed");
        let mut old = serde_json::to_value(&org).expect("serializes");
        old.as_object_mut().expect("an object").remove("actions");
        let loaded: Org = serde_json::from_value(old).expect("an old state file loads");
        assert!(loaded.actions.is_empty());
    }

    #[test]
    fn ids_carry_the_custom_prefix() {
        let id = new_action_id();
        assert!(id.starts_with("custom_-_") && id.len() == ID_PREFIX.len() + 36);
    }
}
