// The window's frame before the backend has said who is signed in: the header and navigation are
// drawn at once, the org says it is checking the sign-in (in the UI's language), and the main
// area is a busy placeholder that assistive technology skips.
import { beforeEach, describe, expect, it } from "vitest";
import { setLanguage, t } from "../../ui/src/i18n";
import { PENDING, ROUTES, shellView } from "../../ui/src/views/app/shell";

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
});

describe("the frame drawn before the session is known", () => {
  it.each(["en", "es", "pt-BR"] as const)("has the whole navigation, a busy main area and a checking badge (%s)", (language) => {
    setLanguage(language);
    const shell = shellView("integrations", PENDING);
    document.body.append(shell.root);
    const links = [...shell.root.querySelectorAll<HTMLAnchorElement>("nav a")];
    expect(links.map((a) => a.dataset.route)).toEqual(ROUTES);
    expect(shell.root.querySelector('nav a[aria-current="page"]')?.getAttribute("data-route")).toBe("integrations");
    expect(shell.main.getAttribute("aria-busy")).toBe("true");
    expect(shell.main.querySelector(".skeleton")?.getAttribute("aria-hidden")).toBe("true");
    const badge = shell.root.querySelector<HTMLElement>(".org")!;
    expect(badge.dataset.org).toBe("pending");
    expect(badge.textContent).toBe(t("org.checking"));
    expect(badge.textContent).not.toBe("org.checking");
  });

  it("is not busy once a session (or none) is known", () => {
    const shell = shellView("signin", null);
    expect(shell.main.hasAttribute("aria-busy")).toBe(false);
    expect(shell.main.querySelector(".skeleton")).toBeNull();
    expect(shell.root.querySelector<HTMLElement>(".org")?.dataset.org).toBe("sandbox");
  });
});
