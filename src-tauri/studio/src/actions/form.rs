//! The editor's form and the core's action models, both ways: a form becomes the body of a
//! new draft or of a draft's change (contracts through `schema.rs`, the translation map split
//! into paths and defaults), and an action read with its contract and configuration becomes a
//! form. A contract the tree cannot show makes no form, so nothing is saved over it reduced.

use std::collections::BTreeMap;

use genesys::models::{
    Action, ActionConfig, ActionContract, ActionInput, ActionOutput, DraftUpdate, NewAction,
    RequestConfig, ResponseConfig,
};

use super::schema::{self, NotATree};
use crate::wire::actions::{ActionForm, HeaderRow, TranslationRow};

fn config(form: &ActionForm) -> ActionConfig {
    let mut translation_map = BTreeMap::new();
    let mut translation_map_defaults = BTreeMap::new();
    for row in &form.translation {
        let key = row.key.trim().to_owned();
        translation_map.insert(key.clone(), row.path.clone());
        if let Some(default) = &row.default {
            translation_map_defaults.insert(key, default.clone());
        }
    }
    ActionConfig {
        timeout_seconds: form.timeout_seconds.map(i64::from),
        request: RequestConfig {
            request_url_template: form.url_template.clone(),
            request_type: form.method.clone(),
            headers: form
                .headers
                .iter()
                .map(|h| (h.name.trim().to_owned(), h.value.clone()))
                .collect(),
            request_template: Some(form.body_template.clone()),
            ..RequestConfig::default()
        },
        response: ResponseConfig {
            translation_map,
            translation_map_defaults,
            success_template: Some(form.success_template.clone()),
            ..ResponseConfig::default()
        },
    }
}

/// The contracts of `form`; `titles` keeps the titles the action's schemas had.
fn contract(form: &ActionForm, titles: (Option<&str>, Option<&str>)) -> ActionContract {
    ActionContract {
        input: ActionInput {
            input_schema: schema::to_schema(&form.inputs, titles.0),
            ..ActionInput::default()
        },
        output: ActionOutput {
            success_schema: schema::to_schema(&form.outputs, titles.1),
            ..ActionOutput::default()
        },
    }
}

/// The body that creates `form` as a new draft.
pub fn new_action(form: &ActionForm) -> NewAction {
    NewAction {
        name: form.name.trim().to_owned(),
        category: form.category.trim().to_owned(),
        integration_id: form.integration_id.clone(),
        secure: form.secure,
        config: config(form),
        contract: contract(form, (None, None)),
    }
}

/// The change that makes draft `current` what `form` says, at the form's version. The contract
/// and `secure` go only when they change: a draft of a published action may not change them,
/// and the schema Genesys keeps need not be the one this app would write for the same tree.
pub fn draft_update(form: &ActionForm, current: &Action) -> DraftUpdate {
    let titles = current.contract.as_ref().map(|c| {
        (
            schema::title_of(&c.input.input_schema),
            schema::title_of(&c.output.success_schema),
        )
    });
    let before = form_of(current).ok();
    let same_contract = before
        .as_ref()
        .is_some_and(|b| b.inputs == form.inputs && b.outputs == form.outputs);
    DraftUpdate {
        name: Some(form.name.trim().to_owned()),
        category: Some(form.category.trim().to_owned()),
        config: Some(config(form)),
        contract: (!same_contract).then(|| contract(form, titles.unwrap_or((None, None)))),
        secure: (current.secure != form.secure).then_some(form.secure),
        version: form.version.map(i64::from).unwrap_or(current.version),
    }
}

/// The form of `action` (read with `expand=contract&includeConfig=true`).
pub fn form_of(action: &Action) -> Result<ActionForm, NotATree> {
    let (inputs, outputs) = match &action.contract {
        Some(c) => (
            schema::from_schema(&c.input.input_schema)?,
            schema::from_schema(&c.output.success_schema)?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let config = action.config.clone().unwrap_or_default();
    let response = &config.response;
    let translation = response
        .translation_map
        .iter()
        .map(|(key, path)| TranslationRow {
            key: key.clone(),
            path: path.clone(),
            default: response.translation_map_defaults.get(key).cloned(),
        })
        .collect();
    Ok(ActionForm {
        name: action.name.clone(),
        category: action.category.clone(),
        integration_id: action.integration_id.clone(),
        secure: action.secure,
        timeout_seconds: config.timeout_seconds.and_then(|s| u32::try_from(s).ok()),
        inputs,
        outputs,
        method: config.request.request_type.clone(),
        url_template: config.request.request_url_template.clone(),
        headers: config
            .request
            .headers
            .iter()
            .map(|(name, value)| HeaderRow {
                name: name.clone(),
                value: value.clone(),
            })
            .collect(),
        body_template: config.request.request_template.clone().unwrap_or_default(),
        translation,
        success_template: response.success_template.clone().unwrap_or_default(),
        version: i32::try_from(action.version).ok(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::preset::queue_presences;

    #[test]
    fn the_preset_becomes_the_workshop_body_and_comes_back_the_same() {
        let form = queue_presences("Get queue presences", "i-1", "Data Actions");
        let body = new_action(&form);
        assert_eq!(body.config.request.request_type, "GET");
        assert_eq!(
            body.config.response.translation_map["Presence"],
            "$.entities[*].user.presence.presenceDefinition.systemPresence"
        );
        assert_eq!(
            body.config.response.translation_map_defaults["Presence"],
            "null"
        );
        let output = &body.contract.output.success_schema;
        assert_eq!(output["properties"]["Presences"]["items"]["type"], "string");
        let action = Action {
            id: "custom_-_1".into(),
            name: body.name.clone(),
            integration_id: body.integration_id.clone(),
            category: body.category.clone(),
            version: 3,
            secure: false,
            config: Some(body.config.clone()),
            contract: Some(body.contract.clone()),
            self_uri: None,
        };
        let back = form_of(&action).unwrap();
        assert_eq!(
            back,
            ActionForm {
                version: Some(3),
                ..form.clone()
            }
        );
        let unchanged = draft_update(&back, &action);
        assert_eq!(unchanged.version, 3);
        assert_eq!(
            (unchanged.contract, unchanged.secure),
            (None, None),
            "nothing frozen is resent"
        );
        let mut changed = back.clone();
        changed.inputs[0].required = false;
        changed.secure = true;
        let update = draft_update(&changed, &action);
        assert!(update.contract.is_some());
        assert_eq!(update.secure, Some(true));
    }
}
