//! The state file (survives restarts, reset persisted, a torn file refused) and fixed ports.

use sandbox::{Error, Sandbox, SandboxOptions};
use serde_json::Value;

use super::knobs::CLIENTS;
use super::{quick, start_with};

#[tokio::test]
async fn the_org_persists_in_its_state_file() {
    let dir =
        std::env::temp_dir().join(format!("sandbox-state-{}-{}", std::process::id(), line!()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("org.json");
    let options = SandboxOptions {
        state_file: Some(file.clone()),
        ..quick()
    };
    let org = start_with(options.clone()).await;
    let admin = org.admin_token().await;
    let (id, _) = org
        .cc_client(
            &admin,
            &[(&org.role("Developer"), &org.sandbox.seed().home_division_id)],
        )
        .await;
    org.sandbox.shutdown().await;
    let org = start_with(options.clone()).await;
    assert!(
        org.sandbox
            .snapshot()
            .oauth_clients
            .iter()
            .any(|c| c.id == id),
        "the client survived a restart"
    );
    org.get(&format!("{CLIENTS}/{id}"), &admin).await.ok();
    org.sandbox.knobs().reset().expect("reset");
    let on_disk: Value =
        serde_json::from_slice(&std::fs::read(&file).expect("file")).expect("json");
    assert_eq!(
        on_disk["oauthClients"].as_array().map(Vec::len),
        Some(2),
        "reset is persisted too"
    );
    org.sandbox.shutdown().await;
    std::fs::write(&file, b"{ torn").expect("write");
    let org = Sandbox::start(options)
        .await
        .expect("a corrupt state file does not keep the org from starting");
    let aside = org
        .set_aside_state_file()
        .expect("the corrupt file is set aside")
        .to_owned();
    assert_eq!(
        std::fs::read(&aside).expect("kept"),
        b"{ torn",
        "the unreadable file is kept as it was"
    );
    assert!(aside
        .file_name()
        .unwrap()
        .to_string_lossy()
        .contains("unreadable-"));
    assert_eq!(
        org.snapshot().oauth_clients.len(),
        2,
        "the org is seeded anew"
    );
    let reread: Value =
        serde_json::from_slice(&std::fs::read(&file).expect("file")).expect("a valid file again");
    assert!(reread["oauthClients"].is_array());
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
    org.shutdown().await;
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[tokio::test]
async fn a_taken_fixed_port_is_a_bind_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let refused = Sandbox::start(SandboxOptions {
        ports: Some((0, port)),
        ..quick()
    })
    .await
    .err()
    .expect("port taken");
    assert!(
        matches!(refused, Error::Bind { port: p, .. } if p == port),
        "{refused}"
    );
}

#[tokio::test]
async fn canary_secrets_are_issued_but_never_stored_or_served_back() {
    let dir =
        std::env::temp_dir().join(format!("sandbox-canary-{}-{}", std::process::id(), line!()));
    let file = dir.join("nested").join("org.json");
    let options = SandboxOptions {
        state_file: Some(file.clone()),
        canary_secrets: true,
        ..quick()
    };
    let org = start_with(options).await;
    let admin = org.admin_token().await;
    assert!(admin.starts_with("CANARY-"), "tokens are canaries");
    let (id, secret) = org
        .cc_client(
            &admin,
            &[(&org.role("Developer"), &org.sandbox.seed().home_division_id)],
        )
        .await;
    assert!(secret.starts_with("CANARY-"), "secrets are canaries");
    let cc = org.cc_token(&id, &secret).await;
    assert!(cc.starts_with("CANARY-"));
    let listed = org.get(CLIENTS, &admin).await;
    assert!(
        !listed.ok().to_string().contains("CANARY"),
        "never served back"
    );
    let on_disk = std::fs::read_to_string(&file).expect("the state file, in a folder made for it");
    assert!(!on_disk.contains("CANARY"), "only digests are stored");
    org.sandbox.shutdown().await;
    std::fs::remove_dir_all(&dir).expect("clean up");
}
