// What the sign-in screen is given (the options, the session, the Sandbox account, the commands)
// and what its form holds, with the form's own checks mirroring Rust's: the ports a client
// registers, the client id, and which org a form value names.
import type { OrgTarget, SandboxAccount, SessionView, SignInApi, SignInMethod, SignInOptions, SignOutView } from "../../api";
import { t } from "../../i18n";
import { clientIdProblem, trim } from "../../kit/fields";

/** The scopes a sign-in client must allow when the org enforces scopes. */
export const APP_SCOPES = ["oauth", "authorization", "integrations", "users:readonly", "organization:readonly"];

export interface SignInModel {
  options: SignInOptions;
  session: SessionView | null;
  sandbox: SandboxAccount | null;
}

export interface SignInDeps {
  api: Pick<SignInApi, "signInStart" | "signInWait" | "signInCancel" | "signInClientCredentials" | "signOut">;
  onSignedIn: (view: SessionView) => void;
  /** Signed out (the session is gone either way); `outcome` says what could not be done. */
  onSignedOut: (outcome: SignOutView) => void;
}

/** What the form holds; kept across waits and errors so nothing typed is lost. */
export interface FormState {
  target: string;
  method: SignInMethod;
  clientId: string;
  /** Ask the login host for its form even if the browser is still signed in (`prompt=login`). */
  promptLogin: boolean;
  /** The ports the client registers, as typed ("8123, 8124"); empty: any port. */
  ports: string;
}

/** Mirrors the Rust check (src-tauri/genesys/src/auth, ports): up to 10 different ports, 1024 to 65535. */
export function parsePorts(text: string): { ports: number[] } | { error: string } {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== "");
  if (parts.length > 10) return { error: t("signin.portsTooMany") };
  const ports: number[] = [];
  for (const part of parts) {
    const port = /^\d{1,5}$/.test(part) ? Number(part) : NaN;
    if (!(port >= 1024 && port <= 65535) || ports.includes(port)) return { error: t("signin.portsInvalid") };
    ports.push(port);
  }
  return { ports };
}

/** Mirrors src-tauri/genesys/src/profile.rs validate_client_id (kit/fields.ts): a GUID for real
 *  regions and client credentials; the Sandbox org has its own sign-in client. */
export function validateClientId(target: string, method: SignInMethod, clientId: string): string | null {
  if (target === "sandbox" && method !== "clientCredentials" && trim(clientId) === "") return null;
  const problem = clientIdProblem(clientId);
  return problem ? t(problem === "required" ? "signin.fieldRequired" : "signin.clientIdInvalid") : null;
}

export function targetOf(value: string): OrgTarget {
  return value === "sandbox" ? { kind: "sandbox" } : { kind: "region", code: value };
}
