//! Every page of a Genesys page-number listing (security-matrix.md G1/G2): follow `pageCount`, stop at an
//! empty page, never past [`MAX_PAGES`], and keep each id once even if the listing shifts. A
//! server that caps the page size on page 1 is asked with its own size from then on. Once page
//! 1 gives `pageCount`, the next pages are asked for a few at a time (as many as the client lets
//! be in flight), and kept in page order.

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use tokio::task::JoinSet;

use super::Client;
use crate::error::{Error, Result};
use crate::models::Page;
use crate::secrets::Secret;

/// No listing is followed past this many pages, whatever `pageCount` says.
pub const MAX_PAGES: u64 = 1_000;

/// The entities kept so far, each id once (first seen kept).
struct Kept<T> {
    seen: HashSet<String>,
    all: Vec<T>,
}

impl<T> Kept<T> {
    fn add(&mut self, entities: Vec<T>, id_of: &impl Fn(&T) -> &str) {
        for entity in entities {
            if self.seen.insert(id_of(&entity).to_owned()) {
                self.all.push(entity);
            }
        }
    }
}

impl Client {
    /// `GET {path}?pageSize={page_size}&pageNumber=1,2,…` (or `&…` after an existing query)
    /// until the last page; entities are deduplicated by `id_of`, first seen kept.
    pub async fn all_pages<T: DeserializeOwned + Send + 'static>(
        &self,
        path: &str,
        page_size: u32,
        token: &Secret,
        id_of: impl Fn(&T) -> &str,
    ) -> Result<Vec<T>> {
        let separator = if path.contains('?') { '&' } else { '?' };
        let asked = u64::from(page_size.max(1));
        let first: Page<T> = self
            .get(
                &format!("{path}{separator}pageSize={asked}&pageNumber=1"),
                token,
            )
            .await?;
        // Page 2 at a size the server does not use would skip entities.
        let size = first
            .page_size
            .filter(|s| (1..asked).contains(s))
            .unwrap_or(asked);
        let page_path =
            |number: u64| format!("{path}{separator}pageSize={size}&pageNumber={number}");
        let (count, empty) = (first.page_count, first.entities.is_empty());
        let mut kept = Kept {
            seen: HashSet::new(),
            all: Vec::new(),
        };
        kept.add(first.entities, &id_of);
        if empty || count.is_some_and(|c| c <= 1) {
            return Ok(kept.all);
        }
        // The latest page's `pageCount` says how far to go. Without one, a page at a time:
        // only an empty page says where the listing ends.
        let mut count = count;
        let mut number = 2;
        while number <= count.unwrap_or(MAX_PAGES).min(MAX_PAGES) {
            let last = count.unwrap_or(MAX_PAGES).min(MAX_PAGES);
            let width = count.map_or(1, |_| self.max_in_flight() as u64);
            let window = number..=(number + width - 1).min(last);
            let mut pages = JoinSet::new();
            for n in window.clone() {
                let (client, token, page) = (self.clone(), token.clone(), page_path(n));
                pages.spawn(async move { (n, client.get::<Page<T>>(&page, &token).await) });
            }
            let mut got = Vec::new();
            while let Some(done) = pages.join_next().await {
                let (n, page) =
                    done.map_err(|e| Error::Unexpected(format!("a page read failed: {e}")))?;
                got.push((n, page?));
            }
            got.sort_by_key(|(n, _)| *n);
            for (n, page) in got {
                let empty = page.entities.is_empty();
                count = page.page_count;
                kept.add(page.entities, &id_of);
                if empty || count.is_some_and(|c| n >= c) {
                    return Ok(kept.all);
                }
            }
            number = window.end() + 1;
        }
        Err(Error::Unexpected(format!(
            "the listing {path} did not end within {MAX_PAGES} pages"
        )))
    }
}
