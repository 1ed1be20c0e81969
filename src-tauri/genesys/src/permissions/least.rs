//! Permissions as `domain:entity:action`, where a granted segment may be `*` and `*` alone is
//! every permission: how weak an action is, the weakest grant that satisfies a requirement,
//! whether grants cover it, and the role policies that grant a set.
//!
//! No Genesys source ranks actions; the order here reads the action's name: looking (`view`,
//! `readonly`, `search`) is weaker than running something, which is weaker than making,
//! changing, managing and deleting, and `*` is everything.

use super::catalog::{Need, NeedKind};
use crate::models::DomainPermissionPolicy;

/// How much `permission`'s action can do (0 looks only; higher changes more).
pub fn weakness(permission: &str) -> u8 {
    let action = permission.rsplit(':').next().unwrap_or("").trim();
    let lower = action.to_ascii_lowercase();
    match lower.as_str() {
        "view" | "readonly" | "read" | "search" | "viewall" | "list" => 0,
        "execute" | "join" | "monitor" | "download" | "export" => 2,
        "add" | "create" | "upload" | "import" => 3,
        "edit" | "update" | "assign" | "publish" => 4,
        "manage" | "admin" | "administer" => 5,
        "delete" | "remove" | "purge" => 6,
        "*" => 7,
        _ if lower.starts_with("view") || lower.ends_with("view") => 1,
        _ => 2,
    }
}

/// Whether `permission` can change or remove things (an action beyond running).
pub fn risky(permission: &str) -> bool {
    permission.trim() == "*" || weakness(permission) >= 3
}

/// The weakest grant that satisfies `need`: for ANY its weakest permission (the first listed
/// among equals), for ALL every one, for none nothing.
pub fn least_of(need: &Need) -> Vec<String> {
    match need.kind {
        NeedKind::None => Vec::new(),
        NeedKind::All => need.permissions.clone(),
        NeedKind::Any => need
            .permissions
            .iter()
            .enumerate()
            .min_by_key(|(at, p)| (weakness(p), *at))
            .map(|(_, p)| vec![p.clone()])
            .unwrap_or_default(),
    }
}

/// Whether `granted` (segments may be `*`) covers `required`: the guided setup's own rule.
pub use crate::setup::permission_covers as covers;

/// Whether the grants satisfy `need`.
pub fn grants_any(granted: &[String], need: &Need) -> bool {
    let held = |p: &String| granted.iter().any(|g| covers(g, p));
    match need.kind {
        NeedKind::None => true,
        NeedKind::Any => need.permissions.iter().any(held),
        NeedKind::All => need.permissions.iter().all(held),
    }
}

/// The role policies that grant exactly `permissions`: one per (domain, entity), its actions in
/// the order first seen (`POST /api/v2/authorization/roles` takes `permissionPolicies` of
/// `{domain, entityName, actionSet}`: terraform-provider-genesyscloud
/// genesyscloud/auth_role/resource_genesyscloud_auth_role_utils.go builds them that way).
pub fn policies_for(permissions: &[String]) -> Vec<DomainPermissionPolicy> {
    let mut out: Vec<DomainPermissionPolicy> = Vec::new();
    for p in permissions {
        let mut parts = p.trim().splitn(3, ':');
        let (Some(domain), Some(entity), Some(action)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        match out
            .iter_mut()
            .find(|x| x.domain == domain && x.entity_name == entity)
        {
            Some(x) if x.action_set.iter().any(|a| a == action) => {}
            Some(x) => x.action_set.push(action.to_owned()),
            None => out.push(DomainPermissionPolicy {
                domain: domain.to_owned(),
                entity_name: entity.to_owned(),
                action_set: vec![action.to_owned()],
            }),
        }
    }
    out
}
