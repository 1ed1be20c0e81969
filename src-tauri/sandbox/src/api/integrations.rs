//! `/api/v2/integrations`: installing, listing, reading, enabling and deleting integrations (their
//! `reportedState` in `reported_state.rs`). How the embedded `config.current` looks follows the
//! variant.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

use super::integration_config::{config_view, stored_notes};
use super::integration_types::type_view;
use super::reported_state::{reported_state, Shown};
use crate::caller::Caller;
use crate::error_body::ApiError;
use crate::ids;
use crate::org::{by_id_mut, IntegrationConfigRecord, IntegrationRecord, Org};
use crate::resource::{body, found, ok, one, remove, self_uri, PageRequest};
use crate::store::Ctx;
use crate::variants::EmbeddedConfig;

/// Filters served: `ids` (at most 100), `integrationType` and `reportedState`.
pub async fn list(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let asked = PageRequest::parse(raw.as_deref())?;
    let query = &asked.query;
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
        Ok(asked.answer(all, "/api/v2/integrations", |v| v))
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

/// Installs an integration (DISABLED, INACTIVE). The type's `maxInstances` is enforced (the
/// seeded Genesys Cloud Data Actions type allows 10); no public source states the error Genesys
/// gives past it, so the Sandbox answers 400 `bad.request` with the limit in the message.
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
        one(org.integration(&id), |i| {
            integration_view(org, i, now, &shown)
        })
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
        let integration = found(by_id_mut(&mut org.integrations, &id))?;
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
        // The view reads the org's types, credentials and clients, never its integrations, so
        // rendered after the removal it is what the integration was.
        let removed = remove(&mut org.integrations, &id)?;
        Ok(ok(integration_view(org, &removed, now, &shown)))
    })
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
