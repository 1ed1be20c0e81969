//! One data action as CX as Code: a `genesyscloud_integration_action` resource of the
//! `genesyscloud` Terraform provider, its integration a variable. The attributes are the
//! provider's (terraform-provider-genesyscloud
//! examples/resources/genesyscloud_integration_action/simplest_resource.tf: `name`, `category`,
//! `integration_id`, `secure`, `config_timeout_seconds`, `contract_input` and `contract_output`
//! as `jsonencode(...)`, blocks `config_request` and `config_response`). Terraform reads `${`
//! and `%{` in a quoted string as its own interpolation and directive, so every one a Velocity
//! template (or a schema) holds is written `$${` / `%%{`, which Terraform turns back into the
//! literal text; the same example file notes it.

use std::collections::BTreeMap;
use std::fmt::Write;

use genesys::models::ExportedAction;
use serde_json::Value;

/// The variable the resource takes its integration from.
pub const INTEGRATION_VARIABLE: &str = "integration_id";

/// `text` as an HCL quoted string that Terraform reads back as exactly `text`.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A resource label from the action's name: lower case letters, digits and `_`, starting with
/// a letter (Terraform's identifiers also allow `-`; `_` reads better in references).
pub fn label(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_').to_owned();
    match out.chars().next() {
        None => "action".to_owned(),
        Some(first) if first.is_ascii_digit() => format!("action_{out}"),
        Some(_) => out,
    }
}

/// A schema as `jsonencode(...)` of its JSON (JSON's object and list syntax is HCL's too; its
/// string escapes are HCL's but for the template sequences, doubled here).
pub fn json_expression(schema: &Value) -> String {
    let json = serde_json::to_string_pretty(schema).unwrap_or_else(|_| "{}".to_owned());
    let escaped = json.replace("${", "$${").replace("%{", "%%{");
    let indented = escaped.replace('\n', "\n  ");
    format!("jsonencode({indented})")
}

fn map_attribute(out: &mut String, indent: &str, name: &str, map: &BTreeMap<String, String>) {
    if map.is_empty() {
        let _ = writeln!(out, "{indent}{name} = {{}}");
        return;
    }
    let _ = writeln!(out, "{indent}{name} = {{");
    for (key, value) in map {
        let _ = writeln!(out, "{indent}  {} = {}", quoted(key), quoted(value));
    }
    let _ = writeln!(out, "{indent}}}");
}

/// The Terraform file of `action`: the integration variable and the action's resource.
pub fn action_file(action: &ExportedAction) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "variable \"{INTEGRATION_VARIABLE}\" {{");
    let _ = writeln!(
        out,
        "  description = \"The id of the Genesys Cloud Data Actions integration that holds the action.\""
    );
    let _ = writeln!(out, "  type        = string");
    let _ = writeln!(out, "}}\n");
    action_resource(
        &mut out,
        action,
        &label(&action.name),
        &format!("var.{INTEGRATION_VARIABLE}"),
    );
    out
}

/// `action`'s `genesyscloud_integration_action` resource, labelled `name`, its integration the
/// expression `integration`.
pub fn action_resource(out: &mut String, action: &ExportedAction, name: &str, integration: &str) {
    let _ = writeln!(
        out,
        "resource \"genesyscloud_integration_action\" \"{name}\" {{"
    );
    let _ = writeln!(out, "  name           = {}", quoted(&action.name));
    if let Some(category) = action.category.as_deref().filter(|c| !c.is_empty()) {
        let _ = writeln!(out, "  category       = {}", quoted(category));
    }
    let _ = writeln!(out, "  integration_id = {integration}");
    let _ = writeln!(out, "  secure         = {}", action.secure);
    if let Some(seconds) = action.config.timeout_seconds {
        let _ = writeln!(out, "  config_timeout_seconds = {seconds}");
    }
    let contract = &action.contract;
    let _ = writeln!(
        out,
        "  contract_input  = {}",
        json_expression(&contract.input.input_schema)
    );
    let _ = writeln!(
        out,
        "  contract_output = {}",
        json_expression(&contract.output.success_schema)
    );
    let request = &action.config.request;
    let _ = writeln!(out, "\n  config_request {{");
    let _ = writeln!(
        out,
        "    request_url_template = {}",
        quoted(&request.request_url_template)
    );
    let _ = writeln!(
        out,
        "    request_type         = {}",
        quoted(&request.request_type)
    );
    if let Some(template) = &request.request_template {
        let _ = writeln!(out, "    request_template     = {}", quoted(template));
    }
    map_attribute(out, "    ", "headers", &request.headers);
    let _ = writeln!(out, "  }}\n");
    let response = &action.config.response;
    let _ = writeln!(out, "  config_response {{");
    map_attribute(out, "    ", "translation_map", &response.translation_map);
    map_attribute(
        out,
        "    ",
        "translation_map_defaults",
        &response.translation_map_defaults,
    );
    if let Some(template) = &response.success_template {
        let _ = writeln!(out, "    success_template = {}", quoted(template));
    }
    let _ = writeln!(out, "  }}");
    let _ = writeln!(out, "}}");
}
