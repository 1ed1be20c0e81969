//! Running an action with inputs: a test of the draft or of the published action, which
//! answers each numbered operation, and an execute, which answers the output alone
//! (platform-client-sdk-python build/docs/IntegrationsApi.md: `post_integrations_action_draft_test`,
//! `post_integrations_action_test`, `post_integrations_action_execute`; each takes `flatten`).
//! The body is the inputs as one JSON object. A POST is never sent twice.

use reqwest::Method;
use serde_json::{Map, Value};

use super::{action_path, draft_path, Client};
use crate::error::Result;
use crate::models::TestExecutionResult;
use crate::secrets::Secret;

/// `path?flatten=…`: `true` answers the output in Architect's flattened form, as flows get it.
fn with_flatten(path: String, flatten: bool) -> String {
    format!("{path}?flatten={flatten}")
}

impl Client {
    /// `POST …/{id}/draft/test?flatten=`: the draft run step by step with `input`.
    pub async fn test_action_draft(
        &self,
        id: &str,
        input: &Map<String, Value>,
        flatten: bool,
        token: &Secret,
    ) -> Result<TestExecutionResult> {
        let path = with_flatten(format!("{}/test", draft_path(id)), flatten);
        self.send_json(Method::POST, &path, token, input).await
    }

    /// `POST …/{id}/test?flatten=`: the published action run step by step with `input`.
    pub async fn test_action(
        &self,
        id: &str,
        input: &Map<String, Value>,
        flatten: bool,
        token: &Secret,
    ) -> Result<TestExecutionResult> {
        let path = with_flatten(format!("{}/test", action_path(id)), flatten);
        self.send_json(Method::POST, &path, token, input).await
    }

    /// `POST …/{id}/execute?flatten=`: the published action's output for `input`, shaped by its
    /// success schema. A failed run is an [`crate::Error::Api`] (e.g. 400 `no.results`,
    /// `invalid.schema`, 500 `invalid.substitution`: the operation's `x-inin-error-codes` in
    /// platform-client-sdk-javascript swagger.json).
    pub async fn execute_action(
        &self,
        id: &str,
        input: &Map<String, Value>,
        flatten: bool,
        token: &Secret,
    ) -> Result<Value> {
        let path = with_flatten(format!("{}/execute", action_path(id)), flatten);
        self.send_json(Method::POST, &path, token, input).await
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn flatten_is_always_said() {
        assert_eq!(super::with_flatten("/x".into(), false), "/x?flatten=false");
        assert_eq!(super::with_flatten("/x".into(), true), "/x?flatten=true");
    }
}
