//! `cargo xtask live …` runs this: parse the arguments, run the suite, print and save the
//! report, and exit non-zero when a check failed.

use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use live::{out_dir, run, Args};

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{}", live::USAGE);
        return ExitCode::SUCCESS;
    }
    let args = match Args::parse(&args) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("live: {message}");
            return ExitCode::from(2);
        }
    };
    let report = match run(&args).await {
        Ok(report) => report,
        Err(message) => {
            eprintln!("live: {message}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", report.table());
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let _ = std::fs::create_dir_all(out_dir());
    let path = out_dir().join(format!("report-{stamp}.json"));
    match serde_json::to_string_pretty(&report) {
        Ok(json) => match std::fs::write(&path, json) {
            Ok(()) => eprintln!("live: report saved to {}", path.display()),
            Err(e) => eprintln!(
                "live: the report could not be saved to {}: {e}",
                path.display()
            ),
        },
        Err(e) => eprintln!("live: the report could not be written as JSON: {e}"),
    }
    let failed = report.failures();
    let total = report.checks.len();
    println!(
        "live: {} passed, {} failed",
        total - failed.len(),
        failed.len()
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
