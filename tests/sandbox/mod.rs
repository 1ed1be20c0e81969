//! Integration tests of the Sandbox org over real loopback HTTP. Each test starts a fresh
//! in-memory org; every API response passes through `Org::call`, which checks it against the
//! spec (`spec.rs`) and checks `ININ-Correlation-Id` against the error's `contextId`.

mod action_runs;
mod actions;
mod api_docs;
mod authorization;
mod client_credentials;
mod confidential_code;
mod control;
mod credentials;
mod integrations;
mod knobs;
mod oauth_clients;
mod persistence;
mod robustness;
mod routing;
mod scope_languages;
mod sign_in;
mod sign_in_page;
mod spec;

use std::time::Duration;

use reqwest::header::{HeaderMap, LOCATION};
use reqwest::Method;
use sandbox::{RunningSandbox, Sandbox, SandboxOptions};
use serde_json::{json, Value};

/// RFC 7636 appendix B.
pub const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
pub const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

pub struct Org {
    pub sandbox: RunningSandbox,
    pub http: reqwest::Client,
}

/// One API answer, already checked against the spec.
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Reply {
    /// Assert a Genesys error: status, code, and return the body for message checks.
    pub fn error(&self, status: u16, code: &str) -> &Value {
        assert_eq!(
            (self.status, self.body["code"].as_str()),
            (status, Some(code)),
            "{}",
            self.body
        );
        assert_eq!(self.body["status"], status);
        &self.body
    }
    pub fn ok(&self) -> &Value {
        assert!(
            (200..300).contains(&self.status),
            "expected success, got {} {}",
            self.status,
            self.body
        );
        &self.body
    }
}

/// Options with short delays so tests never wait long.
pub fn quick() -> SandboxOptions {
    SandboxOptions {
        consistency_delay: Duration::ZERO,
        activation_delay: Duration::from_millis(150),
        hang_duration: Duration::from_secs(5),
        ..SandboxOptions::default()
    }
}

pub async fn start() -> Org {
    start_with(quick()).await
}

pub async fn start_with(options: SandboxOptions) -> Org {
    let sandbox = Sandbox::start(options).await.expect("the sandbox starts");
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a reqwest client");
    Org { sandbox, http }
}

impl Org {
    pub fn api(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.api_base_url())
    }
    pub fn login(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.login_base_url())
    }

    /// Call the API host and check the answer against the spec.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut request = self.http.request(method.clone(), self.api(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("the API answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("a body");
        let parsed: Option<Value> =
            (!bytes.is_empty()).then(|| serde_json::from_slice(&bytes).expect("JSON body"));
        let correlation = headers
            .get("inin-correlation-id")
            .and_then(|v| v.to_str().ok())
            .expect("ININ-Correlation-Id on every response")
            .to_owned();
        let bare_path = path.split('?').next().unwrap_or(path);
        if let Err(problem) = spec::check(method.as_str(), bare_path, status, parsed.as_ref()) {
            panic!("response does not conform to the spec: {problem}\nbody: {parsed:?}");
        }
        if status >= 400 {
            let context = parsed.as_ref().and_then(|b| b["contextId"].as_str());
            assert_eq!(
                context,
                Some(correlation.as_str()),
                "contextId equals ININ-Correlation-Id"
            );
        }
        Reply {
            status,
            headers,
            body: parsed.unwrap_or(Value::Null),
        }
    }

    pub async fn get(&self, path: &str, token: &str) -> Reply {
        self.call(Method::GET, path, Some(token), None).await
    }
    pub async fn post(&self, path: &str, token: &str, body: Value) -> Reply {
        self.call(Method::POST, path, Some(token), Some(body)).await
    }
    pub async fn put(&self, path: &str, token: &str, body: Value) -> Reply {
        self.call(Method::PUT, path, Some(token), Some(body)).await
    }
    pub async fn delete(&self, path: &str, token: &str) -> Reply {
        self.call(Method::DELETE, path, Some(token), None).await
    }

    /// POST the sign-in form (after GETting the page) and return the redirect `Location`.
    pub async fn authorize(&self, params: &[(&str, &str)], email: &str, password: &str) -> String {
        let page = self
            .http
            .get(self.login("/oauth/authorize"))
            .query(params)
            .send()
            .await
            .expect("page");
        assert_eq!(page.status(), 200, "the sign-in page is shown");
        let mut form: Vec<(&str, &str)> = params.to_vec();
        form.extend([
            ("email", email),
            ("password", password),
            ("action", "sign_in"),
        ]);
        let response = self
            .http
            .post(self.login("/oauth/authorize"))
            .form(&form)
            .send()
            .await
            .expect("sign in");
        assert_eq!(response.status(), 302, "signing in redirects back");
        location(response.headers())
    }

    /// A PKCE code for the seeded admin through the seeded CODE client.
    pub async fn code(&self, redirect_uri: &str) -> String {
        let seed = self.sandbox.seed().clone();
        let params = [
            ("client_id", seed.code_client_id.as_str()),
            ("response_type", "code"),
            ("redirect_uri", redirect_uri),
            ("code_challenge", CHALLENGE),
            ("code_challenge_method", "S256"),
            ("state", "s1"),
        ];
        let location = self
            .authorize(&params, &seed.admin_email, &seed.admin_password)
            .await;
        query_param(&location, "code").expect("a code in the redirect")
    }

    /// Exchange a code at `/oauth/token`: (status, JSON body).
    pub async fn exchange(&self, code: &str, verifier: &str, redirect_uri: &str) -> (u16, Value) {
        let client_id = self.sandbox.seed().code_client_id.clone();
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("code_verifier", verifier),
            ("client_id", client_id.as_str()),
            ("redirect_uri", redirect_uri),
        ];
        let response = self
            .http
            .post(self.login("/oauth/token"))
            .form(&form)
            .send()
            .await
            .expect("token");
        (
            response.status().as_u16(),
            response.json().await.expect("JSON"),
        )
    }

    /// The seeded admin's access token, through the whole PKCE flow.
    pub async fn admin_token(&self) -> String {
        let redirect = "http://127.0.0.1:43123";
        let code = self.code(redirect).await;
        let (status, body) = self.exchange(&code, VERIFIER, redirect).await;
        assert_eq!(status, 200, "{body}");
        body["access_token"]
            .as_str()
            .expect("access_token")
            .to_owned()
    }

    /// Create a Client Credentials client holding `roles` (role id, division id): (id, secret).
    pub async fn cc_client(&self, admin: &str, roles: &[(&str, &str)]) -> (String, String) {
        let pairs: Vec<Value> = roles
            .iter()
            .map(|(r, d)| json!({ "roleId": r, "divisionId": d }))
            .collect();
        let reply = self
            .post(
                "/api/v2/oauth/clients",
                admin,
                json!({ "name": "Data Actions client", "authorizedGrantType": "CLIENT-CREDENTIALS", "roleDivisions": pairs }),
            )
            .await;
        let body = reply.ok();
        (
            body["id"].as_str().expect("id").to_owned(),
            body["secret"].as_str().expect("secret").to_owned(),
        )
    }

    /// `client_credentials` at `/oauth/token`: (status, JSON body).
    pub async fn cc_grant(&self, id: &str, secret: &str) -> (u16, Value) {
        let response = self
            .http
            .post(self.login("/oauth/token"))
            .basic_auth(id, Some(secret))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .expect("token");
        (
            response.status().as_u16(),
            response.json().await.expect("JSON"),
        )
    }

    pub async fn cc_token(&self, id: &str, secret: &str) -> String {
        let (status, body) = self.cc_grant(id, secret).await;
        assert_eq!(status, 200, "{body}");
        body["access_token"]
            .as_str()
            .expect("access_token")
            .to_owned()
    }

    /// The id of the seeded role called `name`.
    pub fn role(&self, name: &str) -> String {
        let snapshot = self.sandbox.snapshot();
        snapshot
            .roles
            .iter()
            .find(|r| r.name == name)
            .map(|r| r.id.clone())
            .expect("seeded role")
    }
}

pub fn location(headers: &HeaderMap) -> String {
    headers
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .expect("a Location header")
        .to_owned()
}

/// A parameter of a URL's query or fragment.
pub fn query_param(url: &str, name: &str) -> Option<String> {
    let tail = url.split_once(['?', '#'])?.1;
    let parsed = reqwest::Url::parse(&format!("http://x/?{tail}")).ok()?;
    let value = parsed
        .query_pairs()
        .find(|(k, _)| k == name)?
        .1
        .into_owned();
    Some(value)
}
