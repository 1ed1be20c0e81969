// The create/edit form of an OAuth client: one form that adapts to the grant type, with an
// explanation of each type beside the choice. Client Credentials: token duration and
// roles × divisions; Code Authorization and Implicit: redirect URIs and scopes; SAML2 Bearer:
// scopes. PASSWORD is never offered. Checked here first (validate.ts), then in Rust; every
// error is shown beside its field and nothing typed is lost.
import type { ClientsApi, OAuthClient, OAuthClientForm, OAuthScope, RolesView } from "../../api";
import type { GrantType } from "../../generated/GrantType";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel, toCommandError } from "../../kit/errors";
import { grantChoicesView, implicitRetirement } from "./grants";
import { pickerSlot } from "./picker-slot";
import { rolesPicker } from "./roles";
import { scopesPicker } from "./scopes";
import { durationLabel, fieldOfRustError, validateForm, type Field, type FieldErrors, type FormValues } from "./validate";

export type FormApi = Pick<ClientsApi, "oauthScopes" | "authorizationRoles" | "authorizationRolePermissions" | "authorizationAssignRoleToMe">;

export interface ClientFormDeps {
  api: FormApi;
  /** Sends the validated form (create or update); rejects with the command's error. */
  submit: (form: OAuthClientForm) => Promise<void>;
  /** The client being edited, or null to create one. */
  editing: OAuthClient | null;
}

function fieldError(field: Field): HTMLParagraphElement {
  return h("p", { class: "field-error", id: `clients-${field}-error`, role: "alert" });
}

export function clientForm(deps: ClientFormDeps): HTMLFormElement {
  const editing = deps.editing;
  let grant: GrantType = editing?.authorizedGrantType ?? "CLIENT-CREDENTIALS";
  const initialScopes = editing?.scope ?? [];
  const initialRoles = editing?.roleDivisions ?? [];

  const name = h("input", { id: "clients-name", maxlength: "1024", required: true, "aria-describedby": "clients-name-error", value: editing?.name ?? "" });
  const description = h("textarea", { id: "clients-description", rows: "2", "aria-describedby": "clients-description-error" });
  description.value = editing?.description ?? "";
  const duration = h("input", {
    id: "clients-tokenDuration",
    inputmode: "numeric",
    placeholder: "86400",
    "aria-describedby": "clients-tokenDuration-hint clients-tokenDuration-error",
    value: editing?.accessTokenValiditySeconds != null ? String(editing.accessTokenValiditySeconds) : "",
  });
  const durationHint = h("p", { class: "hint", id: "clients-tokenDuration-hint" });
  const showDuration = (): void => {
    const label = durationLabel(duration.value);
    durationHint.textContent = t("clients.form.tokenDurationHint", { duration: label });
  };
  duration.addEventListener("input", showDuration);
  showDuration();
  const redirects = h("textarea", {
    id: "clients-redirectUris",
    rows: "3",
    spellcheck: "false",
    "aria-describedby": "clients-redirectUris-hint clients-redirectUris-error",
  });
  redirects.value = (editing?.registeredRedirectUri ?? []).join("\n");

  const errors: Record<Field, HTMLParagraphElement> = {
    name: fieldError("name"),
    description: fieldError("description"),
    grantType: fieldError("grantType"),
    tokenDuration: fieldError("tokenDuration"),
    redirectUris: fieldError("redirectUris"),
    scopes: fieldError("scopes"),
    roleDivisions: fieldError("roleDivisions"),
  };

  const grantChoices = grantChoicesView(grant, (g) => {
    grant = g;
    adapt();
  });
  const implicitWarning = implicitRetirement("clients-implicit-warning");

  const redirectsField = h(
    "div",
    { class: "field", id: "clients-redirects-field" },
    h("label", { for: "clients-redirectUris" }, t("clients.form.redirectUris")),
    redirects,
    h("p", { class: "hint", id: "clients-redirectUris-hint" }, t("clients.form.redirectUrisHint")),
    errors.redirectUris,
  );
  const durationField = h(
    "div",
    { class: "field", id: "clients-duration-field" },
    h("label", { for: "clients-tokenDuration" }, t("clients.form.tokenDuration")),
    duration,
    durationHint,
    errors.tokenDuration,
  );
  const roles = pickerSlot("clients-roles-slot", "clients.roles.loadingAll", () =>
    deps.api.authorizationRoles().then((view: RolesView) => rolesPicker(view, deps.api, initialRoles)),
  );
  const scopes = pickerSlot("clients-scopes-slot", "clients.scopes.loading", () =>
    deps.api.oauthScopes().then((list: OAuthScope[]) => scopesPicker(list, initialScopes)),
  );
  const rolesSlot = roles.slot;
  const scopesSlot = scopes.slot;
  const problems = h("div", { class: "errors", id: "clients-form-errors" });
  const submit = h("button", { type: "submit", class: "primary", id: "clients-submit" }, editing ? t("clients.form.save") : t("clients.form.create"));
  const status = h("p", { class: "status", role: "status", id: "clients-form-status" });

  function adapt(): void {
    const credentials = grant === "CLIENT-CREDENTIALS";
    const redirected = grant === "CODE" || grant === "TOKEN";
    redirectsField.hidden = !redirected;
    implicitWarning.hidden = grant !== "TOKEN";
    rolesSlot.hidden = !credentials;
    scopesSlot.hidden = credentials;
    if (credentials) roles.load();
    else scopes.load();
    form.dataset.grant = grant;
  }

  function values(): FormValues {
    const credentials = grant === "CLIENT-CREDENTIALS";
    const redirected = grant === "CODE" || grant === "TOKEN";
    return {
      name: name.value,
      description: description.value,
      grantType: grant,
      tokenDuration: duration.value,
      redirectUris: redirected ? redirects.value.split("\n").filter((l) => l.trim() !== "") : [],
      scopes: credentials ? [] : (scopes.picker()?.value() ?? []),
      roleDivisions: credentials ? (roles.picker()?.value() ?? []) : [],
    };
  }

  function show(found: FieldErrors): void {
    for (const [field, el] of Object.entries(errors) as [Field, HTMLParagraphElement][]) {
      el.textContent = found[field] ?? "";
    }
    const inputs: Partial<Record<Field, HTMLElement | undefined>> = {
      name,
      description,
      tokenDuration: duration,
      redirectUris: redirects,
    };
    for (const [field, input] of Object.entries(inputs)) {
      input?.setAttribute("aria-invalid", found[field as Field] ? "true" : "false");
    }
    const first = (Object.keys(errors) as Field[]).find((f) => found[f]);
    if (first) (inputs[first] ?? document.getElementById(`clients-${first === "roleDivisions" ? "roles-search" : "scopes-search"}`))?.focus();
  }

  const form = h(
    "form",
    { class: "form client-form", id: "clients-form", novalidate: true, "aria-labelledby": "clients-form-title" },
    problems,
    h("div", { class: "field" }, h("label", { for: "clients-name" }, t("clients.form.name")), name, errors.name),
    h("div", { class: "field" }, h("label", { for: "clients-description" }, t("clients.form.description")), description, errors.description),
    h("fieldset", { class: "field", id: "clients-grant" }, h("legend", {}, t("clients.form.grantType")), h("p", { class: "hint" }, t("clients.grants.intro")), grantChoices, errors.grantType),
    implicitWarning,
    durationField,
    redirectsField,
    rolesSlot,
    errors.roleDivisions,
    scopesSlot,
    errors.scopes,
    status,
    submit,
  );

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    problems.replaceChildren();
    const v = values();
    const found = validateForm(v);
    show(found);
    if (Object.keys(found).length > 0) return;
    const payload: OAuthClientForm = {
      name: v.name,
      description: v.description,
      grantType: v.grantType,
      tokenDurationSeconds: v.tokenDuration,
      redirectUris: v.redirectUris,
      scopes: v.scopes,
      roleDivisions: v.roleDivisions,
      state: editing ? editing.state : null,
    };
    submit.disabled = true;
    status.textContent = editing ? t("clients.form.saving") : t("clients.form.creating");
    deps.submit(payload).then(
      () => {
        submit.disabled = false;
        status.textContent = "";
      },
      (err) => {
        submit.disabled = false;
        status.textContent = "";
        const e = toCommandError(err);
        const field = e.kind === "invalidInput" ? fieldOfRustError(e.message) : null;
        if (field) show({ [field]: t("clients.errors.refused", { reason: e.message }) });
        else problems.replaceChildren(errorPanel(e, () => problems.replaceChildren()));
      },
    );
  });
  adapt();
  return form;
}
