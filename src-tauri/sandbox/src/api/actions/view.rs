//! How an action is served as an `Action`: always its id, name, category, integration, version,
//! `secure` and `selfUri`; its contract with `expand=contract` (flattened with `flatten=true`);
//! its config with `includeConfig=true`, the templates inline or only linked as the variant says.
//! Parameters: platform-client-sdk-python build/docs/IntegrationsApi.md (`get_integrations_action`).

use serde_json::{json, Value};

use super::model::{ActionDefinition, ActionRecord, Stage};
use crate::paging::Query;
use crate::variants::ActionTemplates;
use action_engine::contract::flatten_schema;

/// What an answer shows besides the action's identity.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub contract: bool,
    pub config: bool,
    pub flatten: bool,
    pub templates: ActionTemplates,
}

impl Shape {
    /// As a read asks: `expand=contract`, `includeConfig=true`, `flatten=true`.
    pub fn asked(query: &Query, templates: ActionTemplates) -> Shape {
        Shape {
            contract: query
                .all("expand")
                .iter()
                .any(|e| e.eq_ignore_ascii_case("contract")),
            config: query.flag("includeConfig", false),
            flatten: query.flag("flatten", false),
            templates,
        }
    }

    /// A listing: the config when asked, never the contract (listings take no `expand`).
    pub fn listed(query: &Query, templates: ActionTemplates) -> Shape {
        Shape {
            contract: false,
            flatten: false,
            ..Shape::asked(query, templates)
        }
    }

    /// What a create, patch or publish answers: the whole action. The sources do not say what
    /// these answers hold; the Sandbox shows everything a full read would.
    pub fn whole(templates: ActionTemplates) -> Shape {
        Shape {
            contract: true,
            config: true,
            flatten: false,
            templates,
        }
    }
}

/// The path of an action (`/api/v2/integrations/actions/{id}`) or of its draft (`…/draft`).
pub fn base_uri(id: &str, stage: Stage) -> String {
    match stage {
        Stage::Published => format!("/api/v2/integrations/actions/{id}"),
        Stage::Draft => format!("/api/v2/integrations/actions/{id}/draft"),
    }
}

pub fn action_view(
    record: &ActionRecord,
    stage: Stage,
    def: &ActionDefinition,
    shape: Shape,
) -> Value {
    let base = base_uri(&record.id, stage);
    let mut view = json!({
        "id": record.id,
        "name": def.name,
        "integrationId": record.integration_id,
        "category": def.category,
        "version": def.version,
        "secure": def.secure,
        "selfUri": base,
    });
    if shape.contract {
        view["contract"] = contract_view(def, &base, shape.flatten);
    }
    if shape.config {
        view["config"] = config_view(def, &base, shape.templates);
    }
    view
}

/// `ActionContract`: either the schemas or their flattened forms, never both (`ActionInput`,
/// `ActionOutput` descriptions), with the schema links. An input contract is flat already, so
/// its flattened form is the schema itself.
fn contract_view(def: &ActionDefinition, base: &str, flatten: bool) -> Value {
    let input_uri = format!("{base}/schemas/inputschema.json");
    let output_uri = format!("{base}/schemas/successschema.json");
    let contract = &def.contract;
    if flatten {
        json!({
            "input": { "inputSchemaFlattened": contract.input_schema, "inputSchemaUri": input_uri },
            "output": {
                "successSchemaFlattened": flatten_schema(&contract.success_schema),
                "successSchemaUri": output_uri,
            },
        })
    } else {
        json!({
            "input": { "inputSchema": contract.input_schema, "inputSchemaUri": input_uri },
            "output": { "successSchema": contract.success_schema, "successSchemaUri": output_uri },
        })
    }
}

/// `ActionConfig` with `requestTemplateUri` and `successTemplateUri`; the templates themselves
/// only under variant `action-templates-inline`.
fn config_view(def: &ActionDefinition, base: &str, templates: ActionTemplates) -> Value {
    let config = &def.config;
    let mut request = json!({
        "headers": config.request.headers,
        "requestTemplateUri": format!("{base}/templates/requesttemplate.vm"),
    });
    if let Some(url) = &config.request.request_url_template {
        request["requestUrlTemplate"] = json!(url);
    }
    if let Some(method) = &config.request.request_type {
        request["requestType"] = json!(method);
    }
    let mut response = json!({
        "translationMap": config.response.translation_map,
        "translationMapDefaults": config.response.translation_map_defaults,
        "successTemplateUri": format!("{base}/templates/successtemplate.vm"),
    });
    if templates == ActionTemplates::Inline {
        request["requestTemplate"] = json!(config.request_template());
        response["successTemplate"] = json!(config.success_template());
    }
    let mut view = json!({ "request": request, "response": response });
    if let Some(timeout) = config.timeout_seconds {
        view["timeoutSeconds"] = json!(timeout);
    }
    view
}
