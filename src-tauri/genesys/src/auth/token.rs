//! The login host's `/oauth/token` and `/oauth/authorize` URL: the PKCE code exchange through
//! the `oauth2` crate, and client credentials with HTTP Basic (platform-client-sdk-go platformclientv2/configuration.go). Never
//! retried: a code is single-use, and a fresh sign-in gets a fresh `state` and verifier.

use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::Arc;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use oauth2::basic::{BasicClient, BasicErrorResponse, BasicTokenResponse};
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, CsrfToken, PkceCodeChallenge, PkceCodeVerifier,
    RedirectUrl, RequestTokenError, TokenResponse, TokenUrl,
};
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};

use crate::api::answer::{describe_json_error, network, read, Answer};
use crate::error::{Error, Result};
use crate::region::Endpoints;
use crate::secrets::Secret;

/// Token answers larger than this are refused (security-matrix.md A14).
pub const MAX_TOKEN_RESPONSE_BYTES: usize = 1024 * 1024;

/// An access token just issued, and how long it lives.
#[derive(Debug)]
pub(crate) struct IssuedToken {
    pub access_token: Secret,
    pub expires_in: Option<u64>,
}

fn invalid_endpoint(what: &'static str) -> Error {
    Error::InvalidInput {
        field: what,
        reason: "not a valid URL".to_owned(),
    }
}

/// The authorize URL: `response_type=code` with an S256 challenge, or `token` (Implicit).
/// `prompt_login` adds `prompt=login`, which makes the login host ask for credentials and ignore
/// a remembered browser session (the `opts.prompt` of loginPKCEGrant and loginImplicitGrant in
/// platform-client-sdk-javascript build/src/purecloud-platform-client-v2/ApiClient.js).
pub(crate) fn authorize_url(
    endpoints: &Endpoints,
    client_id: &str,
    redirect_uri: &str,
    state: &str,
    verifier: Option<&Secret>,
    prompt_login: bool,
) -> Result<String> {
    let client = BasicClient::new(ClientId::new(client_id.to_owned()))
        .set_auth_uri(
            AuthUrl::new(format!("{}/oauth/authorize", endpoints.login_base))
                .map_err(|_| invalid_endpoint("loginBase"))?,
        )
        .set_redirect_uri(
            RedirectUrl::new(redirect_uri.to_owned())
                .map_err(|_| invalid_endpoint("redirectUri"))?,
        );
    let state = state.to_owned();
    let request = client.authorize_url(move || CsrfToken::new(state));
    let request = match verifier {
        Some(v) => request.set_pkce_challenge(PkceCodeChallenge::from_code_verifier_sha256(
            &PkceCodeVerifier::new(v.expose().to_owned()),
        )),
        None => request.use_implicit_flow(),
    };
    let request = if prompt_login {
        request.add_extra_param("prompt", "login")
    } else {
        request
    };
    Ok(request.url().0.to_string())
}

/// The login host's `/logout` for `client_id`, which ends the browser's session there so the
/// next sign-in asks for credentials again. Built like `logout()` in
/// platform-client-sdk-javascript build/src/purecloud-platform-client-v2/ApiClient.js, without
/// its optional `redirect_uri`: the loopback listener is closed by then, so there is nowhere
/// to come back to and the login host shows its own signed-out page.
pub fn logout_url(endpoints: &Endpoints, client_id: &str) -> Result<String> {
    let mut url = reqwest::Url::parse(&format!("{}/logout", endpoints.login_base))
        .map_err(|_| invalid_endpoint("loginBase"))?;
    url.query_pairs_mut().append_pair("client_id", client_id);
    Ok(url.to_string())
}

/// Exchanges a code (with its verifier) at this region's token endpoint, once.
pub(crate) async fn exchange_code(
    http: &reqwest::Client,
    endpoints: &Endpoints,
    client_id: &str,
    redirect_uri: &str,
    code: &Secret,
    verifier: &Secret,
) -> Result<IssuedToken> {
    let client = BasicClient::new(ClientId::new(client_id.to_owned()))
        .set_token_uri(token_url(endpoints)?)
        .set_redirect_uri(
            RedirectUrl::new(redirect_uri.to_owned())
                .map_err(|_| invalid_endpoint("redirectUri"))?,
        );
    let status = Arc::new(AtomicU16::new(0));
    let seen = status.clone();
    let send = move |request: oauth2::HttpRequest| {
        let http = http.clone();
        let seen = seen.clone();
        async move {
            let request = reqwest::Request::try_from(request).map_err(network)?;
            let answer = read(
                http.execute(request).await.map_err(network)?,
                MAX_TOKEN_RESPONSE_BYTES,
            )
            .await?;
            seen.store(answer.status.as_u16(), Ordering::Relaxed);
            let body = if answer.status.is_success() {
                without_unusable_expiry(answer.body)
            } else {
                answer.body
            };
            let mut response = oauth2::http::Response::builder().status(answer.status);
            for (name, value) in &answer.headers {
                response = response.header(name, value);
            }
            response
                .body(body)
                .map_err(|_| Error::Unexpected("unreadable token answer".to_owned()))
        }
    };
    let result = client
        .exchange_code(AuthorizationCode::new(code.expose().to_owned()))
        .set_pkce_verifier(PkceCodeVerifier::new(verifier.expose().to_owned()))
        .request_async(&send)
        .await;
    let status = status.load(Ordering::Relaxed);
    match result {
        Ok(token) => Ok(issued(&token)),
        Err(RequestTokenError::ServerResponse(e)) => Err(oauth_error(status, &e)),
        Err(RequestTokenError::Request(e)) => Err(e),
        Err(RequestTokenError::Parse(e, _body)) => Err(Error::UnexpectedResponse {
            status,
            reason: format!("not a token answer ({})", describe_json_error(e.inner())),
            context_id: None,
        }),
        Err(RequestTokenError::Other(reason)) => Err(Error::UnexpectedResponse {
            status,
            reason,
            context_id: None,
        }),
    }
}

/// `grant_type=client_credentials` with `Authorization: Basic base64(id:secret)`, exactly as
/// the Genesys SDKs send it (no extra form-encoding of id and secret).
pub(crate) async fn client_credentials(
    http: &reqwest::Client,
    endpoints: &Endpoints,
    client_id: &str,
    secret: &Secret,
) -> Result<IssuedToken> {
    let basic = Secret::new(format!(
        "Basic {}",
        STANDARD.encode(format!("{client_id}:{}", secret.expose()))
    ));
    let mut value = reqwest::header::HeaderValue::from_str(basic.expose()).map_err(|_| {
        Error::InvalidInput {
            field: "clientSecret",
            reason: "contains characters a header cannot carry".to_owned(),
        }
    })?;
    value.set_sensitive(true);
    let response = http
        .post(token_url(endpoints)?.as_str())
        .header(AUTHORIZATION, value)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(reqwest::header::ACCEPT, "application/json")
        .body("grant_type=client_credentials")
        .send()
        .await
        .map_err(network)?;
    let answer = read(response, MAX_TOKEN_RESPONSE_BYTES).await?;
    token_answer(&answer)
}

fn token_url(endpoints: &Endpoints) -> Result<TokenUrl> {
    TokenUrl::new(format!("{}/oauth/token", endpoints.login_base))
        .map_err(|_| invalid_endpoint("loginBase"))
}

fn issued(token: &BasicTokenResponse) -> IssuedToken {
    IssuedToken {
        access_token: Secret::new(token.access_token().secret().clone()),
        expires_in: token.expires_in().map(|d| d.as_secs()),
    }
}

fn oauth_error(status: u16, e: &BasicErrorResponse) -> Error {
    Error::OAuth {
        status,
        error: e.error().to_string(),
        description: e.error_description().cloned(),
    }
}

/// A token endpoint answer: a token, an OAuth error, or a typed "unexpected" error.
fn token_answer(answer: &Answer) -> Result<IssuedToken> {
    let status = answer.status.as_u16();
    let json = answer
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.to_ascii_lowercase().starts_with("application/json"));
    let unexpected = |reason: String| Error::UnexpectedResponse {
        status,
        reason,
        context_id: None,
    };
    if !json {
        return Err(unexpected("the token answer is not JSON".to_owned()));
    }
    if status != 200 {
        return match serde_json::from_slice::<BasicErrorResponse>(&answer.body) {
            Ok(e) => Err(oauth_error(status, &e)),
            Err(e) => Err(unexpected(describe_json_error(&e))),
        };
    }
    serde_json::from_slice::<BasicTokenResponse>(&without_unusable_expiry(answer.body.clone()))
        .map(|t| issued(&t))
        .map_err(|e| unexpected(format!("not a token answer ({})", describe_json_error(&e))))
}

/// A token answer whose `expires_in` is not a whole, non-negative number of seconds (negative,
/// fractional, text, beyond `u64`) loses that field: the token itself is fine, and its life is
/// then taken from `tokens/me` (`dateTokenIdles`) rather than the sign-in failing. Anything
/// that is not a JSON object is left alone for the token parser to refuse.
fn without_unusable_expiry(body: Vec<u8>) -> Vec<u8> {
    let Ok(serde_json::Value::Object(mut fields)) = serde_json::from_slice(&body) else {
        return body;
    };
    match fields.get("expires_in") {
        Some(value) if !value.is_u64() => {
            fields.remove("expires_in");
            serde_json::to_vec(&fields).unwrap_or(body)
        }
        _ => body,
    }
}
