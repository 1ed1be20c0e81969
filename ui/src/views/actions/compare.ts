// A test run on the org beside the offline preview last drawn (preview.ts): the ten steps side
// by side, the first one where one passed and the other failed marked, and the two outputs
// compared as JSON. Steps 4 and 8 belong to the org, so the preview never differs there.
import type { PreviewState } from "../../generated/PreviewState";
import type { TestRun } from "../../generated/TestRun";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import type { PreviewSnapshot } from "./preview";
import { STEP_COUNT, stepLabel } from "./words";

export type OrgState = "passed" | "failed" | "notRun";

export interface StepPair {
  step: number;
  /** The org's own name for the step (used past the ten we name). */
  orgName: string;
  org: OrgState;
  preview: PreviewState;
  /** One passed where the other failed. */
  different: boolean;
  /** The preview's words for a failed step. */
  message: string | null;
}

/** How the outputs compare: null when either side has none; "flattened" when the org flattened
 * an output that flattening changes, so the two cannot be held side by side. */
export type OutputMatch = "same" | "different" | "flattened" | null;

export interface Comparison {
  steps: StepPair[];
  firstDifference: number | null;
  output: OutputMatch;
  /** The first step the org failed. */
  orgStop: number | null;
}

/** Deep equality of parsed JSON: members in any order, items in order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((k) => Object.hasOwn(right, k) && sameJson(left[k], right[k]));
}

function parse(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

const simple = (v: unknown): boolean => v === null || typeof v !== "object";

/** Whether flattening surely leaves `value` as it is: an object of simple values and non-empty
 * lists of them (an empty list may stand for a list of objects, which flattens into columns). */
function surelyFlat(value: unknown): boolean {
  if (simple(value) || Array.isArray(value)) return false;
  return Object.values(value as Record<string, unknown>).every((v) => simple(v) || (Array.isArray(v) && v.length > 0 && v.every(simple)));
}

export function compareOutputs(org: string | null, preview: string | null, flattened: boolean): OutputMatch {
  if (org === null || preview === null) return null;
  const a = parse(org);
  const b = parse(preview);
  const same = a && b ? sameJson(a.value, b.value) : org.trim() === preview.trim();
  if (same) return "same";
  return flattened && !(b && surelyFlat(b.value)) ? "flattened" : "different";
}

export function compareRun(run: TestRun, snapshot: PreviewSnapshot, flattened: boolean): Comparison {
  const steps = Array.from({ length: STEP_COUNT }, (_, i): StepPair => {
    const step = i + 1;
    const ran = run.steps.find((s) => s.step === step);
    const mine = snapshot.preview.steps.find((s) => s.step === step);
    const org: OrgState = ran ? (ran.success ? "passed" : "failed") : "notRun";
    const preview: PreviewState = mine?.state ?? "notRun";
    const different = (org === "passed" && preview === "failed") || (org === "failed" && preview === "passed");
    return { step, orgName: ran?.name ?? "", org, preview, different, message: preview === "failed" ? (mine?.message ?? null) : null };
  });
  return {
    steps,
    firstDifference: steps.find((s) => s.different)?.step ?? null,
    output: compareOutputs(run.output, snapshot.preview.output, flattened),
    orgStop: steps.find((s) => s.org === "failed")?.step ?? null,
  };
}

const badge = (state: string, label: string): HTMLElement => h("span", { class: `badge step-${state}` }, label);

function row(pair: StepPair, first: boolean): HTMLElement {
  const name = h("th", { scope: "row" }, `${pair.step}. ${stepLabel(pair.step, pair.orgName)}`);
  if (first) name.append(" ", h("span", { class: "badge compare-first" }, t("actions.compare.firstMark")));
  const mine = h("td", {}, badge(pair.preview, pair.preview === "offline" ? t("actions.preview.offline") : t(`actions.test.${pair.preview}`)));
  if (pair.message) mine.append(" ", h("code", { class: "compare-message" }, pair.message));
  return h(
    "tr",
    { "data-step": String(pair.step), "data-org": pair.org, "data-preview": pair.preview, "data-different": String(pair.different), "data-first-difference": first ? "true" : undefined },
    name,
    h("td", {}, badge(pair.org, t(`actions.test.${pair.org}`))),
    mine,
  );
}

function summary(c: Comparison): string {
  const named = (step: number): Record<string, string> => ({ number: String(step), name: stepLabel(step, c.steps[step - 1]?.orgName ?? "") });
  if (c.firstDifference !== null) return t("actions.compare.differsAt", named(c.firstDifference));
  if (c.output === "different") return t("actions.compare.differsAfter");
  if (c.orgStop !== null && c.steps[c.orgStop - 1]?.preview === "offline") return t("actions.compare.stoppedOnOrg", named(c.orgStop));
  return t("actions.compare.matched");
}

function outputLine(c: Comparison, previewOutput: string | null): HTMLElement[] {
  if (c.output === null) return [];
  const line = h("p", { id: "action-compare-output", "data-output": c.output });
  if (c.output === "same") line.textContent = t("actions.compare.outputSame");
  else if (c.output === "flattened") line.textContent = t("actions.compare.outputFlattened", { option: t("actions.test.flatten") });
  else {
    line.textContent = t("actions.compare.outputDifferent");
    return [line, h("pre", { class: "mono", id: "action-compare-preview-output", "aria-label": t("actions.compare.previewOutput") }, previewOutput ?? "")];
  }
  return [line];
}

export interface ComparisonOptions {
  /** The run was asked with "Flatten the output". */
  flattened: boolean;
  /** The form had unsaved changes when the run was asked for (the preview plays them). */
  unsaved: boolean;
}

/** The run beside the preview; null without a preview played over a sample. */
export function comparisonView(run: TestRun, snapshot: PreviewSnapshot | null, options: ComparisonOptions): HTMLElement | null {
  if (!snapshot || snapshot.sample.trim() === "" || snapshot.preview.sampleError !== null) return null;
  const c = compareRun(run, snapshot, options.flattened);
  return h(
    "div",
    { class: "compare", id: "action-compare-area", "data-differs-at": c.firstDifference === null ? (c.output === "different" ? "output" : "none") : String(c.firstDifference) },
    h("p", { class: c.firstDifference === null && c.output !== "different" ? "ok" : "warning", id: "action-compare-summary" }, summary(c)),
    h(
      "table",
      { class: "compare-table", id: "action-compare" },
      h("caption", {}, t("actions.compare.caption")),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("actions.compare.step")), h("th", { scope: "col" }, t("actions.compare.org")), h("th", { scope: "col" }, t("actions.compare.preview")))),
      h("tbody", {}, ...c.steps.map((pair) => row(pair, pair.step === c.firstDifference))),
    ),
    ...outputLine(c, snapshot.preview.output),
    h("p", { class: "hint", id: "action-compare-sample-note" }, t("actions.compare.sampleNote")),
    options.unsaved ? h("p", { class: "hint", id: "action-compare-unsaved" }, t("actions.compare.unsavedNote")) : null,
  );
}
