//! Browser sign-in as begin/finish: [`begin_sign_in`] opens the loopback listener and builds
//! the authorize URL (the shell opens the browser); [`PendingSignIn::finish`] waits for the
//! callback, exchanges the code at that region's token endpoint only, and answers the browser.

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::{sleep_until, Instant};

use super::loopback::{Callback, Expectation, Listener, Reply};
use super::page;
use super::pkce::{new_state, Pkce};
use super::ports;
use super::session::{Grant, Session};
use super::token;
use crate::api::Client;
use crate::error::{Error, Result};
use crate::region::Endpoints;
use crate::secrets::Secret;
use crate::settings::Language;

/// How long a sign-in waits for the browser unless told otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(300);
/// The shortest and longest waits a caller may ask for.
pub const TIMEOUT_RANGE: (Duration, Duration) = (Duration::from_secs(60), Duration::from_secs(600));

/// Which browser flow to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrowserGrant {
    /// Authorization code with PKCE S256 (the default).
    Pkce,
    /// The legacy Implicit grant (Genesys retires it: no new clients from 2026, none in 2027).
    Implicit,
}

/// Everything a browser sign-in needs.
#[derive(Debug, Clone)]
pub struct SignInRequest {
    /// The login and API hosts of the region (or the Sandbox org).
    pub endpoints: Endpoints,
    /// The region (or `sandbox`). A callback is bound to it through `state`: each pending
    /// sign-in has its own listener and `state`, and exchanges a code at its own region only.
    pub region_code: String,
    /// The id of a Code (PKCE) or Token (Implicit) OAuth client with `http://127.0.0.1` registered.
    pub client_id: String,
    /// Send `prompt=login`: the login host shows its form even when the browser still has a
    /// session there, so another user can sign in.
    pub prompt_login: bool,
    /// Which browser flow to run.
    pub grant: BrowserGrant,
    /// The language of the pages the browser is shown.
    pub language: Language,
    /// How long to wait for the browser: 60 to 600 s ([`DEFAULT_TIMEOUT`] is 300 s).
    pub timeout: Duration,
    /// For a client whose redirect URI names a port (`http://127.0.0.1:8123`): the ports it
    /// registers, tried in order until one is free ([`Error::PortsInUse`] if none is); the
    /// redirect URI then carries that port. Empty: any free port. At most
    /// [`super::MAX_PORTS`], each within [`super::PORT_RANGE`], none twice.
    pub ports: Vec<u16>,
}

/// A sign-in waiting for the browser. Dropping it closes the listener.
#[derive(Debug)]
pub struct PendingSignIn {
    /// Open this in the system browser (or show it with a copy button).
    pub authorize_url: String,
    /// `http://127.0.0.1:{port}`, exactly as sent in the authorize URL: no path, as the `gc`
    /// CLI sends its loopback URI (platform-client-sdk-cli build/gc/cmd/profiles/createprofile.go
    /// builds `http://localhost:{port}`; build/gc/restclient/restclient.go serves it at `/`),
    /// because Genesys leaves only the port free for a loopback URI registered without one.
    pub redirect_uri: String,
    request: SignInRequest,
    pkce: Option<Pkce>,
    listener: Listener,
    cancel: CancelSignIn,
    deadline: Instant,
}

/// Cancels a pending sign-in from anywhere; the listener closes at once.
#[derive(Debug, Clone)]
pub struct CancelSignIn(Arc<watch::Sender<bool>>);

impl CancelSignIn {
    /// Ends the sign-in with [`Error::SignInCancelled`]; the listener closes within a second.
    pub fn cancel(&self) {
        self.0.send_replace(true);
    }

    fn cancelled(&self) -> bool {
        *self.0.borrow()
    }
}

/// Opens the loopback listener and builds the authorize URL. The browser is not opened here.
pub async fn begin_sign_in(request: SignInRequest) -> Result<PendingSignIn> {
    let (shortest, longest) = TIMEOUT_RANGE;
    if !(shortest..=longest).contains(&request.timeout) {
        return Err(Error::InvalidInput {
            field: "timeout",
            reason: "must be between 60 and 600 seconds".to_owned(),
        });
    }
    let region_ok = !request.region_code.is_empty()
        && request.region_code.len() <= 40
        && request
            .region_code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !region_ok {
        return Err(Error::InvalidInput {
            field: "regionCode",
            reason: "must be a region code such as us-east-1".to_owned(),
        });
    }
    let client_id = request.client_id.trim();
    if client_id.is_empty() || client_id.len() > 256 || client_id.chars().any(char::is_control) {
        return Err(Error::InvalidInput {
            field: "clientId",
            reason: "must be the id of a Code or Token OAuth client".to_owned(),
        });
    }
    ports::check(&request.ports)?;
    let request = SignInRequest {
        client_id: client_id.to_owned(),
        ..request
    };
    let state = new_state()?;
    let pkce = match request.grant {
        BrowserGrant::Pkce => Some(Pkce::generate()?),
        BrowserGrant::Implicit => None,
    };
    let (sender, stop) = watch::channel(false);
    let cancel = CancelSignIn(Arc::new(sender));
    let deadline = Instant::now() + request.timeout;
    let expect = Expectation {
        implicit: request.grant == BrowserGrant::Implicit,
        state: state.clone(),
        language: request.language,
    };
    let listener = Listener::open(expect, stop, deadline, &request.ports).await?;
    let redirect_uri = format!("http://{}", listener.addr);
    let authorize_url = token::authorize_url(
        &request.endpoints,
        &request.client_id,
        &redirect_uri,
        &state,
        pkce.as_ref().map(|p| &p.verifier),
        request.prompt_login,
    )?;
    Ok(PendingSignIn {
        authorize_url,
        redirect_uri,
        request,
        pkce,
        listener,
        cancel,
        deadline,
    })
}

impl PendingSignIn {
    /// A handle that cancels this sign-in (listener closed within a second).
    pub fn cancel_handle(&self) -> CancelSignIn {
        self.cancel.clone()
    }

    /// The listener's address: always `127.0.0.1`, on an ephemeral port or the first free one
    /// of [`SignInRequest::ports`].
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.addr
    }

    /// How many callbacks were refused with 400 so far (wrong `state`, bad `Host`...).
    pub fn rejected_callbacks(&self) -> u32 {
        self.listener.rejected.load(Ordering::Relaxed)
    }

    /// Waits for the browser, then signs in. Ends with [`Error::SignInTimedOut`],
    /// [`Error::SignInCancelled`], [`Error::SignInDenied`], the token endpoint's error, or the
    /// session; the listener is closed in every case.
    pub async fn finish(mut self) -> Result<Session> {
        let mut stop = self.cancel.0.subscribe();
        let arrival = tokio::select! {
            arrival = self.listener.next() => arrival,
            _ = sleep_until(self.deadline) => None,
            _ = stop.wait_for(|cancelled| *cancelled) => None,
        };
        self.listener.shut().await;
        let Some((callback, reply)) = arrival else {
            return Err(if self.cancel.cancelled() {
                Error::SignInCancelled
            } else {
                Error::SignInTimedOut {
                    seconds: self.request.timeout.as_secs(),
                }
            });
        };
        let language = self.request.language;
        let outcome = tokio::select! {
            outcome = self.complete(callback) => outcome,
            _ = stop.wait_for(|cancelled| *cancelled) => Err(Error::SignInCancelled),
        };
        answer_browser(reply, language, &outcome).await;
        outcome
    }

    async fn complete(&self, callback: Callback) -> Result<Session> {
        let request = &self.request;
        let client = Client::new(request.endpoints.clone())?;
        let (grant, access_token, expires_in) = match callback {
            Callback::Error { error, description } if error == "access_denied" => {
                return Err(Error::SignInDenied { error, description })
            }
            Callback::Error { error, description } => {
                return Err(Error::OAuth {
                    status: 302,
                    error,
                    description,
                })
            }
            Callback::Code(code) => {
                let verifier = self
                    .pkce
                    .as_ref()
                    .map(|p| p.verifier.clone())
                    .ok_or_else(|| Error::Unexpected("a code arrived for Implicit".to_owned()))?;
                let issued = token::exchange_code(
                    client.http(),
                    &request.endpoints,
                    &request.client_id,
                    &self.redirect_uri,
                    &code,
                    &verifier,
                )
                .await?;
                (Grant::Pkce, issued.access_token, issued.expires_in)
            }
            Callback::Token {
                access_token,
                expires_in,
            } => (Grant::Implicit, access_token, expires_in),
        };
        Session::establish(
            client,
            request.region_code.clone(),
            grant,
            access_token,
            expires_in,
        )
        .await
    }
}

async fn answer_browser(reply: Reply, language: Language, outcome: &Result<Session>) {
    let page = match outcome {
        Ok(session) => {
            let info = session.info();
            let user = info
                .user_name
                .or(info.user_email)
                .unwrap_or_else(|| info.user_id.unwrap_or_default());
            page::signed_in(language, &info.org_name, &user)
        }
        Err(Error::SignInDenied { description, .. }) => {
            page::denied(language, description.as_deref())
        }
        Err(Error::OAuth {
            status: 302,
            description,
            ..
        }) => page::failed(language, description.as_deref()),
        Err(_) => page::failed(language, None),
    };
    reply.send(page).await;
}

/// Signs in with a Client Credentials client's id and secret (HTTP Basic at `/oauth/token`).
pub async fn client_credentials(
    endpoints: Endpoints,
    region_code: &str,
    client_id: &str,
    secret: &Secret,
) -> Result<Session> {
    let client = Client::new(endpoints)?;
    let issued =
        token::client_credentials(client.http(), client.endpoints(), client_id.trim(), secret)
            .await?;
    Session::establish(
        client,
        region_code.to_owned(),
        Grant::ClientCredentials,
        issued.access_token,
        issued.expires_in,
    )
    .await
}
