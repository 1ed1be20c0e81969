//! End-to-end tests in the real app window: builds the debug app with its UI embedded,
//! starts tauri-driver (WebKitWebDriver underneath) and runs tests/e2e/*.test.mjs
//! (WebdriverIO under node:test). Each test saves PNG screenshots under target/screenshots.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::cmd::{self, cmd, npx, Result};
use crate::deps;

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

fn status_ok(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    let mut response = String::new();
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_to_string(&mut response).is_ok()
        && response.starts_with("HTTP/1.1 200")
}

/// Starts tauri-driver on a free port and waits until it answers /status.
fn start_driver() -> Result<(Driver, u16)> {
    let bin = deps::tauri_driver()?;
    let port = free_port()?;
    let native =
        cmd::which("WebKitWebDriver").unwrap_or_else(|| PathBuf::from("/usr/bin/WebKitWebDriver"));
    let child = Command::new(bin)
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &free_port()?.to_string(),
        ])
        .arg("--native-driver")
        .arg(native)
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start tauri-driver: {e}"))?;
    let driver = Driver(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    while !status_ok(port) {
        if Instant::now() > deadline {
            return Err("tauri-driver did not answer /status within 20 s".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok((driver, port))
}

/// The `*.test.mjs` files of one folder, as absolute paths; `DIP_STUDIO_E2E_FILES`
/// (comma-separated name fragments) narrows them while iterating on one screen.
pub fn e2e_files(dir: &Path) -> Vec<String> {
    let only = std::env::var("DIP_STUDIO_E2E_FILES").unwrap_or_default();
    let only: Vec<&str> = only.split(',').filter(|s| !s.is_empty()).collect();
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".test.mjs"))
        .filter(|n| only.is_empty() || only.iter().any(|o| n.contains(o)))
        .map(|n| dir.join(n).display().to_string())
        .collect();
    files.sort();
    files
}

pub fn run() -> Result {
    let root = cmd::root();
    // The debug binary must embed the UI: a plain `cargo build` would load the dev server.
    npx(&["tauri", "build", "--debug", "--no-bundle"]).run()?;
    let shots = root.join("target/screenshots");
    let _ = std::fs::remove_dir_all(&shots);
    suite(
        &root.join("target/debug/dip-studio"),
        &e2e_files(&root.join("tests/e2e")),
        &[],
    )
}

/// Runs WebDriver test files against `app` (an absolute path), in a fresh scratch folder.
pub fn suite(app: &Path, files: &[String], env: &[(&str, String)]) -> Result {
    let root = cmd::root();
    let shots = root.join("target/screenshots");
    let scratch = root.join("target/e2e");
    let _ = std::fs::remove_dir_all(&scratch);
    for dir in [&shots, &scratch] {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    if files.is_empty() {
        return Err("no end-to-end test files found".into());
    }
    let (_driver, port) = start_driver()?;
    let tap = scratch.join("report.tap");
    let tap_arg = tap.display().to_string();
    let mut args = vec![
        "--test",
        "--test-concurrency=1",
        "--test-reporter=spec",
        "--test-reporter-destination=stdout",
        "--test-reporter=tap",
        "--test-reporter-destination",
        tap_arg.as_str(),
    ];
    args.extend(files.iter().map(String::as_str));
    let mut node = cmd("node", &args)
        .env("DIP_STUDIO_APP", app)
        .env("WEBDRIVER_PORT", port.to_string())
        .env("DIP_STUDIO_SCREENSHOTS", &shots)
        .env("DIP_STUDIO_E2E_TMP", &scratch);
    for (k, v) in env {
        node = node.env(k, v);
    }
    let result = node.run();
    let report = std::fs::read_to_string(&tap).unwrap_or_default();
    let count = |label: &str| {
        report
            .lines()
            .find_map(|l| l.strip_prefix(label))
            .and_then(|n| n.trim().parse::<u32>().ok())
            .unwrap_or(0)
    };
    let (passed, failed) = (count("# pass "), count("# fail "));
    eprintln!(
        "e2e: {passed} passed, {failed} failed; screenshots in {}",
        shots.display()
    );
    result?;
    if passed == 0 || failed > 0 {
        return Err(format!("end-to-end: {passed} passed, {failed} failed"));
    }
    Ok(())
}
