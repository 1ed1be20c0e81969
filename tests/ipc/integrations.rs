//! The Data Actions screen's and the guided setup's commands through the mock runtime (issue 7):
//! the ACL lets only the main window call them (matrix F5), and signed in to the app's own
//! Sandbox org the guided setup runs to ACTIVE with every answer in its generated wire shape and
//! no secret in any answer or channel message (F1); the screen then shows each integration's
//! credential whatever `config.current` embeds, deactivates, reactivates with a smoke check,
//! refuses bad input before any request, and deletes (404 = already gone).

use dip_studio::AppState;
use sandbox::{EmbeddedConfig, Variant, WrongSecret};
use serde_json::{json, Value};
use tauri::Manager;

use super::clients::sign_in;
use super::{app, assert_main_window_only, invoke, keys};

const COMMANDS: &[&str] = &[
    "integrations_overview",
    "integration_install",
    "integration_client_choices",
    "integration_configure",
    "integration_set_enabled",
    "integration_delete",
    "setup_form",
    "setup_plan",
    "setup_start",
    "setup_status",
    "setup_resume",
    "setup_roll_back",
    "setup_dismiss",
    "setup_cancel",
    "setup_set_aside_journal",
];

/// A JavaScript channel id as `new Channel()` sends it; the mock webview drops its messages.
const CHANNEL: &str = "__CHANNEL__:7";

#[test]
fn integration_and_setup_commands_are_for_the_main_window_only_and_ask_to_sign_in_first() {
    let (app, webview) = app();
    assert_main_window_only(&app, &webview, COMMANDS);
    // Listed in build.rs and allowed in the capability: they run, and want a session.
    for (cmd, args) in [
        ("integrations_overview", json!({})),
        ("integration_client_choices", json!({})),
        (
            "integration_install",
            json!({"name": "Genesys Cloud Data Actions"}),
        ),
        ("integration_delete", json!({"id": "x"})),
        ("setup_form", json!({})),
    ] {
        let refused = invoke(&webview, cmd, args).expect_err("signed out");
        assert_eq!(refused["kind"], "signInRequired", "{cmd}: {refused}");
    }
}

/// Chooses how the app's own Sandbox org answers (it serves no HTTP knobs).
fn set_variant(app: &tauri::App<tauri::test::MockRuntime>, variant: Variant) {
    let state = app.state::<AppState>();
    let running = state.sandbox.blocking_lock();
    running
        .as_ref()
        .expect("the Sandbox org runs")
        .knobs()
        .set_variant(variant);
}

fn no_secret(answer: &Value) {
    let text = answer.to_string();
    for word in ["\"secret\"", "clientSecret", "\"token\"", "accessToken"] {
        assert!(!text.contains(word), "no {word} may cross IPC: {text}");
    }
}

#[test]
fn signed_in_the_guided_setup_runs_to_active_and_the_screen_manages_the_integration() {
    let (app, webview) = app();
    invoke(&webview, "reset_sandbox", json!({})).expect("a fresh Sandbox org");
    sign_in(&webview);

    let form = invoke(&webview, "setup_form", json!({})).expect("the form");
    assert_eq!(
        keys(&form),
        [
            "divisions",
            "installed",
            "limit",
            "request",
            "roles",
            "secretPersists",
            "unreadableJournals"
        ]
    );
    assert!(form["secretPersists"].is_boolean(), "{form}");
    assert_eq!(form["limit"], 10);
    assert_eq!(form["installed"], 0);
    let request = form["request"].clone();
    assert_eq!(request["integrationName"], "Genesys Cloud Data Actions");
    assert_eq!(
        request["roleIds"].as_array().map(Vec::len),
        Some(1),
        "a held role granting routing:queue:view is pre-selected: {form}"
    );

    let plan = invoke(&webview, "setup_plan", json!({"request": request})).expect("the plan");
    let kinds: Vec<&str> = plan["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        kinds,
        [
            "preflight",
            "createClient",
            "storeSecret",
            "verifySecret",
            "createCredential",
            "installIntegration",
            "configureIntegration",
            "enableIntegration",
            "waitForActive"
        ]
    );
    assert_eq!(
        keys(&plan["steps"][1]),
        ["grants", "kind", "subject", "tokenDurationSeconds"]
    );
    let bad = json!({"request": {"clientName": " ", "clientDescription": "", "credentialName": "c", "integrationName": "i", "roleIds": [], "divisionId": "x"}});
    let refused = invoke(&webview, "setup_plan", bad).expect_err("refused before any request");
    assert_eq!(refused["kind"], "invalidInput");
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("clientName:")),
        "{refused}"
    );

    let run = invoke(
        &webview,
        "setup_start",
        json!({"request": request, "onRun": CHANNEL}),
    )
    .expect("the run");
    assert_eq!(
        keys(&run),
        [
            "created",
            "error",
            "phase",
            "runId",
            "secretReissued",
            "secretSaved",
            "steps",
            "unreadableJournals"
        ]
    );
    assert_eq!(
        run["secretSaved"], form["secretPersists"],
        "saved only where it lasts"
    );
    assert_eq!(run["phase"], "completed", "{run}");
    assert!(
        run["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .all(|s| s["status"] == "done"),
        "{run}"
    );
    assert_eq!(
        keys(&run["steps"][1]),
        ["durationMs", "error", "kind", "note", "status"]
    );
    let created: Vec<&str> = run["created"]
        .as_array()
        .expect("created")
        .iter()
        .map(|o| o["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(created, ["oauthClient", "credential", "integration"]);
    let integration_id = run["created"][2]["id"].as_str().expect("an id").to_owned();
    let status = invoke(&webview, "setup_status", json!({"onRun": CHANNEL})).expect("status");
    assert_eq!(
        status["phase"], "completed",
        "a reloaded window finds the finished run"
    );

    let overview = invoke(&webview, "integrations_overview", json!({})).expect("the overview");
    assert_eq!(
        keys(&overview),
        ["clients", "credentials", "integrations", "limit"]
    );
    let integration = overview["integrations"]
        .as_array()
        .expect("list")
        .iter()
        .find(|i| i["id"] == integration_id.as_str())
        .expect("installed")
        .clone();
    assert_eq!(
        keys(&integration),
        [
            "credentialId",
            "detail",
            "id",
            "intendedState",
            "name",
            "notes",
            "reported"
        ]
    );
    assert_eq!(integration["reported"], "ACTIVE");
    let credential = overview["credentials"]
        .as_array()
        .expect("credentials")
        .iter()
        .find(|c| c["id"] == integration["credentialId"])
        .expect("its credential")
        .clone();
    assert_eq!(
        credential["clientId"], run["created"][0]["id"],
        "the diagram's link credential → client"
    );
    let client = overview["clients"]
        .as_array()
        .expect("clients")
        .iter()
        .find(|c| c["id"] == credential["clientId"])
        .expect("its client")
        .clone();
    assert_eq!(
        keys(&client),
        ["grantType", "id", "name", "secretInKeychain", "state"]
    );
    assert_eq!(
        client["secretInKeychain"], true,
        "the run kept the secret for the smoke check"
    );
    assert_eq!(overview["limit"], 10, "the type's maxInstances");
    // The credential column comes from config/current whatever the integration embeds.
    for form in [EmbeddedConfig::Stub, EmbeddedConfig::Absent] {
        set_variant(
            &app,
            Variant {
                embedded_config: form,
                ..Variant::default()
            },
        );
        let again = invoke(&webview, "integrations_overview", json!({})).expect("the overview");
        let listed = again["integrations"]
            .as_array()
            .expect("list")
            .iter()
            .find(|i| i["id"] == integration_id.as_str())
            .expect("still listed")
            .clone();
        assert_eq!(
            listed["credentialId"], integration["credentialId"],
            "{form:?}"
        );
    }
    set_variant(&app, Variant::default());

    let off = invoke(
        &webview,
        "integration_set_enabled",
        json!({"id": integration_id, "enabled": false, "onState": CHANNEL}),
    )
    .expect("deactivated");
    assert_eq!(keys(&off), ["integration", "smoke"]);
    assert_eq!(off["integration"]["reported"], "INACTIVE");
    assert_eq!(off["smoke"], json!({"outcome": "notRun"}));
    let on = invoke(
        &webview,
        "integration_set_enabled",
        json!({"id": integration_id, "enabled": true, "onState": CHANNEL}),
    )
    .expect("activated");
    assert_eq!(on["integration"]["reported"], "ACTIVE", "{on}");
    assert_eq!(
        on["smoke"],
        json!({"outcome": "passed"}),
        "the credential's client mints a token"
    );

    // A wrong secret in the credential: reported ERROR, or ACTIVE with the smoke check refused.
    let wrong = json!({"id": integration_id, "choice": {"kind": "typed", "clientId": client["id"], "clientSecret": "not-the-secret"}});
    invoke(&webview, "integration_configure", wrong).expect("Genesys stores any secret");
    let activate = json!({"id": integration_id, "enabled": true, "onState": CHANNEL});
    set_variant(
        &app,
        Variant {
            wrong_secret: WrongSecret::Active,
            ..Variant::default()
        },
    );
    let active = invoke(&webview, "integration_set_enabled", activate.clone()).expect("settled");
    assert_eq!(active["integration"]["reported"], "ACTIVE", "{active}");
    assert_eq!(active["smoke"]["outcome"], "failed", "{active}");
    assert_eq!(
        active["smoke"]["error"]["kind"], "credentialRefused",
        "{active}"
    );
    set_variant(&app, Variant::default());
    let error = invoke(&webview, "integration_set_enabled", activate).expect("settled");
    assert_eq!(error["integration"]["reported"], "ERROR", "{error}");
    assert!(error["integration"]["detail"].is_string(), "{error}");
    assert_eq!(error["smoke"], json!({"outcome": "notRun"}));

    let typo = invoke(&webview, "integration_configure", json!({"id": integration_id, "choice": {"kind": "typed", "clientId": "nope", "clientSecret": "x"}})).expect_err("not a client id");
    assert_eq!(typo["kind"], "invalidInput");
    let blank =
        invoke(&webview, "integration_install", json!({"name": "  "})).expect_err("no name");
    assert_eq!(blank["kind"], "invalidInput");
    let reused = invoke(&webview, "integration_configure", json!({"id": integration_id, "choice": {"kind": "keychainClient", "clientId": client["id"]}})).expect("configured again");
    assert_eq!(
        keys(&reused),
        ["createdClient", "credential", "integration"]
    );
    assert_eq!(
        reused["credential"]["id"], credential["id"],
        "its own credential is updated, not orphaned"
    );
    let choices = invoke(&webview, "integration_client_choices", json!({})).expect("choices");
    assert_eq!(
        keys(&choices),
        ["divisions", "homeDivisionId", "roles", "suggestedRoleId"]
    );

    assert_eq!(
        invoke(
            &webview,
            "integration_delete",
            json!({"id": integration_id})
        )
        .expect("deleted"),
        "deleted"
    );
    assert_eq!(
        invoke(
            &webview,
            "integration_delete",
            json!({"id": integration_id})
        )
        .expect("gone"),
        "alreadyGone"
    );
    invoke(&webview, "setup_dismiss", json!({})).expect("dismissed");
    assert_eq!(
        invoke(&webview, "setup_status", json!({"onRun": CHANNEL})).expect("status"),
        Value::Null
    );
    let nothing =
        invoke(&webview, "setup_resume", json!({"onRun": CHANNEL})).expect_err("nothing to resume");
    assert_eq!(nothing["kind"], "invalidInput", "{nothing}");

    // Matrix D3: a journal that cannot be read is reported at start, never taken as empty.
    let info = invoke(&webview, "app_info", json!({})).expect("app info");
    let dir =
        std::path::Path::new(info["dataDir"].as_str().expect("a data dir")).join("setup-runs");
    let torn = dir.join("setup-run-0123456789abcdef.json");
    std::fs::write(&torn, b"{\"format\":1,\"runId\":\"0123").expect("a torn journal");
    let refused = invoke(&webview, "setup_status", json!({"onRun": CHANNEL}));
    std::fs::remove_file(&torn).expect("the torn journal is removed");
    let refused = refused.expect_err("a torn journal is refused");
    assert_eq!(refused["kind"], "journalCorrupt", "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("setup-run-0123456789abcdef.json")),
        "{refused}"
    );

    for answer in [
        &form, &plan, &run, &status, &overview, &off, &on, &active, &error, &reused, &choices,
    ] {
        no_secret(answer);
    }
}

/// Matrix D3 beside a readable run: the torn journal hides nothing (the run is offered, the
/// torn file listed) and is moved aside on request, by a journal file name of the folder only.
#[test]
fn an_unreadable_journal_hides_no_run_and_is_moved_aside_on_request() {
    let (_app, webview) = app();
    invoke(&webview, "reset_sandbox", json!({})).expect("a fresh Sandbox org");
    sign_in(&webview);
    let form = invoke(&webview, "setup_form", json!({})).expect("the form");
    let request = form["request"].clone();
    let run = invoke(
        &webview,
        "setup_start",
        json!({"request": request, "onRun": CHANNEL}),
    )
    .expect("the run");
    let run_id = run["runId"].as_str().expect("a run id");
    invoke(&webview, "setup_dismiss", json!({})).expect("dismissed");
    let info = invoke(&webview, "app_info", json!({})).expect("app info");
    let dir =
        std::path::Path::new(info["dataDir"].as_str().expect("a data dir")).join("setup-runs");
    let torn = dir.join("setup-run-0123456789abcdef.json");
    std::fs::write(&torn, b"{\"format\":1,\"runId\":\"0123").expect("a torn journal");
    // Beside a run that can be read, the torn journal hides nothing: the run is offered, the
    // torn file listed, and moved aside on request (journal file names only).
    let readable = dir.join(format!("setup-run-{run_id}.json"));
    let text = std::fs::read_to_string(&readable).expect("the run's journal");
    let failed = text.replace("\"status\": \"completed\"", "\"status\": \"failed\"");
    assert_ne!(failed, text, "the journal says completed");
    std::fs::write(&readable, failed).expect("the run left unfinished");
    let offered = invoke(&webview, "setup_status", json!({"onRun": CHANNEL})).expect("offered");
    assert_eq!(offered["phase"], "interrupted", "{offered}");
    assert_eq!(offered["runId"], run_id);
    let torn_name = "setup-run-0123456789abcdef.json";
    assert_eq!(offered["unreadableJournals"][0]["fileName"], torn_name);
    let readable_name = format!("setup-run-{run_id}.json");
    for bad in [
        "../setup-run-0123456789abcdef.json",
        "setup-runs/setup-run-0123456789abcdef.json",
        "settings.json",
        readable_name.as_str(),
    ] {
        let refused = invoke(
            &webview,
            "setup_set_aside_journal",
            json!({"fileName": bad}),
        )
        .expect_err("not an unreadable journal of the folder");
        assert_eq!(refused["kind"], "invalidInput", "{bad}: {refused}");
    }
    assert!(readable.exists() && torn.exists(), "nothing was moved");
    let moved = invoke(
        &webview,
        "setup_set_aside_journal",
        json!({"fileName": torn_name}),
    )
    .expect("moved aside");
    let moved = moved.as_str().expect("the new name");
    assert!(
        moved.starts_with("setup-run-0123456789abcdef.unreadable-") && moved.ends_with("Z.json"),
        "{moved}"
    );
    assert!(
        !torn.exists() && dir.join(moved).exists(),
        "renamed in its folder"
    );
    let offered = invoke(&webview, "setup_status", json!({"onRun": CHANNEL})).expect("offered");
    assert_eq!(offered["unreadableJournals"], json!([]), "{offered}");
    let idle =
        invoke(&webview, "setup_cancel", json!({"runId": run_id})).expect_err("nothing is running");
    assert_eq!(idle["kind"], "invalidInput", "{idle}");
}
