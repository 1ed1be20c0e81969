//! The data-action models against the shapes Genesys answers (SDK model docs): a whole action
//! read with its templates only linked, the flattened schemas, what is written back, nulls and
//! unknown fields.

use serde_json::{json, Value};

use super::*;

fn workshop_action() -> Value {
    json!({
        "id": "custom_-_3f2a", "name": "queuePresence", "integrationId": "i-1",
        "category": "Workshop Data Actions", "version": 2, "secure": false,
        "selfUri": "/api/v2/integrations/actions/custom_-_3f2a/draft", "somethingNew": {"x": 1},
        "contract": {
            "input": { "inputSchema": {"type": "object", "properties": {"QueueID": {"type": "string"}}},
                       "inputSchemaUri": "/x/schemas/inputschema.json" },
            "output": { "successSchema": {"type": "object", "properties": {"Presences": {"type": "array", "items": {"type": "string"}}}},
                        "successSchemaUri": "/x/schemas/successschema.json" }
        },
        "config": {
            "timeoutSeconds": 20,
            "request": { "requestUrlTemplate": "/api/v2/routing/queues/${input.QueueID}/members?expand=presence",
                         "requestType": "GET", "headers": {}, "requestTemplateUri": "/x/templates/requesttemplate.vm" },
            "response": { "translationMap": {"Presence": "$.entities[*].user.presence.presenceDefinition.systemPresence"},
                          "translationMapDefaults": {"Presence": "null"},
                          "successTemplateUri": "/x/templates/successtemplate.vm" }
        }
    })
}

#[test]
fn a_whole_action_reads_with_its_templates_only_linked() {
    let action: Action = serde_json::from_value(workshop_action()).expect("an Action");
    assert_eq!((action.id.as_str(), action.version), ("custom_-_3f2a", 2));
    let config = action.config.as_ref().expect("config");
    assert_eq!(config.timeout_seconds, Some(20));
    assert_eq!(config.request.request_type, "GET");
    assert_eq!(config.request.request_template, None, "only linked");
    assert_eq!(
        config.request.request_template_uri.as_deref(),
        Some("/x/templates/requesttemplate.vm")
    );
    assert_eq!(config.response.translation_map_defaults["Presence"], "null");
    let contract = action.contract.as_ref().expect("contract");
    assert_eq!(
        contract.output.success_schema["properties"]["Presences"]["type"],
        "array"
    );
    assert!(!contract.input.flattened && !contract.output.flattened);

    let written = serde_json::to_value(&action).expect("serializes");
    for read_only in ["selfUri", "somethingNew"] {
        assert!(written.get(read_only).is_none(), "{read_only} is not sent");
    }
    assert!(written["config"]["request"]
        .get("requestTemplateUri")
        .is_none());
    assert!(written["contract"]["input"].get("inputSchemaUri").is_none());
    assert_eq!(
        written["contract"],
        json!({"input": {"inputSchema": contract.input.input_schema},
               "output": {"successSchema": contract.output.success_schema}}),
        "written as ActionContractInput"
    );
}

#[test]
fn what_is_sent_reads_back_the_same() {
    let action: Action = serde_json::from_value(workshop_action()).expect("an Action");
    let new = NewAction {
        name: action.name.clone(),
        category: action.category.clone(),
        integration_id: action.integration_id.clone(),
        secure: true,
        config: action.config.clone().expect("config"),
        contract: action.contract.clone().expect("contract"),
    };
    let mut new = new;
    new.config.request.request_template_uri = None;
    new.config.response.success_template_uri = None;
    new.contract.input.input_schema_uri = None;
    new.contract.output.success_schema_uri = None;
    new.config.response.success_template = Some("{\"Presences\" : $Presence}".into());
    let json = serde_json::to_value(&new).expect("serializes");
    assert_eq!(json["integrationId"], "i-1");
    assert_eq!(
        json["config"]["response"]["successTemplate"],
        "{\"Presences\" : $Presence}"
    );
    assert!(
        json["config"]["request"].get("requestTemplate").is_none(),
        "unset is unsent"
    );
    let back: NewAction = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, new);

    let mut update = DraftUpdate::from_draft(&action);
    update.category = None;
    let json = serde_json::to_value(update.at_version(7)).expect("serializes");
    assert_eq!(json["version"], 7);
    assert!(
        json.get("category").is_none(),
        "a field left out is kept by Genesys"
    );
    let published = PublishedUpdate {
        name: Some("n".into()),
        category: None,
        config: None,
        version: 3,
    };
    assert_eq!(
        serde_json::to_value(published.at_version(4)).expect("json"),
        json!({"name": "n", "version": 4}),
        "no contract, no secure"
    );
    assert_eq!(
        serde_json::to_value(PublishDraft { version: 2 }).expect("json"),
        json!({"version": 2})
    );
}

#[test]
fn flattened_schemas_are_read_as_the_schema_they_carry() {
    let action: Action = serde_json::from_value(json!({
        "id": "a", "version": 1,
        "contract": {
            "input": { "inputSchemaFlattened": {"type": "object", "properties": {"Q": {"type": "string"}}} },
            "output": { "successSchemaFlattened": {
                "schema": {"type": "object", "properties": {"Rows.id": {"type": "array", "items": {"type": "string"}}}},
                "arrayProperties": ["Rows"] } }
        }
    }))
    .expect("flattened forms");
    let contract = action.contract.expect("contract");
    assert!(contract.input.flattened && contract.output.flattened);
    assert_eq!(
        contract.input.input_schema["properties"]["Q"]["type"],
        "string"
    );
    assert_eq!(
        contract.output.success_schema["properties"]["Rows.id"]["type"],
        "array"
    );
    assert_eq!(contract.output.array_properties, ["Rows"]);
}

#[test]
fn nulls_absent_parts_and_unknown_fields_are_tolerated_but_id_and_version_are_not() {
    let sparse: Action = serde_json::from_value(json!({
        "id": "a", "version": 1, "name": null, "config": {"request": null, "response": {"translationMap": null}},
        "contract": {"input": null}
    }))
    .expect("sparse");
    assert_eq!(sparse.name, "");
    let config = sparse.config.expect("config");
    assert!(config.request.headers.is_empty() && config.response.translation_map.is_empty());
    assert_eq!(
        sparse.contract.expect("contract").output.success_schema,
        Value::Null
    );
    for (body, missing) in [
        (json!({"version": 1}), "id"),
        (json!({"id": "a"}), "version"),
    ] {
        let err = serde_json::from_value::<Action>(body).expect_err("refused");
        assert!(err.to_string().contains(missing), "{err}");
    }
    assert!(serde_json::from_value::<Action>(json!({"id": "a", "version": "two"})).is_err());
}
