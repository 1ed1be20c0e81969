//! The offline preview of an action being edited, as the window draws it: the test tool's ten
//! steps played locally over a sample response (steps 4 and 8 need the org, so the sample stands
//! in for them), each translation-map row with what it matches in the sample, the output, and
//! the output as Architect sees it flattened.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::actions::ActionForm;

/// What to preview: the form as it stands, a sample response (JSON text), the test inputs.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewRequest {
    pub form: ActionForm,
    pub sample: String,
    pub values: BTreeMap<String, String>,
}

/// How a step went offline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PreviewState {
    Passed,
    Failed,
    /// Needs the org (step 4 signs in, step 8 calls the endpoint); the sample stands in.
    Offline,
    /// An earlier step failed.
    NotRun,
}

/// One of the ten steps, numbered as the test tool numbers them (the window names each).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewStep {
    pub step: u8,
    pub state: PreviewState,
    /// Why it failed, in English from the engine (the window shows it with the step's name).
    pub message: Option<String>,
    /// What it produced: the resolved URL, a header, the body, the output.
    pub shown: Option<String>,
}

/// Whether the engine's reading of a path is Genesys's for certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Exactness {
    /// Plain RFC 9535 JSONPath: the same on the org.
    Exact,
    /// Uses a Jayway form the engine reproduces by its own reading (a filter operator, a tail
    /// function, a path without `$`), or one it cannot run: check it with a test on the org.
    CheckOnOrg,
}

/// One translation-map row over the sample.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewRow {
    pub key: String,
    pub path: String,
    /// How many values the path found (a definite path: 0 or 1).
    pub matches: u32,
    /// The value the success template gets, as JSON text.
    pub value: Option<String>,
    /// The path found nothing and the default stood in.
    pub defaulted: bool,
    pub exactness: Exactness,
    pub error: Option<String>,
}

/// One flattened output field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FlatField {
    pub name: String,
    /// JSON Schema type name, `array` for a flattened list.
    pub field_type: String,
}

/// The whole preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Preview {
    pub steps: Vec<PreviewStep>,
    pub rows: Vec<PreviewRow>,
    /// The output, pretty JSON, when step 10 passed.
    pub output: Option<String>,
    pub flattened: Vec<FlatField>,
    /// The sample is not JSON: the parser's message.
    pub sample_error: Option<String>,
}
