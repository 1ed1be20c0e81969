//! Whether a definition can run: the saved-definition rules, plus a URL and a method, templates
//! that parse and translation-map paths that compile. Served by `GET …/draft/validation`
//! (`DraftValidationResult {valid, errors}`), checked again by publish and by a run's step 2,
//! "Validate draft definition". Which checks Genesys makes is not in any source; these are the
//! Sandbox's, each one a thing that would make a run fail.

use action_engine::{check_path, ErrorKind, Template};
use serde_json::{json, Value};

use super::errors::Problem;
use super::input::saved_problems;
use super::model::{ActionDefinition, ActionRecord};
use crate::org::Org;

/// The integration type whose actions the Sandbox runs: it calls this org's own API as the
/// integration's OAuth client (its credential type `pureCloudOAuthClient`, terraform-provider-
/// genesyscloud examples/resources/genesyscloud_integration/resource.tf).
pub const DATA_ACTIONS_TYPE: &str = "purecloud-data-actions";

/// Everything that keeps `def` from running.
pub fn problems(org: &Org, record: &ActionRecord, def: &ActionDefinition) -> Vec<Problem> {
    let mut out = saved_problems(def);
    match org.integration(&record.integration_id) {
        None => out.push(Problem::new(
            "integrationId",
            format!("The integration {} does not exist.", record.integration_id),
        )),
        Some(i) if i.type_id != DATA_ACTIONS_TYPE => out.push(Problem::new(
            "integrationId",
            format!(
                "The integration {} is a {}; the Sandbox org runs actions of {DATA_ACTIONS_TYPE} integrations only.",
                i.id, i.type_id
            ),
        )),
        Some(_) => {}
    }
    let request = &def.config.request;
    match request.request_url_template.as_deref().map(str::trim) {
        None | Some("") => out.push(Problem::new(
            "config.request.requestUrlTemplate",
            "The request needs a URL template.",
        )),
        Some(url) => template(url, "config.request.requestUrlTemplate", &mut out),
    }
    if request.request_type.is_none() {
        out.push(Problem::new(
            "config.request.requestType",
            "The request needs a method (requestType).",
        ));
    }
    for (name, value) in &request.headers {
        template(value, &format!("config.request.headers.{name}"), &mut out);
    }
    template(
        def.config.request_template(),
        "config.request.requestTemplate",
        &mut out,
    );
    for (name, path) in &def.config.response.translation_map {
        // A path the engine cannot reproduce is left for the run to report: it may be valid.
        if let Err(e) = check_path(path) {
            if e.kind == ErrorKind::PathSyntax {
                out.push(Problem::new(
                    format!("config.response.translationMap.{name}"),
                    e.message,
                ));
            }
        }
    }
    template(
        def.config.success_template(),
        "config.response.successTemplate",
        &mut out,
    );
    out
}

fn template(text: &str, field: &str, out: &mut Vec<Problem>) {
    if let Err(e) = Template::parse(text) {
        out.push(Problem::new(field, format!("{field}: {e}")));
    }
}

/// `DraftValidationResult`.
pub fn result(problems: &[Problem]) -> Value {
    json!({
        "valid": problems.is_empty(),
        "errors": problems.iter().map(Problem::body).collect::<Vec<_>>(),
    })
}
