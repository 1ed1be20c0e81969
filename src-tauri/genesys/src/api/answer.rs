//! One API answer, read whole but capped, and what it means: a typed value, an
//! [`Error::Api`] from Genesys' `ErrorBody`, or a typed "unexpected answer" (never a panic,
//! never a copy of the body).

use reqwest::header::{HeaderMap, CONTENT_LENGTH, CONTENT_TYPE};
use reqwest::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::models::ErrorBody;

const CORRELATION: &str = "inin-correlation-id";

/// A whole answer, body read (and capped).
pub(crate) struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// Reads a body up to `cap` bytes; a longer one is an error, never a partial value.
pub(crate) async fn read(mut response: reqwest::Response, cap: usize) -> Result<Answer> {
    let status = response.status();
    let headers = response.headers().clone();
    let too_large = || Error::UnexpectedResponse {
        status: status.as_u16(),
        reason: format!("the answer is larger than {cap} bytes"),
        context_id: correlation(&headers),
    };
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > cap as u64) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(network)? {
        if body.len() + chunk.len() > cap {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Answer {
        status,
        headers,
        body,
    })
}

fn correlation(headers: &HeaderMap) -> Option<String> {
    headers
        .get(CORRELATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            let media = ct.split(';').next().unwrap_or("").trim();
            media.eq_ignore_ascii_case("application/json") || media.ends_with("+json")
        })
}

/// A 2xx JSON answer as `T`. Errors name the failing field but never quote the body.
pub(crate) fn parse<T: DeserializeOwned>(answer: &Answer) -> Result<T> {
    let unexpected = |reason: String| Error::UnexpectedResponse {
        status: answer.status.as_u16(),
        reason,
        context_id: correlation(&answer.headers),
    };
    if !is_json(&answer.headers) {
        return Err(unexpected("the answer is not JSON".to_owned()));
    }
    serde_json::from_slice(&answer.body).map_err(|e| unexpected(describe_json_error(&e)))
}

/// A 2xx text answer (a data action's Velocity template) as UTF-8. An answer sent as JSON
/// holding one string is that string; any other JSON, or bytes that are not UTF-8, are
/// unexpected.
pub(crate) fn text(answer: &Answer) -> Result<String> {
    let unexpected = |reason: &str| Error::UnexpectedResponse {
        status: answer.status.as_u16(),
        reason: reason.to_owned(),
        context_id: correlation(&answer.headers),
    };
    if is_json(&answer.headers) {
        return match serde_json::from_slice::<serde_json::Value>(&answer.body) {
            Ok(serde_json::Value::String(text)) => Ok(text),
            _ => Err(unexpected("the answer is JSON, not text")),
        };
    }
    String::from_utf8(answer.body.clone()).map_err(|_| unexpected("the answer is not UTF-8 text"))
}

/// A serde_json error without the values it may quote (a token in a wrongly typed field).
pub(crate) fn describe_json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let what = if text.starts_with("missing field") {
        text.split(" at line")
            .next()
            .unwrap_or("missing field")
            .to_owned()
    } else {
        format!("{:?} JSON error", e.classify())
    };
    format!("{what} at line {} column {}", e.line(), e.column())
}

/// A non-2xx answer as [`Error::Api`], from its `ErrorBody` when it has one.
pub(crate) fn api_error(answer: &Answer) -> Error {
    let status = answer.status.as_u16();
    let body = is_json(&answer.headers)
        .then(|| serde_json::from_slice::<ErrorBody>(&answer.body).ok())
        .flatten();
    let correlation = correlation(&answer.headers);
    match body {
        Some(body) => Error::Api {
            status,
            code: body.code.unwrap_or_default(),
            message: body
                .message
                .unwrap_or_else(|| format!("HTTP {status} without a message")),
            context_id: body.context_id.or(correlation),
        },
        None => Error::Api {
            status,
            code: String::new(),
            message: format!(
                "HTTP {status} {} with no Genesys error body",
                answer.status.canonical_reason().unwrap_or("")
            ),
            context_id: correlation,
        },
    }
}

/// A reqwest failure, without the URL (it may carry a query) and named by what failed.
pub(crate) fn network(e: reqwest::Error) -> Error {
    let e = e.without_url();
    let what = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect"
    } else if e.is_body() || e.is_decode() {
        "the answer was cut off"
    } else if e.is_builder() {
        "the request could not be built"
    } else {
        "the request failed"
    };
    let mut detail = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(inner) = source {
        detail.push_str(": ");
        detail.push_str(&inner.to_string());
        source = inner.source();
    }
    Error::Network(format!("{what} ({detail})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, content_type: &str, body: &str) -> Answer {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, content_type.parse().expect("header"));
        headers.insert(CORRELATION, "corr-1".parse().expect("header"));
        Answer {
            status: StatusCode::from_u16(status).expect("status"),
            headers,
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn error_bodies_become_api_errors_with_the_correlation_id_as_fallback() {
        let err = api_error(&answer(
            403,
            "application/json",
            r#"{"message":"missing perm","code":"missing.permissions","status":403}"#,
        ));
        match &err {
            Error::Api {
                status: 403,
                code,
                context_id,
                ..
            } => {
                assert_eq!(code, "missing.permissions");
                assert_eq!(context_id.as_deref(), Some("corr-1"));
            }
            other => panic!("expected Api, got {other:?}"),
        }
        let html = api_error(&answer(502, "text/html", "<html>proxy</html>"));
        assert!(matches!(html, Error::Api { status: 502, .. }));
        assert!(!html.to_string().contains("proxy"), "bodies are not copied");
        let unauthorized = api_error(&answer(401, "text/plain", "nope"));
        assert_eq!(unauthorized.kind(), crate::ErrorKind::SignInRequired);
    }

    #[test]
    fn templates_are_read_as_text_plain_or_as_one_json_string() {
        let plain = answer(
            200,
            "text/plain; charset=utf-8",
            "{\"Presences\" : $Presence}",
        );
        assert_eq!(text(&plain).expect("text"), "{\"Presences\" : $Presence}");
        let quoted = answer(200, "application/json", "\"${input.rawRequest}\"");
        assert_eq!(text(&quoted).expect("a JSON string"), "${input.rawRequest}");
        let object = answer(200, "application/json", "{\"a\":1}");
        assert!(matches!(
            text(&object),
            Err(Error::UnexpectedResponse { .. })
        ));
        let mut bytes = answer(200, "text/plain", "");
        bytes.body = vec![0xff, 0xfe];
        assert!(matches!(
            text(&bytes),
            Err(Error::UnexpectedResponse { .. })
        ));
    }

    #[test]
    fn json_errors_do_not_quote_values() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct T {
            n: u32,
        }
        let err = parse::<T>(&answer(200, "application/json", r#"{"n":"CANARY-x"}"#))
            .expect_err("wrong type");
        assert!(!err.to_string().contains("CANARY"), "{err}");
        let err = parse::<T>(&answer(200, "application/json", "{}")).expect_err("missing");
        assert!(err.to_string().contains("missing field `n`"), "{err}");
        let err = parse::<T>(&answer(200, "text/html", "<html>")).expect_err("html");
        assert_eq!(err.kind(), crate::ErrorKind::Network);
        let err = parse::<T>(&answer(200, "application/json", r#"{"n":1"#)).expect_err("truncated");
        assert!(matches!(err, Error::UnexpectedResponse { .. }));
    }
}
