// The orgs signed in to before, one click from filling the form with their region, method and
// client id.
import type { Profile } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { profileLabel } from "../../kit/format";

export function savedProfiles(saved: Profile[], pick: (profile: Profile) => void): HTMLElement | null {
  if (saved.length === 0) return null;
  return h(
    "section",
    { class: "saved", "aria-labelledby": "signin-saved-title" },
    h("h2", { id: "signin-saved-title" }, t("signin.switchTitle")),
    h(
      "ul",
      {},
      ...saved.map((p) => {
        const use = h("button", { type: "button", class: "link-button" }, t("signin.switch"));
        use.addEventListener("click", () => pick(p));
        return h("li", {}, h("span", {}, profileLabel(p)), " ", use);
      }),
    ),
  );
}
