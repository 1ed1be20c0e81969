//! Who is calling: the bearer token resolved to a user or a client-credentials client, the grants
//! that subject holds (after the eventual-consistency delay) and the permission checks.

use std::collections::BTreeSet;

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use crate::error_body::ApiError;
use crate::ids;
use crate::org::{Grant, Org, RoleDivision, UserRecord};
use crate::store::{Ctx, Shared};

/// The subject behind a valid bearer token.
#[derive(Debug, Clone)]
pub struct Caller {
    pub token_sha256: String,
    pub client_id: String,
    /// `None` for a client-credentials token.
    pub user_id: Option<String>,
}

/// The bearer token of a request, if the `Authorization` header carries one.
pub fn bearer_token(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

impl FromRequestParts<Ctx> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, ctx: &Ctx) -> Result<Self, ApiError> {
        let token = bearer_token(parts).ok_or_else(ApiError::authentication_required)?;
        let sha = ids::digest(token);
        let now = ctx.now_ms();
        ctx.read(|org| {
            let record = org.tokens.get(&sha).ok_or_else(ApiError::bad_credentials)?;
            let client_ok = org
                .client(&record.client_id)
                .is_some_and(|c| c.state == "active");
            let user_ok = record
                .user_id
                .as_deref()
                .is_none_or(|id| org.user(id).is_some());
            if record.expires_ms <= now || !client_ok || !user_ok {
                return Err(ApiError::bad_credentials());
            }
            Ok(Caller {
                token_sha256: sha.clone(),
                client_id: record.client_id.clone(),
                user_id: record.user_id.clone(),
            })
        })
    }
}

impl Shared {
    /// Read the org as `caller`, who must hold `permission`; `f` also gets Sandbox "now".
    pub fn read_as<T>(
        &self,
        caller: &Caller,
        permission: &str,
        f: impl FnOnce(&Org, i64) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let now = self.now_ms();
        self.read(|org| {
            caller.require(org, now, permission)?;
            f(org, now)
        })
    }

    /// Change the org as `caller`, who must hold `permission` (see `Shared::mutate`).
    pub fn mutate_as<T>(
        &self,
        caller: &Caller,
        permission: &str,
        f: impl FnOnce(&mut Org, i64) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let now = self.now_ms();
        self.mutate(|org| {
            caller.require(org, now, permission)?;
            f(org, now)
        })
    }
}

impl UserRecord {
    /// The grants permission checks see now: written grants only count once the delay passed.
    pub fn effective_grants(&self, now: i64) -> &[Grant] {
        match &self.pending_grants {
            Some(p) if now >= p.effective_ms => &p.grants,
            _ => &self.grants,
        }
    }

    /// The grants as last written (what `GET /users/{id}/roles` shows).
    pub fn written_grants(&self) -> &[Grant] {
        self.pending_grants
            .as_ref()
            .map_or(&self.grants, |p| &p.grants)
    }
}

impl Caller {
    /// The (role, division) pairs this caller holds now.
    pub fn role_divisions(&self, org: &Org, now: i64) -> Vec<RoleDivision> {
        match &self.user_id {
            Some(id) => org
                .user(id)
                .map(|u| {
                    u.effective_grants(now)
                        .iter()
                        .map(|g| RoleDivision {
                            role_id: g.role_id.clone(),
                            division_id: g.division_id.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            None => org
                .client(&self.client_id)
                .map(|c| c.role_divisions.clone())
                .unwrap_or_default(),
        }
    }

    /// Every permission granted by the caller's roles, sorted and without duplicates.
    pub fn permissions(&self, org: &Org, now: i64) -> Vec<String> {
        permissions_of(org, &self.role_divisions(org, now))
    }

    /// 403 `missing.permissions` naming `permission` unless one of the caller's roles grants it.
    pub fn require(&self, org: &Org, now: i64, permission: &str) -> Result<(), ApiError> {
        let held = self.permissions(org, now);
        if held.iter().any(|p| permission_matches(p, permission)) {
            Ok(())
        } else {
            Err(ApiError::missing_permissions(permission))
        }
    }
}

/// The union of what the roles in `pairs` grant, as `domain:entity:action` strings (from
/// their policies, never their legacy `permissions` names).
pub fn permissions_of(org: &Org, pairs: &[RoleDivision]) -> Vec<String> {
    let set: BTreeSet<String> = pairs
        .iter()
        .filter_map(|rd| org.role(&rd.role_id))
        .flat_map(|r| r.policies.iter().cloned())
        .collect();
    set.into_iter().collect()
}

/// Whether a granted permission (segments may be `*`, or `*` alone) covers `required`.
pub fn permission_matches(granted: &str, required: &str) -> bool {
    if granted == "*" {
        return true;
    }
    let granted: Vec<&str> = granted.split(':').collect();
    let required: Vec<&str> = required.split(':').collect();
    granted.len() == required.len()
        && granted
            .iter()
            .zip(&required)
            .all(|(g, r)| *g == "*" || g == r)
}

/// Whether `held` covers `wanted`: same role, and the same division or a held `*` division.
pub fn covers(held: &[RoleDivision], wanted: &RoleDivision) -> bool {
    held.iter().any(|h| {
        h.role_id == wanted.role_id && (h.division_id == "*" || h.division_id == wanted.division_id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rd(role: &str, division: &str) -> RoleDivision {
        RoleDivision {
            role_id: role.into(),
            division_id: division.into(),
        }
    }

    #[test]
    fn wildcard_segments_match() {
        assert!(permission_matches("oauth:client:*", "oauth:client:add"));
        assert!(permission_matches("*", "integrations:integration:view"));
        assert!(!permission_matches("oauth:client:view", "oauth:client:add"));
        assert!(!permission_matches("oauth:*", "oauth:client:add"));
    }

    #[test]
    fn star_division_covers_every_division_but_not_the_reverse() {
        assert!(covers(&[rd("r", "*")], &rd("r", "home")));
        assert!(covers(&[rd("r", "home")], &rd("r", "home")));
        assert!(!covers(&[rd("r", "home")], &rd("r", "*")));
        assert!(!covers(&[rd("r", "home")], &rd("r", "sales")));
        assert!(!covers(&[rd("other", "*")], &rd("r", "home")));
    }
}
