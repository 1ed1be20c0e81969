//! Running other programs from xtask: one place that prints what runs, from the repo root,
//! and turns a non-zero exit into an error that names the command.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root (xtask lives in src-tauri/xtask).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("xtask sits two levels below the repo root")
        .to_path_buf()
}

pub struct Cmd {
    inner: Command,
    shown: String,
}

pub fn cmd(program: &str, args: &[&str]) -> Cmd {
    let mut inner = Command::new(program);
    inner.args(args).current_dir(root());
    Cmd {
        inner,
        shown: std::iter::once(program)
            .chain(args.iter().copied())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// `npx` from the project's node_modules (npx.cmd on Windows).
pub fn npx(args: &[&str]) -> Cmd {
    cmd(if cfg!(windows) { "npx.cmd" } else { "npx" }, args)
}

pub fn npm(args: &[&str]) -> Cmd {
    cmd(if cfg!(windows) { "npm.cmd" } else { "npm" }, args)
}

impl Cmd {
    /// Runs in `dir` instead of the repo root.
    pub fn dir(mut self, dir: &Path) -> Cmd {
        self.inner.current_dir(dir);
        self.shown = format!("(in {}) {}", dir.display(), self.shown);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Cmd {
        self.inner.env(key, value);
        self
    }

    /// Runs to completion with inherited stdio; fails unless it exits 0.
    pub fn run(mut self) -> Result {
        eprintln!("$ {}", self.shown);
        let status = self
            .inner
            .status()
            .map_err(|e| format!("could not start `{}`: {e}", self.shown))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.shown))
        }
    }

    /// Runs quietly and returns stdout; fails unless it exits 0.
    pub fn output(mut self) -> Result<String> {
        let out = self
            .inner
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("could not start `{}`: {e}", self.shown))?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(format!("`{}` failed ({})", self.shown, out.status))
        }
    }

    /// Runs quietly; whether it exited 0, and what it printed on stdout and stderr.
    pub fn capture(mut self) -> Result<(bool, String)> {
        eprintln!("$ {}", self.shown);
        let out = self
            .inner
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("could not start `{}`: {e}", self.shown))?;
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        Ok((out.status.success(), text))
    }

    /// True when the program starts and exits 0, with all output discarded.
    pub fn succeeds(mut self) -> bool {
        self.inner
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }
}

/// Runs a named step, printing its duration; used for the test command's summary.
pub fn step(name: &str, f: impl FnOnce() -> Result) -> Result {
    eprintln!("\n== {name}");
    let started = Instant::now();
    let result = f();
    let secs = started.elapsed().as_secs_f64();
    match &result {
        Ok(()) => eprintln!("== {name}: ok ({secs:.1} s)"),
        Err(e) => eprintln!("== {name}: FAILED ({secs:.1} s): {e}"),
    }
    result
}

pub fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}
