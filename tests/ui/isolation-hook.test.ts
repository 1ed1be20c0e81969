// The isolation frame's rule (ui/isolation/hook.js): every command of src-tauri/src/commands/list.rs
// passes with a plain JSON object as arguments; unknown commands, Tauri's plugin commands and
// malformed arguments or options are refused by throwing, without the arguments in the error.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import "../../ui/isolation/hook.js";

type Message = { cmd?: unknown; callback?: unknown; error?: unknown; payload?: unknown; options?: unknown };
type Hook = (message: unknown) => unknown;

const hook = (window as unknown as { __TAURI_ISOLATION_HOOK__: Hook }).__TAURI_ISOLATION_HOOK__;

/** The command names in the app's one list, read from the Rust source. */
function listedCommands(): string[] {
  const file = path.resolve(__dirname, "../../src-tauri/src/commands/list.rs");
  const text = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const body = text.slice(text.indexOf("app_commands!"));
  const names: string[] = [];
  for (const group of body.matchAll(/\w+\s*:\s*\[([^\]]*)\]/g)) {
    for (const name of (group[1] as string).split(",")) {
      if (name.trim()) names.push(name.trim());
    }
  }
  return names;
}

/** What the frame receives: the window's message after postMessage's structured clone. */
function message(cmd: unknown, payload: unknown, extra: Partial<Message> = {}): Message {
  return { cmd, callback: 11, error: 12, payload, options: undefined, ...extra };
}

function passes(m: Message): boolean {
  try {
    return hook(m) === m;
  } catch {
    return false;
  }
}

const channelFetch = (headers: unknown, payload: unknown = null): Message =>
  message("plugin:__TAURI_CHANNEL__|fetch", payload, { options: { headers } });

describe("the isolation hook", () => {
  it("is a function the frame cannot replace", () => {
    expect(typeof hook).toBe("function");
    expect(() => {
      (window as unknown as { __TAURI_ISOLATION_HOOK__: Hook }).__TAURI_ISOLATION_HOOK__ = (m) => m;
    }).toThrow(TypeError);
    expect((window as unknown as { __TAURI_ISOLATION_HOOK__: Hook }).__TAURI_ISOLATION_HOOK__).toBe(hook);
  });

  it("lets every listed command through with its JSON arguments, unchanged", () => {
    const commands = listedCommands();
    expect(commands.length).toBeGreaterThan(40);
    for (const cmd of commands) {
      const m = structuredClone(message(cmd, {}));
      expect(passes(m), `${cmd} with no arguments`).toBe(true);
    }
    const form = structuredClone(
      message("oauth_client_create", {
        form: {
          name: "Dip",
          grant: { type: "CLIENT_CREDENTIALS", roles: [{ roleId: "r1", divisionIds: ["*"] }] },
          tokenSeconds: 86400,
          enabled: true,
          description: null,
          state: undefined,
        },
      }),
    );
    expect(hook(form)).toBe(form);
    expect(hook(form)).toEqual(form);
    const withChannel = structuredClone(message("integration_set_enabled", { id: "i1", enabled: true, onState: "__CHANNEL__:42" }));
    expect(passes(withChannel)).toBe(true);
    expect(passes(message("app_info", Object.create(null)))).toBe(true);
  });

  it("refuses a command that is not in the app's list", () => {
    for (const cmd of [
      "plugin:opener|open_url",
      "plugin:event|listen",
      "plugin:store|get",
      "plugin:clipboard-manager|read_text",
      "app_info2",
      "APP_INFO",
      " app_info",
      "",
      "constructor",
      "__proto__",
      "toString",
    ]) {
      expect(passes(message(cmd, {})), JSON.stringify(cmd)).toBe(false);
    }
    expect(passes(message(42, {}))).toBe(false);
    expect(passes(message(undefined, {}))).toBe(false);
  });

  it("refuses arguments that are not a plain JSON object", () => {
    class Form {
      name = "x";
    }
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 40; i++) deep = { next: deep };
    const refused: [string, unknown][] = [
      ["an array", [1, 2]],
      ["a string", "app_info"],
      ["null", null],
      ["undefined", undefined],
      ["a number", 7],
      ["bytes", new Uint8Array([1, 2, 3])],
      ["a buffer", new ArrayBuffer(4)],
      ["a date", new Date(0)],
      ["a map", new Map([["id", "x"]])],
      ["a class instance", new Form()],
      ["a nested date", { form: { at: new Date(0) } }],
      ["nested bytes", { id: new Uint8Array([1]) }],
      ["a function", { id: () => "x" }],
      ["NaN", { seconds: Number.NaN }],
      ["Infinity", { seconds: Number.POSITIVE_INFINITY }],
      ["a bigint", { seconds: 10n }],
      ["a symbol", { id: Symbol("x") }],
      ["undefined in an array", { ids: ["a", undefined] }],
      ["a cycle", cyclic],
      ["nesting past 32 levels", deep],
    ];
    for (const [what, payload] of refused) {
      expect(passes(message("oauth_client_get", payload)), what).toBe(false);
    }
  });

  it("refuses options and missing callback ids on the app's commands", () => {
    expect(passes(message("app_info", {}, { options: { headers: { "Tauri-Channel-Id": "1" } } }))).toBe(false);
    expect(passes(message("app_info", {}, { options: {} }))).toBe(false);
    expect(passes(message("app_info", {}, { callback: undefined }))).toBe(false);
    expect(passes(message("app_info", {}, { error: "12" }))).toBe(false);
    expect(passes(message("app_info", {}, { callback: -1 }))).toBe(false);
    expect(passes(message("app_info", {}, { options: null }))).toBe(true);
    expect(passes("app_info" as unknown as Message)).toBe(false);
    expect(passes([message("app_info", {})] as unknown as Message)).toBe(false);
  });

  it("lets Tauri fetch a large channel message by its numeric id, and nothing else by that command", () => {
    expect(passes(structuredClone(channelFetch({ "Tauri-Channel-Id": "3141" })))).toBe(true);
    expect(passes(channelFetch({ "Tauri-Channel-Id": "3141" }, {}))).toBe(false);
    expect(passes(channelFetch({ "Tauri-Channel-Id": "31x" }))).toBe(false);
    expect(passes(channelFetch({ "Tauri-Channel-Id": 3141 }))).toBe(false);
    expect(passes(channelFetch({ "Tauri-Channel-Id": "1", Authorization: "Bearer x" }))).toBe(false);
    expect(passes(channelFetch({}))).toBe(false);
    expect(passes(message("plugin:__TAURI_CHANNEL__|fetch", null))).toBe(false);
  });

  it("names the refused command but never its arguments", () => {
    const secret = "CANARY-0d6f-secret";
    let thrown: unknown;
    try {
      hook(message("sign_in_client_credentials", { clientId: "c", clientSecret: secret, at: new Date(0) }));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Error);
    const text = String((thrown as Error).message);
    expect(text).toContain("sign_in_client_credentials");
    expect(text).not.toContain(secret);
  });
});
