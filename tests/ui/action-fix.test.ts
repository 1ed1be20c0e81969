// One-click lint fixes in the data-action editor: a problem that carries a fix gets a button
// worded as what it will do; a click sends the form as it stands (unsaved edits included) to
// actionFix, puts the fixed template in its field, checks again so the problem goes, focuses
// the field and says what changed; a refused fix lands in the screen's error panel.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionDetail, ActionForm, ActionsApi, FormProblem } from "../../ui/src/api";
import type { FormFix } from "../../ui/src/generated/FormFix";
import { languages, setLanguage, t } from "../../ui/src/i18n";
import { actionDetailView } from "../../ui/src/views/actions/detail";
import { actionEditor } from "../../ui/src/views/actions/editor";
import { workshopForm } from "./action-fixtures";

// Every editor opened here starts its offline preview 150 ms later on a real timer: the last
// one must fire while the page still exists, not after the file's environment is gone.
afterAll(() => new Promise((done) => setTimeout(done, 400)));

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
});

const URL_WITHOUT_PAGE_SIZE = "/api/v2/routing/queues/${input.QueueID}/members?expand=presence";
const URL_WITH_PAGE_SIZE = `${URL_WITHOUT_PAGE_SIZE}&pageSize=100`;

function presetForm(): ActionForm {
  return workshopForm({ urlTemplate: URL_WITHOUT_PAGE_SIZE });
}

function detail(form = presetForm()): ActionDetail {
  return { summary: { id: "custom_-_1", name: form.name, category: form.category, integrationId: "i-1", secure: false, draftVersion: 1, publishedVersion: null }, form, isDraft: true };
}

const pageSizeProblem: FormProblem = { field: "urlTemplate", code: "lint.no-page-size", value: "pageSize", severity: "warning", fix: { kind: "pageSize" } };

/** Rust's check as far as these tests need it: the page-size lint until the URL has pageSize. */
function checkLikeRust(form: ActionForm): Promise<FormProblem[]> {
  return Promise.resolve(form.urlTemplate.includes("pageSize") ? [] : [pageSizeProblem]);
}

/** The commands these screens call; any other one rejects, as a call nobody expected should
 * (so a command added to ActionsApi later needs no change here). */
function fakeApi(overrides: Partial<ActionsApi> = {}): ActionsApi {
  const given: Partial<ActionsApi> = {
    actionCheck: checkLikeRust,
    actionFix: (form) => Promise.resolve({ ...form, urlTemplate: URL_WITH_PAGE_SIZE }),
    actionGet: () => Promise.resolve(detail()),
    actionQueues: () => Promise.resolve([]),
    actionImportStatus: () => Promise.resolve(null),
    apiPermissionsPrefetch: () => Promise.resolve(null),
    ...overrides,
  };
  const unexpected = (name: string) => (): Promise<never> => Promise.reject(new Error(`not expected: ${name}`));
  return new Proxy(given, { get: (target, key) => (target as Record<PropertyKey, unknown>)[key] ?? unexpected(String(key)) }) as ActionsApi;
}

const FIX_BUTTON = '#action-urlTemplate-error button.fix[data-fix="pageSize"]';

async function openDetail(api: ActionsApi): Promise<HTMLElement> {
  const el = actionDetailView("custom_-_1", { api });
  document.body.append(el);
  await vi.waitFor(() => expect(el.querySelector(FIX_BUTTON), "the first check draws the fix").not.toBeNull());
  return el;
}

describe("a fix button", () => {
  it("sits beside the page-size problem and says what it will do, in every language", async () => {
    const el = await openDetail(fakeApi());
    const button = el.querySelector<HTMLButtonElement>(FIX_BUTTON)!;
    expect(button.id).toBe("action-fix-urlTemplate-pageSize");
    expect(button.textContent).toBe("Ask for 100 per page");
    expect(el.querySelector("#action-urlTemplate-error")?.textContent).toContain(t("actions.problem.lint.no-page-size"));
    for (const lang of languages) {
      setLanguage(lang);
      expect(t("actions.fix.pageSize"), lang).not.toBe("actions.fix.pageSize");
      expect(t("actions.fix.rename", { name: "$Presence" }), lang).toContain("$Presence");
    }
  });

  it("applies the fix to the form as it stands, checks again, focuses the URL and says what changed", async () => {
    const actionFix = vi.fn<ActionsApi["actionFix"]>((form) => Promise.resolve({ ...form, urlTemplate: URL_WITH_PAGE_SIZE }));
    const actionCheck = vi.fn<ActionsApi["actionCheck"]>(checkLikeRust);
    const actionSave = vi.fn<ActionsApi["actionSave"]>((_id, form) => Promise.resolve(detail(form)));
    const el = await openDetail(fakeApi({ actionFix, actionCheck, actionSave }));
    // An edit of another field, not saved yet, must go with the fix and survive it.
    const category = el.querySelector<HTMLInputElement>("#action-category")!;
    category.value = "Queues";
    category.dispatchEvent(new Event("input"));

    el.querySelector<HTMLButtonElement>(FIX_BUTTON)!.click();
    const url = el.querySelector<HTMLInputElement>("#action-urlTemplate")!;
    await vi.waitFor(() => expect(url.value).toBe(URL_WITH_PAGE_SIZE));
    expect(actionFix).toHaveBeenCalledTimes(1);
    const [sent, fix] = actionFix.mock.calls[0]!;
    expect(sent.category, "the unsaved edit is part of the form sent").toBe("Queues");
    expect(sent.urlTemplate).toBe(URL_WITHOUT_PAGE_SIZE);
    expect(fix).toEqual<FormFix>({ kind: "pageSize" });

    await vi.waitFor(() => expect(el.querySelector(FIX_BUTTON)).toBeNull());
    expect(actionCheck.mock.lastCall?.[0].urlTemplate, "the check after the fix sees the fixed URL").toBe(URL_WITH_PAGE_SIZE);
    expect(el.querySelector("#action-urlTemplate-error")?.textContent, "the problem is gone").toBe("");
    expect(document.activeElement).toBe(url);
    const said = el.querySelector<HTMLElement>("#action-fix-status")!;
    expect(said.getAttribute("role")).toBe("status");
    expect(said.getAttribute("aria-live")).toBe("polite");
    expect(said.textContent).toBe("Fixed: the URL now asks for 100 per page.");
    expect(category.value).toBe("Queues");

    // Saving afterwards sends the fixed URL with the other edit, as after typing.
    el.querySelector<HTMLButtonElement>("#action-save")!.click();
    await vi.waitFor(() => expect(actionSave).toHaveBeenCalledTimes(1));
    expect(actionSave.mock.calls[0]?.[1]).toMatchObject({ urlTemplate: URL_WITH_PAGE_SIZE, category: "Queues" });
  });

  it("names the variable a rename will use, and appears only for a problem with a fix", async () => {
    const problems: FormProblem[] = [
      { field: "successTemplate", code: "lint.undefined-variable", value: "Presences", severity: "error", fix: { kind: "rename", from: "Presences", to: "Presence" } },
      { field: "successTemplate", code: "lint.unused-key", value: "Presence", severity: "warning", fix: null },
      { field: "timeoutSeconds", code: "timeoutRange", value: null, severity: "rule", fix: null },
    ];
    const editor = actionEditor(presetForm(), { api: fakeApi({ actionCheck: () => Promise.resolve(problems) }), readOnly: false, later: () => 0 });
    document.body.append(editor.root);
    await editor.check();
    const buttons = [...editor.root.querySelectorAll<HTMLButtonElement>("button.fix")];
    expect(buttons.map((b) => [b.id, b.dataset.fix, b.textContent])).toEqual([["action-fix-successTemplate-rename", "rename", "Use $Presence"]]);
    expect(editor.root.querySelector("#action-successTemplate-error")?.textContent).toContain(t("actions.problem.lint.unused-key", { value: "Presence" }));
    expect(editor.root.querySelector("#action-timeoutSeconds-error button")).toBeNull();
  });

  it("is not drawn in a read-only editor", async () => {
    const editor = actionEditor(presetForm(), { api: fakeApi(), readOnly: true, later: () => 0 });
    document.body.append(editor.root);
    await editor.check();
    expect(editor.root.querySelector("#action-urlTemplate-error")?.textContent).toBe(t("actions.problem.lint.no-page-size"));
    expect(editor.root.querySelector("button.fix")).toBeNull();
  });

  it("shows a refused fix in the error panel and leaves the URL and the button as they were", async () => {
    const actionFix = vi.fn<ActionsApi["actionFix"]>().mockRejectedValue({ kind: "invalidInput", message: "the form could not be read" });
    const el = await openDetail(fakeApi({ actionFix }));
    el.querySelector<HTMLButtonElement>(FIX_BUTTON)!.click();
    await vi.waitFor(() => expect(el.querySelector("#action-errors .error-panel")).not.toBeNull());
    expect(el.querySelector<HTMLElement>("#action-errors .error-panel")?.dataset.kind).toBe("invalidInput");
    expect(el.querySelector<HTMLInputElement>("#action-urlTemplate")?.value).toBe(URL_WITHOUT_PAGE_SIZE);
    expect(el.querySelector<HTMLButtonElement>(FIX_BUTTON)?.disabled, "the fix can be tried again").toBe(false);
    expect(el.querySelector("#action-fix-status")?.textContent).toBe("");
  });
});
