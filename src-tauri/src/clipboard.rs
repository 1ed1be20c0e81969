//! The OS clipboard (tauri-plugin-clipboard-manager, used from Rust only: the webview has no
//! clipboard permission) behind `studio::clipboard`'s rule: a copied secret is cleared a
//! minute later if the clipboard still holds it.

use std::sync::Arc;
use std::time::Instant;

use genesys::Error;
use studio::clipboard::{copy_for_a_minute, Clipboard};
use studio::reveal::Reveals;
use tauri::{AppHandle, Runtime};
use tauri_plugin_clipboard_manager::ClipboardExt;

struct OsClipboard<R: Runtime>(AppHandle<R>);

impl<R: Runtime> Clipboard for OsClipboard<R> {
    fn write(&self, text: &str) -> Result<(), String> {
        let clipboard = self.0.clipboard();
        clipboard
            .write_text(text.to_owned())
            .map_err(|e| e.to_string())
    }
    fn read(&self) -> Option<String> {
        self.0.clipboard().read_text().ok()
    }
    fn clear(&self) -> Result<(), String> {
        self.0.clipboard().clear().map_err(|e| e.to_string())
    }
}

/// Copies the secret behind `handle` while it is alive, and schedules the clear.
pub fn copy_secret<R: Runtime>(
    app: &AppHandle<R>,
    reveals: &Reveals,
    handle: &str,
) -> Result<(), Error> {
    let secret = reveals.peek(handle, Instant::now())?;
    copy_for_a_minute(Arc::new(OsClipboard(app.clone())), secret)
}
