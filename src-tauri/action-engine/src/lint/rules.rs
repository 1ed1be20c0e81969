//! The lint rules, one function each, over an action in the admin UI's JSON shape. Each rule
//! states the mistake it catches; where Genesys documents the behaviour, the comment names the
//! help page.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{Finding, Fix, Level};
use crate::error::ErrorKind;
use crate::names::closest;
use crate::path::{check_path, eval_path};
use crate::velocity::{References, Template};

/// Names a success template may use without the translation map defining them: the tools
/// every template has, the raw answer and the inputs (help.mypurecloud.com "Velocity macros
/// for data actions", "Response configuration for data actions").
const PROVIDED: &[&str] = &[
    "esc",
    "math",
    "successTemplateUtils",
    "urlTool",
    "rawResult",
    "input",
];

struct Action<'a> {
    v: &'a Value,
}

impl<'a> Action<'a> {
    fn text(&self, pointer: &str) -> &'a str {
        self.v
            .pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or("")
    }
    fn map(&self, pointer: &str) -> Vec<(&'a String, &'a str)> {
        self.v
            .pointer(pointer)
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .map(|(k, v)| (k, v.as_str().unwrap_or("")))
                    .collect()
            })
            .unwrap_or_default()
    }
    fn method(&self) -> String {
        self.text("/config/request/requestType").to_uppercase()
    }
    /// Whether input `name` can hold text that needs escaping: a string, or of no declared
    /// type (numbers and booleans print safely).
    fn textual_input(&self, name: &str) -> bool {
        let declared = self
            .v
            .pointer("/contract/input/inputSchema/properties")
            .and_then(|p| p.get(name))
            .and_then(|p| p.get("type"))
            .and_then(Value::as_str);
        !matches!(declared, Some("integer" | "number" | "boolean"))
    }
    fn required_inputs(&self) -> BTreeSet<&'a str> {
        self.v
            .pointer("/contract/input/inputSchema/required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }
}

fn finding(
    rule: &'static str,
    level: Level,
    field: &str,
    subject: &str,
    message: String,
) -> Finding {
    Finding {
        rule,
        level,
        field: field.to_owned(),
        subject: subject.to_owned(),
        message,
        fix: None,
    }
}

/// A template that does not parse: the org fails it at the step that fills it in.
fn parsed(field: &str, source: &str, out: &mut Vec<Finding>) -> Option<References> {
    match Template::parse(source) {
        Ok(t) => Some(t.references()),
        Err(e) => {
            out.push(finding(
                "template-syntax",
                Level::Error,
                field,
                "",
                e.message,
            ));
            None
        }
    }
}

/// The success template reads a variable that nothing defines: step 10 fails with "Variable
/// $x has not been set" (the workshop's own example). Quiet `$!x` renders empty instead, so it
/// is only a warning.
fn undefined_variables(refs: &References, keys: &[&String], out: &mut Vec<Finding>) {
    let mut seen = BTreeSet::new();
    for u in &refs.uses {
        let known = PROVIDED.contains(&u.root.as_str())
            || refs.set.contains(&u.root)
            || keys.iter().any(|k| **k == u.root);
        if known || !seen.insert(u.root.clone()) {
            continue;
        }
        let level = if u.quiet {
            Level::Warning
        } else {
            Level::Error
        };
        let mut f = finding(
            "undefined-variable",
            level,
            "successTemplate",
            &u.root,
            format!(
                "${} is not defined by the translation map (line {}, column {})",
                u.root, u.line, u.column
            ),
        );
        f.fix = closest(&u.root, keys.iter().copied()).map(|to| Fix::RenameInTemplate {
            from: u.root.clone(),
            to,
        });
        out.push(f);
    }
}

/// A translation-map key the success template never reads: its value is computed for nothing,
/// and is often the other half of a renamed variable.
fn unused_keys(refs: &References, keys: &[&String], out: &mut Vec<Finding>) {
    let uses_raw = refs.uses.iter().any(|u| u.root == "rawResult");
    for key in keys {
        if !uses_raw && !refs.uses.iter().any(|u| u.root == **key) {
            out.push(finding(
                "unused-key",
                Level::Warning,
                &format!("translationMap.{key}"),
                key,
                format!("the success template never uses ${key}"),
            ));
        }
    }
}

/// The translation paths: one that does not compile fails step 9, unless a default stands in
/// for it (a published action relies on that: its `$$.id`, from a Terraform file, never
/// compiles); one the engine reads differently from Jayway may only be checked on the org.
fn paths(a: &Action, out: &mut Vec<Finding>) {
    let defaults = a.map("/config/response/translationMapDefaults");
    for (key, path) in a.map("/config/response/translationMap") {
        if let Err(e) = check_path(path) {
            let defaulted = defaults.iter().any(|(k, _)| *k == key);
            let (rule, level) = match e.kind {
                ErrorKind::PathUnsupported => ("check-on-org", Level::Warning),
                _ if defaulted => ("path-syntax", Level::Warning),
                _ => ("path-syntax", Level::Error),
            };
            out.push(finding(
                rule,
                level,
                &format!("translationMap.{key}"),
                key,
                e.message,
            ));
        }
    }
}

/// A default that is not JSON text: Genesys inserts defaults as written, so the output is no
/// longer JSON when the default is used (public actions do this and work while the path finds
/// something).
fn defaults(a: &Action, out: &mut Vec<Finding>) {
    for (key, default) in a.map("/config/response/translationMapDefaults") {
        if serde_json::from_str::<Value>(default).is_err() {
            out.push(finding(
                "default-not-json",
                Level::Warning,
                &format!("translationMapDefaults.{key}"),
                key,
                format!("the default of {key} is not JSON text: {default}"),
            ));
        }
    }
}

/// Inputs in the URL's query, or in a request body, that are not escaped: a value with `&`,
/// a space or a quote breaks the request ("Escape any use of input or output variables…",
/// help.mypurecloud.com "Request configuration for data actions"). Inputs in the path are left
/// alone: ids there are the norm.
fn unescaped_inputs(
    a: &Action,
    url: Option<&References>,
    body: Option<&References>,
    out: &mut Vec<Finding>,
) {
    let source = a.text("/config/request/requestUrlTemplate");
    let query_starts = source.find('?').map(|i| source[..i].chars().count());
    for u in url.map(|r| r.uses.as_slice()).unwrap_or_default() {
        let in_query = u.line > 1 || query_starts.is_some_and(|q| u.column > q + 1);
        let name = u.properties.first().cloned().unwrap_or_default();
        if u.root == "input" && !u.escaped && in_query && a.textual_input(&name) {
            let mut f = finding(
                "unescaped-url-input",
                Level::Warning,
                "requestUrlTemplate",
                &name,
                format!("{} goes into the query unescaped", u.text),
            );
            f.fix = Some(Fix::EscapeUrl {
                reference: u.text.clone(),
            });
            out.push(f);
        }
    }
    if !matches!(a.method().as_str(), "POST" | "PUT" | "PATCH") {
        return;
    }
    for u in body.map(|r| r.uses.as_slice()).unwrap_or_default() {
        let name = u.properties.first().cloned().unwrap_or_default();
        let plain = !name.is_empty() && name != "rawRequest" && a.textual_input(&name);
        if u.root == "input" && !u.escaped && plain {
            let mut f = finding(
                "unescaped-body-input",
                Level::Warning,
                "requestTemplate",
                &name,
                format!("{} goes into the body without $esc.jsonString", u.text),
            );
            f.fix = Some(Fix::EscapeJson {
                reference: u.text.clone(),
            });
            out.push(f);
        }
    }
}

/// An optional input written formally (`${input.x}`): when a flow leaves it out, Velocity
/// prints the reference itself into the request ("formal notation … renders the variable name
/// when null", help.mypurecloud.com "Velocity macros for data actions").
fn optional_inputs(a: &Action, templates: &[(&str, Option<&References>)], out: &mut Vec<Finding>) {
    let required = a.required_inputs();
    let declared =
        a.v.pointer("/contract/input/inputSchema/properties")
            .and_then(Value::as_object);
    for (field, refs) in templates {
        for u in refs.map(|r| r.uses.as_slice()).unwrap_or_default() {
            let Some(name) = u.properties.first() else {
                continue;
            };
            let optional =
                declared.is_some_and(|d| d.contains_key(name)) && !required.contains(name.as_str());
            if u.root == "input" && !u.quiet && !u.in_call && optional {
                let mut f = finding(
                    "optional-input-formal",
                    Level::Warning,
                    field,
                    name,
                    format!(
                        "{} prints itself when the optional input {name} is not sent",
                        u.text
                    ),
                );
                f.fix = Some(Fix::Quiet {
                    reference: u.text.clone(),
                });
                out.push(f);
            }
        }
    }
}

fn has_array(schema: &Value) -> bool {
    if schema.get("type").and_then(Value::as_str) == Some("array") {
        return true;
    }
    let nested = |key: &str| {
        schema
            .get(key)
            .and_then(Value::as_object)
            .is_some_and(|m| m.values().any(has_array))
    };
    nested("properties") || schema.get("items").is_some_and(has_array)
}

/// A filter or wildcard path gives a list, but the output has no list to hold it: the
/// template needs `$successTemplateUtils.firstFromArray` (Genesys's own modules wrap such
/// paths in it).
fn lists_for_one_value(a: &Action, refs: &References, out: &mut Vec<Finding>) {
    let output =
        a.v.pointer("/contract/output/successSchema")
            .unwrap_or(&Value::Null);
    if has_array(output) {
        return;
    }
    for (key, path) in a.map("/config/response/translationMap") {
        let indefinite =
            eval_path(path, &Value::Object(Default::default())).is_ok_and(|r| !r.is_definite());
        let bare = refs.uses.iter().any(|u| u.root == *key && !u.in_call);
        if indefinite && bare {
            out.push(finding(
                "list-for-one-value",
                Level::Warning,
                &format!("translationMap.{key}"),
                key,
                format!("{path} gives a list, and the output contract has no list for it"),
            ));
        }
    }
}

/// A paged listing read without `pageSize`: Genesys answers 25 entities unless asked for more
/// (up to 100 for queue members: platform-client-sdk-python docs/RoutingApi.md), so larger
/// queues are cut off without a word.
fn page_size(a: &Action, out: &mut Vec<Finding>) {
    let url = a.text("/config/request/requestUrlTemplate");
    let reads_entities = a
        .map("/config/response/translationMap")
        .iter()
        .any(|(_, p)| p.trim_start().starts_with("$.entities"));
    if a.method() == "GET" && reads_entities && !url.contains("pageSize=") {
        let mut f = finding(
            "no-page-size",
            Level::Warning,
            "requestUrlTemplate",
            "pageSize",
            "the listing is read without pageSize, so only its first 25 entries arrive".into(),
        );
        f.fix = Some(Fix::PageSize);
        out.push(f);
    }
}

pub fn all(v: &Value) -> Vec<Finding> {
    let a = Action { v };
    let mut out = Vec::new();
    let url = parsed(
        "requestUrlTemplate",
        a.text("/config/request/requestUrlTemplate"),
        &mut out,
    );
    let body = parsed(
        "requestTemplate",
        a.text("/config/request/requestTemplate"),
        &mut out,
    );
    let success = parsed(
        "successTemplate",
        a.text("/config/response/successTemplate"),
        &mut out,
    );
    let translation = a.map("/config/response/translationMap");
    let keys: Vec<&String> = translation.iter().map(|(k, _)| *k).collect();
    if let Some(refs) = &success {
        undefined_variables(refs, &keys, &mut out);
        unused_keys(refs, &keys, &mut out);
        lists_for_one_value(&a, refs, &mut out);
    }
    paths(&a, &mut out);
    defaults(&a, &mut out);
    unescaped_inputs(&a, url.as_ref(), body.as_ref(), &mut out);
    let body_refs = if matches!(a.method().as_str(), "POST" | "PUT" | "PATCH") {
        body.as_ref()
    } else {
        None
    };
    optional_inputs(
        &a,
        &[
            ("requestUrlTemplate", url.as_ref()),
            ("requestTemplate", body_refs),
        ],
        &mut out,
    );
    page_size(&a, &mut out);
    out
}
