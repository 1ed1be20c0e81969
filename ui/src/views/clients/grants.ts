// The grant types of an OAuth client: their names (the grant's name first, Genesys's code as
// secondary text), the one wording of the Implicit grant's retirement, and the choice of one
// grant type on the form with an explanation of each. PASSWORD is never offered.
import type { GrantType } from "../../generated/GrantType";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { helpLink } from "../../kit/external";
import { CREATABLE } from "./validate";

export const GRANT_KEYS: Record<string, string> = {
  "CLIENT-CREDENTIALS": "clientCredentials",
  CODE: "code",
  TOKEN: "token",
  "SAML2-BEARER": "saml2Bearer",
  PASSWORD: "password",
  UNKNOWN: "unknown",
};

/** Genesys's help page on creating an OAuth client, which lists the grant types and says
 *  which of them is being retired (help.mypurecloud.com, "Create an OAuth client"). */
export const GRANT_TYPES_HELP = "https://help.mypurecloud.com/articles/create-an-oauth-client/";

export function grantLabel(grant: GrantType): string {
  return t(`clients.grants.${GRANT_KEYS[grant] ?? "unknown"}.label`);
}

/** The grant's name, then its code in small muted text (what Genesys's API calls it). */
export function grantName(grant: GrantType): HTMLElement {
  return h("span", { class: "grant-name" }, grantLabel(grant), " ", h("code", { class: "grant-code" }, grant));
}

/** The Implicit grant's retirement, worded once for every place that shows it, with a link
 *  to Genesys's own page (opened in the system browser). */
export function implicitRetirement(id: string): HTMLElement {
  return h(
    "p",
    { class: "warning", id },
    t("clients.grants.token.retiring"),
    " ",
    helpLink(GRANT_TYPES_HELP, t("clients.common.learnMore")),
  );
}

/** One radio per creatable grant type, `initial` checked; `onPick` hears each change. */
export function grantChoicesView(initial: GrantType, onPick: (grant: GrantType) => void): HTMLElement {
  const choices = h("div", { class: "grant-choices" });
  for (const g of CREATABLE) {
    const key = GRANT_KEYS[g] as string;
    const radio = h("input", { type: "radio", name: "clients-grant", id: `clients-grant-${key}`, value: g, checked: g === initial });
    radio.addEventListener("change", () => {
      onPick(g);
    });
    choices.append(
      h(
        "label",
        { class: "choice grant-choice", for: `clients-grant-${key}` },
        radio,
        h(
          "span",
          {},
          h("span", { class: "choice-label" }, t(`clients.grants.${key}.label`)),
          h("code", { class: "grant-code" }, g),
          h("span", { class: "hint" }, t(`clients.grants.${key}.explain`)),
        ),
      ),
    );
  }
  return choices;
}
