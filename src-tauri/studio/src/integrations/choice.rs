//! What a "configure credentials" choice names: the client id and secret to put in the
//! credential. A typed secret is proven with a token before it is kept in the vault; a new
//! Client Credentials client is created (its secret straight to the vault).

use std::time::Duration;

use genesys::auth::verify_client_secret;
use genesys::models::RoleDivision;
use genesys::secrets::Secret;
use genesys::{profile::validate_client_id, Error, ErrorKind};

use super::new_client::create_for_credential;
use crate::wire::integrations::{ClientView, CredentialChoice};
use crate::OrgContext;

/// How long a typed secret is tried at the login host before it counts as refused: a secret
/// regenerated moments ago is refused for a while (security-matrix.md C14 plans for about 10 s).
pub const TYPED_SECRET_WITHIN: Duration = Duration::from_secs(10);

/// A typed client id and secret, once a token was minted with them; only then is the secret
/// written to the vault, so a typo never replaces the one saved copy of the right secret.
async fn proven(org: &OrgContext, client_id: &str, secret: &Secret) -> Result<(), Error> {
    let endpoints = org.session.client().endpoints();
    match verify_client_secret(endpoints, client_id, secret, TYPED_SECRET_WITHIN).await {
        Err(e) if e.kind() == ErrorKind::ClientRejected => {
            return Err(Error::InvalidInput {
                field: "clientSecret",
                reason: "Genesys Cloud gives no token for this client id and secret".into(),
            })
        }
        other => other?,
    }
    org.save_client_secret(client_id, secret).await;
    Ok(())
}

/// The client id and secret a choice names (creating the client for `newClient`), or `None`
/// for `remove`.
pub(super) async fn client_and_secret(
    org: &OrgContext,
    choice: CredentialChoice,
) -> Result<Option<(String, Secret, Option<ClientView>)>, Error> {
    match choice {
        CredentialChoice::Remove => Ok(None),
        CredentialChoice::KeychainClient { client_id } => {
            let client_id = client_id.trim().to_owned();
            validate_client_id(&client_id)?;
            match org.client_secret(&client_id).await? {
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
            proven(org, &client_id, &secret).await?;
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
            let (id, secret, view) = create_for_credential(org, name, vec![pair]).await?;
            Ok(Some((id, secret, Some(view))))
        }
    }
}
