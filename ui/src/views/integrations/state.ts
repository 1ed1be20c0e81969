// An integration's live reportedState: the badge (with Genesys's message for ERROR) and whether
// it is still moving (ACTIVATING, DEACTIVATING), which the screens follow until it settles.
import type { IntegrationView } from "../../generated/IntegrationView";
import type { ReportedStateCode } from "../../generated/ReportedStateCode";
import { t } from "../../i18n";
import { h } from "../../kit/dom";

/** The live reportedState, with Genesys's detail message for ERROR. */
export function stateBadge(code: ReportedStateCode, detail: string | null = null): HTMLElement {
  const badge = h("span", { class: `state state-${code.toLowerCase()}`, "data-state": code }, t(`integrations.state.${code}`));
  if (code === "ERROR" && detail) {
    return h("span", { class: "state-with-detail" }, badge, " ", h("span", { class: "state-detail" }, detail));
  }
  return badge;
}

export function isSettling(view: IntegrationView): boolean {
  return view.reported === "ACTIVATING" || view.reported === "DEACTIVATING";
}
