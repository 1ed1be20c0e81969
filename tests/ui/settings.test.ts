// The Settings screen: renders the saved choice, saves changes through the API, and
// reports a refused save through the error surface without losing the screen.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SettingsView } from "../../ui/src/api";
import { setLanguage } from "../../ui/src/i18n";
import { settingsView } from "../../ui/src/views/settings";

const systemEs: SettingsView = {
  settings: { language: { mode: "system" }, theme: "system" },
  language: "es",
  wasReset: false,
};

beforeEach(() => {
  setLanguage("es");
  document.body.replaceChildren();
});

describe("settingsView", () => {
  it("shows the system language by name and the current theme", () => {
    const el = settingsView(systemEs, { api: { setSettings: vi.fn() }, onSaved: vi.fn(), onError: vi.fn() });
    const select = el.querySelector<HTMLSelectElement>("#settings-language");
    expect(select?.value).toBe("system");
    expect(select?.options[0]?.textContent).toBe("Igual que el sistema (Español)");
    expect(el.querySelector<HTMLInputElement>("#theme-system")?.checked).toBe(true);
    expect(el.querySelector(".warning")).toBeNull();
  });

  it("saves a chosen language and theme through the API", async () => {
    const saved: SettingsView = { ...systemEs, settings: { language: { mode: "fixed", language: "pt-BR" }, theme: "system" }, language: "pt-BR" };
    const setSettings = vi.fn().mockResolvedValue(saved);
    const onSaved = vi.fn();
    const el = settingsView(systemEs, { api: { setSettings }, onSaved, onError: vi.fn() });
    document.body.append(el);
    const select = el.querySelector<HTMLSelectElement>("#settings-language")!;
    select.value = "pt-BR";
    select.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(setSettings).toHaveBeenCalledWith({ language: { mode: "fixed", language: "pt-BR" }, theme: "system" });

    const dark = el.querySelector<HTMLInputElement>("#theme-dark")!;
    dark.checked = true;
    dark.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(setSettings).toHaveBeenCalledTimes(2));
    expect(setSettings).toHaveBeenLastCalledWith({ language: { mode: "system" }, theme: "dark" });
  });

  it("passes a refused save to the error surface", async () => {
    const refusal = { kind: "storage", message: "read-only file system" };
    const onError = vi.fn();
    const el = settingsView(systemEs, { api: { setSettings: vi.fn().mockRejectedValue(refusal) }, onSaved: vi.fn(), onError });
    const select = el.querySelector<HTMLSelectElement>("#settings-language")!;
    select.value = "en";
    select.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(refusal));
  });

  it("warns when stored settings were unreadable and reset", () => {
    const el = settingsView({ ...systemEs, wasReset: true }, { api: { setSettings: vi.fn() }, onSaved: vi.fn(), onError: vi.fn() });
    expect(el.querySelector(".warning")?.textContent).toContain("No se pudo leer la configuración guardada");
  });
});
