// The grant types of an OAuth client: their labels, and the choice of one on the form with the
// chapter's explanation of each. PASSWORD is never offered.
import type { GrantType } from "../../generated/GrantType";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { CREATABLE } from "./validate";

export const GRANT_KEYS: Record<string, string> = {
  "CLIENT-CREDENTIALS": "clientCredentials",
  CODE: "code",
  TOKEN: "token",
  "SAML2-BEARER": "saml2Bearer",
  PASSWORD: "password",
  UNKNOWN: "unknown",
};

export function grantLabel(grant: GrantType): string {
  return t(`clients.grants.${GRANT_KEYS[grant] ?? "unknown"}.label`);
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
          h("span", { class: "choice-label" }, t(`clients.grants.${key}.label`), " ", h("code", { class: "grant-code" }, g)),
          h("span", { class: "hint" }, t(`clients.grants.${key}.explain`)),
        ),
      ),
    );
  }
  return choices;
}
