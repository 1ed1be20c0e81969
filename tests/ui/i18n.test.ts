// The i18n layer: the three catalogues agree, every key the UI asks for exists, every page is
// titled as its menu entry, and no string outside About and the guided setup's intro talks about
// the workshop or its chapters.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { catalogues, keysOf, languages, setLanguage, t } from "../../ui/src/i18n";
import { aboutView } from "../../ui/src/views/app/about";
import { catalogueStrings, words } from "./seed-shingles";

const uiSrc = path.resolve(__dirname, "../../ui/src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sources(full);
    return name.endsWith(".ts") ? [full] : [];
  });
}

describe("catalogues", () => {
  it("have the same keys in en, es and pt-BR", () => {
    const en = keysOf(catalogues.en).sort();
    for (const lang of languages) {
      expect(keysOf(catalogues[lang]).sort(), `keys of ${lang}`).toEqual(en);
    }
  });

  it("contain every literal key the UI code passes to t()", () => {
    const known = new Set(keysOf(catalogues.en));
    const used = new Set<string>();
    for (const file of sources(uiSrc)) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([\w.-]+)"/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });

  it("cover every error kind the Rust core can send, and every language name", () => {
    const generated = readFileSync(path.join(uiSrc, "generated/ErrorKind.ts"), "utf8");
    const kinds = [...generated.matchAll(/"(\w+)"/g)].map((m) => m[1] as string);
    expect(kinds.length).toBeGreaterThan(5);
    for (const kind of kinds) {
      for (const lang of languages) {
        setLanguage(lang);
        expect(t(`errors.kind.${kind}`)).not.toBe(`errors.kind.${kind}`);
      }
    }
    for (const lang of languages) expect(t(`languages.${lang}`)).not.toBe(`languages.${lang}`);
  });
});

describe("t()", () => {
  it("translates into the current language and fills placeholders", () => {
    setLanguage("es");
    expect(t("nav.settings")).toBe("Preferencias");
    expect(t("settings.languageSystem", { language: "English" })).toBe("Igual que el sistema (English)");
    setLanguage("pt-BR");
    expect(t("nav.settings")).toBe("Preferências");
    expect(document.documentElement.lang).toBe("pt-BR");
  });

  it("returns the key itself for an unknown key rather than throwing", () => {
    setLanguage("en");
    expect(t("no.such.key")).toBe("no.such.key");
    expect(t("settings")).toBe("settings");
  });
});

describe("page titles", () => {
  it("match their menu entries, in every language", () => {
    const info = { name: "Dip Studio", version: "1.0.0", buildKind: "debug" as const, identifier: "studio.dip.desktop", dataDir: "/d", logDir: "/l", osLocale: null };
    for (const lang of languages) {
      setLanguage(lang);
      expect(aboutView(info).querySelector("h1")?.textContent, `About in ${lang}`).toBe(t("nav.about"));
      // The screens whose views keep their title in their own catalogue (Sign-in and Settings
      // are checked by rendering, in signin.test.ts and settings.test.ts).
      expect(t("clients.title"), `OAuth clients in ${lang}`).toBe(t("nav.clients"));
      expect(t("integrations.title"), `Integrations in ${lang}`).toBe(t("nav.integrations"));
      expect(t("actions.title"), `Data actions in ${lang}`).toBe(t("nav.actions"));
    }
  });

  it("do not collide: no menu entry is the start of another", () => {
    for (const lang of languages) {
      setLanguage(lang);
      const labels = ["signin", "clients", "integrations", "setup", "settings", "about"].map((r) => t(`nav.${r}`));
      for (const a of labels) {
        for (const b of labels) if (a !== b) expect(b.startsWith(a), `${lang}: "${b}" starts with "${a}"`).toBe(false);
      }
    }
  });
});

/** Words that name the workshop or its chapters, in any of the three languages (English ones are
 *  wrong in every catalogue; "oficina" is pt-BR for workshop but es for office). */
const WORKSHOP_WORDS: Record<string, string[]> = {
  en: ["workshop", "workshops", "chapter", "chapters"],
  es: ["taller", "talleres", "capítulo", "capítulos"],
  "pt-BR": ["oficina", "oficinas", "capítulo", "capítulos"],
};
/** About says what the app is for; the guided setup's intro (moving from integrations.setup to setup). */
const MAY_NAME_THE_WORKSHOP = (key: string): boolean => key.startsWith("about.") || key === "setup.intro" || key === "integrations.setup.intro";

function workshopWords(file: string, text: string): string[] {
  const lang = path.basename(file, ".json");
  const banned = new Set([...(WORKSHOP_WORDS.en ?? []), ...(WORKSHOP_WORDS[lang] ?? [])]);
  return words(text).filter((w) => banned.has(w));
}

describe("product language", () => {
  it("names no workshop or chapter outside About and the guided setup's intro", () => {
    const strings = catalogueStrings().filter((s) => s.file.startsWith("ui/src/"));
    const files = new Set(strings.map((s) => s.file));
    expect(files.has("ui/src/i18n/pt-BR.json") && [...files].some((f) => f.startsWith("ui/src/views/")), "the shell's and every view's catalogues are read").toBe(true);
    const found = strings
      .filter((s) => !MAY_NAME_THE_WORKSHOP(s.key))
      .flatMap((s) => workshopWords(s.file, s.text).map((w) => `${s.file} ${s.key}: "${w}"`));
    expect(found, "say it in product terms").toEqual([]);
  });

  it("catches each word in its language, and only there", () => {
    expect(workshopWords("ui/src/views/x/i18n/pt-BR.json", "Como no Workshop, capítulo 3")).toEqual(["workshop", "capítulo"]);
    expect(workshopWords("ui/src/views/x/i18n/es.json", "El taller y su CAPÍTULO")).toEqual(["taller", "capítulo"]);
    expect(workshopWords("ui/src/views/x/i18n/es.json", "la oficina de soporte"), "es oficina is an office").toEqual([]);
    expect(workshopWords("ui/src/views/x/i18n/pt-BR.json", "uma oficina")).toEqual(["oficina"]);
    expect(workshopWords("ui/src/views/x/i18n/en.json", "The chapters say")).toEqual(["chapters"]);
    expect(MAY_NAME_THE_WORKSHOP("about.intro") && MAY_NAME_THE_WORKSHOP("setup.intro")).toBe(true);
    expect(MAY_NAME_THE_WORKSHOP("setup.plan")).toBe(false);
  });
});
