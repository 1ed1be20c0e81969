// "A picture of what exists": the org's Data Actions setup drawn left to right, one row per
// integration: OAuth client → credential → integration → its data actions. Each node shows its
// live state and links to its screen (each action its draft and published versions); a broken
// link is drawn broken, with the fix one click away.
import type { IntegrationsOverview, IntegrationView } from "../../api";
import type { ActionSummary } from "../../generated/ActionSummary";
import type { ClientView } from "../../generated/ClientView";
import type { CredentialView } from "../../generated/CredentialView";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { objectName } from "../../kit/format";
import { stateBadge } from "./state";

/** What is wrong with one chain, if anything. */
export type Break = "noCredential" | "credentialGone" | "clientGone" | "clientUnknown" | "clientNotActive" | null;

export interface Chain {
  integration: IntegrationView;
  credential: CredentialView | null;
  client: ClientView | null;
  /** The client id the credential names (even when that client is gone). */
  clientId: string | null;
  broken: Break;
}

export function chains(overview: IntegrationsOverview): Chain[] {
  return overview.integrations.map((integration) => {
    const credential = overview.credentials.find((c) => c.id === integration.credentialId) ?? null;
    const clientId = credential?.clientId ?? null;
    const client = clientId ? (overview.clients.find((c) => c.id === clientId) ?? null) : null;
    let broken: Break = null;
    if (!integration.credentialId) broken = "noCredential";
    else if (!credential) broken = "credentialGone";
    else if (!clientId) broken = "clientUnknown";
    else if (!client || client.state === "deleted") broken = "clientGone";
    else if (client.state !== "active") broken = "clientNotActive";
    return { integration, credential, client, clientId, broken };
  });
}

function node(kind: string, title: string | HTMLElement, body: (Node | string | null)[], opts: { href?: string; missing?: boolean } = {}): HTMLElement {
  const cls = ["node", `node-${kind}`, opts.missing ? "node-missing" : ""].filter(Boolean).join(" ");
  return h(
    "div",
    { class: cls, "data-node": kind },
    h("span", { class: "node-kind" }, t(`integrations.diagram.${kind}`)),
    opts.href ? h("a", { href: opts.href, class: "node-name" }, title) : h("span", { class: "node-name" }, title),
    ...body,
  );
}

function link(broken: boolean, label: string): HTMLElement {
  return h("span", { class: broken ? "link link-broken" : "link", "data-broken": broken ? "true" : "false", role: "img", "aria-label": label }, broken ? "╌╳╌" : "──▶");
}

function clientNode(chain: Chain): HTMLElement {
  if (chain.client) {
    return node("client", chain.client.name, [h("span", { class: `state client-${chain.client.state}` }, t(`integrations.clientState.${chain.client.state}`))], {
      href: `#/clients/${chain.client.id}`,
    });
  }
  if (chain.broken === "clientGone") {
    return node("client", t("integrations.diagram.clientDeleted"), [h("code", { class: "node-id" }, chain.clientId ?? "")], { missing: true });
  }
  return node("client", t("integrations.diagram.noClient"), [], { missing: true });
}

function credentialNode(chain: Chain): HTMLElement {
  if (chain.credential) return node("credential", objectName(chain.credential.name), [], {});
  if (chain.broken === "credentialGone") return node("credential", t("integrations.diagram.credentialDeleted"), [], { missing: true });
  return node("credential", t("integrations.diagram.noCredential"), [], { missing: true });
}

function fix(chain: Chain): HTMLElement | null {
  if (!chain.broken) return null;
  const text = h("span", { class: "break-why" }, t(`integrations.diagram.break.${chain.broken}`));
  const action =
    chain.broken === "clientNotActive" && chain.client
      ? h("a", { href: `#/clients/${chain.client.id}`, class: "button fix" }, t("integrations.diagram.openClient"))
      : h("a", { href: `#/integrations/${chain.integration.id}?configure`, class: "button fix" }, t("integrations.configureCredentials"));
  return h("div", { class: "break" }, text, " ", action);
}

/** An action's state in words: published (with its version), a draft, or both. */
function actionState(a: ActionSummary): HTMLElement {
  const published = a.publishedVersion !== null;
  const text = published
    ? a.draftVersion !== null
      ? t("integrations.diagram.actionPublishedDraft", { version: String(a.publishedVersion) })
      : t("integrations.diagram.actionPublished", { version: String(a.publishedVersion) })
    : t("integrations.diagram.actionDraft");
  return h("span", { class: published ? "state state-active" : "state state-inactive", "data-action-state": published ? "published" : "draft" }, text);
}

function actionsNode(chain: Chain, actions: ActionSummary[]): HTMLElement {
  const mine = actions.filter((a) => a.integrationId === chain.integration.id);
  if (mine.length === 0) {
    return node("actions", t("integrations.diagram.noActions"), [h("a", { href: `#/actions/new?integration=${encodeURIComponent(chain.integration.id)}&from=preset` }, t("integrations.diagram.newAction"))], {});
  }
  const list = h("ul", { class: "node-actions" }, ...mine.map((a) => h("li", { "data-action": a.id }, h("a", { href: `#/actions/${encodeURIComponent(a.id)}` }, a.name), " ", actionState(a))));
  return node("actions", t("integrations.diagram.actionCount", { count: String(mine.length) }), [list], { href: "#/actions" });
}

function row(chain: Chain, actions: ActionSummary[]): HTMLElement {
  const credentialBroken = chain.broken === "noCredential" || chain.broken === "credentialGone";
  const noClientLink = credentialBroken ? h("span", { class: "link link-later", "aria-hidden": "true" }, "┄┄▶") : null;
  const clientBroken = chain.broken === "clientGone" || chain.broken === "clientUnknown" || chain.broken === "clientNotActive";
  const i = chain.integration;
  return h(
    "li",
    { class: chain.broken ? "chain chain-broken" : "chain", "data-integration": i.id },
    h(
      "div",
      { class: "chain-nodes" },
      clientNode(chain),
      noClientLink ?? link(clientBroken, clientBroken ? t(`integrations.diagram.break.${chain.broken}`) : t("integrations.diagram.linked")),
      credentialNode(chain),
      link(credentialBroken, credentialBroken ? t(`integrations.diagram.break.${chain.broken}`) : t("integrations.diagram.linked")),
      node("integration", objectName(i.name), [stateBadge(i.reported, i.detail)], { href: `#/integrations/${i.id}` }),
      link(false, t("integrations.diagram.linked")),
      actionsNode(chain, actions),
    ),
    fix(chain),
  );
}

/** The chains of an org that has integrations (the screen shows its empty state otherwise). */
export function diagramView(overview: IntegrationsOverview): HTMLElement {
  const body = h("ol", { class: "chains" }, ...chains(overview).map((c) => row(c, overview.actions)));
  return h(
    "section",
    { class: "card diagram", id: "integrations-diagram", "aria-labelledby": "integrations-diagram-title" },
    h("h2", { id: "integrations-diagram-title" }, t("integrations.diagram.title")),
    h("p", { class: "hint" }, t("integrations.diagram.intro")),
    body,
  );
}
