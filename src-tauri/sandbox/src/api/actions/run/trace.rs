//! The record of a run: one `TestExecutionOperationResult {step, name, success, result, error}`
//! per step taken, ending at the first failure, and the `TestExecutionResult` built from them.

use serde_json::{json, Value};

use crate::error_body::ApiError;

/// The test tool's operations, numbered from 1, as the admin UI lists them
/// (genesys-samples/DataActionsWorkshop content/en-US/020-Configuration/40_fourth.md, its
/// screenshot of the test tool).
pub const STEPS: [&str; 10] = [
    "Validate request body contains simple json (key-value pairs)",
    "Validate draft definition",
    "Validate request body against simple input schema",
    "Perform authentication",
    "Resolve request URL template",
    "Resolve request header templates",
    "Resolve request body template",
    "Execute",
    "Resolve translation map",
    "Apply output transformation",
];

/// What a step hands on to the next ones, and what it shows as its `result` (an object, as
/// `TestExecutionOperationResult.result` is typed).
pub type Outcome<T> = Result<(T, Value), ApiError>;

/// The operations so far and, once one failed, its error.
pub struct Trace {
    operations: Vec<Value>,
    failure: Option<ApiError>,
    /// The `contextId` embedded errors carry: the test request's correlation id.
    context_id: String,
}

impl Trace {
    pub fn new(context_id: String) -> Trace {
        Trace {
            operations: Vec::new(),
            failure: None,
            context_id,
        }
    }

    /// Record step `number` (1–10); the value it hands on, or `None` when it failed.
    pub fn step<T>(&mut self, number: usize, outcome: Outcome<T>) -> Option<T> {
        let name = STEPS.get(number.wrapping_sub(1)).copied().unwrap_or("");
        match outcome {
            Ok((carried, result)) => {
                let result = if result.is_object() {
                    result
                } else {
                    json!({ "value": result })
                };
                self.operations.push(json!({
                    "step": number, "name": name, "success": true, "result": result,
                }));
                Some(carried)
            }
            Err(error) => {
                self.operations.push(json!({
                    "step": number, "name": name, "success": false,
                    "error": error.body(&self.context_id),
                }));
                self.failure = Some(error);
                None
            }
        }
    }

    /// The failed step's error, if a step failed.
    pub fn failure(self) -> Option<ApiError> {
        self.failure
    }

    /// `TestExecutionResult`: the operations, and the final error or the final result.
    pub fn test_result(&self, final_result: Option<&Value>) -> Value {
        let mut out = json!({
            "operations": self.operations,
            "success": self.failure.is_none() && final_result.is_some(),
        });
        if let Some(error) = &self.failure {
            out["error"] = error.body(&self.context_id);
        } else if let Some(result) = final_result {
            out["finalResult"] = result.clone();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_ends_the_record_with_its_error() {
        let mut trace = Trace::new("ctx-1".into());
        assert_eq!(trace.step(1, Ok((7, json!({})))), Some(7));
        let failed: Option<()> = trace.step(2, Err(ApiError::bad_request("no")));
        assert!(failed.is_none());
        let result = trace.test_result(None);
        assert_eq!(result["success"], false);
        assert_eq!(result["operations"][1]["name"], "Validate draft definition");
        assert_eq!(result["operations"][1]["error"]["contextId"], "ctx-1");
        assert_eq!(result["error"]["message"], "no");
        assert!(result.get("finalResult").is_none());
    }
}
