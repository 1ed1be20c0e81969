// A client id as admins need it: in monospace, with a small Copy button beside it (the
// webview's clipboard, through kit/copy.ts) labelled with the client's name for screen readers.
import { t } from "../../i18n";
import { copyButton } from "../../kit/copy";
import { h } from "../../kit/dom";

export function clientIdWithCopy(id: string, name: string, codeId?: string): HTMLElement {
  const copy = copyButton(id);
  copy.setAttribute("aria-label", t("clients.common.copyId", { name }));
  copy.dataset.copyId = id;
  return h("span", { class: "client-id" }, h("code", codeId ? { id: codeId } : {}, id), " ", copy);
}
