// The OAuth client form's checks, mirroring src-tauri/genesys/src/oauth_client_form/fields.rs
// (Rust has the last word; the shared name rules are kit/fields.ts): each field gets a localized
// message beside it before anything is sent. Rust's own
// refusal names its field as "field: reason", which fieldOfRustError reads back.
import type { GrantType } from "../../generated/GrantType";
import type { RoleDivision } from "../../generated/RoleDivision";
import { t } from "../../i18n";
import { descriptionProblem, hasHiddenCharacters, hasWhiteSpace, MAX_NAME_CHARS, nameProblem, trim, type NameProblem } from "../../kit/fields";

export const TOKEN_MIN = 300;
export const TOKEN_MAX = 172_800;
export const TOKEN_DEFAULT = 86_400;
export const MAX_REDIRECT_URI_LEN = 2048;

/** The grant types that may be created, in the order the chapter lists them; never PASSWORD. */
export const CREATABLE: GrantType[] = ["CLIENT-CREDENTIALS", "CODE", "TOKEN", "SAML2-BEARER"];

export type Field = "name" | "description" | "grantType" | "tokenDuration" | "redirectUris" | "scopes" | "roleDivisions";
export type FieldErrors = Partial<Record<Field, string>>;

export interface FormValues {
  name: string;
  description: string;
  grantType: GrantType;
  tokenDuration: string;
  redirectUris: string[];
  scopes: string[];
  roleDivisions: RoleDivision[];
}

const NAME_KEYS: Record<NameProblem, string> = { required: "nameRequired", tooLong: "nameTooLong", invisible: "invisibleCharacters" };

export function checkName(text: string): string | null {
  const problem = nameProblem(text);
  return problem ? t(`clients.errors.${NAME_KEYS[problem]}`, { max: String(MAX_NAME_CHARS) }) : null;
}

export function checkDescription(text: string): string | null {
  return descriptionProblem(text) ? t("clients.errors.invisibleCharacters") : null;
}

export function checkTokenDuration(text: string): string | null {
  const value = trim(text);
  if (value === "") return null;
  const inRange = /^[0-9]+$/.test(value) && Number(value) >= TOKEN_MIN && Number(value) <= TOKEN_MAX;
  return inRange ? null : t("clients.errors.tokenRange", { min: String(TOKEN_MIN), max: String(TOKEN_MAX) });
}

/** "1 h 30 min" style, for the seconds typed (empty: the default). */
export function durationLabel(text: string): string {
  const value = trim(text);
  const seconds = value === "" ? TOKEN_DEFAULT : Number(value);
  if (!Number.isInteger(seconds) || seconds < 0) return "";
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return t("clients.form.durationLabel", { hours: String(hours), minutes: String(minutes) });
}

function isLoopback(host: string): boolean {
  return host === "127.0.0.1" || host === "[::1]" || host.toLowerCase() === "localhost";
}

/** One redirect URI; returns an error message, or null and its normalised form for duplicates. */
export function checkRedirectUri(text: string): { error: string | null; normal: string } {
  const uri = trim(text);
  const bad = (key: string): { error: string; normal: string } => ({ error: t(`clients.errors.${key}`, { uri }), normal: "" });
  if (uri === "") return bad("redirectEmpty");
  if (new TextEncoder().encode(uri).length > MAX_REDIRECT_URI_LEN) return bad("redirectTooLong");
  if (hasWhiteSpace(uri) || hasHiddenCharacters(uri)) return bad("redirectSpaces");
  if (uri.includes("#")) return bad("redirectFragment");
  if (uri.includes("*")) return bad("redirectWildcard");
  const at = uri.indexOf("://");
  if (at < 0) return bad("redirectScheme");
  const scheme = uri.slice(0, at).toLowerCase();
  const authority = uri.slice(at + 3).split(/[/?]/)[0] ?? "";
  if (authority.includes("@")) return bad("redirectUserinfo");
  const host = authority.startsWith("[") ? authority.slice(0, authority.indexOf("]") + 1) : (authority.split(":")[0] ?? "");
  if (scheme === "https") {
    if (host === "") return bad("redirectHost");
  } else if (scheme === "http") {
    if (!isLoopback(host)) return bad("redirectHttp");
  } else {
    return bad("redirectScheme");
  }
  try {
    const parsed = new URL(uri);
    if (parsed.hostname === "") return bad("redirectHost");
    return { error: null, normal: parsed.href };
  } catch {
    return bad("redirectInvalid");
  }
}

export function checkRedirectUris(uris: string[], grant: GrantType): string | null {
  const kept = uris.filter((u) => trim(u) !== "");
  if (grant === "CLIENT-CREDENTIALS" || grant === "SAML2-BEARER") return null;
  if (kept.length === 0) return t("clients.errors.redirectRequired");
  const seen = new Set<string>();
  for (const uri of kept) {
    const { error, normal } = checkRedirectUri(uri);
    if (error) return error;
    if (seen.has(normal)) return t("clients.errors.redirectDuplicate", { uri: trim(uri) });
    seen.add(normal);
  }
  return null;
}

/** Every field's message; an empty object means the form may be sent. */
export function validateForm(values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: Field, message: string | null): void => {
    if (message) errors[field] = message;
  };
  set("name", checkName(values.name));
  set("description", checkDescription(values.description));
  if (!CREATABLE.includes(values.grantType)) errors.grantType = t("clients.errors.grantType");
  set("tokenDuration", checkTokenDuration(values.tokenDuration));
  const credentials = values.grantType === "CLIENT-CREDENTIALS";
  set("redirectUris", checkRedirectUris(values.redirectUris, values.grantType));
  if (credentials && values.roleDivisions.length === 0) errors.roleDivisions = t("clients.errors.roleRequired");
  if (!credentials && values.scopes.length === 0) errors.scopes = t("clients.errors.scopeRequired");
  return errors;
}

const RUST_FIELDS: Record<string, Field> = {
  name: "name",
  description: "description",
  grantType: "grantType",
  tokenDuration: "tokenDuration",
  redirectUris: "redirectUris",
  scopes: "scopes",
  roleDivisions: "roleDivisions",
};

/** The form field a Rust `invalidInput` message ("field: reason") is about, if it is one. */
export function fieldOfRustError(message: string): Field | null {
  const name = message.split(":", 1)[0] ?? "";
  return RUST_FIELDS[name] ?? null;
}
