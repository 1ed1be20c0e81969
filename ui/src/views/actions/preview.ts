// The editor's offline preview (actionPreview, computed in Rust): a sample response and test
// values go in; after each change of the form, the sample or a value (a short pause, answers
// to older requests dropped) it draws the ten steps, the output and the fields flows see, and
// beside each translation-map row what its path finds and whether the org reads it the same
// way. The sample is drawn as a tree (preview-tree.ts) whose values give their path, to use in
// the map. Nothing is sent to the org. The last answer is kept for the org test's comparison
// (compare.ts). The sample comes from the org (the form's GET), from the endpoint's answer
// model (drafted in Rust from the org's API description), or is pasted; a saved action keeps it
// on this computer (sample-keeper.ts) and gets it back when opened.
import type { ActionForm, ActionsApi } from "../../api";
import type { Preview } from "../../generated/Preview";
import type { PreviewRow } from "../../generated/PreviewRow";
import type { PreviewStep } from "../../generated/PreviewStep";
import type { SampleSource } from "../../generated/SampleSource";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { countLabel } from "../../kit/plural";
import { hasIndex, highlight, sampleTree, withWildcards } from "./preview-tree";
import { draftNote, sampleKeeper } from "./sample-keeper";
import type { TranslationEditor } from "./translation";
import { stepLabel } from "./words";

/** How long typing pauses before the preview is asked for again. */
export const PREVIEW_AFTER_MS = 150;
const TYPES = new Set(["string", "integer", "number", "boolean", "array", "object"]);

export interface PreviewDeps {
  api: Pick<ActionsApi, "actionPreview" | "actionSample" | "actionSampleDraft" | "actionSampleKept" | "actionSampleKeep">;
  /** The saved action this form edits, whose sample is kept with it; none for a new one. */
  actionId?: string | null;
  /** The editor's form, changed in place as the admin types. */
  form: ActionForm;
  translation: TranslationEditor;
  /** Timer seam (the editor's). */
  later?: (fn: () => void, ms: number) => number;
}

/** The preview last drawn and the sample of the request it answered (for the org test's comparison). */
export interface PreviewSnapshot {
  preview: Preview;
  sample: string;
}

export interface PreviewCard {
  root: HTMLElement;
  /** The form changed: preview again after a pause. */
  schedule: () => void;
  /** The map's rows were drawn again: their slots need the last answer. */
  rowsRedrawn: () => void;
  /** Another row got the focus: mark what its path finds in the tree. */
  rowFocused: () => void;
  /** The preview last drawn, with its request's sample; null before the first answer. */
  latest: () => PreviewSnapshot | null;
  /** The sample's text as it stands, and where it came from. */
  sample: () => { text: string; source: SampleSource };
}

function stateLabel(step: PreviewStep): string {
  return step.state === "offline" ? t("actions.preview.offline") : t(`actions.test.${step.state}`);
}

function offlineNote(step: number): string {
  return step === 4 ? t("actions.preview.offline4") : step === 8 ? t("actions.preview.offline8") : t("actions.preview.offlineNoSample");
}

function stepItem(step: PreviewStep, output: string | null): HTMLElement {
  const item = h(
    "li",
    { "data-step": String(step.step), "data-state": step.state },
    h("span", { class: "step-name" }, `${step.step}. ${stepLabel(step.step, "")}`),
    " ",
    h("span", { class: `badge step-${step.state}` }, stateLabel(step)),
  );
  if (step.state === "offline") item.append(" ", h("span", { class: "hint" }, offlineNote(step.step)));
  if (step.message) item.append(h("p", { class: "preview-message" }, h("code", { class: "step-message" }, step.message)));
  if (step.shown && step.shown !== output) item.append(h("pre", { class: "mono preview-shown" }, step.shown));
  return item;
}

/** What a row's path found, then whether the org reads the path the same way. */
function rowNotes(row: PreviewRow, withSample: boolean): (HTMLElement | string)[] {
  const parts: (HTMLElement | string)[] = [];
  if (row.error) parts.push(h("span", { class: "preview-row-count" }, t("actions.preview.rowError"), " ", h("code", {}, row.error)), " ");
  else if (withSample) {
    const words = row.matches > 0 ? countLabel(row.matches, "actions.preview.matchesOne", "actions.preview.matches") : row.defaulted ? t("actions.preview.noMatchDefault") : t("actions.preview.noMatch");
    parts.push(h("span", { class: "preview-row-count", title: row.value ?? "" }, words), " ");
  }
  parts.push(
    row.exactness === "exact"
      ? h("span", { class: "badge preview-exact", "data-exactness": "exact" }, t("actions.preview.exact"))
      : h("span", { class: "badge preview-check", "data-exactness": "checkOnOrg", title: t("actions.preview.checkOnOrgTitle") }, t("actions.preview.checkOnOrg")),
  );
  return parts;
}

export function previewCard(deps: PreviewDeps): PreviewCard {
  const { form, translation } = deps;
  const later = deps.later ?? ((fn, ms) => window.setTimeout(fn, ms));
  const values: Record<string, string> = {};
  let scheduled = 0;
  let sent = 0;
  let last: { preview: Preview; withSample: boolean; sample: string } | null = null;
  let treeOf: string | null = null;
  let original = "";
  let wildcard = false;
  let marked: string | null = null;

  const sample = h("textarea", { id: "action-preview-sample", rows: "8", spellcheck: "false", class: "mono", "aria-describedby": "action-preview-sample-error action-preview-sample-hint" });
  const sampleError = h("p", { class: "preview-error", id: "action-preview-sample-error", role: "alert" });
  const valueFields = h("div", { id: "action-preview-values" });
  const treeArea = h("div", { class: "preview-tree-area" });
  const path = h("input", { id: "action-preview-path", type: "text", readonly: true, class: "mono wide", spellcheck: "false" });
  const toggle = h("button", { type: "button", id: "action-preview-wildcard", "aria-pressed": "false", disabled: true }, t("actions.preview.wildcard"));
  const use = h("button", { type: "button", id: "action-preview-use", disabled: true }, t("actions.preview.use"));
  const errors = h("div", { class: "errors", id: "action-preview-errors" });
  const status = h("p", { class: "status", id: "action-preview-status", role: "status" });
  const steps = h("ol", { class: "test-steps", id: "action-preview-steps" });
  const output = h("div", {});
  const flat = h("ul", { class: "plain", id: "action-preview-flat" });

  const mark = (what: string | null): void => {
    marked = what;
    const tree = treeArea.querySelector("#action-preview-tree");
    if (tree) highlight(tree, marked);
  };
  const pick = (picked: string): void => {
    original = picked;
    wildcard = false;
    path.value = picked;
    toggle.setAttribute("aria-pressed", "false");
    toggle.disabled = !hasIndex(picked);
    use.disabled = false;
    mark(picked);
  };
  toggle.addEventListener("click", () => {
    wildcard = !wildcard;
    path.value = wildcard ? withWildcards(original) : original;
    toggle.setAttribute("aria-pressed", String(wildcard));
    mark(path.value);
  });
  use.addEventListener("click", () => translation.usePath(path.value));
  // A sample from the org: the form's GET sent once with the admin's own sign-in.
  const capture = h("button", { type: "button", id: "action-preview-capture" }, t("actions.preview.capture"));
  const captureHint = h("p", { class: "hint", id: "action-preview-capture-hint" }, t("actions.preview.captureHint"));
  capture.setAttribute("aria-describedby", "action-preview-capture-hint");
  const keeper = sampleKeeper({ api: deps.api, actionId: deps.actionId ?? null, later, text: () => sample.value });
  const setSample = (text: string, source: "captured" | "drafted"): void => {
    sample.value = text;
    keeper.changed(source);
    schedule();
  };
  capture.addEventListener("click", () => {
    capture.disabled = true;
    errors.replaceChildren();
    deps.api.actionSample(structuredClone(form), givenValues()).then(
      (text) => {
        capture.disabled = form.method.trim().toUpperCase() !== "GET";
        setSample(text, "captured");
      },
      (err: unknown) => {
        capture.disabled = form.method.trim().toUpperCase() !== "GET";
        errors.replaceChildren(errorPanel(err, () => errors.replaceChildren()));
      },
    );
  });

  // A sample from the endpoint's answer model in the org's API description.
  const draftButton = h("button", { type: "button", id: "action-preview-draft", "aria-describedby": "action-preview-draft-hint" }, t("actions.preview.draft"));
  const draftHint = h("p", { class: "hint", id: "action-preview-draft-hint" }, t("actions.preview.draftHint"));
  const draftSaid = h("p", { class: "status", id: "action-preview-draft-status", role: "status" });
  draftButton.addEventListener("click", () => {
    draftButton.disabled = true;
    errors.replaceChildren();
    const method = form.method.trim().toUpperCase();
    deps.api.actionSampleDraft(structuredClone(form)).then(
      (answer) => {
        draftButton.disabled = false;
        draftSaid.textContent = draftNote(answer, method);
        if (answer.kind === "drafted") setSample(answer.sample, "drafted");
      },
      (err: unknown) => {
        draftButton.disabled = false;
        errors.replaceChildren(errorPanel(err, () => errors.replaceChildren()));
      },
    );
  });

  /** The tree, drawn again only when the sample's text changed. */
  const drawTree = (): void => {
    if (sample.value === treeOf) return;
    treeOf = sample.value;
    let parsed: unknown;
    try {
      parsed = sample.value.trim() === "" ? undefined : JSON.parse(sample.value);
    } catch {
      parsed = undefined;
    }
    treeArea.replaceChildren(...(parsed === undefined ? [h("p", { class: "hint", id: "action-preview-tree-empty" }, t("actions.preview.treeEmpty"))] : [h("p", { class: "hint" }, t("actions.preview.treeHint")), sampleTree(parsed, pick)]));
    mark(marked);
  };

  /** One field per named input, drawn again when the input contract's names change. */
  let drawnInputs = "";
  const drawValues = (): void => {
    const named = form.inputs.filter((f) => f.name);
    const signature = JSON.stringify(named.map((f) => [f.name, f.required]));
    if (signature === drawnInputs) return;
    drawnInputs = signature;
    valueFields.replaceChildren(
      ...named.map((f) => {
        const id = `action-preview-value-${f.name}`;
        const input = h("input", { id, type: "text", autocomplete: "off", spellcheck: "false", value: values[f.name] ?? "" });
        input.addEventListener("input", () => {
          values[f.name] = input.value;
          schedule();
        });
        return h("div", { class: "field" }, h("label", { for: id }, f.required ? t("actions.test.inputRequired", { name: f.name }) : f.name), input);
      }),
    );
  };

  const annotate = (): void => {
    const seen = new Map<string, number>();
    for (const { row, slot } of translation.slots()) {
      const key = row.key.trim();
      slot.dataset.previewRow = key;
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      const found = last?.preview.rows.filter((r) => r.key === key)[nth];
      slot.replaceChildren(...(found && last ? rowNotes(found, last.withSample) : []));
    }
  };

  const draw = (preview: Preview, withSample: boolean, sampleText: string): void => {
    last = { preview, withSample, sample: sampleText };
    errors.replaceChildren();
    const ordered = [...preview.steps].sort((a, b) => a.step - b.step);
    steps.replaceChildren(...ordered.map((s) => stepItem(s, preview.output)));
    const failed = ordered.find((s) => s.state === "failed");
    const said = failed
      ? t("actions.preview.stoppedAt", { step: `${failed.step}. ${stepLabel(failed.step, "")}` })
      : withSample
        ? t("actions.preview.allPassed")
        : t("actions.preview.needSample");
    // Said again only when it changes, so a pause in typing is not announced each time.
    if (status.textContent !== said) status.textContent = said;
    sampleError.replaceChildren(...(preview.sampleError ? [t("actions.preview.sampleNotJson"), " ", h("code", {}, preview.sampleError)] : []));
    output.replaceChildren(
      ...(preview.output !== null
        ? [h("div", { class: "field" }, h("span", { class: "field-label" }, t("actions.test.output")), h("pre", { class: "mono", id: "action-preview-output" }, preview.output))]
        : []),
    );
    flat.replaceChildren(
      ...preview.flattened.map((f) => h("li", { "data-name": f.name }, h("code", {}, f.name), " ", h("span", { class: "hint" }, TYPES.has(f.fieldType) ? t(`actions.type.${f.fieldType}`) : f.fieldType))),
    );
    annotate();
  };

  /** The test values of the inputs the form has now. */
  function givenValues(): Record<string, string> {
    const given: Record<string, string> = {};
    for (const f of form.inputs) if (f.name && f.name in values) given[f.name] = values[f.name] as string;
    return given;
  }

  const run = async (): Promise<void> => {
    drawTree();
    const seq = ++sent;
    const request = { form: structuredClone(form), sample: sample.value, values: givenValues() };
    try {
      const preview = await deps.api.actionPreview(request);
      if (seq === sent) draw(preview, preview.sampleError === null && request.sample.trim() !== "", request.sample);
    } catch (err) {
      if (seq === sent) errors.replaceChildren(errorPanel(err, () => errors.replaceChildren()));
    }
  };

  function schedule(): void {
    drawValues();
    capture.disabled = form.method.trim().toUpperCase() !== "GET";
    const ticket = ++scheduled;
    later(() => {
      if (ticket === scheduled) void run();
    }, PREVIEW_AFTER_MS);
  }
  sample.addEventListener("input", () => {
    keeper.changed("pasted");
    schedule();
  });

  const root = h(
    "section",
    { class: "card", id: "action-preview", "aria-labelledby": "action-preview-title" },
    h("h2", { id: "action-preview-title" }, t("actions.preview.title")),
    h("p", { class: "hint" }, t("actions.preview.intro")),
    h("p", { class: "hint preview-note", id: "action-preview-offline" }, t("actions.preview.nothingSent")),
    h("div", { class: "field" }, h("label", { for: "action-preview-sample" }, t("actions.preview.sample")), h("p", { class: "hint", id: "action-preview-sample-hint" }, t("actions.preview.sampleHint")), sample, sampleError),
    valueFields,
    h("div", { class: "actions-row" }, capture, draftButton),
    captureHint,
    draftHint,
    draftSaid,
    keeper.note,
    h("div", { class: "field" }, h("span", { class: "field-label" }, t("actions.preview.tree")), treeArea),
    h("div", { class: "field" }, h("label", { for: "action-preview-path" }, t("actions.preview.path")), path, h("div", { class: "actions-row" }, toggle, use)),
    errors,
    status,
    steps,
    output,
    h("div", { class: "field" }, h("span", { class: "field-label" }, t("actions.preview.flat")), h("p", { class: "hint" }, t("actions.preview.flatHint")), flat),
  );
  drawTree();
  schedule();
  // The kept sample fills an empty field once it is read (never over what was typed meanwhile).
  void keeper.restore().then((kept) => {
    if (kept !== null && sample.value.trim() === "") {
      sample.value = kept;
      schedule();
    }
  });
  return {
    root,
    schedule,
    rowsRedrawn: annotate,
    rowFocused: () => mark(translation.focused()?.path ?? null),
    latest: () => (last ? { preview: last.preview, sample: last.sample } : null),
    sample: () => ({ text: sample.value, source: keeper.source() }),
  };
}
