// The guided setup's one short form: names prefilled in the user's language, the role(s) for the
// new client (the suggested one pre-selected), the division (home by default), and the workshop's
// data action as the last part (ticked by default; its name and the queue its test reads, the
// first queue by name pre-picked; an org without queues is told the test is skipped). Checked
// here as in Rust, with each problem beside its field; nothing typed is lost on an error.
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
  /** Whether the run makes, tests and publishes the workshop's data action. */
  withAction: boolean;
  actionName: string;
  /** The queue the action's test reads; "" when the org has none (the test is skipped). */
  queueId: string;
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
    withAction: true,
    actionName: t("setup.defaultActionName"),
    queueId: model.queues[0]?.id ?? "",
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
    ...(fields.withAction ? { action: { name: fields.actionName, queueId: fields.queueId || null } } : {}),
  };
}

/** The action part: the checkbox, then its name and queue (hidden while unticked). */
function actionPart(model: SetupForm, draft: SetupFields) {
  const name = textField("setup-action-name", t("setup.actionName"), draft.actionName);
  const toggle = h("input", { type: "checkbox", id: "setup-with-action", checked: draft.withAction });
  const queue = model.queues.length
    ? h(
        "div",
        { class: "field" },
        h("label", { for: "setup-action-queue" }, t("setup.actionQueue")),
        h("select", { id: "setup-action-queue" }, ...model.queues.map((q) => h("option", { value: q.id, selected: q.id === draft.queueId }, q.name))),
      )
    : h("p", { class: "hint", id: "setup-no-queues" }, t("setup.noQueues"));
  const details = h("div", { id: "setup-action-fields", hidden: !draft.withAction }, name.field, queue);
  toggle.addEventListener("change", () => (details.hidden = !toggle.checked));
  const field = h("fieldset", { class: "field", id: "setup-action" }, h("label", { class: "choice" }, toggle, h("span", { class: "choice-label" }, t("setup.withAction"))), details);
  const picked = (): string => field.querySelector<HTMLSelectElement>("#setup-action-queue")?.value ?? "";
  return { field, name, toggle, picked };
}

export function setupFormView(model: SetupForm, draft: SetupFields): SetupFormParts {
  const full = model.installed >= model.limit;
  const client = textField("setup-client-name", t("setup.clientName"), draft.clientName);
  const description = textField("setup-client-description", t("setup.clientDescription"), draft.clientDescription);
  const credential = textField("setup-credential-name", t("setup.credentialName"), draft.credentialName);
  const integration = textField("setup-integration-name", t("setup.integrationName"), draft.integrationName);
  const action = actionPart(model, draft);
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
    action.field,
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
      showProblem(action.name.error, action.name.input, action.toggle.checked ? nameMessage(objectNameProblem(action.name.input.value), room) : null),
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
      withAction: action.toggle.checked,
      actionName: action.name.input.value.trim(),
      queueId: action.picked(),
    };
  };
  return { form, read };
}
