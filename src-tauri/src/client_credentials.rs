//! OAuth clients behind integration credentials: which credentials use a client (named in the
//! delete confirmation), the Client Credentials client the credentials screen creates (its
//! secret straight to the vault) and taking it back when its credential could not be made.

use genesys::api::integrations::DATA_ACTIONS_CREDENTIAL_SLOT;
use genesys::auth::Session;
use genesys::models::{GrantType, RoleDivision};
use genesys::oauth_client_form::OAuthClientForm;
use genesys::secrets::{oauth_client_secret_account, Secret};
use genesys::{Error, Profile};
use serde::Serialize;
use tauri::{AppHandle, Runtime};
use ts_rs::TS;

use crate::integrations::client_view;
use crate::sign_in;
use crate::wire::integrations::ClientView;

/// A `pureCloudOAuthClient` credential whose `clientId` is the client's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CredentialUse {
    pub id: String,
    pub name: Option<String>,
}

/// The credentials naming a client, and how many OAuth credentials could not be checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CredentialUses {
    pub using: Vec<CredentialUse>,
    /// OAuth credentials whose `GET` gave no `clientId`, so the app cannot tell.
    pub unknown: u32,
}

/// Lists every credential, then reads each OAuth one (`GET .../credentials/{id}` returns the
/// non-sensitive fields, `clientId` among them; platform-client-sdk-python build/PureCloudPlatformClientV2/models/credential_info.py) and keeps those naming
/// `client_id`. One read per credential: Genesys documents no filter by field.
pub async fn using_client(session: &Session, client_id: &str) -> Result<CredentialUses, Error> {
    let (client, token) = (session.client(), session.token());
    let mut uses = CredentialUses::default();
    for info in client.credentials(token).await? {
        let kind = info
            .credential_type
            .as_ref()
            .and_then(|t| t.name.as_deref());
        if kind.is_some_and(|k| k != DATA_ACTIONS_CREDENTIAL_SLOT) {
            continue;
        }
        let credential = client.credential(&info.id, token).await?;
        if credential.credential_type.name.as_deref() != Some(DATA_ACTIONS_CREDENTIAL_SLOT) {
            continue;
        }
        match credential.credential_fields.get("clientId") {
            Some(id) if id == client_id => uses.using.push(CredentialUse {
                id: info.id,
                name: credential.name.or(info.name),
            }),
            Some(_) => {}
            None => uses.unknown += 1,
        }
    }
    Ok(uses)
}

/// Creates a Client Credentials client with `role_divisions` (validated by the core against the
/// roles the user holds) and puts its secret in the vault before anything else happens.
pub async fn create_for_credential<R: Runtime>(
    app: &AppHandle<R>,
    profile: &Profile,
    session: &Session,
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
    let issued = session
        .client()
        .create_oauth_client_from_form(&form, session.token())
        .await?;
    let account = oauth_client_secret_account(profile.target.code(), &issued.client.id);
    if let Err(e) = sign_in::vault(app)
        .await
        .set(account, issued.secret.clone())
        .await
    {
        log::warn!("a new client's secret was not saved: {:?}", e.kind());
    }
    let view = client_view(app, profile, &issued.client).await;
    Ok((issued.client.id.clone(), issued.secret, view))
}

/// Takes back a client [`create_for_credential`] made, when its credential could not be made:
/// deletes it in Genesys and its secret from the vault, so no client is left that nothing uses.
/// Best effort: the credential's error is what the user sees; a failed clean-up is logged.
pub async fn discard<R: Runtime>(
    app: &AppHandle<R>,
    profile: &Profile,
    session: &Session,
    client_id: &str,
) {
    if let Err(e) = session
        .client()
        .delete_oauth_client(client_id, session.token())
        .await
    {
        log::warn!("a client made for a credential was not deleted: {e}");
    }
    let account = oauth_client_secret_account(profile.target.code(), client_id);
    if let Err(e) = sign_in::vault(app).await.delete(account).await {
        log::warn!(
            "a discarded client's secret was not removed: {:?}",
            e.kind()
        );
    }
}
