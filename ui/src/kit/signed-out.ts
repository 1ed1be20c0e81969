// The panel a screen shows instead of its content while nobody is signed in: what the screen
// needs and a link to Sign-in.
import { h } from "./dom";

export interface SignedOutText {
  title: string;
  body: string;
  action: string;
}

export function signInFirst(id: string, text: SignedOutText): HTMLElement {
  return h(
    "section",
    { class: "card", id },
    h("h2", {}, text.title),
    h("p", {}, text.body),
    h("a", { href: "#/signin", class: "button" }, text.action),
  );
}
