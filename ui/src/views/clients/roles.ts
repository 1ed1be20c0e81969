// The roles × divisions picker: every role of the org, filtered as you type over a
// precomputed lower-case index and drawn a page at a time (more on scroll or "Show more"), so
// 5,000 roles stay fast. Roles the user does not hold are disabled with the held-roles rule
// and an "Assign this role to me first" action. Each picked role gets a division: the home
// division by default, any division the user holds it in, or all divisions (*).
import type { ClientsApi, RolesView } from "../../api";
import type { RoleDivision } from "../../generated/RoleDivision";
import type { RoleView } from "../../generated/RoleView";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { askToAssign } from "./assign";
import { ALL, defaultDivision, grantableDivisions } from "./divisions";
import { permissionsToggle } from "./permissions";
import { countLabel } from "../../kit/plural";

export const PAGE = 60;

export interface RolesPicker {
  root: HTMLElement;
  /** The picked role/division pairs, in the order picked. */
  value: () => RoleDivision[];
}

type PickerApi = Pick<ClientsApi, "authorizationRolePermissions" | "authorizationAssignRoleToMe">;

/** Indices of roles whose name or description contains every word of `query`. */
export function filterRoles(index: string[], query: string): number[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < index.length; i++) {
    const text = index[i] as string;
    if (words.every((w) => text.includes(w))) out.push(i);
  }
  return out;
}

export function rolesPicker(view: RolesView, api: PickerApi, initial: RoleDivision[]): RolesPicker {
  const roles = view.roles;
  const index = roles.map((r) => `${r.name}\n${r.description ?? ""}`.toLowerCase());
  const picked = new Map<string, string>(initial.map((p) => [p.roleId, p.divisionId]));
  let matches: number[] = [];
  let shown = 0;

  const search = h("input", {
    type: "search",
    id: "clients-roles-search",
    "aria-controls": "clients-roles-list",
    autocomplete: "off",
    placeholder: t("clients.roles.searchPlaceholder"),
  });
  const count = h("p", { class: "hint", id: "clients-roles-count", role: "status" });
  const list = h("ul", { class: "role-list", id: "clients-roles-list", "aria-label": t("clients.roles.listLabel") });
  const more = h("button", { type: "button", class: "link-button", id: "clients-roles-more", hidden: true });
  const chosen = h("ul", { class: "role-chosen", id: "clients-roles-chosen", "aria-label": t("clients.roles.chosenLabel") });
  const problems = h("div", { class: "errors" });
  const scroller = h("div", { class: "role-scroller", tabindex: "-1" }, list, more);

  const byId = new Map(roles.map((r) => [r.id, r]));
  const home = view.divisions.find((d) => d.id === view.homeDivisionId);
  const homeName = home ? (home.name ?? home.id) : null;
  // The rows on screen, by role id, to redraw one in place.
  const rows = new Map<string, HTMLLIElement>();
  // Every row built so far, kept off screen too: a keystroke that changes the matches then
  // moves existing rows instead of building 60 new ones. A row whose role changed while off
  // screen is dropped here and built again when next shown.
  const built = new Map<string, HTMLLIElement>();

  function shownRow(role: RoleView): HTMLLIElement {
    let item = built.get(role.id);
    if (!item) {
      item = row(role);
      built.set(role.id, item);
    }
    rows.set(role.id, item);
    return item;
  }

  function divisionSelect(role: RoleView): HTMLSelectElement {
    const select = h("select", { "aria-label": t("clients.roles.divisionFor", { role: role.name }), "data-role-division": role.id });
    for (const d of grantableDivisions(role, view)) {
      select.append(h("option", { value: d.id, selected: picked.get(role.id) === d.id }, d.name));
    }
    select.addEventListener("change", () => {
      picked.set(role.id, select.value);
      drawChosen();
      redrawRow(role.id);
    });
    return select;
  }

  function drawChosen(): void {
    chosen.replaceChildren(
      ...[...picked.entries()].map(([roleId, divisionId]) => {
        const role = byId.get(roleId);
        const division =
          divisionId === ALL ? t("clients.roles.allDivisions") : (view.divisions.find((d) => d.id === divisionId)?.name ?? divisionId);
        const remove = h("button", { type: "button", class: "link-button", "aria-label": t("clients.roles.remove", { role: role?.name ?? roleId }) }, "×");
        remove.addEventListener("click", () => {
          picked.delete(roleId);
          drawChosen();
          redrawRow(roleId);
        });
        return h("li", { "data-role-id": roleId }, h("span", {}, `${role?.name ?? roleId} · ${division}`), " ", remove);
      }),
    );
    if (picked.size === 0) chosen.append(h("li", { class: "hint" }, t("clients.roles.noneChosen")));
  }

  function row(role: RoleView): HTMLLIElement {
    const held = role.held.length > 0;
    const id = `clients-role-${role.id}`;
    const box = h("input", { type: "checkbox", id, checked: picked.has(role.id), disabled: !held, "data-role-id": role.id });
    box.addEventListener("change", () => {
      if (box.checked) {
        const division = defaultDivision(role, view);
        if (division) picked.set(role.id, division);
      } else {
        picked.delete(role.id);
      }
      drawChosen();
      redrawRow(role.id);
    });
    const describedBy = held ? undefined : `${id}-why`;
    if (describedBy) box.setAttribute("aria-describedby", describedBy);
    const item = h(
      "li",
      { class: held ? "role" : "role role-not-held", "data-role-id": role.id },
      h(
        "label",
        { class: "choice", for: id },
        box,
        h("span", {}, h("span", { class: "choice-label" }, role.name), role.description ? h("span", { class: "hint" }, role.description) : null),
      ),
      permissionsToggle(role, api),
    );
    rows.set(role.id, item);
    if (held && picked.has(role.id)) item.append(divisionSelect(role));
    if (!held) {
      item.append(h("p", { class: "hint role-why", id: `${id}-why` }, t("clients.roles.notHeld")));
      if (view.canAssignToMe) {
        const assign = h("button", { type: "button", class: "link-button role-assign", "data-assign": role.id }, t("clients.roles.assignToMe"));
        assign.addEventListener("click", () => {
          askToAssign(api, role, homeName).then(
            (divisions) => {
              if (!divisions) return;
              role.held = divisions;
              redrawRow(role.id);
            },
            (err) => problems.replaceChildren(errorPanel(err, () => problems.replaceChildren())),
          );
        });
        item.append(assign);
      } else {
        item.append(h("p", { class: "hint" }, t("clients.roles.cannotAssignCc")));
      }
    }
    return item;
  }

  function redrawRow(roleId: string): void {
    const old = rows.get(roleId);
    const role = byId.get(roleId);
    if (old?.isConnected && role) {
      const fresh = row(role);
      built.set(roleId, fresh);
      old.replaceWith(fresh);
    } else {
      built.delete(roleId);
    }
  }

  function drawMore(): void {
    const next = matches.slice(shown, shown + PAGE);
    list.append(...next.map((i) => shownRow(roles[i] as RoleView)));
    shown += next.length;
    const left = matches.length - shown;
    more.hidden = left <= 0;
    more.textContent = t("clients.roles.showMore", { count: String(Math.min(left, PAGE)), left: String(left) });
  }

  function applyFilter(): void {
    const next = filterRoles(index, search.value);
    // Typing often keeps the same first rows (every role matches "l", "lo", "loa"...): then
    // only the count changes, and the rows on screen stay as they are.
    const keep = shown > 0 && shown === Math.min(next.length, Math.max(PAGE, shown)) && next.slice(0, shown).every((v, i) => v === matches[i]);
    matches = next;
    if (keep) {
      const left = matches.length - shown;
      more.hidden = left <= 0;
      more.textContent = t("clients.roles.showMore", { count: String(Math.min(left, PAGE)), left: String(left) });
    } else {
      shown = 0;
      rows.clear();
      list.replaceChildren();
      drawMore();
    }
    count.textContent = t("clients.roles.count", {
      shown: String(matches.length),
      total: countLabel(roles.length, "clients.roles.rolesOne", "clients.roles.rolesMany"),
    });
  }

  search.addEventListener("input", applyFilter);
  more.addEventListener("click", drawMore);
  scroller.addEventListener("scroll", () => {
    if (!more.hidden && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 200) drawMore();
  });

  applyFilter();
  drawChosen();
  const root = h(
    "fieldset",
    { class: "field roles-picker", id: "clients-roles", "aria-describedby": "clients-roles-explain clients-roleDivisions-error" },
    h("legend", {}, t("clients.roles.title")),
    h("p", { class: "hint", id: "clients-roles-explain" }, t("clients.roles.explain")),
    view.grantsKnown ? null : h("p", { class: "hint", id: "clients-roles-unknown", role: "status" }, t("clients.roles.grantsUnknown")),
    h("label", { for: "clients-roles-search", class: "sr-only" }, t("clients.roles.search")),
    search,
    count,
    scroller,
    h("h3", { class: "role-chosen-title" }, t("clients.roles.chosen")),
    chosen,
    problems,
  );
  return {
    root,
    value: () => [...picked.entries()].map(([roleId, divisionId]) => ({ roleId, divisionId })),
  };
}
