// The delete confirmation: Genesys's 30-day rule in plain words, what else uses the client
// (integration credentials naming it, when the app can tell), then the delete itself
// (inactive, DELETE, wait for 404) with its outcome.
import type { ClientsApi, DeletionView, OAuthClient } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { askInModal } from "../../kit/modal";

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
  const status = h("p", { class: "status", role: "status" });
  return askInModal({
    id: "clients-delete",
    title: t("clients.delete.title", { name: client.name }),
    body: [h("p", {}, t("clients.delete.what")), h("p", { id: "clients-delete-rule" }, t("clients.delete.rule")), usesLine(usedBy), status],
    yes: { id: "clients-delete-yes", label: t("clients.delete.confirm"), kind: "danger" },
    no: { id: "clients-delete-no", label: t("clients.delete.cancel") },
    act: () => api.oauthClientDelete(client.id),
    busy: (running) => (status.textContent = running ? t("clients.delete.deleting") : ""),
  });
}
