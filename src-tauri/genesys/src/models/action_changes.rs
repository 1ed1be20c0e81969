//! What the app sends to make or change a data action: `PostActionInput` (a new draft),
//! `UpdateDraftInput` (a draft's change at its version) and `UpdateActionInput` (a published
//! action's change, which has no contract and no `secure`: both are frozen once published)
//! (platform-client-sdk-python build/docs/PostActionInput.md, UpdateDraftInput.md,
//! UpdateActionInput.md, PublishDraftInput.md). `crate::action_rules` checks each before it
//! is sent.

use serde::{Deserialize, Serialize};

use super::{Action, ActionConfig, ActionContract};

/// `PostActionInput`: every field is required but `secure` (platform-client-sdk-javascript
/// build/index.d.ts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewAction {
    pub name: String,
    pub category: String,
    pub integration_id: String,
    #[serde(default)]
    pub secure: bool,
    pub config: ActionConfig,
    pub contract: ActionContract,
}

/// `UpdateDraftInput`: the fields to change (absent ones are kept) and the draft's current
/// `version`, which is required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<ActionConfig>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<ActionContract>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secure: Option<bool>,
    pub version: i64,
}

/// `UpdateActionInput`: a published action's name, category and config, at its current
/// `version`. There is no contract and no `secure` to send: they cannot change after publishing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishedUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<ActionConfig>,
    pub version: i64,
}

/// `PublishDraftInput`: the draft's current version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishDraft {
    pub version: i64,
}

impl DraftUpdate {
    /// Everything of `action` (a draft as read, its templates filled in) at its version: what
    /// a caller edits and sends back whole.
    pub fn from_draft(action: &Action) -> DraftUpdate {
        DraftUpdate {
            name: Some(action.name.clone()),
            category: Some(action.category.clone()),
            config: action.config.clone(),
            contract: action.contract.clone(),
            secure: Some(action.secure),
            version: action.version,
        }
    }

    /// The same change at another version (after a conflict, at the version read again).
    pub fn at_version(&self, version: i64) -> DraftUpdate {
        DraftUpdate {
            version,
            ..self.clone()
        }
    }
}

impl PublishedUpdate {
    /// The same change at another version.
    pub fn at_version(&self, version: i64) -> PublishedUpdate {
        PublishedUpdate {
            version,
            ..self.clone()
        }
    }
}
