//! The Data Actions screen's and the guided setup's commands through the mock runtime:
//! the ACL lets only the main window call them (security-matrix.md F5), and signed in to the app's own
//! Sandbox org the guided setup runs to ACTIVE with every answer in its generated wire shape and
//! no secret in any answer or channel message (F1); the screen then shows each integration's
//! credential whatever `config.current` embeds, deactivates, reactivates with a smoke check,
//! refuses bad input before any request, and deletes (404 = already gone).

use std::sync::{Arc, Mutex};

use dip_studio::AppState;
use genesys::secrets::{MemoryStore, Secret, SecretStore};
use sandbox::{EmbeddedConfig, FaultKind, FaultRule, Variant, WrongSecret};
use serde_json::{json, Value};
use tauri::Manager;

use super::clients::sign_in;
use super::{app, app_with_secrets, assert_main_window_only, invoke, keys};

/// The integrations and guided setup screens' commands, from the app's one list.
fn commands() -> Vec<&'static str> {
    let (integrations, setup) = (
        super::screen_commands("integrations"),
        super::screen_commands("setup"),
    );
    integrations.iter().chain(setup).copied().collect()
}

/// The request as the window sends it from `form`: the core's `SetupRequest`, with the names
/// the form opens with and the suggested role in the home division.
fn setup_request(form: &Value) -> Value {
    json!({
        "clientName": "Data Actions client",
        "credentialName": "Data Actions client credential",
        "integrationName": "Genesys Cloud Data Actions",
        "roleDivisions": [{"roleId": form["suggestedRoleId"], "divisionId": form["homeDivisionId"]}],
        "action": {"name": "Get queue presences", "queueId": form["queues"][0]["id"]},
    })
}

/// A JavaScript channel id as `new Channel()` sends it; the mock webview drops its messages.
const CHANNEL: &str = "__CHANNEL__:7";

#[test]
fn integration_and_setup_commands_are_for_the_main_window_only_and_ask_to_sign_in_first() {
    let (app, webview) = app();
    assert_main_window_only(&app, &webview, &commands());
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
    knobs(app).set_variant(variant);
}

/// The app's own Sandbox org, for its knobs (it serves no HTTP knobs).
fn knobs(app: &tauri::App<tauri::test::MockRuntime>) -> sandbox::Knobs {
    let state = app.state::<AppState>();
    let running = state.sandbox.blocking_lock();
    running.as_ref().expect("the Sandbox org runs").knobs()
}

/// No secret field in an IPC answer, and none of the Sandbox's canary values (every secret,
/// code and token it issued, with [`knobs`]`.set_canary_secrets(true)`).
fn no_secret(answer: &Value) {
    let text = answer.to_string();
    for word in [
        "\"secret\"",
        "clientSecret",
        "\"token\"",
        "accessToken",
        "CANARY-",
    ] {
        assert!(!text.contains(word), "no {word} may cross IPC: {text}");
    }
}

#[test]
fn signed_in_the_guided_setup_runs_to_active_and_the_screen_manages_the_integration() {
    let _turn = crate::ipc::org_turn();
    let (app, webview) = app();
    invoke(&webview, "reset_sandbox", json!({})).expect("a fresh Sandbox org");
    // Every secret and token issued from here on is a canary that no answer may carry.
    knobs(&app).set_canary_secrets(true);
    sign_in(&webview);

    let form = invoke(&webview, "setup_form", json!({})).expect("the form");
    assert_eq!(
        keys(&form),
        [
            "divisions",
            "homeDivisionId",
            "installed",
            "limit",
            "queues",
            "roles",
            "secretPersists",
            "suggestedRoleId",
            "unreadableJournals"
        ]
    );
    assert!(form["secretPersists"].is_boolean(), "{form}");
    assert_eq!(
        keys(&form["queues"][0]),
        ["id", "memberCount", "name"],
        "the seeded queues are offered: {form}"
    );
    assert_eq!(form["limit"], 10);
    assert_eq!(form["installed"], 0);
    let suggested = form["suggestedRoleId"].clone();
    assert!(
        form["roles"]
            .as_array()
            .is_some_and(|roles| roles.iter().any(|r| r["id"] == suggested)),
        "a held role granting routing:queue:view is pre-selected: {form}"
    );
    let request = setup_request(&form);

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
            "waitForActive",
            "createAction",
            "testAction",
            "publishAction"
        ]
    );
    assert_eq!(plan["steps"][10]["subject"], form["queues"][0]["id"]);
    assert_eq!(
        keys(&plan["steps"][1]),
        ["grants", "kind", "subject", "tokenDurationSeconds"]
    );
    let bad = json!({"request": {"clientName": " ", "clientDescription": "", "credentialName": "c", "integrationName": "i", "roleDivisions": []}});
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
            "stoppedAt",
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
    assert_eq!(
        created,
        ["oauthClient", "credential", "integration", "action"]
    );
    let integration_id = run["created"][2]["id"].as_str().expect("an id").to_owned();
    let status = invoke(&webview, "setup_status", json!({"onRun": CHANNEL})).expect("status");
    assert_eq!(
        status["phase"], "completed",
        "a reloaded window finds the finished run"
    );

    let overview = invoke(&webview, "integrations_overview", json!({})).expect("the overview");
    assert_eq!(
        keys(&overview),
        ["actions", "clients", "credentials", "integrations", "limit"]
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

    // The Data actions screen over IPC: the preset, the rule check, a draft, a test whose
    // failed step carries its hint (an unknown queue: the endpoint's 404 at step 8).
    let form = invoke(
        &webview,
        "action_preset",
        json!({"integrationId": integration_id, "name": "Get queue presences"}),
    )
    .expect("the preset");
    assert_eq!(
        form["urlTemplate"],
        "/api/v2/routing/queues/${input.QueueID}/members?expand=presence"
    );
    let problems = invoke(&webview, "action_check", json!({"form": form})).expect("checked");
    assert_eq!(
        problems,
        json!([{"field": "urlTemplate", "code": "lint.no-page-size", "value": "pageSize", "severity": "warning", "fix": {"kind": "pageSize"}}]),
        "the preset breaks no rule; the lint notes its missing pageSize"
    );
    let fixed = invoke(
        &webview,
        "action_fix",
        json!({"form": form, "fix": problems[0]["fix"]}),
    )
    .expect("fixed");
    assert_eq!(
        fixed["urlTemplate"],
        "/api/v2/routing/queues/${input.QueueID}/members?expand=presence&pageSize=100"
    );
    let preview = invoke(
        &webview,
        "action_preview",
        json!({"request": {"form": form, "sample": "{\"entities\": []}", "values": {"QueueID": "q-1"}}}),
    )
    .expect("the preview");
    assert_eq!(
        preview["steps"].as_array().map(Vec::len),
        Some(10),
        "{preview}"
    );
    assert_eq!(
        preview["steps"][4]["shown"],
        "/api/v2/routing/queues/q-1/members?expand=presence"
    );
    assert_eq!(
        keys(&preview),
        ["flattened", "output", "rows", "sampleError", "steps"]
    );
    let mut reserved = form.clone();
    reserved["inputs"][0]["name"] = json!("orgId");
    let problems = invoke(&webview, "action_check", json!({"form": reserved})).expect("checked");
    assert_eq!(problems[0]["field"], "inputs.0.name", "{problems}");
    assert_eq!(problems[0]["code"], "reservedName");
    let draft = invoke(&webview, "action_save", json!({"id": null, "form": form})).expect("saved");
    assert_eq!(keys(&draft), ["form", "isDraft", "summary"]);
    let id = draft["summary"]["id"].as_str().expect("an id").to_owned();
    let missing = invoke(
        &webview,
        "action_sample",
        json!({"form": form, "values": {"QueueID": "no-such-queue"}}),
    )
    .expect_err("no such queue");
    assert_eq!(missing["kind"], "api", "{missing}");
    assert!(missing["contextId"].is_string(), "{missing}");
    // A sample drafted from the Sandbox's description of the endpoint, then kept with the draft.
    let drafted =
        invoke(&webview, "action_sample_draft", json!({"form": form})).expect("a draft answer");
    assert_eq!(drafted["kind"], "drafted", "{drafted}");
    assert_eq!(drafted["model"], "QueueMemberEntityListing");
    let sample = drafted["sample"].as_str().expect("JSON text").to_owned();
    assert_eq!(
        invoke(&webview, "action_sample_kept", json!({"id": id})).expect("read"),
        Value::Null
    );
    let kept = invoke(
        &webview,
        "action_sample_keep",
        json!({"id": id, "sample": sample, "source": "drafted"}),
    )
    .expect("kept");
    assert_eq!(keys(&kept), ["sample", "savedAt", "source"]);
    let again = invoke(&webview, "action_sample_kept", json!({"id": id})).expect("read");
    assert_eq!(again, kept);
    let bad = invoke(
        &webview,
        "action_sample_keep",
        json!({"id": id, "sample": "[]", "source": "invented"}),
    )
    .expect_err("an unknown source");
    // Tauri refuses it before the command runs, naming the argument.
    assert!(bad.to_string().contains("source"), "{bad}");
    let run = invoke(
        &webview,
        "action_test",
        json!({"id": id, "values": {"QueueID": "no-such-queue"}, "flatten": true}),
    )
    .expect("a run");
    assert_eq!(run["success"], false);
    let failed = run["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["success"] == false)
        .expect("a failed step")
        .clone();
    assert_eq!(failed["step"], 8, "{run}");
    assert_eq!(failed["hint"]["kind"], "remoteEndpoint", "{failed}");
    let overview = invoke(&webview, "integrations_overview", json!({})).expect("the overview");
    assert_eq!(
        overview["actions"][0]["id"],
        id.as_str(),
        "the diagram's last node"
    );
    // Export, then import the export under another name: plan, run, status, dismiss.
    let exported = invoke(&webview, "action_export", json!({"id": id})).expect("exported");
    let mut copy: Value =
        serde_json::from_str(exported.as_str().expect("JSON text")).expect("an export");
    assert_eq!(copy["name"], "Get queue presences");
    copy["name"] = json!("Imported copy");
    let terraform = invoke(&webview, "action_export_terraform", json!({"id": id}))
        .expect("exported as Terraform");
    let terraform = terraform.as_str().expect("HCL text");
    assert!(
        terraform.contains("resource \"genesyscloud_integration_action\" \"get_queue_presences\"")
            && terraform.contains("$${input.QueueID}"),
        "{terraform}"
    );
    // What the actions need, read from the Sandbox org's own API description.
    let privileges = invoke(
        &webview,
        "action_privileges",
        json!({"integrationId": integration_id}),
    )
    .expect("the permissions");
    assert_eq!(
        privileges["actions"][0]["least"],
        json!(["routing:queue:view"]),
        "{privileges}"
    );
    assert_eq!(privileges["actions"][0]["covered"], true, "{privileges}");
    no_secret(&privileges);
    let chain = invoke(
        &webview,
        "integration_export_terraform",
        json!({"integrationId": integration_id}),
    )
    .expect("the integration as Terraform");
    no_secret(&chain);
    let chain = chain.as_str().expect("HCL text");
    assert!(
        chain.contains("resource \"genesyscloud_oauth_client\"")
            && chain.contains("integration_credential_id")
            && chain
                .contains("resource \"genesyscloud_integration_action\" \"get_queue_presences\""),
        "{chain}"
    );
    let files = json!([{"fileName": "copy.json", "text": copy.to_string()}]);
    let plan = invoke(
        &webview,
        "action_import_plan",
        json!({"integrationId": integration_id, "files": files}),
    )
    .expect("the plan");
    assert_eq!(
        keys(&plan),
        ["integrationId", "integrationName", "items", "ready"]
    );
    assert_eq!(plan["ready"], 1, "{plan}");
    let run = invoke(
        &webview,
        "action_import_start",
        json!({"integrationId": integration_id, "files": files, "publish": false, "onRun": CHANNEL}),
    )
    .expect("the import");
    assert_eq!(run["phase"], "completed", "{run}");
    assert_eq!(run["items"][0]["state"], "drafted");
    let shown =
        invoke(&webview, "action_import_status", json!({"onRun": CHANNEL})).expect("the status");
    assert_eq!(shown["importId"], run["importId"]);
    invoke(&webview, "action_import_dismiss", json!({})).expect("dismissed");
    let none =
        invoke(&webview, "action_import_status", json!({"onRun": CHANNEL})).expect("the status");
    assert_eq!(none, Value::Null, "a dismissed import is forgotten");
    let copy_id = run["items"][0]["actionId"]
        .as_str()
        .expect("made")
        .to_owned();
    for gone in [id.as_str(), copy_id.as_str()] {
        invoke(
            &webview,
            "action_delete",
            json!({"id": gone, "draftOnly": false}),
        )
        .expect("deleted");
    }

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

    // A typed secret with a typo is refused before anything is saved: the keychain keeps the
    // right one, so the smoke check still passes.
    let typo = json!({"id": integration_id, "choice": {"kind": "typed", "clientId": client["id"], "clientSecret": "not-the-secret"}});
    let refused = invoke(&webview, "integration_configure", typo).expect_err("no token with it");
    assert_eq!(refused["kind"], "invalidInput", "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("clientSecret:")),
        "{refused}"
    );
    let still = invoke(
        &webview,
        "integration_set_enabled",
        json!({"id": integration_id, "enabled": true, "onState": CHANNEL}),
    )
    .expect("settled");
    assert_eq!(still["smoke"], json!({"outcome": "passed"}), "{still}");

    // A wrong secret in the credential (the client's secret was regenerated elsewhere, so the
    // keychain's copy is stale): reported ERROR, or ACTIVE with the smoke check refused.
    let (_, session) = app.state::<AppState>().session().expect("signed in");
    let client_id = client["id"].as_str().expect("a client id").to_owned();
    tauri::async_runtime::block_on(
        session
            .client()
            .regenerate_oauth_client_secret(&client_id, session.token()),
    )
    .expect("regenerated behind the app's back");
    let stale =
        json!({"id": integration_id, "choice": {"kind": "keychainClient", "clientId": client_id}});
    let restaled =
        invoke(&webview, "integration_configure", stale).expect("Genesys stores any secret");
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
        &form, &plan, &run, &status, &overview, &off, &on, &still, &restaled, &active, &error,
        &reused, &choices,
    ] {
        no_secret(answer);
    }
    let text = refused.to_string();
    assert!(
        !text.contains("CANARY-") && !text.contains("not-the-secret"),
        "{text}"
    );
}

/// Matrix D3 beside a readable run: the torn journal hides nothing (the run is offered, the
/// torn file listed) and is moved aside on request, by a journal file name of the folder only.
#[test]
fn an_unreadable_journal_hides_no_run_and_is_moved_aside_on_request() {
    let _turn = crate::ipc::org_turn();
    let (_app, webview) = app();
    invoke(&webview, "reset_sandbox", json!({})).expect("a fresh Sandbox org");
    sign_in(&webview);
    let form = invoke(&webview, "setup_form", json!({})).expect("the form");
    let request = setup_request(&form);
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
    assert!(
        offered["stoppedAt"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z') && t.len() >= 20),
        "an unfinished run says when its journal was last written: {offered}"
    );
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
    // The setup folder is the test process's, shared with the other tests: leave no
    // unfinished run behind for them.
    std::fs::remove_file(&readable).expect("the run's journal is removed");
    std::fs::remove_file(dir.join(moved)).expect("the set-aside file is removed");
}

/// A keychain double that remembers which accounts were written and deleted, in order.
#[derive(Default)]
struct Recording {
    inner: MemoryStore,
    log: Mutex<Vec<(&'static str, String)>>,
}

impl Recording {
    /// What was written or deleted for OAuth client secrets (sign-in keeps its own entries).
    fn log(&self) -> Vec<(&'static str, String)> {
        let log = self.log.lock().expect("the log");
        log.iter()
            .filter(|(_, account)| account.starts_with("oauth-client-secret:"))
            .cloned()
            .collect()
    }
}

impl SecretStore for Recording {
    fn get(&self, account: &str) -> genesys::error::Result<Option<Secret>> {
        self.inner.get(account)
    }
    fn set(&self, account: &str, secret: &Secret) -> genesys::error::Result<()> {
        self.log
            .lock()
            .expect("the log")
            .push(("set", account.to_owned()));
        self.inner.set(account, secret)
    }
    fn delete(&self, account: &str) -> genesys::error::Result<()> {
        self.log
            .lock()
            .expect("the log")
            .push(("delete", account.to_owned()));
        self.inner.delete(account)
    }
}

/// "Configure credentials" through IPC: a typed secret is proven before it is saved (a typo
/// leaves the keychain as it was), and a client created for the credential is deleted, with its
/// keychain entry, when the credential cannot be made.
#[test]
fn configuring_credentials_keeps_the_saved_secret_on_a_typo_and_leaves_no_orphan_client() {
    let _turn = crate::ipc::org_turn();
    let store = Arc::new(Recording::default());
    let (app, webview) = app_with_secrets(store.clone());
    invoke(&webview, "reset_sandbox", json!({})).expect("a fresh Sandbox org");
    knobs(&app).set_canary_secrets(true);
    sign_in(&webview);
    let installed = invoke(
        &webview,
        "integration_install",
        json!({"name": "Genesys Cloud Data Actions"}),
    )
    .expect("installed");
    let id = installed["id"].as_str().expect("an id").to_owned();
    let choices = invoke(&webview, "integration_client_choices", json!({})).expect("choices");
    let new_client = |name: &str| {
        json!({"id": id, "choice": {"kind": "newClient", "name": name,
            "roleId": choices["suggestedRoleId"], "divisionId": choices["homeDivisionId"]}})
    };
    let first = invoke(
        &webview,
        "integration_configure",
        new_client("First client"),
    )
    .expect("a new client and its credential");
    let client_id = first["createdClient"]["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    let account = format!("oauth-client-secret:sandbox/{client_id}");
    assert_eq!(
        store.log(),
        [("set", account.clone())],
        "its secret is kept"
    );

    let typo = json!({"id": id, "choice": {"kind": "typed", "clientId": client_id, "clientSecret": "not-the-secret"}});
    let refused = invoke(&webview, "integration_configure", typo).expect_err("no token with it");
    assert_eq!(refused["kind"], "invalidInput", "{refused}");
    assert_eq!(
        store.log(),
        [("set", account.clone())],
        "the typo replaced nothing in the keychain"
    );
    let right = store
        .inner
        .get(&account)
        .expect("read")
        .expect("still there");
    let proven = json!({"id": id, "choice": {"kind": "typed", "clientId": client_id, "clientSecret": right.expose()}});
    let saved = invoke(&webview, "integration_configure", proven).expect("a working secret");
    assert_eq!(saved["credential"]["clientId"], client_id.as_str());
    assert_eq!(store.log().len(), 2, "saved once proven");

    // The credential cannot be made (created or, for this integration's own one, replaced).
    let knobs = knobs(&app);
    for (method, path) in [
        ("POST", "/api/v2/integrations/credentials"),
        ("PUT", "/api/v2/integrations/credentials/{credentialId}"),
    ] {
        knobs.add_fault(FaultRule {
            method: Some(method.into()),
            path: path.into(),
            kind: FaultKind::Status {
                status: 400,
                retry_after: None,
            },
            after: 0,
            times: Some(1),
        });
    }
    let failed = invoke(
        &webview,
        "integration_configure",
        new_client("Second client"),
    )
    .expect_err("the credential fails");
    assert_eq!(failed["kind"], "api", "{failed}");
    let log = store.log();
    let (_, second) = log
        .get(2)
        .expect("the second client's secret was kept")
        .clone();
    assert_ne!(second, account);
    assert_eq!(log.get(3), Some(&("delete", second.clone())), "{log:?}");
    let state = app.state::<AppState>();
    let clients: Vec<String> = state
        .sandbox
        .blocking_lock()
        .as_ref()
        .expect("the Sandbox org runs")
        .snapshot()
        .oauth_clients
        .iter()
        .map(|c| c.name.clone())
        .collect();
    assert!(clients.contains(&"First client".to_owned()), "{clients:?}");
    assert!(
        !clients.contains(&"Second client".to_owned()),
        "no orphan client is left: {clients:?}"
    );
    for answer in [&installed, &choices, &first, &saved] {
        no_secret(answer);
    }
    // Errors name the field ("clientSecret: …") but carry no secret.
    for error in [&refused, &failed] {
        let text = error.to_string();
        assert!(
            !text.contains("CANARY-") && !text.contains("not-the-secret"),
            "{text}"
        );
    }
}
