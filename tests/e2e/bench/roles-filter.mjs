// The roles picker's bench in the real window (run by `cargo xtask bench`, not by the test
// suite: the name does not end in .test.mjs). The debug app's Sandbox org gets 5,000 extra
// roles and 50 ms latency; after signing in, it times how long the window takes to show the
// whole list, then types a query one character at a time and measures in the page, with
// performance.now(), from each input event to the list updated and laid out. The numbers go
// to DIP_STUDIO_BENCH_RESULT as JSON for xtask to print; nothing here asserts a time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { browserEnv, launch, signInToSandbox } from "../harness.mjs";

const QUERY = "load test role 4321";

test("roles picker: time to the full list and per-keystroke filter time with 5,000 roles", async () => {
  const { env } = browserEnv("bench-roles", "bench-roles");
  const b = await launch("bench-roles", {
    env: { ...env, DIP_STUDIO_SANDBOX_EXTRA_ROLES: "5000", DIP_STUDIO_SANDBOX_LATENCY_MS: "50" },
  });
  try {
    await signInToSandbox(b);
    const started = Date.now();
    await b.execute(() => (location.hash = "#/clients/new"));
    const search = await b.$("#clients-roles-search");
    await search.waitForDisplayed({ timeout: 60000, timeoutMsg: "the roles never loaded" });
    const listMs = Date.now() - started;
    const total = await b.execute(() => document.querySelector("#clients-roles-count")?.textContent ?? "");
    assert.match(total, /5\d{3}/, "the picker holds the 5,000 extra roles");

    await b.execute(() => {
      const input = document.getElementById("clients-roles-search");
      const list = document.getElementById("clients-roles-list");
      const w = window;
      w.__filterTimes = [];
      w.addEventListener("input", (e) => { if (e.target === input) w.__filterStart = performance.now(); }, true);
      // Registered after the picker's own listener, so it runs once the list is redrawn.
      input.addEventListener("input", () => {
        list.getBoundingClientRect();
        w.__filterTimes.push(performance.now() - w.__filterStart);
      });
    });
    await search.click();
    for (const ch of QUERY) await b.keys(ch);
    const times = await b.execute(() => window.__filterTimes);
    const shown = await b.execute(() => document.querySelectorAll("#clients-roles-list > li").length);
    assert.equal(times.length, QUERY.length, "one measure per keystroke");
    assert.equal(shown, 1, "the query narrows 5,000 roles to one");
    const sorted = [...times].sort((a, b2) => a - b2);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    const result = { listMs, keystrokes: times.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
    if (process.env.DIP_STUDIO_BENCH_RESULT) writeFileSync(process.env.DIP_STUDIO_BENCH_RESULT, JSON.stringify(result));
    console.log(JSON.stringify(result));
  } finally {
    await b.deleteSession();
  }
});
