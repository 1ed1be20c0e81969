// Accessibility checked in the real window: axe-core (npm, dequelabs/axe-core) injected through
// WebDriver's execute, run on the screen the test shows, in the light and in the dark theme.
// The rule enforced: no violation of impact "serious" or "critical" on any screen.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const BLOCKING = new Set(["serious", "critical"]);

/**
 * Runs axe on the whole document as it is now. WebDriver's execute runs the script as the
 * automation, not as a page script, so the window's CSP (script-src 'self') does not refuse it
 * and nothing in tauri.conf.json is loosened for it.
 */
export async function axeViolations(b) {
  const present = await b.execute(() => typeof window.axe === "object");
  if (!present) await b.execute(axeSource);
  const outcome = await b.executeAsync((done) => {
    window.axe
      .run(document, { resultTypes: ["violations"] })
      .then((r) => done({ violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })) })) }))
      .catch((e) => done({ error: String(e && e.stack ? e.stack : e) }));
  });
  assert.equal(outcome.error, undefined, `axe could not run: ${outcome.error}`);
  return [...outcome.violations, ...(await offscreenContrast(b))];
}

/**
 * Text scrolled out of the content pane is clipped, and axe leaves its contrast undecided
 * ("partially obscured"): each such node is scrolled into view and measured on its own, so
 * contrast is checked on the whole screen, not only on what fits in the window.
 */
async function offscreenContrast(b) {
  const outcome = await b.executeAsync((done) => {
    const OBSCURED = ["elmPartiallyObscured", "bgOverlap"];
    const only = { runOnly: ["color-contrast"], resultTypes: ["violations", "incomplete"] };
    const undecided = (r) => r.incomplete.flatMap((v) => v.nodes).filter((n) => n.any.some((c) => OBSCURED.includes(c.data?.messageKey))).map((n) => n.target);
    // scrollIntoView scrolls every ancestor, the document too: all of them are put back after.
    const scrolled = [document.scrollingElement, ...document.querySelectorAll("*")].filter(Boolean).map((el) => [el, el.scrollTop, el.scrollLeft]);
    (async () => {
      const found = [];
      const stillUndecided = [];
      try {
        for (const target of undecided(await window.axe.run(document, only))) {
          const el = document.querySelector(target.join(" "));
          // What an open dialog covers is measured on the screen under it, without the dialog.
          if (!el || (document.querySelector(".modal-backdrop") && !el.closest(".modal"))) continue;
          el.scrollIntoView({ block: "center" });
          const r = await window.axe.run({ include: [target] }, only);
          if (undecided(r).length) stillUndecided.push(target.join(" "));
          for (const v of r.violations) found.push({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })) });
        }
      } finally {
        for (const [el, top, left] of scrolled) if (el.scrollTop !== top || el.scrollLeft !== left) el.scrollTo(left, top);
      }
      return { violations: found, stillUndecided };
    })().then(done, (e) => done({ error: String(e && e.stack ? e.stack : e) }));
  });
  assert.equal(outcome.error, undefined, `axe could not measure the scrolled-out text: ${outcome.error}`);
  assert.deepEqual(outcome.stillUndecided, [], "text whose contrast axe cannot measure even in view (something overlaps it)");
  return outcome.violations;
}

function describe(violations) {
  return violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target}\n      ${(n.summary ?? "").replace(/\n/g, "\n      ")}`).join("\n")}`)
    .join("\n");
}

/**
 * Asserts that the screen shown has no serious or critical axe violation, in the light theme and
 * in the dark theme (html[data-theme], which is all the stylesheets key on); the theme the user
 * had is put back afterwards.
 */
export async function assertAccessible(b, screen) {
  const before = await b.execute(() => document.documentElement.getAttribute("data-theme"));
  try {
    for (const theme of ["light", "dark"]) {
      await b.execute((t) => document.documentElement.setAttribute("data-theme", t), theme);
      // Let the theme's colours paint before contrast is measured.
      await b.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
      const blocking = (await axeViolations(b)).filter((v) => BLOCKING.has(v.impact));
      assert.equal(blocking.length, 0, `${screen} (${theme} theme) has serious or critical accessibility violations:\n${describe(blocking)}`);
    }
  } finally {
    await b.execute((t) => (t === null ? document.documentElement.removeAttribute("data-theme") : document.documentElement.setAttribute("data-theme", t)), before);
  }
}
