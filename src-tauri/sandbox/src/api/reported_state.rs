//! An integration's `reportedState`: INACTIVE while disabled, ACTIVATING for the activation
//! delay after ENABLED, then ACTIVE, or ERROR with why its OAuth credential cannot mint a token
//! (a wrong secret reports ACTIVE under variant `wrong-secret-active`); and the knobs and
//! variant forms an integration's answer depends on besides the org.

use serde_json::{json, Value};

use crate::clock;
use crate::org::{IntegrationRecord, Org};
use crate::store::{lock, Ctx};
use crate::variants::{EmbeddedConfig, WrongSecret};

/// What an integration's answer depends on besides the org: the activation delay and the
/// variant's forms of the embedded configuration and of a wrong secret.
pub struct Shown {
    pub delay_ms: i64,
    pub embedded: EmbeddedConfig,
    pub wrong_secret: WrongSecret,
}

impl Shown {
    pub fn of(ctx: &Ctx) -> Shown {
        let variant = ctx.variant();
        Shown {
            delay_ms: i64::try_from(lock(&ctx.knobs).activation_delay.as_millis())
                .unwrap_or(i64::MAX),
            embedded: variant.embedded_config,
            wrong_secret: variant.wrong_secret,
        }
    }
}

/// `reportedState`, derived from `intendedState` and the time it changed. Once activation is
/// over, a configured credential that cannot mint a token is reported as ERROR with why, or
/// (variant `wrong-secret-active`) as ACTIVE all the same.
pub fn reported_state(org: &Org, i: &IntegrationRecord, now: i64, shown: &Shown) -> Value {
    let (since, delay) = (i.state_changed_ms, shown.delay_ms);
    let (code, effective, detail, changed) = if i.intended_state != "ENABLED" {
        ("INACTIVE", "Inactive", None, since)
    } else if now < since.saturating_add(delay) {
        ("ACTIVATING", "Activating", None, since)
    } else {
        match can_mint_token(org, i, now) {
            Ok(()) => ("ACTIVE", "Active", None, since.saturating_add(delay)),
            Err(r) if r.wrong_secret && shown.wrong_secret == WrongSecret::Active => {
                ("ACTIVE", "Active", None, since.saturating_add(delay))
            }
            Err(r) => (
                "ERROR",
                "Error",
                Some(r.message),
                since.saturating_add(delay),
            ),
        }
    };
    let mut state =
        json!({ "code": code, "effective": effective, "lastUpdated": clock::iso(changed) });
    if let Some(message) = detail {
        state["detail"] = json!({ "localizableMessageCode": "integration.credentials.invalid", "message": message });
    }
    state
}

/// Why an integration cannot authenticate: the `reportedState.detail.message` (its wording is
/// the Sandbox's; no public source states the real behaviour), and whether only the
/// secret is wrong (the case variant `wrong-secret-active` reports as ACTIVE).
pub struct Refusal {
    pub message: String,
    pub wrong_secret: bool,
}

impl From<String> for Refusal {
    fn from(message: String) -> Refusal {
        Refusal {
            message,
            wrong_secret: false,
        }
    }
}

/// Whether the integration could authenticate now: every required credential slot is set and
/// a `pureCloudOAuthClient` credential names an active client-credentials client whose secret
/// matches.
pub fn can_mint_token(org: &Org, i: &IntegrationRecord, now: i64) -> Result<(), Refusal> {
    let slots = org
        .integration_type(&i.type_id)
        .and_then(|t| t["credentials"].as_object().cloned())
        .unwrap_or_default();
    for (slot, spec) in &slots {
        let Some(credential_id) = i.config.credentials.get(slot) else {
            if spec["required"] == json!(true) {
                return Err(
                    format!("The integration has no [{slot}] credential configured.").into(),
                );
            }
            continue;
        };
        let credential = org
            .credential(credential_id)
            .ok_or_else(|| format!("The credential [{credential_id}] no longer exists."))?;
        if credential.type_name != "pureCloudOAuthClient" {
            continue;
        }
        let client_id = credential
            .fields
            .get("clientId")
            .cloned()
            .unwrap_or_default();
        let refused =
            |why: &str| format!("The OAuth client [{client_id}] could not get a token: {why}");
        let client = org
            .client(&client_id)
            .ok_or_else(|| Refusal::from(refused("invalid_client (no such client)")))?;
        if client.authorized_grant_type != "CLIENT-CREDENTIALS" {
            return Err(refused("unauthorized_client (not a Client Credentials client)").into());
        }
        if client.state != "active" {
            return Err(refused("invalid_client (the client is not active)").into());
        }
        let secret = credential.sensitive_sha256.get("clientSecret");
        if secret.is_none() || client.secret_sha256.as_ref() != secret {
            return Err(Refusal {
                message: refused("invalid_client (wrong client secret)"),
                wrong_secret: true,
            });
        }
        if now < client.secret_usable_ms {
            return Err(refused("invalid_client (the new secret is not active yet)").into());
        }
    }
    Ok(())
}
