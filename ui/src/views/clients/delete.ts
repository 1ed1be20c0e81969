// Deleting a client: first what uses it (integration credentials naming it, when the app can
// tell), then the one destructive confirmation naming the client and what follows — its tokens
// stop, Genesys's 30-day rule, the credentials that break — then the delete itself (inactive,
// DELETE, wait for 404) with its outcome. Used by the detail page and the list's row action.
import type { ClientsApi, DeletionView, OAuthClient } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { confirmDestructive } from "../../kit/confirm";

export type DeleteApi = Pick<ClientsApi, "oauthClientDelete" | "oauthClientCredentials">;

function usesLine(usedBy: string[] | null): HTMLElement {
  if (usedBy === null) return h("p", { class: "hint", id: "clients-delete-uses" }, t("clients.delete.usesUnknown"));
  if (usedBy.length === 0) return h("p", { class: "hint", id: "clients-delete-uses" }, t("clients.delete.usesNone"));
  return h(
    "div",
    { class: "warning", id: "clients-delete-uses" },
    h("p", {}, t("clients.delete.usesSome")),
    h("ul", {}, ...usedBy.map((name) => h("li", {}, name))),
  );
}

/** Asks first; resolves with what deleting did, or null when the user kept the client. */
export function confirmDelete(
  api: Pick<ClientsApi, "oauthClientDelete">,
  client: OAuthClient,
  usedBy: string[] | null,
): Promise<DeletionView | null> {
  return confirmDestructive({
    id: "clients-delete",
    title: t("clients.delete.title", { name: client.name }),
    objects: [t("clients.delete.object", { name: client.name, id: client.id })],
    consequences: [t("clients.delete.what"), h("p", { id: "clients-delete-rule" }, t("clients.delete.rule")), usesLine(usedBy)],
    confirm: t("clients.delete.confirm"),
    cancel: t("clients.delete.cancel"),
    busy: t("clients.delete.deleting"),
    act: () => api.oauthClientDelete(client.id),
  });
}

/** Names what uses the client when every OAuth credential could be read; else null ("cannot tell"). */
export function clientUsers(api: Pick<ClientsApi, "oauthClientCredentials">, clientId: string): Promise<string[] | null> {
  return api.oauthClientCredentials(clientId).then(
    (uses): string[] | null => (uses.unknown > 0 ? null : uses.using.map((u) => u.name ?? u.id)),
    (): null => null,
  );
}

/** The whole delete from a button: looks up what uses the client (saying so on `status`),
 *  asks, deletes. Resolves like confirmDelete; rejects only if deleting failed outside it. */
export function deleteClient(api: DeleteApi, client: OAuthClient, button: HTMLButtonElement, status: HTMLElement): Promise<DeletionView | null> {
  button.disabled = true;
  status.textContent = t("clients.delete.checking");
  return clientUsers(api, client.id).then((usedBy) => {
    button.disabled = false;
    button.focus();
    status.textContent = "";
    return confirmDelete(api, client, usedBy);
  });
}
