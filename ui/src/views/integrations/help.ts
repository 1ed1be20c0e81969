// Links to Genesys Cloud's own help (its Resource Center) where a screen names a concept it
// explains. Only pages known to exist are listed; Rust opens them in the system browser
// (kit/external.ts).
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { helpLink as externalLink } from "../../kit/external";

/** Resource Center articles, English only (the Resource Center's own addresses). */
export const HELP = {
  aboutDataActions: "https://help.mypurecloud.com/articles/about-the-data-actions-integrations/",
  addDataActions: "https://help.mypurecloud.com/articles/add-a-data-actions-integration/",
} as const;

/** A "Learn more" line: the label as the link, the Resource Center named after it. */
export function helpLink(url: string, labelKey: string, id?: string): HTMLElement {
  return h(
    "p",
    { class: "help-link" },
    externalLink(url, t(labelKey), id ? { id } : {}),
    " ",
    h("span", { class: "hint" }, `(${t("integrations.helpSource")})`),
  );
}
