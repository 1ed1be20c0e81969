// Importing exported data actions (#/actions/import?integration=<id>): JSON files picked here
// (each read as text, over 5 MB refused before sending), the plan Rust makes of them, and the run,
// which lives in Rust with its journal: on return (or after a crash) the screen re-attaches to
// it, shows where it is, and offers Cancel, Resume and Dismiss as its phase allows.
import type { ActionFile, ActionsApi, ImportRunView } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { goTo } from "../../kit/screen";
import { importPlanCard } from "./import-plan";
import { importRunCard, type RunCall } from "./import-run";
import "./actions.css";

/** Largest file the window reads and sends; Rust checks the same limit again. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_FILE_LABEL = "5 MB";

export interface ImportDeps {
  api: Pick<ActionsApi, "actionImportPlan" | "actionImportStart" | "actionImportStatus" | "actionImportResume" | "actionImportCancel" | "actionImportDismiss">;
  navigate?: (hash: string) => void;
}

/** What the window reads of a picked file (a File, or a stand-in in tests). */
export type PickedFile = Pick<File, "name" | "size" | "text">;

/** The picked files as text, except those over the limit, which are named instead. */
export async function readPicked(picked: Iterable<PickedFile>): Promise<{ files: ActionFile[]; tooLarge: string[] }> {
  const files: ActionFile[] = [];
  const tooLarge: string[] = [];
  for (const file of picked) {
    if (file.size > MAX_FILE_BYTES) tooLarge.push(file.name);
    else files.push({ fileName: file.name, text: await file.text() });
  }
  return { files, tooLarge };
}

export function actionImportView(integrationId: string, deps: ImportDeps): HTMLElement {
  const problems = h("div", { class: "errors", id: "action-import-errors" });
  const body = h("div", { "aria-busy": "true" }, h("p", { class: "status" }, t("actions.loading")));
  const root = h(
    "section",
    { class: "screen", "data-screen": "action-import", "aria-labelledby": "action-import-title" },
    h("p", {}, h("a", { href: "#/actions" }, `← ${t("actions.back")}`)),
    h("h1", { id: "action-import-title" }, t("actions.import.title")),
    h("p", { class: "hint" }, t("actions.import.intro")),
    problems,
    body,
  );
  const fail = (err: unknown): void => problems.replaceChildren(errorPanel(err, () => problems.replaceChildren()));
  const show = (...nodes: HTMLElement[]): void => {
    body.removeAttribute("aria-busy");
    body.replaceChildren(...nodes);
  };
  // Each message is the whole run: the newest one is drawn.
  let last: ImportRunView | null = null;
  const onRun = (run: ImportRunView): void => {
    last = run;
    // The card is drawn anew; a button that had the focus (Cancel, say) keeps it.
    const focused = body.contains(document.activeElement) ? document.activeElement?.id : undefined;
    show(importRunCard(run, { api: deps.api, act, fail, dismissed }));
    if (focused) document.getElementById(focused)?.focus();
  };
  function act(call: RunCall, button: HTMLButtonElement): void {
    button.disabled = true;
    problems.replaceChildren();
    call(onRun).then(onRun, (err: unknown) => {
      button.disabled = false;
      fail(err);
    });
  }
  function dismissed(run: ImportRunView): void {
    last = null;
    if (run.phase === "completed") (deps.navigate ?? goTo)("#/actions");
    else showPicker();
  }

  function showPicker(): void {
    const input = h("input", { type: "file", id: "action-import-files", multiple: true, accept: ".json,application/json", "aria-describedby": "action-import-files-hint action-import-file-errors" });
    const fileErrors = h("div", { id: "action-import-file-errors", role: "alert" });
    const planSlot = h("div", { id: "action-import-plan-slot" });
    // Only the newest pick's plan is drawn, whichever answer comes back last.
    let pick = 0;
    input.addEventListener("change", () => {
      const mine = ++pick;
      problems.replaceChildren();
      planSlot.replaceChildren();
      void readPicked([...(input.files ?? [])]).then(({ files, tooLarge }) => {
        if (mine !== pick) return;
        fileErrors.replaceChildren(...tooLarge.map((name) => h("p", { class: "field-error", "data-file": name }, t("actions.import.fileTooLarge", { file: name, limit: MAX_FILE_LABEL }))));
        if (files.length === 0) return;
        planSlot.replaceChildren(h("p", { class: "status", role: "status" }, t("actions.import.planning")));
        deps.api.actionImportPlan(integrationId, files).then(
          (plan) => {
            if (mine !== pick) return;
            planSlot.replaceChildren(importPlanCard(plan, (choice, button) => act((cb) => deps.api.actionImportStart(integrationId, files, choice.publish, cb), button)));
          },
          (err: unknown) => {
            if (mine !== pick) return;
            planSlot.replaceChildren();
            fail(err);
          },
        );
      }, fail);
    });
    show(
      h(
        "section",
        { class: "card", id: "action-import-pick", "aria-labelledby": "action-import-pick-title" },
        h("h2", { id: "action-import-pick-title" }, t("actions.import.pickTitle")),
        h("div", { class: "field" }, h("label", { for: "action-import-files" }, t("actions.import.files")), input, h("p", { class: "hint", id: "action-import-files-hint" }, t("actions.import.filesHint", { limit: MAX_FILE_LABEL }))),
        fileErrors,
      ),
      planSlot,
    );
  }

  deps.api.actionImportStatus(onRun).then(
    // A live run may have sent newer messages before this answer arrived.
    (run) => (run ? onRun(last ?? run) : showPicker()),
    (err: unknown) => {
      fail(err);
      showPicker();
    },
  );
  return root;
}
