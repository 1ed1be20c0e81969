//! The isolation pattern as files: tauri.conf.json routes every IPC message through the
//! isolation frame in `ui/isolation/` (apart from the UI build), whose index.html loads its one
//! script from a file (no inline script) and whose hook.js sets `__TAURI_ISOLATION_HOOK__` and
//! names exactly the commands of `src-tauri/src/commands/list.rs`; `tauri` carries the
//! `isolation` feature.

use std::collections::BTreeSet;
use std::path::{Component, Path};

use serde_json::Value;

use super::security_config::listed_commands;

/// The folders the isolation frame may live in: the project's top level is fixed, and only the
/// UI's folder holds web files.
const ALLOWED_TOP: &[&str] = &["ui"];

/// The command names between `const APP_COMMANDS = new Set([` and `]);` in hook.js.
pub(super) fn hook_commands(hook: &str) -> Option<BTreeSet<String>> {
    let start = hook.find("const APP_COMMANDS = new Set([")?;
    let rest = &hook[start..];
    let list = &rest[rest.find('[')? + 1..rest.find("]);")?];
    Some(
        list.lines()
            .map(|l| {
                l.split("//")
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches(',')
            })
            .filter(|l| !l.is_empty())
            .map(|l| l.trim_matches('"').to_owned())
            .collect(),
    )
}

/// Whether every `<script>` of an HTML page loads a file and has no inline text.
fn scripts_load_files_only(html: &str) -> bool {
    html.split("<script").skip(1).all(|tag| {
        let Some(end) = tag.find('>') else {
            return false;
        };
        tag[..end].contains("src=") && tag[end + 1..].trim_start().starts_with("</script>")
    })
}

/// Every rule the isolation set-up breaks, with `root` as the project folder; empty when sound.
pub(super) fn isolation_problems(
    root: &Path,
    conf: &Value,
    cargo_toml: &str,
    commands: &BTreeSet<String>,
) -> Vec<String> {
    let mut out = Vec::new();
    let tauri_line = cargo_toml
        .lines()
        .find(|l| l.trim_start().starts_with("tauri = "));
    if !tauri_line.is_some_and(|l| l.contains("\"isolation\"")) {
        out.push("the tauri dependency in Cargo.toml lacks the isolation feature".to_owned());
    }
    let pattern = &conf["app"]["security"]["pattern"];
    let Some(dir) = pattern["options"]["dir"].as_str() else {
        out.push("app.security.pattern.options.dir names no isolation folder".to_owned());
        return out;
    };
    let rel = Path::new(dir);
    let top = rel.components().next().and_then(|c| match c {
        Component::Normal(s) => s.to_str(),
        _ => None,
    });
    let plain = rel.components().all(|c| matches!(c, Component::Normal(_)));
    if !plain || !top.is_some_and(|t| ALLOWED_TOP.contains(&t)) {
        out.push(format!(
            "the isolation folder {dir} must be a plain path under {ALLOWED_TOP:?}"
        ));
    }
    let dist = conf["build"]["frontendDist"].as_str().unwrap_or("");
    if !dist.is_empty() && (rel.starts_with(dist) || Path::new(dist).starts_with(rel)) {
        out.push(format!(
            "the isolation folder {dir} must stay apart from the UI build {dist}"
        ));
    }
    let folder = root.join(rel);
    match std::fs::read_to_string(folder.join("index.html")) {
        Ok(html) if !scripts_load_files_only(&html) => {
            out.push(format!("{dir}/index.html has an inline script"))
        }
        Ok(_) => {}
        Err(_) => out.push(format!("the isolation folder {dir} has no index.html")),
    }
    let Ok(hook) = std::fs::read_to_string(folder.join("hook.js")) else {
        out.push(format!("the isolation folder {dir} has no hook.js"));
        return out;
    };
    if !hook.contains("__TAURI_ISOLATION_HOOK__") {
        out.push(format!(
            "{dir}/hook.js does not set __TAURI_ISOLATION_HOOK__"
        ));
    }
    match hook_commands(&hook) {
        None => out.push(format!("{dir}/hook.js has no APP_COMMANDS list")),
        Some(named) => {
            for missing in commands.difference(&named) {
                out.push(format!(
                    "{dir}/hook.js refuses the app's command {missing}: add it to APP_COMMANDS"
                ));
            }
            for extra in named.difference(commands) {
                out.push(format!(
                    "{dir}/hook.js lets through {extra}, which commands/list.rs does not declare"
                ));
            }
        }
    }
    out
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn conf() -> Value {
    let text = std::fs::read_to_string(root().join("tauri.conf.json")).expect("tauri.conf.json");
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn the_isolation_hook_lets_through_exactly_the_listed_commands() {
    let hook = std::fs::read_to_string(root().join("ui/isolation/hook.js")).expect("hook.js");
    let named = hook_commands(&hook).expect("hook.js lists APP_COMMANDS");
    let listed = listed_commands();
    let missing: Vec<_> = listed.difference(&named).collect();
    let extra: Vec<_> = named.difference(&listed).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "ui/isolation/hook.js's APP_COMMANDS must name exactly the commands of \
         src-tauri/src/commands/list.rs (the frame drops any other): add {missing:?}, remove {extra:?}"
    );
}

#[test]
fn the_isolation_lint_flags_a_missing_folder_hook_or_stale_command_list() {
    let commands: BTreeSet<String> = ["app_info".to_owned(), "ui_ready".to_owned()].into();
    let scratch = std::env::temp_dir().join(format!("dip-isolation-lint-{}", std::process::id()));
    let case = |name: &str, html: Option<&str>, hook: Option<&str>| {
        let dir = scratch.join("ui").join(name);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        if let Some(html) = html {
            std::fs::write(dir.join("index.html"), html).expect("index.html");
        }
        if let Some(hook) = hook {
            std::fs::write(dir.join("hook.js"), hook).expect("hook.js");
        }
    };
    let page = r#"<html><body><script src="hook.js"></script></body></html>"#;
    let sound = "window.__TAURI_ISOLATION_HOOK__ = guard;\nconst APP_COMMANDS = new Set([\n  \"app_info\",\n  \"ui_ready\",\n]);\n";
    case("sound", Some(page), Some(sound));
    case("no-hook", Some(page), None);
    case("no-page", None, Some(sound));
    case(
        "inline",
        Some("<html><script>window.x = 1</script><script src=\"hook.js\"></script></html>"),
        Some(sound),
    );
    case(
        "pass-through",
        Some(page),
        Some("const APP_COMMANDS = new Set([\n  \"app_info\",\n  \"open_help\",\n]);\n"),
    );
    let cargo = r#"tauri = { version = "2", features = ["isolation"] }"#;
    let found = |dir: &str, cargo: &str| {
        let mut conf = conf();
        conf["app"]["security"]["pattern"]["options"]["dir"] = dir.into();
        isolation_problems(&scratch, &conf, cargo, &commands).join("\n")
    };
    assert_eq!(found("ui/sound", cargo), "", "a sound folder passes");
    for (dir, cargo_toml, expected) in [
        (
            "ui/sound",
            r#"tauri = { version = "2", features = [] }"#,
            "lacks the isolation feature",
        ),
        ("ui/absent", cargo, "has no index.html"),
        ("ui/absent", cargo, "has no hook.js"),
        ("ui/no-hook", cargo, "has no hook.js"),
        ("ui/no-page", cargo, "has no index.html"),
        ("ui/inline", cargo, "has an inline script"),
        (
            "ui/pass-through",
            cargo,
            "does not set __TAURI_ISOLATION_HOOK__",
        ),
        (
            "ui/pass-through",
            cargo,
            "refuses the app's command ui_ready",
        ),
        ("ui/pass-through", cargo, "lets through open_help"),
        ("ui/dist/isolation", cargo, "apart from the UI build"),
        ("../elsewhere", cargo, "must be a plain path"),
        ("isolation", cargo, "must be a plain path"),
    ] {
        let problems = found(dir, cargo_toml);
        assert!(
            problems.contains(expected),
            "{dir}: the lint missed {expected}:\n{problems}"
        );
    }
    let mut no_dir = conf();
    no_dir["app"]["security"]["pattern"] = serde_json::json!({ "use": "brownfield" });
    let problems = isolation_problems(&scratch, &no_dir, cargo, &commands).join("\n");
    assert!(problems.contains("names no isolation folder"), "{problems}");
    let _ = std::fs::remove_dir_all(&scratch);
}
