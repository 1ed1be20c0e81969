//! A copied client secret stays on the OS clipboard for a minute at most: Rust writes it, and
//! clears the clipboard [`CLIPBOARD_TTL`] later if it still holds that secret (anything the
//! user copied since is left alone). The clipboard itself is the shell's (a Tauri plugin).

use std::sync::Arc;
use std::time::Duration;

use genesys::secrets::Secret;
use genesys::Error;

/// How long a copied secret may stay on the clipboard.
pub const CLIPBOARD_TTL: Duration = Duration::from_secs(60);

/// The OS clipboard, as far as a secret copy needs it.
pub trait Clipboard: Send + Sync + 'static {
    fn write(&self, text: &str) -> Result<(), String>;
    /// The text on the clipboard, if it holds text.
    fn read(&self) -> Option<String>;
    fn clear(&self) -> Result<(), String>;
}

/// Puts `secret` on `clipboard` and schedules its removal, as a task on the current tokio
/// runtime; without one it copies nothing, since the secret could not be cleared.
pub fn copy_for_a_minute(clipboard: Arc<dyn Clipboard>, secret: Secret) -> Result<(), Error> {
    let runtime = tokio::runtime::Handle::try_current()
        .map_err(|_| Error::Unexpected("no runtime to clear the clipboard with".into()))?;
    clipboard
        .write(secret.expose())
        .map_err(|e| Error::Unexpected(format!("the clipboard refused the text: {e}")))?;
    runtime.spawn(async move {
        tokio::time::sleep(CLIPBOARD_TTL).await;
        clear_if_holding(clipboard.as_ref(), &secret);
    });
    Ok(())
}

fn clear_if_holding(clipboard: &dyn Clipboard, secret: &Secret) {
    if clipboard.read().as_deref() == Some(secret.expose()) {
        if let Err(e) = clipboard.clear() {
            log::warn!("the clipboard could not be cleared: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    /// A stand-in for the OS clipboard (the real one needs a desktop session): a mock at the
    /// seam, holding one text like the real one.
    #[derive(Default)]
    struct MockClipboard(Mutex<Option<String>>);

    impl Clipboard for MockClipboard {
        fn write(&self, text: &str) -> Result<(), String> {
            *self.0.lock().map_err(|e| e.to_string())? = Some(text.to_owned());
            Ok(())
        }
        fn read(&self) -> Option<String> {
            self.0.lock().ok()?.clone()
        }
        fn clear(&self) -> Result<(), String> {
            *self.0.lock().map_err(|e| e.to_string())? = None;
            Ok(())
        }
    }

    async fn settle() {
        for _ in 0..5 {
            tokio::task::yield_now().await;
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_copied_secret_is_cleared_after_sixty_seconds() {
        let clipboard = Arc::new(MockClipboard::default());
        copy_for_a_minute(clipboard.clone(), Secret::new("s3cret")).expect("copied");
        settle().await; // the clearing task starts its wait
        assert_eq!(clipboard.read().as_deref(), Some("s3cret"));
        tokio::time::advance(CLIPBOARD_TTL - Duration::from_millis(1)).await;
        settle().await;
        assert_eq!(
            clipboard.read().as_deref(),
            Some("s3cret"),
            "not before 60 s"
        );
        tokio::time::advance(Duration::from_millis(2)).await;
        settle().await;
        assert_eq!(clipboard.read(), None, "cleared at 60 s");
    }

    /// Called where no runtime runs (a synchronous command on the main thread), the copy is
    /// refused with an error instead of a panic, and nothing is put on the clipboard.
    #[test]
    fn without_a_runtime_nothing_is_copied_and_nothing_panics() {
        let clipboard = Arc::new(MockClipboard::default());
        assert!(copy_for_a_minute(clipboard.clone(), Secret::new("s3cret")).is_err());
        assert_eq!(clipboard.read(), None);
    }

    #[tokio::test(start_paused = true)]
    async fn what_the_user_copied_since_is_left_alone() {
        let clipboard = Arc::new(MockClipboard::default());
        copy_for_a_minute(clipboard.clone(), Secret::new("s3cret")).expect("copied");
        clipboard.write("their own text").expect("written");
        tokio::time::advance(CLIPBOARD_TTL + Duration::from_secs(1)).await;
        settle().await;
        assert_eq!(clipboard.read().as_deref(), Some("their own text"));
    }
}
