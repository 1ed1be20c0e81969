// Which divisions a role may be granted in on a new client: the ones the signed-in user holds
// it in, or every division (`*`) when they hold it everywhere; the home division by default.
import type { RolesView } from "../../api";
import type { RoleView } from "../../generated/RoleView";
import { t } from "../../i18n";

export const ALL = "*";

/** Divisions a held role may be granted in: all of them if held in `*`, else the held ones. */
export function grantableDivisions(role: RoleView, view: RolesView): { id: string; name: string }[] {
  const all = role.held.includes(ALL);
  const named = view.divisions
    .filter((d) => all || role.held.includes(d.id))
    .map((d) => ({ id: d.id, name: d.name ?? d.id }));
  return all ? [{ id: ALL, name: t("clients.roles.allDivisions") }, ...named] : named;
}

/** The division a newly picked role starts in: home if grantable there, else the first. */
export function defaultDivision(role: RoleView, view: RolesView): string | null {
  const options = grantableDivisions(role, view);
  const home = options.find((d) => d.id === view.homeDivisionId);
  return (home ?? options.find((d) => d.id !== ALL) ?? options[0])?.id ?? null;
}
