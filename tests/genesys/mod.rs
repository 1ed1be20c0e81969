//! The `genesys` core against the Sandbox org over real HTTP: browser sign-in (security matrix
//! A), client credentials, API errors and 429, secret hygiene (F), and the keychain (E). The
//! browser is played by plain reqwest: it GETs the authorize URL, posts the sign-in form and
//! follows the redirect to the loopback listener itself.

mod accept_language;
mod action_calls;
mod action_versions;
mod actions;
mod api;
mod authorization;
mod canary;
mod credentials;
mod exchange;
mod implicit;
mod integrations;
mod keychain;
mod listener;
mod network;
mod oauth_client_form;
mod oauth_clients;
mod pkce;
mod rate_limited_run;
mod recorder;
mod relay_page;
mod retries;
mod routing;
pub mod setup;

use std::time::Duration;

use ::genesys::auth::{begin_sign_in, BrowserGrant, PendingSignIn, Session, SignInRequest};
use ::genesys::{Endpoints, Language};
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use sandbox::{RunningSandbox, Sandbox, SandboxOptions, Variant};

/// One Sandbox org and a browser-like HTTP client that follows no redirects.
pub struct World {
    pub org: RunningSandbox,
    pub browser: reqwest::Client,
}

pub async fn world() -> World {
    world_with(Variant::default()).await
}

/// A World whose Sandbox org answers as `variant` says.
pub async fn world_with(variant: Variant) -> World {
    world_from(quick(variant)).await
}

/// The tests' Sandbox options: no role-change delay, a short activation, hangs of 5 s.
pub fn quick(variant: Variant) -> SandboxOptions {
    SandboxOptions {
        consistency_delay: Duration::ZERO,
        activation_delay: Duration::from_millis(100),
        hang_duration: Duration::from_secs(5),
        variant,
        ..SandboxOptions::default()
    }
}

/// A World on a Sandbox org started with `options`.
pub async fn world_from(options: SandboxOptions) -> World {
    let org = Sandbox::start(options)
        .await
        .expect("the Sandbox org starts");
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .expect("a reqwest client");
    World { org, browser }
}

impl World {
    pub fn endpoints(&self) -> Endpoints {
        Endpoints {
            login_base: self.org.login_base_url(),
            api_base: self.org.api_base_url(),
        }
    }

    pub fn request(&self, grant: BrowserGrant) -> SignInRequest {
        let seed = self.org.seed();
        let client_id = match grant {
            BrowserGrant::Pkce => seed.code_client_id.clone(),
            BrowserGrant::Implicit => seed.token_client_id.clone(),
        };
        SignInRequest {
            endpoints: self.endpoints(),
            region_code: "sandbox".to_owned(),
            client_id,
            grant,
            prompt_login: false,
            language: Language::En,
            timeout: ::genesys::auth::DEFAULT_TIMEOUT,
            ports: Vec::new(),
        }
    }

    pub async fn begin(&self, grant: BrowserGrant) -> PendingSignIn {
        begin_sign_in(self.request(grant))
            .await
            .expect("sign-in begins")
    }

    /// The browser: show the sign-in page, submit it as the seeded admin (or press Cancel),
    /// and return where the login host redirects (the loopback callback).
    pub async fn approve(&self, authorize_url: &str, action: &str) -> String {
        self.approve_with_session(authorize_url, action).await.0
    }

    /// [`World::approve`], also returning the login host's browser-session cookie
    /// (`name=value`) if it set one; the test browser keeps no cookies by itself.
    pub async fn approve_with_session(
        &self,
        authorize_url: &str,
        action: &str,
    ) -> (String, Option<String>) {
        let page = self
            .browser
            .get(authorize_url)
            .send()
            .await
            .expect("the sign-in page");
        assert_eq!(page.status(), 200, "the login host shows its sign-in page");
        let url = reqwest::Url::parse(authorize_url).expect("an absolute authorize URL");
        let seed = self.org.seed();
        let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        form.push(("email".into(), seed.admin_email.clone()));
        form.push(("password".into(), seed.admin_password.clone()));
        form.push(("action".into(), action.into()));
        let submitted = self
            .browser
            .post(format!("{}/oauth/authorize", self.org.login_base_url()))
            .form(&form)
            .send()
            .await
            .expect("the sign-in form is answered");
        assert_eq!(submitted.status(), 302, "signing in redirects back");
        let cookie = submitted
            .headers()
            .get(SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(str::to_owned);
        let location = submitted
            .headers()
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .expect("a Location")
            .to_owned();
        (location, cookie)
    }

    /// The browser opens `url` on the login host sending `cookie`: the answer, not followed.
    pub async fn visit(&self, url: &str, cookie: &str) -> reqwest::Response {
        self.browser
            .get(url)
            .header(COOKIE, cookie)
            .send()
            .await
            .expect("the login host answers")
    }

    /// A whole PKCE sign-in as the seeded admin: the session and the callback page's body.
    pub async fn sign_in(&self) -> (Session, String) {
        let pending = self.begin(BrowserGrant::Pkce).await;
        let back = self.approve(&pending.authorize_url, "sign_in").await;
        let finish = tokio::spawn(pending.finish());
        let page = self.browser.get(&back).send().await.expect("callback");
        let body = page.text().await.expect("page body");
        let session = finish.await.expect("no panic").expect("signed in");
        (session, body)
    }
}

/// The value of `name` in a URL's query or fragment.
pub fn url_param(url: &str, name: &str) -> Option<String> {
    let tail = url.split_once(['?', '#'])?.1;
    let parsed = reqwest::Url::parse(&format!("http://x/?{tail}")).ok()?;
    let value = parsed.query_pairs().find(|(k, _)| k == name)?.1;
    Some(value.into_owned())
}

/// `url` with its query or fragment parameter `name` set to `value`.
pub fn with_param(url: &str, name: &str, value: &str) -> String {
    let (base, tail) = url.split_once(['?', '#']).expect("a query or fragment");
    let separator = &url[base.len()..=base.len()];
    let mut pairs = reqwest::Url::parse(&format!("http://x/?{tail}")).expect("pairs");
    let kept: Vec<(String, String)> = pairs
        .query_pairs()
        .into_owned()
        .filter(|(k, _)| k != name)
        .collect();
    pairs
        .query_pairs_mut()
        .clear()
        .extend_pairs(kept)
        .append_pair(name, value);
    format!("{base}{separator}{}", pairs.query().unwrap_or(""))
}

/// Whether something still accepts TCP connections at `addr`.
pub async fn accepts(addr: std::net::SocketAddr) -> bool {
    tokio::net::TcpStream::connect(addr).await.is_ok()
}
