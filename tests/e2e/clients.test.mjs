// The OAuth clients screen in the real window, in en, es and pt-BR: signed in to the Sandbox
// org, the list, the form for each grant type, the roles picker with a not-held role disabled
// and explained by the held-roles rule, then assigned to oneself after consent (which names the
// division, the API call only behind "Details"); a Client
// Credentials client created with one held role in the home division, its secret shown once
// (copied by Rust, saved in the real keychain — a status line, not a checkbox — gone from the
// window after the dialog closes), the client found in the list with its id, then deleted after
// the confirmation that names it and keeps Cancel focused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { browserEnv, launch, screenshot, signInToSandbox, text } from "./harness.mjs";
import { assertAccessible } from "./a11y.mjs";

const SERVICE = "studio.dip.desktop.dev";
const DEVELOPER = "7d1c0a5e-1006-4b6e-9c2f-a11ce0000006";
const QUALITY_EVALUATOR = "7d1c0a5e-1011-4b6e-9c2f-a11ce0000011";
const HOME = "1b9e2c4a-0d5f-4f0e-8a66-3c1d2e4f5a01";

const LANGUAGES = [
  {
    lang: "en",
    locale: "en_US.UTF-8",
    title: "OAuth clients",
    notHeld: "An OAuth client can only be given roles that are assigned to you.",
    rule: /last 30 days is gone for good at once/,
  },
  {
    lang: "es",
    locale: "es_ES.UTF-8",
    title: "Clientes OAuth",
    notHeld: "Un cliente OAuth solo puede recibir roles que usted tenga asignados.",
    rule: /últimos 30 días desaparece al instante/,
  },
  {
    lang: "pt-BR",
    locale: "pt_BR.UTF-8",
    title: "Clientes OAuth",
    notHeld: "Um cliente OAuth só pode receber funções que estejam atribuídas a você.",
    rule: /últimos 30 dias some na hora/,
  },
];

function keychain(account) {
  try {
    return execFileSync("secret-tool", ["lookup", "service", SERVICE, "username", account], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

async function go(b, hash) {
  await b.execute((h) => (location.hash = h), hash);
}

async function pickGrant(b, key) {
  await (await b.$(`#clients-grant-${key}`)).click();
}

async function showInView(b, selector) {
  await b.execute((s) => document.querySelector(s)?.scrollIntoView({ block: "start" }), selector);
}

for (const { lang, locale, title, notHeld, rule } of LANGUAGES) {
  test(`OAuth clients in ${lang}: create a Client Credentials client, see its secret once, find it, delete it`, async () => {
    const profile = `clients-${lang}`;
    const { env, result } = browserEnv(profile, `clients-${lang}`);
    const b = await launch(profile, { locale, env });
    try {
      await signInToSandbox(b);
      await go(b, "#/clients");
      assert.equal(await text(b, "#clients-title"), title);
      await (await b.$("#clients-table")).waitForDisplayed({ timeout: 10000 });
      await screenshot(b, `clients-list-${lang}`);
      await assertAccessible(b, `OAuth clients list (${lang})`);

      await (await b.$("#clients-new")).click();
      const search = await b.$("#clients-roles-search");
      await search.waitForDisplayed({ timeout: 20000, timeoutMsg: "the roles picker never loaded" });
      const offered = await b.execute(() => [...document.querySelectorAll("input[name=clients-grant]")].map((r) => r.value));
      assert.deepEqual(offered, ["CLIENT-CREDENTIALS", "CODE", "TOKEN", "SAML2-BEARER"], "PASSWORD is never offered");
      await screenshot(b, `clients-form-cc-${lang}`);
      await assertAccessible(b, `new OAuth client form, Client Credentials (${lang})`);

      await pickGrant(b, "code");
      await (await b.$("#clients-scopes-search")).waitForDisplayed({ timeout: 10000 });
      assert.ok(await (await b.$("#clients-redirectUris")).isDisplayed(), "Code Authorization asks for redirect URIs");
      await screenshot(b, `clients-form-code-${lang}`);
      await assertAccessible(b, `new OAuth client form, Code Authorization (${lang})`);
      await pickGrant(b, "token");
      assert.ok(await (await b.$("#clients-implicit-warning")).isDisplayed(), "Implicit shows the retirement warning");
      assert.ok(await (await b.$("#clients-implicit-warning a.external[href^=\"https://help.mypurecloud.com/\"]")).isExisting(), "the warning links to Genesys's page");
      await showInView(b, "#clients-grant");
      await screenshot(b, `clients-form-token-${lang}`);
      await pickGrant(b, "saml2Bearer");
      assert.equal(await (await b.$("#clients-redirectUris")).isDisplayed(), false, "SAML2 Bearer has no redirect URIs");
      await showInView(b, "#clients-scopes");
      await screenshot(b, `clients-form-saml2-${lang}`);
      await pickGrant(b, "clientCredentials");

      // The not-held role: disabled, with the held-roles rule and the assign action.
      await search.setValue("Quality Evaluator");
      const notHeldBox = await b.$(`input[data-role-id="${QUALITY_EVALUATOR}"]`);
      await notHeldBox.waitForExist({ timeout: 5000 });
      assert.equal(await notHeldBox.isEnabled(), false, "a role the user does not hold cannot be picked");
      const why = await b.execute(
        (id) => document.getElementById(document.querySelector(`input[data-role-id="${id}"]`).getAttribute("aria-describedby")).textContent,
        QUALITY_EVALUATOR,
      );
      assert.equal(why, notHeld);
      assert.ok(await (await b.$(`button[data-assign="${QUALITY_EVALUATOR}"]`)).isDisplayed());
      await showInView(b, "#clients-roles");
      await screenshot(b, `clients-roles-${lang}`);

      // "Assign this role to me first": consent first, then the wait for Genesys's grant cache
      // (the Sandbox applies role changes after 3 s), then the role can be picked.
      await (await b.$(`button[data-assign="${QUALITY_EVALUATOR}"]`)).click();
      // The consent names the division (the Sandbox org's home division is "Home"); the API
      // call is only inside the closed "Details" disclosure.
      assert.match(await text(b, "#clients-assign-where"), /\bHome\b/);
      // What the dialog shows outside the disclosure (WebDriver's text would include it).
      const shown = await b.execute(() => {
        const dialog = document.querySelector("#clients-assign").cloneNode(true);
        const details = dialog.querySelector("#clients-assign-details");
        const open = document.querySelector("#clients-assign-details").open;
        details?.remove();
        return { text: dialog.textContent, open };
      });
      assert.equal(shown.open, false, "the API details start closed");
      assert.doesNotMatch(shown.text, /\/api\/v2/);
      assert.match(
        await b.execute(() => document.querySelector("#clients-assign-details").textContent),
        /PUT \/api\/v2\/users\/\{id\}\/roles/,
      );
      await screenshot(b, `clients-assign-${lang}`);
      await assertAccessible(b, `"Assign this role to me" dialog (${lang})`);
      await (await b.$("#clients-assign-yes")).click();
      // Nothing reads the grant for Genesys's settle time: the dialog counts it down.
      await (await b.$("#clients-assign-progress .assign-countdown")).waitForExist({ timeout: 10000, timeoutMsg: "no countdown of the settle time" });
      await (await b.$("#clients-assign")).waitForExist({ reverse: true, timeout: 40000, timeoutMsg: "the role never became effective" });
      assert.equal(await (await b.$(`input[data-role-id="${QUALITY_EVALUATOR}"]`)).isEnabled(), true, "an assigned role can be picked");

      // One held role, in the home division by default.
      const name = `E2E Data Actions ${lang}`;
      await (await b.$("#clients-name")).setValue(name);
      await search.setValue("Developer");
      await (await b.$(`input[data-role-id="${DEVELOPER}"]`)).click();
      assert.equal(await (await b.$(`select[data-role-division="${DEVELOPER}"]`)).getValue(), HOME);
      await (await b.$("#clients-submit")).click();

      const secretEl = await b.$("#clients-secret-value");
      await b.waitUntil(async () => (await secretEl.getText()).length > 0, { timeout: 20000, timeoutMsg: "the secret was never shown" });
      const secret = await secretEl.getText();
      const clientId = await text(b, "#clients-secret-client-id");
      assert.ok((await text(b, "#clients-secret-keychain")).length > 0, "'Saved in your keychain' is a status line");
      assert.ok(await (await b.$("#clients-secret-remove")).isDisplayed(), "removing it is a separate action");
      assert.equal(await b.$("#clients-secret input").isExisting(), false, "no checkbox to untick by mistake");
      assert.equal(keychain(`oauth-client-secret:sandbox/${clientId}`), secret, "the secret is in the real keychain");
      await (await b.$("#clients-secret-copy")).click();
      await b.waitUntil(async () => (await text(b, "#clients-secret-status")).length > 0, {
        timeout: 5000,
        timeoutMsg: "Copy (Rust writing the OS clipboard) never confirmed",
      });
      await screenshot(b, `clients-secret-${lang}`);
      await assertAccessible(b, `new client secret dialog (${lang})`);
      await (await b.$("#clients-secret-close")).click();
      await (await b.$("#clients-secret")).waitForExist({ reverse: true, timeout: 5000 });

      await (await b.$("#clients-detail-facts")).waitForDisplayed({ timeout: 10000 });
      assert.equal(await text(b, "#clients-detail-title"), name);
      assert.equal((await b.getPageSource()).includes(secret), false, "the secret is gone from the window");
      await screenshot(b, `clients-detail-${lang}`);
      await assertAccessible(b, `OAuth client detail (${lang})`);

      await go(b, "#/clients");
      const row = await b.$(`#clients-table tr[data-client-id="${clientId}"]`);
      await row.waitForDisplayed({ timeout: 10000 });
      assert.match(await row.getText(), new RegExp(name));
      assert.equal(await text(b, `#clients-table tr[data-client-id="${clientId}"] .id-cell code`), clientId, "the list shows the client id");
      assert.equal((await b.getPageSource()).includes(secret), false, "the secret is never shown again");

      await (await row.$("a")).click();
      await (await b.$("#clients-delete")).waitForClickable({ timeout: 10000 });
      await (await b.$("#clients-delete")).click();
      assert.match(await text(b, "#clients-delete-rule"), rule);
      assert.match(await text(b, "#clients-delete-objects"), new RegExp(name));
      assert.equal(await b.execute(() => document.activeElement?.id), "clients-delete-no", "Cancel is the default");
      await screenshot(b, `clients-delete-${lang}`);
      await assertAccessible(b, `delete OAuth client dialog (${lang})`);
      await (await b.$("#clients-delete-yes")).click();
      await (await b.$("#clients-table")).waitForDisplayed({ timeout: 20000 });
      assert.equal(await b.$(`#clients-table tr[data-client-id="${clientId}"]`).isExisting(), false, "the client is gone");
      assert.equal(keychain(`oauth-client-secret:sandbox/${clientId}`), "", "its saved secret is removed with it");
    } finally {
      await b.deleteSession();
      // The browser stand-in waits for an English loopback page; in es/pt-BR it gives up after
      // its own timeout. Let it finish so its Chromium does not slow the next test's start.
      for (let i = 0; i < 300 && !existsSync(result); i++) await sleep(100);
    }
  });
}
