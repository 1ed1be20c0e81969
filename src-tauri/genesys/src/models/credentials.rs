//! Integration credentials (`/api/v2/integrations/credentials`, platform-client-sdk-python build/PureCloudPlatformClientV2/models/credential.py): the
//! `CredentialInfo` the listings and writes answer, and `Credential` as `GET` reads it.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

/// `CredentialType` as it appears inside a credential (only its name is relied on; the
/// schema-like `properties` are ignored).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CredentialType {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// `CredentialInfo`: a credential without its fields. `id` is required; in a configuration
/// `PUT` only `id` is sent (the other fields are skipped when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CredentialInfo {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// ISO-8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    /// ISO-8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_date: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub credential_type: Option<CredentialType>,
}

impl CredentialInfo {
    /// A reference by id only, as a configuration `PUT` carries it.
    pub fn reference(id: &str) -> CredentialInfo {
        CredentialInfo {
            id: id.to_owned(),
            name: None,
            created_date: None,
            modified_date: None,
            credential_type: None,
        }
    }
}

/// `Credential` as `GET /integrations/credentials/{id}` answers it. Genesys says sensitive
/// fields are "redacted" without saying how (left out or masked); either way this type never
/// keeps a field whose name says it is a secret or password, so no secret can reach the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Credential {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub credential_type: CredentialType,
    /// Non-sensitive fields only (`clientId` for `pureCloudOAuthClient`).
    pub credential_fields: BTreeMap<String, String>,
}

/// Whether a credential field holds a secret, by its name (`clientSecret`, `password`...).
pub fn is_sensitive_field(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.contains("secret") || name.contains("password")
}

/// `Credential` as it arrives; sensitive fields are dropped on the way to [`Credential`].
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CredentialAnswer {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    name: Option<String>,
    /// Required by the schema.
    #[serde(rename = "type")]
    credential_type: CredentialType,
    #[serde(default)]
    credential_fields: Option<BTreeMap<String, Option<String>>>,
}

impl<'de> Deserialize<'de> for Credential {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let answer = CredentialAnswer::deserialize(d)?;
        Ok(Credential {
            id: answer.id,
            name: answer.name,
            credential_type: answer.credential_type,
            credential_fields: answer
                .credential_fields
                .unwrap_or_default()
                .into_iter()
                .filter(|(name, _)| !is_sensitive_field(name))
                .filter_map(|(name, value)| value.map(|v| (name, v)))
                .collect(),
        })
    }
}

/// `CredentialInfoCursorListing`: one page of the cursor listing; `nextUri` is absent on the
/// last page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialCursorPage {
    pub entities: Vec<CredentialInfo>,
    #[serde(default)]
    pub next_uri: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_never_kept_and_missing_fields_are_named() {
        let c: Credential = serde_json::from_str(
            r#"{"id":"c1","name":"n","type":{"name":"pureCloudOAuthClient","properties":{}},
                "credentialFields":{"clientId":"abc","clientSecret":"CANARY-x","Password":"CANARY-y","extra":null},
                "selfUri":"/x"}"#,
        )
        .expect("parses");
        assert_eq!(c.credential_fields.len(), 1, "{c:?}");
        assert_eq!(c.credential_fields["clientId"], "abc");
        let shown = format!("{c:?} {}", serde_json::to_string(&c).expect("json"));
        assert!(!shown.contains("CANARY"), "{shown}");
        let err = serde_json::from_str::<Credential>(r#"{"id":"c"}"#).expect_err("type");
        assert!(err.to_string().contains("type"), "{err}");
        let err = serde_json::from_str::<CredentialInfo>(r#"{"name":"c"}"#).expect_err("id");
        assert!(err.to_string().contains("`id`"), "{err}");
    }

    #[test]
    fn a_reference_is_only_its_id() {
        assert_eq!(
            serde_json::to_value(CredentialInfo::reference("c1")).expect("json"),
            serde_json::json!({"id":"c1"})
        );
    }
}
