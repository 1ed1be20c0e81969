// The Data Actions integrations screen (commands/integrations.rs) and its routes:
// #/integrations (list and diagram) and #/integrations/<id> (one integration; `?configure` opens
// on its credentials). Signed out, it says to sign in first.
import type { IntegrationsApi } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import type { ScreenDeps } from "../../kit/screen";
import { signInFirst } from "../../kit/signed-out";
import { integrationDetailView } from "./detail";
import { integrationsListView } from "./list";

export type IntegrationsDeps = ScreenDeps<IntegrationsApi>;

export function integrationsScreen(hash: string, deps: IntegrationsDeps): HTMLElement {
  if (!deps.session) {
    return h(
      "section",
      { class: "screen", "data-screen": "integrations" },
      h("h1", {}, t("integrations.title")),
      signInFirst("integrations-signed-out", {
        title: t("integrations.signInFirstTitle"),
        body: t("integrations.signInFirst"),
        action: t("integrations.signInLink"),
      }),
    );
  }
  const [path, query] = hash.replace(/^#\/?/, "").split("?");
  const id = decodeURIComponent(path?.split("/")[1] ?? "");
  const { api, navigate } = deps;
  return id ? integrationDetailView(id, { api, navigate }, query === "configure") : integrationsListView({ api, navigate });
}
