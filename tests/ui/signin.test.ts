// The Sign-in screen: titled as its menu entry, the form adapts to org and method, validates like
// Rust before any call, waits for the browser with the URL and Cancel, explains a region mismatch,
// offers Try again where sending the form again can help, the practice account to copy, and the
// next steps once signed in (the form to sign in elsewhere folded under them).
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionView, SignInOptions } from "../../ui/src/api";
import { setLanguage, t } from "../../ui/src/i18n";
import en from "../../ui/src/i18n/en.json";
import { parsePorts, validateClientId, type SignInDeps } from "../../ui/src/views/sign-in/rules";
import { signInView } from "../../ui/src/views/sign-in/screen";
import { signOutProblems } from "../../ui/src/views/sign-in/session";

const options: SignInOptions = {
  regions: [
    { code: "us-east-1", location: "US East (N. Virginia)", domain: "mypurecloud.com" },
    { code: "eu-west-1", location: "Europe (Ireland)", domain: "mypurecloud.ie" },
  ],
  profiles: [],
  redirectUri: "http://127.0.0.1",
};
const sandbox = { orgName: "Contoso Health", adminEmail: "admin@contoso.example", adminPassword: "rehearse", setAsideStateFile: null };
const CLIENT = "1b9e2c4a-0d5f-4f0e-8a66-3c1d2e4f5a01";
const signedIn: SessionView = {
  session: { orgId: "o", orgName: "Contoso Health", userId: "u", userName: "Avery Admin", userEmail: "a@c", regionCode: "sandbox", expiresAt: "2026-11-22T10:00:00Z", grant: "pkce" },
  profile: { target: { kind: "sandbox" }, method: "pkce", clientId: "", orgName: "Contoso Health" },
  savedInKeychain: true,
};

type Fake = { [K in keyof SignInDeps["api"]]: ReturnType<typeof vi.fn> };

function deps(over: Partial<Fake> = {}): { api: Fake; onSignedIn: ReturnType<typeof vi.fn>; onSignedOut: ReturnType<typeof vi.fn> } {
  return {
    api: {
      signInStart: vi.fn(),
      signInWait: vi.fn(),
      signInCancel: vi.fn().mockResolvedValue(undefined),
      signInClientCredentials: vi.fn(),
      signOut: vi.fn().mockResolvedValue({ revoked: true, keychainCleared: true }),
      ...over,
    },
    onSignedIn: vi.fn(),
    onSignedOut: vi.fn(),
  };
}

function mount(d: ReturnType<typeof deps>, session: SessionView | null = null, opts = options): HTMLElement {
  const el = signInView({ options: opts, session, sandbox }, d as unknown as SignInDeps);
  document.body.replaceChildren(el);
  return el;
}

const $ = <T extends HTMLElement>(el: HTMLElement, sel: string): T => el.querySelector<T>(sel)!;

function choose(el: HTMLElement, selector: string, value: string): void {
  const input = $<HTMLSelectElement | HTMLInputElement>(el, selector);
  if (input instanceof HTMLInputElement) input.checked = true;
  else input.value = value;
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

beforeEach(() => setLanguage("en"));

describe("validateClientId mirrors genesys::profile", () => {
  it("accepts a GUID, and nothing for the Sandbox org's browser sign-in", () => {
    expect(validateClientId("eu-west-1", "pkce", ` ${CLIENT} `)).toBeNull();
    expect(validateClientId("sandbox", "pkce", "")).toBeNull();
    expect(validateClientId("sandbox", "clientCredentials", "")).toBe("This field is required.");
    expect(validateClientId("eu-west-1", "pkce", "not-a-guid")).toContain("looks like");
  });
});

describe("signInView", () => {
  it("starts with the Sandbox org at the top and needs nothing typed for it", () => {
    const el = mount(deps());
    const org = $<HTMLSelectElement>(el, "#signin-org");
    expect(org.options[0]?.value).toBe("sandbox");
    expect(org.value).toBe("sandbox");
    expect($(el, "#signin-client-id").closest(".field")!.hasAttribute("hidden")).toBe(true);
    expect($(el, "#signin-sandbox-hint").textContent).toContain("admin@contoso.example");
    expect($(el, "#signin-submit").textContent).toBe("Sign in to the Sandbox org");
    expect(el.querySelector("#signin-sandbox-set-aside")).toBeNull();
  });

  it("says where an unreadable Sandbox state file went when the org had to start afresh", () => {
    const d = deps();
    const el = signInView(
      { options, session: null, sandbox: { ...sandbox, setAsideStateFile: "/data/sandbox-org.unreadable-20261201T101500Z.json" } },
      d as unknown as SignInDeps,
    );
    expect($(el, "#signin-sandbox-set-aside").textContent).toContain("sandbox-org.unreadable-20261201T101500Z.json");
  });

  it("asks for a client id with first-run guidance for a real region, and refuses a bad one before any call", () => {
    const d = deps();
    const el = mount(d);
    choose(el, "#signin-org", "eu-west-1");
    expect($(el, "#signin-client-id").closest(".field")!.hasAttribute("hidden")).toBe(false);
    expect($(el, "#signin-guide").textContent).toContain("Code Authorization");
    expect($(el, "#signin-redirect-uri").textContent).toBe("http://127.0.0.1");
    $<HTMLFormElement>(el, "#signin-form").requestSubmit();
    expect($(el, "#signin-client-id-error").textContent).toBe("This field is required.");
    expect(d.api.signInStart).not.toHaveBeenCalled();
  });

  it("waits for the browser showing the URL, and returns to the form unchanged on Cancel", async () => {
    let rejectWait: (e: unknown) => void = () => {};
    const d = deps({
      signInStart: vi.fn().mockResolvedValue({ authorizeUrl: "https://login.mypurecloud.ie/oauth/authorize?x=1", browserOpened: true }),
      signInWait: vi.fn().mockReturnValue(new Promise((_, reject) => (rejectWait = reject))),
    });
    const el = mount(d);
    choose(el, "#signin-org", "eu-west-1");
    const id = $<HTMLInputElement>(el, "#signin-client-id");
    id.value = CLIENT;
    id.dispatchEvent(new Event("input"));
    $<HTMLFormElement>(el, "#signin-form").requestSubmit();
    await vi.waitFor(() => expect($(el, "#signin-waiting")).not.toBeNull());
    expect(d.api.signInStart).toHaveBeenCalledWith({ kind: "region", code: "eu-west-1" }, "pkce", CLIENT, false, []);
    expect($(el, "#signin-url").textContent).toBe("https://login.mypurecloud.ie/oauth/authorize?x=1");
    $<HTMLButtonElement>(el, "#signin-cancel").click();
    expect(d.api.signInCancel).toHaveBeenCalledOnce();
    rejectWait({ kind: "signInCancelled", message: "sign-in was cancelled" });
    await vi.waitFor(() => expect($(el, "#signin-form")).not.toBeNull());
    expect($<HTMLInputElement>(el, "#signin-client-id").value).toBe(CLIENT);
    expect($(el, "#signin-errors").textContent).toBe("");
  });

  it("when no browser opens, says so and keeps waiting with the URL to copy", async () => {
    const d = deps({
      signInStart: vi.fn().mockResolvedValue({ authorizeUrl: "https://login.mypurecloud.ie/oauth/authorize?x=2", browserOpened: false }),
      signInWait: vi.fn().mockReturnValue(new Promise(() => {})),
    });
    const el = mount(d);
    choose(el, "#signin-org", "eu-west-1");
    const id = $<HTMLInputElement>(el, "#signin-client-id");
    id.value = CLIENT;
    id.dispatchEvent(new Event("input"));
    $<HTMLFormElement>(el, "#signin-form").requestSubmit();
    await vi.waitFor(() => expect($(el, "#signin-waiting")).not.toBeNull());
    const panel = $(el, "#signin-waiting");
    expect(panel.textContent).toContain(en.signin.notOpened);
    expect($(el, "#signin-url").textContent).toBe("https://login.mypurecloud.ie/oauth/authorize?x=2");
    expect(panel.querySelector("button:not(#signin-cancel)"), "a copy button beside the URL").not.toBeNull();
    expect(d.api.signInWait).toHaveBeenCalled();
  });

  it("explains a region mismatch when the login host rejects the client", async () => {
    const d = deps({ signInStart: vi.fn().mockRejectedValue({ kind: "clientRejected", message: "the login host refused: invalid_client" }) });
    const el = mount(d);
    choose(el, "#signin-org", "us-east-1");
    const id = $<HTMLInputElement>(el, "#signin-client-id");
    id.value = CLIENT;
    id.dispatchEvent(new Event("input"));
    $<HTMLFormElement>(el, "#signin-form").requestSubmit();
    await vi.waitFor(() => expect($(el, "#signin-region-explainer")).not.toBeNull());
    expect($(el, "#signin-region-explainer").textContent).toContain("us-east-1");
    expect($(el, "#signin-errors").textContent).toContain("invalid_client");
  });

  it("signs in as a different user with prompt=login when asked, for browser sign-in only", async () => {
    const d = deps({
      signInStart: vi.fn().mockResolvedValue({ authorizeUrl: "http://127.0.0.1:4/oauth/authorize?x=1", browserOpened: true }),
      signInWait: vi.fn().mockResolvedValue(signedIn),
    });
    const el = mount(d);
    const box = $<HTMLInputElement>(el, "#signin-prompt-login");
    expect(box.checked).toBe(false);
    expect(box.closest("label")!.textContent).toContain("Sign in as a different user");
    box.checked = true;
    box.dispatchEvent(new Event("change", { bubbles: true }));
    choose(el, "#signin-method-clientCredentials", "clientCredentials");
    expect(box.closest("label")!.hidden).toBe(true);
    choose(el, "#signin-method-pkce", "pkce");
    expect(box.closest("label")!.hidden).toBe(false);
    $<HTMLFormElement>(el, "#signin-form").requestSubmit();
    await vi.waitFor(() => expect(d.onSignedIn).toHaveBeenCalledWith(signedIn));
    expect(d.api.signInStart).toHaveBeenCalledWith({ kind: "sandbox" }, "pkce", "", true, []);
  });

  it("says that signing out of a browser sign-in also signs the browser out", () => {
    const el = mount(deps(), signedIn);
    expect($(el, "#signin-signout-hint").textContent).toContain("sign-out page in your browser");
  });

  it("shows the Implicit retirement warning only for the legacy grant", () => {
    const el = mount(deps());
    expect($(el, "#signin-implicit-warning").hidden).toBe(true);
    choose(el, "#signin-method-implicit", "implicit");
    expect($(el, "#signin-implicit-warning").hidden).toBe(false);
    expect($(el, "#signin-implicit-warning").textContent).toContain("2027");
  });

  it("sends client credentials once and clears the secret field", async () => {
    const d = deps({ signInClientCredentials: vi.fn().mockResolvedValue(signedIn) });
    const el = mount(d);
    choose(el, "#signin-method-clientCredentials", "clientCredentials");
    const id = $<HTMLInputElement>(el, "#signin-client-id");
    id.value = CLIENT;
    id.dispatchEvent(new Event("input"));
    const secret = $<HTMLInputElement>(el, "#signin-client-secret");
    secret.value = "s3cret";
    $<HTMLFormElement>(el, "#signin-form").requestSubmit();
    expect(d.api.signInClientCredentials).toHaveBeenCalledWith({ kind: "sandbox" }, CLIENT, "s3cret");
    expect(secret.value).toBe("");
    await vi.waitFor(() => expect(d.onSignedIn).toHaveBeenCalledWith(signedIn));
  });

  it("is titled as its menu entry, in every language", () => {
    for (const lang of ["en", "es", "pt-BR"] as const) {
      setLanguage(lang);
      expect($(mount(deps()), "h1").textContent).toBe(t("nav.signin"));
    }
  });

  it("shows the practice account with a Copy button for the email and one for the password", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const el = mount(deps());
    expect($(el, "#signin-sandbox-email").textContent).toBe("admin@contoso.example");
    expect($(el, "#signin-sandbox-password").textContent).toBe("rehearse");
    const copies = [...el.querySelectorAll<HTMLButtonElement>("#signin-sandbox-account button")];
    expect(copies.map((b) => b.getAttribute("aria-label"))).toEqual(["Copy the email", "Copy the password"]);
    copies[1]!.click();
    expect(writeText).toHaveBeenCalledWith("rehearse");
    await vi.waitFor(() => expect(copies[1]!.textContent).toBe("Copied"));
  });

  it("once signed in, offers the next steps and folds the form to sign in elsewhere", () => {
    const el = mount(deps(), signedIn);
    const next = $(el, "#signin-next");
    expect($<HTMLAnchorElement>(next, "#signin-next-setup").getAttribute("href")).toBe("#/setup");
    expect($<HTMLAnchorElement>(next, "#signin-next-client").getAttribute("href")).toBe("#/clients/new");
    expect($(next, "#signin-next-setup").className, "the guided setup is the one primary action").toBe("button");
    const another = $<HTMLDetailsElement>(el, "#signin-another");
    expect(another.open).toBe(false);
    expect(another.contains($(el, "#signin-form"))).toBe(true);
    expect(another.querySelector("summary")?.textContent).toBe("Sign in to another org");
    expect(mount(deps()).querySelector("#signin-next"), "signed out, the form is the screen").toBeNull();
  });

  it("offers Try again after a browser sign-in timed out, but not for a client the org rejected", async () => {
    const d = deps({
      signInStart: vi
        .fn()
        .mockResolvedValueOnce({ authorizeUrl: "http://127.0.0.1:4/oauth/authorize?x=1", browserOpened: true })
        .mockResolvedValueOnce({ authorizeUrl: "http://127.0.0.1:4/oauth/authorize?x=2", browserOpened: true })
        .mockRejectedValueOnce({ kind: "clientRejected", message: "the login host refused: invalid_client" }),
      signInWait: vi.fn().mockRejectedValueOnce({ kind: "signInTimedOut", message: "no sign-in arrived within 300 s" }).mockResolvedValueOnce(signedIn),
    });
    const el = mount(d);
    $<HTMLFormElement>(el, "#signin-form").requestSubmit();
    await vi.waitFor(() => expect(el.querySelector("#signin-errors .error-retry")).not.toBeNull());
    expect($(el, "#signin-errors .error-headline").textContent).toBe("No sign-in came back from the browser in time.");
    $<HTMLButtonElement>(el, "#signin-errors .error-retry").click();
    await vi.waitFor(() => expect(d.onSignedIn).toHaveBeenCalledWith(signedIn));
    expect(d.api.signInStart).toHaveBeenCalledTimes(2);
    expect($(el, "#signin-errors").textContent).toBe("");
    const again = mount(d);
    $<HTMLFormElement>(again, "#signin-form").requestSubmit();
    await vi.waitFor(() => expect(again.querySelector("#signin-region-explainer")).not.toBeNull());
    expect(again.querySelector("#signin-errors .error-retry"), "the same client would be rejected again").toBeNull();
  });

  it("shows the session with who, where and until when, and signs out", async () => {
    const d = deps();
    const el = mount(d, signedIn, { ...options, profiles: [signedIn.profile] });
    expect($(el, "#signin-session").textContent).toContain("Contoso Health as Avery Admin");
    expect($(el, "#signin-session").textContent).toContain("Sandbox org (this computer)");
    $<HTMLButtonElement>(el, "#signin-signout").click();
    await vi.waitFor(() => expect(d.onSignedOut).toHaveBeenCalledOnce());
  });

  it("sends the client's registered ports, refuses bad ones before any call, and names them when all are taken", async () => {
    const taken = { kind: "portsInUse", message: "every port registered for sign-in is in use: 8123, 8124" };
    const d = deps({ signInStart: vi.fn().mockRejectedValue(taken) });
    const el = mount(d);
    const ports = $<HTMLInputElement>(el, "#signin-ports");
    ports.value = "80, 8123";
    ports.dispatchEvent(new Event("input"));
    $<HTMLFormElement>(el, "#signin-form").requestSubmit();
    expect($(el, "#signin-ports-error").textContent).toContain("1024 to 65535");
    expect(d.api.signInStart).not.toHaveBeenCalled();
    ports.value = "8123, 8124";
    ports.dispatchEvent(new Event("input"));
    $<HTMLFormElement>(el, "#signin-form").requestSubmit();
    expect(d.api.signInStart).toHaveBeenCalledWith({ kind: "sandbox" }, "pkce", "", false, [8123, 8124]);
    await vi.waitFor(() => expect(el.querySelector("#signin-ports-explainer")?.textContent).toContain("(8123, 8124)"));
    expect($<HTMLInputElement>(el, "#signin-ports").value).toBe("8123, 8124");
  });

  it("hands what sign-out could not do to the screen that is drawn next", async () => {
    const outcome = { revoked: false, keychainCleared: false };
    const d = deps({ signOut: vi.fn().mockResolvedValue(outcome) });
    const el = mount(d, signedIn);
    $<HTMLButtonElement>(el, "#signin-signout").click();
    await vi.waitFor(() => expect(d.onSignedOut).toHaveBeenCalledWith(outcome));
  });
});

describe("parsePorts mirrors genesys::auth ports", () => {
  it("takes up to 10 different ports from 1024 to 65535, in order", () => {
    expect(parsePorts("")).toEqual({ ports: [] });
    expect(parsePorts(" 8123, 8124;9000 ")).toEqual({ ports: [8123, 8124, 9000] });
    for (const bad of ["80", "1023", "65536", "8123,8123", "81.5", "port", "-2000"]) {
      expect(parsePorts(bad), bad).toHaveProperty("error");
    }
    const eleven = Array.from({ length: 11 }, (_, i) => 40000 + i).join(",");
    expect(parsePorts(eleven)).toEqual({ error: "Enter at most 10 ports." });
  });
});

describe("signOutProblems", () => {
  it("names each step that failed, and is nothing when all went well", () => {
    expect(signOutProblems({ revoked: true, keychainCleared: true })).toBeNull();
    const both = signOutProblems({ revoked: false, keychainCleared: false })!;
    expect(both.querySelector("#signout-not-revoked")?.textContent).toContain("revoke");
    expect(both.querySelector("#signout-keychain-kept")?.textContent).toContain("keychain");
    setLanguage("es");
    const keychain = signOutProblems({ revoked: true, keychainCleared: false })!;
    expect(keychain.querySelector("#signout-not-revoked")).toBeNull();
    expect(keychain.textContent).toContain("llavero");
  });
});
