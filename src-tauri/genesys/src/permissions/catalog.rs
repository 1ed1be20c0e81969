//! The permission catalog: every operation of a Swagger 2.0 document with what it requires.
//! Each region serves Genesys's document at `/api/v2/docs/swagger`, and each operation carries
//! `x-inin-requires-permissions {type: ANY|ALL, permissions: [...]}`; the Terraform provider's
//! docs tool reads exactly that field from that address (terraform-provider-genesyscloud
//! apidocs/main.go, `EndpointSpec.XIninRequiresPermissions`). An operation without the field,
//! or with an empty list, requires no permission (the SDK docs' "Requires no permissions").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::models::{ResponseModels, SUCCESS_STATUSES};
use crate::error::{Error, Result};

/// The largest document read. The public one is over 20 MB; a tenfold margin still bounds it.
pub const MAX_DOCUMENT_BYTES: usize = 200 * 1024 * 1024;

/// How a requirement's list is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum NeedKind {
    /// Any one permission of the list is enough.
    Any,
    /// Every permission of the list is needed.
    All,
    /// No permission at all.
    None,
}

/// What one operation requires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    pub kind: NeedKind,
    pub permissions: Vec<String>,
}

/// One operation: `GET /api/v2/routing/queues/{queueId}/members` and what it requires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Operation {
    /// Upper case, as data actions spell `requestType`.
    pub method: String,
    /// The path template as the document writes it.
    pub path: String,
    pub need: Need,
}

/// Every operation of one document, sorted by path then method.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    pub operations: Vec<Operation>,
    /// The operations' answer models (a copy cached before they were kept has none).
    #[serde(default)]
    pub models: ResponseModels,
}

/// The document, as far as the catalog reads it: serde skips every other field without
/// building it; the definitions are read whole, then only those an answer uses are kept.
#[derive(Deserialize)]
struct Document {
    #[serde(default)]
    paths: BTreeMap<String, PathItem>,
    #[serde(default)]
    definitions: BTreeMap<String, serde_json::Value>,
}

/// A path's operations. Swagger 2.0 also allows `parameters` and `$ref` here; they are skipped.
#[derive(Deserialize)]
struct PathItem {
    get: Option<Spec>,
    put: Option<Spec>,
    post: Option<Spec>,
    delete: Option<Spec>,
    patch: Option<Spec>,
    head: Option<Spec>,
    options: Option<Spec>,
}

#[derive(Deserialize)]
struct Spec {
    #[serde(rename = "x-inin-requires-permissions")]
    requires: Option<Requires>,
    #[serde(default)]
    responses: BTreeMap<String, Answer>,
}

/// One response of an operation; only its body's schema is read.
#[derive(Deserialize)]
struct Answer {
    schema: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Requires {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    permissions: Vec<String>,
}

impl Catalog {
    /// Reads a Swagger 2.0 document (JSON). A `type` other than ANY or ALL is read as ALL, the
    /// stricter reading, so a derivation never offers less than the org may ask for.
    pub fn from_swagger(bytes: &[u8]) -> Result<Catalog> {
        let document: Document = serde_json::from_slice(bytes)
            .map_err(|e| Error::Unexpected(format!("the API description is not readable: {e}")))?;
        let mut operations = Vec::new();
        let mut responses = BTreeMap::new();
        for (path, item) in document.paths {
            let specs = [
                ("GET", item.get),
                ("PUT", item.put),
                ("POST", item.post),
                ("DELETE", item.delete),
                ("PATCH", item.patch),
                ("HEAD", item.head),
                ("OPTIONS", item.options),
            ];
            for (method, spec) in specs {
                let Some(mut spec) = spec else { continue };
                let answer = SUCCESS_STATUSES
                    .iter()
                    .find_map(|status| spec.responses.remove(*status).and_then(|a| a.schema));
                if let Some(schema) = answer {
                    responses.insert((method.to_owned(), path.clone()), schema);
                }
                operations.push(Operation {
                    method: method.to_owned(),
                    path: path.clone(),
                    need: need_of(spec.requires),
                });
            }
        }
        operations.sort_by(|a, b| (&a.path, &a.method).cmp(&(&b.path, &b.method)));
        let models = ResponseModels::pruned(responses, document.definitions);
        Ok(Catalog { operations, models })
    }

    /// The operation of `method` at exactly `path` (a template), if the document has it.
    pub fn operation(&self, method: &str, path: &str) -> Option<&Operation> {
        self.operations
            .iter()
            .find(|o| o.path == path && o.method.eq_ignore_ascii_case(method))
    }
}

fn need_of(requires: Option<Requires>) -> Need {
    let Some(requires) = requires else {
        return Need {
            kind: NeedKind::None,
            permissions: Vec::new(),
        };
    };
    let mut permissions: Vec<String> = Vec::new();
    for p in requires.permissions {
        let p = p.trim().to_owned();
        if !p.is_empty() && !permissions.contains(&p) {
            permissions.push(p);
        }
    }
    let kind = if permissions.is_empty() {
        NeedKind::None
    } else if requires.kind.eq_ignore_ascii_case("ANY") {
        NeedKind::Any
    } else {
        NeedKind::All
    };
    Need { kind, permissions }
}
