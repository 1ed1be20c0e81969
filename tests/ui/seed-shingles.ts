// Word shingles shared by the seed-words check and its refresh: how a text is cut into words,
// how a run of words is hashed, and where the catalogues and the committed fingerprint live.
// Normalisation, applied to seeds and catalogue strings alike:
//   1. markdown: a leading front-matter block (--- … ---) and images ![…](…) are dropped, a link
//      [text](url) keeps only its text; the remaining markup (#, *, >, `, _) is punctuation;
//   2. a curly quote or dash mis-decoded from UTF-8 as Windows-1252 ("â€" and one character)
//      counts as punctuation, like the character it stands for;
//   3. Unicode NFC, then lowercase;
//   4. a word is a maximal run of Unicode letters and digits; everything else separates words.
// A shingle is SHINGLE_WORDS consecutive words joined by one space, hashed with 64-bit FNV-1a
// over its UTF-8 bytes and written as 16 lowercase hex digits.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const SHINGLE_WORDS = 12;
export const repoRoot = path.resolve(__dirname, "../..");
export const seedsDir = path.resolve(repoRoot, "../shared/seeds");
export const fingerprintFile = path.join(__dirname, "seed-shingles.txt");
export const refreshCommand =
  "SEED_SHINGLES=refresh npx vitest run --config ui/vite.config.ts tests/ui/seed-words.test.ts";

export function stripMarkdown(text: string): string {
  return text
    .replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
}

export function words(text: string): string[] {
  return text
    .replace(/â€./gu, " ")
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, "0");
}

/** Every run of `n` consecutive words, each with its hash. */
export function shingles(list: string[], n = SHINGLE_WORDS): { run: string; hash: string }[] {
  const out: { run: string; hash: string }[] = [];
  for (let i = 0; i + n <= list.length; i++) {
    const run = list.slice(i, i + n).join(" ");
    out.push({ run, hash: fnv1a64(run) });
  }
  return out;
}

/** The seed files, or none where ../shared/seeds is absent (a clean clone, CI). */
export function seedFiles(): string[] {
  if (!existsSync(seedsDir)) return [];
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => path.join(seedsDir, f));
}

/** The fingerprint's lines: a header, then every seed shingle's hash, sorted, once each. */
export function fingerprint(files: string[]): string {
  const hashes = new Set<string>();
  for (const file of files) {
    for (const s of shingles(words(stripMarkdown(readFileSync(file, "utf8"))))) hashes.add(s.hash);
  }
  const header =
    `# FNV-1a 64-bit hashes of every ${SHINGLE_WORDS}-word run of ../shared/seeds/*.md ` +
    `(normalised as tests/ui/seed-shingles.ts says); no seed text. Refresh: ${refreshCommand}`;
  return [header, ...[...hashes].sort()].join("\n") + "\n";
}

export function readFingerprint(): Set<string> {
  return new Set(
    readFileSync(fingerprintFile, "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !l.startsWith("#")),
  );
}

type Tree = { [key: string]: string | Tree };

/** Every catalogue string: the JSON files of every i18n folder under ui/ and src-tauri/. */
export function catalogueStrings(): { file: string; key: string; text: string }[] {
  const out: { file: string; key: string; text: string }[] = [];
  const walk = (file: string, node: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === "string") out.push({ file, key, text: v });
      else walk(file, v, key);
    }
  };
  for (const dir of i18nDirs()) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
      const file = path.join(dir, name);
      walk(path.relative(repoRoot, file), JSON.parse(readFileSync(file, "utf8")) as Tree, "");
    }
  }
  return out;
}

function i18nDirs(): string[] {
  const found: string[] = [];
  const skip = new Set(["node_modules", "target", "dist", "generated"]);
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (skip.has(name) || !statSync(full).isDirectory()) continue;
      if (name === "i18n") found.push(full);
      visit(full);
    }
  };
  for (const top of ["ui", "src-tauri"]) visit(path.join(repoRoot, top));
  return found.sort();
}

export type Hit = { language: string; key: string; file: string; run: string };

/** The catalogue strings with a shingle in `known`, each string cut into words on its own. */
export function hits(strings: { file: string; key: string; text: string }[], known: Set<string>): Hit[] {
  const found: Hit[] = [];
  for (const { file, key, text } of strings) {
    const hit = shingles(words(text)).find((s) => known.has(s.hash));
    if (hit) found.push({ language: path.basename(file, ".json"), key, file, run: hit.run });
  }
  return found;
}
