// Shared by the end-to-end tests: launches the real app through tauri-driver with a fresh
// profile (its own XDG folders) and a chosen OS language, and saves screenshots.
import { remote } from "webdriverio";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

function need(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through \`cargo xtask test\``);
  return value;
}

/**
 * Starts Dip Studio in a real window. `profile` names its data folders (reuse a name to
 * relaunch with the same saved settings); `locale` is the OS language it sees.
 */
export async function launch(profile, { locale = "en_US.UTF-8", env: extra = {} } = {}) {
  const dir = path.join(need("DIP_STUDIO_E2E_TMP"), profile);
  mkdirSync(dir, { recursive: true });
  const wrapper = path.join(dir, `dip-studio-${locale.replace(/[^A-Za-z0-9]/g, "_")}`);
  const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    wrapper,
    [
      "#!/bin/sh",
      `export LANG=${quote(locale)} LC_ALL= LC_MESSAGES= LANGUAGE=`,
      `export XDG_DATA_HOME=${quote(path.join(dir, "data"))} XDG_CONFIG_HOME=${quote(path.join(dir, "config"))} XDG_CACHE_HOME=${quote(path.join(dir, "cache"))}`,
      ...Object.entries(extra).map(([k, v]) => `export ${k}=${quote(v)}`),
      `exec ${quote(need("DIP_STUDIO_APP"))} "$@"`,
      "",
    ].join("\n"),
  );
  chmodSync(wrapper, 0o755);
  const browser = await remote({
    hostname: "127.0.0.1",
    port: Number(need("WEBDRIVER_PORT")),
    logLevel: "warn",
    connectionRetryTimeout: 30000,
    connectionRetryCount: 0,
    capabilities: {
      browserName: "wry",
      "tauri:options": { application: wrapper },
      "wdio:enforceWebDriverClassic": true,
    },
  });
  await browser.$("#app:not([aria-busy])").waitForExist({ timeout: 15000 });
  return browser;
}

/** Saves what the window shows as target/screenshots/<name>.png, for a person to look at. */
export async function screenshot(browser, name) {
  // WebKitGTK under Xvfb hands out the last composited frame: let two frames paint first.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await browser.saveScreenshot(path.join(need("DIP_STUDIO_SCREENSHOTS"), `${name}.png`));
}

export async function text(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForDisplayed({ timeout: 10000 });
  return el.getText();
}

/** The profile's scratch folder (for files a test and the app's helpers share). */
export function scratch(profile) {
  const dir = path.join(need("DIP_STUDIO_E2E_TMP"), profile);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function screenshotPath(name) {
  return path.join(need("DIP_STUDIO_SCREENSHOTS"), `${name}.png`);
}
