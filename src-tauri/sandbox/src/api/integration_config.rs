//! `/api/v2/integrations/{id}/config/current`: the integration's configuration with optimistic
//! concurrency on `version`, its credential slots checked against the type, and empty notes as
//! Genesys stores them.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::caller::Caller;
use crate::error_body::ApiError;
use crate::org::{by_id_mut, IntegrationRecord, Org};
use crate::resource::{body, found, ok, one};
use crate::store::Ctx;

pub async fn get_config(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.read_as(&caller, "integrations:integration:view", |org, _| {
        one(org.integration(&id), |i| config_view(org, i))
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConfigRequest {
    name: Option<String>,
    version: Option<i64>,
    properties: Option<Value>,
    advanced: Option<Value>,
    notes: Option<String>,
    credentials: Option<BTreeMap<String, CredentialRef>>,
}

#[derive(Deserialize)]
struct CredentialRef {
    id: Option<String>,
}

/// Replaces the configuration. `version` must be the current one, else 409 with the message
/// Terraform retries on ("does not match the current version": terraform-provider-genesyscloud
/// genesyscloud/util/util_retries.go, `IsVersionMismatch`).
pub async fn put_config(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let request: ConfigRequest = body(&bytes)?;
    let version = request
        .version
        .ok_or_else(|| ApiError::bad_request("version is required to update a configuration."))?;
    ctx.mutate_as(&caller, "integrations:integration:edit", |org, _| {
        let current = found(org.integration(&id))?;
        if version != current.config.version {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "general.conflict",
                format!(
                    "The version supplied [{version}] does not match the current version [{}].",
                    current.config.version
                ),
            ));
        }
        let slots = org
            .integration_type(&current.type_id)
            .and_then(|t| t["credentials"].as_object().cloned())
            .unwrap_or_default();
        let mut credentials = BTreeMap::new();
        for (slot, reference) in request.credentials.unwrap_or_default() {
            if !slots.contains_key(&slot) {
                return Err(ApiError::bad_request(format!(
                    "The credential [{slot}] is not used by integrations of type [{}].",
                    current.type_id
                )));
            }
            let credential_id = reference.id.ok_or_else(|| {
                ApiError::bad_request(format!("credentials.{slot}.id is required."))
            })?;
            if org.credential(&credential_id).is_none() {
                return Err(ApiError::bad_request(format!(
                    "The credential [{credential_id}] does not exist."
                )));
            }
            credentials.insert(slot, credential_id);
        }
        let integration = found(by_id_mut(&mut org.integrations, &id))?;
        if let Some(name) = request.name.filter(|n| !n.trim().is_empty()) {
            integration.name = name;
        }
        let config = &mut integration.config;
        config.version += 1;
        config.properties = request.properties.unwrap_or_else(|| json!({}));
        config.advanced = request.advanced.unwrap_or_else(|| json!({}));
        config.notes = request
            .notes
            .filter(|n| n != EMPTY_NOTES)
            .unwrap_or_default();
        config.credentials = credentials;
        let snapshot = integration.clone();
        Ok(ok(config_view(org, &snapshot)))
    })
}

/// What Genesys answers for notes saved empty: Terraform turns this literal back into ""
/// (terraform-provider-genesyscloud genesyscloud/integration/resource_genesyscloud_integration_utils.go,
/// `flattenIntegrationConfig`), so real orgs store empty notes that way.
pub const EMPTY_NOTES: &str = "node_dynamodb_empty_string";

/// Notes as served: empty ones as [`EMPTY_NOTES`].
pub fn stored_notes(notes: &str) -> &str {
    if notes.is_empty() {
        EMPTY_NOTES
    } else {
        notes
    }
}

/// `IntegrationConfiguration`; each credential as a `CredentialInfo` (id, name, type).
pub fn config_view(org: &Org, i: &IntegrationRecord) -> Value {
    let credentials: serde_json::Map<String, Value> = i
        .config
        .credentials
        .iter()
        .map(|(slot, id)| {
            let info = match org.credential(id) {
                Some(c) => json!({ "id": c.id, "name": c.name, "type": { "name": c.type_name } }),
                None => json!({ "id": id }),
            };
            (slot.clone(), info)
        })
        .collect();
    json!({
        "id": i.id,
        "name": i.name,
        "version": i.config.version,
        "properties": i.config.properties,
        "advanced": i.config.advanced,
        "notes": stored_notes(&i.config.notes),
        "credentials": credentials,
        "selfUri": format!("/api/v2/integrations/{}/config/current", i.id),
    })
}
