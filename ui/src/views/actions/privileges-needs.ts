// The read-only half of the permissions screen (ActionPrivileges from Rust): where the
// permissions were read from, each action's call and what it needs in plain words with a
// covered/missing badge, and what the integration's OAuth client holds: its roles, what is
// missing, and what it holds beyond its actions' need (risky grants called out).
import type { ActionPrivileges } from "../../api";
import type { ActionNeed } from "../../generated/ActionNeed";
import type { ClientGrants } from "../../generated/ClientGrants";
import type { NeedSource } from "../../generated/NeedSource";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { dateTime, plainName } from "../../kit/format";
import { countLabel } from "../../kit/plural";

/** Division id → the name shown; `*` is every division. */
export type DivisionName = (id: string) => string;

/** Needs only a run can settle: they are never shown as missing, nor as covered. */
const UNKNOWABLE: ReadonlySet<NeedSource> = new Set(["unknown", "fromInput", "otherHost"]);

/** A permission as code that may break only after one of its colons (`routing:|queue:|view`). */
export function permissionCode(permission: string): HTMLElement {
  const parts = permission.split(":").flatMap((part, i, all) => (i < all.length - 1 ? [`${part}:`, h("wbr", {})] : [part]));
  return h("code", { class: "permission" }, ...parts);
}

export function permissionList(permissions: string[], id?: string): HTMLElement {
  return h("ul", { class: "permission-list", id }, ...permissions.map((p) => h("li", { "data-permission": p }, permissionCode(p))));
}

/** When the API description was read, how much it holds, and a warning when it is an old copy. */
export function catalogLines(view: ActionPrivileges): HTMLElement[] {
  const date = dateTime(new Date(view.catalog.fetchedAt * 1000).toISOString());
  const lines = [
    h(
      "p",
      { class: "hint", id: "privileges-catalog" },
      t("actions.privileges.catalog", { date }),
      " ",
      countLabel(view.catalog.operations, "actions.privileges.catalogOperationsOne", "actions.privileges.catalogOperations"),
    ),
  ];
  if (view.catalog.stale) lines.push(h("p", { class: "warning", id: "privileges-stale" }, t("actions.privileges.stale")));
  return lines;
}

function needWords(need: ActionNeed): HTMLElement[] {
  const say = (key: string): HTMLElement => h("p", { class: "need-words" }, t(`actions.privileges.need.${key}`));
  switch (need.source) {
    case "any":
      if (need.listed.length <= 1) return [say("one"), permissionList(need.listed)];
      return [say("any"), permissionList(need.listed), h("p", { class: "need-least" }, t("actions.privileges.need.least"), " ", ...need.least.map((p) => permissionCode(p)))];
    case "all":
      return [say(need.listed.length <= 1 ? "one" : "all"), permissionList(need.listed)];
    default:
      return [say(need.source)];
  }
}

function needState(need: ActionNeed): "covered" | "missing" | "unknown" {
  if (need.covered) return "covered";
  return UNKNOWABLE.has(need.source) ? "unknown" : "missing";
}

function needRow(need: ActionNeed): HTMLElement {
  const state = needState(need);
  const call = need.path ? `${need.method} ${need.path}` : need.method;
  return h(
    "tr",
    { "data-action-need": need.actionId, "data-source": need.source, "data-state": state },
    h("td", {}, h("a", { href: `#/actions/${encodeURIComponent(need.actionId)}` }, plainName(need.name))),
    h("td", {}, h("code", { class: "need-call" }, call), need.endpoint && need.endpoint !== need.path ? h("p", { class: "hint" }, t("actions.privileges.matches", { endpoint: need.endpoint })) : null),
    h("td", {}, ...needWords(need)),
    h("td", {}, h("span", { class: `badge need-${state}` }, t(`actions.privileges.state.${state}`))),
  );
}

export function needsCard(view: ActionPrivileges): HTMLElement {
  const table = view.actions.length
    ? h(
        "table",
        { class: "list privileges-table", id: "privileges-table" },
        h(
          "thead",
          {},
          h("tr", {}, h("th", {}, t("actions.privileges.columnAction")), h("th", {}, t("actions.privileges.columnCall")), h("th", {}, t("actions.privileges.columnNeeds")), h("th", {}, t("actions.privileges.columnState"))),
        ),
        h("tbody", {}, ...view.actions.map(needRow)),
      )
    : h("p", { class: "hint", id: "privileges-no-actions" }, t("actions.privileges.noActions"));
  return h("section", { class: "card", "aria-labelledby": "privileges-needs-title" }, h("h2", { id: "privileges-needs-title" }, t("actions.privileges.tableTitle")), table);
}

/** The integration has no OAuth client credential: what its actions need, and where to give it one. */
export function noClientCard(view: ActionPrivileges): HTMLElement {
  return h(
    "section",
    { class: "card", id: "privileges-no-client" },
    h("p", { class: "warning" }, t("actions.privileges.noClient"), " ", h("a", { href: `#/integrations/${encodeURIComponent(view.integrationId)}`, id: "privileges-no-client-link" }, t("actions.privileges.noClientLink"))),
    view.needed.length ? h("p", {}, t("actions.privileges.needed")) : null,
    view.needed.length ? permissionList(view.needed, "privileges-needed") : null,
  );
}

function extraBlock(client: ClientGrants): HTMLElement {
  const risky = client.extra.some((e) => e.risky);
  return h(
    "section",
    { id: "privileges-extra", "aria-labelledby": "privileges-extra-title", "data-risky": String(risky) },
    h("h3", { id: "privileges-extra-title" }, t("actions.privileges.extraTitle")),
    client.extra.length === 0 ? h("p", { class: "hint" }, t("actions.privileges.extraNone")) : h("p", {}, t("actions.privileges.extraIntro")),
    risky ? h("p", { class: "warning privileges-risky", id: "privileges-risky", role: "note" }, h("strong", {}, t("actions.privileges.riskyWarning"))) : null,
    client.extra.length
      ? h(
          "ul",
          { class: "permission-list" },
          ...client.extra.map((e) =>
            h("li", { "data-permission": e.permission, "data-risky": String(e.risky) }, permissionCode(e.permission), e.risky ? h("strong", { class: "badge extra-risky" }, t("actions.privileges.risky")) : null),
          ),
        )
      : null,
  );
}

/** The client, its roles, what is missing (or that nothing is) and what is more than needed. */
export function clientCard(view: ActionPrivileges, client: ClientGrants, division: DivisionName): HTMLElement {
  const unknowable = view.actions.some((a) => !a.covered && UNKNOWABLE.has(a.source));
  const missing = client.missing.length
    ? h(
        "section",
        { id: "privileges-missing", "aria-labelledby": "privileges-missing-title" },
        h("h3", { id: "privileges-missing-title" }, t("actions.privileges.missingTitle")),
        h("p", {}, t("actions.privileges.missingIntro")),
        permissionList(client.missing),
      )
    : h("p", { class: "ok", id: "privileges-done", role: "status" }, t("actions.privileges.done"), unknowable ? ` ${t("actions.privileges.doneUnknown")}` : "");
  return h(
    "section",
    { class: "card", id: "privileges-client", "data-client": client.clientId, "aria-labelledby": "privileges-client-title" },
    h("h2", { id: "privileges-client-title" }, t("actions.privileges.clientTitle", { client: plainName(client.clientName) })),
    client.roles.length
      ? h("div", {}, h("p", {}, t("actions.privileges.rolesHeld")), h("ul", { id: "privileges-roles" }, ...client.roles.map((r) => h("li", { "data-role": r.roleId }, t("actions.privileges.roleIn", { role: r.roleName, division: division(r.divisionId) })))))
      : h("p", { class: "hint", id: "privileges-roles" }, t("actions.privileges.noRoles")),
    missing,
    extraBlock(client),
  );
}
