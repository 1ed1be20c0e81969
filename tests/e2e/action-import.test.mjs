// Importing a batch of exported data actions in the real window, in en, es and pt-BR: an
// integration installed by hand, a file of 40 exported actions (one of them breaking a
// contract rule, one from a web services integration) picked in the import screen, the plan
// telling blockers from warnings, the run published with its progress, the list then holding
// the actions, and one of them exported back as JSON and as Terraform. The file goes in
// through the page's own file input (a DataTransfer, as a drop would fill it): WebDriver
// cannot drive the OS picker.
// Screenshots of each state; axe on each screen in English.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserEnv, launch, screenshot, signInToSandbox, text } from "./harness.mjs";
import { assertAccessible } from "./a11y.mjs";
import { catalogue, pickFile, waitForSelector } from "./flows.mjs";

const COUNT = 40;

/** One exported action, as the admin UI writes it. */
function exported(name) {
  return {
    name,
    integrationType: "purecloud-data-actions",
    actionType: "custom",
    config: {
      request: { requestUrlTemplate: "/api/v2/routing/queues/${input.QueueID}/members?pageSize=100", requestType: "GET", headers: {}, requestTemplate: "${input.rawRequest}" },
      response: { translationMap: { ids: "$.entities[*].id" }, translationMapDefaults: { ids: "[]" }, successTemplate: '{"ids": ${ids}}' },
    },
    contract: {
      input: { inputSchema: { type: "object", required: ["QueueID"], properties: { QueueID: { type: "string" } } } },
      output: { successSchema: { type: "object", properties: { ids: { type: "array", items: { type: "string" } } } } },
    },
    secure: false,
  };
}

function batch() {
  const list = Array.from({ length: COUNT }, (_, n) => exported(`Imported action ${String(n).padStart(2, "0")}`));
  list[7].contract.input.inputSchema.properties = { orgId: { type: "string" } };
  list[9].integrationType = "custom-rest-actions";
  return JSON.stringify(list);
}

const LANGUAGES = [
  { lang: "en", locale: "en_US.UTF-8", a11y: true },
  { lang: "es", locale: "es_ES.UTF-8", a11y: false },
  { lang: "pt-BR", locale: "pt_BR.UTF-8", a11y: false },
];

for (const { lang, locale, a11y } of LANGUAGES) {
  test(`Import in ${lang}: 40 exported actions planned, published with progress, listed, one exported back`, async () => {
    const words = catalogue("actions", lang).actions;
    const profile = `import-${lang}`;
    const { env } = browserEnv(profile, profile);
    const b = await launch(profile, { locale, env });
    const accessible = async (screen) => {
      if (a11y) await assertAccessible(b, `${screen} (${lang})`);
    };
    try {
      await signInToSandbox(b);
      await b.execute(() => (location.hash = "#/integrations"));
      await (await b.$("#integrations-install-manually")).waitForClickable({ timeout: 20000 });
      await (await b.$("#integrations-install-manually")).click();
      const name = await b.$("#integration-install-name");
      await name.waitForDisplayed({ timeout: 20000 });
      await name.setValue("Imported Data Actions");
      await (await b.$("#integration-install")).click();
      await (await b.$("#integration-credentials")).waitForDisplayed({ timeout: 20000 });
      const integrationId = await b.execute(() => location.hash.split("/")[2]);

      await b.execute(() => (location.hash = "#/actions"));
      const link = await b.$(`a[data-import="${integrationId}"]`);
      await link.waitForClickable({ timeout: 20000, timeoutMsg: "the list offered no import" });
      assert.equal(await link.getText(), words.import.button);
      await link.click();
      await pickFile(b, "#action-import-files", "team-actions.json", batch());
      const ready = await b.$("#action-import-ready");
      await ready.waitForDisplayed({ timeout: 20000, timeoutMsg: "the plan never showed" });
      assert.equal(await ready.getAttribute("data-ready"), String(COUNT - 1), "all but the rule breaker");
      const rows = await b.execute(() => [...document.querySelectorAll("#action-import-plan-table tbody tr")].length);
      assert.equal(rows, COUNT, "one row per entry");
      await screenshot(b, `import-plan-${lang}`);
      await accessible("import plan");

      await (await b.$("#action-import-publish")).click();
      await (await b.$("#action-import-start")).click();
      await waitForSelector(b, '#action-import-run[data-phase="completed"]', 120000, "the import never completed");
      assert.equal(await (await b.$("#action-import-progress-bar")).getAttribute("aria-valuenow"), String(COUNT - 1), "the bar is full");
      const states = await b.execute(() => [...document.querySelectorAll("#action-import-items > li")].map((li) => li.dataset.state));
      assert.equal(states.length, COUNT - 1);
      assert.ok(states.every((s) => s === "published"), `every action published: ${states}`);
      await screenshot(b, `import-completed-${lang}`);
      await accessible("import completed");

      await b.execute(() => (location.hash = "#/actions"));
      await b.waitUntil(
        async () => (await b.execute(() => document.body.textContent.includes("Imported action 39"))) === true,
        { timeout: 20000, timeoutMsg: "the list never showed the imported actions" },
      );
      const opened = await b.execute(() => {
        const a = [...document.querySelectorAll('a[href^="#/actions/"]')].find((x) => x.textContent.includes("Imported action 00"));
        if (a) location.hash = a.getAttribute("href");
        return Boolean(a);
      });
      assert.ok(opened, "the first imported action is listed with a link");
      const exportButton = await b.$("#action-export");
      await exportButton.waitForClickable({ timeout: 20000, timeoutMsg: "the action offered no export" });
      assert.equal(await exportButton.getText(), words.export.button);
      await exportButton.click();
      const area = await b.$("#action-export-text");
      await area.waitForDisplayed({ timeout: 20000, timeoutMsg: "the export never showed" });
      const json = JSON.parse(await b.execute(() => document.querySelector("#action-export-text").value));
      assert.equal(json.name, "Imported action 00");
      assert.equal(json.config.request.requestUrlTemplate, exported("x").config.request.requestUrlTemplate);
      assert.equal(await text(b, "#action-export-copy"), words.export.copy);
      await screenshot(b, `export-dialog-${lang}`);
      await accessible("export dialog");
      await (await b.$("#action-export-close")).click();
      const terraform = await b.$("#action-export-terraform");
      await terraform.waitForClickable({ timeout: 10000, timeoutMsg: "the action offered no Terraform export" });
      assert.equal(await terraform.getText(), words.export.terraformButton);
      await terraform.click();
      await (await b.$("#action-export-text")).waitForDisplayed({ timeout: 20000, timeoutMsg: "the Terraform export never showed" });
      const hcl = await b.execute(() => document.querySelector("#action-export-text").value);
      assert.match(hcl, /resource "genesyscloud_integration_action" "imported_action_00"/);
      assert.ok(hcl.includes("/api/v2/routing/queues/$${input.QueueID}/members?pageSize=100"), `templates escaped for Terraform: ${hcl}`);
      assert.equal(await b.execute(() => document.querySelector("#action-export-download").getAttribute("download")), "Imported action 00.tf");
      await screenshot(b, `export-terraform-${lang}`);
    } finally {
      await b.deleteSession();
    }
  });
}
