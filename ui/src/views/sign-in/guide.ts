// First-run guidance for a real org: how to make the sign-in client in Genesys Cloud, with the
// exact redirect URI to register (and copy) and the scopes to allow.
import type { SignInMethod } from "../../api";
import { t } from "../../i18n";
import { copyButton } from "../../kit/copy";
import { h } from "../../kit/dom";
import { APP_SCOPES } from "./rules";

export function guide(redirectUri: string, method: SignInMethod): HTMLElement {
  return h(
    "details",
    { class: "guide", id: "signin-guide" },
    h("summary", {}, t("signin.guideTitle")),
    h(
      "ol",
      {},
      h("li", {}, t("signin.guideStep1")),
      h("li", {}, t("signin.guideStep2")),
      h("li", {}, t("signin.guideStep3"), " ", h("code", { id: "signin-redirect-uri" }, redirectUri), " ", copyButton(redirectUri)),
      h("li", {}, t("signin.guideStep4", { scopes: APP_SCOPES.join(", ") })),
      h("li", {}, t("signin.guideStep5")),
    ),
    method === "implicit" ? h("p", { class: "hint" }, t("signin.guideImplicit")) : null,
  );
}
