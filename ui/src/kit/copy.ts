// A Copy button for something the user may need to paste elsewhere (a redirect URI, a URL,
// a contextId). Says "Copied" once the clipboard has it.
import { h } from "./dom";
import { t } from "../i18n";

export function copyButton(text: string): HTMLButtonElement {
  const button = h("button", { type: "button", class: "link-button copy" }, t("signin.copy"));
  button.addEventListener("click", () => {
    void navigator.clipboard?.writeText(text).then(() => {
      button.textContent = t("signin.copied");
    });
  });
  return button;
}
