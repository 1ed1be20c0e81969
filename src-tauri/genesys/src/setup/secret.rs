//! The client secret during a run (security-matrix.md D2, E3, C14): written to the keychain at
//! once, re-issued (`POST …/secret`) when a kill or a lost answer lost it — and then given to
//! the credential if one exists — and proven by minting a token, before the credential is made
//! and again once the integration is ACTIVE.

use super::driver::Driver;
use super::events::StepNote;
use super::journal::EntryState;
use super::marker::marked_name;
use super::plan::StepKind;
use crate::auth::verify_client_secret;
use crate::error::{Error, ErrorKind, Result};
use crate::secrets::Secret;

/// Runs one keychain call on a blocking thread, off the run's async runtime (a keychain may
/// block: a D-Bus round trip, an unlock prompt).
pub(crate) async fn keychain<T: Send + 'static>(
    call: impl FnOnce() -> T + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(call)
        .await
        .map_err(|_| Error::Unexpected("the keychain worker stopped".to_owned()))
}

impl Driver<'_> {
    /// Writes the secret to the keychain (off the async runtime) and journals whether it got
    /// there and whether it stays there: a store that is process memory keeps it for this run
    /// only, and that is journaled as not saved. A refusing keychain is not fatal: the run goes
    /// on with the secret in memory and the summary says it was not saved (security-matrix.md E3).
    async fn persist(&self, client_id: &str, secret: &Secret) -> Result<bool> {
        let (store, account, value) = (
            self.ctx.secrets.clone(),
            self.secret_account(client_id),
            secret.clone(),
        );
        let lasting = store.persists();
        self.checkpoint("before:keychainWrite");
        let written = keychain(move || store.set(&account, &value)).await?.is_ok();
        self.checkpoint("after:keychainWrite");
        let saved = written && lasting;
        self.write("secret:persisted", |j| {
            j.secret_in_store = written;
            j.secret_persisted = saved;
        })?;
        Ok(saved)
    }

    /// `POST /oauth/clients/{id}/secret`: a new secret for a client whose secret was lost,
    /// stored at once, and given to the credential if it exists already.
    async fn reissue(&self, client_id: &str) -> Result<Secret> {
        self.write("secret:reissuing", |j| {
            j.record(
                StepKind::StoreSecret,
                EntryState::Intent,
                Some(client_id),
                None,
            )
        })?;
        self.checkpoint("before:regenerateSecret");
        let issued = self
            .ctx
            .client
            .regenerate_oauth_client_secret(client_id, &self.ctx.token)
            .await?;
        self.checkpoint("after:regenerateSecret");
        self.set_secret(issued.secret.clone());
        self.mark_reissued();
        self.write("secret:reissued", |j| {
            j.secret_reissued = true;
            j.secret_persisted = false;
            j.secret_in_store = false;
        })?;
        self.persist(client_id, &issued.secret).await?;
        let j = self.journal();
        if let Some(credential_id) = &j.created.credential_id {
            self.update_credential(credential_id, client_id, &issued.secret)
                .await?;
        }
        Ok(issued.secret)
    }

    pub(crate) async fn update_credential(
        &self,
        id: &str,
        client_id: &str,
        secret: &Secret,
    ) -> Result<()> {
        let j = self.journal();
        let name = marked_name(&j.setup.credential_name, &self.run_id);
        self.checkpoint("before:updateCredential");
        self.ctx
            .client
            .update_oauth_client_credential(id, &name, client_id, secret, &self.ctx.token)
            .await?;
        self.checkpoint("after:updateCredential");
        Ok(())
    }

    /// The client secret: in memory, else in the keychain, else re-issued. Only a keychain
    /// that answers "no such entry" leads to a re-issue (which stops the old secret working);
    /// a keychain that refuses (locked, access denied) fails the step with
    /// [`Error::KeychainLocked`], so the user unlocks it and resumes.
    pub(crate) async fn ensure_secret(&self, client_id: &str) -> Result<Secret> {
        if let Some(secret) = self.secret() {
            return Ok(secret);
        }
        let j = self.journal();
        if j.secret_persisted || j.secret_in_store {
            let (store, account) = (self.ctx.secrets.clone(), self.secret_account(client_id));
            let kept = keychain(move || store.get(&account)).await?;
            match kept {
                Ok(Some(secret)) => {
                    self.set_secret(secret.clone());
                    return Ok(secret);
                }
                Ok(None) => {}
                Err(e) => {
                    let variant = match e {
                        Error::Keychain { variant, .. } => variant,
                        _ => "Other",
                    };
                    return Err(Error::KeychainLocked { variant });
                }
            }
        }
        self.reissue(client_id).await
    }

    pub(crate) async fn store_secret(&self) -> Result<()> {
        let j = self.journal();
        if j.is_done(StepKind::StoreSecret) && (j.secret_persisted || j.secret_in_store) {
            self.skipped(StepKind::StoreSecret, None);
            return Ok(());
        }
        self.step(StepKind::StoreSecret, async {
            let client_id = self.required(j.created.client_id.clone(), "client")?;
            let saved = match self.secret() {
                Some(secret) => self.persist(&client_id, &secret).await?,
                None => {
                    self.ensure_secret(&client_id).await?;
                    self.journal().secret_persisted
                }
            };
            self.record(StepKind::StoreSecret, EntryState::Done, None)?;
            let note = match (self.was_reissued_now(), saved) {
                (true, _) => Some(StepNote::SecretReissued),
                (false, false) => Some(StepNote::SecretNotSaved),
                (false, true) => None,
            };
            Ok((None, note))
        })
        .await
    }

    pub(crate) async fn verify_secret(&self) -> Result<()> {
        let j = self.journal();
        if j.is_done(StepKind::VerifySecret) && !self.was_reissued_now() {
            self.skipped(StepKind::VerifySecret, None);
            return Ok(());
        }
        self.step(StepKind::VerifySecret, async {
            let client_id = self.required(j.created.client_id.clone(), "client")?;
            let secret = self.ensure_secret(&client_id).await?;
            self.checkpoint("before:verifySecret");
            let endpoints = self.ctx.client.endpoints();
            verify_client_secret(
                endpoints,
                &client_id,
                &secret,
                self.ctx.timing.verify_within,
            )
            .await?;
            self.checkpoint("after:verifySecret");
            self.record(StepKind::VerifySecret, EntryState::Done, None)?;
            Ok((None, None))
        })
        .await
    }

    /// Once the integration reports ACTIVE: the client id and secret the run gave the
    /// credential still get a token. No source says how Genesys reports a credential whose
    /// secret is wrong, and an org may call such an integration ACTIVE, so only a token request
    /// tells; a refusal is [`Error::CredentialRefused`], never a completed run.
    pub(crate) async fn prove_credential(&self) -> Result<()> {
        let j = self.journal();
        let client_id = self.required(j.created.client_id.clone(), "client")?;
        let secret = self.ensure_secret(&client_id).await?;
        let endpoints = self.ctx.client.endpoints();
        match verify_client_secret(
            endpoints,
            &client_id,
            &secret,
            self.ctx.timing.verify_within,
        )
        .await
        {
            Err(e) if e.kind() == ErrorKind::ClientRejected => {
                Err(Error::CredentialRefused { client_id })
            }
            other => other,
        }
    }
}
