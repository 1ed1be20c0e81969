//! The bodies that create and change actions (`PostActionInput`, `UpdateDraftInput`,
//! `UpdateActionInput`, `PublishDraftInput`) and the rules a definition keeps whenever it is
//! saved: name and category lengths, `timeoutSeconds`, the HTTP method, and the contract rules.
//! Fields a body does not name keep their value; unknown fields (an `Action` sent back as it was
//! read, as the Premium-app wizard does) are ignored.

use serde::Deserialize;
use serde_json::Value;

use super::contract;
use super::errors::{refused, Problem};
use super::model::{ActionConfig, ActionDefinition, Contract};
use crate::error_body::ApiError;

/// Every field any of the four bodies carries.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionInput {
    pub name: Option<String>,
    pub category: Option<String>,
    pub integration_id: Option<String>,
    pub config: Option<ActionConfig>,
    pub contract: Option<ContractInput>,
    pub secure: Option<bool>,
    pub version: Option<i64>,
}

/// `ActionContractInput {input: {inputSchema}, output: {successSchema}}`.
#[derive(Debug, Default, Deserialize)]
pub struct ContractInput {
    #[serde(default)]
    input: Option<InputSchema>,
    #[serde(default)]
    output: Option<OutputSchema>,
}

#[derive(Debug, Default, Deserialize)]
struct InputSchema {
    #[serde(rename = "inputSchema")]
    input_schema: Option<Value>,
}

#[derive(Debug, Default, Deserialize)]
struct OutputSchema {
    #[serde(rename = "successSchema")]
    success_schema: Option<Value>,
}

impl ContractInput {
    /// Both schemas, or 400: `ActionContractInput` requires `input.inputSchema` and
    /// `output.successSchema` (platform-client-sdk-javascript build/index.d.ts).
    pub fn schemas(self) -> Result<Contract, ApiError> {
        let input = self.input.and_then(|i| i.input_schema);
        let output = self.output.and_then(|o| o.success_schema);
        match (input, output) {
            (Some(input_schema), Some(success_schema)) => Ok(Contract {
                input_schema,
                success_schema,
            }),
            _ => Err(ApiError::bad_request(
                "contract needs both input.inputSchema and output.successSchema.",
            )),
        }
    }
}

/// The methods an action may use (terraform-provider-genesyscloud
/// genesyscloud/integration_action/resource_genesyscloud_integration_action_schema.go validates
/// `request_type` against these).
pub const METHODS: [&str; 5] = ["GET", "PUT", "POST", "PATCH", "DELETE"];

/// Longest name and category (`PostActionInput`: "Can be up to 256 characters long").
const MAX_TEXT: usize = 256;

impl ActionInput {
    /// Write this body's fields over `def`. `frozen`: the action was published, so its contract
    /// and `secure` may not change (Terraform marks `contract_input`, `contract_output` and
    /// `secure` ForceNew: resource_genesyscloud_integration_action_schema.go).
    pub fn apply(self, def: &mut ActionDefinition, frozen: bool) -> Result<(), ApiError> {
        let contract = self.contract.map(ContractInput::schemas).transpose()?;
        if frozen {
            let contract_changes = contract.as_ref().is_some_and(|c| *c != def.contract);
            let secure_changes = self.secure.is_some_and(|s| s != def.secure);
            if contract_changes || secure_changes {
                return Err(ApiError::bad_request(
                    "The contract and secure cannot change once the action is published; create a new action instead.",
                ));
            }
        }
        if let Some(name) = self.name {
            def.name = name;
        }
        if let Some(category) = self.category {
            def.category = category;
        }
        if let Some(config) = self.config {
            def.config = config;
        }
        if let Some(contract) = contract {
            def.contract = contract;
        }
        if let Some(secure) = self.secure {
            def.secure = secure;
        }
        Ok(())
    }
}

/// 400 unless `def` keeps the rules every saved definition keeps.
pub fn check_saved(def: &ActionDefinition) -> Result<(), ApiError> {
    let problems = saved_problems(def);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(refused("The action is not valid", &problems))
    }
}

/// What a saved definition breaks: an empty or over-long name, an over-long category,
/// `timeoutSeconds` outside 1–60 (`ActionConfig.timeoutSeconds`: "Optional 1-60 second
/// timeout"), an unknown method, and the contract rules.
pub fn saved_problems(def: &ActionDefinition) -> Vec<Problem> {
    let mut out = Vec::new();
    if def.name.trim().is_empty() {
        out.push(Problem::new("name", "The action needs a name."));
    }
    if def.name.chars().count() > MAX_TEXT {
        out.push(Problem::new(
            "name",
            format!("The name is longer than {MAX_TEXT} characters."),
        ));
    }
    if def.category.chars().count() > MAX_TEXT {
        out.push(Problem::new(
            "category",
            format!("The category is longer than {MAX_TEXT} characters."),
        ));
    }
    if let Some(t) = def.config.timeout_seconds.filter(|t| !(1..=60).contains(t)) {
        out.push(Problem::new(
            "config.timeoutSeconds",
            format!("timeoutSeconds is {t}; it must be between 1 and 60."),
        ));
    }
    if let Some(method) = def
        .config
        .request
        .request_type
        .as_deref()
        .filter(|m| !METHODS.contains(m))
    {
        out.push(Problem::new(
            "config.request.requestType",
            format!("requestType {method} is not one of {}.", METHODS.join(", ")),
        ));
    }
    out.extend(contract::problems(
        &def.contract.input_schema,
        &def.contract.success_schema,
    ));
    out
}
