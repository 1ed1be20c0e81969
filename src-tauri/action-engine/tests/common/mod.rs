//! What the tests share: the public data actions of the shared data folder, read at test time
//! (never copied into this repository).

use std::path::PathBuf;

fn actions_folder() -> Option<PathBuf> {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .map(|a| a.join("shared/data/public-data-actions"))
        .find(|p| p.is_dir())
}

/// The public actions' files, sorted; `None` (said loudly) on a clean clone without them.
pub fn action_files(what: &str) -> Option<Vec<PathBuf>> {
    let Some(folder) = actions_folder() else {
        eprintln!("\n!!! SKIPPED: shared/data/public-data-actions is not next to this checkout; no public action was {what} !!!\n");
        return None;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("the public actions folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 50,
        "expected the 59 public actions, found {}",
        files.len()
    );
    Some(files)
}
