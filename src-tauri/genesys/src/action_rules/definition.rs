//! The rules of an action's other fields: name and category required and at most 256
//! characters, an integration named, `timeoutSeconds` 1–60, one of five methods; and a published
//! action's contract and `secure`, which cannot change.

use std::ops::RangeInclusive;

use super::problem::{ContractProblem, ContractRule};
use crate::models::{Action, ActionConfig, ActionContract};

/// Longest name and category, in characters ("Can be up to 256 characters long":
/// platform-client-sdk-python build/docs/PostActionInput.md).
pub const MAX_TEXT_CHARS: usize = 256;
/// `timeoutSeconds` ("Optional 1-60 second timeout": build/docs/ActionConfig.md; Terraform
/// validates `IntBetween(1, 60)`, terraform-provider-genesyscloud
/// genesyscloud/integration_action/resource_genesyscloud_integration_action_schema.go).
pub const TIMEOUT_SECONDS: RangeInclusive<i64> = 1..=60;
/// The methods an action may use, as Terraform validates `request_type` (same file,
/// `StringInSlice` without ignoring case).
pub const METHODS: [&str; 5] = ["GET", "PUT", "POST", "PATCH", "DELETE"];

/// A required text of at most [`MAX_TEXT_CHARS`] characters (`field` is `name` or `category`).
pub fn text_problems(field: &str, text: &str) -> Vec<ContractProblem> {
    if text.trim().is_empty() {
        vec![ContractProblem::new(field, ContractRule::Required)]
    } else if text.chars().count() > MAX_TEXT_CHARS {
        vec![ContractProblem::with(
            field,
            ContractRule::TooLong,
            MAX_TEXT_CHARS.to_string(),
        )]
    } else {
        Vec::new()
    }
}

/// `integrationId` named (`PostActionInput` requires it).
pub fn integration_problems(integration_id: &str) -> Vec<ContractProblem> {
    if integration_id.trim().is_empty() {
        vec![ContractProblem::new(
            "integrationId",
            ContractRule::Required,
        )]
    } else {
        Vec::new()
    }
}

/// `config.timeoutSeconds` within [`TIMEOUT_SECONDS`] when given, and
/// `config.request.requestType` one of [`METHODS`].
pub fn config_problems(config: &ActionConfig) -> Vec<ContractProblem> {
    let mut out = Vec::new();
    if let Some(t) = config
        .timeout_seconds
        .filter(|t| !TIMEOUT_SECONDS.contains(t))
    {
        out.push(ContractProblem::with(
            "config.timeoutSeconds",
            ContractRule::TimeoutRange,
            t.to_string(),
        ));
    }
    let method = config.request.request_type.as_str();
    if !METHODS.contains(&method) {
        out.push(ContractProblem::with(
            "config.request.requestType",
            ContractRule::Method,
            method,
        ));
    }
    out
}

/// A change to `published` (a published action read with `expand=contract`) that would give it
/// another contract or `secure`: "You cannot change the contracts after you publish the action"
/// (help ?p=141876), and Terraform makes `contract_input`, `contract_output` and `secure`
/// ForceNew (resource_genesyscloud_integration_action_schema.go). Schemas compare as JSON
/// (member order aside). A `published` read without its contract is compared on `secure` only.
pub fn frozen_problems(
    published: &Action,
    contract: Option<&ActionContract>,
    secure: Option<bool>,
) -> Vec<ContractProblem> {
    let mut out = Vec::new();
    if let (Some(wanted), Some(current)) = (contract, published.contract.as_ref()) {
        if wanted.input.input_schema != current.input.input_schema {
            out.push(ContractProblem::new(
                super::contract::INPUT,
                ContractRule::Frozen,
            ));
        }
        if wanted.output.success_schema != current.output.success_schema {
            out.push(ContractProblem::new(
                super::contract::OUTPUT,
                ContractRule::Frozen,
            ));
        }
    }
    if secure.is_some_and(|s| s != published.secure) {
        out.push(ContractProblem::new("secure", ContractRule::Frozen));
    }
    out
}
