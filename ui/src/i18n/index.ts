// The i18n layer: every user-facing string comes from en/es/pt-BR catalogues by key.
// The shell's catalogue lives here; each feature keeps its own next to its views
// (views/<feature>/i18n), under its own top-level namespace. A missing key shows the English
// text (and, in tests, fails the parity check).
import en from "./en.json";
import es from "./es.json";
import ptBR from "./pt-BR.json";
import actionsEn from "../views/actions/i18n/en.json";
import actionsEs from "../views/actions/i18n/es.json";
import actionsPtBR from "../views/actions/i18n/pt-BR.json";
import clientsEn from "../views/clients/i18n/en.json";
import clientsEs from "../views/clients/i18n/es.json";
import clientsPtBR from "../views/clients/i18n/pt-BR.json";
import integrationsEn from "../views/integrations/i18n/en.json";
import integrationsEs from "../views/integrations/i18n/es.json";
import integrationsPtBR from "../views/integrations/i18n/pt-BR.json";
import setupEn from "../views/setup/i18n/en.json";
import setupEs from "../views/setup/i18n/es.json";
import setupPtBR from "../views/setup/i18n/pt-BR.json";
import type { Language } from "../generated/Language";

type Catalogue = { [key: string]: string | Catalogue };

/** Joins feature catalogues; two features claiming one namespace is a programming error. */
function merge(...parts: Catalogue[]): Catalogue {
  const all: Catalogue = {};
  for (const part of parts) {
    for (const [namespace, value] of Object.entries(part)) {
      if (namespace in all) throw new Error(`i18n namespace "${namespace}" defined twice`);
      all[namespace] = value;
    }
  }
  return all;
}

export const catalogues: Record<Language, Catalogue> = {
  en: merge(en, clientsEn, integrationsEn, setupEn, actionsEn),
  es: merge(es, clientsEs, integrationsEs, setupEs, actionsEs),
  "pt-BR": merge(ptBR, clientsPtBR, integrationsPtBR, setupPtBR, actionsPtBR),
};
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
