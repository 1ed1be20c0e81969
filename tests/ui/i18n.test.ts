// The i18n layer: the three catalogues agree, and every key the UI asks for exists.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { catalogues, keysOf, languages, setLanguage, t } from "../../ui/src/i18n";

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
    expect(t("settings.title")).toBe("Configuración");
    expect(t("settings.languageSystem", { language: "English" })).toBe("Igual que el sistema (English)");
    setLanguage("pt-BR");
    expect(t("nav.settings")).toBe("Configurações");
    expect(document.documentElement.lang).toBe("pt-BR");
  });

  it("returns the key itself for an unknown key rather than throwing", () => {
    setLanguage("en");
    expect(t("no.such.key")).toBe("no.such.key");
    expect(t("settings")).toBe("settings");
  });
});
