//! The probes of the org itself: what the signed-in token can read, creating nothing, and the
//! one create Genesys is expected to refuse (a client with a role the user does not hold).

use serde_json::Value;

use super::{
    IMPLICIT_ERROR_STATE, ME_PERMISSIONS, REDIRECT_PATH, RETRY_AFTER, ROLES_PAGE_CAP, SELF_ASSIGN,
    UNGRANTABLE,
};
use crate::api::Client;
use crate::conformance::report::{describe, Check, Observation};
use crate::error::Error;
use crate::models::{ClientState, GrantType, OAuthClientRequest, RoleDivision};
use crate::secrets::Secret;
use crate::setup::{marker, new_run_id};

/// The behaviours no probe of a token can settle, each with why it is not probed.
const NOT_PROBED: [(&str, &str); 4] = [
    (
        SELF_ASSIGN,
        "not probed: it would change the signed-in user's own roles",
    ),
    (
        REDIRECT_PATH,
        "not probed: needs a person at the browser (the sign-in itself uses the exact URI)",
    ),
    (
        IMPLICIT_ERROR_STATE,
        "not probed: needs a person to cancel an Implicit sign-in in the browser",
    ),
    (
        RETRY_AFTER,
        "not observed: the suite stays under the rate limit",
    ),
];

/// What can be seen with the signed-in token alone, creating nothing.
pub async fn probe_org(client: &Client, token: &Secret) -> Vec<Observation> {
    let mut out = vec![
        me_permissions(client, token).await,
        roles_page_cap(client, token).await,
    ];
    out.extend(
        NOT_PROBED
            .into_iter()
            .map(|(behaviour, why)| Observation::unknown(behaviour, why)),
    );
    out
}

async fn me_permissions(client: &Client, token: &Secret) -> Observation {
    match client
        .get::<Value>("/api/v2/users/me?expand=authorization", token)
        .await
    {
        Ok(me) => match me.pointer("/authorization/permissions") {
            Some(Value::Array(list)) => Observation::seen(
                ME_PERMISSIONS,
                "me-permissions",
                format!("{} permissions listed", list.len()),
            ),
            _ => Observation::seen(
                ME_PERMISSIONS,
                "me-no-permissions",
                "authorization.permissions is absent",
            ),
        },
        Err(e) => Observation::unknown(ME_PERMISSIONS, describe(&e)),
    }
}

async fn roles_page_cap(client: &Client, token: &Secret) -> Observation {
    let page = match client
        .get::<Value>(
            "/api/v2/authorization/roles?pageSize=500&pageNumber=1&userCount=false",
            token,
        )
        .await
    {
        Ok(page) => page,
        Err(e) => return Observation::unknown(ROLES_PAGE_CAP, describe(&e)),
    };
    let listed = page
        .get("entities")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    let total = page.get("total").and_then(Value::as_u64);
    let echoed = page.get("pageSize").and_then(Value::as_u64);
    // A page shorter than the total is the cap itself; otherwise only the echoed size can tell.
    let cap = match total {
        Some(total) if (listed as u64) < total => Some(listed as u64),
        _ => echoed.filter(|size| *size < 500 || listed >= 500),
    };
    let evidence = format!(
        "asked 500, got {listed} of {} (pageSize {})",
        total.map_or("?".to_owned(), |t| t.to_string()),
        echoed.map_or("?".to_owned(), |s| s.to_string())
    );
    match cap {
        Some(500..) => Observation::seen(ROLES_PAGE_CAP, "roles-page-500", evidence),
        Some(100) => Observation::seen(ROLES_PAGE_CAP, "roles-page-100", evidence),
        Some(25) => Observation::seen(ROLES_PAGE_CAP, "roles-page-25", evidence),
        _ => Observation::unknown(ROLES_PAGE_CAP, evidence),
    }
}

/// Asks for a Client Credentials client with a role the user does not hold. Genesys refuses;
/// the status of that refusal is the form observed. An org that accepted would get its client
/// deleted at once, and the check fails.
pub async fn ungrantable_role(client: &Client, token: &Secret) -> (Check, Option<Observation>) {
    let started = std::time::Instant::now();
    let name = "create a client with a role the user does not hold";
    let (roles, subject, home) = tokio::join!(
        client.roles(token),
        client.subject_me(token),
        client.home_division(token)
    );
    let (roles, subject, home) = match (roles, subject, home) {
        (Ok(r), Ok(s), Ok(h)) => (r, s, h),
        (Err(e), ..) | (_, Err(e), _) | (.., Err(e)) => {
            return (Check::timed(name, started, Err(e)), None)
        }
    };
    let Some(role) = roles.iter().find(|r| !subject.holds_role(&r.id)) else {
        let why = "the signed-in user holds every role of the org";
        return (
            Check::skipped(name, why),
            Some(Observation::unknown(UNGRANTABLE, why)),
        );
    };
    let marker = match new_run_id() {
        Ok(id) => marker(&id),
        Err(e) => return (Check::timed(name, started, Err(e)), None),
    };
    let request = OAuthClientRequest {
        name: format!("Dip Studio probe {marker}"),
        authorized_grant_type: GrantType::ClientCredentials,
        description: marker.clone(),
        access_token_validity_seconds: 300,
        registered_redirect_uri: Vec::new(),
        scope: Vec::new(),
        role_divisions: vec![RoleDivision {
            role_id: role.id.clone(),
            division_id: home.id.clone(),
        }],
        state: ClientState::Active,
    };
    match client.create_oauth_client(&request, token).await {
        Err(Error::Api {
            status: status @ (400 | 403),
            ref message,
            ..
        }) => {
            let form = if status == 400 {
                "ungrantable-400"
            } else {
                "ungrantable-403"
            };
            let evidence = format!("HTTP {status}: {message}");
            (
                Check::timed(
                    name,
                    started,
                    Ok(format!("refused as expected ({evidence})")),
                ),
                Some(Observation::seen(UNGRANTABLE, form, evidence)),
            )
        }
        Err(e) => (Check::timed(name, started, Err(e)), None),
        Ok(issued) => {
            let removed = client
                .delete_oauth_client(&issued.client.id, token)
                .await
                .map_err(|e| describe(&e));
            let detail = format!(
                "the org accepted role {} for a client although the user does not hold it (probe client deleted: {:?})",
                role.name, removed.is_ok()
            );
            (
                Check::timed(name, started, Err(Error::Unexpected(detail))),
                None,
            )
        }
    }
}
