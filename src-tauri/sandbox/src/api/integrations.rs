//! `/api/v2/integrations`: integration types, and installing, reading, enabling and deleting
//! integrations, whose `reportedState` goes INACTIVE → ACTIVATING → ACTIVE (or ERROR). How the
//! embedded `config.current` looks and what a wrong secret reports follow the variant.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{body, ok, self_uri};
use crate::caller::Caller;
use crate::clock;
use crate::error_body::ApiError;
use crate::ids;
use crate::org::{IntegrationConfigRecord, IntegrationRecord, Org};
use crate::paging::{listing, Page, Query};
use crate::store::{lock, Ctx};
use crate::variants::{EmbeddedConfig, WrongSecret};

pub use super::integration_config::{config_view, get_config, put_config, stored_notes};

pub async fn list_types(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let query = Query::parse(raw.as_deref());
    let page = Page::from_query(&query)?;
    ctx.read_as(&caller, "integrations:integration:view", |org, _| {
        let types: Vec<Value> = org.integration_types.iter().map(type_view).collect();
        Ok(ok(listing(
            types,
            page,
            "/api/v2/integrations/types",
            &query,
            |v| v,
        )))
    })
}

pub async fn get_type(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.read_as(&caller, "integrations:integration:view", |org, _| {
        org.integration_type(&id)
            .map(|t| ok(type_view(t)))
            .ok_or_else(ApiError::not_found)
    })
}

/// Filters served: `ids` (at most 100), `integrationType` and `reportedState`.
pub async fn list(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let query = Query::parse(raw.as_deref());
    let page = Page::from_query(&query)?;
    let ids = query.all("ids");
    if ids.len() > 100 {
        return Err(ApiError::bad_request(
            "Only 100 integrations can be requested at a time.",
        ));
    }
    let type_id = query.get("integrationType").map(str::to_owned);
    let reported = query.get("reportedState").map(str::to_owned);
    let shown = Shown::of(&ctx);
    ctx.read_as(&caller, "integrations:integration:view", |org, now| {
        let all: Vec<Value> = org
            .integrations
            .iter()
            .filter(|i| ids.is_empty() || ids.contains(&i.id))
            .filter(|i| type_id.as_ref().is_none_or(|t| &i.type_id == t))
            .map(|i| integration_view(org, i, now, &shown))
            .filter(|v| {
                reported
                    .as_ref()
                    .is_none_or(|r| v["reportedState"]["code"] == *r)
            })
            .collect();
        Ok(ok(listing(
            all,
            page,
            "/api/v2/integrations",
            &query,
            |v| v,
        )))
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct InstallRequest {
    name: Option<String>,
    integration_type: Option<TypeRef>,
}

#[derive(Deserialize)]
struct TypeRef {
    id: Option<String>,
}

/// Installs an integration (DISABLED, INACTIVE). The type's `maxInstances` is enforced (10 for
/// Genesys Cloud Data Actions, §3.3); the error Genesys gives is undocumented, the Sandbox
/// answers 400 `bad.request` with the limit in the message.
pub async fn install(
    State(ctx): State<Ctx>,
    caller: Caller,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let request: InstallRequest = body(&bytes)?;
    let type_id = request
        .integration_type
        .and_then(|t| t.id)
        .ok_or_else(|| ApiError::bad_request("integrationType.id is required."))?;
    let shown = Shown::of(&ctx);
    ctx.mutate_as(&caller, "integrations:integration:add", |org, now| {
        let kind = org.integration_type(&type_id).ok_or_else(|| {
            ApiError::bad_request(format!("The integration type [{type_id}] does not exist."))
        })?;
        if kind["nonInstallable"] == json!(true) {
            return Err(ApiError::bad_request(format!(
                "The integration type [{type_id}] cannot be installed."
            )));
        }
        let max = kind["maxInstances"].as_u64().unwrap_or(u64::MAX);
        let type_name = kind["name"].as_str().unwrap_or(&type_id).to_owned();
        let count = org
            .integrations
            .iter()
            .filter(|i| i.type_id == type_id)
            .count();
        if u64::try_from(count).unwrap_or(u64::MAX) >= max {
            return Err(ApiError::bad_request(format!(
                "The maximum number of integrations of type [{type_id}] ({max}) has been reached."
            )));
        }
        let name = request
            .name
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(type_name);
        let integration = IntegrationRecord {
            id: ids::new_id(),
            name,
            type_id,
            notes: String::new(),
            intended_state: "DISABLED".to_owned(),
            state_changed_ms: now,
            config: IntegrationConfigRecord {
                version: 1,
                properties: json!({}),
                advanced: json!({}),
                notes: String::new(),
                credentials: Default::default(),
            },
        };
        let view = integration_view(org, &integration, now, &shown);
        org.integrations.push(integration);
        Ok(ok(view))
    })
}

pub async fn get_one(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let shown = Shown::of(&ctx);
    ctx.read_as(&caller, "integrations:integration:view", |org, now| {
        let integration = org
            .integrations
            .iter()
            .find(|i| i.id == id)
            .ok_or_else(ApiError::not_found)?;
        Ok(ok(integration_view(org, integration, now, &shown)))
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PatchRequest {
    intended_state: Option<String>,
}

/// Sets `intendedState`. ENABLED and DISABLED are served; DELETED and RESTORED (soft delete and
/// undo in the admin UI) are refused with 400, as the Sandbox deletes with DELETE only.
pub async fn patch(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let request: PatchRequest = body(&bytes)?;
    let state = request
        .intended_state
        .ok_or_else(|| ApiError::bad_request("intendedState is required."))?;
    if !["ENABLED", "DISABLED"].contains(&state.as_str()) {
        return Err(ApiError::invalid_value(
            &state,
            "intendedState",
            &["ENABLED", "DISABLED"],
        ));
    }
    let shown = Shown::of(&ctx);
    ctx.mutate_as(&caller, "integrations:integration:edit", |org, now| {
        let integration = org
            .integrations
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or_else(ApiError::not_found)?;
        if integration.intended_state != state {
            integration.intended_state = state;
            integration.state_changed_ms = now;
        }
        let snapshot = integration.clone();
        Ok(ok(integration_view(org, &snapshot, now, &shown)))
    })
}

pub async fn delete(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let shown = Shown::of(&ctx);
    ctx.mutate_as(&caller, "integrations:integration:delete", |org, now| {
        let index = org
            .integrations
            .iter()
            .position(|i| i.id == id)
            .ok_or_else(ApiError::not_found)?;
        let view = integration_view(org, &org.integrations[index], now, &shown);
        org.integrations.remove(index);
        Ok(ok(view))
    })
}

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

fn type_view(t: &Value) -> Value {
    let mut view = t.clone();
    if let Some(id) = t["id"].as_str() {
        view["selfUri"] = json!(self_uri("integrations/types", id));
    }
    view
}

/// `reportedState`, derived from `intendedState` and the time it changed. Once activation is
/// over, a configured credential that cannot mint a token is reported as ERROR with why, or
/// (variant `wrong-secret-active`) as ACTIVE all the same.
fn reported_state(org: &Org, i: &IntegrationRecord, now: i64, shown: &Shown) -> Value {
    let (since, delay) = (i.state_changed_ms, shown.delay_ms);
    let (code, effective, detail, changed) = if i.intended_state != "ENABLED" {
        ("INACTIVE", "Inactive", None, since)
    } else if now < since.saturating_add(delay) {
        ("ACTIVATING", "Activating", None, since)
    } else {
        match super::integration_config::can_mint_token(org, i, now) {
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

/// An `Integration`. Its `config.current` is the whole configuration, a stub (name and
/// credentials, no `version`) or left out, as the variant says; its notes, like the
/// configuration's, read back as Genesys's placeholder when empty.
pub fn integration_view(org: &Org, i: &IntegrationRecord, now: i64, shown: &Shown) -> Value {
    let kind = org
        .integration_type(&i.type_id)
        .map(type_view)
        .unwrap_or_else(|| json!({ "id": i.type_id }));
    let mut view = json!({
        "id": i.id,
        "name": i.name,
        "integrationType": kind,
        "notes": stored_notes(&i.notes),
        "intendedState": i.intended_state,
        "reportedState": reported_state(org, i, now, shown),
        "attributes": {},
        "selfUri": self_uri("integrations", &i.id),
    });
    let full = config_view(org, i);
    match shown.embedded {
        EmbeddedConfig::Complete => view["config"] = json!({ "current": full }),
        EmbeddedConfig::Stub => {
            view["config"] = json!({ "current": {
                "name": full["name"], "credentials": full["credentials"],
            } });
        }
        EmbeddedConfig::Absent => {}
    }
    view
}
