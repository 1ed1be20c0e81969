// The Data actions screens: the list by integration (one next step, inactive integrations
// flagged), the editor (problems from Rust placed beside their fields, inputs inserted into
// the URL at the cursor, contract trees), a test run's ten steps with the failed one opened
// and explained (the workshop's $Presences typo in three languages), and publishing only
// after a dialog that says the contracts freeze, with "Not yet" first.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionDetail, ActionForm, ActionsApi, ActionsOverview, TestRun } from "../../ui/src/api";
import { setLanguage, t } from "../../ui/src/i18n";
import { actionDetailView } from "../../ui/src/views/actions/detail";
import { actionEditor } from "../../ui/src/views/actions/editor";
import { actionsListView } from "../../ui/src/views/actions/list";
import { runView, testCard } from "../../ui/src/views/actions/test";
import { workshopForm } from "./action-fixtures";

// Every editor opened here starts its offline preview 150 ms later on a real timer: the last
// one must fire while the page still exists, not after the file's environment is gone.
afterAll(() => new Promise((done) => setTimeout(done, 400)));

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
});

function presetForm(): ActionForm {
  return workshopForm({ urlTemplate: "/api/v2/routing/queues/QUEUE/members?expand=presence", successTemplate: '{"Presences" : $Presences}' });
}

function fakeApi(overrides: Partial<ActionsApi> = {}): ActionsApi {
  const fail = (): Promise<never> => Promise.reject(new Error("not expected"));
  return {
    actionsOverview: fail,
    actionPreset: fail,
    actionCheck: () => Promise.resolve([]),
    actionFix: fail,
    actionGet: fail,
    actionSave: fail,
    actionTest: fail,
    actionPublish: fail,
    actionNewDraft: fail,
    actionDelete: fail,
    actionQueues: () => Promise.resolve([]),
    actionImportPlan: fail,
    actionImportStart: fail,
    actionImportStatus: () => Promise.resolve(null),
    actionImportResume: fail,
    actionImportCancel: fail,
    actionImportDismiss: fail,
    actionExport: fail,
    actionExportTerraform: fail,
    actionPrivileges: fail,
    actionPrivilegesGrant: fail,
    apiPermissionsPrefetch: () => Promise.resolve(null),
    integrationExportTerraform: fail,
    actionPreview: fail,
    actionSample: fail,
    actionSampleDraft: fail,
    actionSampleKept: () => Promise.resolve(null),
    actionSampleKeep: () => Promise.resolve(null),
    ...overrides,
  };
}

function typoRun(): TestRun {
  const steps = Array.from({ length: 10 }, (_, i) => ({ step: i + 1, name: `op ${i + 1}`, success: i < 9, error: null, hint: null }));
  steps[9] = {
    step: 10,
    name: "Apply output transformation",
    success: false,
    error: {
      message: "Transform failed to process result using 'successTemplate' template due to error:'Variable $Presences has not been set at successTemplate[line 1, column 20]'",
      code: "bad.request",
      status: 400,
      contextId: "ctx-1",
      errorCodes: ["ACTION.PROCESSING"],
      causes: [],
    },
    hint: { kind: "undefinedVariable", variable: "Presences", defined: ["Presence"], closest: "Presence" },
  } as never;
  return { problems: [], success: false, steps, output: null, error: null };
}

describe("a test run", () => {
  it("draws the ten steps, opens the failed one, and explains the workshop's typo in every language", () => {
    for (const lang of ["en", "es", "pt-BR"] as const) {
      setLanguage(lang);
      const el = runView(typoRun());
      const items = el.querySelectorAll(".test-steps > li");
      expect(items).toHaveLength(10);
      expect(el.querySelectorAll('[data-state="passed"]')).toHaveLength(9);
      const failed = el.querySelector<HTMLElement>('[data-step="10"]')!;
      expect(failed.dataset.state).toBe("failed");
      expect(failed.querySelector("details")?.open).toBe(true);
      const hint = failed.querySelector(".step-hint")?.textContent ?? "";
      expect(hint, lang).toContain("$Presences");
      expect(hint, lang).toContain("Presence");
      expect(hint).toBe(t("actions.hint.undefinedClose", { variable: "$Presences", key: "Presence" }));
      expect(failed.textContent).toContain("ACTION.PROCESSING");
      expect(failed.textContent).toContain("ctx-1");
    }
  });

  it("marks the steps after a failure as not run, and shows the output of a passing run", () => {
    const run: TestRun = { problems: [], success: false, output: null, error: null, steps: [{ step: 1, name: "a", success: true, error: null, hint: null }, { step: 2, name: "b", success: false, error: { message: "bad draft", code: null, status: null, contextId: null, errorCodes: [], causes: ["name is required"] }, hint: { kind: "draft" } }] };
    const el = runView(run);
    expect(el.querySelectorAll('[data-state="notRun"]')).toHaveLength(8);
    expect(el.querySelector('[data-step="2"] .step-cause')?.textContent).toBe("name is required");
    const ok = runView({ problems: [], success: true, error: null, output: '{"Presences":["On Queue"]}', steps: [] });
    expect(ok.querySelector("#action-test-output")?.textContent).toContain("On Queue");
    expect(ok.dataset.success).toBe("true");
  });
});

describe("the test card", () => {
  it("offers the org's queues for a queue input and sends the picked queue's id", async () => {
    const actionTest = vi.fn<ActionsApi["actionTest"]>().mockResolvedValue({ problems: [], success: true, steps: [], output: "{}", error: null });
    const api = fakeApi({ actionTest, actionQueues: () => Promise.resolve([{ id: "q-1", name: "Support", memberCount: 3 }]) });
    const card = testCard("custom_-_1", presetForm(), { api, unsaved: () => false });
    document.body.append(card);
    const picker = card.querySelector<HTMLSelectElement>("#action-test-QueueID-queue")!;
    await vi.waitFor(() => expect(picker.options).toHaveLength(2));
    expect(picker.options[1]?.textContent).toBe("Support (members: 3)");
    picker.value = "q-1";
    picker.dispatchEvent(new Event("change"));
    expect(card.querySelector<HTMLInputElement>("#action-test-QueueID")?.value).toBe("q-1");
    card.querySelector<HTMLButtonElement>("#action-test-run")!.click();
    expect(actionTest).toHaveBeenCalledWith("custom_-_1", { QueueID: "q-1" }, true);
  });
});

describe("the editor", () => {
  it("checks in Rust after a pause and places each problem beside its field", async () => {
    const check = vi.fn<ActionsApi["actionCheck"]>().mockResolvedValue([
      { field: "inputs.0.name", code: "reservedName", value: "orgId", severity: "rule", fix: null },
      { field: "timeoutSeconds", code: "timeoutRange", value: null, severity: "rule", fix: null },
      { field: "contract", code: "ref", value: null, severity: "rule", fix: null },
      { field: "urlTemplate", code: "lint.no-page-size", value: "pageSize", severity: "warning", fix: null },
    ]);
    const timers: (() => void)[] = [];
    const editor = actionEditor(presetForm(), { api: fakeApi({ actionCheck: check }), readOnly: false, later: (fn) => timers.push(fn) });
    document.body.append(editor.root);
    const name = editor.root.querySelector<HTMLInputElement>("#action-inputs-0-name")!;
    name.value = "orgId";
    name.dispatchEvent(new Event("input"));
    expect(check).not.toHaveBeenCalled();
    timers.forEach((fn) => fn());
    await vi.waitFor(() => expect(editor.root.querySelector("#action-inputs-0-name-error")?.textContent).toContain("“orgId” is reserved"));
    expect(check.mock.calls[0]?.[0].inputs[0]?.name).toBe("orgId");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(editor.root.querySelector("#action-timeoutSeconds-error")?.textContent).toBe(t("actions.problem.timeoutRange"));
    expect(editor.root.querySelector("#action-problems")?.textContent, "a problem with no field of its own is listed").toContain("$ref");
    const warning = editor.root.querySelector<HTMLElement>("#action-urlTemplate-error")!;
    expect(warning.textContent).toBe(t("actions.problem.lint.no-page-size"));
    expect(warning.dataset.severity).toBe("warning");
    expect(editor.root.querySelector("#action-urlTemplate")?.hasAttribute("aria-invalid"), "a warning does not mark the field invalid").toBe(false);
  });

  it("inserts a clicked input into the URL in place of the selected text", () => {
    const editor = actionEditor(presetForm(), { api: fakeApi(), readOnly: false, later: () => 0 });
    document.body.append(editor.root);
    const url = editor.root.querySelector<HTMLInputElement>("#action-urlTemplate")!;
    const start = url.value.indexOf("QUEUE");
    url.setSelectionRange(start, start + "QUEUE".length);
    editor.root.querySelector<HTMLButtonElement>('#action-url-inputs [data-input="QueueID"]')!.click();
    expect(editor.form.urlTemplate).toBe("/api/v2/routing/queues/${input.QueueID}/members?expand=presence");
  });

  it("offers inputs simple types only, outputs lists and groups with children", () => {
    const editor = actionEditor(presetForm(), { api: fakeApi(), readOnly: false, later: () => 0 });
    const inputTypes = [...editor.root.querySelectorAll<HTMLOptionElement>("#action-inputs-0-fieldType option")].map((o) => o.value);
    expect(inputTypes).toEqual(["string", "integer", "number", "boolean"]);
    const items = editor.root.querySelector<HTMLSelectElement>("#action-outputs-0-itemType")!;
    items.value = "object";
    items.dispatchEvent(new Event("change"));
    editor.root.querySelector<HTMLButtonElement>("#action-outputs-0-children-add")!.click();
    expect(editor.form.outputs[0]?.itemType).toBe("object");
    expect(editor.form.outputs[0]?.children).toHaveLength(1);
  });

  it("is read-only for a published action", () => {
    const editor = actionEditor(presetForm(), { api: fakeApi(), readOnly: true, later: () => 0 });
    const enabled = [...editor.root.querySelectorAll<HTMLInputElement>("input, select, textarea, button")].filter((e) => !e.disabled);
    expect(enabled).toEqual([]);
  });
});

describe("the list", () => {
  it("sends an org with no integration to the guided setup first", async () => {
    const el = actionsListView({ api: fakeApi({ actionsOverview: () => Promise.resolve({ integrations: [], actions: [] }) }) });
    await vi.waitFor(() => expect(el.querySelector("#actions-empty")).not.toBeNull());
    expect(el.querySelector("#actions-empty-setup")?.getAttribute("href")).toBe("#/setup");
  });

  it("lists each integration's actions with their versions and flags an inactive integration", async () => {
    const overview: ActionsOverview = {
      integrations: [
        { id: "i-1", name: "Data Actions", reported: "ACTIVE" },
        { id: "i-2", name: "Spare", reported: "INACTIVE" },
      ],
      actions: [{ id: "custom_-_1", name: "Get queue presences", category: "Data Actions", integrationId: "i-1", secure: false, draftVersion: 2, publishedVersion: 1 }],
    };
    const el = actionsListView({ api: fakeApi({ actionsOverview: () => Promise.resolve(overview) }) });
    await vi.waitFor(() => expect(el.querySelector('[data-action="custom_-_1"]')).not.toBeNull());
    expect(el.querySelector('[data-action="custom_-_1"]')?.textContent).toContain("Draft, version 2 · Published, version 1");
    expect(el.querySelector('[data-inactive="i-2"]')).not.toBeNull();
    expect(el.querySelector('[data-inactive="i-1"]')).toBeNull();
    expect(el.querySelector('a[data-new="preset"]')?.getAttribute("href")).toBe("#/actions/new?integration=i-1&from=preset");
  });
});

describe("publishing", () => {
  it("asks first, says the contracts freeze, keeps Not yet first, and publishes on Publish", async () => {
    const detail: ActionDetail = { summary: { id: "custom_-_1", name: "Get queue presences", category: "c", integrationId: "i-1", secure: false, draftVersion: 2, publishedVersion: null }, form: presetForm(), isDraft: true };
    const published: ActionDetail = { ...detail, summary: { ...detail.summary, draftVersion: null, publishedVersion: 1 }, isDraft: false };
    const publish = vi.fn<ActionsApi["actionPublish"]>().mockResolvedValue(published);
    const el = actionDetailView("custom_-_1", { api: fakeApi({ actionGet: () => Promise.resolve(detail), actionPublish: publish }) });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#action-publish")).not.toBeNull());
    el.querySelector<HTMLButtonElement>("#action-publish")!.click();
    const dialog = document.querySelector<HTMLElement>("#action-publish-confirm")!;
    expect(dialog.textContent).toContain(t("actions.publish.frozen"));
    const buttons = [...dialog.querySelectorAll(".modal-actions button")].map((b) => b.id);
    expect(buttons).toEqual(["action-publish-no", "action-publish-yes"]);
    expect(publish).not.toHaveBeenCalled();
    dialog.querySelector<HTMLButtonElement>("#action-publish-yes")!.click();
    await vi.waitFor(() => expect(el.querySelector("#action-new-draft")).not.toBeNull());
    expect(publish).toHaveBeenCalledWith("custom_-_1");
    expect(el.querySelector("#action-notice")?.textContent).toBe(t("actions.publish.done"));
  });
});
