// The Sign-in screen: pick the Sandbox org or a region, sign in through the browser (PKCE,
// or the legacy Implicit grant; optionally as a different user) or with client credentials;
// wait for the browser with the URL to copy and Cancel; show the session with Sign out (and
// what it could not do); saved orgs one click away. A client that registers fixed ports gets
// them listed here.
import type { Api, OrgTarget, Profile, SandboxAccount, SessionView, SignInMethod, SignInOptions, SignOutView } from "../api";
import { h } from "../dom";
import { dateTime, profileLabel, regionLabel } from "../format";
import { t } from "../i18n";
import { copyButton } from "./copy";
import { errorPanel, toCommandError } from "./errors";

export const APP_SCOPES = ["oauth", "authorization", "integrations", "users:readonly", "organization:readonly"];
const CLIENT_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export interface SignInModel {
  options: SignInOptions;
  session: SessionView | null;
  sandbox: SandboxAccount | null;
}

export interface SignInDeps {
  api: Pick<Api, "signInStart" | "signInWait" | "signInCancel" | "signInClientCredentials" | "signOut">;
  onSignedIn: (view: SessionView) => void;
  /** Signed out (the session is gone either way); `outcome` says what could not be done. */
  onSignedOut: (outcome: SignOutView) => void;
}

/** What the form holds; kept across waits and errors so nothing typed is lost. */
interface FormState {
  target: string;
  method: SignInMethod;
  clientId: string;
  /** Ask the login host for its form even if the browser is still signed in (`prompt=login`). */
  promptLogin: boolean;
  /** The ports the client registers, as typed ("8123, 8124"); empty: any port. */
  ports: string;
}

/** Mirrors the Rust check (genesys::auth ports): up to 10 different ports, 1024 to 65535. */
export function parsePorts(text: string): { ports: number[] } | { error: string } {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== "");
  if (parts.length > 10) return { error: t("signin.portsTooMany") };
  const ports: number[] = [];
  for (const part of parts) {
    const port = /^\d{1,5}$/.test(part) ? Number(part) : NaN;
    if (!(port >= 1024 && port <= 65535) || ports.includes(port)) return { error: t("signin.portsInvalid") };
    ports.push(port);
  }
  return { ports };
}

/** Mirrors the Rust validation (genesys::profile): a GUID for real regions and client credentials. */
export function validateClientId(target: string, method: SignInMethod, clientId: string): string | null {
  const id = clientId.trim();
  if (target === "sandbox" && method !== "clientCredentials" && id === "") return null;
  if (id === "") return t("signin.fieldRequired");
  return CLIENT_ID.test(id) ? null : t("signin.clientIdInvalid");
}

function targetOf(value: string): OrgTarget {
  return value === "sandbox" ? { kind: "sandbox" } : { kind: "region", code: value };
}

/** What a sign-out could not do, to show once the screen is redrawn; null if it did all. */
export function signOutProblems(outcome: SignOutView): HTMLElement | null {
  const failed = [
    outcome.revoked ? null : h("li", { id: "signout-not-revoked" }, t("signin.signOutNotRevoked")),
    outcome.keychainCleared ? null : h("li", { id: "signout-keychain-kept" }, t("signin.signOutKeychainKept")),
  ].filter((item): item is HTMLLIElement => item !== null);
  if (failed.length === 0) return null;
  return h(
    "section",
    { class: "warning", id: "signout-problems", role: "alert" },
    h("h2", {}, t("signin.signOutIncomplete")),
    h("ul", {}, ...failed),
  );
}

function sessionCard(view: SessionView, deps: SignInDeps, fail: (err: unknown) => void): HTMLElement {
  const { session, profile } = view;
  const who =
    session.userName ?? session.userEmail
      ? t("signin.signedInAs", { org: session.orgName, user: session.userName ?? session.userEmail ?? "" })
      : t("signin.signedInAsClient", { org: session.orgName });
  const signOut = h("button", { type: "button", id: "signin-signout" }, t("signin.signOut"));
  signOut.addEventListener("click", () => {
    signOut.disabled = true;
    deps.api.signOut().then(deps.onSignedOut, (err) => {
      signOut.disabled = false;
      fail(err);
    });
  });
  return h(
    "section",
    { class: "card", id: "signin-session", "aria-labelledby": "signin-session-title" },
    h("h2", { id: "signin-session-title" }, t("signin.signedInTitle")),
    h("p", { class: "who" }, who),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, t("signin.region")),
      h("dd", {}, regionLabel(profile.target)),
      h("dt", {}, t("signin.expires")),
      h("dd", {}, dateTime(session.expiresAt)),
    ),
    h("p", { class: view.savedInKeychain ? "hint" : "warning" }, view.savedInKeychain ? t("signin.keychainSaved") : t("org.memoryOnly")),
    signOut,
    session.grant === "clientCredentials" ? null : h("p", { class: "hint", id: "signin-signout-hint" }, t("signin.signOutHint")),
  );
}

function guide(redirectUri: string, method: SignInMethod): HTMLElement {
  return h(
    "details",
    { class: "guide", id: "signin-guide" },
    h("summary", {}, t("signin.guideTitle")),
    h(
      "ol",
      {},
      h("li", {}, t("signin.guideStep1")),
      h("li", {}, t("signin.guideStep2")),
      h("li", {}, t("signin.guideStep3"), " ", h("code", { id: "signin-redirect-uri" }, redirectUri), " ", copyButton(redirectUri)),
      h("li", {}, t("signin.guideStep4", { scopes: APP_SCOPES.join(", ") })),
      h("li", {}, t("signin.guideStep5")),
    ),
    method === "implicit" ? h("p", { class: "hint" }, t("signin.guideImplicit")) : null,
  );
}

export function signInView(model: SignInModel, deps: SignInDeps): HTMLElement {
  const saved = model.options.profiles;
  const usedRealOrg = saved.some((p) => p.target.kind === "region");
  const last = saved[0];
  const form: FormState = {
    target: last ? (last.target.kind === "sandbox" ? "sandbox" : last.target.code) : "sandbox",
    method: last?.method ?? "pkce",
    clientId: last?.clientId ?? "",
    promptLogin: false,
    ports: "",
  };
  const root = h("section", { class: "screen", "aria-labelledby": "signin-title", "data-screen": "signin" });
  const problems = h("div", { class: "errors", id: "signin-errors" });
  const body = h("div", {});

  const fail = (err: unknown): void => {
    const e = toCommandError(err);
    if (e.kind === "signInCancelled") {
      problems.replaceChildren();
      return;
    }
    const panel = errorPanel(e, () => problems.replaceChildren());
    if (e.kind === "portsInUse") {
      const parsed = parsePorts(form.ports);
      const ports = "ports" in parsed ? parsed.ports.join(", ") : form.ports;
      panel.append(h("p", { class: "explainer", id: "signin-ports-explainer" }, t("signin.portsInUse", { ports })));
    }
    if (e.kind === "clientRejected") {
      const region = form.target === "sandbox" ? t("org.sandbox") : form.target;
      panel.append(
        h("h3", {}, t("signin.regionMismatchTitle")),
        h("p", { class: "explainer", id: "signin-region-explainer" }, t("signin.regionMismatch", { region })),
      );
    }
    problems.replaceChildren(panel);
  };

  const waiting = (url: string, opened: boolean): HTMLElement => {
    const cancel = h("button", { type: "button", id: "signin-cancel" }, t("signin.cancel"));
    cancel.addEventListener("click", () => void deps.api.signInCancel());
    return h(
      "section",
      { class: "card waiting", id: "signin-waiting", "aria-live": "polite" },
      h("h2", {}, t("signin.waitingTitle")),
      h("p", {}, opened ? t("signin.waitingBody") : t("signin.notOpened")),
      h("p", { class: "url" }, h("code", { id: "signin-url" }, url), " ", copyButton(url)),
      cancel,
    );
  };

  const start = async (): Promise<void> => {
    problems.replaceChildren();
    const target = targetOf(form.target);
    try {
      const parsed = parsePorts(form.ports);
      const ports = "ports" in parsed ? parsed.ports : [];
      const pending = await deps.api.signInStart(target, form.method, form.clientId.trim(), form.promptLogin, ports);
      body.replaceChildren(waiting(pending.authorizeUrl, pending.browserOpened));
      deps.onSignedIn(await deps.api.signInWait());
    } catch (err) {
      fail(err);
      drawForm();
    }
  };

  const drawForm = (): void => {
    const orgSelect = h(
      "select",
      { id: "signin-org", name: "org" },
      ...(usedRealOrg ? [] : [h("option", { value: "sandbox" }, t("signin.sandboxOption"))]),
      ...model.options.regions.map((r) =>
        h("option", { value: r.code }, t("signin.regionOption", { code: r.code, location: t(`regions.${r.code}`), domain: r.domain })),
      ),
      ...(usedRealOrg ? [h("option", { value: "sandbox" }, t("signin.sandboxOption"))] : []),
    );
    orgSelect.value = form.target;
    const radio = (method: SignInMethod, label: string, hint: string): HTMLElement =>
      h(
        "label",
        { class: "choice", for: `signin-method-${method}` },
        h("input", { type: "radio", name: "method", value: method, id: `signin-method-${method}`, checked: form.method === method }),
        h("span", {}, h("span", { class: "choice-label" }, label), h("span", { class: "hint" }, hint)),
      );
    const clientId = h("input", { id: "signin-client-id", name: "clientId", autocomplete: "off", spellcheck: "false", value: form.clientId });
    const clientIdError = h("p", { class: "field-error", id: "signin-client-id-error", role: "alert" });
    const secret = h("input", { id: "signin-client-secret", name: "clientSecret", type: "password", autocomplete: "off" });
    const secretError = h("p", { class: "field-error", id: "signin-client-secret-error", role: "alert" });
    const setAside = model.sandbox?.setAsideStateFile;
    const sandboxHint = model.sandbox
      ? h(
          "div",
          { id: "signin-sandbox-hint" },
          h("p", { class: "hint" }, t("signin.sandboxHint", { email: model.sandbox.adminEmail, password: model.sandbox.adminPassword })),
          setAside ? h("p", { class: "warning", role: "status", id: "signin-sandbox-set-aside" }, t("signin.sandboxStateSetAside", { path: setAside })) : null,
        )
      : null;
    const submit = h("button", { type: "submit", class: "primary", id: "signin-submit" });
    const clientIdRow = h("div", { class: "field" }, h("label", { for: "signin-client-id" }, t("signin.clientId")), clientId, h("p", { class: "hint" }, t("signin.clientIdHint")), clientIdError);
    const secretRow = h("div", { class: "field" }, h("label", { for: "signin-client-secret" }, t("signin.clientSecret")), secret, h("p", { class: "hint" }, t("signin.clientSecretHint")), secretError);
    const promptLogin = h("input", { type: "checkbox", id: "signin-prompt-login", name: "promptLogin", checked: form.promptLogin });
    const promptLoginRow = h(
      "label",
      { class: "choice", for: "signin-prompt-login" },
      promptLogin,
      h("span", {}, h("span", { class: "choice-label" }, t("signin.promptLogin")), h("span", { class: "hint" }, t("signin.promptLoginHint"))),
    );
    const ports = h("input", { id: "signin-ports", name: "ports", autocomplete: "off", spellcheck: "false", inputmode: "numeric", value: form.ports });
    const portsError = h("p", { class: "field-error", id: "signin-ports-error", role: "alert" });
    const portsRow = h(
      "details",
      { class: "field", id: "signin-ports-row", open: form.ports !== "" },
      h("summary", {}, h("label", { for: "signin-ports" }, t("signin.ports"))),
      ports,
      h("p", { class: "hint" }, t("signin.portsHint")),
      portsError,
    );
    const guideSlot = h("div", {});
    const implicitWarning = h("p", { class: "warning", id: "signin-implicit-warning" }, t("signin.implicitWarning"));
    const legacy = h(
      "details",
      { class: "legacy", open: form.method === "implicit" },
      h("summary", {}, t("signin.legacy")),
      radio("implicit", t("signin.methodImplicit"), ""),
      implicitWarning,
    );

    const sync = (): void => {
      const sandbox = form.target === "sandbox";
      const cc = form.method === "clientCredentials";
      clientIdRow.hidden = sandbox && !cc;
      secretRow.hidden = !cc;
      promptLoginRow.hidden = cc;
      portsRow.hidden = cc;
      implicitWarning.hidden = form.method !== "implicit";
      if (sandboxHint) sandboxHint.hidden = !sandbox || cc;
      guideSlot.replaceChildren(...(!sandbox && !cc ? [guide(model.options.redirectUri, form.method)] : []));
      submit.textContent = sandbox && !cc ? t("signin.submitSandbox") : t("signin.submit");
    };
    orgSelect.addEventListener("change", () => {
      form.target = orgSelect.value;
      sync();
    });
    const formEl = h(
      "form",
      { class: "form", id: "signin-form", novalidate: true },
      h("div", { class: "field" }, h("label", { for: "signin-org" }, t("signin.org")), orgSelect),
      h(
        "fieldset",
        { class: "field" },
        h("legend", {}, t("signin.method")),
        radio("pkce", t("signin.methodBrowser"), t("signin.methodBrowserHint")),
        radio("clientCredentials", t("signin.methodClientCredentials"), t("signin.methodClientCredentialsHint")),
        legacy,
      ),
      sandboxHint,
      clientIdRow,
      secretRow,
      promptLoginRow,
      portsRow,
      guideSlot,
      submit,
    );
    formEl.addEventListener("change", (ev) => {
      const input = ev.target as HTMLInputElement;
      if (input.name === "method") {
        form.method = input.value as SignInMethod;
        sync();
      }
      if (input.name === "promptLogin") form.promptLogin = input.checked;
    });
    ports.addEventListener("input", () => {
      form.ports = ports.value;
      portsError.textContent = "";
    });
    clientId.addEventListener("input", () => {
      form.clientId = clientId.value;
      clientIdError.textContent = "";
    });
    formEl.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const idProblem = validateClientId(form.target, form.method, form.clientId);
      clientIdError.textContent = idProblem ?? "";
      const secretProblem = form.method === "clientCredentials" && secret.value.trim() === "" ? t("signin.fieldRequired") : null;
      secretError.textContent = secretProblem ?? "";
      const parsedPorts = form.method === "clientCredentials" ? { ports: [] } : parsePorts(form.ports);
      const portsProblem = "error" in parsedPorts ? parsedPorts.error : null;
      portsError.textContent = portsProblem ?? "";
      if (idProblem || secretProblem || portsProblem) return;
      if (form.method === "clientCredentials") {
        submit.disabled = true;
        deps.api
          .signInClientCredentials(targetOf(form.target), form.clientId.trim(), secret.value)
          .then(deps.onSignedIn, (err) => {
            submit.disabled = false;
            fail(err);
          });
        secret.value = "";
        return;
      }
      void start();
    });
    sync();

    const savedList =
      saved.length > 0
        ? h(
            "section",
            { class: "saved", "aria-labelledby": "signin-saved-title" },
            h("h2", { id: "signin-saved-title" }, t("signin.switchTitle")),
            h(
              "ul",
              {},
              ...saved.map((p: Profile) => {
                const use = h("button", { type: "button", class: "link-button" }, t("signin.switch"));
                use.addEventListener("click", () => {
                  form.target = p.target.kind === "sandbox" ? "sandbox" : p.target.code;
                  form.method = p.method;
                  form.clientId = p.clientId;
                  drawForm();
                });
                return h("li", {}, h("span", {}, profileLabel(p)), " ", use);
              }),
            ),
          )
        : null;
    body.replaceChildren(
      ...(model.session ? [sessionCard(model.session, deps, fail), h("h2", {}, t("signin.another"))] : []),
      formEl,
      ...(savedList ? [savedList] : []),
    );
  };

  drawForm();
  root.append(h("h1", { id: "signin-title" }, t("signin.title")), h("p", { class: "intro" }, t("signin.intro")), problems, body);
  return root;
}
