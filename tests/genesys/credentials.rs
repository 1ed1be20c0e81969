//! Integration credentials through the `genesys` API against the Sandbox org:
//! create, the cursor listing over several pages (with and without `nextUri`), read (the
//! secret never comes back),
//! replace, delete and 404 AlreadyGone; and the secret check of a new client (security-matrix.md C14).

use std::time::{Duration, Instant};

use ::genesys::api::{Removal, DATA_ACTIONS_CREDENTIAL_SLOT};
use ::genesys::auth::{client_credentials, verify_client_secret};
use ::genesys::secrets::Secret;
use ::genesys::{Error, ErrorKind};

use super::api::cc_client;
use super::retries::fast_client;
use super::world;

#[tokio::test]
async fn create_read_update_list_and_delete_a_credential() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let api = fast_client(&w);
    let token = admin.token();
    let secret = Secret::new("CANARY-credential-secret-1");
    let created = api
        .create_oauth_client_credential(" Workshop credential ", "client-1", &secret, token)
        .await
        .expect("created");
    assert_eq!(created.name.as_deref(), Some("Workshop credential"));
    assert_eq!(
        created
            .credential_type
            .as_ref()
            .and_then(|t| t.name.as_deref()),
        Some(DATA_ACTIONS_CREDENTIAL_SLOT)
    );
    let read = api.credential(&created.id, token).await.expect("read");
    assert_eq!(
        read.credential_fields.get("clientId").map(String::as_str),
        Some("client-1")
    );
    assert!(
        !read.credential_fields.contains_key("clientSecret"),
        "redacted"
    );
    assert!(!format!("{read:?}").contains("CANARY"));

    let updated = api
        .update_oauth_client_credential(
            &created.id,
            "Renamed",
            "client-2",
            &Secret::new("s2"),
            token,
        )
        .await
        .expect("replaced");
    assert_eq!(
        (updated.id.as_str(), updated.name.as_deref()),
        (created.id.as_str(), Some("Renamed"))
    );
    let read = api
        .credential(&created.id, token)
        .await
        .expect("read again");
    assert_eq!(read.credential_fields["clientId"], "client-2");
    let stored = w.org.snapshot();
    assert_eq!(stored.credentials.len(), 1);
    assert_eq!(stored.credentials[0].fields["clientId"], "client-2");

    let listed = api.credentials(token).await.expect("list");
    assert_eq!(listed, std::slice::from_ref(&updated));
    assert_eq!(
        api.delete_credential(&created.id, token)
            .await
            .expect("delete"),
        Removal::Deleted
    );
    assert_eq!(
        api.delete_credential(&created.id, token)
            .await
            .expect("again"),
        Removal::AlreadyGone
    );
    assert!(api.credentials(token).await.expect("empty list").is_empty());
    let err = api.credential(&created.id, token).await.expect_err("gone");
    assert!(matches!(err, Error::Api { status: 404, .. }), "{err:?}");
}

#[tokio::test]
async fn the_cursor_listing_is_read_to_its_end() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let api = fast_client(&w);
    // Two pages of 200 and a bit: created a few at a time.
    let total = 437;
    for chunk in (0..total).collect::<Vec<_>>().chunks(16) {
        let creates = chunk.iter().map(|&n| {
            let (api, token) = (api.clone(), admin.token().clone());
            async move {
                api.create_oauth_client_credential(
                    &format!("c{n}"),
                    "client",
                    &Secret::new("s"),
                    &token,
                )
                .await
            }
        });
        for created in futures_join(creates).await {
            created.expect("created");
        }
    }
    let listed = api.credentials(admin.token()).await.expect("every page");
    assert_eq!(listed.len(), total);
    let mut ids: Vec<&str> = listed.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), total, "each credential once");

    // Without `nextUri` a page is not the last: Terraform's `after` = the last id reads on
    // until an empty page (the knob drops `nextUri`; pages are the client's 200).
    w.org.knobs().set_cursor_next_uri(false);
    let by_after = api.credentials(admin.token()).await.expect("every page");
    assert_eq!(by_after, listed, "the same credentials in the same order");
}

/// Runs the futures concurrently and returns their outputs in order.
async fn futures_join<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.expect("no panic"));
    }
    out
}

#[tokio::test]
async fn c14_a_new_secret_is_verified_once_genesys_accepts_it_and_a_wrong_one_fails() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    w.org.knobs().set_secret_delay(Duration::from_millis(1500));
    let (client_id, secret) = cc_client(&w, &admin).await;
    let err = client_credentials(w.endpoints(), "sandbox", &client_id, &secret)
        .await
        .expect_err("a brand-new secret is refused for a while");
    assert_eq!(err.kind(), ErrorKind::ClientRejected, "{err:?}");
    let started = Instant::now();
    verify_client_secret(&w.endpoints(), &client_id, &secret, Duration::from_secs(10))
        .await
        .expect("accepted after the secret delay");
    println!(
        "secret accepted after {:?} (delay 1.5 s)",
        started.elapsed()
    );
    let live = |w: &super::World| {
        w.org
            .snapshot()
            .tokens
            .values()
            .filter(|t| t.client_id == client_id)
            .count()
    };
    assert_eq!(live(&w), 0, "the verification token was revoked, not kept");

    let err = verify_client_secret(
        &w.endpoints(),
        &client_id,
        &Secret::new("CANARY-wrong-secret"),
        Duration::from_millis(800),
    )
    .await
    .expect_err("a wrong secret never works");
    assert!(
        matches!(&err, Error::OAuth { status: 401, error, .. } if error == "invalid_client"),
        "the login host's own refusal: {err:?}"
    );
    assert_eq!(err.kind(), ErrorKind::ClientRejected);
    assert!(!format!("{err} {err:?}").contains("CANARY"));

    let err = verify_client_secret(&w.endpoints(), " ", &secret, Duration::from_secs(5))
        .await
        .expect_err("blank id");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
