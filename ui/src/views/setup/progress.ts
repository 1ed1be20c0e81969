// A run's progress for people: "Step 4 of 9" with a bar, each step's name and status (the
// install step tagged as running in parallel with the client's; after a roll back, steps that
// never ran read "Not needed"; in an interrupted run, the step it stopped in reads "Stopped"), and the run id and each step's time behind "Details".
import type { SetupRunView } from "../../api";
import type { RunPhase } from "../../generated/RunPhase";
import type { StepView } from "../../generated/StepView";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { duration, stepName } from "./words";

const GLYPH: Record<StepView["status"], string> = { pending: "○", running: "◌", done: "✓", failed: "✕", rolledBack: "↺" };

/** Phases after which a step still pending will never run. */
const UNDOING: RunPhase[] = ["rollingBack", "rolledBack", "rollBackUnfinished"];

/** The engine runs the install alongside the client's steps (src-tauri/genesys/src/setup/run.rs). */
const PARALLEL = "installIntegration";

function status(s: StepView, phase: RunPhase): { text: string; cls: string; glyph: string } {
  if (s.status === "pending" && UNDOING.includes(phase)) return { text: t("setup.status.notNeeded"), cls: "step-skipped", glyph: "–" };
  // A run the app stopped in the middle of is not running any more, whatever its journal says.
  if (s.status === "running" && phase === "interrupted") return { text: t("setup.status.stopped"), cls: "step-stopped", glyph: "■" };
  return { text: t(`setup.status.${s.status}`), cls: `step-${s.status}`, glyph: GLYPH[s.status] };
}

export function progressList(steps: StepView[], phase: RunPhase): HTMLElement {
  return h(
    "ol",
    { class: "progress", id: "setup-progress-list" },
    ...steps.map((s) => {
      const shown = status(s, phase);
      return h(
        "li",
        { "data-step": s.kind, "data-status": s.status, class: `step ${shown.cls}` },
        h("span", { class: "step-glyph", "aria-hidden": "true" }, shown.glyph),
        h(
          "span",
          { class: "step-name" },
          stepName(s.kind),
          s.kind === PARALLEL ? h("span", { class: "step-tag", title: t("setup.inParallelHint") }, t("setup.inParallel")) : null,
        ),
        h("span", { class: "step-status" }, shown.text),
        s.note ? h("span", { class: "step-note" }, t(`setup.note.${s.note}`)) : null,
        s.error ? h("span", { class: "step-error" }, s.error.contextId ? `${s.error.message} (${t("errors.contextId")}: ${s.error.contextId})` : s.error.message) : null,
      );
    }),
  );
}

/** "Step n of m" and its bar while a run goes forward: n is the first step not yet done. */
export function progressCount(run: SetupRunView): HTMLElement | null {
  if (run.phase !== "running" || run.steps.length === 0) return null;
  const total = run.steps.length;
  const done = run.steps.filter((s) => s.status === "done").length;
  const label = t("setup.progressCount", { n: String(Math.min(done + 1, total)), total: String(total) });
  return h(
    "div",
    { class: "progress-count" },
    h("span", { id: "setup-progress-count" }, label),
    h("progress", { id: "setup-progress-bar", max: String(total), value: String(done), "aria-labelledby": "setup-progress-count" }),
  );
}

/** The run id and each step's time, folded away; `open` keeps it as the user left it. */
export function runDetails(run: SetupRunView, open: boolean, onToggle: (open: boolean) => void): HTMLElement {
  const details = h(
    "details",
    { class: "run-details", id: "setup-details", open },
    h("summary", {}, t("setup.details")),
    run.runId ? h("p", { class: "hint", id: "setup-run-id" }, t("setup.runId", { id: run.runId })) : null,
    h(
      "table",
      { class: "timings", id: "setup-timings" },
      h("thead", {}, h("tr", {}, h("th", {}, t("setup.timingStep")), h("th", {}, t("setup.timingTime")))),
      h(
        "tbody",
        {},
        ...run.steps.map((s) => h("tr", { "data-step": s.kind, "data-status": s.status }, h("td", {}, stepName(s.kind)), h("td", { class: "step-duration" }, duration(s.durationMs)))),
      ),
    ),
  );
  details.addEventListener("toggle", () => onToggle(details.open));
  return details;
}
