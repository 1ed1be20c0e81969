// The main flow done with the keyboard alone in the real window (WebDriver key actions, no
// clicks): Tab to Sign in and press Enter, Tab to the guided setup in the navigation, Space on
// Preview, Enter on Run (which the plan focuses), Tab to the diagram link at the end; at each
// step the focus is asserted where a keyboard user expects it, and Shift+Tab walks back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Key } from "webdriverio";
import { browserEnv, launch, screenshot, waitForSession } from "./harness.mjs";

const focused = (b) => b.execute(() => {
  const el = document.activeElement;
  return el && el !== document.body ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.dataset.route ? `[data-route=${el.dataset.route}]` : ""}` : "body";
});
const matches = (b, selector) => b.execute((s) => document.activeElement?.matches(s) ?? false, selector);

/** Presses Tab (or Shift+Tab) until `selector` has the focus; fails after `max` presses. */
async function tabTo(b, selector, { back = false, max = 40 } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await b.keys(back ? [Key.Shift, Key.Tab] : [Key.Tab]);
    if (await matches(b, selector)) return i + 1;
    seen.push(await focused(b));
  }
  assert.fail(`${back ? "Shift+Tab" : "Tab"} never reached ${selector}; the focus went through ${seen.join(" → ")}`);
}

test("keyboard only: sign in to the Sandbox org and run the guided setup to ACTIVE", async () => {
  const profile = "keyboard";
  const { env } = browserEnv(profile, "keyboard");
  const b = await launch(profile, { env });
  try {
    // The first Tab enters the navigation, at the current screen's entry.
    await b.keys([Key.Tab]);
    assert.equal(await focused(b), "a[data-route=signin]", "the first Tab lands on the navigation");

    const presses = await tabTo(b, "#signin-submit");
    // Shift+Tab leaves the button the way Tab came, and Tab comes back to it.
    await b.keys([Key.Shift, Key.Tab]);
    assert.equal(await matches(b, "#signin-submit"), false, "Shift+Tab moves the focus back");
    await b.keys([Key.Tab]);
    assert.equal(await matches(b, "#signin-submit"), true, `Tab returns to Sign in (reached in ${presses} presses)`);
    await b.keys([Key.Enter]);
    await waitForSession(b);
    await screenshot(b, "keyboard-signed-in");

    // Back up through the screen to the navigation, then open the guided setup with Enter.
    await tabTo(b, "a[data-route=setup]", { back: true });
    await b.keys([Key.Enter]);
    const preview = await b.$("#setup-preview");
    await preview.waitForClickable({ timeout: 20000, timeoutMsg: "the guided setup form never loaded" });
    assert.equal(await b.execute(() => location.hash), "#/setup");
    await tabTo(b, "#setup-preview", { max: 60 });
    await b.keys([Key.Space]);
    await (await b.$("#setup-plan-list")).waitForDisplayed({ timeout: 20000, timeoutMsg: "Space on Preview showed no plan" });
    // The plan hands the focus to Run (or, without a keychain, to the consent Run waits for).
    const agree = await b.$("#setup-confirm-unsaved");
    if (await agree.isExisting()) {
      await tabTo(b, "#setup-confirm-unsaved", { back: true });
      await b.keys([Key.Space]);
      await tabTo(b, "#setup-run");
    }
    await b.waitUntil(() => matches(b, "#setup-run"), { timeout: 5000, timeoutMsg: "the plan did not focus Run" });
    await screenshot(b, "keyboard-plan");
    await b.keys([Key.Enter]);
    await (await b.$('#setup-summary[data-phase="completed"]')).waitForDisplayed({ timeout: 90000, timeoutMsg: "the run never completed" });
    await tabTo(b, "#setup-see-diagram", { max: 80 });
    await screenshot(b, "keyboard-summary");
    await b.keys([Key.Enter]);
    await b.waitUntil(async () => (await b.execute(() => location.hash)) === "#/integrations", { timeout: 5000, timeoutMsg: "Enter on the diagram link did not open Data Actions" });
    await (await b.$("#integrations-diagram li.chain")).waitForDisplayed({ timeout: 20000 });
  } finally {
    await b.deleteSession();
  }
});
