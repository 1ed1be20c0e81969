// A role's permissions, read from Genesys only when the user opens them (a role may hold
// hundreds), shown as a plain list.
import type { ClientsApi } from "../../api";
import type { RoleView } from "../../generated/RoleView";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { countLabel } from "../../kit/plural";

export function permissionsToggle(role: RoleView, api: Pick<ClientsApi, "authorizationRolePermissions">): HTMLElement {
  const details = h("details", { class: "role-permissions" }, h("summary", {}, countLabel(role.permissionCount, "clients.roles.permissionsOne", "clients.roles.permissions")));
  details.addEventListener("toggle", () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = "1";
    const out = h("ul", { class: "mono" }, h("li", { class: "hint" }, t("clients.roles.loading")));
    details.append(out);
    api.authorizationRolePermissions(role.id).then(
      (perms) => out.replaceChildren(...(perms.length ? perms.map((p) => h("li", {}, p)) : [h("li", { class: "hint" }, t("clients.roles.noPermissions"))])),
      (err) => {
        delete details.dataset.loaded;
        out.replaceChildren(errorPanel(err));
      },
    );
  });
  return details;
}
