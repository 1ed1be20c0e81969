// Steps several E2E files share: a screen's catalogue of words, the guided setup run through
// the UI to an active integration, a file put in a page's file input as a pick or a drop fills
// it (WebDriver cannot drive the OS picker), and a wait that survives a view drawn again.
import { readFileSync } from "node:fs";

/** The words of `ui/src/views/<folder>/i18n/<lang>.json`. */
export function catalogue(folder, lang) {
  return JSON.parse(readFileSync(new URL(`../../ui/src/views/${folder}/i18n/${lang}.json`, import.meta.url), "utf8"));
}

/** An active Data Actions integration, made by the guided setup run through the UI. */
export async function activeIntegration(b) {
  await b.execute(() => (location.hash = "#/setup"));
  const preview = await b.$("#setup-preview");
  await preview.waitForClickable({ timeout: 20000, timeoutMsg: "the guided setup's form never loaded" });
  await preview.click();
  await (await b.$("#setup-plan-list")).waitForDisplayed({ timeout: 20000, timeoutMsg: "the plan never showed" });
  // Without a usable keychain the plan asks to confirm that the secret will not be saved.
  const agree = await b.$("#setup-confirm-unsaved");
  if (await agree.isExisting()) await agree.click();
  await (await b.$("#setup-run")).waitForClickable({ timeout: 20000 });
  await (await b.$("#setup-run")).click();
  await (await b.$('#setup-summary[data-phase="completed"]')).waitForDisplayed({ timeout: 90000, timeoutMsg: "the guided setup never completed" });
}

/** Puts `content` in the file input `selector` as file `name`. */
export async function pickFile(b, selector, name, content) {
  const input = await b.$(selector);
  await input.waitForExist({ timeout: 20000, timeoutMsg: `the screen offered no file input ${selector}` });
  await b.execute(
    (sel, fileName, body) => {
      const el = document.querySelector(sel);
      const files = new DataTransfer();
      files.items.add(new File([body], fileName, { type: "application/json" }));
      el.files = files.files;
      el.dispatchEvent(new Event("change", { bubbles: true }));
    },
    selector,
    name,
    content,
  );
}

/**
 * Waits until `selector` matches, asking the page itself each time: a view that is drawn again
 * on every message (the import run's) would leave a WebDriver handle stale between two polls.
 */
export async function waitForSelector(b, selector, timeout, timeoutMsg) {
  await b.waitUntil(async () => (await b.execute((sel) => document.querySelector(sel) !== null, selector)) === true, { timeout, timeoutMsg });
}
