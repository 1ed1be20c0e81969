//! Who may do what with data actions: each route's permissions, any one of which is enough
//! (platform-client-sdk-python build/docs/IntegrationsApi.md: "Requires ANY permissions" on
//! every `/api/v2/integrations/actions*` operation), and the 403 bodies when the caller holds
//! none.

use axum::http::StatusCode;

use crate::caller::{permission_matches, Caller};
use crate::error_body::ApiError;
use crate::org::Org;
use crate::store::Shared;

/// `POST /actions`, `POST /actions/drafts`.
pub const ADD: &[&str] = &["integrations:action:add"];
/// Reads: listings, categories, one action or draft, its templates and schemas.
pub const VIEW: &[&str] = &["integrations:action:view", "bridge:actions:view"];
/// Patches, draft from published, validation, publish.
pub const EDIT: &[&str] = &["integrations:action:edit"];
/// `POST …/draft/test`: no bridge alternative.
pub const EXECUTE_DRAFT: &[&str] = &["integrations:action:execute"];
/// `POST …/test` and `POST …/execute` of a published action.
pub const EXECUTE: &[&str] = &["integrations:action:execute", "bridge:actions:execute"];
/// `DELETE …/{id}` and `DELETE …/{id}/draft`.
pub const DELETE: &[&str] = &["integrations:action:delete"];

/// 403 unless the caller holds one of `wanted`: `missing.permissions` naming the one permission
/// a route takes, `missing.any.permissions` listing them when there are several (the
/// `x-inin-error-codes` messages of platform-client-sdk-javascript swagger.json).
pub fn require(caller: &Caller, org: &Org, now: i64, wanted: &[&str]) -> Result<(), ApiError> {
    if let [only] = wanted {
        return caller.require(org, now, only);
    }
    let held = caller.permissions(org, now);
    if wanted
        .iter()
        .any(|w| held.iter().any(|h| permission_matches(h, w)))
    {
        return Ok(());
    }
    Err(ApiError::new(
        StatusCode::FORBIDDEN,
        "missing.any.permissions",
        format!(
            "Unable to perform the requested action. You must have at least one of the following permissions assigned: {}",
            wanted.join(", ")
        ),
    ))
}

impl Shared {
    /// Read the org as `caller`, who must hold one of `wanted`; `f` also gets Sandbox "now".
    pub fn read_as_any<T>(
        &self,
        caller: &Caller,
        wanted: &[&str],
        f: impl FnOnce(&Org, i64) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let now = self.now_ms();
        self.read(|org| {
            require(caller, org, now, wanted)?;
            f(org, now)
        })
    }

    /// Change the actions as `caller`, who must hold one of `wanted`. The actions of deleted
    /// integrations are dropped first, so no change ever meets one.
    pub fn mutate_actions<T>(
        &self,
        caller: &Caller,
        wanted: &[&str],
        f: impl FnOnce(&mut Org, i64) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let now = self.now_ms();
        self.mutate(|org| {
            require(caller, org, now, wanted)?;
            org.drop_orphan_actions();
            f(org, now)
        })
    }
}
