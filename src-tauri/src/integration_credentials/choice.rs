//! What a "configure credentials" choice names: the client id and secret to put in the
//! credential. A typed secret is proven with a token before it is kept in the vault; a new
//! Client Credentials client is created (its secret straight to the vault).

use std::time::Duration;

use genesys::auth::{verify_client_secret, Session};
use genesys::models::RoleDivision;
use genesys::secrets::{oauth_client_secret_account, Secret};
use genesys::{profile::validate_client_id, Error, ErrorKind, Profile};
use tauri::{AppHandle, Runtime};

use crate::client_credentials::create_for_credential;
use crate::integrations::client_secret;
use crate::sign_in;
use crate::wire::integrations::{ClientView, CredentialChoice};

/// How long a typed secret is tried at the login host before it counts as refused: a secret
/// regenerated moments ago is refused for a while (security-matrix.md C14 plans for about 10 s).
pub const TYPED_SECRET_WITHIN: Duration = Duration::from_secs(10);

/// A typed client id and secret, once a token was minted with them; only then is the secret
/// written to the vault, so a typo never replaces the one saved copy of the right secret.
async fn proven<R: Runtime>(
    app: &AppHandle<R>,
    profile: &Profile,
    session: &Session,
    client_id: &str,
    secret: &Secret,
) -> Result<(), Error> {
    let endpoints = session.client().endpoints();
    match verify_client_secret(endpoints, client_id, secret, TYPED_SECRET_WITHIN).await {
        Err(e) if e.kind() == ErrorKind::ClientRejected => {
            return Err(Error::InvalidInput {
                field: "clientSecret",
                reason: "Genesys Cloud gives no token for this client id and secret".into(),
            })
        }
        other => other?,
    }
    let account = oauth_client_secret_account(profile.target.code(), client_id);
    if let Err(e) = sign_in::vault(app).await.set(account, secret.clone()).await {
        log::warn!("a typed client secret was not saved: {:?}", e.kind());
    }
    Ok(())
}

/// The client id and secret a choice names (creating the client for `newClient`), or `None`
/// for `remove`.
pub(super) async fn client_and_secret<R: Runtime>(
    app: &AppHandle<R>,
    profile: &Profile,
    session: &Session,
    choice: CredentialChoice,
) -> Result<Option<(String, Secret, Option<ClientView>)>, Error> {
    match choice {
        CredentialChoice::Remove => Ok(None),
        CredentialChoice::KeychainClient { client_id } => {
            let client_id = client_id.trim().to_owned();
            validate_client_id(&client_id)?;
            match client_secret(app, profile, &client_id).await? {
                Some(secret) => Ok(Some((client_id, secret, None))),
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
            let secret = Secret::new(client_secret.secret().expose().trim());
            if secret.expose().is_empty() {
                return Err(Error::InvalidInput {
                    field: "clientSecret",
                    reason: "the client secret cannot be blank".into(),
                });
            }
            proven(app, profile, session, &client_id, &secret).await?;
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
            let (id, secret, view) =
                create_for_credential(app, profile, session, name, vec![pair]).await?;
            Ok(Some((id, secret, Some(view))))
        }
    }
}
