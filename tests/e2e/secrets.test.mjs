// Secret hygiene in the real app (security-matrix.md F1): after a browser sign-in and a client-credentials
// sign-in, neither the access tokens (read back from the real keychain with secret-tool) nor
// the client secret appear anywhere the app writes (settings, Sandbox state, logs, WebKit
// storage and caches, the temp folder, the console output) or in what the window shows or its title.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launch, scratch, screenshot, screenshotPath, text } from "./harness.mjs";

const SERVICE = "studio.dip.desktop.dev";
const seed = JSON.parse(readFileSync(fileURLToPath(new URL("../../src-tauri/sandbox/src/seed.json", import.meta.url)), "utf8"));

function keychain(account) {
  return execFileSync("secret-tool", ["lookup", "service", SERVICE, "username", account], { encoding: "utf8" }).trim();
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const st = statSync(full);
    return st.isDirectory() ? files(full) : st.isFile() ? [full] : [];
  });
}

function assertNowhere(dir, needle, what) {
  assert.ok(needle.length >= 16, `${what} looks too short to be real: ${needle.length}`);
  const hits = files(dir).filter((f) => readFileSync(f).includes(Buffer.from(needle)));
  assert.deepEqual(hits, [], `${what} leaked into files`);
}

test("no token or client secret in the app's files, logs or window", async () => {
  const profile = "secrets";
  const dir = scratch(profile);
  const wrapper = path.join(dir, "browser.sh");
  writeFileSync(wrapper, `#!/bin/sh\nexec node '${fileURLToPath(new URL("./browser.mjs", import.meta.url))}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  // The app's temp folder and its console output are kept inside `dir`, so the scan covers them.
  const tmp = path.join(dir, "tmp");
  mkdirSync(tmp, { recursive: true });
  const b = await launch(profile, {
    output: path.join(dir, "console.txt"),
    env: {
      TMPDIR: tmp,
      DIP_STUDIO_TEST_BROWSER: wrapper,
      DIP_STUDIO_BROWSER_RESULT: path.join(dir, "browser.json"),
      DIP_STUDIO_BROWSER_SCREENSHOT: screenshotPath("browser-secrets"),
    },
  });
  try {
    await (await b.$("#signin-submit")).click();
    await (await b.$("#signin-session")).waitForDisplayed({ timeout: 40000 });
    const userToken = keychain("token:sandbox/pkce/");

    // Make a client-credentials client in the Sandbox org, as the signed-in admin.
    const log = files(path.join(dir, "data")).filter((f) => f.endsWith(".log")).map((f) => readFileSync(f, "utf8")).join("\n");
    const api = /Sandbox org started: login \S+, API (\S+)/.exec(log)?.[1];
    assert.ok(api, "the log names the Sandbox org's API host");
    const admin = seed.users.find((u) => u.id === seed.signIn.adminUserId);
    const created = await fetch(`${api}/api/v2/oauth/clients`, {
      method: "POST",
      headers: { authorization: `Bearer ${userToken}`, "content-type": "application/json" },
      body: JSON.stringify({
        name: "Canary automation",
        authorizedGrantType: "CLIENT-CREDENTIALS",
        accessTokenValiditySeconds: 3600,
        roleDivisions: [{ roleId: admin.grants[0].roleId, divisionId: admin.divisionId }],
      }),
    });
    assert.equal(created.status, 200, await created.clone().text());
    const client = await created.json();

    // Signed in, the sign-in form sits folded under the next steps.
    await (await b.$("#signin-another summary")).click();
    await (await b.$("#signin-method-clientCredentials")).click();
    await (await b.$("#signin-client-id")).setValue(client.id);
    await (await b.$("#signin-client-secret")).setValue(client.secret);
    await (await b.$("#signin-submit")).click();
    await b.waitUntil(async () => /client-credentials client/.test(await text(b, "#signin-session")), {
      timeout: 20000,
      timeoutMsg: "the client-credentials session never showed",
    });
    await screenshot(b, "signin-client-credentials-en");
    assert.equal(await (await b.$("#signin-client-secret")).getValue(), "", "the secret field is cleared");
    const clientToken = keychain(`token:sandbox/client-credentials/${client.id}`);
    assert.equal(keychain(`client-secret:sandbox/client-credentials/${client.id}`), client.secret, "the secret is in the keychain");

    const page = await b.getPageSource();
    const title = await b.getTitle();
    assert.ok(existsSync(path.join(dir, "console.txt")), "the app's console output is captured");
    for (const [what, value] of [["the user token", userToken], ["the client token", clientToken], ["the client secret", client.secret]]) {
      assert.ok(!page.includes(value), `${what} is in the window`);
      assert.ok(!title.includes(value), `${what} is in the window title`);
      // Files under dir: app data, logs, the temp folder and the console output.
      assertNowhere(dir, value, what);
    }
  } finally {
    await b.deleteSession();
  }
});
