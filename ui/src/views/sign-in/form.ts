// The sign-in form: its fields (fields.ts) kept in step with what the form holds, checked on
// submit (rules.ts) with each problem beside its field, then a browser or client-credentials
// sign-in. What was typed stays in the form state across waits and errors.
import type { SignInMethod } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { signInFields } from "./fields";
import { parsePorts, validateClientId, type FormState, type SignInModel } from "./rules";

export interface FormActions {
  /** Signs in with client credentials and this secret; rejects (the error shown) on failure. */
  clientCredentials: (secret: string) => Promise<void>;
  /** Starts a browser sign-in with what the form holds. */
  browser: () => void;
}

export function signInForm(model: SignInModel, form: FormState, actions: FormActions): HTMLFormElement {
  const { rows, clientId, clientIdError, secret, secretError, ports, portsError, submit, sync } = signInFields(model, form);
  const formEl = h("form", { class: "form", id: "signin-form", novalidate: true }, ...rows);
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
      actions.clientCredentials(secret.value).catch(() => (submit.disabled = false));
      secret.value = "";
      return;
    }
    actions.browser();
  });
  sync();
  return formEl;
}
