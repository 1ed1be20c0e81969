// Testing a draft (actionTest): a value for each field of the input contract, "Flatten
// output" (on by default, as in the admin UI), then the ten operations the org ran, each
// passed, failed or not run. The failed one is open: what to change in plain words first,
// then Genesys's message, error codes and contextId. A passing run shows the output. An input
// whose name says it takes a queue offers the org's queues to pick from. Below a run, the
// editor's last offline preview beside it, step by step (compare.ts).
import type { ActionForm, ActionsApi, TestRun } from "../../api";
import type { TestStep } from "../../generated/TestStep";
import { t } from "../../i18n";
import { copyButton } from "../../kit/copy";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { comparisonView } from "./compare";
import type { PreviewSnapshot } from "./preview";
import { byId, pathId } from "./tree";
import { hintText, problemText, STEP_COUNT, stepLabel } from "./words";

export interface TestDeps {
  api: Pick<ActionsApi, "actionTest" | "actionQueues">;
  /** Whether the draft has unsaved changes: a test runs what was saved. */
  unsaved: () => boolean;
  /** The editor's last offline preview, compared with each run that arrives. */
  preview?: () => PreviewSnapshot | null;
}

function stepItem(step: number, ran: TestStep | undefined): HTMLElement {
  const state = ran ? (ran.success ? "passed" : "failed") : "notRun";
  const badge = h("span", { class: `badge step-${state}` }, t(`actions.test.${state}`));
  const head = h("span", { class: "step-name", title: ran?.name ?? "" }, `${step}. ${stepLabel(step, ran?.name ?? "")}`);
  if (!ran || ran.success || !ran.error) return h("li", { "data-step": String(step), "data-state": state }, head, " ", badge);
  const e = ran.error;
  const details = h(
    "details",
    { open: true, class: "step-error" },
    h("summary", {}, head, " ", badge),
    ran.hint ? h("p", { class: "step-hint", id: `action-step-${step}-hint` }, hintText(ran.hint)) : null,
    h("p", { class: "mono step-message" }, e.message),
    ...e.causes.map((cause) => h("p", { class: "mono step-message step-cause" }, cause)),
    h(
      "dl",
      { class: "facts" },
      e.code ? h("dt", {}, t("actions.test.code")) : null,
      e.code ? h("dd", { class: "mono" }, e.code, e.status ? ` (${e.status})` : "") : null,
      e.errorCodes.length ? h("dt", {}, t("actions.test.errorCodes")) : null,
      e.errorCodes.length ? h("dd", { class: "mono" }, e.errorCodes.join(", ")) : null,
      e.contextId ? h("dt", {}, t("actions.test.contextId")) : null,
      e.contextId ? h("dd", { class: "mono" }, e.contextId, " ", copyButton(e.contextId)) : null,
    ),
  );
  return h("li", { "data-step": String(step), "data-state": state }, details);
}

export function runView(run: TestRun): HTMLElement {
  const count = Math.max(STEP_COUNT, ...run.steps.map((s) => s.step));
  const items = Array.from({ length: count }, (_, i) => stepItem(i + 1, run.steps.find((s) => s.step === i + 1)));
  return h(
    "div",
    { id: "action-test-result", "data-success": String(run.success) },
    h("p", { class: run.success ? "ok" : "warning", role: "status" }, run.success ? t("actions.test.allPassed") : t("actions.test.someFailed")),
    h("ol", { class: "test-steps" }, ...items),
    run.error && !run.steps.some((s) => !s.success) ? h("p", { class: "mono" }, run.error.message) : null,
    run.output !== null ? h("div", { class: "field" }, h("span", { class: "field-label" }, t("actions.test.output")), h("pre", { class: "mono", id: "action-test-output" }, run.output)) : null,
  );
}

/** Input names that take a queue id (`QueueID`, `queueId`, `targetQueue`…). */
const QUEUE_INPUT = /queue/i;

/** A list of the org's queues that fills `input` with the picked queue's id. */
function queuePicker(inputId: string, input: HTMLInputElement, deps: TestDeps): HTMLElement {
  const select = h("select", { id: `${inputId}-queue`, "aria-label": t("actions.test.pickQueue") }, h("option", { value: "" }, t("actions.test.pickQueue")));
  select.addEventListener("change", () => {
    if (!select.value) return;
    input.value = select.value;
    input.dispatchEvent(new Event("input"));
  });
  deps.api.actionQueues().then(
    (queues) => {
      for (const q of queues) select.append(h("option", { value: q.id }, q.memberCount === null ? q.name : t("actions.test.queueMembers", { name: q.name, count: String(q.memberCount) })));
    },
    // Without the list the id can still be typed.
    () => select.remove(),
  );
  return select;
}

export function testCard(id: string, form: ActionForm, deps: TestDeps): HTMLElement {
  const values: Record<string, string> = {};
  const fields = form.inputs.filter((f) => f.name).map((f) => {
    const inputId = `action-test-${f.name}`;
    const input = h("input", { id: inputId, type: "text", autocomplete: "off", spellcheck: "false", "aria-describedby": `${pathId(`input.${f.name}`)}-error` });
    input.addEventListener("input", () => (values[f.name] = input.value));
    return h(
      "div",
      { class: "field" },
      h("label", { for: inputId }, f.required ? t("actions.test.inputRequired", { name: f.name }) : f.name),
      input,
      QUEUE_INPUT.test(f.name) && f.fieldType === "string" ? queuePicker(inputId, input, deps) : null,
      h("p", { class: "field-error", id: `${pathId(`input.${f.name}`)}-error`, role: "alert" }),
    );
  });
  const flatten = h("input", { id: "action-test-flatten", type: "checkbox", checked: true });
  const run = h("button", { type: "button", class: "primary", id: "action-test-run" }, t("actions.test.run"));
  const status = h("p", { class: "status", role: "status", id: "action-test-status" });
  const result = h("div", {});
  run.addEventListener("click", () => {
    run.disabled = true;
    const asked = { flattened: flatten.checked, unsaved: deps.unsaved() };
    status.textContent = asked.unsaved ? t("actions.test.runningSaved") : t("actions.test.running");
    result.replaceChildren();
    for (const line of card.querySelectorAll<HTMLElement>(".field-error")) line.textContent = "";
    deps.api.actionTest(id, values, asked.flattened).then(
      (done) => {
        run.disabled = false;
        status.textContent = "";
        if (done.problems.length) {
          const unplaced: string[] = [];
          for (const p of done.problems) {
            const line = byId(card, `${pathId(p.field)}-error`);
            if (line) line.textContent = problemText(p);
            else unplaced.push(problemText(p));
          }
          status.textContent = unplaced.join(" ");
          return;
        }
        const compared = comparisonView(done, deps.preview?.() ?? null, asked);
        result.replaceChildren(runView(done), ...(compared ? [compared] : []));
      },
      (err: unknown) => {
        run.disabled = false;
        status.textContent = "";
        result.replaceChildren(errorPanel(err));
      },
    );
  });
  const card = h(
    "section",
    { class: "card", id: "action-test", "aria-labelledby": "action-test-title" },
    h("h2", { id: "action-test-title" }, t("actions.test.title")),
    h("p", { class: "hint" }, t("actions.test.intro")),
    ...fields,
    h("div", { class: "field" }, h("label", { class: "choice" }, flatten, " ", t("actions.test.flatten")), h("p", { class: "hint" }, t("actions.test.flattenHint"))),
    run,
    status,
    result,
  );
  return card;
}
