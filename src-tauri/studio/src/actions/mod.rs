//! The Data actions screen's use cases: the list of the org's actions by integration, the
//! editor's form and its rules, saving a draft at its version, testing it with the ten steps
//! explained, publishing, a draft from a published action, and delete.

pub mod explain;
pub mod inputs;
pub mod preset;
pub mod response_rules;
pub mod schema;
