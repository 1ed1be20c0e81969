//! The Data actions screen's wire types: the actions of the org's Data Actions integrations
//! (draft and published versions side by side), the editable form of one action (its
//! contracts as a tree of fields, its request and response), the rule problems found in a form,
//! and a test run's ten steps with a plain-language hint for the one that failed.

use genesys::models::ReportedStateCode;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A JSON-schema type a contract field can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum FieldType {
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,
}

/// One field of a contract. An array has an `item_type`; an object, and an array of objects,
/// have `children`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContractField {
    pub name: String,
    pub field_type: FieldType,
    pub required: bool,
    pub item_type: Option<FieldType>,
    #[serde(default)]
    pub children: Vec<ContractField>,
}

/// A request header, its value a Velocity template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HeaderRow {
    pub name: String,
    pub value: String,
}

/// A translation map entry: the variable the success template reads, the JSONPath that fills
/// it, and the JSON text used when the path finds nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TranslationRow {
    pub key: String,
    pub path: String,
    pub default: Option<String>,
}

/// An action as the editor shows it. `version` is the draft's (sent back when saving, so a
/// change made elsewhere meanwhile is noticed); `None` for a new action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionForm {
    pub name: String,
    pub category: String,
    pub integration_id: String,
    pub secure: bool,
    pub timeout_seconds: Option<u32>,
    pub inputs: Vec<ContractField>,
    pub outputs: Vec<ContractField>,
    pub method: String,
    pub url_template: String,
    pub headers: Vec<HeaderRow>,
    pub body_template: String,
    pub translation: Vec<TranslationRow>,
    pub success_template: String,
    pub version: Option<i32>,
}

/// A rule the form breaks, found in Rust before any request: `field` is where (e.g.
/// `inputs.0.name`, `timeoutSeconds`), `code` the rule the window words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FormProblem {
    pub field: String,
    pub code: String,
    /// What the words need (a name, a limit).
    pub value: Option<String>,
    pub severity: Severity,
    /// The change that clears it, one click away (`action_fix`), when there is one.
    pub fix: Option<FormFix>,
}

/// A lint's fix, in the form's terms: which field changes and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum FormFix {
    /// Every reference to `from` in the success template renamed `to`.
    Rename { from: String, to: String },
    /// The reference wrapped in `$esc.url(...)` in the URL template.
    EscapeUrl { reference: String },
    /// The reference wrapped in `$esc.jsonString(...)` in the body template.
    EscapeJson { reference: String },
    /// The formal reference made quiet (`$!{...}`) in `field` (`urlTemplate` or
    /// `bodyTemplate`).
    Quiet { reference: String, field: String },
    /// `pageSize=100` added to the URL template's query.
    PageSize,
}

/// How much a problem stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Severity {
    /// Genesys refuses to save it: the form is not sent.
    Rule,
    /// Saved as it is, but the org's test fails on it (e.g. the workshop's `$Presences` typo).
    Error,
    /// It works, but fragilely.
    Warning,
}

/// One action in the list: its draft and published versions, either may be absent.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionSummary {
    pub id: String,
    pub name: String,
    pub category: String,
    pub integration_id: String,
    pub secure: bool,
    pub draft_version: Option<i32>,
    pub published_version: Option<i32>,
}

/// A Data Actions integration an action can belong to, with its live state (only an active
/// integration runs its actions).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionIntegration {
    pub id: String,
    pub name: String,
    pub reported: ReportedStateCode,
}

/// Everything the list shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionsOverview {
    pub integrations: Vec<ActionIntegration>,
    pub actions: Vec<ActionSummary>,
}

/// One action opened: the draft's form when there is a draft (else the published one's,
/// read-only until a draft is made from it).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionDetail {
    pub summary: ActionSummary,
    pub form: ActionForm,
    /// False when the form shows the published action (no draft yet).
    pub is_draft: bool,
}

/// What the window can say about a failed step, beyond Genesys's message.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum StepHint {
    /// The success template reads a variable the translation map does not define.
    #[serde(rename_all = "camelCase")]
    UndefinedVariable {
        variable: String,
        defined: Vec<String>,
        closest: Option<String>,
    },
    /// The integration's OAuth client lacks permissions the endpoint needs.
    MissingPermission { permissions: Vec<String> },
    /// The integration's credential could not get a token.
    Authentication,
    /// The endpoint answered with an error status.
    RemoteEndpoint { status: Option<u16> },
    /// A template could not be filled from the inputs.
    Substitution,
    /// The inputs do not match the input contract.
    Input,
    /// The output does not match the output contract.
    OutputSchema,
    /// The draft itself is invalid.
    Draft,
}

/// A failed step's error, as Genesys sent it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StepError {
    pub message: String,
    pub code: Option<String>,
    pub status: Option<u16>,
    pub context_id: Option<String>,
    /// `details[].errorCode`, e.g. `ACTION.PROCESSING`.
    pub error_codes: Vec<String>,
    /// The messages of the errors it holds (`errors[]`), e.g. the endpoint's own answer.
    pub causes: Vec<String>,
}

/// One operation of a test run.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TestStep {
    pub step: u32,
    /// The org's name for the operation (English, as Genesys sends it).
    pub name: String,
    pub success: bool,
    pub error: Option<StepError>,
    pub hint: Option<StepHint>,
}

/// A test run: the steps the org ran, and the output (pretty JSON) when it succeeded. With
/// `problems`, the inputs were refused in Rust and nothing was sent.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TestRun {
    pub problems: Vec<FormProblem>,
    pub success: bool,
    pub steps: Vec<TestStep>,
    pub output: Option<String>,
    /// The run's final error when no step carries it.
    pub error: Option<StepError>,
}

/// A routing queue a test input can name (the test card's queue picker).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QueueChoice {
    pub id: String,
    pub name: String,
    pub member_count: Option<u32>,
}
