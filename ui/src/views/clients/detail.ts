// One OAuth client: what Genesys says about it, and what can be done to it — edit (a full
// PUT through the same form), disable/enable, regenerate the secret (asks first, reveals it
// once) and delete (asks first, explaining the 30-day rule).
import type { Api, CredentialUses, OAuthClient, RolesView } from "../../api";
import { h } from "../../dom";
import { dateTime } from "../../format";
import { t } from "../../i18n";
import { errorPanel } from "../errors";
import { confirmDelete } from "./delete";
import { clientForm, grantLabel, type FormApi } from "./form";
import { personName, stateLabel, type Me } from "./list";
import { showSecretOnce, type SecretApi } from "./secret";
import { durationLabel } from "./validate";

/** In the reveal dialog after a regenerate: each credential that uses this client, with a
 *  button that gives it the new secret (Rust reads it from memory by the reveal handle). */
function credentialOffer(api: DetailApi, client: OAuthClient, uses: CredentialUses): (handle: string) => HTMLElement | null {
  return (handle) => {
    if (uses.using.length === 0) return null;
    const list = h("ul", { class: "plain", id: "clients-credential-offer" });
    for (const use of uses.using) {
      const name = use.name ?? use.id;
      const status = h("span", { class: "hint", role: "status" });
      const update = h("button", { type: "button", "data-credential": use.id }, t("clients.credentials.update", { name }));
      update.addEventListener("click", () => {
        update.disabled = true;
        api.oauthClientCredentialUpdate(use.id, use.name ?? "", client.id, handle).then(
          () => (status.textContent = t("clients.credentials.updated")),
          (err) => {
            update.disabled = false;
            status.replaceChildren(errorPanel(err));
          },
        );
      });
      list.append(h("li", {}, update, " ", status));
    }
    return h("div", { class: "warning" }, h("p", {}, t("clients.credentials.offer")), list);
  };
}

export type DetailApi = FormApi &
  SecretApi &
  Pick<
    Api,
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

function list(items: string[], empty: string): HTMLElement {
  return items.length ? h("ul", { class: "plain" }, ...items.map((i) => h("li", {}, h("code", {}, i)))) : h("span", { class: "hint" }, empty);
}

function rolesFacts(client: OAuthClient, api: DetailApi): HTMLElement {
  const out = h("ul", { class: "plain", id: "clients-detail-roles" });
  const draw = (view: RolesView | null): void => {
    const roleName = (id: string): string => view?.roles.find((r) => r.id === id)?.name ?? id;
    const divisionName = (id: string): string =>
      id === "*" ? t("clients.roles.allDivisions") : (view?.divisions.find((d) => d.id === id)?.name ?? id);
    out.replaceChildren(...client.roleDivisions.map((p) => h("li", {}, `${roleName(p.roleId)} · ${divisionName(p.divisionId)}`)));
  };
  draw(null);
  if (client.roleDivisions.length) api.authorizationRoles().then(draw, () => undefined);
  return out;
}

function facts(client: OAuthClient, api: DetailApi, me: Me): HTMLElement {
  const row = (label: string, value: Node | string): Node[] => [h("dt", {}, label), h("dd", {}, value)];
  const credentials = client.authorizedGrantType === "CLIENT-CREDENTIALS";
  const seconds = client.accessTokenValiditySeconds ?? 86_400;
  return h(
    "dl",
    { class: "facts", id: "clients-detail-facts" },
    ...row(t("clients.detail.id"), h("code", {}, client.id)),
    ...row(t("clients.list.grantType"), grantLabel(client.authorizedGrantType)),
    ...row(t("clients.list.state"), h("span", { class: `state state-${client.state}` }, stateLabel(client.state))),
    ...row(t("clients.detail.description"), client.description || "—"),
    ...row(t("clients.form.tokenDuration"), t("clients.detail.seconds", { seconds: String(seconds), duration: durationLabel(String(seconds)) })),
    ...(credentials
      ? row(t("clients.roles.title"), rolesFacts(client, api))
      : [
          ...row(t("clients.form.redirectUris"), list(client.registeredRedirectUri, "—")),
          ...row(t("clients.scopes.title"), list(client.scope, "—")),
        ]),
    ...row(t("clients.list.created"), client.dateCreated ? dateTime(client.dateCreated) : "—"),
    ...row(t("clients.list.createdBy"), personName(client.createdBy, me)),
    ...row(t("clients.detail.modified"), client.dateModified ? dateTime(client.dateModified) : "—"),
    ...(client.dateToDelete ? row(t("clients.detail.dateToDelete"), dateTime(client.dateToDelete)) : []),
  );
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

  const regenerate = h("button", { type: "button", id: "clients-regenerate" }, t("clients.detail.regenerate"));
  const regenConfirm = h("div", { class: "confirm", id: "clients-regenerate-confirm", hidden: true });
  const regenYes = h("button", { type: "button", class: "danger", id: "clients-regenerate-yes" }, t("clients.detail.regenerateConfirm"));
  const regenNo = h("button", { type: "button", id: "clients-regenerate-no" }, t("clients.delete.cancel"));
  regenConfirm.append(h("p", {}, t("clients.detail.regenerateWhat")), regenYes, " ", regenNo);
  regenerate.addEventListener("click", () => {
    regenConfirm.hidden = false;
    regenYes.focus();
  });
  regenNo.addEventListener("click", () => (regenConfirm.hidden = true));
  regenYes.addEventListener("click", () => {
    regenYes.disabled = true;
    // What uses this client, to offer updating it; if that cannot be read, no offer is made.
    const uses = api.oauthClientCredentials(client.id).catch((): CredentialUses => ({ using: [], unknown: 0 }));
    api.oauthClientRegenerateSecret(client.id).then(
      async (issued) => {
        regenYes.disabled = false;
        regenConfirm.hidden = true;
        const forgetError = await showSecretOnce(api, issued, credentialOffer(api, client, await uses));
        if (forgetError) fail(forgetError);
        else status.textContent = t("clients.detail.regenerated");
      },
      (err) => {
        regenYes.disabled = false;
        fail(err);
      },
    );
  });

  const remove = h("button", { type: "button", class: "danger", id: "clients-delete" }, t("clients.detail.delete"));
  remove.addEventListener("click", () => {
    remove.disabled = true;
    status.textContent = t("clients.delete.checking");
    // Names what uses the client when every OAuth credential could be read; else "cannot tell".
    api
      .oauthClientCredentials(client.id)
      .then(
        (uses): string[] | null => (uses.unknown > 0 ? null : uses.using.map((u) => u.name ?? u.id)),
        (): null => null,
      )
      .then((usedBy) => {
        remove.disabled = false;
        status.textContent = "";
        return confirmDelete(api, client, usedBy);
      })
      .then((result) => {
        if (!result) return;
        if (result.deleted) deps.navigate("#clients");
        else {
          status.textContent = t("clients.delete.scheduled", { date: result.dateToDelete ? dateTime(result.dateToDelete) : "—" });
          deps.reload();
        }
      }, fail);
  });

  return h(
    "div",
    { class: "client-detail", "data-client-id": client.id },
    h("p", {}, h("a", { href: "#clients", id: "clients-back" }, `← ${t("clients.detail.back")}`)),
    h("h2", { id: "clients-detail-title" }, client.name),
    problems,
    facts(client, api, deps.me ?? null),
    h("div", { class: "actions", role: "group", "aria-label": t("clients.detail.actions") }, edit, toggle, regenerate, remove),
    regenConfirm,
    status,
    editSlot,
  );
}
