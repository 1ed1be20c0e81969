//! The `package` step of `cargo xtask test`: builds the release `.deb` and `.rpm`, installs the
//! `.deb` with apt, checks its desktop entry, runs the smoke test against the INSTALLED app
//! (tests/e2e/installed) under Xvfb, then uninstalls it whatever happened.

use std::path::{Path, PathBuf};

use crate::cmd::{self, cmd, npx, Result};
use crate::{deps, e2e};

/// The Debian package name the bundler derives from productName "Dip Studio".
const PACKAGE: &str = "dip-studio";

fn bundle(kind: &str) -> Result<PathBuf> {
    let dir = cmd::root().join("target/release/bundle").join(kind);
    std::fs::read_dir(&dir)
        .map_err(|e| format!("no {kind} bundle in {}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == kind))
        .ok_or_else(|| format!("no .{kind} in {}", dir.display()))
}

pub fn run() -> Result {
    // The AppImage needs downloads from outside the package registries: the release workflow builds it.
    npx(&["tauri", "build", "--bundles", "deb,rpm"]).run()?;
    let deb = bundle("deb")?;
    bundle("rpm")?;
    let quoted = format!("'{}'", deb.display().to_string().replace('\'', r"'\''"));
    deps::as_root(&format!(
        "DEBIAN_FRONTEND=noninteractive apt-get install -y --reinstall {quoted}"
    ))?;
    let checked = check_installed().and_then(|binary| {
        let version = env!("CARGO_PKG_VERSION").to_string();
        let files = e2e::e2e_files(&cmd::root().join("tests/e2e/installed"));
        e2e::suite(&binary, &files, &[("DIP_STUDIO_VERSION", version)])
    });
    let removed = deps::as_root(&format!(
        "DEBIAN_FRONTEND=noninteractive apt-get remove -y {PACKAGE}"
    ));
    checked.and(removed)
}

/// The installed binary, after checking the package put it and its desktop entry in place.
fn check_installed() -> Result<PathBuf> {
    let listing = cmd("dpkg", &["-L", PACKAGE]).output()?;
    let binary = listing
        .lines()
        .map(Path::new)
        .find(|p| p.starts_with("/usr/bin") && p.file_name().is_some_and(|n| n == PACKAGE))
        .ok_or("the package installs no /usr/bin/dip-studio")?
        .to_path_buf();
    let desktop = listing
        .lines()
        .find(|l| l.starts_with("/usr/share/applications/") && l.ends_with(".desktop"))
        .ok_or("the package installs no desktop entry")?;
    let entry = std::fs::read_to_string(desktop).map_err(|e| format!("{desktop}: {e}"))?;
    for line in [
        "Name=Dip Studio",
        "Exec=dip-studio",
        "Icon=dip-studio",
        "Type=Application",
    ] {
        if !entry.lines().any(|l| l == line) {
            return Err(format!(
                "the desktop entry {desktop} lacks `{line}`:\n{entry}"
            ));
        }
    }
    let depends = cmd("dpkg-query", &["-W", "-f=${Depends}", PACKAGE]).output()?;
    if !depends.contains("libwebkit2gtk-4.1") {
        return Err(format!(
            "the .deb does not declare WebKitGTK: Depends: {depends}"
        ));
    }
    eprintln!("installed {} (Depends: {depends})", binary.display());
    Ok(binary)
}
