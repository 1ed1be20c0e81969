//! The grants `/oauth/token` serves: `client_credentials` (active Client Credentials clients
//! only), `authorization_code` (one-time codes; PKCE S256, or the client secret for a
//! confidential client, which also gets a refresh token) and `refresh_token`.

use axum::http::{HeaderMap, StatusCode};

use super::access_token::{basic, issue, secret_matches, Issued, OAuthError};
use crate::ids;
use crate::org::RefreshRecord;
use crate::paging::Query;
use crate::store::{lock, Ctx};

pub fn client_credentials(ctx: &Ctx, headers: &HeaderMap) -> Result<Issued, OAuthError> {
    let (id, secret) = basic(headers).ok_or_else(|| {
        OAuthError::invalid_client("HTTP Basic client authentication is required.")
    })?;
    let now = ctx.now_ms();
    let token = ctx.new_secret();
    ctx.mutate(|org| {
        let client = org
            .client(&id)
            .filter(|c| secret_matches(c, &secret, now))
            .cloned()
            .ok_or_else(|| OAuthError::invalid_client("Bad client credentials."))?;
        if client.authorized_grant_type != "CLIENT-CREDENTIALS" {
            return Err(OAuthError(
                StatusCode::BAD_REQUEST,
                "unauthorized_client",
                "This client may not use the client_credentials grant.".to_owned(),
            ));
        }
        if client.state != "active" {
            return Err(OAuthError::invalid_client("The client is not active."));
        }
        Ok(issue(org, &client, None, now, token))
    })
}

pub fn authorization_code(
    ctx: &Ctx,
    headers: &HeaderMap,
    form: &Query,
) -> Result<Issued, OAuthError> {
    let code = form
        .get("code")
        .ok_or_else(|| OAuthError::invalid_request("code is required."))?;
    let spent = "The authorization code is invalid, expired or already used.";
    let pending = lock(&ctx.codes).take(code);
    let pending = pending.ok_or_else(|| OAuthError::invalid_grant(spent))?;
    let now = ctx.now_ms();
    if pending.expires_ms <= now {
        return Err(OAuthError::invalid_grant(spent));
    }
    let basic = basic(headers);
    let client_id = form
        .get("client_id")
        .map(str::to_owned)
        .or_else(|| basic.as_ref().map(|(id, _)| id.clone()))
        .unwrap_or_default();
    if client_id != pending.client_id {
        return Err(OAuthError::invalid_grant(
            "The authorization code was issued to another client.",
        ));
    }
    let (token, refresh) = (ctx.new_secret(), ctx.new_secret());
    if form.get("redirect_uri") != Some(pending.redirect_uri.as_str()) {
        return Err(OAuthError::invalid_grant(
            "redirect_uri does not match the authorization request.",
        ));
    }
    ctx.mutate(|org| {
        let client = org
            .client(&client_id)
            .filter(|c| c.state == "active")
            .cloned()
            .ok_or_else(|| {
                OAuthError::invalid_client("The client no longer exists or is not active.")
            })?;
        let confidential = match &pending.challenge {
            Some(challenge) => {
                let verifier = form.get("code_verifier").unwrap_or("");
                if ids::s256(verifier) != *challenge {
                    return Err(OAuthError::invalid_grant(
                        "The code_verifier does not match the code_challenge.",
                    ));
                }
                false
            }
            None => {
                let secret = basic.as_ref().map(|(_, s)| s.as_str()).unwrap_or("");
                if !secret_matches(&client, secret, now) {
                    return Err(OAuthError::invalid_client("Bad client credentials."));
                }
                true
            }
        };
        let mut issued = issue(org, &client, Some(pending.user_id.clone()), now, token);
        if confidential {
            let record = RefreshRecord {
                client_id: client.id.clone(),
                user_id: pending.user_id.clone(),
                issued_ms: now,
            };
            org.refresh_tokens.insert(ids::digest(&refresh), record);
            issued.refresh_token = Some(refresh);
        }
        Ok(issued)
    })
}

/// A new access token for a refresh token, authenticated with the client's secret. The refresh
/// token stays valid (whether Genesys rotates it is not in the sources) until its client is
/// deleted or the org reset.
pub fn refresh_token(ctx: &Ctx, headers: &HeaderMap, form: &Query) -> Result<Issued, OAuthError> {
    let (id, secret) = basic(headers).ok_or_else(|| {
        OAuthError::invalid_client("HTTP Basic client authentication is required.")
    })?;
    let refresh = form
        .get("refresh_token")
        .ok_or_else(|| OAuthError::invalid_request("refresh_token is required."))?
        .to_owned();
    let now = ctx.now_ms();
    let token = ctx.new_secret();
    ctx.mutate(|org| {
        let client = org
            .client(&id)
            .filter(|c| secret_matches(c, &secret, now) && c.state == "active")
            .cloned()
            .ok_or_else(|| OAuthError::invalid_client("Bad client credentials."))?;
        let record = org
            .refresh_tokens
            .get(&ids::digest(&refresh))
            .filter(|r| r.client_id == client.id && org.user(&r.user_id).is_some())
            .cloned()
            .ok_or_else(|| OAuthError::invalid_grant("The refresh token is invalid."))?;
        let mut issued = issue(org, &client, Some(record.user_id), now, token);
        issued.refresh_token = Some(refresh.clone());
        Ok(issued)
    })
}
