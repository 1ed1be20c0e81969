//! `/api/v2/authorization/...` and `/api/v2/users/{id}/roles` (platform-client-sdk-python build/PureCloudPlatformClientV2/apis/authorization_api.py): every role
//! (paged as Terraform pages them), roles by id, divisions, what the token's subject holds
//! (falling back to a client's own role divisions when `subjects/me` refuses a client), and a
//! user's roles.

use reqwest::Method;

use super::encode::segment;
use super::Client;
use crate::error::{Error, Result};
use crate::models::{
    AuthzDivision, AuthzGrant, AuthzGrantRole, AuthzSubject, DomainOrganizationRole, NewRole,
    UserAuthorization,
};
use crate::secrets::Secret;

/// Roles are asked for this many per page, with `userCount=false`, as Terraform lists them
/// (terraform-provider-genesyscloud genesyscloud/auth_role/genesyscloud_auth_role_proxy.go,
/// `getAllAuthRoleFn`: `pageSize = 100`, `userCount` false). The size a server answers with is
/// followed from page 1 on (see `all_pages`).
pub const ROLE_PAGE_SIZE: u32 = 100;
/// At most this many `id` values per roles request (`max.role.ids`).
pub const ROLE_IDS_PER_REQUEST: usize = 100;
/// Divisions are listed this many per page.
pub const DIVISION_PAGE_SIZE: u32 = 100;

/// Where [`Client::held_grants`] read the pairs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantsSource {
    /// `GET /api/v2/authorization/subjects/me`.
    Subject,
    /// `subjects/me` refused a Client Credentials token: the client's own `roleDivisions`.
    ClientRoleDivisions,
    /// Neither could be read: what this client may grant is unknown.
    Unknown,
}

/// What a token's subject holds, and where that was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldGrants {
    pub subject: AuthzSubject,
    pub source: GrantsSource,
}

impl Client {
    /// `GET /api/v2/authorization/roles?userCount=false` through every page, each role once.
    pub async fn roles(&self, token: &Secret) -> Result<Vec<DomainOrganizationRole>> {
        self.all_pages(
            "/api/v2/authorization/roles?userCount=false",
            ROLE_PAGE_SIZE,
            token,
            |r| {
                let role: &DomainOrganizationRole = r;
                role.id.as_str()
            },
        )
        .await
    }

    /// `POST /api/v2/authorization/roles` (`authorization:role:add`): a new role, answered as
    /// the role made (200 `DomainOrganizationRole`, the SDK's `postAuthorizationRoles`). Not
    /// retried, like every POST.
    pub async fn create_role(
        &self,
        role: &NewRole,
        token: &Secret,
    ) -> Result<DomainOrganizationRole> {
        self.send_json(Method::POST, "/api/v2/authorization/roles", token, role)
            .await
    }

    /// The roles with these ids (`id` repeated, at most [`ROLE_IDS_PER_REQUEST`] a request).
    pub async fn roles_by_id(
        &self,
        ids: &[String],
        token: &Secret,
    ) -> Result<Vec<DomainOrganizationRole>> {
        let mut out = Vec::new();
        for chunk in ids.chunks(ROLE_IDS_PER_REQUEST) {
            let query: String = chunk
                .iter()
                .map(|id| format!("&id={}", segment(id)))
                .collect();
            let path = format!("/api/v2/authorization/roles?userCount=false{query}");
            out.extend(
                self.all_pages(&path, ROLE_PAGE_SIZE, token, |r| {
                    let role: &DomainOrganizationRole = r;
                    role.id.as_str()
                })
                .await?,
            );
        }
        Ok(out)
    }

    /// `GET /api/v2/authorization/roles/{id}`: one role with its permission policies.
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

    /// What the token's subject holds. No public source says whether `subjects/me` answers a
    /// Client Credentials token (both forms are Sandbox variants): when it answers 403 to one
    /// (`tokens/me` names the client), the client's own `roleDivisions` stand in, and if
    /// those cannot be read either, the answer is an empty subject marked
    /// [`GrantsSource::Unknown`] rather than an error. A user's 403 stays an error.
    pub async fn held_grants(&self, token: &Secret) -> Result<HeldGrants> {
        let refused = match self.subject_me(token).await {
            Ok(subject) => {
                return Ok(HeldGrants {
                    subject,
                    source: GrantsSource::Subject,
                })
            }
            Err(e @ Error::Api { status: 403, .. }) => e,
            Err(e) => return Err(e),
        };
        let own = self.token_info(token).await?.oauth_client;
        let own = match own {
            Some(c) if c.authorized_grant_type.as_deref() == Some("CLIENT-CREDENTIALS") => c,
            _ => return Err(refused),
        };
        let unknown = |id: String| HeldGrants {
            subject: AuthzSubject {
                id,
                name: None,
                grants: Vec::new(),
                version: None,
            },
            source: GrantsSource::Unknown,
        };
        match self.oauth_client(&own.id, token).await {
            Ok(client) => Ok(HeldGrants {
                subject: AuthzSubject {
                    id: client.id,
                    name: Some(client.name),
                    grants: client
                        .role_divisions
                        .into_iter()
                        .map(|rd| AuthzGrant {
                            role: AuthzGrantRole {
                                id: rd.role_id,
                                name: None,
                                description: None,
                                default: false,
                            },
                            division: AuthzDivision {
                                id: rd.division_id,
                                name: None,
                                description: None,
                                home_division: false,
                            },
                            grant_made_at: None,
                        })
                        .collect(),
                    version: None,
                },
                source: GrantsSource::ClientRoleDivisions,
            }),
            Err(Error::Api {
                status: 403 | 404, ..
            }) => Ok(unknown(own.id)),
            Err(e) => Err(e),
        }
    }

    /// `domain:entity:action` strings the roles of `subject` grant, read from those roles'
    /// `permissionPolicies` (for when `users/me` lists no permissions).
    pub async fn permissions_held(
        &self,
        subject: &AuthzSubject,
        token: &Secret,
    ) -> Result<Vec<String>> {
        let mut ids: Vec<String> = subject.grants.iter().map(|g| g.role.id.clone()).collect();
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut out: Vec<String> = Vec::new();
        for role in self.roles_by_id(&ids, token).await? {
            for p in role.granted() {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        Ok(out)
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
