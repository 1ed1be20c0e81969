//! Genesys `ErrorBody` responses. A handler returns an `ApiError`; the outermost layer renders it
//! with `contextId` equal to the response's `ININ-Correlation-Id` header.

use std::collections::BTreeMap;

use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// One Genesys API error, rendered as `ErrorBody` (platform-client-sdk-python
/// build/PureCloudPlatformClientV2/models/error_body.py). Boxed: it travels in every `Result` of
/// the handlers.
#[derive(Debug, Clone)]
pub struct ApiError(Box<Detail>);

#[derive(Debug, Clone)]
pub struct Detail {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
    pub message_with_params: Option<(String, BTreeMap<String, String>)>,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// `details[]` (`Detail`: `errorCode`, `fieldName`, `entityId`, `entityName`).
    pub details: Vec<Value>,
    /// `errors[]`: nested `ErrorBody` objects.
    pub errors: Vec<Value>,
}

impl std::ops::Deref for ApiError {
    type Target = Detail;
    fn deref(&self) -> &Detail {
        &self.0
    }
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ApiError(Box::new(Detail {
            status,
            code: code.to_owned(),
            message: message.into(),
            message_with_params: None,
            headers: Vec::new(),
            details: Vec::new(),
            errors: Vec::new(),
        }))
    }

    /// The same error with these `details[]` entries.
    pub fn with_details(mut self, details: Vec<Value>) -> Self {
        self.0.details = details;
        self
    }

    /// The same error with these nested `errors[]` (each an `ErrorBody`).
    pub fn with_errors(mut self, errors: Vec<Value>) -> Self {
        self.0.errors = errors;
        self
    }

    pub fn with_header(mut self, name: &'static str, value: &str) -> Self {
        if let Ok(value) = HeaderValue::from_str(value) {
            self.0.headers.push((HeaderName::from_static(name), value));
        }
        self
    }

    /// The standard code and message for a bare status (the `x-inin-error-codes` of every
    /// operation in platform-client-sdk-javascript swagger.json).
    pub fn for_status(status: StatusCode) -> Self {
        let (code, message) = match status.as_u16() {
            400 => (
                "bad.request",
                "The request could not be understood by the server due to malformed syntax.",
            ),
            401 => (
                "authentication.required",
                "No authentication bearer token specified in authorization header.",
            ),
            403 => (
                "not.authorized",
                "You are not authorized to perform the requested action.",
            ),
            404 => ("not.found", "The requested resource was not found."),
            409 => (
                "general.conflict",
                "The request conflicts with the current state of the resource.",
            ),
            415 => ("unsupported.media.type", "Unsupported media type."),
            429 => ("too.many.requests", "Rate limit exceeded the maximum."),
            503 => ("service.unavailable", "Service unavailable."),
            504 => ("request.timeout", "The request timed out."),
            // No public source names the codes of 405, 413, 502 or other statuses; these keep the
            // Genesys naming pattern and are the Sandbox's choice.
            405 => (
                "method.not.allowed",
                "The requested method is not allowed on this resource.",
            ),
            413 => ("request.too.large", "The request body is too large."),
            502 => ("bad.gateway", "Bad gateway."),
            _ => (
                "internal.server.error",
                "The server encountered an internal error.",
            ),
        };
        ApiError::new(status, code, message)
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "bad.request", message)
    }

    pub fn not_found() -> Self {
        ApiError::for_status(StatusCode::NOT_FOUND)
    }

    pub fn authentication_required() -> Self {
        ApiError::for_status(StatusCode::UNAUTHORIZED)
    }

    pub fn bad_credentials() -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "bad.credentials",
            "Invalid login credentials.",
        )
    }

    pub fn internal() -> Self {
        ApiError::for_status(StatusCode::INTERNAL_SERVER_ERROR)
    }

    pub fn missing_permissions(permission: &str) -> Self {
        let template = "Unable to perform the requested action. You are missing the following permission(s): {permissions}";
        let mut params = BTreeMap::new();
        params.insert("permissions".to_owned(), permission.to_owned());
        let mut error = ApiError::new(
            StatusCode::FORBIDDEN,
            "missing.permissions",
            template.replace("{permissions}", permission),
        );
        error.0.message_with_params = Some((template.to_owned(), params));
        error
    }

    /// `invalid.value` with its message template in platform-client-sdk-javascript swagger.json.
    pub fn invalid_value(value: &str, field: &str, allowed: &[&str]) -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid.value",
            format!(
                "Value [{value}] is not valid for field type [{field}]. Allowable values are: {}",
                allowed.join(", ")
            ),
        )
    }

    pub fn not_a_user() -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "not.a.user",
            "This request requires a user context. Client credentials cannot be used for requests to this resource.",
        )
    }

    /// The JSON `ErrorBody` for this error.
    pub fn body(&self, context_id: &str) -> Value {
        let mut body = json!({
            "message": self.message,
            "code": self.code,
            "status": self.status.as_u16(),
            "contextId": context_id,
            "details": self.details,
            "errors": self.errors,
        });
        if let Some((template, params)) = &self.message_with_params {
            body["messageWithParams"] = json!(template);
            body["messageParams"] = json!(params);
        }
        body
    }
}

impl IntoResponse for ApiError {
    /// An empty response carrying the error; the correlation layer writes the body.
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        for (name, value) in &self.headers {
            response.headers_mut().insert(name.clone(), value.clone());
        }
        response.extensions_mut().insert(self);
        response
    }
}
