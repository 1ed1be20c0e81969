//! Redirect URI matching and building the redirect back to the application (its URI and the
//! `302 Found` that carries it).
//!
//! Matching: scheme, host and path as registered; the port must match, except that a loopback
//! URI registered without a port accepts any port. Only the port is documented as free, so by
//! default the path must be the registered one (an empty path and `/` are the same path); the
//! `gc` CLI's redirect URI is a bare loopback origin with a port
//! (platform-client-sdk-cli build/gc/cmd/profiles/createprofile.go). Whether a real org also
//! accepts a longer path below the registered one is not in the sources:
//! [`RedirectPath::Prefix`] accepts it, so clients are tested against both readings.

use axum::http::header::{CACHE_CONTROL, LOCATION, REFERRER_POLICY};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::variants::RedirectPath;

struct Parts<'a> {
    scheme: String,
    host: String,
    port: Option<&'a str>,
    path: &'a str,
}

fn split(uri: &str) -> Option<Parts<'_>> {
    if uri.contains('#') {
        return None;
    }
    let (scheme, rest) = uri.split_once("://")?;
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (host, after) = v6.split_once(']')?;
        (format!("[{host}]"), after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host.to_owned(), Some(port)),
            None => (authority.to_owned(), None),
        }
    };
    if port.is_some_and(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    Some(Parts {
        scheme: scheme.to_ascii_lowercase(),
        host: host.to_ascii_lowercase(),
        port,
        path,
    })
}

fn is_loopback(host: &str) -> bool {
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

/// Whether `requested` is allowed by the `registered` redirect URI, comparing paths as `mode`
/// says.
pub fn matches(registered: &str, requested: &str, mode: RedirectPath) -> bool {
    let (Some(reg), Some(req)) = (split(registered), split(requested)) else {
        return false;
    };
    let port_ok = match reg.port {
        None if is_loopback(&reg.host) => true,
        port => port == req.port,
    };
    let path_ok = match mode {
        RedirectPath::Exact => same_path(reg.path, req.path),
        RedirectPath::Prefix => {
            let reg_path = reg.path.trim_end_matches('/');
            req.path.starts_with(reg_path)
                && matches!(
                    req.path[reg_path.len()..].chars().next(),
                    None | Some('/') | Some('?')
                )
        }
    };
    reg.scheme == req.scheme && reg.host == req.host && port_ok && path_ok
}

/// The same path and query, where an empty path is `/` (`http://h` and `http://h/` name one
/// resource).
fn same_path(registered: &str, requested: &str) -> bool {
    let rooted = |p: &str| {
        if p.is_empty() || p.starts_with('?') {
            format!("/{p}")
        } else {
            p.to_owned()
        }
    };
    rooted(registered) == rooted(requested)
}

/// `uri` with `params` appended to its query (code flow) or as its fragment (implicit flow).
pub fn with_params(uri: &str, params: &[(&str, &str)], fragment: bool) -> String {
    let mut encoded = form_urlencoded::Serializer::new(String::new());
    for (k, v) in params {
        encoded.append_pair(k, v);
    }
    let encoded = encoded.finish();
    let separator = if fragment {
        '#'
    } else if uri.contains('?') {
        '&'
    } else {
        '?'
    };
    format!("{uri}{separator}{encoded}")
}

/// `302 Found` to `location`, neither cached nor sending a `Referer` onward (the location may
/// carry a code or a token).
pub fn found(location: &str) -> Response {
    let mut response = StatusCode::FOUND.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(location) {
        headers.insert(LOCATION, value);
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    use RedirectPath::{Exact, Prefix};

    #[test]
    fn loopback_without_port_accepts_any_port() {
        for mode in [Exact, Prefix] {
            assert!(matches("http://127.0.0.1", "http://127.0.0.1:51234", mode));
            assert!(matches("http://127.0.0.1", "http://127.0.0.1:51234/", mode));
            assert!(matches("http://localhost", "http://localhost:7788", mode));
            assert!(matches("http://[::1]/cb", "http://[::1]:9000/cb", mode));
        }
    }

    #[test]
    fn only_the_prefix_variant_accepts_a_longer_path() {
        let longer = "http://127.0.0.1:51234/callback/us-east-1";
        assert!(!matches("http://127.0.0.1", longer, Exact));
        assert!(matches("http://127.0.0.1", longer, Prefix));
        assert!(!matches(
            "http://127.0.0.1/cb",
            "http://127.0.0.1:1/cb/x",
            Exact
        ));
        assert!(matches(
            "http://127.0.0.1/cb",
            "http://127.0.0.1:1/cb/x",
            Prefix
        ));
        assert!(!matches(
            "http://127.0.0.1/cb",
            "http://127.0.0.1:1/cb?x=1",
            Exact
        ));
        assert!(!matches("http://127.0.0.1/cb", "http://127.0.0.1:1", Exact));
    }

    #[test]
    fn explicit_ports_and_other_hosts_must_match() {
        for mode in [Exact, Prefix] {
            assert!(matches(
                "http://127.0.0.1:7788/cb",
                "http://127.0.0.1:7788/cb",
                mode
            ));
            let refused = [
                ("http://127.0.0.1:7788/cb", "http://127.0.0.1:7789/cb"),
                (
                    "https://app.example.com/cb",
                    "https://app.example.com:8443/cb",
                ),
                ("http://127.0.0.1", "http://localhost:5000"),
                ("http://127.0.0.1", "https://127.0.0.1:5000"),
                ("http://127.0.0.1/cb", "http://127.0.0.1:5000/cbx"),
                ("http://127.0.0.1", "http://127.0.0.1.evil.example:5000"),
                ("http://127.0.0.1", "http://user@127.0.0.1:5000"),
                ("http://127.0.0.1", "http://127.0.0.1:5000/#x"),
            ];
            for (registered, requested) in refused {
                assert!(!matches(registered, requested, mode), "{requested}");
            }
        }
    }

    #[test]
    fn params_go_to_query_or_fragment() {
        assert_eq!(
            with_params("http://h/cb", &[("code", "a b")], false),
            "http://h/cb?code=a+b"
        );
        assert_eq!(
            with_params("http://h/cb?x=1", &[("s", "1")], false),
            "http://h/cb?x=1&s=1"
        );
        assert_eq!(
            with_params("http://h/cb", &[("access_token", "t")], true),
            "http://h/cb#access_token=t"
        );
    }
}
