// Form inputs shared by the screens: a labelled text field with its error line, and how a
// field's problem is shown beside it (announced, aria-invalid set) and worded.
import { t } from "../i18n";
import { h } from "./dom";
import { MAX_NAME_CHARS, type NameProblem } from "./fields";

/** "Field: message" lines beside a field, announced when they change. */
export function fieldError(id: string): HTMLElement {
  return h("p", { class: "field-error", id, role: "alert" });
}

export function textField(id: string, label: string, value: string, extra: Record<string, string> = {}): { field: HTMLElement; input: HTMLInputElement; error: HTMLElement } {
  const input = h("input", { id, type: "text", value, autocomplete: "off", spellcheck: "false", "aria-describedby": `${id}-error`, ...extra });
  const error = fieldError(`${id}-error`);
  return { field: h("div", { class: "field" }, h("label", { for: id }, label), input, error), input, error };
}

/** Sets or clears a field's error; returns true when there was none. */
export function showProblem(error: HTMLElement, input: HTMLElement, problem: string | null): boolean {
  error.textContent = problem ?? "";
  if (problem) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
  return problem === null;
}

// These sentences are kept in the integrations catalogue, which the guided setup shares.
const NAME_KEYS: Record<NameProblem, string> = {
  required: "integrations.fieldRequired",
  tooLong: "integrations.nameTooLong",
  invisible: "integrations.nameInvisible",
};

/** A name's problem (kit/fields.ts) in the user's language; `max` is the length it allows. */
export function nameMessage(problem: NameProblem | null, max = MAX_NAME_CHARS): string | null {
  return problem ? t(NAME_KEYS[problem], { max: String(max) }) : null;
}
