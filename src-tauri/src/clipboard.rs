//! Copies a new client secret to the OS clipboard from Rust (the webview has no clipboard
//! permission), and clears the clipboard a minute later if it still holds that secret.

use std::time::{Duration, Instant};

use genesys::secrets::Secret;
use genesys::Error;
use studio::reveal::Reveals;
use tauri::{AppHandle, Runtime};
use tauri_plugin_clipboard_manager::ClipboardExt;

/// How long a copied secret may stay on the clipboard.
pub const CLIPBOARD_TTL: Duration = Duration::from_secs(60);

/// Copies the secret behind `handle` while it is alive, and schedules the clear.
pub fn copy_secret<R: Runtime>(
    app: &AppHandle<R>,
    reveals: &Reveals,
    handle: &str,
) -> Result<(), Error> {
    let secret = reveals.peek(handle, Instant::now())?;
    app.clipboard()
        .write_text(secret.expose().to_owned())
        .map_err(|e| Error::Unexpected(format!("the clipboard refused the text: {e}")))?;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(CLIPBOARD_TTL).await;
        clear_if_holding(&app, &secret);
    });
    Ok(())
}

fn clear_if_holding<R: Runtime>(app: &AppHandle<R>, secret: &Secret) {
    let clipboard = app.clipboard();
    let still_there = clipboard
        .read_text()
        .is_ok_and(|text| text == secret.expose());
    if still_there {
        if let Err(e) = clipboard.clear() {
            log::warn!("the clipboard could not be cleared: {e}");
        }
    }
}
