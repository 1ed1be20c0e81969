// A test run on the org beside the editor's last offline preview: one row per step, the first
// step where one passed and the other failed marked and named above the table, steps 4 and 8
// (the org's own) never a difference, the outputs compared as JSON (a flattened output only
// when flattening leaves it as it is), and no comparison without a preview over a sample.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionDetail, ActionForm, ActionsApi, TestRun } from "../../ui/src/api";
import type { Preview } from "../../ui/src/generated/Preview";
import type { PreviewStep } from "../../ui/src/generated/PreviewStep";
import { setLanguage, t } from "../../ui/src/i18n";
import { compareOutputs, sameJson } from "../../ui/src/views/actions/compare";
import { actionDetailView } from "../../ui/src/views/actions/detail";
import { PREVIEW_AFTER_MS, type PreviewSnapshot } from "../../ui/src/views/actions/preview";
import { testCard } from "../../ui/src/views/actions/test";
import { workshopForm } from "./action-fixtures";

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
});

afterEach(() => {
  vi.useRealTimers();
});

const OUTPUT = '{\n  "Presences": [\n    "Available",\n    "Busy"\n  ]\n}';
const SAMPLE = JSON.stringify({ entities: [{ user: { presence: { presenceDefinition: { systemPresence: "Available" } } } }] });

function presetForm(): ActionForm {
  return workshopForm();
}

/** The preview as Rust draws it: every step passed but the org's two, or stopped at `failAt`. */
function preview(failAt: number | null = null, output: string | null = OUTPUT): Preview {
  const steps: PreviewStep[] = Array.from({ length: 10 }, (_, i): PreviewStep => {
    const step = i + 1;
    if (step === 4 || step === 8) return { step, state: "offline", message: null, shown: null };
    if (failAt !== null && step === failAt) return { step, state: "failed", message: "The translation map entry Presence found nothing and has no default.", shown: null };
    if (failAt !== null && step > failAt) return { step, state: "notRun", message: null, shown: null };
    return { step, state: "passed", message: null, shown: null };
  });
  return { steps, rows: [], output: failAt === null ? output : null, flattened: [], sampleError: null };
}

/** The org's run: every step passed, or stopped at `failAt` (later steps not sent, as the org does). */
function orgRun(failAt: number | null = null, output: string | null = OUTPUT): TestRun {
  const count = failAt ?? 10;
  const steps = Array.from({ length: count }, (_, i) => ({
    step: i + 1,
    name: `operation ${i + 1}`,
    success: i + 1 !== failAt,
    error: i + 1 === failAt ? { message: "it failed", code: null, status: null, contextId: "ctx-7", errorCodes: [], causes: [] } : null,
    hint: null,
  }));
  return { problems: [], success: failAt === null, steps, output: failAt === null ? output : null, error: null };
}

function fakeApi(overrides: Partial<ActionsApi> = {}): ActionsApi {
  const given: Partial<ActionsApi> = { actionCheck: () => Promise.resolve([]), actionQueues: () => Promise.resolve([]), ...overrides };
  const unexpected = (name: string) => (): Promise<never> => Promise.reject(new Error(`not expected: ${name}`));
  return new Proxy(given, { get: (target, key) => (target as Record<PropertyKey, unknown>)[key] ?? unexpected(String(key)) }) as ActionsApi;
}

const $ = <E extends Element = HTMLElement>(root: ParentNode, selector: string): E => {
  const el = root.querySelector<E>(selector);
  expect(el, selector).not.toBeNull();
  return el as E;
};

/** A test card whose editor last drew `snapshot`; runs once and resolves with the card. */
async function ran(run: TestRun, snapshot: PreviewSnapshot | null, options: { flatten?: boolean; unsaved?: boolean } = {}): Promise<HTMLElement> {
  const card = testCard("custom_-_1", presetForm(), { api: fakeApi({ actionTest: () => Promise.resolve(run) }), unsaved: () => options.unsaved ?? false, preview: () => snapshot });
  document.body.append(card);
  if (options.flatten === false) $<HTMLInputElement>(card, "#action-test-flatten").checked = false;
  $<HTMLButtonElement>(card, "#action-test-run").click();
  await vi.waitFor(() => expect(card.querySelector("#action-test-result")).not.toBeNull());
  return card;
}

const rows = (card: HTMLElement): HTMLElement[] => [...card.querySelectorAll<HTMLElement>("#action-compare tbody tr[data-step]")];
const differing = (card: HTMLElement): string[] => rows(card).filter((r) => r.dataset.different === "true").map((r) => r.dataset.step!);

describe("a run beside the offline preview", () => {
  it("reaches the preview the editor last drew, on a draft's page, and finds no difference when they agree", async () => {
    vi.useFakeTimers();
    const detail: ActionDetail = { summary: { id: "custom_-_1", name: "Get queue presences", category: "c", integrationId: "i-1", secure: false, draftVersion: 2, publishedVersion: null }, form: presetForm(), isDraft: true };
    const actionPreview = vi.fn<ActionsApi["actionPreview"]>(() => Promise.resolve(preview()));
    const api = fakeApi({ actionGet: () => Promise.resolve(detail), actionPreview, actionTest: () => Promise.resolve(orgRun(null, '{"Presences":["Available","Busy"]}')) });
    const page = actionDetailView("custom_-_1", { api });
    document.body.append(page);
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    const sample = $<HTMLTextAreaElement>(page, "#action-preview-sample");
    sample.value = SAMPLE;
    sample.dispatchEvent(new Event("input"));
    await vi.advanceTimersByTimeAsync(PREVIEW_AFTER_MS);
    expect(actionPreview.mock.lastCall?.[0].sample).toBe(SAMPLE);

    $<HTMLButtonElement>(page, "#action-test-run").click();
    await vi.advanceTimersByTimeAsync(0);
    const table = $(page, "#action-test #action-compare");
    expect($(table, "caption").textContent).toBe(t("actions.compare.caption"));
    expect(rows(page).map((r) => r.dataset.step)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect($(rows(page)[0]!, "th").textContent).toBe(`1. ${t("actions.step.1")}`);
    expect(rows(page).map((r) => [r.dataset.org, r.dataset.preview])[3], "step 4 is the org's").toEqual(["passed", "offline"]);
    expect(page.querySelector('[data-first-difference="true"]'), "nothing marked").toBeNull();
    expect($(page, "#action-compare-area").dataset.differsAt).toBe("none");
    expect($(page, "#action-compare-summary").textContent).toBe(t("actions.compare.matched"));
    expect(page.textContent).not.toContain("They first differ");
    expect($(page, "#action-compare-output").dataset.output, "same JSON, other spacing").toBe("same");
    expect($(page, "#action-compare-output").textContent).toBe(t("actions.compare.outputSame"));
    expect($(page, "#action-compare-sample-note").textContent).toBe(t("actions.compare.sampleNote"));
  });

  it("marks step 10 when the org failed there and the preview passed it", async () => {
    const card = await ran(orgRun(10), { preview: preview(), sample: SAMPLE });
    const first = $(card, 'tr[data-first-difference="true"]');
    expect(first.dataset.step).toBe("10");
    expect([first.dataset.org, first.dataset.preview]).toEqual(["failed", "passed"]);
    expect($(first, ".compare-first").textContent, "a visible marker").toBe(t("actions.compare.firstMark"));
    expect(differing(card)).toEqual(["10"]);
    expect($(card, "#action-compare-area").dataset.differsAt).toBe("10");
    expect($(card, "#action-compare-summary").textContent).toBe(t("actions.compare.differsAt", { number: "10", name: t("actions.step.10") }));
    expect($(card, "#action-compare-summary").textContent).toBe("They first differ at step 10 (Output built).");
    expect(card.querySelector("#action-compare-output"), "the org has no output to compare").toBeNull();
  });

  it("marks step 9 when the preview failed there and the org passed it, with the preview's words", async () => {
    const card = await ran(orgRun(), { preview: preview(9), sample: SAMPLE });
    expect($(card, 'tr[data-first-difference="true"]').dataset.step).toBe("9");
    expect(card.querySelectorAll('[data-first-difference="true"]'), "one row only").toHaveLength(1);
    expect(differing(card), "step 10 not run in the preview is no difference").toEqual(["9"]);
    expect($(card, 'tr[data-step="9"] .compare-message').textContent).toContain("found nothing");
    expect($(card, 'tr[data-step="10"]').dataset.preview).toBe("notRun");
    expect($(card, "#action-compare-summary").textContent).toBe(t("actions.compare.differsAt", { number: "9", name: t("actions.step.9") }));
  });

  it("never counts the org's own steps 4 and 8 as a difference", async () => {
    for (const stop of [4, 8]) {
      document.body.replaceChildren();
      const card = await ran(orgRun(stop), { preview: preview(), sample: SAMPLE });
      const row = $(card, `tr[data-step="${stop}"]`);
      expect([row.dataset.org, row.dataset.preview]).toEqual(["failed", "offline"]);
      expect($(row, "td:last-child .badge").textContent).toBe(t("actions.preview.offline"));
      expect(differing(card), `the org stopped at ${stop}`).toEqual([]);
      expect(card.querySelector('[data-first-difference="true"]')).toBeNull();
      expect($(card, "#action-compare-summary").textContent).toBe(t("actions.compare.stoppedOnOrg", { number: String(stop), name: t(`actions.step.${stop}`) }));
    }
    // Both passing: 4 and 8 read "On the org" and still agree.
    document.body.replaceChildren();
    const card = await ran(orgRun(), { preview: preview(), sample: SAMPLE });
    expect(rows(card).filter((r) => r.dataset.preview === "offline").map((r) => r.dataset.step)).toEqual(["4", "8"]);
    expect(differing(card)).toEqual([]);
  });

  it("reports different outputs as a difference after step 10 and shows the preview's output", async () => {
    const card = await ran(orgRun(null, '{"Presences":["Available"]}'), { preview: preview(), sample: SAMPLE });
    expect(differing(card), "every step agrees").toEqual([]);
    expect($(card, "#action-compare-summary").textContent).toBe(t("actions.compare.differsAfter"));
    expect($(card, "#action-compare-area").dataset.differsAt).toBe("output");
    const line = $(card, "#action-compare-output");
    expect(line.dataset.output).toBe("different");
    expect(line.textContent).toBe(t("actions.compare.outputDifferent"));
    expect($(card, "#action-compare-preview-output").textContent).toBe(OUTPUT);
  });

  it("compares a flattened output only when flattening leaves the preview's as it is", async () => {
    const nested = '{"Queue": {"name": "Support"}}';
    const flattened = await ran(orgRun(null, '{"Queue.name": "Support"}'), { preview: preview(null, nested), sample: SAMPLE });
    expect($(flattened, "#action-compare-output").dataset.output).toBe("flattened");
    expect($(flattened, "#action-compare-output").textContent).toBe(t("actions.compare.outputFlattened", { option: t("actions.test.flatten") }));
    expect($(flattened, "#action-compare-summary").textContent, "not said to differ").toBe(t("actions.compare.matched"));
    document.body.replaceChildren();
    const raw = await ran(orgRun(null, '{"Queue": {"name": "Sales"}}'), { preview: preview(null, nested), sample: SAMPLE }, { flatten: false });
    expect($(raw, "#action-compare-output").dataset.output).toBe("different");

    expect(compareOutputs('{"a": [1, 2], "b": {"c": null}}', '{"b": {"c": null}, "a": [1, 2]}', true), "members in any order").toBe("same");
    expect(compareOutputs('{"Presences": ["Busy"]}', '{"Presences": ["Available"]}', true), "a flat output flattens to itself").toBe("different");
    expect(compareOutputs('{"Presences": []}', '{"Presences": ["Available"]}', false)).toBe("different");
    expect(compareOutputs("{}", null, false)).toBeNull();
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });

  it("draws nothing without a preview, over an empty sample or a sample that is not JSON", async () => {
    const none = await ran(orgRun(10), null);
    expect(none.querySelector("#action-compare")).toBeNull();
    expect(none.querySelector("#action-test-result"), "the run itself is drawn").not.toBeNull();
    for (const sample of ["", "  \n"]) {
      document.body.replaceChildren();
      const empty = await ran(orgRun(10), { preview: preview(), sample });
      expect(empty.querySelector("#action-compare"), JSON.stringify(sample)).toBeNull();
    }
    document.body.replaceChildren();
    const broken = await ran(orgRun(10), { preview: { ...preview(), sampleError: "expected value at line 1 column 1" }, sample: "nope" });
    expect(broken.querySelector("#action-compare")).toBeNull();
    // Without the editor's seam (a caller that passes none), the card works as before.
    document.body.replaceChildren();
    const card = testCard("custom_-_1", presetForm(), { api: fakeApi({ actionTest: () => Promise.resolve(orgRun()) }), unsaved: () => false });
    document.body.append(card);
    $<HTMLButtonElement>(card, "#action-test-run").click();
    await vi.waitFor(() => expect(card.querySelector("#action-test-result")).not.toBeNull());
    expect(card.querySelector("#action-compare")).toBeNull();
  });

  it("says the preview played unsaved changes, and speaks each language", async () => {
    const unsaved = await ran(orgRun(10), { preview: preview(), sample: SAMPLE }, { unsaved: true });
    expect($(unsaved, "#action-compare-unsaved").textContent).toBe(t("actions.compare.unsavedNote"));
    for (const lang of ["es", "pt-BR"] as const) {
      setLanguage(lang);
      document.body.replaceChildren();
      const card = await ran(orgRun(10), { preview: preview(), sample: SAMPLE });
      expect(card.querySelector("#action-compare-unsaved"), "saved: no note").toBeNull();
      const summary = $(card, "#action-compare-summary").textContent!;
      expect(summary, lang).toBe(t("actions.compare.differsAt", { number: "10", name: t("actions.step.10") }));
      expect(summary, lang).not.toContain("actions.");
      expect($(card, 'tr[data-step="10"] td').textContent, lang).toBe(t("actions.test.failed"));
      expect($(card, "#action-compare caption").textContent, lang).toBe(t("actions.compare.caption"));
      expect(t("actions.compare.caption"), lang).not.toBe("actions.compare.caption");
    }
  });
});
