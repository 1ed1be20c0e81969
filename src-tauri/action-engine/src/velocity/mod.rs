//! The Velocity subset data-action templates use: parse once, render against a [`Context`].

mod ast;
mod directive;
mod expr;
mod parse;
mod refs;
mod render;
mod tools;
mod value;

use std::collections::BTreeMap;

pub use refs::{RefUse, References};
pub use tools::{form_encode, json_string};
pub use value::Value;

use crate::error::EngineError;

/// The variables a template sees. `$esc`, `$math`, `$successTemplateUtils` and `$urlTool` are
/// always there unless a variable of the same name hides them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    vars: BTreeMap<String, Value>,
}

impl Context {
    pub fn new() -> Self {
        Context::default()
    }

    pub fn set(&mut self, name: impl Into<String>, value: impl Into<Value>) -> &mut Self {
        self.vars.insert(name.into(), value.into());
        self
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.vars.get(name)
    }

    /// The context of a request template: `$input` holds the action's inputs as they are (so
    /// `${input.QueueID}` renders the bare GUID) plus `rawRequest`, the inputs as JSON text.
    pub fn for_request(inputs: &serde_json::Map<String, serde_json::Value>) -> Self {
        let mut input: BTreeMap<String, Value> = inputs
            .iter()
            .map(|(k, v)| (k.clone(), Value::from_json(v)))
            .collect();
        input.insert(
            "rawRequest".into(),
            Value::Str(serde_json::Value::Object(inputs.clone()).to_string()),
        );
        let mut context = Context::new();
        context.set("input", Value::Map(input));
        context
    }

    /// The context of a success template: each translated value as JSON text (a string comes
    /// with its quotes, so `{"status": ${status}}` is JSON).
    pub fn for_success(translated: &serde_json::Map<String, serde_json::Value>) -> Self {
        let mut context = Context::new();
        for (name, value) in translated {
            context.set(name.clone(), Value::Str(value.to_string()));
        }
        context
    }
}

/// A reference whose variable was never set, where it is (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndefinedRef {
    /// `$` and the variable's name, e.g. `$Presences`.
    pub reference: String,
    pub line: usize,
    pub column: usize,
}

impl UndefinedRef {
    /// Genesys's wording at the "Apply output transformation" step, for the template `field`
    /// (`successTemplate`, `requestTemplate`, ...).
    pub fn message(&self, field: &str) -> String {
        format!(
            "Variable {} has not been set at {field}[line {}, column {}]",
            self.reference, self.line, self.column
        )
    }
}

/// A rendered template and the references it met whose variables were never set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub undefined: Vec<UndefinedRef>,
}

/// A parsed template, to check once and render many times.
#[derive(Debug, Clone)]
pub struct Template {
    source: String,
    nodes: Vec<ast::Node>,
}

impl Template {
    pub fn parse(source: &str) -> Result<Self, EngineError> {
        let mut parser = parse::Parser::new(source);
        let (nodes, _) = parser.nodes(&[])?;
        Ok(Template {
            source: source.to_string(),
            nodes,
        })
    }

    pub fn render(&self, vars: &Context) -> Result<Rendered, EngineError> {
        let mut renderer = render::Renderer {
            src: &self.source,
            vars: vars.vars.clone(),
            undefined: Vec::new(),
            budget: 100_000,
        };
        let mut text = String::new();
        renderer.nodes(&self.nodes, &mut text)?;
        Ok(Rendered {
            text,
            undefined: renderer.undefined,
        })
    }
}

/// Parses and renders `template`. An undefined `$x` renders as `$x` (Velocity's behaviour when
/// strict mode is off) and is listed in [`Rendered::undefined`].
pub fn render(template: &str, vars: &Context) -> Result<Rendered, EngineError> {
    Template::parse(template)?.render(vars)
}
