//! The role pre-selected for the new client: among the roles the user holds, the one with the
//! fewest permissions that still grants what the workshop's first data action needs (reading a
//! queue's members, `routing:queue:view`). What a role grants is read from its
//! `permissionPolicies`; its `permissions` array holds legacy names and is not read.

use crate::models::{DomainOrganizationRole, RoleDivision, ALL_DIVISIONS};

/// The permission the workshop's first data action needs.
pub const WORKSHOP_PERMISSION: &str = "routing:queue:view";

/// Whether a granted permission covers `required`: `*` alone covers everything; otherwise the
/// same number of `domain:entity:action` segments, each equal or `*` (the form DomainOrganizationRole
/// permissions take: `routing:*:*`, `routing:queue:*`). A shorter pattern such as `routing:*`
/// is not documented as covering three segments and is not taken to.
pub fn permission_covers(granted: &str, required: &str) -> bool {
    let granted = granted.trim();
    if granted == "*" {
        return true;
    }
    let (g, r): (Vec<&str>, Vec<&str>) =
        (granted.split(':').collect(), required.split(':').collect());
    g.len() == r.len() && g.iter().zip(&r).all(|(g, r)| *g == "*" || g == r)
}

/// Whether `role` grants `permission`, by its policies.
pub fn role_grants(role: &DomainOrganizationRole, permission: &str) -> bool {
    role.granted()
        .iter()
        .any(|p| permission_covers(p, permission))
}

/// The pair to pre-select: among the roles in `held` (the user's grants, `subjects/me`), the
/// role of `roles` granting `permission` with the fewest granted permissions (ties: by name,
/// then id),
/// in the division it is held in (`*` if held in every division, else the first listed).
/// `None` when no held role grants it.
pub fn suggest_role(
    roles: &[DomainOrganizationRole],
    held: &[RoleDivision],
    permission: &str,
) -> Option<RoleDivision> {
    let best = roles
        .iter()
        .filter(|r| held.iter().any(|h| h.role_id == r.id))
        .filter(|r| role_grants(r, permission))
        .min_by_key(|r| (r.granted().len(), &r.name, &r.id))?;
    let divisions: Vec<&str> = held
        .iter()
        .filter(|h| h.role_id == best.id)
        .map(|h| h.division_id.as_str())
        .collect();
    let division = divisions
        .iter()
        .find(|d| **d == ALL_DIVISIONS)
        .or(divisions.first())?;
    Some(RoleDivision {
        role_id: best.id.clone(),
        division_id: (*division).to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::DomainPermissionPolicy;

    /// A role granting `permissions` through its policies, with legacy names only in
    /// `permissions` (as a real org answers).
    fn role(id: &str, name: &str, permissions: &[&str]) -> DomainOrganizationRole {
        DomainOrganizationRole {
            id: id.into(),
            name: name.into(),
            description: None,
            permissions: vec![format!("{id}_legacy")],
            permission_policies: permissions
                .iter()
                .map(|p| {
                    let mut parts = p.split(':');
                    let mut next = || parts.next().unwrap_or("*").to_owned();
                    DomainPermissionPolicy {
                        domain: next(),
                        entity_name: next(),
                        action_set: vec![next()],
                    }
                })
                .collect(),
            default: false,
            user_count: None,
        }
    }

    fn rd(role: &str, division: &str) -> RoleDivision {
        RoleDivision {
            role_id: role.into(),
            division_id: division.into(),
        }
    }

    #[test]
    fn wildcards_cover_by_segment() {
        assert!(permission_covers("*", WORKSHOP_PERMISSION));
        assert!(permission_covers("routing:*:*", WORKSHOP_PERMISSION));
        assert!(permission_covers("routing:queue:*", WORKSHOP_PERMISSION));
        assert!(permission_covers(
            " routing:queue:view",
            WORKSHOP_PERMISSION
        ));
        assert!(!permission_covers("routing:*", WORKSHOP_PERMISSION));
        assert!(!permission_covers(
            "routing:queue:edit",
            WORKSHOP_PERMISSION
        ));
        assert!(!permission_covers(
            "routing:queue:view:x",
            WORKSHOP_PERMISSION
        ));
    }

    #[test]
    fn the_smallest_held_role_granting_the_permission_wins() {
        let roles = [
            role(
                "admin",
                "Admin",
                &["routing:*:*", "oauth:*:*", "integrations:*:*"],
            ),
            role("master", "Master Admin", &["*:*:*"]),
            role("viewer", "Queue Viewer", &["routing:queue:view"]),
            role(
                "agent",
                "Agent",
                &["routing:queue:join", "routing:queue:view"],
            ),
            role("user", "User", &["directory:user:view"]),
        ];
        let held = [rd("admin", "*"), rd("agent", "home"), rd("user", "*")];
        assert_eq!(
            suggest_role(&roles, &held, WORKSHOP_PERMISSION),
            Some(rd("agent", "home")),
            "Queue Viewer is smaller but not held"
        );
        let held = [rd("viewer", "claims"), rd("viewer", "*"), rd("admin", "*")];
        assert_eq!(
            suggest_role(&roles, &held, WORKSHOP_PERMISSION),
            Some(rd("viewer", "*"))
        );
        assert_eq!(
            suggest_role(&roles, &[rd("user", "*")], WORKSHOP_PERMISSION),
            None
        );
        assert_eq!(
            suggest_role(&roles, &[rd("master", "home")], WORKSHOP_PERMISSION),
            Some(rd("master", "home")),
            "`*` in every segment grants everything"
        );
    }

    #[test]
    fn policies_decide_and_legacy_names_do_not() {
        // Policies only, legacy names that look like nothing the workshop needs.
        let mut viewer = role("viewer", "Queue Viewer", &[]);
        viewer.permission_policies = vec![DomainPermissionPolicy {
            domain: "routing".into(),
            entity_name: "queue".into(),
            action_set: vec!["join".into(), "view".into()],
        }];
        let mut legacy = role("legacy", "Legacy", &[]);
        legacy.permissions = vec![WORKSHOP_PERMISSION.into()];
        let mut wide = role("wide", "Wide", &[]);
        wide.permission_policies = vec![DomainPermissionPolicy {
            domain: "routing".into(),
            entity_name: "*".into(),
            action_set: vec!["*".into()],
        }];
        let held = [rd("viewer", "home"), rd("legacy", "*"), rd("wide", "*")];
        assert_eq!(
            suggest_role(
                &[viewer.clone(), legacy.clone()],
                &held,
                WORKSHOP_PERMISSION
            ),
            Some(rd("viewer", "home"))
        );
        assert_eq!(
            suggest_role(&[legacy.clone()], &held, WORKSHOP_PERMISSION),
            None,
            "a legacy name is not a grant"
        );
        assert!(role_grants(&wide, WORKSHOP_PERMISSION));
        assert_eq!(
            viewer.granted(),
            ["routing:queue:join", "routing:queue:view"]
        );
    }
}
