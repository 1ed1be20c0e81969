//! `*EntityListing`: one page of a Genesys page-number listing (the SDKs' `…EntityListing` models: entities, pageSize, pageNumber, total, pageCount, nextUri).

use serde::Deserialize;

/// One page: its entities and, when Genesys gives them, where it stands among the pages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    pub entities: Vec<T>,
    /// The page size the server used (it may cap the one asked for).
    #[serde(default)]
    pub page_size: Option<u64>,
    #[serde(default)]
    pub page_number: Option<u64>,
    #[serde(default)]
    pub page_count: Option<u64>,
    #[serde(default)]
    pub total: Option<u64>,
}
