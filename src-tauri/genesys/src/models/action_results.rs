//! What running or validating a data action answers: `TestExecutionResult` with its numbered
//! operations, and `DraftValidationResult` (platform-client-sdk-python
//! build/docs/TestExecutionResult.md, TestExecutionOperationResult.md,
//! DraftValidationResult.md). Read leniently: a field of another shape reads as empty, and an
//! operation that is not an object is left out, so one odd step never hides the others.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::integration_config::lenient;
use super::ErrorBody;

/// `TestExecutionResult`: the operations in the order Genesys ran them, the error that ended
/// the test, the output an execute would have returned, and whether the test passed (a result
/// that does not say reads as failed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestExecutionResult {
    #[serde(default, with = "lenient_list")]
    pub operations: Vec<TestOperation>,
    #[serde(default, with = "lenient", skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorBody>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_result: Option<Value>,
    #[serde(default, with = "lenient")]
    pub success: bool,
}

/// `TestExecutionOperationResult`: one numbered step. The admin UI's test tool shows ten
/// (workshop screenshot `testtool.PNG`; no SDK names them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestOperation {
    #[serde(default, with = "lenient")]
    pub step: u32,
    #[serde(default, with = "lenient")]
    pub name: String,
    #[serde(default, with = "lenient")]
    pub success: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    #[serde(default, with = "lenient", skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorBody>,
}

/// `DraftValidationResult`: whether the draft is valid, else why (one `ErrorBody` each).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftValidation {
    #[serde(default, with = "lenient")]
    pub valid: bool,
    #[serde(default, with = "lenient_list")]
    pub errors: Vec<ErrorBody>,
}

impl TestExecutionResult {
    /// The first operation that failed, if any.
    pub fn failed_operation(&self) -> Option<&TestOperation> {
        self.operations.iter().find(|o| !o.success)
    }
}

/// `#[serde(with)]` for a list read element by element: an element of another shape is left
/// out, a list of another shape (or `null`) reads as empty.
pub(crate) mod lenient_list {
    use serde::de::DeserializeOwned;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value;

    pub fn serialize<T: Serialize, S: Serializer>(list: &[T], s: S) -> Result<S::Ok, S::Error> {
        list.serialize(s)
    }

    pub fn deserialize<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: DeserializeOwned,
    {
        let items = match Value::deserialize(d)? {
            Value::Array(items) => items,
            _ => Vec::new(),
        };
        Ok(items
            .into_iter()
            .filter_map(|item| serde_json::from_value(item).ok())
            .collect())
    }
}
