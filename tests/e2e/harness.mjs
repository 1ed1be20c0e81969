// Shared by the end-to-end tests: launches the real app through tauri-driver with a fresh
// profile (its own XDG folders) and a chosen OS language, and saves screenshots.
import { remote } from "webdriverio";
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function need(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through \`cargo xtask test\``);
  return value;
}

/**
 * Starts Dip Studio in a real window. `profile` names its data folders (reuse a name to
 * relaunch with the same saved settings); `locale` is the OS language it sees.
 */
export async function launch(profile, { locale = "en_US.UTF-8", env: extra = {}, output = null } = {}) {
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
      // `output`: the app's stdout and stderr (its log lines, a panic's message) go to this file.
      output ? `exec ${quote(need("DIP_STUDIO_APP"))} "$@" >>${quote(output)} 2>&1` : `exec ${quote(need("DIP_STUDIO_APP"))} "$@"`,
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
  try {
    // A cold start on a busy 2-core machine can take longer than 15 s.
    await browser.$("#app:not([aria-busy])").waitForExist({ timeout: 30000 });
  } catch (err) {
    // tauri-driver runs one session at a time: end this one, or every later test fails too.
    await browser.deleteSession().catch(() => undefined);
    throw err;
  }
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

const browserScript = fileURLToPath(new URL("./browser.mjs", import.meta.url));

/**
 * The env that makes the debug app "open the browser" through browser.mjs (headless Chromium
 * signing in as the Sandbox org's practice admin, or pressing Cancel with action "cancel").
 */
export function browserEnv(profile, flow, action = "sign-in") {
  const dir = scratch(profile);
  const result = path.join(dir, `browser-${flow}.json`);
  const wrapper = path.join(dir, `browser-${flow}.sh`);
  writeFileSync(wrapper, `#!/bin/sh\nexec node '${browserScript}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return {
    result,
    env: {
      DIP_STUDIO_TEST_BROWSER: wrapper,
      DIP_STUDIO_BROWSER_RESULT: result,
      DIP_STUDIO_BROWSER_ACTION: action,
      DIP_STUDIO_BROWSER_SCREENSHOT: screenshotPath(`browser-${flow}`),
    },
  };
}

/** What browser.mjs saw on the loopback page; fails if it could not sign in. */
export function browserResult(file) {
  assert.ok(existsSync(file), "the browser stand-in wrote no result");
  const result = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(result.error, undefined, `the browser failed: ${result.error}`);
  return result;
}

/** Waits for the signed-in session card on the Sign-in screen; returns its text. */
export async function waitForSession(b) {
  const card = await b.$("#signin-session");
  await card.waitForDisplayed({ timeout: 40000, timeoutMsg: "the window never showed the signed-in session" });
  return card.getText();
}

/**
 * Signs in to the Sandbox org with PKCE from the Sign-in screen of a window launched with
 * `browserEnv(...).env`, for tests of the screens that need a session.
 */
export async function signInToSandbox(b) {
  await b.execute(() => (location.hash = "#/signin"));
  await (await b.$("#signin-submit")).waitForClickable({ timeout: 10000 });
  await (await b.$("#signin-submit")).click();
  return waitForSession(b);
}
