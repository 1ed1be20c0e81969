//! Signing in to a Genesys Cloud org: browser flows (PKCE, legacy Implicit) over a loopback
//! listener, client credentials, and the resulting [`Session`].

mod callback;
mod client_secret;
mod loopback;
mod page;
pub mod pkce;
mod ports;
mod relay_page;
mod session;
mod sign_in;
mod token;

pub use callback::{MAX_BODY_BYTES, MAX_HEAD_BYTES};
pub use client_secret::verify_client_secret;
pub use loopback::{MAX_CONNECTIONS, READ_TIMEOUT, RELAY_PATH};
pub use ports::{MAX_PORTS, PORT_RANGE};
pub use relay_page::RELAY_SCRIPT;
pub use session::{Grant, Session, SessionInfo, MAX_TOKEN_LIFETIME};
pub use sign_in::{
    begin_sign_in, client_credentials, BrowserGrant, CancelSignIn, PendingSignIn, SignInRequest,
    DEFAULT_TIMEOUT, TIMEOUT_RANGE,
};
pub use token::{logout_url, MAX_TOKEN_RESPONSE_BYTES};
