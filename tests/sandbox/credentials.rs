//! Integration credentials: create, redacted read, replace, delete, the cursor listing (by
//! `nextUri`, or by `after` alone with the knob that drops `nextUri`), the page listing, and the
//! credential types.

use serde_json::json;

use super::integrations::credential;
use super::start;

#[tokio::test]
async fn credentials_are_redacted_listed_by_cursor_and_deleted() {
    let org = start().await;
    let admin = org.admin_token().await;
    let types = org
        .get("/api/v2/integrations/credentials/types", &admin)
        .await;
    assert!(types
        .ok()
        .as_array()
        .expect("a bare array")
        .iter()
        .any(|t| t["name"] == "pureCloudOAuthClient"));
    let mut ids = Vec::new();
    for n in 0..5 {
        ids.push(credential(&org, &admin, &format!("client-{n}"), "CANARY-secret").await);
    }
    let path = format!("/api/v2/integrations/credentials/{}", ids[0]);
    let read = org.get(&path, &admin).await;
    assert_eq!(
        read.ok()["credentialFields"],
        json!({ "clientId": "client-0" }),
        "the secret is never served"
    );
    assert!(!read.body.to_string().contains("CANARY"));
    let renamed = json!({ "name": "renamed", "type": { "name": "pureCloudOAuthClient" },
                          "credentialFields": { "clientId": "client-0", "clientSecret": "other" } });
    assert_eq!(
        org.put(&path, &admin, renamed).await.ok()["name"],
        "renamed"
    );
    let mut seen = Vec::new();
    let mut next = Some("/api/v2/integrations/credentials/listing?pageSize=2".to_owned());
    let mut pages = 0;
    while let Some(uri) = next {
        pages += 1;
        let page = org.get(&uri, &admin).await;
        seen.extend(
            page.ok()["entities"]
                .as_array()
                .expect("entities")
                .iter()
                .map(|c| c["id"].as_str().expect("id").to_owned()),
        );
        next = page.body["nextUri"].as_str().map(str::to_owned);
    }
    assert_eq!((seen, pages), (ids.clone(), 3));
    let before = org
        .get(
            &format!(
                "/api/v2/integrations/credentials/listing?before={}&pageSize=2",
                ids[4]
            ),
            &admin,
        )
        .await;
    assert_eq!(
        before.ok()["entities"].as_array().expect("entities").len(),
        2
    );
    org.get(
        "/api/v2/integrations/credentials/listing?pageSize=201",
        &admin,
    )
    .await
    .error(400, "bad.request");
    org.get(
        "/api/v2/integrations/credentials/listing?after=nope",
        &admin,
    )
    .await
    .error(400, "bad.request");
    // Terraform's paging: `after` = the last id seen, until a page is empty.
    let past_the_end = format!(
        "/api/v2/integrations/credentials/listing?pageSize=2&after={}",
        ids[4]
    );
    let empty = org.get(&past_the_end, &admin).await;
    assert_eq!(empty.ok()["entities"], json!([]));
    assert!(empty.body.get("nextUri").is_none());
    org.sandbox.knobs().set_cursor_next_uri(false);
    let mut by_after = Vec::new();
    let mut cursor = "/api/v2/integrations/credentials/listing?pageSize=2".to_owned();
    loop {
        let page = org.get(&cursor, &admin).await;
        assert!(page.ok().get("nextUri").is_none(), "the knob drops nextUri");
        let entities = page.body["entities"].as_array().expect("entities").clone();
        let Some(last) = entities.last() else { break };
        cursor = format!(
            "/api/v2/integrations/credentials/listing?pageSize=2&after={}",
            last["id"].as_str().expect("id")
        );
        by_after.extend(
            entities
                .iter()
                .map(|c| c["id"].as_str().expect("id").to_owned()),
        );
    }
    assert_eq!(by_after, ids);
    org.sandbox.knobs().set_cursor_next_uri(true);
    assert_eq!(
        org.get("/api/v2/integrations/credentials?pageSize=2", &admin)
            .await
            .ok()["total"],
        5
    );
    let missing_secret = json!({ "type": { "name": "pureCloudOAuthClient" }, "credentialFields": { "clientId": "c" } });
    org.post("/api/v2/integrations/credentials", &admin, missing_secret)
        .await
        .error(400, "bad.request");
    let bad_type = json!({ "type": { "name": "nope" }, "credentialFields": {} });
    org.post("/api/v2/integrations/credentials", &admin, bad_type)
        .await
        .error(400, "invalid.value");
    assert_eq!(org.delete(&path, &admin).await.status, 204);
    org.get(&path, &admin).await.error(404, "not.found");
    let state_file = serde_json::to_string(&org.sandbox.snapshot()).expect("json");
    assert!(
        !state_file.contains("CANARY"),
        "secrets are kept as digests only"
    );
}
