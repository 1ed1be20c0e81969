// The guided setup in the real window, in en, es and pt-BR: signed in to the Sandbox
// org, the prefilled form, the plan preview in plain words, Run with each step's progress live,
// and the summary of what was created, ACTIVE, with the workshop's data action published (its box
// ticked by default, tested against the first queue); then the integration screen and its diagram show
// the healthy chain. Screenshots of the plan, the progress and the summary in each language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserEnv, launch, screenshot, signInToSandbox, text } from "./harness.mjs";
import { assertAccessible } from "./a11y.mjs";

// Without a usable keychain the plan asks to confirm that the secret will not be saved.
async function runPlan(b) {
  const agree = await b.$("#setup-confirm-unsaved");
  if (await agree.isExisting()) await agree.click();
  await (await b.$("#setup-run")).waitForClickable({ timeout: 20000 });
  await (await b.$("#setup-run")).click();
}

const LANGUAGES = [
  { lang: "en", locale: "en_US.UTF-8", title: "Guided setup", done: "Data Actions is set up", activationNote: "no data action can run" },
  { lang: "es", locale: "es_ES.UTF-8", title: "Configuración guiada", done: "Las acciones de datos están configuradas", activationNote: "no se puede ejecutar ninguna acción de datos" },
  { lang: "pt-BR", locale: "pt_BR.UTF-8", title: "Configuração guiada", done: "As ações de dados estão configuradas", activationNote: "nenhuma ação de dados pode ser executada" },
];

for (const { lang, locale, title, done, activationNote } of LANGUAGES) {
  test(`guided setup in ${lang}: plan, run to ACTIVE, summary, diagram`, async () => {
    const profile = `setup-${lang}`;
    const { env } = browserEnv(profile, `setup-${lang}`);
    const b = await launch(profile, { locale, env });
    try {
      await signInToSandbox(b);
      await b.execute(() => (location.hash = "#/setup"));
      assert.equal(await text(b, "#setup-title"), title);
      const preview = await b.$("#setup-preview");
      await preview.waitForClickable({ timeout: 20000, timeoutMsg: "the form never loaded" });
      await assertAccessible(b, `guided setup form (${lang})`);
      const picked = await b.execute(() => [...document.querySelectorAll('input[name="setup-role"]:checked')].length);
      assert.equal(picked, 1, "the suggested role is pre-selected");
      assert.equal(await b.execute(() => document.querySelector("#setup-with-action")?.checked), true, "the data action is ticked by default");
      await preview.click();

      const plan = await b.$("#setup-plan-list");
      await plan.waitForDisplayed({ timeout: 20000, timeoutMsg: "the plan never showed" });
      const lines = await b.execute(() => [...document.querySelectorAll("#setup-plan-list li")].map((li) => li.textContent));
      assert.equal(lines.length, 12, "every step of the run is listed, the data action's three last");
      assert.ok(lines[7].includes(activationNote), `the activation step is called out: ${lines[7]}`);
      await screenshot(b, `setup-plan-${lang}`);
      await assertAccessible(b, `guided setup plan (${lang})`);

      await runPlan(b);
      await (await b.$("#setup-progress")).waitForDisplayed({ timeout: 20000 });
      await screenshot(b, `setup-progress-${lang}`);
      await assertAccessible(b, `guided setup progress (${lang})`);
      const summary = await b.$('#setup-summary[data-phase="completed"]');
      await summary.waitForDisplayed({ timeout: 90000, timeoutMsg: "the run never completed" });
      assert.equal(await text(b, "#setup-summary h2"), done);
      const statuses = await b.execute(() => [...document.querySelectorAll("#setup-progress-list li")].map((li) => li.dataset.status));
      assert.deepEqual(statuses, Array(12).fill("done"), "every step is done");
      const created = await b.execute(() => [...document.querySelectorAll("#setup-created li")].map((li) => li.dataset.kind));
      assert.deepEqual(created, ["oauthClient", "credential", "integration", "action"]);
      const actionLink = await b.execute(() => document.querySelector('#setup-created [data-kind="action"] a')?.getAttribute("href"));
      assert.ok(actionLink?.startsWith("#/actions/"), `the action links to its editor: ${actionLink}`);
      await screenshot(b, `setup-summary-${lang}`);
      await assertAccessible(b, `guided setup summary (${lang})`);

      await (await b.$("#setup-see-diagram")).click();
      const chain = await b.$("#integrations-diagram li.chain");
      await chain.waitForDisplayed({ timeout: 20000 });
      assert.equal(await chain.getAttribute("class"), "chain", "the new chain is whole");
      assert.equal(await (await chain.$('[data-node="integration"] [data-state]')).getAttribute("data-state"), "ACTIVE");
      await screenshot(b, `setup-diagram-${lang}`);
    } finally {
      await b.deleteSession();
    }
  });
}

/** Signs in, makes activation outlast the window, runs the setup and closes the window mid-run. */
async function interruptedRun(profile, env) {
  // Activation that never ends while this window lives: the app is closed mid-run. (The app's
  // Sandbox org serves no HTTP knobs; debug builds read this one at start.)
  const b = await launch(profile, { env: { ...env, DIP_STUDIO_SANDBOX_ACTIVATION_MS: "600000" } });
  try {
    await signInToSandbox(b);
    await b.execute(() => (location.hash = "#/setup"));
    await (await b.$("#setup-preview")).waitForClickable({ timeout: 20000 });
    await (await b.$("#setup-preview")).click();
    await runPlan(b);
    const waiting = await b.$('#setup-progress-list li[data-step="waitForActive"][data-status="running"]');
    await waiting.waitForDisplayed({ timeout: 60000, timeoutMsg: "the run never reached the wait for ACTIVE" });
    await screenshot(b, `${profile}-interrupted-en`);
  } finally {
    await b.deleteSession();
  }
}

test("an interrupted guided setup is offered Resume (the default) at the next start, and resumes to ACTIVE", async () => {
  const profile = "setup-resume";
  const { env } = browserEnv(profile, "setup-resume");
  await interruptedRun(profile, env);
  const b = await launch(profile, { env });
  try {
    const offer = await b.$("#setup-resume-offer");
    await offer.waitForDisplayed({ timeout: 30000, timeoutMsg: "the unfinished run was not offered at start" });
    assert.equal(await b.execute(() => document.activeElement?.id), "setup-resume", "Resume is the default");
    const done = await b.execute(() => [...document.querySelectorAll("#setup-progress-list li")].filter((li) => li.dataset.status === "done").map((li) => li.dataset.step));
    assert.ok(done.includes("createClient") && done.includes("enableIntegration"), `the journal's finished steps are shown: ${done}`);
    await screenshot(b, "setup-resume-offer-en");
    await assertAccessible(b, "guided setup Resume offer");
    await (await b.$("#setup-resume")).click();
    const summary = await b.$('#setup-summary[data-phase="completed"]');
    await summary.waitForDisplayed({ timeout: 90000, timeoutMsg: "the resumed run never completed" });
    const created = await b.execute(() => [...document.querySelectorAll("#setup-created li")].map((li) => li.dataset.kind));
    assert.deepEqual(created, ["oauthClient", "credential", "integration", "action"], "the resume went on to the data action");
    await screenshot(b, "setup-resumed-en");
    await b.execute(() => (location.hash = "#/integrations"));
    await (await b.$("#integrations-diagram li.chain")).waitForDisplayed({ timeout: 20000 });
    const chains = await b.execute(() => document.querySelectorAll("#integrations-diagram li.chain").length);
    assert.equal(chains, 1, "one integration: nothing was created twice");
  } finally {
    await b.deleteSession();
  }
});

test("an interrupted guided setup rolled back at the next start leaves nothing behind", async () => {
  const profile = "setup-rollback";
  const { env } = browserEnv(profile, "setup-rollback");
  await interruptedRun(profile, env);
  const b = await launch(profile, { env });
  try {
    await (await b.$("#setup-resume-offer")).waitForDisplayed({ timeout: 30000, timeoutMsg: "the unfinished run was not offered at start" });
    await (await b.$("#setup-roll-back")).click();
    await (await b.$("#setup-roll-back-confirm-yes")).waitForClickable({ timeout: 10000 });
    await screenshot(b, "setup-roll-back-confirm-en");
    await (await b.$("#setup-roll-back-confirm-yes")).click();
    const summary = await b.$('#setup-summary[data-phase="rolledBack"]');
    await summary.waitForDisplayed({ timeout: 90000, timeoutMsg: "the roll back never finished" });
    const undone = await b.execute(() => [...document.querySelectorAll("#setup-progress-list li")].filter((li) => li.dataset.status === "rolledBack").length);
    assert.ok(undone >= 5, `the steps that had run are shown undone (${undone})`);
    await screenshot(b, "setup-rolled-back-en");
    await b.execute(() => (location.hash = "#/integrations"));
    await (await b.$("#integrations-none")).waitForDisplayed({ timeout: 20000, timeoutMsg: "an integration was left behind" });
    assert.equal(await text(b, "#integrations-limit"), "Up to 10 per org.");
    await b.execute(() => (location.hash = "#/clients"));
    await (await b.$("#clients-table")).waitForDisplayed({ timeout: 20000 });
    const leftovers = await b.execute(() => document.querySelector("#clients-table")?.textContent?.includes("Data Actions client") ?? true);
    assert.equal(leftovers, false, "the run's OAuth client was deleted too");
  } finally {
    await b.deleteSession();
  }
});
