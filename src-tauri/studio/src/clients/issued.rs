//! What happens to a secret Genesys shows only once (create, regenerate): saved to the vault at
//! once, then kept in Rust memory for the one-time reveal; when the reveal dialog closes, it
//! leaves memory, and leaves the keychain too unless the user keeps it there.

use genesys::api::IssuedOAuthClient;
use genesys::Error;

use crate::reveal::Reveals;
use crate::vault::Vault;
use crate::wire::clients::IssuedClientView;
use crate::OrgContext;

/// Saves a new secret under the client's keychain account, then keeps it for the reveal. A
/// failed keychain write is reported as "not saved", never raised: the reveal still works.
pub(super) async fn keep(
    org: &OrgContext,
    reveals: &Reveals,
    issued: IssuedOAuthClient,
) -> Result<IssuedClientView, Error> {
    // Saved even when the vault is memory-only: later steps of this run can still use it.
    let stored = org
        .save_client_secret(&issued.client.id, &issued.secret)
        .await;
    let account = stored.then(|| org.secret_account(&issued.client.id));
    let handle = reveals.keep_until_expiry(issued.secret, account)?;
    Ok(IssuedClientView {
        client: issued.client,
        reveal_handle: handle,
        saved_to_keychain: stored && org.secrets.persistent,
    })
}

/// Drops the pending secret of `handle`; when `keep_in_keychain` is false, deletes its keychain
/// entry too. An unknown handle is not an error (the dialog may close after expiry).
pub async fn forget_reveal(
    secrets: &Vault,
    reveals: &Reveals,
    handle: &str,
    keep_in_keychain: bool,
) -> Result<(), Error> {
    let account = reveals.forget(handle);
    if let (false, Some(account)) = (keep_in_keychain, account) {
        secrets.delete(account).await?;
    }
    Ok(())
}
