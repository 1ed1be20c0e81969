//! The three scenarios of the variant matrix, each returning why it failed instead of
//! panicking, so that one table shows every variant × scenario.

use std::sync::Arc;
use std::time::Duration;

use ::genesys::auth::BrowserGrant;
use ::genesys::conformance::{self, Scope};
use ::genesys::models::{ClientState, GrantType, OAuthClientRequest};
use ::genesys::secrets::MemoryStore;
use ::genesys::setup::{draft, NoObserver, SetupContext, MARKER_PREFIX};
use ::genesys::ErrorKind;
use sandbox::{variant_behaviours, Variant};

use super::super::genesys::setup::{fast_options, fast_timing, journal_dir, sign_in as token_of};
use super::super::genesys::World;

fn fail(what: &str, why: impl std::fmt::Display) -> String {
    format!("{what}: {why}")
}

/// PKCE to a working token, then an Implicit sign-in cancelled in the browser that must end at
/// once (not after the sign-in timeout) with "denied".
pub async fn sign_in(w: &World) -> Result<(), String> {
    let (session, _) = w.sign_in().await;
    session
        .validate()
        .await
        .map_err(|e| fail("the PKCE token", e))?;
    let pending = w.begin(BrowserGrant::Implicit).await;
    let back = w.approve(&pending.authorize_url, "cancel").await;
    let fragment = back
        .split_once('#')
        .map(|(_, f)| f.to_owned())
        .ok_or_else(|| fail("the cancel redirect", back.clone()))?;
    let origin = format!("http://{}", pending.local_addr());
    let finish = tokio::spawn(pending.finish());
    w.browser
        .post(format!("{origin}/relay"))
        .header("Origin", &origin)
        .body(fragment)
        .send()
        .await
        .map_err(|e| fail("the relay", e))?;
    match tokio::time::timeout(Duration::from_secs(10), finish).await {
        Err(_) => Err("a cancelled Implicit sign-in waited for the timeout".to_owned()),
        Ok(Err(e)) => Err(fail("the sign-in task", e)),
        Ok(Ok(Ok(_))) => Err("a cancelled Implicit sign-in signed someone in".to_owned()),
        Ok(Ok(Err(e))) if e.kind() == ErrorKind::SignInDenied => Ok(()),
        Ok(Ok(Err(e))) => Err(fail("a cancelled Implicit sign-in", e)),
    }
}

/// Every role through every page, a Client Credentials client with a held role made and
/// deleted, and a role the user does not hold refused with Genesys's message.
pub async fn clients_and_roles(w: &World) -> Result<(), String> {
    let token = token_of(w).await;
    let client = ::genesys::api::Client::with_options(
        super::super::genesys::setup::endpoints(&w.org),
        fast_options(),
    )
    .map_err(|e| fail("a client", e))?;
    // Through a rate limit of 3 requests a second, with the app's own retry policy: a 429
    // with or without `Retry-After` (by variant) must only slow the listing down.
    w.org.knobs().set_rate_limit(Some(sandbox::RateLimit {
        requests: 3,
        window_seconds: 1,
    }));
    let patient = ::genesys::api::Client::new(super::super::genesys::setup::endpoints(&w.org))
        .map_err(|e| fail("a client", e))?;
    let limited = patient.roles(&token).await;
    w.org.knobs().set_rate_limit(None);
    let roles = limited.map_err(|e| fail("roles under a rate limit", e))?;
    let seeded = w.org.snapshot().roles.len();
    if roles.len() != seeded {
        return Err(format!("listed {} roles of {seeded}", roles.len()));
    }
    let me = client
        .subject_me(&token)
        .await
        .map_err(|e| fail("subjects/me", e))?;
    let held = me
        .role_divisions()
        .into_iter()
        .next()
        .ok_or("the admin holds no role")?;
    let request = OAuthClientRequest {
        name: "Variant matrix client".to_owned(),
        authorized_grant_type: GrantType::ClientCredentials,
        description: String::new(),
        access_token_validity_seconds: 3600,
        registered_redirect_uri: Vec::new(),
        scope: Vec::new(),
        role_divisions: vec![held],
        state: ClientState::Active,
    };
    let issued = client
        .create_oauth_client(&request, &token)
        .await
        .map_err(|e| fail("a client with a held role", e))?;
    // What the new client may grant, read with its own token: `subjects/me` or, where a
    // client's token is refused there, the client's own roles.
    let own = ::genesys::auth::client_credentials(
        super::super::genesys::setup::endpoints(&w.org),
        "sandbox",
        &issued.client.id,
        &issued.secret,
    )
    .await
    .map_err(|e| fail("the new client's token", e))?;
    let held = own
        .client()
        .held_grants(own.token())
        .await
        .map_err(|e| fail("what the new client holds", e))?;
    if held.subject.role_divisions() != request.role_divisions {
        return Err(format!(
            "the new client holds {:?}, not {:?}",
            held.subject.role_divisions(),
            request.role_divisions
        ));
    }
    client
        .delete_oauth_client(&issued.client.id, &token)
        .await
        .map_err(|e| fail("deleting it", e))?;
    let (check, seen) = conformance::ungrantable_role(&client, &token).await;
    if check.failed() {
        return Err(fail("an ungrantable role", format!("{:?}", check.outcome)));
    }
    if seen.and_then(|o| o.observed).is_none() {
        return Err("an ungrantable role's refusal was not seen".to_owned());
    }
    assign_then_grant(w, &client, &token).await
}

/// "Assign this role to me first", then a client with that role in the division Genesys
/// granted it in (home or all divisions, by variant).
async fn assign_then_grant(
    w: &World,
    client: &::genesys::api::Client,
    token: &::genesys::secrets::Secret,
) -> Result<(), String> {
    let (session, _) = w.sign_in().await;
    let me = client
        .subject_me(token)
        .await
        .map_err(|e| fail("subjects/me", e))?;
    let roles = client.roles(token).await.map_err(|e| fail("roles", e))?;
    let role = roles
        .iter()
        .find(|r| !me.holds_role(&r.id) && r.name != "Master Admin")
        .ok_or("every role is held already")?;
    let waits = ::genesys::api::AssignWaits {
        settle: Duration::from_millis(20),
        confirm: Duration::from_secs(5),
    };
    let now = ::genesys::api::assign_role_to_me(&session, &role.id, waits, &|_| {})
        .await
        .map_err(|e| fail("assigning a role to me", e))?;
    let pair = now
        .role_divisions()
        .into_iter()
        .find(|p| p.role_id == role.id)
        .ok_or("the assigned role is not held")?;
    let request = OAuthClientRequest {
        name: "Variant matrix client (assigned role)".to_owned(),
        authorized_grant_type: GrantType::ClientCredentials,
        description: String::new(),
        access_token_validity_seconds: 3600,
        registered_redirect_uri: Vec::new(),
        scope: Vec::new(),
        role_divisions: vec![pair],
        state: ClientState::Active,
    };
    let issued = client
        .create_oauth_client(&request, token)
        .await
        .map_err(|e| fail("a client with the role just assigned", e))?;
    client
        .delete_oauth_client(&issued.client.id, token)
        .await
        .map_err(|e| fail("deleting it", e))?;
    Ok(())
}

/// The form `variant` chose for `behaviour` (its default when it chose none).
fn chosen(variant: Variant, behaviour: &str) -> Option<&'static str> {
    let names = variant.names();
    variant_behaviours()
        .into_iter()
        .find(|(b, _)| *b == behaviour)
        .map(|(_, forms)| {
            forms
                .iter()
                .copied()
                .find(|f| names.contains(f))
                .unwrap_or(forms[0])
        })
}

/// The conformance suite as `cargo xtask live` runs it: read-only checks, probes, the guided
/// setup and its roll back; every check passes, every probed form is the Sandbox's, and no
/// marked object is left.
pub async fn guided_setup(w: &World, variant: Variant) -> Result<(), String> {
    let token = token_of(w).await;
    let client = ::genesys::api::Client::with_options(
        super::super::genesys::setup::endpoints(&w.org),
        fast_options(),
    )
    .map_err(|e| fail("a client", e))?;
    let mut form = draft(&client, &token)
        .await
        .map_err(|e| fail("the setup draft", e))?
        .request;
    // The data action part too, tested against the org's first queue (as the screen picks it).
    let queue = client
        .routing_queues(&token)
        .await
        .map_err(|e| fail("the queues", e))?
        .into_iter()
        .next()
        .map(|q| q.id);
    form.action = Some(::genesys::setup::ActionStep::workshop(queue));
    let ctx = SetupContext {
        client,
        token,
        target: "sandbox".to_owned(),
        secrets: Arc::new(MemoryStore::new()),
        journal_dir: journal_dir("variants"),
        observer: Arc::new(NoObserver),
        timing: fast_timing(),
        cancel: ::genesys::setup::CancelSignal::new(),
    };
    let scope = Scope {
        guided_setup: true,
        ungrantable_role: true,
    };
    let report = conformance::run(&ctx, Some(&form), scope).await;
    if let Some(failed) = report.failures().first() {
        return Err(fail(
            &failed.name,
            format!("{:?}\n{}", failed.outcome, report.table()),
        ));
    }
    for o in &report.observations {
        let (Some(seen), Some(set)) = (o.observed.as_deref(), chosen(variant, &o.behaviour)) else {
            continue;
        };
        if seen != set {
            return Err(format!(
                "{}: probed {seen}, the Sandbox was set to {set}",
                o.behaviour
            ));
        }
    }
    let s = w.org.snapshot();
    let left = s
        .oauth_clients
        .iter()
        .filter(|c| c.description.contains(MARKER_PREFIX))
        .count()
        + s.credentials
            .iter()
            .filter(|c| c.name.contains(MARKER_PREFIX))
            .count()
        + s.integrations
            .iter()
            .filter(|i| i.name.contains(MARKER_PREFIX))
            .count()
        + s.actions
            .iter()
            .filter(|a| {
                a.published
                    .iter()
                    .chain(a.draft.iter())
                    .any(|d| d.name.contains(MARKER_PREFIX))
            })
            .count();
    if left > 0 {
        return Err(format!("{left} marked objects left after the roll back"));
    }
    Ok(())
}
