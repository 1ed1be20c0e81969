// The window's frame: a header with the current org (the Sandbox org badge until a real
// org is signed in), the navigation for the areas that exist, and the main area.
import { h } from "../dom";
import { t } from "../i18n";

export type Route = "about" | "settings";
export const ROUTES: Route[] = ["about", "settings"];

export interface Shell {
  root: HTMLElement;
  main: HTMLElement;
  errors: HTMLElement;
}

function orgBadge(): HTMLElement {
  return h(
    "div",
    { class: "org", "aria-label": t("org.label"), "data-org": "sandbox" },
    h("span", { class: "badge badge-sandbox", title: t("org.sandboxHint") }, t("org.sandbox")),
    h("span", { class: "org-user" }, t("org.notSignedIn")),
    h("span", { class: "org-region" }, t("org.regionLocal")),
  );
}

export function shellView(active: Route): Shell {
  const nav = h(
    "nav",
    { class: "nav", "aria-label": t("nav.label") },
    h(
      "ul",
      {},
      ...ROUTES.map((route) =>
        h(
          "li",
          {},
          h(
            "a",
            { href: `#/${route}`, "data-route": route, "aria-current": route === active ? "page" : undefined },
            t(`nav.${route}`),
          ),
        ),
      ),
    ),
  );
  const errors = h("div", { class: "errors", id: "errors" });
  const main = h("main", { id: "main", tabindex: "-1" });
  const root = h(
    "div",
    { class: "shell" },
    h(
      "header",
      { class: "header" },
      h("div", { class: "brand" }, h("img", { src: "/icon.svg", alt: "", width: "28", height: "28" }), h("span", {}, t("app.name"))),
      orgBadge(),
    ),
    nav,
    h("div", { class: "content" }, errors, main),
  );
  return { root, main, errors };
}

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, "");
  return ROUTES.find((r) => r === name) ?? "about";
}
