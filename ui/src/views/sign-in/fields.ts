// The sign-in form's fields: the org (the Sandbox org first until a real org was used), the
// method, the client id and secret, "sign in as a different user", the registered ports, the
// first-run guide, the Sandbox org's practice account to copy; and which of them show for the
// org and method chosen.
import type { SandboxAccount, SignInMethod } from "../../api";
import { t } from "../../i18n";
import { copyButton } from "../../kit/copy";
import { h } from "../../kit/dom";
import { guide } from "./guide";
import type { FormState, SignInModel } from "./rules";

/** The Sandbox org's practice admin, each value with its own Copy button. */
function practiceAccount(account: SandboxAccount): HTMLElement {
  const row = (id: string, label: string, value: string, copyName: string): HTMLElement[] => [
    h("dt", {}, label),
    h("dd", {}, h("code", { id }, value), " ", copyButton(value, copyName)),
  ];
  return h(
    "dl",
    { class: "facts account", id: "signin-sandbox-account" },
    ...row("signin-sandbox-email", t("signin.sandboxEmail"), account.adminEmail, t("signin.copyEmail")),
    ...row("signin-sandbox-password", t("signin.sandboxPassword"), account.adminPassword, t("signin.copyPassword")),
  );
}

export function signInFields(model: SignInModel, form: FormState) {
  const usedRealOrg = model.options.profiles.some((p) => p.target.kind === "region");
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
        h("p", { class: "hint" }, t("signin.sandboxHint")),
        practiceAccount(model.sandbox),
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

  const org = h("div", { class: "field" }, h("label", { for: "signin-org" }, t("signin.org")), orgSelect);
  const methods = h(
    "fieldset",
    { class: "field" },
    h("legend", {}, t("signin.method")),
    radio("pkce", t("signin.methodBrowser"), t("signin.methodBrowserHint")),
    radio("clientCredentials", t("signin.methodClientCredentials"), t("signin.methodClientCredentialsHint")),
    legacy,
  );
  return {
    rows: [org, methods, sandboxHint, clientIdRow, secretRow, promptLoginRow, portsRow, guideSlot, submit],
    clientId,
    clientIdError,
    secret,
    secretError,
    ports,
    portsError,
    submit,
    sync,
  };
}
