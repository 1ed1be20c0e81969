//! `cargo xtask bench`: builds the release app and its bundles, then prints (≥ 5 runs,
//! median and min–max) cold start to first interactive paint under Xvfb, idle memory
//! after 10 s over the app and its WebKit processes (RSS and PSS), and the sizes.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::cmd::{self, npx, Result};
use crate::{deps, session};

const RUNS: usize = 5;

struct Sample {
    paint_ms: f64,
    app_ms: f64,
    rss_mb: f64,
    pss_mb: f64,
}

/// One measure as printed: label, unit, and its value in a sample.
type Measure = (&'static str, &'static str, fn(&Sample) -> f64);

const MEASURES: [Measure; 4] = [
    ("cold start → first interactive paint", "ms", |s| {
        s.paint_ms
    }),
    ("  of which inside the app process", "ms", |s| s.app_ms),
    ("idle memory after 10 s, RSS (app + WebKit)", "MB", |s| {
        s.rss_mb
    }),
    ("idle memory after 10 s, PSS (app + WebKit)", "MB", |s| {
        s.pss_mb
    }),
];

pub fn bench() -> Result {
    deps::ensure(deps::Purpose::Test)?;
    let root = cmd::root();
    npx(&["tauri", "build", "--bundles", "deb,rpm"]).run()?;
    let display = session::start_xvfb()?;
    let mut samples = Vec::new();
    for run in 0..RUNS {
        let sample = measure(&root, &display.name, run)?;
        eprintln!(
            "run {}: paint {:.0} ms (app says {:.0} ms), idle RSS {:.0} MB, PSS {:.0} MB",
            run + 1,
            sample.paint_ms,
            sample.app_ms,
            sample.rss_mb,
            sample.pss_mb
        );
        samples.push(sample);
    }
    println!("\nDip Studio bench ({RUNS} runs, release build, Xvfb 1280x800)");
    for (label, unit, value) in MEASURES {
        report(label, unit, samples.iter().map(value));
    }
    size("release binary", &root.join("target/release/dip-studio"));
    for (label, ext) in [(".deb", "deb"), (".rpm", "rpm")] {
        let dir = root.join("target/release/bundle").join(ext);
        let file = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == ext));
        match file {
            Some(path) => size(label, &path),
            None => println!("{label:<45} not built"),
        }
    }
    roles_picker(&root, &display.name)?;
    guided_setup()?;
    action_test()?;
    action_import()?;
    action_preview()?;
    Ok(())
}

/// The guided setup at 100 ms Sandbox latency per request: wall time, requests and
/// the ratio to its critical path, printed by `cargo bench --bench guided_setup`.
fn guided_setup() -> Result {
    cmd::cmd("cargo", &["bench", "-q", "--bench", "guided_setup"]).run()
}

/// The workshop action's draft test at 100 ms Sandbox latency per request: median and p90 wall
/// time and the ratio to its critical path, printed by `cargo bench --bench action_test`.
fn action_test() -> Result {
    cmd::cmd("cargo", &["bench", "-q", "--bench", "action_test"]).run()
}

/// The offline preview's latency per keystroke, the workshop action over a small and a ~1 MB
/// sample: median, p95 and max (`cargo bench --bench action_preview`).
fn action_preview() -> Result {
    cmd::cmd("cargo", &["bench", "-q", "--bench", "action_preview"]).run()
}

/// A batch import of 200 exported actions, drafted and published at 20 ms Sandbox latency per
/// request: wall time, requests, its floors and peak memory (`cargo bench --bench action_import`).
fn action_import() -> Result {
    cmd::cmd("cargo", &["bench", "-q", "--bench", "action_import"]).run()
}

/// The roles × divisions picker with 5,000 roles at 50 ms Sandbox latency: the time
/// to the full list over real HTTP (`cargo bench --bench roles` prints it), then, in the debug
/// app's window, the time to show the list and each keystroke's filter time, measured in the
/// page by tests/e2e/bench/roles-filter.mjs.
fn roles_picker(root: &Path, display: &str) -> Result {
    cmd::cmd("cargo", &["bench", "-q", "--bench", "roles"]).run()?;
    // The debug build honours the Sandbox knobs and the test browser; release ignores them.
    npx(&["tauri", "build", "--debug", "--no-bundle"]).run()?;
    std::env::set_var("DISPLAY", display);
    let out = root.join("target/bench/roles-filter.json");
    std::fs::create_dir_all(root.join("target/bench")).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&out);
    let script = root.join("tests/e2e/bench/roles-filter.mjs");
    crate::e2e::suite(
        &root.join("target/debug/dip-studio"),
        &[script.display().to_string()],
        &[("DIP_STUDIO_BENCH_RESULT", out.display().to_string())],
    )?;
    let text = std::fs::read_to_string(&out).map_err(|e| format!("no roles-filter result: {e}"))?;
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let ms = |k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    println!(
        "{:<45} {:>7.0} ms",
        "roles picker: window shows 5,000 roles after",
        ms("listMs")
    );
    println!(
        "{:<45} median {:>5.1} ms  (p95 {:.1}, max {:.1}, {} keystrokes)",
        "roles picker: filter per keystroke",
        ms("median"),
        ms("p95"),
        ms("max"),
        v["keystrokes"]
    );
    Ok(())
}

fn report(label: &str, unit: &str, values: impl Iterator<Item = f64>) {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    let median = v[v.len() / 2];
    println!(
        "{label:<45} median {median:>7.0} {unit}  (min {:.0} – max {:.0})",
        v[0],
        v[v.len() - 1]
    );
}

fn size(label: &str, path: &Path) {
    match std::fs::metadata(path) {
        Ok(m) => println!("{label:<45} {:>7.2} MiB", m.len() as f64 / 1_048_576.0),
        Err(_) => println!("{label:<45} missing ({})", path.display()),
    }
}

fn measure(root: &Path, display: &str, run: usize) -> Result<Sample> {
    let env = session::hermetic_xdg(&root.join(format!("target/bench/run-{run}")))?;
    let mut command = Command::new(root.join("target/release/dip-studio"));
    command
        .env("DISPLAY", display)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in &env {
        command.env(k, v);
    }
    let started = Instant::now();
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not start the app: {e}"))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout)
            .lines()
            .map_while(std::result::Result::ok)
        {
            if let Some(ms) = line.split("first interactive paint ").nth(1) {
                let ms = ms
                    .split_whitespace()
                    .next()
                    .and_then(|n| n.parse::<f64>().ok());
                let _ = tx.send((started.elapsed(), ms));
            }
        }
    });
    let outcome = rx.recv_timeout(Duration::from_secs(30));
    let result = match outcome {
        Ok((paint, app_ms)) => {
            std::thread::sleep(Duration::from_secs(10));
            let (rss, pss) = memory_of_tree(child.id());
            Ok(Sample {
                paint_ms: paint.as_secs_f64() * 1000.0,
                app_ms: app_ms.unwrap_or(f64::NAN),
                rss_mb: rss as f64 / 1024.0,
                pss_mb: pss as f64 / 1024.0,
            })
        }
        Err(_) => Err("the app did not report its first paint within 30 s".to_string()),
    };
    let _ = child.kill();
    let _ = child.wait();
    result
}

/// RSS and PSS in KiB, summed over `pid` and all its descendants (WebKit's web and
/// network processes are children of the app).
fn memory_of_tree(pid: u32) -> (u64, u64) {
    let mut tree = vec![pid];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        let children = std::fs::read_to_string(format!("/proc/{parent}/task/{parent}/children"))
            .unwrap_or_default();
        tree.extend(
            children
                .split_whitespace()
                .filter_map(|c| c.parse::<u32>().ok()),
        );
        i += 1;
    }
    tree.iter().fold((0, 0), |(rss, pss), p| {
        let rollup = std::fs::read_to_string(format!("/proc/{p}/smaps_rollup")).unwrap_or_default();
        let field = |name: &str| {
            rollup
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0)
        };
        (rss + field("Rss:"), pss + field("Pss:"))
    })
}
