//! A draft test's answer (`TestExecutionResult`) as the window draws it: each operation with
//! its error in Genesys's words (message, code, status, `contextId`, `details[].errorCode`, the
//! messages of the errors it holds) and a hint for the failed one; the output as pretty JSON.

use genesys::models::{ErrorBody, TestExecutionResult};

use super::explain;
use crate::wire::actions::{FormProblem, StepError, TestRun, TestStep};

fn step_error(e: &ErrorBody) -> StepError {
    StepError {
        message: e.message.clone().unwrap_or_default(),
        code: e.code.clone(),
        status: e.status.and_then(|s| u16::try_from(s).ok()),
        context_id: e.context_id.clone(),
        error_codes: e
            .details
            .iter()
            .filter_map(|d| d.error_code.clone())
            .collect(),
        causes: e.errors.iter().filter_map(|n| n.message.clone()).collect(),
    }
}

/// The hint reads the causes too: a 403 at the endpoint is inside the step's error.
fn hint_for(
    step: u32,
    error: &StepError,
    keys: &[String],
) -> Option<crate::wire::actions::StepHint> {
    let mut whole = error.clone();
    if !error.causes.is_empty() {
        whole.message = format!("{} {}", error.message, error.causes.join(" "));
    }
    explain::hint(step, &whole, keys)
}

pub fn view(result: &TestExecutionResult, keys: &[String]) -> TestRun {
    let steps = result
        .operations
        .iter()
        .map(|op| {
            let error = op.error.as_ref().filter(|_| !op.success).map(step_error);
            TestStep {
                step: op.step,
                name: op.name.clone(),
                success: op.success,
                hint: error.as_ref().and_then(|e| hint_for(op.step, e, keys)),
                error,
            }
        })
        .collect();
    TestRun {
        problems: Vec::new(),
        success: result.success,
        steps,
        output: result
            .final_result
            .as_ref()
            .filter(|_| result.success)
            .and_then(|v| serde_json::to_string_pretty(v).ok()),
        error: result.error.as_ref().map(step_error),
    }
}

/// The inputs were refused in Rust: nothing ran.
pub fn refused(problems: Vec<FormProblem>) -> TestRun {
    TestRun {
        problems,
        success: false,
        steps: Vec::new(),
        output: None,
        error: None,
    }
}
