// The list of the org's OAuth clients: name, client ID (with Copy), grant type, state,
// created, created by; sortable by name, grant type and state; a search over name, id, grant
// type and description; each row opens the client's detail and, when the screen gives an api,
// has its actions (disable/enable, delete after the one confirmation).
import type { ClientsApi, OAuthClient } from "../../api";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { dateTime } from "../../kit/format";
import { t } from "../../i18n";
import { clientIdWithCopy } from "./client-id";
import { deleteClient, type DeleteApi } from "./delete";
import { grantLabel } from "./grants";
import { countLabel } from "../../kit/plural";
import { personName, stateLabel, type Me } from "./people";
import { sortClients, sortHeader, type Sort } from "./sort";

export { personName, stateLabel, type Me } from "./people";

/** What the row actions need: the calls, and a redraw of the list afterwards. */
export interface RowActionsDeps {
  api: DeleteApi & Pick<ClientsApi, "oauthClientSetState">;
  reload: () => void;
}

export function matchesClient(client: OAuthClient, query: string): boolean {
  const text = [client.name, client.id, client.authorizedGrantType, grantLabel(client.authorizedGrantType), client.description ?? ""]
    .join("\n")
    .toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => text.includes(w));
}

function rowActions(client: OAuthClient, deps: RowActionsDeps, status: HTMLElement, fail: (err: unknown) => void): HTMLElement {
  const disabled = client.state === "disabled";
  const toggle = h(
    "button",
    { type: "button", class: "link-button", "data-action": "toggle-state", "aria-label": disabled ? t("clients.list.enableNamed", { name: client.name }) : t("clients.list.disableNamed", { name: client.name }) },
    disabled ? t("clients.detail.enable") : t("clients.detail.disable"),
  );
  toggle.addEventListener("click", () => {
    toggle.disabled = true;
    deps.api.oauthClientSetState(client.id, disabled ? "active" : "disabled").then(deps.reload, (err) => {
      toggle.disabled = false;
      fail(err);
    });
  });
  const remove = h(
    "button",
    { type: "button", class: "link-button danger-link", "data-action": "delete", "aria-label": t("clients.list.deleteNamed", { name: client.name }) },
    t("clients.detail.delete"),
  );
  remove.addEventListener("click", () => {
    deleteClient(deps.api, client, remove, status).then((result) => {
      if (!result) return;
      deps.reload();
    }, fail);
  });
  return h("div", { class: "row-actions" }, toggle, remove);
}

export function clientsList(clients: OAuthClient[], me: Me = null, actions?: RowActionsDeps): HTMLElement {
  let sort: Sort = { key: "name", ascending: true };
  const search = h("input", { type: "search", id: "clients-search", autocomplete: "off", placeholder: t("clients.list.searchPlaceholder") });
  const body = h("tbody", {});
  const count = h("p", { class: "hint", role: "status", id: "clients-count" });
  const status = h("p", { class: "status", role: "status", id: "clients-list-status" });
  const problems = h("div", { class: "errors", id: "clients-list-errors" });
  const fail = (err: unknown): void => problems.replaceChildren(errorPanel(err, () => problems.replaceChildren()));
  const headers = [
    sortHeader("name", t("clients.list.name"), () => sort, (next) => resort(next)),
    sortHeader("grant", t("clients.list.grantType"), () => sort, (next) => resort(next)),
    sortHeader("state", t("clients.list.state"), () => sort, (next) => resort(next)),
  ];
  const draw = (): void => {
    const shown = sortClients(clients, sort).filter((c) => matchesClient(c, search.value));
    body.replaceChildren(
      ...shown.map((c) =>
        h(
          "tr",
          { "data-client-id": c.id },
          h("td", {}, h("a", { href: `#/clients/${encodeURIComponent(c.id)}`, class: "client-link" }, c.name)),
          h("td", { class: "id-cell" }, clientIdWithCopy(c.id, c.name)),
          h("td", {}, grantLabel(c.authorizedGrantType)),
          h("td", {}, h("span", { class: `state state-${c.state}` }, stateLabel(c.state))),
          h("td", {}, c.dateCreated ? dateTime(c.dateCreated) : "—"),
          h("td", {}, personName(c.createdBy, me)),
          actions ? h("td", { class: "actions-cell" }, rowActions(c, actions, status, fail)) : null,
        ),
      ),
    );
    count.textContent = t("clients.list.count", {
      shown: String(shown.length),
      total: countLabel(clients.length, "clients.list.clientsOne", "clients.list.clientsMany"),
    });
  };
  function resort(next: Sort): void {
    sort = next;
    for (const header of headers) header.refresh();
    draw();
  }
  search.addEventListener("input", draw);
  draw();
  const th = (label: string, extra: Record<string, string> = {}): HTMLElement => h("th", { scope: "col", ...extra }, label);
  return h(
    "div",
    { class: "clients-list" },
    h(
      "div",
      { class: "toolbar" },
      h("label", { for: "clients-search", class: "sr-only" }, t("clients.list.search")),
      search,
      h("a", { href: "#/clients/new", class: "button", id: "clients-new" }, t("clients.list.new")),
    ),
    count,
    status,
    problems,
    h(
      "div",
      { class: "table-scroller" },
      h(
        "table",
        { class: "table", id: "clients-table" },
        h("caption", { class: "sr-only" }, t("clients.title")),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            headers[0]?.th,
            th(t("clients.detail.id")),
            headers[1]?.th,
            headers[2]?.th,
            th(t("clients.list.created")),
            th(t("clients.list.createdBy")),
            actions ? th(t("clients.list.actions"), { class: "actions-cell" }) : null,
          ),
        ),
        body,
      ),
    ),
  );
}
