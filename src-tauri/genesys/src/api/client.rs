//! The one HTTP client of the core: reqwest over rustls with no redirects, fixed timeouts and a
//! response cap; Genesys errors become [`Error::Api`]; 429 is retried for idempotent methods.

use std::time::{Duration, SystemTime};

use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::answer::{api_error, network, parse, read, Answer};
use super::retry::{backoff, retry_after, MAX_ATTEMPTS};
use crate::error::{Error, Result};
use crate::region::Endpoints;
use crate::secrets::Secret;

/// Connecting gives up after this long.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// A whole request (connect, send, read) gives up after this long.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// API answers larger than this are refused (matrix B7, G6).
pub const MAX_RESPONSE_BYTES: usize = 10 * 1024 * 1024;

/// The Platform API of one org (a region or the Sandbox): `Client::new(region.endpoints())`.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    endpoints: Endpoints,
}

impl Client {
    /// A client for `endpoints`. Fails only if the TLS backend cannot start.
    pub fn new(endpoints: Endpoints) -> Result<Client> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("dip-studio/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(network)?;
        Ok(Client { http, endpoints })
    }

    /// The login and API base URLs this client talks to.
    pub fn endpoints(&self) -> &Endpoints {
        &self.endpoints
    }

    /// The underlying reqwest client (same timeouts, no redirects), for the login host.
    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// `GET {api_base}{path}` as JSON.
    pub async fn get<T: DeserializeOwned>(&self, path: &str, token: &Secret) -> Result<T> {
        let answer = self.send(Method::GET, path, token, None).await?;
        parse(&answer)
    }

    /// `DELETE {api_base}{path}`; any 2xx is success.
    pub async fn delete(&self, path: &str, token: &Secret) -> Result<()> {
        self.send(Method::DELETE, path, token, None).await.map(drop)
    }

    /// `method {api_base}{path}` with a JSON body, answer as JSON.
    pub async fn send_json<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        token: &Secret,
        body: &B,
    ) -> Result<T> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::InvalidInput {
            field: "body",
            reason: format!("not serializable as JSON ({:?})", e.classify()),
        })?;
        let answer = self.send(method, path, token, Some(bytes)).await?;
        parse(&answer)
    }

    /// Sends one request, retrying a 429 answer for idempotent methods after `Retry-After`.
    /// Any non-2xx answer left at the end is an [`Error::Api`].
    pub(crate) async fn send(
        &self,
        method: Method,
        path: &str,
        token: &Secret,
        body: Option<Vec<u8>>,
    ) -> Result<Answer> {
        let url = format!("{}{path}", self.endpoints.api_base);
        let mut attempt = 1;
        loop {
            let mut request = self
                .http
                .request(method.clone(), &url)
                .bearer_auth(token.expose())
                .header(reqwest::header::ACCEPT, "application/json");
            if let Some(bytes) = &body {
                request = request
                    .header(CONTENT_TYPE, "application/json")
                    .body(bytes.clone());
            }
            let response = request.send().await.map_err(network)?;
            let answer = read(response, MAX_RESPONSE_BYTES).await?;
            if answer.status.is_success() {
                return Ok(answer);
            }
            if answer.status == StatusCode::TOO_MANY_REQUESTS
                && method.is_idempotent()
                && attempt < MAX_ATTEMPTS
            {
                let wait = answer
                    .headers
                    .get(RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| retry_after(v, SystemTime::now()))
                    .unwrap_or_else(|| backoff(attempt));
                tokio::time::sleep(wait).await;
                attempt += 1;
                continue;
            }
            return Err(api_error(&answer));
        }
    }
}
