// Importing exported data actions and exporting one: the plan with its blockers and warnings and
// how many entries will be imported (Start only when one will), a run's progress live from its
// channel, Cancel and Resume by phase, a refused action with Genesys's message and contextId, the
// list's banner for an import left unfinished, and the export dialog with the JSON text.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionDetail, ActionsApi, ImportPlan, ImportRunView } from "../../ui/src/api";
import type { ImportItemView } from "../../ui/src/generated/ImportItemView";
import { setLanguage, t } from "../../ui/src/i18n";
import { actionDetailView, blankForm } from "../../ui/src/views/actions/detail";
import { exportFileName } from "../../ui/src/views/actions/export";
import { actionImportView, MAX_FILE_BYTES, type PickedFile } from "../../ui/src/views/actions/import";
import { actionsListView } from "../../ui/src/views/actions/list";

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
});

type Fakes = { [K in keyof ActionsApi]: ReturnType<typeof vi.fn<ActionsApi[K]>> };

function fakeApi(): Fakes {
  const fail = (): Promise<never> => Promise.reject(new Error("not expected"));
  return {
    actionsOverview: vi.fn<ActionsApi["actionsOverview"]>(() => Promise.resolve({ integrations: [{ id: "i-1", name: "Data Actions", reported: "ACTIVE" }], actions: [] })),
    actionPreset: vi.fn(fail),
    actionCheck: vi.fn<ActionsApi["actionCheck"]>(() => Promise.resolve([])),
    actionFix: vi.fn(fail),
    actionGet: vi.fn(fail),
    actionSave: vi.fn(fail),
    actionTest: vi.fn(fail),
    actionPublish: vi.fn(fail),
    actionNewDraft: vi.fn(fail),
    actionDelete: vi.fn(fail),
    actionQueues: vi.fn<ActionsApi["actionQueues"]>(() => Promise.resolve([])),
    actionImportPlan: vi.fn(fail),
    actionImportStart: vi.fn(fail),
    actionImportStatus: vi.fn<ActionsApi["actionImportStatus"]>(() => Promise.resolve(null)),
    actionImportResume: vi.fn(fail),
    actionImportCancel: vi.fn<ActionsApi["actionImportCancel"]>(() => Promise.resolve()),
    actionImportDismiss: vi.fn<ActionsApi["actionImportDismiss"]>(() => Promise.resolve()),
    actionExport: vi.fn(fail),
    actionExportTerraform: vi.fn(fail),
    actionPrivileges: vi.fn(fail),
    actionPrivilegesGrant: vi.fn(fail),
    apiPermissionsPrefetch: vi.fn<ActionsApi["apiPermissionsPrefetch"]>(() => Promise.resolve(null)),
    integrationExportTerraform: vi.fn(fail),
    actionPreview: vi.fn(fail),
    actionSample: vi.fn(fail),
    actionSampleDraft: vi.fn(fail),
    actionSampleKept: vi.fn<ActionsApi["actionSampleKept"]>(() => Promise.resolve(null)),
    actionSampleKeep: vi.fn<ActionsApi["actionSampleKeep"]>(() => Promise.resolve(null)),
  };
}

const plan: ImportPlan = {
  integrationId: "i-1",
  integrationName: "Data Actions",
  ready: 1,
  items: [
    { fileName: "presences.json", index: 0, name: "Get queue presences", category: "Data Actions", ready: true, problems: [{ code: "otherIntegrationType", detail: "custom-rest-actions", warning: true }] },
    { fileName: "broken.json", index: 0, name: "", category: "", ready: false, problems: [{ code: "notJson", detail: "line 3, column 7", warning: false }] },
  ],
};

function item(name: string, state: ImportItemView["state"], error: ImportItemView["error"] = null): ImportItemView {
  return { name, state, actionId: state === "pending" || state === "refused" ? null : `id-${name}`, error };
}

function run(phase: ImportRunView["phase"], items: ImportItemView[], extra: Partial<ImportRunView> = {}): ImportRunView {
  const handled = items.filter((i) => i.state !== "pending").length;
  return { importId: "imp-1", integrationId: "i-1", integrationName: "Data Actions", publish: false, phase, total: items.length, handled, refused: items.filter((i) => i.state === "refused").length, items, error: null, ...extra };
}

/** Waits until `selector` matches inside `root` (vi.waitFor retries only a callback that throws). */
function found<E extends Element>(root: ParentNode, selector: string): Promise<E> {
  return vi.waitFor(() => {
    const el = root.querySelector<E>(selector);
    if (!el) throw new Error(`${selector} not drawn yet`);
    return el;
  });
}

function picked(name: string, text: string, size = text.length): PickedFile {
  return { name, size, text: () => Promise.resolve(text) };
}

/** Opens the import screen and picks `files` in its file input. */
async function pick(api: Fakes, files: PickedFile[]): Promise<HTMLElement> {
  const el = actionImportView("i-1", { api, navigate: () => undefined });
  document.body.append(el);
  const input = await found<HTMLInputElement>(el, "#action-import-files");
  expect(input.getAttribute("accept")).toBe(".json,application/json");
  expect(input.multiple).toBe(true);
  Object.defineProperty(input, "files", { value: files, configurable: true });
  input.dispatchEvent(new Event("change"));
  return el;
}

describe("the import plan", () => {
  it("lists each entry with its blockers and warnings told apart, and how many will be imported", async () => {
    const api = fakeApi();
    api.actionImportPlan.mockResolvedValue(plan);
    const el = await pick(api, [picked("presences.json", "{}"), picked("broken.json", "{")]);
    await vi.waitFor(() => expect(el.querySelector("#action-import-plan")).not.toBeNull());
    expect(api.actionImportPlan).toHaveBeenCalledWith("i-1", [
      { fileName: "presences.json", text: "{}" },
      { fileName: "broken.json", text: "{" },
    ]);
    const broken = el.querySelector('tr[data-file="broken.json"]')!;
    expect(broken.getAttribute("data-ready")).toBe("false");
    const blocker = broken.querySelector<HTMLElement>('.import-problem[data-code="notJson"]')!;
    expect(blocker.dataset.severity).toBe("blocker");
    expect(blocker.textContent).toContain(t("actions.import.problem.notJson"));
    expect(blocker.textContent, "Rust's detail is shown as it came").toContain("line 3, column 7");
    const warning = el.querySelector<HTMLElement>('tr[data-file="presences.json"] .import-problem')!;
    expect(warning.dataset.severity).toBe("warning");
    expect(warning.textContent).toContain(t("actions.import.warning"));
    expect(el.querySelector("#action-import-ready")?.textContent).toBe("Ready to import: 1 of 2");
    expect(el.querySelector<HTMLInputElement>("#action-import-publish")?.checked, "publishing is off unless asked for").toBe(false);
    expect(el.querySelector<HTMLButtonElement>("#action-import-start")?.disabled).toBe(false);
  });

  it("keeps Start disabled when nothing is ready, and refuses a file over 5 MB before sending it", async () => {
    const api = fakeApi();
    api.actionImportPlan.mockResolvedValue({ ...plan, ready: 0, items: [plan.items[1]!] });
    const el = await pick(api, [picked("broken.json", "{"), picked("huge.json", "{}", MAX_FILE_BYTES + 1)]);
    await vi.waitFor(() => expect(el.querySelector("#action-import-start")).not.toBeNull());
    expect(el.querySelector<HTMLButtonElement>("#action-import-start")?.disabled).toBe(true);
    expect(el.querySelector("#action-import-none-ready")).not.toBeNull();
    expect(el.querySelector('#action-import-file-errors [data-file="huge.json"]')?.textContent).toBe(t("actions.import.fileTooLarge", { file: "huge.json", limit: "5 MB" }));
    expect(api.actionImportPlan.mock.calls[0]?.[1].map((f) => f.fileName), "the large file is never sent").toEqual(["broken.json"]);
  });
});

describe("an import run", () => {
  async function started(): Promise<{ api: Fakes; el: HTMLElement; push: (r: ImportRunView) => void; finish: (r: ImportRunView) => void }> {
    const api = fakeApi();
    api.actionImportPlan.mockResolvedValue(plan);
    let push: (r: ImportRunView) => void = () => undefined;
    let finish: (r: ImportRunView) => void = () => undefined;
    api.actionImportStart.mockImplementation((_id, _files, _publish, onRun) => {
      push = onRun;
      return new Promise((resolve) => (finish = resolve));
    });
    const el = await pick(api, [picked("presences.json", "{}")]);
    const start = await found<HTMLButtonElement>(el, "#action-import-start");
    el.querySelector<HTMLInputElement>("#action-import-publish")!.click();
    start.click();
    expect(api.actionImportStart).toHaveBeenCalledWith("i-1", [{ fileName: "presences.json", text: "{}" }], true, expect.any(Function));
    return { api, el, push: (r) => push(r), finish: (r) => finish(r) };
  }

  it("moves its bar with each message, and Cancel stops it by its id", async () => {
    const { api, el, push } = await started();
    push(run("running", [item("a", "pending"), item("b", "pending")]));
    const bar = (): Element => el.querySelector('#action-import-run [role="progressbar"]')!;
    expect(bar().getAttribute("aria-valuenow")).toBe("0");
    expect(bar().getAttribute("aria-valuemax")).toBe("2");
    push(run("running", [item("a", "published"), item("b", "pending")]));
    expect(bar().getAttribute("aria-valuenow")).toBe("1");
    expect(el.querySelector("#action-import-progress-count")?.textContent).toBe("Handled: 1 of 2");
    expect(el.querySelector('#action-import-counts [data-count="published"]')?.textContent).toBe("Published: 1");
    expect(el.querySelector('#action-import-items [data-state="published"] a')?.getAttribute("href")).toBe("#/actions/id-a");
    el.querySelector<HTMLButtonElement>("#action-import-cancel")!.click();
    expect(api.actionImportCancel).toHaveBeenCalledWith("imp-1");
  });

  it("offers Resume once cancelled, and Resume goes on through the channel", async () => {
    const { api, el, push, finish } = await started();
    push(run("running", [item("a", "drafted"), item("b", "pending")]));
    finish(run("cancelled", [item("a", "drafted"), item("b", "pending")]));
    await vi.waitFor(() => expect(el.querySelector('#action-import-run[data-phase="cancelled"]')).not.toBeNull());
    expect(el.querySelector("#action-import-stopped")?.textContent).toContain(t("actions.import.cancelledText"));
    expect(el.querySelector("#action-import-dismiss")).not.toBeNull();
    api.actionImportResume.mockImplementation((onRun) => {
      onRun(run("running", [item("a", "drafted"), item("b", "drafted")]));
      return Promise.resolve(run("completed", [item("a", "drafted"), item("b", "drafted")]));
    });
    el.querySelector<HTMLButtonElement>("#action-import-resume")!.click();
    expect(api.actionImportResume).toHaveBeenCalledWith(expect.any(Function));
    await vi.waitFor(() => expect(el.querySelector('#action-import-run[data-phase="completed"]')).not.toBeNull());
    expect(el.querySelector("#action-import-back")?.textContent).toBe(t("actions.import.backToList"));
  });

  it("shows a refused action with Genesys's message and its contextId", async () => {
    const { el, push } = await started();
    push(run("running", [item("a", "refused", { kind: "api", message: "Action name already exists", contextId: "ctx-42" }), item("b", "pending")]));
    const refused = el.querySelector('#action-import-items [data-state="refused"]')!;
    expect(refused.querySelector(".import-item-error")?.textContent).toBe("Action name already exists");
    expect(refused.querySelector(".import-item-context code")?.textContent).toBe("ctx-42");
    expect(refused.textContent).toContain(t("actions.import.state.refused"));
    expect(el.querySelector('#action-import-counts [data-count="refused"]')?.textContent).toBe("Refused: 1");
  });

  it("re-attaches to an interrupted run when the screen opens, with its error", async () => {
    const api = fakeApi();
    api.actionImportStatus.mockResolvedValue(run("interrupted", [item("a", "drafted"), item("b", "pending")], { error: { kind: "network", message: "connection reset" } }));
    const el = actionImportView("i-1", { api });
    await vi.waitFor(() => expect(el.querySelector('#action-import-run[data-phase="interrupted"]')).not.toBeNull());
    expect(el.querySelector('#action-import-run .error-panel[data-kind="network"]')).not.toBeNull();
    expect(el.querySelector("#action-import-resume")).not.toBeNull();
    expect(el.querySelector("#action-import-files"), "no new import over an unfinished one").toBeNull();
  });
});

describe("the list", () => {
  it("offers an unfinished import for Resume in a banner", async () => {
    const api = fakeApi();
    api.actionImportStatus.mockResolvedValue(run("interrupted", [item("a", "drafted"), item("b", "pending"), item("c", "pending")]));
    api.actionImportResume.mockImplementation(() => new Promise(() => undefined));
    const el = actionsListView({ api });
    await vi.waitFor(() => expect(el.querySelector("#action-import-banner")).not.toBeNull());
    expect(el.querySelector("#action-import-banner h2")?.textContent).toBe(t("actions.import.bannerUnfinished", { integration: "Data Actions" }));
    expect(el.querySelector('#action-import-banner [role="progressbar"]')?.getAttribute("aria-valuenow")).toBe("1");
    expect(el.querySelector("#action-import-banner-open")?.getAttribute("href")).toBe("#/actions/import?integration=i-1");
    el.querySelector<HTMLButtonElement>("#action-import-banner-resume")!.click();
    expect(api.actionImportResume).toHaveBeenCalled();
    await vi.waitFor(() => expect(el.querySelector('a[data-import="i-1"]')?.getAttribute("href")).toBe("#/actions/import?integration=i-1"));
  });

  it("shows no banner without an import", async () => {
    const api = fakeApi();
    const el = actionsListView({ api });
    await vi.waitFor(() => expect(el.querySelector('a[data-import="i-1"]')).not.toBeNull());
    expect(api.actionImportStatus).toHaveBeenCalled();
    expect(el.querySelector("#action-import-banner")).toBeNull();
  });
});

describe("export", () => {
  it("shows the action's JSON read-only, with Copy and a download named after it", async () => {
    const api = fakeApi();
    const detail: ActionDetail = { summary: { id: "custom_-_1", name: "Get queue presences", category: "c", integrationId: "i-1", secure: false, draftVersion: 1, publishedVersion: null }, form: { ...blankForm("i-1", "c"), name: "Get queue presences", version: 1 }, isDraft: true };
    const json = '{\n  "name": "Get queue presences"\n}';
    api.actionGet.mockResolvedValue(detail);
    api.actionExport.mockResolvedValue(json);
    const writeText = vi.fn<(text: string) => Promise<void>>().mockRejectedValue(new Error("denied"));
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const el = actionDetailView("custom_-_1", { api });
    document.body.append(el);
    const button = await found<HTMLButtonElement>(el, "#action-export");
    button.click();
    expect(api.actionExport).toHaveBeenCalledWith("custom_-_1");
    const area = await found<HTMLTextAreaElement>(document, "#action-export-dialog textarea");
    expect(area.value).toBe(json);
    expect(area.readOnly).toBe(true);
    expect(document.querySelector("#action-export-download")?.getAttribute("download")).toBe("Get queue presences.json");
    document.querySelector<HTMLButtonElement>("#action-export-copy")!.click();
    expect(writeText).toHaveBeenCalledWith(json);
    await vi.waitFor(() => expect(document.querySelector("#action-export-status")?.textContent).toBe(t("actions.export.copyByHand")));
    expect(area.selectionEnd - area.selectionStart, "the text is selected for Ctrl+C").toBe(json.length);
    document.querySelector<HTMLButtonElement>("#action-export-close")!.click();
    expect(document.querySelector("#action-export-dialog")).toBeNull();
  });

  it("shows the action as Terraform, downloaded as a .tf file", async () => {
    const api = fakeApi();
    const detail: ActionDetail = { summary: { id: "custom_-_1", name: "Get queue presences", category: "c", integrationId: "i-1", secure: false, draftVersion: 1, publishedVersion: null }, form: { ...blankForm("i-1", "c"), name: "Get queue presences", version: 1 }, isDraft: true };
    const hcl = 'resource "genesyscloud_integration_action" "get_queue_presences" {\n  name = "Get queue presences"\n}\n';
    api.actionGet.mockResolvedValue(detail);
    api.actionExportTerraform.mockResolvedValue(hcl);
    const el = actionDetailView("custom_-_1", { api });
    document.body.append(el);
    (await found<HTMLButtonElement>(el, "#action-export-terraform")).click();
    expect(api.actionExportTerraform).toHaveBeenCalledWith("custom_-_1");
    expect(api.actionExport).not.toHaveBeenCalled();
    const area = await found<HTMLTextAreaElement>(document, "#action-export-dialog textarea");
    expect(area.value).toBe(hcl);
    expect(document.querySelector("#action-export-dialog")?.textContent).toContain(t("actions.export.terraformTitle", { name: "Get queue presences" }));
    expect(document.querySelector('label[for="action-export-text"]')?.textContent).toBe(t("actions.export.terraformLabel"));
    expect(document.querySelector("#action-export-download")?.getAttribute("download")).toBe("Get queue presences.tf");
    document.querySelector<HTMLButtonElement>("#action-export-close")!.click();
  });

  it("names the download after the action without characters a file system refuses", () => {
    expect(exportFileName("a/b: c?")).toBe("a_b_ c_.json");
    expect(exportFileName("  ")).toBe("action.json");
    expect(exportFileName("x", "terraform")).toBe("x.tf");
  });
});
