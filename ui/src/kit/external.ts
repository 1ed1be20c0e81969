// A "Learn more" link to a Genesys help article. The webview may open nothing itself, so a
// click asks Rust (`open_help`, which accepts help.mypurecloud.com articles only) to open the
// page in the system browser; the href stays for hover and copy.
import { api } from "../api";
import { h } from "./dom";

export function helpLink(url: string, label: string, attrs: Record<string, string> = {}): HTMLAnchorElement {
  const link = h("a", { ...attrs, href: url, rel: "noopener noreferrer", class: `external ${attrs.class ?? ""}`.trim() }, label) as HTMLAnchorElement;
  link.addEventListener("click", (ev) => {
    ev.preventDefault();
    api.app.openHelp(url).catch(() => {
      // Not opened (no browser): the address stays visible on hover and can be copied.
    });
  });
  return link;
}
