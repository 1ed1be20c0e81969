// "Assign this role to me first": explicit consent saying what changes for the user and in
// which division the role is granted (the API call behind a "Details" disclosure), then the
// wait until Genesys applies the grant, with the progress Rust reports: the
// write, a countdown of the settle time in which nothing reads the grant (Genesys's caches
// need it), then the check. Resolves with the divisions the user now holds the role in, or
// null if the user said no.
import type { ClientsApi } from "../../api";
import type { AssignProgress } from "../../generated/AssignProgress";
import type { RoleView } from "../../generated/RoleView";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { askInModal } from "../../kit/modal";

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

/** In which division Genesys grants a self-assigned role: the home division, or every division.
 *  No public source says which (the Sandbox plays both), so the dialog names both. */
function whereLine(homeDivision: string | null): HTMLElement {
  const text = homeDivision ? t("clients.assign.where", { division: homeDivision }) : t("clients.assign.whereUnnamed");
  return h("p", { id: "clients-assign-where" }, text);
}

export function askToAssign(
  api: Pick<ClientsApi, "authorizationAssignRoleToMe">,
  role: RoleView,
  homeDivision: string | null,
): Promise<string[] | null> {
  const progress = h("div", { class: "assign-progress", role: "status", id: "clients-assign-progress" });
  return askInModal({
    id: "clients-assign",
    title: t("clients.assign.title", { role: role.name }),
    body: [
      h("p", {}, t("clients.assign.what", { role: role.name })),
      whereLine(homeDivision),
      h("p", { class: "hint" }, t("clients.assign.wait")),
      h("details", { class: "api-details", id: "clients-assign-details" }, h("summary", {}, t("clients.common.details")), h("p", { class: "hint" }, t("clients.assign.how"))),
      progress,
    ],
    yes: { id: "clients-assign-yes", label: t("clients.assign.confirm"), kind: "primary" },
    no: { id: "clients-assign-no", label: t("clients.assign.cancel") },
    act: () => api.authorizationAssignRoleToMe(role.id, (p) => progress.replaceChildren(...progressLine(p))),
    busy: (running) =>
      running
        ? progress.replaceChildren(h("progress", { "aria-label": t("clients.assign.waiting") }), " ", t("clients.assign.waiting"))
        : progress.replaceChildren(),
  });
}
