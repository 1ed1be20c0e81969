//! Samples drafted from the Sandbox org's API description (the workshop's endpoint, and each
//! reason a draft is not possible), played by the preview through all its offline steps; and
//! samples kept with an action on disk: read back, replaced, forgotten, refused when too big.

use std::collections::BTreeMap;

use super::preview::preview;
use super::privileges::CatalogCache;
use super::samples::{draft, SampleShelf, MAX_KEPT_BYTES};
use crate::tests::signed_in;
use crate::wire::actions::ActionForm;
use crate::wire::preview::{NoDraft, PreviewRequest, PreviewState, SampleDraft, SampleSource};

fn folder(what: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("studio-samples-{what}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The workshop's form; drafting reads only its method and URL, so no integration is made.
fn workshop_form() -> ActionForm {
    super::preset::queue_presences("Get queue presences", "i-1", "Data Actions")
}

#[tokio::test]
async fn the_workshop_endpoint_drafts_a_sample_the_preview_plays_to_the_end() {
    let (_org, ctx, _store) = signed_in().await;
    let cache = CatalogCache::new(folder("draft"));
    let form = workshop_form();
    let SampleDraft::Drafted {
        path,
        model,
        sample,
        catalog,
    } = draft(&ctx, &cache, &form).await.expect("an answer")
    else {
        panic!("the workshop's endpoint is described");
    };
    assert_eq!(path, "/api/v2/routing/queues/{queueId}/members");
    assert_eq!(model.as_deref(), Some("QueueMemberEntityListing"));
    assert!(!catalog.stale);
    let values = BTreeMap::from([("QueueID".to_owned(), "any-queue".to_owned())]);
    let played = preview(&PreviewRequest {
        form: form.clone(),
        sample,
        values,
    });
    assert!(played.sample_error.is_none(), "{played:?}");
    assert!(
        played
            .steps
            .iter()
            .all(|s| matches!(s.state, PreviewState::Passed | PreviewState::Offline)),
        "{:?}",
        played.steps
    );
    assert!(played.rows[0].matches > 0, "{:?}", played.rows[0]);

    let unavailable = |url: &str, method: &str| {
        let mut other = form.clone();
        other.url_template = url.to_owned();
        other.method = method.to_owned();
        other
    };
    let cases = [
        (
            unavailable("${input.path}", "GET"),
            NoDraft::BuiltFromInput,
            None,
        ),
        (
            unavailable("https://example.com/x", "GET"),
            NoDraft::NotPlatformApi,
            None,
        ),
        (
            unavailable("/api/v2/nowhere/${input.QueueID}", "GET"),
            NoDraft::UnknownEndpoint,
            Some("/api/v2/nowhere/{}".to_owned()),
        ),
        (
            unavailable("/api/v2/tokens/me", "DELETE"),
            NoDraft::NoModel,
            Some("/api/v2/tokens/me".to_owned()),
        ),
    ];
    for (form, reason, path) in cases {
        let answer = draft(&ctx, &cache, &form).await.expect("an answer");
        assert_eq!(
            answer,
            SampleDraft::Unavailable { reason, path },
            "{}",
            form.url_template
        );
    }
}

#[test]
fn a_kept_sample_is_read_back_replaced_forgotten_and_bounded() {
    let shelf = SampleShelf::new(folder("kept"));
    assert_eq!(shelf.kept("sandbox", "a-1").expect("read"), None);
    let kept = shelf
        .keep(
            "sandbox",
            "a-1",
            "{\"entities\": []}",
            SampleSource::Captured,
        )
        .expect("kept")
        .expect("something kept");
    assert_eq!(shelf.kept("sandbox", "a-1").expect("read"), Some(kept));
    // Another org's action of the same id keeps its own.
    assert_eq!(shelf.kept("mypurecloud.ie", "a-1").expect("read"), None);
    shelf
        .keep("sandbox", "a-1", "[1]", SampleSource::Pasted)
        .expect("replaced");
    let again = shelf.kept("sandbox", "a-1").expect("read").expect("kept");
    assert_eq!(
        (again.sample.as_str(), again.source),
        ("[1]", SampleSource::Pasted)
    );
    assert_eq!(
        shelf
            .keep("sandbox", "a-1", "  ", SampleSource::Pasted)
            .expect("forgotten"),
        None
    );
    assert_eq!(shelf.kept("sandbox", "a-1").expect("read"), None);
    let huge = "x".repeat(MAX_KEPT_BYTES + 1);
    assert!(shelf
        .keep("sandbox", "a-1", &huge, SampleSource::Pasted)
        .is_err());
    assert!(shelf.kept("sandbox", "").is_err(), "no id");
    // An id cannot leave the folder.
    shelf
        .keep("sandbox", "../../escape", "{}", SampleSource::Pasted)
        .expect("kept inside");
    assert!(shelf
        .kept("sandbox", "../../escape")
        .expect("read")
        .is_some());
    assert!(!folder("kept")
        .parent()
        .unwrap()
        .join("escape.json")
        .exists());
}
