// Wording rules over every catalogue of the UI (the shell's and each screen's): no double
// negatives, counted nouns that agree with their number, one word for "role" in Spanish, no
// English left in the Spanish and Brazilian Portuguese texts, sentence case in pt-BR labels, and
// the guided setup's wait-until-active step named as a reader of each language expects.
import { describe, expect, it } from "vitest";
import { catalogues, keysOf, languages, setLanguage, t } from "../../ui/src/i18n";
import { countLabel } from "../../ui/src/kit/plural";
import type { Language } from "../../ui/src/generated/Language";

/** Every key of `lang` with its text. */
function entries(lang: Language): [string, string][] {
  setLanguage(lang);
  return keysOf(catalogues[lang]).map((k) => [k, t(k)]);
}

const NEGATIVE = /\b(not|no|never|none|nothing|nobody|cannot|can't|won't|don't|doesn't|isn't)\b/gi;
const NOT_UN = /\bnot\s+un(?!der|less|til)[a-z]{3,}/i;

/** Two negatives in one clause: "This role does not have no permissions", "not unavailable", or
 * a label that opens on a negative and counts with "any" ("Not used by any integration"), which
 * reads as a puzzle where a positive ("Used by no integration") says it at once. */
function doubleNegative(text: string): boolean {
  // "with no port and no path" lists two things, each negated once: "and", "or" split clauses too.
  return text.split(/[.,:;!?()—–]|\b(?:and|or|nor)\b/).some((clause = "") => {
    const negatives = clause.match(NEGATIVE) ?? [];
    const opensNegative = /^\s*(not|no|never|none|nothing)\b/i.test(clause);
    return negatives.length > 1 || NOT_UN.test(clause) || (opensNegative && /\bany(one|thing|body)?\b(?! more)/i.test(clause));
  });
}

describe("double negatives", () => {
  it("are recognised in a clause, and only there", () => {
    expect(doubleNegative("Not used by any integration")).toBe(true);
    expect(doubleNegative("This role does not have no permissions.")).toBe(true);
    expect(doubleNegative("It is not unavailable.")).toBe(true);
    expect(doubleNegative("Not saved: this computer has no usable keychain.")).toBe(false);
    expect(doubleNegative("Used by no integration credential.")).toBe(false);
    expect(doubleNegative("The token cannot see any of them.")).toBe(false);
    expect(doubleNegative("Add this address, with no port and no path.")).toBe(false);
    expect(doubleNegative("Nothing can sign in with it any more.")).toBe(false);
  });

  it("appear in no English text", () => {
    expect(entries("en").filter(([, s]) => doubleNegative(s))).toEqual([]);
  });
});

/** Strings whose number is followed by a word that is no counted noun ("Show 5 more"). */
const COUNT_WITHOUT_NOUN = new Set(["clients.roles.showMore"]);

/** A number written before its noun ("{count} permissions") needs a singular form; one written
 * as a label's value ("Permissions: {count}") reads right for any number. */
const COUNTED_NOUN = /\{count\}\s+\p{L}/u;

/** The singular key of a counted noun: `fooOne` beside `foo` or `fooMany`. */
function singularOf(key: string, keys: Set<string>): string | null {
  const base = key.replace(/Many$/, "");
  return keys.has(`${base}One`) ? `${base}One` : null;
}

describe("counted nouns", () => {
  for (const lang of languages) {
    it(`come as a singular and a plural key in ${lang}`, () => {
      const all = entries(lang);
      const keys = new Set(all.map(([k]) => k));
      const unpaired = all
        .filter(([k, s]) => COUNTED_NOUN.test(s) && !k.endsWith("One") && !COUNT_WITHOUT_NOUN.has(k))
        .filter(([k]) => singularOf(k, keys) === null)
        .map(([k]) => k);
      expect(unpaired, "every counted noun has a singular beside it").toEqual([]);
      const orphans = all.filter(([k]) => k.endsWith("One")).filter(([k]) => !keys.has(k.slice(0, -3)) && !keys.has(`${k.slice(0, -3)}Many`));
      expect(orphans).toEqual([]);
    });
  }

  it("take the singular for exactly one, in every language", () => {
    const said: Record<Language, string[]> = { en: [], es: [], "pt-BR": [] };
    for (const lang of languages) {
      setLanguage(lang);
      said[lang] = [0, 1, 2].map((n) => countLabel(n, "setup.permissionsOne", "setup.permissions"));
    }
    expect(said.en).toEqual(["0 permissions", "1 permission", "2 permissions"]);
    expect(said.es).toEqual(["0 permisos", "1 permiso", "2 permisos"]);
    expect(said["pt-BR"]).toEqual(["0 permissões", "1 permissão", "2 permissões"]);
  });
});

describe("Spanish and Brazilian Portuguese", () => {
  it("call a role 'rol' in Spanish, never 'función'", () => {
    // "Funciones" is right for other things (a schema's functions); where English says "role",
    // Spanish says "rol".
    const english = new Map(entries("en"));
    const aboutRoles = entries("es").filter(([k]) => /\broles?\b/i.test((english.get(k) ?? "").replace(/\{\w+\}/g, "")));
    expect(aboutRoles.length).toBeGreaterThan(20);
    expect(aboutRoles.filter(([, s]) => /\bfunci[oó]n(es)?\b/i.test(s) || !/\brol(es)?\b/i.test(s))).toEqual([]);
  });

  for (const lang of ["es", "pt-BR"] as const) {
    it(`leave no English 'workshop' or SAML expansion in ${lang}`, () => {
      const english = entries(lang).filter(([, s]) => /\bworkshops?\b|Security Assertion|Markup Language/i.test(s));
      expect(english).toEqual([]);
    });
  }

  it("name the wait-until-active step as each language says it", () => {
    const step = (lang: Language): string => {
      setLanguage(lang);
      return t("setup.step.waitForActive");
    };
    expect(step("es")).toBe("Esperar a que esté activa");
    expect(step("pt-BR")).toBe("Aguardar ficar ativa");
  });
});

/** Words a pt-BR label keeps capitalised: names of products, protocols and things Genesys calls so. */
const PROPER = new Set(["Genesys", "Cloud", "Dip", "Studio", "OAuth", "PKCE", "SAML2", "Data", "Actions", "ID", "URI", "URIs", "JavaScript", "Resource", "Center", "Terraform"]);

describe("pt-BR sentence case", () => {
  it("capitalises only the first word of a heading, label or button", () => {
    // Short texts without a full stop are the headings, labels and buttons; place names
    // (regions) and language names follow their own rules.
    const labels = entries("pt-BR").filter(([k, s]) => !/^(regions|languages)\./.test(k) && !/[.:!?]\s|[.!?]$/.test(s) && s.split(/\s+/).length <= 8);
    expect(labels.length).toBeGreaterThan(100);
    const titleCased = labels.filter(([, s]) =>
      s
        .split(/\s+/)
        .slice(1)
        .map((w) => w.replace(/^[(“"«]+|[)”"»,;…]+$/g, ""))
        .some((w) => /^\p{Lu}\p{Ll}/u.test(w) && !PROPER.has(w)),
    );
    expect(titleCased).toEqual([]);
  });
});
