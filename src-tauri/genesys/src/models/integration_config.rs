//! An integration's configuration: `IntegrationConfiguration` as `config/current` answers it
//! (the one the app trusts and writes back), the copy an `Integration` may embed as
//! `config.current` (read leniently, trusted for nothing), and Genesys's stored form of empty
//! notes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::credentials::CredentialInfo;

/// What Genesys can answer for notes that were saved empty. Terraform reads this literal back as
/// "" (terraform-provider-genesyscloud genesyscloud/integration/resource_genesyscloud_integration_utils.go,
/// `flattenIntegrationConfig`), so the app shows it, and writes it back, as empty.
pub const EMPTY_NOTES_PLACEHOLDER: &str = "node_dynamodb_empty_string";

/// `notes` as the app uses them: the placeholder for empty notes is empty.
pub fn clean_notes(notes: String) -> String {
    if notes == EMPTY_NOTES_PLACEHOLDER {
        String::new()
    } else {
        notes
    }
}

/// `#[serde(with)]` for a `notes` string: read with the placeholder cleaned (absent or `null`
/// read as empty), written as it is.
pub(crate) mod notes {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(notes: &str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(notes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        let notes = Option::<String>::deserialize(d)?.unwrap_or_default();
        Ok(super::clean_notes(notes))
    }
}

/// Like [`notes`] for an optional field: the placeholder reads as `Some("")`.
pub(crate) mod optional_notes {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(notes: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        notes.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.map(super::clean_notes))
    }
}

/// `#[serde(with)]` for a field read leniently: a value of another shape reads as
/// `T::default()`, so an embedded configuration never fails the integration that carries it.
pub(crate) mod lenient {
    use serde::de::DeserializeOwned;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
        value.serialize(s)
    }

    pub fn deserialize<'de, D, T>(d: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: DeserializeOwned + Default,
    {
        let value = serde_json::Value::deserialize(d)?;
        Ok(serde_json::from_value(value).unwrap_or_default())
    }
}

/// `IntegrationConfiguration` from `GET …/config/current`: the schema marks every field but `id`
/// required; the app relies on `version` (optimistic concurrency), so only a missing `version`
/// is an error. The others read as empty when absent and are written back as read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationConfiguration {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default)]
    pub name: String,
    /// Required for updates: a `PUT` with another version is a 409.
    pub version: i64,
    #[serde(default = "empty_object")]
    #[ts(type = "Record<string, unknown>")]
    pub properties: serde_json::Value,
    #[serde(default = "empty_object")]
    #[ts(type = "Record<string, unknown>")]
    pub advanced: serde_json::Value,
    /// Empty notes are empty here even when Genesys answers [`EMPTY_NOTES_PLACEHOLDER`].
    #[serde(default, with = "notes")]
    #[ts(as = "String")]
    pub notes: String,
    /// Credential slot (`pureCloudOAuthClient`) → the credential used there.
    #[serde(default)]
    pub credentials: BTreeMap<String, CredentialInfo>,
}

fn empty_object() -> serde_json::Value {
    serde_json::Value::Object(serde_json::Map::new())
}

/// A credential as an embedded configuration names it: maybe only by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct EmbeddedCredential {
    pub id: Option<String>,
    pub name: Option<String>,
}

/// The `config.current` an `Integration` may embed. Terraform never relies on it and reads
/// `GET …/config/current` instead (terraform-provider-genesyscloud
/// genesyscloud/integration/resource_genesyscloud_integration.go, `readIntegration`), and real
/// answers may hold only some fields: every field is optional, and nothing the app writes or
/// shows as the credential is taken from here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct EmbeddedConfiguration {
    pub name: Option<String>,
    pub version: Option<i64>,
    #[serde(with = "optional_notes")]
    #[ts(as = "Option<String>")]
    pub notes: Option<String>,
    #[serde(with = "lenient")]
    #[ts(as = "BTreeMap<String, EmbeddedCredential>")]
    pub credentials: BTreeMap<String, EmbeddedCredential>,
}

/// `IntegrationConfigurationInfo`: the embedded configuration, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct IntegrationConfigurationInfo {
    #[serde(with = "lenient")]
    #[ts(as = "Option<EmbeddedConfiguration>")]
    pub current: Option<EmbeddedConfiguration>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_empty_notes_placeholder_reads_as_empty() {
        let config: IntegrationConfiguration = serde_json::from_value(
            json!({"name": "DA", "version": 2, "notes": EMPTY_NOTES_PLACEHOLDER}),
        )
        .expect("parses");
        assert_eq!(config.notes, "");
        assert_eq!(
            serde_json::to_value(&config).expect("json")["notes"],
            "",
            "written back as empty"
        );
        let kept: IntegrationConfiguration =
            serde_json::from_value(json!({"version": 2, "notes": "dip-run:1", "credentials": {}}))
                .expect("parses");
        assert_eq!(kept.notes, "dip-run:1");
        let null: IntegrationConfiguration =
            serde_json::from_value(json!({"version": 2, "notes": null})).expect("parses");
        assert_eq!(null.notes, "");
    }

    #[test]
    fn an_embedded_configuration_of_any_shape_parses() {
        for (embedded, credential) in [
            (
                json!({"current": {"name": "DA", "credentials": {"pureCloudOAuthClient": {"id": "c1"}}}}),
                Some("c1"),
            ),
            (
                json!({"current": {"credentials": {"pureCloudOAuthClient": {"name": "n"}}}}),
                None,
            ),
            (
                json!({"current": {"version": "three", "credentials": []}}),
                None,
            ),
            (json!({"current": null}), None),
            (json!({}), None),
            (json!("weird"), None),
        ] {
            let info: IntegrationConfigurationInfo =
                lenient::deserialize(embedded.clone()).expect("never fails");
            let found = info
                .current
                .as_ref()
                .and_then(|c| c.credentials.get("pureCloudOAuthClient"))
                .and_then(|c| c.id.as_deref());
            assert_eq!(found, credential, "{embedded}");
        }
        let stub: EmbeddedConfiguration = serde_json::from_value(
            json!({"name": "DA", "notes": EMPTY_NOTES_PLACEHOLDER, "credentials": {}}),
        )
        .expect("parses");
        assert_eq!((stub.version, stub.notes.as_deref()), (None, Some("")));
    }
}
