// "Set up Data Actions" (#/setup): the form, the plan preview in plain words, Run with each
// step's progress, duration and result live, and the summary. The run lives in Rust: on return
// (or a reload) the screen re-attaches to it, a running one can be cancelled, and a run left
// unfinished is offered Resume (the default) or Roll back — or only "Finish roll back" when its
// roll back had started. Journals that cannot be read are listed, each with a way to move it
// aside, without hiding the runs that can be read.
import type { UnreadableJournal } from "../../generated/UnreadableJournal";
import type { RunPhase } from "../../generated/RunPhase";
import type { SetupForm } from "../../generated/SetupForm";
import { h } from "../../dom";
import { t } from "../../i18n";
import { errorPanel, toCommandError } from "../errors";
import { objectName } from "./common";
import type { SetupApi, SetupPlan, SetupRequestInput, SetupRunView } from "./deps";
import { setupFormView } from "./setup-form";
import { duration, planList, progressList } from "./setup-words";
import "./integrations.css";

export interface SetupDeps {
  api: SetupApi;
}

const LINKS: Record<string, (id: string) => string> = {
  oauthClient: (id) => `#/clients/${id}`,
  credential: () => "#/integrations",
  integration: (id) => `#/integrations/${id}`,
};

// The core's defaults are the English names; the form opens with them in the user's language.
const CORE_DEFAULTS = { clientName: "Data Actions client", credentialName: "Data Actions client credential" };

function localizedDefaults(request: SetupRequestInput): SetupRequestInput {
  return {
    ...request,
    clientName: request.clientName === CORE_DEFAULTS.clientName ? t("integrations.setup.defaultClientName") : request.clientName,
    credentialName: request.credentialName === CORE_DEFAULTS.credentialName ? t("integrations.setup.defaultCredentialName") : request.credentialName,
  };
}

function phaseTitle(phase: RunPhase): string {
  return t(`integrations.setup.phase.${phase}`);
}

export function setupView(deps: SetupDeps): HTMLElement {
  const problems = h("div", { class: "errors", id: "setup-errors" });
  const body = h("div", { "aria-busy": "true" }, h("p", { class: "status" }, t("integrations.loading")));
  const root = h(
    "section",
    { class: "screen", "data-screen": "setup", "aria-labelledby": "setup-title" },
    h("h1", { id: "setup-title" }, t("integrations.setup.title")),
    h("p", { class: "intro" }, t("integrations.setup.intro")),
    problems,
    body,
  );
  const fail = (err: unknown): void => problems.replaceChildren(errorPanel(err, () => problems.replaceChildren()));
  const show = (...nodes: (HTMLElement | null)[]): void => {
    body.removeAttribute("aria-busy");
    body.replaceChildren(...nodes.filter((n): n is HTMLElement => n !== null));
    tick();
  };
  let last: SetupRunView | null = null;
  const onRun = (run: SetupRunView): void => {
    // Each message is the whole run: the newest one is drawn.
    last = run;
    showRun(run);
  };
  // A running step shows its time so far, counted from when this window first saw it running.
  const runningSince = new Map<string, number>();
  let ticker: ReturnType<typeof setInterval> | null = null;
  const tick = (): void => {
    if (!root.isConnected && ticker !== null) {
      clearInterval(ticker);
      ticker = null;
      return;
    }
    for (const li of body.querySelectorAll<HTMLElement>('#setup-progress-list li[data-status="running"]')) {
      const since = runningSince.get(li.dataset.step ?? "");
      const cell = li.querySelector(".step-duration");
      if (since !== undefined && cell) cell.textContent = duration(Date.now() - since);
    }
  };
  const follow = (run: SetupRunView): void => {
    for (const step of run.steps) {
      if (step.status !== "running") runningSince.delete(step.kind);
      else if (!runningSince.has(step.kind)) runningSince.set(step.kind, Date.now());
    }
    if (runningSince.size > 0 && ticker === null) ticker = setInterval(tick, 500);
    if (runningSince.size === 0 && ticker !== null) {
      clearInterval(ticker);
      ticker = null;
    }
  };
  const act = (call: (cb: (run: SetupRunView) => void) => Promise<SetupRunView>, button: HTMLButtonElement): void => {
    button.disabled = true;
    problems.replaceChildren();
    call(onRun).then(onRun, (err) => {
      button.disabled = false;
      fail(err);
    });
  };

  function unreadableCard(journals: UnreadableJournal[]): HTMLElement | null {
    if (journals.length === 0) return null;
    const items = journals.map((j) => {
      const aside = h("button", { type: "button", class: "set-aside" }, t("integrations.setup.setAside"));
      const li = h("li", { "data-file": j.fileName }, h("code", {}, j.fileName), " ", h("span", { class: "hint" }, j.reason), " ", aside);
      aside.addEventListener("click", () => {
        aside.disabled = true;
        deps.api.setupSetAsideJournal(j.fileName).then(
          (moved) => li.replaceChildren(h("span", { class: "hint" }, t("integrations.setup.setAsideDone", { name: moved }))),
          (err) => {
            aside.disabled = false;
            fail(err);
          },
        );
      });
      return li;
    });
    return h("section", { class: "card warning", id: "setup-unreadable" }, h("h2", {}, t("integrations.setup.unreadableTitle")), h("p", {}, t("integrations.setup.unreadableText")), h("ul", {}, ...items));
  }

  function finishRollBack(): HTMLElement {
    const rollBack = h("button", { type: "button", class: "primary", id: "setup-roll-back" }, t("integrations.setup.finishRollBack"));
    rollBack.addEventListener("click", () => act((cb) => deps.api.setupRollBack(cb), rollBack));
    queueMicrotask(() => rollBack.focus());
    return h("section", { class: "card", id: "setup-unfinished-roll-back" }, h("h2", {}, t("integrations.setup.rollBackUnfinishedTitle")), h("p", {}, t("integrations.setup.rollBackUnfinishedText")), h("div", { class: "actions" }, rollBack));
  }

  function cancelButton(run: SetupRunView): HTMLElement {
    const cancel = h("button", { type: "button", id: "setup-cancel" }, t("integrations.setup.cancel"));
    cancel.addEventListener("click", () => {
      cancel.disabled = true;
      deps.api.setupCancel(run.runId).catch((err) => {
        cancel.disabled = false;
        fail(err);
      });
    });
    return h("div", { class: "actions" }, cancel);
  }

  function resumeButtons(primaryResume: boolean): HTMLElement {
    const resume = h("button", { type: "button", class: primaryResume ? "primary" : "", id: "setup-resume" }, t("integrations.setup.resume"));
    const rollBack = h("button", { type: "button", id: "setup-roll-back" }, t("integrations.setup.rollBack"));
    resume.addEventListener("click", () => act((cb) => deps.api.setupResume(cb), resume));
    rollBack.addEventListener("click", () => act((cb) => deps.api.setupRollBack(cb), rollBack));
    // Resume is the default: it has the focus, so Enter resumes.
    queueMicrotask(() => resume.focus());
    return h("div", { class: "actions", id: "setup-resume-offer" }, resume, " ", rollBack);
  }

  function summary(run: SetupRunView): HTMLElement {
    const again = h("button", { type: "button", id: "setup-again" }, t("integrations.setup.again"));
    again.addEventListener("click", () => {
      again.disabled = true;
      deps.api.setupDismiss().then(() => showForm(null), fail);
    });
    const created = run.created.map((o) =>
      h("li", { "data-kind": o.kind }, h("span", { class: "node-kind" }, t(`integrations.setup.created.${o.kind}`)), " ", h("a", { href: (LINKS[o.kind] ?? LINKS.credential!)(o.id) }, objectName(o.name))),
    );
    return h(
      "section",
      { class: "card", id: "setup-summary", "data-phase": run.phase },
      h("h2", {}, phaseTitle(run.phase)),
      run.phase === "completed" ? h("p", {}, t("integrations.setup.completedText")) : h("p", {}, t("integrations.setup.rolledBackText")),
      created.length ? h("ul", { class: "created", id: "setup-created" }, ...created) : null,
      run.phase === "completed" ? (run.secretSaved ? h("p", { class: "hint" }, t("integrations.setup.secretInKeychain")) : h("p", { class: "warning", id: "setup-secret-not-saved" }, t("integrations.setup.secretNotSaved"))) : null,
      run.phase === "completed" ? h("p", {}, h("a", { href: "#/integrations", class: "button", id: "setup-see-diagram" }, t("integrations.setup.seeDiagram"))) : null,
      again,
    );
  }

  function showRun(run: SetupRunView): void {
    follow(run);
    const reissued = run.secretReissued ? h("p", { class: "warning", id: "setup-secret-reissued" }, t("integrations.setup.secretReissued")) : null;
    const progress = h(
      "section",
      { class: "card", id: "setup-progress", "data-phase": run.phase, "aria-live": "polite" },
      h("h2", {}, run.phase === "running" || run.phase === "rollingBack" ? phaseTitle(run.phase) : t("integrations.setup.stepsTitle")),
      run.runId ? h("p", { class: "hint" }, t("integrations.setup.runId", { id: run.runId })) : null,
      progressList(run.steps),
    );
    const error = run.error ? errorPanel(run.error) : null;
    const unreadable = unreadableCard(run.unreadableJournals);
    const cancelled = run.error?.kind === "setupCancelled";
    switch (run.phase) {
      case "interrupted":
        return show(h("section", { class: "card", id: "setup-unfinished" }, h("h2", {}, t("integrations.setup.unfinishedTitle")), h("p", {}, t("integrations.setup.unfinishedText")), resumeButtons(true)), reissued, progress, unreadable);
      case "rollBackUnfinished":
        return show(finishRollBack(), error, progress, unreadable);
      case "failed":
        return show(progress, error, reissued, h("section", { class: "card" }, h("p", {}, t(cancelled ? "integrations.setup.cancelledText" : "integrations.setup.failedText")), resumeButtons(false)), unreadable);
      case "completed":
      case "rolledBack":
        return show(summary(run), reissued, progress);
      case "running":
        return show(progress, reissued, cancelButton(run));
      default:
        return show(progress, reissued);
    }
  }

  function showPlan(model: SetupForm, request: SetupRequestInput, plan: SetupPlan): void {
    const run = h("button", { type: "button", class: "primary", id: "setup-run" }, t("integrations.setup.run"));
    const change = h("button", { type: "button", id: "setup-change" }, t("integrations.setup.change"));
    run.addEventListener("click", () => act((cb) => deps.api.setupStart(request, cb), run));
    change.addEventListener("click", () => showForm(model, request));
    // Without a keychain the client secret lives in memory only: said first, and confirmed.
    let unsaved: HTMLElement | null = null;
    if (!model.secretPersists) {
      const agree = h("input", { type: "checkbox", id: "setup-confirm-unsaved" });
      run.disabled = true;
      agree.addEventListener("change", () => (run.disabled = !agree.checked));
      unsaved = h(
        "div",
        { class: "warning", id: "setup-secret-unsaved" },
        h("p", {}, t("integrations.setup.secretNotPersisted")),
        h("label", { class: "choice" }, agree, h("span", {}, t("integrations.setup.confirmNotPersisted"))),
      );
    }
    show(
      h(
        "section",
        { class: "card", id: "setup-plan" },
        h("h2", {}, t("integrations.setup.planTitle")),
        h("p", { class: "hint" }, t("integrations.setup.planIntro")),
        planList(plan.steps, model.installed, model.limit),
        unsaved,
        h("div", { class: "actions" }, run, " ", change),
      ),
    );
    if (run.disabled) change.focus();
    else run.focus();
  }

  function showForm(model: SetupForm | null, draft: SetupRequestInput | null = null): void {
    if (!model) {
      deps.api.setupForm().then((m) => showForm(m, draft), (err) => {
        show();
        fail(err);
      });
      return;
    }
    const parts = setupFormView(model, draft ?? localizedDefaults(model.request));
    parts.form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const request = parts.read();
      if (!request) return;
      problems.replaceChildren();
      deps.api.setupPlan(request).then((plan) => showPlan(model, request, plan), fail);
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
