//! The offline preview: the test tool's ten steps played locally on the form as it stands, over a
//! sample response, with no request. Steps 1–3 check the inputs (the form's rules, then the
//! test values against the input contract), 5–7 resolve the URL, header and body templates with
//! the engine, 9 applies the translation map to the sample, 10 renders the success template and
//! checks the output against the output contract. Step 4 (signing in as the integration's
//! client) and step 8 (calling the endpoint) need the org: the sample stands in for step 8's
//! answer. Where no source says what Genesys does, the preview reads it as the Sandbox org does:
//! a path that finds nothing without a default fails step 9 (`no.results`), a default that is
//! not JSON text goes into the template as it is, and a URL must be a path of the org's API.
//! A sample can be captured: the resolved request sent once with the signed-in user's token
//! (GET only: any other method could change the org).

use action_engine::contract::{check, flatten_schema, Misfit};
use action_engine::{eval_path, render, Context, ErrorKind, PathResult};
use serde_json::{Map, Value};

use super::schema::to_schema;
use super::{inputs, rules};
use genesys::ErrorKind as Kind;

use crate::wire::actions::{ActionForm, Severity};
use crate::wire::preview::{
    Exactness, FlatField, Preview, PreviewRequest, PreviewRow, PreviewState, PreviewStep,
};
use crate::{CommandError, CommandResult, OrgContext};

/// Jayway forms the engine reads its own way (the engine's README lists them): a path so
/// written is marked "check on the org".
fn exactness(path: &str, error: Option<&ErrorKind>) -> Exactness {
    let p = path.trim();
    let jayway = !p.starts_with('$')
        || p.contains("=~")
        || p.contains(" in ")
        || p.contains(" nin ")
        || p.contains("()")
        || p.starts_with("$.[");
    if jayway || error == Some(&ErrorKind::PathUnsupported) {
        Exactness::CheckOnOrg
    } else {
        Exactness::Exact
    }
}

/// One row over the sample: what it matches, and the value it hands to the success template
/// (JSON text, or a non-JSON default's own text).
fn row(
    key: &str,
    path: &str,
    default: Option<&str>,
    sample: Option<&Value>,
) -> (PreviewRow, Option<Result<String, String>>) {
    let mut out = PreviewRow {
        key: key.to_owned(),
        path: path.to_owned(),
        matches: 0,
        value: None,
        defaulted: false,
        exactness: exactness(path, None),
        error: None,
    };
    let Some(sample) = sample else {
        return (out, None);
    };
    let found = match eval_path(path, sample) {
        Ok(found) => found,
        Err(e) => {
            out.exactness = exactness(path, Some(&e.kind));
            out.error = Some(e.message.clone());
            return (
                out,
                Some(Err(format!(
                    "The translation map entry {key} cannot be resolved: {}",
                    e.message
                ))),
            );
        }
    };
    out.matches = match &found {
        PathResult::Definite(v) => u32::from(v.is_some()),
        PathResult::Indefinite(list) => u32::try_from(list.len()).unwrap_or(u32::MAX),
    };
    let text = match (found.value(), default) {
        (Some(value), _) => Ok(value.to_string()),
        (None, Some(text)) => {
            out.defaulted = true;
            Ok(text.to_owned())
        }
        (None, None) => Err(format!(
            "The translation map entry {key} found nothing at {path} and has no default."
        )),
    };
    out.value = text.as_ref().ok().cloned();
    (out, Some(text))
}

fn resolve(template: &str, inputs: &Map<String, Value>, field: &str) -> Result<String, String> {
    let rendered =
        render(template, &Context::for_request(inputs)).map_err(|e| format!("{field}: {e}"))?;
    match rendered.undefined.first() {
        Some(u) => Err(u.message(field)),
        None => Ok(rendered.text),
    }
}

/// The flattened output contract's fields, as Architect lists them.
fn flattened(schema: &Value) -> Vec<FlatField> {
    let flat = flatten_schema(schema);
    flat["schema"]["properties"]
        .as_object()
        .map(|props| {
            props
                .iter()
                .map(|(name, s)| FlatField {
                    name: name.clone(),
                    field_type: s["type"].as_str().unwrap_or("").to_owned(),
                })
                .collect()
        })
        .unwrap_or_default()
}

struct Steps(Vec<PreviewStep>);

impl Steps {
    /// Records step `n`; `false` once a step failed (the later ones are not run).
    fn record(&mut self, n: u8, outcome: Result<Option<String>, String>) -> bool {
        if self.failed() {
            self.0.push(PreviewStep {
                step: n,
                state: PreviewState::NotRun,
                message: None,
                shown: None,
            });
            return false;
        }
        let (state, message, shown) = match outcome {
            Ok(shown) => (PreviewState::Passed, None, shown),
            Err(why) => (PreviewState::Failed, Some(why), None),
        };
        self.0.push(PreviewStep {
            step: n,
            state,
            message,
            shown,
        });
        state == PreviewState::Passed
    }

    fn offline(&mut self, n: u8, shown: Option<String>) {
        let state = if self.failed() {
            PreviewState::NotRun
        } else {
            PreviewState::Offline
        };
        self.0.push(PreviewStep {
            step: n,
            state,
            message: None,
            shown,
        });
    }

    fn failed(&self) -> bool {
        self.0.iter().any(|s| s.state == PreviewState::Failed)
    }
}

/// Renders the success template over the rows' values (and `$rawResult`, the sample's text),
/// checks the output against the output contract: the output, or step 10's message.
fn output(form: &ActionForm, values: &Map<String, Value>, sample: &str) -> Result<Value, String> {
    let mut context = Context::new();
    for (key, value) in values {
        context.set(key.clone(), value.as_str().unwrap_or_default().to_owned());
    }
    context.set("rawResult", sample.to_owned());
    let transform = |why: String| {
        format!("Transform failed to process result using 'successTemplate' template due to error:'{why}'")
    };
    let rendered =
        render(&form.success_template, &context).map_err(|e| transform(e.to_string()))?;
    if let Some(u) = rendered.undefined.first() {
        return Err(transform(u.message("successTemplate")));
    }
    let out: Value = serde_json::from_str(&rendered.text)
        .map_err(|e| transform(format!("the result is not JSON ({e}): {}", rendered.text)))?;
    match check(&to_schema(&form.outputs, None), &out, "") {
        Ok(()) => Ok(out),
        Err(Misfit::TooMany(why)) => Err(format!(
            "The output has several results where the contract wants one: {why}"
        )),
        Err(Misfit::Invalid(why)) => Err(format!(
            "The output does not fit the output contract: {why}"
        )),
    }
}

/// The preview of `request`.
pub fn preview(request: &PreviewRequest) -> Preview {
    let form = &request.form;
    let sample_text = request.sample.trim();
    let sample: Result<Option<Value>, String> = if sample_text.is_empty() {
        Ok(None)
    } else {
        serde_json::from_str(sample_text)
            .map(Some)
            .map_err(|e| e.to_string())
    };
    let sample_value = sample.as_ref().ok().and_then(Option::as_ref);
    let mut rows = Vec::new();
    let mut values = Map::new();
    let mut translation: Result<(), String> = Ok(());
    for r in &form.translation {
        let (shown, value) = row(r.key.trim(), &r.path, r.default.as_deref(), sample_value);
        match value {
            Some(Ok(text)) => {
                values.insert(r.key.trim().to_owned(), Value::String(text));
            }
            Some(Err(why)) if translation.is_ok() => translation = Err(why),
            _ => {}
        }
        rows.push(shown);
    }

    let mut steps = Steps(Vec::new());
    steps.record(1, Ok(None));
    let rule = rules::check(form)
        .into_iter()
        .find(|p| p.severity == Severity::Rule);
    steps.record(
        2,
        rule.map_or(Ok(None), |p| Err(format!("{}: {}", p.field, p.code))),
    );
    let inputs = inputs::test_body(&form.inputs, &request.values);
    let body = inputs.as_ref().ok().cloned().unwrap_or_default();
    steps.record(
        3,
        inputs.map(|_| None).map_err(|problems| {
            problems
                .iter()
                .map(|p| format!("{}: {}", p.field, p.code))
                .collect::<Vec<_>>()
                .join("; ")
        }),
    );
    steps.offline(4, None);
    let url = resolve(&form.url_template, &body, "requestUrlTemplate").and_then(|u| {
        let u = u.trim().to_owned();
        if u.starts_with("/api/") {
            Ok(Some(u))
        } else {
            Err(format!(
                "The resolved request URL [{u}] is not a path of this org's API (/api/...)."
            ))
        }
    });
    steps.record(5, url);
    let headers: Result<Vec<String>, String> = form
        .headers
        .iter()
        .map(|h| resolve(&h.value, &body, "headers").map(|v| format!("{}: {v}", h.name.trim())))
        .collect();
    steps.record(6, headers.map(|h| (!h.is_empty()).then(|| h.join("\n"))));
    steps.record(
        7,
        resolve(&form.body_template, &body, "requestTemplate").map(Some),
    );
    match &sample {
        Err(why) => {
            steps.record(8, Err(format!("The sample response is not JSON: {why}")));
        }
        Ok(_) => steps.offline(8, None),
    }
    let has_sample = matches!(sample, Ok(Some(_)));
    if has_sample {
        steps.record(9, translation.map(|()| None));
    } else {
        steps.offline(9, None);
    }
    let out = if has_sample {
        Some(output(form, &values, sample_text))
    } else {
        None
    };
    let mut shown_output = None;
    match out {
        Some(Ok(value)) => {
            let pretty = serde_json::to_string_pretty(&value).ok();
            if steps.record(10, Ok(pretty.clone())) {
                shown_output = pretty;
            }
        }
        Some(Err(why)) => {
            steps.record(10, Err(why));
        }
        None => steps.offline(10, None),
    }
    Preview {
        steps: steps.0,
        rows,
        output: shown_output,
        flattened: flattened(&to_schema(&form.outputs, None)),
        sample_error: sample.err(),
    }
}

fn refused(message: String) -> CommandError {
    CommandError {
        kind: Kind::InvalidInput,
        message,
        context_id: None,
    }
}

/// A sample response for `form`: its URL resolved with `values` and sent once, as a GET, with
/// the signed-in user's token (not the integration's client: the user sees what the endpoint
/// answers, whoever asks). Answers the body, re-indented when it is JSON.
pub async fn capture(
    org: &OrgContext,
    form: &ActionForm,
    values: &std::collections::BTreeMap<String, String>,
) -> CommandResult<String> {
    if !form.method.trim().eq_ignore_ascii_case("GET") {
        return Err(refused(format!(
            "only a GET is sent to capture a sample; this action is a {}: paste its answer instead",
            form.method.trim()
        )));
    }
    let body = inputs::test_body(&form.inputs, values).map_err(|problems| {
        let list: Vec<String> = problems
            .iter()
            .map(|p| format!("{}: {}", p.field, p.code))
            .collect();
        refused(list.join("; "))
    })?;
    let url = resolve(&form.url_template, &body, "requestUrlTemplate").map_err(refused)?;
    let url = url.trim();
    if !url.starts_with("/api/v2/") {
        return Err(refused(format!("{url} is not a path of the org's API")));
    }
    let text = org
        .session
        .client()
        .get_text(url, org.session.token())
        .await?;
    Ok(match serde_json::from_str::<Value>(&text) {
        Ok(json) => serde_json::to_string_pretty(&json).unwrap_or(text),
        Err(_) => text,
    })
}
