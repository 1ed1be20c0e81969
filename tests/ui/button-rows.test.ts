// @vitest-environment node
// Rows of buttons wrap: Spanish and Brazilian Portuguese labels run longer than English ones,
// so every flex row that holds buttons (in styles.css and each screen's stylesheet) may break
// onto another line instead of pushing its last button out of the window; and the shared
// `.actions` row is declared once, in styles.css, so no screen's stylesheet decides it for all.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const uiSrc = path.resolve(__dirname, "../../ui/src");

function stylesheets(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return stylesheets(full);
    return name.endsWith(".css") ? [full] : [];
  });
}

interface Rule {
  file: string;
  selectors: string[];
  body: string;
}

/** Every rule of every stylesheet (blocks inside @media included), without comments. */
function rules(): Rule[] {
  return stylesheets(uiSrc).flatMap((file) => {
    const css = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
      file: path.relative(uiSrc, file),
      selectors: (m[1] ?? "").split(",").map((s) => s.trim()),
      body: m[2] ?? "",
    }));
  });
}

/** The containers the screens put buttons side by side in. */
const BUTTON_ROWS = [".actions", ".modal-actions", ".error-actions", ".confirm", ".toolbar", ".row-actions", ".secret-row", ".keychain-row", ".actions-row"];

describe("rows of buttons", () => {
  const all = rules();

  it("wrap wherever they are laid out as a flex row", () => {
    const rows = all.filter((r) => r.selectors.some((s) => BUTTON_ROWS.includes(s)) && /display:\s*flex/.test(r.body));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const rigid = rows.filter((r) => !/flex-wrap:\s*wrap/.test(r.body)).map((r) => `${r.file}: ${r.selectors.join(", ")}`);
    expect(rigid).toEqual([]);
  });

  it("share one .actions rule, in styles.css", () => {
    const declared = all.filter((r) => r.selectors.includes(".actions")).map((r) => r.file);
    expect(declared).toEqual(["styles.css"]);
  });

  it("put the inline question on its own line above its two buttons", () => {
    const confirm = all.find((r) => r.selectors.includes(".confirm > p"));
    expect(confirm?.body).toMatch(/flex:\s*1 0 100%/);
  });
});
