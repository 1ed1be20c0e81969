//! The Terraform export read back by a real HCL parser and evaluator (the `hcl-rs` crate):
//! every template, map and schema comes back exactly as the action holds it (so `$${` did its
//! job), for the workshop's action and for every public action in the shared data folder
//! (read at test time); labels are identifiers; strings with quotes, newlines and control
//! characters survive.

use hcl::eval::{Context, Evaluate, FuncArgs, FuncDef, ParamType};
use serde_json::{json, Value};

use super::terraform::{action_file, label, quoted};
use genesys::models::{parse_exported_actions, ExportedAction};

fn same(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(args[0].clone())
}

/// The file parsed and evaluated as Terraform would (`var.integration_id` set, `jsonencode`
/// standing for its argument, so a schema compares as JSON), as JSON.
fn read_back(text: &str) -> Value {
    let body = hcl::parse(text).unwrap_or_else(|e| panic!("not HCL: {e}\n{text}"));
    let mut ctx = Context::new();
    let mut vars = hcl::Map::new();
    vars.insert("integration_id".into(), hcl::Value::from("i-1"));
    ctx.declare_var("var", hcl::Value::Object(vars));
    // `type = string` names a Terraform type, which an evaluator without Terraform's types
    // reads as a variable: declared as its own name.
    ctx.declare_var("string", "string");
    ctx.declare_func("jsonencode", FuncDef::new(same, [ParamType::Any]));
    let body = body
        .evaluate(&ctx)
        .unwrap_or_else(|e| panic!("does not evaluate: {e}\n{text}"));
    hcl::from_body(body).expect("as JSON")
}

/// The one resource of the file, and its label.
fn resource(file: &Value) -> (String, Value) {
    let resources = file["resource"]["genesyscloud_integration_action"]
        .as_object()
        .expect("the action's resource");
    assert_eq!(resources.len(), 1);
    let (label, body) = resources.iter().next().expect("one");
    (label.clone(), body.clone())
}

fn map(value: &std::collections::BTreeMap<String, String>) -> Value {
    json!(value)
}

/// Every field the action holds, read back from its file.
fn assert_round_trip(action: &ExportedAction, what: &str) {
    let text = action_file(action);
    let (_, r) = resource(&read_back(&text));
    let request = &action.config.request;
    let response = &action.config.response;
    assert_eq!(r["name"], json!(action.name), "{what}");
    assert_eq!(r["integration_id"], "i-1", "{what}");
    assert_eq!(r["secure"], json!(action.secure), "{what}");
    assert_eq!(
        r["contract_input"], action.contract.input.input_schema,
        "{what}: contract_input"
    );
    assert_eq!(
        r["contract_output"], action.contract.output.success_schema,
        "{what}: contract_output"
    );
    let req = &r["config_request"];
    assert_eq!(
        req["request_url_template"],
        json!(request.request_url_template),
        "{what}"
    );
    assert_eq!(req["request_type"], json!(request.request_type), "{what}");
    assert_eq!(
        req.get("request_template").cloned(),
        request.request_template.clone().map(Value::from),
        "{what}: request_template"
    );
    assert_eq!(req["headers"], map(&request.headers), "{what}");
    let res = &r["config_response"];
    assert_eq!(
        res["translation_map"],
        map(&response.translation_map),
        "{what}"
    );
    assert_eq!(
        res["translation_map_defaults"],
        map(&response.translation_map_defaults),
        "{what}"
    );
    assert_eq!(
        res.get("success_template").cloned(),
        response.success_template.clone().map(Value::from),
        "{what}: success_template"
    );
}

fn workshop() -> ExportedAction {
    serde_json::from_value(json!({
        "name": "Get queue presences", "category": "Workshop \"Data\" Actions", "secure": false,
        "config": {
            "timeoutSeconds": 20,
            "request": {"requestUrlTemplate": "/api/v2/routing/queues/${input.QueueID}/members?expand=presence&pageSize=100",
                        "requestType": "GET", "headers": {"UserAgent": "PureCloudIntegrations/1.0"},
                        "requestTemplate": "${input.rawRequest}"},
            "response": {"translationMap": {"Presence": "$.entities[*].user.presence.presenceDefinition.systemPresence"},
                         "translationMapDefaults": {"Presence": "[]"},
                         "successTemplate": "#if($Presence)\n{\"Presences\" : $Presence}%{x}\t$${literal}\n#end"}
        },
        "contract": {
            "input": {"inputSchema": {"type": "object", "required": ["QueueID"], "properties": {"QueueID": {"type": "string", "description": "a ${QueueID}, \\ \"quoted\""}}}},
            "output": {"successSchema": {"type": "object", "properties": {"Presences": {"type": "array", "items": {"type": "string"}}}}}
        }
    }))
    .expect("an export")
}

#[test]
fn the_workshop_action_reads_back_exactly_with_its_templates_escaped() {
    let action = workshop();
    let text = action_file(&action);
    assert!(text.contains("$${input.QueueID}"), "{text}");
    assert!(
        text.contains("%%{x}") && text.contains("$$${literal}"),
        "{text}"
    );
    assert!(!text.contains("secret"), "no credential in the file");
    let file = read_back(&text);
    let (label, r) = resource(&file);
    assert_eq!(label, "get_queue_presences");
    assert_eq!(r["category"], "Workshop \"Data\" Actions");
    assert_eq!(r["config_timeout_seconds"], 20);
    assert_eq!(file["variable"]["integration_id"]["type"], "string");
    assert_round_trip(&action, "the workshop action");
}

#[test]
fn labels_are_identifiers_and_strings_keep_every_character() {
    assert_eq!(label("Get On-Queue Agents (v2)"), "get_on_queue_agents_v2");
    assert_eq!(label("2nd try"), "action_2nd_try");
    assert_eq!(label("¿?"), "action");
    for text in [
        "a \"b\" \\ c",
        "line\nnext\r\ttab",
        "\u{1}\u{7f}",
        "${x} %{y} $${z} $ { %",
        "ünï©ødé 🙂",
    ] {
        let source = format!("value = {}\n", quoted(text));
        let body = hcl::parse(&source).unwrap_or_else(|e| panic!("{source}: {e}"));
        let value: Value =
            hcl::from_body(body.evaluate(&Context::new()).expect("evaluates")).expect("JSON");
        assert_eq!(value["value"], text, "{source}");
    }
}

#[test]
fn every_public_action_reads_back_exactly_from_its_terraform_file() {
    let Some(paths) = super::import::public_actions("written as Terraform") else {
        return;
    };
    let mut checked = 0;
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("readable");
        for action in parse_exported_actions(&text)
            .expect("JSON")
            .into_iter()
            .flatten()
        {
            assert_round_trip(&action, &path.display().to_string());
            checked += 1;
        }
    }
    assert!(checked >= 40, "the public exports were read: {checked}");
}
