// The preview's sample drafted from the endpoint's answer model (actionSampleDraft: the sample
// is filled and the card says which endpoint and model it came from, or why there is none, in
// the UI's language), and kept with a saved action (actionSampleKept / actionSampleKeep): read
// back into an empty field when the action opens, never over what was typed meanwhile, written
// once per pause with where it came from, and not at all for a new action.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionsApi } from "../../ui/src/api";
import type { Preview } from "../../ui/src/generated/Preview";
import type { SampleDraft } from "../../ui/src/generated/SampleDraft";
import { setLanguage, t } from "../../ui/src/i18n";
import { actionNewView } from "../../ui/src/views/actions/detail";
import { actionEditor, type Editor } from "../../ui/src/views/actions/editor";
import { PREVIEW_AFTER_MS } from "../../ui/src/views/actions/preview";
import { KEEP_AFTER_MS } from "../../ui/src/views/actions/sample-keeper";
import { workshopForm } from "./action-fixtures";

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const PREVIEW: Preview = { steps: [], rows: [], output: null, flattened: [], sampleError: null };
const DRAFTED = '{\n  "entities": [\n    {\n      "id": "id"\n    }\n  ]\n}';
const PATH = "/api/v2/routing/queues/{queueId}/members";

function fakeApi(overrides: Partial<ActionsApi> = {}): ActionsApi {
  const given: Partial<ActionsApi> = { actionCheck: () => Promise.resolve([]), actionPreview: () => Promise.resolve(PREVIEW), ...overrides };
  const unexpected = (name: string) => (): Promise<never> => Promise.reject(new Error(`not expected: ${name}`));
  return new Proxy(given, { get: (target, key) => (target as Record<PropertyKey, unknown>)[key] ?? unexpected(String(key)) }) as ActionsApi;
}

function open(api: ActionsApi, actionId: string | null = null): Editor {
  const editor = actionEditor(workshopForm(), { api, readOnly: false, actionId });
  document.body.append(editor.root);
  return editor;
}

const $ = <E extends Element = HTMLElement>(root: ParentNode, selector: string): E => {
  const el = root.querySelector<E>(selector);
  expect(el, selector).not.toBeNull();
  return el as E;
};

const sampleField = (editor: Editor): HTMLTextAreaElement => $<HTMLTextAreaElement>(editor.root, "#action-preview-sample");

describe("a sample drafted from the endpoint's model", () => {
  it("fills the sample, says which endpoint and model, and previews it", async () => {
    const actionSampleDraft = vi.fn<ActionsApi["actionSampleDraft"]>(() =>
      Promise.resolve({ kind: "drafted", path: PATH, model: "QueueMemberEntityListing", sample: DRAFTED, catalog: { fetchedAt: 0, operations: 61, stale: false } }),
    );
    const actionPreview = vi.fn<ActionsApi["actionPreview"]>(() => Promise.resolve(PREVIEW));
    const editor = open(fakeApi({ actionSampleDraft, actionPreview }));
    $<HTMLButtonElement>(editor.root, "#action-preview-draft").click();
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    expect(actionSampleDraft.mock.calls[0]?.[0].urlTemplate).toBe(workshopForm().urlTemplate);
    expect(sampleField(editor).value).toBe(DRAFTED);
    expect($(editor.root, "#action-preview-draft-status").textContent).toBe(t("actions.preview.draftedModel", { method: "GET", path: PATH, model: "QueueMemberEntityListing" }));
    expect(actionPreview.mock.calls.at(-1)?.[0].sample).toBe(DRAFTED);
  });

  const reasons: [SampleDraft, string][] = [
    [{ kind: "unavailable", reason: "builtFromInput", path: null }, "actions.preview.draftBuiltFromInput"],
    [{ kind: "unavailable", reason: "notPlatformApi", path: null }, "actions.preview.draftNotPlatformApi"],
    [{ kind: "unavailable", reason: "unknownEndpoint", path: "/api/v2/nowhere/{}" }, "actions.preview.draftUnknownEndpoint"],
    [{ kind: "unavailable", reason: "noModel", path: "/api/v2/tokens/me" }, "actions.preview.draftNoModel"],
  ];
  it.each(reasons)("says in Spanish why there is no draft (%o) and keeps the sample", async (answer, key) => {
    setLanguage("es");
    const editor = open(fakeApi({ actionSampleDraft: () => Promise.resolve(answer) }));
    sampleField(editor).value = "[1]";
    $<HTMLButtonElement>(editor.root, "#action-preview-draft").click();
    await vi.advanceTimersByTimeAsync(0);
    const said = $(editor.root, "#action-preview-draft-status").textContent ?? "";
    expect(said).toBe(t(key, { method: "GET", path: answer.kind === "unavailable" ? (answer.path ?? "") : "" }));
    expect(said).not.toBe(key);
    expect(sampleField(editor).value).toBe("[1]");
  });

  it("shows the org's error with its context id when the description cannot be read", async () => {
    const editor = open(fakeApi({ actionSampleDraft: () => Promise.reject({ kind: "network", message: "offline", contextId: "ctx-7" }) }));
    $<HTMLButtonElement>(editor.root, "#action-preview-draft").click();
    await vi.advanceTimersByTimeAsync(0);
    expect($(editor.root, "#action-preview-errors").textContent).toContain("ctx-7");
    expect($<HTMLButtonElement>(editor.root, "#action-preview-draft").disabled).toBe(false);
  });
});

describe("the sample kept with a saved action", () => {
  it("comes back into an empty field with when and where it came from", async () => {
    const actionSampleKept = vi.fn<ActionsApi["actionSampleKept"]>(() => Promise.resolve({ sample: "[2]", source: "captured", savedAt: 1_700_000_000 }));
    const editor = open(fakeApi({ actionSampleKept }), "a-1");
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    expect(actionSampleKept).toHaveBeenCalledWith("a-1");
    expect(sampleField(editor).value).toBe("[2]");
    const note = $(editor.root, "#action-preview-kept").textContent ?? "";
    expect(note).toContain(t("actions.preview.sourceCaptured"));
  });

  it("never replaces what was typed before it was read", async () => {
    let give: (v: { sample: string; source: "pasted"; savedAt: number }) => void = () => undefined;
    const kept = new Promise<{ sample: string; source: "pasted"; savedAt: number }>((resolve) => (give = resolve));
    const actionSampleKeep = vi.fn<ActionsApi["actionSampleKeep"]>(() => Promise.resolve(null));
    const editor = open(fakeApi({ actionSampleKept: () => kept, actionSampleKeep }), "a-1");
    const field = sampleField(editor);
    field.value = "[3]";
    field.dispatchEvent(new Event("input"));
    give({ sample: "[old]", source: "pasted", savedAt: 1 });
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS);
    expect(field.value).toBe("[3]");
    expect(actionSampleKeep).toHaveBeenCalledWith("a-1", "[3]", "pasted");
  });

  it("is written once per pause, with its source, and forgotten when emptied", async () => {
    const actionSampleKeep = vi.fn<ActionsApi["actionSampleKeep"]>((_id, sample, source) => Promise.resolve(sample.trim() ? { sample, source, savedAt: 1 } : null));
    const actionSample = vi.fn<ActionsApi["actionSample"]>(() => Promise.resolve("[9]"));
    const editor = open(fakeApi({ actionSampleKept: () => Promise.resolve(null), actionSampleKeep, actionSample }), "a-1");
    const field = sampleField(editor);
    for (const text of ["[", "[1", "[1]"]) {
      field.value = text;
      field.dispatchEvent(new Event("input"));
      await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS / 4);
    }
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS);
    expect(actionSampleKeep.mock.calls).toEqual([["a-1", "[1]", "pasted"]]);
    expect($(editor.root, "#action-preview-kept").textContent).toBe(t("actions.preview.keptNow"));
    $<HTMLButtonElement>(editor.root, "#action-preview-capture").click();
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS);
    expect(actionSampleKeep.mock.calls.at(-1)).toEqual(["a-1", "[9]", "captured"]);
    field.value = "";
    field.dispatchEvent(new Event("input"));
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS);
    expect($(editor.root, "#action-preview-kept").textContent).toBe(t("actions.preview.forgotten"));
  });

  it("goes with a new action when it is created, with where it came from", async () => {
    const actionSampleKeep = vi.fn<ActionsApi["actionSampleKeep"]>(() => Promise.resolve(null));
    const actionSampleDraft = vi.fn<ActionsApi["actionSampleDraft"]>(() =>
      Promise.resolve({ kind: "drafted", path: PATH, model: null, sample: DRAFTED, catalog: { fetchedAt: 0, operations: 61, stale: false } }),
    );
    const summary = { id: "new-1", name: "Get queue presences", category: "c", integrationId: "i-1", secure: false, draftVersion: 1, publishedVersion: null };
    const actionSave = vi.fn<ActionsApi["actionSave"]>(() => Promise.resolve({ summary, form: workshopForm(), isDraft: true }));
    const navigate = vi.fn<(hash: string) => void>();
    const api = fakeApi({ actionPreset: () => Promise.resolve(workshopForm()), actionSampleDraft, actionSampleKeep, actionSave });
    const view = actionNewView("i-1", "preset", { api, navigate });
    document.body.append(view);
    await vi.advanceTimersByTimeAsync(0);
    $<HTMLButtonElement>(view, "#action-preview-draft").click();
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS);
    expect(actionSampleKeep).not.toHaveBeenCalled();
    $<HTMLButtonElement>(view, "#action-create").click();
    await vi.advanceTimersByTimeAsync(0);
    expect(actionSampleKeep.mock.calls).toEqual([["new-1", DRAFTED, "drafted"]]);
    expect(navigate).toHaveBeenCalledWith("#/actions/new-1");
  });

  it("is not kept for a new action, which has no id yet", async () => {
    const actionSampleKeep = vi.fn<ActionsApi["actionSampleKeep"]>(() => Promise.resolve(null));
    const actionSampleKept = vi.fn<ActionsApi["actionSampleKept"]>(() => Promise.resolve(null));
    const editor = open(fakeApi({ actionSampleKeep, actionSampleKept }));
    const field = sampleField(editor);
    field.value = "[1]";
    field.dispatchEvent(new Event("input"));
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS * 2);
    expect(actionSampleKeep).not.toHaveBeenCalled();
    expect(actionSampleKept).not.toHaveBeenCalled();
  });
});
