//! The import of exported data actions (the admin UI's JSON files) into one integration, and
//! the export of one action, as the window sees them: the files it sends, the plan it shows
//! before anything is made, and the live view of an import run, which can be cancelled and
//! resumed from its journal.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::CommandError;

/// A file the user picked: its name (to say which file a problem is in) and its text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionFile {
    pub file_name: String,
    pub text: String,
}

/// Why an entry cannot be imported (or, for `otherIntegrationType`, why it may not run).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportProblemCode {
    /// The file is not JSON text; `detail` is the parser's position.
    NotJson,
    /// JSON, but not an exported action; `detail` names the field.
    NotAnAction,
    /// A web services integration's authentication action, which cannot be made as a draft.
    AuthAction,
    /// The integration already has an action of this name.
    NameTaken,
    /// Two entries of this import share the name; the first one is imported.
    NameTwice,
    /// A rule Genesys refuses the action for; `detail` is the rule and its field.
    Rule,
    /// Exported from another kind of integration: it can be made, but may not run here.
    OtherIntegrationType,
    /// The file is larger than one import takes; `detail` is the limit in bytes.
    FileTooLarge,
    /// More entries than one import takes; `detail` is the limit.
    TooMany,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportProblem {
    pub code: ImportProblemCode,
    pub detail: Option<String>,
    /// True when the entry is still imported (a warning).
    pub warning: bool,
}

/// One entry of the plan: an action found in a file, and whether it will be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPlanItem {
    pub file_name: String,
    /// The entry's place in its file (0 for a file holding one action).
    pub index: u32,
    /// The action's name, or empty when the entry has none.
    pub name: String,
    pub category: String,
    pub ready: bool,
    pub problems: Vec<ImportProblem>,
}

/// What an import would do, shown before it starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPlan {
    pub integration_id: String,
    pub integration_name: String,
    pub items: Vec<ImportPlanItem>,
    /// How many entries will be imported.
    pub ready: u32,
}

/// Where one action of a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportItemState {
    Pending,
    /// Its draft exists (and, when the run publishes, it is not published yet).
    Drafted,
    Published,
    /// Genesys refused it; the run went on with the others.
    Refused,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportItemView {
    pub name: String,
    pub state: ImportItemState,
    pub action_id: Option<String>,
    /// Genesys's answer to a refused action.
    pub error: Option<CommandError>,
}

/// How an import run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportPhase {
    Running,
    /// Stopped by the user; Resume goes on where it stopped.
    Cancelled,
    /// Stopped by an error that is not the action's fault (the network, the org, the
    /// sign-in); Resume goes on where it stopped.
    Interrupted,
    /// Every action was handled (some may have been refused).
    Completed,
}

/// An import run, sent to the window on every change.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportRunView {
    pub import_id: String,
    pub integration_id: String,
    pub integration_name: String,
    /// True when each draft is published once made.
    pub publish: bool,
    pub phase: ImportPhase,
    pub total: u32,
    /// Actions handled so far (made as asked, or refused).
    pub handled: u32,
    pub refused: u32,
    pub items: Vec<ImportItemView>,
    /// Why the run was interrupted.
    pub error: Option<CommandError>,
}
