// The action form (ActionForm) as an editor: name, category, secure and timeout; the input
// and output contracts as trees; the request (method, URL template with the inputs inserted
// at the cursor by clicking them, headers, body template); the response (translation map
// rows with defaults, success template). Each change is checked in Rust (actionCheck, after a
// short pause) and every problem shown beside its field: what Genesys refuses, what the org's
// test would fail on, and (quieter) what works but is fragile; a problem Rust can fix carries
// a button that applies it (actionFix, fix.ts). Below the response, the offline preview
// (preview.ts) plays the form over a sample response. A read-only editor shows a published action.
import type { ActionForm, ActionsApi, FormProblem } from "../../api";
import type { FormFix } from "../../generated/FormFix";
import type { HeaderRow } from "../../generated/HeaderRow";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { textField } from "../../kit/inputs";
import { fixButton, fixDone, fixField, fixId, TEMPLATE_FIELDS, type TemplateField } from "./fix";
import type { SampleSource } from "../../generated/SampleSource";
import { previewCard, type PreviewCard, type PreviewSnapshot } from "./preview";
import { translationEditor } from "./translation";
import { byId, fieldLabel, pathId, treeEditor } from "./tree";
import { problemText } from "./words";

/** How long typing pauses before the form is checked. */
export const CHECK_AFTER_MS = 250;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Whether `problems` stop a save: only what Genesys itself refuses does. */
export function blocksSave(problems: FormProblem[]): boolean {
  return problems.some((p) => p.severity === "rule");
}

export interface Editor {
  root: HTMLElement;
  form: ActionForm;
  /** Checks now; resolves to the problems found (also shown). */
  check: () => Promise<FormProblem[]>;
  /** The offline preview last drawn (null in a read-only editor or before its first answer). */
  latestPreview: () => PreviewSnapshot | null;
  /** The preview's sample as it stands and where it came from (null in a read-only editor). */
  sample: () => { text: string; source: SampleSource } | null;
}

export interface EditorDeps {
  api: Pick<ActionsApi, "actionCheck" | "actionFix" | "actionPreview" | "actionSample" | "actionSampleDraft" | "actionSampleKept" | "actionSampleKeep">;
  readOnly: boolean;
  /** The saved action being edited (its preview sample is kept with it); none for a new one. */
  actionId?: string | null;
  /** Timer seam for tests. */
  later?: (fn: () => void, ms: number) => number;
  onChange?: () => void;
  /** Where a failed fix is shown (the screen's error panel); the editor's own slot otherwise. */
  onError?: (err: unknown) => void;
}

/** Draws a fix button for a problem that has a fix (none in a read-only editor); `taken` holds
 * the button ids already drawn this time. */
type FixDrawer = (p: FormProblem, taken: Set<string>) => HTMLButtonElement | null;

function area(id: string, label: string, value: string, disabled: boolean, rows = 3): { field: HTMLElement; input: HTMLTextAreaElement } {
  const input = h("textarea", { id, rows: String(rows), spellcheck: "false", class: "mono", "aria-describedby": `${id}-error`, disabled });
  input.value = value;
  return { field: h("div", { class: "field" }, h("label", { for: id }, label), input, h("p", { class: "field-error", id: `${id}-error`, role: "alert" })), input };
}

/** The kit's text field, disabled in a read-only editor. */
function text(id: string, label: string, value: string, disabled: boolean, extra: Record<string, string> = {}): { field: HTMLElement; input: HTMLInputElement } {
  return textField(id, label, value, disabled ? { ...extra, disabled: "" } : extra);
}

function section(id: string, title: string, ...children: (HTMLElement | null)[]): HTMLElement {
  return h("section", { class: "card", id, "aria-labelledby": `${id}-title` }, h("h2", { id: `${id}-title` }, title), ...children);
}

/** Inserts `snippet` at the cursor of `input` (replacing the selection), as the admin UI's
 * input list does for a highlighted part of the URL. */
export function insertAtCursor(input: HTMLInputElement | HTMLTextAreaElement, snippet: string): void {
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  input.value = input.value.slice(0, start) + snippet + input.value.slice(end);
  input.setSelectionRange(start + snippet.length, start + snippet.length);
  input.dispatchEvent(new Event("input"));
  input.focus();
}

function headersEditor(rows: HeaderRow[], disabled: boolean, changed: () => void): HTMLElement {
  const list = h("ul", { class: "tree", id: "action-headers" });
  const redraw = (): void => {
    list.replaceChildren(
      ...rows.map((row, i) => {
        const name = h("input", { id: pathId(`headers.${i}.name`), type: "text", value: row.name, "aria-label": t("actions.request.headerName"), "aria-describedby": `${pathId(`headers.${i}.name`)}-error`, disabled });
        const value = h("input", { id: pathId(`headers.${i}.value`), type: "text", value: row.value, class: "mono", "aria-label": t("actions.request.headerValue"), disabled });
        name.addEventListener("input", () => ((row.name = name.value), changed()));
        value.addEventListener("input", () => ((row.value = value.value), changed()));
        const remove = h("button", { type: "button", class: "link-button", disabled }, t("actions.tree.remove"));
        remove.addEventListener("click", () => (rows.splice(i, 1), redraw(), changed()));
        return h("li", {}, h("div", { class: "tree-row" }, name, value, remove), h("p", { class: "field-error", id: `${pathId(`headers.${i}.name`)}-error`, role: "alert" }));
      }),
    );
  };
  const add = h("button", { type: "button", id: "action-headers-add", disabled }, t("actions.request.addHeader"));
  add.addEventListener("click", () => (rows.push({ name: "", value: "" }), redraw(), changed()));
  redraw();
  return h("div", { class: "field" }, h("span", { class: "field-label" }, t("actions.request.headers")), list, add);
}

/** A problem's words, then its fix button when it has one. */
function problemLine(p: FormProblem, drawFix: FixDrawer, taken: Set<string>): (Node | string)[] {
  const button = drawFix(p, taken);
  return button ? [problemText(p), " ", button] : [problemText(p)];
}

/** Shows `problems` beside their fields (the nearest field of the path); the rest in a list. */
function showProblems(root: HTMLElement, summary: HTMLElement, problems: FormProblem[], drawFix: FixDrawer): void {
  for (const e of root.querySelectorAll<HTMLElement>(".field-error")) {
    e.textContent = "";
    delete e.dataset.severity;
  }
  for (const e of root.querySelectorAll<HTMLElement>("[aria-invalid]")) e.removeAttribute("aria-invalid");
  const unplaced: (Node | string)[][] = [];
  const taken = new Set<string>();
  for (const p of problems) {
    let segments = p.field.split(".");
    let placed = false;
    while (segments.length && !placed) {
      const id = pathId(segments.join("."));
      const line = byId(root, `${id}-error`);
      if (line) {
        if (line.childNodes.length) line.append(" ");
        line.append(...problemLine(p, drawFix, taken));
        // A warning reads quieter; anything else marks the field invalid.
        if (p.severity !== "warning") {
          line.dataset.severity = "error";
          byId(root, id)?.setAttribute("aria-invalid", "true");
        } else if (line.dataset.severity !== "error") line.dataset.severity = "warning";
        placed = true;
      }
      segments = segments.slice(0, -1);
    }
    if (!placed) unplaced.push(problemLine(p, drawFix, taken));
  }
  summary.replaceChildren(...(unplaced.length ? [h("ul", { class: "warning" }, ...unplaced.map((u) => h("li", {}, ...u)))] : []));
}

export function actionEditor(initial: ActionForm, deps: EditorDeps): Editor {
  const form: ActionForm = structuredClone(initial);
  const disabled = deps.readOnly;
  const later = deps.later ?? ((fn, ms) => window.setTimeout(fn, ms));
  const summary = h("div", { id: "action-problems", role: "status" });
  const fixErrors = h("div", { class: "errors", id: "action-fix-errors" });
  const fixed = h("p", { class: "ok", id: "action-fix-status", role: "status", "aria-live": "polite" });
  const fail = deps.onError ?? ((err: unknown): void => fixErrors.replaceChildren(errorPanel(err, () => fixErrors.replaceChildren())));
  let pending = 0;
  let root: HTMLElement;
  const drawFix: FixDrawer = (p, taken) => {
    if (disabled || !p.fix) return null;
    const withFix = { ...p, fix: p.fix };
    return fixButton(withFix, fixId(withFix, taken), (fix, button) => void applyFix(fix, button));
  };
  const check = async (): Promise<FormProblem[]> => {
    const problems = await deps.api.actionCheck(form);
    showProblems(root, summary, problems, drawFix);
    return problems;
  };
  let preview: PreviewCard | null = null;
  const changed = (): void => {
    fixed.textContent = "";
    deps.onChange?.();
    preview?.schedule();
    const ticket = ++pending;
    later(() => {
      if (ticket === pending) void check().catch(() => undefined);
    }, CHECK_AFTER_MS);
  };

  const name = text(pathId("name"), t("actions.general.name"), form.name, disabled);
  name.input.addEventListener("input", () => ((form.name = name.input.value), changed()));
  const category = text(pathId("category"), t("actions.general.category"), form.category, disabled);
  category.input.addEventListener("input", () => ((form.category = category.input.value), changed()));
  const timeout = text(pathId("timeoutSeconds"), t("actions.general.timeout"), form.timeoutSeconds === null ? "" : String(form.timeoutSeconds), disabled, { inputmode: "numeric", placeholder: t("actions.general.timeoutDefault") });
  timeout.input.addEventListener("input", () => {
    const value = timeout.input.value.trim();
    // Anything but a whole number from 0 up is sent as 0, which Rust refuses as out of range.
    const seconds = Number(value);
    form.timeoutSeconds = value === "" ? null : Number.isInteger(seconds) && seconds >= 0 && seconds <= 4_294_967_295 ? seconds : 0;
    changed();
  });
  const secure = h("input", { id: pathId("secure"), type: "checkbox", checked: form.secure, disabled });
  secure.addEventListener("change", () => ((form.secure = secure.checked), changed()));

  const inputs = h("div", {});
  const url = text(pathId("urlTemplate"), t("actions.request.url"), form.urlTemplate, disabled, { class: "mono wide" });
  url.input.addEventListener("input", () => ((form.urlTemplate = url.input.value), changed()));
  const chips = h("p", { class: "hint", id: "action-url-inputs" });
  const drawChips = (): void => {
    chips.replaceChildren(
      t("actions.request.insert"),
      " ",
      ...form.inputs
        .filter((f) => f.name)
        .map((f) => {
          const chip = h("button", { type: "button", class: "chip", "data-input": f.name, disabled }, fieldLabel(f));
          chip.addEventListener("click", () => insertAtCursor(url.input, `\${input.${f.name}}`));
          return chip;
        }),
    );
  };
  const onInputsChange = (): void => {
    drawChips();
    changed();
  };
  inputs.append(treeEditor(form.inputs, { path: "inputs", flat: true, disabled, onChange: onInputsChange }));
  drawChips();
  const method = h("select", { id: pathId("method"), disabled });
  for (const m of METHODS) method.append(h("option", { value: m, selected: m === form.method }, m));
  method.addEventListener("change", () => ((form.method = method.value), changed()));
  const body = area(pathId("bodyTemplate"), t("actions.request.body"), form.bodyTemplate, disabled);
  body.input.addEventListener("input", () => ((form.bodyTemplate = body.input.value), changed()));
  const success = area(pathId("successTemplate"), t("actions.response.success"), form.successTemplate, disabled, 4);
  success.input.addEventListener("input", () => ((form.successTemplate = success.input.value), changed()));
  const templates: Record<TemplateField, HTMLInputElement | HTMLTextAreaElement> = { urlTemplate: url.input, bodyTemplate: body.input, successTemplate: success.input };

  const translation = translationEditor(form.translation, disabled, { changed, redrawn: () => preview?.rowsRedrawn(), focus: () => preview?.rowFocused() });
  // The offline preview needs something to type into, so a read-only editor goes without it.
  preview = disabled ? null : previewCard({ api: deps.api, form, translation, later, actionId: deps.actionId ?? null });

  // A fix is applied in Rust to the form as it stands (unsaved edits included); only the
  // templates can change, and one edited while the fix was on its way keeps the edit.
  const applyFix = async (fix: FormFix, button: HTMLButtonElement): Promise<void> => {
    button.disabled = true;
    fixed.textContent = "";
    const sent = structuredClone(form);
    let next: ActionForm;
    try {
      next = await deps.api.actionFix(sent, fix);
    } catch (err) {
      button.disabled = false;
      fail(err);
      return;
    }
    let applied = false;
    for (const key of TEMPLATE_FIELDS) {
      if (next[key] === sent[key] || form[key] !== sent[key]) continue;
      form[key] = next[key];
      templates[key].value = next[key];
      applied = true;
    }
    pending++; // a check queued by typing would only repeat the one below
    if (applied) {
      deps.onChange?.();
      preview?.schedule();
      templates[fixField(fix)].focus();
      fixed.textContent = fixDone(fix);
    }
    await check().catch(() => undefined);
    if (!applied) button.disabled = false;
  };

  root = h(
    "div",
    { class: "action-editor", id: "action-editor" },
    fixErrors,
    summary,
    fixed,
    section(
      "action-general",
      t("actions.general.title"),
      name.field,
      category.field,
      h("p", { class: "hint" }, t("actions.general.categoryHint")),
      timeout.field,
      h("div", { class: "field" }, h("label", { class: "choice" }, secure, " ", t("actions.general.secure")), h("p", { class: "hint" }, t("actions.general.secureHint")), h("p", { class: "field-error", id: `${pathId("secure")}-error`, role: "alert" })),
    ),
    section("action-input", t("actions.contract.input"), h("p", { class: "hint" }, t("actions.contract.inputHint")), inputs, h("p", { class: "field-error", id: `${pathId("inputs")}-error`, role: "alert" })),
    section(
      "action-output",
      t("actions.contract.output"),
      h("p", { class: "hint" }, t("actions.contract.outputHint")),
      treeEditor(form.outputs, { path: "outputs", flat: false, disabled, onChange: changed }),
      h("p", { class: "field-error", id: `${pathId("outputs")}-error`, role: "alert" }),
    ),
    section(
      "action-request",
      t("actions.request.title"),
      h("div", { class: "field" }, h("label", { for: pathId("method") }, t("actions.request.method")), method, h("p", { class: "field-error", id: `${pathId("method")}-error`, role: "alert" })),
      url.field,
      h("p", { class: "hint" }, t("actions.request.urlHint")),
      chips,
      headersEditor(form.headers, disabled, changed),
      body.field,
    ),
    section("action-response", t("actions.response.title"), translation.root, success.field, h("p", { class: "hint" }, t("actions.response.successHint"))),
    preview?.root ?? null,
  );
  return { root, form, check, latestPreview: () => preview?.latest() ?? null, sample: () => preview?.sample() ?? null };
}
