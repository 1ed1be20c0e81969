//! The OAuth clients screen's use cases: list, read, create, edit, disable/enable, delete,
//! regenerate the secret, the scope catalogue, the credentials that use a client, and giving a
//! credential a client's new secret. Validation is the core's (`OAuthClientForm`).

mod issued;
mod uses;

use std::time::Instant;

use genesys::api::ClientDeletion;
use genesys::models::{ClientState, OAuthClient, OAuthScope};
use genesys::oauth_client_form::OAuthClientForm;
use genesys::Error;

pub use issued::forget_reveal;
pub use uses::using_client;

use crate::reveal::Reveals;
use crate::wire::clients::{CredentialUses, DeletionView, IssuedClientView};
use crate::{CommandResult, OrgContext};

pub async fn list(org: &OrgContext) -> CommandResult<Vec<OAuthClient>> {
    let s = &org.session;
    Ok(s.client().oauth_clients(s.token()).await?)
}

pub async fn get(org: &OrgContext, id: &str) -> CommandResult<OAuthClient> {
    let s = &org.session;
    Ok(s.client().oauth_client(id, s.token()).await?)
}

/// Validates the form (roles against `subjects/me`), creates the client, saves its secret to
/// the vault and keeps it for one reveal.
pub async fn create(
    org: &OrgContext,
    reveals: &Reveals,
    form: &OAuthClientForm,
) -> CommandResult<IssuedClientView> {
    let s = &org.session;
    let issued = s
        .client()
        .create_oauth_client_from_form(form, s.token())
        .await?;
    Ok(issued::keep(org, reveals, issued).await?)
}

/// The same validation as create, then a full `PUT`.
pub async fn update(
    org: &OrgContext,
    id: &str,
    form: &OAuthClientForm,
) -> CommandResult<OAuthClient> {
    let s = &org.session;
    Ok(s.client()
        .update_oauth_client_from_form(id, form, s.token())
        .await?)
}

/// Disables or enables a client: `active` or `disabled` only (deleting is [`delete`]).
pub async fn set_state(
    org: &OrgContext,
    id: &str,
    state: ClientState,
) -> CommandResult<OAuthClient> {
    if !matches!(state, ClientState::Active | ClientState::Disabled) {
        return Err(Error::InvalidInput {
            field: "state",
            reason: "only active or disabled can be chosen here".into(),
        }
        .into());
    }
    let s = &org.session;
    Ok(s.client()
        .set_oauth_client_state(id, state, s.token())
        .await?)
}

/// Deletes a client the Genesys way (inactive, `DELETE`, wait for 404); once it is gone, its
/// secret leaves the vault too.
pub async fn delete(org: &OrgContext, id: &str) -> CommandResult<DeletionView> {
    let s = &org.session;
    Ok(match s.client().delete_oauth_client(id, s.token()).await? {
        ClientDeletion::Deleted => {
            org.forget_client_secret(id).await?;
            DeletionView {
                deleted: true,
                date_to_delete: None,
            }
        }
        ClientDeletion::Scheduled { date_to_delete } => DeletionView {
            deleted: false,
            date_to_delete,
        },
    })
}

/// A new secret (the old one stops working): saved to the vault, kept for one reveal.
pub async fn regenerate_secret(
    org: &OrgContext,
    reveals: &Reveals,
    id: &str,
) -> CommandResult<IssuedClientView> {
    let s = &org.session;
    let issued = s
        .client()
        .regenerate_oauth_client_secret(id, s.token())
        .await?;
    Ok(issued::keep(org, reveals, issued).await?)
}

/// `GET /api/v2/oauth/scopes`: every scope with its description.
pub async fn scopes(org: &OrgContext) -> CommandResult<Vec<OAuthScope>> {
    let s = &org.session;
    Ok(s.client().oauth_scopes(s.token()).await?)
}

/// The integration credentials that use client `id` (the delete confirmation names them, and
/// a regenerate offers to update them).
pub async fn credentials_using(org: &OrgContext, id: &str) -> CommandResult<CredentialUses> {
    Ok(using_client(&org.session, id).await?)
}

/// Gives credential `credential_id` (keeping its `name`) client `client_id` and the new secret
/// behind `handle`, read from Rust memory while the reveal dialog is open.
pub async fn update_credential(
    org: &OrgContext,
    reveals: &Reveals,
    credential_id: &str,
    name: &str,
    client_id: &str,
    handle: &str,
) -> CommandResult<()> {
    let secret = reveals.peek(handle, Instant::now())?;
    let s = &org.session;
    s.client()
        .update_oauth_client_credential(credential_id, name, client_id, &secret, s.token())
        .await?;
    Ok(())
}
