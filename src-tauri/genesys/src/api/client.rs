//! The one HTTP client of the core: reqwest over rustls trusting the OS store (`tls.rs`), with
//! no redirects, timeouts and a response cap; Genesys errors become [`Error::Api`]. Idempotent
//! requests are retried on 5xx, timeouts, connection errors and 429 (security-matrix.md C1, C4, C5); a POST
//! never is. The client and its clones keep to one budget: a few requests in flight, a few
//! hundred a minute, and a 429 holds every request until its `Retry-After` has passed. Every
//! request asks for answers in the client's language (`Accept-Language`).

use std::time::{Duration, SystemTime};

use reqwest::header::{ACCEPT, ACCEPT_LANGUAGE, CONTENT_TYPE, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::answer::{api_error, network, parse, read, Answer};
use super::encode::json_body;
pub use super::options::{
    ClientOptions, CONNECT_TIMEOUT, MAX_IN_FLIGHT, MAX_RESPONSE_BYTES, PER_MINUTE,
    READ_AFTER_CREATE_WITHIN, REQUEST_TIMEOUT,
};
use super::rate_gate::RateGate;
pub use super::retry::RetryPolicy;
use crate::error::{Error, Result};
use crate::region::Endpoints;
use crate::secrets::Secret;
use crate::settings::Language;

/// The Platform API of one org (a region or the Sandbox): `Client::new(region.endpoints())`.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    endpoints: Endpoints,
    retry: RetryPolicy,
    /// Shared by clones: requests in flight, starts this minute, and the pause the last 429
    /// asked for (security-matrix.md C4, "pool-wide").
    gate: RateGate,
    read_after_create_within: Duration,
    /// The `Accept-Language` of every request ([`ClientOptions::language`]).
    language: Language,
}

/// Whether the client may send `method` again after a failure. PATCH is not idempotent in
/// general, but the PATCHes the core sends are safe to repeat: one sets `intendedState` (the
/// same value twice is the same state), the others name the `version` they change (a repeat
/// of one that was applied meets a version conflict instead of applying twice).
fn retried(method: &Method) -> bool {
    method.is_idempotent() || method == Method::PATCH
}

/// The path without its query, for logs (a query may carry a cursor or filter values).
fn loggable(path: &str) -> &str {
    path.split(['?', '#']).next().unwrap_or("")
}

impl Client {
    /// A client for `endpoints` with the default [`ClientOptions`]. Fails only if the TLS
    /// backend cannot start (the platform verifier falling back to Mozilla's roots is no
    /// failure).
    pub fn new(endpoints: Endpoints) -> Result<Client> {
        Client::with_options(endpoints, ClientOptions::default())
    }

    /// A client for `endpoints` with these timeouts and retries (tests use short ones).
    pub fn with_options(endpoints: Endpoints, options: ClientOptions) -> Result<Client> {
        let http = super::tls::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(options.connect_timeout)
            .timeout(options.request_timeout)
            .user_agent(concat!("dip-studio/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(network)?;
        Ok(Client {
            http,
            endpoints,
            retry: options.retry,
            gate: RateGate::new(options.max_in_flight, options.per_minute),
            read_after_create_within: options.read_after_create_within,
            language: options.language,
        })
    }

    /// How this client retries.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// How many requests this client (and its clones) may have in flight.
    pub fn max_in_flight(&self) -> usize {
        self.gate.max_in_flight()
    }

    /// How long a read right after a create retries a 404.
    pub fn read_after_create_within(&self) -> Duration {
        self.read_after_create_within
    }

    /// The language this client asks Genesys to answer in.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Asks for answers in `language` from the next request on (this client only; clones
    /// made before keep theirs, and all still share one request budget).
    pub fn set_language(&mut self, language: Language) {
        self.language = language;
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

    /// `GET {api_base}{path}`, the answer's text as it came (capped like every answer): a data
    /// action's sample response, kept byte for byte.
    pub async fn get_text(&self, path: &str, token: &Secret) -> Result<String> {
        let answer = self.send(Method::GET, path, token, None).await?;
        String::from_utf8(answer.body).map_err(|_| Error::UnexpectedResponse {
            status: answer.status.as_u16(),
            reason: "the answer is not UTF-8 text".to_owned(),
            context_id: None,
        })
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
        let answer = self
            .send(method, path, token, Some(json_body(body)?))
            .await?;
        parse(&answer)
    }

    /// Sends one request (see [`Client::exchange`]); a non-2xx answer left at the end is an
    /// [`Error::Api`] carrying that last answer's `contextId`.
    pub(crate) async fn send(
        &self,
        method: Method,
        path: &str,
        token: &Secret,
        body: Option<Vec<u8>>,
    ) -> Result<Answer> {
        let answer = self.exchange(method, path, token, body).await?;
        if answer.status.is_success() {
            Ok(answer)
        } else {
            Err(api_error(&answer))
        }
    }

    /// Sends one request and returns the last answer, whatever its status (callers that need
    /// its headers, such as `Retry-After` on a 409). GET, PUT, PATCH and DELETE are sent again
    /// (at most `retry.max_attempts` times in all) after a 5xx other than 501, a timeout or
    /// connection error (jittered backoff), or a 429 (after `Retry-After`, capped; without
    /// one, the same jittered backoff: the Go SDK also retries a 429 that has none,
    /// platform-client-sdk-go platformclientv2/apiclient.go). A 429's `Retry-After` waits use
    /// up `retry.max_throttled`, not attempts. 4xx other than 429 is never retried; neither
    /// is a POST.
    pub(crate) async fn exchange(
        &self,
        method: Method,
        path: &str,
        token: &Secret,
        body: Option<Vec<u8>>,
    ) -> Result<Answer> {
        self.exchange_accepting(method, path, token, body, "application/json")
            .await
    }

    /// [`Client::exchange`] asking for `accept` instead of JSON (a data action's templates
    /// are `text/plain`).
    pub(crate) async fn exchange_accepting(
        &self,
        method: Method,
        path: &str,
        token: &Secret,
        body: Option<Vec<u8>>,
        accept: &'static str,
    ) -> Result<Answer> {
        let url = format!("{}{path}", self.endpoints.api_base);
        let may_retry = retried(&method);
        let mut attempt = 1;
        let mut throttled = std::time::Duration::ZERO;
        loop {
            // Whether the org said how long to wait (a 429's `Retry-After`).
            let mut asked_wait = false;
            let admission = self.gate.admit().await;
            let mut request = self
                .http
                .request(method.clone(), &url)
                .bearer_auth(token.expose())
                .header(ACCEPT, accept)
                .header(ACCEPT_LANGUAGE, self.language.tag());
            if let Some(bytes) = &body {
                request = request
                    .header(CONTENT_TYPE, "application/json")
                    .body(bytes.clone());
            }
            let outcome = match request.send().await {
                Ok(response) => read(response, MAX_RESPONSE_BYTES).await,
                Err(e) => Err(network(e)),
            };
            // The slot is free while this request waits to be sent again.
            drop(admission);
            let wait = match &outcome {
                Ok(answer) if answer.status.is_success() => return outcome,
                Ok(answer) if answer.status == StatusCode::TOO_MANY_REQUESTS => {
                    let asked = answer
                        .headers
                        .get(RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| self.retry.retry_after(v, SystemTime::now()));
                    let pause = asked.unwrap_or_else(|| self.retry.jittered_backoff(attempt));
                    // Also when this request is not sent again (a POST): the caller's next
                    // request on this token waits too.
                    self.gate.hold(pause);
                    asked_wait = asked.is_some();
                    Some(pause)
                }
                Ok(answer)
                    if answer.status.is_server_error()
                        && answer.status != StatusCode::NOT_IMPLEMENTED =>
                {
                    Some(self.retry.jittered_backoff(attempt))
                }
                Err(Error::Network(_)) => Some(self.retry.jittered_backoff(attempt)),
                _ => None,
            };
            // A wait the org asked for is spent from the throttling budget instead of an
            // attempt, while the policy retries at all and the budget lasts.
            let throttling = wait.is_some_and(|w| {
                asked_wait
                    && self.retry.max_attempts > 1
                    && throttled + w <= self.retry.max_throttled
            });
            match wait {
                Some(wait) if may_retry && (throttling || attempt < self.retry.max_attempts) => {
                    let what = match &outcome {
                        Ok(answer) => format!("HTTP {}", answer.status.as_u16()),
                        Err(e) => e.to_string(),
                    };
                    log::debug!(
                        "{method} {} failed ({what}); attempt {}/{} in {wait:?}",
                        loggable(path),
                        attempt + 1,
                        self.retry.max_attempts
                    );
                    tokio::time::sleep(wait).await;
                    if throttling {
                        throttled += wait;
                    } else {
                        attempt += 1;
                    }
                }
                _ => return outcome,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_idempotent_verbs_and_the_intended_state_patch_are_retried() {
        for method in [Method::GET, Method::PUT, Method::DELETE, Method::PATCH] {
            assert!(retried(&method), "{method}");
        }
        assert!(!retried(&Method::POST), "a POST is never sent twice");
    }

    #[test]
    fn logs_name_the_path_without_its_query() {
        assert_eq!(
            loggable("/api/v2/integrations/credentials/listing?after=abc&pageSize=200"),
            "/api/v2/integrations/credentials/listing"
        );
        assert_eq!(loggable("/api/v2/tokens/me"), "/api/v2/tokens/me");
    }
}
