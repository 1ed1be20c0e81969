//! Rewrites a Jayway filter expression (`[?(...)]`) into RFC 9535: `=~ /re/i` becomes `match()`,
//! `in` / `nin` become `||` / `&&` chains or existence tests, and paths inside get the same shim.

use super::jayway::{rewrite_segments, syntax, top_level_positions};
use crate::error::{EngineError, ErrorKind};

#[derive(Debug, Clone)]
enum Tok {
    Text(String),
    Op(&'static str),
    Regex(String, String),
}

/// One token and whether whitespace preceded it in the source (kept so `match(` stays glued).
type Spaced = (bool, Tok);

const OPS: &[&str] = &[
    "==", "!=", "<=", ">=", "=~", "&&", "||", "<", ">", "!", "(", ")", ",",
];
/// Jayway filter operators (json-path/JsonPath README.md, "Filter Operators") with no offline equivalent.
const UNSUPPORTED: &[&str] = &["subsetof", "anyof", "noneof", "size", "empty", "contains"];

fn tokenize(text: &str) -> Result<Vec<Spaced>, EngineError> {
    let mut toks: Vec<Spaced> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let trimmed = rest.trim_start();
        let spaced = trimmed.len() != rest.len();
        i += rest.len() - trimmed.len();
        if trimmed.is_empty() {
            break;
        }
        let after_match = matches!(toks.last(), Some((_, Tok::Op("=~"))));
        if after_match && trimmed.starts_with('/') {
            let body = &trimmed[1..];
            let mut end = None;
            let mut escaped = false;
            for (k, c) in body.char_indices() {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '/' => {
                        end = Some(k);
                        break;
                    }
                    _ => {}
                }
            }
            let end =
                end.ok_or_else(|| syntax(format!("the regex in `{text}` has no closing '/'")))?;
            let flags: String = body[end + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            toks.push((spaced, Tok::Regex(body[..end].to_string(), flags.clone())));
            i += 1 + end + 1 + flags.len();
            continue;
        }
        if let Some(op) = OPS.iter().find(|op| trimmed.starts_with(**op)) {
            toks.push((spaced, Tok::Op(op)));
            i += op.len();
            continue;
        }
        let len = operand_len(trimmed)?;
        toks.push((spaced, Tok::Text(trimmed[..len].to_string())));
        i += len;
    }
    Ok(toks)
}

/// The length of one operand: a quoted string, or a run up to whitespace or an operator,
/// with bracket groups (`[*]`, `['a','b']`, nested filters) taken whole.
fn operand_len(text: &str) -> Result<usize, EngineError> {
    let first = text.chars().next().unwrap_or(' ');
    if first == '\'' || first == '"' {
        let mut escaped = false;
        for (k, c) in text.char_indices().skip(1) {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                _ if c == first => return Ok(k + 1),
                _ => {}
            }
        }
        return Err(syntax(format!("the string {text} is never closed")));
    }
    let mut depth = 0i32;
    let mut quote = None;
    for (k, c) in text.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' if depth > 0 => quote = Some(c),
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth > 0 => {}
            c if c.is_whitespace() || "()=!<>&|,".contains(c) => {
                return Ok(if k == 0 { c.len_utf8() } else { k })
            }
            _ => {}
        }
    }
    Ok(text.len())
}

fn operand(text: &str) -> Result<String, EngineError> {
    if text.starts_with('@') || text.starts_with('$') {
        Ok(rewrite_segments(text)?.0)
    } else {
        Ok(text.to_string())
    }
}

fn unsupported(op: &str) -> EngineError {
    EngineError::new(
        ErrorKind::PathUnsupported,
        format!("the JSONPath filter operator `{op}` is not reproduced offline: verify on the org"),
    )
}

/// `A =~ /re/flags` as `match(A, 're')`; Jayway matches the whole value, as RFC `match()` does.
fn regex_match(left: &str, pattern: &str, flags: &str) -> Result<String, EngineError> {
    if let Some(bad) = flags.chars().find(|f| !"imsx".contains(*f)) {
        return Err(unsupported(&format!("=~ /…/{bad}")));
    }
    let inline = if flags.is_empty() {
        String::new()
    } else {
        format!("(?{flags})")
    };
    let escaped = format!("{inline}{pattern}")
        .replace('\\', "\\\\")
        .replace('\'', "\\'");
    Ok(format!("match({left}, '{escaped}')"))
}

/// `A in [x, y]` as `(A == x || A == y)`; `'x' in @.list[*].field` as `@.list[?@.field == 'x']`.
fn membership(left: &str, right: &str, negated: bool) -> Result<String, EngineError> {
    if let Some(list) = right.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        let mut items = Vec::new();
        let mut start = 0;
        for cut in top_level_positions(list, ',')
            .into_iter()
            .chain([list.len()])
        {
            let item = list[start..cut].trim();
            if !item.is_empty() {
                items.push(item.to_string());
            }
            start = cut + 1;
        }
        let (cmp, join, empty) = if negated {
            ("!=", " && ", "1 == 1")
        } else {
            ("==", " || ", "1 == 2")
        };
        if items.is_empty() {
            return Ok(empty.to_string());
        }
        let parts: Vec<String> = items
            .iter()
            .map(|it| format!("{left} {cmp} {it}"))
            .collect();
        return Ok(format!("({})", parts.join(join)));
    }
    if left.starts_with('@') || left.starts_with('$') {
        return Err(unsupported(if negated {
            "nin (a path on both sides)"
        } else {
            "in (a path on both sides)"
        }));
    }
    let test = match right.rfind("[*]") {
        Some(star) => format!("{}[?@{} == {left}]", &right[..star], &right[star + 3..]),
        None => format!("{right}[?@ == {left}]"),
    };
    Ok(if negated { format!("!{test}") } else { test })
}

/// Rewrites the text after `?` in a filter selector.
pub(crate) fn rewrite_filter(text: &str) -> Result<String, EngineError> {
    let toks = tokenize(text)?;
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let (spaced, tok) = &toks[k];
        match tok {
            Tok::Text(word)
                if matches!(word.as_str(), "in" | "nin")
                    || UNSUPPORTED.contains(&word.as_str()) =>
            {
                if UNSUPPORTED.contains(&word.as_str()) {
                    return Err(unsupported(word));
                }
                let (lspace, left) = out
                    .pop()
                    .ok_or_else(|| syntax(format!("`{word}` needs a left operand")))?;
                let right = match toks.get(k + 1) {
                    Some((_, Tok::Text(r))) => operand(r)?,
                    _ => {
                        return Err(syntax(format!(
                            "`{word}` needs a right operand in `{text}`"
                        )))
                    }
                };
                out.push((lspace, membership(&left, &right, word == "nin")?));
                k += 2;
            }
            Tok::Op("=~") => {
                let (lspace, left) = out
                    .pop()
                    .ok_or_else(|| syntax("`=~` needs a left operand"))?;
                let Some((_, Tok::Regex(pattern, flags))) = toks.get(k + 1) else {
                    return Err(syntax(format!(
                        "`=~` must be followed by /regex/ in `{text}`"
                    )));
                };
                out.push((lspace, regex_match(&left, pattern, flags)?));
                k += 2;
            }
            Tok::Text(word) => {
                out.push((*spaced, operand(word)?));
                k += 1;
            }
            Tok::Op(op) => {
                out.push((*spaced, (*op).to_string()));
                k += 1;
            }
            Tok::Regex(..) => return Err(syntax(format!("a /regex/ outside `=~` in `{text}`"))),
        }
    }
    Ok(out
        .iter()
        .map(|(s, t)| if *s { format!(" {t}") } else { t.clone() })
        .collect::<String>()
        .trim()
        .to_string())
}
