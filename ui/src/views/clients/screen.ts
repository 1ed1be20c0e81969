// The OAuth clients screen (commands/clients.rs) and its routes: #/clients (the list),
// #/clients/new (create) and #/clients/<id> (detail: edit, disable, delete, regenerate). Signed
// out, it says to sign in first. After create, the secret is shown once, then the new client's
// detail opens.
import type { ClientsApi } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import type { ScreenDeps } from "../../kit/screen";
import { signInFirst } from "../../kit/signed-out";
import { clientDetail, type DetailApi } from "./detail";
import { clientForm } from "./form";
import { clientsList } from "./list";
import { showSecretOnce } from "./secret";
import "./clients.css";

export type ClientsScreenApi = DetailApi & Pick<ClientsApi, "oauthClientsList" | "oauthClientGet" | "oauthClientCreate">;
export type ClientsDeps = ScreenDeps<ClientsScreenApi>;

// An error to show on the next screen drawn (forgetting a secret failed while navigating).
let pendingNotice: unknown = null;

export type ClientsRoute = { kind: "list" } | { kind: "new" } | { kind: "detail"; id: string };

/** `#/clients`, `#/clients/new`, `#/clients/<id>` (and the same without the slash). */
export function clientsRoute(hash: string): ClientsRoute {
  const rest = hash.replace(/^#\/?clients\/?/, "");
  if (rest === "") return { kind: "list" };
  if (rest === "new") return { kind: "new" };
  return { kind: "detail", id: decodeURIComponent(rest.split("/")[0] ?? "") };
}

function created(name: string): HTMLElement {
  return h("p", { class: "status success", role: "status", id: "clients-created" }, t("clients.new.created", { name }));
}

function loading(): HTMLElement {
  return h("p", { class: "hint", role: "status", id: "clients-loading" }, t("clients.loading"));
}

export function clientsScreen(hash: string, deps: ClientsDeps): HTMLElement {
  const route = clientsRoute(hash);
  const body = h("div", { id: "clients-body" });
  const heading = route.kind === "new" ? t("clients.new.title") : t("clients.title");
  const root = h(
    "section",
    { class: "screen", "aria-labelledby": "clients-title", "data-screen": "clients", "data-view": route.kind },
    h("h1", { id: "clients-title" }, heading),
    h("p", { class: "intro" }, t("clients.intro")),
    body,
  );
  if (!deps.session) {
    body.append(
      signInFirst("clients-signed-out", {
        title: t("clients.signedOut.title"),
        body: t("clients.signedOut.body"),
        action: t("clients.signedOut.action"),
      }),
    );
    return root;
  }
  const { api } = deps;
  const info = deps.session.session;
  const me = info.userId ? { id: info.userId, name: info.userName ?? info.userEmail ?? info.userId } : null;
  const fail = (err: unknown): void => body.replaceChildren(errorPanel(err));
  const notice = pendingNotice;
  pendingNotice = null;
  if (notice) root.insertBefore(errorPanel(notice), body);

  if (route.kind === "list") {
    const loadList = (): void => {
      body.replaceChildren(loading());
      api.oauthClientsList().then((clients) => body.replaceChildren(clientsList(clients, me, { api, reload: loadList })), fail);
    };
    loadList();
  } else if (route.kind === "new") {
    body.append(
      h("p", {}, h("a", { href: "#/clients", id: "clients-back" }, `← ${t("clients.detail.back")}`)),
      h("h2", { id: "clients-form-title", class: "sr-only" }, t("clients.new.title")),
      clientForm({
        api,
        editing: null,
        submit: (form) =>
          api.oauthClientCreate(form).then(async (issued) => {
            // Behind the secret dialog, the page says what happened, not "Creating…".
            body.replaceChildren(created(issued.client.name));
            pendingNotice = await showSecretOnce(api, issued);
            deps.navigate(`#/clients/${encodeURIComponent(issued.client.id)}`);
          }),
      }),
    );
  } else {
    const load = (): void => {
      body.replaceChildren(loading());
      api.oauthClientGet(route.id).then(
        (client) => body.replaceChildren(clientDetail(client, { api, navigate: deps.navigate, reload: load, me })),
        fail,
      );
    };
    load();
  }
  return root;
}
