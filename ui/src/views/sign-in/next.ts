// What to do once signed in: the guided setup (everything Data Actions need, in one run) as the
// main action, and creating one OAuth client by hand beside it.
import { t } from "../../i18n";
import { h } from "../../kit/dom";

export function nextSteps(): HTMLElement {
  const step = (id: string, href: string, label: string, hint: string, primary: boolean): HTMLElement =>
    h(
      "li",
      {},
      h("a", { href, id, class: primary ? "button" : "button secondary" }, label),
      h("p", { class: "hint" }, hint),
    );
  return h(
    "section",
    { class: "card next-steps", id: "signin-next", "aria-labelledby": "signin-next-title" },
    h("h2", { id: "signin-next-title" }, t("signin.nextTitle")),
    h(
      "ul",
      { class: "plain steps" },
      step("signin-next-setup", "#/setup", t("signin.nextSetup"), t("signin.nextSetupHint"), true),
      step("signin-next-client", "#/clients/new", t("signin.nextClient"), t("signin.nextClientHint"), false),
    ),
  );
}
