//! Lints for the usual data-action mistakes, on an action in the admin UI's JSON shape
//! (`config.request`, `config.response`, `contract.input.inputSchema`,
//! `contract.output.successSchema`): each finding names its rule, its level, the field it is
//! about and, where one exists, the fix. An error is what the org's test would fail on; a
//! warning is what works but is fragile (public actions in the wild do several of these).

mod fix;
mod rules;

pub use fix::apply;

use serde_json::Value;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// What a one-click fix does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Rename variable `from` to `to` in the success template.
    RenameInTemplate { from: String, to: String },
    /// Wrap the reference at `reference` (its source text) in `$esc.url(...)`.
    EscapeUrl { reference: String },
    /// Wrap the reference in `$esc.jsonString(...)`.
    EscapeJson { reference: String },
    /// Write the formal `${x}` as quiet `$!{x}`.
    Quiet { reference: String },
    /// Add `pageSize=100` to the URL's query.
    PageSize,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable rule name, e.g. `undefined-variable`.
    pub rule: &'static str,
    pub level: Level,
    /// The field it is about: `successTemplate`, `requestUrlTemplate`, `translationMap.<key>`…
    pub field: String,
    /// The name the finding is about (a variable, an input, a key).
    pub subject: String,
    /// In English, for the command line (the app words findings itself, by rule).
    pub message: String,
    pub fix: Option<Fix>,
}

/// Every finding for `action`, errors first.
pub fn lint_action(action: &Value) -> Vec<Finding> {
    let mut out = rules::all(action);
    out.sort_by_key(|f| std::cmp::Reverse(f.level));
    out
}

#[cfg(test)]
mod tests;
