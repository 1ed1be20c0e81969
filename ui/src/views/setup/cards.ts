// The guided setup's cards around a run: journals that cannot be read (each to move aside),
// an interrupted run (a warning: where it stopped, what a roll back deletes) with Resume (the
// default) or Roll back, Finish roll back, Cancel, and the summary with links to what the run
// made.
import type { SetupApi, SetupRunView } from "../../api";
import type { RunPhase } from "../../generated/RunPhase";
import type { UnreadableJournal } from "../../generated/UnreadableJournal";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { confirmDestructive } from "../../kit/confirm";
import { dateTime, objectName, plainName } from "../../kit/format";
import { stepName } from "./words";

export interface CardsContext {
  api: Pick<SetupApi, "setupSetAsideJournal" | "setupRollBack" | "setupCancel" | "setupResume" | "setupDismiss">;
  /** Runs a run command from `button` (disabled meanwhile), drawing each run it reports. */
  act: (call: (cb: (run: SetupRunView) => void) => Promise<SetupRunView>, button: HTMLButtonElement) => void;
  fail: (err: unknown) => void;
  /** Shows the form again (after a finished run is dismissed). */
  again: () => void;
}

const LINKS: Record<string, (id: string) => string> = {
  oauthClient: (id) => `#/clients/${id}`,
  credential: () => "#/integrations",
  integration: (id) => `#/integrations/${id}`,
  action: (id) => `#/actions/${id}`,
};

export function phaseTitle(phase: RunPhase): string {
  return t(`setup.phase.${phase}`);
}

export function runCards(ctx: CardsContext) {
  function unreadableCard(journals: UnreadableJournal[]): HTMLElement | null {
    if (journals.length === 0) return null;
    const items = journals.map((j) => {
      const aside = h("button", { type: "button", class: "set-aside" }, t("setup.setAside"));
      const li = h("li", { "data-file": j.fileName }, h("code", {}, j.fileName), " ", h("span", { class: "hint" }, j.reason), " ", aside);
      aside.addEventListener("click", () => {
        aside.disabled = true;
        ctx.api.setupSetAsideJournal(j.fileName).then(
          (moved) => li.replaceChildren(h("span", { class: "hint" }, t("setup.setAsideDone", { name: moved }))),
          (err) => {
            aside.disabled = false;
            ctx.fail(err);
          },
        );
      });
      return li;
    });
    return h("section", { class: "card setup-warning", id: "setup-unreadable" }, h("h2", {}, t("setup.unreadableTitle")), h("p", {}, t("setup.unreadableText")), h("ul", {}, ...items));
  }

  function finishRollBack(): HTMLElement {
    const rollBack = h("button", { type: "button", class: "primary", id: "setup-roll-back" }, t("setup.finishRollBack"));
    rollBack.addEventListener("click", () => ctx.act((cb) => ctx.api.setupRollBack(cb), rollBack));
    queueMicrotask(() => rollBack.focus());
    return h("section", { class: "card setup-warning", id: "setup-unfinished-roll-back" }, h("h2", {}, t("setup.rollBackUnfinishedTitle")), h("p", {}, t("setup.rollBackUnfinishedText")), h("div", { class: "actions" }, rollBack));
  }

  function cancelButton(run: SetupRunView): HTMLElement {
    const cancel = h("button", { type: "button", id: "setup-cancel" }, t("setup.cancel"));
    cancel.addEventListener("click", () => {
      cancel.disabled = true;
      ctx.api.setupCancel(run.runId).catch((err) => {
        cancel.disabled = false;
        ctx.fail(err);
      });
    });
    return h("div", { class: "actions" }, cancel);
  }

  function resumeButtons(primaryResume: boolean, run: SetupRunView): HTMLElement {
    const resume = h("button", { type: "button", class: primaryResume ? "primary" : "", id: "setup-resume" }, t("setup.resume"));
    const rollBack = h("button", { type: "button", id: "setup-roll-back" }, t("setup.rollBack"));
    resume.addEventListener("click", () => ctx.act((cb) => ctx.api.setupResume(cb), resume));
    // Deleting what the run made is asked in the one destructive dialog, Cancel the default.
    rollBack.addEventListener("click", () => {
      void confirmDestructive({
        id: "setup-roll-back-confirm",
        title: t("setup.rollBackQuestion"),
        objects: run.created.map((o) => plainName(o.name)),
        consequences: [t(run.created.length ? "setup.rollBackGone" : "setup.rollBackNothing")],
        confirm: t("setup.rollBack"),
        cancel: t("setup.rollBackKeep"),
        busy: t("setup.rollBack"),
        act: () => Promise.resolve(true),
      }).then((go) => {
        if (go) ctx.act((cb) => ctx.api.setupRollBack(cb), rollBack);
      });
    });
    // Resume is the default: it has the focus, so Enter resumes.
    queueMicrotask(() => resume.focus());
    return h("div", { class: "actions", id: "setup-resume-offer" }, resume, " ", rollBack);
  }

  /** What a roll back of `run` deletes, by name; or that it has nothing to delete. */
  function rollBackDeletes(run: SetupRunView): HTMLElement {
    if (run.created.length === 0) return h("p", { class: "hint", id: "setup-roll-back-deletes" }, t("setup.rollBackNothing"));
    return h(
      "div",
      { id: "setup-roll-back-deletes" },
      h("p", {}, t("setup.rollBackDeletes")),
      h("ul", { class: "created" }, ...run.created.map((o) => h("li", { "data-kind": o.kind }, h("span", { class: "node-kind" }, t(`setup.created.${o.kind}`)), " ", objectName(o.name)))),
    );
  }

  /** A run the app stopped in the middle of: a warning card, saying when and at which step it
   * stopped (the journal's last write) and what Roll back would delete. */
  function unfinished(run: SetupRunView): HTMLElement {
    const at = run.steps.find((s) => s.status === "running") ?? run.steps.find((s) => s.status === "pending");
    return h(
      "section",
      { class: "card setup-warning", id: "setup-unfinished" },
      h("h2", {}, t("setup.unfinishedTitle")),
      h("p", {}, t("setup.unfinishedText")),
      run.stoppedAt ? h("p", { id: "setup-stopped-time" }, t("setup.unfinishedTime", { time: dateTime(run.stoppedAt) })) : null,
      at ? h("p", { id: "setup-stopped-at" }, t("setup.unfinishedWhen", { step: stepName(at.kind) })) : null,
      rollBackDeletes(run),
      resumeButtons(true, run),
    );
  }

  function summary(run: SetupRunView): HTMLElement {
    const again = h("button", { type: "button", id: "setup-again" }, t("setup.again"));
    again.addEventListener("click", () => {
      again.disabled = true;
      ctx.api.setupDismiss().then(ctx.again, ctx.fail);
    });
    const created = run.created.map((o) =>
      h("li", { "data-kind": o.kind }, h("span", { class: "node-kind" }, t(`setup.created.${o.kind}`)), " ", h("a", { href: (LINKS[o.kind] ?? LINKS.credential!)(encodeURIComponent(o.id)) }, objectName(o.name))),
    );
    return h(
      "section",
      { class: "card", id: "setup-summary", "data-phase": run.phase },
      h("h2", {}, phaseTitle(run.phase)),
      run.phase === "completed" ? h("p", {}, t("setup.completedText")) : h("p", {}, t("setup.rolledBackText")),
      created.length ? h("ul", { class: "created", id: "setup-created" }, ...created) : null,
      run.phase === "completed" ? (run.secretSaved ? h("p", { class: "hint" }, t("setup.secretInKeychain")) : h("p", { class: "warning", id: "setup-secret-not-saved" }, t("setup.secretNotSaved"))) : null,
      run.phase === "completed" ? h("p", {}, h("a", { href: "#/integrations", class: "button", id: "setup-see-diagram" }, t("setup.seeDiagram"))) : null,
      again,
    );
  }

  return { unreadableCard, finishRollBack, cancelButton, resumeButtons, summary, unfinished, rollBackDeletes };
}
