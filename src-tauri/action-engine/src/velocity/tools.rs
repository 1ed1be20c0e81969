//! The tools Genesys puts in every data-action template's context: `$esc`, `$math`,
//! `$successTemplateUtils` and `$urlTool` (help.mypurecloud.com "Velocity macros for data actions").

use super::value::Value;

const TOOLS: &[&str] = &["esc", "math", "successTemplateUtils", "urlTool"];

pub(crate) fn is_tool(name: &str) -> bool {
    TOOLS.contains(&name)
}

/// `$esc.quote` and friends: EscapeTool's constant properties.
pub(crate) fn property(tool: &str, name: &str) -> Option<Value> {
    let text = match (tool, name) {
        ("esc", "quote") => "\"",
        ("esc", "singleQuote") => "'",
        ("esc", "dollar" | "d") => "$",
        ("esc", "hash" | "h") => "#",
        ("esc", "backslash" | "b") => "\\",
        ("esc", "exclamation" | "e") => "!",
        ("esc", "newline" | "n") => "\n",
        _ => return None,
    };
    Some(Value::Str(text.to_string()))
}

/// Escapes text for the inside of a JSON string (RFC 8259 section 7), without the quotes.
pub fn json_string(text: &str) -> String {
    let quoted = serde_json::Value::String(text.to_string()).to_string();
    quoted[1..quoted.len() - 1].to_string()
}

/// `application/x-www-form-urlencoded` as Java's `URLEncoder` writes it: spaces become `+`,
/// `A-Z a-z 0-9 . - * _` stay, every other UTF-8 byte is `%XX`.
pub fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b' ' => out.push('+'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'*' | b'_' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// RFC 3986 percent-encoding of everything but the unreserved characters.
fn uri_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'~' | b'_' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// MathTool's result type: an integer when both inputs are integers and the result is whole.
fn math(name: &str, args: &[Value]) -> Option<Value> {
    let [a, b] = args else { return None };
    let (x, y) = (a.as_number()?, b.as_number()?);
    let result = match name {
        "add" => x + y,
        "sub" => x - y,
        "mul" => x * y,
        "div" if y != 0.0 => x / y,
        "mod" if y != 0.0 => x % y,
        "max" => x.max(y),
        "min" => x.min(y),
        "pow" => x.powf(y),
        _ => return None,
    };
    let integral = |v: &Value| match v {
        Value::Int(_) => true,
        Value::Str(s) => s.trim().parse::<i64>().is_ok(),
        _ => false,
    };
    if integral(a) && integral(b) && result.fract() == 0.0 && result.abs() < 9.0e15 {
        Some(Value::Int(result as i64))
    } else {
        result.is_finite().then_some(Value::Float(result))
    }
}

/// `firstFromArray(json[, default])`: the first element of a JSON array, as JSON text. An empty
/// array gives the default, or `null` without one; text that is not a JSON array comes back as is.
fn first_from_array(args: &[Value]) -> Option<Value> {
    let json = args.first()?.to_text();
    let fallback = || {
        args.get(1)
            .map_or_else(|| "null".to_string(), Value::to_text)
    };
    let text = match serde_json::from_str::<serde_json::Value>(&json) {
        Ok(serde_json::Value::Array(items)) => {
            items.first().map_or_else(fallback, |v| v.to_string())
        }
        _ => json,
    };
    Some(Value::Str(text))
}

/// `optionalQueryParam(name, value[, last])`: `name=value&` with the value form-encoded, or
/// nothing when the value is null or empty; `last = true` leaves off the trailing `&`.
fn optional_query_param(args: &[Value]) -> Option<Value> {
    let name = args.first()?.to_text();
    let value = match args.get(1) {
        None | Some(Value::Null) => return Some(Value::Str(String::new())),
        Some(v) => v.to_text(),
    };
    if value.is_empty() {
        return Some(Value::Str(String::new()));
    }
    let last = args
        .get(2)
        .is_some_and(|v| v.truthy() && v.to_text() != "false");
    let separator = if last { "" } else { "&" };
    Some(Value::Str(format!(
        "{}={}{separator}",
        form_encode(&name),
        form_encode(&value)
    )))
}

/// A tool method call; `None` for an unknown method or a null argument (the reference then
/// renders as its own text, as Velocity does when a tool returns null).
pub(crate) fn call(tool: &str, name: &str, args: &[Value]) -> Option<Value> {
    let text = || match args {
        [Value::Null] | [] => None,
        [one] => Some(one.to_text()),
        _ => None,
    };
    match (tool, name) {
        ("esc", "jsonString" | "jsonEncode") => text().map(|t| Value::Str(json_string(&t))),
        ("esc", "url" | "urlFormEncode") => text().map(|t| Value::Str(form_encode(&t))),
        ("esc", "uriEncode") => text().map(|t| Value::Str(uri_encode(&t))),
        ("math", _) => math(name, args),
        ("successTemplateUtils", "firstFromArray") if (1..=2).contains(&args.len()) => {
            first_from_array(args)
        }
        ("urlTool", "optionalQueryParam") if (2..=3).contains(&args.len()) => {
            optional_query_param(args)
        }
        _ => None,
    }
}
