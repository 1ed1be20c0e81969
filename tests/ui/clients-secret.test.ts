// The secret, once: the dialog asks Rust for it by handle, copies through Rust, and on close
// tells Rust to forget it (and, after "Remove from keychain", to delete the entry); afterwards no node,
// attribute or text of the page holds it. Also the list, the signed-out panel and deletion.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { IssuedClientView, OAuthClient } from "../../ui/src/api";
import { setLanguage, t } from "../../ui/src/i18n";
import { clientsList, personName } from "../../ui/src/views/clients/list";
import { clientsRoute, clientsScreen, type ClientsDeps } from "../../ui/src/views/clients/screen";
import { confirmDelete } from "../../ui/src/views/clients/delete";
import { clientDetail, type DetailDeps } from "../../ui/src/views/clients/detail";
import { showSecretOnce } from "../../ui/src/views/clients/secret";

const SECRET = "CANARY-3f1c9a7e-secret";
const client: OAuthClient = {
  id: "c-1",
  name: "Data Actions client",
  authorizedGrantType: "CLIENT-CREDENTIALS",
  description: null,
  accessTokenValiditySeconds: 86400,
  registeredRedirectUri: [],
  scope: [],
  roleDivisions: [{ roleId: "r", divisionId: "d" }],
  state: "active",
  dateCreated: "2026-11-20T10:00:00Z",
  dateModified: null,
  dateToDelete: null,
  createdBy: { id: "u", name: "Morgan Reyes" },
  modifiedBy: null,
};
const issued = (saved = true): IssuedClientView => ({ client, revealHandle: "h-1", savedToKeychain: saved });

function api() {
  return {
    oauthClientSecretReveal: vi.fn().mockResolvedValue(SECRET),
    oauthClientSecretCopy: vi.fn().mockResolvedValue(undefined),
    oauthClientSecretForget: vi.fn().mockResolvedValue(undefined),
  };
}
const flush = () => new Promise((r) => setTimeout(r, 0));
const $ = <T extends HTMLElement>(sel: string): T => document.querySelector<T>(sel)!;

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
});

describe("the secret dialog", () => {
  it("reveals the secret once, copies through Rust, and leaves nothing of it in the DOM after closing", async () => {
    const fake = api();
    const closed = showSecretOnce(fake, issued());
    await flush();
    expect(fake.oauthClientSecretReveal).toHaveBeenCalledExactlyOnceWith("h-1");
    expect($("#clients-secret-value").textContent).toBe(SECRET);
    // "Saved in your keychain" is a status line, not a control that could be unticked by mistake.
    expect($("#clients-secret-keychain").textContent).toBe(t("clients.secret.keep"));
    expect(document.querySelector("#clients-secret input")).toBeNull();
    expect($("#clients-secret-client-id").textContent).toBe("c-1");
    expect($('#clients-secret button[data-copy-id="c-1"]').getAttribute("aria-label")).toBe(t("clients.common.copyId", { name: client.name }));
    $<HTMLButtonElement>("#clients-secret-copy").click();
    await flush();
    expect(fake.oauthClientSecretCopy).toHaveBeenCalledWith("h-1");
    expect($("#clients-secret-status").textContent).toBe(t("clients.secret.copied"));
    $<HTMLButtonElement>("#clients-secret-close").click();
    expect(await closed).toBeNull();
    expect(fake.oauthClientSecretForget).toHaveBeenCalledWith("h-1", true);
    expect(document.getElementById("clients-secret")).toBeNull();
    expect(document.documentElement.outerHTML).not.toContain(SECRET);
    expect(document.documentElement.outerHTML).not.toContain("CANARY");
    expect(fake.oauthClientSecretReveal).toHaveBeenCalledOnce();
  });

  it("'Remove from keychain' explains what that means, can be undone, and asks Rust to delete the entry", async () => {
    const fake = api();
    const closed = showSecretOnce(fake, issued());
    await flush();
    const remove = $<HTMLButtonElement>("#clients-secret-remove");
    expect($("#clients-secret-keep-note").hidden).toBe(true);
    remove.click();
    expect($("#clients-secret-keep-note").hidden).toBe(false);
    expect($("#clients-secret-keychain").textContent).toBe(t("clients.secret.removing"));
    expect(remove.textContent).toBe(t("clients.secret.keepIt"));
    remove.click();
    expect($("#clients-secret-keep-note").hidden).toBe(true);
    expect($("#clients-secret-keychain").textContent).toBe(t("clients.secret.keep"));
    remove.click();
    $<HTMLButtonElement>("#clients-secret-close").click();
    await closed;
    expect(fake.oauthClientSecretForget).toHaveBeenCalledWith("h-1", false);
  });

  it("says 'not saved' with the regenerate hint when no keychain answered", async () => {
    const fake = api();
    const closed = showSecretOnce(fake, issued(false));
    await flush();
    expect(document.getElementById("clients-secret-keychain")).toBeNull();
    expect(document.getElementById("clients-secret-remove")).toBeNull();
    expect($("#clients-secret-not-saved").textContent).toBe(t("clients.secret.notSaved"));
    $<HTMLButtonElement>("#clients-secret-close").click();
    await closed;
    expect(fake.oauthClientSecretForget).toHaveBeenCalledWith("h-1", false);
  });

  it("after a regenerate, offers to give the new secret to the credential that uses the client", async () => {
    const fake = {
      ...api(),
      oauthClientRegenerateSecret: vi.fn().mockResolvedValue(issued()),
      oauthClientCredentials: vi.fn().mockResolvedValue({ using: [{ id: "cred-1", name: "Data Actions" }], unknown: 0 }),
      oauthClientCredentialUpdate: vi.fn().mockResolvedValue(undefined),
      authorizationRoles: vi.fn().mockReturnValue(new Promise(() => undefined)),
    };
    document.body.append(clientDetail(client, { api: fake, navigate: vi.fn(), reload: vi.fn() } as unknown as DetailDeps));
    $<HTMLButtonElement>("#clients-regenerate").click();
    $<HTMLButtonElement>("#clients-regenerate-yes").click();
    await flush();
    await flush();
    $<HTMLButtonElement>('#clients-credential-offer button[data-credential="cred-1"]').click();
    await flush();
    expect(fake.oauthClientCredentialUpdate).toHaveBeenCalledWith("cred-1", "Data Actions", "c-1", "h-1");
    expect($("#clients-credential-offer").textContent).toContain(t("clients.credentials.updated"));
    $<HTMLButtonElement>("#clients-secret-close").click();
    await flush();
    expect(document.getElementById("clients-credential-offer")).toBeNull();
    expect(document.documentElement.outerHTML).not.toContain(SECRET);
  });

  it("shows a failed reveal (already shown, expired) as an error, with no secret", async () => {
    const fake = api();
    fake.oauthClientSecretReveal.mockRejectedValue({ kind: "invalidInput", message: "revealHandle: this secret was already shown" });
    void showSecretOnce(fake, issued());
    await flush();
    expect($("#clients-secret-value").textContent).toBe("");
    expect($<HTMLButtonElement>("#clients-secret-copy").disabled).toBe(true);
    expect($("#clients-secret").textContent).toContain("already shown");
  });
});

describe("the screen", () => {
  it("reads its routes", () => {
    expect(clientsRoute("#clients")).toEqual({ kind: "list" });
    expect(clientsRoute("#/clients/")).toEqual({ kind: "list" });
    expect(clientsRoute("#clients/new")).toEqual({ kind: "new" });
    expect(clientsRoute("#clients/c-1")).toEqual({ kind: "detail", id: "c-1" });
  });

  it("asks to sign in first when signed out, and calls nothing", () => {
    const fakeApi = { oauthClientsList: vi.fn() };
    const el = clientsScreen("#clients", { api: fakeApi, session: null, navigate: vi.fn() } as unknown as ClientsDeps);
    expect(el.querySelector("#clients-signed-out a")?.getAttribute("href")).toBe("#/signin");
    expect(fakeApi.oauthClientsList).not.toHaveBeenCalled();
  });

  it("lists clients with grant type, state, creator, and filters them", () => {
    const other: OAuthClient = { ...client, id: "c-2", name: "Web sign-in", authorizedGrantType: "CODE", state: "disabled", createdBy: null };
    document.body.append(clientsList([client, other]));
    expect(document.querySelectorAll("#clients-table tbody tr").length).toBe(2);
    expect(document.body.textContent).toContain(t("clients.grants.code.label"));
    expect(document.body.textContent).toContain(t("clients.states.disabled"));
    expect(document.body.textContent).toContain("Morgan Reyes");
    const search = $<HTMLInputElement>("#clients-search");
    search.value = "web";
    search.dispatchEvent(new Event("input"));
    expect(document.querySelectorAll("#clients-table tbody tr").length).toBe(1);
    expect($("#clients-table a").getAttribute("href")).toBe("#/clients/c-2");
  });
});

it("names the signed-in user where Genesys gives only their id", () => {
  const me = { id: "u-1", name: "Morgan Reyes" };
  expect(personName({ id: "u-1", name: null }, me)).toBe("Morgan Reyes");
  expect(personName({ id: "u-2", name: null }, me)).toBe("u-2");
  expect(personName({ id: "u-2", name: "Avery" }, me)).toBe("Avery");
  expect(personName(null, me)).toBe("—");
});

describe("deleting", () => {
  it("explains the 30-day rule and what uses the client, and deletes only on confirmation", async () => {
    const fake = { oauthClientDelete: vi.fn().mockResolvedValue({ deleted: true, dateToDelete: null }) };
    const kept = confirmDelete(fake, client, ["Data Actions (Genesys Cloud) credential"]);
    expect($("#clients-delete-rule").textContent).toBe(t("clients.delete.rule"));
    expect($("#clients-delete-uses").textContent).toContain("Data Actions (Genesys Cloud) credential");
    $<HTMLButtonElement>("#clients-delete-no").click();
    expect(await kept).toBeNull();
    expect(fake.oauthClientDelete).not.toHaveBeenCalled();
    const done = confirmDelete(fake, client, []);
    $<HTMLButtonElement>("#clients-delete-yes").click();
    expect(await done).toEqual({ deleted: true, dateToDelete: null });
    expect(fake.oauthClientDelete).toHaveBeenCalledWith("c-1");
    expect(document.getElementById("clients-delete")).toBeNull();
  });
});
