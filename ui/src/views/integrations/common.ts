// Pieces the integration screens share: the "sign in first" panel, the reportedState badge,
// the workshop's wording of where things live, and the name checks that mirror the Rust ones.
import type { IntegrationView } from "../../generated/IntegrationView";
import type { ReportedCode } from "../../generated/ReportedCode";
import { h } from "../../dom";
import { t } from "../../i18n";

/** Mirrors genesys::oauth_client_form::MAX_NAME_CHARS (integration and credential names too). */
export const MAX_NAME_CHARS = 256;
/** Room left for the guided setup's run marker `" [dip-studio-run:<16 hex>]"`. */
export const MARKER_CHARS = 34;
const CLIENT_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// Control and invisible format characters the Rust name rules refuse.
const INVISIBLE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/u;

/** A name's problem in the user's language, or null; the Rust side checks the same again. */
export function nameProblem(text: string, max = MAX_NAME_CHARS): string | null {
  const name = text.trim();
  if (name === "") return t("integrations.fieldRequired");
  if (INVISIBLE.test(name)) return t("integrations.nameInvisible");
  if ([...name].length > max) return t("integrations.nameTooLong", { max: String(max) });
  return null;
}

export function clientIdProblem(text: string): string | null {
  const id = text.trim();
  if (id === "") return t("integrations.fieldRequired");
  return CLIENT_ID.test(id) ? null : t("integrations.clientIdInvalid");
}

const RUN_MARKER = /^(.*\S) \[dip-studio-run:([0-9a-f]{16})\]$/s;

/** A name as Genesys holds it; a guided-setup run marker is shown as a small tag after it. */
export function objectName(name: string): HTMLElement {
  const m = RUN_MARKER.exec(name);
  if (!m) return h("span", { class: "object-name" }, name);
  return h(
    "span",
    { class: "object-name", title: name },
    m[1] ?? name,
    " ",
    h("span", { class: "run-tag" }, t("integrations.runTag", { id: (m[2] ?? "").slice(0, 6) })),
  );
}

export function signedOutPanel(): HTMLElement {
  return h(
    "section",
    { class: "card", id: "integrations-signed-out" },
    h("h2", {}, t("integrations.signInFirstTitle")),
    h("p", {}, t("integrations.signInFirst")),
    h("a", { href: "#/signin", class: "button" }, t("integrations.signInLink")),
  );
}

/** The live reportedState, with Genesys's detail message for ERROR. */
export function stateBadge(code: ReportedCode, detail: string | null = null): HTMLElement {
  const badge = h("span", { class: `state state-${code.toLowerCase()}`, "data-state": code }, t(`integrations.state.${code}`));
  if (code === "ERROR" && detail) {
    return h("span", { class: "state-with-detail" }, badge, " ", h("span", { class: "state-detail" }, detail));
  }
  return badge;
}

export function isSettling(view: IntegrationView): boolean {
  return view.reported === "ACTIVATING" || view.reported === "DEACTIVATING";
}

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
