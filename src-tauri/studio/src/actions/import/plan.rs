//! What an import would make, worked out before any change: each file's actions parsed from
//! the admin UI's export shape, the rules Genesys would refuse each for (checked here, as for
//! the editor's form), names the integration already holds or the batch holds twice, and the
//! limits of one import. Pure: the caller brings the integration and its action names.

use std::collections::BTreeSet;

use genesys::action_rules::check_new_action;
use genesys::models::{parse_exported_actions, ExportShapeError, NewAction};

use crate::wire::action_import::{
    ActionFile, ImportPlan, ImportPlanItem, ImportProblem, ImportProblemCode,
};

/// The largest file one import reads (the biggest public action is under 20 KB; a list of a
/// thousand of them fits).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The most actions one import makes: each costs two requests of the org's per-minute budget,
/// so a thousand already take several minutes.
pub const MAX_ENTRIES: usize = 1000;

/// The integration a batch goes to, and the names its actions (draft or published) hold.
pub struct Target<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub taken: &'a BTreeSet<String>,
}

fn problem(code: ImportProblemCode, detail: Option<String>) -> ImportProblem {
    ImportProblem {
        code,
        detail,
        warning: code == ImportProblemCode::OtherIntegrationType,
    }
}

fn unreadable(file: &ActionFile, index: u32, problem: ImportProblem) -> ImportPlanItem {
    ImportPlanItem {
        file_name: file.file_name.clone(),
        index,
        name: String::new(),
        category: String::new(),
        ready: false,
        problems: vec![problem],
    }
}

/// The plan for `files` into `target`, and the drafts of its ready entries, in order.
pub fn plan(files: &[ActionFile], target: &Target) -> (ImportPlan, Vec<NewAction>) {
    let (mut items, mut ready) = (Vec::new(), Vec::new());
    let mut seen = BTreeSet::new();
    let mut count = 0usize;
    for file in files {
        if file.text.len() > MAX_FILE_BYTES {
            let limit = Some(MAX_FILE_BYTES.to_string());
            items.push(unreadable(
                file,
                0,
                problem(ImportProblemCode::FileTooLarge, limit),
            ));
            continue;
        }
        let entries = match parse_exported_actions(&file.text) {
            Ok(entries) => entries,
            Err(ExportShapeError::NotJson(why) | ExportShapeError::NotAnAction(why)) => {
                let p = problem(ImportProblemCode::NotJson, Some(why));
                items.push(unreadable(file, 0, p));
                continue;
            }
        };
        for (index, entry) in entries.into_iter().enumerate() {
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            let exported = match entry {
                Ok(exported) => exported,
                Err(ExportShapeError::NotAnAction(why) | ExportShapeError::NotJson(why)) => {
                    let p = problem(ImportProblemCode::NotAnAction, Some(why));
                    items.push(unreadable(file, index, p));
                    continue;
                }
            };
            let mut problems = Vec::new();
            if exported.is_special_action_type() {
                problems.push(problem(
                    ImportProblemCode::AuthAction,
                    exported.action_type.clone(),
                ));
            }
            if exported.from_other_integration_type() {
                problems.push(problem(
                    ImportProblemCode::OtherIntegrationType,
                    exported.integration_type.clone(),
                ));
            }
            let new = exported.into_new_action(target.id, target.name);
            problems.extend(
                check_new_action(&new)
                    .iter()
                    .map(|p| problem(ImportProblemCode::Rule, Some(p.to_string()))),
            );
            let name = new.name.trim().to_owned();
            if target.taken.contains(&name) {
                problems.push(problem(ImportProblemCode::NameTaken, None));
            } else if !name.is_empty() && !seen.insert(name.clone()) {
                problems.push(problem(ImportProblemCode::NameTwice, None));
            }
            let blocked = problems.iter().any(|p| !p.warning);
            if !blocked && count >= MAX_ENTRIES {
                problems.push(problem(
                    ImportProblemCode::TooMany,
                    Some(MAX_ENTRIES.to_string()),
                ));
            }
            let is_ready = problems.iter().all(|p| p.warning);
            items.push(ImportPlanItem {
                file_name: file.file_name.clone(),
                index,
                name: new.name.clone(),
                category: new.category.clone(),
                ready: is_ready,
                problems,
            });
            if is_ready {
                count += 1;
                ready.push(new);
            }
        }
    }
    let plan = ImportPlan {
        integration_id: target.id.to_owned(),
        integration_name: target.name.to_owned(),
        ready: u32::try_from(ready.len()).unwrap_or(u32::MAX),
        items,
    };
    (plan, ready)
}
