//! The command line (`action-engine lint FILE…`) run as a team's CI would: a JSON export with
//! the workshop's typo fails with one error line naming the file, the action and the rule; a
//! Terraform file is read with its `$${` turned back into `${`, and a reserved input name in it
//! is a contract error; a clean file exits 0; an unreadable one exits 2; and every public action
//! in the shared data folder (read at test time) passes with no error.

use std::path::PathBuf;
use std::process::Command;

mod common;

use common::action_files;

fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("action-engine-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("written");
    path
}

/// (exit code, stdout lines).
fn lint(files: &[&PathBuf]) -> (i32, Vec<String>) {
    let out = Command::new(env!("CARGO_BIN_EXE_action-engine"))
        .arg("lint")
        .args(files)
        .output()
        .expect("the command runs");
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    (out.status.code().expect("an exit code"), lines)
}

fn workshop(success_template: &str) -> String {
    serde_json::json!({
        "name": "Get queue presences",
        "config": {
            "request": { "requestUrlTemplate": "/api/v2/routing/queues/${input.QueueID}/members?expand=presence&pageSize=100", "requestType": "GET", "headers": {}, "requestTemplate": "${input.rawRequest}" },
            "response": { "translationMap": { "Presence": "$.entities[*].user.presence.presenceDefinition.systemPresence" }, "translationMapDefaults": { "Presence": "[]" }, "successTemplate": success_template }
        },
        "contract": {
            "input": { "inputSchema": { "type": "object", "required": ["QueueID"], "properties": { "QueueID": { "type": "string" } } } },
            "output": { "successSchema": { "type": "object", "properties": { "Presences": { "type": "array", "items": { "type": "string" } } } } }
        }
    })
    .to_string()
}

#[test]
fn the_workshop_typo_is_one_error_line_and_exit_1() {
    let broken = scratch("broken.json", &workshop("{\"Presences\": $Presences}"));
    let fine = scratch("fine.json", &workshop("{\"Presences\": $Presence}"));
    let (code, lines) = lint(&[&broken, &fine]);
    assert_eq!(code, 1, "{lines:?}");
    let errors: Vec<&String> = lines.iter().filter(|l| l.contains(": error ")).collect();
    assert_eq!(errors.len(), 1, "{lines:?}");
    assert!(
        errors[0].starts_with(&format!(
            "{}: Get queue presences: error undefined-variable successTemplate: ",
            broken.display()
        )),
        "{}",
        errors[0]
    );
    let (code, lines) = lint(&[&fine]);
    assert_eq!((code, lines), (0, vec![]));
}

const TERRAFORM: &str = r#"
variable "integration_id" {
  type = string
}

resource "genesyscloud_integration_action" "get_queue_presences" {
  name           = "Get queue presences"
  category       = "Data Actions"
  integration_id = var.integration_id
  secure         = false
  contract_input = jsonencode({
    "type" = "object",
    "required" = ["QueueID"],
    "properties" = { "QueueID" = { "type" = "string" }, "ORGID_NAME" = { "type" = "string" } }
  })
  contract_output = "{\"type\": \"object\", \"properties\": {\"Presences\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}}}"

  config_request {
    request_url_template = "/api/v2/routing/queues/$${input.QueueID}/members?pageSize=100"
    request_type         = "GET"
    request_template     = "$${input.rawRequest}"
    headers              = {}
  }

  config_response {
    translation_map          = { "Presence" = "$.entities[*].user.presence.presenceDefinition.systemPresence" }
    translation_map_defaults = { "Presence" = "[]" }
    success_template         = "{\"Presences\": $${Presence}}"
  }
}
"#;

#[test]
fn a_terraform_file_is_read_with_its_templates_unescaped_and_contract_rules_apply() {
    let clean = scratch(
        "clean.tf",
        &TERRAFORM.replace(", \"ORGID_NAME\" = { \"type\" = \"string\" }", ""),
    );
    let (code, lines) = lint(&[&clean]);
    assert_eq!(
        (code, lines.clone()),
        (0, vec![]),
        "the workshop action as Terraform is clean: {lines:?}"
    );
    let reserved = scratch("reserved.tf", &TERRAFORM.replace("ORGID_NAME", "orgId"));
    let (code, lines) = lint(&[&reserved]);
    assert_eq!(code, 1, "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("Get queue presences: error contract-reservedName contract.input.inputSchema.properties.orgId")),
        "{lines:?}"
    );
}

#[test]
fn an_unreadable_file_exits_2_and_no_file_is_usage() {
    let bad = scratch("bad.json", "{ not json");
    assert_eq!(lint(&[&bad]).0, 2);
    let bad_tf = scratch("bad.tf", "resource \"x\" {");
    assert_eq!(lint(&[&bad_tf]).0, 2);
    assert_eq!(lint(&[]).0, 2);
}

#[test]
fn every_public_action_passes_with_no_error() {
    let Some(files) = action_files("run through the command line") else {
        return;
    };
    let refs: Vec<&PathBuf> = files.iter().collect();
    let (code, lines) = lint(&refs);
    let errors: Vec<&String> = lines.iter().filter(|l| l.contains(": error ")).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(code, 0);
    eprintln!(
        "{} public actions: {} warnings, no error",
        files.len(),
        lines.len()
    );
}
