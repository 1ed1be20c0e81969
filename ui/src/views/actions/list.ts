// The Data actions list (#/actions): per Data Actions integration, its actions with their
// draft and published versions, and one next step: a new action from the workshop's preset
// (primary) or blank. With no integration, one card sends to the guided setup or the
// integration screen. An integration that is not active is flagged: its actions cannot run.
// Each integration offers an import of exported actions, a look at the permissions its actions
// need and an export of the whole integration as one Terraform file; an import under way or
// left unfinished is shown above the list, with Resume.
// Opening the list starts the download of the org's API description, which that look reads.
import type { ActionsApi, ActionsOverview } from "../../api";
import type { ActionIntegration } from "../../generated/ActionIntegration";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { versionsText } from "./detail";
import { integrationExportButton } from "./export";
import { importHref, importStatusSlot } from "./import-run";
import { privilegesHref } from "./privileges";
import "./actions.css";

export interface ListDeps {
  api: Pick<ActionsApi, "actionsOverview" | "actionImportStatus" | "actionImportResume" | "apiPermissionsPrefetch" | "integrationExportTerraform">;
}

function noIntegration(): HTMLElement {
  return h(
    "section",
    { class: "card", id: "actions-empty", "aria-labelledby": "actions-empty-title" },
    h("h2", { id: "actions-empty-title" }, t("actions.empty.title")),
    h("p", {}, t("actions.empty.body")),
    h("p", { class: "next-steps" }, h("a", { class: "button primary", href: "#/setup", id: "actions-empty-setup" }, t("actions.empty.setup")), " ", h("a", { href: "#/integrations", id: "actions-empty-integrations" }, t("actions.empty.integrations"))),
  );
}

function integrationBlock(integration: ActionIntegration, overview: ActionsOverview, api: ListDeps["api"]): HTMLElement {
  const actions = overview.actions.filter((a) => a.integrationId === integration.id);
  const headingId = `actions-of-${integration.id}`;
  const inactive = integration.reported !== "ACTIVE" ? h("p", { class: "warning", "data-inactive": integration.id }, t("actions.inactive"), " ", h("a", { href: `#/integrations/${encodeURIComponent(integration.id)}` }, t("actions.openIntegration"))) : null;
  // A failed export is shown in its own block, under the buttons, until the next try or Dismiss.
  const problems = h("div", { class: "errors", id: `actions-export-errors-${integration.id}` });
  const fail = (err: unknown): void => problems.replaceChildren(errorPanel(err, () => problems.replaceChildren()));
  const exportTerraform = integrationExportButton(integration, api, fail);
  exportTerraform.addEventListener("click", () => problems.replaceChildren());
  const newHref = (from: string): string => `#/actions/new?integration=${encodeURIComponent(integration.id)}&from=${from}`;
  const table = actions.length
    ? h(
        "table",
        { class: "list", "data-integration": integration.id },
        h("thead", {}, h("tr", {}, h("th", {}, t("actions.columnName")), h("th", {}, t("actions.columnCategory")), h("th", {}, t("actions.columnVersions")))),
        h(
          "tbody",
          {},
          ...actions.map((a) =>
            h(
              "tr",
              { "data-action": a.id },
              h("td", {}, h("a", { href: `#/actions/${encodeURIComponent(a.id)}` }, a.name)),
              h("td", {}, a.category),
              h("td", {}, versionsText(a), a.secure ? h("span", { class: "badge" }, t("actions.secure")) : null),
            ),
          ),
        ),
      )
    : h("p", { class: "hint" }, t("actions.none"));
  return h(
    "section",
    { class: "card", "aria-labelledby": headingId },
    h("h2", { id: headingId }, integration.name),
    inactive,
    table,
    h(
      "p",
      { class: "next-steps" },
      h("a", { class: "button primary", href: newHref("preset"), "data-new": "preset" }, t("actions.newPreset")),
      " ",
      h("a", { class: "button secondary", href: newHref("blank"), "data-new": "blank" }, t("actions.newBlank")),
      " ",
      h("a", { class: "button secondary", href: importHref(integration.id), "data-import": integration.id }, t("actions.import.button")),
      " ",
      h("a", { class: "button secondary", href: privilegesHref(integration.id), id: `actions-privileges-${integration.id}` }, t("actions.privileges.button")),
      " ",
      exportTerraform,
    ),
    problems,
  );
}

export function actionsListView(deps: ListDeps): HTMLElement {
  const problems = h("div", { class: "errors" });
  const body = h("div", { "aria-busy": "true" }, h("p", { class: "status" }, t("actions.loading")));
  const load = (): void => {
    deps.api.actionsOverview().then(
      (overview) => {
        body.removeAttribute("aria-busy");
        problems.replaceChildren();
        body.replaceChildren(...(overview.integrations.length ? overview.integrations.map((i) => integrationBlock(i, overview, deps.api)) : [noIntegration()]));
      },
      (err: unknown) => problems.replaceChildren(errorPanel(err, { onRetry: load })),
    );
  };
  load();
  // Fire and forget: it only warms the copy of the API description the permissions screen reads.
  deps.api.apiPermissionsPrefetch().catch(() => undefined);
  const importing = importStatusSlot(deps.api, load);
  return h(
    "section",
    { class: "screen", "data-screen": "actions", "aria-labelledby": "actions-title" },
    h("h1", { id: "actions-title" }, t("actions.title")),
    h("p", { class: "hint" }, t("actions.intro")),
    problems,
    importing,
    body,
  );
}
