// The clients list and what an admin does from it: the client id shown with its own Copy, the
// headers that sort by name, grant type and state, the row actions (disable, delete); the one
// destructive confirmation (names the client and what follows, Cancel first and focused, a
// failure stays in the dialog); after create, the page behind the secret dialog says the client
// was created; the Implicit grant's retirement worded once, with its "Learn more" link; and the
// wording checks of the catalogues (es says "roles", pt-BR translates the SAML expansion).
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { IssuedClientView, OAuthClient, SessionView } from "../../ui/src/api";
import { catalogues, keysOf, setLanguage, t } from "../../ui/src/i18n";
import { confirmDestructive } from "../../ui/src/kit/confirm";
import { confirmDelete } from "../../ui/src/views/clients/delete";
import { clientDetail, type DetailDeps } from "../../ui/src/views/clients/detail";
import { GRANT_TYPES_HELP } from "../../ui/src/views/clients/grants";
import { clientsList, type RowActionsDeps } from "../../ui/src/views/clients/list";
import { clientsScreen, type ClientsDeps } from "../../ui/src/views/clients/screen";

const base: OAuthClient = {
  id: "c-1",
  name: "Data Actions client",
  authorizedGrantType: "CLIENT-CREDENTIALS",
  description: null,
  accessTokenValiditySeconds: 86400,
  registeredRedirectUri: [],
  scope: [],
  roleDivisions: [],
  state: "active",
  dateCreated: "2026-11-20T10:00:00Z",
  dateModified: null,
  dateToDelete: null,
  createdBy: null,
  modifiedBy: null,
};
const clients: OAuthClient[] = [
  base,
  { ...base, id: "c-2", name: "Web sign-in", authorizedGrantType: "CODE", state: "disabled" },
  { ...base, id: "c-3", name: "Assertions", authorizedGrantType: "SAML2-BEARER" },
];
const flush = () => new Promise((r) => setTimeout(r, 0));
const $ = <T extends HTMLElement>(sel: string): T => document.querySelector<T>(sel)!;
const names = (): string[] => [...document.querySelectorAll("#clients-table tbody .client-link")].map((a) => a.textContent ?? "");

function rowApi() {
  return {
    oauthClientSetState: vi.fn().mockResolvedValue(undefined),
    oauthClientDelete: vi.fn().mockResolvedValue({ deleted: true, dateToDelete: null }),
    oauthClientCredentials: vi.fn().mockResolvedValue({ using: [], unknown: 0 }),
  };
}

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
});

describe("the list", () => {
  it("shows each client's id with a Copy button that writes it to the clipboard", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    document.body.append(clientsList(clients));
    const row = $('#clients-table tr[data-client-id="c-2"]');
    expect(row.querySelector(".id-cell code")?.textContent).toBe("c-2");
    const copy = row.querySelector<HTMLButtonElement>('button[data-copy-id="c-2"]')!;
    expect(copy.getAttribute("aria-label")).toBe(t("clients.common.copyId", { name: "Web sign-in" }));
    copy.click();
    await flush();
    expect(writeText).toHaveBeenCalledWith("c-2");
  });

  it("sorts by name first, then by the header the user picks, ascending then descending", () => {
    document.body.append(clientsList(clients));
    expect(names()).toEqual(["Assertions", "Data Actions client", "Web sign-in"]);
    const header = (key: string) => $(`#clients-table th:has(button[data-sort="${key}"])`);
    expect(header("name").getAttribute("aria-sort")).toBe("ascending");
    $<HTMLButtonElement>('button[data-sort="name"]').click();
    expect(names()).toEqual(["Web sign-in", "Data Actions client", "Assertions"]);
    expect(header("name").getAttribute("aria-sort")).toBe("descending");
    $<HTMLButtonElement>('button[data-sort="grant"]').click();
    // By the grant's name as shown: Client Credentials, Code Authorization, SAML2 Bearer.
    expect(names()).toEqual(["Data Actions client", "Web sign-in", "Assertions"]);
    expect(header("grant").getAttribute("aria-sort")).toBe("ascending");
    expect(header("name").getAttribute("aria-sort")).toBe("none");
    $<HTMLButtonElement>('button[data-sort="state"]').click();
    expect(names()).toEqual(["Assertions", "Data Actions client", "Web sign-in"]);
    $<HTMLButtonElement>('button[data-sort="state"]').click();
    expect(names()[0]).toBe("Web sign-in");
  });

  it("counts the clients with the right noun", () => {
    document.body.append(clientsList([base]));
    expect($("#clients-count").textContent).toBe("1 of 1 client");
    document.body.replaceChildren(clientsList(clients));
    expect($("#clients-count").textContent).toBe("3 of 3 clients");
  });

  it("has no row actions without an api, and disables or deletes a row with one", async () => {
    document.body.append(clientsList(clients));
    expect(document.querySelector("[data-action]")).toBeNull();
    const fake = rowApi();
    const reload = vi.fn();
    document.body.replaceChildren(clientsList(clients, null, { api: fake, reload } as RowActionsDeps));
    const row = $('#clients-table tr[data-client-id="c-1"]');
    row.querySelector<HTMLButtonElement>('[data-action="toggle-state"]')!.click();
    await flush();
    expect(fake.oauthClientSetState).toHaveBeenCalledWith("c-1", "disabled");
    expect(reload).toHaveBeenCalledTimes(1);

    row.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
    await flush();
    expect(fake.oauthClientCredentials).toHaveBeenCalledWith("c-1");
    expect($("#clients-delete-objects").textContent).toContain("Data Actions client");
    expect(fake.oauthClientDelete).not.toHaveBeenCalled();
    $<HTMLButtonElement>("#clients-delete-yes").click();
    await flush();
    expect(fake.oauthClientDelete).toHaveBeenCalledWith("c-1");
    expect(reload).toHaveBeenCalledTimes(2);
  });
});

describe("the destructive confirmation", () => {
  it("names the client and its consequences, with Cancel first and focused", async () => {
    const fake = { oauthClientDelete: vi.fn() };
    const kept = confirmDelete(fake, base, ["Data Actions credential"]);
    await flush();
    const no = $<HTMLButtonElement>("#clients-delete-no");
    expect(document.activeElement).toBe(no);
    expect($(".modal-actions").firstElementChild).toBe(no);
    expect($("#clients-delete-objects").textContent).toBe(t("clients.delete.object", { name: base.name, id: "c-1" }));
    expect($("#clients-delete").textContent).toContain(t("clients.delete.what"));
    expect($("#clients-delete-uses").textContent).toContain("Data Actions credential");
    $("#clients-delete").dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(await kept).toBeNull();
    expect(fake.oauthClientDelete).not.toHaveBeenCalled();
  });

  it("keeps the question open with the error when the action fails, and can be tried again", async () => {
    const act = vi.fn().mockRejectedValueOnce({ kind: "api", message: "conflict" }).mockResolvedValueOnce("done");
    const link = Object.assign(document.createElement("a"), { href: "https://example.com/help", textContent: "Learn more" });
    const done = confirmDestructive({ id: "thing", title: "Delete the thing?", objects: ["Thing"], consequences: ["It is gone.", link], confirm: "Delete", cancel: "Cancel", busy: "Deleting…", act });
    await flush();
    // A link before the buttons does not take the default focus from Cancel.
    expect(document.activeElement).toBe($("#thing-no"));
    $<HTMLButtonElement>("#thing-yes").click();
    expect($("#thing-status").textContent).toBe("Deleting…");
    await flush();
    expect($("#thing").textContent).toContain("conflict");
    expect($<HTMLButtonElement>("#thing-yes").disabled).toBe(false);
    $<HTMLButtonElement>("#thing-yes").click();
    expect(await done).toBe("done");
    expect(document.getElementById("thing")).toBeNull();
  });

  it("says no integration uses the client without a double negative", () => {
    for (const lang of ["en", "es", "pt-BR"] as const) {
      setLanguage(lang);
      void confirmDelete({ oauthClientDelete: vi.fn() }, base, []);
      expect($("#clients-delete-uses").textContent).toBe(t("clients.delete.usesNone"));
      document.body.replaceChildren();
    }
    setLanguage("en");
    expect(t("clients.delete.usesNone")).not.toMatch(/^No\b.*\bno\b/i);
  });
});

describe("creating", () => {
  it("no longer says 'Creating…' behind the secret dialog", async () => {
    const issued: IssuedClientView = { client: { ...base, id: "c-9", name: "New one", authorizedGrantType: "SAML2-BEARER", scope: ["users:readonly"] }, revealHandle: "h-9", savedToKeychain: true };
    const api = {
      oauthScopes: vi.fn().mockResolvedValue([{ id: "users:readonly", description: null }]),
      authorizationRoles: vi.fn().mockReturnValue(new Promise(() => undefined)),
      oauthClientCreate: vi.fn().mockResolvedValue(issued),
      oauthClientSecretReveal: vi.fn().mockResolvedValue("s3cr3t-value-for-the-test"),
      oauthClientSecretCopy: vi.fn(),
      oauthClientSecretForget: vi.fn().mockResolvedValue(undefined),
    };
    const session = { session: { userId: "u-1", userName: "Morgan Reyes", userEmail: null } } as unknown as SessionView;
    const navigate = vi.fn();
    document.body.append(clientsScreen("#/clients/new", { api, session, navigate } as unknown as ClientsDeps));
    const saml = $<HTMLInputElement>("#clients-grant-saml2Bearer");
    saml.checked = true;
    saml.dispatchEvent(new Event("change", { bubbles: true }));
    await flush();
    $<HTMLInputElement>("#clients-name").value = "New one";
    $<HTMLInputElement>('input[data-scope="users:readonly"]').click();
    $<HTMLFormElement>("#clients-form").dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    await flush();
    expect(document.getElementById("clients-secret")).not.toBeNull();
    const behind = $('[data-screen="clients"]').textContent ?? "";
    expect(behind).not.toContain(t("clients.form.creating"));
    expect($("#clients-created").textContent).toBe(t("clients.new.created", { name: "New one" }));
    $<HTMLButtonElement>("#clients-secret-close").click();
    await flush();
    expect(navigate).toHaveBeenCalledWith("#/clients/c-9");
  });
});

describe("the Implicit grant's retirement", () => {
  it("is one sentence with a Learn more link, on the form and on an Implicit client's page", () => {
    const api = { authorizationRoles: vi.fn().mockReturnValue(new Promise(() => undefined)) };
    const implicit: OAuthClient = { ...base, authorizedGrantType: "TOKEN", registeredRedirectUri: ["https://app.example.com/cb"] };
    document.body.append(clientDetail(implicit, { api, navigate: vi.fn(), reload: vi.fn() } as unknown as DetailDeps));
    const warning = $("#clients-detail-implicit-warning");
    expect(warning.textContent).toContain(t("clients.grants.token.retiring"));
    const link = warning.querySelector("a")!;
    expect(link.getAttribute("href")).toBe(GRANT_TYPES_HELP);
    // Opened by Rust in the system browser (`open_help`): the webview itself opens no window.
    expect(link.getAttribute("target")).toBeNull();
    expect(link.classList.contains("external")).toBe(true);
    expect(link.textContent).toBe(t("clients.common.learnMore"));
    document.body.replaceChildren(clientDetail(base, { api, navigate: vi.fn(), reload: vi.fn() } as unknown as DetailDeps));
    expect(document.getElementById("clients-detail-implicit-warning")).toBeNull();
    // The grant's name comes first; Genesys's code is secondary text beside it.
    const grant = $("#clients-detail-facts .grant-name");
    expect(grant.firstChild?.textContent).toBe(t("clients.grants.clientCredentials.label"));
    expect(grant.querySelector(".grant-code")?.textContent).toBe("CLIENT-CREDENTIALS");
  });
});

describe("catalogue wording", () => {
  const strings = (lang: "en" | "es" | "pt-BR"): string[] => {
    setLanguage(lang);
    return keysOf(catalogues[lang]).filter((k) => k.startsWith("clients.")).map((k) => t(k));
  };

  it("calls roles 'roles' in Spanish, never 'funciones'", () => {
    expect(strings("es").filter((s) => /\bfunci[oó]n(es)?\b/i.test(s))).toEqual([]);
  });

  it("translates the SAML expansion in Brazilian Portuguese", () => {
    setLanguage("pt-BR");
    expect(t("clients.grants.saml2Bearer.explain")).not.toContain("Security Assertion Markup Language");
  });

  it("has the singular and plural keys the counts use", () => {
    for (const lang of ["en", "es", "pt-BR"] as const) {
      const keys = new Set(keysOf(catalogues[lang]));
      for (const k of ["clients.roles.permissionsOne", "clients.roles.permissions", "clients.roles.rolesOne", "clients.roles.rolesMany", "clients.list.clientsOne", "clients.list.clientsMany"]) {
        expect(keys.has(k), `${lang} ${k}`).toBe(true);
      }
    }
  });
});
