// The isolation frame's rule for every IPC message the window sends (Tauri's isolation pattern:
// tauri.conf.json app.security.pattern). A message reaches Rust only when it names one of the
// app's own commands with a plain JSON object as its arguments, or when it is Tauri's own fetch
// of a large channel message; anything else is dropped here by throwing, so Rust never sees it.
// Tauri inlines this file into index.html at build time and allows it by hash in the frame's CSP.
"use strict";

(function () {
  // The app's own commands: exactly the names in src-tauri/src/commands/list.rs, one a line
  // (tests/ipc/security_config.rs fails when the two lists differ).
  const APP_COMMANDS = new Set([
    "app_info",
    "ui_ready",
    "open_help",
    "get_settings",
    "set_settings",
    "sign_in_options",
    "sign_in_start",
    "sign_in_wait",
    "sign_in_cancel",
    "sign_in_client_credentials",
    "current_session",
    "sign_out",
    "reset_sandbox",
    "sandbox_account",
    "oauth_clients_list",
    "oauth_client_get",
    "oauth_client_create",
    "oauth_client_update",
    "oauth_client_set_state",
    "oauth_client_delete",
    "oauth_client_regenerate_secret",
    "oauth_client_secret_reveal",
    "oauth_client_secret_copy",
    "oauth_client_secret_forget",
    "oauth_scopes",
    "authorization_roles",
    "authorization_role_permissions",
    "authorization_assign_role_to_me",
    "oauth_client_credentials",
    "oauth_client_credential_update",
    "integrations_overview",
    "integration_install",
    "integration_client_choices",
    "integration_configure",
    "integration_set_enabled",
    "integration_delete",
    "actions_overview",
    "action_preset",
    "action_check",
    "action_fix",
    "action_preview",
    "action_sample",
    "action_sample_draft",
    "action_sample_kept",
    "action_sample_keep",
    "action_get",
    "action_save",
    "action_test",
    "action_publish",
    "action_new_draft",
    "action_delete",
    "action_queues",
    "action_import_plan",
    "action_import_start",
    "action_import_status",
    "action_import_resume",
    "action_import_cancel",
    "action_import_dismiss",
    "action_export",
    "action_export_terraform",
    "action_privileges",
    "action_privileges_grant",
    "api_permissions_prefetch",
    "integration_export_terraform",
    "setup_form",
    "setup_plan",
    "setup_start",
    "setup_status",
    "setup_resume",
    "setup_roll_back",
    "setup_dismiss",
    "setup_cancel",
    "setup_set_aside_journal",
  ]);

  // Rust hands a channel message of 8 KiB or more over by asking the window to fetch it with
  // this command, no arguments and the message's numeric id in one header (tauri's ipc/channel.rs).
  const CHANNEL_FETCH = "plugin:__TAURI_CHANNEL__|fetch";
  const CHANNEL_ID_HEADER = "Tauri-Channel-Id";

  // Deeper nesting than any of our forms is refused rather than walked (and a cycle ends here).
  const MAX_DEPTH = 32;

  function isPlainObject(value) {
    if (typeof value !== "object" || value === null) return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  }

  // JSON as the Rust side reads it: null, booleans, finite numbers, strings, arrays and plain
  // objects. An object property may be undefined, which JSON leaves out (an absent option).
  function isJson(value, depth) {
    if (depth > MAX_DEPTH) return false;
    switch (typeof value) {
      case "string":
      case "boolean":
        return true;
      case "number":
        return Number.isFinite(value);
      case "object":
        if (value === null) return true;
        if (Array.isArray(value)) {
          if (Object.getPrototypeOf(value) !== Array.prototype) return false;
          return value.every((item) => item !== undefined && isJson(item, depth + 1));
        }
        if (!isPlainObject(value)) return false;
        return Object.keys(value).every((key) => {
          const item = value[key];
          return item === undefined || isJson(item, depth + 1);
        });
      default:
        return false;
    }
  }

  function isCallbackId(value) {
    return Number.isSafeInteger(value) && value >= 0;
  }

  function isChannelFetch(message) {
    const options = message.options;
    if (message.payload !== null || !isPlainObject(options)) return false;
    if (Object.keys(options).some((key) => key !== "headers")) return false;
    const headers = options.headers;
    if (!isPlainObject(headers)) return false;
    const names = Object.keys(headers);
    return (
      names.length === 1 &&
      names[0] === CHANNEL_ID_HEADER &&
      typeof headers[CHANNEL_ID_HEADER] === "string" &&
      /^[0-9]{1,10}$/.test(headers[CHANNEL_ID_HEADER])
    );
  }

  function isAppCall(message) {
    return (
      APP_COMMANDS.has(message.cmd) &&
      message.options == null &&
      isPlainObject(message.payload) &&
      isJson(message.payload, 0)
    );
  }

  // Returns the message unchanged when it may go on; throws otherwise. The error names the
  // command only: arguments can hold a typed secret and never reach a log.
  function guard(message) {
    if (!isPlainObject(message) || typeof message.cmd !== "string") {
      throw new Error("Dip Studio refused an IPC message that names no command");
    }
    if (!isCallbackId(message.callback) || !isCallbackId(message.error)) {
      throw new Error(`Dip Studio refused ${JSON.stringify(message.cmd)}: no callback ids`);
    }
    const allowed = message.cmd === CHANNEL_FETCH ? isChannelFetch(message) : isAppCall(message);
    if (!allowed) {
      throw new Error(
        `Dip Studio refused ${JSON.stringify(message.cmd)}: not one of its commands with JSON arguments`,
      );
    }
    return message;
  }

  // Fixed once set: nothing else in this frame can swap the rule for a looser one.
  Object.defineProperty(window, "__TAURI_ISOLATION_HOOK__", {
    value: guard,
    writable: false,
    configurable: false,
    enumerable: false,
  });
})();
