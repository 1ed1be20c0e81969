// The Data actions screen in the real window, in en, es and pt-BR: signed in to the Sandbox
// org with an active Data Actions integration (the guided setup run through the UI), the
// workshop's "queue presences" preset, its missing page size fixed in one click, previewed offline over a sample fetched once (a
// value clicked for its path, put back into a broken row), made into a draft and tested against a seeded queue
// (typed, later picked from the org's queues): ten steps passed, the presences in the output;
// the success template broken to read $Presences (step 10 fails, opened, explained in the
// window's language), fixed, published through the dialog (Not yet first and focused), shown
// read-only, and drawn in the integrations diagram.
// Screenshots of each state; axe on each screen in the light and the dark theme.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserEnv, launch, screenshot, signInToSandbox, text } from "./harness.mjs";
import { assertAccessible } from "./a11y.mjs";
import { activeIntegration, catalogue } from "./flows.mjs";

// The Sandbox seed's "Claims Intake" queue (src-tauri/sandbox/src/seed.json): six members,
// each with a system presence.
const CLAIMS_INTAKE = "8a4f6c2e-3b1d-4e5f-a7c9-0d1e2f3a4b01";
const MEMBERS = 6;
const PRESET_TEMPLATE = '{"Presences" : $Presence}';
const BROKEN_TEMPLATE = '{"Presences" : $Presences}';

/** The window's own words: the catalogues the app is built from. */
function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => params[name] ?? whole);
}

/** Types `value` into the textarea `selector` as a person would (replacing what it holds). */
async function retype(b, selector, value) {
  const el = await b.$(selector);
  await el.waitForDisplayed({ timeout: 10000 });
  await el.setValue(value);
  assert.equal(await b.execute((s) => document.querySelector(s).value, selector), value, `${selector} holds what was typed`);
}

/**
 * After the success template was typed: waits until the rule check has placed (or cleared) its
 * words under the template and the preview has played step 10 (`passed` or `failed`). Both
 * move the Save button, so a click sent before them can land where the button was.
 */
async function templateSettled(b, step10) {
  await b.waitUntil(
    async () =>
      b.execute((want) => {
        const said = document.querySelector("#action-successTemplate-error")?.textContent?.trim() ?? "";
        const played = document.querySelector('#action-preview-steps > li[data-step="10"]')?.dataset.state;
        return played === want && (want === "failed") === said.includes("$Presences");
      }, step10),
    { timeout: 20000, timeoutMsg: `the check and the preview never settled on step 10 ${step10}` },
  );
  await b.pause(300);
}

/**
 * Waits until the draft's kept sample is back in the preview and played (its tree drawn, step 9
 * no longer waiting for a sample): both grow the preview card above the test card, so a click
 * sent before then could land where the page is about to move.
 */
async function keptSamplePlayed(b) {
  await b.waitUntil(
    async () =>
      b.execute(() => {
        const sample = document.querySelector("#action-preview-sample")?.value ?? "";
        const step9 = document.querySelector('#action-preview-steps > li[data-step="9"]')?.dataset.state;
        return sample.trim() !== "" && document.querySelector("#action-preview-tree") !== null && step9 !== undefined && step9 !== "offline";
      }),
    { timeout: 20000, timeoutMsg: "the draft's kept sample was never previewed" },
  );
  // The tree is drawn as the preview is asked for; its answer, drawn below it, comes just after.
  await b.pause(300);
}

/** Saves the draft; resolves once the page was drawn again with "Draft saved." and its kept
 * sample previewed. */
async function save(b, words) {
  await (await b.$("#action-save")).waitForClickable({ timeout: 10000 });
  await (await b.$("#action-save")).click();
  const notice = await b.$("#action-notice");
  try {
    await notice.waitForDisplayed({ timeout: 20000 });
  } catch {
    // Say what the page shows instead, so a failure here explains itself.
    const shown = await b.execute(() => [...document.querySelectorAll(".errors, [role=alert], #action-save")].map((e) => `${e.id || e.className}: ${e.textContent?.trim()} ${e.disabled ? "(disabled)" : ""}`).join(" | "));
    throw new Error(`the draft was never saved; the page shows: ${shown}`);
  }
  assert.equal(await notice.getText(), words.saved);
  await keptSamplePlayed(b);
  // The redrawn page's preview has no test value yet: given the queue, it plays to step 10.
  await (await b.$("#action-preview-value-QueueID")).setValue(CLAIMS_INTAKE);
  await b.waitUntil(async () => ["passed", "failed"].includes(await b.execute(() => document.querySelector('#action-preview-steps > li[data-step="10"]')?.dataset.state)), {
    timeout: 20000,
    timeoutMsg: "the saved draft's preview never reached step 10",
  });
  await b.pause(300);
}

/**
 * Gives the test card the queue id, typed or (`pick`) chosen from the org's queues, and runs
 * the test; returns the steps' states.
 */
async function runTest(b, { pick = false } = {}) {
  const queue = await b.$("#action-test-QueueID");
  await queue.waitForDisplayed({ timeout: 10000 });
  if (pick) {
    const list = await b.$("#action-test-QueueID-queue");
    await b.waitUntil(async () => (await b.execute(() => document.querySelectorAll("#action-test-QueueID-queue option").length)) > 1, { timeout: 20000, timeoutMsg: "the org's queues were never offered" });
    await list.selectByAttribute("value", CLAIMS_INTAKE);
    assert.equal(await queue.getValue(), CLAIMS_INTAKE, "picking the queue fills in its id");
  } else {
    await queue.setValue(CLAIMS_INTAKE);
  }
  await (await b.$("#action-test-run")).click();
  const result = await b.$("#action-test-result");
  await result.waitForExist({ timeout: 60000, timeoutMsg: "the test never finished" });
  await result.scrollIntoView({ block: "start" });
  return {
    success: await result.getAttribute("data-success"),
    steps: await b.execute(() => [...document.querySelectorAll("#action-test-result .test-steps > li")].map((li) => [li.dataset.step, li.dataset.state])),
  };
}

function allPassed(run) {
  assert.equal(run.success, "true", "the test passed");
  assert.deepEqual(
    run.steps,
    Array.from({ length: 10 }, (_, i) => [String(i + 1), "passed"]),
    "all ten steps passed",
  );
}

async function assertPresencesShown(b) {
  const output = await b.execute(() => document.querySelector("#action-test-output")?.textContent ?? null);
  assert.ok(output !== null, "a passing test shows its output");
  const presences = JSON.parse(output).Presences;
  assert.ok(Array.isArray(presences), `the output holds the list Presences: ${output}`);
  assert.equal(presences.length, MEMBERS, `one presence per member of the queue: ${output}`);
  assert.ok(presences.every((p) => typeof p === "string" && p.length > 0), `each presence is named: ${output}`);
}

/** What the page shows as stopping a save: an error panel, a field's error (not a warning). */
async function problemsShown(b) {
  return b.execute(() => [...document.querySelectorAll('#action-errors > *, .field-error[data-severity="error"]')].map((e) => e.textContent.trim()).filter(Boolean));
}

const LANGUAGES = [
  { lang: "en", locale: "en_US.UTF-8", a11y: true },
  { lang: "es", locale: "es_ES.UTF-8", a11y: false },
  { lang: "pt-BR", locale: "pt_BR.UTF-8", a11y: false },
];

for (const { lang, locale, a11y } of LANGUAGES) {
  test(`Data actions in ${lang}: the workshop's preset tested, step 10 broken and explained, fixed, published, drawn`, async () => {
    const words = catalogue("actions", lang).actions;
    const profile = `actions-${lang}`;
    const { env } = browserEnv(profile, profile);
    const b = await launch(profile, { locale, env });
    // Every screen in English, and the failed step in every language (its text is the longest).
    const accessible = async (screen, always = false) => {
      if (a11y || always) await assertAccessible(b, `${screen} (${lang})`);
    };
    try {
      await signInToSandbox(b);
      await activeIntegration(b);

      await b.execute(() => (location.hash = "#/actions"));
      assert.equal(await text(b, "#actions-title"), words.title);
      const preset = await b.$('a[data-new="preset"]');
      await preset.waitForDisplayed({ timeout: 20000, timeoutMsg: "the list never offered the preset" });
      assert.equal(await preset.getText(), words.newPreset);
      const integrationId = await b.execute(() => new URLSearchParams(document.querySelector('a[data-new="preset"]').getAttribute("href").split("?")[1]).get("integration"));
      assert.equal(await b.execute((i) => document.querySelector(`[data-inactive="${i}"]`) === null, integrationId), true, "the integration is active");
      await screenshot(b, `actions-list-${lang}`);
      await accessible("Data actions list");

      await preset.click();
      const create = await b.$("#action-create");
      await create.waitForClickable({ timeout: 20000, timeoutMsg: "the preset never loaded" });
      assert.equal(await text(b, "#action-title"), words.new.presetTitle);
      assert.equal(await b.execute(() => document.querySelector("#action-successTemplate").value), PRESET_TEMPLATE);
      await screenshot(b, `actions-new-preset-${lang}`);
      await accessible("new action from the preset");
      // The workshop's URL asks for no page size: one click asks for 100 members per page.
      const fix = await b.$("#action-fix-urlTemplate-pageSize");
      await fix.waitForClickable({ timeout: 10000, timeoutMsg: "the missing page size offered no fix" });
      assert.equal(await fix.getText(), words.fix.pageSize);
      await fix.click();
      await b.waitUntil(async () => (await b.execute(() => document.querySelector("#action-urlTemplate").value)).endsWith("pageSize=100"), {
        timeout: 10000,
        timeoutMsg: "the fix never reached the URL",
      });
      assert.equal(await text(b, "#action-fix-status"), words.fix.pageSizeDone);
      await b.waitUntil(async () => !(await (await b.$("#action-fix-urlTemplate-pageSize")).isExisting()), { timeout: 10000, timeoutMsg: "the finding outlived its fix" });
      await screenshot(b, `actions-lint-fixed-${lang}`);

      // The offline preview: a sample fetched from the org once, a value of it clicked for its
      // JSONPath, [0] switched to [*], and that path put back into a broken map row; the ten
      // steps are played again with no request each time.
      const outputShown = async () => b.execute(() => {
        const el = document.querySelector("#action-preview-output");
        try {
          return el ? JSON.parse(el.textContent) : null;
        } catch {
          return null;
        }
      });
      await (await b.$("#action-preview-value-QueueID")).setValue(CLAIMS_INTAKE);
      // First a sample drafted from the endpoint's model in the Sandbox org's API description:
      // one placeholder member, whose presence is its field's name.
      await (await b.$("#action-preview-draft")).click();
      const drafted = fill(words.preview.draftedModel, { method: "GET", path: "/api/v2/routing/queues/{queueId}/members", model: "QueueMemberEntityListing" });
      await b.waitUntil(async () => (await b.execute(() => document.querySelector("#action-preview-draft-status")?.textContent)) === drafted, { timeout: 30000, timeoutMsg: "no sample was drafted from the model" });
      await b.waitUntil(async () => JSON.stringify((await outputShown())?.Presences) === '["systemPresence"]', { timeout: 20000, timeoutMsg: "the preview never played the drafted sample" });
      await screenshot(b, `actions-preview-drafted-${lang}`);
      await (await b.$("#action-preview-capture")).click();
      await b.waitUntil(async () => !(await b.execute(() => document.querySelector("#action-preview-sample").value)).includes('"systemPresence": "systemPresence"'), { timeout: 20000, timeoutMsg: "no sample came from the org" });
      await b.waitUntil(async () => (await outputShown())?.Presences?.length === MEMBERS, { timeout: 20000, timeoutMsg: "the preview never showed the members' presences" });
      assert.equal(await b.execute(() => document.querySelector('#action-preview-steps > li[data-step="10"]').dataset.state), "passed");
      assert.equal(await b.execute(() => document.querySelector('#action-preview-steps > li[data-step="8"]').dataset.state), "offline");
      await (await b.$("#action-translation-0-path")).setValue("$.entities[*].user.nowhere");
      await b.waitUntil(async () => (await outputShown())?.Presences === null, { timeout: 20000, timeoutMsg: "the preview did not follow the broken path" });
      const first = "$.entities[0].user.presence.presenceDefinition.systemPresence";
      const value = await b.$(`#action-preview-tree button.tree-value[data-path="${first}"]`);
      await value.waitForClickable({ timeout: 10000, timeoutMsg: "the sample was never drawn as a tree" });
      await value.click();
      assert.equal(await b.execute(() => document.querySelector("#action-preview-path").value), first);
      await (await b.$("#action-preview-wildcard")).click();
      const every = "$.entities[*].user.presence.presenceDefinition.systemPresence";
      assert.equal(await b.execute(() => document.querySelector("#action-preview-path").value), every);
      await (await b.$("#action-preview-use")).click();
      assert.equal(await b.execute(() => document.querySelector("#action-translation-0-path").value), every);
      await b.waitUntil(async () => (await outputShown())?.Presences?.length === MEMBERS, { timeout: 20000, timeoutMsg: "the preview never came back to the members" });
      await screenshot(b, `actions-preview-${lang}`);
      await accessible("offline preview");
      await create.click();
      await b.waitUntil(async () => (await b.$("#action-test").isExisting()) || (await problemsShown(b)).length > 0, { timeout: 20000, timeoutMsg: "the draft was never created" });
      assert.deepEqual(await problemsShown(b), [], "the preset is created as it is");
      const actionId = await b.execute(() => decodeURIComponent(location.hash.split("/")[2] ?? ""));
      assert.ok(actionId && actionId !== "new", `the page moved to the new draft: ${actionId}`);
      assert.equal(await text(b, "#action-versions"), fill(words.draftVersion, { version: "1" }));
      await screenshot(b, `actions-draft-${lang}`);
      await accessible("draft action");

      // The sample fetched before the draft existed stayed with it; with the same queue given to
      // the preview, the org's run and the preview agree on every step and on the output.
      await b.waitUntil(async () => ((await b.execute(() => document.querySelector("#action-preview-kept")?.textContent)) ?? "").includes(words.preview.sourceCaptured), { timeout: 20000, timeoutMsg: "the new draft did not get its sample back" });
      await keptSamplePlayed(b);
      await (await b.$("#action-preview-value-QueueID")).setValue(CLAIMS_INTAKE);
      await b.waitUntil(async () => (await outputShown())?.Presences?.length === MEMBERS, { timeout: 20000, timeoutMsg: "the kept sample was not previewed" });
      allPassed(await runTest(b));
      await assertPresencesShown(b);
      const area = await b.$("#action-compare-area");
      await area.waitForDisplayed({ timeout: 10000, timeoutMsg: "the run was not compared with the preview" });
      assert.equal(await area.getAttribute("data-differs-at"), "none", await area.getText());
      assert.equal(await text(b, "#action-compare-summary"), words.compare.matched);
      assert.equal(await (await b.$("#action-compare-output")).getAttribute("data-output"), "same");
      await area.scrollIntoView({ block: "center" });
      await screenshot(b, `actions-compare-${lang}`);
      await screenshot(b, `actions-test-passed-${lang}`);
      await accessible("draft action, test passed");

      // The workshop's typo: the template reads a variable the translation map does not define.
      await retype(b, "#action-successTemplate", BROKEN_TEMPLATE);
      await templateSettled(b, "failed");
      await save(b, words);
      const broken = await runTest(b);
      assert.equal(broken.success, "false", "the test failed");
      assert.deepEqual(
        broken.steps,
        Array.from({ length: 10 }, (_, i) => [String(i + 1), i < 9 ? "passed" : "failed"]),
        "steps 1 to 9 passed and step 10 failed",
      );
      assert.equal(await b.execute(() => document.querySelector('#action-test-result li[data-step="10"] details')?.open ?? false), true, "the failed step is open");
      const hint = await b.execute(() => document.querySelector("#action-step-10-hint")?.textContent ?? null);
      assert.equal(hint, fill(words.hint.undefinedClose, { variable: "$Presences", key: "Presence" }), "the hint names both spellings in the window's language");
      await (await b.$('#action-test-result li[data-step="10"]')).scrollIntoView({ block: "center" });
      await screenshot(b, `actions-step10-failed-${lang}`);
      await accessible("draft action, step 10 failed", true);

      await retype(b, "#action-successTemplate", PRESET_TEMPLATE);
      await templateSettled(b, "passed");
      await save(b, words);
      allPassed(await runTest(b, { pick: true }));
      await assertPresencesShown(b);

      await (await b.$("#action-publish")).scrollIntoView({ block: "center" });
      await (await b.$("#action-publish")).click();
      const dialog = await b.$("#action-publish-confirm");
      await dialog.waitForDisplayed({ timeout: 10000, timeoutMsg: "Publish asked nothing" });
      assert.ok((await dialog.getText()).includes(words.publish.frozen), "the dialog says the contracts freeze");
      const buttons = await b.execute(() => [...document.querySelectorAll("#action-publish-confirm button")].map((x) => x.id));
      assert.equal(buttons[0], "action-publish-no", `Not yet comes first: ${buttons}`);
      await b.waitUntil(async () => (await b.execute(() => document.activeElement?.id)) === "action-publish-no", { timeout: 5000, timeoutMsg: "Not yet does not have the focus" });
      assert.equal(await text(b, "#action-publish-no"), words.publish.no);
      await screenshot(b, `actions-publish-dialog-${lang}`);
      await accessible("publish dialog");
      await (await b.$("#action-publish-yes")).click();

      const makeDraft = await b.$("#action-new-draft");
      await makeDraft.waitForDisplayed({ timeout: 30000, timeoutMsg: "the published action was never shown" });
      assert.equal(await makeDraft.getText(), words.newDraft);
      assert.equal(await text(b, "#action-notice"), words.publish.done);
      assert.equal(await text(b, "#action-versions"), fill(words.publishedVersion, { version: "1" }));
      const editable = await b.execute(() => [...document.querySelectorAll("#action-editor input, #action-editor textarea, #action-editor select, #action-editor button")].filter((e) => !e.disabled).map((e) => e.id || e.textContent));
      assert.deepEqual(editable, [], "the published action is read-only");
      assert.equal(await b.$("#action-test").isExisting(), false, "a published action has no test card");
      await b.execute(() => document.querySelector("#action-title").scrollIntoView({ block: "start" }));
      await screenshot(b, `actions-published-${lang}`);
      await accessible("published action");

      await b.execute(() => (location.hash = "#/integrations"));
      const node = await b.$(`#integrations-diagram li[data-integration="${integrationId}"] [data-node="actions"]`);
      await node.waitForDisplayed({ timeout: 20000, timeoutMsg: "the diagram has no actions node" });
      const state = await node.$(`li[data-action="${actionId}"] [data-action-state]`);
      assert.equal(await state.getAttribute("data-action-state"), "published");
      assert.equal(await state.getText(), fill(catalogue("integrations", lang).integrations.diagram.actionPublished, { version: "1" }));
      await node.scrollIntoView({ block: "center" });
      await screenshot(b, `actions-diagram-${lang}`);
      await accessible("integrations diagram with the action");
    } finally {
      await b.deleteSession();
    }
  });
}
