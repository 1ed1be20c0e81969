//! Which permissions a request needs, from the org's own API description: the catalog read out
//! of a Swagger 2.0 document's `x-inin-requires-permissions` (`catalog.rs`), the request an
//! action's method and URL template make matched against it (`derive.rs`), and the weakest
//! grant that satisfies a requirement, with what a set of grants covers (`least.rs`).

mod catalog;
mod derive;
mod least;
#[cfg(test)]
mod tests;

pub use catalog::{Catalog, Need, NeedKind, Operation, MAX_DOCUMENT_BYTES};
pub use derive::{request_path, NotDerivable, Requirement};
pub use least::{covers, grants_any, least_of, policies_for, risky, weakness};
