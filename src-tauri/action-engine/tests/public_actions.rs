//! Every public data action's templates and translation map parse. The actions are read from
//! the workspace's shared data folder at test time and are never copied into this repository;
//! on a clean clone the folder is absent and the test says so and checks nothing.

use action_engine::{check_path, ErrorKind, Template};
use serde_json::Value;

/// Paths Jayway itself rejects, so a faithful engine must too: `$$.id` has no '.' or '[' after
/// its root (json-path/JsonPath PathCompiler.readContextToken); it was exported from Terraform,
/// where a lone `$$` stays literal.
const REJECTED_LIKE_JAYWAY: &[&str] = &["$$.id"];

mod common;

use common::action_files;

#[test]
fn every_public_action_parses() {
    let Some(files) = action_files("checked") else {
        return;
    };
    let (mut templates, mut paths, mut failures) = (0, 0, Vec::new());
    for file in &files {
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let action: Value =
            serde_json::from_str(&std::fs::read_to_string(file).expect("readable")).expect("JSON");
        let config = &action["config"];
        let mut sources = vec![
            (
                "requestUrlTemplate",
                &config["request"]["requestUrlTemplate"],
            ),
            ("requestTemplate", &config["request"]["requestTemplate"]),
            ("successTemplate", &config["response"]["successTemplate"]),
        ];
        if let Some(headers) = config["request"]["headers"].as_object() {
            sources.extend(headers.values().map(|v| ("headers", v)));
        }
        for (field, source) in sources {
            let Some(text) = source.as_str() else {
                continue;
            };
            templates += 1;
            if let Err(e) = Template::parse(text) {
                failures.push(format!("{name} {field}: {e}"));
            }
        }
        let map = config["response"]["translationMap"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        for (key, path) in map {
            let path = path.as_str().unwrap_or_default();
            paths += 1;
            match check_path(path) {
                Err(e) if REJECTED_LIKE_JAYWAY.contains(&path) => {
                    assert_eq!(e.kind, ErrorKind::PathSyntax)
                }
                Ok(()) if REJECTED_LIKE_JAYWAY.contains(&path) => {
                    failures.push(format!("{name} {key}: `{path}` should fail"))
                }
                Err(e) => failures.push(format!("{name} translationMap.{key}: {e}")),
                Ok(()) => {}
            }
        }
    }
    eprintln!(
        "checked {} public actions: {templates} templates, {paths} translation-map paths",
        files.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Published actions work, so no lint may call them wrong: at most warnings, whatever their
/// oddities (a stray `}`, defaults that are not JSON, `$.NULL`; SOURCES.tsv lists them).
#[test]
fn no_public_action_gets_an_error_level_lint() {
    let Some(files) = action_files("linted") else {
        return;
    };
    let (mut warnings, mut errors) = (0, Vec::new());
    for file in &files {
        let action: Value =
            serde_json::from_str(&std::fs::read_to_string(file).expect("readable")).expect("JSON");
        for f in action_engine::lint::lint_action(&action) {
            match f.level {
                action_engine::lint::Level::Error => errors.push(format!(
                    "{}: {} {}: {}",
                    file.file_name().unwrap_or_default().to_string_lossy(),
                    f.rule,
                    f.field,
                    f.message
                )),
                action_engine::lint::Level::Warning => warnings += 1,
            }
        }
    }
    eprintln!("{} public actions linted: {warnings} warnings", files.len());
    assert!(
        errors.is_empty(),
        "error-level lints on published actions:\n{}",
        errors.join("\n")
    );
}
