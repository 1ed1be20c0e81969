//! `/oauth/authorize` (GET shows the sign-in page, or signs in at once for a browser with a
//! live session; POST signs in): client and redirect URI checks, PKCE S256 challenges,
//! `prompt=login`, one-time codes and implicit tokens.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Extension;

use super::access_token;
use super::page;
use super::redirect::{found, matches, with_params};
use super::session::BrowserSessions;
use crate::codes::{PendingCode, CODE_LIFETIME_MS};
use crate::error_body::ApiError;
use crate::i18n::{text, Lang};
use crate::ids;
use crate::org::{OAuthClientRecord, Org};
use crate::paging::Query;
use crate::store::{lock, Ctx};
use crate::variants::{ImplicitErrorState, Variant};

struct Params {
    client_id: String,
    response_type: String,
    redirect_uri: String,
    state: Option<String>,
    challenge: Option<String>,
    method: Option<String>,
    /// `prompt=login`: show the form even to a browser with a live session.
    prompt_login: bool,
    lang: Lang,
    variant: Variant,
}

impl Params {
    fn from(q: &Query, headers: &HeaderMap, variant: Variant) -> Params {
        let get = |k: &str| q.get(k).unwrap_or("").to_owned();
        let accept = headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
        Params {
            client_id: get("client_id"),
            response_type: get("response_type"),
            redirect_uri: get("redirect_uri"),
            state: q.get("state").map(str::to_owned),
            challenge: q.get("code_challenge").map(str::to_owned),
            method: q.get("code_challenge_method").map(str::to_owned),
            prompt_login: q.get("prompt") == Some("login"),
            lang: Lang::pick(q.get("lang"), accept),
            variant,
        }
    }

    fn implicit(&self) -> bool {
        self.response_type == "token"
    }

    /// Send `pairs` (plus `state`) back to the application.
    fn redirect(&self, pairs: &[(&str, &str)]) -> Response {
        let mut all = pairs.to_vec();
        if let Some(state) = &self.state {
            all.push(("state", state));
        }
        found(&with_params(&self.redirect_uri, &all, self.implicit()))
    }

    /// An error sent back to the application. Whether an Implicit error fragment carries
    /// `state` is not in the sources: [`ImplicitErrorState`] picks, so clients meet both.
    fn error(&self, error: &str, description: &str) -> Response {
        let pairs = [("error", error), ("error_description", description)];
        let dropped = self.variant.implicit_error_state == ImplicitErrorState::Dropped;
        if self.implicit() && dropped {
            return found(&with_params(&self.redirect_uri, &pairs, true));
        }
        self.redirect(&pairs)
    }

    fn hidden(&self) -> Vec<(&str, &str)> {
        let mut fields = vec![
            ("client_id", self.client_id.as_str()),
            ("response_type", self.response_type.as_str()),
            ("redirect_uri", self.redirect_uri.as_str()),
            ("lang", self.lang.tag()),
        ];
        let optional = [
            ("state", &self.state),
            ("code_challenge", &self.challenge),
            ("code_challenge_method", &self.method),
        ];
        fields.extend(
            optional
                .iter()
                .filter_map(|(k, v)| v.as_deref().map(|v| (*k, v))),
        );
        fields
    }
}

fn is_pkce_value(value: &str) -> bool {
    (43..=128).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

/// The client, or the response that ends the flow. Until the redirect URI is known to be
/// registered, errors are shown on the page and never redirected (RFC 6749 §4.1.2.1).
fn check(org: &Org, p: &Params) -> Result<OAuthClientRecord, Box<Response>> {
    let page = |key: &str, detail: &str| {
        let message = text(p.lang, key)
            .replace("{param}", detail)
            .replace("{uri}", detail);
        Box::new(page::message(
            StatusCode::BAD_REQUEST,
            p.lang,
            "error_title",
            &message,
        ))
    };
    let refuse = |error: &str, description: &str| Box::new(p.error(error, description));
    if p.client_id.is_empty() {
        return Err(page("error_missing_param", "client_id"));
    }
    let client = org
        .client(&p.client_id)
        .ok_or_else(|| page("error_unknown_client", ""))?;
    if p.redirect_uri.is_empty() {
        return Err(page("error_missing_param", "redirect_uri"));
    }
    let mode = p.variant.redirect_path;
    if !client
        .registered_redirect_uri
        .iter()
        .any(|r| matches(r, &p.redirect_uri, mode))
    {
        return Err(page("error_redirect_uri", &p.redirect_uri));
    }
    let grant = client.authorized_grant_type.as_str();
    match p.response_type.as_str() {
        "" => return Err(refuse("invalid_request", "response_type is required.")),
        "code" if grant != "CODE" => {
            return Err(refuse(
                "unauthorized_client",
                "This client may not use response_type=code.",
            ))
        }
        "token" if grant != "TOKEN" => {
            return Err(refuse(
                "unauthorized_client",
                "This client may not use response_type=token.",
            ))
        }
        "code" | "token" => {}
        _ => {
            return Err(refuse(
                "unsupported_response_type",
                "Only code and token are supported.",
            ))
        }
    }
    if client.state != "active" {
        return Err(refuse("unauthorized_client", "This client is not active."));
    }
    if p.response_type == "code" {
        match (&p.challenge, p.method.as_deref()) {
            (None, None) => {}
            (Some(challenge), Some("S256")) if is_pkce_value(challenge) => {}
            (Some(_), Some("S256")) => {
                return Err(refuse(
                    "invalid_request",
                    "code_challenge must be 43 to 128 base64url characters.",
                ))
            }
            _ => {
                return Err(refuse(
                    "invalid_request",
                    "code_challenge_method must be S256, with a code_challenge.",
                ))
            }
        }
    }
    Ok(client.clone())
}

/// The sign-in page; a browser whose session is still live is signed in without it, as a real
/// login host does, unless the application asked for `prompt=login`.
pub async fn show(
    State(ctx): State<Ctx>,
    Extension(sessions): Extension<BrowserSessions>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let p = Params::from(&Query::parse(raw.as_deref()), &headers, ctx.variant());
    let org_name = ctx.seed.org_name.clone();
    let client = match ctx.read(|org| check(org, &p)) {
        Ok(client) => client,
        Err(refusal) => return *refusal,
    };
    match sessions.user(&ctx, &headers).filter(|_| !p.prompt_login) {
        Some(user_id) => grant(&ctx, &p, client, user_id),
        None => page::sign_in(p.lang, &org_name, &client.name, &p.hidden(), None, ""),
    }
}

pub async fn submit(
    State(ctx): State<Ctx>,
    Extension(sessions): Extension<BrowserSessions>,
    headers: HeaderMap,
    bytes: Bytes,
) -> Response {
    let form = Query::parse(std::str::from_utf8(&bytes).ok());
    let p = Params::from(&form, &headers, ctx.variant());
    let client = match ctx.read(|org| check(org, &p)) {
        Ok(client) => client,
        Err(refusal) => return *refusal,
    };
    if form.get("action") == Some("cancel") {
        return p.error("access_denied", "The user cancelled sign-in.");
    }
    let email = form.get("email").unwrap_or("").trim().to_owned();
    let password = ids::digest(form.get("password").unwrap_or(""));
    let user_id = ctx.read(|org| {
        org.users
            .iter()
            .find(|u| u.email.eq_ignore_ascii_case(&email) && u.password_sha256 == password)
            .map(|u| u.id.clone())
    });
    let Some(user_id) = user_id else {
        let error = text(p.lang, "error_bad_credentials");
        return page::sign_in(
            p.lang,
            &ctx.seed.org_name,
            &client.name,
            &p.hidden(),
            Some(&error),
            &email,
        );
    };
    let mut response = grant(&ctx, &p, client, user_id.clone());
    sessions.start(&ctx, &headers, &user_id, &mut response);
    response
}

/// Signs `user_id` in to `client`: an implicit token in the fragment, or a one-time code.
fn grant(ctx: &Ctx, p: &Params, client: OAuthClientRecord, user_id: String) -> Response {
    let now = ctx.now_ms();
    if p.implicit() {
        let token = ctx.new_secret();
        let issued = ctx.mutate(|org| {
            Ok::<_, ApiError>(access_token::issue(org, &client, Some(user_id), now, token))
        });
        return match issued {
            Ok(issued) => p.redirect(&[
                ("access_token", &issued.access_token),
                ("expires_in", &issued.expires_in.to_string()),
                ("token_type", "bearer"),
            ]),
            Err(_) => p.error("server_error", "The token could not be issued."),
        };
    }
    let code = ctx.new_secret();
    let pending = PendingCode {
        client_id: client.id,
        user_id,
        redirect_uri: p.redirect_uri.clone(),
        challenge: p.challenge.clone(),
        expires_ms: now + CODE_LIFETIME_MS,
    };
    lock(&ctx.codes).keep(&code, pending, now);
    p.redirect(&[("code", &code)])
}
