// The error surface: a localized headline by error kind, Genesys's own message and its
// contextId (with a copy button) when there is one. Never a raw stack.
import type { CommandError } from "../api";
import type { ErrorKind } from "../generated/ErrorKind";
import { h } from "./dom";
import { t } from "../i18n";
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

export function errorPanel(err: unknown, onDismiss?: () => void): HTMLElement {
  const e = toCommandError(err);
  const panel = h(
    "section",
    { class: "error-panel", role: "alert", "data-kind": e.kind },
    h("h2", {}, t("errors.title")),
    h("p", { class: "error-headline" }, t(`errors.kind.${e.kind}`)),
  );
  if (e.message) {
    panel.append(h("p", { class: "error-message" }, h("span", { class: "label" }, `${t("errors.details")}: `), e.message));
  }
  if (e.contextId) {
    const contextId = e.contextId;
    panel.append(
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
  if (e.kind === "signInRequired" && !location.hash.startsWith("#/signin")) {
    panel.append(h("p", {}, h("a", { href: "#/signin", class: "button" }, t("signin.signInAgain"))));
  }
  if (onDismiss) {
    const dismiss = h("button", { type: "button" }, t("errors.dismiss"));
    dismiss.addEventListener("click", () => {
      panel.remove();
      onDismiss();
    });
    panel.append(dismiss);
  }
  return panel;
}
