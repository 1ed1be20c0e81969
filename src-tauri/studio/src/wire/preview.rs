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

/// Why no sample can be drafted from the org's API description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum NoDraft {
    /// The URL's path comes from an input: only a run tells which endpoint it calls.
    BuiltFromInput,
    /// Not a Platform API path; another host's answers are not described.
    NotPlatformApi,
    /// The description has no such operation.
    UnknownEndpoint,
    /// The operation is described with no answer body.
    NoModel,
}

/// A sample response drafted from the answer model of the endpoint the action calls.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum SampleDraft {
    Drafted {
        /// The operation's path template as the description writes it.
        path: String,
        /// The answer's definition, when the description names one.
        model: Option<String>,
        /// Pretty-printed JSON; strings are their property's name, numbers 0, enums the first.
        sample: String,
        catalog: super::privileges::CatalogInfo,
    },
    Unavailable {
        reason: NoDraft,
        /// The path as matched, when there is one.
        path: Option<String>,
    },
}

/// Where a kept sample came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SampleSource {
    Captured,
    Pasted,
    Drafted,
}

/// The sample kept with an action (its fixture), read back when the action is opened again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KeptSample {
    pub sample: String,
    pub source: SampleSource,
    /// Seconds since the Unix epoch when it was kept.
    #[ts(type = "number")]
    pub saved_at: u64,
}
