// The Settings screen: titled as its menu entry, renders the saved choice, saves changes through
// the API, reports a refused save through the error surface (with the save to try again), and
// resets the Sandbox org only through the destructive dialog.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SettingsView } from "../../ui/src/api";
import { setLanguage, t } from "../../ui/src/i18n";
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

  it("is titled as its menu entry, which no longer collides with the guided setup's", () => {
    const el = settingsView(systemEs, hooks({}));
    expect(el.querySelector("h1")?.textContent).toBe("Preferencias");
    expect(el.querySelector("h1")?.textContent).toBe(t("nav.settings"));
    expect(t("nav.setup")).not.toContain(t("nav.settings"));
  });

  it("passes a refused save to the error surface, with the same save to try again", async () => {
    const refusal = { kind: "storage", message: "read-only file system" };
    const onError = vi.fn();
    const setSettings = vi.fn().mockRejectedValue(refusal);
    const el = settingsView(systemEs, hooks({ setSettings, onError }));
    const select = el.querySelector<HTMLSelectElement>("#settings-language")!;
    select.value = "en";
    select.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(refusal, expect.any(Function)));
    const retry = onError.mock.calls[0]![1] as () => void;
    retry();
    await vi.waitFor(() => expect(setSettings).toHaveBeenCalledTimes(2));
    expect(setSettings).toHaveBeenLastCalledWith({ language: { mode: "fixed", language: "en" }, theme: "system" });
  });

  it("warns when stored settings were unreadable and reset", () => {
    const el = settingsView({ ...systemEs, wasReset: true }, hooks({}));
    expect(el.querySelector(".warning")?.textContent).toContain("No se pudieron leer sus preferencias guardadas");
  });

  it("resets the Sandbox org only after the user confirms in a dialog that names what is lost, Cancel focused", async () => {
    const resetSandbox = vi.fn().mockRejectedValueOnce({ kind: "storage", message: "disk full" }).mockResolvedValue(undefined);
    const onSandboxReset = vi.fn();
    const el = settingsView(systemEs, hooks({ resetSandbox, onSandboxReset }));
    document.body.append(el);
    const dialog = () => document.getElementById("sandbox-reset-confirm");
    el.querySelector<HTMLButtonElement>("#sandbox-reset")!.click();
    expect(resetSandbox).not.toHaveBeenCalled();
    expect(dialog()?.getAttribute("role")).toBe("dialog");
    expect(dialog()!.textContent).toContain("¿Restablecer la organización de práctica?");
    expect([...dialog()!.querySelectorAll(".confirm-objects li")].map((li) => li.textContent)).toEqual([
      "todos los clientes OAuth que creó, con sus roles",
      "todas las credenciales de integración",
      "todas las integraciones de acciones de datos, activas o no",
    ]);
    expect(dialog()!.textContent).toContain("Se cierra su sesión");
    await vi.waitFor(() => expect(document.activeElement?.id).toBe("sandbox-reset-confirm-no"));
    const buttons = [...dialog()!.querySelectorAll(".modal-actions button")].map((b) => b.id);
    expect(buttons, "Cancel comes first").toEqual(["sandbox-reset-confirm-no", "sandbox-reset-confirm-yes"]);
    document.querySelector<HTMLButtonElement>("#sandbox-reset-confirm-no")!.click();
    expect(dialog()).toBeNull();
    expect(resetSandbox).not.toHaveBeenCalled();

    el.querySelector<HTMLButtonElement>("#sandbox-reset")!.click();
    document.querySelector<HTMLButtonElement>("#sandbox-reset-confirm-yes")!.click();
    await vi.waitFor(() => expect(dialog()?.querySelector(".error-panel")).not.toBeNull());
    expect(onSandboxReset, "a failed reset keeps the dialog open, with the error in it").not.toHaveBeenCalled();
    document.querySelector<HTMLButtonElement>("#sandbox-reset-confirm-yes")!.click();
    await vi.waitFor(() => expect(onSandboxReset).toHaveBeenCalledOnce());
    expect(resetSandbox).toHaveBeenCalledTimes(2);
    expect(dialog()).toBeNull();
    expect(el.querySelector("#sandbox-reset-status")!.textContent).toBe("La organización de práctica volvió a su estado inicial.");
  });
});
