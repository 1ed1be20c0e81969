//! PKCE S256 (RFC 7636) and the sign-in `state`: 32 bytes from the OS random number generator
//! each, base64url without padding (43 characters); `state` compared in constant time.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::secrets::Secret;

/// Random bytes behind a verifier or a `state`: 256 bits.
pub const RANDOM_BYTES: usize = 32;

/// A PKCE verifier and its S256 challenge. The verifier is a [`Secret`].
#[derive(Debug, Clone)]
pub struct Pkce {
    /// 43 base64url characters, sent only with the code to the token endpoint.
    pub verifier: Secret,
    /// `base64url(SHA-256(verifier))`, sent in the authorize URL.
    pub challenge: String,
}

impl Pkce {
    /// A fresh verifier from the OS random number generator.
    pub fn generate() -> Result<Pkce> {
        Ok(Pkce::from_bytes(os_random()?))
    }

    /// The verifier made of these 32 bytes (for tests with known vectors).
    pub fn from_bytes(bytes: [u8; RANDOM_BYTES]) -> Pkce {
        let verifier = URL_SAFE_NO_PAD.encode(bytes);
        let challenge = s256(&verifier);
        Pkce {
            verifier: Secret::new(verifier),
            challenge,
        }
    }
}

/// `base64url(SHA-256(verifier))` without padding.
pub fn s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// A fresh 256-bit `state`, base64url (43 characters).
pub fn new_state() -> Result<String> {
    Ok(URL_SAFE_NO_PAD.encode(os_random()?))
}

/// Compares two `state` values without an early exit on the first differing byte.
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (Sha256::digest(a.as_bytes()), Sha256::digest(b.as_bytes()));
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

fn os_random() -> Result<[u8; RANDOM_BYTES]> {
    let mut bytes = [0u8; RANDOM_BYTES];
    getrandom::fill(&mut bytes)
        .map_err(|_| Error::Unexpected("the OS random number generator failed".to_owned()))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn rfc7636_appendix_b_vector() {
        let bytes = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212,
            37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
        ];
        let pkce = Pkce::from_bytes(bytes);
        assert_eq!(
            pkce.verifier.expose(),
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        );
        assert_eq!(
            pkce.challenge,
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn verifiers_and_states_are_43_unreserved_characters_and_unique() {
        let unreserved = |s: &str| {
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
        };
        let mut seen = HashSet::new();
        for _ in 0..10_000 {
            let pkce = Pkce::generate().expect("OS RNG");
            let state = new_state().expect("OS RNG");
            for value in [pkce.verifier.expose(), state.as_str()] {
                assert_eq!(value.len(), 43, "32 bytes are 43 base64url characters");
                assert!(unreserved(value), "RFC 7636 charset: {value}");
                assert!(seen.insert(value.to_owned()), "no duplicates in 20,000");
            }
            assert_eq!(pkce.challenge, s256(pkce.verifier.expose()));
        }
    }
}
