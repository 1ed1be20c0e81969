//! The answer models of the Sandbox's API description, for the routes a data action reads:
//! routing queues and their members. Each model lists exactly the properties the Sandbox's
//! handlers serve, under the SDK's model names (platform-client-sdk-java build/docs
//! `QueueMember.md`, `User.md`, `UserPresence.md`, `RoutingStatus.md`, `Queue.md`), so a sample
//! drafted from the Sandbox's document reads like one drafted from a region's. A test checks
//! each answer against its model, and each model against the shared Swagger subset.

use serde_json::{json, Value};

/// `(method, path template, 200 schema)` of each described route.
pub fn responses() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        (
            "GET",
            "/api/v2/routing/queues",
            model_ref("QueueEntityListing"),
        ),
        (
            "GET",
            "/api/v2/routing/queues/{queueId}",
            model_ref("Queue"),
        ),
        (
            "GET",
            "/api/v2/routing/queues/{queueId}/members",
            model_ref("QueueMemberEntityListing"),
        ),
    ]
}

fn model_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/definitions/{name}") })
}

fn text() -> Value {
    json!({ "type": "string" })
}

fn date_time() -> Value {
    json!({ "type": "string", "format": "date-time" })
}

fn whole() -> Value {
    json!({ "type": "integer", "format": "int32" })
}

/// A listing of `item`, as `paging.rs` answers every paged route.
fn listing(item: &str) -> Value {
    json!({ "type": "object", "properties": {
        "entities": { "type": "array", "items": model_ref(item) },
        "pageSize": whole(),
        "pageNumber": whole(),
        "total": { "type": "integer", "format": "int64" },
        "pageCount": whole(),
        "firstUri": text(),
        "selfUri": text(),
        "nextUri": text(),
        "previousUri": text(),
        "lastUri": text(),
    } })
}

/// The definitions the described answers use.
pub fn definitions() -> Value {
    json!({
        "QueueEntityListing": listing("Queue"),
        "QueueMemberEntityListing": listing("QueueMember"),
        "Division": { "type": "object", "properties": {
            "id": text(), "name": text(), "selfUri": text(),
        } },
        "Queue": { "type": "object", "properties": {
            "id": text(),
            "name": text(),
            "division": model_ref("Division"),
            "description": text(),
            "dateCreated": date_time(),
            "memberCount": whole(),
            "userMemberCount": whole(),
            "joinedMemberCount": whole(),
            "selfUri": text(),
        } },
        "QueueMember": { "type": "object", "properties": {
            "id": text(),
            "name": text(),
            "user": model_ref("User"),
            "ringNumber": whole(),
            "joined": { "type": "boolean" },
            "memberBy": text(),
            "routingStatus": model_ref("RoutingStatus"),
            "selfUri": text(),
        } },
        "User": { "type": "object", "properties": {
            "id": text(),
            "name": text(),
            "division": model_ref("Division"),
            "email": text(),
            "state": { "type": "string", "enum": ["active", "inactive", "deleted"] },
            "username": text(),
            "version": whole(),
            "presence": model_ref("UserPresence"),
            "selfUri": text(),
        } },
        "UserPresence": { "type": "object", "properties": {
            "source": text(),
            "primary": { "type": "boolean" },
            "presenceDefinition": model_ref("PresenceDefinition"),
            "message": text(),
            "modifiedDate": date_time(),
            "selfUri": text(),
        } },
        "PresenceDefinition": { "type": "object", "properties": {
            "id": text(), "systemPresence": text(), "selfUri": text(),
        } },
        "RoutingStatus": { "type": "object", "properties": {
            "userId": text(),
            "status": { "type": "string", "enum": ["OFF_QUEUE", "IDLE", "INTERACTING", "NOT_RESPONDING", "COMMUNICATING"] },
            "startTime": date_time(),
        } },
    })
}
