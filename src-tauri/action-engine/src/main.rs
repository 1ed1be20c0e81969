//! `cargo run -p action-engine -- lint FILE…`: the data-action lints and Genesys's contract
//! rules on exported actions, for a team's CI. A file holds one action in the admin UI's JSON
//! export shape, a JSON list of them, or (`.tf`) Terraform `genesyscloud_integration_action`
//! resources. One line per finding (`file: action: level rule field: message`); the exit code
//! is 1 when any finding is an error, 2 when a file cannot be read.

mod cli;

use std::process::ExitCode;

use action_engine::lint::Level;

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
        let read = std::fs::read_to_string(file).map_err(|e| e.to_string());
        let actions = match read.and_then(|text| cli::actions_of(file, &text)) {
            Ok(actions) => actions,
            Err(e) => {
                eprintln!("{file}: cannot be read: {e}");
                unreadable = true;
                continue;
            }
        };
        for (name, action) in &actions {
            for line in cli::findings(action) {
                if line.level == Level::Error {
                    errors += 1;
                }
                println!(
                    "{file}: {name}: {} {} {}: {}",
                    line.level.as_str(),
                    line.rule,
                    line.field,
                    line.message
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
