//! Signing in to a Sandbox org as its practice admin with no person at the browser: a
//! no-redirect HTTP client loads the login host's form, submits the seeded admin's email and
//! password, and follows the redirect to the app's loopback listener itself.

use genesys::auth::{begin_sign_in, BrowserGrant, Session, SignInRequest, DEFAULT_TIMEOUT};
use genesys::{Endpoints, Language};
use sandbox::RunningSandbox;

pub fn endpoints(org: &RunningSandbox) -> Endpoints {
    Endpoints {
        login_base: org.login_base_url(),
        api_base: org.api_base_url(),
    }
}

/// A PKCE sign-in to `org` as the practice admin.
pub async fn sign_in_as_practice_admin(org: &RunningSandbox) -> Result<Session, String> {
    let pending = begin_sign_in(SignInRequest {
        endpoints: endpoints(org),
        region_code: "sandbox".into(),
        client_id: org.seed().code_client_id.clone(),
        grant: BrowserGrant::Pkce,
        prompt_login: false,
        language: Language::En,
        timeout: DEFAULT_TIMEOUT,
        ports: Vec::new(),
    })
    .await
    .map_err(|e| format!("sign-in does not begin: {e}"))?;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| format!("no HTTP client: {e}"))?;
    let url = reqwest::Url::parse(&pending.authorize_url).map_err(|e| e.to_string())?;
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
        .map_err(|e| format!("the sign-in form is not answered: {e}"))?;
    let back = answer
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .ok_or(format!(
            "the sign-in form answered {} without a redirect",
            answer.status()
        ))?
        .to_owned();
    let finish = tokio::spawn(pending.finish());
    http.get(back)
        .send()
        .await
        .map_err(|e| format!("the loopback callback failed: {e}"))?;
    finish
        .await
        .map_err(|e| format!("the sign-in task failed: {e}"))?
        .map_err(|e| format!("sign-in failed: {e}"))
}
