//! Opens the system browser (tauri-plugin-opener) at a Genesys login host's `/oauth/authorize`
//! (sign-in) or `/logout` (sign-out), or the Sandbox org's, and nothing else (security-matrix.md F8). The
//! webview cannot open anything: it has no opener permission.

use genesys::{Error, REGIONS};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_opener::OpenerExt;

use crate::AppState;

/// Debug builds only: a command to run with the URL instead of the system browser, so the
/// end-to-end tests can drive a real (headless) browser. Release builds ignore it.
pub const TEST_BROWSER_ENV: &str = "DIP_STUDIO_TEST_BROWSER";

/// The login host paths the browser may be sent to; the query must follow the path at once.
const LOGIN_PATHS: [&str; 2] = ["/oauth/authorize?", "/logout?"];

/// Whether `url` is a sign-in or sign-out page of a region's login host or of `sandbox_login`
/// (the Sandbox org's login base, when it runs). Printable ASCII only: nothing the OS opener
/// could read as a second argument or a different URL.
fn allowed_url(url: &str, sandbox_login: Option<&str>) -> bool {
    if !url.bytes().all(|b| b.is_ascii_graphic()) {
        return false;
    }
    let bases = REGIONS
        .iter()
        .map(|r| format!("https://login.{}", r.domain))
        .chain(sandbox_login.map(str::to_owned));
    bases
        .flat_map(|base| LOGIN_PATHS.map(|path| format!("{base}{path}")))
        .any(|prefix| url.starts_with(&prefix))
}

async fn allowed<R: Runtime>(app: &AppHandle<R>, url: &str) -> bool {
    let state = app.state::<AppState>();
    let sandbox = state.sandbox.lock().await;
    let sandbox_login = sandbox.as_ref().map(|org| org.login_base_url());
    allowed_url(url, sandbox_login.as_deref())
}

pub async fn open<R: Runtime>(app: &AppHandle<R>, url: &str) -> Result<(), Error> {
    if !allowed(app, url).await {
        return Err(Error::InvalidInput {
            field: "authorizeUrl",
            reason: "only a Genesys Cloud sign-in or sign-out page may be opened".into(),
        });
    }
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

#[cfg(test)]
mod tests {
    use super::allowed_url;

    #[test]
    fn only_login_hosts_authorize_and_logout_pages_are_opened() {
        let sandbox = Some("http://127.0.0.1:41234");
        for url in [
            "https://login.mypurecloud.com/oauth/authorize?client_id=x",
            "https://login.mypurecloud.ie/logout?client_id=x",
            "https://login.usw2.pure.cloud/logout?client_id=x",
            "http://127.0.0.1:41234/logout?client_id=x",
            "http://127.0.0.1:41234/oauth/authorize?client_id=x",
        ] {
            assert!(allowed_url(url, sandbox), "{url}");
        }
        for url in [
            "https://login.mypurecloud.com/logout",
            "https://login.mypurecloud.com/logoutx?a",
            "https://login.mypurecloud.com/logout/../oauth/token?a",
            "https://login.mypurecloud.com.evil.example/logout?a",
            "https://login.mypurecloud.com@evil.example/logout?a",
            "https://apps.mypurecloud.com/logout?a",
            "http://login.mypurecloud.com/logout?a",
            "https://login.mypurecloud.com/logout?a b",
            "https://login.mypurecloud.com/logout?a\n",
            "http://127.0.0.1:41235/logout?client_id=x",
            "file:///etc/passwd",
        ] {
            assert!(!allowed_url(url, sandbox), "{url}");
        }
        assert!(!allowed_url("http://127.0.0.1:41234/logout?a", None));
    }
}
