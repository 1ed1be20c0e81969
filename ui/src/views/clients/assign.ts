// "Assign this role to me first": explicit consent saying what PUT /api/v2/users/{id}/roles
// does, then the wait until Genesys applies the grant, with the progress Rust reports: the
// write, a countdown of the settle time in which nothing reads the grant (Genesys's caches
// need it), then the check. Resolves with the divisions the user now holds the role in, or
// null if the user said no.
import type { Api } from "../../api";
import type { AssignProgress } from "../../generated/AssignProgress";
import type { RoleView } from "../../generated/RoleView";
import { h } from "../../dom";
import { t } from "../../i18n";
import { errorPanel } from "../errors";
import { openModal } from "./modal";

/** The progress line for one message from Rust. */
export function progressLine(p: AssignProgress): HTMLElement[] {
  switch (p.phase) {
    case "assigning":
      return [h("progress", { "aria-label": t("clients.assign.assigning") }), h("span", {}, " ", t("clients.assign.assigning"))];
    case "settling": {
      const seconds = String(Math.ceil(p.remainingMs / 1000));
      const bar = h("progress", { max: String(p.settleMs), value: String(p.settleMs - p.remainingMs), "aria-label": t("clients.assign.settling", { seconds }) });
      return [bar, h("span", { class: "assign-countdown" }, " ", t("clients.assign.settling", { seconds }))];
    }
    case "confirming":
      return [h("progress", { "aria-label": t("clients.assign.confirming") }), h("span", {}, " ", t("clients.assign.confirming"))];
  }
}

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
      api.authorizationAssignRoleToMe(role.id, (p) => progress.replaceChildren(...progressLine(p))).then(
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
