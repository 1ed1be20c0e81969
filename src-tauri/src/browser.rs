//! Opens the system browser (tauri-plugin-opener) at a Genesys login host's `/oauth/authorize`
//! (sign-in) or `/logout` (sign-out), or the Sandbox org's, and nothing else
//! (security-matrix.md F8; the rule is `studio::sign_in::login_page_allowed`). The webview
//! cannot open anything: it has no opener permission.

use genesys::Error;
use studio::sign_in::login_page_allowed;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_opener::OpenerExt;

use crate::AppState;

/// Debug builds only: a command to run with the URL instead of the system browser, so the
/// end-to-end tests can drive a real (headless) browser. Release builds ignore it.
pub const TEST_BROWSER_ENV: &str = "DIP_STUDIO_TEST_BROWSER";

async fn allowed<R: Runtime>(app: &AppHandle<R>, url: &str) -> bool {
    let state = app.state::<AppState>();
    let sandbox = state.sandbox.lock().await;
    let sandbox_login = sandbox.as_ref().map(|org| org.login_base_url());
    login_page_allowed(url, sandbox_login.as_deref())
}

pub async fn open<R: Runtime>(app: &AppHandle<R>, url: &str) -> Result<(), Error> {
    if !allowed(app, url).await {
        return Err(Error::InvalidInput {
            field: "authorizeUrl",
            reason: "only a Genesys Cloud sign-in or sign-out page may be opened".into(),
        });
    }
    launch(app, url)
}

/// Opens an article of Genesys's help site (`studio::help::help_page_allowed`), nothing else.
pub fn open_help<R: Runtime>(app: &AppHandle<R>, url: &str) -> Result<(), Error> {
    if !studio::help::help_page_allowed(url) {
        return Err(Error::InvalidInput {
            field: "url",
            reason: "only a page of Genesys Cloud's help site may be opened".into(),
        });
    }
    launch(app, url)
}

fn launch<R: Runtime>(app: &AppHandle<R>, url: &str) -> Result<(), Error> {
    if cfg!(debug_assertions) {
        if let Some(command) = std::env::var_os(TEST_BROWSER_ENV) {
            return std::process::Command::new(command)
                .arg(url)
                .spawn()
                .map(|_| ())
                .map_err(|e| Error::Unexpected(format!("the test browser did not start: {e}")));
        }
    }
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| Error::Unexpected(format!("the browser did not open: {e}")))
}
