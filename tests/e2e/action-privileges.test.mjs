// Least privilege in the real window, in en, es and pt-BR: after the guided setup (whose client
// holds the role that reads queues), an imported action that lists OAuth clients needs
// oauth:client:view, which the client lacks. Its test fails; the Permissions page says what is
// missing, read from the Sandbox org's own API description; one click makes the role that
// grants exactly what both actions call, gives it to the user, then to the client; the page
// then says nothing is missing and the action's test passes.
// Screenshots of each state; axe on each screen in English.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserEnv, launch, screenshot, signInToSandbox } from "./harness.mjs";
import { assertAccessible } from "./a11y.mjs";
import { activeIntegration, catalogue, pickFile, waitForSelector } from "./flows.mjs";

const ACTION = "List OAuth clients";

/** An exported action without inputs that lists the org's OAuth clients' names. */
function listing() {
  return JSON.stringify({
    name: ACTION,
    integrationType: "purecloud-data-actions",
    actionType: "custom",
    config: {
      request: { requestUrlTemplate: "/api/v2/oauth/clients", requestType: "GET", headers: {}, requestTemplate: "${input.rawRequest}" },
      response: { translationMap: { names: "$.entities[*].name" }, translationMapDefaults: { names: "[]" }, successTemplate: '{"names": ${names}}' },
    },
    contract: {
      input: { inputSchema: { type: "object", properties: {} } },
      output: { successSchema: { type: "object", properties: { names: { type: "array", items: { type: "string" } } } } },
    },
    secure: false,
  });
}

/** Opens the listed action called `name` and runs its test; answers `data-success`. */
async function testAction(b, name) {
  await b.execute(() => (location.hash = "#/actions"));
  await b.waitUntil(
    async () =>
      (await b.execute((n) => {
        const a = [...document.querySelectorAll('a[href^="#/actions/"]')].find((x) => x.textContent.trim() === n);
        if (a) location.hash = a.getAttribute("href");
        return Boolean(a);
      }, name)) === true,
    { timeout: 20000, timeoutMsg: `the list never showed ${name}` },
  );
  const run = await b.$("#action-test-run");
  await run.waitForClickable({ timeout: 20000, timeoutMsg: "the action offered no test" });
  await run.click();
  await waitForSelector(b, "#action-test-result", 60000, "the test never finished").catch(async (e) => {
    await screenshot(b, `privileges-test-unfinished-${name.replace(/\W+/g, "-")}`);
    const shown = await b.execute(() => document.querySelector("#action-test")?.textContent ?? "(no test card)");
    throw new Error(`${e.message}; the test card shows: ${shown}`);
  });
  const result = await b.$("#action-test-result");
  await result.scrollIntoView({ block: "start" });
  return result.getAttribute("data-success");
}

const LANGUAGES = [
  { lang: "en", locale: "en_US.UTF-8", a11y: true },
  { lang: "es", locale: "es_ES.UTF-8", a11y: false },
  { lang: "pt-BR", locale: "pt_BR.UTF-8", a11y: false },
];

for (const { lang, locale, a11y } of LANGUAGES) {
  test(`Least privilege in ${lang}: a missing permission found, the exact role made and granted, the test green`, async () => {
    const words = catalogue("actions", lang).actions.privileges;
    const profile = `privileges-${lang}`;
    const { env } = browserEnv(profile, profile);
    const b = await launch(profile, { locale, env });
    const accessible = async (screen) => {
      if (a11y) await assertAccessible(b, `${screen} (${lang})`);
    };
    try {
      await signInToSandbox(b);
      await activeIntegration(b);
      await b.execute(() => (location.hash = "#/actions"));
      const importLink = await b.$("a[data-import]");
      await importLink.waitForClickable({ timeout: 20000, timeoutMsg: "the list offered no import" });
      const integrationId = await importLink.getAttribute("data-import");
      await importLink.click();
      await pickFile(b, "#action-import-files", "listing.json", listing());
      await (await b.$("#action-import-ready")).waitForDisplayed({ timeout: 20000, timeoutMsg: "the plan never showed" });
      await (await b.$("#action-import-start")).click();
      await waitForSelector(b, '#action-import-run[data-phase="completed"]', 60000, "the import never completed");

      assert.equal(await testAction(b, ACTION), "false", "the client cannot list OAuth clients yet");

      await b.execute(() => (location.hash = "#/actions"));
      const link = await b.$(`#actions-privileges-${integrationId}`);
      await link.waitForClickable({ timeout: 20000, timeoutMsg: "the list offered no Permissions page" });
      assert.equal(await link.getText(), words.button);
      await link.click();
      const table = await b.$("#privileges-table");
      await table.waitForDisplayed({ timeout: 30000 }).catch(async () => {
        await screenshot(b, `privileges-never-shown-${lang}`);
        const shown = await b.execute(() => document.querySelector("main")?.innerText ?? document.body.innerText);
        assert.fail(`the Permissions page never showed its table; it shows: ${shown}`);
      });
      const rows = await b.execute(() => [...document.querySelectorAll("[data-action-need]")].map((r) => [r.textContent.includes("oauth:client:view"), r.dataset.state]));
      assert.equal(rows.length, 2, "the workshop action and the imported one");
      assert.deepEqual(rows.find(([lists]) => lists)?.[1], "missing", `the listing is missing its permission: ${JSON.stringify(rows)}`);
      assert.ok(rows.some(([lists, state]) => !lists && state === "covered"), "the workshop action is covered");
      const missing = await b.$("#privileges-missing");
      assert.ok((await missing.getText()).includes("oauth:client:view"));
      assert.equal(await b.execute(() => document.querySelector("#privileges-division").selectedOptions.length), 1, "a division is chosen");
      await screenshot(b, `privileges-missing-${lang}`);
      await accessible("Permissions page");

      const grant = await b.$("#privileges-grant");
      assert.equal(await grant.getText(), words.grantNew);
      await grant.click();
      const done = await b.$("#privileges-done");
      await done.waitForDisplayed({ timeout: 90000, timeoutMsg: "the role was never granted" });
      assert.equal(await done.getText(), words.done);
      assert.ok(await (await b.$("#privileges-granted")).isDisplayed(), "the page says which role went where");
      await screenshot(b, `privileges-granted-${lang}`);
      await accessible("Permissions page, granted");

      assert.equal(await testAction(b, ACTION), "true", "with the new role the action runs");
      await screenshot(b, `privileges-test-green-${lang}`);
    } finally {
      await b.deleteSession();
    }
  });
}
