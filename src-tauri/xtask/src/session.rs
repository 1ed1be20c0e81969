//! A private desktop session for the tests: hermetic XDG folders under target/, a D-Bus
//! session bus with an unlocked gnome-keyring (a real Secret Service) and an Xvfb display.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::cmd::{self, Result};

/// The hidden subcommand that runs inside `dbus-run-session`.
pub const INNER: &str = "__in-session";

/// Fresh XDG folders under `dir`, so app data, WebKit caches and the test keyring never
/// touch the home folder or carry over between runs. HOME stays (rustup needs it).
pub fn hermetic_xdg(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    let vars = [
        "XDG_DATA_HOME",
        "XDG_CACHE_HOME",
        "XDG_CONFIG_HOME",
        "XDG_RUNTIME_DIR",
    ];
    let mut out = Vec::new();
    for var in vars {
        let path = dir.join(var.trim_start_matches("XDG_").to_lowercase());
        std::fs::create_dir_all(&path)
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        out.push((var.to_string(), path));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let runtime = &out[3].1;
        std::fs::set_permissions(runtime, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| format!("cannot chmod {}: {e}", runtime.display()))?;
    }
    Ok(out)
}

/// Re-runs this xtask with `INNER` inside a new D-Bus session bus.
pub fn reexec_in_dbus(env: &[(String, PathBuf)]) -> Result {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut command = Command::new("dbus-run-session");
    command
        .arg("--")
        .arg(me)
        .arg(INNER)
        .current_dir(cmd::root());
    for (k, v) in env {
        command.env(k, v);
    }
    let status = command
        .status()
        .map_err(|e| format!("could not start dbus-run-session: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("test steps failed ({status})"))
    }
}

/// Starts gnome-keyring's Secret Service on the current bus, unlocked with a test password.
pub fn start_keyring() -> Result {
    let mut child = Command::new("gnome-keyring-daemon")
        .args(["--unlock", "--components=secrets"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start gnome-keyring-daemon: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(b"dip-studio-test")
            .map_err(|e| e.to_string())?;
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    // It prints VAR=value lines for the caller's environment.
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        if let Some((k, v)) = line.split_once('=') {
            std::env::set_var(k, v);
        }
    }
    Ok(())
}

pub struct Display {
    child: Child,
    pub name: String,
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An Xvfb display on the first free number from :90, ready when its socket appears.
pub fn start_xvfb() -> Result<Display> {
    let number = (90..140)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .ok_or("no free X display number between :90 and :139")?;
    let name = format!(":{number}");
    let child = Command::new("Xvfb")
        .args([
            name.as_str(),
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start Xvfb: {e}"))?;
    let display = Display { child, name };
    let socket = format!("/tmp/.X11-unix/X{number}");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !Path::new(&socket).exists() {
        if Instant::now() > deadline {
            return Err("Xvfb did not start within 10 s".into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(display)
}
