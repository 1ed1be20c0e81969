// The secret, once (security-matrix.md F4): after create or regenerate, a dialog asks Rust for
// the secret (a handle that works once), shows it with Copy (Rust copies it to the clipboard
// and clears it after 60 s), the client id with its own Copy, and the status line "Saved in
// your keychain" with "Remove from keychain" as a secondary action (undone by "Keep it").
// Closing forgets the handle in Rust (removed: the keychain entry is deleted too) and removes
// every node that held the secret.
import type { ClientsApi, IssuedClientView } from "../../api";
import { h } from "../../kit/dom";
import { t } from "../../i18n";
import { errorPanel } from "../../kit/errors";
import { openModal } from "../../kit/modal";
import { clientIdWithCopy } from "./client-id";

export type SecretApi = Pick<ClientsApi, "oauthClientSecretReveal" | "oauthClientSecretCopy" | "oauthClientSecretForget">;

/** Shows the dialog; resolves once it has closed and Rust has forgotten the secret, with null
 *  or the error of forgetting it (e.g. the keychain entry could not be deleted). */
export function showSecretOnce(
  api: SecretApi,
  issued: IssuedClientView,
  extra?: (handle: string) => HTMLElement | null,
): Promise<unknown> {
  return new Promise((resolve) => {
    const modal = openModal("clients-secret", t("clients.secret.title"), null);
    const handle = issued.revealHandle;
    // The only element that ever holds the secret; removed with the dialog.
    let secretSlot: HTMLElement | null = h("code", { class: "secret-value", id: "clients-secret-value" });
    const problems = h("div", { class: "errors" });
    const status = h("p", { class: "status", role: "status", id: "clients-secret-status" });
    const copy = h("button", { type: "button", id: "clients-secret-copy", disabled: true }, t("clients.secret.copy"));
    // Whether closing keeps the keychain entry; only "Remove from keychain" turns it off.
    let keep = true;
    const keychainLine = h("p", { class: "status keychain-status", role: "status", id: "clients-secret-keychain" }, t("clients.secret.keep"));
    const removeKey = h("button", { type: "button", class: "link-button", id: "clients-secret-remove" }, t("clients.secret.remove"));
    const keepNote = h("p", { class: "warning", id: "clients-secret-keep-note", hidden: true }, t("clients.secret.removeNote"));
    const close = h("button", { type: "button", class: "primary", id: "clients-secret-close" }, t("clients.secret.close"));

    modal.body.append(
      h("p", {}, t("clients.secret.intro", { name: issued.client.name })),
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, t("clients.detail.id")),
        h("dd", {}, clientIdWithCopy(issued.client.id, issued.client.name, "clients-secret-client-id")),
        h("dt", {}, t("clients.secret.label")),
        h("dd", { class: "secret-row" }, secretSlot, copy),
      ),
      status,
      problems,
    );
    const more = extra?.(handle);
    if (more) modal.body.append(more);
    if (issued.savedToKeychain) {
      modal.body.append(h("div", { class: "keychain-row" }, keychainLine, removeKey), keepNote);
      removeKey.addEventListener("click", () => {
        keep = !keep;
        keychainLine.textContent = keep ? t("clients.secret.keep") : t("clients.secret.removing");
        removeKey.textContent = keep ? t("clients.secret.remove") : t("clients.secret.keepIt");
        keepNote.hidden = keep;
      });
    } else {
      modal.body.append(h("p", { class: "warning", id: "clients-secret-not-saved" }, t("clients.secret.notSaved")));
    }
    modal.actions.append(close);

    api.oauthClientSecretReveal(handle).then(
      (secret) => {
        if (!secretSlot) return;
        secretSlot.textContent = secret;
        copy.disabled = false;
      },
      (err) => problems.replaceChildren(errorPanel(err)),
    );
    copy.addEventListener("click", () => {
      api.oauthClientSecretCopy(handle).then(
        () => (status.textContent = t("clients.secret.copied")),
        (err) => problems.replaceChildren(errorPanel(err)),
      );
    });
    close.addEventListener("click", () => {
      close.disabled = true;
      const keepIt = issued.savedToKeychain && keep;
      if (secretSlot) secretSlot.textContent = "";
      secretSlot = null;
      modal.close();
      api.oauthClientSecretForget(handle, keepIt).then(
        () => resolve(null),
        (err: unknown) => resolve(err),
      );
    });
  });
}
