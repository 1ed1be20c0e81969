//! The editor's checks of what the contract rules do not cover: the translation map's names
//! and JSONPaths, and the templates, read by the same engine the Sandbox org runs, so a typo
//! shows while typing instead of at the test's ninth or tenth step. Defaults are not checked:
//! Genesys inserts them as written (public actions use defaults that are not JSON, such as
//! `disconnected`).

use action_engine::{check_path, EngineError, Template};

use crate::wire::actions::{ActionForm, FormProblem, Severity};

fn problem(field: String, code: &str, value: Option<String>) -> FormProblem {
    FormProblem {
        field,
        code: code.into(),
        value,
        severity: Severity::Rule,
        fix: None,
    }
}

/// The engine's words, with where in the text when it knows.
fn engine_words(e: &EngineError) -> String {
    match e.position {
        Some((line, column)) => format!("{} ({line}:{column})", e.message),
        None => e.message.clone(),
    }
}

fn template(field: &str, text: &str, out: &mut Vec<FormProblem>) {
    if let Err(e) = Template::parse(text) {
        out.push(problem(
            field.into(),
            "templateInvalid",
            Some(engine_words(&e)),
        ));
    }
}

/// Problems of the translation map and the four templates.
pub fn check(form: &ActionForm) -> Vec<FormProblem> {
    let mut out = Vec::new();
    for (i, row) in form.translation.iter().enumerate() {
        let key = row.key.trim();
        if key.is_empty() {
            out.push(problem(format!("translation.{i}.key"), "keyRequired", None));
        } else if form.translation[..i].iter().any(|r| r.key.trim() == key) {
            out.push(problem(
                format!("translation.{i}.key"),
                "duplicateName",
                Some(key.to_owned()),
            ));
        }
        if let Err(e) = check_path(&row.path) {
            out.push(problem(
                format!("translation.{i}.path"),
                "pathInvalid",
                Some(engine_words(&e)),
            ));
        }
    }
    template("urlTemplate", &form.url_template, &mut out);
    for (i, header) in form.headers.iter().enumerate() {
        if header.name.trim().is_empty() {
            out.push(problem(format!("headers.{i}.name"), "required", None));
        }
        template(&format!("headers.{i}.value"), &header.value, &mut out);
    }
    template("bodyTemplate", &form.body_template, &mut out);
    template("successTemplate", &form.success_template, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::preset::queue_presences;
    use crate::wire::actions::TranslationRow;

    #[test]
    fn the_preset_passes_and_each_mistake_is_placed() {
        let mut form = queue_presences("Get queue presences", "i-1", "Genesys Cloud Data Actions");
        assert_eq!(check(&form), Vec::new());
        form.translation.push(TranslationRow {
            key: "Presence".into(),
            path: "$.entities[*".into(),
            default: None,
        });
        form.success_template = "#if($Presence)".into();
        let found: Vec<_> = check(&form)
            .into_iter()
            .map(|p| (p.field, p.code))
            .collect();
        assert_eq!(
            found,
            [
                ("translation.1.key".to_string(), "duplicateName".to_string()),
                ("translation.1.path".into(), "pathInvalid".into()),
                ("successTemplate".into(), "templateInvalid".into()),
            ]
        );
    }
}
