// Links to Genesys Cloud's own help (its Resource Center) where a screen names a concept it
// explains. Only pages known to exist are listed; each opens outside the app window.
import { t } from "../../i18n";
import { h } from "../../kit/dom";

/** Resource Center articles, English only (the Resource Center's own addresses). */
export const HELP = {
  // https://help.mypurecloud.com/articles/about-the-data-actions-integrations/
  aboutDataActions: "https://help.mypurecloud.com/articles/about-the-data-actions-integrations/",
  // https://help.mypurecloud.com/articles/add-a-data-actions-integration/
  addDataActions: "https://help.mypurecloud.com/articles/add-a-data-actions-integration/",
} as const;

/** A "Learn more" line: the label as the link, the Resource Center named after it. */
export function helpLink(url: string, labelKey: string, id?: string): HTMLElement {
  return h(
    "p",
    { class: "help-link" },
    h("a", { href: url, target: "_blank", rel: "noopener noreferrer", id }, t(labelKey)),
    " ",
    h("span", { class: "hint" }, `(${t("integrations.helpSource")})`),
  );
}
