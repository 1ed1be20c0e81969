// The Data Actions integration screen in the real window: signed in to the Sandbox
// org, an empty org's one card (guided setup first), install an integration manually (up to 10
// per org shown), see it drawn broken in the diagram (no credential) with Configure credentials
// one click away, create a new Client Credentials client right there (its secret goes to the
// real keychain, never to the window), activate and follow the state to ACTIVE with the
// connection test, see the chain whole, then delete it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { browserEnv, launch, screenshot, signInToSandbox, text } from "./harness.mjs";
import { assertAccessible } from "./a11y.mjs";

const SERVICE = "studio.dip.desktop.dev";

function keychain(account) {
  try {
    return execFileSync("secret-tool", ["lookup", "service", SERVICE, "username", account], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

test("Data Actions screen: install, broken link fixed with a new client, activate, connection test, delete", async () => {
  const profile = "integrations-en";
  const { env } = browserEnv(profile, "integrations-en");
  const b = await launch(profile, { locale: "en_US.UTF-8", env });
  try {
    await signInToSandbox(b);
    await b.execute(() => (location.hash = "#/integrations"));
    assert.equal(await text(b, "#integrations-title"), "Integrations");
    assert.equal(await text(b, "#integrations-limit"), "Up to 10 per org.");
    await (await b.$("#integrations-setup-link")).waitForDisplayed({ timeout: 20000, timeoutMsg: "the empty state offers no guided setup" });
    await screenshot(b, "integrations-empty-en");
    await assertAccessible(b, "Data Actions list, empty org");

    await (await b.$("#integrations-install-manually")).click();
    const name = await b.$("#integration-install-name");
    await name.waitForDisplayed({ timeout: 20000, timeoutMsg: "Install manually did not open the form" });
    await name.setValue("E2E Data Actions");
    await (await b.$("#integration-install")).click();
    await (await b.$("#integration-credentials")).waitForDisplayed({ timeout: 20000 });
    const id = await b.execute(() => location.hash.split("/")[2]);

    await b.execute(() => (location.hash = "#/integrations"));
    const broken = await b.$(`#integrations-diagram li[data-integration="${id}"]`);
    await broken.waitForDisplayed({ timeout: 20000 });
    assert.match(await broken.getAttribute("class"), /chain-broken/);
    assert.equal(await text(b, "#integrations-limit"), "Installed: 1 (up to 10 per org)");
    await screenshot(b, "integrations-diagram-broken-en");
    await assertAccessible(b, "Data Actions list, broken chain");

    await (await broken.$("a.fix")).click();
    await (await b.$("#credential-mode-newClient")).waitForDisplayed({ timeout: 20000 });
    await (await b.$("#credential-mode-newClient")).click();
    const role = await b.$("#credential-new-role");
    await role.waitForDisplayed({ timeout: 20000, timeoutMsg: "the roles never loaded" });
    assert.match(await (await role.$("option:checked")).getText(), /suggested/);
    await screenshot(b, "integrations-configure-en");
    await assertAccessible(b, "integration page, configuring credentials");
    await (await b.$("#credential-save")).click();
    const notice = await b.$("#integration-notice");
    await notice.waitForDisplayed({ timeout: 30000, timeoutMsg: "the credentials were never saved" });
    const clientName = await b.execute(() => document.querySelector("#integration-notice").textContent.match(/"(.*)"/)?.[1]);
    assert.equal(clientName, "E2E Data Actions client");
    const clientId = await b.execute(() => document.querySelector('#main a[href^="#/clients/"]')?.getAttribute("href").split("/")[2]);
    assert.ok(clientId, "the credential's client is linked");
    const secret = keychain(`oauth-client-secret:sandbox/${clientId}`);
    assert.ok(secret.length > 0, "the new client's secret is in the real keychain");
    assert.equal((await b.getPageSource()).includes(secret), false, "the secret never reaches the window");

    await (await b.$("#integration-toggle")).click();
    const smoke = await b.$('#integration-smoke[data-smoke="passed"]');
    await smoke.waitForDisplayed({ timeout: 90000, timeoutMsg: "activation and the connection test never finished" });
    assert.equal(await (await b.$("#integration-live [data-state]")).getAttribute("data-state"), "ACTIVE");
    await b.execute(() => document.querySelector("#integration-activation")?.scrollIntoView({ block: "start" }));
    await screenshot(b, "integrations-active-en");
    await assertAccessible(b, "integration page, ACTIVE");

    await b.execute(() => (location.hash = "#/integrations"));
    const whole = await b.$(`#integrations-diagram li[data-integration="${id}"]`);
    await whole.waitForDisplayed({ timeout: 20000 });
    assert.equal(await whole.getAttribute("class"), "chain");
    await screenshot(b, "integrations-diagram-en");
    await assertAccessible(b, "Data Actions list, whole chain");

    await b.execute((i) => (location.hash = `#/integrations/${i}`), id);
    await (await b.$("#integration-delete")).waitForClickable({ timeout: 20000 });
    await (await b.$("#integration-delete")).click();
    assert.match(await text(b, "#integration-delete-confirm"), /Its credential and OAuth client are kept/);
    await screenshot(b, "integrations-delete-en");
    await assertAccessible(b, "delete integration confirmation");
    await (await b.$("#integration-delete-confirm-yes")).click();
    await (await b.$("#integrations-none")).waitForDisplayed({ timeout: 20000 });
  } finally {
    await b.deleteSession();
  }
});
