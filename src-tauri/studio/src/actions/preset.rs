//! The workshop's data action as a ready form, "Get queue presences": one input, a queue id;
//! one output, the presences of the queue's members; a GET of the queue's members with their
//! presence, whose system presences the translation map collects. The window fills in the
//! name in the user's language.
//!
//! The chapter's Spanish text and its screenshots call the output `PresenceArray` where the
//! English and Portuguese texts say `Presences`; the preset uses `Presences` in every language.
//!
//! The action itself is the core's (`genesys::setup::action`, which the guided setup creates):
//! every text here is its constant, and a test checks that this form becomes exactly the
//! core's action.

use genesys::setup::action::{
    BODY_TEMPLATE, INPUT_QUEUE_ID, METHOD, OUTPUT_PRESENCES, PRESENCE_DEFAULT, PRESENCE_VARIABLE,
    SUCCESS_TEMPLATE,
};
pub use genesys::setup::action::{PRESENCE_PATH, URL_TEMPLATE};

use crate::wire::actions::{ActionForm, ContractField, FieldType, TranslationRow};

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
            name: INPUT_QUEUE_ID.into(),
            field_type: FieldType::String,
            required: true,
            item_type: None,
            children: Vec::new(),
        }],
        outputs: vec![ContractField {
            name: OUTPUT_PRESENCES.into(),
            field_type: FieldType::Array,
            required: false,
            item_type: Some(FieldType::String),
            children: Vec::new(),
        }],
        method: METHOD.into(),
        url_template: URL_TEMPLATE.into(),
        headers: Vec::new(),
        body_template: BODY_TEMPLATE.into(),
        translation: vec![TranslationRow {
            key: PRESENCE_VARIABLE.into(),
            path: PRESENCE_PATH.into(),
            default: Some(PRESENCE_DEFAULT.into()),
        }],
        success_template: SUCCESS_TEMPLATE.into(),
        version: None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_preset_is_the_core_workshop_action() {
        let form = super::queue_presences(" Get queue presences ", "i1", "Data Actions");
        assert_eq!(
            crate::actions::form::new_action(&form),
            genesys::setup::workshop_action("Get queue presences", "i1", "Data Actions")
        );
    }
}
