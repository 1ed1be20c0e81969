// The Data Actions integration screen and its diagram: one next step (an empty org gets one card
// with the guided setup first; Install waits behind "Add integration"), the limit shown as "up
// to N per org" before it is hit, live reportedState with Genesys's ERROR detail, broken links
// drawn broken with the fix one click away, validation beside fields, the secret field emptied
// once sent, activation followed live with the connection test (a refused secret named as
// such), the limit from the type, delete only after a confirmation.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../../ui/src/i18n";
import { integrationDetailView } from "../../ui/src/views/integrations/detail";
import { chains, diagramView } from "../../ui/src/views/integrations/diagram";
import { integrationsListView } from "../../ui/src/views/integrations/list";
import { CLIENT_ID, fakeIntegrationsApi, integration, overview } from "./integrations-fake";

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
  location.hash = "";
});

describe("the integration list", () => {
  it("shows how many are installed of up to 10 per org, and each integration's state, with Genesys's ERROR message", async () => {
    const api = fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(overview()) });
    const el = integrationsListView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#integrations-limit")?.textContent).toBe("Installed: 3 (up to 10 per org)"));
    const orphan = el.querySelector('#integrations-table tr[data-integration="orphan"]')!;
    expect(orphan.querySelector("[data-state]")?.getAttribute("data-state")).toBe("ERROR");
    expect(orphan.textContent).toContain("The OAuth client of the credential does not exist.");
    expect(el.querySelector('#integrations-table tr[data-integration="bare"]')?.textContent).toContain("No credential");
    expect(el.querySelector<HTMLButtonElement>("#integrations-add")?.disabled).toBe(false);
    expect(el.querySelector<HTMLElement>("#integrations-install")?.hidden, "Install waits behind Add integration").toBe(true);
    expect(el.querySelector("#integrations-none"), "no empty state beside a list").toBeNull();
  });

  it("offers an empty org one card: the guided setup first, a manual install second", async () => {
    setLanguage("es");
    const empty = { ...overview(), integrations: [] };
    const el = integrationsListView({ api: fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(empty) }) });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#integrations-none")).not.toBeNull());
    expect(el.querySelectorAll('a[href="#/setup"]'), "one guided-setup offer").toHaveLength(1);
    expect(el.querySelector("#integrations-setup-link")?.className).toBe("button");
    const learn = el.querySelector<HTMLAnchorElement>("#integrations-learn-more")!;
    expect(learn.getAttribute("href")).toBe("https://help.mypurecloud.com/articles/about-the-data-actions-integrations/");
    expect(learn.hasAttribute("target"), "opened by Rust, never by a new webview window").toBe(false);
    expect(el.querySelector("#integrations-diagram"), "no empty diagram beside the card").toBeNull();
    expect(el.querySelector("#integrations-table")).toBeNull();
    expect(el.querySelector("#integrations-limit")?.textContent).toBe("Hasta 10 por organización.");
    const manual = el.querySelector<HTMLButtonElement>("#integrations-install-manually")!;
    expect(manual.textContent).toBe("Instalar manualmente");
    expect(el.querySelector<HTMLElement>("#integrations-install")?.hidden).toBe(true);
    manual.click();
    expect(el.querySelector<HTMLElement>("#integrations-install")?.hidden).toBe(false);
    expect(manual.getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement?.id).toBe("integration-install-name");
  });

  it("says the limit is reached and offers no Install at 10 of 10", async () => {
    const full = overview();
    full.integrations = Array.from({ length: 10 }, (_, n) => integration({ id: `i${n}`, name: `I${n}` }));
    const el = integrationsListView({ api: fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(full) }) });
    await vi.waitFor(() => expect(el.querySelector("#integrations-limit")?.textContent).toContain("Installed: 10 (up to 10 per org)"));
    expect(el.querySelector("#integrations-limit")?.className).toContain("warning");
    expect(el.querySelector("#integrations-limit")?.textContent).toContain("delete one before installing another");
    const add = el.querySelector<HTMLButtonElement>("#integrations-add")!;
    expect(add.disabled).toBe(true);
    add.click();
    expect(el.querySelector<HTMLElement>("#integrations-install")?.hidden).toBe(true);
  });

  it("counts against the limit the integration type gives, not a fixed 10", async () => {
    const typed = overview();
    typed.limit = 4;
    const el = integrationsListView({ api: fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(typed) }) });
    await vi.waitFor(() => expect(el.querySelector("#integrations-limit")?.textContent).toBe("Installed: 3 (up to 4 per org)"));
    expect(el.querySelector<HTMLButtonElement>("#integrations-add")?.disabled).toBe(false);
    typed.integrations.push(integration({ id: "fourth" }));
    const full = integrationsListView({ api: fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(typed) }) });
    await vi.waitFor(() => expect(full.querySelector("#integrations-limit")?.textContent).toContain("Installed: 4 (up to 4 per org)"));
    expect(full.querySelector<HTMLButtonElement>("#integrations-add")?.disabled).toBe(true);
  });

  it("refuses an empty name beside the field without calling Genesys, and installs a good one", async () => {
    const install = vi.fn(() => Promise.resolve(integration({ id: "new-one" })));
    const api = fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(overview()), integrationInstall: install });
    const el = integrationsListView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#integrations-add")).not.toBeNull());
    el.querySelector<HTMLButtonElement>("#integrations-add")!.click();
    const name = el.querySelector<HTMLInputElement>("#integration-install-name")!;
    name.value = "   ";
    el.querySelector<HTMLFormElement>("#integrations-install-form")!.requestSubmit();
    expect(el.querySelector("#integration-install-name-error")?.textContent).toBe("This field is required.");
    expect(api.integrationInstall).not.toHaveBeenCalled();
    name.value = " My Data Actions ";
    el.querySelector<HTMLFormElement>("#integrations-install-form")!.requestSubmit();
    await vi.waitFor(() => expect(location.hash).toBe("#/integrations/new-one"));
    expect(api.integrationInstall).toHaveBeenCalledWith("My Data Actions");
  });

  it("re-reads while an integration is ACTIVATING, and stops once it settles", async () => {
    const settling = overview();
    settling.integrations[0]!.reported = "ACTIVATING";
    const reads = [settling, overview()];
    const api = fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(reads.shift() ?? overview()) });
    const timers: (() => void)[] = [];
    const el = integrationsListView({ api, later: (fn) => timers.push(fn) });
    document.body.append(el);
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    expect(el.querySelector('#integrations-table tr[data-integration="ok"] [data-state]')?.getAttribute("data-state")).toBe("ACTIVATING");
    timers.shift()!();
    await vi.waitFor(() => expect(el.querySelector('#integrations-table tr[data-integration="ok"] [data-state]')?.getAttribute("data-state")).toBe("ACTIVE"));
    expect(timers).toHaveLength(0);
  });
});

describe("the diagram", () => {
  it("draws client → credential → integration → data actions, linked to their screens", () => {
    const el = diagramView(overview());
    const ok = el.querySelector('li[data-integration="ok"]')!;
    expect(ok.className).toBe("chain");
    expect(ok.querySelector('[data-node="client"] a')?.getAttribute("href")).toBe(`#/clients/${CLIENT_ID}`);
    expect(ok.querySelector('[data-node="integration"] a')?.getAttribute("href")).toBe("#/integrations/ok");
    const actions = ok.querySelector('[data-node="actions"]')!;
    expect(actions.querySelector('[data-action="custom_-_1"] a')?.getAttribute("href")).toBe("#/actions/custom_-_1");
    expect(actions.querySelector('[data-action-state]')?.textContent).toBe("Published, v3, with a draft");
    const none = el.querySelector('li[data-integration="bare"] [data-node="actions"]')!;
    expect(none.textContent).toContain("No data actions yet");
    expect(none.querySelector("a")?.getAttribute("href")).toBe("#/actions/new?integration=bare&from=preset");
    expect(ok.textContent).not.toContain("Later");
    expect(ok.querySelectorAll('[data-broken="true"]')).toHaveLength(0);
  });

  it("draws an integration without credential as broken, with Configure credentials one click away", () => {
    const bare = diagramView(overview()).querySelector('li[data-integration="bare"]')!;
    expect(bare.className).toContain("chain-broken");
    expect(bare.querySelectorAll('[data-broken="true"]')).toHaveLength(1);
    expect(bare.querySelector('[data-node="credential"]')?.className).toContain("node-missing");
    expect(bare.querySelector(".break")?.textContent).toContain("This integration has no credential.");
    const fix = bare.querySelector<HTMLAnchorElement>("a.fix")!;
    expect(fix.textContent).toBe("Configure credentials");
    expect(fix.getAttribute("href")).toBe("#/integrations/bare?configure");
  });

  it("draws a credential whose client was deleted as broken at the client", () => {
    const orphan = diagramView(overview()).querySelector('li[data-integration="orphan"]')!;
    expect(chains(overview()).find((c) => c.integration.id === "orphan")?.broken).toBe("clientGone");
    expect(orphan.querySelector('[data-node="client"]')?.textContent).toContain("Deleted client");
    expect(orphan.querySelector('[data-node="client"]')?.className).toContain("node-missing");
    expect(orphan.querySelector(".break")?.textContent).toContain("The credential's OAuth client was deleted.");
    expect(orphan.querySelector("a.fix")?.getAttribute("href")).toBe("#/integrations/orphan?configure");
  });

  it("shows a guided-setup run marker as a small tag after the name, keeping the full name in its title", () => {
    const marked = overview();
    marked.integrations[0]!.name = "Genesys Cloud Data Actions [dip-studio-run:0123456789abcdef]";
    const name = diagramView(marked).querySelector('li[data-integration="ok"] [data-node="integration"] .object-name')!;
    expect(name.firstChild?.textContent).toBe("Genesys Cloud Data Actions");
    expect(name.querySelector(".run-tag")?.textContent).toBe("run 012345");
    expect(name.getAttribute("title")).toBe("Genesys Cloud Data Actions [dip-studio-run:0123456789abcdef]");
  });

  it("carries no offer of its own: the guided setup is offered once, by the screen", () => {
    setLanguage("pt-BR");
    const el = diagramView(overview());
    expect(el.querySelector("h2")?.textContent).toBe("O que existe");
    expect(el.querySelectorAll('a[href="#/setup"]')).toHaveLength(0);
  });
});

describe("one integration", () => {
  it("checks a typed client id beside the field, and empties the secret field once sent", async () => {
    const configure = vi.fn(() => Promise.resolve({ integration: integration(), credential: null, createdClient: null }));
    const api = fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(overview()), integrationConfigure: configure });
    const el = integrationDetailView("bare", { api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#credential-form")).not.toBeNull());
    const typed = el.querySelector<HTMLInputElement>("#credential-mode-typed")!;
    typed.checked = true;
    typed.dispatchEvent(new Event("change", { bubbles: true }));
    const id = el.querySelector<HTMLInputElement>("#credential-client-id")!;
    const secret = el.querySelector<HTMLInputElement>("#credential-client-secret")!;
    expect(secret.type).toBe("password");
    id.value = "not-a-guid";
    secret.value = "s3cret-value";
    el.querySelector<HTMLFormElement>("#credential-form")!.requestSubmit();
    expect(el.querySelector("#credential-client-id-error")?.textContent).toContain("A client ID looks like");
    expect(configure).not.toHaveBeenCalled();
    id.value = CLIENT_ID;
    el.querySelector<HTMLFormElement>("#credential-form")!.requestSubmit();
    expect(secret.value).toBe("");
    expect(configure).toHaveBeenCalledWith("bare", { kind: "typed", clientId: CLIENT_ID, clientSecret: "s3cret-value" });
    await vi.waitFor(() => expect(el.querySelector("#integration-notice")?.textContent).toBe("Credentials saved."));
    expect(el.innerHTML).not.toContain("s3cret-value");
  });

  it("shows a refused typed secret at its field in the user's language, not as a failure of the screen", async () => {
    setLanguage("es");
    const refused = { kind: "invalidInput", message: "clientSecret: Genesys Cloud gives no token for this client id and secret" };
    const configure = vi.fn(() => Promise.reject(refused));
    const api = fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(overview()), integrationConfigure: configure });
    const el = integrationDetailView("bare", { api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#credential-form")).not.toBeNull());
    const typed = el.querySelector<HTMLInputElement>("#credential-mode-typed")!;
    typed.checked = true;
    typed.dispatchEvent(new Event("change", { bubbles: true }));
    el.querySelector<HTMLInputElement>("#credential-client-id")!.value = CLIENT_ID;
    el.querySelector<HTMLInputElement>("#credential-client-secret")!.value = "typo";
    el.querySelector<HTMLFormElement>("#credential-form")!.requestSubmit();
    expect(el.querySelector("#credential-status")?.textContent).toBe("Comprobando el ID de cliente y el secreto con Genesys Cloud…");
    await vi.waitFor(() => expect(el.querySelector("#credential-client-secret-error")?.textContent).toContain("Genesys Cloud no emite un token"));
    expect(el.querySelector("#credential-client-secret")?.getAttribute("aria-invalid")).toBe("true");
    expect(el.innerHTML).not.toContain("typo");
    expect(el.innerHTML).not.toContain("gives no token");
  });

  it("says what the integration is set to while Genesys reports otherwise, in words", async () => {
    const moving = overview();
    moving.integrations[1] = integration({ id: "bare", intendedState: "ENABLED", reported: "ACTIVATING" });
    const el = integrationDetailView("bare", { api: fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(moving) }) });
    await vi.waitFor(() => expect(el.querySelector("#integration-state")).not.toBeNull());
    expect(el.querySelector("#integration-intended")?.textContent).toContain("Set to active");
    expect(el.textContent).not.toContain("Requested");
    const settled = integrationDetailView("ok", { api: fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(overview()) }) });
    await vi.waitFor(() => expect(settled.querySelector("#integration-state")).not.toBeNull());
    expect(settled.querySelector("#integration-intended"), "Active and set to active: said once").toBeNull();
  });

  it("follows the state live while activating, then shows the connection test", async () => {
    let resolve: (v: unknown) => void = () => undefined;
    const setEnabled = vi.fn((_id: string, _on: boolean, onState: (v: ReturnType<typeof integration>) => void) => {
      onState(integration({ id: "bare", reported: "ACTIVATING", intendedState: "ENABLED" }));
      return new Promise((r) => (resolve = r));
    });
    const api = fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(overview()), integrationSetEnabled: setEnabled as never });
    const el = integrationDetailView("bare", { api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#integration-toggle")).not.toBeNull());
    el.querySelector<HTMLButtonElement>("#integration-toggle")!.click();
    expect(setEnabled).toHaveBeenCalledWith("bare", true, expect.any(Function));
    expect(el.querySelector('#integration-live [data-state]')?.getAttribute("data-state")).toBe("ACTIVATING");
    resolve({ integration: integration({ id: "bare", reported: "ACTIVE", intendedState: "ENABLED" }), smoke: { outcome: "passed" } });
    await vi.waitFor(() => expect(el.querySelector("#integration-smoke")?.getAttribute("data-smoke")).toBe("passed"));
    expect(el.querySelector("#integration-smoke")?.textContent).toBe("Connection test passed: the credential's OAuth client got a token.");
    expect(el.querySelector('#integration-live [data-state]')?.getAttribute("data-state")).toBe("ACTIVE");
  });

  it("says plainly when Genesys reports ACTIVE but refuses the credential's secret", async () => {
    const refused = { kind: "credentialRefused", message: "the integration's credential was refused a token for the OAuth client x" };
    const setEnabled = vi.fn(() => Promise.resolve({ integration: integration({ id: "bare", reported: "ACTIVE", intendedState: "ENABLED" }), smoke: { outcome: "failed", error: refused } }));
    const api = fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(overview()), integrationSetEnabled: setEnabled as never });
    const el = integrationDetailView("bare", { api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#integration-toggle")).not.toBeNull());
    el.querySelector<HTMLButtonElement>("#integration-toggle")!.click();
    await vi.waitFor(() => expect(el.querySelector("#integration-smoke")?.getAttribute("data-smoke")).toBe("failed"));
    const panel = el.querySelector('#integration-smoke [data-kind="credentialRefused"]');
    expect(panel?.querySelector(".error-headline")?.textContent).toContain("the secret is wrong");
  });

  it("deletes only after the confirmation, which names what goes and what stays", async () => {
    const api = fakeIntegrationsApi({ integrationsOverview: () => Promise.resolve(overview()), integrationDelete: () => Promise.resolve("deleted") });
    setLanguage("es");
    const el = integrationDetailView("ok", { api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#integration-delete")).not.toBeNull());
    el.querySelector<HTMLButtonElement>("#integration-delete")!.click();
    expect(api.integrationDelete).not.toHaveBeenCalled();
    const dialog = document.querySelector("#integration-delete-confirm")!;
    expect(dialog.textContent).toContain("¿Eliminar esta integración de la organización?");
    expect(dialog.querySelector("#integration-delete-confirm-objects")?.textContent).toBe("Healthy");
    expect(dialog.textContent).toContain("Su credencial y su cliente OAuth se conservan.");
    await vi.waitFor(() => expect(document.activeElement?.id, "Cancel is the default").toBe("integration-delete-confirm-no"));
    document.querySelector<HTMLButtonElement>("#integration-delete-confirm-yes")!.click();
    await vi.waitFor(() => expect(location.hash).toBe("#/integrations"));
    expect(api.integrationDelete).toHaveBeenCalledWith("ok");
  });
});
