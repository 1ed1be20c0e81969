//! Shared by the benches: the Sandbox org's endpoints, a no-redirect HTTP client, and a PKCE
//! sign-in as the practice admin (the live suite's, so there is one way to do it).
// Each bench includes this module and uses only part of it.
#![allow(dead_code)]

use genesys::auth::Session;
use genesys::Endpoints;
use sandbox::RunningSandbox;

pub fn endpoints(org: &RunningSandbox) -> Endpoints {
    live::sandbox_endpoints(org)
}

pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client")
}

/// A PKCE sign-in as the practice admin; reqwest plays the browser.
pub async fn sign_in(org: &RunningSandbox) -> Session {
    live::sign_in_as_practice_admin(org)
        .await
        .expect("signed in")
}
