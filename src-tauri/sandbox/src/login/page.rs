//! The self-contained HTML of the login host (sign-in form, error and signed-out pages): inline
//! CSS only, no scripts or external resources, every interpolated value escaped.

use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::i18n::{text, Lang};

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;\
background:#f4f6f8;color:#1d2530}main{max-width:26rem;margin:4rem auto;background:#fff;padding:2rem;\
border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}h1{font-size:1.4rem;margin-top:0}\
label{display:block;margin:1rem 0 .3rem;font-weight:600}input{width:100%;box-sizing:border-box;\
padding:.55rem;font-size:1rem;border:1px solid #8a96a3;border-radius:4px}\
.actions{display:flex;gap:.75rem;margin-top:1.5rem}button{padding:.6rem 1.2rem;font-size:1rem;\
border-radius:4px;border:1px solid #1f5fa8;cursor:pointer}button.primary{background:#1f5fa8;color:#fff}\
button.secondary{background:#fff;color:#1f5fa8}.notice{font-size:.9rem;color:#4a5663}\
.error{color:#a01d1d;font-weight:600}:focus-visible{outline:3px solid #f0a500;outline-offset:2px}\
@media (prefers-color-scheme:dark){body{background:#15191e;color:#e4e8ec}main{background:#20262d}\
.notice{color:#aab4be}input{background:#15191e;color:#e4e8ec}button.secondary{background:#20262d;color:#8ab8f0}}";

/// Escape text for HTML element content and double-quoted attributes.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn document(lang: Lang, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{}</title>\
<style>{STYLE}</style></head><body><main>{body}</main></body></html>",
        lang.tag(),
        escape(&text(lang, "page_title"))
    )
}

/// An HTML response with the headers a sign-in page needs (no caching, no referrer, strict CSP).
pub fn html(status: StatusCode, lang: Lang, body: &str) -> Response {
    let mut response = (status, document(lang, body)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    // No `form-action`: browsers apply it to the redirect that follows the form POST, which
    // goes to the application's (registered) redirect URI on another origin.
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        ),
    );
    response
}

/// The sign-in form. `hidden` carries the authorize parameters through the POST.
pub fn sign_in(
    lang: Lang,
    org: &str,
    client: &str,
    hidden: &[(&str, &str)],
    error: Option<&str>,
    email: &str,
) -> Response {
    let fields: String = hidden
        .iter()
        .map(|(k, v)| {
            format!(
                "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
                escape(k),
                escape(v)
            )
        })
        .collect();
    let error = error
        .map(|e| {
            format!(
                "<p class=\"error\" role=\"alert\" id=\"error\">{}</p>",
                escape(e)
            )
        })
        .unwrap_or_default();
    let body = format!(
        "<h1>{heading}</h1><p class=\"notice\">{notice}</p><p>{client_label}: <strong>{client}</strong></p>{error}\
<form method=\"post\" action=\"/oauth/authorize\">{fields}\
<label for=\"email\">{email_label}</label><input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required autofocus value=\"{email}\">\
<label for=\"password\">{password_label}</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\
<div class=\"actions\"><button class=\"primary\" type=\"submit\" name=\"action\" value=\"sign_in\">{sign_in}</button>\
<button class=\"secondary\" type=\"submit\" name=\"action\" value=\"cancel\" formnovalidate>{cancel}</button></div></form>",
        heading = escape(&text(lang, "heading").replace("{org}", org)),
        notice = escape(&text(lang, "sandbox_notice")),
        client_label = escape(&text(lang, "client_label")),
        client = escape(client),
        email = escape(email),
        email_label = escape(&text(lang, "email_label")),
        password_label = escape(&text(lang, "password_label")),
        sign_in = escape(&text(lang, "sign_in")),
        cancel = escape(&text(lang, "cancel")),
    );
    html(StatusCode::OK, lang, &body)
}

/// A page that ends the flow here, for errors that must not be redirected.
pub fn message(status: StatusCode, lang: Lang, title_key: &str, message: &str) -> Response {
    let body = format!(
        "<h1>{}</h1><p role=\"alert\" id=\"error\">{}</p>",
        escape(&text(lang, title_key)),
        escape(message)
    );
    html(status, lang, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
