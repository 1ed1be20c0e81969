//! Renders a parsed template against a context: references print their value, or their own text
//! when null (quiet `$!` ones print nothing); undefined variables are recorded for the caller.

use std::collections::BTreeMap;

use super::ast::{BinOp, Expr, Node, Part, Reference};
use super::tools;
use super::value::Value;
use super::UndefinedRef;
use crate::error::{line_column, EngineError, ErrorKind};

/// The most items one `#foreach` or range may produce: enough for any data-action payload.
const MAX_ITEMS: usize = 100_000;

pub(crate) struct Renderer<'a> {
    pub src: &'a str,
    pub vars: BTreeMap<String, Value>,
    pub undefined: Vec<UndefinedRef>,
    /// Loop iterations left for the whole render, so nested loops cannot run away.
    pub budget: usize,
}

/// Velocity's `==`: numbers compare by value, values of one kind directly, others by their text.
pub(crate) fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
            a.as_number() == b.as_number()
        }
        _ if std::mem::discriminant(a) == std::mem::discriminant(b) => a == b,
        _ => a.to_text() == b.to_text(),
    }
}

fn arithmetic(op: BinOp, a: &Value, b: &Value) -> Value {
    if op == BinOp::Add && (matches!(a, Value::Str(_)) || matches!(b, Value::Str(_))) {
        return Value::Str(format!("{}{}", a.to_text(), b.to_text()));
    }
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        let exact = match op {
            BinOp::Add => x.checked_add(*y),
            BinOp::Sub => x.checked_sub(*y),
            BinOp::Mul => x.checked_mul(*y),
            BinOp::Div => x.checked_div(*y),
            _ => x.checked_rem(*y),
        };
        return exact.map_or(Value::Null, Value::Int);
    }
    let (Some(x), Some(y)) = (a.as_number(), b.as_number()) else {
        return Value::Null;
    };
    let result = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div if y != 0.0 => x / y,
        BinOp::Mod if y != 0.0 => x % y,
        _ => return Value::Null,
    };
    Value::Float(result)
}

impl Renderer<'_> {
    pub fn nodes(&mut self, nodes: &[Node], out: &mut String) -> Result<(), EngineError> {
        for node in nodes {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Ref(r) => match self.reference(r, false)? {
                    Some(Value::Null) | None if r.quiet => {}
                    Some(Value::Null) | None => out.push_str(&self.src[r.start..r.end]),
                    Some(v) => out.push_str(&v.to_text()),
                },
                Node::Set(target, value) => {
                    let value = self.expr(value)?;
                    self.set(target, value);
                }
                Node::If(branches, otherwise) => {
                    let mut taken = None;
                    for (cond, body) in branches {
                        if self.condition(cond)? {
                            taken = Some(body);
                            break;
                        }
                    }
                    if let Some(body) = taken.or(otherwise.as_ref()) {
                        self.nodes(body, out)?;
                    }
                }
                Node::Foreach(var, list, body) => self.foreach(var, list, body, out)?,
            }
        }
        Ok(())
    }

    fn foreach(
        &mut self,
        var: &str,
        list: &Expr,
        body: &[Node],
        out: &mut String,
    ) -> Result<(), EngineError> {
        let items = match self.expr(list)? {
            Value::List(items) => items,
            Value::Map(m) => m.into_values().collect(),
            _ => Vec::new(),
        };
        let saved = (
            self.vars.get(var).cloned(),
            self.vars.get("foreach").cloned(),
            self.vars.get("velocityCount").cloned(),
        );
        let n = items.len();
        for (i, item) in items.into_iter().enumerate() {
            self.budget = self.budget.checked_sub(1).ok_or_else(|| {
                EngineError::new(
                    ErrorKind::TemplateRender,
                    format!("the #foreach loops run more than {MAX_ITEMS} times"),
                )
            })?;
            let state = [
                ("index", Value::Int(i as i64)),
                ("count", Value::Int(i as i64 + 1)),
                ("hasNext", Value::Bool(i + 1 < n)),
                ("first", Value::Bool(i == 0)),
                ("last", Value::Bool(i + 1 == n)),
            ];
            let state = state.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            self.vars.insert("foreach".into(), Value::Map(state));
            self.vars
                .insert("velocityCount".into(), Value::Int(i as i64 + 1));
            self.vars.insert(var.to_string(), item);
            self.nodes(body, out)?;
        }
        for (name, old) in [
            (var, saved.0),
            ("foreach", saved.1),
            ("velocityCount", saved.2),
        ] {
            match old {
                Some(v) => self.vars.insert(name.to_string(), v),
                None => self.vars.remove(name),
            };
        }
        Ok(())
    }

    fn set(&mut self, target: &Reference, value: Value) {
        let mut slot = self.vars.entry(target.root.clone()).or_insert(Value::Null);
        for part in &target.parts {
            let Part::Property(name) = part else { return };
            if !matches!(slot, Value::Map(_)) {
                *slot = Value::Map(BTreeMap::new());
            }
            let Value::Map(m) = slot else { return };
            slot = m.entry(name.clone()).or_insert(Value::Null);
        }
        *slot = value;
    }

    /// A bare reference as a whole condition only tests it: an undefined one is false, not a miss
    /// (Velocity's strict mode makes the same exception for `#if($foo)`).
    fn condition(&mut self, cond: &Expr) -> Result<bool, EngineError> {
        match cond {
            Expr::Ref(r) => Ok(self.reference(r, true)?.is_some_and(|v| v.truthy())),
            Expr::Not(inner) => Ok(!self.condition(inner)?),
            _ => Ok(self.expr(cond)?.truthy()),
        }
    }

    /// The reference's value; `None` when its root is undefined or a member does not exist.
    fn reference(&mut self, r: &Reference, testing: bool) -> Result<Option<Value>, EngineError> {
        let mut current = match self.vars.get(&r.root) {
            Some(v) => Some(v.clone()),
            None if tools::is_tool(&r.root) && !r.parts.is_empty() => None,
            None => {
                if !testing {
                    let (line, column) = line_column(self.src, r.start);
                    self.undefined.push(UndefinedRef {
                        reference: format!("${}", r.root),
                        line,
                        column,
                    });
                }
                return Ok(None);
            }
        };
        for (i, part) in r.parts.iter().enumerate() {
            let next = match (&current, part) {
                (None, Part::Property(name)) if i == 0 => tools::property(&r.root, name),
                (None, Part::Call(name, args)) if i == 0 => {
                    let args = self.arguments(args)?;
                    tools::call(&r.root, name, &args)
                }
                (Some(v), Part::Property(name)) => v.property(name),
                (Some(v), Part::Call(name, args)) => {
                    let args = self.arguments(args)?;
                    v.call(name, &args)
                }
                (None, _) => None,
            };
            match next {
                Some(v) => current = Some(v),
                None => return Ok(None),
            }
        }
        Ok(current)
    }

    fn arguments(&mut self, args: &[Expr]) -> Result<Vec<Value>, EngineError> {
        args.iter().map(|a| self.expr(a)).collect()
    }

    pub fn expr(&mut self, expr: &Expr) -> Result<Value, EngineError> {
        Ok(match expr {
            Expr::Literal(v) => v.clone(),
            Expr::Ref(r) => self.reference(r, false)?.unwrap_or(Value::Null),
            Expr::Interpolated(nodes) => {
                let mut text = String::new();
                self.nodes(nodes, &mut text)?;
                Value::Str(text)
            }
            Expr::List(items) => Value::List(self.arguments(items)?),
            Expr::Range(a, b) => {
                let (a, b) = (self.expr(a)?, self.expr(b)?);
                let (Some(a), Some(b)) = (a.as_number(), b.as_number()) else {
                    return Ok(Value::Null);
                };
                let (a, b) = (a as i64, b as i64);
                if a.abs_diff(b) as usize >= MAX_ITEMS {
                    return Err(EngineError::new(
                        ErrorKind::TemplateRender,
                        format!("the range [{a}..{b}] is too long"),
                    ));
                }
                let items: Vec<i64> = if a <= b {
                    (a..=b).collect()
                } else {
                    (b..=a).rev().collect()
                };
                Value::List(items.into_iter().map(Value::Int).collect())
            }
            Expr::Not(inner) => Value::Bool(!self.condition(inner)?),
            Expr::Neg(inner) => arithmetic(BinOp::Sub, &Value::Int(0), &self.expr(inner)?),
            Expr::Binary(BinOp::And, a, b) => Value::Bool(self.condition(a)? && self.condition(b)?),
            Expr::Binary(BinOp::Or, a, b) => Value::Bool(self.condition(a)? || self.condition(b)?),
            Expr::Binary(op, a, b) => {
                let (a, b) = (self.expr(a)?, self.expr(b)?);
                let order = || {
                    a.as_number()
                        .zip(b.as_number())
                        .and_then(|(x, y)| x.partial_cmp(&y))
                };
                match op {
                    BinOp::Eq => Value::Bool(equal(&a, &b)),
                    BinOp::Ne => Value::Bool(!equal(&a, &b)),
                    BinOp::Lt => Value::Bool(order().is_some_and(|o| o.is_lt())),
                    BinOp::Gt => Value::Bool(order().is_some_and(|o| o.is_gt())),
                    BinOp::Le => Value::Bool(order().is_some_and(|o| o.is_le())),
                    BinOp::Ge => Value::Bool(order().is_some_and(|o| o.is_ge())),
                    _ => arithmetic(*op, &a, &b),
                }
            }
        })
    }
}
