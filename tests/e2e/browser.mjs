// Stands in for the system browser in the end-to-end tests: the debug app runs this (named by
// DIP_STUDIO_TEST_BROWSER) with the sign-in URL. It drives a REAL browser, Debian's headless
// Chromium through chromedriver: it loads the Sandbox org's sign-in page, signs in as the
// practice admin (or presses Cancel), lands on the app's loopback page and records what that
// page said and its own `location.href` in $DIP_STUDIO_BROWSER_RESULT (JSON), with a screenshot. Given the login host's
// `/logout` (opened at sign-out), it loads that page and records it the same way.
import { remote } from "webdriverio";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** "You can close this tab." in every language the loopback page speaks: the last sentence
 * of its `denied_body` text, read from the sign-in page's own catalogues. */
const CLOSE_THIS_TAB = ["en", "es", "pt-BR"].map((lang) => {
  const file = fileURLToPath(new URL(`../../src-tauri/genesys/src/auth/i18n/${lang}.json`, import.meta.url));
  const body = JSON.parse(readFileSync(file, "utf8")).denied_body;
  return body.slice(body.lastIndexOf(". ") + 2);
});

const url = process.argv[2];
const resultFile = process.env.DIP_STUDIO_BROWSER_RESULT;
const action = process.env.DIP_STUDIO_BROWSER_ACTION ?? "sign-in";
const shot = process.env.DIP_STUDIO_BROWSER_SCREENSHOT;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The Sandbox org's practice admin, from the seed fixture the org is built from. */
function practiceAdmin() {
  const seed = JSON.parse(readFileSync(fileURLToPath(new URL("../../src-tauri/sandbox/src/seed.json", import.meta.url)), "utf8"));
  const admin = seed.users.find((u) => u.id === seed.signIn.adminUserId);
  return { email: admin.email, password: admin.password };
}

async function run() {
  const port = await freePort();
  const driver = spawn("/usr/bin/chromedriver", [`--port=${port}`], { stdio: "ignore" });
  let browser;
  try {
    for (let i = 0; ; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/status`);
        if (res.ok) break;
      } catch {
        if (i > 100) throw new Error("chromedriver did not start");
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await remote({
      hostname: "127.0.0.1",
      port,
      logLevel: "warn",
      capabilities: {
        browserName: "chrome",
        "wdio:enforceWebDriverClassic": true,
        "goog:chromeOptions": {
          binary: "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=900,700",
            `--user-data-dir=${mkdtempSync(path.join(tmpdir(), "dip-studio-chromium-"))}`,
          ],
        },
      },
    });
    await browser.url(url);
    if (new URL(url).pathname === "/logout") {
      const here = new URL(await browser.getUrl());
      const text = await (await browser.$("body")).getText();
      writeFileSync(resultFile, JSON.stringify({ origin: here.origin, path: "/logout", hasFragment: false, text }));
      return;
    }
    if (action === "cancel") {
      await (await browser.$("button[value=cancel]")).click();
    } else {
      const admin = practiceAdmin();
      await (await browser.$("#email")).setValue(admin.email);
      await (await browser.$("#password")).setValue(admin.password);
      await (await browser.$("button[value=sign_in]")).click();
    }
    // The loopback page (for Implicit, after its script has relayed the fragment).
    await browser.waitUntil(
      async () => {
        const here = new URL(await browser.getUrl());
        const text = await (await browser.$("body")).getText();
        return here.hostname === "127.0.0.1" && CLOSE_THIS_TAB.some((sentence) => text.includes(sentence));
      },
      { timeout: 20000, interval: 100, timeoutMsg: "the browser did not reach the app's loopback page" },
    );
    const landed = new URL(await browser.getUrl());
    // What the page itself reports as its address once its script has run: the Implicit
    // relay page must have wiped the fragment (the token) with history.replaceState.
    const href = await browser.execute(() => location.href);
    const result = {
      origin: landed.origin,
      path: landed.pathname,
      href,
      hasFragment: landed.hash.length > 0,
      // The page's headline, which says what happened (the relay page's script sets it too).
      heading: await (await browser.$("h1")).getText(),
      text: await (await browser.$("body")).getText(),
    };
    if (shot) await browser.saveScreenshot(shot);
    writeFileSync(resultFile, JSON.stringify(result));
  } catch (err) {
    writeFileSync(resultFile, JSON.stringify({ error: String(err) }));
  } finally {
    await browser?.deleteSession().catch(() => {});
    driver.kill();
  }
}

await run();
