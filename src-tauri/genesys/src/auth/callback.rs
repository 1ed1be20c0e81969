//! Reading one browser request on the loopback listener, defensively: head at most 8 KiB and
//! 100 headers, HTTP/1.x only, small bodies, and strict UTF-8 form parameters.

use percent_encoding::percent_decode_str;
use tokio::io::{AsyncRead, AsyncReadExt};

/// Request line and headers, together, at most this many bytes (security-matrix.md A10, H).
pub const MAX_HEAD_BYTES: usize = 8 * 1024;
/// The relay POST body (a fragment with one token) at most this many bytes.
pub const MAX_BODY_BYTES: usize = 8 * 1024;
const MAX_HEADERS: usize = 100;

/// A request the listener can route.
#[derive(Debug)]
pub(crate) struct Request {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub host: Option<String>,
    pub origin: Option<String>,
    pub content_length: usize,
    pub body: Vec<u8>,
}

/// Why a request was not read: answer with this status, or just close (`None`).
pub(crate) type Refusal = Option<u16>;

/// Reads one request. The caller bounds it with the per-connection read timeout.
pub(crate) async fn read_request<S: AsyncRead + Unpin>(stream: &mut S) -> Result<Request, Refusal> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    let (head_len, mut request) = loop {
        let n = stream.read(&mut chunk).await.map_err(|_| None)?;
        if n == 0 {
            return Err(None);
        }
        buf.extend_from_slice(&chunk[..n]);
        match parse_head(&buf)? {
            Some(parsed) => break parsed,
            None if buf.len() >= MAX_HEAD_BYTES => return Err(Some(431)),
            None => continue,
        }
    };
    if head_len > MAX_HEAD_BYTES {
        return Err(Some(431));
    }
    let length = request.content_length;
    request.body = buf[head_len..].to_vec();
    if request.body.len() > length {
        return Err(Some(400));
    }
    while request.body.len() < length {
        let n = stream.read(&mut chunk).await.map_err(|_| None)?;
        if n == 0 {
            return Err(None);
        }
        request.body.extend_from_slice(&chunk[..n]);
        if request.body.len() > length {
            return Err(Some(400));
        }
    }
    Ok(request)
}

/// The head, once complete: its length and the request (body not read yet).
fn parse_head(buf: &[u8]) -> Result<Option<(usize, Request)>, Refusal> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    let head_len = match parsed.parse(buf) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(httparse::Error::TooManyHeaders) => return Err(Some(431)),
        Err(_) => return Err(Some(400)),
    };
    let target = parsed.path.ok_or(Some(400))?;
    let method = parsed.method.ok_or(Some(400))?.to_owned();
    let single = |name: &str| -> Result<Option<String>, Refusal> {
        let mut values = parsed
            .headers
            .iter()
            .filter(|h| h.name.eq_ignore_ascii_case(name));
        let first = values.next();
        if values.next().is_some() {
            return Err(Some(400));
        }
        first
            .map(|h| {
                std::str::from_utf8(h.value)
                    .map(str::to_owned)
                    .map_err(|_| Some(400))
            })
            .transpose()
    };
    if single("transfer-encoding")?.is_some() {
        return Err(Some(400));
    }
    let length = match single("content-length")? {
        Some(v) => v.trim().parse::<usize>().map_err(|_| Some(400))?,
        None => 0,
    };
    if length > MAX_BODY_BYTES {
        return Err(Some(413));
    }
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_owned(), Some(q.to_owned())),
        None => (target.to_owned(), None),
    };
    let request = Request {
        method,
        path,
        query,
        host: single("host")?,
        origin: single("origin")?,
        content_length: length,
        body: Vec::new(),
    };
    Ok(Some((head_len, request)))
}

/// `application/x-www-form-urlencoded` pairs, refusing invalid percent-encoded UTF-8 and any
/// repeated name (two `code` or `state` values are an attack, not a choice).
pub(crate) fn form_pairs(encoded: &str) -> Option<Vec<(String, String)>> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for part in encoded.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = part.split_once('=').unwrap_or((part, ""));
        let decode = |s: &str| {
            percent_decode_str(&s.replace('+', " "))
                .decode_utf8()
                .ok()
                .map(|c| c.into_owned())
        };
        let (name, value) = (decode(name)?, decode(value)?);
        if pairs.iter().any(|(n, _)| *n == name) {
            return None;
        }
        pairs.push((name, value));
    }
    Some(pairs)
}

/// The value of `name` among `pairs`.
pub(crate) fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn read(raw: &[u8]) -> Result<Request, Refusal> {
        let mut input = raw;
        read_request(&mut input).await
    }

    #[tokio::test]
    async fn malformed_requests_are_refused_with_a_status() {
        let long = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_HEAD_BYTES));
        let many: String = (0..101).map(|i| format!("X-{i}: v\r\n")).collect();
        let many = format!("GET / HTTP/1.1\r\n{many}\r\n");
        let cases: [(&[u8], Refusal); 7] = [
            (long.as_bytes(), Some(431)),
            (many.as_bytes(), Some(431)),
            (b"GET / HTTP/2.0\r\n\r\n", Some(400)),
            (b"GET /\xff\xfe HTTP/1.1\r\n\r\n", Some(400)),
            (
                b"POST /relay HTTP/1.1\r\nContent-Length: 99999\r\n\r\n",
                Some(413),
            ),
            (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", Some(400)),
            (b"GET / HTTP/1.1\r\nHost: a", None),
        ];
        for (raw, want) in cases {
            let got = read(raw).await.map(|r| r.path);
            assert_eq!(got.err(), Some(want), "{}", String::from_utf8_lossy(raw));
        }
    }

    #[tokio::test]
    async fn a_post_body_is_read_to_its_length() {
        let request = read(b"POST /relay?x HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nab=cd")
            .await
            .expect("valid");
        assert_eq!(request.method, "POST");
        assert_eq!(
            (request.path.as_str(), request.query.as_deref()),
            ("/relay", Some("x"))
        );
        assert_eq!(request.body, b"ab=cd");
        assert_eq!(request.host.as_deref(), Some("h"));
    }

    /// A10's fuzz case, cheaply: random bytes and mutated valid requests never panic.
    #[tokio::test]
    async fn random_and_mutated_requests_never_panic() {
        let valid = b"GET /callback/x?code=a%20b&state=s HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n";
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..5_000 {
            let mut bytes = valid.to_vec();
            if round % 2 == 0 {
                let len = (next() % 300) as usize;
                bytes = (0..len).map(|_| next() as u8).collect();
            } else {
                for _ in 0..(1 + next() % 4) {
                    let at = (next() as usize) % bytes.len();
                    bytes[at] = next() as u8;
                }
            }
            if let Ok(request) = read(&bytes).await {
                let _ = request.query.as_deref().and_then(form_pairs);
            }
        }
    }

    #[test]
    fn form_pairs_are_strict() {
        let pairs = form_pairs("code=a%2Bb&state=x+y&empty").expect("valid");
        assert_eq!(param(&pairs, "code"), Some("a+b"));
        assert_eq!(param(&pairs, "state"), Some("x y"));
        assert_eq!(param(&pairs, "empty"), Some(""));
        assert!(form_pairs("code=1&code=2").is_none(), "duplicate code");
        assert!(form_pairs("state=%ff").is_none(), "invalid UTF-8");
    }
}
