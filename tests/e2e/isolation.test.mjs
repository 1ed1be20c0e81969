// The isolation pattern in the real window: Tauri reports the isolation pattern, its sandboxed
// frame is in the page but hidden, the app's own calls answer through it (the app started at
// all), and a call its rule refuses (an unknown command, arguments that are not a JSON object)
// never reaches Rust: it stays unanswered while later calls made after it are answered. Inside
// the frame: our hook is set, the origin is opaque, and its CSP refuses eval, an inline script
// and any request.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot } from "./harness.mjs";

test("every IPC call goes through the isolation frame, which drops what its rule refuses", async () => {
  const b = await launch("isolation");
  try {
    const setup = await b.execute(() => {
      const frame = document.querySelector("iframe#__tauri_isolation__");
      return {
        pattern: window.__TAURI_INTERNALS__.__TAURI_PATTERN__.pattern,
        frames: document.querySelectorAll("iframe").length,
        src: frame ? frame.src : null,
        sandbox: frame ? frame.getAttribute("sandbox") : null,
        display: frame ? getComputedStyle(frame).display : null,
      };
    });
    assert.equal(setup.pattern, "isolation", "Tauri runs the isolation pattern");
    assert.equal(setup.frames, 1, `one frame in the page: ${JSON.stringify(setup)}`);
    assert.match(setup.src ?? "", /^isolation-[0-9a-f-]+:\/\/localhost\/$/, "the frame is Tauri's isolation page");
    assert.equal(setup.sandbox, "allow-scripts", "the frame may run scripts and nothing else (opaque origin)");
    assert.equal(setup.display, "none", "the frame is hidden (ui/src/styles.css), so nobody can tab into it");

    // Each refused call records how it settled, if it ever does; the allowed calls after them
    // are answered through the same frame, in order.
    const outcome = await b.executeAsync((done) => {
      const settled = {};
      const watch = (name, promise) =>
        promise.then(
          () => (settled[name] = "resolved"),
          (e) => (settled[name] = `rejected: ${String(e)}`),
        );
      const invoke = window.__TAURI_INTERNALS__.invoke;
      watch("bytes for app_info", invoke("app_info", new Uint8Array([1, 2, 3])));
      watch("an array for app_info", invoke("app_info", ["x"]));
      watch("the opener plugin", invoke("plugin:opener|open_url", { url: "https://example.com/" }));
      watch("an unknown command", invoke("app_info_everything", {}));
      invoke("app_info")
        .then((first) => invoke("current_session").then(() => invoke("app_info")).then((second) => [first, second]))
        .then(
          ([first, second]) => done({ answered: Boolean(first && second && first.version === second.version), settled }),
          (e) => done({ answered: false, error: String(e), settled }),
        );
    });
    assert.equal(outcome.answered, true, `the app's own calls are answered: ${JSON.stringify(outcome)}`);
    assert.deepEqual(outcome.settled, {}, "no refused call reached Rust, so none was answered");
    await screenshot(b, "isolation-after-refused-calls");

    await b.switchFrame(await b.$("iframe#__tauri_isolation__"));
    const inside = await b.executeAsync((done) => {
      const violations = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective || e.violatedDirective));
      let evaluated;
      try {
        evaluated = String(eval("'ran'"));
      } catch (err) {
        evaluated = err instanceof Error ? err.name : String(err);
      }
      window.__inlineRan = false;
      const inline = document.createElement("script");
      inline.textContent = "window.__inlineRan = true;";
      document.body.append(inline);
      const result = (fetched) => ({
        hook: typeof window.__TAURI_ISOLATION_HOOK__,
        origin: String(window.origin),
        evaluated,
        inlineRan: window.__inlineRan,
        fetched,
        violations,
      });
      // Once the request settles, wait for the violation reports too (they are queued apart).
      const reported = () => violations.includes("connect-src") && violations.some((v) => v.startsWith("script-src"));
      const finish = (fetched) => (reported() || fetched === "answered" ? done(result(fetched)) : setTimeout(() => finish(fetched), 20));
      fetch("ipc://localhost/app_info", { method: "POST", body: "{}" }).then(
        () => finish("answered"),
        (err) => finish(`refused: ${String(err)}`),
      );
    });
    await b.switchFrame(null);
    assert.equal(inside.hook, "function", "ui/isolation/hook.js set the hook in the frame");
    assert.equal(inside.origin, "null", "the sandboxed frame has an opaque origin");
    assert.notEqual(inside.evaluated, "ran", "the frame's CSP refuses eval");
    assert.equal(inside.inlineRan, false, "the frame's CSP refuses an inline script without its hash or nonce");
    assert.match(inside.fetched, /^refused/, `the frame refuses any request: ${JSON.stringify(inside)}`);
    assert.ok(inside.violations.includes("connect-src"), `its CSP refused the request: ${JSON.stringify(inside)}`);
    assert.ok(
      inside.violations.some((v) => v.startsWith("script-src")),
      `its CSP refused the inline script: ${JSON.stringify(inside)}`,
    );
  } finally {
    await b.deleteSession();
  }
});
