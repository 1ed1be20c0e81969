//! "Configure credentials" for a Data Actions integration: a client whose secret the vault holds,
//! a typed id and secret (proven with a token first, only then kept in the vault), or a new
//! Client Credentials client made here (taken back if its credential cannot be made). The
//! credential the integration already uses is updated in place when no other integration
//! shares it, so nothing is orphaned.

use genesys::auth::Session;
use genesys::Error;

use super::choice::client_and_secret;
use super::new_client::discard;
use super::{credential_of, integration_view};
use crate::wire::integrations::{Configured, CredentialChoice, CredentialView};
use crate::{CommandResult, OrgContext};

/// The credential `id` uses now, if no other Data Actions integration uses it too.
async fn own_credential(session: &Session, id: &str) -> Result<Option<String>, Error> {
    let (c, token) = (session.client(), session.token());
    let Some(current) = c.integration_credential(id, token).await? else {
        return Ok(None);
    };
    for other in c.data_actions_integrations(token).await? {
        if other.id != id && credential_of(session, &other).await?.as_ref() == Some(&current) {
            return Ok(None);
        }
    }
    Ok(Some(current))
}

/// Gives integration `id` the credential `choice` names (or none, for `remove`).
pub async fn configure(
    org: &OrgContext,
    id: &str,
    choice: CredentialChoice,
) -> CommandResult<Configured> {
    let session = &org.session;
    let (c, token) = (session.client(), session.token());
    c.integration(id, token).await?;
    // Read before any client is made, so a failure here leaves nothing behind.
    let own = match choice {
        CredentialChoice::Remove => None,
        _ => own_credential(session, id).await?,
    };
    let Some((client_id, secret, created)) = client_and_secret(org, choice).await? else {
        c.set_integration_credential(id, None, token).await?;
        let now = c.integration(id, token).await?;
        let view = integration_view(&now, credential_of(session, &now).await?);
        return Ok(Configured {
            integration: view,
            credential: None,
            created_client: None,
        });
    };
    let client_name = match &created {
        Some(v) => v.name.clone(),
        None => c
            .oauth_client(&client_id, token)
            .await
            .map(|x| x.name)
            .unwrap_or(client_id.clone()),
    };
    let name = format!("{client_name} credential");
    let made = match own {
        Some(cred) => {
            c.update_oauth_client_credential(&cred, &name, &client_id, &secret, token)
                .await
        }
        None => {
            c.create_oauth_client_credential(&name, &client_id, &secret, token)
                .await
        }
    };
    let info = match (made, &created) {
        (Ok(info), _) => info,
        (Err(e), Some(_)) => {
            discard(org, &client_id).await;
            return Err(e.into());
        }
        (Err(e), None) => return Err(e.into()),
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
        created_client: created,
    })
}
