// The scopes picker: the org's scope catalogue (GET /api/v2/oauth/scopes) with descriptions,
// searchable, one checkbox each. Scopes apply to every grant type but Client Credentials.
import type { OAuthScope } from "../../api";
import { h } from "../../kit/dom";
import { t } from "../../i18n";

export interface ScopesPicker {
  root: HTMLElement;
  value: () => string[];
}

export function scopesPicker(scopes: OAuthScope[], initial: string[]): ScopesPicker {
  const picked = new Set(initial);
  const search = h("input", {
    type: "search",
    id: "clients-scopes-search",
    "aria-controls": "clients-scopes-list",
    autocomplete: "off",
    placeholder: t("clients.scopes.searchPlaceholder"),
  });
  const list = h("ul", { class: "scope-list", id: "clients-scopes-list", "aria-label": t("clients.scopes.title") });
  // A scope the client has that the catalogue no longer lists stays visible and pickable.
  const known = new Set(scopes.map((s) => s.id));
  const all: OAuthScope[] = [...scopes, ...initial.filter((id) => !known.has(id)).map((id) => ({ id, description: null }))];

  function draw(): void {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = all.filter((s) => words.every((w) => `${s.id} ${s.description ?? ""}`.toLowerCase().includes(w)));
    list.replaceChildren(
      ...shown.map((scope) => {
        const id = `clients-scope-${scope.id.replace(/[^\w-]/g, "_")}`;
        const box = h("input", { type: "checkbox", id, value: scope.id, checked: picked.has(scope.id), "data-scope": scope.id });
        box.addEventListener("change", () => (box.checked ? picked.add(scope.id) : picked.delete(scope.id)));
        return h(
          "li",
          {},
          h(
            "label",
            { class: "choice", for: id },
            box,
            h("span", {}, h("code", { class: "choice-label" }, scope.id), scope.description ? h("span", { class: "hint" }, scope.description) : null),
          ),
        );
      }),
    );
    if (shown.length === 0) list.append(h("li", { class: "hint" }, t("clients.scopes.none")));
  }
  search.addEventListener("input", draw);
  draw();
  const root = h(
    "fieldset",
    { class: "field", id: "clients-scopes", "aria-describedby": "clients-scopes-error" },
    h("legend", {}, t("clients.scopes.title")),
    h("p", { class: "hint" }, t("clients.scopes.explain")),
    h("label", { for: "clients-scopes-search", class: "sr-only" }, t("clients.scopes.search")),
    search,
    h("div", { class: "scope-scroller" }, list),
  );
  return {
    root,
    value: () => all.map((s) => s.id).filter((id) => picked.has(id)),
  };
}
