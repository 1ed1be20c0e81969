//! Rewrites a Jayway-dialect JSONPath (the forms Genesys data actions accept) into RFC 9535 text
//! for `serde_json_path`, noting on the way whether Jayway would call the path definite.

use super::filter::rewrite_filter;
use crate::error::{EngineError, ErrorKind};

/// A path ready for `serde_json_path`, with Jayway's definiteness and an optional tail function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Compiled {
    pub rfc: String,
    pub definite: bool,
    pub tail: Option<String>,
}

/// The tail functions of Jayway (json-path/JsonPath README.md, "Functions") that this engine computes.
pub(crate) const TAIL_FUNCTIONS: &[&str] = &[
    "length", "size", "sum", "min", "max", "avg", "stddev", "keys", "first", "last",
];

pub(crate) fn syntax(message: impl Into<String>) -> EngineError {
    EngineError::new(ErrorKind::PathSyntax, message)
}

/// Compiles `path` the way Jayway's `PathCompiler.compile` reads it: a path that does not start
/// with `$` or `@` gets `$.` prepended, verbatim (so `.total` becomes the deep scan `$..total`).
pub(crate) fn compile(path: &str) -> Result<Compiled, EngineError> {
    let trimmed = path.trim();
    if trimmed.is_empty() {
        return Err(syntax("the path is empty"));
    }
    let full = if trimmed.starts_with('$') || trimmed.starts_with('@') {
        trimmed.to_string()
    } else {
        format!("$.{trimmed}")
    };
    if full.ends_with('.') {
        return Err(syntax(format!("`{path}` must not end with '.' or '..'")));
    }
    let (body, tail) = split_tail(&full)?;
    let (rfc, definite) = rewrite_segments(body)?;
    Ok(Compiled {
        rfc,
        definite,
        tail,
    })
}

/// Splits a trailing `.name()` off `path` when it is a Jayway tail function.
fn split_tail(path: &str) -> Result<(&str, Option<String>), EngineError> {
    if !path.ends_with(')') {
        return Ok((path, None));
    }
    let Some(dot) = top_level_positions(path, '.').last().copied() else {
        return Ok((path, None));
    };
    let call = &path[dot + 1..];
    let Some(open) = call.find('(') else {
        return Ok((path, None));
    };
    let name = &call[..open];
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Ok((path, None));
    }
    let args = call[open + 1..call.len() - 1].trim();
    if !TAIL_FUNCTIONS.contains(&name) || !args.is_empty() {
        return Err(EngineError::new(
            ErrorKind::PathUnsupported,
            format!("the JSONPath function `{name}({args})` is not reproduced offline: verify on the org"),
        ));
    }
    Ok((&path[..dot], Some(name.to_string())))
}

/// Byte offsets of `wanted` outside brackets, parentheses and quotes.
pub(crate) fn top_level_positions(text: &str, wanted: char) -> Vec<usize> {
    let (mut depth, mut quote, mut escaped, mut found) = (0i32, None::<char>, false, Vec::new());
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            _ if c == wanted && depth == 0 => found.push(i),
            _ => {}
        }
    }
    found
}

/// The byte offset just past the `]` closing the `[` at `open`.
fn closing_bracket(text: &str, open: usize) -> Result<usize, EngineError> {
    let (mut depth, mut quote, mut escaped) = (0i32, None::<char>, false);
    for (i, c) in text[open..].char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '[' | '(' => depth += 1,
            ']' | ')' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(open + i + 1);
                }
            }
            _ => {}
        }
    }
    Err(syntax(format!(
        "`{text}` has a '[' at position {} that is never closed",
        open + 1
    )))
}

/// True for a name RFC 9535 accepts after a dot (`name-first *name-char`).
fn is_shorthand(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_' || !c.is_ascii())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii())
}

fn quoted(name: &str) -> String {
    format!("['{}']", name.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// Rewrites the segments after the root (`$` or `@`); returns the RFC text and Jayway definiteness:
/// a path is indefinite when it has `..`, `*`, a filter, a slice or several names or indexes.
pub(crate) fn rewrite_segments(path: &str) -> Result<(String, bool), EngineError> {
    let mut out = String::with_capacity(path.len() + 8);
    let mut definite = true;
    let mut chars = path.char_indices().peekable();
    match chars.next() {
        Some((_, root @ ('$' | '@'))) => out.push(root),
        _ => return Err(syntax(format!("`{path}` must start with '$' or '@'"))),
    }
    let bytes = path.as_bytes();
    let mut i = 1;
    while i < path.len() {
        match bytes[i] {
            b'.' if bytes.get(i + 1) == Some(&b'.') => {
                out.push_str("..");
                definite = false;
                i += 2;
                if bytes.get(i) == Some(&b'*') {
                    out.push('*');
                    i += 1;
                } else if bytes.get(i).is_some_and(|b| *b != b'[') {
                    let end = name_end(path, i);
                    let name = &path[i..end];
                    out.push_str(&if is_shorthand(name) {
                        name.to_string()
                    } else {
                        quoted(name)
                    });
                    i = end;
                }
            }
            b'.' if bytes.get(i + 1) == Some(&b'[') => i += 1,
            b'.' if bytes.get(i + 1) == Some(&b'*') => {
                out.push_str(".*");
                definite = false;
                i += 2;
            }
            b'.' => {
                let end = name_end(path, i + 1);
                let name = &path[i + 1..end];
                if name.is_empty() {
                    return Err(syntax(format!(
                        "`{path}` has an empty name at position {}",
                        i + 2
                    )));
                }
                if is_shorthand(name) {
                    out.push('.');
                    out.push_str(name);
                } else {
                    out.push_str(&quoted(name));
                }
                i = end;
            }
            b'[' => {
                let end = closing_bracket(path, i)?;
                let inner = path[i + 1..end - 1].trim();
                if let Some(filter) = inner.strip_prefix('?') {
                    out.push_str(&format!("[?{}]", rewrite_filter(filter)?));
                    definite = false;
                } else {
                    let several = !top_level_positions(inner, ',').is_empty()
                        || !top_level_positions(inner, ':').is_empty();
                    if inner == "*" || several {
                        definite = false;
                    }
                    out.push_str(&format!("[{inner}]"));
                }
                i = end;
            }
            _ => {
                let c = path[i..].chars().next().unwrap_or('?');
                return Err(syntax(format!(
                    "`{path}` has an illegal character '{c}' at position {}: expected '.' or '['",
                    i + 1
                )));
            }
        }
    }
    Ok((out, definite))
}

/// Where a dot-notation name starting at `start` ends: at the next '.', '[' or the end (Jayway).
fn name_end(path: &str, start: usize) -> usize {
    path[start..]
        .find(['.', '['])
        .map_or(path.len(), |k| start + k)
}
