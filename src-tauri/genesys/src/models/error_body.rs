//! `ErrorBody`, the Platform API's error document (platform-client-sdk-python build/PureCloudPlatformClientV2/models/error_body.py).

use serde::{Deserialize, Serialize};

use super::integration_config::lenient;

/// The fields of `ErrorBody` the app shows; the rest (`limit`, `messageParams`...) are ignored.
/// `details` and `errors` are read leniently: a wrongly shaped one reads as empty, so it never
/// costs the message and `contextId` beside it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ErrorBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context_id: Option<String>,
    /// `Detail[]`: e.g. a data-action step's `errorCode` (`ACTION.PROCESSING`) or the
    /// `fieldName` a validation error is about.
    #[serde(with = "lenient", skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<ErrorDetail>,
    /// Nested `ErrorBody`s, one per problem when Genesys reports several.
    #[serde(with = "lenient", skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorBody>,
}

/// `Detail` (platform-client-sdk-python build/PureCloudPlatformClientV2/models/detail.py).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ErrorDetail {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_name: Option<String>,
}

impl ErrorBody {
    /// Every `details[].errorCode`, in order.
    pub fn error_codes(&self) -> Vec<&str> {
        self.details
            .iter()
            .filter_map(|d| d.error_code.as_deref())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn details_and_nested_errors_are_read_and_a_bad_shape_costs_nothing_else() {
        let body: ErrorBody = serde_json::from_value(json!({
            "message": "Transform failed", "code": "bad.request", "status": 400,
            "contextId": "c-1", "details": [{ "errorCode": "ACTION.PROCESSING" }],
            "errors": [{ "message": "inner", "details": [{ "fieldName": "name" }] }],
            "limit": { "key": "x", "value": 3 }
        }))
        .expect("an ErrorBody");
        assert_eq!(body.error_codes(), ["ACTION.PROCESSING"]);
        assert_eq!(
            body.errors[0].details[0].field_name.as_deref(),
            Some("name")
        );
        let odd: ErrorBody = serde_json::from_value(
            json!({ "message": "m", "contextId": "c", "details": "nope", "errors": [1, 2] }),
        )
        .expect("still an ErrorBody");
        assert_eq!(
            (odd.message.as_deref(), odd.context_id.as_deref()),
            (Some("m"), Some("c"))
        );
        assert!(odd.details.is_empty() && odd.errors.is_empty());
        let back: ErrorBody =
            serde_json::from_value(serde_json::to_value(&body).expect("serializes"))
                .expect("reads back");
        assert_eq!(back, body);
    }
}
