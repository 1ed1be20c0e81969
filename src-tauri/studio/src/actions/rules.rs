//! Every rule the editor's form breaks, by form path (`inputs.0.name`, `timeoutSeconds`…): the
//! core's contract and definition rules on the body the form would send (their paths into that
//! body turned into paths into the form), the names a JSON object cannot hold twice or empty,
//! the engine's reading of the response and templates (`response_rules.rs`), and the engine's
//! lints (`action_engine::lint`), which say what works but is fragile as warnings.

use genesys::action_rules::{check_new_action, ContractProblem};

use super::form::new_action;
use super::response_rules;
use action_engine::lint::Fix;

use crate::wire::actions::{ActionForm, ContractField, FieldType, FormFix, FormProblem, Severity};

const INPUT: &str = "contract.input.inputSchema";
/// The largest request body the app sends for a data action, in bytes (the limit the app's
/// security matrix sets for data-action requests, case B5; Genesys's own limit is not in the
/// SDKs or the Terraform provider).
pub const MAX_BODY_BYTES: usize = 512_000;
const OUTPUT: &str = "contract.output.successSchema";

/// The form path of a schema path's field: `properties.A.items.properties.B` under the output
/// contract is `outputs.<index of A>.children.<index of B>.name`.
fn tree_path(rest: &str, fields: &[ContractField], mut at: String) -> Option<String> {
    let mut fields = fields;
    let mut parts = rest.split('.').filter(|p| !p.is_empty()).peekable();
    let mut found = false;
    while let Some(part) = parts.next() {
        match part {
            "properties" => {
                let name = parts.next()?;
                let index = fields.iter().position(|f| f.name.trim() == name)?;
                at = format!("{at}.{index}");
                fields = &fields[index].children;
                found = true;
            }
            "items" if found => {}
            _ => break,
        }
        if parts.peek() == Some(&"properties") && found {
            at.push_str(".children");
        }
    }
    found.then(|| format!("{at}.name"))
}

fn form_field(p: &ContractProblem, form: &ActionForm) -> String {
    let path = p.field.as_str();
    let mapped = if let Some(rest) = path.strip_prefix(INPUT) {
        tree_path(rest, &form.inputs, "inputs".into()).or(Some("inputs".into()))
    } else if let Some(rest) = path.strip_prefix(OUTPUT) {
        tree_path(rest, &form.outputs, "outputs".into()).or(Some("outputs".into()))
    } else {
        match path {
            "config.timeoutSeconds" => Some("timeoutSeconds".into()),
            "config.request.requestType" => Some("method".into()),
            "config.request.requestUrlTemplate" => Some("urlTemplate".into()),
            _ => None,
        }
    };
    mapped.unwrap_or_else(|| path.to_owned())
}

/// Empty and repeated names among sibling fields, at every level.
fn names(fields: &[ContractField], at: &str, out: &mut Vec<FormProblem>) {
    for (i, f) in fields.iter().enumerate() {
        let here = format!("{at}.{i}");
        let name = f.name.trim();
        if name.is_empty() {
            out.push(FormProblem {
                field: format!("{here}.name"),
                code: "required".into(),
                value: None,
                severity: Severity::Rule,
                fix: None,
            });
        } else if fields[..i].iter().any(|g| g.name.trim() == name) {
            out.push(FormProblem {
                field: format!("{here}.name"),
                code: "duplicateName".into(),
                value: Some(name.to_owned()),
                severity: Severity::Rule,
                fix: None,
            });
        }
        if f.field_type == FieldType::Object || f.item_type == Some(FieldType::Object) {
            names(&f.children, &format!("{here}.children"), out);
        }
    }
}

/// The form path of a lint's field (`translationMap.<key>` is that key's row).
fn lint_field(field: &str, form: &ActionForm) -> String {
    let row = |key: &str, part: &str| {
        form.translation
            .iter()
            .position(|r| r.key.trim() == key)
            .map_or_else(
                || "translation".to_owned(),
                |i| format!("translation.{i}.{part}"),
            )
    };
    if let Some(key) = field.strip_prefix("translationMap.") {
        return row(key, "path");
    }
    if let Some(key) = field.strip_prefix("translationMapDefaults.") {
        return row(key, "default");
    }
    match field {
        "requestUrlTemplate" => "urlTemplate",
        "requestTemplate" => "bodyTemplate",
        other => other,
    }
    .to_owned()
}

/// An engine fix in the form's terms (`field` is the finding's, in the body's names).
fn form_fix(fix: &Fix, field: &str) -> FormFix {
    match fix {
        Fix::RenameInTemplate { from, to } => FormFix::Rename {
            from: from.clone(),
            to: to.clone(),
        },
        Fix::EscapeUrl { reference } => FormFix::EscapeUrl {
            reference: reference.clone(),
        },
        Fix::EscapeJson { reference } => FormFix::EscapeJson {
            reference: reference.clone(),
        },
        Fix::Quiet { reference } => FormFix::Quiet {
            reference: reference.clone(),
            field: if field == "requestTemplate" {
                "bodyTemplate"
            } else {
                "urlTemplate"
            }
            .into(),
        },
        Fix::PageSize => FormFix::PageSize,
    }
}

/// `form` with `fix` applied to the field it names (the engine edits the template's text).
pub fn apply_fix(form: &ActionForm, fix: &FormFix) -> ActionForm {
    let mut out = form.clone();
    let (field, engine) = match fix {
        FormFix::Rename { from, to } => (
            &mut out.success_template,
            Fix::RenameInTemplate {
                from: from.clone(),
                to: to.clone(),
            },
        ),
        FormFix::EscapeUrl { reference } => (
            &mut out.url_template,
            Fix::EscapeUrl {
                reference: reference.clone(),
            },
        ),
        FormFix::EscapeJson { reference } => (
            &mut out.body_template,
            Fix::EscapeJson {
                reference: reference.clone(),
            },
        ),
        FormFix::Quiet { reference, field } => (
            if field == "bodyTemplate" {
                &mut out.body_template
            } else {
                &mut out.url_template
            },
            Fix::Quiet {
                reference: reference.clone(),
            },
        ),
        FormFix::PageSize => (&mut out.url_template, Fix::PageSize),
    };
    *field = action_engine::lint::apply(&engine, field);
    out
}

/// The engine's lints on the body the form would send. Broken templates and paths are
/// already errors of `response_rules`, so only the other rules come from here.
fn lints(form: &ActionForm) -> Vec<FormProblem> {
    let Ok(body) = serde_json::to_value(new_action(form)) else {
        return Vec::new();
    };
    action_engine::lint::lint_action(&body)
        .into_iter()
        .filter(|f| !matches!(f.rule, "template-syntax" | "path-syntax"))
        .map(|f| FormProblem {
            field: lint_field(&f.field, form),
            code: format!("lint.{}", f.rule),
            value: Some(f.subject.clone()),
            severity: match f.level {
                action_engine::lint::Level::Warning => Severity::Warning,
                action_engine::lint::Level::Error => Severity::Error,
            },
            fix: f.fix.as_ref().map(|fix| form_fix(fix, &f.field)),
        })
        .collect()
}

/// Every problem of `form`, none twice.
pub fn check(form: &ActionForm) -> Vec<FormProblem> {
    let mut out = Vec::new();
    names(&form.inputs, "inputs", &mut out);
    names(&form.outputs, "outputs", &mut out);
    for p in check_new_action(&new_action(form)) {
        out.push(FormProblem {
            field: form_field(&p, form),
            code: p.code.code().into(),
            value: p.value.clone(),
            severity: Severity::Rule,
            fix: None,
        });
    }
    out.extend(response_rules::check(form));
    out.extend(lints(form));
    let size = serde_json::to_vec(&new_action(form)).map_or(0, |b| b.len());
    if size >= MAX_BODY_BYTES {
        out.push(FormProblem {
            field: "action".into(),
            code: "tooLarge".into(),
            value: Some(MAX_BODY_BYTES.to_string()),
            severity: Severity::Rule,
            fix: None,
        });
    }
    let mut seen = Vec::with_capacity(out.len());
    out.retain(|p| {
        let fresh = !seen.contains(p);
        if fresh {
            seen.push(p.clone());
        }
        fresh
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::preset::queue_presences;

    fn field(name: &str, t: FieldType) -> ContractField {
        ContractField {
            name: name.into(),
            field_type: t,
            required: false,
            item_type: None,
            children: Vec::new(),
        }
    }

    /// The errors only (lint warnings do not stop a save).
    fn codes(form: &ActionForm) -> Vec<(String, String)> {
        check(form)
            .into_iter()
            .filter(|p| p.severity == Severity::Rule)
            .map(|p| (p.field, p.code))
            .collect()
    }

    #[test]
    fn a_definition_of_512_000_bytes_or_more_is_refused() {
        let mut form = queue_presences("Big", "i", "Data Actions");
        form.body_template = "x".repeat(MAX_BODY_BYTES);
        assert!(codes(&form).contains(&("action".to_string(), "tooLarge".to_string())));
        form.body_template = "x".repeat(MAX_BODY_BYTES / 2);
        assert_eq!(codes(&form), Vec::new());
    }

    #[test]
    fn the_preset_breaks_no_rule_and_only_misses_its_page_size() {
        let found = check(&queue_presences("Get queue presences", "i", "Data Actions"));
        let found: Vec<_> = found
            .iter()
            .map(|p| (p.field.as_str(), p.code.as_str(), p.severity))
            .collect();
        assert_eq!(
            found,
            [("urlTemplate", "lint.no-page-size", Severity::Warning)]
        );
    }

    #[test]
    fn the_workshop_typo_is_an_error_on_the_success_template() {
        let mut form = queue_presences("Get queue presences", "i", "Data Actions");
        form.success_template = "{\"Presences\" : $Presences}".into();
        let found = check(&form);
        let typo = found
            .iter()
            .find(|p| p.code == "lint.undefined-variable")
            .expect("found");
        assert_eq!(
            (typo.field.as_str(), typo.value.as_deref(), typo.severity),
            ("successTemplate", Some("Presences"), Severity::Error)
        );
        let unused = found
            .iter()
            .find(|p| p.code == "lint.unused-key")
            .expect("found");
        assert_eq!(
            (unused.field.as_str(), unused.severity),
            ("translation.0.path", Severity::Warning)
        );
    }

    #[test]
    fn core_rules_land_on_the_field_that_breaks_them() {
        let mut form = queue_presences("", "i", "Data Actions");
        form.inputs.push(field("orgId", FieldType::String));
        form.inputs.push(field("2nd", FieldType::String));
        form.timeout_seconds = Some(0);
        form.method = "FETCH".into();
        let mut nested = field("Rows", FieldType::Array);
        nested.item_type = Some(FieldType::Object);
        nested.children = vec![field("a", FieldType::String), field("a", FieldType::String)];
        form.outputs.push(nested);
        let found = codes(&form);
        for expected in [
            ("name", "required"),
            ("inputs.1.name", "reservedName"),
            ("inputs.2.name", "nameChars"),
            ("timeoutSeconds", "timeoutRange"),
            ("method", "method"),
            ("outputs.1.children.1.name", "duplicateName"),
        ] {
            assert!(
                found.contains(&(expected.0.to_string(), expected.1.to_string())),
                "{expected:?} in {found:?}"
            );
        }
    }

    #[test]
    fn a_list_anywhere_inside_a_list_is_refused_at_the_inner_list() {
        let mut form = queue_presences("x", "i", "Data Actions");
        let mut outer = field("Grid", FieldType::Array);
        outer.item_type = Some(FieldType::Object);
        let mut inner = field("Rows", FieldType::Array);
        inner.item_type = Some(FieldType::String);
        outer.children = vec![inner];
        form.outputs = vec![outer];
        // The core reads "no nested arrays" as no array anywhere inside an array, groups included.
        assert_eq!(
            codes(&form),
            [(
                "outputs.0.children.0.name".to_string(),
                "nestedArray".to_string()
            )]
        );
        let mut grid = field("Grid", FieldType::Array);
        grid.item_type = Some(FieldType::Array);
        form.outputs = vec![grid];
        assert_eq!(
            codes(&form),
            [("outputs.0.name".to_string(), "nestedArray".to_string())]
        );
    }
}
