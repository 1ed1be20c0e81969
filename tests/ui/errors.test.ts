// The error surface: a localized headline by kind saying what happened, what to do, Genesys's
// message and contextId behind Details (never repeating the headline), Try again, no stack.
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
    expect(panel.querySelector("h2.error-headline")?.textContent).toBe("Parte de lo que ingresó no es válido.");
    expect(panel.querySelector(".error-details summary")?.textContent).toBe("Detalles");
    expect(panel.querySelector(".error-details .error-message"), "the core's message sits behind Details").not.toBeNull();
    expect(panel.querySelector(".error-message")?.textContent).toContain("Client roles are missing. <b>not markup</b>");
    expect(panel.querySelector("b")).toBeNull();
    expect(panel.querySelector(".error-context code")?.textContent).toBe("9f1c-ctx");
  });

  it("has no contextId row when there is none, and dismisses (the older callback argument still works)", () => {
    const onDismiss = vi.fn();
    const panel = errorPanel({ kind: "unexpected", message: "x" }, onDismiss);
    document.body.append(panel);
    expect(panel.querySelector(".error-context")).toBeNull();
    expect(panel.querySelector(".error-retry"), "no Try again unless the caller can repeat what failed").toBeNull();
    panel.querySelector("button")?.dispatchEvent(new MouseEvent("click"));
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(document.body.contains(panel)).toBe(false);
  });

  it("says what happened in the headline, what to do under it, and does not repeat it in Details", () => {
    const panel = errorPanel({ kind: "signInDenied", message: "sign-in was denied or cancelled in the browser" });
    expect(panel.querySelector(".error-headline")?.textContent).toBe("Sign-in was cancelled or denied in the browser.");
    expect(panel.querySelector(".error-help")?.textContent).toContain("Nothing was changed");
    expect(panel.querySelector(".error-details"), "a message made only of the headline's words adds nothing").toBeNull();
    expect(panel.textContent).not.toContain("Something went wrong");
    const coded = errorPanel({ kind: "signInDenied", message: "sign-in was denied or cancelled in the browser (access_denied)" });
    expect(coded.querySelector(".error-details .error-message")?.textContent, "a message with more in it is kept").toContain("access_denied");
    expect(errorPanel({ kind: "api", message: "x" }).querySelector(".error-help"), "no help line where the catalogue has none").toBeNull();
  });

  it("offers Try again when the caller gives a retry, which clears the panel and runs it", () => {
    const onRetry = vi.fn();
    const onDismiss = vi.fn();
    const panel = errorPanel({ kind: "network", message: "connection refused" }, { onRetry, onDismiss });
    document.body.append(panel);
    const buttons = [...panel.querySelectorAll(".error-actions button")].map((b) => b.textContent);
    expect(buttons).toEqual(["Try again", "Dismiss"]);
    panel.querySelector<HTMLButtonElement>(".error-retry")!.click();
    expect(onRetry).toHaveBeenCalledOnce();
    expect(onDismiss, "the caller's slot is cleared too").toHaveBeenCalledOnce();
    expect(document.body.contains(panel)).toBe(false);
    const retryOnly = errorPanel({ kind: "network", message: "x" }, { onRetry });
    expect([...retryOnly.querySelectorAll("button")].map((b) => b.textContent)).toEqual(["Try again"]);
  });
});
