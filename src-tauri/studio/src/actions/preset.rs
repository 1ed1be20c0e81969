//! The workshop's data action as a ready form, "Get queue presences": one input, a queue id;
//! one output, the presences of the queue's members; a GET of the queue's members with their
//! presence, whose system presences the translation map collects. The window fills in the
//! name in the user's language.
//!
//! The chapter's Spanish text and its screenshots call the output `PresenceArray` where the
//! English and Portuguese texts say `Presences`; the preset uses `Presences` in every language.

use crate::wire::actions::{ActionForm, ContractField, FieldType, TranslationRow};

/// The member listing the action reads (`GET /api/v2/routing/queues/{queueId}/members`, with
/// `expand=presence` so each member carries `user.presence`: platform-client-sdk-python
/// `docs/RoutingApi.md`, `get_routing_queue_members`).
pub const URL_TEMPLATE: &str = "/api/v2/routing/queues/${input.QueueID}/members?expand=presence";

/// Each member's system presence (`QueueMember.user.presence.presenceDefinition.systemPresence`,
/// platform-client-sdk-python `docs/QueueMember.md`, `UserPresence.md`, `PresenceDefinition.md`).
pub const PRESENCE_PATH: &str = "$.entities[*].user.presence.presenceDefinition.systemPresence";

/// The form of the preset for `integration_id`, whose category is the integration's name (the
/// convention Terraform modules follow).
pub fn queue_presences(name: &str, integration_id: &str, integration_name: &str) -> ActionForm {
    ActionForm {
        name: name.to_owned(),
        category: integration_name.to_owned(),
        integration_id: integration_id.to_owned(),
        secure: false,
        timeout_seconds: None,
        inputs: vec![ContractField {
            name: "QueueID".into(),
            field_type: FieldType::String,
            required: true,
            item_type: None,
            children: Vec::new(),
        }],
        outputs: vec![ContractField {
            name: "Presences".into(),
            field_type: FieldType::Array,
            required: false,
            item_type: Some(FieldType::String),
            children: Vec::new(),
        }],
        method: "GET".into(),
        url_template: URL_TEMPLATE.into(),
        headers: Vec::new(),
        // GET requests send no body; the admin UI's usual template is kept for a method change.
        body_template: "${input.rawRequest}".into(),
        translation: vec![TranslationRow {
            key: "Presence".into(),
            path: PRESENCE_PATH.into(),
            default: Some("null".into()),
        }],
        success_template: "{\"Presences\" : $Presence}".into(),
        version: None,
    }
}
