// Least privilege for one integration's data actions (#/actions/privileges?integration=<id>):
// the screen, which loads what the actions need and what the OAuth client holds (drawn by
// privileges-needs.ts), and the offer: the one role that covers exactly the missing
// permissions, granted to the client in a division picked here (home by default).
import type { ActionPrivileges, ActionsApi, ClientsApi, RolesView } from "../../api";
import type { RoleOffer } from "../../generated/RoleOffer";
import { t } from "../../i18n";
import { progressLine } from "../clients/assign";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { plainName } from "../../kit/format";
import { catalogLines, clientCard, needsCard, noClientCard, permissionList, type DivisionName } from "./privileges-needs";
import "./actions.css";

export interface PrivilegesDeps {
  api: Pick<ActionsApi, "actionPrivileges" | "actionPrivilegesGrant"> & Pick<ClientsApi, "authorizationRoles">;
}

export function privilegesHref(integrationId: string): string {
  return `#/actions/privileges?integration=${encodeURIComponent(integrationId)}`;
}

/** The org's divisions as the offer needs them, or why they could not be read. */
type Divisions = { view: RolesView } | { error: unknown };

function divisionNamer(divisions: Divisions): DivisionName {
  const known = "view" in divisions ? divisions.view.divisions : [];
  return (id) => (id === "*" ? t("actions.privileges.allDivisions") : (known.find((d) => d.id === id)?.name ?? id));
}

interface OfferHooks {
  grant: (divisionId: string, button: HTMLButtonElement, select: HTMLSelectElement, progress: HTMLElement) => void;
  retryDivisions: () => void;
}

function divisionField(divisions: Divisions, hooks: OfferHooks): { nodes: HTMLElement[]; select: HTMLSelectElement | null } {
  if (!("view" in divisions)) return { nodes: [errorPanel(divisions.error, { onRetry: hooks.retryDivisions })], select: null };
  const { view } = divisions;
  if (view.divisions.length === 0) return { nodes: [h("p", { class: "warning", id: "privileges-no-divisions" }, t("actions.privileges.noDivisions"))], select: null };
  const home = view.homeDivisionId ?? view.divisions.find((d) => d.homeDivision)?.id ?? view.divisions[0]?.id;
  const select = h(
    "select",
    { id: "privileges-division", "aria-describedby": "privileges-division-hint" },
    ...view.divisions.map((d) => {
      const name = d.name ?? d.id;
      return h("option", { value: d.id, selected: d.id === home }, d.id === home ? t("actions.privileges.homeDivision", { division: name }) : name);
    }),
  );
  const field = h(
    "div",
    { class: "field" },
    h("label", { for: "privileges-division" }, t("actions.privileges.division")),
    select,
    h("p", { class: "hint", id: "privileges-division-hint" }, t("actions.privileges.divisionHint")),
  );
  return { nodes: [field], select };
}

function offerCard(offer: RoleOffer, divisions: Divisions, hooks: OfferHooks): HTMLElement {
  const reuse = offer.reuseRoleName;
  const role = reuse ?? offer.newRoleName;
  const { nodes, select } = divisionField(divisions, hooks);
  // A session without a user (client credentials) cannot take the role itself first.
  const noUser = !offer.heldByMe && "view" in divisions && !divisions.view.canAssignToMe;
  const button = h("button", { type: "button", class: "primary", id: "privileges-grant" }, reuse ? t("actions.privileges.grantReuse", { role: reuse }) : t("actions.privileges.grantNew"));
  button.disabled = select === null || noUser;
  const progress = h("p", { class: "status", id: "privileges-progress", role: "status" });
  button.addEventListener("click", () => {
    if (select) hooks.grant(select.value, button, select, progress);
  });
  return h(
    "section",
    { class: "card", id: "privileges-offer", "data-reuse": offer.reuseRoleId ?? undefined, "aria-labelledby": "privileges-offer-title" },
    h("h2", { id: "privileges-offer-title" }, t("actions.privileges.offerTitle")),
    h("p", {}, reuse ? t("actions.privileges.offerReuse", { role: reuse }) : t("actions.privileges.offerNew", { role: offer.newRoleName })),
    permissionList(offer.permissions, "privileges-offer-permissions"),
    h("p", { class: "hint", id: "privileges-holder-rule" }, t("actions.privileges.holderRule")),
    offer.heldByMe ? null : h("p", { id: "privileges-given-to-me" }, reuse ? t("actions.privileges.givenToMeReuse", { role }) : t("actions.privileges.givenToMeNew")),
    noUser ? h("p", { class: "warning", id: "privileges-cannot-assign" }, t("actions.privileges.cannotAssign")) : null,
    ...nodes,
    h("div", { class: "actions" }, button),
    progress,
  );
}

export function actionPrivilegesView(integrationId: string, deps: PrivilegesDeps): HTMLElement {
  const title = h("h1", { id: "privileges-title" }, t("actions.privileges.heading"));
  const catalog = h("div", { id: "privileges-catalog-slot" });
  const problems = h("div", { class: "errors", id: "privileges-errors" });
  const body = h("div", { "aria-busy": "true" }, h("p", { class: "status" }, t("actions.privileges.loading")));
  const root = h(
    "section",
    { class: "screen", "data-screen": "action-privileges", "aria-labelledby": "privileges-title" },
    h("p", {}, h("a", { href: "#/actions" }, `← ${t("actions.back")}`)),
    title,
    h("p", { class: "hint" }, t("actions.privileges.intro")),
    catalog,
    problems,
    body,
  );
  if (!integrationId) {
    body.removeAttribute("aria-busy");
    body.replaceChildren(h("p", { class: "warning", id: "privileges-no-integration" }, t("actions.privileges.noIntegration")));
    return root;
  }

  let current: ActionPrivileges | null = null;
  let divisions: Divisions = { error: null };
  // The divisions are read once, beside the view; the offer waits for them.
  const readDivisions = (): Promise<void> =>
    deps.api.authorizationRoles().then(
      (view) => void (divisions = { view }),
      (error: unknown) => void (divisions = { error }),
    );

  const draw = (view: ActionPrivileges, notice: HTMLElement | null = null): void => {
    current = view;
    title.textContent = t("actions.privileges.title", { integration: plainName(view.integrationName) });
    catalog.replaceChildren(...catalogLines(view));
    const name = divisionNamer(divisions);
    const cards: HTMLElement[] = [needsCard(view)];
    if (view.client) {
      cards.push(clientCard(view, view.client, name));
      if (view.offer) cards.push(offerCard(view.offer, divisions, { grant, retryDivisions }));
    } else {
      cards.push(noClientCard(view));
    }
    body.removeAttribute("aria-busy");
    body.replaceChildren(...(notice ? [notice] : []), ...cards);
  };

  function retryDivisions(): void {
    void readDivisions().then(() => current && draw(current));
  }

  function grant(divisionId: string, button: HTMLButtonElement, select: HTMLSelectElement, progress: HTMLElement): void {
    const role = current?.offer?.reuseRoleName ?? current?.offer?.newRoleName ?? "";
    button.disabled = true;
    select.disabled = true;
    problems.replaceChildren();
    progress.textContent = t("actions.privileges.granting");
    deps.api.actionPrivilegesGrant({ integrationId, divisionId }, (p) => progress.replaceChildren(...progressLine(p))).then(
      (view) => draw(view, h("p", { class: "ok", id: "privileges-granted", role: "status" }, t("actions.privileges.granted", { role, division: divisionNamer(divisions)(divisionId) }))),
      (err: unknown) => {
        button.disabled = false;
        select.disabled = false;
        progress.textContent = "";
        problems.replaceChildren(errorPanel(err, () => problems.replaceChildren()));
      },
    );
  }

  const load = (): void => {
    body.setAttribute("aria-busy", "true");
    Promise.all([deps.api.actionPrivileges(integrationId), readDivisions()]).then(
      ([view]) => {
        problems.replaceChildren();
        draw(view);
      },
      (err: unknown) => {
        body.removeAttribute("aria-busy");
        body.replaceChildren();
        problems.replaceChildren(errorPanel(err, { onRetry: load }));
      },
    );
  };
  load();
  return root;
}
