//! `TokenInfo` from `GET /api/v2/tokens/me`: which org and OAuth client a token belongs to.

use serde::Deserialize;

/// An `{id, name}` reference (`NamedEntity`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedEntity {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// The OAuth client a token was issued to (the parts of `OrgOAuthClient` the app reads).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenInfoClient {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub authorized_grant_type: Option<String>,
}

/// `TokenInfo`: what a token is. Genesys documents every field as optional; the app needs the
/// organization, so that one is required.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenInfo {
    pub organization: NamedEntity,
    #[serde(default)]
    pub home_organization: Option<NamedEntity>,
    #[serde(default)]
    pub authorized_scope: Vec<String>,
    /// When the token idles out, ISO-8601.
    #[serde(default)]
    pub date_token_idles: Option<String>,
    #[serde(default, rename = "OAuthClient")]
    pub oauth_client: Option<TokenInfoClient>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_ignored_and_a_missing_organization_is_named() {
        let info: TokenInfo = serde_json::from_str(
            r#"{"organization":{"id":"o1","name":"Org","selfUri":"/x"},"clonedUser":{},"OAuthClient":{"id":"c","roleDivisions":[]}}"#,
        )
        .expect("parses");
        assert_eq!(info.organization.name.as_deref(), Some("Org"));
        assert_eq!(info.oauth_client.map(|c| c.id).as_deref(), Some("c"));
        let err = serde_json::from_str::<TokenInfo>(r#"{"authorizedScope":[]}"#)
            .expect_err("organization is required");
        assert!(err.to_string().contains("organization"), "{err}");
    }
}
