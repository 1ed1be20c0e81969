// The error surface: localized headline by kind, Genesys's message and contextId, no stack.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../../ui/src/i18n";
import { errorPanel, toCommandError } from "../../ui/src/kit/errors";

beforeEach(() => setLanguage("en"));

describe("toCommandError", () => {
  it("keeps a CommandError as it is", () => {
    expect(toCommandError({ kind: "storage", message: "disk full", contextId: "ctx-1" })).toEqual({
      kind: "storage",
      message: "disk full",
      contextId: "ctx-1",
    });
  });

  it("turns an unknown kind, a string rejection or an Error into 'unexpected' without a stack", () => {
    expect(toCommandError({ kind: "martian", message: "x" }).kind).toBe("unexpected");
    expect(toCommandError("invalid args `settings` for command `set_settings`")).toEqual({
      kind: "unexpected",
      message: "invalid args `settings` for command `set_settings`",
    });
    const err = new Error("boom");
    const shown = toCommandError(err);
    expect(shown.message).toBe("boom");
    expect(JSON.stringify(shown)).not.toContain("at ");
  });
});

describe("errorPanel", () => {
  it("shows the localized headline, Genesys's message verbatim and the contextId", () => {
    setLanguage("es");
    const panel = errorPanel({
      kind: "invalidInput",
      message: "Client roles are missing. <b>not markup</b>",
      contextId: "9f1c-ctx",
    });
    expect(panel.getAttribute("role")).toBe("alert");
    expect(panel.textContent).toContain("Parte de lo que ingresó no es válido.");
    expect(panel.querySelector(".error-message")?.textContent).toContain("Client roles are missing. <b>not markup</b>");
    expect(panel.querySelector("b")).toBeNull();
    expect(panel.querySelector(".error-context code")?.textContent).toBe("9f1c-ctx");
  });

  it("has no contextId row when there is none, and dismisses", () => {
    const onDismiss = vi.fn();
    const panel = errorPanel({ kind: "unexpected", message: "x" }, onDismiss);
    document.body.append(panel);
    expect(panel.querySelector(".error-context")).toBeNull();
    panel.querySelector("button")?.dispatchEvent(new MouseEvent("click"));
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(document.body.contains(panel)).toBe(false);
  });
});
