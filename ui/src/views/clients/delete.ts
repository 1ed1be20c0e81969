// The delete confirmation: Genesys's 30-day rule in plain words, what else uses the client
// (integration credentials naming it, when the app can tell), then the delete itself
// (inactive, DELETE, wait for 404) with its outcome.
import type { Api, DeletionView, OAuthClient } from "../../api";
import { h } from "../../dom";
import { t } from "../../i18n";
import { errorPanel } from "../errors";
import { openModal } from "./modal";

/** Asks first; resolves with what deleting did, or null when the user kept the client. */
export function confirmDelete(
  api: Pick<Api, "oauthClientDelete">,
  client: OAuthClient,
  usedBy: string[] | null,
): Promise<DeletionView | null> {
  return new Promise((resolve) => {
    let busy = false;
    const modal = openModal("clients-delete", t("clients.delete.title", { name: client.name }), () => {
      if (busy) return;
      modal.close();
      resolve(null);
    });
    const problems = h("div", { class: "errors" });
    const status = h("p", { class: "status", role: "status" });
    const yes = h("button", { type: "button", class: "danger", id: "clients-delete-yes" }, t("clients.delete.confirm"));
    const no = h("button", { type: "button", id: "clients-delete-no" }, t("clients.delete.cancel"));
    const uses =
      usedBy === null
        ? h("p", { class: "hint", id: "clients-delete-uses" }, t("clients.delete.usesUnknown"))
        : usedBy.length === 0
          ? h("p", { class: "hint", id: "clients-delete-uses" }, t("clients.delete.usesNone"))
          : h(
              "div",
              { class: "warning", id: "clients-delete-uses" },
              h("p", {}, t("clients.delete.usesSome")),
              h("ul", {}, ...usedBy.map((name) => h("li", {}, name))),
            );
    modal.body.append(
      h("p", {}, t("clients.delete.what")),
      h("p", { id: "clients-delete-rule" }, t("clients.delete.rule")),
      uses,
      status,
      problems,
    );
    modal.actions.append(yes, " ", no);
    no.addEventListener("click", () => {
      modal.close();
      resolve(null);
    });
    yes.addEventListener("click", () => {
      busy = true;
      yes.disabled = true;
      no.disabled = true;
      status.textContent = t("clients.delete.deleting");
      api.oauthClientDelete(client.id).then(
        (result) => {
          modal.close();
          resolve(result);
        },
        (err) => {
          busy = false;
          yes.disabled = false;
          no.disabled = false;
          status.textContent = "";
          problems.replaceChildren(errorPanel(err));
        },
      );
    });
  });
}
