//! The login host's browser sessions, like a real identity provider's: a sign-in on its page
//! gives the browser an HttpOnly cookie; a later `/oauth/authorize` from that browser signs the
//! same user in without the form unless it asks for `prompt=login`; `GET /logout` ends it.
//! The cookie holds a random id, not the user: the user it names is kept here, per org.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{RawQuery, State};
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Extension;

use super::page;
use super::redirect::{found, matches};
use crate::i18n::{text, Lang};
use crate::ids;
use crate::paging::Query;
use crate::store::{lock, Ctx};

/// The cookie's name. Browsers send it to every port of the host, so other servers on
/// `127.0.0.1` see it too: it is an unguessable id that means something to this org only.
pub const COOKIE_NAME: &str = "sandbox_login";

/// Live browser sessions of one org: the SHA-256 of the cookie's id, and the signed-in user.
#[derive(Clone, Default)]
pub struct BrowserSessions(Arc<Mutex<HashMap<String, String>>>);

impl BrowserSessions {
    /// The user whose session the browser's cookie names, if that user still exists.
    pub fn user(&self, ctx: &Ctx, headers: &HeaderMap) -> Option<String> {
        let id = cookie(headers)?;
        let user = lock(&self.0).get(&ids::digest(&id)).cloned()?;
        ctx.read(|org| org.user(&user).is_some()).then_some(user)
    }

    /// Starts a session for `user_id` on `response` (replacing the one the request's cookie
    /// names): the browser keeps it until `/logout`.
    pub fn start(&self, ctx: &Ctx, request: &HeaderMap, user_id: &str, response: &mut Response) {
        let id = ctx.new_secret();
        let previous = cookie(request);
        let mut sessions = lock(&self.0);
        if let Some(previous) = previous {
            sessions.remove(&ids::digest(&previous));
        }
        sessions.insert(ids::digest(&id), user_id.to_owned());
        let value = format!("{COOKIE_NAME}={id}; Path=/; HttpOnly; SameSite=Lax");
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }

    /// Ends the browser's session (if any) and tells the browser to drop the cookie.
    fn end(&self, headers: &HeaderMap, response: &mut Response) {
        if let Some(id) = cookie(headers) {
            lock(&self.0).remove(&ids::digest(&id));
        }
        let value = format!("{COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
}

/// The session id in the request's `Cookie` headers.
fn cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == COOKIE_NAME && !value.is_empty())
        .map(|(_, value)| value.to_owned())
}

/// `GET /logout?client_id&redirect_uri`: ends the browser's session, then sends the browser to
/// `redirect_uri` if it is registered for that client, or shows a signed-out page.
pub async fn logout(
    State(ctx): State<Ctx>,
    Extension(sessions): Extension<BrowserSessions>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let q = Query::parse(raw.as_deref());
    let lang = Lang::pick(
        q.get("lang"),
        headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
    );
    let mode = ctx.variant().redirect_path;
    let target = match (q.get("client_id"), q.get("redirect_uri")) {
        (Some(client_id), Some(uri)) => ctx.read(|org| {
            org.client(client_id)
                .filter(|c| {
                    c.registered_redirect_uri
                        .iter()
                        .any(|r| matches(r, uri, mode))
                })
                .map(|_| uri.to_owned())
        }),
        _ => None,
    };
    let mut response = match target {
        Some(uri) => found(&uri),
        None => page::message(
            StatusCode::OK,
            lang,
            "signed_out_title",
            &text(lang, "signed_out_body"),
        ),
    };
    sessions.end(&headers, &mut response);
    response
}
