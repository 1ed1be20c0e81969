// The window's frame (with about.ts, the screen of commands/app.rs): a header with the current org (the Sandbox org badge, or the signed-in
// org, user, region and token expiry), the navigation for the areas that exist, the main area.
import type { SessionView } from "../../api";
import { h } from "../../kit/dom";
import { dateTime, regionLabel } from "../../kit/format";
import { t } from "../../i18n";

export type Route = "signin" | "clients" | "integrations" | "actions" | "setup" | "settings" | "about";
export const ROUTES: Route[] = ["signin", "clients", "integrations", "actions", "setup", "settings", "about"];

export interface Shell {
  root: HTMLElement;
  main: HTMLElement;
  errors: HTMLElement;
}

/** The session before the backend has answered: the frame is drawn while it is restored. */
export const PENDING = "pending";

// A labelled group: an aria-label on a plain div has no role to name, so screen readers skip it.
function orgBadge(view: SessionView | null | typeof PENDING): HTMLElement {
  if (view === PENDING) {
    return h("div", { class: "org", role: "group", "aria-label": t("org.label"), "data-org": "pending" }, h("span", { class: "org-user org-pending" }, t("org.checking")));
  }
  if (!view) {
    return h(
      "div",
      { class: "org", role: "group", "aria-label": t("org.label"), "data-org": "sandbox" },
      h("span", { class: "badge badge-sandbox", title: t("org.sandboxHint") }, t("org.sandbox")),
      h("span", { class: "org-user" }, t("org.notSignedIn")),
    );
  }
  const { session, profile } = view;
  const sandbox = profile.target.kind === "sandbox";
  return h(
    "div",
    { class: "org", role: "group", "aria-label": t("org.label"), "data-org": sandbox ? "sandbox" : "region" },
    sandbox
      ? h("span", { class: "badge badge-sandbox", title: t("org.sandboxHint") }, t("org.sandbox"))
      : h("span", { class: "badge badge-region" }, profile.target.kind === "region" ? profile.target.code : ""),
    h("span", { class: "org-name" }, session.orgName),
    h("span", { class: "org-user" }, session.userName ?? session.userEmail ?? t("signin.methodClientCredentials")),
    h("span", { class: "org-region", title: regionLabel(profile.target) }, t("org.expires", { time: dateTime(session.expiresAt) })),
  );
}

/** The frame; with `PENDING` the main area is a busy placeholder until the screen is drawn. */
export function shellView(active: Route, session: SessionView | null | typeof PENDING): Shell {
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
          h("a", { href: `#/${route}`, "data-route": route, "aria-current": route === active ? "page" : undefined }, t(`nav.${route}`)),
        ),
      ),
    ),
  );
  const errors = h("div", { class: "errors", id: "errors" });
  const main = h("main", { id: "main", tabindex: "-1" });
  if (session === PENDING) {
    main.setAttribute("aria-busy", "true");
    main.append(h("div", { class: "skeleton", "aria-hidden": "true" }, h("div", { class: "skeleton-title" }), h("div", { class: "skeleton-card" }), h("div", { class: "skeleton-card short" })));
  }
  const root = h(
    "div",
    { class: "shell" },
    h(
      "header",
      { class: "header" },
      h("div", { class: "brand" }, h("img", { src: "/icon.svg", alt: "", width: "28", height: "28" }), h("span", {}, t("app.name"))),
      orgBadge(session),
    ),
    nav,
    h("div", { class: "content" }, errors, main),
  );
  return { root, main, errors };
}

export function routeFromHash(hash: string): Route {
  // The first segment names the screen: "#/clients/new" is the clients screen ("#clients/new",
  // without the slash, is read the same way).
  const name = hash.replace(/^#\/?/, "").split("/")[0];
  return ROUTES.find((r) => r === name) ?? "signin";
}
