//! Each org's permission catalog, read from its region's API description once and kept on disk
//! with the date it was read, one file per org target (`<folder>/<target>.json`), so that the
//! derivation works offline from the copy. A copy younger than [`FRESH_FOR`] is used as it is;
//! an older one is downloaded again, and kept (marked stale) when the download fails.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use genesys::api::Client;
use genesys::permissions::Catalog;
use genesys::setup::write_atomically;
use serde::{Deserialize, Serialize};

use crate::wire::privileges::CatalogInfo;
use crate::CommandResult;

/// Genesys adds endpoints often but changes an existing one's permissions rarely: a week.
pub const FRESH_FOR: Duration = Duration::from_secs(7 * 24 * 3600);

/// The layout of a cached copy: 2 keeps the GET answers' models too. An older copy is read
/// again from the org (and still used when that fails).
const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Stored {
    fetched_at: u64,
    #[serde(default)]
    format: u32,
    catalog: Catalog,
}

/// The folder of cached catalogs.
#[derive(Debug, Clone)]
pub struct CatalogCache {
    folder: PathBuf,
}

/// Seconds since the Unix epoch (0 on a clock set before it).
pub(crate) fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Text as one path segment: letters, digits, `-` and `.` kept, anything else `_`, and never
/// `.` or `..` alone (the kept samples use it too).
pub(crate) fn path_segment(text: &str) -> String {
    let safe: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.chars().all(|c| c == '.') {
        safe.replace('.', "_")
    } else {
        safe
    }
}

/// A file name from an org target code.
fn file_name(target: &str) -> String {
    format!("{}.json", path_segment(target))
}

impl CatalogCache {
    pub fn new(folder: impl Into<PathBuf>) -> CatalogCache {
        CatalogCache {
            folder: folder.into(),
        }
    }

    fn path(&self, target: &str) -> PathBuf {
        self.folder.join(file_name(target))
    }

    /// The copy on disk; an unreadable one counts as none (it is only a cache).
    fn load(path: &Path) -> Option<Stored> {
        let bytes = std::fs::read(path).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// The copy of `target`'s catalog, whatever its age, without asking the org.
    pub fn cached(&self, target: &str) -> Option<Catalog> {
        CatalogCache::load(&self.path(target)).map(|s| s.catalog)
    }

    /// The catalog of `target`, from the copy when it is fresh, else downloaded with `client`.
    pub async fn get(
        &self,
        target: &str,
        client: &Client,
    ) -> CommandResult<(Catalog, CatalogInfo)> {
        let path = self.path(target);
        let stored = {
            let path = path.clone();
            tokio::task::spawn_blocking(move || CatalogCache::load(&path))
                .await
                .ok()
                .flatten()
        };
        let info = |s: &Stored, stale: bool| CatalogInfo {
            fetched_at: s.fetched_at,
            operations: u32::try_from(s.catalog.operations.len()).unwrap_or(u32::MAX),
            stale,
        };
        if let Some(s) = &stored {
            if s.format >= FORMAT && now().saturating_sub(s.fetched_at) < FRESH_FOR.as_secs() {
                return Ok((s.catalog.clone(), info(s, false)));
            }
        }
        match client.api_permission_catalog().await {
            Ok(catalog) => {
                let fresh = Stored {
                    fetched_at: now(),
                    format: FORMAT,
                    catalog,
                };
                let bytes = serde_json::to_vec(&fresh).unwrap_or_default();
                let temp = format!(".{}.tmp", file_name(target));
                let written =
                    tokio::task::spawn_blocking(move || write_atomically(&path, &temp, &bytes))
                        .await;
                if !matches!(written, Ok(Ok(()))) {
                    // Still usable now; the next screen downloads it again.
                    log::warn!("the API description was read but not cached");
                }
                let out = info(&fresh, false);
                Ok((fresh.catalog, out))
            }
            Err(e) => match stored {
                Some(s) => {
                    log::info!(
                        "the API description could not be read again ({:?}); using the copy",
                        e.kind()
                    );
                    let out = info(&s, true);
                    Ok((s.catalog, out))
                }
                None => Err(e.into()),
            },
        }
    }
}
