//! What the loopback listener answers the browser: small self-contained pages in the user's
//! language (catalogues in `i18n/`), strict headers, everything echoed HTML-escaped.

use std::collections::HashMap;
use std::sync::OnceLock;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::settings::Language;

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;\
background:#f4f6f8;color:#1d2530}main{max-width:30rem;margin:4rem auto;background:#fff;padding:2rem;\
border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}h1{font-size:1.4rem;margin-top:0}#m{white-space:pre-line}\
@media (prefers-color-scheme:dark){body{background:#15191e;color:#e4e8ec}main{background:#20262d}}\
@media (scripting:none){#relay{display:none}}";

/// One HTTP answer of the listener.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    pub status: u16,
    content_type: &'static str,
    pub(crate) csp: String,
    pub body: String,
}

fn catalogue(language: Language) -> &'static HashMap<String, String> {
    static CATALOGUES: OnceLock<[HashMap<String, String>; 3]> = OnceLock::new();
    let all = CATALOGUES.get_or_init(|| {
        let parse = |json: &str| serde_json::from_str(json).unwrap_or_default();
        [
            parse(include_str!("i18n/en.json")),
            parse(include_str!("i18n/es.json")),
            parse(include_str!("i18n/pt-BR.json")),
        ]
    });
    match language {
        Language::En => &all[0],
        Language::Es => &all[1],
        Language::PtBr => &all[2],
    }
}

/// The text for `key` in `language`, else English, else the key itself.
pub(crate) fn text(language: Language, key: &str) -> String {
    catalogue(language)
        .get(key)
        .or_else(|| catalogue(Language::En).get(key))
        .cloned()
        .unwrap_or_else(|| key.to_owned())
}

/// Escape for HTML element content and quoted attributes.
pub(crate) fn escape(value: &str) -> String {
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

/// `'sha256-…'`, the CSP source that allows exactly this inline text.
pub(crate) fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

fn csp(script: Option<&str>) -> String {
    let script = script.map_or("'none'".to_owned(), csp_hash);
    format!(
        "default-src 'none'; script-src {script}; style-src {}; connect-src 'self'; \
img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        csp_hash(STYLE)
    )
}

pub(crate) fn document(status: u16, language: Language, main: &str, script: Option<&str>) -> Page {
    let tag = language.tag();
    let script_tag = script.map_or(String::new(), |s| format!("<script>{s}</script>"));
    let body = format!(
        "<!doctype html><html lang=\"{tag}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{}</title>\
<style>{STYLE}</style></head><body><main>{main}</main>{script_tag}</body></html>",
        escape(&text(language, "page_title"))
    );
    Page {
        status,
        content_type: "text/html; charset=utf-8",
        csp: csp(script),
        body,
    }
}

fn message(status: u16, language: Language, heading: &str, paragraphs: &[String]) -> Page {
    let paragraphs: String = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect();
    let main = format!("<h1>{}</h1>{paragraphs}", escape(&text(language, heading)));
    document(status, language, &main, None)
}

/// "Signed in to {org} as {user}. You can close this tab."
pub(crate) fn signed_in_text(language: Language, org: &str, user: &str) -> String {
    text(language, "signed_in_body")
        .replace("{org}", org)
        .replace("{user}", user)
}

pub(crate) fn signed_in(language: Language, org: &str, user: &str) -> Page {
    let body = signed_in_text(language, org, user);
    message(200, language, "signed_in_heading", &[body])
}

pub(crate) fn denied(language: Language, description: Option<&str>) -> Page {
    let mut paragraphs = vec![text(language, "denied_body")];
    if let Some(description) = description {
        paragraphs.push(text(language, "denied_detail").replace("{description}", description));
    }
    message(200, language, "denied_heading", &paragraphs)
}

/// The flow failed; `description` is the login host's own explanation, when it gave one.
pub(crate) fn failed(language: Language, description: Option<&str>) -> Page {
    let mut paragraphs = vec![text(language, "failed_body")];
    if let Some(description) = description {
        paragraphs.push(text(language, "denied_detail").replace("{description}", description));
    }
    message(200, language, "failed_heading", &paragraphs)
}

pub(crate) fn bad_request(language: Language) -> Page {
    let body = text(language, "bad_request_body");
    message(400, language, "bad_request_heading", &[body])
}

pub(crate) fn not_found(language: Language) -> Page {
    let body = text(language, "not_found_body");
    message(404, language, "not_found_heading", &[body])
}

/// A bare answer to a request that is not HTTP the listener accepts (405, 413, 431...).
pub(crate) fn refusal(status: u16) -> Page {
    Page::plain(status, reason(status).to_owned())
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        _ => "Error",
    }
}

impl Page {
    /// A plain-text answer, which runs nothing.
    pub(crate) fn plain(status: u16, body: String) -> Page {
        Page {
            status,
            content_type: "text/plain; charset=utf-8",
            csp: csp(None),
            body,
        }
    }

    /// The visible text of the page, one line per element, for the relay's `textContent`
    /// (shown with `white-space: pre-line`).
    pub(crate) fn text(&self) -> String {
        let main = self.body.split("<main>").nth(1).unwrap_or(&self.body);
        let main = main.split("</main>").next().unwrap_or(main);
        let mut out = String::new();
        let mut inside = false;
        for c in main.chars() {
            match c {
                '<' => {
                    inside = true;
                    out.push('\n');
                }
                '>' => inside = false,
                c if !inside => out.push(c),
                _ => {}
            }
        }
        let out = out
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        let lines: Vec<&str> = out
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        lines.join("\n")
    }

    /// The whole HTTP/1.1 response; the connection closes after it.
    pub(crate) fn to_http(&self) -> Vec<u8> {
        format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nContent-Security-Policy: {}\r\n\
Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nX-Content-Type-Options: nosniff\r\n\
Connection: close\r\n\r\n{}",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len(),
            self.csp,
            self.body
        )
        .into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_have_the_same_keys_and_name_org_and_user() {
        let keys = |l| {
            let mut k: Vec<_> = catalogue(l).keys().cloned().collect();
            k.sort();
            k
        };
        assert!(!keys(Language::En).is_empty(), "en.json parses");
        assert_eq!(keys(Language::En), keys(Language::Es));
        assert_eq!(keys(Language::En), keys(Language::PtBr));
        for l in [Language::En, Language::Es, Language::PtBr] {
            let page = signed_in(l, "Org <b>", "Ana & Bo");
            assert!(page.body.contains("Org &lt;b&gt;") && page.body.contains("Ana &amp; Bo"));
        }
    }

    #[test]
    fn the_relay_text_has_one_line_per_element_and_no_markup() {
        let text = signed_in(Language::En, "Org & Co", "Ana <A>").text();
        assert_eq!(
            text,
            "Signed in\nDip Studio is signed in to Org & Co as Ana <A>. You can close this tab."
        );
    }
}
