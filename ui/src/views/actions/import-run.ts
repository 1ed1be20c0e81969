// An import run of exported actions as it goes (ImportRunView, sent whole on every change): a
// bar of the actions handled, the counts made and refused, each action's state (a refused one
// with Genesys's message and contextId), and by phase Cancel, Resume and Dismiss, or the summary
// with "Back to the list". Also the list's banner for an import under way or left unfinished.
import type { ActionsApi, ImportRunView } from "../../api";
import type { ImportItemView } from "../../generated/ImportItemView";
import { t } from "../../i18n";
import { copyButton } from "../../kit/copy";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { objectName } from "../../kit/format";

export type RunCall = (onRun: (run: ImportRunView) => void) => Promise<ImportRunView>;

export interface RunContext {
  api: Pick<ActionsApi, "actionImportCancel" | "actionImportResume" | "actionImportDismiss">;
  /** Runs a run command from `button` (disabled meanwhile), drawing each run it reports. */
  act: (call: RunCall, button: HTMLButtonElement) => void;
  fail: (err: unknown) => void;
  /** After Dismiss or "Back to the list" of `run`: the run is forgotten. */
  dismissed: (run: ImportRunView) => void;
}

/** A run that stopped before its end and can go on. */
export function isUnfinished(run: ImportRunView): boolean {
  return run.phase === "cancelled" || run.phase === "interrupted";
}

/** "Handled: 3 of 8" and its bar. */
export function importProgress(run: ImportRunView, id: string): HTMLElement {
  const label = t("actions.import.handled", { handled: String(run.handled), total: String(run.total) });
  return h(
    "div",
    { class: "progress-count import-progress" },
    h("span", { id: `${id}-count` }, label),
    h("progress", {
      id: `${id}-bar`,
      role: "progressbar",
      max: String(Math.max(run.total, 1)),
      value: String(run.handled),
      "aria-valuemin": "0",
      "aria-valuemax": String(run.total),
      "aria-valuenow": String(run.handled),
      "aria-labelledby": `${id}-count`,
    }),
  );
}

function counts(run: ImportRunView): HTMLElement {
  const count = (state: ImportItemView["state"]): string => String(run.items.filter((i) => i.state === state).length);
  return h(
    "p",
    { class: "import-counts", id: "action-import-counts" },
    h("span", { "data-count": "drafted" }, t("actions.import.countDrafted", { count: count("drafted") })),
    " · ",
    h("span", { "data-count": "published" }, t("actions.import.countPublished", { count: count("published") })),
    " · ",
    h("span", { "data-count": "refused" }, t("actions.import.countRefused", { count: String(run.refused) })),
  );
}

function itemRow(item: ImportItemView): HTMLElement {
  const name = item.actionId ? h("a", { href: `#/actions/${encodeURIComponent(item.actionId)}` }, objectName(item.name)) : objectName(item.name);
  const error = item.error;
  return h(
    "li",
    { "data-state": item.state, class: `import-item import-${item.state}` },
    h("span", { class: "import-item-name" }, name),
    " ",
    h("span", { class: "import-item-state" }, t(`actions.import.state.${item.state}`)),
    error ? h("span", { class: "import-item-error" }, error.message) : null,
    error?.contextId
      ? h("span", { class: "import-item-context" }, `${t("errors.contextId")}: `, h("code", {}, error.contextId), " ", copyButton(error.contextId, t("actions.import.copyContextId")))
      : null,
  );
}

function button(id: string, label: string, primary = false): HTMLButtonElement {
  return h("button", { type: "button", id, class: primary ? "primary" : undefined }, label);
}

function buttons(run: ImportRunView, ctx: RunContext): HTMLElement {
  const row = h("div", { class: "actions", id: "action-import-buttons" });
  const dismiss = (b: HTMLButtonElement): void => {
    b.disabled = true;
    ctx.api.actionImportDismiss().then(() => ctx.dismissed(run), (err: unknown) => {
      b.disabled = false;
      ctx.fail(err);
    });
  };
  if (run.phase === "running") {
    const cancel = button("action-import-cancel", t("actions.import.cancel"));
    cancel.addEventListener("click", () => {
      cancel.disabled = true;
      ctx.api.actionImportCancel(run.importId).catch((err: unknown) => {
        cancel.disabled = false;
        ctx.fail(err);
      });
    });
    row.append(cancel);
  } else if (isUnfinished(run)) {
    const resume = button("action-import-resume", t("actions.import.resume"), true);
    const forget = button("action-import-dismiss", t("actions.import.dismiss"));
    resume.addEventListener("click", () => ctx.act((cb) => ctx.api.actionImportResume(cb), resume));
    forget.addEventListener("click", () => dismiss(forget));
    row.append(resume, " ", forget);
    queueMicrotask(() => resume.focus());
  } else {
    const back = button("action-import-back", t("actions.import.backToList"), true);
    back.addEventListener("click", () => dismiss(back));
    row.append(back);
  }
  return row;
}

function phaseText(run: ImportRunView): HTMLElement | null {
  switch (run.phase) {
    case "cancelled":
      return h("p", { id: "action-import-stopped" }, t("actions.import.cancelledText"), " ", t("actions.import.dismissKeeps"));
    case "interrupted":
      return h("p", { id: "action-import-stopped" }, t("actions.import.interruptedText"), " ", t("actions.import.dismissKeeps"));
    case "completed":
      return h("p", { id: "action-import-summary" }, run.refused > 0 ? t("actions.import.completedRefused") : t(run.publish ? "actions.import.completedPublished" : "actions.import.completedDrafts"));
    default:
      return run.publish ? h("p", { class: "hint" }, t("actions.import.publishing")) : null;
  }
}

/** The run's card: what it has done so far and what can be done with it now. */
export function importRunCard(run: ImportRunView, ctx: RunContext): HTMLElement {
  return h(
    "section",
    { class: "card", id: "action-import-run", "data-phase": run.phase, "aria-labelledby": "action-import-run-title" },
    h("h2", { id: "action-import-run-title" }, t(`actions.import.phase.${run.phase}`, { integration: run.integrationName })),
    importProgress(run, "action-import-progress"),
    counts(run),
    phaseText(run),
    run.phase === "interrupted" && run.error ? errorPanel(run.error) : null,
    h("ol", { class: "import-items", id: "action-import-items", "aria-live": "polite" }, ...run.items.map(itemRow)),
    buttons(run, ctx),
  );
}

/** The address of the import screen for `integrationId`. */
export function importHref(integrationId: string): string {
  return `#/actions/import?integration=${encodeURIComponent(integrationId)}`;
}

interface BannerContext {
  api: Pick<ActionsApi, "actionImportResume">;
  act: RunContext["act"];
  fail: (err: unknown) => void;
}

/** The banner for an import running or left unfinished (after a crash, say): its progress,
 *  Resume when it stopped, and a link to the import screen. Null for any other run. */
export function importBanner(run: ImportRunView | null, ctx: BannerContext): HTMLElement | null {
  if (!run || (run.phase !== "running" && !isUnfinished(run))) return null;
  const unfinished = isUnfinished(run);
  const row = h("div", { class: "actions" });
  if (unfinished) {
    const resume = button("action-import-banner-resume", t("actions.import.resume"), true);
    resume.addEventListener("click", () => ctx.act((cb) => ctx.api.actionImportResume(cb), resume));
    row.append(resume, " ");
  }
  row.append(h("a", { href: importHref(run.integrationId), id: "action-import-banner-open", class: unfinished ? "button secondary" : "button" }, t("actions.import.open")));
  return h(
    "section",
    { class: unfinished ? "card import-warning" : "card", id: "action-import-banner", "data-phase": run.phase, "aria-labelledby": "action-import-banner-title" },
    h("h2", { id: "action-import-banner-title" }, t(unfinished ? "actions.import.bannerUnfinished" : "actions.import.bannerRunning", { integration: run.integrationName })),
    importProgress(run, "action-import-banner-progress"),
    run.phase === "interrupted" && run.error ? errorPanel(run.error) : null,
    row,
  );
}

/** The list's slot for that banner: asks Rust for the import in memory or in its journal when
 *  the list opens, follows it live, and once it ends says so and calls `finished` (to reload). */
export function importStatusSlot(api: Pick<ActionsApi, "actionImportStatus" | "actionImportResume">, finished: () => void): HTMLElement {
  const slot = h("div", { id: "action-import-banner-slot" });
  const fail = (err: unknown): void => slot.replaceChildren(errorPanel(err, () => slot.replaceChildren()));
  let followed = false;
  const draw = (run: ImportRunView | null): void => {
    if (run?.phase === "completed" && followed) {
      followed = false;
      slot.replaceChildren(h("p", { class: "ok", role: "status", id: "action-import-finished" }, t("actions.import.finishedNotice"), " ", h("a", { href: importHref(run.integrationId) }, t("actions.import.seeSummary"))));
      finished();
      return;
    }
    if (run?.phase === "running") followed = true;
    const banner = importBanner(run, { api, act, fail });
    slot.replaceChildren(...(banner ? [banner] : []));
  };
  const act = (call: RunCall, b: HTMLButtonElement): void => {
    b.disabled = true;
    followed = true;
    call(draw).then(draw, (err: unknown) => {
      b.disabled = false;
      fail(err);
    });
  };
  api.actionImportStatus(draw).then(draw, fail);
  return slot;
}
