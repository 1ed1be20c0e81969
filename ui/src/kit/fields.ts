// The one copy of the field rules every form checks before it sends anything; Rust checks the
// same again and has the last word. They mirror src-tauri/genesys/src/oauth_client_form/fields.rs
// (client_name, description, is_invisible_format, MAX_NAME_CHARS), src-tauri/genesys/src/setup/request.rs
// (object_name: room for the run marker) and src-tauri/genesys/src/profile.rs (validate_client_id).
// Each rule returns what is wrong as a code, and each screen words it in its own catalogue.

/** Longest name, in characters after trimming (client, credential and integration names). */
export const MAX_NAME_CHARS = 256;
/** What the guided setup's run marker `" [dip-studio-run:<16 hex>]"` adds to a name. */
export const MARKER_CHARS = 34;

// Rust's is_invisible_format: bidi embeddings, overrides, isolates and marks, and zero-width
// characters (including the BOM).
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF]/u;
// Rust's char::is_control: C0, DEL and C1.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const CONTROL_EXCEPT_TAB_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
// Unicode White_Space, what Rust's str::trim removes (unlike String.prototype.trim: U+0085 is
// one, the BOM U+FEFF is not).
const WHITE_SPACE = "\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
const EDGES = new RegExp(`^[${WHITE_SPACE}]+|[${WHITE_SPACE}]+$`, "gu");
const ANY_WHITE_SPACE = new RegExp(`[${WHITE_SPACE}]`, "u");
// Genesys OAuth client ids are GUIDs: 8-4-4-4-12 hex digits.
const CLIENT_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export type NameProblem = "required" | "tooLong" | "invisible";

/** Rust's str::trim. */
export function trim(text: string): string {
  return text.replace(EDGES, "");
}

/** Whitespace anywhere (a redirect URI holds none). */
export function hasWhiteSpace(text: string): boolean {
  return ANY_WHITE_SPACE.test(text);
}

/** A control or invisible-format character anywhere. */
export function hasHiddenCharacters(text: string): boolean {
  return CONTROL.test(text) || INVISIBLE.test(text);
}

/** Rust's client_name, checked in its order: trimmed, 1 to `max` characters, nothing hidden. */
export function nameProblem(text: string, max = MAX_NAME_CHARS): NameProblem | null {
  const name = trim(text);
  if (name === "") return "required";
  if ([...name].length > max) return "tooLong";
  if (hasHiddenCharacters(name)) return "invisible";
  return null;
}

/** Rust's object_name: a credential or integration name leaves room for the run marker. */
export function objectNameProblem(text: string): NameProblem | null {
  return nameProblem(text) ?? ([...trim(text)].length > MAX_NAME_CHARS - MARKER_CHARS ? "tooLong" : null);
}

/** Rust's description: line breaks and tabs allowed, other control or invisible characters not. */
export function descriptionProblem(text: string): "invisible" | null {
  const description = trim(text);
  return CONTROL_EXCEPT_TAB_NEWLINE.test(description) || INVISIBLE.test(description) ? "invisible" : null;
}

/** Rust's validate_client_id, on the trimmed id. */
export function clientIdProblem(text: string): "required" | "invalid" | null {
  const id = trim(text);
  if (id === "") return "required";
  return CLIENT_ID.test(id) ? null : "invalid";
}
