// "Assign this role to me first": explicit consent saying what PUT /api/v2/users/{id}/roles
// does, then the wait until Genesys applies the grant (it caches grants for a few seconds),
// with progress. Resolves with the divisions the user now holds the role in, or null if the
// user said no.
import type { Api } from "../../api";
import type { RoleView } from "../../generated/RoleView";
import { h } from "../../dom";
import { t } from "../../i18n";
import { errorPanel } from "../errors";
import { openModal } from "./modal";

export function askToAssign(api: Pick<Api, "authorizationAssignRoleToMe">, role: RoleView): Promise<string[] | null> {
  return new Promise((resolve) => {
    let busy = false;
    const modal = openModal("clients-assign", t("clients.assign.title", { role: role.name }), () => {
      if (busy) return;
      modal.close();
      resolve(null);
    });
    const progress = h("div", { class: "assign-progress", role: "status", id: "clients-assign-progress" });
    const problems = h("div", { class: "errors" });
    const yes = h("button", { type: "button", class: "primary", id: "clients-assign-yes" }, t("clients.assign.confirm"));
    const no = h("button", { type: "button", id: "clients-assign-no" }, t("clients.assign.cancel"));
    modal.body.append(
      h("p", {}, t("clients.assign.what", { role: role.name })),
      h("p", { class: "hint" }, t("clients.assign.how")),
      h("p", { class: "hint" }, t("clients.assign.wait")),
      progress,
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
      problems.replaceChildren();
      progress.replaceChildren(h("progress", { "aria-label": t("clients.assign.waiting") }), " ", t("clients.assign.waiting"));
      api.authorizationAssignRoleToMe(role.id).then(
        (divisions) => {
          modal.close();
          resolve(divisions);
        },
        (err) => {
          busy = false;
          yes.disabled = false;
          no.disabled = false;
          progress.replaceChildren();
          problems.replaceChildren(errorPanel(err));
        },
      );
    });
  });
}
