// Sorting the clients list by a column (name, grant type or state, by what the user reads in
// it), each header a button that sorts ascending, then descending; ties keep name order.
import type { OAuthClient } from "../../api";
import { h } from "../../kit/dom";
import { grantLabel } from "./grants";
import { stateLabel } from "./people";

export type SortKey = "name" | "grant" | "state";
export interface Sort {
  key: SortKey;
  ascending: boolean;
}

const TEXT: Record<SortKey, (c: OAuthClient) => string> = {
  name: (c) => c.name,
  grant: (c) => grantLabel(c.authorizedGrantType),
  state: (c) => stateLabel(c.state),
};

export function sortClients(clients: OAuthClient[], sort: Sort): OAuthClient[] {
  const text = TEXT[sort.key];
  const sign = sort.ascending ? 1 : -1;
  return [...clients].sort((a, b) => sign * text(a).localeCompare(text(b)) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** A column header that sorts by `key`; `refresh` sets aria-sort to how the table is sorted now. */
export function sortHeader(
  key: SortKey,
  label: string,
  current: () => Sort,
  pick: (next: Sort) => void,
): { th: HTMLTableCellElement; refresh: () => void } {
  const button = h("button", { type: "button", class: "sort-button", "data-sort": key }, label, h("span", { class: "sort-mark", "aria-hidden": "true" }));
  const th = h("th", { scope: "col" }, button);
  const refresh = (): void => {
    const now = current();
    th.setAttribute("aria-sort", now.key === key ? (now.ascending ? "ascending" : "descending") : "none");
  };
  button.addEventListener("click", () => {
    const now = current();
    pick({ key, ascending: now.key === key ? !now.ascending : true });
  });
  refresh();
  return { th, refresh };
}
