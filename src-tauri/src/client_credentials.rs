//! Which integration credentials use an OAuth client (named in the delete confirmation), and
//! giving such a credential a client's new secret after a regenerate, from Rust memory.

use genesys::api::integrations::DATA_ACTIONS_CREDENTIAL_SLOT;
use genesys::auth::Session;
use genesys::Error;
use serde::Serialize;
use ts_rs::TS;

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
/// non-sensitive fields, `clientId` among them; genesys-api.md §6) and keeps those naming
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
