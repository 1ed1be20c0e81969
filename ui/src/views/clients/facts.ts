// What Genesys says about one OAuth client, as a list of facts: id (with Copy), grant type, state, token
// lifetime, roles × divisions (named once the org's roles are read) or redirect URIs and scopes,
// and who made it when.
import type { ClientsApi, OAuthClient, RolesView } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { dateTime } from "../../kit/format";
import { clientIdWithCopy } from "./client-id";
import { grantName } from "./grants";
import { personName, stateLabel, type Me } from "./people";
import { durationLabel } from "./validate";

function list(items: string[], empty: string): HTMLElement {
  return items.length ? h("ul", { class: "plain" }, ...items.map((i) => h("li", {}, h("code", {}, i)))) : h("span", { class: "hint" }, empty);
}

function rolesFacts(client: OAuthClient, api: Pick<ClientsApi, "authorizationRoles">): HTMLElement {
  const out = h("ul", { class: "plain", id: "clients-detail-roles" });
  const draw = (view: RolesView | null): void => {
    const roleName = (id: string): string => view?.roles.find((r) => r.id === id)?.name ?? id;
    const divisionName = (id: string): string =>
      id === "*" ? t("clients.roles.allDivisions") : (view?.divisions.find((d) => d.id === id)?.name ?? id);
    out.replaceChildren(...client.roleDivisions.map((p) => h("li", {}, `${roleName(p.roleId)} · ${divisionName(p.divisionId)}`)));
  };
  draw(null);
  if (client.roleDivisions.length) api.authorizationRoles().then(draw, () => undefined);
  return out;
}

export function facts(client: OAuthClient, api: Pick<ClientsApi, "authorizationRoles">, me: Me): HTMLElement {
  const row = (label: string, value: Node | string): Node[] => [h("dt", {}, label), h("dd", {}, value)];
  const credentials = client.authorizedGrantType === "CLIENT-CREDENTIALS";
  const seconds = client.accessTokenValiditySeconds ?? 86_400;
  return h(
    "dl",
    { class: "facts", id: "clients-detail-facts" },
    ...row(t("clients.detail.id"), clientIdWithCopy(client.id, client.name)),
    ...row(t("clients.list.grantType"), grantName(client.authorizedGrantType)),
    ...row(t("clients.list.state"), h("span", { class: `state state-${client.state}` }, stateLabel(client.state))),
    ...row(t("clients.detail.description"), client.description || "—"),
    ...row(t("clients.form.tokenDuration"), t("clients.detail.seconds", { seconds: String(seconds), duration: durationLabel(String(seconds)) })),
    ...(credentials
      ? row(t("clients.roles.title"), rolesFacts(client, api))
      : [
          ...row(t("clients.form.redirectUris"), list(client.registeredRedirectUri, "—")),
          ...row(t("clients.scopes.title"), list(client.scope, "—")),
        ]),
    ...row(t("clients.list.created"), client.dateCreated ? dateTime(client.dateCreated) : "—"),
    ...row(t("clients.list.createdBy"), personName(client.createdBy, me)),
    ...row(t("clients.detail.modified"), client.dateModified ? dateTime(client.dateModified) : "—"),
    ...(client.dateToDelete ? row(t("clients.detail.dateToDelete"), dateTime(client.dateToDelete)) : []),
  );
}
