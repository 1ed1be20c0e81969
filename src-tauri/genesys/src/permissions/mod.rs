//! Which permissions a request needs, from the org's own API description: the catalog read out
//! of a Swagger 2.0 document's `x-inin-requires-permissions` (`catalog.rs`), the request an
//! action's method and URL template make matched against it (`derive.rs`), and the weakest
//! grant that satisfies a requirement, with what a set of grants covers (`least.rs`); and the GET
//! answers' models, to draft a sample response from (`models.rs`).

mod catalog;
mod derive;
mod least;
mod models;
#[cfg(test)]
mod models_tests;
#[cfg(test)]
mod tests;

pub use catalog::{Catalog, Need, NeedKind, Operation, MAX_DOCUMENT_BYTES};
pub use derive::{request_path, NotDerivable, Requirement};
pub use least::{covers, grants_any, least_of, policies_for, risky, weakness};
pub use models::{Draft, ResponseModels, MAX_DRAFT_DEPTH, MAX_DRAFT_VALUES};
