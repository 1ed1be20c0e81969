// A Copy button for something the user may need to paste elsewhere (a redirect URI, a URL,
// a contextId, the practice account). Says "Copied" once the clipboard has it; where several
// sit side by side, `name` tells them apart for a screen reader ("Copy the email").
import { h } from "./dom";
import { t } from "../i18n";

export function copyButton(text: string, name?: string): HTMLButtonElement {
  const button = h("button", { type: "button", class: "link-button copy", "aria-label": name }, t("signin.copy"));
  button.addEventListener("click", () => {
    void navigator.clipboard?.writeText(text).then(() => {
      button.textContent = t("signin.copied");
      button.removeAttribute("aria-label");
    });
  });
  return button;
}
