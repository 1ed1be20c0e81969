//! The per-token rate limit of the API host: a fixed window per access token, 429
//! `too.many.requests` with `Retry-After` (or without it: variant `no-retry-after`), and
//! `inin-ratelimit-*` headers on every answer.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::caller::bearer_token;
use crate::error_body::ApiError;
use crate::ids;
use crate::store::{lock, Ctx};
use crate::variants::RetryAfter;

pub async fn limit(State(ctx): State<Ctx>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let token = bearer_token(&parts).map(ids::digest);
    let request = Request::from_parts(parts, body);
    let Some(token) = token else {
        return next.run(request).await;
    };
    let now = ctx.now_ms();
    let verdict = {
        let mut knobs = lock(&ctx.knobs);
        knobs.rate_limit.map(|limit| {
            let window_ms =
                i64::try_from(limit.window_seconds.saturating_mul(1000)).unwrap_or(i64::MAX);
            let (start, count) = knobs.windows.entry(token).or_insert((now, 0));
            if now.saturating_sub(*start) >= window_ms {
                *start = now;
                *count = 0;
            }
            *count = count.saturating_add(1);
            let reset_ms = start.saturating_add(window_ms).saturating_sub(now);
            let reset_seconds = ((reset_ms + 999) / 1000).max(1);
            (limit, *count, reset_seconds)
        })
    };
    let Some((limit, count, reset_seconds)) = verdict else {
        return next.run(request).await;
    };
    let mut response = if count > limit.requests {
        let error = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too.many.requests",
            format!(
                "Rate limit exceeded the maximum [{}] requests within [{}] seconds",
                limit.requests, limit.window_seconds
            ),
        );
        match ctx.variant().retry_after {
            RetryAfter::Sent => error.with_header("retry-after", &reset_seconds.to_string()),
            RetryAfter::Omitted => error,
        }
        .into_response()
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    for (name, value) in [
        ("inin-ratelimit-count", count.to_string()),
        ("inin-ratelimit-allowed", limit.requests.to_string()),
        ("inin-ratelimit-reset", reset_seconds.to_string()),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    response
}
