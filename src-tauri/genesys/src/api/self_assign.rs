//! "Assign this role to me": add a role to the signed-in user's roles, wait the time Genesys's
//! grant caches need before anything reads the grant, then read `subjects/me` until it shows
//! the role. Progress is reported as it goes, so a screen can count the wait down.

use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use crate::auth::Session;
use crate::error::{Error, Result};
use crate::models::AuthzSubject;

/// How long nothing reads a grant after `PUT /users/{id}/roles`. Terraform sleeps 10 s after
/// the same write and says a read made sooner can cache stale grants, so it does not poll
/// (terraform-provider-genesyscloud genesyscloud/oauth_client/resource_genesyscloud_oauth_client.go,
/// `updateTerraformUserWithRole`).
pub const SELF_ASSIGN_SETTLE: Duration = Duration::from_secs(10);
/// How long `subjects/me` is then polled for the grant before giving up.
pub const GRANT_WAIT: Duration = Duration::from_secs(30);

/// The two waits of [`assign_role_to_me`]; tests shorten them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssignWaits {
    /// No read before this much time has passed since the `PUT`.
    pub settle: Duration,
    /// Then `subjects/me` is read until it shows the role, for at most this long.
    pub confirm: Duration,
}

impl Default for AssignWaits {
    fn default() -> Self {
        AssignWaits {
            settle: SELF_ASSIGN_SETTLE,
            confirm: GRANT_WAIT,
        }
    }
}

/// Where [`assign_role_to_me`] is. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "phase")]
#[ts(export)]
pub enum AssignProgress {
    /// Reading the user's roles and writing them back with the new one.
    Assigning,
    /// Written; waiting before the first read. Sent about once a second.
    #[serde(rename_all = "camelCase")]
    Settling { remaining_ms: u32, settle_ms: u32 },
    /// Reading `subjects/me` until it shows the role.
    Confirming,
}

fn millis(d: Duration) -> u32 {
    u32::try_from(d.as_millis()).unwrap_or(u32::MAX)
}

/// Gives the signed-in user `role_id` (the user must consent first): reads their roles, `PUT`s
/// them back with this one added, reads nothing for `waits.settle`, then reads `subjects/me`
/// until the grant shows, for at most `waits.confirm`. Returns the subject that holds it (the
/// division it is held in is whatever Genesys chose). A role already listed is not written
/// again and is confirmed at once. A Client Credentials session has no user and is refused.
pub async fn assign_role_to_me(
    session: &Session,
    role_id: &str,
    waits: AssignWaits,
    on_progress: &(dyn Fn(AssignProgress) + Send + Sync),
) -> Result<AuthzSubject> {
    let user_id = session.info().user_id.ok_or_else(|| Error::InvalidInput {
        field: "session",
        reason: "a Client Credentials session has no user to assign a role to".to_owned(),
    })?;
    let (client, token) = (session.client(), session.token());
    on_progress(AssignProgress::Assigning);
    let current = client.user_roles(&user_id, token).await?;
    let mut role_ids: Vec<String> = current.roles.into_iter().map(|r| r.id).collect();
    if !role_ids.iter().any(|id| id == role_id) {
        role_ids.push(role_id.to_owned());
        client.put_user_roles(&user_id, &role_ids, token).await?;
        let settled = tokio::time::Instant::now() + waits.settle;
        loop {
            let left = settled.saturating_duration_since(tokio::time::Instant::now());
            if left.is_zero() {
                break;
            }
            on_progress(AssignProgress::Settling {
                remaining_ms: millis(left),
                settle_ms: millis(waits.settle),
            });
            tokio::time::sleep(left.min(Duration::from_secs(1))).await;
        }
    }
    on_progress(AssignProgress::Confirming);
    let deadline = tokio::time::Instant::now() + waits.confirm;
    let mut pause = Duration::from_millis(250);
    loop {
        let me = client.subject_me(token).await?;
        if me.holds_role(role_id) {
            return Ok(me);
        }
        let now = tokio::time::Instant::now();
        if now >= deadline {
            return Err(Error::Unexpected(format!(
                "the role {role_id} was assigned but Genesys did not report it within {} s; try again shortly",
                (waits.settle + waits.confirm).as_secs()
            )));
        }
        tokio::time::sleep(pause.min(deadline - now)).await;
        pause = (pause * 2).min(Duration::from_secs(2));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_settle_is_at_least_terraforms_ten_seconds() {
        let waits = AssignWaits::default();
        assert!(waits.settle >= Duration::from_secs(10), "{waits:?}");
        assert!(waits.confirm > Duration::ZERO);
    }

    #[test]
    fn progress_is_tagged_by_phase_in_camel_case() {
        let json = serde_json::to_value(AssignProgress::Settling {
            remaining_ms: 9_000,
            settle_ms: 10_000,
        })
        .expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({"phase": "settling", "remainingMs": 9000, "settleMs": 10000})
        );
    }
}
