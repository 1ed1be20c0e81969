// "Configuration > Credentials > Configure" (the workshop's words): give an integration its
// pureCloudOAuthClient credential from a client whose secret is in the keychain, a typed client
// id and secret (the secret field is emptied once sent, and never shown back; Rust proves it
// with a token before saving it, and a refusal is shown at the field), or a new Client
// Credentials client created here (its secret goes straight to the keychain).
import type { ClientChoices, Configured, CredentialChoice, IntegrationsApi, IntegrationsOverview, IntegrationView } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { clientIdProblem, nameProblem } from "../../kit/fields";
import { fieldError, nameMessage, showProblem, textField } from "../../kit/inputs";
import { countLabel } from "../../kit/plural";

const CLIENT_ID_KEYS = { required: "integrations.fieldRequired", invalid: "integrations.clientIdInvalid" } as const;

function clientIdMessage(text: string): string | null {
  const problem = clientIdProblem(text);
  return problem ? t(CLIENT_ID_KEYS[problem]) : null;
}

/** The permission the suggested role is picked for (the core's rule: src-tauri/studio/src/roles/choices.rs). */
export const QUEUE_MEMBERS_PERMISSION = "routing:queue:view";

type Mode = "keychainClient" | "typed" | "newClient" | "remove";

export interface CredentialsDeps {
  api: Pick<IntegrationsApi, "integrationConfigure" | "integrationClientChoices">;
  onConfigured: (done: Configured) => void;
  onError: (err: unknown) => void;
}

/** Rust's answer when the typed id and secret get no token (the field is named "clientSecret";
 *  a blank secret never reaches Rust). */
function secretRefused(err: unknown): boolean {
  const e = err as { kind?: unknown; message?: unknown } | null;
  return e?.kind === "invalidInput" && typeof e.message === "string" && e.message.startsWith("clientSecret:");
}

function radio(mode: Mode, checked: boolean): HTMLElement {
  return h(
    "label",
    { class: "choice" },
    h("input", { type: "radio", name: "credential-mode", value: mode, id: `credential-mode-${mode}`, checked }),
    h("span", {}, h("span", { class: "choice-label" }, t(`integrations.credentials.mode.${mode}`)), h("span", { class: "hint" }, t(`integrations.credentials.modeHint.${mode}`))),
  );
}

function select(id: string, label: string, options: { value: string; text: string }[], value: string | null): { field: HTMLElement; input: HTMLSelectElement; error: HTMLElement } {
  const input = h("select", { id, "aria-describedby": `${id}-error` }, ...options.map((o) => h("option", { value: o.value, selected: o.value === value }, o.text)));
  const error = fieldError(`${id}-error`);
  return { field: h("div", { class: "field" }, h("label", { for: id }, label), input, error), input, error };
}

function newClientFields(choices: ClientChoices, integration: IntegrationView) {
  const name = textField("credential-new-name", t("integrations.credentials.newName"), t("integrations.credentials.newNameDefault", { integration: integration.name }));
  const roles = choices.roles.map((r) => {
    const params = { role: r.name, permissions: countLabel(r.permissionCount, "integrations.credentials.permissionsOne", "integrations.credentials.permissionsMany") };
    return { value: r.id, text: t(r.id === choices.suggestedRoleId ? "integrations.credentials.roleSuggested" : "integrations.credentials.roleOption", params) };
  });
  const role = select("credential-new-role", t("integrations.credentials.newRole"), roles, choices.suggestedRoleId);
  const divisions = choices.divisions.map((d) => ({ value: d.id, text: d.id === choices.homeDivisionId ? t("integrations.credentials.homeDivision", { division: d.name }) : d.name }));
  const division = select("credential-new-division", t("integrations.credentials.newDivision"), divisions, choices.homeDivisionId);
  const hint = h("p", { class: "hint" }, t("integrations.credentials.roleHint"), " ", h("span", { class: "permission-code" }, t("integrations.credentials.permissionChecked"), " ", h("code", {}, QUEUE_MEMBERS_PERMISSION)));
  return { name, role, division, nodes: [name.field, role.field, hint, division.field] };
}

export function credentialsForm(integration: IntegrationView, overview: IntegrationsOverview, deps: CredentialsDeps): HTMLElement {
  const usable = overview.clients.filter((c) => c.grantType === "CLIENT-CREDENTIALS" && c.secretInKeychain && c.state === "active");
  let mode: Mode = usable.length > 0 ? "keychainClient" : "newClient";
  const picked = select("credential-client", t("integrations.credentials.client"), usable.map((c) => ({ value: c.id, text: c.name })), usable[0]?.id ?? null);
  const typedId = textField("credential-client-id", t("integrations.credentials.clientId"), "");
  const secretInput = h("input", { id: "credential-client-secret", type: "password", autocomplete: "off", "aria-describedby": "credential-client-secret-error" });
  const secretError = fieldError("credential-client-secret-error");
  const typed = [typedId.field, h("div", { class: "field" }, h("label", { for: "credential-client-secret" }, t("integrations.credentials.clientSecret")), secretInput, secretError)];
  const area = h("div", { class: "credential-mode-area" });
  let fresh: ReturnType<typeof newClientFields> | null = null;

  const draw = (): void => {
    if (mode === "keychainClient") area.replaceChildren(usable.length ? picked.field : h("p", { class: "hint", id: "credential-no-keychain-client" }, t("integrations.credentials.noKeychainClient")));
    else if (mode === "typed") area.replaceChildren(...typed);
    else if (mode === "remove") area.replaceChildren(h("p", { class: "hint" }, t("integrations.credentials.removeHint")));
    else if (fresh) area.replaceChildren(...fresh.nodes);
    else {
      area.replaceChildren(h("p", { class: "status" }, t("integrations.loading")));
      deps.api.integrationClientChoices().then((choices) => {
        fresh = newClientFields(choices, integration);
        if (mode === "newClient") area.replaceChildren(...fresh.nodes);
      }, deps.onError);
    }
  };

  const choice = (): CredentialChoice | null => {
    if (mode === "remove") return { kind: "remove" };
    if (mode === "keychainClient") return usable.length ? { kind: "keychainClient", clientId: picked.input.value } : null;
    if (mode === "typed") {
      const idOk = showProblem(typedId.error, typedId.input, clientIdMessage(typedId.input.value));
      const secretOk = showProblem(secretError, secretInput, secretInput.value.trim() === "" ? t("integrations.fieldRequired") : null);
      return idOk && secretOk ? { kind: "typed", clientId: typedId.input.value.trim(), clientSecret: secretInput.value.trim() } : null;
    }
    if (!fresh) return null;
    const nameOk = showProblem(fresh.name.error, fresh.name.input, nameMessage(nameProblem(fresh.name.input.value)));
    const roleOk = showProblem(fresh.role.error, fresh.role.input, fresh.role.input.value ? null : t("integrations.fieldRequired"));
    return nameOk && roleOk ? { kind: "newClient", name: fresh.name.input.value.trim(), roleId: fresh.role.input.value, divisionId: fresh.division.input.value } : null;
  };

  const save = h("button", { type: "submit", class: "primary", id: "credential-save" }, t("integrations.credentials.save"));
  const status = h("p", { class: "status", id: "credential-status", role: "status" });
  const form = h(
    "form",
    { class: "form", id: "credential-form", novalidate: true },
    h("fieldset", { class: "field" }, h("legend", {}, t("integrations.credentials.how")), radio("keychainClient", mode === "keychainClient"), radio("typed", false), radio("newClient", mode === "newClient"), integration.credentialId ? radio("remove", false) : null),
    area,
    save,
    status,
  );
  form.addEventListener("change", (ev) => {
    const target = ev.target as HTMLInputElement;
    if (target.name !== "credential-mode") return;
    mode = target.value as Mode;
    draw();
  });
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const wanted = choice();
    if (!wanted) return;
    save.disabled = true;
    status.textContent = t(wanted.kind === "typed" ? "integrations.credentials.checkingSecret" : "integrations.credentials.saving");
    // The secret leaves the DOM as soon as it is sent: it is never shown back.
    secretInput.value = "";
    deps.api.integrationConfigure(integration.id, wanted).then(
      (done) => {
        save.disabled = false;
        status.textContent = done.createdClient
          ? t("integrations.credentials.savedNewClient", { client: done.createdClient.name })
          : t("integrations.credentials.saved");
        deps.onConfigured(done);
      },
      (err) => {
        save.disabled = false;
        status.textContent = "";
        if (wanted.kind === "typed" && secretRefused(err)) showProblem(secretError, secretInput, t("integrations.credentials.secretRefused"));
        else deps.onError(err);
      },
    );
  });
  draw();
  return form;
}
