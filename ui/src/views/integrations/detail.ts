// One Data Actions integration (#/integrations/<id>): its live state, its credential and the
// client behind it, Configure credentials, Activate / Deactivate (following reportedState until
// it settles, then the connection test: can the credential's client get a token), and Delete
// after a confirmation that says what goes.
import type { Activation, IntegrationsApi, IntegrationsOverview, IntegrationView } from "../../api";
import { t } from "../../i18n";
import { confirmDestructive } from "../../kit/confirm";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { objectName } from "../../kit/format";
import { goTo } from "../../kit/screen";
import { credentialsForm } from "./credentials";
import { HELP, helpLink } from "./help";
import { stateBadge } from "./state";
import "./integrations.css";

export interface DetailDeps {
  api: IntegrationsApi;
  /** Goes to a hash route; the address bar by default. */
  navigate?: (hash: string) => void;
}

function smokeLine(done: Activation): HTMLElement | null {
  const smoke = done.smoke;
  if (smoke.outcome === "notRun") return null;
  if (smoke.outcome === "failed") {
    return h("div", { id: "integration-smoke", "data-smoke": "failed" }, h("p", { class: "warning" }, t("integrations.smoke.failed")), errorPanel(smoke.error));
  }
  return h("p", { id: "integration-smoke", "data-smoke": smoke.outcome, class: smoke.outcome === "passed" ? "ok" : "hint" }, t(`integrations.smoke.${smoke.outcome}`));
}

/** What the integration is set to, in words, while Genesys reports something else (an ERROR,
 * a state still moving, or a switch Genesys has not acted on yet). */
function intended(i: IntegrationView): HTMLElement | null {
  const on = i.intendedState === "ENABLED";
  if ((on && i.reported === "ACTIVE") || (!on && i.reported === "INACTIVE")) return null;
  return h("span", { class: "hint state-intended", id: "integration-intended" }, ` · ${t(`integrations.intendedState.${on ? "ENABLED" : "DISABLED"}`)}`);
}

function facts(i: IntegrationView, overview: IntegrationsOverview): HTMLElement {
  const credential = overview.credentials.find((c) => c.id === i.credentialId) ?? null;
  const client = credential?.clientId ? (overview.clients.find((c) => c.id === credential.clientId) ?? null) : null;
  return h(
    "dl",
    { class: "facts" },
    h("dt", {}, t("integrations.columnState")),
    h("dd", { id: "integration-state" }, stateBadge(i.reported, i.detail), intended(i)),
    h("dt", {}, t("integrations.columnCredential")),
    h("dd", { id: "integration-credential" }, credential ? objectName(credential.name) : i.credentialId ? t("integrations.diagram.credentialDeleted") : t("integrations.noCredential")),
    h("dt", {}, t("integrations.diagram.client")),
    h(
      "dd",
      {},
      client ? h("a", { href: `#/clients/${client.id}` }, client.name) : credential?.clientId ? t("integrations.diagram.clientDeleted") : t("integrations.diagram.noClient"),
    ),
  );
}

function activation(i: IntegrationView, deps: DetailDeps, onDone: (done: Activation) => void, fail: (err: unknown) => void, last: Activation | null): HTMLElement {
  const enabling = i.intendedState !== "ENABLED";
  const button = h("button", { type: "button", class: enabling ? "primary" : "", id: "integration-toggle" }, enabling ? t("integrations.activate") : t("integrations.deactivate"));
  const live = h("p", { class: "status", id: "integration-live", role: "status" });
  const result = h("div", {});
  if (last) {
    live.replaceChildren(t("integrations.settled"), " ", stateBadge(last.integration.reported, last.integration.detail));
    const smoke = smokeLine(last);
    if (smoke) result.append(smoke);
  }
  button.addEventListener("click", () => {
    button.disabled = true;
    result.replaceChildren();
    live.replaceChildren(t(enabling ? "integrations.activating" : "integrations.deactivating"));
    deps.api
      .integrationSetEnabled(i.id, enabling, (seen) => live.replaceChildren(t("integrations.following"), " ", stateBadge(seen.reported, seen.detail)))
      .then(
        (done) => onDone(done),
        (err) => {
          button.disabled = false;
          live.replaceChildren();
          fail(err);
        },
      );
  });
  return h(
    "section",
    { class: "card", id: "integration-activation", "aria-labelledby": "integration-activation-title" },
    h("h2", { id: "integration-activation-title" }, t("integrations.activationTitle")),
    h("p", { class: "hint" }, t("integrations.activationForgotten")),
    button,
    live,
    result,
  );
}

function deletion(i: IntegrationView, deps: DetailDeps, fail: (err: unknown) => void): HTMLElement {
  const ask = h("button", { type: "button", class: "danger", id: "integration-delete" }, t("integrations.delete"));
  ask.addEventListener("click", () => {
    void confirmDestructive({
      id: "integration-delete-confirm",
      title: t("integrations.deleteQuestion"),
      objects: [i.name],
      consequences: [t("integrations.deleteGoes"), t("integrations.deleteKept")],
      confirm: t("integrations.deleteYes"),
      cancel: t("integrations.deleteNo"),
      busy: t("integrations.deleteBusy"),
      act: () => deps.api.integrationDelete(i.id),
    }).then((done) => {
      if (done !== null) (deps.navigate ?? goTo)("#/integrations");
    }, fail);
  });
  return h("section", { class: "card", "aria-labelledby": "integration-delete-title" }, h("h2", { id: "integration-delete-title" }, t("integrations.deleteTitle")), ask);
}

export function integrationDetailView(id: string, deps: DetailDeps, focusConfigure = false): HTMLElement {
  const problems = h("div", { class: "errors", id: "integration-errors" });
  const body = h("div", { "aria-busy": "true" }, h("p", { class: "status" }, t("integrations.loading")));
  const title = h("h1", { id: "integration-title" }, t("integrations.title"));
  const root = h(
    "section",
    { class: "screen", "data-screen": "integration", "aria-labelledby": "integration-title" },
    h("p", {}, h("a", { href: "#/integrations" }, `← ${t("integrations.back")}`)),
    title,
    problems,
    body,
  );
  const fail = (err: unknown): void => problems.replaceChildren(errorPanel(err, () => problems.replaceChildren()));
  const reload = (last: Activation | null = null, notice: string | null = null): void => {
    deps.api.integrationsOverview().then((overview) => {
      body.removeAttribute("aria-busy");
      const i = overview.integrations.find((x) => x.id === id);
      if (!i) {
        body.replaceChildren(h("p", { class: "warning", id: "integration-gone" }, t("integrations.gone")));
        return;
      }
      title.replaceChildren(objectName(i.name));
      const configure = h(
        "section",
        { class: "card", id: "integration-credentials", "aria-labelledby": "integration-credentials-title" },
        h("h2", { id: "integration-credentials-title" }, t("integrations.configureCredentials")),
        h("p", { class: "hint" }, t("integrations.credentials.intro"), " ", t("integrations.credentials.where")),
        helpLink(HELP.addDataActions, "integrations.learnAdd"),
        credentialsForm(i, overview, { api: deps.api, onConfigured: (done) => reload(null, done.createdClient ? t("integrations.credentials.savedNewClient", { client: done.createdClient.name }) : t("integrations.credentials.saved")), onError: fail }),
      );
      const saved = notice ? h("p", { class: "ok", id: "integration-notice", role: "status" }, notice) : null;
      body.replaceChildren(...[saved, facts(i, overview), configure, activation(i, deps, reload, fail, last), deletion(i, deps, fail)].filter((n): n is HTMLElement => n !== null));
      if (focusConfigure) configure.querySelector<HTMLElement>("input, select")?.focus();
    }, fail);
  };
  reload();
  return root;
}
