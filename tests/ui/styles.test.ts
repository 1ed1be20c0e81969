// @vitest-environment node
// The palette in ui/src/styles.css: text and badges at WCAG AA contrast (4.5:1) in both themes,
// the OS-followed dark palette the same as the chosen one, and the one-pattern rules that keep
// browser defaults out (no default link blue or visited purple, placeholders not like values).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const css = readFileSync(path.resolve(__dirname, "../../ui/src/styles.css"), "utf8");

/** The custom properties declared in the first block whose selector line matches `selector`. */
function palette(selector: RegExp): Record<string, string> {
  const start = css.search(selector);
  expect(start, `styles.css has a block for ${selector}`).toBeGreaterThanOrEqual(0);
  const body = css.slice(css.indexOf("{", start) + 1, css.indexOf("}", start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1] as string, (m[2] as string).toLowerCase()]));
}

/** WCAG 2 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const light = palette(/^:root \{/m);
const dark = palette(/^html\[data-theme="dark"\] \{/m);
const PAIRS: [string, string][] = [
  ["sandbox-text", "sandbox"],
  ["accent-text", "accent"],
  ["danger-solid-text", "danger-solid"],
  ["text", "panel"],
  ["text", "bg"],
  ["muted", "panel"],
  ["muted", "bg"],
  ["accent", "panel"],
  ["accent", "bg"],
  ["danger", "danger-bg"],
];

describe("the palette", () => {
  for (const [theme, colours] of [["light", light], ["dark", dark]] as const) {
    it(`keeps text, links and badges at 4.5:1 or more in the ${theme} theme`, () => {
      const low = PAIRS.filter(([fg, bg]) => {
        expect(colours[fg] && colours[bg], `--${fg} and --${bg} are hex colours in the ${theme} theme`).toBeTruthy();
        return contrast(colours[fg]!, colours[bg]!) < 4.5;
      }).map(([fg, bg]) => `--${fg} on --${bg}: ${contrast(colours[fg]!, colours[bg]!).toFixed(2)}`);
      expect(low).toEqual([]);
    });
  }

  it("is the same dark palette whether the OS asks for it or the user chose it", () => {
    expect(palette(/^ {2}html:not\(\[data-theme="light"\]\) \{/m)).toEqual(dark);
  });

  it("measures contrast like WCAG does", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});

describe("one pattern per kind of thing", () => {
  it("gives links one colour, visited or not, and placeholders a look no value has", () => {
    expect(css).toMatch(/^a, a:visited \{ color: var\(--accent\); \}/m);
    expect(css).toMatch(/::placeholder \{[^}]*font-style: italic/);
  });

  it("draws radios itself, so an unselected one shows no dot in either theme", () => {
    expect(css).toMatch(/input\[type="radio"\], input\[type="checkbox"\] \{[^}]*appearance: none/);
    expect(css).toMatch(/input\[type="radio"\]::before \{[^}]*transform: scale\(0\)/);
    expect(css).toMatch(/input\[type="radio"\]:checked::before \{ transform: scale\(1\); \}/);
  });

  it("scrolls the content area on its own, under a fixed header and menu", () => {
    expect(css).toMatch(/\.shell \{[^}]*height: 100vh/);
    expect(css).toMatch(/\.content \{[^}]*overflow-y: auto/);
    expect(css, "the document itself never scrolls").toMatch(/html, body \{[^}]*overflow: hidden/);
    expect(css).toMatch(/\.content > \* \{ max-width: var\(--content-width\); \}/);
  });
});
