//! The workshop's data action as the core builds it ("Get queue presences"): one required
//! input, a queue id; one output, the presences of the queue's members; a GET of the queue's
//! members with their presence, whose system presences the translation map collects. The
//! guided setup's last steps create, test and publish it; the studio's editor preset reads the
//! same constants, so there is one copy of the action.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::models::{
    ActionConfig, ActionContract, ActionInput, ActionOutput, NewAction, RequestConfig,
    ResponseConfig,
};

/// The action's one input: the queue whose members are read.
pub const INPUT_QUEUE_ID: &str = "QueueID";
/// The action's one output: the system presence of each member.
pub const OUTPUT_PRESENCES: &str = "Presences";
/// The translation map's variable for the presences.
pub const PRESENCE_VARIABLE: &str = "Presence";
/// Its default when the path finds nothing (JSON text).
pub const PRESENCE_DEFAULT: &str = "null";
/// The method: a read.
pub const METHOD: &str = "GET";

/// The member listing the action reads (`GET /api/v2/routing/queues/{queueId}/members`, with
/// `expand=presence` so each member carries `user.presence`: platform-client-sdk-python
/// `docs/RoutingApi.md`, `get_routing_queue_members`).
pub const URL_TEMPLATE: &str = "/api/v2/routing/queues/${input.QueueID}/members?expand=presence";

/// Each member's system presence (`QueueMember.user.presence.presenceDefinition.systemPresence`,
/// platform-client-sdk-python `docs/QueueMember.md`, `UserPresence.md`, `PresenceDefinition.md`).
pub const PRESENCE_PATH: &str = "$.entities[*].user.presence.presenceDefinition.systemPresence";

/// The request template. GET requests send no body; the admin UI's usual template is kept so
/// a method changed later has one.
pub const BODY_TEMPLATE: &str = "${input.rawRequest}";

/// The success template: the output object with the collected presences.
pub const SUCCESS_TEMPLATE: &str = "{\"Presences\" : $Presence}";

/// An object schema of `properties`, `required` named, extra keys allowed (as the admin UI's
/// schemas allow them).
fn object_schema(properties: Map<String, Value>, required: &[&str]) -> Value {
    let mut schema = Map::new();
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), json!(required));
    }
    schema.insert("additionalProperties".into(), json!(true));
    Value::Object(schema)
}

/// The contract: `QueueID` (string, required) in, `Presences` (array of strings) out.
fn contract() -> ActionContract {
    let mut input = Map::new();
    input.insert(INPUT_QUEUE_ID.into(), json!({ "type": "string" }));
    let mut output = Map::new();
    output.insert(
        OUTPUT_PRESENCES.into(),
        json!({ "type": "array", "items": { "type": "string" } }),
    );
    ActionContract {
        input: ActionInput {
            input_schema: object_schema(input, &[INPUT_QUEUE_ID]),
            ..ActionInput::default()
        },
        output: ActionOutput {
            success_schema: object_schema(output, &[]),
            ..ActionOutput::default()
        },
    }
}

/// The workshop action named `name` on integration `integration_id`, in category `category`
/// (the integration's name, the convention Terraform modules follow). Not secure, no timeout.
pub fn workshop_action(name: &str, integration_id: &str, category: &str) -> NewAction {
    NewAction {
        name: name.trim().to_owned(),
        category: category.trim().to_owned(),
        integration_id: integration_id.to_owned(),
        secure: false,
        config: ActionConfig {
            timeout_seconds: None,
            request: RequestConfig {
                request_url_template: URL_TEMPLATE.into(),
                request_type: METHOD.into(),
                headers: BTreeMap::new(),
                request_template: Some(BODY_TEMPLATE.into()),
                ..RequestConfig::default()
            },
            response: ResponseConfig {
                translation_map: BTreeMap::from([(
                    PRESENCE_VARIABLE.to_owned(),
                    PRESENCE_PATH.to_owned(),
                )]),
                translation_map_defaults: BTreeMap::from([(
                    PRESENCE_VARIABLE.to_owned(),
                    PRESENCE_DEFAULT.to_owned(),
                )]),
                success_template: Some(SUCCESS_TEMPLATE.into()),
                ..ResponseConfig::default()
            },
        },
        contract: contract(),
    }
}

/// The test input for queue `queue_id`: `{"QueueID": "<id>"}`.
pub fn test_input(queue_id: &str) -> Map<String, Value> {
    let mut input = Map::new();
    input.insert(INPUT_QUEUE_ID.into(), json!(queue_id));
    input
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action_rules::check_new_action;

    #[test]
    fn the_workshop_action_keeps_every_rule() {
        let action = workshop_action(" Get queue presences ", "i1", "Data Actions");
        assert_eq!(action.name, "Get queue presences");
        assert!(check_new_action(&action).is_empty());
        let body = serde_json::to_value(&action).expect("json");
        assert_eq!(
            body["contract"]["input"]["inputSchema"]["required"],
            json!(["QueueID"])
        );
        assert_eq!(test_input("q1")["QueueID"], "q1");
    }
}
