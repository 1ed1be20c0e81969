//! A Terraform file's data actions in the admin UI's JSON shape: each
//! `resource "genesyscloud_integration_action"` block's attributes (terraform-provider-genesyscloud
//! examples/resources/genesyscloud_integration_action/simplest_resource.tf names them) read with
//! a real HCL parser. Strings are evaluated, so `$${` reads back as the `${` Genesys gets;
//! `jsonencode(...)` stands for its argument, and a contract written as JSON text is parsed.
//! An attribute that refers to something else (`var.integration_id`) cannot be evaluated
//! offline and is left out: no lint reads it.

use hcl::eval::{Context, Evaluate, FuncArgs, FuncDef, ParamType};
use hcl::{Block, Body, Expression, Structure};
use serde_json::{json, Map, Value};

fn same(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(args[0].clone())
}

fn context() -> Context<'static> {
    let mut ctx = Context::new();
    ctx.declare_func("jsonencode", FuncDef::new(same, [ParamType::Any]));
    ctx
}

/// The attribute `name` of `body`, evaluated, as JSON; `None` when absent or not offline.
fn attribute(body: &Body, name: &str, ctx: &Context) -> Option<Value> {
    let expr: &Expression = body
        .attributes()
        .find(|a| a.key() == name)
        .map(|a| a.expr())?;
    let value = expr.evaluate(ctx).ok()?;
    serde_json::to_value(value).ok()
}

fn block<'a>(body: &'a Body, name: &str) -> Option<&'a Block> {
    body.blocks().find(|b| b.identifier() == name)
}

/// A contract attribute: `jsonencode({...})` gives the object; JSON text is parsed.
fn schema(body: &Body, name: &str, ctx: &Context) -> Value {
    match attribute(body, name, ctx) {
        Some(Value::String(text)) => serde_json::from_str(&text).unwrap_or(Value::String(text)),
        Some(v) => v,
        None => Value::Null,
    }
}

fn put(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        map.insert(key.to_owned(), v);
    }
}

fn action(resource: &Block, ctx: &Context) -> (String, Value) {
    let body = resource.body();
    let label = resource
        .labels()
        .get(1)
        .map_or("", |l| l.as_str())
        .to_owned();
    let mut request = Map::new();
    if let Some(b) = block(body, "config_request") {
        put(
            &mut request,
            "requestUrlTemplate",
            attribute(b.body(), "request_url_template", ctx),
        );
        put(
            &mut request,
            "requestType",
            attribute(b.body(), "request_type", ctx),
        );
        put(
            &mut request,
            "requestTemplate",
            attribute(b.body(), "request_template", ctx),
        );
        put(&mut request, "headers", attribute(b.body(), "headers", ctx));
    }
    let mut response = Map::new();
    if let Some(b) = block(body, "config_response") {
        put(
            &mut response,
            "translationMap",
            attribute(b.body(), "translation_map", ctx),
        );
        put(
            &mut response,
            "translationMapDefaults",
            attribute(b.body(), "translation_map_defaults", ctx),
        );
        put(
            &mut response,
            "successTemplate",
            attribute(b.body(), "success_template", ctx),
        );
    }
    let name = attribute(body, "name", ctx)
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| label.clone());
    let mut config = json!({ "request": request, "response": response });
    if let Some(t) = attribute(body, "config_timeout_seconds", ctx) {
        config["timeoutSeconds"] = t;
    }
    let value = json!({
        "name": name,
        "category": attribute(body, "category", ctx),
        "secure": attribute(body, "secure", ctx).unwrap_or(Value::Bool(false)),
        "config": config,
        "contract": {
            "input": { "inputSchema": schema(body, "contract_input", ctx) },
            "output": { "successSchema": schema(body, "contract_output", ctx) },
        },
    });
    (name, value)
}

/// Every data action of a Terraform file.
pub fn actions(text: &str) -> Result<Vec<(String, Value)>, String> {
    let body = hcl::parse(text).map_err(|e| e.to_string())?;
    let ctx = context();
    Ok(body
        .iter()
        .filter_map(|s| match s {
            Structure::Block(b)
                if b.identifier() == "resource"
                    && b.labels().first().map(|l| l.as_str())
                        == Some("genesyscloud_integration_action") =>
            {
                Some(action(b, &ctx))
            }
            _ => None,
        })
        .collect())
}
