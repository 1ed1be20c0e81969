//! "Configure credentials" for a Data Actions integration: a client whose secret the vault holds,
//! a typed id and secret (proven with a token first, only then kept in the vault), or a new
//! Client Credentials client made here (taken back if its credential cannot be made). The
//! credential the integration already uses is updated in place when no other integration
//! shares it, so nothing is orphaned.

mod choice;

use genesys::auth::Session;
use genesys::Error;
use tauri::{AppHandle, Runtime};

use crate::client_credentials::discard;
use crate::error::CommandError;
use crate::integrations::{credential_of, integration_view, signed_in};
use crate::wire::integrations::{Configured, CredentialChoice, CredentialView};
use choice::client_and_secret;

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

pub async fn configure<R: Runtime>(
    app: &AppHandle<R>,
    id: &str,
    choice: CredentialChoice,
) -> Result<Configured, CommandError> {
    let (profile, session) = signed_in(app)?;
    let (c, token) = (session.client(), session.token());
    c.integration(id, token).await?;
    // Read before any client is made, so a failure here leaves nothing behind.
    let own = match choice {
        CredentialChoice::Remove => None,
        _ => own_credential(&session, id).await?,
    };
    let Some((client_id, secret, created)) =
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
            discard(app, &profile, &session, &client_id).await;
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
