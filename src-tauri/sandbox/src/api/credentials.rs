//! `/api/v2/integrations/credentials`: create, read (sensitive fields redacted), replace,
//! delete, the page and cursor listings, and the credential types.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::caller::Caller;
use crate::clock;
use crate::error_body::ApiError;
use crate::ids;
use crate::org::{by_id_mut, CredentialRecord, Org};
use crate::paging::Query;
use crate::resource::{body, found, no_content, ok, one, remove, self_uri, PageRequest};
use crate::store::{lock, Ctx};

const MAX_CURSOR_PAGE: usize = 200;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CredentialRequest {
    name: Option<String>,
    #[serde(rename = "type")]
    kind: Option<TypeRef>,
    credential_fields: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
struct TypeRef {
    name: Option<String>,
}

/// Which fields are secret is not in the sources: the Sandbox treats any field whose name
/// contains "secret" or "password" as sensitive (stored as a digest, never served back).
fn is_sensitive(field: &str) -> bool {
    let f = field.to_ascii_lowercase();
    f.contains("secret") || f.contains("password")
}

/// Validate a request against its credential type and build the record (id and dates unset).
fn record(org: &Org, r: CredentialRequest) -> Result<CredentialRecord, ApiError> {
    let type_name = r
        .kind
        .and_then(|t| t.name)
        .ok_or_else(|| ApiError::bad_request("type.name is required."))?;
    let kind = org.credential_type(&type_name).ok_or_else(|| {
        let names: Vec<&str> = org
            .credential_types
            .iter()
            .filter_map(|t| t["name"].as_str())
            .collect();
        ApiError::invalid_value(&type_name, "type.name", &names)
    })?;
    let values = r.credential_fields.unwrap_or_default();
    let missing: Vec<&str> = kind["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|f| values.get(*f).is_none_or(|v| v.trim().is_empty()))
        .collect();
    if !missing.is_empty() {
        return Err(ApiError::bad_request(format!(
            "Missing required credential field(s) for type [{type_name}]: {}",
            missing.join(", ")
        )));
    }
    let (secret, plain): (BTreeMap<_, _>, BTreeMap<_, _>) =
        values.into_iter().partition(|(k, _)| is_sensitive(k));
    Ok(CredentialRecord {
        id: String::new(),
        name: r.name.unwrap_or_default(),
        type_name,
        fields: plain,
        sensitive_sha256: secret
            .into_iter()
            .map(|(k, v)| (k, ids::digest(&v)))
            .collect(),
        created_ms: 0,
        modified_ms: 0,
    })
}

pub async fn create(
    State(ctx): State<Ctx>,
    caller: Caller,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let request: CredentialRequest = body(&bytes)?;
    ctx.mutate_as(&caller, "integrations:integration:add", |org, now| {
        let mut credential = record(org, request)?;
        credential.id = ids::new_id();
        credential.created_ms = now;
        credential.modified_ms = now;
        let view = info_view(&credential);
        org.credentials.push(credential);
        Ok(ok(view))
    })
}

pub async fn get_one(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.read_as(&caller, "integrations:integration:view", |org, _| {
        one(org.credential(&id), credential_view)
    })
}

pub async fn update(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let request: CredentialRequest = body(&bytes)?;
    ctx.mutate_as(&caller, "integrations:integration:edit", |org, now| {
        let created = found(org.credential(&id))?.created_ms;
        let mut credential = record(org, request)?;
        credential.id = id.clone();
        credential.created_ms = created;
        credential.modified_ms = now;
        let view = info_view(&credential);
        if let Some(slot) = by_id_mut(&mut org.credentials, &id) {
            *slot = credential;
        }
        Ok(ok(view))
    })
}

pub async fn delete(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.mutate_as(&caller, "integrations:integration:delete", |org, _| {
        remove(&mut org.credentials, &id)?;
        Ok(no_content())
    })
}

/// The deprecated page-number listing.
pub async fn list(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let asked = PageRequest::parse(raw.as_deref())?;
    ctx.read_as(&caller, "integrations:integration:view", |org, _| {
        let path = "/api/v2/integrations/credentials";
        Ok(asked.answer(&org.credentials, path, info_view))
    })
}

/// Cursor listing in creation order: `after`/`before` take an entity id (Terraform passes the
/// last id seen as `after`, terraform-provider-genesyscloud
/// genesyscloud/integration_credential/genesyscloud_integration_credential_proxy.go), an
/// `after` past the end is an empty page, `pageSize` is at most 200. `nextUri` is answered
/// unless the knob turns it off.
pub async fn listing_cursor(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let query = Query::parse(raw.as_deref());
    let size = query.number("pageSize", 25)?;
    if size == 0 || size > MAX_CURSOR_PAGE {
        return Err(ApiError::bad_request(format!(
            "pageSize must be between 1 and {MAX_CURSOR_PAGE}."
        )));
    }
    let next_uri = lock(&ctx.knobs).cursor_next_uri;
    ctx.read_as(&caller, "integrations:integration:view", |org, _| {
        let ids: Vec<&str> = org.credentials.iter().map(|c| c.id.as_str()).collect();
        let position = |cursor: &str| {
            ids.iter().position(|id| *id == cursor).ok_or_else(|| {
                ApiError::bad_request(format!("The cursor [{cursor}] is not valid."))
            })
        };
        let (start, end) = match (query.get("after"), query.get("before")) {
            (Some(after), _) => {
                let from = position(after)? + 1;
                (from, (from + size).min(ids.len()))
            }
            (None, Some(before)) => {
                let to = position(before)?;
                (to.saturating_sub(size), to)
            }
            (None, None) => (0, size.min(ids.len())),
        };
        let entities: Vec<Value> = org.credentials[start..end].iter().map(info_view).collect();
        let base = "/api/v2/integrations/credentials/listing";
        let mut out = json!({
            "entities": entities,
            "selfUri": match raw.as_deref() {
                Some(query) if !query.is_empty() => format!("{base}?{query}"),
                _ => base.to_owned(),
            },
        });
        if next_uri && end < ids.len() && end > start {
            out["nextUri"] = json!(format!("{base}?after={}&pageSize={size}", ids[end - 1]));
        }
        if start > 0 && end > start {
            out["previousUri"] = json!(format!("{base}?before={}&pageSize={size}", ids[start]));
        }
        Ok(ok(out))
    })
}

/// A bare JSON array of `CredentialType`.
pub async fn types(State(ctx): State<Ctx>, caller: Caller) -> Result<Response, ApiError> {
    ctx.read_as(&caller, "integrations:integration:view", |org, _| {
        Ok(ok(Value::Array(org.credential_types.clone())))
    })
}

/// `Credential`: its non-sensitive fields only.
fn credential_view(c: &CredentialRecord) -> Value {
    json!({
        "id": c.id,
        "name": c.name,
        "type": { "name": c.type_name },
        "credentialFields": c.fields,
        "selfUri": self_uri("integrations/credentials", &c.id),
    })
}

/// `CredentialInfo`: what listings and writes answer (no fields at all).
fn info_view(c: &CredentialRecord) -> Value {
    json!({
        "id": c.id,
        "name": c.name,
        "createdDate": clock::iso(c.created_ms),
        "modifiedDate": clock::iso(c.modified_ms),
        "type": { "name": c.type_name },
        "selfUri": self_uri("integrations/credentials", &c.id),
    })
}
