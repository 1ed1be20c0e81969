// One OAuth client: what Genesys says about it (facts.ts), and what can be done to it — edit (a
// full PUT through the same form), disable/enable, regenerate the secret (regenerate.ts) and
// delete (delete.ts: asks first, naming the client and what follows).
import type { ClientsApi, OAuthClient } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { dateTime } from "../../kit/format";
import { deleteClient } from "./delete";
import { facts } from "./facts";
import { implicitRetirement } from "./grants";
import { clientForm, type FormApi } from "./form";
import type { Me } from "./people";
import { regenerateAction } from "./regenerate";
import type { SecretApi } from "./secret";

export type DetailApi = FormApi &
  SecretApi &
  Pick<
    ClientsApi,
    | "oauthClientUpdate"
    | "oauthClientSetState"
    | "oauthClientDelete"
    | "oauthClientRegenerateSecret"
    | "oauthClientCredentials"
    | "oauthClientCredentialUpdate"
  >;

export interface DetailDeps {
  api: DetailApi;
  me?: Me;
  /** Redraws the screen (after a change) or goes to another route. */
  navigate: (hash: string) => void;
  reload: () => void;
}

export function clientDetail(client: OAuthClient, deps: DetailDeps): HTMLElement {
  const { api } = deps;
  const problems = h("div", { class: "errors", id: "clients-detail-errors" });
  const status = h("p", { class: "status", role: "status", id: "clients-detail-status" });
  const fail = (err: unknown): void => problems.replaceChildren(errorPanel(err, () => problems.replaceChildren()));
  const editSlot = h("div", { id: "clients-edit-slot" });

  const edit = h("button", { type: "button", id: "clients-edit", "aria-expanded": "false" }, t("clients.detail.edit"));
  edit.addEventListener("click", () => {
    if (editSlot.firstChild) {
      editSlot.replaceChildren();
      edit.setAttribute("aria-expanded", "false");
      return;
    }
    edit.setAttribute("aria-expanded", "true");
    editSlot.replaceChildren(
      clientForm({
        api,
        editing: client,
        submit: (form) => api.oauthClientUpdate(client.id, form).then(() => deps.reload()),
      }),
    );
  });

  const disabled = client.state === "disabled";
  const toggle = h("button", { type: "button", id: "clients-toggle-state" }, disabled ? t("clients.detail.enable") : t("clients.detail.disable"));
  toggle.addEventListener("click", () => {
    toggle.disabled = true;
    api.oauthClientSetState(client.id, disabled ? "active" : "disabled").then(
      () => deps.reload(),
      (err) => {
        toggle.disabled = false;
        fail(err);
      },
    );
  });

  const regen = regenerateAction(client, api, fail, status);

  const remove = h("button", { type: "button", class: "danger", id: "clients-delete" }, t("clients.detail.delete"));
  remove.addEventListener("click", () => {
    deleteClient(api, client, remove, status).then((result) => {
      if (!result) return;
      if (result.deleted) deps.navigate("#/clients");
      else {
        status.textContent = t("clients.delete.scheduled", { date: result.dateToDelete ? dateTime(result.dateToDelete) : "—" });
        deps.reload();
      }
    }, fail);
  });

  return h(
    "div",
    { class: "client-detail", "data-client-id": client.id },
    h("p", {}, h("a", { href: "#/clients", id: "clients-back" }, `← ${t("clients.detail.back")}`)),
    h("h2", { id: "clients-detail-title" }, client.name),
    problems,
    facts(client, api, deps.me ?? null),
    client.authorizedGrantType === "TOKEN" ? implicitRetirement("clients-detail-implicit-warning") : null,
    h("div", { class: "actions", role: "group", "aria-label": t("clients.detail.actions") }, edit, toggle, regen.button, remove),
    regen.confirm,
    status,
    editSlot,
  );
}
