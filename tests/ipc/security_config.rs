//! The security configuration as files: the CSP allows no remote, inline or eval'd script; the
//! window gets no global Tauri object; capabilities grant only the app's own commands (no
//! opener, shell, http, fs or store access, no remote origins); every IPC message goes through
//! the isolation frame (its folder is checked by `isolation_config.rs`); and every command
//! declared once (in `commands/list.rs`, which makes the handlers and the ACL) is granted by the
//! capability and called by the UI's api.ts.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use super::isolation_config::isolation_problems;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every command of the app's one list (`src-tauri/src/commands/list.rs`), from which the
/// handler list and build.rs's ACL permissions are both made.
pub(super) fn listed_commands() -> BTreeSet<String> {
    dip_studio::COMMANDS
        .iter()
        .map(|c| (*c).to_owned())
        .collect()
}

/// Command names passed to `invoke` in a TypeScript file.
fn invoked(ts: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for piece in ts.split("invoke").skip(1) {
        let piece = piece.trim_start();
        let piece = match piece.strip_prefix('<') {
            Some(rest) => match rest.find(">(") {
                Some(end) => &rest[end + 1..],
                None => continue,
            },
            None => piece,
        };
        if let Some(rest) = piece.strip_prefix("(\"") {
            if let Some(end) = rest.find('"') {
                out.insert(rest[..end].to_owned());
            }
        }
    }
    out
}

/// Every rule the window's configuration breaks; empty when it is sound.
fn problems(conf: &Value, capabilities: &[Value], commands: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    let app = &conf["app"];
    if app["withGlobalTauri"] != Value::Bool(false) {
        out.push("app.withGlobalTauri must be false".to_owned());
    }
    let security = &app["security"];
    if security["freezePrototype"] != Value::Bool(true) {
        out.push("app.security.freezePrototype must be true".to_owned());
    }
    // Without the isolation pattern ("brownfield", Tauri's default) the window's messages reach
    // Rust unchecked by the isolation frame's rule.
    let pattern = security["pattern"]["use"].as_str().unwrap_or("brownfield");
    if pattern != "isolation" {
        out.push(format!(
            "app.security.pattern must be isolation, not {pattern}"
        ));
    }
    if security
        .get("dangerousDisableAssetCspModification")
        .is_some()
    {
        out.push("the CSP must not be left unmodified for assets".to_owned());
    }
    for key in ["csp", "devCsp"] {
        let Some(csp) = security[key].as_object() else {
            out.push(format!("app.security.{key} must be a policy, not null"));
            continue;
        };
        let script = csp.get("script-src").and_then(Value::as_str).unwrap_or("");
        if script.split_whitespace().any(|s| s != "'self'") {
            out.push(format!(
                "{key} script-src allows more than 'self': {script}"
            ));
        }
        for (directive, value) in csp {
            let value = value.as_str().unwrap_or("");
            for source in value.split_whitespace() {
                let remote = source.starts_with("https:")
                    || (source.starts_with("http:") && !source.starts_with("http://ipc.localhost"))
                    || source == "*";
                let dev_server = key == "devCsp" && source == "ws://localhost:1420";
                if (remote || source.contains("unsafe-eval")) && !dev_server {
                    out.push(format!("{key} {directive} allows {source}"));
                }
                if directive != "style-src" && source.contains("unsafe-inline") {
                    out.push(format!("{key} {directive} allows {source}"));
                }
            }
        }
    }
    let allowed: BTreeSet<String> = commands
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    let mut granted = BTreeSet::new();
    for cap in capabilities {
        if cap.get("remote").is_some() {
            out.push(format!(
                "capability {} opens the IPC to remote origins",
                cap["identifier"]
            ));
        }
        for permission in cap["permissions"].as_array().into_iter().flatten() {
            let name = permission
                .as_str()
                .or_else(|| permission["identifier"].as_str())
                .unwrap_or("");
            if !allowed.contains(name) {
                out.push(format!(
                    "capability {} grants {name}, which is not one of our commands",
                    cap["identifier"]
                ));
            }
            granted.insert(name.to_owned());
        }
    }
    for missing in allowed.difference(&granted) {
        out.push(format!("no capability grants {missing}"));
    }
    out
}

fn capabilities() -> Vec<Value> {
    let dir = root().join("src-tauri/capabilities");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the capabilities folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|x| x == "json") {
            let text = std::fs::read_to_string(&path).expect("readable");
            out.push(serde_json::from_str(&text).expect("a JSON capability"));
        }
    }
    out
}

#[test]
fn the_csp_and_the_capabilities_grant_only_what_the_app_needs() {
    let commands = listed_commands();
    let conf = json("tauri.conf.json");
    let cargo = read("Cargo.toml");
    let mut found = problems(&conf, &capabilities(), &commands);
    found.extend(isolation_problems(root(), &conf, &cargo, &commands));
    assert!(found.is_empty(), "{}", found.join("\n"));
    assert!(
        !cargo.contains("\"devtools\""),
        "release builds must not carry the devtools feature"
    );
    assert!(
        !cargo.contains("tauri-plugin-shell"),
        "the shell plugin is not used"
    );
}

#[test]
fn the_lint_flags_each_kind_of_loosening() {
    let commands: BTreeSet<String> = ["app_info".to_owned()].into();
    let mut conf = json("tauri.conf.json");
    conf["app"]["withGlobalTauri"] = Value::Bool(true);
    conf["app"]["security"]["csp"]["script-src"] =
        "'self' 'unsafe-eval' https://cdn.example".into();
    conf["app"]["security"]["csp"]["connect-src"] = "ipc: https://api.example".into();
    conf["app"]["security"]["devCsp"] = Value::Null;
    conf["app"]["security"]["pattern"] = serde_json::json!({ "use": "brownfield" });
    let caps = vec![serde_json::json!({
        "identifier": "main",
        "remote": { "urls": ["https://*.example"] },
        "permissions": ["allow-app-info", "opener:default", "shell:allow-open"]
    })];
    let found = problems(&conf, &caps, &commands).join("\n");
    for expected in [
        "withGlobalTauri",
        "script-src allows more than 'self'",
        "unsafe-eval",
        "https://api.example",
        "devCsp must be a policy",
        "pattern must be isolation, not brownfield",
        "remote origins",
        "grants opener:default",
        "grants shell:allow-open",
    ] {
        assert!(
            found.contains(expected),
            "the lint missed {expected}:\n{found}"
        );
    }
    let unused = problems(&json("tauri.conf.json"), &[], &commands).join("\n");
    assert!(
        unused.contains("no capability grants allow-app-info"),
        "{unused}"
    );
}

#[test]
fn every_command_is_declared_once_and_called_by_the_ui() {
    let declared = listed_commands();
    assert_eq!(
        declared.len(),
        dip_studio::COMMANDS.len(),
        "a command is listed twice in commands/list.rs"
    );
    let screens: usize = dip_studio::SCREENS.iter().map(|(_, c)| c.len()).sum();
    assert_eq!(
        screens,
        declared.len(),
        "every command belongs to one screen"
    );
    // build.rs makes the ACL from the same file the handlers come from.
    let build_rs = read("src-tauri/build.rs");
    assert!(
        build_rs.contains("include!(\"src/commands/list.rs\")"),
        "build.rs must read the command list, not keep its own"
    );
    let called = invoked(&read("ui/src/api.ts"));
    let unknown: Vec<_> = called.difference(&declared).collect();
    assert!(
        unknown.is_empty(),
        "the UI calls commands the app does not declare: {unknown:?}"
    );
    let uncalled: Vec<_> = declared.difference(&called).collect();
    assert!(
        uncalled.is_empty(),
        "commands no UI code calls: {uncalled:?}"
    );
}
