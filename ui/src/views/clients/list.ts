// The list of the org's OAuth clients: name, grant type, state, created, created by; a search
// over name, id, grant type and description; each row opens the client's detail.
import type { OAuthClient } from "../../api";
import { h } from "../../kit/dom";
import { dateTime } from "../../kit/format";
import { t } from "../../i18n";
import { grantLabel } from "./grants";

/** The signed-in user, to name them where Genesys gives only their id (createdBy). */
export type Me = { id: string; name: string } | null;

/** A DomainEntityRef's name; its id when Genesys gives none, unless it is the signed-in user. */
export function personName(ref: OAuthClient["createdBy"], me: Me): string {
  if (!ref) return "—";
  if (ref.name) return ref.name;
  return me && ref.id === me.id ? me.name : ref.id;
}

export function stateLabel(state: string): string {
  return t(`clients.states.${state}`);
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

export function clientsList(clients: OAuthClient[], me: Me = null): HTMLElement {
  const sorted = [...clients].sort((a, b) => a.name.localeCompare(b.name));
  const search = h("input", { type: "search", id: "clients-search", autocomplete: "off", placeholder: t("clients.list.searchPlaceholder") });
  const body = h("tbody", {});
  const count = h("p", { class: "hint", role: "status", id: "clients-count" });
  const draw = (): void => {
    const shown = sorted.filter((c) => matchesClient(c, search.value));
    body.replaceChildren(
      ...shown.map((c) =>
        h(
          "tr",
          { "data-client-id": c.id },
          h("td", {}, h("a", { href: `#/clients/${encodeURIComponent(c.id)}`, class: "client-link" }, c.name)),
          h("td", {}, grantLabel(c.authorizedGrantType)),
          h("td", {}, h("span", { class: `state state-${c.state}` }, stateLabel(c.state))),
          h("td", {}, c.dateCreated ? dateTime(c.dateCreated) : "—"),
          h("td", {}, personName(c.createdBy, me)),
        ),
      ),
    );
    count.textContent = t("clients.list.count", { shown: String(shown.length), total: String(sorted.length) });
  };
  search.addEventListener("input", draw);
  draw();
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
            h("th", { scope: "col" }, t("clients.list.name")),
            h("th", { scope: "col" }, t("clients.list.grantType")),
            h("th", { scope: "col" }, t("clients.list.state")),
            h("th", { scope: "col" }, t("clients.list.created")),
            h("th", { scope: "col" }, t("clients.list.createdBy")),
          ),
        ),
        body,
      ),
    ),
  );
}
