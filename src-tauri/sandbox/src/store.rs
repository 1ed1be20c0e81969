//! The shared state behind both hosts: the org under a lock, the knobs, pending sign-in codes,
//! and persistence of the org to the state file (temp file, fsync, rename) after each change.

use std::fs::{self, File};
use std::io::Write;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::clock;
use crate::codes::Codes;
use crate::error::Error;
use crate::error_body::ApiError;
use crate::ids;
use crate::knob_state::KnobState;
use crate::org::Org;
use crate::seed::SeedInfo;
use crate::variants::Variant;

/// Handle on the shared state, cloned into every handler.
#[derive(Clone)]
pub struct Ctx(pub Arc<Shared>);

impl Deref for Ctx {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    org: Mutex<Org>,
    /// The freshly seeded org that `reset` goes back to.
    pristine: Org,
    pub knobs: Mutex<KnobState>,
    /// The knobs as the options set them, restored by `reset`.
    initial_knobs: KnobState,
    pub codes: Mutex<Codes>,
    state_file: Option<PathBuf>,
    pub seed: SeedInfo,
    /// Where an unreadable state file was moved at start, if one was.
    pub set_aside: Option<PathBuf>,
    /// Whether the API host serves the `/__sandbox/...` knobs.
    pub control_routes: bool,
}

/// Lock a mutex, recovering the data if a previous holder panicked.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Shared {
    pub fn new(
        pristine: Org,
        state_file: Option<PathBuf>,
        knobs: KnobState,
        seed: SeedInfo,
        control_routes: bool,
    ) -> Result<Shared, Error> {
        let mut set_aside = None;
        let org = match &state_file {
            Some(path) if path.exists() => match load(path) {
                Ok(org) => org,
                // A torn or old-format file must not keep the org from starting (nor block the
                // reset that would repair it): it is kept under a dated name, and the org is
                // seeded anew.
                Err(Error::StateFileCorrupt { .. }) => {
                    set_aside = Some(move_aside(path)?);
                    save(path, &pristine)?;
                    pristine.clone()
                }
                Err(other) => return Err(other),
            },
            Some(path) => {
                save(path, &pristine)?;
                pristine.clone()
            }
            None => pristine.clone(),
        };
        Ok(Shared {
            org: Mutex::new(org),
            pristine,
            knobs: Mutex::new(knobs.clone()),
            initial_knobs: knobs,
            codes: Mutex::new(Codes::default()),
            state_file,
            seed,
            set_aside,
            control_routes,
        })
    }

    /// A new secret, code or token: 256 random bits, or `CANARY-<uuid>` when the canary knob is
    /// on (so a scan for `CANARY` finds every place one leaked to).
    pub fn new_secret(&self) -> String {
        if lock(&self.knobs).canary_secrets {
            format!("CANARY-{}", ids::new_id())
        } else {
            ids::random_token(32)
        }
    }

    /// Sandbox "now" in milliseconds (wall clock plus the clock knob).
    pub fn now_ms(&self) -> i64 {
        clock::now_ms(lock(&self.knobs).clock_offset_ms)
    }

    /// The variant in force: how to answer where real orgs may differ.
    pub fn variant(&self) -> Variant {
        lock(&self.knobs).variant
    }

    pub fn read<T>(&self, f: impl FnOnce(&Org) -> T) -> T {
        f(&lock(&self.org))
    }

    /// Run a change and, if it succeeded, persist the org before answering.
    pub fn mutate<T, E: From<ApiError>>(
        &self,
        f: impl FnOnce(&mut Org) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut org = lock(&self.org);
        let out = f(&mut org)?;
        if let Some(path) = &self.state_file {
            save(path, &org).map_err(|_| E::from(ApiError::internal()))?;
        }
        Ok(out)
    }

    /// Back to the seeded org (objects, tokens and codes gone) and to the knobs of the options.
    pub fn reset(&self) -> Result<(), Error> {
        *lock(&self.knobs) = self.initial_knobs.clone();
        let mut org = lock(&self.org);
        *org = self.pristine.clone();
        lock(&self.codes).clear();
        match &self.state_file {
            Some(path) => save(path, &org),
            None => Ok(()),
        }
    }
}

fn load(path: &Path) -> Result<Org, Error> {
    let bytes = fs::read(path).map_err(|source| Error::StateFileIo {
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|source| Error::StateFileCorrupt {
        path: path.to_owned(),
        source,
    })
}

/// Write the org atomically: a reader sees the old file or the new one, never a mix. The
/// temporary file has a name of its own (process id and random digits) and is created only if
/// no such file exists, so two writers never write into one temporary file.
pub fn save(path: &Path, org: &Org) -> Result<(), Error> {
    let io_error = |source| Error::StateFileIo {
        path: path.to_owned(),
        source,
    };
    let bytes = serde_json::to_vec_pretty(org).map_err(|e| io_error(e.into()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(path.file_name().unwrap_or_default());
    tmp_name.push(format!(
        ".{}-{}.tmp",
        std::process::id(),
        ids::random_token(6)
    ));
    let tmp = path.with_file_name(tmp_name);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(io_error)?;
    }
    let written = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(&bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(io_error(e));
    }
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Make the rename itself durable; a failure here leaves a correct file behind.
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

/// Renames an unreadable state file to `<name>.unreadable-<UTC time>.json` beside it.
fn move_aside(path: &Path) -> Result<PathBuf, Error> {
    let now = time::OffsetDateTime::now_utc();
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let aside = path.with_file_name(format!("{stem}.unreadable-{stamp}.json"));
    fs::rename(path, &aside).map_err(|source| Error::StateFileIo {
        path: path.to_owned(),
        source,
    })?;
    Ok(aside)
}
