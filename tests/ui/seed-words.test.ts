// @vitest-environment node
// No catalogue string repeats the workshop seeds: none shares a run of 12 consecutive words with
// ../shared/seeds/*.md. The seeds are not in the repository, so the check reads their committed
// fingerprint (hashes only, tests/ui/seed-shingles.txt); where the seeds are present it also
// fails if that fingerprint is stale. SEED_SHINGLES=refresh rewrites it from the seeds.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  catalogueStrings,
  fingerprint,
  fingerprintFile,
  fnv1a64,
  hits,
  readFingerprint,
  refreshCommand,
  seedFiles,
  shingles,
  SHINGLE_WORDS,
  stripMarkdown,
  words,
} from "./seed-shingles";

const seeds = seedFiles();
const refresh = process.env.SEED_SHINGLES === "refresh";

describe("the seed fingerprint", () => {
  it.runIf(refresh)("is rewritten from ../shared/seeds when asked to", () => {
    expect(seeds.length, "SEED_SHINGLES=refresh needs ../shared/seeds/*.md next to the repository").toBeGreaterThan(0);
    writeFileSync(fingerprintFile, fingerprint(seeds));
  });

  it("is a header and then sorted, distinct 64-bit hashes, nothing else", () => {
    const lines = readFileSync(fingerprintFile, "utf8").trimEnd().split("\n");
    expect(lines[0]).toMatch(/^# FNV-1a 64-bit hashes .*Refresh: /);
    const hashes = lines.slice(1);
    expect(hashes.length, "the three seeds hold well over a thousand 12-word runs").toBeGreaterThan(1000);
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect([...new Set(hashes)].sort(), "sorted and deduplicated").toEqual(hashes);
  });

  it.skipIf(seeds.length === 0)("matches the seeds in ../shared/seeds (absent on a clean clone)", () => {
    const fresh = fingerprint(seeds);
    expect(readFileSync(fingerprintFile, "utf8") === fresh, `tests/ui/seed-shingles.txt is stale; refresh it: ${refreshCommand}`).toBe(true);
  });
});

describe("catalogue strings", () => {
  it(`share no run of ${SHINGLE_WORDS} consecutive words with the workshop seeds`, () => {
    const strings = catalogueStrings();
    expect(strings.length, "the catalogues of ui/src/i18n and every view are read").toBeGreaterThan(300);
    const found = hits(strings, readFingerprint()).map((h) => `${h.language} ${h.key} (${h.file}): "${h.run}"`);
    expect(found, "reword these in our own words").toEqual([]);
  });
});

describe("the shingle machinery", () => {
  it("hashes with standard 64-bit FNV-1a, so the fingerprint can be rebuilt elsewhere", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("cuts words on anything but letters and digits, ignoring case, markup and mis-decoded quotes", () => {
    const md = '---\ntitle: "Skip me"\n---\n## Só **uma** [ligação](http://x.example) ![image](/a.png) userâ€™s GET /v2/users';
    expect(words(stripMarkdown(md))).toEqual(["só", "uma", "ligação", "user", "s", "get", "v2", "users"]);
    expect(words("Acci\u006f\u0301n")).toEqual(["acción"]);
  });

  it("finds a 12-word run however it is punctuated, and lets an 11-word run through", () => {
    const seed = "one two three four five six seven eight nine ten eleven twelve thirteen";
    const known = new Set(shingles(words(seed)).map((s) => s.hash));
    const file = "ui/src/views/demo/i18n/pt-BR.json";
    const found = hits(
      [
        { file, key: "demo.copied", text: "Zero: One, two; THREE four five six seven eight nine ten eleven twelve." },
        { file, key: "demo.short", text: "two three four five six seven eight nine ten eleven twelve" },
      ],
      known,
    );
    expect(found.map((h) => [h.language, h.key])).toEqual([["pt-BR", "demo.copied"]]);
  });
});
