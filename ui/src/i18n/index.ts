// The i18n layer: every user-facing string comes from en/es/pt-BR catalogues by key.
// A missing key shows the English text (and, in tests, fails the parity check).
import en from "./en.json";
import es from "./es.json";
import ptBR from "./pt-BR.json";
import type { Language } from "../generated/Language";

type Catalogue = { [key: string]: string | Catalogue };

export const catalogues: Record<Language, Catalogue> = { en, es, "pt-BR": ptBR };
export const languages: Language[] = ["en", "es", "pt-BR"];

let current: Language = "en";

export function setLanguage(language: Language): void {
  current = language;
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return current;
}

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Translates `key`, replacing `{name}` placeholders with `params`. */
export function t(key: string, params: Record<string, string> = {}): string {
  const text = lookup(catalogues[current], key) ?? lookup(catalogues.en, key) ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Every key of a catalogue, as dotted paths. */
export function keysOf(catalogue: Catalogue, prefix = ""): string[] {
  return Object.entries(catalogue).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return typeof v === "string" ? [path] : keysOf(v, path);
  });
}
