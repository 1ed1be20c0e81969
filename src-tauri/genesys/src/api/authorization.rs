//! `/api/v2/authorization/...` and `/api/v2/users/{id}/roles` (genesys-api.md §5): every role,
//! divisions, what the signed-in user holds, and "assign this role to me" until it is effective.

use std::time::Duration;

use reqwest::Method;

use super::oauth_clients::segment;
use super::Client;
use crate::auth::Session;
use crate::error::{Error, Result};
use crate::models::{AuthzDivision, AuthzSubject, DomainOrganizationRole, UserAuthorization};
use crate::secrets::Secret;

/// Roles are listed this many per page (the Sandbox and Genesys take up to 500).
pub const ROLE_PAGE_SIZE: u32 = 500;
/// Divisions are listed this many per page.
pub const DIVISION_PAGE_SIZE: u32 = 100;
/// How long [`assign_role_to_me`] waits by default for Genesys's grant caches (Terraform
/// sleeps 10 s after the same write).
pub const GRANT_WAIT: Duration = Duration::from_secs(30);

impl Client {
    /// `GET /api/v2/authorization/roles` through every page, each role once.
    pub async fn roles(&self, token: &Secret) -> Result<Vec<DomainOrganizationRole>> {
        self.all_pages("/api/v2/authorization/roles", ROLE_PAGE_SIZE, token, |r| {
            let role: &DomainOrganizationRole = r;
            role.id.as_str()
        })
        .await
    }

    /// `GET /api/v2/authorization/roles/{id}`: one role with its permissions.
    pub async fn role(&self, id: &str, token: &Secret) -> Result<DomainOrganizationRole> {
        self.get(
            &format!("/api/v2/authorization/roles/{}", segment(id)),
            token,
        )
        .await
    }

    /// `GET /api/v2/authorization/divisions` through every page.
    pub async fn divisions(&self, token: &Secret) -> Result<Vec<AuthzDivision>> {
        self.all_pages(
            "/api/v2/authorization/divisions",
            DIVISION_PAGE_SIZE,
            token,
            |d| {
                let division: &AuthzDivision = d;
                division.id.as_str()
            },
        )
        .await
    }

    /// `GET /api/v2/authorization/divisions/home`.
    pub async fn home_division(&self, token: &Secret) -> Result<AuthzDivision> {
        self.get("/api/v2/authorization/divisions/home", token)
            .await
    }

    /// `GET /api/v2/authorization/subjects/me`: the (role, division) pairs the token's subject
    /// holds now, which are the pairs it may grant to a Client Credentials client.
    pub async fn subject_me(&self, token: &Secret) -> Result<AuthzSubject> {
        self.get(
            "/api/v2/authorization/subjects/me?includeDuplicates=false",
            token,
        )
        .await
    }

    /// `GET /api/v2/users/{id}/roles`: the user's roles as last written.
    pub async fn user_roles(&self, user_id: &str, token: &Secret) -> Result<UserAuthorization> {
        self.get(&format!("/api/v2/users/{}/roles", segment(user_id)), token)
            .await
    }

    /// `PUT /api/v2/users/{id}/roles`: replaces the user's role list with `role_ids`.
    pub async fn put_user_roles(
        &self,
        user_id: &str,
        role_ids: &[String],
        token: &Secret,
    ) -> Result<UserAuthorization> {
        let path = format!("/api/v2/users/{}/roles", segment(user_id));
        self.send_json(Method::PUT, &path, token, &role_ids).await
    }
}

/// Gives the signed-in user `role_id` (the user must consent first): reads their roles, `PUT`s
/// them back with this one added, then reads `subjects/me` until the grant shows (Genesys
/// caches grants), for at most `max_wait`. Returns the subject that holds it.
/// A client-credentials session has no user and is refused.
pub async fn assign_role_to_me(
    session: &Session,
    role_id: &str,
    max_wait: Duration,
) -> Result<AuthzSubject> {
    let user_id = session.info().user_id.ok_or_else(|| Error::InvalidInput {
        field: "session",
        reason: "a Client Credentials session has no user to assign a role to".to_owned(),
    })?;
    let (client, token) = (session.client(), session.token());
    let current = client.user_roles(&user_id, token).await?;
    let mut role_ids: Vec<String> = current.roles.into_iter().map(|r| r.id).collect();
    if !role_ids.iter().any(|id| id == role_id) {
        role_ids.push(role_id.to_owned());
        client.put_user_roles(&user_id, &role_ids, token).await?;
    }
    let deadline = tokio::time::Instant::now() + max_wait;
    let mut wait = Duration::from_millis(100);
    loop {
        let me = client.subject_me(token).await?;
        if me.holds_role(role_id) {
            return Ok(me);
        }
        let now = tokio::time::Instant::now();
        if now >= deadline {
            return Err(Error::Unexpected(format!(
                "the role {role_id} was assigned but Genesys did not report it within {} s; try again shortly",
                max_wait.as_secs()
            )));
        }
        tokio::time::sleep(wait.min(deadline - now)).await;
        wait = (wait * 2).min(Duration::from_secs(2));
    }
}
