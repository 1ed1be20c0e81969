// The routes this feature owns: #/integrations (list and diagram), #/integrations/<id> (one
// integration; `?configure` opens on its credentials) and #/setup (the guided setup). Signed out,
// each shows a "sign in first" panel instead.
import { h } from "../../dom";
import { t } from "../../i18n";
import { toCommandError } from "../errors";
import { signedOutPanel } from "./common";
import type { IntegrationsApi, SetupApi } from "./deps";
import { integrationDetailView } from "./detail";
import { integrationsListView } from "./list";
import { setupView } from "./setup";

export function integrationsScreen(route: "integrations" | "setup", hash: string, signedIn: boolean, api: IntegrationsApi & SetupApi): HTMLElement {
  if (!signedIn) {
    const title = route === "setup" ? t("integrations.setup.title") : t("integrations.title");
    return h("section", { class: "screen", "data-screen": route }, h("h1", {}, title), signedOutPanel());
  }
  if (route === "setup") return setupView({ api });
  const [path, query] = hash.replace(/^#\/?/, "").split("?");
  const id = decodeURIComponent(path?.split("/")[1] ?? "");
  return id ? integrationDetailView(id, { api }, query === "configure") : integrationsListView({ api });
}

/**
 * At start: a guided setup left unfinished opens #/setup, which offers Resume or Roll back; so
 * does a journal that cannot be read, which #/setup reports (security-matrix.md D3). Other failures wait
 * until the user opens #/setup.
 */
export function offerUnfinishedSetup(api: Pick<SetupApi, "setupStatus">): Promise<void> {
  const open = (): void => {
    if (!location.hash.startsWith("#/setup")) location.hash = "#/setup";
  };
  return api.setupStatus(() => undefined).then(
    (run) => {
      if (run?.phase === "interrupted" || run?.phase === "rollBackUnfinished") open();
    },
    (err: unknown) => {
      if (toCommandError(err).kind === "journalCorrupt") open();
    },
  );
}
