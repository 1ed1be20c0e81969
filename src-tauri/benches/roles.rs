//! `cargo bench --bench roles` (printed by `cargo xtask bench`): the time to the full roles
//! list of the picker over real HTTP — 5,000 extra roles in a Sandbox org answering every
//! request after 50 ms — as the `authorization_roles` command reads it (every role page,
//! the divisions and `subjects/me` at once). Prints numbers; asserts nothing about time.

use std::time::{Duration, Instant};

use genesys::auth::{begin_sign_in, BrowserGrant, Session, SignInRequest, DEFAULT_TIMEOUT};
use genesys::{Endpoints, Language};
use sandbox::{Sandbox, SandboxOptions};

const EXTRA_ROLES: usize = 5_000;
const LATENCY: Duration = Duration::from_millis(50);
const RUNS: usize = 5;

/// A PKCE sign-in as the practice admin; reqwest plays the browser.
async fn sign_in(org: &sandbox::RunningSandbox) -> Session {
    let pending = begin_sign_in(SignInRequest {
        endpoints: Endpoints {
            login_base: org.login_base_url(),
            api_base: org.api_base_url(),
        },
        region_code: "sandbox".into(),
        client_id: org.seed().code_client_id.clone(),
        grant: BrowserGrant::Pkce,
        language: Language::En,
        timeout: DEFAULT_TIMEOUT,
    })
    .await
    .expect("sign-in begins");
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client");
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

fn main() {
    let rt = tokio::runtime::Runtime::new().expect("a runtime");
    rt.block_on(async {
        let org = Sandbox::start(SandboxOptions {
            extra_roles: EXTRA_ROLES,
            ..SandboxOptions::default()
        })
        .await
        .expect("the Sandbox org starts");
        let session = sign_in(&org).await;
        org.knobs().set_latency(LATENCY);
        let (client, token) = (session.client(), session.token());
        let mut times = Vec::with_capacity(RUNS);
        let mut count = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            let (roles, _, _) = tokio::try_join!(
                client.roles(token),
                client.divisions(token),
                client.subject_me(token)
            )
            .expect("roles, divisions and subjects/me");
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            count = roles.len();
        }
        times.sort_by(f64::total_cmp);
        println!(
            "roles picker: full list of {count} roles at {} ms latency      median {:>7.0} ms  (min {:.0} – max {:.0}, {RUNS} runs)",
            LATENCY.as_millis(),
            times[RUNS / 2],
            times[0],
            times[RUNS - 1]
        );
        org.shutdown().await;
    });
}
