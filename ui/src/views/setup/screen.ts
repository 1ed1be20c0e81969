// The guided setup screen (commands/setup.rs), route #/setup: the run view signed in, a "sign in
// first" panel signed out; and, at start or after a sign-in, the offer of a run left unfinished.
import type { SetupApi } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { toCommandError } from "../../kit/errors";
import type { ScreenDeps } from "../../kit/screen";
import { signInFirst } from "../../kit/signed-out";
import { setupView } from "./view";

export type SetupDeps = ScreenDeps<SetupApi>;

export function setupScreen(deps: SetupDeps): HTMLElement {
  if (deps.session) return setupView({ api: deps.api });
  // Its strings are the integration screens' (the same panel, the same id).
  const panel = signInFirst("integrations-signed-out", {
    title: t("integrations.signInFirstTitle"),
    body: t("integrations.signInFirst"),
    action: t("integrations.signInLink"),
  });
  return h("section", { class: "screen", "data-screen": "setup" }, h("h1", {}, t("nav.setup")), panel);
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
