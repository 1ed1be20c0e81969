// Regenerate a client's secret: asks first, reveals the new secret once, and offers to give it
// to each integration credential that uses the client (Rust reads it from memory by the reveal
// handle), since the old secret stops working.
import type { ClientsApi, CredentialUses, OAuthClient } from "../../api";
import { t } from "../../i18n";
import { inlineConfirm } from "../../kit/confirm";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { showSecretOnce, type SecretApi } from "./secret";

type RegenerateApi = SecretApi & Pick<ClientsApi, "oauthClientRegenerateSecret" | "oauthClientCredentials" | "oauthClientCredentialUpdate">;

/** In the reveal dialog after a regenerate: each credential that uses this client, with a
 *  button that gives it the new secret (Rust reads it from memory by the reveal handle). */
function credentialOffer(api: Pick<ClientsApi, "oauthClientCredentialUpdate">, client: OAuthClient, uses: CredentialUses): (handle: string) => HTMLElement | null {
  return (handle) => {
    if (uses.using.length === 0) return null;
    const list = h("ul", { class: "plain", id: "clients-credential-offer" });
    for (const use of uses.using) {
      const name = use.name ?? use.id;
      const status = h("span", { class: "hint", role: "status" });
      const update = h("button", { type: "button", "data-credential": use.id }, t("clients.credentials.update", { name }));
      update.addEventListener("click", () => {
        update.disabled = true;
        api.oauthClientCredentialUpdate(use.id, use.name ?? "", client.id, handle).then(
          () => (status.textContent = t("clients.credentials.updated")),
          (err) => {
            update.disabled = false;
            status.replaceChildren(errorPanel(err));
          },
        );
      });
      list.append(h("li", {}, update, " ", status));
    }
    return h("div", { class: "warning" }, h("p", {}, t("clients.credentials.offer")), list);
  };
}

/** The Regenerate button and its confirmation; `status` says when it is done. */
export function regenerateAction(
  client: OAuthClient,
  api: RegenerateApi,
  fail: (err: unknown) => void,
  status: HTMLElement,
): { button: HTMLButtonElement; confirm: HTMLElement } {
  const button = h("button", { type: "button", id: "clients-regenerate" }, t("clients.detail.regenerate"));
  const { box: regenConfirm, yes: regenYes, close: closeRegen } = inlineConfirm(button, {
    id: "clients-regenerate",
    question: t("clients.detail.regenerateWhat"),
    yes: t("clients.detail.regenerateConfirm"),
    no: t("clients.delete.cancel"),
    focus: "yes",
  });
  regenYes.addEventListener("click", () => {
    regenYes.disabled = true;
    // What uses this client, to offer updating it; if that cannot be read, no offer is made.
    const uses = api.oauthClientCredentials(client.id).catch((): CredentialUses => ({ using: [], unknown: 0 }));
    api.oauthClientRegenerateSecret(client.id).then(
      async (issued) => {
        regenYes.disabled = false;
        closeRegen();
        const forgetError = await showSecretOnce(api, issued, credentialOffer(api, client, await uses));
        if (forgetError) fail(forgetError);
        else status.textContent = t("clients.detail.regenerated");
      },
      (err) => {
        regenYes.disabled = false;
        fail(err);
      },
    );
  });
  return { button, confirm: regenConfirm };
}
