// While the browser sign-in is under way: what to do in the browser (or that it did not open),
// the URL to open by hand with its copy button, and Cancel.
import { t } from "../../i18n";
import { copyButton } from "../../kit/copy";
import { h } from "../../kit/dom";

export function waitingCard(url: string, opened: boolean, cancelSignIn: () => void): HTMLElement {
  const cancel = h("button", { type: "button", id: "signin-cancel" }, t("signin.cancel"));
  cancel.addEventListener("click", cancelSignIn);
  return h(
    "section",
    { class: "card waiting", id: "signin-waiting", "aria-live": "polite" },
    h("h2", {}, t("signin.waitingTitle")),
    h("p", {}, opened ? t("signin.waitingBody") : t("signin.notOpened")),
    h("p", { class: "url" }, h("code", { id: "signin-url" }, url), " ", copyButton(url)),
    cancel,
  );
}
