//! Drafting sample answers: on a small document written here (references, a model that holds
//! itself, enums, arrays, dates), and on the shared Swagger subset rebuilt from the official
//! SDKs, read at test time, whose every described answer must draft within its model.

use serde_json::{json, Value};

use super::*;

fn catalog_of(doc: &Value) -> Catalog {
    Catalog::from_swagger(&serde_json::to_vec(doc).unwrap()).unwrap()
}

fn small() -> Catalog {
    catalog_of(&json!({
        "swagger": "2.0",
        "paths": {
            "/api/v2/users/{userId}": {
                "get": { "responses": { "200": { "schema": { "$ref": "#/definitions/User" } } } },
                "delete": { "responses": { "200": { "schema": { "$ref": "#/definitions/Gone" } } } }
            },
            "/api/v2/users": {
                "get": { "responses": { "200": { "schema": { "type": "array", "items": { "$ref": "#/definitions/User" } } } } }
            },
            "/api/v2/users/me": { "get": { "responses": { "204": { "description": "none" } } } }
        },
        "definitions": {
            "User": { "type": "object", "properties": {
                "id": { "type": "string" },
                "state": { "type": "string", "enum": ["active", "inactive"] },
                "dateModified": { "type": "string", "format": "date-time" },
                "version": { "type": "integer" },
                "acdAutoAnswer": { "type": "boolean" },
                "manager": { "$ref": "#/definitions/User" },
                "presence": { "$ref": "#/definitions/UserPresence" },
                "skills": { "type": "array", "items": { "$ref": "#/definitions/Missing" } }
            } },
            "UserPresence": { "type": "object", "properties": { "source": { "type": "string" } } },
            "Gone": { "type": "object", "properties": { "id": { "type": "string" } } },
            "Unused": { "type": "object" }
        }
    }))
}

#[test]
fn a_get_answer_drafts_placeholders_and_stops_at_a_model_inside_itself() {
    let c = small();
    let draft = c
        .models
        .draft("GET", "/api/v2/users/{userId}")
        .expect("described");
    assert_eq!(draft.model.as_deref(), Some("User"));
    assert_eq!(
        draft.sample,
        json!({
            "id": "id",
            "state": "active",
            "dateModified": "2026-01-01T00:00:00.000Z",
            "version": 0,
            "acdAutoAnswer": false,
            "manager": {},
            "presence": { "source": "source" },
            "skills": [{}]
        })
    );
    let list = c.models.draft("get", "/api/v2/users").expect("described");
    assert_eq!(list.model, None);
    assert_eq!(list.sample.as_array().map(Vec::len), Some(1));
}

#[test]
fn only_described_answers_and_the_definitions_they_reach_are_kept() {
    let c = small();
    assert!(
        c.models.draft("GET", "/api/v2/users/me").is_none(),
        "no 200 body"
    );
    let kept: Vec<&str> = c.models.definitions.keys().map(String::as_str).collect();
    assert_eq!(kept, ["Gone", "User", "UserPresence"]);
    assert!(c.models.draft("DELETE", "/api/v2/users/{userId}").is_some());
}

#[test]
fn a_wide_model_is_cut_at_the_value_budget_and_a_deep_one_at_the_depth() {
    let wide: serde_json::Map<String, Value> = (0..MAX_DRAFT_VALUES + 50)
        .map(|i| (format!("p{i:05}"), json!({ "type": "string" })))
        .collect();
    let mut definitions = json!({ "Wide": { "type": "object", "properties": wide } });
    // A chain of distinct models deeper than the depth limit.
    for level in 0..MAX_DRAFT_DEPTH + 3 {
        definitions[format!("L{level}")] = json!({ "type": "object", "properties": {
            "next": { "$ref": format!("#/definitions/L{}", level + 1) }
        } });
    }
    let c = catalog_of(&json!({ "paths": {
        "/w": { "get": { "responses": { "200": { "schema": { "$ref": "#/definitions/Wide" } } } } },
        "/d": { "get": { "responses": { "200": { "schema": { "$ref": "#/definitions/L0" } } } } }
    }, "definitions": definitions }));
    let wide = c.models.draft("GET", "/w").unwrap().sample;
    let n = wide.as_object().unwrap().len();
    assert!(n < MAX_DRAFT_VALUES && n + 10 >= MAX_DRAFT_VALUES, "{n}");
    let mut deep = &c.models.draft("GET", "/d").unwrap().sample;
    let mut levels = 0;
    while let Some(next) = deep.get("next") {
        deep = next;
        levels += 1;
    }
    assert_eq!(levels, MAX_DRAFT_DEPTH);
    assert_eq!(deep, &json!({}));
}

#[test]
fn an_answer_is_checked_against_its_model() {
    let c = small();
    let schema = c.models.response("GET", "/api/v2/users/{userId}").unwrap();
    let answer = json!({ "id": "u", "presence": { "source": "x", "extra": 1 }, "skills": [{}], "other": true });
    assert_eq!(
        c.models.undescribed(&answer, schema),
        [
            "$.other",
            "$.presence.extra",
            "$.skills[0] (model Missing not kept)"
        ]
    );
}

#[test]
fn a_cached_catalog_from_before_models_reads_with_none() {
    let old = json!({ "operations": [] });
    let c: Catalog = serde_json::from_value(old).unwrap();
    assert!(c.models.responses.is_empty());
}

/// The shared Swagger subset, or `None`, said loudly, on a clean clone without it.
fn shared_spec() -> Option<Vec<u8>> {
    let here = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Some(file) = here
        .ancestors()
        .map(|a| a.join("shared/spec/genesys-openapi.json"))
        .find(|p| p.is_file())
    else {
        eprintln!("\n!!! SKIPPED: shared/spec/genesys-openapi.json is not next to this checkout; drafts were not checked against it !!!\n");
        return None;
    };
    Some(std::fs::read(file).expect("readable"))
}

#[test]
fn every_get_answer_of_the_shared_spec_drafts_within_its_model() {
    let Some(bytes) = shared_spec() else { return };
    let c = Catalog::from_swagger(&bytes).unwrap();
    let gets = c.operations.iter().filter(|o| o.method == "GET").count();
    let mut drafted_gets = 0;
    for key in c.models.responses.keys() {
        let (method, path) = key.split_once(' ').unwrap();
        let draft = c.models.draft(method, path).unwrap();
        let schema = c.models.response(method, path).unwrap();
        let outside = c.models.undescribed(&draft.sample, schema);
        assert!(outside.is_empty(), "{key}: {outside:?}");
        drafted_gets += usize::from(method == "GET");
    }
    assert!(
        drafted_gets * 10 >= gets * 9,
        "{drafted_gets} of {gets} GETs drafted"
    );
    let org = c.models.draft("GET", "/api/v2/organizations/me").unwrap();
    assert_eq!(org.model.as_deref(), Some("Organization"));
    assert!(org.sample.get("name").is_some() && org.sample.get("id").is_some());
}
