//! A data action as Genesys answers it, draft or published: `Action` with its `ActionConfig`
//! (request, response) and `ActionContract` (input and success schemas), and `Category`
//! (platform-client-sdk-python build/docs/Action.md, ActionConfig.md, RequestConfig.md,
//! ResponseConfig.md, ActionContract.md, ActionInput.md, ActionOutput.md,
//! FlattenedJsonSchemaDocument.md, Category.md). The contract and the config are written back
//! in the same shapes (`PostActionInput`, `UpdateDraftInput`); read-only links are not.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// One data action, or its draft (a draft shares its action's id).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub id: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub integration_id: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub category: String,
    /// The version a change must name (`UpdateDraftInput.version`, `PublishDraftInput.version`).
    /// Required: Terraform reads it off every action it changes or publishes
    /// (terraform-provider-genesyscloud genesyscloud/integration_action/resource_genesyscloud_integration_action.go,
    /// `updateIntegrationAction`).
    pub version: i64,
    #[serde(default, deserialize_with = "null_as_default")]
    pub secure: bool,
    /// Present when read with `includeConfig=true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<ActionConfig>,
    /// Present when read with `expand=contract`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<ActionContract>,
    #[serde(default, skip_serializing)]
    pub self_uri: Option<String>,
}

/// `ActionConfig`: the optional 1–60 s timeout, the outbound request and the response processing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<i64>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub request: RequestConfig,
    #[serde(default, deserialize_with = "null_as_default")]
    pub response: ResponseConfig,
}

/// `RequestConfig`. The templates are Velocity. A read may carry only the template's link
/// (`requestTemplateUri`): `request_template` is then `None` until the template is read
/// (`Client::action_template`), and a change sent without it is one that does not name it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestConfig {
    #[serde(default, deserialize_with = "null_as_default")]
    pub request_url_template: String,
    /// The HTTP method: `GET`, `PUT`, `POST`, `PATCH` or `DELETE`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub request_type: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub headers: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_template: Option<String>,
    #[serde(default, skip_serializing)]
    pub request_template_uri: Option<String>,
}

/// `ResponseConfig`: variable → JSONPath, variable → default (JSON text used when the path finds
/// nothing), and the Velocity success template (`None` as for `request_template`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseConfig {
    #[serde(default, deserialize_with = "null_as_default")]
    pub translation_map: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub translation_map_defaults: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_template: Option<String>,
    #[serde(default, skip_serializing)]
    pub success_template_uri: Option<String>,
}

/// `ActionContract`, written as `ActionContractInput` (`input.inputSchema`,
/// `output.successSchema`). The schemas stay raw JSON: the output may have an `array` root
/// with `items`, which the SDKs' `JsonSchemaDocument` cannot hold (the NOTE in
/// terraform-provider-genesyscloud genesyscloud/integration_action/genesyscloud_integration_action_proxy.go).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionContract {
    #[serde(default, deserialize_with = "null_as_default")]
    pub input: ActionInput,
    #[serde(default, deserialize_with = "null_as_default")]
    pub output: ActionOutput,
}

/// `ActionInput`: the input schema (`Null` when the answer has none).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "RawInput")]
pub struct ActionInput {
    pub input_schema: Value,
    #[serde(skip_serializing)]
    pub input_schema_uri: Option<String>,
    /// The answer held only `inputSchemaFlattened` (a read with `flatten=true`).
    #[serde(skip_serializing)]
    pub flattened: bool,
}

/// `ActionOutput`: the success schema (`Null` when the answer has none).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "RawOutput")]
pub struct ActionOutput {
    pub success_schema: Value,
    #[serde(skip_serializing)]
    pub success_schema_uri: Option<String>,
    /// The answer held only `successSchemaFlattened`: `success_schema` is its `schema`, in
    /// Architect's flattened form, and `array_properties` the properties that were arrays.
    #[serde(skip_serializing)]
    pub flattened: bool,
    #[serde(skip_serializing)]
    pub array_properties: Vec<String>,
}

/// `Category` of `GET …/actions/categories`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Category {
    pub name: String,
}

/// `ActionInput` as answered: the schema, or its flattened form (`flatten=true`).
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct RawInput {
    input_schema: Option<Value>,
    input_schema_flattened: Option<Value>,
    input_schema_uri: Option<String>,
}

/// `ActionOutput` as answered.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct RawOutput {
    success_schema: Option<Value>,
    success_schema_flattened: Option<Value>,
    success_schema_uri: Option<String>,
}

impl From<RawInput> for ActionInput {
    fn from(raw: RawInput) -> Self {
        let flattened = raw.input_schema.is_none() && raw.input_schema_flattened.is_some();
        let (input_schema, _) = match raw.input_schema {
            Some(schema) => (schema, Vec::new()),
            None => unflatten(raw.input_schema_flattened.unwrap_or(Value::Null)),
        };
        ActionInput {
            input_schema,
            input_schema_uri: raw.input_schema_uri,
            flattened,
        }
    }
}

impl From<RawOutput> for ActionOutput {
    fn from(raw: RawOutput) -> Self {
        let flattened = raw.success_schema.is_none() && raw.success_schema_flattened.is_some();
        let (success_schema, array_properties) = match raw.success_schema {
            Some(schema) => (schema, Vec::new()),
            None => unflatten(raw.success_schema_flattened.unwrap_or(Value::Null)),
        };
        ActionOutput {
            success_schema,
            success_schema_uri: raw.success_schema_uri,
            flattened,
            array_properties,
        }
    }
}

/// A flattened schema's document: `FlattenedJsonSchemaDocument {schema, arrayProperties}`, or
/// a plain `JsonSchemaDocument` (the SDK models `inputSchemaFlattened` as one: ActionInput.md).
fn unflatten(value: Value) -> (Value, Vec<String>) {
    let wrapped = value.get("type").is_none() && value.get("schema").is_some_and(Value::is_object);
    if !wrapped {
        return (value, Vec::new());
    }
    let arrays = value
        .get("arrayProperties")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let schema = value.get("schema").cloned().unwrap_or(Value::Null);
    (schema, arrays)
}

/// A JSON `null` reads as the type's default (an empty map, an empty text).
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}
