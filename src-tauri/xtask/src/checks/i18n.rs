//! The i18n check: every catalogue folder has the same keys in every language, no empty text,
//! and the same `{placeholders}` for a key in every language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::cmd::{self, Result};

fn flatten(prefix: &str, value: &serde_json::Value, out: &mut BTreeMap<String, String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&path, v, out);
            }
        }
        other => {
            out.insert(
                prefix.to_string(),
                other.as_str().unwrap_or_default().to_string(),
            );
        }
    }
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect()
}

/// Every `i18n` folder (the UI's and any other catalogue): same keys in every language,
/// no empty text, the same `{placeholders}` for a key in every language.
pub fn i18n_parity() -> Result {
    let mut problems = Vec::new();
    let mut catalogues = 0;
    for dir in i18n_dirs(&cmd::root()) {
        let mut langs = BTreeMap::new();
        for entry in std::fs::read_dir(&dir)
            .map_err(|e| e.to_string())?
            .flatten()
        {
            let path = entry.path();
            if path.extension().is_some_and(|x| x == "json") {
                let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
                let json: serde_json::Value =
                    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
                let mut keys = BTreeMap::new();
                flatten("", &json, &mut keys);
                langs.insert(entry.file_name().to_string_lossy().into_owned(), keys);
            }
        }
        catalogues += langs.len();
        let all: BTreeSet<&String> = langs.values().flat_map(|k| k.keys()).collect();
        for (file, keys) in &langs {
            for key in &all {
                match keys.get(*key) {
                    None => problems.push(format!("{}/{file}: missing `{key}`", dir.display())),
                    Some(text) if text.trim().is_empty() => {
                        problems.push(format!("{}/{file}: empty `{key}`", dir.display()))
                    }
                    Some(text) => {
                        let theirs = langs
                            .values()
                            .find_map(|k| k.get(*key))
                            .map(|t| placeholders(t));
                        if theirs.is_some_and(|p| p != placeholders(text)) {
                            problems.push(format!(
                                "{}/{file}: `{key}` has other placeholders",
                                dir.display()
                            ));
                        }
                    }
                }
            }
        }
    }
    if catalogues < 3 {
        return Err("no i18n catalogues found (expected ui/src/i18n/{en,es,pt-BR}.json and one per feature)".into());
    }
    if problems.is_empty() {
        eprintln!("{catalogues} catalogues agree");
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn i18n_dirs(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.join("ui"), root.join("src-tauri")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if !path.is_dir() || name == "node_modules" || name == "target" || name == "dist" {
                continue;
            }
            if name == "i18n" {
                found.push(path.clone());
            }
            stack.push(path);
        }
    }
    found.sort();
    found
}
