// The OAuth client form: it mirrors Rust's checks (errors beside each field, before any call),
// adapts to the grant type with its explanation, never offers PASSWORD, and shows a
// Rust refusal beside its field and an API error with its contextId, keeping what was typed.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { OAuthClientForm, RolesView } from "../../ui/src/api";
import { catalogues, keysOf, languages, setLanguage, t } from "../../ui/src/i18n";
import { clientForm, type ClientFormDeps } from "../../ui/src/views/clients/form";
import { GRANT_KEYS } from "../../ui/src/views/clients/grants";
import { checkRedirectUri, checkTokenDuration, checkName, durationLabel, fieldOfRustError, CREATABLE } from "../../ui/src/views/clients/validate";

const HOME = "d-home";
export const rolesView: RolesView = {
  roles: [
    { id: "r-dev", name: "Developer", description: "Builds integrations", permissionCount: 3, held: [HOME] },
    { id: "r-admin", name: "Admin", description: null, permissionCount: 9, held: ["*"] },
    { id: "r-quality", name: "Quality Evaluator", description: "Scores calls", permissionCount: 2, held: [] },
  ],
  divisions: [
    { id: HOME, name: "Home", description: null, homeDivision: true },
    { id: "d-claims", name: "Claims", description: null, homeDivision: false },
  ],
  homeDivisionId: HOME,
  canAssignToMe: true,
  grantsKnown: true,
};

function fakeApi() {
  return {
    oauthScopes: vi.fn().mockResolvedValue([
      { id: "users:readonly", description: "View users" },
      { id: "integrations", description: "Manage integrations" },
    ]),
    authorizationRoles: vi.fn().mockResolvedValue(rolesView),
    authorizationRolePermissions: vi.fn().mockResolvedValue(["integrations:action:view"]),
    authorizationAssignRoleToMe: vi.fn(),
  };
}

function mount(submit = vi.fn().mockResolvedValue(undefined)) {
  const api = fakeApi();
  const form = clientForm({ api, submit, editing: null } as unknown as ClientFormDeps);
  document.body.replaceChildren(form);
  return { form, api, submit };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const $ = <T extends HTMLElement>(sel: string): T => document.querySelector<T>(sel)!;

function type(sel: string, value: string): void {
  const el = $<HTMLInputElement | HTMLTextAreaElement>(sel);
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
}

function pick(grant: string): void {
  const radio = $<HTMLInputElement>(`#clients-grant-${GRANT_KEYS[grant]}`);
  radio.checked = true;
  radio.dispatchEvent(new Event("change", { bubbles: true }));
}

function submitForm(): void {
  $<HTMLFormElement>("#clients-form").dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
}

beforeEach(() => setLanguage("en"));

describe("validators mirror genesys::oauth_client_form", () => {
  it("checks names, token durations and redirect URIs like Rust", () => {
    expect(checkName("  Data Actions  ")).toBeNull();
    expect(checkName("   ")).toBe(t("clients.errors.nameRequired"));
    expect(checkName("a".repeat(257))).toBe(t("clients.errors.nameTooLong", { max: "256" }));
    expect(checkName("a".repeat(256))).toBeNull();
    expect(checkName("evil\u202Eexe")).toBe(t("clients.errors.invisibleCharacters"));
    expect(checkName("zero\u200Bwidth")).not.toBeNull();
    expect(checkName("tab\tin")).not.toBeNull();
    for (const ok of ["", "300", "172800", "86400"]) expect(checkTokenDuration(ok), ok).toBeNull();
    for (const bad of ["299", "172801", "-1", "1.5", "abc", "99999999999"]) expect(checkTokenDuration(bad), bad).not.toBeNull();
    for (const ok of ["https://example.com/cb", "http://127.0.0.1", "http://127.0.0.1:8080/x", "http://[::1]:9/cb", "http://localhost/cb"]) {
      expect(checkRedirectUri(ok).error, ok).toBeNull();
    }
    for (const bad of ["http://example.com", "https://u:p@example.com", "https://example.com/#x", "https://*.example.com", "example.com/cb", "ftp://x", "https://"]) {
      expect(checkRedirectUri(bad).error, bad).not.toBeNull();
    }
    expect(checkRedirectUri(`https://e.com/${"a".repeat(2048)}`).error).toBe(t("clients.errors.redirectTooLong"));
  });

  it("shows hours and minutes for the token duration", () => {
    expect(durationLabel("")).toBe("24 h 0 min");
    expect(durationLabel("5400")).toBe("1 h 30 min");
  });

  it("reads the field of a Rust refusal", () => {
    expect(fieldOfRustError("roleDivisions: to grant roles to an OAuth client you must hold them")).toBe("roleDivisions");
    expect(fieldOfRustError("tokenDuration: a whole number")).toBe("tokenDuration");
    expect(fieldOfRustError("something else")).toBeNull();
  });
});

describe("the form", () => {
  it("offers every creatable grant type with its explanation, never PASSWORD", () => {
    mount();
    const offered = [...document.querySelectorAll<HTMLInputElement>("input[name=clients-grant]")].map((r) => r.value);
    expect(offered).toEqual(CREATABLE);
    expect(offered).not.toContain("PASSWORD");
    expect($("#clients-grant").textContent).toContain(t("clients.grants.clientCredentials.explain"));
    for (const lang of languages) {
      setLanguage(lang);
      for (const g of CREATABLE) expect(t(`clients.grants.${GRANT_KEYS[g]}.explain`)).not.toMatch(/^clients\./);
    }
  });

  it("adapts to the grant type: roles for CC, redirect URIs and scopes for Code/Implicit, scopes for SAML2", async () => {
    const { api } = mount();
    await flush();
    expect($("#clients-roles-slot").hidden).toBe(false);
    expect($("#clients-scopes-slot").hidden).toBe(true);
    expect($("#clients-redirects-field").hidden).toBe(true);
    expect(api.authorizationRoles).toHaveBeenCalledOnce();
    pick("TOKEN");
    await flush();
    expect($("#clients-redirects-field").hidden).toBe(false);
    expect($("#clients-implicit-warning").hidden).toBe(false);
    expect($("#clients-scopes-slot").hidden).toBe(false);
    expect($("#clients-roles-slot").hidden).toBe(true);
    pick("SAML2-BEARER");
    expect($("#clients-redirects-field").hidden).toBe(true);
    expect($("#clients-implicit-warning").hidden).toBe(true);
    expect(api.oauthScopes).toHaveBeenCalledOnce();
  });

  it("shows each error beside its field and sends nothing", async () => {
    const { submit } = mount();
    await flush();
    type("#clients-name", "  ");
    type("#clients-tokenDuration", "299");
    submitForm();
    expect($("#clients-name-error").textContent).toBe(t("clients.errors.nameRequired"));
    expect($("#clients-tokenDuration-error").textContent).toContain("300");
    expect($("#clients-roleDivisions-error").textContent).toBe(t("clients.errors.roleRequired"));
    expect($("#clients-name").getAttribute("aria-invalid")).toBe("true");
    pick("CODE");
    await flush();
    type("#clients-name", "Web app");
    type("#clients-tokenDuration", "");
    type("#clients-redirectUris", "http://example.com/cb");
    submitForm();
    expect($("#clients-redirectUris-error").textContent).toContain("http:// is only for");
    expect($("#clients-scopes-error").textContent).toBe(t("clients.errors.scopeRequired"));
    expect($("#clients-name-error").textContent).toBe("");
    expect(submit).not.toHaveBeenCalled();
  });

  it("sends only what the grant type uses", async () => {
    const { submit } = mount();
    await flush();
    type("#clients-name", "Data Actions");
    $<HTMLInputElement>('input[data-role-id="r-dev"]').click();
    pick("CODE");
    await flush();
    type("#clients-redirectUris", "http://127.0.0.1\n\nhttps://app.example.com/cb");
    $<HTMLInputElement>('input[data-scope="integrations"]').click();
    submitForm();
    const sent = submit.mock.calls[0]?.[0] as OAuthClientForm;
    expect(sent).toMatchObject({ name: "Data Actions", grantType: "CODE", roleDivisions: [], scopes: ["integrations"] });
    expect(sent.redirectUris).toEqual(["http://127.0.0.1", "https://app.example.com/cb"]);
    pick("CLIENT-CREDENTIALS");
    submitForm();
    const cc = submit.mock.calls[1]?.[0] as OAuthClientForm;
    expect(cc).toMatchObject({ grantType: "CLIENT-CREDENTIALS", redirectUris: [], scopes: [], roleDivisions: [{ roleId: "r-dev", divisionId: HOME }] });
  });

  it("shows Rust's refusal beside its field and Genesys's error with its contextId, keeping the input", async () => {
    const submit = vi
      .fn()
      .mockRejectedValueOnce({ kind: "invalidInput", message: "roleDivisions: to grant roles to an OAuth client you must hold them yourself" })
      .mockRejectedValueOnce({ kind: "api", message: "Missing roles (HTTP 400, missing.client.roles)", contextId: "ctx-42" });
    mount(submit);
    await flush();
    type("#clients-name", "Keep me");
    $<HTMLInputElement>('input[data-role-id="r-dev"]').click();
    submitForm();
    await flush();
    expect($("#clients-roleDivisions-error").textContent).toContain("must hold them yourself");
    submitForm();
    await flush();
    expect($("#clients-form-errors").textContent).toContain("missing.client.roles");
    expect($("#clients-form-errors").textContent).toContain("ctx-42");
    expect($<HTMLInputElement>("#clients-name").value).toBe("Keep me");
  });
});

describe("the clients catalogue", () => {
  it("has every dynamic key in all three languages", () => {
    const en = new Set(keysOf(catalogues.en));
    const dynamic = [
      ...Object.values(GRANT_KEYS).map((k) => `clients.grants.${k}.label`),
      ...["active", "disabled", "inactive", "deleted", "unknown"].map((s) => `clients.states.${s}`),
      ...["Empty", "TooLong", "Spaces", "Fragment", "Wildcard", "Scheme", "Userinfo", "Host", "Http", "Invalid"].map((k) => `clients.errors.redirect${k}`),
    ];
    for (const key of dynamic) expect(en.has(key), key).toBe(true);
    for (const lang of languages) expect(keysOf(catalogues[lang]).filter((k) => k.startsWith("clients.")).length).toBe([...en].filter((k) => k.startsWith("clients.")).length);
  });
});
