// Sign-in in the real window with a real browser: the Sandbox org through PKCE and through
// the legacy Implicit grant, the session restored from the keychain at the next start, and
// sign-out. The "system browser" is headless Chromium driven by tests/e2e/browser.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { browserEnv, browserResult, launch, screenshot, text, waitForSession } from "./harness.mjs";
import { assertAccessible } from "./a11y.mjs";

const ORG = "Harborview Insurance";

/** Whether the browser stand-in last loaded the login host's `/logout` page. */
function loggedOut(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8")).path === "/logout";
  } catch {
    return false;
  }
}
const ADMIN = "Morgan Reyes";

test("PKCE sign-in to the Sandbox org through a real browser; restored from the keychain; sign-out", async () => {
  const { env, result } = browserEnv("pkce", "pkce");
  let b = await launch("pkce", { env });
  try {
    assert.equal(await text(b, "[data-screen=signin] h1"), "Sign-in");
    assert.equal(await (await b.$("#signin-org")).getValue(), "sandbox", "the Sandbox org is the default");
    assert.match(await text(b, "#signin-sandbox-email"), /morgan\.reyes@/);
    assert.equal((await b.$$("#signin-sandbox-account button")).length, 2, "the email and the password each have a Copy button");
    await screenshot(b, "signin-en");
    await assertAccessible(b, "Sign-in");
    await (await b.$("#signin-submit")).click();
    await (await b.$("#signin-waiting")).waitForDisplayed({ timeout: 10000 });
    assert.match(await text(b, "#signin-url"), /^http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?/);
    await screenshot(b, "signin-waiting-en");
    await assertAccessible(b, "Sign-in, waiting for the browser");
    const card = await waitForSession(b);
    assert.match(card, new RegExp(`${ORG}.* as ${ADMIN}`));
    assert.match(await text(b, ".org-name"), new RegExp(ORG), "the header names the signed-in org");
    assert.equal(await text(b, ".org-user"), ADMIN);
    // The attribute as written (WebDriver's getAttribute would give the resolved URL).
    const next = await b.execute(() => document.querySelector("#signin-next-setup")?.getAttribute("href"));
    assert.equal(next, "#/setup", "the next step is offered, not the form again");
    assert.equal(await (await b.$("#signin-form")).isDisplayed(), false, "the form to sign in elsewhere is folded");
    await screenshot(b, "signin-done-en");
    await assertAccessible(b, "Sign-in, signed in");
    const page = browserResult(result);
    assert.equal(page.origin.startsWith("http://127.0.0.1:"), true);
    assert.equal(page.path, "/", "the redirect URI is the loopback origin, no path");
    assert.match(page.text, new RegExp(`${ORG}.*${ADMIN}.*close this tab`, "s"));
  } finally {
    await b.deleteSession();
  }

  b = await launch("pkce", { env });
  try {
    assert.match(await text(b, ".org-name"), new RegExp(ORG), "the last session is restored silently from the keychain");
    await screenshot(b, "signin-restored-en");
    await (await b.$("#signin-signout")).click();
    await b.waitUntil(async () => (await text(b, ".org-user")) === "Not signed in", { timeout: 10000 });
    assert.equal(await b.$("#signin-session").isExisting(), false);
    await b.waitUntil(() => loggedOut(result), { timeout: 30000, timeoutMsg: "sign-out did not open the login host's /logout" });
    await screenshot(b, "signin-signed-out-en");
  } finally {
    await b.deleteSession();
  }
});

test("legacy Implicit sign-in relays the fragment through the loopback page", async () => {
  const { env, result } = browserEnv("implicit", "implicit");
  const b = await launch("implicit", { env });
  try {
    await (await b.$("details.legacy summary")).click();
    await (await b.$("#signin-method-implicit")).click();
    assert.match(await text(b, "#signin-implicit-warning"), /2027/);
    await screenshot(b, "signin-implicit-en");
    await assertAccessible(b, "Sign-in, legacy Implicit");
    await (await b.$("#signin-submit")).click();
    const card = await waitForSession(b);
    assert.match(card, new RegExp(`${ORG}.* as ${ADMIN}`));
    const page = browserResult(result);
    assert.equal(page.hasFragment, false, "the page wipes the token from the address bar");
    assert.equal(typeof page.href, "string", "the browser read the relay page's own location.href");
    assert.ok(page.href.startsWith(`${page.origin}/`), `location.href is the loopback page: ${page.href}`);
    assert.ok(!page.href.includes("#"), `no fragment is left in location.href: ${page.href}`);
    assert.ok(!page.href.includes("access_token"), "the token is gone from location.href");
    assert.match(page.text, /close this tab/);
    assert.equal(page.heading, "Signed in", "the relay page's headline says the sign-in succeeded");
  } finally {
    await b.deleteSession();
  }
});

test("cancelling on the sign-in page says so and keeps the form", async () => {
  const { env } = browserEnv("denied", "denied", "cancel");
  const b = await launch("denied", { env });
  try {
    await (await b.$("#signin-submit")).click();
    const problem = await b.$("#signin-errors [role=alert]");
    await problem.waitForDisplayed({ timeout: 40000 });
    // The headline says what happened; the core's own message is folded under Details.
    assert.match(await problem.getText(), /cancelled or denied in the browser/);
    assert.ok(await b.$("#signin-form").isExisting(), "the form is back");
    await screenshot(b, "signin-denied-en");
    await assertAccessible(b, "Sign-in, cancelled");
  } finally {
    await b.deleteSession();
  }
});
