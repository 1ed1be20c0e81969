//! Every page of a Genesys page-number listing (matrix G1/G2): follow `pageCount`, stop at an
//! empty page, never past [`MAX_PAGES`], and keep each id once even if the listing shifts. A
//! server that caps the page size on page 1 is asked with its own size from then on.

use std::collections::HashSet;

use serde::de::DeserializeOwned;

use super::Client;
use crate::error::{Error, Result};
use crate::models::Page;
use crate::secrets::Secret;

/// No listing is followed past this many pages, whatever `pageCount` says.
pub const MAX_PAGES: u64 = 1_000;

impl Client {
    /// `GET {path}?pageSize={page_size}&pageNumber=1,2,…` (or `&…` after an existing query)
    /// until the last page; entities are deduplicated by `id_of`, first seen kept.
    pub async fn all_pages<T: DeserializeOwned>(
        &self,
        path: &str,
        page_size: u32,
        token: &Secret,
        id_of: impl Fn(&T) -> &str,
    ) -> Result<Vec<T>> {
        let separator = if path.contains('?') { '&' } else { '?' };
        let mut seen = HashSet::new();
        let mut all = Vec::new();
        let mut size = u64::from(page_size.max(1));
        for number in 1..=MAX_PAGES {
            let page: Page<T> = self
                .get(
                    &format!("{path}{separator}pageSize={size}&pageNumber={number}"),
                    token,
                )
                .await?;
            if number == 1 {
                // Page 2 at a size the server does not use would skip entities.
                size = page
                    .page_size
                    .filter(|s| (1..size).contains(s))
                    .unwrap_or(size);
            }
            let empty = page.entities.is_empty();
            for entity in page.entities {
                if seen.insert(id_of(&entity).to_owned()) {
                    all.push(entity);
                }
            }
            if empty || page.page_count.is_some_and(|count| number >= count) {
                return Ok(all);
            }
        }
        Err(Error::Unexpected(format!(
            "the listing {path} did not end within {MAX_PAGES} pages"
        )))
    }
}
