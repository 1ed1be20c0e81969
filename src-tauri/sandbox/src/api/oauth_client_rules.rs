//! The rules Genesys applies to an `OAuthClientRequest`: grant-type enum and per-grant needs
//! (roles for Client Credentials, scopes and redirect URIs for the browser grants), token
//! validity 300–172800 s, and role/division pairs the caller holds.

use axum::http::StatusCode;
use serde::Deserialize;

use crate::caller::{covers, Caller};
use crate::error_body::ApiError;
use crate::org::{OAuthClientRecord, Org, RoleDivision};
use crate::variants::UngrantableRole;

const GRANT_TYPES: [&str; 5] = [
    "CODE",
    "TOKEN",
    "SAML2-BEARER",
    "PASSWORD",
    "CLIENT-CREDENTIALS",
];
const STATES: [&str; 3] = ["active", "disabled", "inactive"];
const MIN_VALIDITY: i64 = 300;
const MAX_VALIDITY: i64 = 172_800;

/// `OAuthClientRequest`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientRequest {
    pub name: Option<String>,
    pub description: Option<String>,
    pub access_token_validity_seconds: Option<i64>,
    pub registered_redirect_uri: Option<Vec<String>>,
    pub role_ids: Option<Vec<String>>,
    pub authorized_grant_type: Option<String>,
    pub scope: Option<Vec<String>>,
    pub role_divisions: Option<Vec<RoleDivision>>,
    pub state: Option<String>,
}

pub fn subject_id(caller: &Caller) -> String {
    caller
        .user_id
        .clone()
        .unwrap_or_else(|| caller.client_id.clone())
}

/// The status of the refusal of a role/division pair the caller does not hold.
pub fn refusal_status(form: UngrantableRole) -> StatusCode {
    match form {
        UngrantableRole::BadRequest => StatusCode::BAD_REQUEST,
        UngrantableRole::Forbidden => StatusCode::FORBIDDEN,
    }
}

/// Check a request against the rules and build the client it describes (id and secret unset);
/// a pair the caller does not hold is refused with `refusal`.
pub fn validate(
    org: &Org,
    caller: &Caller,
    now: i64,
    r: ClientRequest,
    refusal: StatusCode,
) -> Result<OAuthClientRecord, ApiError> {
    let name = r.name.map(|n| n.trim().to_owned()).unwrap_or_default();
    if name.is_empty() {
        return Err(ApiError::bad_request(
            "The name of the OAuth client is required.",
        ));
    }
    let grant = r.authorized_grant_type.ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "grant.type.required",
            "Grant type is required.",
        )
    })?;
    if !GRANT_TYPES.contains(&grant.as_str()) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad.grant.type",
            "Invalid grant type.",
        ));
    }
    let validity = r.access_token_validity_seconds.unwrap_or(86_400);
    if !(MIN_VALIDITY..=MAX_VALIDITY).contains(&validity) {
        return Err(ApiError::bad_request(format!(
            "accessTokenValiditySeconds must be between {MIN_VALIDITY} and {MAX_VALIDITY}."
        )));
    }
    let state = r.state.unwrap_or_else(|| "active".to_owned());
    if !STATES.contains(&state.as_str()) {
        return Err(ApiError::invalid_value(&state, "state", &STATES));
    }
    let credentials_grant = grant == "CLIENT-CREDENTIALS";
    let (role_divisions, scope, redirects) = if credentials_grant {
        (
            role_divisions(org, caller, now, refusal, r.role_divisions, r.role_ids)?,
            Vec::new(),
            Vec::new(),
        )
    } else {
        let scope = r.scope.unwrap_or_default();
        let redirects = r.registered_redirect_uri.unwrap_or_default();
        if scope.is_empty() {
            return Err(ApiError::bad_request(format!(
                "Scopes are required for grant type {grant}."
            )));
        }
        if let Some(unknown) = scope
            .iter()
            .find(|s| !org.scopes.iter().any(|k| &k.id == *s))
        {
            return Err(ApiError::bad_request(format!(
                "The scope [{unknown}] does not exist."
            )));
        }
        if (grant == "CODE" || grant == "TOKEN") && redirects.is_empty() {
            return Err(ApiError::bad_request(format!(
                "registeredRedirectUri is required for grant type {grant}."
            )));
        }
        if let Some(bad) = redirects
            .iter()
            .find(|u| !u.contains("://") || u.contains('#'))
        {
            return Err(ApiError::bad_request(format!(
                "The redirect URI [{bad}] is not valid."
            )));
        }
        (Vec::new(), scope, redirects)
    };
    Ok(OAuthClientRecord {
        id: String::new(),
        name,
        description: r.description.unwrap_or_default(),
        authorized_grant_type: grant,
        access_token_validity_seconds: validity,
        registered_redirect_uri: redirects,
        scope,
        role_divisions,
        state,
        secret_sha256: None,
        secret_usable_ms: 0,
        date_created_ms: now,
        date_modified_ms: now,
        created_by: None,
        modified_by: Some(subject_id(caller)),
    })
}

/// The role/division pairs of a client-credentials client: at least one, each naming a role
/// and division that exist, and each held by the caller (division `*` covers all divisions).
/// No public source states the status of the refusal for a pair the caller lacks; both forms
/// are Sandbox variants (`UngrantableRole`: 400 or 403), code `not.authorized`, naming the
/// role and division.
fn role_divisions(
    org: &Org,
    caller: &Caller,
    now: i64,
    refusal: StatusCode,
    pairs: Option<Vec<RoleDivision>>,
    role_ids: Option<Vec<String>>,
) -> Result<Vec<RoleDivision>, ApiError> {
    let home = org
        .home_division()
        .map(|d| d.id.clone())
        .unwrap_or_default();
    let mut wanted = pairs.unwrap_or_default();
    // Deprecated `roleIds` grant the role in the home division.
    for role_id in role_ids.unwrap_or_default() {
        wanted.push(RoleDivision {
            role_id,
            division_id: home.clone(),
        });
    }
    if wanted.is_empty() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "missing.client.roles",
            "Client roles are missing.",
        ));
    }
    let held = caller.role_divisions(org, now);
    for pair in &wanted {
        let role = org.role(&pair.role_id).ok_or_else(|| {
            ApiError::bad_request(format!("The role [{}] does not exist.", pair.role_id))
        })?;
        let division = match org.division(&pair.division_id) {
            Some(d) => d.name.clone(),
            None if pair.division_id == "*" => "all divisions".to_owned(),
            None => {
                return Err(ApiError::bad_request(format!(
                    "The division [{}] does not exist.",
                    pair.division_id
                )))
            }
        };
        if !covers(&held, pair) {
            return Err(ApiError::new(
                refusal,
                "not.authorized",
                format!(
                    "You cannot grant the role [{}] in [{division}] to a client because you do not hold it there.",
                    role.name
                ),
            ));
        }
    }
    wanted.dedup();
    Ok(wanted)
}
