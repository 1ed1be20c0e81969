// The window's Content Security Policy, in the real window: a script from elsewhere, an inline
// script and eval are each blocked, and each is reported as a securitypolicyviolation event
// (listened for in the page before anything is injected).
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot } from "./harness.mjs";

test("the window's CSP blocks and reports an outside script, an inline script and eval", async () => {
  const b = await launch("csp");
  try {
    await b.execute(() => {
      window.__cspViolations = [];
      window.__cspRan = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        window.__cspViolations.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI });
      });
    });

    await b.execute(() => {
      const outside = document.createElement("script");
      outside.src = "https://example.com/x.js";
      outside.addEventListener("load", () => window.__cspRan.push("outside"));
      document.head.append(outside);
      const inline = document.createElement("script");
      inline.textContent = "window.__cspRan.push('inline');";
      document.head.append(inline);
    });
    const evaluated = await b.execute(() => {
      try {
        return String(eval("window.__cspRan.push('eval'); 'ran'"));
      } catch (err) {
        return err instanceof Error ? err.name : String(err);
      }
    });

    await b.waitUntil(async () => (await b.execute(() => window.__cspViolations.length)) >= 3, {
      timeout: 10000,
      timeoutMsg: "fewer than three securitypolicyviolation events arrived",
    });
    const violations = await b.execute(() => window.__cspViolations);
    const ran = await b.execute(() => window.__cspRan);
    assert.deepEqual(ran, [], `nothing injected ran: ${JSON.stringify(ran)}`);
    assert.notEqual(evaluated, "ran", "eval is refused");
    const scripts = violations.filter((v) => /^script-src/.test(v.directive));
    assert.ok(scripts.length >= 3, `three script-src violations: ${JSON.stringify(violations)}`);
    assert.ok(
      scripts.some((v) => v.blocked.startsWith("https://example.com")),
      `the outside script is reported with its address: ${JSON.stringify(scripts)}`,
    );
    assert.ok(
      scripts.some((v) => v.blocked === "inline"),
      `the inline script is reported: ${JSON.stringify(scripts)}`,
    );
    assert.ok(
      scripts.some((v) => v.blocked === "eval"),
      `eval is reported: ${JSON.stringify(scripts)}`,
    );
    await screenshot(b, "csp-after-injection");
  } finally {
    await b.deleteSession();
  }
});
