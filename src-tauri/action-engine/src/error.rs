//! The engine's one error type: a kind a caller can branch on, and a message for people.

use std::fmt;

/// What went wrong, coarse enough for a UI to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A JSONPath expression that neither RFC 9535 nor the Jayway forms Genesys accepts can read.
    PathSyntax,
    /// A Jayway JSONPath feature (operator or function) this engine does not reproduce.
    PathUnsupported,
    /// A Velocity template that cannot be parsed (unclosed `#if`, `${` without `}`, ...).
    TemplateSyntax,
    /// A Velocity template that parses but fails while rendering (a `#foreach` nested too deep, ...).
    TemplateRender,
    /// A translation-map default that is not JSON text.
    DefaultNotJson,
    /// A rendered success template that is not JSON.
    OutputNotJson,
}

impl ErrorKind {
    /// A stable, machine-friendly name (`path_syntax`, `output_not_json`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::PathSyntax => "path_syntax",
            ErrorKind::PathUnsupported => "path_unsupported",
            ErrorKind::TemplateSyntax => "template_syntax",
            ErrorKind::TemplateRender => "template_render",
            ErrorKind::DefaultNotJson => "default_not_json",
            ErrorKind::OutputNotJson => "output_not_json",
        }
    }
}

/// An engine failure. `position` is 1-based (line, column) in the text the error is about, when known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct EngineError {
    pub kind: ErrorKind,
    pub message: String,
    pub position: Option<(usize, usize)>,
}

impl EngineError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        EngineError {
            kind,
            message: message.into(),
            position: None,
        }
    }

    pub fn at(kind: ErrorKind, message: impl Into<String>, line: usize, column: usize) -> Self {
        EngineError {
            kind,
            message: message.into(),
            position: Some((line, column)),
        }
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "{} [line {line}, column {column}]", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The 1-based line and column of byte offset `at` in `text` (columns count characters).
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
