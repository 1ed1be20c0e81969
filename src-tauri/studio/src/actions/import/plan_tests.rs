//! The import plan: each reason an entry is left out (or only warned about), the category a
//! bare export takes, the limits, and every public action's export read and planned without a
//! blocker other than the ones it really has (read from the shared data folder at test time).

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::plan::{plan, Target, MAX_ENTRIES, MAX_FILE_BYTES};
use crate::wire::action_import::{ActionFile, ImportProblemCode};

pub(crate) fn exported(name: &str) -> Value {
    json!({
        "name": name, "integrationType": "purecloud-data-actions", "actionType": "custom",
        "config": {
            "request": {"requestUrlTemplate": "/api/v2/routing/queues/${input.QueueID}/members?pageSize=100",
                        "requestType": "GET", "headers": {}, "requestTemplate": "${input.rawRequest}"},
            "response": {"translationMap": {"ids": "$.entities[*].id"},
                         "translationMapDefaults": {"ids": "[]"},
                         "successTemplate": "{\"ids\": ${ids}}"}
        },
        "contract": {
            "input": {"inputSchema": {"type": "object", "required": ["QueueID"],
                                      "properties": {"QueueID": {"type": "string"}}}},
            "output": {"successSchema": {"type": "object", "properties": {
                "ids": {"type": "array", "items": {"type": "string"}}}}}
        },
        "secure": false
    })
}

fn file(name: &str, value: &Value) -> ActionFile {
    ActionFile {
        file_name: name.into(),
        text: value.to_string(),
    }
}

fn codes(item: &crate::wire::action_import::ImportPlanItem) -> Vec<ImportProblemCode> {
    item.problems.iter().map(|p| p.code).collect()
}

#[test]
fn each_reason_to_leave_an_entry_out_is_named_and_the_rest_are_ready() {
    let taken = BTreeSet::from(["Already here".to_owned()]);
    let target = Target {
        id: "i-1",
        name: "Workshop Data Actions",
        taken: &taken,
    };
    let mut reserved = exported("Reserved input");
    reserved["contract"]["input"]["inputSchema"]["properties"] =
        json!({"orgId": {"type": "string"}});
    let mut auth = exported("Login");
    auth["actionType"] = json!("customAuth");
    let mut web = exported("From web services");
    web["integrationType"] = json!("custom-rest-actions");
    let files = [
        file("one.json", &exported("Ready one")),
        file(
            "list.json",
            &json!([exported("Ready two"), {"name": "half"}, exported("Ready two"), reserved, auth, web]),
        ),
        file("taken.json", &exported("Already here")),
        ActionFile {
            file_name: "broken.json".into(),
            text: "{\"name\": \"cut".into(),
        },
    ];
    let (p, ready) = plan(&files, &target);
    let by_name: Vec<(&str, bool, Vec<ImportProblemCode>)> = p
        .items
        .iter()
        .map(|i| (i.name.as_str(), i.ready, codes(i)))
        .collect();
    use ImportProblemCode::*;
    assert_eq!(
        by_name,
        vec![
            ("Ready one", true, vec![]),
            ("Ready two", true, vec![]),
            ("", false, vec![NotAnAction]),
            ("Ready two", false, vec![NameTwice]),
            ("Reserved input", false, vec![Rule]),
            ("Login", false, vec![AuthAction]),
            ("From web services", true, vec![OtherIntegrationType]),
            ("Already here", false, vec![NameTaken]),
            ("", false, vec![NotJson]),
        ]
    );
    assert_eq!(p.ready, 3);
    let names: Vec<&str> = ready.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Ready one", "Ready two", "From web services"]);
    assert!(ready
        .iter()
        .all(|a| a.integration_id == "i-1" && a.category == "Workshop Data Actions"));
    let rule = &p.items[4].problems[0];
    assert!(
        rule.detail.as_deref().is_some_and(|d| d.contains("orgId")),
        "{rule:?}"
    );
    assert!(p.items[6].problems[0].warning && !p.items[5].problems[0].warning);
}

#[test]
fn a_file_too_large_and_entries_past_the_limit_are_refused() {
    let taken = BTreeSet::new();
    let target = Target {
        id: "i-1",
        name: "Batch",
        taken: &taken,
    };
    let big = ActionFile {
        file_name: "big.json".into(),
        text: " ".repeat(MAX_FILE_BYTES + 1),
    };
    let many: Vec<Value> = (0..=MAX_ENTRIES)
        .map(|n| exported(&format!("Action {n:04}")))
        .collect();
    let (p, ready) = plan(&[big, file("many.json", &Value::Array(many))], &target);
    assert_eq!(codes(&p.items[0]), [ImportProblemCode::FileTooLarge]);
    assert_eq!(ready.len(), MAX_ENTRIES);
    let last = p.items.last().expect("the extra entry");
    assert_eq!(
        (last.ready, codes(last)),
        (false, vec![ImportProblemCode::TooMany])
    );
}

/// The public actions' JSON files, sorted; `None` (said loudly, naming `what` was not done) on
/// a clean clone without the shared data folder.
pub(crate) fn public_actions(what: &str) -> Option<Vec<std::path::PathBuf>> {
    let here = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Some(folder) = here
        .ancestors()
        .map(|a| a.join("shared/data/public-data-actions"))
        .find(|p| p.is_dir())
    else {
        eprintln!("\n!!! SKIPPED: shared/data/public-data-actions is not next to this checkout; no public action was {what} !!!\n");
        return None;
    };
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .expect("readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Some(files)
}

/// Every public export is read as an action; what keeps one out is a rule Genesys itself
/// enforces (or its being an authentication action), never a failure to read it.
#[test]
fn every_public_export_is_read_and_only_real_rule_breaks_keep_one_out() {
    let Some(paths) = public_actions("planned") else {
        return;
    };
    let taken = BTreeSet::new();
    let target = Target {
        id: "i-1",
        name: "Imported",
        taken: &taken,
    };
    let files: Vec<ActionFile> = paths
        .iter()
        .map(|p| ActionFile {
            file_name: p.file_name().unwrap_or_default().to_string_lossy().into(),
            text: std::fs::read_to_string(p).expect("readable"),
        })
        .collect();
    let (p, _) = plan(&files, &target);
    let unread: Vec<_> = p
        .items
        .iter()
        .filter(|i| {
            i.problems.iter().any(|x| {
                matches!(
                    x.code,
                    ImportProblemCode::NotJson | ImportProblemCode::NotAnAction
                )
            })
        })
        .map(|i| (&i.file_name, &i.problems))
        .collect();
    assert!(unread.is_empty(), "read as no action: {unread:?}");
    let ready = p.items.iter().filter(|i| i.ready).count();
    assert!(
        ready * 10 >= p.items.len() * 8,
        "most public actions import as they are: {ready} of {}",
        p.items.len()
    );
}
