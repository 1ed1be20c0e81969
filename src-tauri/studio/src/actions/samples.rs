//! A data action's sample response beyond the preview: drafted from the answer model of the
//! endpoint the action calls (the org's API description, from the cache the permissions use),
//! and kept with the action as its fixture, one file per action under
//! `<folder>/<org target>/<action id>.json`, so that the preview has it again when the action
//! is opened. A kept sample is the admin's own data: it stays on this machine and is never sent.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use genesys::permissions::{NotDerivable, Requirement};
use genesys::setup::write_atomically;

use super::invalid;
use super::privileges::catalog_cache::{now, path_segment};
use super::privileges::CatalogCache;
use crate::wire::actions::ActionForm;
use crate::wire::preview::{KeptSample, NoDraft, SampleDraft, SampleSource};
use crate::{CommandResult, OrgContext};

/// The largest sample kept: four times the ~1 MB answer the preview bench reads.
pub const MAX_KEPT_BYTES: usize = 4 * 1024 * 1024;

/// The answer `form`'s request would get, drafted from the org's description of that endpoint.
pub async fn draft(
    org: &OrgContext,
    cache: &CatalogCache,
    form: &ActionForm,
) -> CommandResult<SampleDraft> {
    let (catalog, info) = cache.get(org.target().code(), org.session.client()).await?;
    let unavailable = |reason, path: Option<&str>| SampleDraft::Unavailable {
        reason,
        path: path.map(str::to_owned),
    };
    let path = match catalog.requirement(&form.method, &form.url_template) {
        Requirement::Needs { path, .. } | Requirement::NoneNeeded { path, .. } => path,
        Requirement::Unknown { path, .. } => {
            return Ok(unavailable(NoDraft::UnknownEndpoint, Some(&path)))
        }
        Requirement::CannotDerive(NotDerivable::BuiltFromInput) => {
            return Ok(unavailable(NoDraft::BuiltFromInput, None))
        }
        Requirement::CannotDerive(NotDerivable::NotPlatformApi) => {
            return Ok(unavailable(NoDraft::NotPlatformApi, None))
        }
    };
    let Some(drafted) = catalog.models.draft(&form.method, &path) else {
        return Ok(unavailable(NoDraft::NoModel, Some(&path)));
    };
    Ok(SampleDraft::Drafted {
        path,
        model: drafted.model,
        sample: serde_json::to_string_pretty(&drafted.sample).unwrap_or_default(),
        catalog: info,
    })
}

/// The kept samples of every org, one folder per org target.
#[derive(Debug, Clone)]
pub struct SampleShelf {
    folder: PathBuf,
}

/// Ids are uuids in Genesys; anything longer than this is not one.
const MAX_ID_CHARS: usize = 100;

fn checked_id(action_id: &str) -> CommandResult<&str> {
    let id = action_id.trim();
    if id.is_empty() || id.chars().count() > MAX_ID_CHARS {
        return Err(invalid(format!("{id:?} is not an action id")));
    }
    Ok(id)
}

impl SampleShelf {
    pub fn new(folder: impl Into<PathBuf>) -> SampleShelf {
        SampleShelf {
            folder: folder.into(),
        }
    }

    fn path(&self, target: &str, action_id: &str) -> PathBuf {
        self.folder
            .join(path_segment(target))
            .join(format!("{}.json", path_segment(action_id)))
    }

    /// The sample kept for `action_id` in `target`; an unreadable file counts as none.
    pub fn kept(&self, target: &str, action_id: &str) -> CommandResult<Option<KeptSample>> {
        let path = self.path(target, checked_id(action_id)?);
        Ok(read(&path))
    }

    /// Keeps `sample` for `action_id`, replacing the one before; an empty sample forgets it.
    pub fn keep(
        &self,
        target: &str,
        action_id: &str,
        sample: &str,
        source: SampleSource,
    ) -> CommandResult<Option<KeptSample>> {
        let path = self.path(target, checked_id(action_id)?);
        if sample.trim().is_empty() {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(genesys::Error::Storage(e.to_string()).into()),
            }
            return Ok(None);
        }
        if sample.len() > MAX_KEPT_BYTES {
            return Err(invalid(format!(
                "a sample of {} bytes is over the {MAX_KEPT_BYTES} kept",
                sample.len()
            )));
        }
        let kept = KeptSample {
            sample: sample.to_owned(),
            source,
            saved_at: now(),
        };
        let bytes = serde_json::to_vec(&kept).map_err(|e| invalid(e.to_string()))?;
        write_atomically(&path, &temp_name(&path), &bytes)?;
        Ok(Some(kept))
    }
}

/// A temporary name next to `path` that no other write in this process uses at the same time.
fn temp_name(path: &Path) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

fn read(path: &Path) -> Option<KeptSample> {
    let bytes = std::fs::read(path).ok()?;
    if bytes.len() > MAX_KEPT_BYTES * 2 {
        return None;
    }
    serde_json::from_slice(&bytes).ok()
}
