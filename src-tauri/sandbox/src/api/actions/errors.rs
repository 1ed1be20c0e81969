//! The error bodies data actions answer with: a definition refused with every problem named, a
//! stale `version`, and the failures of a run's steps (`details[].errorCode` `ACTION.*`).

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::error_body::ApiError;

/// One thing wrong with an action's definition: where (`contract.input.inputSchema...`) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

impl Problem {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The problem as an `ErrorBody`, as `DraftValidationResult.errors[]` holds them.
    pub fn body(&self) -> Value {
        json!({
            "message": self.message,
            "code": "bad.request",
            "status": 400,
            "details": [{ "fieldName": self.field }],
            "errors": [],
        })
    }
}

/// 400 `bad.request` naming every problem: the message joins them, `details[]` names each
/// field and `errors[]` holds each as an `ErrorBody`. The wording is the Sandbox's (no public
/// source shows Genesys's).
pub fn refused(summary: &str, problems: &[Problem]) -> ApiError {
    let all: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    ApiError::bad_request(format!("{summary}: {}", all.join(" ")))
        .with_details(
            problems
                .iter()
                .map(|p| json!({ "fieldName": p.field }))
                .collect(),
        )
        .with_errors(problems.iter().map(Problem::body).collect())
}

/// 409 for a `version` that is not the current one. The message says the version "does not
/// match the current version": Terraform retries a change on a 409, or on a 400 whose message
/// contains those words (terraform-provider-genesyscloud genesyscloud/util/util_retries.go,
/// `IsVersionMismatch`), so either status leads a client to read the version again.
pub fn version_mismatch(given: i64, current: i64, what: &str) -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        "general.conflict",
        format!("Version {given} does not match the current version {current} of the {what}."),
    )
}

/// 400 for a change without its required `version`.
pub fn version_required() -> ApiError {
    ApiError::bad_request("version is required: send the current version of what you change.")
}

/// An `ErrorBody` of a failed step, with `details[].errorCode` naming the kind of failure
/// (`ACTION.PROCESSING`, `ACTION.AUTHENTICATION`, `ACTION.REMOTE_ENDPOINT`: the codes the
/// admin UI's test tool reports).
pub fn step(status: StatusCode, code: &str, message: impl Into<String>, kind: &str) -> ApiError {
    ApiError::new(status, code, message).with_details(vec![json!({ "errorCode": kind })])
}

/// Step 10's failure shape: 400 `bad.request` with `ACTION.PROCESSING`, and the message the
/// test tool shows ("Transform failed to process result using 'successTemplate' template due
/// to error:'...'").
pub fn transform_failed(why: &str) -> ApiError {
    step(
        StatusCode::BAD_REQUEST,
        "bad.request",
        format!("Transform failed to process result using 'successTemplate' template due to error:'{why}'"),
        "ACTION.PROCESSING",
    )
}

/// 500 `invalid.substitution` (platform-client-sdk-javascript swagger.json, `x-inin-error-codes`
/// of `POST /api/v2/integrations/actions/{actionId}/execute`), with what went wrong where.
pub fn invalid_substitution(field: &str, why: &str) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "invalid.substitution",
        format!("There was an issue substituting a value in one of the templates: {why}"),
    )
    .with_details(vec![json!({ "fieldName": field })])
}

/// 400 `invalid.schema` (the same operation's `x-inin-error-codes`), saying what does not fit.
pub fn invalid_schema(why: &str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "invalid.schema",
        format!("There was an issue validating the schema: {why}"),
    )
}
