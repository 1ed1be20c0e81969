// The Data actions screen (commands/actions.rs) and its routes: #/actions (the list),
// #/actions/new?integration=<id>&from=preset|blank, #/actions/import?integration=<id>,
// #/actions/privileges?integration=<id>, #/actions/<id>. Signed out, it says to sign in first.
import type { ActionsApi, ClientsApi } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import type { ScreenDeps } from "../../kit/screen";
import { signInFirst } from "../../kit/signed-out";
import { actionDetailView, actionNewView } from "./detail";
import { actionImportView } from "./import";
import { actionsListView } from "./list";
import { actionPrivilegesView } from "./privileges";

/** The actions group, and the org's divisions (from the roles picker) for granting a role. */
export type ActionsDeps = ScreenDeps<ActionsApi & Pick<ClientsApi, "authorizationRoles">>;

export function actionsScreen(hash: string, deps: ActionsDeps): HTMLElement {
  if (!deps.session) {
    return h(
      "section",
      { class: "screen", "data-screen": "actions" },
      h("h1", {}, t("actions.title")),
      signInFirst("actions-signed-out", { title: t("integrations.signInFirstTitle"), body: t("actions.signInFirst"), action: t("integrations.signInLink") }),
    );
  }
  const [path, query] = hash.replace(/^#\/?/, "").split("?");
  const id = decodeURIComponent(path?.split("/")[1] ?? "");
  const params = new URLSearchParams(query ?? "");
  if (id === "new") {
    return actionNewView(params.get("integration") ?? "", params.get("from") === "blank" ? "blank" : "preset", { api: deps.api, navigate: deps.navigate });
  }
  if (id === "import") return actionImportView(params.get("integration") ?? "", { api: deps.api, navigate: deps.navigate });
  if (id === "privileges") return actionPrivilegesView(params.get("integration") ?? "", { api: deps.api });
  return id ? actionDetailView(id, { api: deps.api, navigate: deps.navigate }) : actionsListView({ api: deps.api });
}
