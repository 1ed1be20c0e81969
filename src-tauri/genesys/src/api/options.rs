//! How a [`super::Client`] behaves: timeouts, retries, request budget, and the language it
//! asks Genesys to answer in. `Default` is what the app uses.

use std::time::Duration;

use super::retry::RetryPolicy;
use crate::settings::Language;

/// Connecting gives up after this long (default).
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// A whole request (connect, send, read) gives up after this long (default).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// API answers larger than this are refused (security-matrix.md B7, G6).
pub const MAX_RESPONSE_BYTES: usize = 10 * 1024 * 1024;
/// Requests one client (and its clones) has in flight at most (default).
pub const MAX_IN_FLIGHT: usize = 4;
/// Requests one client (and its clones) starts in any rolling minute at most (default): under
/// the 300 a minute Genesys allows one token, with room for the login host and other tools.
pub const PER_MINUTE: u32 = 240;
/// How long a read right after a create retries a 404 (default): Genesys is eventually
/// consistent, so a new object may not be readable at once.
pub const READ_AFTER_CREATE_WITHIN: Duration = Duration::from_secs(60);

/// Timeouts, retries, request budget and answer language of a [`super::Client`]; `Default` is
/// what the app uses (security-matrix.md, HTTP numbers), in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientOptions {
    /// A whole request (connect, send, read) gives up after this long: 30 s.
    pub request_timeout: Duration,
    /// Connecting gives up after this long: 10 s.
    pub connect_timeout: Duration,
    pub retry: RetryPolicy,
    /// Requests in flight at once, shared by clones: 4.
    pub max_in_flight: usize,
    /// Requests started in any rolling minute, shared by clones: 240.
    pub per_minute: u32,
    /// How long a read right after a create retries a 404: 60 s.
    pub read_after_create_within: Duration,
    /// Sent as `Accept-Language` on every request, so that text Genesys writes for people
    /// comes back in the UI's language: English unless told otherwise. Genesys reads the
    /// header at least for scope and authorized-client descriptions: its JavaScript SDK sends
    /// `getOauthScopes`' and `getOauthAuthorizations`' `acceptLanguage` option as
    /// `Accept-Language` ("the language with which to display the scope descriptions",
    /// default `en-us`; platform-client-sdk-javascript
    /// build/src/purecloud-platform-client-v2/api/OAuthApi.js). Where Genesys has no
    /// localized text the header changes nothing.
    pub language: Language,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            request_timeout: REQUEST_TIMEOUT,
            connect_timeout: CONNECT_TIMEOUT,
            retry: RetryPolicy::default(),
            max_in_flight: MAX_IN_FLIGHT,
            per_minute: PER_MINUTE,
            read_after_create_within: READ_AFTER_CREATE_WITHIN,
            language: Language::En,
        }
    }
}
