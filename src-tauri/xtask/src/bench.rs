//! `cargo xtask bench [startup|roles|setup|actions]…` (all of them when none is named): builds
//! the release app and, next to it, the empty Tauri app of `tests/bench/floor/`, then measures
//! both the same way from outside, interleaved, ≥ 5 runs each (median and min–max, and the
//! ratio of the medians): time to the first painted frame and to visually complete, read off
//! the Xvfb screen (`screen.rs`); idle memory after 10 s over the app and its WebKit processes
//! (RSS and PSS); binary and `.deb` sizes. Then the roles picker, the guided setup and the
//! data-action benches, each printed by its own `cargo bench` target.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::cmd::{self, npx, Result};
use crate::{deps, screen, session};

const RUNS: usize = 5;
const PARTS: [&str; 4] = ["startup", "roles", "setup", "actions"];
/// A run that shows nothing within this long is a failure, not a slow start.
const SHOW_WITHIN: Duration = Duration::from_secs(30);
const IDLE_AFTER: Duration = Duration::from_secs(10);

/// One start of one app, as seen from outside (and, for Dip Studio, as it reports itself).
struct Sample {
    first_paint_ms: f64,
    complete_ms: f64,
    /// The app's own "first interactive paint" line; the floor app prints none.
    reported_ms: Option<f64>,
    rss_mb: f64,
    pss_mb: f64,
}

/// One measure as printed: label, unit, and its value in a sample.
type Measure = (&'static str, &'static str, fn(&Sample) -> f64);

const MEASURES: [Measure; 4] = [
    ("first painted frame", "ms", |s| s.first_paint_ms),
    ("visually complete", "ms", |s| s.complete_ms),
    ("idle PSS after 10 s (app + WebKit)", "MB", |s| s.pss_mb),
    ("idle RSS after 10 s (app + WebKit)", "MB", |s| s.rss_mb),
];

/// An app the start-up bench launches: its label, release binary and `.deb` name prefix.
struct Subject {
    label: &'static str,
    binary: PathBuf,
    deb_prefix: &'static str,
}

pub fn bench(args: &[String]) -> Result {
    if let Some(unknown) = args.iter().find(|a| !PARTS.contains(&a.as_str())) {
        return Err(format!(
            "no bench part {unknown:?}; the parts are {}",
            PARTS.join(", ")
        ));
    }
    let wanted = |part: &str| args.is_empty() || args.iter().any(|a| a == part);
    deps::ensure(deps::Purpose::Bench)?;
    let root = cmd::root();
    let display = session::start_xvfb()?;
    if wanted("startup") {
        startup(&root, &display.name)?;
    }
    if wanted("roles") {
        roles_picker(&root, &display.name)?;
    }
    if wanted("setup") {
        guided_setup()?;
    }
    if wanted("actions") {
        action_test()?;
        action_import()?;
        action_preview()?;
    }
    Ok(())
}

/// Dip Studio beside the empty Tauri app: both built in release, started in turns on the same
/// display with fresh data folders, and measured from the screen.
fn startup(root: &Path, display: &str) -> Result {
    npx(&["tauri", "build", "--bundles", "deb,rpm"]).run()?;
    npx(&["tauri", "build", "--bundles", "deb"])
        .dir(&root.join("tests/bench/floor"))
        .run()?;
    let subjects = [
        Subject {
            label: "Dip Studio",
            binary: root.join("target/release/dip-studio"),
            deb_prefix: "Dip Studio_",
        },
        Subject {
            label: "empty Tauri app",
            binary: root.join("target/release/floor-app"),
            deb_prefix: "floor-app_",
        },
    ];
    let mut samples: [Vec<Sample>; 2] = [Vec::new(), Vec::new()];
    for run in 0..RUNS {
        for (i, subject) in subjects.iter().enumerate() {
            let sample = measure(root, display, subject, run)?;
            eprintln!(
                "run {} {}: first paint {:.0} ms, complete {:.0} ms{}, idle PSS {:.0} MB",
                run + 1,
                subject.label,
                sample.first_paint_ms,
                sample.complete_ms,
                sample
                    .reported_ms
                    .map(|ms| format!(" (the app says interactive at {ms:.0} ms)"))
                    .unwrap_or_default(),
                sample.pss_mb
            );
            samples[i].push(sample);
        }
    }
    println!(
        "\nStart-up, measured from the screen ({RUNS} runs each, release builds, Xvfb 1280x800)"
    );
    println!(
        "{:<38} {:>26} {:>26} {:>7}",
        "", subjects[0].label, subjects[1].label, "ratio"
    );
    for (label, unit, value) in MEASURES {
        let app = Stats::of(samples[0].iter().map(value));
        let floor = Stats::of(samples[1].iter().map(value));
        println!(
            "{label:<38} {:>26} {:>26} {:>6.2}×",
            app.shown(unit),
            floor.shown(unit),
            app.median / floor.median
        );
    }
    let reported = Stats::of(samples[0].iter().filter_map(|s| s.reported_ms));
    if reported.count > 0 {
        println!(
            "{:<38} {:>26}",
            "  the app's own first interactive paint",
            reported.shown("ms")
        );
    }
    let sizes = |s: &Subject| {
        (
            file_mib(&s.binary),
            find_deb(root, s.deb_prefix).and_then(|p| file_mib(&p)),
        )
    };
    let (app_bin, app_deb) = sizes(&subjects[0]);
    let (floor_bin, floor_deb) = sizes(&subjects[1]);
    for (label, a, f) in [
        ("release binary", app_bin, floor_bin),
        (".deb", app_deb, floor_deb),
    ] {
        match (a, f) {
            (Some(a), Some(f)) => println!(
                "{label:<38} {:>22.2} MiB {:>22.2} MiB {:>6.2}×",
                a,
                f,
                a / f
            ),
            _ => println!("{label:<38} missing"),
        }
    }
    Ok(())
}

/// Median and range of a measure over the runs.
struct Stats {
    median: f64,
    min: f64,
    max: f64,
    count: usize,
}

impl Stats {
    fn of(values: impl Iterator<Item = f64>) -> Stats {
        let mut v: Vec<f64> = values.filter(|x| x.is_finite()).collect();
        v.sort_by(f64::total_cmp);
        let pick = |i: usize| v.get(i).copied().unwrap_or(f64::NAN);
        Stats {
            median: pick(v.len() / 2),
            min: pick(0),
            max: pick(v.len().saturating_sub(1)),
            count: v.len(),
        }
    }

    fn shown(&self, unit: &str) -> String {
        format!(
            "{:.0} {unit} ({:.0}–{:.0})",
            self.median, self.min, self.max
        )
    }
}

fn file_mib(path: &Path) -> Option<f64> {
    std::fs::metadata(path)
        .ok()
        .map(|m| m.len() as f64 / 1_048_576.0)
}

fn find_deb(root: &Path, prefix: &str) -> Option<PathBuf> {
    std::fs::read_dir(root.join("target/release/bundle/deb"))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.extension().is_some_and(|x| x == "deb")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
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

fn measure(root: &Path, display: &str, subject: &Subject, run: usize) -> Result<Sample> {
    let stem = subject
        .binary
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let env = session::hermetic_xdg(&root.join(format!("target/bench/{stem}-{run}")))?;
    // The screen with nothing on it: the first frame that differs is the app's.
    let blank = screen::grab(display)?;
    let mut command = Command::new(&subject.binary);
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
        .map_err(|e| format!("could not start {}: {e}", subject.label))?;
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
                let _ = tx.send(ms);
            }
        }
    });
    let seen = screen::watch(display, started, &blank, SHOW_WITHIN);
    let result = seen.and_then(|timeline| {
        let (Some(first), Some(complete)) = (timeline.first_paint, timeline.complete) else {
            return Err(format!(
                "{} did not paint and hold still within {} s ({} frames)",
                subject.label,
                SHOW_WITHIN.as_secs(),
                timeline.frames
            ));
        };
        std::thread::sleep(IDLE_AFTER.saturating_sub(started.elapsed()));
        let (rss, pss) = memory_of_tree(child.id());
        Ok(Sample {
            first_paint_ms: first.as_secs_f64() * 1000.0,
            complete_ms: complete.as_secs_f64() * 1000.0,
            reported_ms: rx.try_recv().ok().flatten(),
            rss_mb: rss as f64 / 1024.0,
            pss_mb: pss as f64 / 1024.0,
        })
    });
    let _ = child.kill();
    let _ = child.wait();
    // Let the display empty before the next app's blank frame is grabbed.
    std::thread::sleep(Duration::from_millis(500));
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
