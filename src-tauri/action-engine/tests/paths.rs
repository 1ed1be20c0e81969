//! JSONPath cases: what Genesys translation maps write, and what Jayway (the dialect Genesys
//! accepts) returns for it. Each case names the public source of its rule.

use action_engine::{check_path, eval_path, ErrorKind, PathResult};
use serde_json::{json, Value};

fn conversation() -> Value {
    json!({
        "id": "c1",
        "participants": [
            {"purpose": "customer", "externalContactId": "x1", "attributes": {"a": "1"},
             "calls": [{"id": "call-1"}], "state": "connected", "messages": [1, 2, 3]},
            {"purpose": "acd", "conversationRoutingData": {"priority": 5}},
            {"purpose": "agent", "userId": "u1", "name": "Ana Lima"},
            {"purpose": "agent", "userId": "u2", "name": "Bo"}
        ],
        "Build-Version": "7.1",
        "total": 4,
        "nested": {"total": 9},
        "stats": {"count": 3, "max": null}
    })
}

fn definite(path: &str, doc: &Value) -> Option<Value> {
    match eval_path(path, doc).unwrap_or_else(|e| panic!("{path}: {e}")) {
        PathResult::Definite(v) => v,
        other => panic!("{path} should be definite, got {other:?}"),
    }
}

fn indefinite(path: &str, doc: &Value) -> Vec<Value> {
    match eval_path(path, doc).unwrap_or_else(|e| panic!("{path}: {e}")) {
        PathResult::Indefinite(v) => v,
        other => panic!("{path} should be indefinite, got {other:?}"),
    }
}

#[test]
fn definite_paths_yield_one_value() {
    let doc = conversation();
    // A path of single names and indexes is definite: Jayway returns the value itself
    // (json-path/JsonPath README.md, "What is Returned When?").
    assert_eq!(definite("$.id", &doc), Some(json!("c1")));
    assert_eq!(
        definite("$.participants[0].calls[0].id", &doc),
        Some(json!("call-1"))
    );
    // A negative index counts from the end (RFC 9535 section 2.3.3; Genesys's `$.msgDialogue[-1]`).
    assert_eq!(
        definite("$.participants[-1].userId", &doc),
        Some(json!("u2"))
    );
    // A definite path to nothing finds nothing, so a translation map falls back to its default.
    assert_eq!(definite("$.missing", &doc), None);
    // A found null is a value: "Null values do not fall back to defaults"
    // (help.mypurecloud.com/articles/response-configuration-for-data-actions/).
    let found = eval_path("$.stats.max", &doc).unwrap();
    assert_eq!(found.value(), Some(Value::Null));
}

#[test]
fn indefinite_paths_yield_arrays() {
    let doc = conversation();
    // Wildcards, filters, deep scans and slices are indefinite: Jayway returns a list
    // (json-path/JsonPath README.md, "What is Returned When?").
    assert_eq!(
        indefinite("$.participants[*].purpose", &doc),
        vec![
            json!("customer"),
            json!("acd"),
            json!("agent"),
            json!("agent")
        ]
    );
    assert_eq!(
        indefinite("$.participants[?(@.purpose == 'agent')].userId", &doc),
        vec![json!("u1"), json!("u2")]
    );
    assert_eq!(indefinite("$..total", &doc), vec![json!(4), json!(9)]);
    assert_eq!(
        indefinite("$.participants[-1:].userId", &doc),
        vec![json!("u2")]
    );
    // A filter that matches one node is still a list of one.
    assert_eq!(
        eval_path(
            "$.participants[?(@.purpose=='acd')].conversationRoutingData.priority",
            &doc
        )
        .unwrap()
        .value(),
        Some(json!([5]))
    );
    // No match is "found nothing", so the default applies.
    assert_eq!(
        eval_path("$.participants[?(@.purpose=='bot')].userId", &doc)
            .unwrap()
            .value(),
        None
    );
    // `||` and double-quoted literals in filters, as the public Genesys actions write them.
    assert_eq!(
        indefinite(
            "$.participants[?(@.purpose==\"customer\" || @.purpose=='external')].externalContactId",
            &doc
        ),
        vec![json!("x1")]
    );
    // An existence filter `[?(@.userId)]` keeps the members that have the field.
    assert_eq!(
        indefinite("$.participants[?(@.userId)].name", &doc).len(),
        2
    );
}

#[test]
fn jayway_forms_genesys_accepts() {
    let doc = conversation();
    // A path without `$` gets `$.` prepended (json-path/JsonPath PathCompiler.compile): `id` is `$.id`.
    assert_eq!(definite("id", &doc), Some(json!("c1")));
    assert_eq!(
        indefinite("['participants'][?(@.purpose=='acd')].purpose", &doc),
        vec![json!("acd")]
    );
    // ... verbatim, so `.total` becomes the deep scan `$..total`.
    assert_eq!(indefinite(".total", &doc), vec![json!(4), json!(9)]);
    // `$.[0]` and `$.['name']`, as Genesys exports write them.
    assert_eq!(definite("$.[0]", &json!([{"a": 1}])), Some(json!({"a": 1})));
    assert_eq!(definite("$.['total']", &doc), Some(json!(4)));
    // Jayway reads a dot name up to the next '.' or '[', so `$.Build-Version` names one member.
    assert_eq!(definite("$.Build-Version", &doc), Some(json!("7.1")));
}

#[test]
fn jayway_filter_operators() {
    let doc = conversation();
    // `=~` with a /regex/ and flags (json-path/JsonPath README.md, "Filter Operators").
    assert_eq!(
        indefinite("$.participants[?(@.name =~ /ana.*/i)].userId", &doc),
        vec![json!("u1")]
    );
    assert_eq!(
        indefinite("$.participants[?(@.name =~ /ana.*/)].userId", &doc),
        Vec::<Value>::new()
    );
    // `in` and `nin` against a list literal.
    assert_eq!(
        indefinite(
            "$.participants[?(@.purpose in ['acd', 'customer'])].purpose",
            &doc
        ),
        vec![json!("customer"), json!("acd")]
    );
    assert_eq!(
        indefinite("$.participants[?(@.purpose nin ['agent'])].purpose", &doc).len(),
        2
    );
    // `'x' in @.list[*].field`, as the public "get last agent" actions filter conversations.
    let conversations = json!({"conversations": [doc.clone(), {"id": "c2", "participants": [{"purpose": "customer"}]}]});
    assert_eq!(
        indefinite(
            "$.conversations[?('agent' in @.participants[*].purpose)].id",
            &conversations
        ),
        vec![json!("c1")]
    );
    // Operators with no offline equivalent are named in a typed error.
    let err = eval_path("$.participants[?(@.purpose anyof ['agent'])]", &doc).unwrap_err();
    assert_eq!(err.kind, ErrorKind::PathUnsupported);
    assert!(err.message.contains("anyof"), "{}", err.message);
}

#[test]
fn tail_functions() {
    let doc = conversation();
    // Functions at the tail take the path's output as input (json-path/JsonPath README.md, "Functions").
    assert_eq!(definite("$.participants.length()", &doc), Some(json!(4)));
    assert_eq!(definite("$.participants.size()", &doc), Some(json!(4)));
    // On an indefinite path, one result per match: the public "Get Message ID Count" action
    // (GenesysCloudBlueprints/limitless-flows-blueprint) reads its
    // `[?(...)].messages.length()` back with `firstFromArray`.
    let counts = indefinite(
        "$.participants[?(@.state=='connected')].messages.length()",
        &doc,
    );
    assert_eq!(counts, vec![json!(3)]);
    assert_eq!(
        definite("$.participants[0].messages.sum()", &doc),
        Some(json!(6.0))
    );
    assert_eq!(
        definite("$.participants[0].messages.max()", &doc),
        Some(json!(3.0))
    );
    assert_eq!(
        definite("$.participants[0].messages.avg()", &doc),
        Some(json!(2.0))
    );
    assert_eq!(
        definite("$.stats.keys()", &doc),
        Some(json!(["count", "max"]))
    );
    assert_eq!(definite("$.missing.length()", &doc), None);
    let err = eval_path("$.participants.concat('x')", &doc).unwrap_err();
    assert_eq!(err.kind, ErrorKind::PathUnsupported);
}

#[test]
fn syntax_errors_are_typed() {
    // Jayway wants '.' or '[' after the root (PathCompiler.readContextToken), so `$$.id` fails.
    for bad in [
        "",
        "$$.id",
        "$.a.",
        "$.a[",
        "$.a[?(@.b == )]",
        "$.a[?(@.b =~ /x)]",
    ] {
        let err = check_path(bad).expect_err(bad);
        assert!(matches!(err.kind, ErrorKind::PathSyntax), "{bad}: {err:?}");
        assert!(!err.message.is_empty());
    }
}
