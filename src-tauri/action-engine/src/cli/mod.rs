//! The command line's readers and checks: a file's actions (admin-UI JSON, one or a list, or a
//! Terraform file's `genesyscloud_integration_action` resources, `terraform.rs`), and each
//! action's findings: the engine's lints, plus Genesys's contract rules from the core, which
//! are errors (the org refuses such a contract).

pub mod terraform;

use action_engine::lint::{lint_action, Level};
use genesys::action_rules::{input_schema_problems, output_schema_problems};
use serde_json::Value;

/// One line of the report.
pub struct Line {
    pub level: Level,
    pub rule: String,
    pub field: String,
    pub message: String,
}

/// The actions `text` holds: a `.tf` file's resources, else JSON (one action or a list).
pub fn actions_of(file_name: &str, text: &str) -> Result<Vec<(String, Value)>, String> {
    if file_name.ends_with(".tf") {
        return terraform::actions(text);
    }
    let parsed: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let list = match parsed {
        Value::Array(list) => list,
        one => vec![one],
    };
    Ok(list
        .into_iter()
        .map(|a| (a["name"].as_str().unwrap_or("(unnamed)").to_owned(), a))
        .collect())
}

/// Every finding for `action`: contract rules first, then the lints, errors before warnings.
pub fn findings(action: &Value) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let schema = |pointer: &str| action.pointer(pointer).cloned().unwrap_or(Value::Null);
    let mut problems = input_schema_problems(&schema("/contract/input/inputSchema"));
    problems.extend(output_schema_problems(&schema(
        "/contract/output/successSchema",
    )));
    for p in problems {
        out.push(Line {
            level: Level::Error,
            rule: format!("contract-{}", p.code.code()),
            field: p.field.clone(),
            message: p.to_string(),
        });
    }
    for f in lint_action(action) {
        out.push(Line {
            level: f.level,
            rule: f.rule.to_owned(),
            field: f.field,
            message: f.message,
        });
    }
    out.sort_by_key(|l| std::cmp::Reverse(l.level));
    out
}
