// The Settings screen (commands/settings.rs; "Preferencias"/"Preferências", titled as its menu
// entry): language (following the OS by default) and theme, saved on change; and the Sandbox
// org's reset (a sign-in command), which asks first in the destructive dialog.
import type { Api, Preferences, SettingsView } from "../../api";
import type { Language } from "../../generated/Language";
import type { Theme } from "../../generated/Theme";
import { languages, t } from "../../i18n";
import { confirmDestructive } from "../../kit/confirm";
import { h } from "../../kit/dom";

export interface SettingsDeps {
  api: Pick<Api["settings"], "setSettings"> & Pick<Api["signIn"], "resetSandbox">;
  /** Called with the saved settings so the app can re-render in the new language/theme. */
  onSaved: (view: SettingsView) => void;
  /** A refused save, with the save to repeat for the error panel's Try again. */
  onError: (err: unknown, retry: () => void) => void;
  /** Called after the Sandbox org was reset (a Sandbox session ends with it). */
  onSandboxReset: () => void;
}

/** The Sandbox org section: a reset that asks first in the destructive dialog, naming what it
 *  deletes, with Cancel as the default. A failed reset is shown in the dialog (Yes tries again). */
function sandboxSection(deps: SettingsDeps): HTMLElement {
  const status = h("p", { class: "status", role: "status", id: "sandbox-reset-status" });
  const reset = h("button", { type: "button", class: "danger", id: "sandbox-reset" }, t("sandbox.reset"));
  reset.addEventListener("click", () => {
    status.textContent = "";
    void confirmDestructive({
      id: "sandbox-reset-confirm",
      title: t("sandbox.resetTitle"),
      lead: t("sandbox.resetLoses"),
      objects: [t("sandbox.resetLostClients"), t("sandbox.resetLostCredentials"), t("sandbox.resetLostIntegrations")],
      consequences: [t("sandbox.resetSignedOut")],
      confirm: t("sandbox.reset"),
      cancel: t("sandbox.cancel"),
      busy: t("sandbox.resetting"),
      act: () => deps.api.resetSandbox().then(() => true),
    }).then((done) => {
      if (!done) return;
      status.textContent = t("sandbox.resetDone");
      deps.onSandboxReset();
    });
  });
  return h(
    "section",
    { class: "card", "aria-labelledby": "sandbox-title", id: "sandbox-settings" },
    h("h2", { id: "sandbox-title" }, t("sandbox.title")),
    h("p", { class: "hint" }, t("sandbox.intro")),
    reset,
    status,
  );
}

const THEMES: { value: Theme; key: string }[] = [
  { value: "system", key: "settings.themeSystem" },
  { value: "light", key: "settings.themeLight" },
  { value: "dark", key: "settings.themeDark" },
];

export function settingsView(view: SettingsView, deps: SettingsDeps, justSaved = false): HTMLElement {
  const { settings } = view;
  const systemLanguage = settings.language.mode === "system" ? view.language : null;
  const select = h(
    "select",
    { id: "settings-language", name: "language" },
    h(
      "option",
      { value: "system", selected: settings.language.mode === "system" },
      t("settings.languageSystem", { language: t(`languages.${systemLanguage ?? view.language}`) }),
    ),
    ...languages.map((lang) =>
      h(
        "option",
        { value: lang, lang, selected: settings.language.mode === "fixed" && settings.language.language === lang },
        t(`languages.${lang}`),
      ),
    ),
  );
  const themes = THEMES.map(({ value, key }) => {
    const input = h("input", { type: "radio", name: "theme", value, id: `theme-${value}`, checked: settings.theme === value });
    return h("label", { class: "choice", for: `theme-${value}` }, input, " ", t(key));
  });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" }, justSaved ? t("settings.saved") : "");

  // Only language and theme go back: saved profiles are Rust's to write.
  const current: Preferences = { language: settings.language, theme: settings.theme };
  const save = async (next: Preferences): Promise<void> => {
    try {
      deps.onSaved(await deps.api.setSettings(next));
    } catch (err) {
      deps.onError(err, () => void save(next));
    }
  };
  select.addEventListener("change", () => {
    const value = select.value;
    const language = value === "system" ? { mode: "system" as const } : { mode: "fixed" as const, language: value as Language };
    void save({ ...current, language });
  });
  for (const label of themes) {
    label.querySelector("input")?.addEventListener("change", (ev) => {
      const theme = (ev.target as HTMLInputElement).value as Theme;
      void save({ ...current, theme });
    });
  }

  return h(
    "section",
    { class: "screen", "aria-labelledby": "settings-title", "data-screen": "settings" },
    h("h1", { id: "settings-title" }, t("nav.settings")),
    h("p", { class: "intro" }, t("settings.intro")),
    view.wasReset ? h("p", { class: "warning", role: "alert" }, t("settings.wasReset")) : null,
    h(
      "form",
      { class: "form", id: "settings-form" },
      h("div", { class: "field" }, h("label", { for: "settings-language" }, t("settings.language")), select),
      h("fieldset", { class: "field" }, h("legend", {}, t("settings.theme")), ...themes),
    ),
    status,
    sandboxSection(deps),
  );
}
