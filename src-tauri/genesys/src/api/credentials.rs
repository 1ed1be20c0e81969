//! `/api/v2/integrations/credentials` (platform-client-sdk-python build/PureCloudPlatformClientV2/apis/integrations_api.py): the cursor listing,
//! read (redacted by Genesys), create, replace and delete of `pureCloudOAuthClient` credentials.

use std::collections::HashSet;

use reqwest::Method;
use serde::Serialize;
use zeroize::Zeroizing;

use super::answer::parse;
use super::encode::{json_body, segment};
use super::integrations::{removal, Removal, DATA_ACTIONS_CREDENTIAL_SLOT};
use super::{Client, MAX_PAGES};
use crate::error::{Error, Result};
use crate::models::{Credential, CredentialCursorPage, CredentialInfo};
use crate::secrets::Secret;

const LISTING: &str = "/api/v2/integrations/credentials/listing";
/// The cursor listing's largest page (the Sandbox's 200; no public source states Genesys's).
const PAGE_SIZE: u32 = 200;

fn credential_path(id: &str) -> String {
    format!("/api/v2/integrations/credentials/{}", segment(id))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TypeName<'a> {
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OAuthFields<'a> {
    client_id: &'a str,
    client_secret: &'a str,
}

/// The `Credential` body of a create or replace, serialized into a buffer wiped once sent (the
/// HTTP layer's own copies are freed, not wiped).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CredentialRequest<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    kind: TypeName<'a>,
    credential_fields: OAuthFields<'a>,
}

/// The body for a `pureCloudOAuthClient` credential, after checking each field.
fn oauth_body(name: &str, client_id: &str, secret: &Secret) -> Result<Zeroizing<Vec<u8>>> {
    let blank = |field: &'static str, what: &str| Error::InvalidInput {
        field,
        reason: format!("{what} cannot be blank"),
    };
    let (name, client_id) = (name.trim(), client_id.trim());
    if name.is_empty() {
        return Err(blank("name", "a credential name"));
    }
    if client_id.is_empty() {
        return Err(blank("clientId", "the OAuth client id"));
    }
    if secret.expose().trim().is_empty() {
        return Err(blank("clientSecret", "the client secret"));
    }
    let request = CredentialRequest {
        name,
        kind: TypeName {
            name: DATA_ACTIONS_CREDENTIAL_SLOT,
        },
        credential_fields: OAuthFields {
            client_id,
            client_secret: secret.expose(),
        },
    };
    json_body(&request).map(Zeroizing::new)
}

/// The next page's path: `nextUri` when the page has one (only its `/api/v2/...` part is used,
/// so it can never send the token elsewhere), else the last id seen as `after`, as Terraform
/// pages this listing (terraform-provider-genesyscloud
/// genesyscloud/integration_credential/genesyscloud_integration_credential_proxy.go,
/// `getAllIntegrationCredsFn`: `after` = the last entity's id, until a page is empty).
fn next_path(next_uri: Option<&str>, last_id: &str) -> String {
    match next_uri.and_then(|uri| uri.find(LISTING).map(|at| &uri[at..])) {
        Some(next) => next.to_owned(),
        None => format!("{LISTING}?pageSize={PAGE_SIZE}&after={}", segment(last_id)),
    }
}

impl Client {
    /// Every credential of the org: the cursor listing, page after page, until a page is empty
    /// or brings nothing new (never past [`MAX_PAGES`]). A page without `nextUri` is not taken
    /// as the last one: the next is asked for with `after`, as Terraform does.
    pub async fn credentials(&self, token: &Secret) -> Result<Vec<CredentialInfo>> {
        let mut path = format!("{LISTING}?pageSize={PAGE_SIZE}");
        let mut seen = HashSet::new();
        let mut all = Vec::new();
        for _ in 0..MAX_PAGES {
            let page: CredentialCursorPage = self.get(&path, token).await?;
            let Some(last) = page.entities.last().map(|c| c.id.clone()) else {
                return Ok(all);
            };
            let mut fresh = false;
            for credential in page.entities {
                if seen.insert(credential.id.clone()) {
                    fresh = true;
                    all.push(credential);
                }
            }
            if !fresh {
                return Ok(all);
            }
            path = next_path(page.next_uri.as_deref(), &last);
        }
        Err(Error::Unexpected(format!(
            "the listing {LISTING} did not end within {MAX_PAGES} pages"
        )))
    }

    /// `GET /api/v2/integrations/credentials/{id}`: its non-sensitive fields (`clientId`).
    pub async fn credential(&self, id: &str, token: &Secret) -> Result<Credential> {
        self.get(&credential_path(id), token).await
    }

    /// [`Client::credential`] of a credential just created: a 404 is waited out
    /// ([`Client::after_create`]).
    pub async fn credential_after_create(&self, id: &str, token: &Secret) -> Result<Credential> {
        self.after_create(|| self.credential(id, token)).await
    }

    /// `POST /api/v2/integrations/credentials` of type `pureCloudOAuthClient` with the client's
    /// id and secret. Not retried (a retry could create a second credential).
    pub async fn create_oauth_client_credential(
        &self,
        name: &str,
        client_id: &str,
        secret: &Secret,
        token: &Secret,
    ) -> Result<CredentialInfo> {
        let body = oauth_body(name, client_id, secret)?;
        let path = "/api/v2/integrations/credentials";
        self.send_credential(Method::POST, path, &body, token).await
    }

    /// `PUT /api/v2/integrations/credentials/{id}`: replaces name, client id and secret.
    pub async fn update_oauth_client_credential(
        &self,
        id: &str,
        name: &str,
        client_id: &str,
        secret: &Secret,
        token: &Secret,
    ) -> Result<CredentialInfo> {
        let body = oauth_body(name, client_id, secret)?;
        self.send_credential(Method::PUT, &credential_path(id), &body, token)
            .await
    }

    /// Sends a credential body made by [`oauth_body`]; Genesys answers with the credential.
    async fn send_credential(
        &self,
        method: Method,
        path: &str,
        body: &[u8],
        token: &Secret,
    ) -> Result<CredentialInfo> {
        let answer = self.send(method, path, token, Some(body.to_vec())).await?;
        parse(&answer)
    }

    /// `DELETE /api/v2/integrations/credentials/{id}`; a 404 is [`Removal::AlreadyGone`].
    pub async fn delete_credential(&self, id: &str, token: &Secret) -> Result<Removal> {
        removal(self.delete(&credential_path(id), token).await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_pages_stay_on_the_listing() {
        let relative = "/api/v2/integrations/credentials/listing?after=a&pageSize=200";
        assert_eq!(next_path(Some(relative), "x"), relative);
        assert_eq!(
            next_path(Some(&format!("https://api.example.com{relative}")), "x"),
            relative
        );
        let by_last_id = format!("{LISTING}?pageSize=200&after=id-1");
        assert_eq!(
            next_path(Some("https://evil.example/steal"), "id-1"),
            by_last_id
        );
        assert_eq!(
            next_path(None, "id-1"),
            by_last_id,
            "no nextUri: Terraform's after"
        );
    }

    #[test]
    fn blank_fields_are_refused_before_any_request() {
        let secret = Secret::new("s");
        for (name, client, secret, field) in [
            (" ", "c", &secret, "name"),
            ("n", "", &secret, "clientId"),
            ("n", "c", &Secret::new(" "), "clientSecret"),
        ] {
            match oauth_body(name, client, secret) {
                Err(Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
        }
        let body = oauth_body(" n ", " c ", &secret).expect("valid");
        let json: serde_json::Value = serde_json::from_slice(&body).expect("json");
        assert_eq!(
            json,
            serde_json::json!({"name":"n","type":{"name":"pureCloudOAuthClient"},
                "credentialFields":{"clientId":"c","clientSecret":"s"}})
        );
    }
}
