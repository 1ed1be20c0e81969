//! `ErrorBody`, the Platform API's error document (platform-client-sdk-python build/PureCloudPlatformClientV2/models/error_body.py).

use serde::Deserialize;

/// The fields of `ErrorBody` the app shows; the rest (`details`, `limit`...) are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ErrorBody {
    pub message: Option<String>,
    pub code: Option<String>,
    pub status: Option<i64>,
    pub context_id: Option<String>,
}
