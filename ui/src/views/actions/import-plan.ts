// What an import would do, before anything is made (ImportPlan from Rust): each entry found in
// the picked files with whether it will be imported, its problems in plain words (a blocker
// keeps it out, a warning does not; Rust's detail shown as it came), how many will be imported,
// the choice to publish each action once drafted, and Start.
import type { ImportPlan } from "../../api";
import type { ImportPlanItem } from "../../generated/ImportPlanItem";
import type { ImportProblem } from "../../generated/ImportProblem";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { objectName } from "../../kit/format";

/** One problem of an entry in the user's language, with Rust's detail verbatim after it. */
export function importProblemText(p: ImportProblem): string {
  return t(`actions.import.problem.${p.code}`);
}

function problemList(problems: ImportProblem[]): HTMLElement | null {
  if (problems.length === 0) return null;
  return h(
    "ul",
    { class: "import-problems" },
    ...problems.map((p) =>
      h(
        "li",
        { class: "import-problem", "data-code": p.code, "data-severity": p.warning ? "warning" : "blocker" },
        h("span", { class: "import-problem-kind" }, p.warning ? t("actions.import.warning") : t("actions.import.blocker")),
        " ",
        importProblemText(p),
        p.detail ? h("span", { class: "import-problem-detail" }, " ", h("code", {}, p.detail)) : null,
      ),
    ),
  );
}

function row(item: ImportPlanItem): HTMLElement {
  return h(
    "tr",
    { "data-file": item.fileName, "data-index": String(item.index), "data-ready": String(item.ready) },
    h("td", {}, h("code", {}, item.fileName)),
    h("td", {}, item.name ? objectName(item.name) : h("span", { class: "hint" }, t("actions.import.noName")), problemList(item.problems)),
    h("td", {}, item.category),
    h("td", { class: item.ready ? "import-ready" : "import-not-ready" }, item.ready ? t("actions.import.ready") : t("actions.import.notReady")),
  );
}

export interface PlanChoice {
  /** Whether each action is published once its draft is made. */
  publish: boolean;
}

/** The plan's card; `start` runs with the user's choice when Start is pressed. */
export function importPlanCard(plan: ImportPlan, start: (choice: PlanChoice, button: HTMLButtonElement) => void): HTMLElement {
  const publish = h("input", { type: "checkbox", id: "action-import-publish", "aria-describedby": "action-import-publish-hint" });
  const go = h("button", { type: "button", class: "primary", id: "action-import-start" }, t("actions.import.start"));
  go.disabled = plan.ready === 0;
  go.addEventListener("click", () => start({ publish: publish.checked }, go));
  const table = h(
    "table",
    { class: "list import-plan-table", id: "action-import-plan-table" },
    h("thead", {}, h("tr", {}, h("th", {}, t("actions.import.columnFile")), h("th", {}, t("actions.columnName")), h("th", {}, t("actions.columnCategory")), h("th", {}, t("actions.import.columnReady")))),
    h("tbody", {}, ...plan.items.map(row)),
  );
  return h(
    "section",
    { class: "card", id: "action-import-plan", "aria-labelledby": "action-import-plan-title" },
    h("h2", { id: "action-import-plan-title" }, t("actions.import.planTitle", { integration: plan.integrationName })),
    // The count and the choice come before the entries: a batch of hundreds is started
    // without scrolling past them.
    h("p", { id: "action-import-ready", "data-ready": String(plan.ready) }, t("actions.import.readyCount", { ready: String(plan.ready), total: String(plan.items.length) })),
    plan.ready === 0 && plan.items.length ? h("p", { class: "warning", id: "action-import-none-ready" }, t("actions.import.noneReady")) : null,
    h(
      "div",
      { class: "field" },
      h("label", { class: "choice" }, publish, h("span", {}, t("actions.import.publish"))),
      h("p", { class: "hint", id: "action-import-publish-hint" }, t("actions.import.publishHint")),
    ),
    h("div", { class: "actions" }, go),
    plan.items.length ? table : h("p", { class: "hint" }, t("actions.import.planEmpty")),
  );
}
