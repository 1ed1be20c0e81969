//! The rules a data action keeps, checked in Rust before any request that would save it: the
//! contract rules (`contract.rs`) and those of its other fields (`definition.rs`). Each broken
//! rule is a [`ContractProblem`] naming its field; the window words it by its code, and the
//! API refuses to send a body that breaks one ([`crate::Error::ActionRules`]).

mod contract;
mod definition;
mod problem;
#[cfg(test)]
mod tests;

pub use contract::{
    contract_problems, input_schema_problems, output_schema_problems, valid_input_name,
    RESERVED_INPUT_NAMES, SIMPLE_TYPES,
};
pub use definition::{
    config_problems, frozen_problems, integration_problems, text_problems, MAX_TEXT_CHARS, METHODS,
    TIMEOUT_SECONDS,
};
pub use problem::{ContractProblem, ContractRule};

use crate::error::{Error, Result};
use crate::models::{DraftUpdate, NewAction, PublishedUpdate};

/// Every rule a new draft breaks: name, category, integration, config, contract.
pub fn check_new_action(action: &NewAction) -> Vec<ContractProblem> {
    let mut out = text_problems("name", &action.name);
    out.extend(text_problems("category", &action.category));
    out.extend(integration_problems(&action.integration_id));
    out.extend(config_problems(&action.config));
    out.extend(contract_problems(&action.contract));
    out
}

/// Every rule the fields a draft change sends break (fields it leaves out are not checked).
pub fn check_draft_update(update: &DraftUpdate) -> Vec<ContractProblem> {
    let mut out = Vec::new();
    if let Some(name) = &update.name {
        out.extend(text_problems("name", name));
    }
    if let Some(category) = &update.category {
        out.extend(text_problems("category", category));
    }
    if let Some(config) = &update.config {
        out.extend(config_problems(config));
    }
    if let Some(contract) = &update.contract {
        out.extend(contract_problems(contract));
    }
    out
}

/// Every rule the fields a published action's change sends break. It cannot carry a contract
/// or `secure` at all: [`PublishedUpdate`] has neither.
pub fn check_published_update(update: &PublishedUpdate) -> Vec<ContractProblem> {
    let mut out = Vec::new();
    if let Some(name) = &update.name {
        out.extend(text_problems("name", name));
    }
    if let Some(category) = &update.category {
        out.extend(text_problems("category", category));
    }
    if let Some(config) = &update.config {
        out.extend(config_problems(config));
    }
    out
}

/// `Ok` when nothing is broken, else [`Error::ActionRules`] with every problem.
pub fn refuse(problems: Vec<ContractProblem>) -> Result<()> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::ActionRules { problems })
    }
}
