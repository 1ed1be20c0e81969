//! The probes: for each behaviour whose real form no public source states, look at what this
//! org does and name the form as the Sandbox's variants do. A probe that would change what the
//! user holds (self-assigning a role) or needs a person at the browser is reported as not
//! determined, with why.

use std::time::Duration;

use serde_json::Value;

use super::report::{describe, Check, Observation};
use crate::api::Client;
use crate::auth::client_credentials;
use crate::error::Error;
use crate::models::{ClientState, GrantType, OAuthClientRequest, ReportedStateCode, RoleDivision};
use crate::secrets::Secret;
use crate::setup::{marker, new_run_id, SetupContext, SetupSummary};

/// The behaviours, as the Sandbox's variant table names them.
pub const EMBEDDED_CONFIG: &str = "embedded config.current";
pub const ME_PERMISSIONS: &str = "users/me permissions";
pub const CLIENT_SUBJECT: &str = "subjects/me for a client";
pub const SELF_ASSIGN: &str = "self-assigned role's division";
pub const UNGRANTABLE: &str = "ungrantable role";
pub const WRONG_SECRET: &str = "wrong credential secret";
pub const ROLES_PAGE_CAP: &str = "roles page cap";
pub const REDIRECT_PATH: &str = "redirect path";
pub const IMPLICIT_ERROR_STATE: &str = "Implicit error state";
pub const RETRY_AFTER: &str = "429 Retry-After";

/// What can be seen with the signed-in token alone, creating nothing.
pub async fn probe_org(client: &Client, token: &Secret) -> Vec<Observation> {
    let mut out = vec![
        me_permissions(client, token).await,
        roles_page_cap(client, token).await,
    ];
    out.push(Observation::unknown(
        SELF_ASSIGN,
        "not probed: it would change the signed-in user's own roles",
    ));
    out.push(Observation::unknown(
        REDIRECT_PATH,
        "not probed: needs a person at the browser (the sign-in itself uses the exact URI)",
    ));
    out.push(Observation::unknown(
        IMPLICIT_ERROR_STATE,
        "not probed: needs a person to cancel an Implicit sign-in in the browser",
    ));
    out.push(Observation::unknown(
        RETRY_AFTER,
        "not observed: the suite stays under the rate limit",
    ));
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

/// What the guided setup's objects show: the integration's embedded config, what a
/// client-credentials token may read of its own subject, and what an integration whose
/// credential's secret is wrong reports. The objects are the run's own (marked) and are rolled
/// back by the caller.
pub async fn probe_setup(ctx: &SetupContext, summary: &SetupSummary) -> Vec<Observation> {
    vec![
        embedded_config(ctx, &summary.integration_id).await,
        client_subject(ctx, summary).await,
        wrong_secret(ctx, summary).await,
    ]
}

async fn embedded_config(ctx: &SetupContext, integration_id: &str) -> Observation {
    let path = format!("/api/v2/integrations/{integration_id}");
    match ctx.client.get::<Value>(&path, &ctx.token).await {
        Ok(integration) => match integration.pointer("/config/current") {
            None | Some(Value::Null) => Observation::seen(
                EMBEDDED_CONFIG,
                "config-absent",
                "no config.current in the integration",
            ),
            Some(current) if current.get("version").is_some() => Observation::seen(
                EMBEDDED_CONFIG,
                "config-complete",
                "config.current carries its version",
            ),
            Some(_) => Observation::seen(
                EMBEDDED_CONFIG,
                "config-stub",
                "config.current without a version",
            ),
        },
        Err(e) => Observation::unknown(EMBEDDED_CONFIG, describe(&e)),
    }
}

async fn client_subject(ctx: &SetupContext, summary: &SetupSummary) -> Observation {
    let secret = match ctx.secrets.get(&summary.secret_account) {
        Ok(Some(secret)) => secret,
        Ok(None) => return Observation::unknown(CLIENT_SUBJECT, "the client's secret is not kept"),
        Err(e) => return Observation::unknown(CLIENT_SUBJECT, describe(&e)),
    };
    let endpoints = ctx.client.endpoints().clone();
    let session =
        match client_credentials(endpoints, &ctx.target, &summary.client_id, &secret).await {
            Ok(session) => session,
            Err(e) => return Observation::unknown(CLIENT_SUBJECT, describe(&e)),
        };
    let seen = match session.client().subject_me(session.token()).await {
        Ok(me) => Observation::seen(
            CLIENT_SUBJECT,
            "cc-subject-200",
            format!("200 with {} grants", me.grants.len()),
        ),
        Err(Error::Api {
            status: 403,
            message,
            ..
        }) => Observation::seen(CLIENT_SUBJECT, "cc-subject-403", format!("403: {message}")),
        Err(e) => Observation::unknown(CLIENT_SUBJECT, describe(&e)),
    };
    let _ = session.sign_out().await;
    seen
}

/// Gives the run's credential a wrong secret, re-enables the integration and reads what it
/// reports. The secret is 40 random hex digits that no client has.
async fn wrong_secret(ctx: &SetupContext, summary: &SetupSummary) -> Observation {
    let wrong = match new_run_id() {
        Ok(a) => Secret::new(format!("{a}{a}")),
        Err(e) => return Observation::unknown(WRONG_SECRET, describe(&e)),
    };
    let (client, token, id) = (&ctx.client, &ctx.token, summary.integration_id.as_str());
    let steps = async {
        client
            .update_oauth_client_credential(
                &summary.credential_id,
                &summary.credential_name,
                &summary.client_id,
                &wrong,
                token,
            )
            .await?;
        client.set_integration_enabled(id, false, token).await?;
        let within = ctx.timing.activation_within;
        client
            .wait_for_reported_state(id, false, within, &mut |_| {}, token)
            .await?;
        client.set_integration_enabled(id, true, token).await?;
        // ACTIVATING may last; the wait ends at ACTIVE or ERROR.
        client
            .wait_for_reported_state(
                id,
                true,
                within.max(Duration::from_secs(5)),
                &mut |_| {},
                token,
            )
            .await
    };
    match steps.await {
        Ok(integration) => match integration.reported_code() {
            ReportedStateCode::Error => Observation::seen(
                WRONG_SECRET,
                "wrong-secret-error",
                "reportedState ERROR with a wrong secret",
            ),
            ReportedStateCode::Active => Observation::seen(
                WRONG_SECRET,
                "wrong-secret-active",
                "reportedState ACTIVE although the secret is wrong",
            ),
            other => Observation::unknown(WRONG_SECRET, format!("reportedState {other:?}")),
        },
        Err(e) => Observation::unknown(WRONG_SECRET, describe(&e)),
    }
}
