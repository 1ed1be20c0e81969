// The app's frame in the real window: header with the Sandbox org badge, navigation,
// About, and Settings in en, es and pt-BR (following the OS language, then chosen).
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot, text } from "./harness.mjs";
import { assertAccessible } from "./a11y.mjs";

// Every page is titled as its menu entry; es and pt-BR call Settings "Preferencias"/"Preferências",
// which no longer reads like the guided setup ("Configuración guiada"/"Configuração guiada").
const LANGS = [
  { lang: "en", locale: "en_US.UTF-8", signin: "Sign-in", about: "About Dip Studio", settings: "Settings", badge: "Sandbox org" },
  { lang: "es", locale: "es_ES.UTF-8", signin: "Inicio de sesión", about: "Acerca de Dip Studio", settings: "Preferencias", badge: "Organización de práctica" },
  { lang: "pt-BR", locale: "pt_BR.UTF-8", signin: "Login", about: "Sobre o Dip Studio", settings: "Preferências", badge: "Organização de teste" },
];

for (const l of LANGS) {
  test(`the main window and Settings follow the OS language (${l.lang})`, async () => {
    const b = await launch(`os-${l.lang}`, { locale: l.locale });
    try {
      assert.equal(await b.getTitle(), "Dip Studio");
      assert.equal(await b.$("html").getAttribute("lang"), l.lang, "the document language follows the OS");
      assert.equal(await text(b, "[data-screen=signin] h1"), l.signin, "the app opens on Sign-in");
      assert.equal(await text(b, "a[data-route=signin]"), l.signin, "the title is the menu entry");
      assert.equal(await text(b, ".badge-sandbox"), l.badge, "the Sandbox org is the default org");
      await screenshot(b, `main-${l.lang}`);

      await (await b.$("a[data-route=about]")).click();
      assert.equal(await text(b, "[data-screen=about] h1"), l.about);
      assert.match(await text(b, "[data-screen=about] dl"), /studio\.dip\.desktop/);
      await screenshot(b, `about-${l.lang}`);
      await assertAccessible(b, `About (${l.lang})`);

      await (await b.$("a[data-route=settings]")).click();
      assert.equal(await text(b, "[data-screen=settings] h1"), l.settings);
      assert.equal(await text(b, "a[data-route=settings]"), l.settings, "the title is the menu entry");
      assert.equal(await (await b.$("#settings-language")).getValue(), "system", "no language chosen yet");
      assert.equal(await (await b.$("a[aria-current=page]")).getAttribute("data-route"), "settings");
      await screenshot(b, `settings-${l.lang}`);
      await assertAccessible(b, `Settings (${l.lang})`);
    } finally {
      await b.deleteSession();
    }
  });
}

test("a language and theme chosen in Settings apply at once and survive a restart", async () => {
  let b = await launch("chosen", { locale: "en_US.UTF-8" });
  try {
    await (await b.$("a[data-route=settings]")).click();
    await (await b.$("#settings-language")).selectByAttribute("value", "pt-BR");
    await b.waitUntil(async () => (await text(b, "[data-screen=settings] h1")) === "Preferências", {
      timeout: 5000,
      timeoutMsg: "the screen did not switch to Portuguese",
    });
    assert.equal(await text(b, "[role=status]"), "Salvo.");
    await (await b.$("#theme-dark")).click();
    await b.waitUntil(async () => (await b.$("html").getAttribute("data-theme")) === "dark", { timeout: 5000 });
    await screenshot(b, "settings-pt-BR-dark");
  } finally {
    await b.deleteSession();
  }
  b = await launch("chosen", { locale: "en_US.UTF-8" });
  try {
    assert.equal(await text(b, "[data-screen=signin] h1"), "Login", "the chosen language beats the OS language");
    assert.equal(await b.$("html").getAttribute("data-theme"), "dark");
    await screenshot(b, "main-pt-BR-dark-after-restart");
  } finally {
    await b.deleteSession();
  }
});
