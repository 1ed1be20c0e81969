// The guided setup's one short form: names prefilled in the user's language, the role(s) for the
// new client (the suggested one pre-selected), the division (home by default). Checked here as in
// Rust, with each problem beside its field; nothing typed is lost on an error.
import type { SetupForm, SetupRequest } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { descriptionProblem, MARKER_CHARS, MAX_NAME_CHARS, nameProblem, objectNameProblem } from "../../kit/fields";
import { fieldError, nameMessage, showProblem, textField } from "../../kit/inputs";
import { countLabel } from "../../kit/plural";
import { QUEUE_MEMBERS_PERMISSION } from "../integrations/credentials";
import { limitText } from "../integrations/list";

/** The form's fields as typed: kept when the user goes back from the plan to change them. */
export interface SetupFields {
  clientName: string;
  clientDescription: string;
  credentialName: string;
  integrationName: string;
  roleIds: string[];
  divisionId: string;
}

export interface SetupFormParts {
  form: HTMLFormElement;
  /** The fields as typed, or null after showing each problem beside its field. */
  read(): SetupFields | null;
}

/** The fields the form opens with: our default names in the user's language, the suggested role
 * in the home division. */
export function openingFields(model: SetupForm, integrationName: string): SetupFields {
  return {
    clientName: t("setup.defaultClientName"),
    clientDescription: "",
    credentialName: t("setup.defaultCredentialName"),
    integrationName,
    roleIds: model.suggestedRoleId ? [model.suggestedRoleId] : [],
    divisionId: model.homeDivisionId,
  };
}

/** The core's `SetupRequest` for `fields`: every picked role in the one division, the default
 * token lifetime. */
export function setupRequest(fields: SetupFields): SetupRequest {
  return {
    clientName: fields.clientName,
    clientDescription: fields.clientDescription,
    tokenDurationSeconds: "",
    roleDivisions: fields.roleIds.map((roleId) => ({ roleId, divisionId: fields.divisionId })),
    credentialName: fields.credentialName,
    integrationName: fields.integrationName,
  };
}

export function setupFormView(model: SetupForm, draft: SetupFields): SetupFormParts {
  const full = model.installed >= model.limit;
  const client = textField("setup-client-name", t("setup.clientName"), draft.clientName);
  const description = textField("setup-client-description", t("setup.clientDescription"), draft.clientDescription);
  const credential = textField("setup-credential-name", t("setup.credentialName"), draft.credentialName);
  const integration = textField("setup-integration-name", t("setup.integrationName"), draft.integrationName);
  const rolesError = fieldError("setup-roles-error");
  const roles = h(
    "fieldset",
    { class: "field roles", id: "setup-roles", "aria-describedby": "setup-roles-error" },
    h("legend", {}, t("setup.roles")),
    h("p", { class: "hint" }, t("setup.rolesHint"), " ", h("span", { class: "permission-code" }, t("setup.permissionChecked"), " ", h("code", {}, QUEUE_MEMBERS_PERMISSION))),
    ...model.roles.map((r) =>
      h(
        "label",
        { class: "choice" },
        h("input", { type: "checkbox", name: "setup-role", value: r.id, checked: draft.roleIds.includes(r.id) }),
        h("span", {}, h("span", { class: "choice-label" }, r.name), h("span", { class: "hint" }, countLabel(r.permissionCount, "setup.permissionsOne", "setup.permissions"))),
      ),
    ),
    rolesError,
  );
  const division = h(
    "select",
    { id: "setup-division" },
    ...model.divisions.map((d) => h("option", { value: d.id, selected: d.id === draft.divisionId }, d.name)),
  );
  const form = h(
    "form",
    { class: "form setup-form", id: "setup-form", novalidate: true },
    h("p", { class: full ? "warning" : "hint", id: "setup-limit" }, limitText(model.installed, model.limit), full ? ` ${t("integrations.limitReached")}` : ""),
    client.field,
    description.field,
    roles,
    h("div", { class: "field" }, h("label", { for: "setup-division" }, t("setup.division")), division),
    credential.field,
    integration.field,
    h("button", { type: "submit", class: "primary", id: "setup-preview", disabled: full }, t("setup.preview")),
  );
  const read = (): SetupFields | null => {
    const room = MAX_NAME_CHARS - MARKER_CHARS;
    const roleIds = [...form.querySelectorAll<HTMLInputElement>('input[name="setup-role"]:checked')].map((i) => i.value);
    const oks = [
      showProblem(client.error, client.input, nameMessage(nameProblem(client.input.value))),
      showProblem(description.error, description.input, descriptionProblem(description.input.value) ? t("integrations.nameInvisible") : null),
      showProblem(rolesError, roles, roleIds.length ? null : t("setup.rolesRequired")),
      showProblem(credential.error, credential.input, nameMessage(objectNameProblem(credential.input.value), room)),
      showProblem(integration.error, integration.input, nameMessage(objectNameProblem(integration.input.value), room)),
    ];
    if (oks.includes(false)) {
      form.querySelector<HTMLElement>('[aria-invalid="true"] input, [aria-invalid="true"]')?.focus();
      return null;
    }
    return {
      clientName: client.input.value.trim(),
      clientDescription: description.input.value.trim(),
      credentialName: credential.input.value.trim(),
      integrationName: integration.input.value.trim(),
      roleIds,
      divisionId: division.value,
    };
  };
  return { form, read };
}
