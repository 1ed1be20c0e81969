//! A data action in the admin UI's export shape: the file "Export" writes and "Import" reads
//! (`name`, `integrationType`, `actionType`, `config`, `contract`, `secure`, and `category`
//! when the exporter kept it). The shape is the one the public action modules publish, e.g.
//! GenesysCloudDevOps/public-api-get-on-queue-agent-counts-data-action-module
//! Get-On-Queue-Agent-Counts.json; the exporter's own version and links are not part of it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Action, ActionConfig, ActionContract, NewAction};

/// The integration type of Genesys Cloud Data Actions, as exports name it.
pub const DATA_ACTIONS_INTEGRATION_TYPE: &str = "purecloud-data-actions";
/// The action type of an ordinary data action; the other one seen, `customAuth`, is a web
/// services integration's authentication action, which cannot be made as a draft.
pub const CUSTOM_ACTION_TYPE: &str = "custom";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedAction {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    pub config: ActionConfig,
    pub contract: ActionContract,
    #[serde(default)]
    pub secure: bool,
}

/// Why a JSON value is not an exported action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportShapeError {
    /// Not valid JSON text (the parser's own words, with line and column).
    NotJson(String),
    /// JSON, but not an action: the first missing or mistyped field, as serde names it.
    NotAnAction(String),
}

impl ExportedAction {
    /// The export of `action`, read with its config and contract. Without them there is
    /// nothing worth exporting, so they are required.
    pub fn from_action(action: &Action) -> Option<ExportedAction> {
        Some(ExportedAction {
            name: action.name.clone(),
            integration_type: Some(DATA_ACTIONS_INTEGRATION_TYPE.to_owned()),
            action_type: Some(CUSTOM_ACTION_TYPE.to_owned()),
            category: (!action.category.is_empty()).then(|| action.category.clone()),
            config: action.config.clone()?,
            contract: action.contract.clone()?,
            secure: action.secure,
        })
    }

    /// The draft to create in integration `integration_id`. An export without a category
    /// takes `fallback_category` (by convention the integration's name, as the Terraform
    /// modules set it).
    pub fn into_new_action(self, integration_id: &str, fallback_category: &str) -> NewAction {
        let category = self
            .category
            .filter(|c| !c.trim().is_empty())
            .unwrap_or_else(|| fallback_category.to_owned());
        NewAction {
            name: self.name,
            category,
            integration_id: integration_id.to_owned(),
            secure: self.secure,
            config: self.config,
            contract: self.contract,
        }
    }

    /// True when the export names another kind of integration than Genesys Cloud Data
    /// Actions (a web services or CRM action): it can be made here, but its request was
    /// written for another host.
    pub fn from_other_integration_type(&self) -> bool {
        self.integration_type
            .as_deref()
            .is_some_and(|t| t != DATA_ACTIONS_INTEGRATION_TYPE)
    }

    /// True when the export is not an ordinary action (`customAuth`).
    pub fn is_special_action_type(&self) -> bool {
        self.action_type
            .as_deref()
            .is_some_and(|t| t != CUSTOM_ACTION_TYPE)
    }
}

/// The actions in one file's text: a single exported action, or a JSON list of them (the
/// shape the lint command reads too). Each list entry is parsed on its own, so one bad entry
/// does not hide the others.
pub fn parse_exported_actions(
    text: &str,
) -> Result<Vec<Result<ExportedAction, ExportShapeError>>, ExportShapeError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ExportShapeError::NotJson(e.to_string()))?;
    let one = |v: Value| {
        serde_json::from_value::<ExportedAction>(v)
            .map_err(|e| ExportShapeError::NotAnAction(e.to_string()))
    };
    Ok(match value {
        Value::Array(list) => list.into_iter().map(one).collect(),
        other => vec![one(other)],
    })
}
