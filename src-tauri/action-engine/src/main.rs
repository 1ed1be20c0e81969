//! `cargo run -p action-engine -- lint FILE…`: the data-action lints on exported actions, for a
//! team's CI. Each file holds one action in the admin UI's JSON export shape, or a JSON list of
//! them; one line per finding (`file: action: level rule field: message`), and the exit code is
//! 1 when any finding is an error, 2 when a file cannot be read.

use std::process::ExitCode;

use action_engine::lint::{lint_action, Level};
use serde_json::Value;

fn usage() -> ExitCode {
    eprintln!("usage: action-engine lint FILE...");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, files)) = args.split_first() else {
        return usage();
    };
    if command != "lint" || files.is_empty() {
        return usage();
    }
    let (mut errors, mut unreadable) = (0, false);
    for file in files {
        let parsed = std::fs::read_to_string(file)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str::<Value>(&text).map_err(|e| e.to_string()));
        let actions = match parsed {
            Ok(Value::Array(list)) => list,
            Ok(one) => vec![one],
            Err(e) => {
                eprintln!("{file}: cannot be read: {e}");
                unreadable = true;
                continue;
            }
        };
        for action in &actions {
            let name = action["name"].as_str().unwrap_or("(unnamed)");
            for f in lint_action(action) {
                if f.level == Level::Error {
                    errors += 1;
                }
                println!(
                    "{file}: {name}: {} {} {}: {}",
                    f.level.as_str(),
                    f.rule,
                    f.field,
                    f.message
                );
            }
        }
    }
    if unreadable {
        ExitCode::from(2)
    } else if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
