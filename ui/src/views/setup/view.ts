// The guided setup (#/setup), signed in: the form, the plan preview in plain words, Run
// with each step's progress and result live ("Step n of m"; times behind Details), and the
// summary. The run lives in Rust:
// on return (or a reload) the screen re-attaches to it, a running one can be cancelled, and a
// run left unfinished is offered Resume (the default) or Roll back — or only "Finish roll back"
// when its roll back had started (cards.ts). Journals that cannot be read are listed, each with
// a way to move it aside, without hiding the runs that can be read.
import type { SetupApi, SetupForm, SetupPlan, SetupRunView } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel, toCommandError } from "../../kit/errors";
import { phaseTitle, runCards } from "./cards";
import { stepClock } from "./clock";
import { DEFAULT_INTEGRATION_NAME } from "../integrations/list";
import { openingFields, setupFormView, setupRequest, type SetupFields } from "./form";
import { progressCount, progressList, runDetails } from "./progress";
import { planList } from "./words";
import "./setup.css";

export interface SetupDeps {
  api: SetupApi;
}

export function setupView(deps: SetupDeps): HTMLElement {
  const problems = h("div", { class: "errors", id: "setup-errors" });
  const body = h("div", { "aria-busy": "true" }, h("p", { class: "status" }, t("integrations.loading")));
  const root = h(
    "section",
    { class: "screen", "data-screen": "setup", "aria-labelledby": "setup-title" },
    h("h1", { id: "setup-title" }, t("nav.setup")),
    h("p", { class: "intro" }, t("setup.intro")),
    problems,
    body,
  );
  const fail = (err: unknown): void => problems.replaceChildren(errorPanel(err, () => problems.replaceChildren()));
  const show = (...nodes: (HTMLElement | null)[]): void => {
    body.removeAttribute("aria-busy");
    body.replaceChildren(...nodes.filter((n): n is HTMLElement => n !== null));
    steps.tick();
  };
  let last: SetupRunView | null = null;
  // Whether Details (run id, timings) is unfolded: kept across the redraw of every run message.
  let detailsOpen = false;
  const onRun = (run: SetupRunView): void => {
    // Each message is the whole run: the newest one is drawn.
    last = run;
    showRun(run);
  };
  const steps = stepClock(root, body);
  const act = (call: (cb: (run: SetupRunView) => void) => Promise<SetupRunView>, button: HTMLButtonElement): void => {
    button.disabled = true;
    problems.replaceChildren();
    call(onRun).then(onRun, (err) => {
      button.disabled = false;
      fail(err);
    });
  };

  const { unreadableCard, finishRollBack, cancelButton, resumeButtons, summary, unfinished, rollBackDeletes } = runCards({ api: deps.api, act, fail, again: () => showForm(null) });

  function showRun(run: SetupRunView): void {
    steps.follow(run);
    const reissued = run.secretReissued ? h("p", { class: "warning", id: "setup-secret-reissued" }, t("setup.secretReissued")) : null;
    const progress = h(
      "section",
      { class: "card", id: "setup-progress", "data-phase": run.phase, "aria-live": "polite" },
      h("h2", {}, run.phase === "running" || run.phase === "rollingBack" ? phaseTitle(run.phase) : t("setup.stepsTitle")),
      progressCount(run),
      progressList(run.steps, run.phase),
      runDetails(run, detailsOpen, (open) => (detailsOpen = open)),
    );
    const error = run.error ? errorPanel(run.error) : null;
    const unreadable = unreadableCard(run.unreadableJournals);
    const cancelled = run.error?.kind === "setupCancelled";
    switch (run.phase) {
      case "interrupted":
        return show(unfinished(run), reissued, progress, unreadable);
      case "rollBackUnfinished":
        return show(finishRollBack(), error, progress, unreadable);
      case "failed":
        return show(progress, error, reissued, h("section", { class: "card", id: "setup-stopped" }, h("p", {}, t(cancelled ? "setup.cancelledText" : "setup.failedText")), rollBackDeletes(run), resumeButtons(false, run)), unreadable);
      case "completed":
      case "rolledBack":
        return show(summary(run), reissued, progress);
      case "running":
        return show(progress, reissued, cancelButton(run));
      default:
        return show(progress, reissued);
    }
  }

  function showPlan(model: SetupForm, fields: SetupFields, plan: SetupPlan): void {
    const run = h("button", { type: "button", class: "primary", id: "setup-run" }, t("setup.run"));
    const change = h("button", { type: "button", id: "setup-change" }, t("setup.change"));
    run.addEventListener("click", () => act((cb) => deps.api.setupStart(setupRequest(fields), cb), run));
    change.addEventListener("click", () => showForm(model, fields));
    // Without a keychain the client secret lives in memory only: said first, and confirmed.
    let unsaved: HTMLElement | null = null;
    if (!model.secretPersists) {
      const agree = h("input", { type: "checkbox", id: "setup-confirm-unsaved" });
      run.disabled = true;
      agree.addEventListener("change", () => (run.disabled = !agree.checked));
      unsaved = h(
        "div",
        { class: "warning", id: "setup-secret-unsaved" },
        h("p", {}, t("setup.secretNotPersisted")),
        h("label", { class: "choice" }, agree, h("span", {}, t("setup.confirmNotPersisted"))),
      );
    }
    show(
      h(
        "section",
        { class: "card", id: "setup-plan" },
        h("h2", {}, t("setup.planTitle")),
        h("p", { class: "hint" }, t("setup.planIntro")),
        planList(plan.steps, model.installed, model.limit, model.queues),
        unsaved,
        h("div", { class: "actions" }, run, " ", change),
      ),
    );
    if (run.disabled) change.focus();
    else run.focus();
  }

  function showForm(model: SetupForm | null, draft: SetupFields | null = null): void {
    if (!model) {
      deps.api.setupForm().then((m) => showForm(m, draft), (err) => {
        show();
        fail(err);
      });
      return;
    }
    const parts = setupFormView(model, draft ?? openingFields(model, DEFAULT_INTEGRATION_NAME));
    parts.form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const fields = parts.read();
      if (!fields) return;
      problems.replaceChildren();
      deps.api.setupPlan(setupRequest(fields)).then((plan) => showPlan(model, fields, plan), fail);
    });
    show(unreadableCard(model.unreadableJournals), h("section", { class: "card" }, parts.form));
  }

  deps.api.setupStatus(onRun).then(
    (run) => (run ? (last ? showRun(last) : onRun(run)) : showForm(null)),
    (err) => {
      fail(err);
      // Only unreadable journals: the form lists them, each to be moved aside.
      if (toCommandError(err).kind === "journalCorrupt") showForm(null);
      else show();
    },
  );
  return root;
}
