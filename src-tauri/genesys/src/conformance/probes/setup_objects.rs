//! The probes of what the guided setup made: the integration's embedded config, what a
//! client-credentials token may read of its own subject, and what an integration reports when
//! its credential's secret is wrong. The objects are the run's own (marked).

use std::time::Duration;

use serde_json::Value;

use super::{CLIENT_SUBJECT, EMBEDDED_CONFIG, WRONG_SECRET};
use crate::auth::client_credentials;
use crate::conformance::report::{describe, Observation};
use crate::error::Error;
use crate::models::ReportedStateCode;
use crate::secrets::Secret;
use crate::setup::{new_run_id, SetupContext, SetupSummary};

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
