//! Which integration credentials name an OAuth client: the delete confirmation lists them, and
//! a regenerated secret is offered to them.

use genesys::api::integrations::DATA_ACTIONS_CREDENTIAL_SLOT;
use genesys::auth::Session;
use genesys::Error;

use crate::wire::clients::{CredentialUse, CredentialUses};

/// Lists every credential, then reads each OAuth one (`GET .../credentials/{id}` returns the
/// non-sensitive fields, `clientId` among them: platform-client-sdk-python
/// build/PureCloudPlatformClientV2/models/credential_info.py) and keeps those naming `client_id`.
/// One read per credential: Genesys documents no filter by field.
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
