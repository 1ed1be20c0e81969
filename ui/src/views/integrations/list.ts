// The Data Actions integration screen (#/integrations): what data actions need, then one next
// step. With nothing installed, one card offers the guided setup (primary) or a manual install;
// otherwise the diagram, the installed integrations with their live reportedState and
// credential, the limit ("up to N per org") and Install behind "Add integration". Re-reads
// while a state is settling.
import type { IntegrationsApi, IntegrationsOverview } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { nameProblem } from "../../kit/fields";
import { objectName } from "../../kit/format";
import { nameMessage, showProblem, textField } from "../../kit/inputs";
import { goTo } from "../../kit/screen";
import { diagramView } from "./diagram";
import { HELP, helpLink } from "./help";
import { isSettling, stateBadge } from "./state";
import "./integrations.css";

export const DEFAULT_INTEGRATION_NAME = "Genesys Cloud Data Actions";
/** How often the screen re-reads while an integration is ACTIVATING or DEACTIVATING. */
export const SETTLING_POLL_MS = 1500;

export interface ListDeps {
  api: Pick<IntegrationsApi, "integrationsOverview" | "integrationInstall">;
  /** Timer seam so tests can step the re-reads. */
  later?: (fn: () => void, ms: number) => void;
  /** Goes to a hash route; the address bar by default. */
  navigate?: (hash: string) => void;
}

/** The limit in words: how many are installed, up to N per org (N from the integration type). */
export function limitText(used: number, limit: number): string {
  return used === 0 ? t("integrations.limitEmpty", { limit: String(limit) }) : t("integrations.limit", { used: String(used), limit: String(limit) });
}

function limitLine(overview: IntegrationsOverview): HTMLElement {
  const used = overview.integrations.length;
  const full = used >= overview.limit;
  return h(
    "p",
    { class: full ? "limit warning" : used >= overview.limit - 2 ? "limit limit-near" : "limit hint", id: "integrations-limit" },
    limitText(used, overview.limit),
    full ? ` ${t("integrations.limitReached")}` : "",
  );
}

function table(overview: IntegrationsOverview): HTMLElement {
  const credentialName = (id: string | null): HTMLElement | string => {
    const credential = id ? overview.credentials.find((c) => c.id === id) : undefined;
    if (credential) return objectName(credential.name);
    return id ? t("integrations.diagram.credentialDeleted") : t("integrations.noCredential");
  };
  return h(
    "table",
    { class: "list", id: "integrations-table" },
    h("thead", {}, h("tr", {}, h("th", {}, t("integrations.columnName")), h("th", {}, t("integrations.columnState")), h("th", {}, t("integrations.columnCredential")))),
    h(
      "tbody",
      {},
      ...overview.integrations.map((i) =>
        h(
          "tr",
          { "data-integration": i.id },
          h("td", {}, h("a", { href: `#/integrations/${i.id}` }, objectName(i.name))),
          h("td", {}, stateBadge(i.reported, i.detail)),
          h("td", {}, credentialName(i.credentialId)),
        ),
      ),
    ),
  );
}

/** The Install form, collapsed behind `opener` (which toggles it) until asked for. */
function installSection(overview: IntegrationsOverview, deps: ListDeps, reload: () => void, problems: HTMLElement, opener: HTMLButtonElement): HTMLElement {
  const name = textField("integration-install-name", t("integrations.installName"), DEFAULT_INTEGRATION_NAME);
  const button = h("button", { type: "submit", class: "primary", id: "integration-install" }, t("integrations.install"));
  const form = h("form", { class: "form", id: "integrations-install-form", novalidate: true }, name.field, button);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (!showProblem(name.error, name.input, nameMessage(nameProblem(name.input.value)))) return name.input.focus();
    button.disabled = true;
    deps.api.integrationInstall(name.input.value.trim()).then(
      (created) => {
        (deps.navigate ?? goTo)(`#/integrations/${created.id}`);
        reload();
      },
      (err) => {
        button.disabled = false;
        problems.replaceChildren(errorPanel(err, () => problems.replaceChildren()));
      },
    );
  });
  const section = h(
    "section",
    { class: "card", id: "integrations-install", "aria-labelledby": "integrations-install-title", hidden: true },
    h("h2", { id: "integrations-install-title" }, t("integrations.installTitle")),
    h("p", { class: "hint" }, t("integrations.installHint")),
    form,
    helpLink(HELP.addDataActions, "integrations.learnAdd"),
  );
  opener.setAttribute("aria-controls", "integrations-install");
  opener.setAttribute("aria-expanded", "false");
  // At the limit the opener stays disabled and the form is never offered.
  opener.disabled = overview.integrations.length >= overview.limit;
  opener.addEventListener("click", () => {
    const open = section.hidden;
    section.hidden = !open;
    opener.setAttribute("aria-expanded", String(open));
    if (open) name.input.focus();
  });
  return section;
}

/** Nothing installed: one card, the guided setup first, a manual install second. */
function emptyState(overview: IntegrationsOverview, install: (opener: HTMLButtonElement) => HTMLElement): HTMLElement[] {
  const manual = h("button", { type: "button", id: "integrations-install-manually" }, t("integrations.installManually"));
  const section = install(manual);
  const card = h(
    "section",
    { class: "card empty-state", id: "integrations-none", "aria-labelledby": "integrations-none-title" },
    h("h2", { id: "integrations-none-title" }, t("integrations.noneTitle")),
    h("p", {}, t("integrations.none")),
    h("div", { class: "actions" }, h("a", { href: "#/setup", class: "button", id: "integrations-setup-link" }, t("integrations.setupLink")), manual),
    limitLine(overview),
  );
  return [card, section];
}

function installed(overview: IntegrationsOverview, install: (opener: HTMLButtonElement) => HTMLElement): HTMLElement[] {
  const add = h("button", { type: "button", id: "integrations-add" }, t("integrations.addIntegration"));
  const section = install(add);
  return [diagramView(overview), table(overview), h("div", { class: "actions list-actions" }, add, limitLine(overview)), section];
}

export function integrationsListView(deps: ListDeps): HTMLElement {
  const later = deps.later ?? ((fn, ms) => void setTimeout(fn, ms));
  const problems = h("div", { class: "errors", id: "integrations-errors" });
  const body = h("div", { "aria-busy": "true" }, h("p", { class: "status" }, t("integrations.loading")));
  const root = h(
    "section",
    { class: "screen", "data-screen": "integrations", "aria-labelledby": "integrations-title" },
    h("h1", { id: "integrations-title" }, t("integrations.title")),
    h("p", { class: "intro" }, t("integrations.intro"), " ", t("integrations.activationForgotten")),
    helpLink(HELP.aboutDataActions, "integrations.learnMore", "integrations-learn-more"),
    problems,
    body,
  );
  const reload = (): void => {
    deps.api.integrationsOverview().then(
      (overview) => {
        const install = (opener: HTMLButtonElement): HTMLElement => installSection(overview, deps, reload, problems, opener);
        body.replaceChildren(...(overview.integrations.length === 0 ? emptyState(overview, install) : installed(overview, install)));
        body.removeAttribute("aria-busy");
        // Follow ACTIVATING / DEACTIVATING until they settle, while the screen is shown.
        if (overview.integrations.some(isSettling)) later(() => root.isConnected && reload(), SETTLING_POLL_MS);
      },
      (err) => {
        body.removeAttribute("aria-busy");
        body.replaceChildren();
        problems.replaceChildren(errorPanel(err));
      },
    );
  };
  reload();
  return root;
}
