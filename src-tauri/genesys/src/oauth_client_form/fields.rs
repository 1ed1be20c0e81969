//! One validator per field of the OAuth client form (security-matrix.md B1–B4): each returns the
//! value to send, or [`Error::InvalidInput`] naming the field, before any request is made.

use std::collections::BTreeSet;

use reqwest::Url;

use crate::error::{Error, Result};
use crate::models::{GrantType, RoleDivision, ALL_DIVISIONS};

/// Longest client name, in characters (after trimming).
pub const MAX_NAME_CHARS: usize = 256;
/// Shortest and longest token lifetime in seconds (Genesys's UI range).
pub const TOKEN_SECONDS: std::ops::RangeInclusive<u32> = 300..=172_800;
/// The lifetime Genesys applies when none is given: 24 hours.
pub const DEFAULT_TOKEN_SECONDS: u32 = 86_400;
/// Longest redirect URI, in bytes.
pub const MAX_REDIRECT_URI_LEN: usize = 2048;

fn invalid(field: &'static str, reason: impl Into<String>) -> Error {
    Error::InvalidInput {
        field,
        reason: reason.into(),
    }
}

/// Characters that reorder or hide text: bidi embeddings, overrides, isolates and marks, and
/// zero-width characters (including the BOM).
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}')
}

/// The client name: trimmed, 1–256 characters, no control or invisible-format character.
pub fn client_name(text: &str) -> Result<String> {
    let name = text.trim();
    if name.is_empty() {
        return Err(invalid("name", "a name is required"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(invalid(
            "name",
            format!("at most {MAX_NAME_CHARS} characters"),
        ));
    }
    if name
        .chars()
        .any(|c| c.is_control() || is_invisible_format(c))
    {
        return Err(invalid(
            "name",
            "control, bidirectional-override or zero-width characters are not allowed",
        ));
    }
    Ok(name.to_owned())
}

/// The description: trimmed; line breaks and tabs allowed, other control or invisible-format
/// characters not.
pub fn description(text: &str) -> Result<String> {
    let text = text.trim();
    let bad = |c: char| (c.is_control() && c != '\n' && c != '\t') || is_invisible_format(c);
    if text.chars().any(bad) {
        return Err(invalid(
            "description",
            "control, bidirectional-override or zero-width characters are not allowed",
        ));
    }
    Ok(text.to_owned())
}

/// The token lifetime typed by the user, in seconds: empty means 86,400; otherwise ASCII
/// digits only (no sign, no decimals) within 300–172,800.
pub fn token_duration(text: &str) -> Result<u32> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(DEFAULT_TOKEN_SECONDS);
    }
    let range = || {
        format!(
            "a whole number of seconds from {} to {}",
            TOKEN_SECONDS.start(),
            TOKEN_SECONDS.end()
        )
    };
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid("tokenDuration", range()));
    }
    match text.parse::<u32>() {
        Ok(seconds) if TOKEN_SECONDS.contains(&seconds) => Ok(seconds),
        _ => Err(invalid("tokenDuration", range())),
    }
}

/// The grant types that may be created: never `PASSWORD`.
pub fn grant_type(grant: GrantType) -> Result<GrantType> {
    match grant {
        GrantType::ClientCredentials
        | GrantType::Code
        | GrantType::Token
        | GrantType::Saml2Bearer => Ok(grant),
        GrantType::Password | GrantType::Unknown => Err(invalid(
            "grantType",
            "choose Client Credentials, Code Authorization, Implicit or SAML2 Bearer",
        )),
    }
}

/// One redirect URI: `https://` with a host, or loopback `http://127.0.0.1`, `http://[::1]`
/// or `http://localhost` (any port); no fragment, userinfo, wildcard, whitespace or control
/// character; at most 2048 bytes. Returns it trimmed and its normalised form (for duplicates).
pub fn redirect_uri(text: &str) -> Result<(String, String)> {
    let uri = text.trim();
    let bad = |reason: &str| invalid("redirectUris", format!("{uri:?}: {reason}"));
    if uri.is_empty() {
        return Err(invalid("redirectUris", "a redirect URI is empty"));
    }
    if uri.len() > MAX_REDIRECT_URI_LEN {
        return Err(invalid(
            "redirectUris",
            format!("a redirect URI is longer than {MAX_REDIRECT_URI_LEN} characters"),
        ));
    }
    if uri
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || is_invisible_format(c))
    {
        return Err(bad("spaces and control characters are not allowed"));
    }
    if uri.contains('#') {
        return Err(bad("a fragment (#) is not allowed"));
    }
    if uri.contains('*') {
        return Err(bad("wildcards are not allowed"));
    }
    let Some((scheme, rest)) = uri.split_once("://") else {
        return Err(bad("must be an absolute https:// or loopback http:// URI"));
    };
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(bad("user names and passwords are not allowed"));
    }
    let host = host_of(authority);
    if scheme.eq_ignore_ascii_case("https") {
        if host.is_empty() {
            return Err(bad("a host is required"));
        }
    } else if scheme.eq_ignore_ascii_case("http") {
        if !is_loopback(host) {
            return Err(bad(
                "http:// is only for 127.0.0.1, [::1] or localhost; use https://",
            ));
        }
    } else {
        return Err(bad("must be an https:// or loopback http:// URI"));
    }
    let parsed = Url::parse(uri).map_err(|_| bad("not a valid URI"))?;
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(bad("a host is required"));
    }
    Ok((uri.to_owned(), parsed.to_string()))
}

/// The host of an authority `host[:port]` or `[v6][:port]`, as typed.
fn host_of(authority: &str) -> &str {
    if authority.starts_with('[') {
        return authority.split_inclusive(']').next().unwrap_or(authority);
    }
    authority.split(':').next().unwrap_or("")
}

fn is_loopback(host: &str) -> bool {
    host == "127.0.0.1" || host == "[::1]" || host.eq_ignore_ascii_case("localhost")
}

/// Every redirect URI, trimmed, with no two alike after normalisation.
pub fn redirect_uris(uris: &[String]) -> Result<Vec<String>> {
    let mut seen = BTreeSet::new();
    let mut kept = Vec::with_capacity(uris.len());
    for text in uris {
        let (uri, normal) = redirect_uri(text)?;
        if !seen.insert(normal) {
            return Err(invalid("redirectUris", format!("{uri:?} is listed twice")));
        }
        kept.push(uri);
    }
    Ok(kept)
}

/// Scope ids: trimmed, non-empty, no whitespace or control characters; duplicates dropped.
pub fn scopes(scopes: &[String]) -> Result<Vec<String>> {
    let mut kept: Vec<String> = Vec::with_capacity(scopes.len());
    for scope in scopes {
        let scope = scope.trim();
        if scope.is_empty()
            || scope
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || is_invisible_format(c))
        {
            return Err(invalid("scopes", format!("{scope:?} is not a scope id")));
        }
        if !kept.iter().any(|k| k == scope) {
            kept.push(scope.to_owned());
        }
    }
    Ok(kept)
}

/// The pairs of `wanted` that `held` does not cover: a held pair covers the same role in the
/// same division, and a held division `*` covers the role in every division.
pub fn not_held(wanted: &[RoleDivision], held: &[RoleDivision]) -> Vec<RoleDivision> {
    wanted
        .iter()
        .filter(|w| {
            !held.iter().any(|h| {
                h.role_id == w.role_id
                    && (h.division_id == ALL_DIVISIONS || h.division_id == w.division_id)
            })
        })
        .cloned()
        .collect()
}

/// Role/division pairs for a Client Credentials client: at least one, ids present, duplicates
/// dropped, and every pair held by the signed-in user (else the error lists the ones not held).
pub fn role_divisions(pairs: &[RoleDivision], held: &[RoleDivision]) -> Result<Vec<RoleDivision>> {
    if pairs.is_empty() {
        return Err(invalid(
            "roleDivisions",
            "a Client Credentials client needs at least one role",
        ));
    }
    let mut kept: Vec<RoleDivision> = Vec::with_capacity(pairs.len());
    for pair in pairs {
        let pair = RoleDivision {
            role_id: pair.role_id.trim().to_owned(),
            division_id: pair.division_id.trim().to_owned(),
        };
        if pair.role_id.is_empty() || pair.division_id.is_empty() {
            return Err(invalid(
                "roleDivisions",
                "each role needs a role and a division",
            ));
        }
        if !kept.contains(&pair) {
            kept.push(pair);
        }
    }
    let missing = not_held(&kept, held);
    if !missing.is_empty() {
        let list: Vec<String> = missing
            .iter()
            .map(|p| format!("role {} in division {}", p.role_id, p.division_id))
            .collect();
        return Err(invalid(
            "roleDivisions",
            format!(
                "to grant roles to an OAuth client you must hold them yourself; not held: {}",
                list.join(", ")
            ),
        ));
    }
    Ok(kept)
}
