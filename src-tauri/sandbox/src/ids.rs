//! Fresh identifiers and secrets: UUIDs for objects, 256-bit random strings for secrets, codes
//! and tokens, and the SHA-256 digests under which secrets are stored.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// A new random object id, as Genesys uses (UUID v4).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A random base64url string carrying `bytes` bytes of OS randomness.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    // getrandom only fails when the OS has no entropy source at all; fall back to UUIDs (also
    // OS-random) so a request never panics.
    if getrandom::fill(&mut buf).is_err() {
        let mut text = String::new();
        while text.len() < bytes * 2 {
            text.push_str(&uuid::Uuid::new_v4().simple().to_string());
        }
        return text;
    }
    URL_SAFE_NO_PAD.encode(buf)
}

/// Hex SHA-256 of a secret, the only form in which the org keeps secrets and tokens.
pub fn digest(secret: &str) -> String {
    let hash = Sha256::digest(secret.as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// base64url(SHA-256(verifier)) without padding: the PKCE S256 transform (RFC 7636 §4.2).
pub fn s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s256_matches_rfc7636_appendix_b() {
        assert_eq!(
            s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn random_tokens_differ_and_are_url_safe() {
        let a = random_token(32);
        let b = random_token(32);
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }
}
