// The editor's offline preview: after a pause in typing it sends the form as it stands with the
// sample and the test values to actionPreview, draws the ten steps, the output and the flattened
// fields, and drops an answer to an older request; the sample becomes a tree whose values give
// their JSONPath (indexes switchable to [*]) to put into the translation map; each map row says
// what its path finds and whether the org reads it the same way; a sample that is not JSON
// shows Rust's own message.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionForm, ActionsApi } from "../../ui/src/api";
import type { Preview } from "../../ui/src/generated/Preview";
import type { PreviewRequest } from "../../ui/src/generated/PreviewRequest";
import type { PreviewStep } from "../../ui/src/generated/PreviewStep";
import { setLanguage, t } from "../../ui/src/i18n";
import { actionEditor, type Editor } from "../../ui/src/views/actions/editor";
import { PREVIEW_AFTER_MS } from "../../ui/src/views/actions/preview";
import { MAX_TREE_NODES, pathPattern, withWildcards } from "../../ui/src/views/actions/preview-tree";
import { workshopForm } from "./action-fixtures";

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const PRESENCE = "$.entities[*].user.presence.presenceDefinition.systemPresence";
const FIRST_PRESENCE = "$.entities[0].user.presence.presenceDefinition.systemPresence";

function presetForm(): ActionForm {
  return workshopForm();
}

const member = (presence: string): unknown => ({ user: { presence: { presenceDefinition: { systemPresence: presence } } } });
const SAMPLE = JSON.stringify({ entities: [member("Available"), member("Busy")], "page size": 25, "it's": true });

/** Rust's answer in the shape these tests need: every step passed but the org's two. */
function answer(overrides: Partial<Preview> = {}): Preview {
  const steps: PreviewStep[] = Array.from({ length: 10 }, (_, i) => ({ step: i + 1, state: i === 3 || i === 7 ? "offline" : "passed", message: null, shown: null }));
  return {
    steps,
    rows: [{ key: "Presence", path: PRESENCE, matches: 2, value: '["Available","Busy"]', defaulted: false, exactness: "exact", error: null }],
    output: '{\n  "Presences": [\n    "Available",\n    "Busy"\n  ]\n}',
    flattened: [{ name: "Presences", fieldType: "array" }],
    sampleError: null,
    ...overrides,
  };
}

/** The commands the editor calls; any other one rejects. */
function fakeApi(overrides: Partial<ActionsApi> = {}): ActionsApi {
  const given: Partial<ActionsApi> = { actionCheck: () => Promise.resolve([]), actionPreview: () => Promise.resolve(answer()), ...overrides };
  const unexpected = (name: string) => (): Promise<never> => Promise.reject(new Error(`not expected: ${name}`));
  return new Proxy(given, { get: (target, key) => (target as Record<PropertyKey, unknown>)[key] ?? unexpected(String(key)) }) as ActionsApi;
}

function open(api: ActionsApi, form = presetForm()): Editor {
  const editor = actionEditor(form, { api, readOnly: false });
  document.body.append(editor.root);
  return editor;
}

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event("input"));
}

const $ = <E extends Element = HTMLElement>(root: ParentNode, selector: string): E => {
  const el = root.querySelector<E>(selector);
  expect(el, selector).not.toBeNull();
  return el as E;
};

/** Types the sample and lets the pause pass, so the tree is drawn. */
async function withSample(editor: Editor, sample = SAMPLE): Promise<void> {
  type($<HTMLTextAreaElement>(editor.root, "#action-preview-sample"), sample);
  await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
}

describe("the preview card", () => {
  it("sits below the response, says nothing goes to the org, and is left out of a read-only editor", () => {
    const editor = open(fakeApi());
    const card = $(editor.root, "#action-preview");
    expect($(editor.root, "#action-response").compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect($(card, "label[for='action-preview-sample']").textContent).toBe("Sample response (JSON)");
    expect($(card, "#action-preview-offline").textContent).toBe(t("actions.preview.nothingSent"));
    expect($(card, "label[for='action-preview-value-QueueID']").textContent).toBe("QueueID (required)");
    expect(actionEditor(presetForm(), { api: fakeApi(), readOnly: true }).root.querySelector("#action-preview")).toBeNull();
  });

  it("asks Rust after a pause, with the form as it stands, the sample and the test values", async () => {
    const actionPreview = vi.fn<ActionsApi["actionPreview"]>(() => Promise.resolve(answer()));
    const editor = open(fakeApi({ actionPreview }));
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    expect(actionPreview, "the card opens with a first preview").toHaveBeenCalledTimes(1);

    type($<HTMLTextAreaElement>(editor.root, "#action-preview-sample"), SAMPLE);
    type($<HTMLInputElement>(editor.root, "#action-preview-value-QueueID"), "q-1");
    type($<HTMLInputElement>(editor.root, "#action-category"), "Queues");
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS - 1);
    expect(actionPreview, "still typing: no request yet").toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(actionPreview, "one request for the three changes").toHaveBeenCalledTimes(2);
    const sent = actionPreview.mock.calls[1]![0];
    expect(sent.sample).toBe(SAMPLE);
    expect(sent.values).toEqual({ QueueID: "q-1" });
    expect(sent.form).toEqual({ ...presetForm(), category: "Queues" });

    // A change of the input contract is a form change too, and its new field gets a value box.
    $<HTMLButtonElement>(editor.root, "#action-inputs-add").click();
    type($<HTMLInputElement>(editor.root, "#action-inputs-1-name"), "Limit");
    expect(editor.root.querySelector("#action-preview-value-Limit")).not.toBeNull();
    expect($<HTMLInputElement>(editor.root, "#action-preview-value-QueueID").value, "a value typed before is kept").toBe("q-1");
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    expect(actionPreview.mock.lastCall?.[0].form.inputs.map((f) => f.name)).toEqual(["QueueID", "Limit"]);
  });

  it("draws the ten steps with their states, the failed step's message after its name, the output and the flattened fields", async () => {
    const steps = answer().steps.map((s): PreviewStep => (s.step === 9 ? { ...s, state: "failed", message: "The translation map entry Presence found nothing at $.x and has no default." } : s.step === 10 ? { ...s, state: "notRun" } : s));
    steps[4] = { step: 5, state: "passed", message: null, shown: "/api/v2/routing/queues/q-1/members?expand=presence&pageSize=100" };
    const actionPreview = vi.fn<ActionsApi["actionPreview"]>().mockResolvedValueOnce(answer({ steps, output: null })).mockResolvedValue(answer());
    const editor = open(fakeApi({ actionPreview }));
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    const items = [...editor.root.querySelectorAll<HTMLElement>("#action-preview-steps > li")];
    expect(items.map((li) => [li.dataset.step, li.dataset.state])).toEqual([
      ["1", "passed"], ["2", "passed"], ["3", "passed"], ["4", "offline"], ["5", "passed"],
      ["6", "passed"], ["7", "passed"], ["8", "offline"], ["9", "failed"], ["10", "notRun"],
    ]);
    expect($(items[0]!, ".step-name").textContent).toBe(`1. ${t("actions.step.1")}`);
    expect($(items[3]!, ".badge").textContent).toBe(t("actions.preview.offline"));
    expect(items[3]!.textContent).toContain(t("actions.preview.offline4"));
    expect(items[7]!.textContent).toContain(t("actions.preview.offline8"));
    expect($(items[4]!, ".preview-shown").textContent, "the resolved URL is shown").toContain("/queues/q-1/");
    const failed = items[8]!;
    expect(failed.textContent!.indexOf(t("actions.step.9")), "our name first, then Rust's words").toBeLessThan(failed.textContent!.indexOf("found nothing"));
    expect($(failed, "code").textContent).toBe("The translation map entry Presence found nothing at $.x and has no default.");
    expect($(editor.root, "#action-preview-status").textContent).toBe(t("actions.preview.stoppedAt", { step: `9. ${t("actions.step.9")}` }));
    expect(editor.root.querySelector("#action-preview-output"), "no output once a step failed").toBeNull();

    // In another language the steps keep the test card's names.
    setLanguage("es");
    await withSample(editor);
    expect($(editor.root, "#action-preview-steps > li[data-step='1'] .step-name").textContent).toBe(`1. ${t("actions.step.1")}`);
    expect($(editor.root, "#action-preview-output").textContent).toBe(answer().output);
    expect([...editor.root.querySelectorAll("#action-preview-flat li")].map((li) => li.textContent)).toEqual([`Presences ${t("actions.type.array")}`]);
  });

  it("ignores an answer that arrives after a newer request was sent", async () => {
    const pending: ((p: Preview) => void)[] = [];
    const actionPreview = vi.fn<ActionsApi["actionPreview"]>(() => new Promise<Preview>((resolve) => pending.push(resolve)));
    const editor = open(fakeApi({ actionPreview }));
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    await withSample(editor);
    expect(pending).toHaveLength(2);
    const newer = answer({ output: '{"Presences": ["Busy"]}' });
    pending[1]!(newer);
    await vi.advanceTimersByTimeAsync(0);
    pending[0]!(answer({ output: '{"Presences": ["stale"]}', steps: answer().steps.map((s) => ({ ...s, state: "failed" })) }));
    await vi.advanceTimersByTimeAsync(0);
    expect($(editor.root, "#action-preview-output").textContent).toBe('{"Presences": ["Busy"]}');
    expect(editor.root.querySelector("#action-preview-steps li[data-state='failed']")).toBeNull();
  });

  it("shows Rust's message when the sample is not JSON, and draws no tree", async () => {
    const actionPreview = vi.fn<ActionsApi["actionPreview"]>((request: PreviewRequest) =>
      Promise.resolve(request.sample.startsWith("{not") ? answer({ sampleError: "key must be a string at line 1 column 2", output: null }) : answer()),
    );
    const editor = open(fakeApi({ actionPreview }));
    await withSample(editor, "{not json");
    const error = $(editor.root, "#action-preview-sample-error");
    expect(error.textContent).toBe(`${t("actions.preview.sampleNotJson")} key must be a string at line 1 column 2`);
    expect($(editor.root, "#action-preview-sample").getAttribute("aria-describedby")).toContain("action-preview-sample-error");
    expect(editor.root.querySelector("#action-preview-tree")).toBeNull();
    expect($(editor.root, "#action-preview-tree-empty").textContent).toBe(t("actions.preview.treeEmpty"));
    await withSample(editor);
    expect(error.textContent, "a JSON sample clears it").toBe("");
    expect(editor.root.querySelector("#action-preview-tree")).not.toBeNull();
  });
});

describe("the sample tree", () => {
  it("gives every value its JSONPath, bracketing names that are not identifiers", async () => {
    const editor = open(fakeApi());
    await withSample(editor);
    const paths = [...editor.root.querySelectorAll<HTMLButtonElement>("#action-preview-tree button.tree-value")].map((b) => b.dataset.path);
    expect(paths).toContain(FIRST_PRESENCE);
    expect(paths).toContain("$.entities[1].user.presence.presenceDefinition.systemPresence");
    expect(paths).toContain("$['page size']");
    expect(paths).toContain("$['it\\'s']");
    expect(paths[0], "the root comes first").toBe("$");

    $<HTMLButtonElement>(editor.root, `button.tree-value[data-path="${FIRST_PRESENCE}"]`).click();
    const box = $<HTMLInputElement>(editor.root, "#action-preview-path");
    expect(box.value).toBe(FIRST_PRESENCE);
    expect(box.readOnly).toBe(true);
  });

  it("switches every index to [*] and back, marking the values the path finds", async () => {
    const editor = open(fakeApi());
    await withSample(editor);
    const toggle = $<HTMLButtonElement>(editor.root, "#action-preview-wildcard");
    expect(toggle.disabled, "nothing picked yet").toBe(true);
    $<HTMLButtonElement>(editor.root, `button.tree-value[data-path="${FIRST_PRESENCE}"]`).click();
    const box = $<HTMLInputElement>(editor.root, "#action-preview-path");
    const marked = (): string[] => [...editor.root.querySelectorAll<HTMLButtonElement>("button.tree-match")].map((b) => b.dataset.path!);

    toggle.click();
    expect(box.value).toBe(PRESENCE);
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    expect(marked()).toEqual([FIRST_PRESENCE, "$.entities[1].user.presence.presenceDefinition.systemPresence"]);
    toggle.click();
    expect(box.value).toBe(FIRST_PRESENCE);
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    expect(marked()).toEqual([FIRST_PRESENCE]);

    // A path with no index has nothing to switch.
    $<HTMLButtonElement>(editor.root, `button.tree-value[data-path="$['page size']"]`).click();
    expect(toggle.disabled).toBe(true);
  });

  it("turns indexes only, not brackets inside a quoted name, and reads simple paths only", () => {
    expect(withWildcards("$['a[0]'].b[12][3]")).toBe("$['a[0]'].b[*][*]");
    expect(pathPattern("$.entities[*].user")?.test("$.entities[3].user")).toBe(true);
    expect(pathPattern('$["page size"]')?.test("$['page size']")).toBe(true);
    expect(pathPattern("$..user")).toBeNull();
    expect(pathPattern("$.entities[?(@.x)]")).toBeNull();
  });

  it("draws at most the node limit and says how many values were left out", async () => {
    const editor = open(fakeApi());
    const values = Array.from({ length: MAX_TREE_NODES + 500 }, (_, i) => i);
    await withSample(editor, JSON.stringify(values));
    const tree = $(editor.root, "#action-preview-tree");
    expect(tree.querySelectorAll("button.tree-value")).toHaveLength(MAX_TREE_NODES);
    // The root array and its items: 2,501 values, 2,000 drawn.
    expect($(editor.root, "#action-preview-tree-cut").textContent).toBe(t("actions.preview.treeCut", { shown: "2,000", count: "501" }));
  });
});

describe("using a path in the translation map", () => {
  it("writes the shown path into the focused row and previews again", async () => {
    const actionPreview = vi.fn<ActionsApi["actionPreview"]>(() => Promise.resolve(answer()));
    const form = presetForm();
    form.translation.push({ key: "Other", path: "$.x", default: null });
    const editor = open(fakeApi({ actionPreview }), form);
    await withSample(editor);
    const calls = actionPreview.mock.calls.length;
    $<HTMLInputElement>(editor.root, "#action-translation-1-default").focus();
    $<HTMLButtonElement>(editor.root, `button.tree-value[data-path="${FIRST_PRESENCE}"]`).click();
    $<HTMLButtonElement>(editor.root, "#action-preview-wildcard").click();
    $<HTMLButtonElement>(editor.root, "#action-preview-use").click();
    expect($<HTMLInputElement>(editor.root, "#action-translation-1-path").value).toBe(PRESENCE);
    expect($<HTMLInputElement>(editor.root, "#action-translation-0-path").value, "the other row is left alone").toBe(PRESENCE);
    expect(editor.form.translation[1]?.path).toBe(PRESENCE);
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    expect(actionPreview.mock.calls.length).toBe(calls + 1);
    expect(actionPreview.mock.lastCall?.[0].form.translation[1]?.path).toBe(PRESENCE);
  });

  it("takes the first row when none was focused, and a new row when the map is empty", async () => {
    const editor = open(fakeApi(), { ...presetForm(), translation: [] });
    await withSample(editor);
    $<HTMLButtonElement>(editor.root, `button.tree-value[data-path="$['page size']"]`).click();
    $<HTMLButtonElement>(editor.root, "#action-preview-use").click();
    expect(editor.form.translation).toEqual([{ key: "", path: "$['page size']", default: null }]);
    expect(document.activeElement, "the new row still needs a name").toBe(editor.root.querySelector("#action-translation-0-key"));

    const first = open(fakeApi());
    await withSample(first);
    $<HTMLButtonElement>(first.root, 'button.tree-value[data-path="$.entities"]').click();
    $<HTMLButtonElement>(first.root, "#action-preview-use").click();
    expect(first.form.translation.map((r) => r.path)).toEqual(["$.entities"]);
  });
});

describe("each translation-map row", () => {
  it("says how many values its path finds and whether the org reads it the same way", async () => {
    const form = presetForm();
    form.translation.push({ key: "Status", path: "$.entities[?(@.user.state =~ /act.*/i)]", default: '"none"' }, { key: "Broken", path: "$.[", default: null });
    const rows: Preview["rows"] = [
      { key: "Presence", path: PRESENCE, matches: 2, value: '["Available","Busy"]', defaulted: false, exactness: "exact", error: null },
      { key: "Status", path: form.translation[1]!.path, matches: 0, value: '"none"', defaulted: true, exactness: "checkOnOrg", error: null },
      { key: "Broken", path: "$.[", matches: 0, value: null, defaulted: false, exactness: "checkOnOrg", error: "unexpected end of path at 3" },
    ];
    const editor = open(fakeApi({ actionPreview: () => Promise.resolve(answer({ rows })) }), form);
    await withSample(editor);
    const row = (key: string): HTMLElement => $(editor.root, `#action-translation [data-preview-row="${key}"]`);
    expect($(row("Presence"), ".preview-row-count").textContent).toBe("2 matches");
    expect($(row("Presence"), ".badge").textContent).toBe("Same on the org");
    expect($(row("Status"), ".preview-row-count").textContent).toBe("No match — the default stands in");
    const check = $(row("Status"), ".badge");
    expect(check.textContent).toBe("Check on the org");
    expect(check.title).toBe(t("actions.preview.checkOnOrgTitle"));
    expect($(row("Broken"), "code").textContent, "the row's own error").toBe("unexpected end of path at 3");

    // Adding a row draws the rows again: the answer stays beside the old ones.
    $<HTMLButtonElement>(editor.root, "#action-translation-add").click();
    expect($(row("Presence"), ".preview-row-count").textContent).toBe("2 matches");
  });

  it("counts one match in the singular and marks what the focused row's path finds", async () => {
    const rows: Preview["rows"] = [{ key: "Presence", path: FIRST_PRESENCE, matches: 1, value: '"Available"', defaulted: false, exactness: "exact", error: null }];
    const editor = open(fakeApi({ actionPreview: () => Promise.resolve(answer({ rows })) }), { ...presetForm(), translation: [{ key: "Presence", path: FIRST_PRESENCE, default: null }] });
    await withSample(editor);
    expect($(editor.root, '[data-preview-row="Presence"] .preview-row-count').textContent).toBe("1 match");
    $<HTMLInputElement>(editor.root, "#action-translation-0-path").focus();
    expect([...editor.root.querySelectorAll<HTMLButtonElement>("button.tree-match")].map((b) => b.dataset.path)).toEqual([FIRST_PRESENCE]);
  });
});

describe("a sample from the org", () => {
  it("sends the form's GET with the values once, fills the sample and previews it", async () => {
    const actionSample = vi.fn<ActionsApi["actionSample"]>(() => Promise.resolve(SAMPLE));
    const actionPreview = vi.fn<ActionsApi["actionPreview"]>(() => Promise.resolve(answer()));
    const editor = open(fakeApi({ actionSample, actionPreview }));
    type($<HTMLInputElement>(editor.root, "#action-preview-value-QueueID"), "q-1");
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    const capture = $<HTMLButtonElement>(editor.root, "#action-preview-capture");
    expect(capture.textContent).toBe(t("actions.preview.capture"));
    capture.click();
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    expect(actionSample).toHaveBeenCalledTimes(1);
    expect(actionSample.mock.calls[0]?.[1]).toEqual({ QueueID: "q-1" });
    expect(actionSample.mock.calls[0]?.[0].urlTemplate).toBe(presetForm().urlTemplate);
    expect($<HTMLTextAreaElement>(editor.root, "#action-preview-sample").value).toBe(SAMPLE);
    expect((actionPreview.mock.calls.at(-1)?.[0] as PreviewRequest).sample).toBe(SAMPLE);
  });

  it("is not offered for a method other than GET, and a refusal shows the error panel", async () => {
    const actionSample = vi.fn<ActionsApi["actionSample"]>(() => Promise.reject({ kind: "api", message: "No such queue", contextId: "ctx-9" }));
    const post = open(fakeApi({ actionSample }), { ...presetForm(), method: "POST" });
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    expect($<HTMLButtonElement>(post.root, "#action-preview-capture").disabled).toBe(true);
    document.body.replaceChildren();
    const editor = open(fakeApi({ actionSample }));
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    $<HTMLButtonElement>(editor.root, "#action-preview-capture").click();
    await vi.advanceTimersByTimeAsync(0);
    expect($(editor.root, "#action-preview-errors").textContent).toContain("ctx-9");
    expect($<HTMLButtonElement>(editor.root, "#action-preview-capture").disabled).toBe(false);
  });
});
