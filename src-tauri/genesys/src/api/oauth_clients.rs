//! `/api/v2/oauth/clients` and `/api/v2/oauth/scopes` (platform-client-sdk-python build/PureCloudPlatformClientV2/apis/o_auth_api.py): list, read, create,
//! replace, disable/enable, delete the Genesys way, regenerate the secret; the scope catalogue.

use std::time::Duration;

use reqwest::Method;
use serde::Deserialize;

use super::answer::parse;
use super::authorization::GrantsSource;
use super::encode::{json_body, segment};
use super::Client;
use crate::error::{Error, Result};
use crate::models::{
    ClientState, GrantType, OAuthClient, OAuthClientListing, OAuthClientRequest, OAuthScope,
    OAuthScopeListing, RoleDivision,
};
use crate::oauth_client_form::OAuthClientForm;
use crate::secrets::Secret;

/// How long [`Client::delete_oauth_client`] waits for the client to answer 404.
pub const DELETE_CONFIRM_WAIT: Duration = Duration::from_secs(10);
/// How long a Client Credentials create that Genesys refused for its roles waits before its
/// one retry: a role just assigned may not have reached every grant cache yet (the same
/// 10 s as [`super::self_assign::SELF_ASSIGN_SETTLE`]).
pub const REFUSED_GRANT_RETRY_WAIT: Duration = super::self_assign::SELF_ASSIGN_SETTLE;

/// A client with the secret Genesys shows only now (create, regenerate). `Debug` is redacted.
#[derive(Debug, Clone)]
pub struct IssuedOAuthClient {
    pub client: OAuthClient,
    pub secret: Secret,
}

/// What deleting a client did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientDeletion {
    /// The client answers 404: it is gone.
    Deleted,
    /// Genesys keeps it `inactive` until `date_to_delete` (clients older than 30 days).
    Scheduled { date_to_delete: Option<String> },
}

fn client_path(id: &str) -> String {
    format!("/api/v2/oauth/clients/{}", segment(id))
}

#[derive(Deserialize)]
struct SecretField {
    secret: String,
}

/// The body that replaces `client` as it is, in `state`.
fn request_of(client: &OAuthClient, state: ClientState) -> OAuthClientRequest {
    OAuthClientRequest {
        name: client.name.clone(),
        authorized_grant_type: client.authorized_grant_type,
        description: client.description.clone().unwrap_or_default(),
        access_token_validity_seconds: client.access_token_validity_seconds.unwrap_or(86_400),
        registered_redirect_uri: client.registered_redirect_uri.clone(),
        scope: client.scope.clone(),
        role_divisions: client.role_divisions.clone(),
        state,
    }
}

impl Client {
    /// `GET /api/v2/oauth/clients` (no query parameters: one answer holds every client).
    pub async fn oauth_clients(&self, token: &Secret) -> Result<Vec<OAuthClient>> {
        let listing: OAuthClientListing = self.get("/api/v2/oauth/clients", token).await?;
        Ok(listing.entities)
    }

    /// `GET /api/v2/oauth/clients/{id}` (no secret).
    pub async fn oauth_client(&self, id: &str, token: &Secret) -> Result<OAuthClient> {
        self.get(&client_path(id), token).await
    }

    /// [`Client::oauth_client`] of a client just created, waiting out a 404 as Terraform's read does
    /// (terraform-provider-genesyscloud genesyscloud/oauth_client/resource_genesyscloud_oauth_client.go).
    pub async fn oauth_client_after_create(&self, id: &str, token: &Secret) -> Result<OAuthClient> {
        self.after_create(|| self.oauth_client(id, token)).await
    }

    /// `POST /api/v2/oauth/clients`: the new client and its secret, shown only now. Not
    /// retried. Build `request` with [`crate::oauth_client_form::OAuthClientForm::validate`].
    pub async fn create_oauth_client(
        &self,
        request: &OAuthClientRequest,
        token: &Secret,
    ) -> Result<IssuedOAuthClient> {
        let body = json_body(request)?;
        let answer = self
            .send(Method::POST, "/api/v2/oauth/clients", token, Some(body))
            .await?;
        issued(&answer)
    }

    /// Validates `form` (for Client Credentials, against what `subjects/me` says the signed-in
    /// user holds), then creates the client. Invalid input sends no `POST`. A refusal of the
    /// roles is retried once after [`REFUSED_GRANT_RETRY_WAIT`].
    pub async fn create_oauth_client_from_form(
        &self,
        form: &OAuthClientForm,
        token: &Secret,
    ) -> Result<IssuedOAuthClient> {
        self.create_oauth_client_from_form_waiting(form, REFUSED_GRANT_RETRY_WAIT, token)
            .await
    }

    /// [`Client::create_oauth_client_from_form`], waiting `retry_wait` before the one retry.
    /// Only a Client Credentials create refused with 400 or 403 (not `missing.permissions`,
    /// nor a documented request error) is retried: `subjects/me` said the roles are held, so
    /// the refusal is taken as a grant cache not caught up yet. A refused create made nothing,
    /// so asking again cannot make two clients. The second answer is final.
    pub async fn create_oauth_client_from_form_waiting(
        &self,
        form: &OAuthClientForm,
        retry_wait: Duration,
        token: &Secret,
    ) -> Result<IssuedOAuthClient> {
        let request = self.checked_request(form, token).await?;
        match self.create_oauth_client(&request, token).await {
            Err(e) if !request.role_divisions.is_empty() && is_grant_refusal(&e) => {
                tokio::time::sleep(retry_wait).await;
                self.create_oauth_client(&request, token).await
            }
            other => other,
        }
    }

    /// Validates `form` as for create, then replaces client `id` with it (a full `PUT`).
    pub async fn update_oauth_client_from_form(
        &self,
        id: &str,
        form: &OAuthClientForm,
        token: &Secret,
    ) -> Result<OAuthClient> {
        let request = self.checked_request(form, token).await?;
        self.update_oauth_client(id, &request, token).await
    }

    async fn checked_request(
        &self,
        form: &OAuthClientForm,
        token: &Secret,
    ) -> Result<OAuthClientRequest> {
        // Check what needs no request first, so bad input costs nothing.
        form.validate_without_roles()?;
        if form.grant_type != GrantType::ClientCredentials {
            return form.validate(&[]);
        }
        let held = self.held_grants(token).await?;
        match held.source {
            // Nothing says what this client may grant: Genesys decides on the POST.
            GrantsSource::Unknown => form.validate(&form.role_divisions),
            _ => form.validate(&held.subject.role_divisions()),
        }
    }

    /// `PUT /api/v2/oauth/clients/{id}`: replaces the whole client (the secret is kept).
    pub async fn update_oauth_client(
        &self,
        id: &str,
        request: &OAuthClientRequest,
        token: &Secret,
    ) -> Result<OAuthClient> {
        self.send_json(Method::PUT, &client_path(id), token, request)
            .await
    }

    /// Adds `pair` to a client's role divisions: `GET` it, then `PUT` it back with the pair
    /// added (a pair it already has is not written again). Genesys refuses a role the caller
    /// does not hold in that division.
    pub async fn add_oauth_client_role(
        &self,
        id: &str,
        pair: &RoleDivision,
        token: &Secret,
    ) -> Result<OAuthClient> {
        let current = self.oauth_client(id, token).await?;
        if current.role_divisions.contains(pair) {
            return Ok(current);
        }
        let mut request = request_of(&current, current.state);
        request.role_divisions.push(pair.clone());
        self.update_oauth_client(id, &request, token).await
    }

    /// Disables or enables a client: `GET` it, then `PUT` it back unchanged but for `state`.
    pub async fn set_oauth_client_state(
        &self,
        id: &str,
        state: ClientState,
        token: &Secret,
    ) -> Result<OAuthClient> {
        let current = self.oauth_client(id, token).await?;
        self.update_oauth_client(id, &request_of(&current, state), token)
            .await
    }

    /// Deletes a client as Genesys asks (and Terraform does): set it `inactive`, `DELETE` it,
    /// then read it until it answers 404 (at most [`DELETE_CONFIRM_WAIT`]). A client already
    /// gone counts as deleted; one Genesys keeps `inactive` (created over 30 days ago) is
    /// [`ClientDeletion::Scheduled`].
    pub async fn delete_oauth_client(&self, id: &str, token: &Secret) -> Result<ClientDeletion> {
        self.delete_oauth_client_within(id, DELETE_CONFIRM_WAIT, token)
            .await
    }

    /// [`Client::delete_oauth_client`], waiting at most `wait` for the 404.
    pub async fn delete_oauth_client_within(
        &self,
        id: &str,
        wait: Duration,
        token: &Secret,
    ) -> Result<ClientDeletion> {
        match self
            .set_oauth_client_state(id, ClientState::Inactive, token)
            .await
        {
            Err(Error::Api { status: 404, .. }) => return Ok(ClientDeletion::Deleted),
            other => drop(other?),
        }
        match self.delete(&client_path(id), token).await {
            Err(Error::Api { status: 404, .. }) | Ok(()) => {}
            Err(e) => return Err(e),
        }
        let deadline = tokio::time::Instant::now() + wait;
        let mut pause = Duration::from_millis(100);
        loop {
            match self.oauth_client(id, token).await {
                Err(Error::Api { status: 404, .. }) => return Ok(ClientDeletion::Deleted),
                Err(e) => return Err(e),
                Ok(client) if tokio::time::Instant::now() + pause > deadline => {
                    return match client.state {
                        ClientState::Inactive | ClientState::Deleted => {
                            Ok(ClientDeletion::Scheduled {
                                date_to_delete: client.date_to_delete,
                            })
                        }
                        _ => Err(Error::Unexpected(format!(
                            "the OAuth client {id} still exists after it was deleted"
                        ))),
                    };
                }
                Ok(_) => {
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(Duration::from_secs(2));
                }
            }
        }
    }

    /// `POST /api/v2/oauth/clients/{id}/secret`: a new secret, shown only now; the old one
    /// stops working.
    pub async fn regenerate_oauth_client_secret(
        &self,
        id: &str,
        token: &Secret,
    ) -> Result<IssuedOAuthClient> {
        let path = format!("{}/secret", client_path(id));
        let answer = self.send(Method::POST, &path, token, None).await?;
        issued(&answer)
    }

    /// `GET /api/v2/oauth/scopes`: every scope with its description.
    pub async fn oauth_scopes(&self, token: &Secret) -> Result<Vec<OAuthScope>> {
        let listing: OAuthScopeListing = self.get("/api/v2/oauth/scopes", token).await?;
        Ok(listing.entities)
    }
}

/// Whether a create was refused for its role/division pairs: 400 or 403, other than a missing
/// permission of the caller or a request error Genesys documents for this operation (no
/// public source gives the code of the roles refusal itself; 400 and 403 are Sandbox variants).
fn is_grant_refusal(e: &Error) -> bool {
    const OTHER_REFUSALS: [&str; 6] = [
        "missing.permissions",
        "missing.any.permissions",
        "auth.too.many.clients",
        "bad.grant.type",
        "missing.client.roles",
        "grant.type.required",
    ];
    matches!(e, Error::Api { status: 400 | 403, code, .. } if !OTHER_REFUSALS.contains(&code.as_str()))
}

fn issued(answer: &super::answer::Answer) -> Result<IssuedOAuthClient> {
    let client: OAuthClient = parse(answer)?;
    let SecretField { secret } = parse(answer)?;
    Ok(IssuedOAuthClient {
        client,
        secret: Secret::new(secret),
    })
}
