// The Data Actions integration screen (#/integrations): where the workshop says to click, the
// diagram, the installed integrations with their live reportedState and credential, the limit
// ("n of 10") before it is hit, and Install with a name. Re-reads while a state is settling.
import type { IntegrationsApi, IntegrationsOverview } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { nameProblem } from "../../kit/fields";
import { objectName } from "../../kit/format";
import { nameMessage, showProblem, textField } from "../../kit/inputs";
import { goTo } from "../../kit/screen";
import { diagramView } from "./diagram";
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

function limitLine(overview: IntegrationsOverview): HTMLElement {
  const used = overview.integrations.length;
  const full = used >= overview.limit;
  return h(
    "p",
    { class: full ? "limit warning" : used >= overview.limit - 2 ? "limit limit-near" : "limit", id: "integrations-limit" },
    t("integrations.limit", { used: String(used), limit: String(overview.limit) }),
    full ? ` ${t("integrations.limitReached")}` : "",
  );
}

function table(overview: IntegrationsOverview): HTMLElement {
  if (overview.integrations.length === 0) return h("p", { class: "hint", id: "integrations-none" }, t("integrations.none"));
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

function installForm(overview: IntegrationsOverview, deps: ListDeps, reload: () => void, problems: HTMLElement): HTMLElement {
  const full = overview.integrations.length >= overview.limit;
  const name = textField("integration-install-name", t("integrations.installName"), DEFAULT_INTEGRATION_NAME);
  const button = h("button", { type: "submit", class: "primary", id: "integration-install", disabled: full }, t("integrations.install"));
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
  return h(
    "section",
    { class: "card", "aria-labelledby": "integrations-install-title" },
    h("h2", { id: "integrations-install-title" }, t("integrations.installTitle")),
    h("p", { class: "hint" }, t("integrations.installHint")),
    full ? h("p", { class: "warning" }, t("integrations.limitReached")) : form,
  );
}

export function integrationsListView(deps: ListDeps): HTMLElement {
  const later = deps.later ?? ((fn, ms) => void setTimeout(fn, ms));
  const problems = h("div", { class: "errors", id: "integrations-errors" });
  const body = h("div", { "aria-busy": "true" }, h("p", { class: "status" }, t("integrations.loading")));
  const root = h(
    "section",
    { class: "screen", "data-screen": "integrations", "aria-labelledby": "integrations-title" },
    h("h1", { id: "integrations-title" }, t("integrations.title")),
    h("p", { class: "intro" }, t("integrations.intro")),
    h("p", { class: "intro" }, t("integrations.activationForgotten")),
    h("p", {}, h("a", { href: "#/setup", class: "button", id: "integrations-setup-link" }, t("integrations.setupLink"))),
    problems,
    body,
  );
  const reload = (): void => {
    deps.api.integrationsOverview().then(
      (overview) => {
        body.replaceChildren(limitLine(overview), diagramView(overview), table(overview), installForm(overview, deps, reload, problems));
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
