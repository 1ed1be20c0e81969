//! Shared by the benches: the Sandbox org's endpoints, a no-redirect HTTP client playing the
//! browser, and a PKCE sign-in as the practice admin through the real login host.

use genesys::auth::{begin_sign_in, BrowserGrant, Session, SignInRequest, DEFAULT_TIMEOUT};
use genesys::{Endpoints, Language};
use sandbox::RunningSandbox;

pub fn endpoints(org: &RunningSandbox) -> Endpoints {
    Endpoints {
        login_base: org.login_base_url(),
        api_base: org.api_base_url(),
    }
}

pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client")
}

/// A PKCE sign-in as the practice admin; reqwest plays the browser.
pub async fn sign_in(org: &RunningSandbox) -> Session {
    let pending = begin_sign_in(SignInRequest {
        endpoints: endpoints(org),
        region_code: "sandbox".into(),
        client_id: org.seed().code_client_id.clone(),
        grant: BrowserGrant::Pkce,
        prompt_login: false,
        language: Language::En,
        timeout: DEFAULT_TIMEOUT,
    })
    .await
    .expect("sign-in begins");
    let http = browser();
    let url = reqwest::Url::parse(&pending.authorize_url).expect("absolute");
    let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    form.extend([
        ("email".into(), org.seed().admin_email.clone()),
        ("password".into(), org.seed().admin_password.clone()),
        ("action".into(), "sign_in".into()),
    ]);
    let answer = http
        .post(format!("{}/oauth/authorize", org.login_base_url()))
        .form(&form)
        .send()
        .await
        .expect("the sign-in form is answered");
    let back = answer.headers()["location"]
        .to_str()
        .expect("a Location")
        .to_owned();
    let finish = tokio::spawn(pending.finish());
    http.get(back).send().await.expect("the callback");
    finish.await.expect("no panic").expect("signed in")
}
