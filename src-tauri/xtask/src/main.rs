//! `cargo xtask <run|test|bench>`: the project's entry points on every OS. Each installs
//! what this machine lacks (system packages, npm packages, tools from crates.io) first.

mod audit;
mod bench;
mod checks;
mod cmd;
mod deps;
mod e2e;
mod package;
mod screen;
mod session;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

  run     install what is missing, then start Dip Studio (Sandbox org by default) with live reload
  test    install what is missing (and the test tools), then run every check and test
          (`cargo xtask test e2e clippy` runs only the named steps)
  bench   build the release app and an empty Tauri app, and print start-up times, idle memory
          and sizes of both; then the roles, guided setup and data-action benches
          (`cargo xtask bench startup` runs only the named parts: startup roles setup actions)
  live    the conformance suite against a real org (`cargo xtask live --help`), or against the
          Sandbox org with `--against-sandbox`";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(),
        Some("test") => checks::test(&args[1..]),
        // Internal: the test steps, re-run inside a private D-Bus session with a keyring and X server.
        Some(session::INNER) => checks::test_in_session(),
        Some("bench") => bench::bench(&args[1..]),
        Some("live") => live(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> cmd::Result {
    deps::ensure(deps::Purpose::Run)?;
    cmd::npx(&["tauri", "dev"]).run()
}

/// The conformance suite: its own binary, so that this one stays buildable before the system
/// packages the Genesys client needs are installed.
fn live(args: &[String]) -> cmd::Result {
    deps::ensure(deps::Purpose::Run)?;
    let mut all = vec!["run", "--quiet", "--package", "live", "--"];
    all.extend(args.iter().map(String::as_str));
    cmd::cmd("cargo", &all).run()
}
