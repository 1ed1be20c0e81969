// The OAuth client form's checks, mirroring genesys::oauth_client_form (Rust has the last
// word): each field gets a localized message beside it before anything is sent. Rust's own
// refusal names its field as "field: reason", which fieldOfRustError reads back.
import type { GrantType } from "../../generated/GrantType";
import type { RoleDivision } from "../../generated/RoleDivision";
import { t } from "../../i18n";

export const MAX_NAME_CHARS = 256;
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

// Bidi embeddings/overrides/isolates/marks and zero-width characters, as Rust's is_invisible_format.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF]/u;
// Rust's char::is_control: C0, DEL and C1.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const CONTROL_EXCEPT_TAB_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const WHITESPACE = /[\s\u0085]/u;

/** Rust's str::trim: Unicode White_Space at both ends. */
function trim(text: string): string {
  return text.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, "");
}

export function checkName(text: string): string | null {
  const name = trim(text);
  if (name === "") return t("clients.errors.nameRequired");
  if ([...name].length > MAX_NAME_CHARS) return t("clients.errors.nameTooLong", { max: String(MAX_NAME_CHARS) });
  if (CONTROL.test(name) || INVISIBLE.test(name)) return t("clients.errors.invisibleCharacters");
  return null;
}

export function checkDescription(text: string): string | null {
  const description = trim(text);
  return CONTROL_EXCEPT_TAB_NEWLINE.test(description) || INVISIBLE.test(description)
    ? t("clients.errors.invisibleCharacters")
    : null;
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
  if (WHITESPACE.test(uri) || CONTROL.test(uri) || INVISIBLE.test(uri)) return bad("redirectSpaces");
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
