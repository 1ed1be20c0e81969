//! "Configure credentials" for a Data Actions integration: a client whose secret the vault holds,
//! a typed id and secret (kept in the vault too), or a new Client Credentials client made here
//! (its secret goes to the vault at once, never to the window). The credential the integration
//! already uses is updated in place when no other integration shares it, so nothing is orphaned.

use genesys::auth::Session;
use genesys::models::{GrantType, RoleDivision};
use genesys::oauth_client_form::OAuthClientForm;
use genesys::secrets::{oauth_client_secret_account, Secret};
use genesys::{profile::validate_client_id, Error, Profile};
use tauri::{AppHandle, Runtime};

use crate::error::CommandError;
use crate::integrations::{client_secret, client_view, credential_of, integration_view, signed_in};
use crate::sign_in;
use crate::wire::integrations::{ClientView, Configured, CredentialChoice, CredentialView};

/// Creates the Client Credentials client of a `newClient` choice (validated by the core against
/// the roles the user holds) and puts its secret in the vault before anything else happens.
async fn new_client<R: Runtime>(
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

/// The client id and secret a choice names (creating the client for `newClient`).
async fn client_and_secret<R: Runtime>(
    app: &AppHandle<R>,
    profile: &Profile,
    session: &Session,
    choice: CredentialChoice,
) -> Result<Option<(String, Secret, Option<ClientView>)>, Error> {
    match choice {
        CredentialChoice::Remove => Ok(None),
        CredentialChoice::KeychainClient { client_id } => {
            validate_client_id(client_id.trim())?;
            match client_secret(app, profile, client_id.trim()).await? {
                Some(secret) => Ok(Some((client_id.trim().to_owned(), secret, None))),
                None => Err(Error::InvalidInput {
                    field: "clientId",
                    reason: "this client's secret is not in the keychain".into(),
                }),
            }
        }
        CredentialChoice::Typed {
            client_id,
            client_secret,
        } => {
            let client_id = client_id.trim().to_owned();
            validate_client_id(&client_id)?;
            if client_secret.trim().is_empty() {
                return Err(Error::InvalidInput {
                    field: "clientSecret",
                    reason: "the client secret cannot be blank".into(),
                });
            }
            let secret = Secret::new(client_secret.trim());
            let account = oauth_client_secret_account(profile.target.code(), &client_id);
            if let Err(e) = sign_in::vault(app).await.set(account, secret.clone()).await {
                log::warn!("a typed client secret was not saved: {:?}", e.kind());
            }
            Ok(Some((client_id, secret, None)))
        }
        CredentialChoice::NewClient {
            name,
            role_id,
            division_id,
        } => {
            let pair = RoleDivision {
                role_id,
                division_id,
            };
            let (id, secret, view) = new_client(app, profile, session, name, vec![pair]).await?;
            Ok(Some((id, secret, Some(view))))
        }
    }
}

pub async fn configure<R: Runtime>(
    app: &AppHandle<R>,
    id: &str,
    choice: CredentialChoice,
) -> Result<Configured, CommandError> {
    let (profile, session) = signed_in(app)?;
    let (c, token) = (session.client(), session.token());
    let integration = c.integration(id, token).await?;
    let Some((client_id, secret, created_client)) =
        client_and_secret(app, &profile, &session, choice).await?
    else {
        c.set_integration_credential(id, None, token).await?;
        let now = c.integration(id, token).await?;
        let view = integration_view(&now, credential_of(&session, &now).await?);
        return Ok(Configured {
            integration: view,
            credential: None,
            created_client: None,
        });
    };
    let client_name = match &created_client {
        Some(v) => v.name.clone(),
        None => c
            .oauth_client(&client_id, token)
            .await
            .map(|x| x.name)
            .unwrap_or(client_id.clone()),
    };
    let name = format!("{client_name} credential");
    let current = credential_of(&session, &integration).await?;
    let shared = match &current {
        Some(cred) => {
            let others = c.data_actions_integrations(token).await?;
            let mut shared = false;
            for other in others.iter().filter(|o| o.id != id) {
                shared |= credential_of(&session, other).await?.as_deref() == Some(cred.as_str());
            }
            shared
        }
        None => true,
    };
    let info = match current.filter(|_| !shared) {
        Some(cred) => {
            c.update_oauth_client_credential(&cred, &name, &client_id, &secret, token)
                .await?
        }
        None => {
            c.create_oauth_client_credential(&name, &client_id, &secret, token)
                .await?
        }
    };
    c.set_integration_credential(id, Some(&info.id), token)
        .await?;
    let now = c.integration(id, token).await?;
    Ok(Configured {
        integration: integration_view(&now, Some(info.id.clone())),
        credential: Some(CredentialView {
            name: info.name.unwrap_or(name),
            id: info.id,
            client_id: Some(client_id),
        }),
        created_client,
    })
}
