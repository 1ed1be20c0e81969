//! The Client Credentials client the credentials form makes for an integration (its secret
//! straight to the vault), and taking it back when its credential could not be made.

use genesys::models::{GrantType, RoleDivision};
use genesys::oauth_client_form::OAuthClientForm;
use genesys::secrets::Secret;
use genesys::Error;

use super::client_view;
use crate::wire::integrations::ClientView;
use crate::OrgContext;

/// Creates a Client Credentials client with `role_divisions` (validated by the core against the
/// roles the user holds) and puts its secret in the vault before anything else happens.
pub async fn create_for_credential(
    org: &OrgContext,
    name: String,
    role_divisions: Vec<RoleDivision>,
) -> Result<(String, Secret, ClientView), Error> {
    let form = OAuthClientForm {
        name,
        description: String::new(),
        grant_type: GrantType::ClientCredentials,
        token_duration_seconds: String::new(),
        redirect_uris: Vec::new(),
        scopes: Vec::new(),
        role_divisions,
        state: None,
    };
    let s = &org.session;
    let issued = s
        .client()
        .create_oauth_client_from_form(&form, s.token())
        .await?;
    org.save_client_secret(&issued.client.id, &issued.secret)
        .await;
    let view = client_view(org, &issued.client).await;
    Ok((issued.client.id.clone(), issued.secret, view))
}

/// Takes back a client [`create_for_credential`] made, when its credential could not be made:
/// deletes it in Genesys and its secret from the vault, so no client is left that nothing uses.
/// Best effort: the credential's error is what the user sees; a failed clean-up is logged.
pub async fn discard(org: &OrgContext, client_id: &str) {
    let s = &org.session;
    if let Err(e) = s.client().delete_oauth_client(client_id, s.token()).await {
        log::warn!("a client made for a credential was not deleted: {e}");
    }
    if let Err(e) = org.forget_client_secret(client_id).await {
        log::warn!(
            "a discarded client's secret was not removed: {:?}",
            e.kind()
        );
    }
}
