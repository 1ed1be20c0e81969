// Smoke test of the INSTALLED app (the .deb, installed with apt by `cargo xtask test`): the
// window opens with its title and header, its IPC goes through the isolation frame that shipped
// inside the binary (ui/isolation, hook set), and Settings switches to Spanish.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot, text } from "../harness.mjs";

test("the installed app opens, shows the Sandbox org, and its Settings speak Spanish", async () => {
  const b = await launch("installed", { locale: "en_US.UTF-8" });
  try {
    assert.equal(await b.getTitle(), "Dip Studio");
    assert.equal(await text(b, ".brand"), "Dip Studio");
    assert.equal(await text(b, ".badge-sandbox"), "Sandbox org");
    const pattern = await b.execute(() => window.__TAURI_INTERNALS__.__TAURI_PATTERN__.pattern);
    assert.equal(pattern, "isolation", "the installed app runs the isolation pattern");
    await b.switchFrame(await b.$("iframe#__tauri_isolation__"));
    const hook = await b.execute(() => typeof window.__TAURI_ISOLATION_HOOK__);
    await b.switchFrame(null);
    assert.equal(hook, "function", "the package carries ui/isolation's hook");
    await (await b.$("a[data-route=about]")).click();
    assert.equal(await text(b, "[data-screen=about] dd"), process.env.DIP_STUDIO_VERSION, "the installed version");
    assert.match(await text(b, "[data-screen=about] dl"), /Release/);
    await (await b.$("a[data-route=settings]")).click();
    await (await b.$("#settings-language")).selectByAttribute("value", "es");
    await b.waitUntil(async () => (await text(b, "[data-screen=settings] h1")) === "Preferencias", { timeout: 5000 });
    await screenshot(b, "installed-settings-es");
  } finally {
    await b.deleteSession();
  }
});
