// The error surface: a headline by error kind that says what happened, what to do next, Genesys's
// own message and its contextId (with a copy button) behind Details, and Try again where the
// caller can repeat what failed. Never a raw stack.
import type { CommandError } from "../api";
import type { ErrorKind } from "../generated/ErrorKind";
import { h } from "./dom";
import { catalogues, t } from "../i18n";
import { copyButton } from "./copy";

export const KINDS: readonly ErrorKind[] = [
  "invalidInput",
  "storage",
  "unexpected",
  "signInRequired",
  "clientRejected",
  "signInDenied",
  "signInTimedOut",
  "signInCancelled",
  "portsInUse",
  "api",
  "network",
  "keychainUnavailable",
  "journalCorrupt",
  "runBelongsElsewhere",
  "runInUse",
  "keychainLocked",
  "setupCancelled",
  "missingPermissions",
  "integrationLimit",
  "integrationError",
  "credentialRefused",
];

/** Normalises whatever a command rejected with into the CommandError wire shape. */
export function toCommandError(err: unknown): CommandError {
  if (typeof err === "object" && err !== null && "kind" in err && "message" in err) {
    const e = err as { kind: unknown; message: unknown; contextId?: unknown };
    const kind = KINDS.find((k) => k === e.kind) ?? "unexpected";
    const out: CommandError = { kind, message: String(e.message) };
    if (typeof e.contextId === "string" && e.contextId) out.contextId = e.contextId;
    return out;
  }
  // Tauri rejects with a plain string when a command's arguments do not deserialize;
  // an Error's message (never its stack) is all we show of anything else.
  const message = err instanceof Error ? err.message : String(err);
  return { kind: "unexpected", message };
}

/** What the panel offers besides reading it: Dismiss (the caller clears its slot) and Try again. */
export interface ErrorActions {
  onDismiss?: (() => void) | undefined;
  /** Repeats what failed; the panel removes itself first. Offered only when given. */
  onRetry?: (() => void) | undefined;
}

/** The words of a text, lowercased, for telling whether Details would only repeat the headline. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
}

/** Details show the core's own message unless every word of it is already in the headline
 *  (compared with the English headline, the language the core writes its messages in). */
function addsToHeadline(kind: ErrorKind, message: string): boolean {
  const errors = catalogues.en.errors;
  const kinds = typeof errors === "object" ? errors.kind : undefined;
  const headline = typeof kinds === "object" ? kinds[kind] : undefined;
  const said = new Set(wordsOf(typeof headline === "string" ? headline : ""));
  return wordsOf(message).some((w) => !said.has(w));
}

/** The error surface. The headline says what happened, a line under it what to do (where the
 *  catalogue has one); the core's message and Genesys's contextId sit behind Details. The second
 *  argument is the Dismiss callback (the older form) or both actions. */
export function errorPanel(err: unknown, actions?: (() => void) | ErrorActions): HTMLElement {
  const e = toCommandError(err);
  const { onDismiss, onRetry } = typeof actions === "function" ? { onDismiss: actions, onRetry: undefined } : (actions ?? {});
  const helpKey = `errors.help.${e.kind}`;
  const help = t(helpKey);
  const panel = h(
    "section",
    { class: "error-panel", role: "alert", "data-kind": e.kind },
    h("h2", { class: "error-headline" }, t(`errors.kind.${e.kind}`)),
    help === helpKey ? null : h("p", { class: "error-help" }, help),
  );
  const details: HTMLElement[] = [];
  if (e.message && addsToHeadline(e.kind, e.message)) details.push(h("p", { class: "error-message" }, e.message));
  if (e.contextId) {
    const contextId = e.contextId;
    details.push(
      h(
        "p",
        { class: "error-context" },
        h("span", { class: "label" }, `${t("errors.contextId")}: `),
        h("code", {}, contextId),
        " ",
        copyButton(contextId),
      ),
      h("p", { class: "hint" }, t("errors.contextIdHint")),
    );
  }
  if (details.length > 0) {
    panel.append(h("details", { class: "error-details" }, h("summary", {}, t("errors.details")), ...details));
  }
  if (e.kind === "signInRequired" && !location.hash.startsWith("#/signin")) {
    panel.append(h("p", {}, h("a", { href: "#/signin", class: "button" }, t("signin.signInAgain"))));
  }
  const buttons = h("div", { class: "error-actions" });
  if (onRetry) {
    const retry = h("button", { type: "button", class: "primary error-retry" }, t("errors.retry"));
    retry.addEventListener("click", () => {
      panel.remove();
      onDismiss?.();
      onRetry();
    });
    buttons.append(retry);
  }
  if (onDismiss) {
    const dismiss = h("button", { type: "button", class: "error-dismiss" }, t("errors.dismiss"));
    dismiss.addEventListener("click", () => {
      panel.remove();
      onDismiss();
    });
    buttons.append(dismiss);
  }
  if (buttons.childElementCount > 0) panel.append(buttons);
  return panel;
}
