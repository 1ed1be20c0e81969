//! Each lint with a case that triggers it and one that does not, on the workshop's action and
//! small variations of it.

use serde_json::{json, Value};

use super::*;

fn workshop() -> Value {
    json!({
        "name": "Get queue presences",
        "config": {
            "request": {
                "requestUrlTemplate": "/api/v2/routing/queues/${input.QueueID}/members?expand=presence",
                "requestType": "GET",
                "headers": {},
                "requestTemplate": "${input.rawRequest}"
            },
            "response": {
                "translationMap": {"Presence": "$.entities[*].user.presence.presenceDefinition.systemPresence"},
                "translationMapDefaults": {"Presence": "null"},
                "successTemplate": "{\"Presences\" : $Presence}"
            }
        },
        "contract": {
            "input": {"inputSchema": {"type": "object", "required": ["QueueID"], "properties": {"QueueID": {"type": "string"}}}},
            "output": {"successSchema": {"type": "object", "properties": {"Presences": {"type": "array", "items": {"type": "string"}}}}}
        }
    })
}

fn rules(action: &Value) -> Vec<(&'static str, Level)> {
    lint_action(action)
        .into_iter()
        .map(|f| (f.rule, f.level))
        .collect()
}

fn set(action: &mut Value, pointer: &str, value: Value) {
    *action.pointer_mut(pointer).expect("the field exists") = value;
}

#[test]
fn the_workshop_action_only_misses_its_page_size() {
    assert_eq!(rules(&workshop()), [("no-page-size", Level::Warning)]);
    let mut paged = workshop();
    set(
        &mut paged,
        "/config/request/requestUrlTemplate",
        json!("/api/v2/routing/queues/${input.QueueID}/members?expand=presence&pageSize=100"),
    );
    assert_eq!(rules(&paged), []);
}

#[test]
fn the_workshop_typo_is_an_error_with_the_rename_offered() {
    let mut typo = workshop();
    set(
        &mut typo,
        "/config/response/successTemplate",
        json!("{\"Presences\" : $Presences}"),
    );
    let found = lint_action(&typo);
    let undefined = found
        .iter()
        .find(|f| f.rule == "undefined-variable")
        .expect("found");
    assert_eq!(undefined.level, Level::Error);
    assert_eq!(undefined.subject, "Presences");
    assert_eq!(
        undefined.fix,
        Some(Fix::RenameInTemplate {
            from: "Presences".into(),
            to: "Presence".into()
        })
    );
    assert!(found
        .iter()
        .any(|f| f.rule == "unused-key" && f.subject == "Presence"));
    assert_eq!(found[0].level, Level::Error, "errors come first");
    // Quiet, it renders empty: a warning.
    set(
        &mut typo,
        "/config/response/successTemplate",
        json!("{\"Presences\" : [$!Presences]}"),
    );
    assert!(lint_action(&typo)
        .iter()
        .any(|f| f.rule == "undefined-variable" && f.level == Level::Warning));
    // What the template sets, loops over or is given is defined.
    set(
        &mut typo,
        "/config/response/successTemplate",
        json!("#set($n = $Presence)#foreach($p in $n)$p#end $rawResult ${input.QueueID}"),
    );
    assert!(!lint_action(&typo)
        .iter()
        .any(|f| f.rule == "undefined-variable"));
}

#[test]
fn unescaped_inputs_in_the_query_and_the_body_are_flagged_but_path_ids_are_not() {
    let mut a = workshop();
    set(
        &mut a,
        "/config/request/requestUrlTemplate",
        json!("/api/v2/users/${input.QueueID}?name=${input.QueueID}&pageSize=100"),
    );
    let found = lint_action(&a);
    let url: Vec<_> = found
        .iter()
        .filter(|f| f.rule == "unescaped-url-input")
        .collect();
    assert_eq!(url.len(), 1, "{found:?}");
    assert_eq!(
        url[0].fix,
        Some(Fix::EscapeUrl {
            reference: "${input.QueueID}".into()
        })
    );
    set(
        &mut a,
        "/config/request/requestUrlTemplate",
        json!("/api/v2/users/${input.QueueID}?name=$esc.url(${input.QueueID})&pageSize=100"),
    );
    assert!(!rules(&a).iter().any(|(r, _)| *r == "unescaped-url-input"));

    set(&mut a, "/config/request/requestType", json!("POST"));
    set(
        &mut a,
        "/config/request/requestTemplate",
        json!("{\"name\": \"${input.QueueID}\"}"),
    );
    assert!(rules(&a).iter().any(|(r, _)| *r == "unescaped-body-input"));
    set(
        &mut a,
        "/config/request/requestTemplate",
        json!("{\"name\": \"$esc.jsonString(${input.QueueID})\"}"),
    );
    assert!(!rules(&a).iter().any(|(r, _)| *r == "unescaped-body-input"));
}

#[test]
fn an_optional_input_written_formally_is_flagged_with_the_quiet_form_offered() {
    let mut a = workshop();
    a.pointer_mut("/contract/input/inputSchema/properties")
        .and_then(Value::as_object_mut)
        .expect("properties")
        .insert("Page".into(), json!({"type": "integer"}));
    set(
        &mut a,
        "/config/request/requestUrlTemplate",
        json!(
            "/api/v2/routing/queues/${input.QueueID}/members?pageSize=100&pageNumber=${input.Page}"
        ),
    );
    let found = lint_action(&a);
    let optional = found
        .iter()
        .find(|f| f.rule == "optional-input-formal")
        .expect("found");
    assert_eq!(optional.subject, "Page");
    assert_eq!(
        optional.fix,
        Some(Fix::Quiet {
            reference: "${input.Page}".into()
        })
    );
    set(&mut a, "/config/request/requestUrlTemplate", json!("/api/v2/routing/queues/${input.QueueID}/members?pageSize=100&pageNumber=$!{input.Page}"));
    assert!(!rules(&a).iter().any(|(r, _)| *r == "optional-input-formal"));
}

#[test]
fn a_list_where_one_value_is_wanted_and_defaults_that_are_not_json() {
    let mut a = workshop();
    set(
        &mut a,
        "/contract/output/successSchema",
        json!({"type": "object", "properties": {"First": {"type": "string"}}}),
    );
    set(
        &mut a,
        "/config/response/successTemplate",
        json!("{\"First\": $Presence}"),
    );
    assert!(rules(&a).contains(&("list-for-one-value", Level::Warning)));
    set(
        &mut a,
        "/config/response/successTemplate",
        json!("{\"First\": $successTemplateUtils.firstFromArray(\"${Presence}\", \"null\")}"),
    );
    assert!(!rules(&a).iter().any(|(r, _)| *r == "list-for-one-value"));

    set(
        &mut a,
        "/config/response/translationMapDefaults/Presence",
        json!("disconnected"),
    );
    assert!(rules(&a).contains(&("default-not-json", Level::Warning)));
}

#[test]
fn broken_templates_and_paths_are_errors() {
    let mut a = workshop();
    set(
        &mut a,
        "/config/response/successTemplate",
        json!("#if($Presence)"),
    );
    set(
        &mut a,
        "/config/response/translationMap/Presence",
        json!("$.entities[*"),
    );
    let found = rules(&a);
    assert!(
        found.contains(&("template-syntax", Level::Error)),
        "{found:?}"
    );
    assert!(
        found.contains(&("path-syntax", Level::Warning)),
        "a default stands in: {found:?}"
    );
    a.pointer_mut("/config/response/translationMapDefaults")
        .and_then(Value::as_object_mut)
        .expect("defaults")
        .clear();
    assert!(rules(&a).contains(&("path-syntax", Level::Error)));
}
