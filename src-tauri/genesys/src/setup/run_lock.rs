//! One worker per run: an advisory lock on `<journal dir>/.setup-run-<id>.lock`, held while a
//! run starts, resumes or rolls back, so two windows or two app instances never both reconcile
//! by marker, find nothing and create the same object twice, nor overwrite each other's
//! journal. The lock is the OS's (`File::try_lock`: `flock` on Unix, `LockFileEx` on Windows),
//! so a killed holder releases it with its process; the file itself is left in place (removing
//! it would let a late opener lock a file nobody else sees).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::journal::temp_prefix;
use crate::error::{Error, Result};

/// The lock file of run `run_id`.
pub fn lock_path(dir: &Path, run_id: &str) -> PathBuf {
    dir.join(format!(".setup-run-{run_id}.lock"))
}

/// A held run lock; dropping it releases the lock.
#[derive(Debug)]
pub struct RunLock {
    _file: File,
}

impl RunLock {
    /// Takes run `run_id`'s lock without waiting: [`Error::RunInUse`] when someone holds it.
    pub fn acquire(dir: &Path, run_id: &str) -> Result<RunLock> {
        let storage = |e: std::io::Error| Error::Storage(format!("the run lock: {}", e.kind()));
        fs::create_dir_all(dir).map_err(storage)?;
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(lock_path(dir, run_id))
            .map_err(storage)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(Error::RunInUse),
            Err(TryLockError::Error(e)) => return Err(storage(e)),
        }
        remove_stale_temps(dir, run_id);
        Ok(RunLock { _file: file })
    }
}

/// Every journal write holds the run's lock, so once it is ours, any temp file of this run is
/// a killed writer's leftover (the renamed journal is the truth): removed, best effort.
fn remove_stale_temps(dir: &Path, run_id: &str) {
    let prefix = temp_prefix(run_id);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = std::env::temp_dir().join(format!(
            "dip-run-lock-{}-{}",
            std::process::id(),
            super::super::marker::new_run_id().expect("random")
        ));
        let first = RunLock::acquire(&dir, "0123456789abcdef").expect("free");
        let second = RunLock::acquire(&dir, "0123456789abcdef").expect_err("held");
        assert_eq!(second.kind(), crate::ErrorKind::RunInUse);
        RunLock::acquire(&dir, "fedcba9876543210").expect("another run's lock is its own");
        drop(first);
        RunLock::acquire(&dir, "0123456789abcdef").expect("released");
        fs::remove_dir_all(&dir).ok();
    }
}
