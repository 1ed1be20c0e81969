// The Settings screen: renders the saved choice, saves changes through the API, and
// reports a refused save through the error surface without losing the screen.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SettingsView } from "../../ui/src/api";
import { setLanguage } from "../../ui/src/i18n";
import { settingsView } from "../../ui/src/views/settings/screen";

const systemEs: SettingsView = {
  settings: { language: { mode: "system" }, theme: "system", profiles: [] },
  language: "es",
  wasReset: false,
};

function hooks(over: Partial<Record<"setSettings" | "resetSandbox" | "onSaved" | "onError" | "onSandboxReset", ReturnType<typeof vi.fn>>>) {
  return {
    api: { setSettings: over.setSettings ?? vi.fn(), resetSandbox: over.resetSandbox ?? vi.fn() },
    onSaved: over.onSaved ?? vi.fn(),
    onError: over.onError ?? vi.fn(),
    onSandboxReset: over.onSandboxReset ?? vi.fn(),
  };
}

beforeEach(() => {
  setLanguage("es");
  document.body.replaceChildren();
});

describe("settingsView", () => {
  it("shows the system language by name and the current theme", () => {
    const el = settingsView(systemEs, hooks({}));
    const select = el.querySelector<HTMLSelectElement>("#settings-language");
    expect(select?.value).toBe("system");
    expect(select?.options[0]?.textContent).toBe("Igual que el sistema (Español)");
    expect(el.querySelector<HTMLInputElement>("#theme-system")?.checked).toBe(true);
    expect(el.querySelector(".warning")).toBeNull();
  });

  it("saves a chosen language and theme through the API", async () => {
    const saved: SettingsView = { ...systemEs, settings: { language: { mode: "fixed", language: "pt-BR" }, theme: "system", profiles: [] }, language: "pt-BR" };
    const setSettings = vi.fn().mockResolvedValue(saved);
    const onSaved = vi.fn();
    const el = settingsView(systemEs, hooks({ setSettings, onSaved }));
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
    const el = settingsView(systemEs, hooks({ setSettings: vi.fn().mockRejectedValue(refusal), onError }));
    const select = el.querySelector<HTMLSelectElement>("#settings-language")!;
    select.value = "en";
    select.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(refusal));
  });

  it("warns when stored settings were unreadable and reset", () => {
    const el = settingsView({ ...systemEs, wasReset: true }, hooks({}));
    expect(el.querySelector(".warning")?.textContent).toContain("No se pudo leer la configuración guardada");
  });

  it("resets the Sandbox org only after the user confirms", async () => {
    const resetSandbox = vi.fn().mockResolvedValue(undefined);
    const onSandboxReset = vi.fn();
    const el = settingsView(systemEs, hooks({ resetSandbox, onSandboxReset }));
    document.body.append(el);
    el.querySelector<HTMLButtonElement>("#sandbox-reset")!.click();
    expect(resetSandbox).not.toHaveBeenCalled();
    expect(el.querySelector<HTMLElement>("#sandbox-reset-confirm")!.hidden).toBe(false);
    expect(el.querySelector("#sandbox-reset-confirm")!.textContent).toContain("Se eliminan todos los clientes OAuth");
    el.querySelector<HTMLButtonElement>("#sandbox-reset-no")!.click();
    expect(el.querySelector<HTMLElement>("#sandbox-reset-confirm")!.hidden).toBe(true);
    el.querySelector<HTMLButtonElement>("#sandbox-reset")!.click();
    el.querySelector<HTMLButtonElement>("#sandbox-reset-yes")!.click();
    await vi.waitFor(() => expect(onSandboxReset).toHaveBeenCalledOnce());
    expect(resetSandbox).toHaveBeenCalledOnce();
    expect(el.querySelector("#sandbox-reset-status")!.textContent).toBe("La organización de práctica volvió a su estado inicial.");
  });
});
